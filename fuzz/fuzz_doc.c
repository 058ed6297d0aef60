/*
 * fuzz_doc.c - fuzzes the plain-text path: normalisation, structure
 * detection, tokens and sentences (px_doc_new), and checks the offset
 * map stays within the input.
 */
#include <stdlib.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_doc *doc = NULL;
    px_doc_meta meta = {"fuzz", "fuzz", NULL, NULL, NULL, NULL, NULL};
    if (px_doc_new(&doc, (const char *)data, size, &meta, 1, NULL, NULL) == PX_OK) {
        size_t n;
        const px_block *b = px_doc_blocks(doc, &n);
        px_str t = px_doc_text(doc);
        for (size_t i = 0; i < n; i++)
            if (b[i].start > b[i].end || b[i].end > t.len ||
                px_doc_char_offset(doc, b[i].end) > size)
                abort();
        const px_token *tok = px_doc_tokens(doc, &n);
        for (size_t i = 0; i < n; i++)
            if (tok[i].start >= tok[i].end || tok[i].end > t.len)
                abort();
    }
    px_doc_free(doc);
    return 0;
}
