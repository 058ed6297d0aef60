/*
 * cmd_read.c - 'parallax read': what parallax sees in each article:
 * headline, standfirst, date, source, and every block with its kind and
 * sentences. Offsets are code points into the original input.
 */
#include <string.h>

#include "cli.h"

static void put_json_str(FILE *f, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
            continue;
        fwrite(s + run, 1, i - run, f);
        run = i + 1;
        if (c == '"' || c == '\\')
            fputc('\\', f), fputc(c, f);
        else if (c == '\n')
            fputs("\\n", f);
        else
            fprintf(f, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
    }
    fwrite(s + run, 1, len - run, f);
    fputc('"', f);
}

static void put_opt(FILE *f, const char *key, const char *v)
{
    fprintf(f, ",\"%s\":", key);
    if (v)
        put_json_str(f, v, strlen(v));
    else
        fputs("null", f);
}

static void write_jsonl(FILE *f, const px_doc *doc)
{
    px_str text = px_doc_text(doc);
    fputs("{\"doc\":", f);
    put_json_str(f, px_doc_id(doc), strlen(px_doc_id(doc)));
    put_opt(f, "file", px_doc_file(doc));
    put_opt(f, "source", px_doc_source(doc));
    put_opt(f, "date", px_doc_date(doc));
    put_opt(f, "url", px_doc_url(doc));
    put_opt(f, "headline", px_doc_headline(doc));
    put_opt(f, "standfirst", px_doc_standfirst(doc));
    fprintf(f, ",\"chars\":%zu,\"blocks\":[", px_doc_char_length(doc));
    size_t nb, ns;
    const px_block *b = px_doc_blocks(doc, &nb);
    const px_sentence *s = px_doc_sentences(doc, &ns);
    for (size_t i = 0; i < nb; i++) {
        fprintf(f, "%s{\"start\":%zu,\"end\":%zu,\"kind\":\"%s\",\"text\":", i ? "," : "",
                px_doc_char_offset(doc, b[i].start), px_doc_char_offset(doc, b[i].end),
                px_block_kind_name(b[i].kind));
        put_json_str(f, text.ptr + b[i].start, b[i].end - b[i].start);
        fputs(",\"sentences\":[", f);
        for (size_t k = 0; k < b[i].n_sentences; k++) {
            const px_sentence *se = &s[b[i].first_sentence + k];
            fprintf(f, "%s{\"start\":%zu,\"end\":%zu}", k ? "," : "",
                    px_doc_char_offset(doc, se->start), px_doc_char_offset(doc, se->end));
        }
        fputs("]}", f);
    }
    fputs("]}\n", f);
}

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
        write_jsonl(r->out, doc);
    else
        write_text(r->out, doc);
    px_doc_free(doc);
    return 0;
}

int cmd_read(const cli_opts *o)
{
    cli_ctx ctx = {.opt = o};
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
