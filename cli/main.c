/*
 * main.c - the parallax command: finds the verb, parses its options
 * (cli_parse, from the table in verbs.c) and runs it (cmd_*.c). Thin on
 * purpose: all the work is in the library.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int (*const run[CLI_N_VERBS])(const cli_opts *) = {
#define CLI_VERB_RUN(name) [CLI_VERB_##name] = cmd_##name,
    CLI_VERBS(CLI_VERB_RUN)
#undef CLI_VERB_RUN
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_print_main_help(stderr, false);
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (cli_is_help(name)) {
        cli_print_main_help(stdout, true);
        return CLI_OK;
    }
    if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
        printf("parallax %s\n", px_version());
        return CLI_OK;
    }
    if (!strcmp(name, "help")) {
        if (argc < 3) {
            cli_print_main_help(stdout, true);
            return CLI_OK;
        }
        const cli_verb *v = cli_verb_find(argv[2]);
        if (!v) {
            fprintf(stderr, "parallax: unknown verb '%s'\n", argv[2]);
            return CLI_USAGE;
        }
        cli_print_help(stdout, v);
        return CLI_OK;
    }
    const cli_verb *v = cli_verb_find(name);
    if (!v) {
        /* the verb comes first: 'parallax --format html x' or 'parallax
         * story/' left it out */
        FILE *f = name[0] == '-' || !name[0] ? NULL : fopen(name, "rb");
        if (name[0] == '-' && name[1])
            fprintf(stderr, "parallax: unknown option '%s': the verb comes first (parallax "
                            "VERB [OPTIONS] INPUT...)\n\n", name);
        else if (f)
            fprintf(stderr, "parallax: '%s' is an input, not a verb: the verb comes first "
                            "(parallax report %s)\n\n", name, name);
        else
            fprintf(stderr, "parallax: unknown verb '%s'\n\n", name);
        if (f)
            fclose(f);
        cli_print_main_help(stderr, false);
        return CLI_USAGE;
    }
    cli_opts o;
    int rc = cli_parse(v, argc - 1, argv + 1, &o);
    if (rc == CLI_USAGE)
        cli_usage_error(v->name, "%s", o.error);
    else if (rc)
        fprintf(stderr, "parallax: %s\n", o.error);
    else if (o.help)
        cli_print_help(stdout, v);
    else
        rc = run[v - cli_verbs](&o);
    cli_opts_release(&o);
    return rc;
}
