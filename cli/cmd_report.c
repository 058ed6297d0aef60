/*
 * cmd_report.c - 'parallax report': how the outlets cover one story.
 * Reads the articles, runs every stage through px_story_new and writes
 * the report as Markdown (terminal), a self-contained HTML page or JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "progress.h"

static void on_progress(void *ud, const char *stage, size_t step, size_t n_steps)
{
    cli_progress_stage(ud, "report", stage, step, n_steps);
}

static const char help[] =
    "usage: parallax report [--format md|html|json] [-o FILE] [--strict] [--quiet] INPUT...\n\n"
    "Compares how the outlets cover one story. INPUT: the story's articles\n"
    "(files, folders, '-'); an input that tells several stories gets one\n"
    "report per story, the largest first. Every format has the same sections in\n"
    "the same order, what a reader needs first at the top:\n"
    "  articles     each article with its outlet (the source, else the web site,\n"
    "               else the signature line, else a short file name) and date\n"
    "  brief        the story in a few sentences with their sources; a sentence\n"
    "               that carries one side of a conflict says so\n"
    "  conflicts    outlets giving different values for one thing (a title, a\n"
    "               number, a day), with the sentences on each side\n"
    "  quotations   each statement several outlets quote, those worded\n"
    "               differently first: every outlet's wording, a word diff\n"
    "               against the fullest and what changed\n"
    "  one outlet   what one outlet alone reports, heaviest first (a number, a\n"
    "               named person or organisation, a date, a quotation weigh\n"
    "               more than colour); the long tail folded\n"
    "  facts        the statements several outlets carry\n"
    "  entities     people, places and organisations with their name variants\n"
    "  timeline     the dated events in date order (weeks, months and years at\n"
    "               their start), each with its outlets\n"
    "  coverage     which outlet carries which main fact and quotation\n"
    "The HTML page also draws the coverage and the timeline (inline SVG, no\n"
    "script, no network). A long run shows its progress on standard error.\n\n"
    "  --format F   md (default), html (one self-contained page) or json\n"
    "  -o FILE      write to FILE instead of standard output\n"
    "  --strict     stop at the first input problem\n"
    "  --quiet      do not print warnings (the exit status still tells)\n";

int cmd_report(int argc, char **argv)
{
    static const char *const formats[] = {"md", "html", "json", NULL};
    cli_ctx ctx = {.verb = "report"};
    int format = 0;
    const char *out_path = NULL;
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    int n_inputs = 0;
    px_doc **docs = NULL;
    size_t n_docs = 0, cap = 0;
    px_reader *r = NULL;
    px_story **stories = NULL;
    size_t n_stories = 0;
    cli_progress progress = {0};
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
                rc = cli_usage_error(ctx.verb, "--format needs md, html or json");
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
    /* a long run shows where it is on standard error (a terminal) */
    cli_progress_start(&progress, inputs, n_inputs);
    px_doc *doc;
    int st;
    while ((st = cli_next(&ctx, r, &doc)) == 1) {
        cli_progress_update(&progress, px_reader_n_docs(r), px_reader_bytes(r));
        if (n_docs == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            px_doc **nd = realloc(docs, ncap * sizeof(*nd));
            if (!nd) {
                px_doc_free(doc);
                st = PX_ENOMEM;
                break;
            }
            docs = nd;
            cap = ncap;
        }
        docs[n_docs++] = doc;
    }
    if (st < 0) {
        rc = cli_exit_code(&ctx, st);
        goto done;
    }
    cli_progress_stage(&progress, "report", "read", n_docs, 0);
    if (!n_docs) {
        cli_progress_end(&progress);
        fprintf(stderr, "parallax report: no articles to compare\n");
        rc = CLI_INPUT;
        goto done;
    }
    /* an input that tells several stories gets a report for each */
    px_report_options opt = {on_progress, &progress};
    int prc = px_stories_new_opt(&stories, &n_stories, docs, n_docs, &opt);
    cli_progress_end(&progress);
    if (prc) {
        fprintf(stderr, "parallax report: %s\n", px_strerror(prc));
        rc = CLI_INPUT;
        goto done;
    }
    FILE *out = cli_open_output(out_path);
    if (!out) {
        rc = CLI_INPUT;
        goto done;
    }
    static const px_report_format fmts[] = {PX_REPORT_MD, PX_REPORT_HTML, PX_REPORT_JSON};
    prc = px_report_write_stories(stories, n_stories, fmts[format], out);
    bool ok = cli_close_output(out, out_path);
    if (prc)
        fprintf(stderr, "parallax report: %s\n", px_strerror(prc));
    rc = cli_exit_code(&ctx, st);
    if (!ok || prc)
        rc = CLI_INPUT;
done:
    cli_progress_end(&progress);
    px_stories_free(stories, n_stories);
    for (size_t i = 0; i < n_docs; i++)
        px_doc_free(docs[i]);
    free(docs);
    px_reader_free(r);
    free(inputs);
    return rc;
}
