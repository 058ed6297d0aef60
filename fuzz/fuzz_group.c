/*
 * fuzz_group.c - fuzzes grouping on arbitrary text: the input, split at
 * its first NUL-free half into two documents plus an exact copy, goes
 * through px_group_docs; the copy must be found as an exact duplicate and
 * every story number must be dense.
 */
#include <stdlib.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_doc *docs[3] = {NULL, NULL, NULL};
    px_doc_meta meta = {"fuzz", "fuzz", NULL, NULL, NULL, NULL, NULL};
    size_t half = size / 2;
    int ok = px_doc_new(&docs[0], (const char *)data, size, &meta, 1, NULL, NULL) == PX_OK &&
             px_doc_new(&docs[1], (const char *)data + half, size - half, &meta, 1, NULL,
                        NULL) == PX_OK &&
             px_doc_new(&docs[2], (const char *)data, size, &meta, 1, NULL, NULL) == PX_OK;
    if (ok) {
        size_t story[3];
        ptrdiff_t dup[3];
        px_group_options opt = {.threads = 1};
        if (px_group_docs(docs, 3, &opt, story, dup) == PX_OK) {
            size_t n_tok, words = 0;
            const px_token *t = px_doc_tokens(docs[0], &n_tok);
            for (size_t i = 0; i < n_tok; i++)
                words += t[i].kind == PX_TOK_WORD || t[i].kind == PX_TOK_NUMBER;
            if (story[0] != 0 || story[1] > 1 || story[2] > 2)
                abort();
            /* the copy has the same words: an exact duplicate of the first */
            if (words && (dup[2] != 0 || story[2] != story[0]))
                abort();
        }
    }
    for (int i = 0; i < 3; i++)
        px_doc_free(docs[i]);
    return 0;
}
