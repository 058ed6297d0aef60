/*
 * index.c - assigning documents, one at a time in arrival order, to a
 * near-duplicate family and a story.
 *
 * Families: an exact duplicate (same folded words) joins its original at
 * once. Otherwise the LSH bands of the signature give candidates, each
 * verified (exact Jaccard of the kept shingle sets): those that reach the
 * threshold are the document's near-duplicate links (reported as such),
 * and the document joins the family of a candidate only when it reaches
 * the threshold with the family's representative: a family is a star
 * around its representative (duplicate_of), never a chain of weak links.
 * Near-duplication is not transitive (B and C may both be close to A and
 * not to each other), so a family is not a clique: the pairs are the
 * links. Of several families, the one whose representative is closest.
 * Stories: a document's terms are weighted by TF-IDF with the document
 * frequencies seen so far, its vector compared (cosine) with the vectors
 * of the stories that share its strongest terms (an inverted index), with
 * a penalty when publication dates lie far apart and one when it is much
 * less close to the story's members than they are to each other (a
 * look-alike event: see cohesion_factor); it joins the best story above
 * the threshold or starts a new one. A near-duplicate joins its
 * match's story. Nothing already placed is moved, which is what makes
 * adding tomorrow's articles incremental.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"

/* the probability of missing a pair whose Jaccard is the threshold */
#define LSH_MAX_MISS 0.01

enum {
    DOC_TERMS = 200,     /* strongest terms kept in a document vector */
    QUERY_TERMS = 24,    /* terms looked up in the inverted index */
    POSTING_SCAN = 96,   /* most recent stories scanned per term */
    STORY_TERMS = 600,   /* terms kept in a story vector */
    CANDIDATES = 48,     /* stories compared in full */
    BUCKET_SCAN = 256,   /* documents checked per LSH bucket */
    DFILTER_WORDS = 128, /* 8192 bits: 2.4% of the bits set by DOC_TERMS */
    DSLOT_CAP = 512,     /* a power of two, over twice DOC_TERMS */
};

/* Shingle sets kept for exact verification, at most this many hashes
 * (1 GiB, about 700,000 articles of 2 KB); candidates beyond it are
 * verified by the estimated Jaccard. */
#define SHINGLE_BUDGET ((size_t)256 << 20)
/* candidates whose estimate is this far below the threshold are not
 * checked exactly (4.5 standard errors at 128 permutations) */
#define ESTIMATE_SLACK 0.2

typedef struct story {
    px_term *v; /* sorted by key */
    uint32_t n;
    uint32_t n_docs;
    double norm;
    int32_t day_min, day_max;
} story;

typedef PX_VEC(uint32_t) posting;

typedef struct tried {
    int32_t slot;
    double j;
} tried;

struct px_group_index {
    px_group_options opt;
    int bands, rows;
    size_t n_docs;
    /* per document */
    PX_VEC(int32_t) dup_of;
    PX_VEC(int32_t) exact_next; /* next exact duplicate of the same text, -1 */
    PX_VEC(uint32_t) story_of;
    PX_VEC(int32_t) sig_slot; /* row of sigs, or -1 (exact duplicates, empty docs) */
    PX_VEC(uint32_t) sigs;    /* num_perm per slot */
    PX_VEC(uint32_t) slot_doc;
    PX_VEC(uint32_t) pool;     /* stored shingle sets */
    PX_VEC(size_t) sh_start;   /* per slot: offset into pool, or SIZE_MAX */
    PX_VEC(uint32_t) sh_len;
    PX_VEC(int32_t) lsh_next; /* per slot and band: next slot in the bucket, -1 */
    px_u64map lsh;            /* bucket key -> first slot */
    px_u64map exact;          /* exact hash -> document */
    PX_VEC(uint32_t) seen;    /* per slot: stamp of the last visit */
    PX_VEC(tried) tried;      /* this query's verified candidates */
    PX_VEC(size_t) near;      /* this document's verified near-duplicates */
    bool oom;
    uint32_t stamp;
    /* terms */
    px_u64map df;
    size_t n_df_docs;
    /* stories */
    PX_VEC(story) stories;
    px_u64map post_of; /* term -> index into posts */
    PX_VEC(posting) posts;
    PX_VEC(float) acc;       /* per story: candidate score */
    PX_VEC(uint32_t) acc_at; /* per story: stamp */
    PX_VEC(uint32_t) cand;
    PX_VEC(px_term) vec;
    PX_VEC(px_term) keyed; /* vec sorted by key */
    PX_VEC(px_term) tmp;
    /* the document vector compared with the candidate stories: a bit
     * filter on the low key bits and an open-addressing table of its
     * terms (index + 1 into the key-sorted vector, 0 empty) */
    uint64_t dfilter[DFILTER_WORDS];
    uint16_t dslot[DSLOT_CAP];
};

void px__group_defaults(const px_group_options *in, px_group_options *out)
{
    px_group_options o = {0};
    if (in)
        o = *in;
    if (!(o.dup_threshold > 0 && o.dup_threshold <= 1))
        o.dup_threshold = 0.5;
    if (o.shingle <= 0)
        o.shingle = 5;
    if (o.num_perm <= 0)
        o.num_perm = 128;
    if (o.num_perm > 1024)
        o.num_perm = 1024;
    if (!(o.story_threshold > 0))
        o.story_threshold = PX_STORY_THRESHOLD;
    *out = o;
}

px_group_index *px__index_new(const px_group_options *opt)
{
    px_group_index *ix = px__calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    px__group_defaults(opt, &ix->opt);
    /* Every candidate is verified, so a false positive costs a
     * comparison and a false negative a missed pair: of the bandings that
     * miss at most 1% of the pairs right at the threshold, the one with
     * the fewest false positives (datasketch's equal-weight optimum
     * misses 45% of those pairs at 0.5, 13% at the 0.35 used before). */
    px__lsh_params_recall(ix->opt.dup_threshold, ix->opt.num_perm, LSH_MAX_MISS, &ix->bands,
                          &ix->rows);
    return ix;
}

void px__index_free(px_group_index *ix)
{
    if (!ix)
        return;
    PX_VEC_FREE(ix->dup_of);
    PX_VEC_FREE(ix->exact_next);
    PX_VEC_FREE(ix->story_of);
    PX_VEC_FREE(ix->sig_slot);
    PX_VEC_FREE(ix->sigs);
    PX_VEC_FREE(ix->slot_doc);
    PX_VEC_FREE(ix->pool);
    PX_VEC_FREE(ix->sh_start);
    PX_VEC_FREE(ix->sh_len);
    PX_VEC_FREE(ix->lsh_next);
    PX_VEC_FREE(ix->seen);
    PX_VEC_FREE(ix->tried);
    PX_VEC_FREE(ix->near);
    px__u64map_release(&ix->lsh);
    px__u64map_release(&ix->exact);
    px__u64map_release(&ix->df);
    for (size_t i = 0; i < ix->stories.n; i++)
        free(ix->stories.v[i].v);
    PX_VEC_FREE(ix->stories);
    for (size_t i = 0; i < ix->posts.n; i++)
        PX_VEC_FREE(ix->posts.v[i]);
    PX_VEC_FREE(ix->posts);
    px__u64map_release(&ix->post_of);
    PX_VEC_FREE(ix->acc);
    PX_VEC_FREE(ix->acc_at);
    PX_VEC_FREE(ix->cand);
    PX_VEC_FREE(ix->vec);
    PX_VEC_FREE(ix->keyed);
    PX_VEC_FREE(ix->tmp);
    free(ix);
}

size_t px__index_n_docs(const px_group_index *ix)
{
    return ix->n_docs;
}

size_t px__index_n_stories(const px_group_index *ix)
{
    return ix->stories.n;
}

/* ---- near-duplicates ---- */

static uint64_t band_key(const px_group_index *ix, const uint32_t *sig, int band)
{
    return px__lsh_band_key(sig, ix->rows, band);
}

static bool sig_empty(const uint32_t *sig, int n)
{
    for (int i = 0; i < n; i++)
        if (sig[i] != UINT32_MAX)
            return false;
    return true;
}

static double sig_jaccard(const uint32_t *a, const uint32_t *b, int n)
{
    int same = 0;
    for (int i = 0; i < n; i++)
        same += a[i] == b[i];
    return (double)same / n;
}

/* Jaccard of f and the document in a slot: exact where the slot's
 * shingle set is kept (and the estimate is not far below t), else the
 * estimate of the signatures. */
static double slot_jaccard(const px_group_index *ix, const px_group_feat *f, int32_t slot,
                           double t)
{
    const uint32_t *other = ix->sigs.v + (size_t)slot * (size_t)ix->opt.num_perm;
    double j = sig_jaccard(f->sig, other, ix->opt.num_perm);
    if (j >= t - ESTIMATE_SLACK && ix->sh_start.v[slot] != SIZE_MAX && f->shingles)
        j = px__jaccard_sorted(f->shingles, f->n_shingles, ix->pool.v + ix->sh_start.v[slot],
                               ix->sh_len.v[slot]);
    return j;
}

/* The Jaccard of f with the document in slot, computed once per query:
 * remembered in ix->tried. */
static double tried_jaccard(px_group_index *ix, const px_group_feat *f, int32_t slot, double t)
{
    if (ix->seen.v[slot] == ix->stamp) {
        for (size_t i = 0; i < ix->tried.n; i++)
            if (ix->tried.v[i].slot == slot)
                return ix->tried.v[i].j;
    }
    double j = slot_jaccard(ix, f, slot, t);
    ix->seen.v[slot] = ix->stamp;
    tried tr = {slot, j};
    if (!PX_VEC_PUSH(ix->tried, tr))
        ix->oom = true;
    return j;
}

/* A verified near-duplicate, with the exact duplicates of its text
 * (which have no signature in the index of their own). */
static void push_near(px_group_index *ix, uint32_t doc)
{
    for (int32_t d = (int32_t)doc; d >= 0; d = ix->exact_next.v[d])
        if (!PX_VEC_PUSH(ix->near, (size_t)d))
            ix->oom = true;
}

/* The LSH candidates of f, each verified (exact Jaccard of the shingle
 * sets where kept, else the estimate): those reaching the threshold go to
 * ix->near (document indices, ascending); the best family f may join is
 * the one whose representative is closest among those that reach it: its
 * document index, or -1 (*best_j its Jaccard). Every member of a family
 * is verified against its representative, so a family is a star of true
 * near-duplicates and no chain of weak links joins two articles. */
static ptrdiff_t lsh_query(px_group_index *ix, const px_group_feat *f, double *best_j)
{
    const uint32_t *sig = f->sig;
    ptrdiff_t best = -1;
    *best_j = 0;
    ix->near.n = 0;
    ix->tried.n = 0;
    if (++ix->stamp == 0) {
        memset(ix->seen.v, 0, ix->seen.n * sizeof *ix->seen.v);
        ix->stamp = 1;
    }
    const double t = ix->opt.dup_threshold;
    for (int b = 0; b < ix->bands; b++) {
        uint32_t *head = px__u64map_get(&ix->lsh, band_key(ix, sig, b));
        if (!head)
            continue;
        int32_t slot = (int32_t)*head;
        for (int scanned = 0; slot >= 0 && scanned < BUCKET_SCAN; scanned++) {
            if (ix->seen.v[slot] != ix->stamp) {
                uint32_t doc = ix->slot_doc.v[slot];
                double j = tried_jaccard(ix, f, slot, t);
                if (j >= t)
                    push_near(ix, doc);
                uint32_t root = ix->dup_of.v[doc] >= 0 ? (uint32_t)ix->dup_of.v[doc] : doc;
                int32_t rs = ix->sig_slot.v[root];
                double jr = rs == slot ? j : rs >= 0 ? tried_jaccard(ix, f, rs, t) : -1;
                if (jr >= t && (jr > *best_j || best < 0)) {
                    *best_j = jr;
                    best = root;
                }
            }
            slot = ix->lsh_next.v[(size_t)slot * (size_t)ix->bands + (size_t)b];
        }
    }
    /* a representative found through a member's bucket is a link too */
    for (size_t i = 0; i < ix->tried.n; i++) {
        uint32_t doc = ix->slot_doc.v[ix->tried.v[i].slot];
        bool listed = false;
        for (size_t k = 0; k < ix->near.n && !listed; k++)
            listed = ix->near.v[k] == doc;
        if (!listed && ix->tried.v[i].j >= t)
            push_near(ix, doc);
    }
    /* ascending document order (a handful: insertion sort) */
    for (size_t i = 1; i < ix->near.n; i++) {
        size_t x = ix->near.v[i], k = i;
        for (; k > 0 && ix->near.v[k - 1] > x; k--)
            ix->near.v[k] = ix->near.v[k - 1];
        ix->near.v[k] = x;
    }
    return best;
}

static int lsh_insert(px_group_index *ix, const px_group_feat *f, size_t doc, int32_t *slot_out)
{
    const uint32_t *sig = f->sig;
    size_t start = SIZE_MAX;
    if (f->shingles && ix->pool.n + f->n_shingles <= SHINGLE_BUDGET) {
        if (!PX_VEC_RESERVE(ix->pool, f->n_shingles))
            return PX_ENOMEM;
        start = ix->pool.n;
        if (f->n_shingles)
            memcpy(ix->pool.v + start, f->shingles, f->n_shingles * sizeof *f->shingles);
        ix->pool.n += f->n_shingles;
    }
    if (!PX_VEC_PUSH(ix->sh_start, start) ||
        !PX_VEC_PUSH(ix->sh_len, (uint32_t)(start == SIZE_MAX ? 0 : f->n_shingles)))
        return PX_ENOMEM;
    size_t np = (size_t)ix->opt.num_perm, nb = (size_t)ix->bands;
    int32_t slot = (int32_t)ix->slot_doc.n;
    if (!PX_VEC_RESERVE(ix->sigs, np) || !PX_VEC_RESERVE(ix->lsh_next, nb) ||
        !PX_VEC_PUSH(ix->slot_doc, (uint32_t)doc) || !PX_VEC_PUSH(ix->seen, 0u))
        return PX_ENOMEM;
    memcpy(ix->sigs.v + ix->sigs.n, sig, np * sizeof *sig);
    ix->sigs.n += np;
    for (int b = 0; b < ix->bands; b++) {
        bool inserted;
        uint32_t *head = px__u64map_upsert(&ix->lsh, band_key(ix, sig, b), (uint32_t)slot, &inserted);
        if (!head)
            return PX_ENOMEM;
        ix->lsh_next.v[ix->lsh_next.n++] = inserted ? -1 : (int32_t)*head;
        *head = (uint32_t)slot;
    }
    *slot_out = slot;
    return PX_OK;
}

/* ---- stories ---- */

static int cmp_w_desc(const void *a, const void *b)
{
    float x = ((const px_term *)a)->w, y = ((const px_term *)b)->w;
    if (x != y)
        return x > y ? -1 : 1;
    uint64_t p = ((const px_term *)a)->key, q = ((const px_term *)b)->key;
    return p < q ? -1 : p > q;
}

static int cmp_key(const void *a, const void *b)
{
    uint64_t x = ((const px_term *)a)->key, y = ((const px_term *)b)->key;
    return x < y ? -1 : x > y;
}

/* The document's TF-IDF vector (unit length, strongest DOC_TERMS terms),
 * in ix->vec sorted by weight, strongest first, and in ix->keyed sorted by
 * key. Counts the document in the document frequencies first when count
 * is set. */
static int doc_vector(px_group_index *ix, const px_group_feat *f, bool count)
{
    ix->vec.n = 0;
    if (count)
        ix->n_df_docs++;
    double n = (double)ix->n_df_docs + 1;
    for (size_t i = 0; i < f->n_terms; i++) {
        uint32_t *df;
        if (count) {
            df = px__u64map_upsert(&ix->df, f->terms[i].key, 0, NULL);
            if (!df)
                return PX_ENOMEM;
            ++*df;
        } else {
            df = px__u64map_get(&ix->df, f->terms[i].key);
        }
        double d = df ? *df : 1;
        if (d < 1)
            d = 1;
        /* the lone occurrence of a term tells nothing about a story */
        double idf = log(n / d) + 0.1;
        px_term t = {f->terms[i].key, (float)(f->terms[i].w * idf)};
        if (!PX_VEC_PUSH(ix->vec, t))
            return PX_ENOMEM;
    }
    if (!PX_VEC_RESERVE(ix->tmp, ix->vec.n + STORY_TERMS + DOC_TERMS))
        return PX_ENOMEM;
    /* f->terms are sorted by key: the strongest kept in that order are
     * the key-sorted vector, and sorting them by weight (stable) gives
     * the weight order of the whole truncated */
    ix->vec.n = px__keep_strongest_terms(ix->vec.v, ix->vec.n, DOC_TERMS);
    ix->keyed.n = 0;
    if (!PX_VEC_RESERVE(ix->keyed, ix->vec.n + 1))
        return PX_ENOMEM;
    if (ix->vec.n)
        memcpy(ix->keyed.v, ix->vec.v, ix->vec.n * sizeof *ix->vec.v);
    ix->keyed.n = ix->vec.n;
    px__sort_terms_by_weight(ix->vec.v, ix->tmp.v, ix->vec.n);
    double norm = 0;
    for (size_t i = 0; i < ix->vec.n; i++)
        norm += (double)ix->vec.v[i].w * ix->vec.v[i].w;
    norm = sqrt(norm);
    for (size_t i = 0; norm > 0 && i < ix->vec.n; i++) {
        ix->vec.v[i].w = (float)(ix->vec.v[i].w / norm);
        ix->keyed.v[i].w = (float)(ix->keyed.v[i].w / norm);
    }
    return PX_OK;
}

/* dot(doc, story) / |story|; doc sorted by key. */
static double cosine(const px_term *d, size_t nd, const story *s)
{
    if (!s->norm)
        return 0;
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < nd && j < s->n) {
        if (d[i].key < s->v[j].key)
            i++;
        else if (d[i].key > s->v[j].key)
            j++;
        else
            dot += (double)d[i++].w * s->v[j++].w;
    }
    return dot / s->norm;
}

static double date_factor(const story *s, int32_t day)
{
    if (day == PX__NO_DAY || s->day_min == PX__NO_DAY)
        return 1;
    int32_t gap = day < s->day_min ? s->day_min - day : day > s->day_max ? day - s->day_max : 0;
    if (gap <= 3)
        return 1;
    return exp(-(gap - 3) / 7.0);
}

/* A newcomer should be about as close to a story's members as they are
 * to each other. The story vector S is the sum of its n members' unit
 * vectors, so without keeping the members: the newcomer's mean cosine
 * with them is dot(d, S) / n, and the mean cosine between two of them is
 * (|S|^2 - n) / (n (n - 1)) (both approximate: the vectors are cut to
 * their strongest terms). A look-alike event (the same kind of thing
 * happening to someone else, somewhere else, another year) shares the
 * story's topic words but not the details its members share with each
 * other: its mean cosine falls well below the story's cohesion. The
 * similarity is scaled down in proportion below COHESION times the
 * cohesion; a story of one article has none to compare with. */
#define COHESION 0.6

static double cohesion_factor(double cos, const story *s)
{
    double n = s->n_docs;
    if (n < 2 || !(s->norm > 0))
        return 1;
    double mean = cos * s->norm / n;
    double within = (s->norm * s->norm - n) / (n * (n - 1));
    if (!(within > 0) || mean >= COHESION * within)
        return 1;
    return mean / (COHESION * within);
}

static int story_add_vector(story *s, const px_term *d, size_t nd, int32_t day)
{
    /* merge d (sorted by key) into s->v */
    px_term *m = px__malloc((s->n + nd + 1) * sizeof *m);
    if (!m)
        return PX_ENOMEM;
    size_t i = 0, j = 0, k = 0;
    while (i < nd || j < s->n) {
        if (j >= s->n || (i < nd && d[i].key < s->v[j].key))
            m[k++] = d[i++];
        else if (i >= nd || s->v[j].key < d[i].key)
            m[k++] = s->v[j++];
        else {
            m[k] = s->v[j++];
            m[k++].w += d[i++].w;
        }
    }
    /* the strongest, still sorted by key */
    k = px__keep_strongest_terms(m, k, STORY_TERMS);
    free(s->v);
    s->v = m;
    s->n = (uint32_t)k;
    double norm = 0;
    for (size_t t = 0; t < k; t++)
        norm += (double)m[t].w * m[t].w;
    s->norm = sqrt(norm);
    s->n_docs++;
    if (day != PX__NO_DAY) {
        if (s->day_min == PX__NO_DAY || day < s->day_min)
            s->day_min = day;
        if (s->day_max == PX__NO_DAY || day > s->day_max)
            s->day_max = day;
    }
    return PX_OK;
}

static int post(px_group_index *ix, uint64_t key, uint32_t st)
{
    bool inserted;
    uint32_t *pi = px__u64map_upsert(&ix->post_of, key, (uint32_t)ix->posts.n, &inserted);
    if (!pi)
        return PX_ENOMEM;
    if (inserted) {
        posting empty = {0};
        if (!PX_VEC_PUSH(ix->posts, empty))
            return PX_ENOMEM;
    }
    posting *p = &ix->posts.v[*pi];
    for (size_t i = p->n; i > 0 && i + 4 > p->n; i--)
        if (p->v[i - 1] == st)
            return PX_OK;
    return PX_VEC_PUSH(*p, st) ? PX_OK : PX_ENOMEM;
}

static int new_story(px_group_index *ix, size_t *id)
{
    story s = {NULL, 0, 0, 0, PX__NO_DAY, PX__NO_DAY};
    if (!PX_VEC_PUSH(ix->stories, s) || !PX_VEC_PUSH(ix->acc, 0.0f) ||
        !PX_VEC_PUSH(ix->acc_at, 0u))
        return PX_ENOMEM;
    *id = ix->stories.n - 1;
    return PX_OK;
}

/* Fills ix->dfilter and ix->dslot with the terms of d (nd <= DOC_TERMS,
 * distinct keys). */
static void doc_lookup_build(px_group_index *ix, const px_term *d, size_t nd)
{
    assert(nd <= DOC_TERMS);
    memset(ix->dfilter, 0, sizeof ix->dfilter);
    memset(ix->dslot, 0, sizeof ix->dslot);
    for (size_t i = 0; i < nd; i++) {
        uint64_t k = d[i].key;
        assert(!i || d[i - 1].key < k);
        ix->dfilter[(k >> 6) & (DFILTER_WORDS - 1)] |= (uint64_t)1 << (k & 63);
        size_t h = (size_t)(k >> 40) & (DSLOT_CAP - 1);
        while (ix->dslot[h])
            h = (h + 1) & (DSLOT_CAP - 1);
        ix->dslot[h] = (uint16_t)(i + 1);
    }
}

/* cosine() of the vector d that doc_lookup_build indexed: the story's
 * terms are looked up in the document's instead of merged with them (no
 * unpredictable branch a term), and the products are added in the same
 * (ascending key) order, so the result is the same to the bit. */
static double cosine_lookup(const px_group_index *ix, const px_term *d, const story *s)
{
    if (!s->norm)
        return 0;
    double dot = 0;
    const px_term *v = s->v;
    for (uint32_t j = 0; j < s->n; j++) {
        uint64_t k = v[j].key;
        if (!((ix->dfilter[(k >> 6) & (DFILTER_WORDS - 1)] >> (k & 63)) & 1))
            continue;
        for (size_t h = (size_t)(k >> 40) & (DSLOT_CAP - 1); ix->dslot[h];
             h = (h + 1) & (DSLOT_CAP - 1)) {
            const px_term *t = &d[ix->dslot[h] - 1];
            if (t->key == k) {
                dot += (double)t->w * v[j].w;
                break;
            }
        }
    }
    return dot / s->norm;
}

/* The best story for the vector in ix->vec (sorted by weight), or -1. */
static ptrdiff_t best_story(px_group_index *ix, const px_term *sorted, size_t nd, int32_t day,
                            double *best_sim)
{
    uint32_t stamp = ++ix->stamp;
    if (!stamp) {
        memset(ix->seen.v, 0, ix->seen.n * sizeof *ix->seen.v);
        memset(ix->acc_at.v, 0, ix->acc_at.n * sizeof *ix->acc_at.v);
        stamp = ix->stamp = 1;
    }
    ix->cand.n = 0;
    size_t nq = PX_MIN(ix->vec.n, (size_t)QUERY_TERMS);
    for (size_t q = 0; q < nq; q++) {
        uint32_t *pi = px__u64map_get(&ix->post_of, ix->vec.v[q].key);
        if (!pi)
            continue;
        const posting *p = &ix->posts.v[*pi];
        size_t from = p->n > POSTING_SCAN ? p->n - POSTING_SCAN : 0;
        for (size_t i = from; i < p->n; i++) {
            uint32_t st = p->v[i];
            if (ix->acc_at.v[st] != stamp) {
                ix->acc_at.v[st] = stamp;
                ix->acc.v[st] = 0;
                if (!PX_VEC_PUSH(ix->cand, st))
                    return -2;
            }
            ix->acc.v[st] += ix->vec.v[q].w;
        }
    }
    /* keep the CANDIDATES stories sharing the most weight */
    if (ix->cand.n > CANDIDATES) {
        /* partial selection sort is enough for a few dozen */
        for (size_t i = 0; i < CANDIDATES; i++) {
            size_t m = i;
            for (size_t j = i + 1; j < ix->cand.n; j++)
                if (ix->acc.v[ix->cand.v[j]] > ix->acc.v[ix->cand.v[m]])
                    m = j;
            uint32_t t = ix->cand.v[i];
            ix->cand.v[i] = ix->cand.v[m];
            ix->cand.v[m] = t;
        }
        ix->cand.n = CANDIDATES;
    }
    ptrdiff_t best = -1;
    *best_sim = 0;
    if (ix->cand.n)
        doc_lookup_build(ix, sorted, nd);
    for (size_t i = 0; i < ix->cand.n; i++) {
        const story *s = &ix->stories.v[ix->cand.v[i]];
        /* a story's vector spreads as it grows: a fixed threshold would
         * make joining ever harder */
        double cos = cosine_lookup(ix, sorted, s);
        double sim = cos * date_factor(s, day) * (1 + 0.06 * log((double)s->n_docs)) *
                     cohesion_factor(cos, s);
        if (sim > *best_sim || (sim == *best_sim && best >= 0 && ix->cand.v[i] < (uint32_t)best)) {
            *best_sim = sim;
            best = ix->cand.v[i];
        }
    }
    return best;
}

static int story_join(px_group_index *ix, size_t st, const px_term *sorted, size_t nd,
                      int32_t day)
{
    int rc = story_add_vector(&ix->stories.v[st], sorted, nd, day);
    if (rc)
        return rc;
    size_t nq = PX_MIN(ix->vec.n, (size_t)QUERY_TERMS);
    for (size_t q = 0; q < nq; q++)
        if ((rc = post(ix, ix->vec.v[q].key, (uint32_t)st)))
            return rc;
    return PX_OK;
}

static int record_doc(px_group_index *ix, ptrdiff_t dup_of, size_t st, int32_t slot)
{
    if (!PX_VEC_PUSH(ix->dup_of, (int32_t)dup_of) || !PX_VEC_PUSH(ix->exact_next, -1) ||
        !PX_VEC_PUSH(ix->story_of, (uint32_t)st) ||
        !PX_VEC_PUSH(ix->sig_slot, slot))
        return PX_ENOMEM;
    ix->n_docs++;
    return PX_OK;
}

int px__index_assign(px_group_index *ix, px_group_feat *f, px_group_assign *out)
{
    memset(out, 0, sizeof *out);
    out->index = ix->n_docs;
    out->dup_of = -1;
    int rc;
    /* exact duplicates first: no signature work, no index growth */
    if (f->exact) {
        uint32_t *orig = px__u64map_get(&ix->exact, f->exact);
        if (orig) {
            size_t o = *orig;
            double jj;
            if (!sig_empty(f->sig, ix->opt.num_perm))
                lsh_query(ix, f, &jj);
            else
                ix->near.n = 0;
            if (ix->oom)
                return PX_ENOMEM;
            out->near = ix->near.v;
            out->n_near = ix->near.n;
            out->dup_of = ix->dup_of.v[o] >= 0 ? ix->dup_of.v[o] : (ptrdiff_t)o;
            out->exact = 1;
            out->dup_jaccard = 1;
            out->story = ix->story_of.v[o];
            out->story_similarity = 1;
            if ((rc = record_doc(ix, out->dup_of, out->story, -1)))
                return rc;
            ix->exact_next.v[ix->n_docs - 1] = ix->exact_next.v[o];
            ix->exact_next.v[o] = (int32_t)(ix->n_docs - 1);
            return PX_OK;
        }
        if (!px__u64map_upsert(&ix->exact, f->exact, (uint32_t)ix->n_docs, NULL))
            return PX_ENOMEM;
    }
    int np = ix->opt.num_perm;
    bool empty = sig_empty(f->sig, np);
    ptrdiff_t match = -1;
    double j = 0;
    ix->near.n = 0;
    if (!empty)
        match = lsh_query(ix, f, &j);
    if (ix->oom)
        return PX_ENOMEM;
    out->near = ix->near.v;
    out->n_near = ix->near.n;
    int32_t slot = -1;
    if (!empty && (rc = lsh_insert(ix, f, ix->n_docs, &slot)))
        return rc;
    if ((rc = doc_vector(ix, f, true)))
        return rc;
    size_t nd = ix->vec.n;
    px_term *sorted = px__malloc((nd ? nd : 1) * sizeof *sorted);
    if (!sorted)
        return PX_ENOMEM;
    if (nd)
        memcpy(sorted, ix->keyed.v, nd * sizeof *sorted);
    size_t st;
    if (match >= 0) {
        out->dup_of = match;
        out->dup_jaccard = j;
        st = ix->story_of.v[match];
        out->story_similarity = cosine(sorted, nd, &ix->stories.v[st]);
    } else {
        double sim;
        ptrdiff_t b = best_story(ix, sorted, nd, f->day, &sim);
        if (b == -2) {
            rc = PX_ENOMEM;
            goto done;
        }
        if (b >= 0 && sim >= ix->opt.story_threshold) {
            st = (size_t)b;
            out->story_similarity = sim;
        } else {
            if ((rc = new_story(ix, &st)))
                goto done;
            out->new_story = 1;
        }
    }
    out->story = st;
    if ((rc = story_join(ix, st, sorted, nd, f->day)))
        goto done;
    rc = record_doc(ix, out->dup_of, st, slot);
done:
    free(sorted);
    return rc;
}

int px__index_load_doc(px_group_index *ix, px_group_feat *f, size_t st, ptrdiff_t dup_of,
                       int exact)
{
    int rc;
    int32_t slot = -1;
    if (exact) {
        uint32_t *orig = f->exact ? px__u64map_get(&ix->exact, f->exact) : NULL;
        if ((rc = record_doc(ix, dup_of, st, -1)))
            return rc;
        if (orig) {
            ix->exact_next.v[ix->n_docs - 1] = ix->exact_next.v[*orig];
            ix->exact_next.v[*orig] = (int32_t)(ix->n_docs - 1);
        }
        return PX_OK;
    }
    if (f->exact && !px__u64map_upsert(&ix->exact, f->exact, (uint32_t)ix->n_docs, NULL))
        return PX_ENOMEM;
    if (f->sig && !sig_empty(f->sig, ix->opt.num_perm) &&
        (rc = lsh_insert(ix, f, ix->n_docs, &slot)))
        return rc;
    ix->n_df_docs++;
    for (size_t i = 0; i < f->n_terms; i++) {
        uint32_t *df = px__u64map_upsert(&ix->df, f->terms[i].key, 0, NULL);
        if (!df)
            return PX_ENOMEM;
        ++*df;
    }
    return record_doc(ix, dup_of, st, slot);
}

int px__index_load_story(px_group_index *ix, size_t st, const px_term *c, size_t n,
                         uint32_t n_docs, int32_t day_min, int32_t day_max)
{
    while (ix->stories.n <= st) {
        size_t id;
        int rc = new_story(ix, &id);
        if (rc)
            return rc;
    }
    story *s = &ix->stories.v[st];
    free(s->v);
    s->v = px__malloc((n ? n : 1) * sizeof *s->v);
    if (!s->v)
        return PX_ENOMEM;
    if (n) {
        memcpy(s->v, c, n * sizeof *c);
        px__qsort(s->v, n, sizeof *s->v, cmp_key);
    }
    s->n = (uint32_t)n;
    double norm = 0;
    for (size_t i = 0; i < n; i++)
        norm += (double)c[i].w * c[i].w;
    s->norm = sqrt(norm);
    s->n_docs = n_docs;
    s->day_min = day_min;
    s->day_max = day_max;
    /* postings from the story's strongest terms */
    px_term *byw = px__malloc((n ? n : 1) * sizeof *byw);
    if (!byw)
        return PX_ENOMEM;
    if (n) {
        memcpy(byw, c, n * sizeof *c);
        px__qsort(byw, n, sizeof *byw, cmp_w_desc);
    }
    int rc = PX_OK;
    for (size_t i = 0; i < n && i < 2 * QUERY_TERMS && !rc; i++)
        rc = post(ix, byw[i].key, (uint32_t)st);
    free(byw);
    return rc;
}

const px_term *px__index_story_vector(const px_group_index *ix, size_t st, size_t *n,
                                      uint32_t *n_docs, int32_t *day_min, int32_t *day_max)
{
    const story *s = &ix->stories.v[st];
    *n = s->n;
    *n_docs = s->n_docs;
    *day_min = s->day_min;
    *day_max = s->day_max;
    return s->v;
}
