/*
 * group.h - the grouping stage inside the library, as separable phases
 * that a single process (grouper.c) runs one after another and that a
 * distributed run can spread over machines:
 *
 *   1. features (features.c): per document, a pure function of its text:
 *      exact-text hash, word-shingle set, MinHash signature, raw story
 *      terms (boosted term frequencies) and publication day;
 *   2. nodes (grouper.c): exact copies collapse into one node per
 *      distinct text, which keeps the features (copies reuse them);
 *   3. near-duplicate pairs (near.c): LSH band keys bring candidate pairs
 *      of nodes together, each verified by its Jaccard; families are
 *      stars around their earliest article, in input order;
 *   4. document frequencies (cluster.c): counts over the nodes, a sum
 *      that reduces across shards;
 *   5. story vectors and candidate keys (cluster.c): TF-IDF, the
 *      strongest terms of each node as keys of an inverted index, the
 *      best-scoring partners of each node as candidate edges;
 *   6. average linkage (cluster.c) over the candidate graph, with the
 *      near-duplicate components merged first, deterministic ties.
 *
 * Everything from phase 3 on is a function of the set of distinct texts,
 * not of their order: nodes are ranked by their content (exact hash) and
 * every tie is broken by that rank or by term key, so the stories of an
 * input do not depend on the order its articles arrive in.
 */
#ifndef PX_GROUP_H
#define PX_GROUP_H

#include "../read/read.h"

/* ---- a small open-addressing map from nonzero 64-bit keys to 32-bit
 * values; key 0 is reserved for empty slots. ---- */
typedef struct px_u64slot {
    uint64_t key;
    uint32_t val;
} px_u64slot;

typedef struct px_u64map {
    px_u64slot *slots; /* a key beside its value: one cache line per probe */
    size_t cap, n;     /* cap a power of two */
} px_u64map;

void px__u64map_release(px_u64map *m);
/* Empties the map, keeping its room. */
void px__u64map_clear(px_u64map *m);
/* The value slot for key, inserted with value init when absent; NULL on
 * allocation failure. */
uint32_t *px__u64map_upsert(px_u64map *m, uint64_t key, uint32_t init, bool *inserted);
/* The value slot for key, or NULL when absent. */
uint32_t *px__u64map_get(const px_u64map *m, uint64_t key);
/* Asks the processor for key's first slot, ahead of a get or upsert (a
 * large map misses the cache on nearly every probe). No effect else. */
static inline void px__u64map_prefetch(const px_u64map *m, uint64_t key)
{
#if defined(__GNUC__)
    if (m->cap) {
        if (!key)
            key = 1;
        key ^= key >> 33;
        key *= 0xff51afd7ed558ccdULL;
        key ^= key >> 33;
        __builtin_prefetch(&m->slots[(size_t)key & (m->cap - 1)]);
    }
#else
    (void)m;
    (void)key;
#endif
}

/* A weighted term: key is a hash of the kind-prefixed term text. */
typedef struct px_term {
    uint64_t key;
    float w;
} px_term;

/* A weighted term by its dense id (the story phases). */
typedef struct px_tw {
    uint32_t t;
    float w;
} px_tw;

/* What grouping needs from one document; computed independently of
 * everything else, so several threads can compute features at once. */
typedef struct px_group_feat {
    uint64_t exact;    /* hash of the case-folded words; 0 when no words */
    uint32_t *sig;     /* num_perm MinHash values (malloc) */
    uint32_t *shingles; /* the shingle hashes, sorted, distinct (malloc) */
    size_t n_shingles;
    px_term *terms;    /* raw term weights (tf with boosts), sorted by key (malloc) */
    size_t n_terms;
    int32_t day;       /* publication day (days since 1970-01-01) or PX__NO_DAY */
} px_group_feat;

#define PX__NO_DAY INT32_MIN

void px__feat_release(px_group_feat *f);

/* The seed of the MinHash permutations: features computed anywhere
 * compare only when they share it. */
#define PX__GROUP_SEED 0x5eed0fa11a5ULL

/* The features as bytes (pack.c): *out malloc, *len bytes; and back,
 * validated (PX_EBADINPUT with *why a static reason). */
int px__feat_pack(const px_group_feat *f, int num_perm, unsigned char **out, size_t *len);
int px__feat_unpack(const void *data, size_t len, int num_perm, px_group_feat *f,
                    const char **why);

/* Per-thread scratch for feature extraction (stemmer and buffers). */
typedef struct px_feat_ctx px_feat_ctx;
px_feat_ctx *px__feat_ctx_new(int num_perm, int shingle, uint64_t seed);
void px__feat_ctx_free(px_feat_ctx *c);
/* All features of doc into out (zeroed first); released on failure. */
int px__feat_compute(px_feat_ctx *c, const px_doc *doc, px_group_feat *out);
/* The same in two steps: px__feat_words hashes the case-folded words
 * (out->exact, kept in c), px__feat_rest the rest, for the same document
 * with the same context; between the two the caller may find that the
 * text is a copy and stop. */
int px__feat_words(px_feat_ctx *c, const px_doc *doc, px_group_feat *out);
int px__feat_rest(px_feat_ctx *c, const px_doc *doc, px_group_feat *out);
/* px__feat_rest's two steps: the MinHash signature and the sorted
 * shingle set; the story terms and day (both after px__feat_words). */
int px__feat_signature(px_feat_ctx *c, px_group_feat *out);
int px__feat_terms(px_feat_ctx *c, const px_doc *doc, px_group_feat *out);

/* Stable sorts of terms by key (ascending) and by weight (descending,
 * weights non-negative); tmp holds n terms. */
void px__sort_terms_by_key(px_term *a, px_term *tmp, size_t n);
void px__sort_terms_by_weight(px_term *a, px_term *tmp, size_t n);
/* Keeps, in their order, the k terms of a[0..n) that a stable sort by
 * weight would put first (the strongest, the earlier of equal weights).
 * Returns min(n, k). */
size_t px__keep_strongest_terms(px_term *a, size_t n, size_t k);
/* Ascending LSD radix sort of n 64-bit values, 8 bits a pass (a pass
 * whose byte is the same for all is skipped); tmp holds n. */
void px__sort_u64(uint64_t *a, uint64_t *tmp, size_t n);
/* Exact Jaccard of two sorted sets of distinct shingle hashes, or -1 when
 * it is below at_least (known early, most often; 0: always exact). */
double px__jaccard_sorted(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                          double at_least);
/* MinHash of a set of 32-bit shingle hashes into sig[num_perm]. */
void px__minhash(const uint32_t *seeds, int num_perm, const uint32_t *shingles, size_t n,
                 uint32_t *sig);
/* The LSH bucket key of band b (rows values from sig + b * rows). */
uint64_t px__lsh_band_key(const uint32_t *sig, int rows, int band);
/* The permutation seeds for a base seed (num_perm values). */
void px__minhash_seeds(uint64_t seed, int num_perm, uint32_t *seeds);
/* Days since 1970-01-01 of "YYYY-MM-DD...", or PX__NO_DAY. */
int32_t px__day_number(const char *iso);

/* The banding (b * r <= num_perm) with the least false positive mass of
 * those whose probability of missing a pair at the threshold is at most
 * max_miss (if none, the one that misses least). */
void px__lsh_params_recall(double threshold, int num_perm, double max_miss, int *bands,
                           int *rows);
/* The false positive and false negative probability masses datasketch
 * integrates for bands b and rows r at a threshold. */
double px__lsh_false_positive(double threshold, int b, int r);
double px__lsh_false_negative(double threshold, int b, int r);

/* The effective options (defaults filled in, values out of range
 * replaced by the defaults). */
void px__group_defaults(const px_group_options *in, px_group_options *out);

/* ---- phase 3: near-duplicate pairs and families (near.c) ---- */

/* A verified near-duplicate pair of nodes a < b, with its Jaccard. */
typedef struct px_near_pair {
    uint32_t a, b;
    float j;
} px_near_pair;

typedef struct px_near_input {
    size_t n_nodes;
    int num_perm, bands, rows;
    double threshold;
    const uint32_t *sigs;      /* num_perm per node */
    const bool *has_sig;       /* per node: false for a text without words */
    const uint32_t *rank;      /* per node: its rank in content order */
    /* the shingle sets for exact verification, or NULL: estimates */
    const uint32_t *shingles;
    const size_t *sh_start;    /* per node: its set at shingles + sh_start */
    const uint32_t *sh_len;    /* per node: the set's size */
} px_near_input;

/* The verified pairs of the LSH candidates: within a bucket, each node
 * is compared with the BUCKET_SCAN nodes before it in content order.
 * *out (malloc) sorted by (a, b). */
int px__near_pairs(const px_near_input *in, px_near_pair **out, size_t *n_out);
/* Families, in node order (= input order of first appearance): a node
 * joins the family of the root among its verified earlier neighbours
 * with the highest Jaccard (the earlier on ties), else is a root.
 * root[v] = v for a root; jac[v] its Jaccard with the root (may be NULL). */
void px__families(size_t n_nodes, const px_near_pair *pairs, size_t n_pairs, uint32_t *root,
                  float *jac);

/* The near-duplicate components: must[v] = the lowest node joined to v
 * by a chain of verified pairs. */
void px__near_components(size_t n_nodes, const px_near_pair *pairs, size_t n_pairs,
                         uint32_t *must);
/* Verifies candidate pairs cand[0..n_cand) (lo << 32 | hi, nodes of in,
 * distinct): those whose Jaccard reaches the threshold, in the order
 * given. The LSH part of px__near_pairs is this after the buckets: a
 * distributed run makes the buckets itself (each node compared with the
 * PX__BUCKET_SCAN nodes before it in content order) and verifies here. */
int px__near_verify(const px_near_input *in, const uint64_t *cand, size_t n_cand,
                    px_near_pair **out, size_t *n_out);
#define PX__BUCKET_SCAN 256
/* the probability of missing a pair whose Jaccard is the threshold, of
 * the banding chosen (px__lsh_params_recall) */
#define PX__LSH_MAX_MISS 0.01

/* Shingle sets are kept for exact verification up to this many hashes
 * over all nodes (512 MiB, about 360,000 articles of 2 KB); past it every
 * candidate is verified by its estimated Jaccard (so the outcome depends
 * on the input's size, not on its order). */
#define PX__SHINGLE_BUDGET ((size_t)128 << 20)

/* ---- phases 4-6: stories (cluster.c) ---- */

typedef struct px_story_input {
    size_t n_nodes;
    size_t n_terms;        /* term ids are < n_terms */
    const uint32_t *rank;  /* per node: content rank (ties) */
    const size_t *vec_start; /* per node: its vector at vec + vec_start */
    const uint32_t *vec_len; /* per node: its length */
    const px_tw *vec;      /* per node: unit TF-IDF vector, term ids ascending */
    const int32_t *day;    /* per node, PX__NO_DAY when unknown */
    const uint32_t *must;  /* per node: its near-duplicate component (any node of
                            * it, the same for all), or NULL */
    double threshold;      /* average cosine to merge */
    int threads;
} px_story_input;

/* The TF-IDF vectors of n nodes, in place: raw + start[v] holds node
 * v's len[v] raw terms, sorted by term key, with ids that term_rank maps
 * to the term's rank in key order (< n_terms); df[rank] the number of
 * nodes with the term, of n_df. Each node's strongest DOC_TERMS terms
 * (the lower rank on equal weights), unit length, term ranks ascending,
 * replace its raw terms, and len[v] becomes their count. */
int px__story_vectors(size_t n_nodes, const size_t *start, uint32_t *len, px_tw *raw,
                      const uint32_t *term_rank, const uint32_t *df, size_t n_terms, size_t n_df,
                      int threads);
/* The candidate edges of in's nodes (lo << 32 | hi, node indices),
 * sorted, distinct: px__story_keys, px__posting_order and
 * px__story_partners over all of them. *out: malloc. */
int px__story_edges(const px_story_input *in, uint64_t **out, size_t *n_out);
/* Average linkage over the candidate edges[0..n_edges) (lo << 32 | hi,
 * distinct): label[v] = the lowest-ranked node of v's story. Stories only
 * merge along edges, so the nodes of one connected component of the
 * edges (and of the near-duplicate components) can be clustered apart
 * from the rest, in any numbering that keeps the content ranks and the
 * order of the term ids: the labels are the same. */
int px__story_cluster(const px_story_input *in, const uint64_t *edges, size_t n_edges,
                      uint32_t *label);

/* The candidate partners of phase 5b, in pieces that a distributed run
 * can place on different machines: each node's query keys (its strongest
 * terms), the postings of each term (the nodes keyed on it) and, for each
 * query node, the best-scoring partners over the scanned part of the
 * postings of its keys. */
#define PX__STORY_CANDIDATES 16 /* partners a node keeps */

typedef struct px_posting {
    uint32_t node;
    float w;
} px_posting;

/* The query keys of a node vector vec[0..n) (term ids ascending, n at
 * most the vector size): its strongest terms, the lower id on equal
 * weights, into keys and key_w; returns their count (at most 16).
 * tmp: scratch for 2 * 200 terms. */
size_t px__story_keys(const px_tw *vec, size_t n, px_term *tmp, uint32_t *keys, float *key_w);
/* Orders a posting for scanning (a long one by weight, then content
 * rank) and returns how many of its entries are scanned. */
size_t px__posting_order(px_posting *p, size_t n, const uint32_t *rank);

typedef struct px_story_index {
    size_t n_nodes;          /* node numbers are < n_nodes */
    const uint32_t *rank;    /* per node: content rank (ties) */
    size_t n_terms;
    const size_t *post_off;  /* n_terms + 1 offsets into post */
    const px_posting *post;  /* per term: its posting, ordered by px__posting_order */
    const size_t *key_off;   /* per query node: its keys at keys + key_off[v] */
    const uint32_t *keys;
    const float *key_w;
} px_story_index;

/* For the query nodes from <= v < to (nodes of ix): the best
 * PX__STORY_CANDIDATES partners (the highest sum of key weight products
 * over the scanned postings, the lower content rank on ties), as edges
 * lo << 32 | hi into edges[(v - from) * PX__STORY_CANDIDATES ...],
 * UINT64_MAX where there are fewer. */
int px__story_partners(const px_story_index *ix, size_t from, size_t to, int threads,
                       uint64_t *edges);
/* Sorts edges[0..n) and removes repeats and UINT64_MAX; the count left. */
size_t px__edges_unique(uint64_t *edges, size_t n);

/* ---- what was decided, per document (result.c) ---- */

typedef struct px_group_result {
    size_t n_docs, n_nodes;
    const uint32_t *node_of;   /* borrowed: per document, its node */
    const uint32_t *first_doc; /* borrowed: per node, its first document */
    uint32_t *root;            /* per node: family representative node */
    float *root_j;             /* per node: Jaccard with it */
    uint32_t *label;           /* per node: story label node */
    size_t *story;             /* per document: story number */
    size_t *story_first;       /* per story: its first document */
    size_t n_stories;
    size_t *adj_off;           /* per node: verified near-duplicate nodes */
    uint32_t *adj;
    size_t *docs_off;          /* per node: its documents, ascending */
    uint32_t *docs;
    PX_VEC(size_t) near;       /* px__result_assign's answer */
} px_group_result;

/* The families (px__families over the pairs), the adjacency, and the
 * stories numbered by their first document in input order. label
 * (malloc, per node) is taken over, also on failure; node_of and
 * first_doc are borrowed. */
int px__result_build(px_group_result *r, size_t n_docs, const uint32_t *node_of, size_t n_nodes,
                     const uint32_t *first_doc, const px_near_pair *pairs, size_t n_pairs,
                     uint32_t *label);
/* What was decided for document i (out->near borrowed until the next
 * call). */
int px__result_assign(px_group_result *r, size_t i, px_group_assign *out);
void px__result_release(px_group_result *r);

/* ---- the grouper (grouper.c) ---- */

/* Called for each document in input order as it is taken in, before
 * the document is freed: doc (NULL for given features), its index, and
 * its features: f->exact always, the rest when full (else the document
 * is a copy of an earlier text and its other features were not
 * computed). A nonzero return stops the grouper with it. */
typedef int (*px__group_ingest_fn)(void *ud, px_doc *doc, size_t index, const px_group_feat *f,
                                   bool full);

/* px__grouper_new_ex flags */
#define PX__GROUPER_OWN_DOCS 0x1u  /* free the documents (else borrowed) */
#define PX__GROUPER_NO_NODES 0x2u  /* features only, for the hook: no run */

int px__grouper_new_ex(px_grouper **out, const px_group_options *opt, unsigned flags,
                       px__group_ingest_fn fn, void *ud);
/* Adds a document by its features (taken over; *f is zeroed): a
 * stored article. copy: an exact copy of an earlier one (f->exact only). */
int px__grouper_add_feat(px_grouper *g, px_group_feat *f, bool copy);
/* Waits until every document added is taken in; the first error. */
int px__grouper_flush(px_grouper *g);
/* Tells the grouper that a text (exact hash) is already known: a
 * document with it is a copy and its features are not computed. */
int px__grouper_known_text(px_grouper *g, uint64_t exact);

#endif /* PX_GROUP_H */
