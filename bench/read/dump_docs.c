/*
 * dump_docs.c - prints everything the reader produces for its inputs:
 * metadata, the normalised text, blocks, sentences, every token with its
 * kind and flags, the code-point offset of every token boundary, and the
 * diagnostics. bench/read/identity.sh runs it from two builds and diffs
 * the dumps, so a faster reader can be shown to give identical results
 * (parallax read --format jsonl prints neither tokens nor their flags).
 *
 * usage: dump_docs INPUT...   (formats by extension, as parallax read)
 */
#include <stdio.h>

#include "parallax.h"

static void on_diag(void *userdata, const px_diag *d)
{
    (void)userdata;
    printf("diag %d %s:%zu %s: %s\n", (int)d->severity, d->file ? d->file : "-",
           d->line, d->doc ? d->doc : "-", d->message ? d->message : "");
}

static const char *or_null(const char *s)
{
    return s ? s : "(null)";
}

static void dump(const px_doc *doc)
{
    px_str t = px_doc_text(doc);
    printf("doc %s file=%s source=%s url=%s date=%s\n", or_null(px_doc_id(doc)),
           or_null(px_doc_file(doc)), or_null(px_doc_source(doc)),
           or_null(px_doc_url(doc)), or_null(px_doc_date(doc)));
    printf("headline %s\nstandfirst %s\n", or_null(px_doc_headline(doc)),
           or_null(px_doc_standfirst(doc)));
    printf("text %zu chars=%zu\n", t.len, px_doc_char_length(doc));
    fwrite(t.ptr, 1, t.len, stdout);
    putchar('\n');
    size_t n;
    const px_block *b = px_doc_blocks(doc, &n);
    for (size_t i = 0; i < n; i++)
        printf("block %zu %zu %s %zu+%zu\n", b[i].start, b[i].end,
               px_block_kind_name(b[i].kind), b[i].first_sentence, b[i].n_sentences);
    const px_sentence *s = px_doc_sentences(doc, &n);
    for (size_t i = 0; i < n; i++)
        printf("sent %zu %zu b%zu %zu+%zu\n", s[i].start, s[i].end, s[i].block,
               s[i].first_token, s[i].n_tokens);
    const px_token *k = px_doc_tokens(doc, &n);
    for (size_t i = 0; i < n; i++)
        printf("tok %u %u %u %04x %zu %zu\n", (unsigned)k[i].start, (unsigned)k[i].end,
               (unsigned)k[i].kind, (unsigned)k[i].flags,
               px_doc_char_offset(doc, k[i].start), px_doc_char_offset(doc, k[i].end));
}

int main(int argc, char **argv)
{
    px_reader *r = NULL;
    px_read_options opt = {on_diag, NULL, PX_FORMAT_AUTO, 0};
    if (px_reader_new(&r, &opt) != PX_OK)
        return 2;
    for (int i = 1; i < argc; i++)
        px_reader_add(r, argv[i]);
    px_doc *doc;
    int rc;
    while ((rc = px_reader_next(r, &doc)) == 1) {
        dump(doc);
        px_doc_free(doc);
    }
    printf("end rc=%d docs=%zu warnings=%zu errors=%zu bytes=%zu\n", rc,
           px_reader_n_docs(r), px_reader_n_warnings(r), px_reader_n_errors(r),
           px_reader_bytes(r));
    px_reader_free(r);
    return rc < 0;
}
