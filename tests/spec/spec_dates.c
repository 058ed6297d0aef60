/*
 * spec_dates.c - the "dates" spec kind: the input's first line is
 * "ref: YYYY-MM-DD" (or "ref: none"), the rest is the article (read with
 * structure, so embedded posts are found); the
 * output is one expression a line: TYPE value | text.
 */
#include <string.h>

#include "spec.h"

void spec_dates(const char *in, size_t len, px_buf *out)
{
    char ref[16] = "";
    const char *nl = memchr(in, '\n', len);
    if (nl && len > 5 && !strncmp(in, "ref: ", 5)) {
        size_t rl = (size_t)(nl - in) - 5;
        if (rl < sizeof(ref))
            memcpy(ref, in + 5, rl), ref[rl] = 0;
        len -= (size_t)(nl + 1 - in);
        in = nl + 1;
    }
    px_doc *doc = NULL;
    px_doc_meta meta = {.id = "spec", .file = "spec"};
    if (px_doc_new(&doc, in, len, &meta, 1, NULL, NULL))
        return;
    const px_timex *v;
    size_t n;
    const char *r = ref[0] && strcmp(ref, "none") ? ref : NULL;
    if (px_dates_find(doc, r, &v, &n) == PX_OK)
        for (size_t i = 0; i < n; i++)
            px_buf_printf(out, "%s %s | %.*s\n", px_timex_type_name(v[i].type), v[i].value,
                          (int)(v[i].end - v[i].start), doc->text + v[i].start);
    px_doc_free(doc);
}
