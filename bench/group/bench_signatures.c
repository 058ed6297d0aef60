/*
 * bench_signatures.c - per-core speed of the grouping features on
 * documents already read, single thread, on a JSONL corpus:
 *   signatures: the near-duplicate step (case-folded word hashes, word
 *     5-shingles, 128-permutation MinHash, the sorted shingle set kept for
 *     verification, LSH band keys at the default threshold);
 *   all features: the above and the story terms (stems, names, numbers,
 *     places and their weights), which reuse the word hashes; the story
 *     terms alone are the difference;
 *   MinHash alone over as many values as the document has tokens: the
 *     baseline measured in the same run.
 * Each is timed RUNS times (default 5) over the whole corpus; the median
 * is printed, with reading (parse, tokenize, sentences) for scale.
 * usage: bench_signatures CORPUS.jsonl [RUNS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/group/group.h"

static double now(void)
{
    struct timespec ts;
    /* CPU time of this thread: the machine is shared, a core is what we
     * measure */
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: bench_signatures CORPUS.jsonl [RUNS]\n");
        return 2;
    }
    int runs = argc == 3 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 100)
        runs = 5;
    px_reader *r;
    px_read_options ro = {0};
    if (px_reader_new(&r, &ro) || px_reader_add(r, argv[1]))
        return 1;
    PX_VEC(px_doc *) docs = {0};
    px_doc *d;
    size_t bytes = 0;
    double t0 = now();
    while (px_reader_next(r, &d) == 1 && PX_VEC_PUSH(docs, d))
        bytes += d->len;
    double t_read = now() - t0;
    px_reader_free(r);
    if (!docs.n)
        return 1;
    int bands, rows;
    px_group_options o;
    px__group_defaults(NULL, &o);
    px_lsh_params(o.dup_threshold - 0.15, 128, &bands, &rows);
    px_feat_ctx *c = px__feat_ctx_new(128, 5, 1);
    uint32_t seeds[128], sig[128], *sh = malloc(1 << 20);
    px__minhash_seeds(1, 128, seeds);
    double sig_s[100], terms_s[100], mh_s[100];
    uint64_t keep = 0;
    px_group_feat *f = calloc(docs.n, sizeof *f);
    for (int run = 0; run < runs; run++) {
        double a = now();
        for (size_t i = 0; i < docs.n; i++) {
            memset(&f[i], 0, sizeof f[i]);
            px__feat_words(c, docs.v[i], &f[i]);
            px__feat_signature(c, &f[i]);
            for (int b = 0; b < bands; b++)
                keep += px__lsh_band_key(f[i].sig, rows, b);
            /* the story step needs this document's word hashes */
            if (run == runs - 1)
                px__feat_terms(c, docs.v[i], &f[i]);
        }
        double b_ = now();
        sig_s[run] = b_ - a;
        for (size_t i = 0; i < docs.n; i++)
            px__feat_release(&f[i]);
    }
    /* both steps, as the grouper runs them; the story step's time is the
     * difference of the medians */
    for (int run = 0; run < runs; run++) {
        double a = now();
        for (size_t i = 0; i < docs.n; i++) {
            memset(&f[i], 0, sizeof f[i]);
            px__feat_compute(c, docs.v[i], &f[i]);
            px__feat_release(&f[i]);
        }
        terms_s[run] = now() - a;
    }
    for (int run = 0; run < runs; run++) {
        double a = now();
        for (size_t i = 0; i < docs.n; i++) {
            size_t n = docs.v[i]->n_toks;
            for (size_t k = 0; k < n && k < 250000; k++)
                sh[k] = (uint32_t)(k * 2654435761u) ^ (uint32_t)i;
            px__minhash(seeds, 128, sh, n, sig);
            keep += sig[0];
        }
        mh_s[run] = now() - a;
    }
    double n = (double)docs.n;
    printf("%zu documents, %.0f bytes each; median of %d runs, one thread\n", docs.n,
           (double)bytes / n, runs);
    printf("reading (parse, tokens, sentences; once):       %8.0f docs/s\n", n / t_read);
    double t_sig = median(sig_s, runs), t_both = median(terms_s, runs);
    printf("signatures (shingles, MinHash, set, LSH keys): %8.0f docs/s\n", n / t_sig);
    printf("signatures and story terms (all features):     %8.0f docs/s\n", n / t_both);
    printf("story terms alone (the difference):            %8.0f docs/s\n",
           t_both > t_sig ? n / (t_both - t_sig) : 0.0);
    printf("MinHash alone (128 permutations):              %8.0f docs/s\n", n / median(mh_s, runs));
    for (size_t i = 0; i < docs.n; i++)
        px_doc_free(docs.v[i]);
    PX_VEC_FREE(docs);
    free(f);
    px__feat_ctx_free(c);
    free(sh);
    return keep == 12345; /* keep the work */
}
