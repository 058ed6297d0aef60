/*
 * cmd_brief.c - 'parallax brief': a short summary of all the inputs
 * taken as one story, each sentence with the documents that carry it.
 */
#include <stdlib.h>

#include "cli.h"

int cmd_brief(const cli_opts *o)
{
    static const px_brief_format format_of[] = {PX_BRIEF_TEXT, PX_BRIEF_JSONL, PX_BRIEF_MD};
    cli_ctx ctx = {.opt = o};
    px_brief_options opt = {.max_words = o->max_words, .max_sentences = o->max_sentences};
    px_doc **docs = NULL;
    size_t n_docs = 0;
    px_brief *brief = NULL;
    char *text = NULL;
    int rc = cli_open_reader(&ctx, o->inputs, o->n_inputs);
    if (rc)
        goto done;
    int st = cli_read_all(&ctx, &docs, &n_docs);
    if (st < 0 || ctx.stop) {
        rc = cli_exit_code(&ctx, st);
        goto done;
    }
    int e = px_brief_new(&brief, docs, n_docs, &opt);
    size_t len = 0;
    if (!e)
        e = px_brief_render(brief, format_of[o->format], &text, &len);
    if (e) {
        fprintf(stderr, "parallax brief: %s\n", px_strerror(e));
        rc = CLI_INPUT;
        goto done;
    }
    FILE *out = cli_open_output(o->out_path);
    if (!out) {
        rc = CLI_INPUT;
        goto done;
    }
    fwrite(text, 1, len, out);
    size_t n_sentences = 0;
    px_brief_sentences(brief, &n_sentences);
    if (n_docs && !n_sentences && !o->quiet)
        fprintf(stderr, "parallax brief: no sentence qualifies: a brief takes whole statements of "
                        "8 to 60 words ending in a full stop (see 'parallax brief --help')\n");
    rc = cli_finish(&ctx, out, 0);
done:
    free(text);
    px_brief_free(brief);
    for (size_t i = 0; i < n_docs; i++)
        px_doc_free(docs[i]);
    free(docs);
    cli_close_reader(&ctx);
    return rc;
}
