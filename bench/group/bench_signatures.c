/*
 * bench_signatures.c - near-duplicate signature speed: the shingling and
 * MinHash of documents already read (features of px__feat_compute and the
 * MinHash alone), single thread, on a JSONL corpus.
 * usage: bench_signatures CORPUS.jsonl
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/group/group.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_signatures CORPUS.jsonl\n");
        return 2;
    }
    px_reader *r;
    px_read_options ro = {0};
    if (px_reader_new(&r, &ro) || px_reader_add(r, argv[1]))
        return 1;
    PX_VEC(px_doc *) docs = {0};
    px_doc *d;
    size_t bytes = 0;
    while (px_reader_next(r, &d) == 1 && PX_VEC_PUSH(docs, d))
        bytes += d->len;
    px_reader_free(r);
    px_feat_ctx *c = px__feat_ctx_new(128, 5, 1);
    uint32_t seeds[128], sig[128], *sh = malloc(1 << 20);
    px__minhash_seeds(1, 128, seeds);
    double t0 = now();
    for (size_t i = 0; i < docs.n; i++) {
        px_group_feat f;
        px__feat_compute(c, docs.v[i], &f);
        px__feat_release(&f);
    }
    double t1 = now();
    /* MinHash alone over as many shingles as words */
    for (size_t i = 0; i < docs.n; i++) {
        size_t n = docs.v[i]->n_toks;
        for (size_t k = 0; k < n && k < 250000; k++)
            sh[k] = (uint32_t)(k * 2654435761u) ^ (uint32_t)i;
        px__minhash(seeds, 128, sh, n, sig);
    }
    double t2 = now();
    printf("%zu documents, %.0f bytes each\n", docs.n, (double)bytes / (double)docs.n);
    printf("features (words, shingles, MinHash, stems, terms): %.0f docs/s\n",
           (double)docs.n / (t1 - t0));
    printf("MinHash signatures alone (128 permutations): %.0f docs/s\n",
           (double)docs.n / (t2 - t1));
    for (size_t i = 0; i < docs.n; i++)
        px_doc_free(docs.v[i]);
    PX_VEC_FREE(docs);
    px__feat_ctx_free(c);
    free(sh);
    return sig[0] == 12345; /* keep the work */
}
