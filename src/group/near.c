/*
 * near.c - near-duplicates: which distinct texts are close copies of one
 * another (verified pairs) and the families they form.
 *
 * Candidates come from LSH: the MinHash signature is cut into bands, and
 * texts that agree on a whole band share a bucket. Within a bucket each
 * text is paired with the BUCKET_SCAN texts before it in content order
 * (a bound on the work a boilerplate bucket can cause that does not
 * depend on the input order). Each candidate is verified: the exact
 * Jaccard of the two shingle sets when they are kept, else the estimate
 * of the signatures; those reaching the threshold are the near-duplicate
 * pairs, the links `stories` reports.
 *
 * Near-duplication is not transitive (B and C may both be close to A and
 * not to each other), so a family is a star around its representative,
 * its earliest article: in input order, a text joins the family of the
 * closest root among its verified earlier partners, or starts its own.
 * Every member of a family is a verified near-duplicate of its
 * representative, and no chain of weak links joins two articles.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"

enum {
    BUCKET_SCAN = PX__BUCKET_SCAN, /* earlier texts (content order) compared per bucket */
};

/* candidates whose estimate is this far below the threshold are not
 * checked exactly (4.5 standard errors at 128 permutations) */
#define ESTIMATE_SLACK 0.2

/* Sorted, distinct: the union of two sorted, distinct arrays into out. */
static size_t merge_unique(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                           uint64_t *out)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na || j < nb) {
        uint64_t x = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
        if (i < na && a[i] == x)
            i++;
        if (j < nb && b[j] == x)
            j++;
        out[k++] = x;
    }
    return k;
}

typedef struct verify_job {
    const px_near_input *in;
    const uint64_t *cand;
    float *j; /* per candidate, -1 when below the threshold */
} verify_job;

static double sig_jaccard(const uint32_t *a, const uint32_t *b, int n)
{
    int same = 0;
    for (int i = 0; i < n; i++)
        same += a[i] == b[i];
    return (double)same / n;
}

static void *verify_range(void *arg);

typedef struct verify_slice {
    verify_job *job;
    size_t from, to;
} verify_slice;

static void *verify_range(void *arg)
{
    verify_slice *s = arg;
    const px_near_input *in = s->job->in;
    size_t np = (size_t)in->num_perm;
    for (size_t i = s->from; i < s->to; i++) {
        uint32_t a = (uint32_t)(s->job->cand[i] >> 32), b = (uint32_t)s->job->cand[i];
        double j = sig_jaccard(in->sigs + a * np, in->sigs + b * np, in->num_perm);
        if (in->shingles && j >= in->threshold - ESTIMATE_SLACK)
            j = px__jaccard_sorted(in->shingles + in->sh_start[a], in->sh_len[a],
                                   in->shingles + in->sh_start[b], in->sh_len[b],
                                   in->threshold);
        s->job->j[i] = j >= in->threshold ? (float)j : -1.0f;
    }
    return NULL;
}

int px__near_verify(const px_near_input *in, const uint64_t *cand, size_t n_cand,
                    px_near_pair **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    float *jac = px__malloc((n_cand ? n_cand : 1) * sizeof *jac);
    if (!jac)
        return PX_ENOMEM;
    verify_job job = {in, cand, jac};
    enum { THREADS = 2 };
    verify_slice sl[THREADS];
    pthread_t tid;
    bool started = false;
    for (int t = 0; t < THREADS; t++)
        sl[t] = (verify_slice){&job, n_cand * (size_t)t / THREADS, n_cand * (size_t)(t + 1) / THREADS};
    if (n_cand > 1024 && !pthread_create(&tid, NULL, verify_range, &sl[1]))
        started = true;
    verify_range(&sl[0]);
    if (started)
        pthread_join(tid, NULL);
    else
        verify_range(&sl[1]);
    size_t k = 0;
    for (size_t i = 0; i < n_cand; i++)
        k += jac[i] >= 0;
    px_near_pair *pairs = px__malloc((k ? k : 1) * sizeof *pairs);
    if (!pairs) {
        free(jac);
        return PX_ENOMEM;
    }
    k = 0;
    for (size_t i = 0; i < n_cand; i++)
        if (jac[i] >= 0)
            pairs[k++] = (px_near_pair){(uint32_t)(cand[i] >> 32), (uint32_t)cand[i], jac[i]};
    free(jac);
    *out = pairs;
    *n_out = k;
    return PX_OK;
}

int px__near_pairs(const px_near_input *in, px_near_pair **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    size_t n = in->n_nodes, np = (size_t)in->num_perm;
    int rc = PX_ENOMEM;
    uint32_t *by_rank = px__malloc((n ? n : 1) * sizeof *by_rank);
    int32_t *next = px__malloc((n ? n : 1) * sizeof *next);
    px_u64map head = {0};
    PX_VEC(uint64_t) band = {0};
    uint64_t *cand = NULL, *tmp = NULL;
    size_t n_cand = 0;
    if (!by_rank || !next)
        goto done;
    for (size_t v = 0; v < n; v++)
        by_rank[in->rank[v]] = (uint32_t)v;
    for (int b = 0; b < in->bands; b++) {
        /* the texts of a bucket, visited in content order: each is
         * compared with the last BUCKET_SCAN before it, then heads it */
        band.n = 0;
        px__u64map_clear(&head);
        for (size_t r = 0; r < n; r++) {
            uint32_t v = by_rank[r];
            if (!in->has_sig[v])
                continue;
            bool inserted;
            uint64_t key = px__lsh_band_key(in->sigs + v * np, in->rows, b);
            uint32_t *h = px__u64map_upsert(&head, key, v, &inserted);
            if (!h)
                goto done;
            next[v] = inserted ? -1 : (int32_t)*h;
            int32_t u = next[v];
            for (int k = 0; u >= 0 && k < BUCKET_SCAN; k++, u = next[u]) {
                uint64_t lo = PX_MIN((uint64_t)u, (uint64_t)v), hi = PX_MAX((uint64_t)u, (uint64_t)v);
                if (!PX_VEC_PUSH(band, lo << 32 | hi))
                    goto done;
            }
            *h = v;
        }
        if (!band.n)
            continue;
        uint64_t *t2 = px__realloc(tmp, (band.n + n_cand) * sizeof *t2);
        if (!t2)
            goto done;
        tmp = t2;
        px__sort_u64(band.v, tmp, band.n);
        size_t m = 0;
        for (size_t i = 0; i < band.n; i++)
            if (!m || band.v[m - 1] != band.v[i])
                band.v[m++] = band.v[i];
        m = merge_unique(cand, n_cand, band.v, m, tmp);
        uint64_t *t3 = px__realloc(cand, (m ? m : 1) * sizeof *t3);
        if (!t3)
            goto done;
        cand = t3;
        memcpy(cand, tmp, m * sizeof *cand);
        n_cand = m;
    }
    rc = px__near_verify(in, cand, n_cand, out, n_out);
done:
    free(by_rank);
    free(next);
    px__u64map_release(&head);
    PX_VEC_FREE(band);
    free(cand);
    free(tmp);
    return rc;
}

void px__families(size_t n_nodes, const px_near_pair *pairs, size_t n_pairs, uint32_t *root,
                  float *jac)
{
    /* pairs are sorted by (a, b); for node b the earlier partners a are
     * scattered, so walk them by b: a counting pass gives each b its
     * range in an index sorted by b (a ascending within) */
    for (size_t v = 0; v < n_nodes; v++) {
        root[v] = (uint32_t)v;
        if (jac)
            jac[v] = 1;
    }
    if (!n_pairs)
        return;
    size_t *start = px__calloc(n_nodes + 1, sizeof *start);
    size_t *fill = px__malloc((n_nodes + 1) * sizeof *fill);
    uint32_t *idx = px__malloc(n_pairs * sizeof *idx);
    if (!start || !fill || !idx) {
        /* no memory for the index: scan the pairs for each node instead
         * (quadratic, but the same families) */
        free(start);
        free(fill);
        free(idx);
        for (size_t v = 0; v < n_nodes; v++) {
            float best = -1;
            uint32_t r = (uint32_t)v;
            for (size_t i = 0; i < n_pairs; i++)
                if (pairs[i].b == v && root[pairs[i].a] == pairs[i].a && pairs[i].j > best) {
                    best = pairs[i].j;
                    r = pairs[i].a;
                }
            root[v] = r;
            if (jac && r != v)
                jac[v] = best;
        }
        return;
    }
    for (size_t i = 0; i < n_pairs; i++)
        start[pairs[i].b + 1]++;
    for (size_t v = 0; v < n_nodes; v++)
        start[v + 1] += start[v];
    memcpy(fill, start, (n_nodes + 1) * sizeof *fill);
    for (size_t i = 0; i < n_pairs; i++)
        idx[fill[pairs[i].b]++] = (uint32_t)i;
    free(fill);
    for (size_t v = 0; v < n_nodes; v++) {
        float best = -1;
        uint32_t r = (uint32_t)v;
        for (size_t k = start[v]; k < start[v + 1]; k++) {
            const px_near_pair *p = &pairs[idx[k]];
            /* the closest root; of equal ones the earliest (a ascending) */
            if (root[p->a] == p->a && p->j > best) {
                best = p->j;
                r = p->a;
            }
        }
        root[v] = r;
        if (jac && r != v)
            jac[v] = best;
    }
    free(start);
    free(idx);
}

static uint32_t uf_find(uint32_t *p, uint32_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

void px__near_components(size_t n_nodes, const px_near_pair *pairs, size_t n_pairs,
                         uint32_t *must)
{
    for (size_t v = 0; v < n_nodes; v++)
        must[v] = (uint32_t)v;
    for (size_t i = 0; i < n_pairs; i++) {
        uint32_t a = uf_find(must, pairs[i].a), b = uf_find(must, pairs[i].b);
        if (a != b)
            must[PX_MAX(a, b)] = PX_MIN(a, b);
    }
    for (size_t v = 0; v < n_nodes; v++)
        must[v] = uf_find(must, (uint32_t)v);
}
