/*
 * spec_text.c - spec kinds for the text layer and the reader: tokens,
 * sentences, document structure and normalisation.
 */
#include <string.h>

#include "spec.h"

static px_doc *make(const char *in, size_t len, int structure)
{
    px_doc *doc = NULL;
    px_doc_meta meta = {"spec", "spec", NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    px_doc_new(&doc, in, len, &meta, structure, NULL, NULL);
    return doc;
}

/* One token a line: KIND text [flags] */
void spec_tokenize(const char *in, size_t len, px_buf *out)
{
    static const char *const kinds[] = {"?", "WORD", "NUM", "PUNCT", "QUOTE", "DASH", "SYM"};
    px_doc *doc = make(in, len, 0);
    if (!doc)
        return;
    size_t n;
    const px_token *t = px_doc_tokens(doc, &n);
    for (size_t i = 0; i < n; i++) {
        px_buf_printf(out, "%s %.*s", kinds[t[i].kind < 7 ? t[i].kind : 0],
                      (int)(t[i].end - t[i].start), doc->text + t[i].start);
        if (t[i].flags & PX_TF_ABBREV)
            px_buf_puts(out, " abbrev");
        if (t[i].flags & PX_TF_QOPEN)
            px_buf_puts(out, " open");
        if (t[i].flags & PX_TF_QCLOSE)
            px_buf_puts(out, " close");
        if (t[i].flags & PX_TF_HANDLE)
            px_buf_puts(out, " handle");
        if (t[i].flags & PX_TF_URL)
            px_buf_puts(out, " url");
        px_buf_putc(out, '\n');
    }
    px_doc_free(doc);
}

/* One sentence a line. */
void spec_sentences(const char *in, size_t len, px_buf *out)
{
    px_doc *doc = make(in, len, 0);
    if (!doc)
        return;
    size_t n;
    const px_sentence *s = px_doc_sentences(doc, &n);
    for (size_t i = 0; i < n; i++)
        px_buf_printf(out, "%.*s\n", (int)(s[i].end - s[i].start), doc->text + s[i].start);
    px_doc_free(doc);
}

/* Fields, then one block a line: kind: text */
void spec_structure(const char *in, size_t len, px_buf *out)
{
    px_doc *doc = make(in, len, 1);
    if (!doc)
        return;
    px_buf_printf(out, "headline: %s\n", px_doc_headline(doc) ? px_doc_headline(doc) : "-");
    px_buf_printf(out, "standfirst: %s\n", px_doc_standfirst(doc) ? px_doc_standfirst(doc) : "-");
    px_buf_printf(out, "date: %s\n", px_doc_date(doc) ? px_doc_date(doc) : "-");
    px_buf_printf(out, "source: %s\n", px_doc_source(doc) ? px_doc_source(doc) : "-");
    size_t n;
    const px_block *b = px_doc_blocks(doc, &n);
    for (size_t i = 0; i < n; i++)
        px_buf_printf(out, "%s: %.*s\n", px_block_kind_name(b[i].kind),
                      (int)(b[i].end - b[i].start), doc->text + b[i].start);
    px_doc_free(doc);
}

/* The normalised text, then each output character's input offset. */
void spec_normalize(const char *in, size_t len, px_buf *out)
{
    px_doc *doc = make(in, len, 0);
    if (!doc)
        return;
    px_buf_printf(out, "%s\n", doc->text);
    for (size_t i = 0; i < doc->len;) {
        uint32_t cp;
        size_t k = px__utf8_decode(doc->text + i, doc->len - i, &cp);
        px_buf_printf(out, "%zu ", px_doc_char_offset(doc, i));
        i += k ? k : 1;
    }
    px_buf_printf(out, "end %zu\n", px_doc_char_offset(doc, doc->len));
    px_doc_free(doc);
}
