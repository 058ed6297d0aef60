/*
 * test_read_ranges.c - the JSONL reader over byte ranges, as a
 * distributed run reads a big file: cut into two pieces at every byte
 * offset, then into many pieces, the pieces give the documents of the
 * whole file, each once, in order, with the same ids (those made of line
 * numbers too) and the same diagnostics' lines; the line counts of
 * px__jsonl_range_lines add up; px__reader_unique_id renames as the
 * reader does; px__reader_next_path walks folders as the reader does.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../harness.h"
#include "../../src/read/read.h"

/* blank lines, a bad record, records without ids, a last line without
 * a line feed, and a multi-byte character near a cut */
static const char jsonl[] =
    "{\"id\": \"a\", \"text\": \"First story, with caf\xc3\xa9 words.\"}\n"
    "\n"
    "{\"text\": \"A record without an id.\"}\n"
    "{\"id\": \"c\", \"text\": \"\"}\n"
    "not json at all\n"
    "   \n"
    "{\"id\": \"d\", \"text\": \"Fourth record here.\"}\n"
    "{\"text\": \"Another without an id, on line eight.\"}\n"
    "\n\n"
    "{\"id\": \"e\", \"text\": \"The last one has no line feed.\"}";

typedef struct seen {
    char ids[64][64];
    size_t n;
    size_t diag_lines[64];
    size_t n_diag;
} seen;

static void on_diag(void *ud, const px_diag *d)
{
    seen *s = ud;
    if (s->n_diag < 64)
        s->diag_lines[s->n_diag++] = d->line;
}

static char path[64];

static void read_piece(seen *s, uint64_t start, uint64_t end, bool ranged, size_t *records)
{
    px_read_options opt = {on_diag, s, PX_FORMAT_AUTO, 0};
    px_reader *r = NULL;
    if (px_reader_new(&r, &opt))
        return;
    px__reader_keep_ids(r);
    if (ranged) {
        uint64_t before = 0;
        if (start)
            px__jsonl_range_lines(path, 0, start, &before);
        px__reader_set_range(r, start, end, (size_t)before);
    }
    px_reader_add(r, path);
    px_doc *doc;
    while (px_reader_next(r, &doc) == 1) {
        if (s->n < 64)
            snprintf(s->ids[s->n++], 64, "%s", px_doc_id(doc));
        px_doc_free(doc);
    }
    if (records)
        *records += px__reader_range_records(r);
    px_reader_free(r);
}

static void test_every_cut(void)
{
    seen whole = {0};
    read_piece(&whole, 0, 0, false, NULL);
    ASSERT_EQ(whole.n, 5);
    ASSERT_STR_EQ(whole.ids[1], "ranges:3");
    ASSERT_STR_EQ(whole.ids[3], "ranges:8");
    uint64_t all;
    ASSERT_EQ(px__jsonl_range_lines(path, 0, UINT64_MAX, &all), PX_OK);
    ASSERT_EQ(all, 11);
    size_t len = sizeof jsonl - 1;
    for (uint64_t cut = 0; cut <= len + 1; cut++) {
        seen s = {0};
        size_t records = 0;
        read_piece(&s, 0, cut, true, &records);
        read_piece(&s, cut, UINT64_MAX, true, &records);
        ASSERT_EQ(s.n, whole.n);
        ASSERT_EQ(records, 7);
        for (size_t i = 0; i < s.n; i++)
            ASSERT_STR_EQ(s.ids[i], whole.ids[i]);
        ASSERT_EQ(s.n_diag, whole.n_diag);
        for (size_t i = 0; i < s.n_diag; i++)
            ASSERT_EQ(s.diag_lines[i], whole.diag_lines[i]);
        uint64_t a, b;
        ASSERT_EQ(px__jsonl_range_lines(path, 0, cut, &a), PX_OK);
        ASSERT_EQ(px__jsonl_range_lines(path, cut, UINT64_MAX, &b), PX_OK);
        ASSERT_EQ(a + b, all);
    }
    /* many small pieces */
    for (uint64_t step = 1; step < 40; step += 7) {
        seen s = {0};
        for (uint64_t at = 0; at <= len; at += step)
            read_piece(&s, at, at + step, true, NULL);
        ASSERT_EQ(s.n, whole.n);
        for (size_t i = 0; i < s.n; i++)
            ASSERT_STR_EQ(s.ids[i], whole.ids[i]);
    }
}

static void test_unique_id(void)
{
    px_reader *r = NULL;
    ASSERT_EQ(px_reader_new(&r, NULL), PX_OK);
    const char *ids[] = {"x", "x~2", "x", "y", "x"};
    const char *want[] = {"x", "x~2", "x~3", "y", "x~4"};
    for (size_t i = 0; i < 5; i++) {
        char renamed[256];
        bool changed;
        ASSERT_EQ(px__reader_unique_id(r, ids[i], renamed, sizeof renamed, &changed), PX_OK);
        ASSERT_STR_EQ(changed ? renamed : ids[i], want[i]);
    }
    px_reader_free(r);
}

static void test_next_path(void)
{
    px_reader *r = NULL;
    ASSERT_EQ(px_reader_new(&r, NULL), PX_OK);
    px_reader_add(r, path);
    px_reader_add(r, "/nonexistent/parallax/file.jsonl");
    px_reader_add(r, path);
    char *p;
    px_format fmt;
    bool gz = true;
    ASSERT_EQ(px__reader_next_path(r, &p, &fmt, &gz), 1);
    ASSERT_STR_EQ(p, path);
    ASSERT_EQ(fmt, PX_FORMAT_JSONL);
    ASSERT_EQ(gz, false);
    free(p);
    ASSERT_EQ(px__reader_next_path(r, &p, &fmt, &gz), 1);
    ASSERT_STR_EQ(p, path);
    free(p);
    ASSERT_EQ(px__reader_next_path(r, &p, &fmt, &gz), 0);
    ASSERT_EQ(px_reader_n_errors(r), 1);
    px_reader_free(r);
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/ranges.jsonl");
    char dir[] = "/tmp/px_rangesXXXXXX";
    if (mkdtemp(dir))
        snprintf(path, sizeof path, "%s/ranges.jsonl", dir);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(jsonl, 1, sizeof jsonl - 1, f) != sizeof jsonl - 1 || fclose(f))
        return 1;
    RUN_TEST(test_every_cut);
    RUN_TEST(test_unique_id);
    RUN_TEST(test_next_path);
    unlink(path);
    rmdir(dir);
    return TEST_SUMMARY();
}
