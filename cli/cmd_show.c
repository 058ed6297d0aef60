/*
 * cmd_show.c - 'parallax show': one story of a SQLite corpus: its
 * articles in order of arrival with outlet, date, headline and family,
 * optionally with their text.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct show {
    FILE *out;
    int format;
    bool full;
    size_t n;
    int64_t story;
    char *title; /* the story's headline as 'stories DB' lists it */
} show;

static int find_title(void *ud, const px_store_story *st)
{
    show *sh = ud;
    if (st->id != sh->story)
        return 0;
    sh->title = st->headline ? strdup(st->headline) : NULL;
    return 1;
}

static int on_article(void *ud, const px_store_article *a)
{
    show *sh = ud;
    FILE *f = sh->out;
    sh->n++;
    if (sh->format == 1)
        return px_store_article_write_jsonl(f, a);
    if (sh->n == 1)
        fprintf(f, "== story %lld: %s\n\n", (long long)a->story,
                sh->title ? sh->title : a->headline ? a->headline : "(no headline)");
    fprintf(f, "%s  %s  %s\n", a->id, a->source && *a->source ? a->source : "-",
            a->date ? a->date : "-");
    fprintf(f, "   %s\n", a->headline ? a->headline : "(no headline)");
    if (a->duplicate_of)
        fprintf(f, "   copy of %s\n", a->duplicate_of);
    if (sh->full && a->text)
        fprintf(f, "\n%s\n", a->text);
    fputc('\n', f);
    return 0;
}

int cmd_show(const cli_opts *o)
{
    show sh = {.format = o->format, .full = o->full};
    const char *out_path = o->out_path, *args[2] = {NULL, NULL};
    int n_args = o->n_inputs;
    for (int i = 0; i < n_args; i++)
        args[i] = o->inputs[i];
    if (n_args == 1) {
        args[1] = args[0];
        args[0] = "parallax.db";
    } else if (n_args != 2) {
        return cli_usage_error("show", "needs DB and STORY");
    }
    char *end;
    long long story = strtoll(args[1], &end, 10);
    if ((end == args[1] || *end || story < 0) && n_args == 1)
        return cli_usage_error("show", "needs DB and STORY ('%s' is no story number; "
                                       "STORY alone shows a story of parallax.db)", args[1]);
    if (end == args[1] || *end || story < 0)
        return cli_usage_error("show", "STORY must be a story number, not '%s'", args[1]);
    FILE *probe = fopen(args[0], "rb");
    if (!probe) {
        fprintf(stderr, "parallax show: %s: no such corpus\n", args[0]);
        return CLI_INPUT;
    }
    fclose(probe);
    px_store *s = NULL;
    int rc = px_store_open_ex(&s, args[0], NULL, PX_STORE_READONLY);
    if (rc) {
        fprintf(stderr, "parallax show: %s: %s%s%s\n", args[0], px_strerror(rc), s ? ": " : "",
                s ? px_store_errmsg(s) : "");
        px_store_close(s);
        return CLI_INPUT;
    }
    sh.out = cli_open_output(out_path);
    if (!sh.out) {
        px_store_close(s);
        return CLI_INPUT;
    }
    /* the header names the story as 'stories DB' does (an article
     * without a headline is listed by its first sentence) */
    sh.story = story;
    if (sh.format == 0)
        px_store_stories(s, find_title, &sh);
    rc = px_store_story_articles(s, story, on_article, &sh);
    free(sh.title);
    if (rc == PX_ENOTFOUND)
        fprintf(stderr, "parallax show: %s: no story %lld\n", args[0], story);
    else if (rc)
        fprintf(stderr, "parallax show: %s: %s: %s\n", args[0], px_strerror(rc),
                px_store_errmsg(s));
    px_store_close(s);
    bool ok = cli_close_output(sh.out, out_path);
    return rc || !ok ? CLI_INPUT : CLI_OK;
}
