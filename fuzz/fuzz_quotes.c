/*
 * fuzz_quotes.c - fuzzes the quotation scanner and attribution
 * (px_quotes_find) on arbitrary text, and checks every span it returns
 * lies inside the text and is well ordered.
 */
#include <stdlib.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_doc *doc = NULL;
    px_doc_meta meta = {"fuzz", "fuzz", NULL, NULL, NULL, NULL, NULL};
    if (px_doc_new(&doc, (const char *)data, size, &meta, 1, NULL, NULL) == PX_OK) {
        const px_quote *q;
        size_t n;
        px_str t = px_doc_text(doc);
        if (px_quotes_find(doc, &q, &n) == PX_OK) {
            for (size_t i = 0; i < n; i++) {
                if (q[i].start > q[i].end || q[i].end > t.len || q[i].span_start > q[i].span_end ||
                    q[i].span_end > t.len || q[i].speaker_start > q[i].speaker_end ||
                    q[i].speaker_end > t.len || q[i].cue_start > q[i].cue_end ||
                    q[i].cue_end > t.len)
                    abort();
                for (size_t k = 0; k < q[i].n_parts; k++)
                    if (q[i].parts[k].start > q[i].parts[k].end || q[i].parts[k].end > t.len)
                        abort();
            }
            const px_quote *q2;
            size_t n2;
            if (px_quotes_find(doc, &q2, &n2) != PX_OK || q2 != q || n2 != n)
                abort(); /* the second call returns the cached result */
        }
    }
    px_doc_free(doc);
    return 0;
}
