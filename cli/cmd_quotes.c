/*
 * cmd_quotes.c - 'parallax quotes': every attribution in each article:
 * direct and partial quotations, reported speech and embedded posts, with
 * the cue and the speaker (as written, resolved to a name, and the id of
 * that person across the run's documents).
 */
#include "cli.h"

typedef struct run {
    FILE *out;
    px_speakers *speakers; /* one id per person across the run */
    px_quotes_format format;
    unsigned flags;
    int fatal;
} run;

static int write_doc(void *ud, px_doc *doc)
{
    run *r = ud;
    int rc = px_speakers_assign(r->speakers, doc);
    if (!rc)
        rc = px_quotes_write(r->out, doc, r->format, r->flags);
    px_doc_free(doc);
    if (rc)
        fprintf(stderr, "parallax quotes: %s\n", px_strerror(rc));
    return r->fatal = rc;
}

int cmd_quotes(const cli_opts *o)
{
    cli_ctx ctx = {.opt = o, .streams = true};
    run r = {NULL, NULL, o->format == 0 ? PX_QUOTES_JSONL : PX_QUOTES_TEXT,
             o->polnear_spans ? PX_QUOTES_POLNEAR_SPANS : 0u, 0};
    int rc = px_speakers_new(&r.speakers);
    if (rc) {
        fprintf(stderr, "parallax quotes: %s\n", px_strerror(rc));
        return CLI_INPUT;
    }
    rc = cli_open_reader(&ctx, o->inputs, o->n_inputs);
    if (!rc && !(r.out = cli_open_output(o->out_path)))
        rc = CLI_INPUT;
    if (rc) {
        cli_close_reader(&ctx);
        px_speakers_free(r.speakers);
        return rc;
    }
    int st = cli_each_doc(&ctx, write_doc, &r);
    px_speakers_free(r.speakers);
    return cli_finish(&ctx, r.out, r.fatal ? r.fatal : st);
}
