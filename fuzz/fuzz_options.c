/*
 * fuzz_options.c - fuzzes the CLI's option parser (cli_parse in
 * cli/common.c, driven by the verb tables of cli/verbs.c). The first byte
 * chooses the verb; the rest, split at NUL bytes, is argv. The parse must
 * end in CLI_OK or CLI_USAGE with a message, give the same answer twice,
 * keep the inputs in order and within the verb's limit, and leave every
 * value inside what its option allows: a format index among the verb's
 * formats, numbers within their bounds, a --ref date that px_dates_find
 * accepts, strings taken from argv.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/date/date.h"
#include "cli.h"

enum { MAX_ARGS = 64, MAX_INPUT = 4096 };

static bool from_argv(const char *s, char **argv, int argc)
{
    for (int i = 1; i < argc; i++)
        if (s == argv[i])
            return true;
    return false;
}

static void check(const cli_verb *v, int rc, const cli_opts *o, char **argv, int argc)
{
    if (rc == CLI_USAGE) {
        if (!o->error[0] || !memchr(o->error, '\0', sizeof o->error))
            abort();
        return;
    }
    if (rc != CLI_OK || o->error[0])
        abort();
    if (o->help)
        return;
    if (o->n_inputs < 0 || o->n_inputs >= argc || (v->max_inputs && o->n_inputs > v->max_inputs))
        abort();
    for (int i = 0; i < o->n_inputs; i++)
        if (!from_argv(o->inputs[i], argv, argc) || (i && o->inputs[i] <= o->inputs[i - 1]))
            abort();
    int n_formats = 0;
    while (v->formats && v->formats[n_formats])
        n_formats++;
    if (o->format < 0 || (o->format && o->format >= n_formats))
        abort();
    const char *strs[] = {o->out_path, o->ref, o->db};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (strs[i] && !from_argv(strs[i], argv, argc))
            abort();
    px_ymd ymd;
    if (o->ref && !px__parse_ymd(o->ref, &ymd))
        abort(); /* the parser took a date px_dates_find refuses */
    /* every number set is within its option's bounds */
    for (const cli_option *op = v->options; op && op->long_name; op++) {
        const char *field = (const char *)o + op->field;
        if (op->arg == CLI_SIZE) {
            size_t n;
            memcpy(&n, field, sizeof n);
            if (n && ((double)n < op->min || (op->max && (double)n > op->max)))
                abort();
        } else if (op->arg == CLI_DOUBLE) {
            double d;
            memcpy(&d, field, sizeof d);
            if (d != 0 && !(d > op->min && d <= op->max))
                abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size || size > MAX_INPUT)
        return 0;
    const cli_verb *v = &cli_verbs[data[0] % CLI_N_VERBS];
    /* argv strings must be NUL-terminated: a copy with one more NUL */
    char *buf = malloc(size);
    if (!buf)
        return 0;
    memcpy(buf, data + 1, size - 1);
    buf[size - 1] = '\0';
    char *argv[MAX_ARGS + 1];
    int argc = 0;
    argv[argc++] = (char *)v->name;
    for (char *p = buf; p < buf + size - 1 && argc < MAX_ARGS; p += strlen(p) + 1)
        argv[argc++] = p;
    argv[argc] = NULL;
    cli_opts a, b;
    int ra = cli_parse(v, argc, argv, &a);
    int rb = cli_parse(v, argc, argv, &b);
    check(v, ra, &a, argv, argc);
    if (ra != rb || strcmp(a.error, b.error) || a.n_inputs != b.n_inputs || a.help != b.help ||
        a.format != b.format)
        abort();
    cli_opts_release(&a);
    cli_opts_release(&b);
    free(buf);
    return 0;
}
