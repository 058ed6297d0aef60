/*
 * rouge.h - ROUGE-N (N = 1, 2, ...) as ROUGE-1.5.5 computes it for DUC 2004
 * with "-n 2 -m -l 100": the bench/rouge scorer the project measures its
 * summaries with. The command line is in main.c, the unit test in
 * test_rouge.c; bench/README.md gives the exact definitions.
 *
 * Pipeline for one text (peer summary or reference):
 *   1. keep the first word_limit whitespace-separated words (0: all);
 *   2. lowercase ASCII, turn every byte that is not [a-z0-9] into a space,
 *      split on spaces;
 *   3. drop stopwords (only with a stopword list);
 *   4. Porter-stem the tokens longer than 3 characters (stem != 0).
 * N-grams run over the whole token sequence, across line breaks.
 */
#ifndef ROUGE_H
#define ROUGE_H

#include <stddef.h>

/* Status codes: 0 is success, the others negative. */
enum {
    ROUGE_OK = 0,
    ROUGE_ENOMEM = -1,   /* out of memory */
    ROUGE_EIO = -2,      /* a file could not be read */
    ROUGE_ESTEMMER = -3, /* libstemmer has no "porter" algorithm */
    ROUGE_EINVAL = -4    /* bad argument */
};

/* How several references are combined (ROUGE-1.5.5's -f). */
typedef enum {
    /* ROUGE-1.5.5 -f A (its default): hits, reference n-grams and peer
     * n-grams are summed over the references, then R = sum hits / sum
     * reference n-grams and P = sum hits / (peer n-grams x references). */
    ROUGE_POOLED = 'A',
    /* -f B: the scores of the reference giving the highest recall */
    ROUGE_BEST = 'B',
    /* plain average over references of the per-reference R, P and F */
    ROUGE_MEAN = 'M'
} rouge_mode;

typedef struct {
    size_t word_limit; /* cut each text after this many words; 0: no cut */
    int stem;          /* Porter-stem tokens longer than 3 characters */
    /* stopwords, lowercase, NULL-terminated array; NULL: keep every word.
     * Borrowed: must outlive the context. */
    const char *const *stopwords;
} rouge_options;

typedef struct rouge_ctx rouge_ctx;

/* The tokens of one text: n NUL-terminated strings. */
typedef struct {
    char **tok;
    size_t n;
} rouge_tokens;

/* The n-gram overlap of a peer and one reference. */
typedef struct {
    size_t hit;   /* sum over n-grams of min(peer count, reference count) */
    size_t peer;  /* n-grams in the peer */
    size_t model; /* n-grams in the reference */
} rouge_count;

typedef struct {
    double r, p, f;
} rouge_prf;

/* Makes a context (owns the stemmer). Returns ROUGE_OK and *out, or an error
 * status; caller frees with rouge_ctx_free. */
int rouge_ctx_new(const rouge_options *opt, rouge_ctx **out);
/* Frees a context; accepts NULL. */
void rouge_ctx_free(rouge_ctx *ctx);

/* Tokenises len bytes of text (not NUL-terminated, any bytes) as described
 * above. On success *out holds the tokens: caller releases them with
 * rouge_tokens_release. */
int rouge_tokenize(rouge_ctx *ctx, const char *text, size_t len, rouge_tokens *out);
/* Frees the tokens and empties *t; accepts an empty or zeroed struct. */
void rouge_tokens_release(rouge_tokens *t);

/* Counts the clipped n-gram overlap of peer and model for one n >= 1. */
int rouge_ngram_count(const rouge_tokens *peer, const rouge_tokens *model, size_t n,
                      rouge_count *out);

/* R = hit / model, P = hit / peer, F = 2PR / (P + R); 0 where undefined. */
rouge_prf rouge_prf_of(size_t hit, size_t peer, size_t model);

/* Scores one peer against n_refs references for every n in 1..max_n:
 * out[n - 1] receives ROUGE-n. counts, when not NULL, receives the
 * per-reference counts: counts[(n - 1) * n_refs + j]. */
int rouge_score(const rouge_tokens *peer, const rouge_tokens *refs, size_t n_refs,
                size_t max_n, rouge_mode mode, rouge_prf *out, rouge_count *counts);

/* Reads a whole file into a NUL-terminated buffer (*len bytes, the NUL not
 * counted). Caller frees *out. ROUGE_EIO with errno set on failure. */
int rouge_read_file(const char *path, char **out, size_t *len);

/* Reads a stopword file (one word a line, '#' comments) into a
 * NULL-terminated, lowercased array. Caller frees it with
 * rouge_stopwords_free. */
int rouge_stopwords_read(const char *path, char ***out);
void rouge_stopwords_free(char **words);

const char *rouge_strerror(int status);

#endif
