/*
 * fuzz_dates.c - fuzzes the time-expression tagger (px_dates_find) with
 * and without a reference date, and checks every expression lies within
 * the text, in order, with a non-empty value.
 */
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_doc *doc = NULL;
    px_doc_meta meta = {.id = "fuzz", .file = "fuzz"};
    if (px_doc_new(&doc, (const char *)data, size, &meta, 1, NULL, NULL) != PX_OK)
        return 0;
    px_str t = px_doc_text(doc);
    static const char *const refs[] = {NULL, "2025-05-12", "1999-12-31"};
    for (size_t r = 0; r < sizeof(refs) / sizeof(refs[0]); r++) {
        const px_timex *v;
        size_t n;
        if (px_dates_find(doc, refs[r], &v, &n) != PX_OK)
            abort();
        size_t last = 0;
        for (size_t i = 0; i < n; i++) {
            if (v[i].start >= v[i].end || v[i].end > t.len || v[i].start < last ||
                !v[i].value || !v[i].value[0] || (unsigned)v[i].type > PX_TIMEX_SET)
                abort();
            last = v[i].end;
        }
    }
    px_doc_free(doc);
    return 0;
}
