/*
 * main.c - the rouge command: ROUGE-N recall, precision and F of one
 * summary against one or more reference summaries, ROUGE-1.5.5 style
 * ("-n 2 -m -l 100" by default), or of every summary of a folder against
 * the references of its document set (--dir). See bench/README.md.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rouge.h"

#define MAX_N 9

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef struct {
    rouge_options opt;
    size_t max_n;
    rouge_mode mode;
    int verbose;
    const char *stop_path;
    const char *peers_dir;
    const char *models_dir;
    char **files; /* borrowed from argv */
    int n_files;
} cli_args;

static void usage(FILE *f)
{
    fputs("usage: rouge [-l N] [-n N] [-f A|B|M] [-m|-M] [-s FILE] [-v] SUMMARY REF...\n"
          "       rouge [options] --dir PEERS_DIR MODELS_DIR\n"
          "\n"
          "ROUGE-1..N of SUMMARY against the reference summaries, as ROUGE-1.5.5\n"
          "computes them with -n 2 -m -l 100: lowercase, every character that is not\n"
          "a-z or 0-9 becomes a space, Porter stemming of words longer than 3\n"
          "letters, summary and references cut after the first N words.\n"
          "\n"
          "  -l N      keep the first N whitespace-separated words (default 100;\n"
          "            0 keeps every word)\n"
          "  -n N      report ROUGE-1 up to ROUGE-N (default 2, at most 9)\n"
          "  -f A      several references, ROUGE-1.5.5's default: sum the hits and\n"
          "            n-gram counts over references, then divide (default)\n"
          "  -f M      plain mean of the per-reference R, P and F\n"
          "  -f B      the reference giving the highest recall\n"
          "  -m        Porter stemming (the default)\n"
          "  -M        no stemming\n"
          "  -s FILE   remove the stopwords listed in FILE (one a line)\n"
          "  -v        also print each reference's n-gram counts\n"
          "  --dir P M score every file of folder P against the files of folder M\n"
          "            whose name starts with the same document-set id (the part of\n"
          "            the name before its first '.'), then print the mean\n"
          "\n"
          "Exit status: 0 ok, 1 a file could not be read, 2 usage error.\n",
          f);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    if (!s || !*s || *s == '-')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* Returns -1 after printing a usage error, 1 for --help, 0 otherwise. */
static int parse_args(int argc, char **argv, cli_args *a)
{
    a->opt.word_limit = 100;
    a->opt.stem = 1;
    a->opt.stopwords = NULL;
    a->max_n = 2;
    a->mode = ROUGE_POOLED;
    int i = 1;
    for (; i < argc; i++) {
        const char *s = argv[i];
        if (!strcmp(s, "--")) {
            i++;
            break;
        }
        if (s[0] != '-' || !s[1])
            break;
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            return 1;
        } else if (!strcmp(s, "-l")) {
            if (parse_size(val, &a->opt.word_limit)) {
                fprintf(stderr, "rouge: -l needs a word count\n");
                return -1;
            }
            i++;
        } else if (!strcmp(s, "-n")) {
            if (parse_size(val, &a->max_n) || a->max_n < 1 || a->max_n > MAX_N) {
                fprintf(stderr, "rouge: -n needs a number from 1 to %d\n", MAX_N);
                return -1;
            }
            i++;
        } else if (!strcmp(s, "-f")) {
            if (!val || strlen(val) != 1 || !strchr("ABM", val[0])) {
                fprintf(stderr, "rouge: -f needs A, B or M\n");
                return -1;
            }
            a->mode = (rouge_mode)val[0];
            i++;
        } else if (!strcmp(s, "-m")) {
            a->opt.stem = 1;
        } else if (!strcmp(s, "-M")) {
            a->opt.stem = 0;
        } else if (!strcmp(s, "-s")) {
            if (!val) {
                fprintf(stderr, "rouge: -s needs a stopword file\n");
                return -1;
            }
            a->stop_path = val;
            i++;
        } else if (!strcmp(s, "-v")) {
            a->verbose = 1;
        } else if (!strcmp(s, "--dir")) {
            if (i + 2 >= argc) {
                fprintf(stderr, "rouge: --dir needs PEERS_DIR and MODELS_DIR\n");
                return -1;
            }
            a->peers_dir = argv[i + 1];
            a->models_dir = argv[i + 2];
            i += 2;
        } else {
            fprintf(stderr, "rouge: unknown option %s\n", s);
            return -1;
        }
    }
    a->files = argv + i;
    a->n_files = argc - i;
    if (a->peers_dir ? a->n_files != 0 : a->n_files < 2) {
        fprintf(stderr, a->peers_dir ? "rouge: --dir takes no other files\n"
                                     : "rouge: need a summary and at least one reference\n");
        return -1;
    }
    return 0;
}

/* Reads and tokenises one file; prints the reason on failure. */
static int load_tokens(rouge_ctx *ctx, const char *path, rouge_tokens *out)
{
    char *text = NULL;
    size_t len = 0;
    int rc = rouge_read_file(path, &text, &len);
    if (rc == ROUGE_EIO) {
        fprintf(stderr, "rouge: %s: %s\n", path, strerror(errno));
        return rc;
    }
    if (rc == ROUGE_OK)
        rc = rouge_tokenize(ctx, text, len, out);
    free(text);
    if (rc != ROUGE_OK)
        fprintf(stderr, "rouge: %s: %s\n", path, rouge_strerror(rc));
    return rc;
}

static void print_scores(const char *prefix, const rouge_prf *s, size_t max_n)
{
    for (size_t n = 1; n <= max_n; n++)
        printf("%sROUGE-%zu R: %.5f P: %.5f F: %.5f\n", prefix, n, s[n - 1].r,
               s[n - 1].p, s[n - 1].f);
}

/* Scores the peer file against the reference files; fills out[max_n]. */
static int score_files(rouge_ctx *ctx, const cli_args *a, const char *peer_path,
                       char *const *ref_paths, size_t n_refs, rouge_prf *out)
{
    rouge_tokens peer = {NULL, 0};
    rouge_tokens *refs = calloc(n_refs, sizeof(*refs));
    rouge_count *counts = calloc(n_refs * a->max_n, sizeof(*counts));
    int rc = ROUGE_OK;
    if (!refs || !counts) {
        rc = ROUGE_ENOMEM;
        fprintf(stderr, "rouge: %s\n", rouge_strerror(rc));
        goto done;
    }
    rc = load_tokens(ctx, peer_path, &peer);
    for (size_t j = 0; rc == ROUGE_OK && j < n_refs; j++)
        rc = load_tokens(ctx, ref_paths[j], &refs[j]);
    if (rc != ROUGE_OK)
        goto done;
    rc = rouge_score(&peer, refs, n_refs, a->max_n, a->mode, out, counts);
    if (rc != ROUGE_OK) {
        fprintf(stderr, "rouge: %s\n", rouge_strerror(rc));
        goto done;
    }
    if (a->verbose) {
        printf("peer %s: %zu tokens\n", peer_path, peer.n);
        for (size_t j = 0; j < n_refs; j++) {
            printf("reference %zu %s: %zu tokens\n", j + 1, ref_paths[j], refs[j].n);
            for (size_t n = 1; n <= a->max_n; n++) {
                rouge_count c = counts[(n - 1) * n_refs + j];
                rouge_prf s = rouge_prf_of(c.hit, c.peer, c.model);
                printf("  ROUGE-%zu hit %zu peer %zu reference %zu  R: %.5f P: %.5f F: %.5f\n",
                       n, c.hit, c.peer, c.model, s.r, s.p, s.f);
            }
        }
    }
done:
    rouge_tokens_release(&peer);
    for (size_t j = 0; refs && j < n_refs; j++)
        rouge_tokens_release(&refs[j]);
    free(refs);
    free(counts);
    return rc;
}

static int cmp_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The sorted paths "dir/name" of the regular files of dir (no dot files). */
static int list_files(const char *dir, char ***out, size_t *count)
{
    *out = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "rouge: %s: %s\n", dir, strerror(errno));
        return ROUGE_EIO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = ROUGE_OK;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + 1 + strlen(e->d_name) + 1;
        char *path = malloc(len);
        if (!path) {
            rc = ROUGE_ENOMEM;
            break;
        }
        snprintf(path, len, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **nn = realloc(names, ncap * sizeof(*nn));
            if (!nn) {
                free(path);
                rc = ROUGE_ENOMEM;
                break;
            }
            names = nn;
            cap = ncap;
        }
        names[n++] = path;
    }
    closedir(d);
    if (rc != ROUGE_OK) {
        free_names(names, n);
        fprintf(stderr, "rouge: %s\n", rouge_strerror(rc));
        return rc;
    }
    if (n)
        qsort(names, n, sizeof(*names), cmp_name);
    *out = names;
    *count = n;
    return ROUGE_OK;
}

/* The document-set id of a path: its file name up to the first '.'. */
static size_t set_id(const char *path, const char **start)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    *start = base;
    const char *dot = strchr(base, '.');
    return dot ? (size_t)(dot - base) : strlen(base);
}

static int run_dir(rouge_ctx *ctx, const cli_args *a)
{
    char **peers = NULL, **models = NULL, **refs = NULL;
    size_t n_peers = 0, n_models = 0, scored = 0, skipped = 0;
    rouge_prf sum[MAX_N] = {{0}};
    int status = EXIT_OK;

    if (list_files(a->peers_dir, &peers, &n_peers) ||
        list_files(a->models_dir, &models, &n_models)) {
        status = EXIT_INPUT;
        goto done;
    }
    refs = malloc((n_models ? n_models : 1) * sizeof(*refs));
    if (!refs) {
        fprintf(stderr, "rouge: %s\n", rouge_strerror(ROUGE_ENOMEM));
        status = EXIT_INPUT;
        goto done;
    }
    for (size_t i = 0; i < n_peers; i++) {
        const char *pid, *mid;
        size_t plen = set_id(peers[i], &pid), n_refs = 0;
        for (size_t j = 0; j < n_models; j++) {
            size_t mlen = set_id(models[j], &mid);
            if (mlen == plen && !strncmp(pid, mid, plen))
                refs[n_refs++] = models[j];
        }
        if (!n_refs) {
            fprintf(stderr, "rouge: %s: no reference named %.*s.* in %s: skipped\n",
                    peers[i], (int)plen, pid, a->models_dir);
            skipped++;
            continue;
        }
        rouge_prf s[MAX_N];
        if (score_files(ctx, a, peers[i], refs, n_refs, s) != ROUGE_OK) {
            skipped++;
            continue;
        }
        const char *base = strrchr(peers[i], '/');
        char prefix[512];
        snprintf(prefix, sizeof(prefix), "%s (%zu refs) ", base ? base + 1 : peers[i], n_refs);
        print_scores(prefix, s, a->max_n);
        for (size_t n = 0; n < a->max_n; n++) {
            sum[n].r += s[n].r;
            sum[n].p += s[n].p;
            sum[n].f += s[n].f;
        }
        scored++;
    }
    for (size_t n = 0; scored && n < a->max_n; n++) {
        sum[n].r /= (double)scored;
        sum[n].p /= (double)scored;
        sum[n].f /= (double)scored;
    }
    printf("%zu summaries scored, %zu skipped\n", scored, skipped);
    print_scores("Average ", sum, a->max_n);
    if (skipped || !scored)
        status = EXIT_INPUT;
done:
    free(refs);
    free_names(peers, n_peers);
    free_names(models, n_models);
    return status;
}

int main(int argc, char **argv)
{
    cli_args a;
    memset(&a, 0, sizeof(a));
    int p = parse_args(argc, argv, &a);
    if (p > 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (p < 0) {
        fputs("usage: rouge [-l N] [-n N] [-f A|B|M] [-m|-M] [-s FILE] [-v] SUMMARY REF...\n"
              "       rouge [options] --dir PEERS_DIR MODELS_DIR\n"
              "Run 'rouge --help' for the options.\n",
              stderr);
        return EXIT_USAGE;
    }
    char **stop = NULL;
    rouge_ctx *ctx = NULL;
    int status = EXIT_OK;
    if (a.stop_path) {
        int rc = rouge_stopwords_read(a.stop_path, &stop);
        if (rc != ROUGE_OK) {
            fprintf(stderr, "rouge: %s: %s\n", a.stop_path,
                    rc == ROUGE_EIO ? strerror(errno) : rouge_strerror(rc));
            return EXIT_INPUT;
        }
        a.opt.stopwords = (const char *const *)stop;
    }
    int rc = rouge_ctx_new(&a.opt, &ctx);
    if (rc != ROUGE_OK) {
        fprintf(stderr, "rouge: %s\n", rouge_strerror(rc));
        status = EXIT_INPUT;
        goto done;
    }
    if (a.peers_dir) {
        status = run_dir(ctx, &a);
    } else {
        rouge_prf s[MAX_N];
        if (score_files(ctx, &a, a.files[0], a.files + 1, (size_t)a.n_files - 1, s) != ROUGE_OK)
            status = EXIT_INPUT;
        else
            print_scores("", s, a.max_n);
    }
done:
    rouge_ctx_free(ctx);
    rouge_stopwords_free(stop);
    return status;
}
