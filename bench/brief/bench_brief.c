/*
 * bench_brief.c - times px_brief_new on the first N documents of the
 * inputs (reading is not timed), median of R runs, and prints the brief's
 * size so runs can be compared. The 1,000-article case repeats the inputs
 * (with new ids) when they hold fewer documents.
 *
 * usage: bench_brief [-n N] [-r RUNS] [-w WORDS] INPUT...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parallax.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    size_t want = 10, runs = 5, words = 100;
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (!strcmp(argv[i], "-n"))
            want = strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "-r"))
            runs = strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "-w"))
            words = strtoul(argv[i + 1], NULL, 10);
    }
    if (i >= argc || !runs || !want) {
        fputs("usage: bench_brief [-n N] [-r RUNS] [-w WORDS] INPUT...\n", stderr);
        return 2;
    }
    /* the texts of the inputs, to be re-read as copies */
    px_doc **docs = calloc(want, sizeof(*docs));
    size_t n = 0;
    for (int round = 0; n < want && round < 1000; round++) {
        px_read_options ro = {0};
        px_reader *r;
        if (px_reader_new(&r, &ro))
            return 1;
        for (int k = i; k < argc; k++)
            px_reader_add(r, argv[k]);
        px_doc *d;
        size_t before = n;
        while (n < want && px_reader_next(r, &d) == 1) {
            if (round) {
                px_str t = px_doc_text(d);
                char id[64];
                snprintf(id, sizeof id, "%s~copy%d", px_doc_id(d), round);
                px_doc_meta meta = {.id = id, .source = px_doc_source(d),
                                    .date = px_doc_date(d)};
                px_doc *c;
                int rc = px_doc_new(&c, t.ptr, t.len, &meta, 1, NULL, NULL);
                px_doc_free(d);
                if (rc)
                    return 1;
                d = c;
            }
            docs[n++] = d;
        }
        px_reader_free(r);
        if (n == before)
            break;
    }
    double *t = calloc(runs, sizeof(double));
    size_t n_sent = 0, n_src = 0;
    for (size_t k = 0; k < runs; k++) {
        px_brief_options opt = {.max_words = words};
        px_brief *b;
        double t0 = now();
        if (px_brief_new(&b, docs, n, &opt))
            return 1;
        t[k] = now() - t0;
        const px_brief_sentence *s = px_brief_sentences(b, &n_sent);
        n_src = 0;
        for (size_t j = 0; j < n_sent; j++)
            n_src += s[j].n_sources;
        px_brief_free(b);
    }
    qsort(t, runs, sizeof(double), cmp_double);
    printf("brief of %zu documents (--words %zu): median %.2f ms of %zu runs "
           "(min %.2f, max %.2f); %zu sentences, %zu sources\n",
           n, words, t[runs / 2] * 1e3, runs, t[0] * 1e3, t[runs - 1] * 1e3, n_sent, n_src);
    for (size_t k = 0; k < n; k++)
        px_doc_free(docs[k]);
    free(docs);
    free(t);
    return 0;
}
