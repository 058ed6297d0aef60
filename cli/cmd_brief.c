/*
 * cmd_brief.c - 'parallax brief': a short summary of all the inputs
 * taken as one story, each sentence with the documents that carry it.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: parallax brief [--words N | --sentences N] [--format text|jsonl|md]\n"
    "                      [-o FILE] [--strict] [--quiet] INPUT...\n\n"
    "Summarises every input article, taken together as one story: the\n"
    "sentences that cover what most outlets report, none saying the same\n"
    "thing twice, in reading order (by date where every date is known).\n"
    "Headlines, captions, embedded posts and sentences that cannot stand\n"
    "alone are never chosen.\n\n"
    "  --words N      stop at N words, cutting the last sentence if it must\n"
    "  --sentences N  at most N sentences (default 5 when --words is not given)\n"
    "  --format F     text (default): one sentence a line and nothing else;\n"
    "                 jsonl: one object a sentence: text, doc, start, end (code\n"
    "                 points into the original input), sources (document ids,\n"
    "                 the chosen one first), outlets;\n"
    "                 md: a Markdown list, each item naming its outlets\n"
    "  -o FILE        write to FILE instead of standard output\n"
    "  --strict       stop at the first input problem\n"
    "  --quiet        do not print warnings (the exit status still tells)\n";

int cmd_brief(int argc, char **argv)
{
    static const char *const formats[] = {"text", "jsonl", "md", NULL};
    static const px_brief_format format_of[] = {PX_BRIEF_TEXT, PX_BRIEF_JSONL, PX_BRIEF_MD};
    cli_ctx ctx = {.verb = "brief"};
    px_brief_options opt = {0};
    int format = 0;
    const char *out_path = NULL;
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    int n_inputs = 0;
    px_doc **docs = NULL;
    size_t n_docs = 0, cap = 0;
    px_reader *r = NULL;
    px_brief *brief = NULL;
    char *text = NULL;
    if (!inputs)
        return CLI_INPUT;
    int rc = CLI_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            fputs(help, stdout);
            goto done;
        } else if (!strcmp(a, "--format") || !strcmp(a, "-f")) {
            if (++i >= argc || (format = cli_format(argv[i], formats)) < 0) {
                rc = cli_usage_error(ctx.verb, "--format needs text, jsonl or md");
                goto done;
            }
        } else if (!strcmp(a, "--words") || !strcmp(a, "-w")) {
            if (++i >= argc || !cli_parse_size(argv[i], &opt.max_words) || !opt.max_words) {
                rc = cli_usage_error(ctx.verb, "--words needs a positive number");
                goto done;
            }
        } else if (!strcmp(a, "--sentences") || !strcmp(a, "-n")) {
            if (++i >= argc || !cli_parse_size(argv[i], &opt.max_sentences) ||
                !opt.max_sentences) {
                rc = cli_usage_error(ctx.verb, "--sentences needs a positive number");
                goto done;
            }
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (++i >= argc) {
                rc = cli_usage_error(ctx.verb, "-o needs a file name");
                goto done;
            }
            out_path = argv[i];
        } else if (!strcmp(a, "--strict")) {
            ctx.strict = true;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            ctx.quiet = true;
        } else if (a[0] == '-' && a[1]) {
            rc = cli_usage_error(ctx.verb, "unknown option '%s'", a);
            goto done;
        } else {
            inputs[n_inputs++] = argv[i];
        }
    }
    if ((rc = cli_open_reader(&ctx, inputs, n_inputs, &r)))
        goto done;
    px_doc *doc;
    int st;
    while ((st = cli_next(&ctx, r, &doc)) == 1) {
        if (n_docs == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            px_doc **nd = realloc(docs, ncap * sizeof(*nd));
            if (!nd) {
                px_doc_free(doc);
                st = PX_ENOMEM;
                break;
            }
            docs = nd, cap = ncap;
        }
        docs[n_docs++] = doc;
    }
    if (st < 0 || ctx.stop) {
        rc = cli_exit_code(&ctx, st);
        goto done;
    }
    int e = px_brief_new(&brief, docs, n_docs, &opt);
    size_t len = 0;
    if (!e)
        e = px_brief_render(brief, format_of[format], &text, &len);
    if (e) {
        fprintf(stderr, "parallax brief: %s\n", px_strerror(e));
        rc = CLI_INPUT;
        goto done;
    }
    FILE *out = cli_open_output(out_path);
    if (!out) {
        rc = CLI_INPUT;
        goto done;
    }
    fwrite(text, 1, len, out);
    bool ok = cli_close_output(out, out_path);
    rc = cli_exit_code(&ctx, 0);
    if (!ok)
        rc = CLI_INPUT;
done:
    free(text);
    px_brief_free(brief);
    for (size_t i = 0; i < n_docs; i++)
        px_doc_free(docs[i]);
    free(docs);
    px_reader_free(r);
    free(inputs);
    return rc;
}
