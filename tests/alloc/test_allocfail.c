/*
 * test_allocfail.c - the allocation-failure test, in the manner of
 * SQLite's: every stage of the pipeline runs on small inputs (read of
 * each format: text, front matter, JSON Lines, HTML, SGML, WARC with a
 * windows-1252 page and a gzip-coded one, gzip, UTF-16; a folder; then
 * quotes, dates, entities, near-duplicates and stories,
 * brief, report in each format, the corpus) with the Nth allocation of
 * the library failing, for N = 1, 2, 3, ... until a run completes
 * without one, first with that allocation alone failing, then with every
 * allocation from the Nth on failing (memory that stays short).
 *
 * Each run must succeed or return PX_ENOMEM; a run that succeeds in
 * spite of a failure must give the output of the run without one, or
 * report an out-of-memory diagnostic for what it skipped. It must free
 * all it took (the heap in use before and after the run, as
 * AddressSanitizer counts it) and, under ASan and UBSan, neither crash
 * nor do anything undefined.
 *
 * Built only with -DPX_ALLOC_TEST=ON (the sanitizer build). Usage:
 *   test_allocfail [--stage NAME] [--full | --step K] [--from N] [--to N]
 *                  [--persistent] [--max-problems N] [--trace] [--list] [-v]
 * (--trace prints the stack of each injected failure.)
 * PX_SOURCE_DIR locates tests/alloc/inputs.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../src/util/util.h"
#include "parallax.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define HAVE_ASAN 1
#endif
#ifdef HAVE_ASAN
#include <sanitizer/allocator_interface.h>
#include <sanitizer/common_interface_defs.h>
#include <sanitizer/lsan_interface.h>
static size_t heap_in_use(void)
{
    return __sanitizer_get_current_allocated_bytes();
}
#else
static size_t heap_in_use(void)
{
    return 0;
}
#endif

/* ---- what a run writes: output and diagnostics, in libc memory ---- */

typedef struct sink {
    char *ptr;
    size_t len;
    FILE *f;
} sink;

static bool sink_open(sink *s)
{
    s->ptr = NULL;
    s->len = 0;
    s->f = open_memstream(&s->ptr, &s->len);
    return s->f != NULL;
}

static void sink_close(sink *s)
{
    if (s->f)
        fclose(s->f);
    s->f = NULL;
}

static void sink_free(sink *s)
{
    sink_close(s);
    free(s->ptr);
    s->ptr = NULL;
    s->len = 0;
}

typedef struct run {
    sink out;  /* the stage's output */
    sink diag; /* diagnostics */
} run;

static void on_diag(void *ud, const px_diag *d)
{
    run *r = ud;
    fprintf(r->diag.f, "%s:%zu: %s: %s [%s]\n", d->file ? d->file : "?", d->line,
            d->severity == PX_SEV_ERROR ? "error" : "warning", d->message,
            d->doc ? d->doc : "");
}

/* ---- inputs ---- */

static char inputs[4096], tmpdir[4096];

static void input_path(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", inputs, name);
}

/* Reads the named inputs (the allocator must not be armed): the story's
 * documents for the stages after reading. */
#define MAX_DOCS 16
typedef struct docs {
    px_doc *v[MAX_DOCS];
    size_t n;
} docs;

static int read_docs(docs *d, const char *const *names, size_t n_names)
{
    d->n = 0;
    px_reader *r = NULL;
    int rc = px_reader_new(&r, NULL);
    for (size_t i = 0; !rc && i < n_names; i++) {
        char p[4200];
        input_path(p, sizeof p, names[i]);
        rc = px_reader_add(r, p);
    }
    px_doc *doc;
    while (!rc && (rc = px_reader_next(r, &doc)) == 1) {
        if (d->n == MAX_DOCS) {
            px_doc_free(doc);
            continue;
        }
        d->v[d->n++] = doc;
        rc = 0;
    }
    px_reader_free(r);
    return rc;
}

static void free_docs(docs *d)
{
    for (size_t i = 0; i < d->n; i++)
        px_doc_free(d->v[i]);
    d->n = 0;
}

static const char *const story_names[] = {"a_ledger.txt", "b_courier.txt", "c_wire.jsonl",
                                          "d_post.html"};

/* ---- the stages ---- */

typedef struct ctx {
    docs d;
    run *r;
} ctx;

/* Each stage: setup (not armed), the run (armed), teardown. */
typedef struct stage {
    const char *name;
    const char *const *files; /* read by setup into ctx.d (NULL: none) */
    size_t n_files;
    int (*run)(ctx *c);
    long step; /* N goes 1, 1 + step, ... (--full: every N) */
} stage;

static void dump_doc(FILE *f, px_doc *doc)
{
    size_t nb, ns, nt;
    px_doc_blocks(doc, &nb);
    px_doc_sentences(doc, &ns);
    px_doc_tokens(doc, &nt);
    px_str t = px_doc_text(doc);
    const char *fields[] = {px_doc_id(doc),       px_doc_file(doc),   px_doc_source(doc),
                            px_doc_url(doc),      px_doc_date(doc),   px_doc_headline(doc),
                            px_doc_standfirst(doc), px_doc_author(doc), px_doc_lang(doc)};
    for (size_t i = 0; i < PX_ARRAY_LEN(fields); i++)
        fprintf(f, "%s|", fields[i] ? fields[i] : "(null)");
    fprintf(f, "%zu blocks, %zu sentences, %zu tokens, %zu chars\n%.*s\n", nb, ns, nt,
            px_doc_char_length(doc), (int)t.len, t.ptr);
}

static int read_paths(ctx *c, const char *const *names, size_t n)
{
    px_read_options opt = {on_diag, c->r, PX_FORMAT_AUTO, 0};
    px_reader *r = NULL;
    int rc = px_reader_new(&r, &opt);
    for (size_t i = 0; !rc && i < n; i++) {
        char p[4200];
        if (names[i][0] == '/')
            snprintf(p, sizeof p, "%s", names[i]);
        else
            input_path(p, sizeof p, names[i]);
        rc = px_reader_add(r, p);
    }
    px_doc *doc;
    while (!rc && (rc = px_reader_next(r, &doc)) == 1) {
        dump_doc(c->r->out.f, doc);
        px_doc_free(doc);
        rc = 0;
    }
    if (r)
        fprintf(c->r->out.f, "%zu docs, %zu warnings, %zu errors\n", px_reader_n_docs(r),
                px_reader_n_warnings(r), px_reader_n_errors(r));
    px_reader_free(r);
    return rc;
}

static int run_read_txt(ctx *c)
{
    static const char *const n[] = {"b_courier.txt"};
    return read_paths(c, n, 1);
}

static int run_read_front_matter(ctx *c)
{
    static const char *const n[] = {"a_ledger.txt"};
    return read_paths(c, n, 1);
}

static int run_read_jsonl(ctx *c)
{
    static const char *const n[] = {"c_wire.jsonl"};
    return read_paths(c, n, 1);
}

static int run_read_html(ctx *c)
{
    static const char *const n[] = {"d_post.html"};
    return read_paths(c, n, 1);
}

static int run_read_sgml(ctx *c)
{
    static const char *const n[] = {"e_wire.sgml"};
    return read_paths(c, n, 1);
}

static int run_read_warc(ctx *c)
{
    static const char *const n[] = {"f_crawl.warc"};
    return read_paths(c, n, 1);
}

static int run_read_gzip(ctx *c)
{
    static const char *const n[] = {"g_wire.jsonl.gz"};
    return read_paths(c, n, 1);
}

static int run_read_utf16(ctx *c)
{
    static const char *const n[] = {"h_utf16.txt"};
    return read_paths(c, n, 1);
}

static int run_read_folder(ctx *c)
{
    const char *n[] = {inputs};
    return read_paths(c, n, 1);
}

static int run_doc_new(ctx *c)
{
    static const char text[] =
        "Cafe\xCC\x81 owner says \xE2\x80\x9Cno\xE2\x80\x9D\r\n\r\nSecond para\xff with a bad "
        "byte.\n";
    px_doc_meta meta = {.id = "raw", .file = "mem", .date = "2026-04-14", .author = "Jo Smith",
                        .lang = "en"};
    px_doc *doc = NULL;
    int rc = px_doc_new(&doc, text, sizeof text - 1, &meta, 1, on_diag, c->r);
    if (!rc)
        dump_doc(c->r->out.f, doc);
    px_doc_free(doc);
    return rc;
}

static int run_quotes(ctx *c)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < c->d.n; i++) {
        rc = px_quotes_write(c->r->out.f, c->d.v[i], PX_QUOTES_JSONL, 0);
        if (!rc)
            rc = px_quotes_write(c->r->out.f, c->d.v[i], PX_QUOTES_TEXT,
                                 PX_QUOTES_POLNEAR_SPANS);
    }
    return rc;
}

static int run_dates(ctx *c)
{
    int rc = px_dates_anchor_story(c->d.v, c->d.n);
    for (size_t i = 0; !rc && i < c->d.n; i++) {
        const px_timex *t;
        size_t n;
        const char *refs[] = {NULL, "2026-04-10"};
        for (size_t k = 0; !rc && k < 2; k++) {
            rc = px_dates_find(c->d.v[i], refs[k], &t, &n);
            if (!rc)
                rc = px_dates_write_jsonl(c->r->out.f, c->d.v[i], refs[k]);
        }
    }
    return rc;
}

static int run_entities(ctx *c)
{
    px_entities *e = NULL;
    int rc = px_entities_find(&e, c->d.v, c->d.n);
    if (!rc) {
        size_t n;
        const px_entity *v = px_entities_list(e, &n);
        for (size_t i = 0; i < n; i++) {
            fprintf(c->r->out.f, "%s (%s, %zu docs, place %s):", v[i].name,
                    px_entity_type_name(v[i].type), v[i].n_docs,
                    v[i].place ? v[i].place : "-");
            for (size_t a = 0; a < v[i].n_aliases; a++)
                fprintf(c->r->out.f, " [%s]", v[i].aliases[a]);
            for (size_t m = 0; m < v[i].n_mentions; m++)
                fprintf(c->r->out.f, " %zu:%zu-%zu", v[i].mentions[m].doc,
                        v[i].mentions[m].start, v[i].mentions[m].end);
            fputc('\n', c->r->out.f);
        }
        fprintf(c->r->out.f, "lookup %td\n", px_entities_lookup(e, 0, "Quill"));
    }
    px_entities_free(e);
    return rc;
}

static int run_group_docs(ctx *c)
{
    size_t story[MAX_DOCS];
    ptrdiff_t dup[MAX_DOCS];
    px_group_options opt = {0, 0, 0, 0, 1};
    int rc = px_group_docs(c->d.v, c->d.n, &opt, story, dup);
    for (size_t i = 0; !rc && i < c->d.n; i++)
        fprintf(c->r->out.f, "%zu: story %zu dup %td\n", i, story[i], dup[i]);
    return rc;
}

/* The grouper: documents added (it takes them), grouped, each
 * assignment printed with its near-duplicate links. */
static int grouper_run(ctx *c, int threads)
{
    px_group_options opt = {0, 0, 0, 0, threads};
    px_grouper *gr = NULL;
    int rc = px_grouper_new(&gr, &opt);
    size_t i = 0, n = c->d.n;
    for (; !rc && i < n; i++)
        rc = px_grouper_add(gr, c->d.v[i]);
    for (; i < n; i++)
        px_doc_free(c->d.v[i]);
    c->d.n = 0;
    if (!rc)
        rc = px_grouper_run(gr);
    for (size_t k = 0; !rc && k < n; k++) {
        px_group_assign a;
        if ((rc = px_grouper_assign(gr, k, &a)))
            break;
        const char *near[MAX_DOCS];
        size_t nn = PX_MIN(a.n_near, (size_t)MAX_DOCS);
        for (size_t x = 0; x < nn; x++)
            near[x] = "earlier";
        char *line = px_group_assign_json_near("doc", a.story, NULL, near, nn);
        if (!line) {
            rc = PX_ENOMEM;
            break;
        }
        fprintf(c->r->out.f, "%s dup %td exact %d new %d\n", line, a.dup_of, a.exact,
                a.new_story);
        free(line);
    }
    if (!rc)
        fprintf(c->r->out.f, "%zu docs %zu stories\n", px_grouper_n_docs(gr),
                px_grouper_n_stories(gr));
    px_grouper_free(gr);
    return rc;
}

static int run_grouper(ctx *c)
{
    return grouper_run(c, 1);
}

static int run_grouper_threads(ctx *c)
{
    return grouper_run(c, 2);
}

/* The features of each document, packed to bytes and back, grouped. */
static int run_features(ctx *c)
{
    px_group_options opt = {0, 0, 0, 0, 1};
    px_grouper *gr = NULL;
    int rc = px_grouper_new(&gr, &opt);
    for (size_t i = 0; !rc && i < c->d.n; i++) {
        px_group_features *f = NULL, *g = NULL;
        unsigned char *bytes = NULL;
        size_t len = 0;
        rc = px_group_features_new(&f, c->d.v[i], &opt);
        if (!rc)
            rc = px_group_features_pack(f, &opt, &bytes, &len);
        if (!rc)
            rc = px_group_features_unpack(&g, bytes, len, &opt);
        if (!rc) {
            fprintf(c->r->out.f, "%zu: %zu bytes, exact %d\n", i, len,
                    px_group_features_exact(f) == px_group_features_exact(g));
            rc = px_grouper_add_features(gr, g);
            g = NULL;
        }
        px_group_features_free(f);
        px_group_features_free(g);
        free(bytes);
    }
    if (!rc)
        rc = px_grouper_run(gr);
    if (!rc)
        fprintf(c->r->out.f, "%zu stories\n", px_grouper_n_stories(gr));
    px_grouper_free(gr);
    return rc;
}

static int run_brief(ctx *c)
{
    static const px_brief_options opts[] = {{0, 0}, {40, 0}};
    int rc = 0;
    for (size_t k = 0; !rc && k < 2; k++) {
        px_brief *b = NULL;
        rc = px_brief_new(&b, c->d.v, c->d.n, &opts[k]);
        static const px_brief_format fmts[] = {PX_BRIEF_TEXT, PX_BRIEF_JSONL, PX_BRIEF_MD};
        for (size_t f = 0; !rc && f < 3; f++) {
            char *out = NULL;
            size_t len = 0;
            rc = px_brief_render(b, fmts[f], &out, &len);
            if (!rc)
                fwrite(out, 1, len, c->r->out.f);
            free(out);
        }
        px_brief_free(b);
    }
    return rc;
}

/* One story, its report in each format. */
static int run_report(ctx *c)
{
    px_story *s = NULL;
    int rc = px_story_new(&s, c->d.v, c->d.n);
    static const px_report_format fmts[] = {PX_REPORT_MD, PX_REPORT_HTML, PX_REPORT_JSON};
    for (size_t f = 0; !rc && f < PX_ARRAY_LEN(fmts); f++)
        rc = px_report_write(s, fmts[f], c->r->out.f);
    px_story_free(s);
    return rc;
}

static int run_stories(ctx *c)
{
    px_story **s = NULL;
    size_t n = 0;
    int rc = px_stories_new(&s, &n, c->d.v, c->d.n);
    if (!rc)
        rc = px_report_write_stories(s, n, PX_REPORT_JSON, c->r->out.f);
    px_stories_free(s, n);
    return rc;
}

static int print_story(void *ud, const px_store_story *st)
{
    fprintf(ud, "story %lld: %s; %zu articles, %zu families, [%s] %s..%s\n", (long long)st->id,
            st->headline ? st->headline : "-", st->n_articles, st->n_families, st->outlets,
            st->first_date ? st->first_date : "-", st->last_date ? st->last_date : "-");
    return 0;
}

static int print_article(void *ud, const px_store_article *a)
{
    fprintf(ud, "  %lld %s %s %s story %lld dup %s near %zu%s\n", (long long)a->seq, a->id,
            a->source ? a->source : "-", a->date ? a->date : "-", (long long)a->story,
            a->duplicate_of ? a->duplicate_of : "-", a->n_near, a->text ? " (text)" : "");
    return 0;
}

static void remove_db(const char *db)
{
    char p[4300];
    const char *suffix[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < PX_ARRAY_LEN(suffix); i++) {
        snprintf(p, sizeof p, "%s%s", db, suffix[i]);
        unlink(p);
    }
}

/* One session of the corpus: open, add docs[from, to), list, close. */
static int store_session(ctx *c, const char *db, size_t from, size_t to)
{
    px_group_options opt = {0, 0, 0, 0, 1};
    px_store *s = NULL;
    int rc = px_store_open(&s, db, &opt);
    size_t i = from;
    for (; !rc && i < to; i++) {
        int skipped = 0;
        rc = px_store_add(s, c->d.v[i], &skipped);
        c->d.v[i] = NULL;
        if (skipped)
            fprintf(c->r->out.f, "skipped %zu\n", i);
    }
    for (; i < to; i++) {
        px_doc_free(c->d.v[i]);
        c->d.v[i] = NULL;
    }
    if (!rc)
        rc = px_store_flush(s);
    if (!rc)
        rc = px_store_stories(s, print_story, c->r->out.f);
    if (!rc)
        rc = px_store_story_articles(s, 0, print_article, c->r->out.f);
    if (!rc)
        rc = px_store_articles(s, print_article, c->r->out.f);
    if (!rc)
        fprintf(c->r->out.f, "%zu articles, %zu added, %zu stories\n", px_store_n_articles(s),
                px_store_n_added(s), px_store_n_stories(s));
    int crc = px_store_close(s);
    return rc ? rc : crc;
}

static int run_corpus(ctx *c)
{
    char db[4200];
    snprintf(db, sizeof db, "%s/corpus.db", tmpdir);
    remove_db(db);
    size_t n = c->d.n;
    /* a new corpus, then the same one opened again (its index loaded)
     * with one more article and a repeated one */
    int rc = store_session(c, db, 0, n - 1);
    if (!rc)
        rc = store_session(c, db, n - 1, n);
    else
        store_session(c, db, n, n), px_doc_free(c->d.v[n - 1]);
    c->d.n = 0;
    remove_db(db);
    return rc;
}

static const char *const all_names[] = {"a_ledger.txt", "b_courier.txt", "c_wire.jsonl",
                                        "d_post.html", "e_wire.sgml"};
/* two stories: the ferry and the SGML wire's */
static const char *const two_names[] = {"a_ledger.txt", "b_courier.txt", "e_wire.sgml"};

/* The corpus is mostly SQLite's allocations (5,900 of them): make check
 * tries every 10th N; test_allocfail --full tries them all. */
static const stage stages[] = {
    {"read_txt", NULL, 0, run_read_txt, 1},
    {"read_front_matter", NULL, 0, run_read_front_matter, 1},
    {"read_jsonl", NULL, 0, run_read_jsonl, 1},
    {"read_html", NULL, 0, run_read_html, 1},
    {"read_sgml", NULL, 0, run_read_sgml, 1},
    {"read_warc", NULL, 0, run_read_warc, 1},
    {"read_gzip", NULL, 0, run_read_gzip, 1},
    {"read_utf16", NULL, 0, run_read_utf16, 1},
    {"read_folder", NULL, 0, run_read_folder, 1},
    {"doc_new", NULL, 0, run_doc_new, 1},
    {"quotes", story_names, 4, run_quotes, 1},
    {"dates", story_names, 4, run_dates, 1},
    {"entities", story_names, 4, run_entities, 1},
    {"group_docs", all_names, 5, run_group_docs, 1},
    {"grouper", all_names, 5, run_grouper, 1},
    {"grouper_threads", all_names, 5, run_grouper_threads, 1},
    {"features", all_names, 5, run_features, 1},
    {"brief", story_names, 4, run_brief, 1},
    {"report", story_names, 4, run_report, 1},
    {"stories", two_names, 3, run_stories, 1},
    {"corpus", two_names, 3, run_corpus, 10},
};

/* ---- the sweep ---- */

static int verbose;

typedef struct result {
    int rc;
    long allocs, failures;
    run r;
} result;

static void run_once(const stage *st, long n, bool persist, result *res)
{
    ctx c;
    memset(&c, 0, sizeof c);
    memset(res, 0, sizeof *res);
    c.r = &res->r;
    if (!sink_open(&res->r.out) || !sink_open(&res->r.diag)) {
        fprintf(stderr, "open_memstream failed\n");
        exit(2);
    }
    if (st->files && read_docs(&c.d, st->files, st->n_files)) {
        fprintf(stderr, "%s: cannot read the inputs\n", st->name);
        exit(2);
    }
    px__alloc_fail_at(n, persist);
    res->rc = st->run(&c);
    res->allocs = px__alloc_count();
    res->failures = px__alloc_failures();
    px__alloc_fail_at(0, false);
    free_docs(&c.d);
    sink_close(&res->r.out);
    sink_close(&res->r.diag);
}

static void result_free(result *res)
{
    sink_free(&res->r.out);
    sink_free(&res->r.diag);
}

/* The line where two outputs first differ, for the message. */
static void show_difference(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, line = 1, bol = 0;
    while (i < alen && i < blen && a[i] == b[i]) {
        if (a[i] == '\n') {
            line++;
            bol = i + 1;
        }
        i++;
    }
    size_t from = i - bol > 60 ? i - 60 : bol;
    fprintf(stderr,
            "    output differs at line %zu, column %zu:\n    expected: ...%.120s\n    got:      "
            "...%.120s\n",
            line, i - bol, from < alen ? a + from : "(end)", from < blen ? b + from : "(end)");
}

static long last_n = -1;
static int max_problems = 5;

static int sweep(const stage *st, bool persist, long from, long step, const result *ref,
                 long *runs)
{
    int problems = 0;
    const char *mode = persist ? "persistent" : "transient";
    for (long n = from; last_n < 0 || n <= last_n; n += step) {
        size_t before = heap_in_use();
        result res;
        run_once(st, n, persist, &res);
        (*runs)++;
        bool bad = false;
        if (res.rc != PX_OK && res.rc != PX_ENOMEM) {
            fprintf(stderr, "FAIL %s (%s, N=%ld): returned %d (%s), not PX_ENOMEM\n", st->name,
                    mode, n, res.rc, px_strerror(res.rc));
            bad = true;
        } else if (res.rc == PX_ENOMEM && !res.failures) {
            fprintf(stderr, "FAIL %s (%s, N=%ld): PX_ENOMEM without a failed allocation\n",
                    st->name, mode, n);
            bad = true;
        } else if (res.rc == PX_OK && !res.failures &&
                   (res.r.out.len != ref->r.out.len ||
                    memcmp(res.r.out.ptr, ref->r.out.ptr, res.r.out.len))) {
            fprintf(stderr, "FAIL %s (%s, N=%ld): the run without a failure gave another "
                            "output\n", st->name, mode, n);
            show_difference(ref->r.out.ptr, ref->r.out.len, res.r.out.ptr, res.r.out.len);
            bad = true;
        } else if (res.rc == PX_OK && res.failures &&
                   (res.r.out.len != ref->r.out.len ||
                    memcmp(res.r.out.ptr, ref->r.out.ptr, res.r.out.len)) &&
                   !strstr(res.r.diag.ptr, "out of memory")) {
            fprintf(stderr,
                    "FAIL %s (%s, N=%ld): succeeded after %ld failed allocation%s with "
                    "another output and no out-of-memory diagnostic\n",
                    st->name, mode, n, res.failures, res.failures == 1 ? "" : "s");
            show_difference(ref->r.out.ptr, ref->r.out.len, res.r.out.ptr, res.r.out.len);
            if (res.r.diag.len)
                fprintf(stderr, "    diagnostics:\n%.600s", res.r.diag.ptr);
            bad = true;
        }
        if (verbose > 1)
            fprintf(stderr, "  %s %s N=%ld: rc %d, %ld allocations, %ld failed\n", st->name,
                    mode, n, res.rc, res.allocs, res.failures);
        bool done = res.failures == 0;
        result_free(&res);
        size_t after = heap_in_use();
        if (after != before) {
            fprintf(stderr, "FAIL %s (%s, N=%ld): %zd bytes not freed\n", st->name, mode, n,
                    (ssize_t)(after - before));
#ifdef HAVE_ASAN
            __lsan_do_recoverable_leak_check();
#endif
            bad = true;
        }
        if (bad && ++problems >= max_problems) {
            fprintf(stderr, "  (%s: stopping after %d problems)\n", st->name, problems);
            return problems;
        }
        if (done)
            return problems;
    }
    return problems;
}

#ifdef HAVE_ASAN
static void print_stack(void)
{
    fprintf(stderr, "--- the allocation that failed:\n");
    __sanitizer_print_stack_trace();
}
#endif

static void usage(void)
{
    fprintf(stderr, "usage: test_allocfail [--stage NAME] [--full | --step K] [--from N] [--to N]\n"
                    "          [--persistent] [--max-problems N] [--trace] [--list] [-v]\n");
}

int main(int argc, char **argv)
{
    const char *only = NULL;
    long step = 0, from = 1;
    bool only_persistent = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--stage") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--step") && i + 1 < argc)
            step = atol(argv[++i]);
        else if (!strcmp(argv[i], "--full"))
            step = 1;
        else if (!strcmp(argv[i], "--from") && i + 1 < argc)
            from = atol(argv[++i]);
        else if (!strcmp(argv[i], "--to") && i + 1 < argc)
            last_n = atol(argv[++i]);
        else if (!strcmp(argv[i], "--max-problems") && i + 1 < argc)
            max_problems = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--persistent"))
            only_persistent = true;
#ifdef HAVE_ASAN
        else if (!strcmp(argv[i], "--trace"))
            px__alloc_on_fail(print_stack);
#endif
        else if (!strcmp(argv[i], "-v"))
            verbose++;
        else if (!strcmp(argv[i], "--list")) {
            for (size_t s = 0; s < PX_ARRAY_LEN(stages); s++)
                printf("%s\n", stages[s].name);
            return 0;
        } else {
            usage();
            return 2;
        }
    }
    if (step < 0 || from < 1) {
        usage();
        return 2;
    }
    if (px__alloc_test_install() != PX_OK) {
        fprintf(stderr, "cannot install the allocator in jansson and SQLite\n");
        return 2;
    }
    const char *src = getenv("PX_SOURCE_DIR");
    snprintf(inputs, sizeof inputs, "%s/tests/alloc/inputs", src ? src : ".");
    struct stat sb;
    if (stat(inputs, &sb) || !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "no inputs in %s (set PX_SOURCE_DIR)\n", inputs);
        return 2;
    }
    /* the corpus commits thousands of times: in memory when we can */
    const char *t = getenv("TMPDIR");
    if (!t)
        t = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(tmpdir, sizeof tmpdir, "%s/px_allocfail_XXXXXX", t);
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    int failed = 0, passed = 0;
    for (size_t s = 0; s < PX_ARRAY_LEN(stages); s++) {
        const stage *st = &stages[s];
        if (only && strcmp(only, st->name))
            continue;
        clock_t t0 = clock();
        /* the reference run, which also fills the caches built once
         * (lexicons, gazetteer) so that they do not count as leaks */
        result ref;
        run_once(st, 0, false, &ref);
        result_free(&ref);
        run_once(st, 0, false, &ref);
        if (ref.rc != PX_OK) {
            fprintf(stderr, "FAIL %s: the run without failures returned %d (%s)\n", st->name,
                    ref.rc, px_strerror(ref.rc));
            result_free(&ref);
            failed++;
            continue;
        }
        long runs = 0, k = step ? step : st->step;
        int problems = only_persistent ? 0 : sweep(st, false, from, k, &ref, &runs);
        problems += sweep(st, true, from, k, &ref, &runs);
        result_free(&ref);
        if (verbose || problems)
            fprintf(stderr, "%-18s %6ld allocations, %5ld runs, %.1f s%s\n", st->name,
                    ref.allocs, runs, (double)(clock() - t0) / CLOCKS_PER_SEC,
                    problems ? ": FAILED" : "");
        if (problems)
            failed++;
        else
            passed++;
    }
    rmdir(tmpdir);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
