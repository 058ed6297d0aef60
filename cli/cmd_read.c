/*
 * cmd_read.c - 'parallax read': what parallax sees in each article:
 * headline, standfirst, date, source, and every block with its kind and
 * sentences. Offsets are code points into the original input.
 */
#include <string.h>

#include "cli.h"

static void write_text(FILE *f, const px_doc *doc)
{
    px_str text = px_doc_text(doc);
    fprintf(f, "== %s", px_doc_id(doc));
    if (px_doc_file(doc))
        fprintf(f, "  (%s)", px_doc_file(doc));
    fputc('\n', f);
    fprintf(f, "headline:   %s\n", px_doc_headline(doc) ? px_doc_headline(doc) : "-");
    fprintf(f, "standfirst: %s\n", px_doc_standfirst(doc) ? px_doc_standfirst(doc) : "-");
    fprintf(f, "date:       %s\n", px_doc_date(doc) ? px_doc_date(doc) : "-");
    fprintf(f, "source:     %s\n", px_doc_source(doc) ? px_doc_source(doc) : "-");
    fprintf(f, "author:     %s\n", px_doc_author(doc) ? px_doc_author(doc) : "-");
    fprintf(f, "lang:       %s\n", px_doc_lang(doc));
    size_t nb, ns;
    const px_block *b = px_doc_blocks(doc, &nb);
    const px_sentence *s = px_doc_sentences(doc, &ns);
    for (size_t i = 0; i < nb; i++) {
        fprintf(f, "  [%-11s %6zu-%-6zu]", px_block_kind_name(b[i].kind),
                px_doc_char_offset(doc, b[i].start), px_doc_char_offset(doc, b[i].end));
        for (size_t k = 0; k < b[i].n_sentences; k++) {
            const px_sentence *se = &s[b[i].first_sentence + k];
            fprintf(f, "%s%.*s\n", k ? "                             | " : " | ",
                    (int)(se->end - se->start), text.ptr + se->start);
        }
        if (!b[i].n_sentences)
            fputc('\n', f);
    }
    fputc('\n', f);
}

typedef struct run {
    FILE *out;
    int format;
} run;

static int write_doc(void *ud, px_doc *doc)
{
    run *r = ud;
    if (r->format == 0)
        px_doc_write_jsonl(r->out, doc);
    else
        write_text(r->out, doc);
    px_doc_free(doc);
    return 0;
}

int cmd_read(const cli_opts *o)
{
    cli_ctx ctx = {.opt = o, .streams = true};
    run r = {NULL, o->format};
    int rc = cli_open_reader(&ctx, o->inputs, o->n_inputs);
    if (!rc && !(r.out = cli_open_output(o->out_path)))
        rc = CLI_INPUT;
    if (rc) {
        cli_close_reader(&ctx);
        return rc;
    }
    return cli_finish(&ctx, r.out, cli_each_doc(&ctx, write_doc, &r));
}
