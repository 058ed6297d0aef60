/*
 * cluster.c - stories: which distinct texts of an input report the same
 * event, by average linkage over TF-IDF vectors.
 *
 * Each node (a distinct text) has a unit TF-IDF vector of its strongest
 * terms, with document frequencies counted over the whole input, so a
 * node's vector does not depend on which articles came before it. The
 * similarity of two stories is the mean cosine of their members' pairs
 * (group average, UPGMA); for unit vectors that mean is
 * dot(S_A, S_B) / (|A| |B|) with S the sum of a story's member vectors,
 * so it is computed exactly from two sparse sums instead of from every
 * pair. A look-alike event (another earthquake, another rehab stay)
 * shares the story's topic words with some members but not the details
 * all its members share, and its mean falls below the threshold where a
 * single link would have chained it in.
 *
 * Which stories are compared at all comes from a candidate graph: each
 * node's strongest terms are keys of an inverted index whose postings are
 * ordered by weight, and a node keeps the partners that score highest on
 * the postings it scans (bounded work per node, never all pairs). The
 * stories joined by an edge of that graph are the pairs the linkage
 * considers; near-duplicate components are merged first. Two stories whose
 * publication dates lie far apart have their similarity scaled down, so a
 * 2019 story and a 2025 article do not join unless they are
 * near-duplicates.
 *
 * Every tie is broken by term id (ids follow the term keys) or by node
 * rank (content order), and sums are taken in those orders, so the result
 * is the same whatever order the input came in.
 */
#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"

enum {
    DOC_TERMS = 200,    /* strongest terms kept in a node vector */
    QUERY_TERMS = 16,   /* of those, the keys of the inverted index */
    POSTING_SCAN = 64,  /* strongest entries of a posting scanned */
    CANDIDATES = PX__STORY_CANDIDATES,
    STORY_TERMS = 1000, /* terms kept in a story's sum vector */
    NEIGHBOURS = 64,    /* neighbouring stories a story keeps */
};

/* Coverage of one event runs for weeks, follow-ups for a month or two
 * (ECB+ stories span up to two months, a few much longer): stories
 * whose dates lie at most DATE_WINDOW days apart compare as they are;
 * past it their similarity halves every DATE_HALF_LIFE days, so a year
 * apart it is a thousandth and they never merge. */
#define DATE_WINDOW 60

/* A term that one text alone has cannot join it to another, but counts
 * in its length, so it lowers all of that text's cosines: at full weight
 * it makes every text with details of its own an outlier (ECB+ dev
 * B-cubed F1 0.89 at best), left out it makes two unrelated texts that
 * share a few common words look alike when the input is too small for
 * those words to be common in it. Half its weight is between the two. */
#define HAPAX_WEIGHT 0.5
#define DATE_HALF_LIFE 30

/* ---- threads: a parallel loop over index ranges ---- */

typedef struct par_job {
    int (*fn)(void *ctx, size_t from, size_t to, int slot);
    void *ctx;
    size_t from, to;
    int slot, rc;
} par_job;

static void *par_main(void *arg)
{
    par_job *j = arg;
    j->rc = j->fn(j->ctx, j->from, j->to, j->slot);
    return NULL;
}

enum { MAX_THREADS = 16 };

/* Runs fn over [0, n) split into `threads` contiguous ranges (slot = the
 * range's number); the first error. */
static int parallel_for(size_t n, int threads, int (*fn)(void *, size_t, size_t, int), void *ctx)
{
    if (threads < 1)
        threads = 1;
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    if ((size_t)threads > n / 256 + 1)
        threads = (int)(n / 256 + 1);
    par_job jobs[MAX_THREADS];
    pthread_t tid[MAX_THREADS];
    bool started[MAX_THREADS] = {false};
    for (int t = 0; t < threads; t++) {
        jobs[t] = (par_job){fn, ctx, n * (size_t)t / (size_t)threads,
                            n * (size_t)(t + 1) / (size_t)threads, t, PX_OK};
        if (t > 0 && !pthread_create(&tid[t], NULL, par_main, &jobs[t]))
            started[t] = true;
    }
    par_main(&jobs[0]);
    int rc = jobs[0].rc;
    for (int t = 1; t < threads; t++) {
        if (started[t])
            pthread_join(tid[t], NULL);
        else
            par_main(&jobs[t]);
        if (jobs[t].rc && !rc)
            rc = jobs[t].rc;
    }
    return rc;
}

/* ---- phase 5a: TF-IDF vectors ---- */

typedef struct vec_job {
    const size_t *start;
    uint32_t *len;
    px_tw *raw;
    const uint32_t *term_rank;
    const float *idf;
} vec_job;

static int vec_range(void *ctx, size_t from, size_t to, int slot)
{
    (void)slot;
    const vec_job *j = ctx;
    PX_VEC(px_term) tmp = {0};
    int rc = PX_OK;
    for (size_t v = from; v < to; v++) {
        size_t n = j->len[v];
        if (!n)
            continue;
        px_tw *r = j->raw + j->start[v];
        tmp.n = 0;
        if (!PX_VEC_RESERVE(tmp, n + 1)) {
            rc = PX_ENOMEM;
            break;
        }
        /* ranks follow the keys the raw terms are sorted by: ascending */
        for (size_t i = 0; i < n; i++) {
            uint32_t t = j->term_rank[r[i].t];
            tmp.v[i] = (px_term){t, r[i].w * j->idf[t]};
        }
        size_t k = px__keep_strongest_terms(tmp.v, n, DOC_TERMS);
        double norm = 0;
        for (size_t i = 0; i < k; i++)
            norm += (double)tmp.v[i].w * tmp.v[i].w;
        norm = sqrt(norm);
        for (size_t i = 0; i < k; i++)
            r[i] = (px_tw){(uint32_t)tmp.v[i].key, norm > 0 ? (float)(tmp.v[i].w / norm) : 0};
        j->len[v] = (uint32_t)k;
    }
    PX_VEC_FREE(tmp);
    return rc;
}

int px__story_vectors(size_t n_nodes, const size_t *start, uint32_t *len, px_tw *raw,
                      const uint32_t *term_rank, const uint32_t *df, size_t n_terms, size_t n_df,
                      int threads)
{
    float *idf = px__malloc((n_terms ? n_terms : 1) * sizeof *idf);
    if (!idf)
        return PX_ENOMEM;
    /* the inverse document frequency: a term in every text weighs
     * little but not nothing (the floor), one that is rare much more */
    double n = (double)(n_df ? n_df : 1);
    for (size_t t = 0; t < n_terms; t++) {
        double d = df[t] ? df[t] : 1;
        idf[t] = (float)((log((n + 1) / d) + 0.1) * (df[t] < 2 ? HAPAX_WEIGHT : 1));
    }
    vec_job j = {start, len, raw, term_rank, idf};
    int rc = parallel_for(n_nodes, threads, vec_range, &j);
    free(idf);
    return rc;
}

/* ---- phase 5b: candidate edges from an inverted index ---- */

typedef struct edge_job {
    const px_story_index *ix;
    uint64_t *edges; /* CANDIDATES per query: lo << 32 | hi, UINT64_MAX unused */
    size_t from;     /* the first query of the call (edges[0]) */
} edge_job;

typedef struct scored {
    float s;
    uint32_t rank, node;
} scored;

/* a ranks before b: the higher score, then the lower content rank */
static inline bool scored_before(const scored *a, const scored *b)
{
    return a->s > b->s || (a->s == b->s && a->rank < b->rank);
}

/* A candidate's running score and the query that last touched it, side
 * by side: a posting entry costs one cache line, not two. */
typedef struct acc_slot {
    uint32_t stamp;
    float acc;
} acc_slot;

/* Asks for the postings query v will scan (the postings lie anywhere in
 * memory; a query waits on the first lines of each of its 16 otherwise). */
static inline void prefetch_postings(const px_story_index *ix, size_t v)
{
#if defined(__GNUC__)
    for (size_t k = ix->key_off[v]; k < ix->key_off[v + 1]; k++) {
        const px_posting *p = ix->post + ix->post_off[ix->keys[k]];
        __builtin_prefetch(p);
        __builtin_prefetch((const char *)p + 64);
    }
#else
    (void)ix;
    (void)v;
#endif
}

static int edge_range(void *ctx, size_t from, size_t to, int slot)
{
    (void)slot;
    const edge_job *j = ctx;
    const px_story_index *ix = j->ix;
    size_t n = ix->n_nodes;
    acc_slot *acc = px__calloc(n ? n : 1, sizeof *acc);
    PX_VEC(uint32_t) touched = {0};
    if (!acc)
        return PX_ENOMEM;
    int rc = PX_OK;
    for (size_t q = from; q < to; q++) {
        size_t v = j->from + q;
        uint32_t stamp = (uint32_t)(q - from + 1);
        touched.n = 0;
        if (q + 1 < to)
            prefetch_postings(ix, v + 1);
        for (size_t k = ix->key_off[v]; k < ix->key_off[v + 1]; k++) {
            uint32_t t = ix->keys[k];
            float w = ix->key_w[k];
            size_t p0 = ix->post_off[t], p1 = PX_MIN(ix->post_off[t + 1], p0 + POSTING_SCAN);
            for (size_t p = p0; p < p1; p++) {
                uint32_t u = ix->post[p].node;
                if (u == v)
                    continue;
                acc_slot *a = &acc[u];
                if (a->stamp != stamp) {
                    a->stamp = stamp;
                    a->acc = 0;
                    if (!PX_VEC_PUSH(touched, u)) {
                        rc = PX_ENOMEM;
                        goto done;
                    }
                }
                a->acc += w * ix->post[p].w;
            }
        }
        /* the CANDIDATES best, by insertion into a short sorted list */
        scored best[CANDIDATES];
        size_t nb = 0;
        for (size_t i = 0; i < touched.n; i++) {
            uint32_t u = touched.v[i];
            scored s = {acc[u].acc, ix->rank[u], u};
            if (nb == CANDIDATES && !scored_before(&s, &best[nb - 1]))
                continue;
            size_t k = nb < CANDIDATES ? nb++ : nb - 1;
            while (k > 0 && scored_before(&s, &best[k - 1])) {
                best[k] = best[k - 1];
                k--;
            }
            best[k] = s;
        }
        uint64_t *e = j->edges + q * CANDIDATES;
        for (size_t i = 0; i < CANDIDATES; i++) {
            if (i < nb) {
                uint64_t a = PX_MIN((uint64_t)v, (uint64_t)best[i].node);
                uint64_t b = PX_MAX((uint64_t)v, (uint64_t)best[i].node);
                e[i] = a << 32 | b;
            } else {
                e[i] = UINT64_MAX;
            }
        }
    }
done:
    free(acc);
    PX_VEC_FREE(touched);
    return rc;
}

int px__story_partners(const px_story_index *ix, size_t from, size_t to, int threads,
                       uint64_t *edges)
{
    assert(from <= to && to <= ix->n_nodes);
    edge_job j = {ix, edges, from};
    return parallel_for(to - from, threads, edge_range, &j);
}

static int cmp_posting(const void *a, const void *b)
{
    const px_posting *x = a, *y = b;
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return 0; /* equal weights: ordered by rank below */
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

size_t px__posting_order(px_posting *p, size_t n, const uint32_t *rank)
{
    /* only the strongest POSTING_SCAN of a long posting are scanned: order
     * those by weight (content rank on ties); a short one is scanned
     * whole, in any order. A sort with a context is not in C11: qsort
     * by weight, then fix the runs of equal weights by rank */
    if (n <= POSTING_SCAN)
        return n;
    px__qsort(p, n, sizeof *p, cmp_posting);
    for (size_t i = 0; i < n;) {
        size_t k = i + 1;
        while (k < n && p[k].w == p[i].w)
            k++;
        for (size_t a = i + 1; a < k; a++) {
            px_posting x = p[a];
            size_t b = a;
            while (b > i && rank[p[b - 1].node] > rank[x.node]) {
                p[b] = p[b - 1];
                b--;
            }
            p[b] = x;
        }
        i = k;
    }
    return POSTING_SCAN;
}

size_t px__story_keys(const px_tw *vec, size_t n, px_term *tmp, uint32_t *keys, float *key_w)
{
    assert(n <= DOC_TERMS);
    for (size_t i = 0; i < n; i++)
        tmp[i] = (px_term){vec[i].t, vec[i].w};
    /* the first QUERY_TERMS of a stable sort by weight are the strongest
     * (the earlier on ties) in that sort's order: select them, then sort
     * only those */
    size_t m = px__keep_strongest_terms(tmp, n, QUERY_TERMS);
    px__sort_terms_by_weight(tmp, tmp + DOC_TERMS, m);
    for (size_t i = 0; i < m; i++) {
        keys[i] = (uint32_t)tmp[i].key;
        key_w[i] = tmp[i].w;
    }
    return m;
}

/* Sorts n values ascending: a radix sort with room for it, else qsort
 * (the same order: the values are plain integers). */
static void sort_u64_any(uint64_t *a, size_t n)
{
    uint64_t *tmp = n > 64 ? px__malloc(n * sizeof *tmp) : NULL;
    if (tmp)
        px__sort_u64(a, tmp, n);
    else
        px__qsort(a, n, sizeof *a, cmp_u64);
    free(tmp);
}

size_t px__edges_unique(uint64_t *edges, size_t n)
{
    sort_u64_any(edges, n);
    size_t k = 0;
    for (size_t i = 0; i < n && edges[i] != UINT64_MAX; i++)
        if (!k || edges[k - 1] != edges[i])
            edges[k++] = edges[i];
    return k;
}

int px__story_edges(const px_story_input *in, uint64_t **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    size_t n = in->n_nodes;
    int rc = PX_ENOMEM;
    size_t *key_off = px__malloc((n + 1) * sizeof *key_off);
    size_t *post_off = px__calloc(in->n_terms + 2, sizeof *post_off);
    uint32_t *keys = NULL;
    float *key_w = NULL;
    px_posting *post = NULL;
    uint64_t *edges = NULL;
    px_term *tmp = px__malloc(2 * DOC_TERMS * sizeof *tmp);
    if (!key_off || !post_off || !tmp)
        goto done;
    key_off[0] = 0;
    for (size_t v = 0; v < n; v++)
        key_off[v + 1] = key_off[v] + PX_MIN((size_t)in->vec_len[v], (size_t)QUERY_TERMS);
    keys = px__malloc((key_off[n] + 1) * sizeof *keys);
    key_w = px__malloc((key_off[n] + 1) * sizeof *key_w);
    post = px__malloc((key_off[n] + 1) * sizeof *post);
    if (!keys || !key_w || !post)
        goto done;
    /* each node's keys: its strongest terms, the lower id on ties */
    for (size_t v = 0; v < n; v++) {
        size_t m = in->vec_len[v];
        px__story_keys(m ? in->vec + in->vec_start[v] : NULL, m, tmp, keys + key_off[v],
                       key_w + key_off[v]);
        for (size_t k = key_off[v]; k < key_off[v + 1]; k++)
            post_off[keys[k] + 2]++;
    }
    /* postings: counting sort by term, nodes ascending within */
    for (size_t t = 0; t < in->n_terms; t++)
        post_off[t + 2] += post_off[t + 1];
    for (size_t v = 0; v < n; v++)
        for (size_t k = key_off[v]; k < key_off[v + 1]; k++)
            post[post_off[keys[k] + 1]++] = (px_posting){(uint32_t)v, key_w[k]};
    for (size_t t = 0; t < in->n_terms; t++)
        px__posting_order(post + post_off[t], post_off[t + 1] - post_off[t], in->rank);
    edges = px__malloc((n ? n : 1) * CANDIDATES * sizeof *edges);
    if (!edges)
        goto done;
    px_story_index ix = {n, in->rank, in->n_terms, post_off, post, key_off, keys, key_w};
    if ((rc = px__story_partners(&ix, 0, n, in->threads, edges)))
        goto done;
    *n_out = px__edges_unique(edges, n * CANDIDATES);
    *out = edges;
    edges = NULL;
    rc = PX_OK;
done:
    free(key_off);
    free(post_off);
    free(keys);
    free(key_w);
    free(post);
    free(edges);
    free(tmp);
    return rc;
}

/* ---- phase 6: average linkage ---- */

typedef struct story {
    px_tw *s;          /* sum of the member vectors, term ids ascending */
    uint32_t ns;
    bool own;          /* s was allocated here (else a node's vector, borrowed) */
    uint32_t size;     /* member nodes */
    uint32_t key;      /* lowest content rank of a member */
    uint32_t key_node; /* that member */
    uint32_t ver;
    int32_t dmin, dmax;
    /* neighbouring stories with dot(S, S_neighbour) of a part of each:
     * an entry's story may since have merged into another (find() gives
     * it), and the dots of the parts of one story add up to its dot */
    struct nbr *nb;
    uint32_t nnb, cap;
} story;

typedef struct nbr {
    uint32_t id;
    uint32_t side; /* while merging: 0 the first story's entry, 1 the second's */
    double d;
} nbr;

typedef struct heap_entry {
    double score;
    uint32_t a, b;      /* story indices */
    uint32_t va, vb;    /* their versions when scored */
    uint32_t klo, khi;  /* their keys, lower first: ties */
} heap_entry;

typedef struct linkage {
    const px_story_input *in;
    PX_VEC(uint32_t) grown; /* stories whose list grew long in this merge */
    size_t next_rebuild;    /* heap size that triggers dropping stale entries */
    story *st;
    uint32_t *parent; /* per story index (= node index of its first member) */
    PX_VEC(heap_entry) heap;
    float *dense;     /* n_terms, zero outside a scatter */
    PX_VEC(px_term) sum; /* sum_vectors' scratch */
} linkage;

static inline bool entry_before(const heap_entry *x, const heap_entry *y)
{
    if (x->score != y->score)
        return x->score > y->score;
    if (x->klo != y->klo)
        return x->klo < y->klo;
    return x->khi < y->khi;
}

/* The queue of scored pairs is a 4-ary heap: half the levels of a
 * binary one, and the four children of an entry share two cache lines
 * (it holds millions of entries at 100,000 articles). The order of what
 * it pops is the total order of entry_before, whatever its shape. */
enum { HEAP_ARITY = 4 };

static bool heap_push(linkage *L, heap_entry e)
{
    if (!PX_VEC_PUSH(L->heap, e))
        return false;
    heap_entry *h = L->heap.v;
    size_t i = L->heap.n - 1;
    while (i > 0) {
        size_t p = (i - 1) / HEAP_ARITY;
        if (!entry_before(&e, &h[p]))
            break;
        h[i] = h[p];
        i = p;
    }
    h[i] = e;
    return true;
}

static void sift_down(linkage *L, size_t i)
{
    heap_entry *h = L->heap.v;
    size_t n = L->heap.n;
    heap_entry x = h[i];
    for (;;) {
        size_t c = HEAP_ARITY * i + 1;
        if (c >= n)
            break;
        size_t end = PX_MIN(c + HEAP_ARITY, n), m = c;
        for (size_t k = c + 1; k < end; k++)
            if (entry_before(&h[k], &h[m]))
                m = k;
        if (!entry_before(&h[m], &x))
            break;
        h[i] = h[m];
        i = m;
    }
    h[i] = x;
}

static heap_entry heap_pop(linkage *L)
{
    heap_entry *h = L->heap.v, top = h[0];
    size_t n = --L->heap.n;
    if (n) {
        h[0] = h[n];
        sift_down(L, 0);
    }
    return top;
}

static uint32_t find(uint32_t *p, uint32_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static double date_factor(const story *a, const story *b)
{
    if (a->dmin == PX__NO_DAY || b->dmin == PX__NO_DAY)
        return 1;
    int64_t gap = a->dmax < b->dmin   ? (int64_t)b->dmin - a->dmax
                  : b->dmax < a->dmin ? (int64_t)a->dmin - b->dmax
                                      : 0;
    if (gap <= DATE_WINDOW)
        return 1;
    return exp2(-(double)(gap - DATE_WINDOW) / DATE_HALF_LIFE);
}

static void scatter(linkage *L, const story *a, bool clear)
{
    for (uint32_t i = 0; i < a->ns; i++)
        L->dense[a->s[i].t] = clear ? 0 : a->s[i].w;
}

/* dot(S_a, S_b) with S_a scattered: summed in S_b's (term id) order. */
static double dot_scattered(const linkage *L, const story *b)
{
    double d = 0;
    for (uint32_t i = 0; i < b->ns; i++)
        d += (double)L->dense[b->s[i].t] * b->s[i].w;
    return d;
}

/* Asks for what dot_scattered and nb_push will read of story z soon:
 * the stories' vectors and lists lie anywhere in memory, and the loop
 * over a story's neighbours otherwise waits on each one's first lines. */
#if defined(__GNUC__)
#define PX_PREFETCH(p) __builtin_prefetch(p)
#else
#define PX_PREFETCH(p) ((void)(p))
#endif

static inline void prefetch_story(const story *z)
{
#if defined(__GNUC__)
    /* the whole vector of a node (at most 200 terms), the start of a
     * long sum (the hardware follows the stream once it has begun) */
    const char *v = (const char *)z->s;
    size_t bytes = PX_MIN((size_t)z->ns * sizeof *z->s, (size_t)2048);
    for (size_t o = 0; o < bytes; o += 64)
        __builtin_prefetch(v + o);
    if (z->nb)
        __builtin_prefetch(z->nb + z->nnb, 1);
#else
    (void)z;
#endif
}

static double score(const story *a, const story *b, double dot)
{
    return dot / ((double)a->size * b->size) * date_factor(a, b);
}

static heap_entry make_entry(const linkage *L, uint32_t a, uint32_t b, double s)
{
    const story *x = &L->st[a], *y = &L->st[b];
    heap_entry e = {s, a, b, x->ver, y->ver, PX_MIN(x->key, y->key), PX_MAX(x->key, y->key)};
    return e;
}

/* S_a + S_b into a, the strongest STORY_TERMS kept (the lower id on
 * ties), term ids ascending. */
static int sum_vectors(linkage *L, story *a, const story *b)
{
    /* the merged terms in a scratch vector kept across merges */
    L->sum.n = 0;
    if (!PX_VEC_RESERVE(L->sum, (size_t)a->ns + b->ns + 1))
        return PX_ENOMEM;
    px_term *m = L->sum.v;
    size_t i = 0, j = 0, k = 0;
    while (i < a->ns || j < b->ns) {
        if (j >= b->ns || (i < a->ns && a->s[i].t < b->s[j].t)) {
            m[k++] = (px_term){a->s[i].t, a->s[i].w};
            i++;
        } else if (i >= a->ns || b->s[j].t < a->s[i].t) {
            m[k++] = (px_term){b->s[j].t, b->s[j].w};
            j++;
        } else {
            m[k++] = (px_term){a->s[i].t, a->s[i].w + b->s[j].w};
            i++, j++;
        }
    }
    k = px__keep_strongest_terms(m, k, STORY_TERMS);
    px_tw *s = a->own ? px__realloc(a->s, (k ? k : 1) * sizeof *s) : px__malloc((k ? k : 1) * sizeof *s);
    if (!s)
        return PX_ENOMEM;
    a->own = true;
    for (size_t t = 0; t < k; t++)
        s[t] = (px_tw){(uint32_t)m[t].key, m[t].w};
    a->s = s;
    a->ns = (uint32_t)k;
    return PX_OK;
}

static bool nb_push(story *s, uint32_t id, double d)
{
    if (s->nnb == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 4;
        nbr *v = px__realloc(s->nb, cap * sizeof *v);
        if (!v)
            return false;
        s->nb = v;
        s->cap = cap;
    }
    s->nb[s->nnb++] = (nbr){id, 0, d};
    return true;
}

static int cmp_nbr(const void *a, const void *b)
{
    const nbr *x = a, *y = b;
    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    return x->side < y->side ? -1 : x->side > y->side;
}

/* Forgets, on z's side, every entry of z's list that belongs to story r
 * (a root): the two are no neighbours any more. */
static void drop_from(linkage *L, uint32_t z, uint32_t r)
{
    story *s = &L->st[z];
    uint32_t k = 0;
    for (uint32_t i = 0; i < s->nnb; i++)
        if (find(L->parent, s->nb[i].id) != r)
            s->nb[k++] = s->nb[i];
    s->nnb = k;
}

/* A neighbour entry ranked by its story's mean cosine with the owner:
 * the higher first, then the lower key. */
typedef struct ranked {
    double score;
    uint32_t key, at;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* Keeps the NEIGHBOURS entries of list[0..n) (one per neighbour, owner
 * story o of `size` nodes) whose stories are closest, by d / (size |z|);
 * the others are forgotten on both sides. *n becomes the count kept; the
 * order of the kept entries is preserved. Keeping them all instead would
 * change which stories merge, so no memory to choose is PX_ENOMEM. */
static int keep_closest(linkage *L, uint32_t o, double size, nbr *list, size_t *n_io)
{
    size_t n = *n_io;
    if (n <= NEIGHBOURS)
        return PX_OK;
    ranked *r = px__malloc(n * sizeof *r);
    if (!r)
        return PX_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const story *z = &L->st[list[i].id];
        r[i] = (ranked){list[i].d / (size * z->size), z->key, (uint32_t)i};
    }
    px__qsort(r, n, sizeof *r, cmp_ranked);
    for (size_t i = NEIGHBOURS; i < n; i++) {
        drop_from(L, list[r[i].at].id, o);
        list[r[i].at].side = UINT32_MAX; /* mark */
    }
    free(r);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (list[i].side != UINT32_MAX)
            list[k++] = list[i];
    *n_io = k;
    return PX_OK;
}

/* A story's list grows as its neighbours merge: past twice NEIGHBOURS
 * entries it is summed by neighbour (as roots) and cut to the closest. */
static int compact(linkage *L, uint32_t z)
{
    story *s = &L->st[z];
    for (uint32_t i = 0; i < s->nnb; i++)
        s->nb[i] = (nbr){find(L->parent, s->nb[i].id), 0, s->nb[i].d};
    px__qsort(s->nb, s->nnb, sizeof *s->nb, cmp_nbr);
    uint32_t k = 0;
    for (uint32_t i = 0; i < s->nnb;) {
        uint32_t id = s->nb[i].id;
        double d = 0;
        for (; i < s->nnb && s->nb[i].id == id; i++)
            d += s->nb[i].d;
        s->nb[k++] = (nbr){id, 0, d};
    }
    size_t kept = k;
    int rc = keep_closest(L, z, s->size, s->nb, &kept);
    s->nnb = (uint32_t)kept;
    return rc;
}

/* Merges story b into a (both roots). dot(S_a + S_b, S_z) for each
 * neighbour z is the sum of the dots known of the two parts; the dot of
 * a part z was no neighbour of is computed (and z learns it too, so its
 * own entries keep adding up); then the merged story is scored against
 * each neighbour. */
static int merge(linkage *L, uint32_t a, uint32_t b)
{
    story *x = &L->st[a], *y = &L->st[b];
    L->parent[b] = a;
    /* both lists, by neighbour (as roots now), without the merged story */
    size_t n = (size_t)x->nnb + y->nnb, m = 0;
    nbr *all = px__malloc((n ? n : 1) * sizeof *all);
    if (!all)
        return PX_ENOMEM;
    for (int side = 0; side < 2; side++) {
        const story *p = side ? y : x;
        for (uint32_t i = 0; i < p->nnb; i++) {
            uint32_t r = find(L->parent, p->nb[i].id);
            if (r != a)
                all[m++] = (nbr){r, (uint32_t)side, p->nb[i].d};
        }
    }
    px__qsort(all, m, sizeof *all, cmp_nbr);
    /* one entry per neighbour: the sum of its entries (each side's in
     * list order), and the side that has none (2: neither) */
    size_t runs = 0;
    for (size_t i = 0; i < m;) {
        double d[2] = {0, 0};
        bool has[2] = {false, false};
        uint32_t id = all[i].id;
        for (; i < m && all[i].id == id; i++) {
            d[all[i].side] += all[i].d;
            has[all[i].side] = true;
        }
        all[runs++] = (nbr){id, !has[0] ? 0u : !has[1] ? 1u : 2u, d[0] + d[1]};
    }
    /* the closest neighbours by what is known (a part that lacks one is
     * ranked by the other part's mean with it), before any missing dot
     * is computed: a story's list stays short however large it grows */
    if (runs > NEIGHBOURS) {
        /* (keeping them all instead would change which stories merge) */
        ranked *r = px__malloc(runs * sizeof *r);
        if (!r) {
            free(all);
            return PX_ENOMEM;
        }
        for (size_t i = 0; i < runs; i++) {
            const story *z = &L->st[all[i].id];
            double size = all[i].side == 0 ? y->size : all[i].side == 1 ? x->size
                                                                        : x->size + y->size;
            r[i] = (ranked){all[i].d / (size * z->size), z->key, (uint32_t)i};
        }
        px__qsort(r, runs, sizeof *r, cmp_ranked);
        for (size_t i = NEIGHBOURS; i < runs; i++) {
            drop_from(L, all[r[i].at].id, a);
            all[r[i].at].id = UINT32_MAX;
        }
        free(r);
        size_t k = 0;
        for (size_t i = 0; i < runs; i++)
            if (all[i].id != UINT32_MAX)
                all[k++] = all[i];
        runs = k;
    }
    int rc = PX_OK;
    for (uint32_t side = 0; side < 2 && !rc; side++) {
        const story *part = side ? y : x;
        bool scattered = false;
        for (size_t i = 0; i < runs; i++) {
            if (i + 2 < runs)
                PX_PREFETCH(&L->st[all[i + 2].id]);
            if (i + 1 < runs && all[i + 1].side == side)
                prefetch_story(&L->st[all[i + 1].id]);
            if (all[i].side != side)
                continue;
            if (!scattered) {
                scatter(L, part, false);
                scattered = true;
            }
            double d = dot_scattered(L, &L->st[all[i].id]);
            all[i].d += d;
            story *z = &L->st[all[i].id];
            if (!nb_push(z, a, d)) {
                rc = PX_ENOMEM;
                break;
            }
            /* a list grown long is cut once this merge is done */
            if (z->nnb == 2 * NEIGHBOURS + 16 && !PX_VEC_PUSH(L->grown, all[i].id)) {
                rc = PX_ENOMEM;
                break;
            }
        }
        if (scattered)
            scatter(L, part, true);
    }
    free(x->nb);
    x->nb = all;
    x->nnb = x->cap = (uint32_t)runs;
    if (rc || (rc = sum_vectors(L, x, y)))
        return rc;
    x->size += y->size;
    if (y->key < x->key) {
        x->key = y->key;
        x->key_node = y->key_node;
    }
    if (y->dmin != PX__NO_DAY) {
        if (x->dmin == PX__NO_DAY || y->dmin < x->dmin)
            x->dmin = y->dmin;
        if (x->dmax == PX__NO_DAY || y->dmax > x->dmax)
            x->dmax = y->dmax;
    }
    x->ver++;
    y->ver++;
    if (y->own)
        free(y->s);
    free(y->nb);
    y->s = NULL;
    y->nb = NULL;
    y->ns = y->nnb = y->cap = 0;
    for (size_t i = 0; i < runs; i++) {
        const story *z = &L->st[all[i].id];
        double sc = score(x, z, all[i].d);
        if (sc >= L->in->threshold && !heap_push(L, make_entry(L, a, all[i].id, sc)))
            return PX_ENOMEM;
    }
    int crc = PX_OK;
    for (size_t i = 0; i < L->grown.n && !crc; i++)
        if (L->st[L->grown.v[i]].nnb > 2 * NEIGHBOURS)
            crc = compact(L, L->grown.v[i]);
    L->grown.n = 0;
    return crc;
}

static int cmp_node_rank(const void *a, const void *b, const uint32_t *rank)
{
    uint32_t x = rank[*(const uint32_t *)a], y = rank[*(const uint32_t *)b];
    return x < y ? -1 : x > y;
}

int px__story_cluster(const px_story_input *in, const uint64_t *edges, size_t n_edges,
                      uint32_t *label)
{
    size_t n = in->n_nodes;
    linkage L = {0};
    L.in = in;
    uint64_t *pairs = NULL;
    uint32_t *order = NULL;
    int rc = PX_ENOMEM;
    L.st = px__calloc(n ? n : 1, sizeof *L.st);
    L.parent = px__malloc((n ? n : 1) * sizeof *L.parent);
    L.dense = px__calloc(in->n_terms ? in->n_terms : 1, sizeof *L.dense);
    order = px__malloc((n ? n : 1) * sizeof *order);
    if (!L.st || !L.parent || !L.dense || !order)
        goto done;
    /* singletons, then the near-duplicate components, their vectors
     * summed in content order */
    for (size_t v = 0; v < n; v++) {
        story *s = &L.st[v];
        /* a story of one node reads the node's vector */
        s->ns = in->vec_len[v];
        s->s = s->ns ? (px_tw *)(in->vec + in->vec_start[v]) : NULL;
        s->size = 1;
        s->key = in->rank[v];
        s->key_node = (uint32_t)v;
        s->dmin = s->dmax = in->day ? in->day[v] : PX__NO_DAY;
        L.parent[v] = (uint32_t)v;
        order[v] = (uint32_t)v;
    }
    if (in->must) {
        /* insertion by rank would be quadratic: a merge sort by rank */
        uint32_t *tmp = px__malloc((n ? n : 1) * sizeof *tmp);
        if (!tmp)
            goto done;
        for (size_t w = 1; w < n; w *= 2) {
            for (size_t lo = 0; lo < n; lo += 2 * w) {
                size_t mid = PX_MIN(lo + w, n), hi = PX_MIN(lo + 2 * w, n);
                size_t i = lo, j = mid, k = lo;
                while (i < mid || j < hi)
                    tmp[k++] = (j >= hi || (i < mid && cmp_node_rank(&order[i], &order[j], in->rank) <= 0))
                                   ? order[i++]
                                   : order[j++];
            }
            memcpy(order, tmp, n * sizeof *order);
        }
        free(tmp);
        /* first member (by rank) of each component: the story index */
        uint32_t *first = px__malloc((n ? n : 1) * sizeof *first);
        if (!first)
            goto done;
        for (size_t v = 0; v < n; v++)
            first[v] = UINT32_MAX;
        for (size_t i = 0; i < n; i++) {
            uint32_t v = order[i], c = in->must[v];
            if (first[c] == UINT32_MAX) {
                first[c] = v;
                continue;
            }
            uint32_t a = first[c];
            story *x = &L.st[a], *y = &L.st[v];
            if ((rc = sum_vectors(&L, x, y))) {
                free(first);
                goto done;
            }
            x->size += 1;
            if (y->dmin != PX__NO_DAY) {
                if (x->dmin == PX__NO_DAY || y->dmin < x->dmin)
                    x->dmin = y->dmin;
                if (x->dmax == PX__NO_DAY || y->dmax > x->dmax)
                    x->dmax = y->dmax;
            }
            if (y->own)
                free(y->s);
            y->s = NULL;
            y->ns = 0;
            L.parent[v] = a;
        }
        free(first);
        rc = PX_ENOMEM;
    }
    rc = PX_ENOMEM;
    /* the stories each edge joins, as (lower index, higher index) pairs */
    pairs = px__malloc((n_edges ? n_edges : 1) * sizeof *pairs);
    if (!pairs)
        goto done;
    size_t np = 0;
    for (size_t i = 0; i < n_edges; i++) {
        uint32_t a = find(L.parent, (uint32_t)(edges[i] >> 32));
        uint32_t b = find(L.parent, (uint32_t)edges[i]);
        if (a != b)
            pairs[np++] = (uint64_t)PX_MIN(a, b) << 32 | PX_MAX(a, b);
    }
    sort_u64_any(pairs, np);
    size_t m = 0;
    for (size_t i = 0; i < np; i++)
        if (!m || pairs[m - 1] != pairs[i])
            pairs[m++] = pairs[i];
    /* the first dots, one story scattered at a time; neighbour lists */
    for (size_t i = 0; i < m;) {
        uint32_t a = (uint32_t)(pairs[i] >> 32);
        scatter(&L, &L.st[a], false);
        for (; i < m && (uint32_t)(pairs[i] >> 32) == a; i++) {
            uint32_t b = (uint32_t)pairs[i];
            if (i + 2 < m)
                PX_PREFETCH(&L.st[(uint32_t)pairs[i + 2]]);
            if (i + 1 < m)
                prefetch_story(&L.st[(uint32_t)pairs[i + 1]]);
            double d = dot_scattered(&L, &L.st[b]);
            double sc = score(&L.st[a], &L.st[b], d);
            if (!nb_push(&L.st[a], b, d) || !nb_push(&L.st[b], a, d) ||
                (sc >= in->threshold && !heap_push(&L, make_entry(&L, a, b, sc))))
                goto done;
        }
        scatter(&L, &L.st[a], true);
    }
    /* merge the closest pair of stories while it reaches the threshold */
    L.next_rebuild = PX_MAX(L.heap.n * 2, (size_t)1 << 20);
    while (L.heap.n) {
        if (L.heap.n > L.next_rebuild) {
            /* most entries are stale (a story merged since): drop them and
             * heapify what is left, so the heap holds live pairs */
            size_t k = 0;
            for (size_t i = 0; i < L.heap.n; i++) {
                const heap_entry *h = &L.heap.v[i];
                if (L.parent[h->a] == h->a && L.parent[h->b] == h->b &&
                    L.st[h->a].ver == h->va && L.st[h->b].ver == h->vb)
                    L.heap.v[k++] = *h;
            }
            L.heap.n = k;
            for (size_t i = k / HEAP_ARITY + 1; i-- > 0;)
                if (i < k)
                    sift_down(&L, i);
            L.next_rebuild = PX_MAX(k * 2, (size_t)1 << 20);
        }
        heap_entry e = heap_pop(&L);
        if (e.score < in->threshold)
            break;
        if (L.parent[e.a] != e.a || L.parent[e.b] != e.b || L.st[e.a].ver != e.va ||
            L.st[e.b].ver != e.vb)
            continue; /* stale */
        uint32_t a = e.a, b = e.b;
        if (L.st[b].key < L.st[a].key) {
            uint32_t t = a;
            a = b;
            b = t;
        }
        if ((rc = merge(&L, a, b)))
            goto done;
    }
    for (size_t v = 0; v < n; v++)
        label[v] = L.st[find(L.parent, (uint32_t)v)].key_node;
    rc = PX_OK;
done:
    for (size_t v = 0; L.st && v < n; v++) {
        if (L.st[v].own)
            free(L.st[v].s);
        free(L.st[v].nb);
    }
    free(L.st);
    free(L.parent);
    free(L.dense);
    free(order);
    free(pairs);
    PX_VEC_FREE(L.heap);
    PX_VEC_FREE(L.grown);
    PX_VEC_FREE(L.sum);
    return rc;
}
