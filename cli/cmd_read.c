/*
 * cmd_read.c - 'parallax read': what parallax sees in each article:
 * headline, standfirst, date, source, and every block with its kind and
 * sentences. Offsets are code points into the original input.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: parallax read [--format jsonl|text] [-o FILE] [--strict] [--quiet] INPUT...\n\n"
    "Prints each document's structure: doc, file, source, date, url, headline,\n"
    "standfirst, author (several joined by \", \"; null when none), lang (an\n"
    "ISO 639-1 code, \"und\" when unknown: parallax's quotation and date rules\n"
    "are English, other languages are read and named in one warning), and\n"
    "blocks (start, end, kind: body, headline, standfirst, heading, caption,\n"
    "boilerplate, embed, signature, dateline, meta) with their sentences. Offsets are Unicode code point\n"
    "offsets into the original text, end exclusive.\n\n"
    "  --format F   jsonl (default) or text\n"
    "  -o FILE      write to FILE instead of standard output\n"
    "  --strict     stop at the first input problem\n"
    "  --quiet      do not print warnings (the exit status still tells)\n";

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
    put_opt(f, "author", px_doc_author(doc));
    put_opt(f, "lang", px_doc_lang(doc));
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

int cmd_read(int argc, char **argv)
{
    static const char *const formats[] = {"jsonl", "text", NULL};
    cli_ctx ctx = {.verb = "read"};
    int format = 0;
    const char *out_path = NULL;
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
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
            if (++i >= argc || (format = cli_format(argv[i], formats)) < 0) {
                rc = cli_usage_error(ctx.verb, "--format needs jsonl or text");
                goto done;
            }
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
    px_reader *r = NULL;
    if ((rc = cli_open_reader(&ctx, inputs, n_inputs, &r)))
        goto done;
    FILE *out = cli_open_output(out_path);
    if (!out) {
        px_reader_free(r);
        rc = CLI_INPUT;
        goto done;
    }
    px_doc *doc;
    int st;
    while ((st = cli_next(&ctx, r, &doc)) == 1) {
        if (format == 0)
            write_jsonl(out, doc);
        else
            write_text(out, doc);
        px_doc_free(doc);
    }
    bool ok = cli_close_output(out, out_path);
    rc = cli_exit_code(&ctx, st);
    if (!ok)
        rc = CLI_INPUT;
    px_reader_free(r);
done:
    free(inputs);
    return rc;
}
