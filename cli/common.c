/*
 * common.c - the pieces every verb shares: diagnostics on standard
 * error, opening inputs and outputs, exit codes.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_diag(void *ud, const px_diag *d)
{
    cli_ctx *ctx = ud;
    /* a note says what was passed over on purpose: not a problem */
    if (d->severity == PX_SEV_ERROR)
        ctx->n_errors++;
    else if (d->severity == PX_SEV_WARNING)
        ctx->n_warnings++;
    if (ctx->strict && d->severity != PX_SEV_NOTE)
        ctx->stop = true;
    if (ctx->quiet)
        return;
    const char *sev = d->severity == PX_SEV_ERROR     ? "error"
                      : d->severity == PX_SEV_WARNING ? "warning"
                                                      : "note";
    if (d->line)
        fprintf(stderr, "parallax: %s:%zu: %s: %s", d->file, d->line, sev, d->message);
    else
        fprintf(stderr, "parallax: %s: %s: %s", d->file, sev, d->message);
    if (d->doc && !strstr(d->message, d->doc))
        fprintf(stderr, " [doc %s]", d->doc);
    fputc('\n', stderr);
}

int cli_usage_error(const char *verb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "parallax %s: ", verb ? verb : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'parallax %s --help'.\n", verb ? verb : "");
    return CLI_USAGE;
}

int cli_open_reader(cli_ctx *ctx, char **paths, int n, px_reader **out)
{
    *out = NULL;
    if (n <= 0)
        return cli_usage_error(ctx->verb, "no input given (files, folders or - for stdin)");
    px_read_options opt = {cli_diag, ctx, PX_FORMAT_AUTO, 0};
    if (px_reader_new(out, &opt)) {
        fprintf(stderr, "parallax: out of memory\n");
        return CLI_INPUT;
    }
    for (int i = 0; i < n; i++)
        if (px_reader_add(*out, paths[i])) {
            fprintf(stderr, "parallax: out of memory\n");
            return CLI_INPUT;
        }
    return CLI_OK;
}

int cli_next(cli_ctx *ctx, px_reader *r, px_doc **out)
{
    *out = NULL;
    if (ctx->stop)
        return 0;
    int rc = px_reader_next(r, out);
    if (rc < 0)
        fprintf(stderr, "parallax: %s\n", px_strerror(rc));
    if (rc == 1 && ctx->stop) {
        /* --strict: the document that raised a problem is not used */
        px_doc_free(*out);
        *out = NULL;
        return 0;
    }
    return rc;
}

int cli_exit_code(cli_ctx *ctx, int fatal)
{
    if (fatal < 0)
        return CLI_INPUT;
    return ctx->n_errors || ctx->n_warnings ? CLI_INPUT : CLI_OK;
}

FILE *cli_open_output(const char *path)
{
    if (!path || !strcmp(path, "-"))
        return stdout;
    FILE *f = fopen(path, "wb");
    if (!f)
        fprintf(stderr, "parallax: cannot write %s: %s\n", path, strerror(errno));
    return f;
}

bool cli_close_output(FILE *f, const char *path)
{
    bool ok = !ferror(f);
    if (f == stdout)
        ok = fflush(f) == 0 && ok;
    else
        ok = fclose(f) == 0 && ok;
    if (!ok)
        fprintf(stderr, "parallax: write error on %s: %s\n", path ? path : "standard output",
                strerror(errno));
    return ok;
}

int cli_format(const char *value, const char *const *allowed)
{
    for (int i = 0; allowed[i]; i++)
        if (!strcmp(value, allowed[i]))
            return i;
    return -1;
}

bool cli_is_help(const char *arg)
{
    return !strcmp(arg, "-h") || !strcmp(arg, "--help");
}

bool cli_parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (!*s || *end || errno || s[0] == '-')
        return false;
    *out = (size_t)v;
    return true;
}
