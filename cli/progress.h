/*
 * progress.h - a one-line progress display on standard error for long
 * runs (documents, MB/s, ETA from the total size of the inputs); silent
 * when standard error is not a terminal.
 */
#ifndef PX_CLI_PROGRESS_H
#define PX_CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cli_progress {
    bool on;
    double start, last;
    unsigned long long total; /* bytes of the inputs, 0 when unknown */
    const char *stage;        /* the last stage shown */
} cli_progress;

/* Starts a display over the input paths (sizes summed for the ETA). */
void cli_progress_start(cli_progress *p, char **paths, int n);
/* Updates at most a few times a second. */
void cli_progress_update(cli_progress *p, size_t docs, size_t bytes);
/* Shows a stage of the work after reading ("report: quotations, 1200 of
 * 5000 articles"); a new stage shows at once, steps a few times a
 * second. n_steps 0 or 1: no count. */
void cli_progress_stage(cli_progress *p, const char *verb, const char *stage, size_t step, size_t n_steps);
/* Clears the line. */
void cli_progress_end(cli_progress *p);

#endif
