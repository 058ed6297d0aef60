/*
 * cli.h - what the verbs of the parallax command share: printing
 * diagnostics, opening the inputs, choosing an output format, and the
 * exit codes (0 ok, 1 input problems reported, 2 usage). The CLI uses
 * only the public header.
 */
#ifndef PX_CLI_H
#define PX_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "parallax.h"

enum { CLI_OK = 0, CLI_INPUT = 1, CLI_USAGE = 2 };

typedef struct cli_ctx {
    const char *verb;
    bool quiet;   /* --quiet: no warnings on stderr (still counted) */
    bool strict;  /* --strict: stop at the first input problem */
    size_t n_warnings, n_errors;
    bool stop;    /* set by --strict on the first problem */
} cli_ctx;

/* The px_diag_fn the verbs use: "parallax: FILE:LINE: warning: ...". */
void cli_diag(void *ctx, const px_diag *d);

/* Reports a usage error and returns CLI_USAGE. */
int cli_usage_error(const char *verb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Opens a reader over paths[0..n); n == 0 is a usage error (message
 * printed). Returns CLI_OK or CLI_USAGE. */
int cli_open_reader(cli_ctx *ctx, char **paths, int n, px_reader **out);

/* Next document, honouring --strict. 1 doc, 0 end, <0 fatal (message
 * printed). */
int cli_next(cli_ctx *ctx, px_reader *r, px_doc **out);

/* The exit code for a finished run: fatal status, problems, or OK. */
int cli_exit_code(cli_ctx *ctx, int fatal);

/* Opens -o FILE (or stdout for NULL / "-"); NULL and a message on
 * failure. */
FILE *cli_open_output(const char *path);
/* Closes an output opened by cli_open_output; false on a write error
 * (message printed). */
bool cli_close_output(FILE *f, const char *path);

/* Matches a --format value against allowed names; -1 if none. */
int cli_format(const char *value, const char *const *allowed);

/* True for "-h" and "--help". */
bool cli_is_help(const char *arg);

/* Parses a non-negative integer option value; false if malformed. */
bool cli_parse_size(const char *s, size_t *out);

/* Verbs: each is int cmd_NAME(int argc, char **argv), argv[0] the verb. */
int cmd_read(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_dates(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_brief(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif /* PX_CLI_H */
