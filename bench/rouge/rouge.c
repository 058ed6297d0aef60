/*
 * rouge.c - tokenising, n-gram counting and the ROUGE-N formulas of
 * ROUGE-1.5.5 (see rouge.h for the pipeline). N-grams are compared by
 * sorting each text's n-grams and walking the two sorted lists together:
 * summaries are a few hundred words, so this is simple and fast enough,
 * and needs no hash table.
 */
#include "rouge.h"

#include <errno.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rouge_ctx {
    rouge_options opt;
    size_t n_stop;
    const char **stop; /* sorted copy of the pointers, for bsearch */
    struct sb_stemmer *stemmer;
};

/* One n-gram: n consecutive tokens starting at tok. */
typedef struct {
    char *const *tok;
    size_t n;
} ngram;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int rouge_ctx_new(const rouge_options *opt, rouge_ctx **out)
{
    *out = NULL;
    if (!opt)
        return ROUGE_EINVAL;
    rouge_ctx *c = calloc(1, sizeof(*c));
    if (!c)
        return ROUGE_ENOMEM;
    c->opt = *opt;
    if (opt->stem) {
        c->stemmer = sb_stemmer_new("porter", NULL);
        if (!c->stemmer) {
            free(c);
            return ROUGE_ESTEMMER;
        }
    }
    if (opt->stopwords) {
        while (opt->stopwords[c->n_stop])
            c->n_stop++;
        c->stop = malloc((c->n_stop ? c->n_stop : 1) * sizeof(*c->stop));
        if (!c->stop) {
            rouge_ctx_free(c);
            return ROUGE_ENOMEM;
        }
        memcpy(c->stop, opt->stopwords, c->n_stop * sizeof(*c->stop));
        qsort(c->stop, c->n_stop, sizeof(*c->stop), cmp_str);
    }
    *out = c;
    return ROUGE_OK;
}

void rouge_ctx_free(rouge_ctx *ctx)
{
    if (!ctx)
        return;
    if (ctx->stemmer)
        sb_stemmer_delete(ctx->stemmer);
    free(ctx->stop);
    free(ctx);
}

void rouge_tokens_release(rouge_tokens *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->tok[i]);
    free(t->tok);
    t->tok = NULL;
    t->n = 0;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* [a-z0-9] after ASCII lowercasing; every other byte, UTF-8 included, is a
 * separator, as in ROUGE-1.5.5's s/[^A-Za-z0-9]/ /g on bytes. */
static int word_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_stopword(const rouge_ctx *ctx, const char *w)
{
    return ctx->n_stop && bsearch(&w, ctx->stop, ctx->n_stop, sizeof(*ctx->stop), cmp_str);
}

/* Appends word[0..len) (already lowercase) to t, stemmed when asked. */
static int push_token(rouge_ctx *ctx, rouge_tokens *t, size_t *cap, const char *word,
                      size_t len)
{
    char *tok = malloc(len + 1);
    if (!tok)
        return ROUGE_ENOMEM;
    memcpy(tok, word, len);
    tok[len] = '\0';
    if (is_stopword(ctx, tok)) {
        free(tok);
        return ROUGE_OK;
    }
    /* ROUGE-1.5.5 stems only words longer than 3 characters */
    if (ctx->stemmer && len > 3) {
        const sb_symbol *s = sb_stemmer_stem(ctx->stemmer, (const sb_symbol *)tok, (int)len);
        if (!s) {
            free(tok);
            return ROUGE_ENOMEM;
        }
        size_t slen = (size_t)sb_stemmer_length(ctx->stemmer);
        if (slen > len) { /* Porter never lengthens a word; be safe anyway */
            char *longer = realloc(tok, slen + 1);
            if (!longer) {
                free(tok);
                return ROUGE_ENOMEM;
            }
            tok = longer;
        }
        memcpy(tok, s, slen);
        tok[slen] = '\0';
    }
    if (t->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        char **ntok = realloc(t->tok, ncap * sizeof(*ntok));
        if (!ntok) {
            free(tok);
            return ROUGE_ENOMEM;
        }
        t->tok = ntok;
        *cap = ncap;
    }
    t->tok[t->n++] = tok;
    return ROUGE_OK;
}

int rouge_tokenize(rouge_ctx *ctx, const char *text, size_t len, rouge_tokens *out)
{
    rouge_tokens t = {NULL, 0};
    size_t cap = 0;
    size_t words = 0;
    char buf[256];
    size_t blen = 0;
    char *big = NULL; /* for a token longer than buf */
    size_t big_cap = 0;
    int rc = ROUGE_OK;

    out->tok = NULL;
    out->n = 0;
    if (!ctx || (!text && len))
        return ROUGE_EINVAL;
    size_t i = 0;
    while (i < len) {
        /* one whitespace-separated word: the unit of the word limit */
        while (i < len && is_space((unsigned char)text[i]))
            i++;
        if (i >= len)
            break;
        if (ctx->opt.word_limit && words == ctx->opt.word_limit)
            break;
        words++;
        size_t end = i;
        while (end < len && !is_space((unsigned char)text[end]))
            end++;
        /* the word's alphanumeric runs are the tokens */
        while (i < end) {
            while (i < end && !word_char((unsigned char)text[i]))
                i++;
            size_t s = i;
            while (i < end && word_char((unsigned char)text[i]))
                i++;
            size_t tl = i - s;
            if (!tl)
                continue;
            char *dst = buf;
            if (tl >= sizeof(buf)) {
                if (tl + 1 > big_cap) {
                    char *nb = realloc(big, tl + 1);
                    if (!nb) {
                        rc = ROUGE_ENOMEM;
                        goto done;
                    }
                    big = nb;
                    big_cap = tl + 1;
                }
                dst = big;
            }
            for (blen = 0; blen < tl; blen++)
                dst[blen] = (char)lower((unsigned char)text[s + blen]);
            rc = push_token(ctx, &t, &cap, dst, tl);
            if (rc != ROUGE_OK)
                goto done;
        }
        i = end;
    }
done:
    free(big);
    if (rc != ROUGE_OK) {
        rouge_tokens_release(&t);
        return rc;
    }
    *out = t;
    return ROUGE_OK;
}

static int cmp_ngram(const void *a, const void *b)
{
    const ngram *x = a, *y = b;
    for (size_t k = 0; k < x->n; k++) {
        int c = strcmp(x->tok[k], y->tok[k]);
        if (c)
            return c;
    }
    return 0;
}

/* The sorted n-grams of t (NULL with *count 0 when t is shorter than n). */
static int sorted_ngrams(const rouge_tokens *t, size_t n, ngram **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (t->n < n)
        return ROUGE_OK;
    size_t m = t->n - n + 1;
    ngram *g = malloc(m * sizeof(*g));
    if (!g)
        return ROUGE_ENOMEM;
    for (size_t i = 0; i < m; i++) {
        g[i].tok = t->tok + i;
        g[i].n = n;
    }
    qsort(g, m, sizeof(*g), cmp_ngram);
    *out = g;
    *count = m;
    return ROUGE_OK;
}

int rouge_ngram_count(const rouge_tokens *peer, const rouge_tokens *model, size_t n,
                      rouge_count *out)
{
    ngram *p = NULL, *m = NULL;
    size_t np = 0, nm = 0;
    int rc;

    out->hit = out->peer = out->model = 0;
    if (n == 0)
        return ROUGE_EINVAL;
    rc = sorted_ngrams(peer, n, &p, &np);
    if (rc == ROUGE_OK)
        rc = sorted_ngrams(model, n, &m, &nm);
    if (rc != ROUGE_OK)
        goto done;
    out->peer = np;
    out->model = nm;
    /* walk both sorted lists: each shared n-gram scores min of its counts */
    size_t i = 0, j = 0;
    while (i < np && j < nm) {
        int c = cmp_ngram(&p[i], &m[j]);
        if (c < 0) {
            i++;
        } else if (c > 0) {
            j++;
        } else {
            size_t a = 1, b = 1;
            while (i + a < np && !cmp_ngram(&p[i], &p[i + a]))
                a++;
            while (j + b < nm && !cmp_ngram(&m[j], &m[j + b]))
                b++;
            out->hit += a < b ? a : b;
            i += a;
            j += b;
        }
    }
done:
    free(p);
    free(m);
    return rc;
}

rouge_prf rouge_prf_of(size_t hit, size_t peer, size_t model)
{
    rouge_prf s = {0.0, 0.0, 0.0};
    if (model)
        s.r = (double)hit / (double)model;
    if (peer)
        s.p = (double)hit / (double)peer;
    if (s.p + s.r > 0)
        s.f = 2.0 * s.p * s.r / (s.p + s.r);
    return s;
}

int rouge_score(const rouge_tokens *peer, const rouge_tokens *refs, size_t n_refs,
                size_t max_n, rouge_mode mode, rouge_prf *out, rouge_count *counts)
{
    if (!peer || (!refs && n_refs) || !max_n || !out)
        return ROUGE_EINVAL;
    if (mode != ROUGE_POOLED && mode != ROUGE_BEST && mode != ROUGE_MEAN)
        return ROUGE_EINVAL;
    for (size_t n = 1; n <= max_n; n++) {
        size_t hit = 0, sp = 0, sm = 0;
        rouge_prf mean = {0.0, 0.0, 0.0}, best = {-1.0, 0.0, 0.0};
        for (size_t j = 0; j < n_refs; j++) {
            rouge_count c;
            int rc = rouge_ngram_count(peer, &refs[j], n, &c);
            if (rc != ROUGE_OK)
                return rc;
            if (counts)
                counts[(n - 1) * n_refs + j] = c;
            hit += c.hit;
            sp += c.peer;
            sm += c.model;
            rouge_prf s = rouge_prf_of(c.hit, c.peer, c.model);
            mean.r += s.r;
            mean.p += s.p;
            mean.f += s.f;
            if (s.r > best.r)
                best = s;
        }
        if (mode == ROUGE_POOLED) {
            out[n - 1] = rouge_prf_of(hit, sp, sm);
        } else if (mode == ROUGE_MEAN) {
            if (n_refs) {
                mean.r /= (double)n_refs;
                mean.p /= (double)n_refs;
                mean.f /= (double)n_refs;
            }
            out[n - 1] = mean;
        } else {
            out[n - 1] = n_refs ? best : mean;
        }
    }
    return ROUGE_OK;
}

int rouge_read_file(const char *path, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return ROUGE_EIO;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int rc = ROUGE_OK;
    if (!buf) {
        rc = ROUGE_ENOMEM;
        goto done;
    }
    for (;;) {
        if (cap - n < 2) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                rc = ROUGE_ENOMEM;
                goto done;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        rc = ROUGE_EIO;
        goto done;
    }
    buf[n] = '\0';
done:;
    int saved = errno;
    fclose(f);
    if (rc != ROUGE_OK) {
        free(buf);
        errno = saved;
        return rc;
    }
    *out = buf;
    *len = n;
    return ROUGE_OK;
}

void rouge_stopwords_free(char **words)
{
    if (!words)
        return;
    for (size_t i = 0; words[i]; i++)
        free(words[i]);
    free(words);
}

int rouge_stopwords_read(const char *path, char ***out)
{
    char *text = NULL;
    size_t len = 0;
    char **words = NULL;
    size_t n = 0, cap = 0;
    *out = NULL;
    int rc = rouge_read_file(path, &text, &len);
    if (rc != ROUGE_OK)
        return rc;
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        size_t s = i;
        i = e + 1;
        while (s < e && is_space((unsigned char)text[s]))
            s++;
        while (e > s && is_space((unsigned char)text[e - 1]))
            e--;
        if (s == e || text[s] == '#')
            continue;
        if (n + 1 >= cap) {
            size_t ncap = cap ? cap * 2 : 128;
            char **nw = realloc(words, ncap * sizeof(*nw));
            if (!nw) {
                rc = ROUGE_ENOMEM;
                goto done;
            }
            words = nw;
            cap = ncap;
        }
        char *w = malloc(e - s + 1);
        if (!w) {
            rc = ROUGE_ENOMEM;
            goto done;
        }
        for (size_t k = 0; k < e - s; k++)
            w[k] = (char)lower((unsigned char)text[s + k]);
        w[e - s] = '\0';
        words[n++] = w;
        words[n] = NULL;
    }
    if (!words) {
        words = calloc(1, sizeof(*words));
        if (!words)
            rc = ROUGE_ENOMEM;
    }
done:
    free(text);
    if (rc != ROUGE_OK) {
        if (words) {
            words[n] = NULL;
            rouge_stopwords_free(words);
        }
        return rc;
    }
    *out = words;
    return ROUGE_OK;
}

const char *rouge_strerror(int status)
{
    switch (status) {
    case ROUGE_OK:
        return "success";
    case ROUGE_ENOMEM:
        return "out of memory";
    case ROUGE_EIO:
        return "cannot read file";
    case ROUGE_ESTEMMER:
        return "libstemmer has no porter stemmer";
    case ROUGE_EINVAL:
        return "invalid argument";
    default:
        return "unknown error";
    }
}
