/*
 * stories.c - the phases of src/group across the ranks, with the output
 * of the single process.
 *
 *   nodes      exact-text hashes go to their owner, which tells each text
 *              its first document in the whole input and its content
 *              rank; nodes (distinct texts) are numbered in input order;
 *   near       LSH band keys go to their owner, which makes the
 *              candidate pairs of each bucket as near.c does (each node
 *              with the PX__BUCKET_SCAN before it in content order); a
 *              pair is verified by the owner of its lower node, which
 *              fetches the other's signature and shingles;
 *   df         each rank's distinct story terms with their counts go to
 *              their owner (a reduce by key: a dense MPI_Allreduce would
 *              need every rank to hold the whole vocabulary); the owner
 *              numbers the terms in key order and answers each rank with
 *              the rank and document frequency of its terms; the number
 *              of texts is an MPI_Allreduce;
 *   vectors    each rank makes its nodes' TF-IDF vectors (px__story_vectors
 *              over its own terms, numbered in key order like the global
 *              ranks, so ties break the same way);
 *   postings   each node's query keys go to the owner of the term, which
 *              orders the posting (px__posting_order) and sends its
 *              scanned part to every rank with a node keyed on the term;
 *              that rank scores its nodes' partners (px__story_partners);
 *   linkage    rank 0 gathers the candidate edges and the verified pairs
 *              and finds the connected components; each component goes
 *              whole to one rank (the largest first, to the least loaded),
 *              with its nodes' vectors, and is clustered there
 *              (px__story_cluster: a component's stories do not depend on
 *              the rest);
 *   output     rank 0 gathers the documents' ids and nodes and the labels,
 *              makes the ids unique as the reader does, and builds the
 *              result as the grouper does (px__result_build).
 *
 * Records go between ranks as fixed-size structs: the ranks of one job
 * run the same binary on the same architecture.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpx.h"


/* ---- small helpers ---- */

static px_buf *bufs_new(int p)
{
    px_buf *b = calloc((size_t)p, sizeof *b);
    for (int i = 0; b && i < p; i++)
        px_buf_init(&b[i]);
    return b;
}

static void bufs_free(px_buf *b, int p)
{
    for (int i = 0; b && i < p; i++)
        px_buf_release(&b[i]);
    free(b);
}

static void bufs_clear(px_buf *b, int p)
{
    for (int i = 0; i < p; i++)
        px_buf_clear(&b[i]);
}

/* The rank whose range [off[r], off[r + 1]) holds x. */
static int range_rank(const uint64_t *off, int p, uint64_t x)
{
    int lo = 0, hi = p - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (off[mid] <= x)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

static uint64_t mix64(uint64_t h)
{
    h ^= h >> 31;
    h *= 0x7fb5d329728ea185ULL;
    h ^= h >> 27;
    h *= 0x81dadef4bc2dd44dULL;
    h ^= h >> 33;
    return h;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Offsets of every rank's count (exclusive prefix sums, p + 1 values). */
static int all_offsets(mpx *m, uint64_t mine, uint64_t *off)
{
    int64_t *all = malloc((size_t)m->size * sizeof *all), x = (int64_t)mine;
    if (mpx_agree(m, all ? PX_OK : PX_ENOMEM)) {
        free(all);
        return PX_ENOMEM;
    }
    mpx_allgather(m, &x, 1, all);
    off[0] = 0;
    for (int r = 0; r < m->size; r++)
        off[r + 1] = off[r] + (uint64_t)all[r];
    free(all);
    return PX_OK;
}

/* ---- the state of one run on one rank ---- */

typedef struct run {
    mpx *m;
    px_group_options opt;
    int bands, rows, np;
    mpx_docs *d;
    uint64_t *doc_off;  /* p + 1: documents of each rank */
    uint64_t *node_off; /* p + 1: nodes of each rank */
    size_t nt;          /* texts of this rank */
    /* per text */
    uint64_t *first;    /* global first document of the text */
    uint32_t *crank;    /* content rank (nodes) */
    uint32_t *node;     /* global node */
    /* this rank's nodes, in order: their texts */
    PX_VEC(uint32_t) node_text;
    uint64_t n_nodes;   /* in all */
    /* verified pairs (global nodes) of the lower nodes held here */
    PX_VEC(px_near_pair) pairs;
    /* story vectors of the nodes held here (global term ranks): node v's
     * at vec + vec_start[v], vec_len[v] terms */
    size_t *vec_start;
    uint32_t *vec_len;
    px_tw *vec;
    uint64_t n_terms;   /* in all */
    PX_VEC(uint64_t) edges; /* candidate edges found here (global nodes) */
} run;

static void run_release(run *R)
{
    free(R->doc_off);
    free(R->node_off);
    free(R->first);
    free(R->crank);
    free(R->node);
    PX_VEC_FREE(R->node_text);
    PX_VEC_FREE(R->pairs);
    free(R->vec_start);
    free(R->vec_len);
    free(R->vec);
    PX_VEC_FREE(R->edges);
}

/* ---- nodes ---- */

typedef struct exact_rec {
    uint64_t exact, doc;
} exact_rec;

typedef struct exact_ans {
    uint64_t first, pos;
} exact_ans;

typedef struct owned_exact {
    uint64_t exact, doc;
} owned_exact;

static int cmp_owned(const void *a, const void *b)
{
    const owned_exact *x = a, *y = b;
    if (x->exact != y->exact)
        return x->exact < y->exact ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

static int phase_nodes(run *R)
{
    mpx *m = R->m;
    mpx_docs *d = R->d;
    int p = m->size, rc = PX_OK;
    size_t nt = R->nt = d->exact.n;
    px_buf *out = bufs_new(p), in = PX_BUF_INIT, back = PX_BUF_INIT;
    size_t *off = malloc((size_t)(p + 1) * sizeof *off), *boff = malloc((size_t)(p + 1) * sizeof *boff);
    owned_exact *own = NULL;
    px_u64map at = {0};
    uint64_t *pos_off = malloc((size_t)(p + 1) * sizeof *pos_off);
    R->doc_off = malloc((size_t)(p + 1) * sizeof *R->doc_off);
    R->node_off = malloc((size_t)(p + 1) * sizeof *R->node_off);
    R->first = malloc((nt ? nt : 1) * sizeof *R->first);
    R->crank = malloc((nt ? nt : 1) * sizeof *R->crank);
    R->node = malloc((nt ? nt : 1) * sizeof *R->node);
    if (!out || !off || !boff || !pos_off || !R->doc_off || !R->node_off || !R->first ||
        !R->crank || !R->node)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)) || (rc = all_offsets(m, d->n, R->doc_off)))
        goto done;
    uint64_t base = R->doc_off[m->rank];
    /* each text's hash to its owner */
    for (size_t t = 0; t < nt; t++) {
        R->first[t] = base + d->text_doc.v[t];
        if (!d->exact.v[t])
            continue;
        exact_rec e = {d->exact.v[t], base + d->text_doc.v[t]};
        px_buf_put(&out[mpx_owner(m, e.exact)], &e, sizeof e);
    }
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    /* the owner: the first document of each hash and its place in hash
     * order among the hashes it owns */
    size_t nr = in.len / sizeof(exact_rec);
    own = malloc((nr ? nr : 1) * sizeof *own);
    if (!own)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    memcpy(own, in.ptr, nr * sizeof *own);
    px__qsort(own, nr, sizeof *own, cmp_owned);
    size_t distinct = 0;
    for (size_t i = 0; i < nr && !rc; i++) {
        if (i && own[i].exact == own[i - 1].exact)
            continue;
        /* the hash's first entry (sorted): its first document */
        if (!px__u64map_upsert(&at, own[i].exact, (uint32_t)i, NULL))
            rc = PX_ENOMEM;
        distinct++;
    }
    if ((rc = mpx_agree(m, rc)) || (rc = all_offsets(m, distinct, pos_off)))
        goto done;
    /* places: the i-th distinct hash (sorted) of this owner */
    {
        uint32_t *place = malloc((nr ? nr : 1) * sizeof *place);
        if (!place)
            rc = PX_ENOMEM;
        if ((rc = mpx_agree(m, rc))) {
            free(place);
            goto done;
        }
        for (size_t i = 0, k = 0; i < nr; i++) {
            if (i && own[i].exact == own[i - 1].exact)
                continue;
            place[i] = (uint32_t)k++;
        }
        bufs_clear(out, p);
        const exact_rec *e = (const exact_rec *)in.ptr;
        for (int s = 0; s < p; s++)
            for (size_t k = off[s] / sizeof *e; k < off[s + 1] / sizeof *e; k++) {
                uint32_t i = *px__u64map_get(&at, e[k].exact);
                exact_ans a = {own[i].doc, place[i]};
                px_buf_put(&out[s], &a, sizeof a);
            }
        free(place);
    }
    if ((rc = mpx_exchange(m, out, &back, boff)))
        goto done;
    /* the answers come back in the order the questions went */
    {
        size_t *next = calloc((size_t)p, sizeof *next);
        if ((rc = mpx_agree(m, next ? PX_OK : PX_ENOMEM))) {
            free(next);
            goto done;
        }
        const exact_ans *a = (const exact_ans *)back.ptr;
        for (size_t t = 0; t < nt; t++) {
            if (!d->exact.v[t])
                continue;
            int o = mpx_owner(m, d->exact.v[t]);
            const exact_ans *x = &a[boff[o] / sizeof *a + next[o]++];
            R->first[t] = x->first;
            R->crank[t] = (uint32_t)(pos_off[o] + x->pos);
        }
        free(next);
    }
    uint64_t n_sig = pos_off[p];
    /* nodes: the texts first seen here, numbered in input order */
    uint64_t no_words = 0;
    for (size_t t = 0; t < nt && !rc; t++)
        if (R->first[t] == base + d->text_doc.v[t]) {
            if (!PX_VEC_PUSH(R->node_text, (uint32_t)t))
                rc = PX_ENOMEM;
            no_words += !d->exact.v[t];
        }
    uint64_t nw_before = mpx_exscan(m, no_words);
    if ((rc = mpx_agree(m, rc)) || (rc = all_offsets(m, R->node_text.n, R->node_off)))
        goto done;
    R->n_nodes = R->node_off[p];
    if (R->n_nodes >= UINT32_MAX - 1) {
        if (m->rank == 0)
            mpx_error(m, "more than 4 billion distinct texts: too many for one run");
        rc = PX_ETOOBIG;
        goto done;
    }
    for (size_t k = 0; k < R->node_text.n; k++) {
        uint32_t t = R->node_text.v[k];
        R->node[t] = (uint32_t)(R->node_off[m->rank] + k);
        /* texts without words rank after the others, in input order */
        if (!d->exact.v[t])
            R->crank[t] = (uint32_t)(n_sig + nw_before++);
    }
    /* texts first seen on an earlier rank: their node from there */
    bufs_clear(out, p);
    for (size_t t = 0; t < nt; t++)
        if (R->first[t] != base + d->text_doc.v[t])
            px_buf_put(&out[range_rank(R->doc_off, p, R->first[t])], &R->first[t], 8);
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    bufs_clear(out, p);
    {
        const uint64_t *q = (const uint64_t *)in.ptr;
        for (int s = 0; s < p; s++)
            for (size_t k = off[s] / 8; k < off[s + 1] / 8; k++) {
                uint32_t t = d->text_of.v[q[k] - base];
                uint64_t ans[2] = {R->node[t], R->crank[t]};
                px_buf_put(&out[s], ans, sizeof ans);
            }
    }
    if ((rc = mpx_exchange(m, out, &back, boff)))
        goto done;
    {
        size_t *next = calloc((size_t)p, sizeof *next);
        if ((rc = mpx_agree(m, next ? PX_OK : PX_ENOMEM))) {
            free(next);
            goto done;
        }
        const uint64_t *a = (const uint64_t *)back.ptr;
        for (size_t t = 0; t < nt; t++)
            if (R->first[t] != base + d->text_doc.v[t]) {
                int o = range_rank(R->doc_off, p, R->first[t]);
                const uint64_t *x = &a[boff[o] / 8 + 2 * next[o]++];
                R->node[t] = (uint32_t)x[0];
                R->crank[t] = (uint32_t)x[1];
            }
        free(next);
    }
done:
    bufs_free(out, p);
    px_buf_release(&in);
    px_buf_release(&back);
    free(off);
    free(boff);
    free(own);
    free(pos_off);
    px__u64map_release(&at);
    return rc;
}

/* ---- near-duplicates ---- */

typedef struct band_rec {
    uint64_t key;
    uint32_t band, crank, node, pad;
} band_rec;

static int cmp_band(const void *a, const void *b)
{
    const band_rec *x = a, *y = b;
    if (x->band != y->band)
        return x->band < y->band ? -1 : 1;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->crank < y->crank ? -1 : x->crank > y->crank;
}

/* The local index of a node held here, or -1. */
static int64_t local_node(const run *R, uint64_t node)
{
    uint64_t lo = R->node_off[R->m->rank], hi = R->node_off[R->m->rank + 1];
    return node >= lo && node < hi ? (int64_t)(node - lo) : -1;
}

static int phase_near(run *R)
{
    mpx *m = R->m;
    mpx_docs *d = R->d;
    int p = m->size, rc = PX_OK;
    size_t np = (size_t)R->np, nl = R->node_text.n;
    px_buf *out = bufs_new(p), in = PX_BUF_INIT, back = PX_BUF_INIT;
    size_t *off = malloc((size_t)(p + 1) * sizeof *off), *boff = malloc((size_t)(p + 1) * sizeof *boff);
    PX_VEC(uint64_t) cand = {0};
    px_u64map remote = {0};
    PX_VEC(uint64_t) want = {0};
    uint32_t *u_sigs = NULL, *u_rank = NULL, *u_shlen = NULL;
    size_t *u_shstart = NULL;
    bool *u_has = NULL;
    uint64_t *u_global = NULL;
    PX_VEC(uint32_t) u_sh = {0};
    px_near_pair *pairs = NULL;
    size_t n_pairs = 0;
    if (!out || !off || !boff)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    /* exact verification while the shingle sets of all texts fit the
     * single process's budget, as there */
    uint64_t sh_mine = 0;
    for (size_t k = 0; k < nl; k++)
        sh_mine += d->sh_len.v[R->node_text.v[k]];
    uint64_t sh_all = mpx_sum(m, sh_mine);
    bool exact_j = sh_all <= PX__SHINGLE_BUDGET;
    /* band keys to their owners */
    for (size_t k = 0; k < nl; k++) {
        uint32_t t = R->node_text.v[k];
        if (!d->exact.v[t])
            continue;
        const uint32_t *sig = d->sigs.v + (size_t)t * np;
        for (int b = 0; b < R->bands; b++) {
            band_rec e = {px__lsh_band_key(sig, R->rows, b), (uint32_t)b, R->crank[t], R->node[t], 0};
            int o = mpx_owner(m, mix64(e.key ^ ((uint64_t)(b + 1) * 0x9e3779b97f4a7c15ULL)));
            px_buf_put(&out[o], &e, sizeof e);
        }
    }
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    /* the buckets: each node paired with the PX__BUCKET_SCAN before it
     * in content order */
    {
        band_rec *e = (band_rec *)in.ptr;
        size_t n = in.len / sizeof *e;
        px__qsort(e, n, sizeof *e, cmp_band);
        for (size_t i = 0; i < n && !rc; i++) {
            size_t j0 = i;
            while (j0 > 0 && i - (j0 - 1) <= PX__BUCKET_SCAN && e[j0 - 1].band == e[i].band &&
                   e[j0 - 1].key == e[i].key)
                j0--;
            for (size_t j = j0; j < i; j++) {
                uint64_t lo = PX_MIN(e[i].node, e[j].node), hi = PX_MAX(e[i].node, e[j].node);
                if (!PX_VEC_PUSH(cand, lo << 32 | hi)) {
                    rc = PX_ENOMEM;
                    break;
                }
            }
        }
        cand.n = px__edges_unique(cand.v, cand.n);
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    /* each candidate to the rank of its lower node */
    bufs_clear(out, p);
    for (size_t i = 0; i < cand.n; i++)
        px_buf_put(&out[range_rank(R->node_off, p, cand.v[i] >> 32)], &cand.v[i], 8);
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    cand.n = 0;
    if (!PX_VEC_RESERVE(cand, in.len / 8 + 1))
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    memcpy(cand.v, in.ptr, in.len);
    cand.n = px__edges_unique(cand.v, in.len / 8);
    /* the other nodes of the candidates: their signatures and shingles
     * from their ranks; the universe is this rank's nodes, then those */
    for (size_t i = 0; i < cand.n && !rc; i++) {
        uint64_t b = (uint32_t)cand.v[i];
        if (local_node(R, b) >= 0)
            continue;
        bool inserted;
        uint32_t *slot = px__u64map_upsert(&remote, b + 1, (uint32_t)(nl + want.n), &inserted);
        if (!slot || (inserted && !PX_VEC_PUSH(want, b)))
            rc = PX_ENOMEM;
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    bufs_clear(out, p);
    for (size_t i = 0; i < want.n; i++)
        px_buf_put(&out[range_rank(R->node_off, p, want.v[i])], &want.v[i], 8);
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    bufs_clear(out, p);
    {
        const uint64_t *q = (const uint64_t *)in.ptr;
        for (int s = 0; s < p; s++)
            for (size_t k = off[s] / 8; k < off[s + 1] / 8; k++) {
                uint32_t t = R->node_text.v[q[k] - R->node_off[m->rank]];
                uint32_t nsh = exact_j ? d->sh_len.v[t] : 0;
                px_buf_put(&out[s], &nsh, 4);
                px_buf_put(&out[s], d->sigs.v + (size_t)t * np, np * 4);
                if (nsh)
                    px_buf_put(&out[s], d->sh_pool.v + d->sh_start.v[t], (size_t)nsh * 4);
            }
    }
    if ((rc = mpx_exchange(m, out, &back, boff)))
        goto done;
    size_t nu = nl + want.n;
    u_sigs = malloc((nu ? nu : 1) * np * sizeof *u_sigs);
    u_rank = malloc((nu ? nu : 1) * sizeof *u_rank);
    u_has = malloc((nu ? nu : 1) * sizeof *u_has);
    u_shstart = malloc((nu ? nu : 1) * sizeof *u_shstart);
    u_shlen = malloc((nu ? nu : 1) * sizeof *u_shlen);
    u_global = malloc((nu ? nu : 1) * sizeof *u_global);
    if (!u_sigs || !u_rank || !u_has || !u_shstart || !u_shlen || !u_global)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    for (size_t k = 0; k < nl; k++) {
        uint32_t t = R->node_text.v[k];
        memcpy(u_sigs + k * np, d->sigs.v + (size_t)t * np, np * 4);
        u_rank[k] = R->crank[t];
        u_has[k] = d->exact.v[t] != 0;
        u_shlen[k] = d->sh_len.v[t];
        u_shstart[k] = d->sh_start.v[t];
        u_global[k] = R->node_off[m->rank] + k;
    }
    {
        /* the answers, in the order asked, rank by rank */
        size_t *pos = malloc((size_t)p * sizeof *pos);
        if ((rc = mpx_agree(m, pos ? PX_OK : PX_ENOMEM))) {
            free(pos);
            goto done;
        }
        for (int s = 0; s < p; s++)
            pos[s] = boff[s];
        /* the fetched shingles go after this rank's own in one pool */
        size_t own_sh = d->sh_pool.n;
        if (exact_j && !PX_VEC_RESERVE(u_sh, own_sh + 1))
            rc = PX_ENOMEM;
        if (!rc && exact_j && own_sh) {
            memcpy(u_sh.v, d->sh_pool.v, own_sh * 4);
            u_sh.n = own_sh;
        }
        for (size_t w = 0; w < want.n && !rc; w++) {
            int o = range_rank(R->node_off, p, want.v[w]);
            const char *x = back.ptr + pos[o];
            uint32_t nsh;
            memcpy(&nsh, x, 4);
            size_t k = nl + w;
            memcpy(u_sigs + k * np, x + 4, np * 4);
            u_global[k] = want.v[w];
            u_has[k] = true; /* only texts with words have band keys */
            u_rank[k] = 0;   /* verification needs no rank */
            u_shstart[k] = u_sh.n;
            u_shlen[k] = nsh;
            if (nsh && !PX_VEC_RESERVE(u_sh, nsh)) {
                rc = PX_ENOMEM;
                break;
            }
            if (nsh)
                memcpy(u_sh.v + u_sh.n, x + 4 + np * 4, (size_t)nsh * 4);
            u_sh.n += nsh;
            pos[o] += 4 + np * 4 + (size_t)nsh * 4;
        }
        free(pos);
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    /* the candidates in the universe's numbers, verified */
    for (size_t i = 0; i < cand.n; i++) {
        uint64_t a = cand.v[i] >> 32, b = (uint32_t)cand.v[i];
        int64_t lb = local_node(R, b);
        uint64_t ua = (uint64_t)local_node(R, a);
        uint64_t ub = lb >= 0 ? (uint64_t)lb : *px__u64map_get(&remote, b + 1);
        cand.v[i] = ua << 32 | ub;
    }
    px_near_input ni = {nu,       R->np,    R->bands,  R->rows,   R->opt.dup_threshold,
                        u_sigs,   u_has,    u_rank,    exact_j ? u_sh.v : NULL,
                        u_shstart, u_shlen};
    rc = px__near_verify(&ni, cand.v, cand.n, &pairs, &n_pairs);
    for (size_t i = 0; i < n_pairs && !rc; i++) {
        px_near_pair q = {(uint32_t)u_global[pairs[i].a], (uint32_t)u_global[pairs[i].b], pairs[i].j};
        if (!PX_VEC_PUSH(R->pairs, q))
            rc = PX_ENOMEM;
    }
    rc = mpx_agree(m, rc);
done:
    bufs_free(out, p);
    px_buf_release(&in);
    px_buf_release(&back);
    free(off);
    free(boff);
    PX_VEC_FREE(cand);
    px__u64map_release(&remote);
    PX_VEC_FREE(want);
    free(u_sigs);
    free(u_rank);
    free(u_has);
    free(u_shstart);
    free(u_shlen);
    free(u_global);
    PX_VEC_FREE(u_sh);
    free(pairs);
    return rc;
}

/* ---- document frequencies and vectors ---- */

typedef struct term_rec {
    uint64_t key;
    uint64_t count;
} term_rec;

typedef struct term_ans {
    uint32_t rank, df;
} term_ans;

static int cmp_term_rec(const void *a, const void *b)
{
    const term_rec *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

static int phase_vectors(run *R)
{
    mpx *m = R->m;
    mpx_docs *d = R->d;
    int p = m->size, rc = PX_OK;
    size_t nl = R->node_text.n;
    px_buf *out = bufs_new(p), in = PX_BUF_INIT, back = PX_BUF_INIT;
    size_t *off = malloc((size_t)(p + 1) * sizeof *off), *boff = malloc((size_t)(p + 1) * sizeof *boff);
    uint64_t *rank_off = malloc((size_t)(p + 1) * sizeof *rank_off);
    px_u64map local = {0}, owned = {0};
    PX_VEC(uint64_t) lkey = {0};
    PX_VEC(uint32_t) lcount = {0};
    term_rec *own = NULL;
    uint32_t *grank = NULL, *ldf = NULL, *lrank = NULL, *by_lrank = NULL;
    size_t *raw_start = NULL;
    uint32_t *raw_len = NULL;
    px_tw *raw = NULL;
    if (!out || !off || !boff || !rank_off)
        rc = PX_ENOMEM;
    /* this rank's terms (of its nodes with words) and how many nodes have each */
    size_t n_raw = 0;
    uint64_t n_df = 0;
    for (size_t k = 0; k < nl && !rc; k++) {
        uint32_t t = R->node_text.v[k];
        if (!d->exact.v[t])
            continue;
        n_df++;
        const px_term *x = d->tm_pool.v + d->tm_start.v[t];
        for (uint32_t i = 0; i < d->tm_len.v[t] && !rc; i++) {
            bool inserted;
            uint32_t *id = px__u64map_upsert(&local, x[i].key, (uint32_t)lkey.n, &inserted);
            if (!id || (inserted && (!PX_VEC_PUSH(lkey, x[i].key) || !PX_VEC_PUSH(lcount, 0u))))
                rc = PX_ENOMEM;
            else
                lcount.v[*id]++;
        }
        n_raw += d->tm_len.v[t];
    }
    uint64_t n_df_all = mpx_sum(m, n_df);
    if ((rc = mpx_agree(m, rc)))
        goto done;
    for (size_t i = 0; i < lkey.n; i++) {
        term_rec e = {lkey.v[i], lcount.v[i]};
        px_buf_put(&out[mpx_owner(m, e.key)], &e, sizeof e);
    }
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    /* the owner sums the counts and numbers its terms in key order */
    size_t nr = in.len / sizeof(term_rec);
    own = malloc((nr ? nr : 1) * sizeof *own);
    if (!own)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    memcpy(own, in.ptr, nr * sizeof *own);
    px__qsort(own, nr, sizeof *own, cmp_term_rec);
    size_t distinct = 0;
    for (size_t i = 0; i < nr && !rc; i++) {
        if (distinct && own[distinct - 1].key == own[i].key) {
            own[distinct - 1].count += own[i].count;
            continue;
        }
        own[distinct++] = own[i];
    }
    for (size_t i = 0; i < distinct && !rc; i++)
        if (!px__u64map_upsert(&owned, own[i].key, (uint32_t)i, NULL))
            rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)) || (rc = all_offsets(m, distinct, rank_off)))
        goto done;
    R->n_terms = rank_off[p];
    if (R->n_terms >= UINT32_MAX) {
        rc = PX_ETOOBIG;
        goto done;
    }
    bufs_clear(out, p);
    {
        const term_rec *e = (const term_rec *)in.ptr;
        for (int s = 0; s < p; s++)
            for (size_t k = off[s] / sizeof *e; k < off[s + 1] / sizeof *e; k++) {
                uint32_t i = *px__u64map_get(&owned, e[k].key);
                term_ans a = {(uint32_t)(rank_off[m->rank] + i), (uint32_t)own[i].count};
                px_buf_put(&out[s], &a, sizeof a);
            }
    }
    if ((rc = mpx_exchange(m, out, &back, boff)))
        goto done;
    /* this rank's terms: global rank and frequency; local ranks in key
     * order are in the order of the global ones */
    size_t nlt = lkey.n;
    grank = malloc((nlt ? nlt : 1) * sizeof *grank);
    ldf = malloc((nlt ? nlt : 1) * sizeof *ldf);
    lrank = malloc((nlt ? nlt : 1) * sizeof *lrank);
    by_lrank = malloc((nlt ? nlt : 1) * sizeof *by_lrank);
    size_t *next = calloc((size_t)p, sizeof *next);
    if (!grank || !ldf || !lrank || !by_lrank || !next)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc))) {
        free(next);
        goto done;
    }
    const term_ans *a = (const term_ans *)back.ptr;
    for (size_t i = 0; i < nlt; i++) {
        int o = mpx_owner(m, lkey.v[i]);
        const term_ans *x = &a[boff[o] / sizeof *a + next[o]++];
        grank[i] = x->rank;
    }
    free(next);
    {
        /* local ranks: sort local ids by global rank */
        uint64_t *tmp = malloc((nlt ? nlt : 1) * sizeof *tmp);
        if ((rc = mpx_agree(m, tmp ? PX_OK : PX_ENOMEM))) {
            free(tmp);
            goto done;
        }
        for (size_t i = 0; i < nlt; i++)
            tmp[i] = (uint64_t)grank[i] << 32 | i;
        px__qsort(tmp, nlt, sizeof *tmp, cmp_u64);
        for (size_t r = 0; r < nlt; r++) {
            uint32_t i = (uint32_t)tmp[r];
            lrank[i] = (uint32_t)r;
            by_lrank[r] = grank[i];
        }
        free(tmp);
    }
    /* the frequencies by local rank */
    {
        size_t *nx = calloc((size_t)p, sizeof *nx);
        if ((rc = mpx_agree(m, nx ? PX_OK : PX_ENOMEM))) {
            free(nx);
            goto done;
        }
        for (size_t i = 0; i < nlt; i++) {
            int o = mpx_owner(m, lkey.v[i]);
            ldf[lrank[i]] = a[boff[o] / sizeof *a + nx[o]++].df;
        }
        free(nx);
    }
    /* the raw terms of the nodes by local id, and their vectors */
    raw_start = malloc((nl + 1) * sizeof *raw_start);
    raw_len = malloc((nl ? nl : 1) * sizeof *raw_len);
    raw = malloc((n_raw ? n_raw : 1) * sizeof *raw);
    if (!raw_start || !raw_len || !raw)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    size_t at = 0;
    for (size_t k = 0; k < nl; k++) {
        uint32_t t = R->node_text.v[k];
        raw_start[k] = at;
        raw_len[k] = d->exact.v[t] ? d->tm_len.v[t] : 0;
        const px_term *x = d->tm_pool.v + d->tm_start.v[t];
        for (uint32_t i = 0; i < raw_len[k]; i++)
            raw[at++] = (px_tw){*px__u64map_get(&local, x[i].key), x[i].w};
    }
    /* the vectors replace the raw terms, in place */
    rc = px__story_vectors(nl, raw_start, raw_len, raw, lrank, ldf, nlt, n_df_all, m->threads);
    for (size_t k = 0; k < nl && !rc; k++)
        for (size_t i = raw_start[k]; i < raw_start[k] + raw_len[k]; i++)
            raw[i].t = by_lrank[raw[i].t];
    if (!rc) {
        R->vec_start = raw_start;
        R->vec_len = raw_len;
        R->vec = raw;
        raw_start = NULL;
        raw_len = NULL;
        raw = NULL;
    }
    rc = mpx_agree(m, rc);
done:
    bufs_free(out, p);
    px_buf_release(&in);
    px_buf_release(&back);
    free(off);
    free(boff);
    free(rank_off);
    px__u64map_release(&local);
    px__u64map_release(&owned);
    PX_VEC_FREE(lkey);
    PX_VEC_FREE(lcount);
    free(own);
    free(grank);
    free(ldf);
    free(lrank);
    free(by_lrank);
    free(raw_start);
    free(raw_len);
    free(raw);
    return rc;
}

/* ---- postings and candidate partners ---- */

typedef struct key_rec {
    uint32_t term, node;
    float w;
    uint32_t crank;
} key_rec;

static int cmp_key_rec(const void *a, const void *b)
{
    const key_rec *x = a, *y = b;
    if (x->term != y->term)
        return x->term < y->term ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

static int phase_postings(run *R)
{
    mpx *m = R->m;
    int p = m->size, rc = PX_OK;
    size_t nl = R->node_text.n;
    uint64_t base = R->node_off[m->rank];
    px_buf *out = bufs_new(p), in = PX_BUF_INIT;
    size_t *off = malloc((size_t)(p + 1) * sizeof *off);
    px_term *tmp = malloc(2 * 200 * sizeof *tmp);
    size_t *key_off = malloc((nl + 1) * sizeof *key_off);
    uint32_t *keys = malloc((nl ? nl : 1) * 16 * sizeof *keys);
    float *key_w = malloc((nl ? nl : 1) * 16 * sizeof *key_w);
    px_posting *post = NULL;
    px_u64map term_at = {0}, node_at = {0};
    PX_VEC(uint32_t) u_rank = {0};
    PX_VEC(uint64_t) u_global = {0};
    size_t *post_off = NULL;
    uint64_t *edges = NULL;
    if (!out || !off || !tmp || !key_off || !keys || !key_w)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    /* each node's query keys to the owner of the term */
    key_off[0] = 0;
    for (size_t v = 0; v < nl; v++) {
        size_t n = R->vec_len[v];
        size_t k = px__story_keys(R->vec + R->vec_start[v], n, tmp, keys + key_off[v],
                                  key_w + key_off[v]);
        key_off[v + 1] = key_off[v] + k;
        uint32_t cr = R->crank[R->node_text.v[v]];
        for (size_t i = key_off[v]; i < key_off[v + 1]; i++) {
            key_rec e = {keys[i], (uint32_t)(base + v), key_w[i], cr};
            px_buf_put(&out[mpx_range_owner(m, e.term, R->n_terms)], &e, sizeof e);
        }
    }
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    /* the owner of a term orders its posting and sends the part that is
     * scanned to every rank with a node keyed on the term */
    bufs_clear(out, p);
    {
        key_rec *e = (key_rec *)in.ptr;
        size_t n = in.len / sizeof *e;
        px__qsort(e, n, sizeof *e, cmp_key_rec);
        PX_VEC(px_posting) pp = {0};
        PX_VEC(uint32_t) pr = {0};
        bool *to = calloc((size_t)p, sizeof *to);
        if (!to)
            rc = PX_ENOMEM;
        for (size_t i = 0; i < n && !rc;) {
            size_t j = i;
            while (j < n && e[j].term == e[i].term)
                j++;
            pp.n = pr.n = 0;
            if (!PX_VEC_RESERVE(pp, j - i) || !PX_VEC_RESERVE(pr, j - i)) {
                rc = PX_ENOMEM;
                break;
            }
            for (size_t k = i; k < j; k++) {
                pp.v[pp.n++] = (px_posting){(uint32_t)(k - i), e[k].w};
                pr.v[pr.n++] = e[k].crank;
            }
            size_t scan = px__posting_order(pp.v, pp.n, pr.v);
            memset(to, 0, (size_t)p * sizeof *to);
            for (size_t k = i; k < j; k++)
                to[range_rank(R->node_off, p, e[k].node)] = true;
            uint32_t head[2] = {e[i].term, (uint32_t)scan};
            for (int r = 0; r < p; r++) {
                if (!to[r])
                    continue;
                px_buf_put(&out[r], head, sizeof head);
                for (size_t k = 0; k < scan; k++) {
                    const key_rec *x = &e[i + pp.v[k].node];
                    uint32_t ent[3];
                    ent[0] = x->node;
                    memcpy(&ent[1], &x->w, 4);
                    ent[2] = x->crank;
                    px_buf_put(&out[r], ent, sizeof ent);
                }
            }
            i = j;
        }
        free(to);
        PX_VEC_FREE(pp);
        PX_VEC_FREE(pr);
    }
    if ((rc = mpx_agree(m, rc)) || (rc = mpx_exchange(m, out, &in, off)))
        goto done;
    /* the index: this rank's nodes first (their local numbers), then the
     * partners met in the postings; terms numbered as they come */
    for (size_t v = 0; v < nl && !rc; v++)
        if (!PX_VEC_PUSH(u_rank, R->crank[R->node_text.v[v]]) || !PX_VEC_PUSH(u_global, base + v))
            rc = PX_ENOMEM;
    size_t n_terms = 0, n_ent = 0;
    for (size_t at = 0; at < in.len && !rc;) {
        uint32_t head[2];
        memcpy(head, in.ptr + at, sizeof head);
        at += sizeof head + (size_t)head[1] * 12;
        if (!px__u64map_upsert(&term_at, (uint64_t)head[0] + 1, (uint32_t)n_terms++, NULL))
            rc = PX_ENOMEM;
        n_ent += head[1];
    }
    post_off = calloc(n_terms + 1, sizeof *post_off);
    post = malloc((n_ent ? n_ent : 1) * sizeof *post);
    if (!post_off || !post)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    size_t ti = 0, pi = 0;
    for (size_t at = 0; at < in.len && !rc; ti++) {
        uint32_t head[2];
        memcpy(head, in.ptr + at, sizeof head);
        at += sizeof head;
        post_off[ti] = pi;
        for (uint32_t k = 0; k < head[1] && !rc; k++, at += 12) {
            uint32_t ent[3];
            float w;
            memcpy(ent, in.ptr + at, 12);
            memcpy(&w, &ent[1], 4);
            uint32_t u;
            int64_t lu = local_node(R, ent[0]);
            if (lu >= 0) {
                u = (uint32_t)lu;
            } else {
                bool inserted;
                uint32_t *slot = px__u64map_upsert(&node_at, (uint64_t)ent[0] + 1,
                                                   (uint32_t)u_global.n, &inserted);
                if (!slot || (inserted && (!PX_VEC_PUSH(u_global, ent[0]) ||
                                           !PX_VEC_PUSH(u_rank, ent[2])))) {
                    rc = PX_ENOMEM;
                    break;
                }
                u = *slot;
            }
            post[pi++] = (px_posting){u, w};
        }
    }
    post_off[ti] = pi;
    for (size_t i = 0; i < key_off[nl]; i++)
        keys[i] = *px__u64map_get(&term_at, (uint64_t)keys[i] + 1);
    edges = malloc((nl ? nl : 1) * PX__STORY_CANDIDATES * sizeof *edges);
    if (!edges)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    px_story_index ix = {u_global.n, u_rank.v, n_terms, post_off, post, key_off, keys, key_w};
    rc = px__story_partners(&ix, 0, nl, m->threads, edges);
    for (size_t i = 0; i < nl * PX__STORY_CANDIDATES && !rc; i++) {
        if (edges[i] == UINT64_MAX)
            continue;
        uint64_t a = u_global.v[edges[i] >> 32], b = u_global.v[(uint32_t)edges[i]];
        if (!PX_VEC_PUSH(R->edges, PX_MIN(a, b) << 32 | PX_MAX(a, b)))
            rc = PX_ENOMEM;
    }
    R->edges.n = px__edges_unique(R->edges.v, R->edges.n);
    rc = mpx_agree(m, rc);
done:
    bufs_free(out, p);
    px_buf_release(&in);
    free(off);
    free(tmp);
    free(key_off);
    free(keys);
    free(key_w);
    free(post);
    free(post_off);
    px__u64map_release(&term_at);
    px__u64map_release(&node_at);
    PX_VEC_FREE(u_rank);
    PX_VEC_FREE(u_global);
    free(edges);
    return rc;
}

/* ---- linkage, one connected component per rank ---- */

static uint32_t uf_find(uint32_t *p, uint32_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static void uf_union(uint32_t *p, uint32_t a, uint32_t b)
{
    a = uf_find(p, a);
    b = uf_find(p, b);
    if (a != b)
        p[PX_MAX(a, b)] = PX_MIN(a, b);
}

typedef struct comp_size {
    uint32_t root, size;
} comp_size;

static int cmp_comp(const void *a, const void *b)
{
    const comp_size *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return x->root < y->root ? -1 : x->root > y->root;
}

static int cmp_pair(const void *a, const void *b)
{
    const px_near_pair *x = a, *y = b;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return x->b < y->b ? -1 : x->b > y->b;
}

typedef struct node_head {
    uint32_t node, crank, must, n;
    int32_t day;
} node_head;

/* On rank 0: the verified pairs (sorted) and the labels of all nodes. */
typedef struct gathered {
    px_near_pair *pairs;
    size_t n_pairs;
    uint32_t *label;
} gathered;

static int phase_linkage(run *R, gathered *G)
{
    mpx *m = R->m;
    mpx_docs *d = R->d;
    int p = m->size, rc = PX_OK;
    size_t nl = R->node_text.n, N = R->n_nodes;
    px_buf *out = bufs_new(p), in = PX_BUF_INIT, in2 = PX_BUF_INIT;
    size_t *off = malloc((size_t)(p + 1) * sizeof *off), *off2 = malloc((size_t)(p + 1) * sizeof *off2);
    uint32_t *parent = NULL, *assign = NULL, *must = NULL;
    uint64_t *load = NULL;
    comp_size *comps = NULL;
    /* this rank's clustering */
    px_u64map at = {0};
    PX_VEC(uint64_t) gl = {0};
    size_t n_local_terms = 0;
    uint32_t *crank = NULL, *lmust = NULL, *label = NULL;
    int32_t *day = NULL;
    size_t *vec_off = NULL;
    uint32_t *vec_len = NULL;
    px_tw *vec = NULL;
    uint64_t *edges = NULL;
    if (!out || !off || !off2)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    /* the pairs and the edges to rank 0 */
    if (R->pairs.n)
        px_buf_put(&out[0], R->pairs.v, R->pairs.n * sizeof *R->pairs.v);
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    bufs_clear(out, p);
    if (R->edges.n)
        px_buf_put(&out[0], R->edges.v, R->edges.n * sizeof *R->edges.v);
    if ((rc = mpx_exchange(m, out, &in2, off2)))
        goto done;
    bufs_clear(out, p);
    if (m->rank == 0) {
        /* components of the edges and pairs; each goes to one rank, the
         * largest first, to the least loaded */
        G->n_pairs = in.len / sizeof *G->pairs;
        G->pairs = malloc((G->n_pairs ? G->n_pairs : 1) * sizeof *G->pairs);
        parent = malloc((N ? N : 1) * sizeof *parent);
        assign = malloc((N ? N : 1) * sizeof *assign);
        must = malloc((N ? N : 1) * sizeof *must);
        comps = malloc((N ? N : 1) * sizeof *comps);
        load = calloc((size_t)p, sizeof *load);
        if (!G->pairs || !parent || !assign || !must || !comps || !load)
            rc = PX_ENOMEM;
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    if (m->rank == 0) {
        memcpy(G->pairs, in.ptr, G->n_pairs * sizeof *G->pairs);
        px__qsort(G->pairs, G->n_pairs, sizeof *G->pairs, cmp_pair);
        px__near_components(N, G->pairs, G->n_pairs, must);
        /* an edge found from both of its ends came twice */
        uint64_t *e = (uint64_t *)in2.ptr;
        size_t ne = px__edges_unique(e, in2.len / 8);
        in2.len = ne * 8;
        memcpy(parent, must, N * sizeof *parent);
        for (size_t i = 0; i < ne; i++)
            uf_union(parent, (uint32_t)(e[i] >> 32), (uint32_t)e[i]);
        for (size_t v = 0; v < N; v++) {
            parent[v] = uf_find(parent, (uint32_t)v);
            comps[v] = (comp_size){(uint32_t)v, 0};
        }
        for (size_t v = 0; v < N; v++)
            comps[parent[v]].size++;
        size_t nc = 0;
        for (size_t v = 0; v < N; v++)
            if (comps[v].size)
                comps[nc++] = comps[v];
        px__qsort(comps, nc, sizeof *comps, cmp_comp);
        /* assign[root] = its rank, then every node's */
        for (size_t c = 0; c < nc; c++) {
            int best = 0;
            for (int r = 1; r < p; r++)
                if (load[r] < load[best])
                    best = r;
            load[best] += comps[c].size;
            assign[comps[c].root] = (uint32_t)best;
        }
        for (size_t v = 0; v < N; v++)
            assign[v] = assign[parent[v]];
        m->n_nodes = N;
        m->n_pairs = G->n_pairs;
        m->n_edges = ne;
        m->n_comps = nc;
        m->largest_comp = nc ? comps[0].size : 0;
        /* to each rank: the assignment and near-duplicate component of
         * its nodes, and the edges of the components it clusters */
        for (int r = 0; r < p; r++)
            for (uint64_t v = R->node_off[r]; v < R->node_off[r + 1]; v++) {
                uint32_t x[2] = {assign[v], must[v]};
                px_buf_put(&out[r], x, sizeof x);
            }
    }
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    bufs_clear(out, p);
    if (m->rank == 0) {
        const uint64_t *e = (const uint64_t *)in2.ptr;
        for (size_t i = 0; i < in2.len / 8; i++)
            px_buf_put(&out[assign[e[i] >> 32]], &e[i], 8);
    }
    if ((rc = mpx_exchange(m, out, &in2, off2)))
        goto done;
    bufs_clear(out, p);
    /* each node, with its vector, to the rank of its component */
    {
        const uint32_t *x = (const uint32_t *)in.ptr;
        for (size_t v = 0; v < nl; v++) {
            uint32_t t = R->node_text.v[v];
            size_t n = R->vec_len[v];
            node_head h = {(uint32_t)(R->node_off[m->rank] + v), R->crank[t], x[2 * v + 1],
                           (uint32_t)n, d->day.v[t]};
            px_buf *b = &out[x[2 * v]];
            px_buf_put(b, &h, sizeof h);
            px_buf_put(b, R->vec + R->vec_start[v], n * sizeof *R->vec);
        }
    }
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    bufs_clear(out, p);
    /* the nodes arrive in node order (ranks hold ascending ranges) */
    size_t n = 0, n_tw = 0;
    for (size_t pos = 0; pos < in.len;) {
        node_head h;
        memcpy(&h, in.ptr + pos, sizeof h);
        pos += sizeof h + (size_t)h.n * sizeof(px_tw);
        n++;
        n_tw += h.n;
    }
    crank = malloc((n ? n : 1) * sizeof *crank);
    lmust = malloc((n ? n : 1) * sizeof *lmust);
    label = malloc((n ? n : 1) * sizeof *label);
    day = malloc((n ? n : 1) * sizeof *day);
    vec_off = malloc((n + 1) * sizeof *vec_off);
    vec_len = malloc((n ? n : 1) * sizeof *vec_len);
    vec = malloc((n_tw ? n_tw : 1) * sizeof *vec);
    if (!crank || !lmust || !label || !day || !vec_off || !vec_len || !vec ||
        !PX_VEC_RESERVE(gl, n + 1))
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    vec_off[0] = 0;
    for (size_t pos = 0, v = 0; pos < in.len; v++) {
        node_head h;
        memcpy(&h, in.ptr + pos, sizeof h);
        pos += sizeof h;
        if (!px__u64map_upsert(&at, (uint64_t)h.node + 1, (uint32_t)v, NULL))
            rc = PX_ENOMEM;
        gl.v[gl.n++] = h.node;
        crank[v] = h.crank;
        lmust[v] = h.must;
        day[v] = h.day;
        memcpy(vec + vec_off[v], in.ptr + pos, (size_t)h.n * sizeof *vec);
        vec_off[v + 1] = vec_off[v] + h.n;
        vec_len[v] = h.n;
        pos += (size_t)h.n * sizeof(px_tw);
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    /* terms numbered densely in the order of their global ranks: a bit
     * per global term, and its rank among the bits set */
    {
        size_t words = (size_t)(R->n_terms / 64 + 1);
        uint64_t *bits = calloc(words, sizeof *bits);
        uint32_t *before = malloc(words * sizeof *before);
        if ((rc = mpx_agree(m, bits && before ? PX_OK : PX_ENOMEM))) {
            free(bits);
            free(before);
            goto done;
        }
        for (size_t i = 0; i < vec_off[n]; i++)
            bits[vec[i].t / 64] |= (uint64_t)1 << (vec[i].t % 64);
        uint32_t k = 0;
        for (size_t w = 0; w < words; w++) {
            before[w] = k;
            k += (uint32_t)__builtin_popcountll(bits[w]);
        }
        for (size_t i = 0; i < vec_off[n]; i++) {
            uint32_t t = vec[i].t;
            uint64_t below = bits[t / 64] & (((uint64_t)1 << (t % 64)) - 1);
            vec[i].t = before[t / 64] + (uint32_t)__builtin_popcountll(below);
        }
        n_local_terms = k;
        free(bits);
        free(before);
    }
    for (size_t v = 0; v < n; v++)
        lmust[v] = *px__u64map_get(&at, (uint64_t)lmust[v] + 1);
    size_t ne = in2.len / 8;
    edges = malloc((ne ? ne : 1) * sizeof *edges);
    if ((rc = mpx_agree(m, edges ? PX_OK : PX_ENOMEM)))
        goto done;
    {
        const uint64_t *e = (const uint64_t *)in2.ptr;
        for (size_t i = 0; i < ne; i++) {
            uint64_t a = *px__u64map_get(&at, (e[i] >> 32) + 1);
            uint64_t b = *px__u64map_get(&at, (uint64_t)(uint32_t)e[i] + 1);
            edges[i] = a << 32 | b;
        }
    }
    m->link_nodes = n;
    m->link_bytes = vec_off[n] * sizeof *vec + ne * sizeof *edges + n * 5 * sizeof(uint32_t);
    px_story_input si = {n,   n_local_terms, crank, vec_off, vec_len, vec,
                         day, lmust,         R->opt.story_threshold,  m->threads};
    rc = px__story_cluster(&si, edges, ne, label);
    for (size_t v = 0; v < n && !rc; v++) {
        uint32_t x[2] = {(uint32_t)gl.v[v], (uint32_t)gl.v[label[v]]};
        px_buf_put(&out[0], x, sizeof x);
    }
    if ((rc = mpx_agree(m, rc)) || (rc = mpx_exchange(m, out, &in, off)))
        goto done;
    if (m->rank == 0) {
        G->label = malloc((N ? N : 1) * sizeof *G->label);
        if (!G->label)
            rc = PX_ENOMEM;
        const uint32_t *x = (const uint32_t *)in.ptr;
        for (size_t i = 0; i < in.len / 8 && !rc; i++)
            G->label[x[2 * i]] = x[2 * i + 1];
    }
    rc = mpx_agree(m, rc);
done:
    bufs_free(out, p);
    px_buf_release(&in);
    px_buf_release(&in2);
    free(off);
    free(off2);
    free(parent);
    free(assign);
    free(must);
    free(load);
    free(comps);
    px__u64map_release(&at);
    PX_VEC_FREE(gl);
    free(crank);
    free(lmust);
    free(label);
    free(day);
    free(vec_off);
    free(vec_len);
    free(vec);
    free(edges);
    return rc;
}

/* ---- the output, on rank 0 ---- */

void mpx_result_release(mpx_result *r)
{
    for (size_t i = 0; r->id && i < r->n_docs; i++)
        free(r->id[i]);
    free(r->id);
    free(r->node_of);
    free(r->first_doc);
    px__result_release(&r->res);
    memset(r, 0, sizeof *r);
}

static int phase_output(run *R, gathered *G, mpx_result *res)
{
    mpx *m = R->m;
    mpx_docs *d = R->d;
    int p = m->size, rc = PX_OK;
    px_buf *out = bufs_new(p), in = PX_BUF_INIT;
    size_t *off = malloc((size_t)(p + 1) * sizeof *off);
    px_reader *names = NULL;
    if (!out || !off)
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    for (size_t i = 0; i < d->n; i++) {
        uint32_t x[4] = {R->node[d->text_of.v[i]], (uint32_t)strlen(d->id.v[i]), d->item.v[i],
                         d->line.v[i]};
        px_buf_put(&out[0], x, sizeof x);
        px_buf_put(&out[0], d->id.v[i], x[1]);
    }
    if ((rc = mpx_exchange(m, out, &in, off)))
        goto done;
    if (m->rank == 0) {
        size_t nd = R->doc_off[p], N = R->n_nodes;
        res->n_docs = nd;
        res->id = calloc(nd ? nd : 1, sizeof *res->id);
        res->node_of = malloc((nd ? nd : 1) * sizeof *res->node_of);
        res->first_doc = malloc((N ? N : 1) * sizeof *res->first_doc);
        if (!res->id || !res->node_of || !res->first_doc || px_reader_new(&names, NULL))
            rc = PX_ENOMEM;
        for (size_t v = 0; v < N && !rc; v++)
            res->first_doc[v] = UINT32_MAX;
        /* ids made unique in input order, as the reader makes them */
        size_t pos = 0;
        for (size_t i = 0; i < nd && !rc; i++) {
            uint32_t x[4];
            memcpy(x, in.ptr + pos, sizeof x);
            pos += sizeof x;
            char *id = malloc((size_t)x[1] + 1), renamed[256];
            if (!id) {
                rc = PX_ENOMEM;
                break;
            }
            memcpy(id, in.ptr + pos, x[1]);
            id[x[1]] = 0;
            pos += x[1];
            bool changed;
            if ((rc = px__reader_unique_id(names, id, renamed, sizeof renamed, &changed))) {
                free(id);
                break;
            }
            if (changed) {
                /* as the reader says it, from rank 0 */
                const char *path = d->item_path.v[x[2]];
                bool note = px__reader_rename_severity(id, path, x[3]) == PX_SEV_NOTE;
                if (!m->quiet) {
                    fprintf(stderr, "parallax-mpi: rank 0: %s", path);
                    if (x[3])
                        fprintf(stderr, ":%u", x[3]);
                    fprintf(stderr, note ? ": note: file name \"%.200s\" already used: "
                                           "document named \"%s\"\n"
                                         : ": warning: document id \"%.200s\" already used: "
                                           "renamed \"%s\"\n", id, renamed);
                }
                m->n_warnings += !note;
                free(id);
                id = px__strdup(renamed);
                if (!id) {
                    rc = PX_ENOMEM;
                    break;
                }
            }
            res->id[i] = id;
            res->node_of[i] = x[0];
            if (res->first_doc[x[0]] == UINT32_MAX)
                res->first_doc[x[0]] = (uint32_t)i;
        }
        if (!rc) {
            rc = px__result_build(&res->res, nd, res->node_of, N, res->first_doc, G->pairs,
                                  G->n_pairs, G->label);
            G->label = NULL;
        }
    }
    rc = mpx_agree(m, rc);
done:
    px_reader_free(names);
    bufs_free(out, p);
    px_buf_release(&in);
    free(off);
    return rc;
}

int mpx_stories(mpx *m, const px_group_options *opt, mpx_docs *d, mpx_result *res)
{
    run R = {0};
    gathered G = {0};
    memset(res, 0, sizeof *res);
    R.m = m;
    R.d = d;
    px__group_defaults(opt, &R.opt);
    R.np = R.opt.num_perm;
    px__lsh_params_recall(R.opt.dup_threshold, R.opt.num_perm, PX__LSH_MAX_MISS, &R.bands,
                          &R.rows);
    static const char *const names[] = {"exact texts", "near-duplicates", "vectors",
                                        "postings", "linkage", "output"};
    int (*const phases[])(run *) = {phase_nodes, phase_near, phase_vectors, phase_postings};
    int rc = PX_OK;
    for (int k = 0; k < 6 && !rc; k++) {
        double t0 = mpx_cpu(), w0 = MPI_Wtime();
        m->phase = PH_NODES + k;
        mpx_set_phase(names[k], NULL);
        if (k < 4)
            rc = phases[k](&R);
        else if (k == 4)
            rc = phase_linkage(&R, &G);
        else
            rc = phase_output(&R, &G, res);
        /* the features each phase was the last to need */
        if (k == 1) {
            PX_VEC_FREE(d->sigs);
            PX_VEC_FREE(d->sh_pool);
            PX_VEC_FREE(d->sh_start);
            PX_VEC_FREE(d->sh_len);
        } else if (k == 2) {
            PX_VEC_FREE(d->tm_pool);
            PX_VEC_FREE(d->tm_start);
            PX_VEC_FREE(d->tm_len);
            px__u64map_release(&d->text_by_exact);
        }
        m->t_phase[PH_NODES + k] += mpx_cpu() - t0;
        m->w_phase[PH_NODES + k] += MPI_Wtime() - w0;
    }
    m->phase = PH_N;
    run_release(&R);
    free(G.pairs);
    free(G.label);
    if (rc)
        mpx_result_release(res);
    return rc;
}
