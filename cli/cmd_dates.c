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
#include <string.h>

#include "cli.h"

#define STORY_AUTO_MAX 32

static const char help[] =
    "usage: parallax dates [--format jsonl|text] [--ref YYYY-MM-DD] [--story|--no-story]\n"
    "                      [-o FILE] [--strict] [--quiet] INPUT...\n\n"
    "Finds time expressions (TimeML DATE, TIME, DURATION, SET) and resolves\n"
    "them: \"on Thursday\" -> 2025-05-15, \"last week\" -> 2025-W19, \"30 days\"\n"
    "-> P30D, \"now\" -> PRESENT_REF. Each article is resolved against its\n"
    "reference date: its own date (metadata, front matter, dateline), else\n"
    "the date of a post it embeds, else the story's.\n\n"
    "JSONL output, one object per expression: doc, start, end (code points\n"
    "into the original input, end exclusive), text, type, value, sentence,\n"
    "ref (the reference date used, or null) and ref_origin (given, metadata,\n"
    "front matter, dateline, embedded post, story, none).\n\n"
    "  --format F   jsonl (default) or text\n"
    "  --ref DATE   resolve every article against DATE (YYYY-MM-DD)\n"
    "  --story      treat all inputs as one story: an article without a date\n"
    "               takes the median of the other articles' dates\n"
    "               (default when there are at most 32 articles)\n"
    "  --no-story   resolve each article on its own\n"
    "  -o FILE      write to FILE instead of standard output\n"
    "  --strict     stop at the first input problem\n"
    "  --quiet      do not print warnings (the exit status still tells)\n";

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

int cmd_dates(int argc, char **argv)
{
    static const char *const formats[] = {"jsonl", "text", NULL};
    cli_ctx ctx = {.verb = "dates"};
    run r = {NULL, 0, NULL, 0};
    int story = -1; /* -1 auto, 0 off, 1 on */
    const char *out_path = NULL;
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    px_doc **docs = NULL;
    size_t n_docs = 0, cap = 0;
    int n_inputs = 0;
    if (!inputs)
        return CLI_INPUT;
    int rc = CLI_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            fputs(help, stdout);
            goto done;
        } else if (!strcmp(a, "--format") || !strcmp(a, "-f")) {
            if (++i >= argc || (r.format = cli_format(argv[i], formats)) < 0) {
                rc = cli_usage_error(ctx.verb, "--format needs jsonl or text");
                goto done;
            }
        } else if (!strcmp(a, "--ref")) {
            size_t len = i + 1 < argc ? strlen(argv[i + 1]) : 0;
            if (++i >= argc || len != 10 || argv[i][4] != '-' || argv[i][7] != '-') {
                rc = cli_usage_error(ctx.verb, "--ref needs a date YYYY-MM-DD");
                goto done;
            }
            r.ref = argv[i];
        } else if (!strcmp(a, "--story")) {
            story = 1;
        } else if (!strcmp(a, "--no-story")) {
            story = 0;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (++i >= argc) {
                rc = cli_usage_error(ctx.verb, "-o needs a file name");
                goto done;
            }
            out_path = argv[i];
        } else if (!strcmp(a, "--strict")) {
            ctx.strict = true;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            ctx.quiet = true;
        } else if (a[0] == '-' && a[1]) {
            rc = cli_usage_error(ctx.verb, "unknown option '%s'", a);
            goto done;
        } else {
            inputs[n_inputs++] = argv[i];
        }
    }
    px_reader *reader = NULL;
    if ((rc = cli_open_reader(&ctx, inputs, n_inputs, &reader)))
        goto done;
    r.out = cli_open_output(out_path);
    if (!r.out) {
        px_reader_free(reader);
        rc = CLI_INPUT;
        goto done;
    }
    px_doc *doc;
    int st;
    bool buffering = story != 0;
    while ((st = cli_next(&ctx, reader, &doc)) == 1) {
        if (!buffering) {
            emit(&r, doc);
            px_doc_free(doc);
            continue;
        }
        if (n_docs == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            px_doc **nd = realloc(docs, ncap * sizeof(*nd));
            if (!nd) {
                px_doc_free(doc);
                st = PX_ENOMEM;
                break;
            }
            docs = nd;
            cap = ncap;
        }
        docs[n_docs++] = doc;
        if (story < 0 && n_docs > STORY_AUTO_MAX) {
            /* too many for one story: stream from here on */
            flush(&r, docs, n_docs, false);
            n_docs = 0;
            buffering = false;
        }
    }
    flush(&r, docs, n_docs, true);
    n_docs = 0;
    bool ok = cli_close_output(r.out, out_path);
    rc = cli_exit_code(&ctx, st < 0 ? st : r.fatal);
    if (!ok)
        rc = CLI_INPUT;
    px_reader_free(reader);
done:
    for (size_t i = 0; i < n_docs; i++)
        px_doc_free(docs[i]);
    free(docs);
    free(inputs);
    return rc;
}
