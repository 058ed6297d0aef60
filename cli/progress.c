/*
 * progress.c - the progress line of long runs (see progress.h).
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned long long path_size(const char *path, int depth)
{
    struct stat st;
    if (depth > 32 || stat(path, &st))
        return 0;
    if (S_ISREG(st.st_mode))
        return (unsigned long long)st.st_size;
    if (!S_ISDIR(st.st_mode))
        return 0;
    DIR *d = opendir(path);
    if (!d)
        return 0;
    unsigned long long sum = 0;
    struct dirent *e;
    char sub[4096];
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) < (int)sizeof sub)
            sum += path_size(sub, depth + 1);
    }
    closedir(d);
    return sum;
}

void cli_progress_start(cli_progress *p, char **paths, int n)
{
    memset(p, 0, sizeof *p);
    p->on = isatty(2);
    if (!p->on)
        return;
    p->start = p->last = now();
    for (int i = 0; i < n; i++)
        if (strcmp(paths[i], "-"))
            p->total += path_size(paths[i], 0);
}

void cli_progress_update(cli_progress *p, size_t docs, size_t bytes)
{
    if (!p->on)
        return;
    double t = now();
    if (t - p->last < 0.25)
        return;
    p->last = t;
    double el = t - p->start;
    double mbs = el > 0 ? bytes / 1e6 / el : 0;
    char eta[32] = "?";
    if (p->total && bytes && bytes <= p->total) {
        double left = el * (double)(p->total - bytes) / (double)bytes;
        snprintf(eta, sizeof eta, "%dm%02ds", (int)(left / 60), (int)left % 60);
    }
    fprintf(stderr, "\r%zu documents, %.1f MB, %.1f MB/s, ETA %s   ", docs, bytes / 1e6, mbs,
            eta);
    fflush(stderr);
}

void cli_progress_stage(cli_progress *p, const char *verb, const char *stage, size_t step, size_t n_steps)
{
    if (!p->on)
        return;
    double t = now();
    if (stage == p->stage && t - p->last < 0.25)
        return;
    p->stage = stage;
    p->last = t;
    if (n_steps > 1)
        fprintf(stderr, "\r\033[K%s: %s, %zu of %zu articles, %.0f s", verb, stage, step, n_steps, t - p->start);
    else
        fprintf(stderr, "\r\033[K%s: %s, %.0f s", verb, stage, t - p->start);
    fflush(stderr);
}

void cli_progress_end(cli_progress *p)
{
    if (p->on)
        fputs("\r\033[K", stderr);
    p->on = false;
}
