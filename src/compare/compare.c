/*
 * compare.c - the comparison of one story's documents: sets up what the
 * quote and fact comparisons share (the outlet of each document, the
 * Snowball stemmer, the arena that holds every result) and runs them.
 */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare.h"

const char *px_variant_kind_name(px_variant_kind kind)
{
    switch (kind) {
#define PX__VARIANT_NAME(name, id, label) \
    case PX_VARIANT_##name:               \
        return id;
        PX_VARIANT_KIND_MAP(PX__VARIANT_NAME)
#undef PX__VARIANT_NAME
    default:
        return "unknown";
    }
}

const char *px_variant_kind_label(px_variant_kind kind)
{
    switch (kind) {
#define PX__VARIANT_LABEL(name, id, label) \
    case PX_VARIANT_##name:                \
        return label;
        PX_VARIANT_KIND_MAP(PX__VARIANT_LABEL)
#undef PX__VARIANT_LABEL
    default:
        return "unknown";
    }
}

bool px__outlet_key(const px_doc *d, px_buf *out)
{
    px_buf_clear(out);
    const char *src = px_doc_source(d);
    if (src && *src) {
        px_buf_puts(out, src);
        return true;
    }
    const char *url = px_doc_url(d);
    if (!url)
        return false;
    const char *h = strstr(url, "://");
    h = h ? h + 3 : url;
    const char *e = h;
    while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
        e++;
    const char *at = memchr(h, '@', (size_t)(e - h)); /* user@host */
    if (at)
        h = at + 1;
    if (e - h > 4 && !strncasecmp(h, "www.", 4))
        h += 4;
    for (const char *p = h; p < e; p++)
        px_buf_putc(out, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
    return out->len > 0;
}

typedef struct outlet_sort {
    const char *key;
    size_t doc;
} outlet_sort;

static int cmp_outlet_sort(const void *a, const void *b)
{
    const outlet_sort *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->doc > y->doc) - (x->doc < y->doc);
}

/* Documents of one outlet (same source, else same web site) count once;
 * a document with neither is an outlet of its own. c->outlet[i]: the
 * first document of i's outlet. */
static int assign_outlets(px_compare *c)
{
    outlet_sort *v = px__malloc((c->n_docs ? c->n_docs : 1) * sizeof(outlet_sort));
    px_buf k = PX_BUF_INIT;
    size_t n = 0;
    int rc = 0;
    if (!v)
        return PX_ENOMEM;
    for (size_t i = 0; i < c->n_docs; i++) {
        c->outlet[i] = i;
        if (!px__outlet_key(c->docs[i], &k))
            continue;
        const char *key = px_arena_strndup(&c->arena, k.ptr, k.len);
        if (!key) {
            rc = PX_ENOMEM;
            break;
        }
        v[n++] = (outlet_sort){key, i};
    }
    px__sort(v, n, sizeof(outlet_sort), cmp_outlet_sort);
    for (size_t a = 0, b; a < n && !rc; a = b)
        for (b = a; b < n && !strcmp(v[b].key, v[a].key); b++)
            c->outlet[v[b].doc] = v[a].doc;
    if (k.oom)
        rc = PX_ENOMEM;
    px_buf_release(&k);
    free(v);
    return rc;
}

int px_compare_new(px_compare **out, px_doc *const *docs, size_t n_docs, const px_entities *ents,
                   const px_quote_input *quotes, size_t n_quotes)
{
    if (!out || (!docs && n_docs) || (!quotes && n_quotes))
        return PX_EUSAGE;
    *out = NULL;
    px_compare *c = px__calloc(1, sizeof(*c));
    if (!c)
        return PX_ENOMEM;
    px_arena_init(&c->arena, 64 * 1024);
    c->docs = docs;
    c->n_docs = n_docs;
    c->ents = ents;
    c->quote_in = quotes;
    c->n_quote_in = n_quotes;
    int rc = 0;
    c->outlet = px__malloc((n_docs ? n_docs : 1) * sizeof(size_t));
    c->stemmer = sb_stemmer_new("english", "UTF_8");
    c->word_memo = px__word_memo_new();
    if (!c->outlet || !c->stemmer || !c->word_memo) {
        rc = PX_ENOMEM;
        goto done;
    }
    if ((rc = assign_outlets(c)))
        goto done;
    rc = px__compare_quotes(c, quotes, n_quotes);
    if (!rc)
        rc = px__compare_facts(c);
done:
    if (rc) {
        px_compare_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

const px_quote_group *px_compare_quotes(const px_compare *c, size_t *n)
{
    if (n)
        *n = c ? c->n_quotes : 0;
    return c ? c->quotes : NULL;
}

const px_fact *px_compare_facts(const px_compare *c, size_t *n)
{
    if (n)
        *n = c ? c->n_facts : 0;
    return c ? c->facts : NULL;
}

const px_conflict *px_compare_conflicts(const px_compare *c, size_t *n)
{
    if (n)
        *n = c ? c->n_conflicts : 0;
    return c ? c->conflicts : NULL;
}

int px__compare_add_conflict(px_compare *c, const px_conflict *conflict)
{
    px_conflict *v = px_arena_alloc(&c->arena, (c->n_conflicts + 1) * sizeof(px_conflict));
    if (!v)
        return PX_ENOMEM;
    if (c->n_conflicts)
        px__copy(v, c->conflicts, c->n_conflicts * sizeof(px_conflict));
    v[c->n_conflicts++] = *conflict;
    c->conflicts = v;
    return 0;
}

px_arena *px__compare_arena(px_compare *c)
{
    return &c->arena;
}

void px_compare_free(px_compare *c)
{
    if (!c)
        return;
    if (c->stemmer)
        sb_stemmer_delete(c->stemmer);
    free(c->outlet);
    px__word_memo_free(c->word_memo);
    px_arena_release(&c->arena);
    free(c);
}
