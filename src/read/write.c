/*
 * write.c - px_doc_write_jsonl: a document as 'parallax read' prints it,
 * one JSON object a line (the record docs/schema/read.schema.json
 * describes): doc, file, source, date, url, headline, standfirst, chars
 * and the blocks with their kinds, text and sentences. Offsets are code
 * points into the original input.
 */
#include <string.h>

#include "read.h"

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

int px_doc_write_jsonl(FILE *f, const px_doc *doc)
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
    return ferror(f) ? PX_EIO : PX_OK;
}
