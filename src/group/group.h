/*
 * group.h - the grouping stage inside the library: document features
 * (exact-text hash, MinHash signature, weighted story terms), the index
 * they are assigned against (LSH buckets, story vectors, document
 * frequencies) and the hooks the SQLite store uses to persist and reload
 * that index.
 */
#ifndef PX_GROUP_H
#define PX_GROUP_H

#include "../read/read.h"

/* ---- a small open-addressing map from nonzero 64-bit keys to 32-bit
 * values; key 0 is reserved for empty slots. ---- */
typedef struct px_u64map {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, n; /* cap a power of two */
} px_u64map;

void px__u64map_release(px_u64map *m);
/* The value slot for key, inserted with value init when absent; NULL on
 * allocation failure. */
uint32_t *px__u64map_upsert(px_u64map *m, uint64_t key, uint32_t init, bool *inserted);
/* The value slot for key, or NULL when absent. */
uint32_t *px__u64map_get(const px_u64map *m, uint64_t key);

/* A weighted term: key is a hash of the kind-prefixed term text. */
typedef struct px_term {
    uint64_t key;
    float w;
} px_term;

/* What grouping needs from one document; computed independently of the
 * index, so several threads can compute features at once. */
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

/* Per-thread scratch for feature extraction (stemmer and buffers). */
typedef struct px_feat_ctx px_feat_ctx;
px_feat_ctx *px__feat_ctx_new(int num_perm, int shingle, uint64_t seed);
void px__feat_ctx_free(px_feat_ctx *c);
/* Both steps below; out is released on failure. */
int px__feat_compute(px_feat_ctx *c, const px_doc *doc, px_group_feat *out);
/* The near-duplicate step: exact hash, word shingles, MinHash signature
 * and the sorted shingle set (out zeroed by the caller). Keeps each
 * word's hash in c for px__terms_compute. */
int px__sig_compute(px_feat_ctx *c, const px_doc *doc, px_group_feat *out);
/* The story step: weighted terms and day; after px__sig_compute of the
 * same document with the same context. */
int px__terms_compute(px_feat_ctx *c, const px_doc *doc, px_group_feat *out);

/* Stable sorts of terms by key (ascending) and by weight (descending,
 * weights non-negative); tmp holds n terms. */
void px__sort_terms_by_key(px_term *a, px_term *tmp, size_t n);
void px__sort_terms_by_weight(px_term *a, px_term *tmp, size_t n);
/* Keeps, in their order, the k terms of a[0..n) that a stable sort by
 * weight would put first (the strongest, the earlier of equal weights).
 * Returns min(n, k). */
size_t px__keep_strongest_terms(px_term *a, size_t n, size_t k);
/* Exact Jaccard of two sorted sets of distinct shingle hashes. */
double px__jaccard_sorted(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
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

/* ---- the index documents are assigned against ---- */
typedef struct px_group_index px_group_index;

px_group_index *px__index_new(const px_group_options *opt);
void px__index_free(px_group_index *ix);
/* The index will not be asked for near-duplicate links (px_group_docs
 * reports families, not links): a query verifies only the family
 * representatives of its LSH candidates, which decide the family and the
 * story exactly as before, and gives no links. Without it a story whose
 * articles are all copies of a few verifies every pair. */
void px__index_no_links(px_group_index *ix);
/* Assigns a document (in arrival order); may keep f->sig (sets it NULL). */
int px__index_assign(px_group_index *ix, px_group_feat *f, px_group_assign *out);
/* Reload of a persisted index, in arrival order, before any assignment:
 * a document with its stored assignment, then the story vectors. */
int px__index_load_doc(px_group_index *ix, px_group_feat *f, size_t story, ptrdiff_t dup_of,
                       int exact);
int px__index_load_story(px_group_index *ix, size_t story, const px_term *c, size_t n,
                         uint32_t n_docs, int32_t day_min, int32_t day_max);
/* The current vector of a story (borrowed until the next assignment). */
const px_term *px__index_story_vector(const px_group_index *ix, size_t story, size_t *n,
                                      uint32_t *n_docs, int32_t *day_min, int32_t *day_max);
size_t px__index_n_docs(const px_group_index *ix);
size_t px__index_n_stories(const px_group_index *ix);
/* The effective options (defaults filled in). */
void px__group_defaults(const px_group_options *in, px_group_options *out);

/* The grouper with an internal callback that also sees the features
 * (the store persists them). */
typedef void (*px__group_feat_fn)(void *ud, px_doc *doc, const px_group_assign *a,
                                  const px_group_feat *f);
int px__grouper_new_ex(px_grouper **out, const px_group_options *opt, px_group_fn fn,
                       px__group_feat_fn ffn, void *ud);
px_group_index *px__grouper_index(px_grouper *g);

#endif /* PX_GROUP_H */
