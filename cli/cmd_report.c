/*
 * cmd_report.c - 'parallax report': how the outlets cover one story.
 * Reads the articles, runs every stage through px_stories_new_opt and
 * writes the report as Markdown (terminal), a self-contained HTML page
 * or JSON. A long run shows its progress on standard error: the reading,
 * then each stage of the analysis.
 */
#include <stdlib.h>

#include "cli.h"
#include "progress.h"

static void on_progress(void *ud, const char *stage, size_t step, size_t n_steps)
{
    cli_progress_stage(ud, "report", stage, step, n_steps);
}

int cmd_report(const cli_opts *o)
{
    static const px_report_format fmts[] = {PX_REPORT_MD, PX_REPORT_HTML, PX_REPORT_JSON};
    cli_ctx ctx = {.opt = o, .progress = true};
    px_doc **docs = NULL;
    size_t n_docs = 0;
    px_story **stories = NULL;
    size_t n_stories = 0;
    cli_progress progress = {0};
    int rc = cli_open_reader(&ctx, o->inputs, o->n_inputs);
    if (rc)
        goto done;
    int st = cli_read_all(&ctx, &docs, &n_docs);
    if (st < 0) {
        rc = cli_exit_code(&ctx, st);
        goto done;
    }
    if (!n_docs) {
        fprintf(stderr, "parallax report: no articles to compare\n");
        rc = CLI_INPUT;
        goto done;
    }
    /* an input that tells several stories gets a report for each, unless
     * it is one story already (--story: a corpus's, which grouping a few
     * of its articles again could split) */
    int prc;
    if (o->story == CLI_STORY_ON) {
        stories = calloc(1, sizeof *stories);
        prc = stories ? px_story_new(&stories[0], docs, n_docs) : PX_ENOMEM;
        n_stories = stories && !prc;
    } else {
        cli_progress_start(&progress, ctx.paths, ctx.n_paths);
        px_report_options opt = {on_progress, &progress};
        prc = px_stories_new_opt(&stories, &n_stories, docs, n_docs, &opt);
        cli_progress_end(&progress);
    }
    if (prc) {
        fprintf(stderr, "parallax report: %s\n", px_strerror(prc));
        rc = CLI_INPUT;
        goto done;
    }
    FILE *out = cli_open_output(o->out_path);
    if (!out) {
        rc = CLI_INPUT;
        goto done;
    }
    prc = px_report_write_stories(stories, n_stories, fmts[o->format], out);
    bool ok = cli_close_output(out, o->out_path);
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
    cli_close_reader(&ctx);
    return rc;
}
