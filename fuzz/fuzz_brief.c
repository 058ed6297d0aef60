/*
 * fuzz_brief.c - fuzzes the brief: the input is split at form feeds into
 * up to 8 documents, briefed with a word budget taken from the first byte
 * (0: the default five sentences), and rendered in every format. Checks
 * that offsets stay inside their document, sources start with the chosen
 * document, and the word budget holds.
 */
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

#define MAX_DOCS 8

static size_t count_words(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int ws = *s == ' ' || *s == '\n' || *s == '\t';
        n += !ws && !in;
        in = !ws;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    px_brief_options opt = {.max_words = data[0] % 64};
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    px_doc *docs[MAX_DOCS];
    size_t n = 0;
    while (p <= end && n < MAX_DOCS) {
        const char *ff = memchr(p, '\f', (size_t)(end - p));
        const char *stop = ff ? ff : end;
        char id[8] = {'d', (char)('0' + n), 0};
        px_doc_meta meta = {id, "fuzz", NULL, NULL, NULL, NULL, NULL};
        if (px_doc_new(&docs[n], p, (size_t)(stop - p), &meta, 1, NULL, NULL) == PX_OK)
            n++;
        if (!ff)
            break;
        p = ff + 1;
    }
    px_brief *b = NULL;
    if (px_brief_new(&b, docs, n, &opt) == PX_OK) {
        size_t ns, words = 0;
        const px_brief_sentence *s = px_brief_sentences(b, &ns);
        for (size_t i = 0; i < ns; i++) {
            if (s[i].doc >= n)
                abort();
            px_str t = px_doc_text(docs[s[i].doc]);
            if (s[i].start > s[i].end || s[i].end > t.len || !s[i].n_sources ||
                s[i].sources[0] != s[i].doc)
                abort();
            words += count_words(s[i].text);
        }
        if (opt.max_words && words > opt.max_words)
            abort();
        for (int f = PX_BRIEF_TEXT; f <= PX_BRIEF_MD; f++) {
            char *out = NULL;
            size_t len;
            if (px_brief_render(b, (px_brief_format)f, &out, &len) == PX_OK && strlen(out) != len)
                abort();
            free(out);
        }
    }
    px_brief_free(b);
    for (size_t i = 0; i < n; i++)
        px_doc_free(docs[i]);
    return 0;
}
