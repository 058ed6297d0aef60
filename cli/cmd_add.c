/*
 * cmd_add.c - 'parallax add': stores articles in a SQLite corpus and
 * places each in its near-duplicate family and story as it arrives.
 * Each article is committed with its assignment in one transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "progress.h"

static const char help[] =
    "usage: parallax add [DB] [--quiet] [--strict] [INPUT...]\n\n"
    "Adds articles to the SQLite corpus DB (default parallax.db; a first\n"
    "argument ending in .db or naming an SQLite file is taken as DB), then\n"
    "repairs the stories: the stored features of every article are grouped\n"
    "again as 'parallax stories' groups an input, so a corpus built in any\n"
    "number of adds tells exactly the stories of one 'stories' run over the\n"
    "same articles. Articles whose id is already stored are skipped. Each\n"
    "article is committed whole with a provisional story, so an interrupted\n"
    "add keeps everything committed and no half article; the next add (or\n"
    "'parallax add DB' with no input) repairs the stories. Two adds at once\n"
    "wait for each other.\n\n"
    "  --db FILE           the corpus file\n"
    "  --threshold J       near-duplicate Jaccard threshold of a new corpus (0.5)\n"
    "  --story-threshold S story threshold of a new corpus (0.2)\n"
    "  --strict            stop at the first input problem\n"
    "  --quiet             do not print warnings or the summary\n";

static bool looks_like_db(const char *path)
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

int cmd_add(int argc, char **argv)
{
    cli_ctx ctx = {.verb = "add"};
    px_group_options opt = {0};
    const char *db = NULL;
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    int n_inputs = 0;
    if (!inputs)
        return CLI_INPUT;
    int rc = CLI_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            fputs(help, stdout);
            goto done;
        } else if (!strcmp(a, "--db")) {
            if (++i >= argc) {
                rc = cli_usage_error(ctx.verb, "--db needs a file name");
                goto done;
            }
            db = argv[i];
        } else if (!strcmp(a, "--threshold") || !strcmp(a, "--story-threshold")) {
            char *end = NULL;
            double v = ++i < argc ? strtod(argv[i], &end) : -1;
            if (i >= argc || !end || *end || !(v > 0 && v <= 1)) {
                rc = cli_usage_error(ctx.verb, "%s needs a number in (0, 1]", a);
                goto done;
            }
            if (!strcmp(a, "--threshold"))
                opt.dup_threshold = v;
            else
                opt.story_threshold = v;
        } else if (!strcmp(a, "--strict")) {
            ctx.strict = true;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            ctx.quiet = true;
        } else if (a[0] == '-' && a[1]) {
            rc = cli_usage_error(ctx.verb, "unknown option '%s'", a);
            goto done;
        } else if (!db && !n_inputs && strcmp(a, "-") && looks_like_db(a)) {
            db = a;
        } else {
            inputs[n_inputs++] = argv[i];
        }
    }
    if (!db)
        db = "parallax.db";
    px_reader *reader = NULL;
    /* no input: only the repair of an interrupted add */
    if (n_inputs && (rc = cli_open_reader(&ctx, inputs, n_inputs, &reader)))
        goto done;
    px_store *s = NULL;
    int st = px_store_open(&s, db, &opt);
    if (st) {
        fprintf(stderr, "parallax add: %s: %s%s%s\n", db, px_strerror(st), s ? ": " : "",
                s ? px_store_errmsg(s) : "");
        px_store_close(s);
        px_reader_free(reader);
        rc = CLI_INPUT;
        goto done;
    }
    size_t skipped = 0;
    cli_progress progress;
    cli_progress_start(&progress, inputs, n_inputs);
    px_doc *doc;
    int fatal = 0;
    while (reader && (st = cli_next(&ctx, reader, &doc)) == 1) {
        int sk = 0;
        if ((fatal = px_store_add(s, doc, &sk)))
            break;
        skipped += (size_t)sk;
        cli_progress_update(&progress, px_reader_n_docs(reader), px_reader_bytes(reader));
    }
    if (!fatal)
        fatal = px_store_flush(s);
    cli_progress_end(&progress);
    if (fatal)
        fprintf(stderr, "parallax add: %s: %s%s%s\n", db, px_strerror(fatal),
                *px_store_errmsg(s) ? ": " : "", px_store_errmsg(s));
    if (!ctx.quiet)
        fprintf(stderr, "parallax add: %s: %zu added, %zu already there; %zu articles in %zu "
                        "stories\n",
                db, px_store_n_added(s), skipped, px_store_n_articles(s),
                px_store_n_stories(s));
    int closed = px_store_close(s);
    rc = cli_exit_code(&ctx, st < 0 ? st : fatal ? fatal : closed);
    px_reader_free(reader);
done:
    free(inputs);
    return rc;
}
