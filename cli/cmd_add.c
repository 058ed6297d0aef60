/*
 * cmd_add.c - 'parallax add': stores articles in a SQLite corpus, then
 * repairs its stories (px_store_flush); with no input, only the repair
 * of an interrupted add.
 */
#include <string.h>

#include "cli.h"

typedef struct adding {
    px_store *s;
    size_t skipped;
    int fatal;
} adding;

static int add_doc(void *ud, px_doc *doc)
{
    adding *a = ud;
    int skipped = 0;
    if ((a->fatal = px_store_add(a->s, doc, &skipped)))
        return a->fatal;
    a->skipped += (size_t)skipped;
    return 0;
}

int cmd_add(const cli_opts *o)
{
    cli_ctx ctx = {.opt = o, .progress = true};
    px_group_options opt = {.dup_threshold = o->dup_threshold,
                            .story_threshold = o->story_threshold};
    const char *db = o->db;
    char **inputs = o->inputs;
    int n_inputs = o->n_inputs;
    /* a first argument that names a corpus is the corpus */
    if (!db && n_inputs && strcmp(inputs[0], "-") && cli_is_sqlite(inputs[0])) {
        db = inputs[0];
        inputs++;
        n_inputs--;
    }
    /* no input: only the repair of an interrupted add, of a corpus named */
    if (!db && !n_inputs)
        return cli_usage_error(o->verb, "no input given (files, folders or - for stdin)");
    if (!db)
        db = "parallax.db";
    int rc = n_inputs ? cli_open_reader(&ctx, inputs, n_inputs) : CLI_OK;
    if (rc) {
        cli_close_reader(&ctx);
        return rc;
    }
    adding a = {NULL, 0, 0};
    FILE *probe = fopen(db, "rb"); /* an empty file is made a new corpus */
    bool existed = probe && fgetc(probe) != EOF;
    if (probe)
        fclose(probe);
    int st = px_store_open(&a.s, db, &opt);
    if (st) {
        fprintf(stderr, "parallax add: %s: %s%s%s\n", db, px_strerror(st), a.s ? ": " : "",
                a.s ? px_store_errmsg(a.s) : "");
        px_store_close(a.s);
        cli_close_reader(&ctx);
        return CLI_INPUT;
    }
    /* the thresholds make a new corpus; an existing one keeps its own */
    if (existed && (o->dup_threshold || o->story_threshold) && !o->quiet)
        fprintf(stderr, "parallax add: %s: note: an existing corpus keeps the thresholds it "
                        "was made with: %s ignored\n",
                db, o->dup_threshold && o->story_threshold ? "--threshold and --story-threshold"
                    : o->dup_threshold                   ? "--threshold"
                                                         : "--story-threshold");
    st = n_inputs ? cli_each_doc(&ctx, add_doc, &a) : 0;
    int fatal = a.fatal;
    if (!fatal)
        fatal = px_store_flush(a.s);
    if (fatal)
        fprintf(stderr, "parallax add: %s: %s%s%s\n", db, px_strerror(fatal),
                *px_store_errmsg(a.s) ? ": " : "", px_store_errmsg(a.s));
    if (!o->quiet) {
        size_t n_art = px_store_n_articles(a.s), n_sto = px_store_n_stories(a.s);
        fprintf(stderr, "parallax add: %s: %zu added, %zu already there; %zu article%s in %zu "
                        "stor%s\n",
                db, px_store_n_added(a.s), a.skipped, n_art, n_art == 1 ? "" : "s", n_sto,
                n_sto == 1 ? "y" : "ies");
    }
    int closed = px_store_close(a.s);
    return cli_finish(&ctx, NULL, st < 0 ? st : fatal ? fatal : closed);
}
