/*
 * baselines.c - the summarisers the brief is measured against, in the
 * same run and on the same sentences: lead (the first article's opening
 * sentences), centroid (Radev et al. 2004: tf-idf cosine to the cluster
 * centroid, greedy with a redundancy filter, as in Hong et al.'s 2014
 * baseline repository) and LexRank (Erkan and Radev 2004: PageRank over
 * the tf-idf cosine graph thresholded at 0.1, same greedy filter).
 *
 * usage: brief_baselines lead|centroid|lexrank WORDS INPUT...
 * Prints one sentence a line, the last one cut at WORDS words. Uses only
 * the public API plus libstemmer (Porter stems, stopwords removed).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "parallax.h"

#define REDUNDANT 0.5
#define MIN_SENT_WORDS 5

static const char *const stop[] = {
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has",
    "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "more", "no",
    "not", "of", "on", "one", "or", "our", "out", "said", "she", "so", "than", "that",
    "the", "their", "them", "there", "they", "this", "to", "up", "was", "we", "were",
    "what", "when", "which", "who", "will", "with", "would", "you"};

typedef struct {
    char **w;
    size_t n, cap;
} vocab;

static int word_id(vocab *v, const char *s)
{
    for (size_t i = 0; i < v->n; i++) /* small clusters: linear is fine */
        if (!strcmp(v->w[i], s))
            return (int)i;
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 256;
        v->w = realloc(v->w, v->cap * sizeof(char *));
        if (!v->w)
            exit(1);
    }
    v->w[v->n] = strdup(s);
    return (int)v->n++;
}

typedef struct {
    size_t doc, start, end, words, pos;
    int *ids;
    size_t n_ids;
    double *vec; /* dense tf-idf */
    double norm;
} sent;

static size_t count_words(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        int ws = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        if (!ws && !in)
            n++;
        in = !ws;
    }
    return n;
}

static double dot(const double *a, const double *b, size_t n)
{
    double d = 0;
    for (size_t i = 0; i < n; i++)
        d += a[i] * b[i];
    return d;
}

static void print_cut(const char *s, size_t len, size_t *left)
{
    int in = 0;
    size_t i = 0;
    for (; i < len; i++) {
        int ws = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        if (!ws && !in) {
            if (!*left)
                break;
            (*left)--;
        }
        in = !ws;
        putchar(ws ? ' ' : s[i]);
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fputs("usage: brief_baselines lead|centroid|lexrank WORDS INPUT...\n", stderr);
        return 2;
    }
    const char *method = argv[1];
    size_t budget = strtoul(argv[2], NULL, 10);
    px_read_options ro = {0};
    px_reader *r;
    if (px_reader_new(&r, &ro))
        return 1;
    for (int i = 3; i < argc; i++)
        px_reader_add(r, argv[i]);
    px_doc **docs = NULL;
    size_t n_docs = 0;
    px_doc *d;
    while (px_reader_next(r, &d) == 1) {
        docs = realloc(docs, (n_docs + 1) * sizeof(*docs));
        docs[n_docs++] = d;
    }
    px_reader_free(r);

    struct sb_stemmer *st = sb_stemmer_new("porter", NULL);
    vocab v = {0};
    sent *S = NULL;
    size_t n = 0;
    for (size_t di = 0; di < n_docs; di++) {
        size_t nb, ns, nt;
        const px_block *b = px_doc_blocks(docs[di], &nb);
        const px_sentence *ss = px_doc_sentences(docs[di], &ns);
        const px_token *tk = px_doc_tokens(docs[di], &nt);
        px_str text = px_doc_text(docs[di]);
        size_t pos = 0;
        for (size_t si = 0; si < ns; si++) {
            px_block_kind k = b[ss[si].block].kind;
            if (k != PX_BLOCK_BODY && k != PX_BLOCK_STANDFIRST)
                continue;
            size_t words = count_words(text.ptr + ss[si].start, ss[si].end - ss[si].start);
            if (words < MIN_SENT_WORDS)
                continue;
            S = realloc(S, (n + 1) * sizeof(*S));
            sent *s = &S[n++];
            memset(s, 0, sizeof(*s));
            s->doc = di, s->start = ss[si].start, s->end = ss[si].end, s->words = words;
            s->pos = pos++;
            for (size_t t = ss[si].first_token; t < ss[si].first_token + ss[si].n_tokens; t++) {
                char buf[64];
                size_t len = 0;
                for (size_t c = tk[t].start; c < tk[t].end; c++) {
                    unsigned char ch = (unsigned char)text.ptr[c];
                    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                        (ch >= 'A' && ch <= 'Z')) {
                        if (len < sizeof buf - 1)
                            buf[len++] = (char)(ch | (ch >= 'A' && ch <= 'Z' ? 32 : 0));
                    } else if (len) {
                        break;
                    }
                }
                buf[len] = 0;
                if (len < 2)
                    continue;
                int is_stop = 0;
                for (size_t q = 0; q < sizeof stop / sizeof *stop && !is_stop; q++)
                    is_stop = !strcmp(stop[q], buf);
                if (is_stop)
                    continue;
                const sb_symbol *sm = sb_stemmer_stem(st, (const sb_symbol *)buf, (int)len);
                s->ids = realloc(s->ids, (s->n_ids + 1) * sizeof(int));
                s->ids[s->n_ids++] = word_id(&v, (const char *)sm);
            }
        }
    }
    /* idf over the cluster's documents */
    double *idf = calloc(v.n + 1, sizeof(double));
    size_t *df = calloc(v.n + 1, sizeof(size_t));
    size_t *last = calloc(v.n + 1, sizeof(size_t));
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < S[i].n_ids; k++)
            if (last[S[i].ids[k]] != S[i].doc + 1)
                last[S[i].ids[k]] = S[i].doc + 1, df[S[i].ids[k]]++;
    for (size_t w = 0; w < v.n; w++)
        idf[w] = log((double)(n_docs + 1) / (double)(df[w] + 0.5));
    double *centroid = calloc(v.n + 1, sizeof(double));
    for (size_t i = 0; i < n; i++) {
        S[i].vec = calloc(v.n + 1, sizeof(double));
        for (size_t k = 0; k < S[i].n_ids; k++)
            S[i].vec[S[i].ids[k]] += idf[S[i].ids[k]];
        for (size_t w = 0; w < v.n; w++)
            centroid[w] += S[i].vec[w] / (double)(n_docs ? n_docs : 1);
        S[i].norm = sqrt(dot(S[i].vec, S[i].vec, v.n));
    }
    double *score = calloc(n + 1, sizeof(double));
    if (!strcmp(method, "lead")) {
        for (size_t i = 0; i < n; i++)
            score[i] = S[i].doc == 0 ? 1.0 / (1.0 + (double)S[i].pos) : -1;
    } else if (!strcmp(method, "centroid")) {
        double cn = sqrt(dot(centroid, centroid, v.n));
        for (size_t i = 0; i < n; i++)
            score[i] = S[i].norm && cn ? dot(S[i].vec, centroid, v.n) / (S[i].norm * cn) : 0;
    } else if (!strcmp(method, "lexrank")) {
        size_t *deg = calloc(n + 1, sizeof(size_t));
        char *adj = calloc(n * n + 1, 1);
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++) {
                double c = S[i].norm && S[j].norm
                               ? dot(S[i].vec, S[j].vec, v.n) / (S[i].norm * S[j].norm)
                               : 0;
                if (c > 0.1)
                    adj[i * n + j] = 1, deg[i]++;
            }
        double *p = calloc(n + 1, sizeof(double)), *q = calloc(n + 1, sizeof(double));
        for (size_t i = 0; i < n; i++)
            p[i] = 1.0 / (double)n;
        for (int it = 0; it < 50; it++) {
            for (size_t j = 0; j < n; j++) {
                double s = 0;
                for (size_t i = 0; i < n; i++)
                    if (adj[i * n + j])
                        s += p[i] / (double)deg[i];
                q[j] = 0.15 / (double)n + 0.85 * s;
            }
            memcpy(p, q, n * sizeof(double));
        }
        memcpy(score, p, n * sizeof(double));
        free(p), free(q), free(deg), free(adj);
    } else {
        fprintf(stderr, "brief_baselines: unknown method '%s'\n", method);
        return 2;
    }
    /* greedy by score, skipping near-repeats; the last one is cut */
    size_t *chosen = calloc(n + 1, sizeof(size_t)), n_chosen = 0, left = budget;
    char *used = calloc(n + 1, 1);
    while (left) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (!used[i] && score[i] > 0 && (best == n || score[i] > score[best]))
                best = i;
        if (best == n)
            break;
        used[best] = 1;
        int dup = 0;
        for (size_t k = 0; k < n_chosen && !dup; k++) {
            sent *a = &S[chosen[k]], *b = &S[best];
            dup = a->norm && b->norm && dot(a->vec, b->vec, v.n) / (a->norm * b->norm) > REDUNDANT;
        }
        if (dup)
            continue;
        chosen[n_chosen++] = best;
        px_str text = px_doc_text(docs[S[best].doc]);
        print_cut(text.ptr + S[best].start, S[best].end - S[best].start, &left);
    }
    for (size_t i = 0; i < n; i++)
        free(S[i].ids), free(S[i].vec);
    for (size_t w = 0; w < v.n; w++)
        free(v.w[w]);
    free(v.w), free(S), free(idf), free(df), free(last), free(centroid), free(score);
    free(chosen), free(used);
    for (size_t i = 0; i < n_docs; i++)
        px_doc_free(docs[i]);
    free(docs);
    sb_stemmer_delete(st);
    return 0;
}
