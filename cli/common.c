/*
 * common.c - the pieces every verb shares: the option parser (driven by
 * the verb's row of cli_verbs[]), the input loop over files, folders and
 * standard input, diagnostics on standard error, outputs, exit codes.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "progress.h"

/* ---- the option parser ---- */

static int usage(cli_opts *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int usage(cli_opts *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->error, sizeof o->error, fmt, ap);
    va_end(ap);
    return CLI_USAGE;
}

/* "--format needs jsonl or text", "... text, jsonl or md" */
static int format_error(cli_opts *o, const char *const *formats)
{
    size_t n = 0, len;
    while (formats[n])
        n++;
    len = (size_t)snprintf(o->error, sizeof o->error, "--format needs ");
    for (size_t i = 0; i < n && len < sizeof o->error; i++)
        len += (size_t)snprintf(o->error + len, sizeof o->error - len, "%s%s",
                                i == 0 ? "" : i + 1 == n ? " or " : ", ", formats[i]);
    return CLI_USAGE;
}

static bool parse_size(const char *s, size_t *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return false;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || errno)
        return false;
    *out = (size_t)v;
    return true;
}

static bool parse_double(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end)
        return false;
    *out = v;
    return true;
}

/* YYYY-MM-DD naming a day of the calendar, as px_dates_find wants it */
static bool is_date(const char *s)
{
    if (strlen(s) != 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
            return false;
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && leap);
}

static const cli_option *find_option(const cli_verb *v, const char *a)
{
    for (const cli_option *op = v->options; op && op->long_name; op++)
        if (!strcmp(a, op->long_name) || (op->short_name && !strcmp(a, op->short_name)))
            return op;
    return NULL;
}

/* Stores the value VAL (NULL when missing) of option OP. */
static int set_option(const cli_verb *v, const cli_option *op, const char *val, cli_opts *o)
{
    char *field = (char *)o + op->field;
    size_t n;
    double d;
    int k;
    switch (op->arg) {
    case CLI_FLAG:
        *(bool *)field = true;
        return CLI_OK;
    case CLI_SET:
        *(int *)field = op->set;
        return CLI_OK;
    case CLI_STR:
        if (!val)
            break;
        *(const char **)field = val;
        return CLI_OK;
    case CLI_FORMAT:
        for (k = 0; val && v->formats && v->formats[k]; k++)
            if (!strcmp(val, v->formats[k])) {
                *(int *)field = k;
                return CLI_OK;
            }
        return format_error(o, v->formats);
    case CLI_SIZE:
        if (!val || !parse_size(val, &n) || (double)n < op->min || (op->max && (double)n > op->max))
            break;
        *(size_t *)field = n;
        return CLI_OK;
    case CLI_DOUBLE:
        if (!val || !parse_double(val, &d) || !(d > op->min && d <= op->max))
            break;
        *(double *)field = d;
        return CLI_OK;
    case CLI_DATE:
        if (!val || !is_date(val))
            break;
        *(const char **)field = val;
        return CLI_OK;
    }
    return usage(o, "%s", op->error);
}

int cli_parse(const cli_verb *v, int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->verb = v->name;
    o->inputs = calloc(argc > 0 ? (size_t)argc : 1, sizeof *o->inputs);
    if (!o->inputs)
        return snprintf(o->error, sizeof o->error, "out of memory"), CLI_INPUT;
    bool options = true; /* until "--": what follows it is an input */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options && !strcmp(a, "--")) {
            options = false;
            continue;
        }
        if (options && cli_is_help(a)) {
            o->help = true;
            return CLI_OK;
        }
        /* "--format=text" as "--format text" */
        char name[64];
        const char *eq = options && !strncmp(a, "--", 2) ? strchr(a, '=') : NULL;
        if (eq && (size_t)(eq - a) < sizeof name) {
            memcpy(name, a, (size_t)(eq - a));
            name[eq - a] = '\0';
        }
        const cli_option *op = !options ? NULL : eq ? find_option(v, name) : find_option(v, a);
        if (op && eq && !op->value)
            return usage(o, "%s takes no value", name);
        if (op) {
            const char *val = NULL;
            if (eq)
                val = eq + 1;
            else if (op->value && i + 1 < argc)
                val = argv[++i];
            int rc = set_option(v, op, val, o);
            if (rc)
                return rc;
        } else if (options && a[0] == '-' && a[1]) {
            return usage(o, "unknown option '%s'", a);
        } else if (v->max_inputs && o->n_inputs == v->max_inputs) {
            return usage(o, "too many arguments");
        } else {
            o->inputs[o->n_inputs++] = argv[i];
        }
    }
    return CLI_OK;
}

void cli_opts_release(cli_opts *o)
{
    free(o->inputs);
    o->inputs = NULL;
    o->n_inputs = 0;
}

const cli_verb *cli_verb_find(const char *name)
{
    for (int i = 0; i < CLI_N_VERBS; i++)
        if (!strcmp(name, cli_verbs[i].name))
            return &cli_verbs[i];
    return NULL;
}

bool cli_is_help(const char *arg)
{
    return !strcmp(arg, "-h") || !strcmp(arg, "--help");
}

/* ---- diagnostics ---- */

/* Whether the message names the document already ("renamed \"dup~2\"",
 * "named feed:3"): the id as a whole word, not inside one (a document
 * "x" is not named by "text"). */
static bool names_doc(const char *msg, const char *id)
{
    size_t n = strlen(id);
    if (!n)
        return true;
    for (const char *p = strstr(msg, id); p; p = strstr(p + 1, id)) {
        bool before = p == msg || !isalnum((unsigned char)p[-1]);
        bool after = !isalnum((unsigned char)p[n]);
        if (before && after)
            return true;
    }
    return false;
}

void cli_diag(void *ud, const px_diag *d)
{
    cli_ctx *ctx = ud;
    /* --strict stopped at the first problem: what the reader meets while
     * it finishes the record it is in is not part of the run */
    if (ctx->stop)
        return;
    /* a note says what was passed over on purpose: not a problem */
    if (d->severity == PX_SEV_ERROR)
        ctx->n_errors++;
    else if (d->severity == PX_SEV_WARNING)
        ctx->n_warnings++;
    if (ctx->opt->strict && d->severity != PX_SEV_NOTE)
        ctx->stop = true;
    if (ctx->opt->quiet)
        return;
    const char *sev = d->severity == PX_SEV_ERROR     ? "error"
                      : d->severity == PX_SEV_WARNING ? "warning"
                                                      : "note";
    if (!d->file)
        fprintf(stderr, "parallax: %s: %s", sev, d->message);
    else if (d->line)
        fprintf(stderr, "parallax: %s:%zu: %s: %s", d->file, d->line, sev, d->message);
    else
        fprintf(stderr, "parallax: %s: %s: %s", d->file, sev, d->message);
    if (d->doc && !names_doc(d->message, d->doc))
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

/* ---- the input loop ---- */

/* path lies in folder (both as realpath gives them) */
static bool lies_in(const char *path, const char *folder)
{
    size_t len = strlen(folder);
    return !strncmp(path, folder, len) && (path[len] == '/' || (len && folder[len - 1] == '/'));
}

/* -o must not name an input (it would be emptied before it is read), nor,
 * for a verb that writes as it reads, lie in an input folder (the walk
 * would read the output back as it is written). A usage error or 0. */
static int check_output(const cli_ctx *ctx, char **paths, int n)
{
    const char *out = ctx->opt->out_path;
    if (!out || !strcmp(out, "-"))
        return CLI_OK;
    struct stat os, is;
    bool exists = stat(out, &os) == 0;
    char *out_dir = NULL, *in_dir = NULL;
    int rc = CLI_OK;
    for (int i = 0; i < n && !rc; i++) {
        if (!strcmp(paths[i], "-") || stat(paths[i], &is))
            continue;
        if (exists && !S_ISDIR(os.st_mode) && is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
            rc = cli_usage_error(ctx->opt->verb, "-o %s is also an input: it would be "
                                 "overwritten before it is read", out);
        } else if (ctx->streams && S_ISDIR(is.st_mode)) {
            if (!out_dir) {
                /* the folder the output is written in */
                char *copy = strdup(out);
                char *slash = copy ? strrchr(copy, '/') : NULL;
                if (slash)
                    slash[slash == copy] = '\0';
                out_dir = copy ? realpath(slash ? copy : ".", NULL) : NULL;
                free(copy);
                if (!out_dir)
                    break;
            }
            free(in_dir);
            in_dir = realpath(paths[i], NULL);
            if (in_dir && (lies_in(out_dir, in_dir) || !strcmp(out_dir, in_dir)))
                rc = cli_usage_error(ctx->opt->verb, "-o %s lies in the input folder %s: it "
                                     "would be read back as it is written", out, paths[i]);
        }
    }
    free(out_dir);
    free(in_dir);
    return rc;
}

int cli_open_reader(cli_ctx *ctx, char **paths, int n)
{
    ctx->reader = NULL;
    ctx->paths = paths;
    ctx->n_paths = n;
    if (n <= 0)
        return cli_usage_error(ctx->opt->verb, "no input given (files, folders or - for stdin)");
    int rc = check_output(ctx, paths, n);
    if (rc)
        return rc;
    px_read_options opt = {cli_diag, ctx, PX_FORMAT_AUTO, 0};
    if (px_reader_new(&ctx->reader, &opt)) {
        fprintf(stderr, "parallax: out of memory\n");
        return CLI_INPUT;
    }
    for (int i = 0; i < n; i++)
        if (px_reader_add(ctx->reader, paths[i])) {
            fprintf(stderr, "parallax: out of memory\n");
            return CLI_INPUT;
        }
    return CLI_OK;
}

/* Next document, honouring --strict. 1 doc, 0 end, <0 fatal (message
 * printed). */
static int next_doc(cli_ctx *ctx, px_doc **out)
{
    *out = NULL;
    if (ctx->stop)
        return 0;
    int rc = px_reader_next(ctx->reader, out);
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

int cli_each_doc(cli_ctx *ctx, int (*each)(void *ud, px_doc *doc), void *ud)
{
    cli_progress progress;
    if (ctx->progress)
        cli_progress_start(&progress, ctx->paths, ctx->n_paths);
    px_doc *doc;
    int st;
    while ((st = next_doc(ctx, &doc)) == 1) {
        if (each(ud, doc)) {
            st = 0;
            break;
        }
        if (ctx->progress)
            cli_progress_update(&progress, px_reader_n_docs(ctx->reader),
                                px_reader_bytes(ctx->reader));
    }
    if (ctx->progress)
        cli_progress_end(&progress);
    return st;
}

typedef struct collect {
    px_doc **docs;
    size_t n, cap;
    int fatal;
} collect;

static int keep_doc(void *ud, px_doc *doc)
{
    collect *c = ud;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        px_doc **v = realloc(c->docs, cap * sizeof *v);
        if (!v) {
            px_doc_free(doc);
            return c->fatal = PX_ENOMEM;
        }
        c->docs = v;
        c->cap = cap;
    }
    c->docs[c->n++] = doc;
    return 0;
}

int cli_read_all(cli_ctx *ctx, px_doc ***docs, size_t *n)
{
    collect c = {NULL, 0, 0, 0};
    int st = cli_each_doc(ctx, keep_doc, &c);
    *docs = c.docs;
    *n = c.n;
    return c.fatal ? c.fatal : st;
}

void cli_close_reader(cli_ctx *ctx)
{
    px_reader_free(ctx->reader);
    ctx->reader = NULL;
}

int cli_exit_code(cli_ctx *ctx, int fatal)
{
    if (fatal < 0)
        return CLI_INPUT;
    return ctx->n_errors || ctx->n_warnings ? CLI_INPUT : CLI_OK;
}

int cli_finish(cli_ctx *ctx, FILE *out, int fatal)
{
    bool ok = !out || cli_close_output(out, ctx->opt->out_path);
    int rc = cli_exit_code(ctx, fatal);
    cli_close_reader(ctx);
    return ok ? rc : CLI_INPUT;
}

/* ---- outputs ---- */

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

bool cli_is_sqlite(const char *path)
{
    size_t len = strlen(path);
    if (len > 3 && !strcmp(path + len - 3, ".db"))
        return true;
    FILE *f = fopen(path, "rb");
    char head[16] = {0};
    bool yes = false;
    if (f) {
        yes = fread(head, 1, 16, f) == 16 && !memcmp(head, "SQLite format 3", 16);
        fclose(f);
    }
    return yes;
}
