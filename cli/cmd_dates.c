/*
 * cmd_dates.c - 'parallax dates': every time expression of each article
 * with its TimeML type and value, resolved against the article's
 * reference date, and where that date came from.
 *
 * Story anchoring needs all the articles of a story before any is
 * resolved, so documents are buffered: all of them with --story, up to
 * STORY_AUTO_MAX by default (a handful of articles given together are
 * taken as one story; a larger run streams, each article on its own).
 */
#include <stdlib.h>

#include "cli.h"

#define STORY_AUTO_MAX 32

static int write_text(FILE *f, px_doc *doc, const char *ref)
{
    const px_timex *v;
    size_t n;
    int rc = px_dates_find(doc, ref, &v, &n);
    if (rc)
        return rc;
    const char *origin;
    const char *used = px_dates_reference(doc, &origin);
    px_str text = px_doc_text(doc);
    fprintf(f, "== %s  (reference %s, %s)\n", px_doc_id(doc), used ? used : "unknown", origin);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%6zu-%-6zu %-8s %-14s %.*s\n", px_doc_char_offset(doc, v[i].start),
                px_doc_char_offset(doc, v[i].end), px_timex_type_name(v[i].type), v[i].value,
                (int)(v[i].end - v[i].start), text.ptr + v[i].start);
    return ferror(f) ? PX_EIO : PX_OK;
}

typedef struct run {
    FILE *out;
    int format;
    const char *ref;
    int fatal;
} run;

static void emit(run *r, px_doc *doc)
{
    int rc = r->format == 0 ? px_dates_write_jsonl(r->out, doc, r->ref)
                            : write_text(r->out, doc, r->ref);
    if (rc && !r->fatal) {
        fprintf(stderr, "parallax dates: %s: %s\n", px_doc_id(doc), px_strerror(rc));
        r->fatal = rc;
    }
}

static void flush(run *r, px_doc **docs, size_t n, bool anchor)
{
    if (anchor && n > 1 && !r->ref) {
        int rc = px_dates_anchor_story(docs, n);
        if (rc && !r->fatal)
            r->fatal = rc;
    }
    for (size_t i = 0; i < n; i++) {
        emit(r, docs[i]);
        px_doc_free(docs[i]);
    }
}

typedef struct buffer {
    run *r;
    int story;
    px_doc **docs;
    size_t n, cap;
    bool buffering;
    int fatal;
} buffer;

static int take_doc(void *ud, px_doc *doc)
{
    buffer *b = ud;
    if (!b->buffering) {
        emit(b->r, doc);
        px_doc_free(doc);
        return 0;
    }
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 16;
        px_doc **v = realloc(b->docs, cap * sizeof *v);
        if (!v) {
            px_doc_free(doc);
            return b->fatal = PX_ENOMEM;
        }
        b->docs = v;
        b->cap = cap;
    }
    b->docs[b->n++] = doc;
    if (b->story == CLI_STORY_AUTO && b->n > STORY_AUTO_MAX) {
        /* too many for one story: stream from here on */
        flush(b->r, b->docs, b->n, false);
        b->n = 0;
        b->buffering = false;
    }
    return 0;
}

int cmd_dates(const cli_opts *o)
{
    cli_ctx ctx = {.opt = o, .streams = true};
    run r = {NULL, o->format, o->ref, 0};
    buffer b = {&r, o->story, NULL, 0, 0, o->story != CLI_STORY_OFF, 0};
    int rc = cli_open_reader(&ctx, o->inputs, o->n_inputs);
    if (!rc && !(r.out = cli_open_output(o->out_path)))
        rc = CLI_INPUT;
    if (rc) {
        cli_close_reader(&ctx);
        return rc;
    }
    int st = cli_each_doc(&ctx, take_doc, &b);
    if (b.fatal)
        st = b.fatal;
    flush(&r, b.docs, b.n, true);
    free(b.docs);
    return cli_finish(&ctx, r.out, st < 0 ? st : r.fatal);
}
