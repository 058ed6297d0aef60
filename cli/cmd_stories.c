/*
 * cmd_stories.c - 'parallax stories': which articles are copies of one
 * another (near-duplicate families) and which tell the same story.
 * Reads INPUT files and folders (the grouper computes each article's
 * features as it comes, then groups the whole input), or lists the
 * stories of a SQLite corpus made by 'parallax add'.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct doc_rec {
    char *id, *source, *headline; /* source and headline: text format only */
    size_t story;
    ptrdiff_t dup_of;
} doc_rec;

typedef struct run {
    FILE *out;
    int format;
    doc_rec *docs;
    size_t n, cap;
    bool oom;
} run;

static char *dup_str(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* What the output needs of a document, kept before the grouper takes it. */
static bool keep_doc(run *r, px_doc *doc)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 1024;
        doc_rec *v = realloc(r->docs, cap * sizeof *v);
        if (!v)
            return false;
        r->docs = v;
        r->cap = cap;
    }
    doc_rec *d = &r->docs[r->n++];
    memset(d, 0, sizeof *d);
    d->id = dup_str(px_doc_id(doc));
    if (!d->id)
        return false;
    if (r->format == 1) {
        d->source = dup_str(px_doc_source(doc));
        if (px_doc_headline(doc)) {
            d->headline = dup_str(px_doc_headline(doc));
        } else {
            /* no headline found: the first sentence stands for it */
            size_t ns;
            const px_sentence *se = px_doc_sentences(doc, &ns);
            px_str t = px_doc_text(doc);
            size_t full = ns ? se[0].end - se[0].start : 0, len = full > 160 ? 160 : full;
            /* cut at a character boundary */
            while (len && len < full && ((unsigned char)t.ptr[se[0].start + len] & 0xC0) == 0x80)
                len--;
            d->headline = ns ? strndup(t.ptr + se[0].start, len) : NULL;
        }
    }
    return true;
}

/* The assignments, in input order: one line of JSON a document (jsonl). */
static int write_jsonl(run *r, px_grouper *g)
{
    const char **near = NULL;
    size_t near_cap = 0;
    int rc = 0;
    for (size_t i = 0; i < r->n && !rc; i++) {
        px_group_assign a;
        if ((rc = px_grouper_assign(g, i, &a)))
            break;
        r->docs[i].story = a.story;
        r->docs[i].dup_of = a.dup_of;
        if (r->format != 0)
            continue;
        if (a.n_near > near_cap) {
            const char **v = realloc(near, a.n_near * sizeof *v);
            if (!v) {
                rc = PX_ENOMEM;
                break;
            }
            near = v;
            near_cap = a.n_near;
        }
        for (size_t k = 0; k < a.n_near; k++)
            near[k] = r->docs[a.near[k]].id;
        const char *dup = a.dup_of >= 0 ? r->docs[a.dup_of].id : NULL;
        char *line = px_group_assign_json_near(r->docs[i].id, a.story, dup, near, a.n_near);
        if (!line)
            rc = PX_ENOMEM;
        else
            fprintf(r->out, "%s\n", line);
        free(line);
    }
    free(near);
    return rc;
}

static int cmp_story(const void *a, const void *b)
{
    const doc_rec *x = *(const doc_rec *const *)a, *y = *(const doc_rec *const *)b;
    if (x->story != y->story)
        return x->story < y->story ? -1 : 1;
    return x < y ? -1 : x > y;
}

static bool seen_source(doc_rec **v, size_t from, size_t i)
{
    for (size_t k = from; k < i; k++)
        if (v[k]->source && !strcmp(v[k]->source, v[i]->source))
            return true;
    return false;
}

static void write_text(run *r)
{
    doc_rec **v = malloc((r->n ? r->n : 1) * sizeof *v);
    if (!v) {
        r->oom = true;
        return;
    }
    for (size_t i = 0; i < r->n; i++)
        v[i] = &r->docs[i];
    qsort(v, r->n, sizeof *v, cmp_story);
    for (size_t i = 0; i < r->n;) {
        size_t j = i, fam = 0;
        while (j < r->n && v[j]->story == v[i]->story) {
            fam += v[j]->dup_of < 0;
            j++;
        }
        const char *headline = v[i]->headline ? v[i]->headline : "(no headline)";
        fprintf(r->out, "== story %zu: %s\n", v[i]->story, headline);
        fprintf(r->out, "   %zu article%s, %zu famil%s; outlets: ", j - i, j - i == 1 ? "" : "s",
                fam, fam == 1 ? "y" : "ies");
        bool any = false;
        for (size_t k = i; k < j; k++)
            if (v[k]->source && v[k]->source[0] && !seen_source(v, i, k)) {
                fprintf(r->out, "%s%s", any ? ", " : "", v[k]->source);
                any = true;
            }
        fprintf(r->out, "%s\n", any ? "" : "-");
        for (size_t k = i; k < j; k++) {
            fprintf(r->out, "   - %s", v[k]->id);
            if (v[k]->dup_of >= 0)
                fprintf(r->out, "  (copy of %s)", r->docs[v[k]->dup_of].id);
            fputc('\n', r->out);
        }
        fputc('\n', r->out);
        i = j;
    }
    free(v);
}

/* ---- a SQLite corpus ---- */

static int print_story(void *ud, const px_store_story *s)
{
    run *r = ud;
    fprintf(r->out, "== story %lld: %s\n", (long long)s->id,
            s->headline ? s->headline : "(no headline)");
    fprintf(r->out, "   %zu article%s, %zu famil%s", s->n_articles, s->n_articles == 1 ? "" : "s",
            s->n_families, s->n_families == 1 ? "y" : "ies");
    if (s->first_date)
        fprintf(r->out, ", %s%s%s", s->first_date, s->last_date && strcmp(s->last_date, s->first_date) ? " to " : "",
                s->last_date && strcmp(s->last_date, s->first_date) ? s->last_date : "");
    /* the corpus lists them "a,b" (SQLite's group_concat): written as
     * the stories of files are, "a, b" */
    fputs("; outlets: ", r->out);
    const char *o = s->outlets && s->outlets[0] ? s->outlets : "-";
    for (; *o; o++)
        if (*o == ',')
            fputs(", ", r->out);
        else
            fputc(*o, r->out);
    fputc('\n', r->out);
    return 0;
}

static int print_article_json(void *ud, const px_store_article *a)
{
    run *r = ud;
    char *line = px_group_assign_json_near(a->id, (size_t)a->story, a->duplicate_of, a->near,
                                           a->n_near);
    if (!line)
        return PX_ENOMEM;
    fprintf(r->out, "%s\n", line);
    free(line);
    return 0;
}

static int list_db(const char *path, run *r)
{
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        fprintf(stderr, "parallax stories: %s: no such corpus\n", path);
        return CLI_INPUT;
    }
    fclose(probe);
    px_store *s = NULL;
    int rc = px_store_open_ex(&s, path, NULL, PX_STORE_READONLY);
    if (rc) {
        fprintf(stderr, "parallax stories: %s: %s%s%s\n", path, px_strerror(rc),
                s ? ": " : "", s ? px_store_errmsg(s) : "");
        px_store_close(s);
        return CLI_INPUT;
    }
    if (!px_store_repaired(s))
        fprintf(stderr, "parallax stories: %s: an add was interrupted: these stories are "
                        "provisional until the next 'parallax add %s'\n",
                path, path);
    rc = r->format == 0 ? px_store_articles(s, print_article_json, r)
                        : px_store_stories(s, print_story, r);
    if (rc)
        fprintf(stderr, "parallax stories: %s: %s: %s\n", path, px_strerror(rc),
                px_store_errmsg(s));
    px_store_close(s);
    return rc ? CLI_INPUT : CLI_OK;
}

typedef struct grouping {
    px_grouper *g;
    run *r;
    int fatal;
} grouping;

static int group_doc(void *ud, px_doc *doc)
{
    grouping *gr = ud;
    if (!keep_doc(gr->r, doc)) {
        px_doc_free(doc);
        return gr->fatal = PX_ENOMEM;
    }
    return gr->fatal = px_grouper_add(gr->g, doc);
}

int cmd_stories(const cli_opts *o)
{
    cli_ctx ctx = {.opt = o, .progress = true, .streams = true};
    px_group_options opt = {.dup_threshold = o->dup_threshold,
                            .story_threshold = o->story_threshold,
                            .shingle = (int)o->shingle,
                            .num_perm = (int)o->num_perm,
                            .threads = (int)o->threads};
    run r = {.format = o->format};
    grouping gr = {NULL, &r, 0};
    int rc = CLI_OK;
    if (o->n_inputs == 1 && strcmp(o->inputs[0], "-") && cli_is_sqlite(o->inputs[0])) {
        if (!(r.out = cli_open_output(o->out_path)))
            return CLI_INPUT;
        /* a corpus's stories were made with the options it was made with */
        if ((o->dup_threshold || o->story_threshold || o->shingle || o->num_perm) && !o->quiet)
            fprintf(stderr, "parallax stories: %s: note: a corpus lists the stories it holds, "
                            "made with its own options: the grouping options are ignored\n",
                    o->inputs[0]);
        rc = list_db(o->inputs[0], &r);
        if (!cli_close_output(r.out, o->out_path))
            rc = CLI_INPUT;
        return rc;
    }
    if ((rc = cli_open_reader(&ctx, o->inputs, o->n_inputs)))
        goto done;
    r.out = cli_open_output(o->out_path);
    if (!r.out || px_grouper_new(&gr.g, &opt)) {
        if (r.out) {
            fprintf(stderr, "parallax stories: out of memory\n");
            cli_close_output(r.out, o->out_path);
        }
        rc = CLI_INPUT;
        goto done;
    }
    int st = cli_each_doc(&ctx, group_doc, &gr);
    int fatal = gr.fatal;
    if (!fatal)
        fatal = px_grouper_run(gr.g);
    if (!fatal)
        fatal = write_jsonl(&r, gr.g);
    if (fatal)
        fprintf(stderr, "parallax stories: %s\n", px_strerror(fatal));
    if (!fatal && r.format == 1) {
        write_text(&r);
        if (r.oom) {
            fprintf(stderr, "parallax stories: out of memory\n");
            fatal = PX_ENOMEM;
        }
    }
    px_grouper_free(gr.g);
    gr.g = NULL;
    rc = cli_finish(&ctx, r.out, st < 0 ? st : fatal);
done:
    px_grouper_free(gr.g);
    cli_close_reader(&ctx);
    for (size_t i = 0; i < r.n; i++) {
        free(r.docs[i].id);
        free(r.docs[i].source);
        free(r.docs[i].headline);
    }
    free(r.docs);
    return rc;
}
