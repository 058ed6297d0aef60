/*
 * grouper.c - the whole input's grouping, as the phases of group.h run
 * one after the other in one process.
 *
 * Documents arrive one at a time (px_grouper_add) and go in batches to
 * worker threads, which compute their features; the caller reads the
 * next documents meanwhile and lends a hand when the workers fall
 * behind. A document whose text an earlier one already has (the same
 * case-folded words) stops after hashing its words: an exact copy reuses
 * its original's features. Finished batches are taken in input order
 * into the nodes (one per distinct text) whose features the later phases
 * read; the documents themselves are freed then, so memory holds features,
 * not text.
 *
 * px_grouper_run then runs the phases over everything added: the
 * near-duplicate pairs and families (near.c), the document frequencies,
 * the TF-IDF vectors and the average linkage (cluster.c). Stories are
 * numbered by their first article in input order.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "group.h"

#define SHINGLE_BUDGET PX__SHINGLE_BUDGET

/* the probability of missing a pair whose Jaccard is the threshold */
#define LSH_MAX_MISS PX__LSH_MAX_MISS

enum { BATCH = 32, RING = 64 };

typedef struct item {
    px_doc *doc;   /* NULL for features given by the caller */
    bool has_feat; /* f computed (else an exact copy: f.exact only) */
    px_group_feat f;
} item;

typedef struct batch {
    item it[BATCH];
    size_t n;
    int rc;
    bool done;
} batch;

struct px_grouper {
    px_group_options opt;
    int threads, bands, rows;
    bool own_docs, no_nodes;
    bool consumed; /* run: the features became vectors, no more adds */
    px__group_ingest_fn on_ingest;
    void *ingest_ud;
    int error;
    /* pipeline: batch k lives in ring[k % RING] */
    batch *ring;
    uint64_t n_filled, n_taken, n_ingested; /* batch numbers */
    bool ingesting, stop;
    pthread_mutex_t mu;
    pthread_cond_t work, progress;
    pthread_t workers[15];
    int n_workers;
    px_feat_ctx *ctx; /* the caller's */
    /* exact hashes whose features are (being) computed, by document */
    pthread_mutex_t claim_mu;
    px_u64map claims;
    /* documents, in input order */
    size_t n_docs;
    PX_VEC(uint32_t) node_of;
    /* nodes: distinct texts, in order of first appearance */
    px_u64map node_by_exact;
    PX_VEC(uint32_t) first_doc;
    PX_VEC(uint64_t) exact;
    PX_VEC(uint32_t) sigs;
    PX_VEC(bool) has_sig;
    PX_VEC(int32_t) day;
    PX_VEC(uint32_t) sh_pool;
    PX_VEC(size_t) sh_start;
    PX_VEC(uint32_t) sh_len;
    bool sh_dropped;
    PX_VEC(px_tw) raw_pool;
    PX_VEC(size_t) raw_start;
    PX_VEC(uint32_t) raw_len;
    /* terms: id (first seen) -> key and document frequency (nodes) */
    px_u64map term_id;
    PX_VEC(uint64_t) term_key;
    PX_VEC(uint32_t) df;
    size_t n_df;
    /* results of the last run */
    bool ran;
    px_group_result res;
};

static int n_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

void px__group_defaults(const px_group_options *in, px_group_options *out)
{
    px_group_options o = {0};
    if (in)
        o = *in;
    if (!(o.dup_threshold > 0 && o.dup_threshold <= 1))
        o.dup_threshold = 0.5;
    if (o.shingle <= 0 || o.shingle > 1024)
        o.shingle = 5;
    if (o.num_perm <= 0)
        o.num_perm = 128;
    if (o.num_perm > 1024)
        o.num_perm = 1024;
    if (!(o.story_threshold > 0 && o.story_threshold <= 1))
        o.story_threshold = PX_STORY_THRESHOLD;
    if (o.threads < 0)
        o.threads = 0;
    *out = o;
}

/* ---- features, in batches ---- */

/* Computes the features of one item unless an earlier document (in input
 * order) has the same text: that one computes them, and this one is a
 * copy. A later one that got there first computes them too (its features
 * are dropped when its turn comes). */
static int item_features(px_grouper *g, px_feat_ctx *c, item *it, uint32_t index)
{
    if (!it->doc || it->has_feat)
        return PX_OK;
    memset(&it->f, 0, sizeof it->f);
    int rc = px__feat_words(c, it->doc, &it->f);
    if (rc)
        return rc;
    if (it->f.exact) {
        bool inserted;
        pthread_mutex_lock(&g->claim_mu);
        uint32_t *claim = px__u64map_upsert(&g->claims, it->f.exact, index, &inserted);
        /* UINT32_MAX: a text known before this input */
        bool copy = claim && !inserted && (*claim == UINT32_MAX || *claim < index);
        if (claim && !inserted && !copy)
            *claim = index;
        pthread_mutex_unlock(&g->claim_mu);
        if (!claim)
            return PX_ENOMEM;
        if (copy)
            return PX_OK;
    }
    rc = px__feat_rest(c, it->doc, &it->f);
    it->has_feat = rc == PX_OK;
    return rc;
}

static void batch_features(px_grouper *g, px_feat_ctx *c, batch *b, uint64_t number)
{
    for (size_t i = 0; i < b->n && !b->rc; i++)
        b->rc = item_features(g, c, &b->it[i], (uint32_t)(number * BATCH + i));
}

static bool vec_fail(bool ok, int *rc)
{
    if (!ok && !*rc)
        *rc = PX_ENOMEM;
    return ok;
}

/* A node for the text of f (features moved into the pools). */
static int new_node(px_grouper *g, px_group_feat *f, uint32_t doc, uint32_t *node)
{
    int rc = PX_OK;
    size_t np = (size_t)g->opt.num_perm;
    uint32_t v = (uint32_t)g->first_doc.n;
    if (!vec_fail(PX_VEC_PUSH(g->first_doc, doc), &rc) ||
        !vec_fail(PX_VEC_PUSH(g->exact, f->exact), &rc) ||
        !vec_fail(PX_VEC_PUSH(g->has_sig, f->exact != 0 && f->sig != NULL), &rc) ||
        !vec_fail(PX_VEC_PUSH(g->day, f->day), &rc) ||
        !vec_fail(PX_VEC_RESERVE(g->sigs, np), &rc))
        return rc;
    for (size_t i = 0; i < np; i++)
        g->sigs.v[g->sigs.n + i] = f->sig ? f->sig[i] : UINT32_MAX;
    g->sigs.n += np;
    /* the shingle set, while the budget lasts */
    size_t sh = f->exact ? f->n_shingles : 0;
    if (!g->sh_dropped && g->sh_pool.n + sh > SHINGLE_BUDGET) {
        g->sh_dropped = true;
        PX_VEC_FREE(g->sh_pool);
        PX_VEC_FREE(g->sh_start);
        PX_VEC_FREE(g->sh_len);
    }
    if (!g->sh_dropped) {
        if (!vec_fail(PX_VEC_PUSH(g->sh_start, g->sh_pool.n), &rc) ||
            !vec_fail(PX_VEC_PUSH(g->sh_len, (uint32_t)sh), &rc) ||
            !vec_fail(PX_VEC_RESERVE(g->sh_pool, sh), &rc))
            return rc;
        if (sh)
            memcpy(g->sh_pool.v + g->sh_pool.n, f->shingles, sh * sizeof *f->shingles);
        g->sh_pool.n += sh;
    }
    /* the raw terms, by id, counted in the document frequencies */
    size_t nt = f->exact ? f->n_terms : 0;
    if (!vec_fail(PX_VEC_PUSH(g->raw_start, g->raw_pool.n), &rc) ||
        !vec_fail(PX_VEC_PUSH(g->raw_len, (uint32_t)nt), &rc) ||
        !vec_fail(PX_VEC_RESERVE(g->raw_pool, nt), &rc))
        return rc;
    enum { AHEAD = 8 }; /* terms whose slots are asked for ahead */
    for (size_t i = 0; i < nt && i < AHEAD; i++)
        px__u64map_prefetch(&g->term_id, f->terms[i].key);
    for (size_t i = 0; i < nt; i++) {
        bool inserted;
        if (i + AHEAD < nt)
            px__u64map_prefetch(&g->term_id, f->terms[i + AHEAD].key);
        uint32_t *id = px__u64map_upsert(&g->term_id, f->terms[i].key, (uint32_t)g->term_key.n,
                                         &inserted);
        if (!id)
            return PX_ENOMEM;
        if (inserted && (!vec_fail(PX_VEC_PUSH(g->term_key, f->terms[i].key), &rc) ||
                         !vec_fail(PX_VEC_PUSH(g->df, 0u), &rc)))
            return rc;
        g->df.v[*id]++;
        g->raw_pool.v[g->raw_pool.n++] = (px_tw){*id, f->terms[i].w};
    }
    if (f->exact) {
        g->n_df++;
        if (!px__u64map_upsert(&g->node_by_exact, f->exact, v, NULL))
            return PX_ENOMEM;
    }
    *node = v;
    return PX_OK;
}

/* Takes one item, in input order, into the nodes. */
static int ingest(px_grouper *g, item *it)
{
    uint32_t doc = (uint32_t)g->n_docs, node;
    if (g->no_nodes) {
        g->n_docs++;
        return g->on_ingest ? g->on_ingest(g->ingest_ud, it->doc, doc, &it->f, it->has_feat)
                            : PX_OK;
    }
    uint32_t *known = it->f.exact ? px__u64map_get(&g->node_by_exact, it->f.exact) : NULL;
    int rc = PX_OK;
    if (known) {
        node = *known;
    } else if (!it->has_feat) {
        /* a copy whose original is missing: only given features can be */
        return PX_EBADINPUT;
    } else if ((rc = new_node(g, &it->f, doc, &node))) {
        return rc;
    }
    if (!PX_VEC_PUSH(g->node_of, node))
        return PX_ENOMEM;
    g->n_docs++;
    if (g->on_ingest)
        rc = g->on_ingest(g->ingest_ud, it->doc, doc, &it->f, !known);
    return rc;
}

static void release_item(px_grouper *g, item *it)
{
    px__feat_release(&it->f);
    if (g->own_docs)
        px_doc_free(it->doc);
    it->doc = NULL;
    it->has_feat = false;
}

/* Called with g->mu held: ingests the finished batches at the head of
 * the ring, in order, unless another thread is at it. */
static void ingest_ready(px_grouper *g)
{
    if (g->ingesting)
        return;
    g->ingesting = true;
    while (g->n_ingested < g->n_taken && g->ring[g->n_ingested % RING].done) {
        batch *b = &g->ring[g->n_ingested % RING];
        int rc = b->rc ? b->rc : g->error;
        pthread_mutex_unlock(&g->mu);
        for (size_t i = 0; i < b->n; i++) {
            if (!rc)
                rc = ingest(g, &b->it[i]);
            release_item(g, &b->it[i]);
        }
        pthread_mutex_lock(&g->mu);
        if (rc && !g->error)
            g->error = rc;
        b->n = 0;
        b->done = false;
        b->rc = PX_OK;
        g->n_ingested++;
        pthread_cond_broadcast(&g->progress);
    }
    g->ingesting = false;
}

/* Called with g->mu held: computes the features of the oldest batch
 * waiting, if any (the lock is released meanwhile). */
static bool work_one(px_grouper *g, px_feat_ctx *c)
{
    if (g->n_taken >= g->n_filled)
        return false;
    uint64_t k = g->n_taken++;
    batch *b = &g->ring[k % RING];
    bool failed = g->error != 0;
    pthread_mutex_unlock(&g->mu);
    if (!failed)
        batch_features(g, c, b, k);
    pthread_mutex_lock(&g->mu);
    b->done = true;
    ingest_ready(g);
    return true;
}

static void *worker_main(void *arg)
{
    px_grouper *g = arg;
    px_feat_ctx *c = px__feat_ctx_new(g->opt.num_perm, g->opt.shingle, PX__GROUP_SEED);
    pthread_mutex_lock(&g->mu);
    if (!c && !g->error)
        g->error = PX_ENOMEM;
    /* without scratch this worker cannot help: the caller does the work */
    for (; c;) {
        while (!g->stop && g->n_taken >= g->n_filled)
            pthread_cond_wait(&g->work, &g->mu);
        if (g->n_taken >= g->n_filled && g->stop)
            break;
        work_one(g, c);
    }
    pthread_mutex_unlock(&g->mu);
    px__feat_ctx_free(c);
    return NULL;
}

/* Hands the batch being filled to the workers. */
static void submit(px_grouper *g)
{
    pthread_mutex_lock(&g->mu);
    g->n_filled++;
    if (!g->n_workers) {
        while (work_one(g, g->ctx))
            ;
    } else {
        pthread_cond_signal(&g->work);
        /* the workers have enough to do: the caller takes a batch too
         * when several wait, and waits for room when the ring is full */
        while (g->n_filled - g->n_taken > 2 * (uint64_t)g->n_workers && work_one(g, g->ctx))
            ;
        while (g->n_filled - g->n_ingested >= RING - 1) {
            if (!work_one(g, g->ctx))
                pthread_cond_wait(&g->progress, &g->mu);
        }
    }
    pthread_mutex_unlock(&g->mu);
}

/* Waits until every batch submitted is ingested; the caller helps. */
static void drain(px_grouper *g)
{
    batch *b = &g->ring[g->n_filled % RING];
    if (b->n)
        submit(g);
    pthread_mutex_lock(&g->mu);
    while (g->n_ingested < g->n_filled) {
        if (!work_one(g, g->ctx))
            pthread_cond_wait(&g->progress, &g->mu);
    }
    pthread_mutex_unlock(&g->mu);
}

static int push_item(px_grouper *g, item it)
{
    batch *b = &g->ring[g->n_filled % RING];
    b->it[b->n++] = it;
    if (b->n == BATCH)
        submit(g);
    pthread_mutex_lock(&g->mu);
    int rc = g->error;
    pthread_mutex_unlock(&g->mu);
    return rc;
}

int px__grouper_new_ex(px_grouper **out, const px_group_options *opt, unsigned flags,
                       px__group_ingest_fn fn, void *ud)
{
    *out = NULL;
    px_grouper *g = px__calloc(1, sizeof *g);
    if (!g)
        return PX_ENOMEM;
    px__group_defaults(opt, &g->opt);
    g->own_docs = (flags & PX__GROUPER_OWN_DOCS) != 0;
    g->no_nodes = (flags & PX__GROUPER_NO_NODES) != 0;
    g->on_ingest = fn;
    g->ingest_ud = ud;
    g->threads = g->opt.threads > 0 ? g->opt.threads : n_cores();
    if (g->threads > 16)
        g->threads = 16;
    /* Every candidate is verified, so a false positive costs a
     * comparison and a false negative a missed pair: of the bandings that
     * miss at most 1% of the pairs right at the threshold, the one with
     * the fewest false positives (datasketch's equal-weight optimum
     * misses 45% of those pairs at 0.5). */
    px__lsh_params_recall(g->opt.dup_threshold, g->opt.num_perm, LSH_MAX_MISS, &g->bands,
                          &g->rows);
    pthread_mutex_init(&g->mu, NULL);
    pthread_mutex_init(&g->claim_mu, NULL);
    pthread_cond_init(&g->work, NULL);
    pthread_cond_init(&g->progress, NULL);
    g->ring = px__calloc(RING, sizeof *g->ring);
    g->ctx = px__feat_ctx_new(g->opt.num_perm, g->opt.shingle, PX__GROUP_SEED);
    if (!g->ring || !g->ctx) {
        px_grouper_free(g);
        return PX_ENOMEM;
    }
    for (int t = 0; t < g->threads - 1; t++) {
        if (pthread_create(&g->workers[g->n_workers], NULL, worker_main, g))
            break;
        g->n_workers++;
    }
    *out = g;
    return PX_OK;
}

int px_grouper_new(px_grouper **out, const px_group_options *opt)
{
    if (!out)
        return PX_EUSAGE;
    return px__grouper_new_ex(out, opt, PX__GROUPER_OWN_DOCS, NULL, NULL);
}

int px_grouper_add(px_grouper *g, px_doc *doc)
{
    if (!g || !doc || g->consumed) {
        if (!g || g->own_docs)
            px_doc_free(doc);
        return PX_EUSAGE;
    }
    if ((g->n_filled + 1) * BATCH >= UINT32_MAX - 1) {
        if (g->own_docs)
            px_doc_free(doc);
        return PX_ETOOBIG;
    }
    return push_item(g, (item){doc, false, {0}});
}

int px__grouper_add_feat(px_grouper *g, px_group_feat *f, bool copy)
{
    item it = {NULL, !copy, *f};
    memset(f, 0, sizeof *f);
    if (g->consumed) {
        px__feat_release(&it.f);
        return PX_EUSAGE;
    }
    uint64_t index = g->n_filled * BATCH + g->ring[g->n_filled % RING].n;
    if (index >= UINT32_MAX - 1) {
        px__feat_release(&it.f);
        return PX_ETOOBIG;
    }
    if (!copy && it.f.exact) {
        /* a later document with this text is a copy of this one */
        pthread_mutex_lock(&g->claim_mu);
        bool inserted;
        uint32_t *claim = px__u64map_upsert(&g->claims, it.f.exact, (uint32_t)index, &inserted);
        bool ok = claim != NULL;
        if (claim && !inserted && *claim != UINT32_MAX && *claim > index)
            *claim = (uint32_t)index;
        pthread_mutex_unlock(&g->claim_mu);
        if (!ok) {
            px__feat_release(&it.f);
            return PX_ENOMEM;
        }
    }
    return push_item(g, it);
}

int px__grouper_known_text(px_grouper *g, uint64_t exact)
{
    if (!exact)
        return PX_OK;
    pthread_mutex_lock(&g->claim_mu);
    uint32_t *claim = px__u64map_upsert(&g->claims, exact, UINT32_MAX, NULL);
    if (claim)
        *claim = UINT32_MAX;
    pthread_mutex_unlock(&g->claim_mu);
    return claim ? PX_OK : PX_ENOMEM;
}

int px__grouper_flush(px_grouper *g)
{
    drain(g);
    return g->error;
}

size_t px_grouper_n_docs(const px_grouper *g)
{
    return g ? g->n_docs : 0;
}

size_t px_grouper_n_stories(const px_grouper *g)
{
    return g && g->ran ? g->res.n_stories : 0;
}

/* ---- the phases ---- */

static void free_results(px_grouper *g)
{
    px__result_release(&g->res);
    g->ran = false;
}

static int cmp_u64_pair(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Ranks of n keys (ascending key, then index): rank[i]. */
static int rank_keys(const uint64_t *key, size_t n, bool empty_last, const bool *has,
                     uint32_t *rank)
{
    uint64_t *p = px__malloc((n ? n : 1) * 2 * sizeof *p);
    if (!p)
        return PX_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        /* texts without words have no content to rank by: after the
         * others, in input order (they never join anything) */
        p[2 * i] = empty_last && !has[i] ? UINT64_MAX : key[i];
        p[2 * i + 1] = i;
    }
    px__qsort(p, n, 2 * sizeof *p, cmp_u64_pair);
    for (size_t r = 0; r < n; r++)
        rank[p[2 * r + 1]] = (uint32_t)r;
    free(p);
    return PX_OK;
}

int px_grouper_run(px_grouper *g)
{
    if (!g || g->no_nodes || g->consumed)
        return PX_EUSAGE;
    g->consumed = true;
    drain(g);
    if (g->error)
        return g->error;
    free_results(g);
    size_t n = g->first_doc.n, nd = g->n_docs;
    int rc = PX_ENOMEM;
    uint32_t *rank = px__malloc((n ? n : 1) * sizeof *rank);
    uint32_t *term_rank = px__malloc((g->term_key.n ? g->term_key.n : 1) * sizeof *term_rank);
    uint32_t *df = px__malloc((g->term_key.n ? g->term_key.n : 1) * sizeof *df);
    uint32_t *must = px__malloc((n ? n : 1) * sizeof *must);
    uint32_t *label = px__malloc((n ? n : 1) * sizeof *label);
    px_near_pair *pairs = NULL;
    size_t n_pairs = 0, n_edges = 0;
    uint64_t *edges = NULL;
    if (!rank || !term_rank || !df || !must || !label)
        goto done;
    /* nodes in content order */
    if ((rc = rank_keys(g->exact.v, n, true, g->has_sig.v, rank)))
        goto done;
    /* near-duplicates: verified pairs, and their components, merged
     * before the linkage */
    px_near_input ni = {n,
                        g->opt.num_perm,
                        g->bands,
                        g->rows,
                        g->opt.dup_threshold,
                        g->sigs.v,
                        g->has_sig.v,
                        rank,
                        g->sh_dropped ? NULL : g->sh_pool.v,
                        g->sh_start.v,
                        g->sh_len.v};
    if ((rc = px__near_pairs(&ni, &pairs, &n_pairs)))
        goto done;
    /* the features of the near-duplicate phase are done with */
    PX_VEC_FREE(g->sh_pool);
    PX_VEC_FREE(g->sh_start);
    PX_VEC_FREE(g->sh_len);
    PX_VEC_FREE(g->sigs);
    px__near_components(n, pairs, n_pairs, must);
    /* document frequencies and TF-IDF vectors, terms in key order */
    size_t nt = g->term_key.n;
    if ((rc = rank_keys(g->term_key.v, nt, false, NULL, term_rank)))
        goto done;
    for (size_t t = 0; t < nt; t++)
        df[term_rank[t]] = g->df.v[t];
    if ((rc = px__story_vectors(n, g->raw_start.v, g->raw_len.v, g->raw_pool.v, term_rank, df,
                                nt, g->n_df, g->threads)))
        goto done;
    px__u64map_release(&g->term_id);
    px_story_input si = {n,        nt,       rank,     g->raw_start.v,        g->raw_len.v,
                         g->raw_pool.v, g->day.v, must, g->opt.story_threshold, g->threads};
    if ((rc = px__story_edges(&si, &edges, &n_edges)) ||
        (rc = px__story_cluster(&si, edges, n_edges, label)))
        goto done;
    /* families, and stories numbered by their first article */
    rc = px__result_build(&g->res, nd, g->node_of.v, n, g->first_doc.v, pairs, n_pairs, label);
    label = NULL;
    if (rc)
        goto done;
    g->ran = true;
done:
    free(rank);
    free(term_rank);
    free(df);
    free(must);
    free(label);
    free(pairs);
    free(edges);
    if (rc)
        free_results(g);
    return rc;
}

int px_grouper_assign(px_grouper *g, size_t i, px_group_assign *out)
{
    if (!g || !out || !g->ran)
        return PX_EUSAGE;
    /* documents added since the run may have moved the arrays; their
     * first res.n_docs and res.n_nodes entries are the same */
    g->res.node_of = g->node_of.v;
    g->res.first_doc = g->first_doc.v;
    return px__result_assign(&g->res, i, out);
}

void px_grouper_free(px_grouper *g)
{
    if (!g)
        return;
    if (g->ring) {
        pthread_mutex_lock(&g->mu);
        g->stop = true;
        pthread_cond_broadcast(&g->work);
        pthread_mutex_unlock(&g->mu);
    }
    for (int t = 0; t < g->n_workers; t++)
        pthread_join(g->workers[t], NULL);
    if (g->ring) {
        /* batches never ingested (an error, or no run) */
        for (uint64_t k = g->n_ingested; k <= g->n_filled; k++) {
            batch *b = &g->ring[k % RING];
            for (size_t i = 0; i < b->n; i++)
                release_item(g, &b->it[i]);
            b->n = 0;
        }
    }
    pthread_mutex_destroy(&g->mu);
    pthread_mutex_destroy(&g->claim_mu);
    pthread_cond_destroy(&g->work);
    pthread_cond_destroy(&g->progress);
    free(g->ring);
    px__feat_ctx_free(g->ctx);
    px__u64map_release(&g->claims);
    PX_VEC_FREE(g->node_of);
    px__u64map_release(&g->node_by_exact);
    PX_VEC_FREE(g->first_doc);
    PX_VEC_FREE(g->exact);
    PX_VEC_FREE(g->sigs);
    PX_VEC_FREE(g->has_sig);
    PX_VEC_FREE(g->day);
    PX_VEC_FREE(g->sh_pool);
    PX_VEC_FREE(g->sh_start);
    PX_VEC_FREE(g->sh_len);
    PX_VEC_FREE(g->raw_pool);
    PX_VEC_FREE(g->raw_start);
    PX_VEC_FREE(g->raw_len);
    px__u64map_release(&g->term_id);
    PX_VEC_FREE(g->term_key);
    PX_VEC_FREE(g->df);
    free_results(g);
    free(g);
}

/* ---- in memory ---- */

int px_group_docs(px_doc *const *docs, size_t n, const px_group_options *opt, size_t *story,
                  ptrdiff_t *dup_of)
{
    if (n && !docs)
        return PX_EUSAGE;
    px_group_options o;
    px__group_defaults(opt, &o);
    /* threads only pay off on many documents */
    if (!o.threads && n < 256)
        o.threads = 1;
    px_grouper *g = NULL;
    int rc = px__grouper_new_ex(&g, &o, 0, NULL, NULL);
    for (size_t i = 0; i < n && !rc; i++)
        rc = px_grouper_add(g, docs[i]);
    if (!rc)
        rc = px_grouper_run(g);
    for (size_t i = 0; i < n && !rc; i++) {
        px_group_assign a;
        if ((rc = px_grouper_assign(g, i, &a)))
            break;
        if (story)
            story[i] = a.story;
        if (dup_of)
            dup_of[i] = a.dup_of;
    }
    px_grouper_free(g);
    return rc;
}

static char *assign_json(const char *doc_id, size_t story, const char *dup_id, bool with_near,
                         const char *const *near_ids, size_t n_near)
{
    px_buf b = PX_BUF_INIT;
    px_json j;
    px_json_init(&j, &b);
    px_json_object_begin(&j);
    px_json_key(&j, "doc");
    px_json_str(&j, doc_id ? doc_id : "");
    px_json_key(&j, "story");
    px_json_uint(&j, story);
    px_json_key(&j, "duplicate_of");
    px_json_str(&j, dup_id);
    if (with_near) {
        px_json_key(&j, "near_duplicates");
        px_json_array_begin(&j);
        for (size_t i = 0; i < n_near; i++)
            px_json_str(&j, near_ids[i]);
        px_json_array_end(&j);
    }
    px_json_object_end(&j);
    if (b.oom) {
        px_buf_release(&b);
        return NULL;
    }
    return px_buf_detach(&b);
}

char *px_group_assign_json(const char *doc_id, size_t story, const char *dup_id)
{
    return assign_json(doc_id, story, dup_id, false, NULL, 0);
}

char *px_group_assign_json_near(const char *doc_id, size_t story, const char *dup_id,
                                const char *const *near_ids, size_t n_near)
{
    return assign_json(doc_id, story, dup_id, true, near_ids, n_near);
}
