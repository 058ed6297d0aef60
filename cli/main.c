/*
 * main.c - the parallax command: dispatches to one verb per file
 * (cmd_*.c). Thin on purpose: all the work is in the library.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct verb {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} verbs[] = {
    {"report", cmd_report, "compare how outlets cover one story (the main job)"},
    {"read", cmd_read, "read articles: headline, date, source, blocks, sentences"},
    {"quotes", cmd_quotes, "who said what: quotations and their speakers"},
    {"dates", cmd_dates, "time expressions resolved to calendar dates"},
    {"stories", cmd_stories, "group articles into duplicate families and stories"},
    {"brief", cmd_brief, "a short summary whose sentences name their sources"},
    {"add", cmd_add, "add articles to a SQLite corpus (parallax.db)"},
    {"show", cmd_show, "print one story of a SQLite corpus"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: parallax VERB [OPTIONS] INPUT...\n"
               "       parallax --help | --version | help VERB\n\n"
               "parallax shows one news story through every outlet that covered it.\n\n"
               "Verbs:\n");
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
        fprintf(f, "  %-8s %s\n", verbs[i].name, verbs[i].summary);
    fprintf(f, "\nINPUT is any mix of files (.txt, .jsonl, .html, .xhtml, .warc, TREC\n"
               "SGML; any of them gzipped, .gz or not), folders (read recursively, each\n"
               "file once; a file passed over is named in a note) and - for standard\n"
               "input. Text may be UTF-8, UTF-16 with a byte order mark, or a legacy\n"
               "encoding a page declares; hard-wrapped text is joined into paragraphs.\n"
               "Run 'parallax VERB --help' for a verb's options.\n\n"
               "Exit status: 0 ok, 1 input problems were reported (or a fatal error),\n"
               "2 usage error.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *v = argv[1];
    if (cli_is_help(v)) {
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(v, "--version") || !strcmp(v, "-V")) {
        printf("parallax %s\n", px_version());
        return CLI_OK;
    }
    if (!strcmp(v, "help")) {
        if (argc < 3) {
            usage(stdout);
            return CLI_OK;
        }
        char *hargv[] = {argv[2], (char *)"--help", NULL};
        for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
            if (!strcmp(argv[2], verbs[i].name))
                return verbs[i].run(2, hargv);
        fprintf(stderr, "parallax: unknown verb '%s'\n", argv[2]);
        return CLI_USAGE;
    }
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
        if (!strcmp(v, verbs[i].name))
            return verbs[i].run(argc - 1, argv + 1);
    fprintf(stderr, "parallax: unknown verb '%s'\n\n", v);
    usage(stderr);
    return CLI_USAGE;
}
