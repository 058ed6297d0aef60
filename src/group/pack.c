/*
 * pack.c - the features of one document as bytes: what the corpus stores
 * for each article, and what a distributed run sends between machines.
 * Little-endian, versioned, and validated on the way back in: a blob that
 * is truncated, too long, out of order or carries a non-finite weight is
 * rejected, never trusted.
 *
 *   "PXF1"  magic and version
 *   u32     num_perm        u32 n_shingles     u32 n_terms
 *   i32     day             u64 exact
 *   u32     signature[num_perm]
 *   u32     shingles[n_shingles]   strictly ascending
 *   (u64 key, f32 weight)[n_terms] keys strictly ascending, weights
 *                                  finite, >= 0 and below MAX_WEIGHT
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"

struct px_group_features {
    px_group_feat f;
};

#define MAGIC "PXF1"
enum { HEADER = 4 + 4 * 4 + 8 };
/* a raw term weight is 1 + log of a sum of boosts: far below this */
#define MAX_WEIGHT 1e6f
/* a day number of a year between -9999 and 9999 */
#define MAX_DAY 3000000

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

int px__feat_pack(const px_group_feat *f, int num_perm, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    if (f->n_shingles > UINT32_MAX || f->n_terms > UINT32_MAX || num_perm < 0)
        return PX_ETOOBIG;
    size_t np = f->sig ? (size_t)num_perm : 0;
    size_t n = HEADER + 4 * np + 4 * f->n_shingles + 12 * f->n_terms;
    unsigned char *b = px__malloc(n ? n : 1), *p = b;
    if (!b)
        return PX_ENOMEM;
    memcpy(p, MAGIC, 4);
    put32(p + 4, (uint32_t)np);
    put32(p + 8, (uint32_t)f->n_shingles);
    put32(p + 12, (uint32_t)f->n_terms);
    put32(p + 16, (uint32_t)f->day);
    put64(p + 20, f->exact);
    p += HEADER;
    for (size_t i = 0; i < np; i++, p += 4)
        put32(p, f->sig[i]);
    for (size_t i = 0; i < f->n_shingles; i++, p += 4)
        put32(p, f->shingles[i]);
    for (size_t i = 0; i < f->n_terms; i++, p += 12) {
        uint32_t w;
        memcpy(&w, &f->terms[i].w, 4);
        put64(p, f->terms[i].key);
        put32(p + 8, w);
    }
    *out = b;
    *len = n;
    return PX_OK;
}

int px__feat_unpack(const void *data, size_t len, int num_perm, px_group_feat *f,
                    const char **why)
{
    memset(f, 0, sizeof *f);
    const unsigned char *p = data;
    *why = "truncated";
    if (!p || len < HEADER)
        return PX_EBADINPUT;
    if (memcmp(p, MAGIC, 4)) {
        *why = "not a features blob (bad magic)";
        return PX_EBADINPUT;
    }
    uint32_t np = get32(p + 4), ns = get32(p + 8), nt = get32(p + 12);
    int32_t day = (int32_t)get32(p + 16);
    uint64_t exact = get64(p + 20);
    if (np != (uint32_t)num_perm) {
        *why = "signature length differs from the corpus's num_perm";
        return PX_EBADINPUT;
    }
    /* sizes checked before any allocation: a length field cannot ask
     * for more memory than the blob itself holds */
    size_t need = HEADER + 4 * (size_t)np + 4 * (size_t)ns + 12 * (size_t)nt;
    if (need != len) {
        *why = need > len ? "truncated" : "trailing bytes";
        return PX_EBADINPUT;
    }
    if (day != PX__NO_DAY && (day < -MAX_DAY || day > MAX_DAY)) {
        *why = "day out of range";
        return PX_EBADINPUT;
    }
    if (!exact && (ns || nt)) {
        *why = "shingles or terms without words";
        return PX_EBADINPUT;
    }
    f->exact = exact;
    f->day = day;
    f->sig = px__malloc((np ? np : 1) * sizeof *f->sig);
    f->shingles = px__malloc((ns ? ns : 1) * sizeof *f->shingles);
    f->terms = px__malloc((nt ? nt : 1) * sizeof *f->terms);
    if (!f->sig || !f->shingles || !f->terms) {
        px__feat_release(f);
        return PX_ENOMEM;
    }
    p += HEADER;
    for (uint32_t i = 0; i < np; i++, p += 4)
        f->sig[i] = get32(p);
    for (uint32_t i = 0; i < ns; i++, p += 4) {
        f->shingles[i] = get32(p);
        if (i && f->shingles[i] <= f->shingles[i - 1]) {
            *why = "shingles out of order";
            px__feat_release(f);
            return PX_EBADINPUT;
        }
    }
    f->n_shingles = ns;
    for (uint32_t i = 0; i < nt; i++, p += 12) {
        uint32_t w = get32(p + 8);
        f->terms[i].key = get64(p);
        memcpy(&f->terms[i].w, &w, 4);
        if (i && f->terms[i].key <= f->terms[i - 1].key) {
            *why = "terms out of order";
            px__feat_release(f);
            return PX_EBADINPUT;
        }
        if (!isfinite(f->terms[i].w) || f->terms[i].w < 0 || f->terms[i].w > MAX_WEIGHT) {
            *why = "term weight not a finite non-negative number";
            px__feat_release(f);
            return PX_EBADINPUT;
        }
    }
    f->n_terms = nt;
    return PX_OK;
}

/* ---- the public face ---- */

int px_group_features_new(px_group_features **out, const px_doc *doc, const px_group_options *opt)
{
    if (!out || !doc)
        return PX_EUSAGE;
    *out = NULL;
    px_group_options o;
    px__group_defaults(opt, &o);
    px_group_features *x = px__calloc(1, sizeof *x);
    px_feat_ctx *c = px__feat_ctx_new(o.num_perm, o.shingle, PX__GROUP_SEED);
    int rc = !x || !c ? PX_ENOMEM : px__feat_compute(c, doc, &x->f);
    px__feat_ctx_free(c);
    if (rc) {
        free(x);
        return rc;
    }
    *out = x;
    return PX_OK;
}

int px_group_features_pack(const px_group_features *f, const px_group_options *opt,
                           unsigned char **out, size_t *len)
{
    if (!f || !out || !len)
        return PX_EUSAGE;
    px_group_options o;
    px__group_defaults(opt, &o);
    return px__feat_pack(&f->f, o.num_perm, out, len);
}

int px_group_features_unpack(px_group_features **out, const void *data, size_t len,
                             const px_group_options *opt)
{
    if (!out || (!data && len))
        return PX_EUSAGE;
    *out = NULL;
    px_group_options o;
    px__group_defaults(opt, &o);
    px_group_features *x = px__calloc(1, sizeof *x);
    if (!x)
        return PX_ENOMEM;
    const char *why;
    int rc = px__feat_unpack(data, len, o.num_perm, &x->f, &why);
    if (rc) {
        free(x);
        return rc;
    }
    *out = x;
    return PX_OK;
}

uint64_t px_group_features_exact(const px_group_features *f)
{
    return f ? f->f.exact : 0;
}

void px_group_features_free(px_group_features *f)
{
    if (!f)
        return;
    px__feat_release(&f->f);
    free(f);
}

int px_grouper_add_features(px_grouper *g, px_group_features *f)
{
    if (!g || !f) {
        px_group_features_free(f);
        return PX_EUSAGE;
    }
    int rc = px__grouper_add_feat(g, &f->f, false);
    free(f);
    return rc;
}
