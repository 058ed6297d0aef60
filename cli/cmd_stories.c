/*
 * cmd_stories.c - 'parallax stories': which articles are copies of one
 * another (near-duplicate families) and which tell the same story.
 * Reads INPUT files and folders in one streaming pass, or lists the
 * stories of a SQLite corpus made by 'parallax add'.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "progress.h"

static const char help[] =
    "usage: parallax stories [--format jsonl|text] [-o FILE] [OPTIONS] INPUT...\n"
    "       parallax stories [--format jsonl|text] [-o FILE] DB\n\n"
    "Groups articles into near-duplicate families and stories. Near-duplicates:\n"
    "MinHash over word shingles with LSH banding, candidates verified by their\n"
    "Jaccard. Stories: average-linkage clustering of TF-IDF vectors (stemmed\n"
    "terms, names, numbers, places; document frequencies over the whole input),\n"
    "stories whose dates lie far apart held apart; no number of clusters to\n"
    "choose, and the stories do not depend on the order of the input.\n"
    "With a SQLite corpus (a file starting 'SQLite format 3' or named *.db),\n"
    "lists its stories instead.\n\n"
    "jsonl: one object per document: doc, story (a number shared by the\n"
    "story's documents), duplicate_of (id of the family's first document, or\n"
    "null), near_duplicates (ids of the earlier documents verified as its\n"
    "near-duplicates). text: each story with its headline, outlets and documents.\n\n"
    "  --format F          jsonl (default) or text\n"
    "  -o FILE             write to FILE instead of standard output\n"
    "  --threshold J       Jaccard threshold of near-duplicates (default 0.5)\n"
    "  --shingle K         words per shingle (default 5)\n"
    "  --num-perm N        MinHash permutations (default 128)\n"
    "  --story-threshold S mean cosine of two stories' articles to merge them\n"
    "                      (default 0.2, learnt on ECB+ dev)\n"
    "  --threads N         threads (default: all cores)\n"
    "  --strict            stop at the first input problem\n"
    "  --quiet             do not print warnings (the exit status still tells)\n";

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

/* One line of JSON a document, in input order. */
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

static bool is_sqlite(const char *path)
{
    size_t len = strlen(path);
    FILE *f = fopen(path, "rb");
    char head[16] = {0};
    bool yes = false;
    if (f) {
        yes = fread(head, 1, 16, f) == 16 && !memcmp(head, "SQLite format 3", 16);
        fclose(f);
    }
    return yes || (len > 3 && !strcmp(path + len - 3, ".db"));
}

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
    fprintf(r->out, "; outlets: %s\n", s->outlets && s->outlets[0] ? s->outlets : "-");
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

static bool parse_double(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v >= 0))
        return false;
    *out = v;
    return true;
}

int cmd_stories(int argc, char **argv)
{
    static const char *const formats[] = {"jsonl", "text", NULL};
    cli_ctx ctx = {.verb = "stories"};
    px_group_options opt = {0};
    run r = {0};
    const char *out_path = NULL;
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    int n_inputs = 0;
    if (!inputs)
        return CLI_INPUT;
    int rc = CLI_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        size_t v;
        if (cli_is_help(a)) {
            fputs(help, stdout);
            goto done;
        } else if (!strcmp(a, "--format") || !strcmp(a, "-f")) {
            if (++i >= argc || (r.format = cli_format(argv[i], formats)) < 0) {
                rc = cli_usage_error(ctx.verb, "--format needs jsonl or text");
                goto done;
            }
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (++i >= argc) {
                rc = cli_usage_error(ctx.verb, "-o needs a file name");
                goto done;
            }
            out_path = argv[i];
        } else if (!strcmp(a, "--threshold")) {
            if (++i >= argc || !parse_double(argv[i], &opt.dup_threshold) ||
                opt.dup_threshold > 1) {
                rc = cli_usage_error(ctx.verb, "--threshold needs a number in (0, 1]");
                goto done;
            }
        } else if (!strcmp(a, "--story-threshold")) {
            if (++i >= argc || !parse_double(argv[i], &opt.story_threshold)) {
                rc = cli_usage_error(ctx.verb, "--story-threshold needs a number");
                goto done;
            }
        } else if (!strcmp(a, "--shingle") || !strcmp(a, "--num-perm") ||
                   !strcmp(a, "--threads")) {
            if (++i >= argc || !cli_parse_size(argv[i], &v) || v > 1024 ||
                (v == 0 && strcmp(a, "--threads"))) {
                rc = cli_usage_error(ctx.verb, "%s needs a number from 1 to 1024", a);
                goto done;
            }
            if (!strcmp(a, "--shingle"))
                opt.shingle = (int)v;
            else if (!strcmp(a, "--num-perm"))
                opt.num_perm = (int)v;
            else
                opt.threads = (int)v;
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
    if (n_inputs == 1 && strcmp(inputs[0], "-") && is_sqlite(inputs[0])) {
        r.out = cli_open_output(out_path);
        if (!r.out) {
            rc = CLI_INPUT;
            goto done;
        }
        rc = list_db(inputs[0], &r);
        if (!cli_close_output(r.out, out_path))
            rc = CLI_INPUT;
        goto done;
    }
    px_reader *reader = NULL;
    if ((rc = cli_open_reader(&ctx, inputs, n_inputs, &reader)))
        goto done;
    r.out = cli_open_output(out_path);
    px_grouper *g = NULL;
    if (!r.out || px_grouper_new(&g, &opt)) {
        if (r.out)
            fprintf(stderr, "parallax stories: out of memory\n");
        if (r.out)
            cli_close_output(r.out, out_path);
        px_reader_free(reader);
        rc = CLI_INPUT;
        goto done;
    }
    cli_progress progress;
    cli_progress_start(&progress, inputs, n_inputs);
    px_doc *doc;
    int st, fatal = 0;
    while ((st = cli_next(&ctx, reader, &doc)) == 1) {
        if (!keep_doc(&r, doc)) {
            px_doc_free(doc);
            fatal = PX_ENOMEM;
            break;
        }
        if ((fatal = px_grouper_add(g, doc)))
            break;
        cli_progress_update(&progress, px_reader_n_docs(reader), px_reader_bytes(reader));
    }
    if (!fatal)
        fatal = px_grouper_run(g);
    cli_progress_end(&progress);
    if (!fatal)
        fatal = write_jsonl(&r, g);
    if (fatal)
        fprintf(stderr, "parallax stories: %s\n", px_strerror(fatal));
    if (!fatal && r.format == 1)
        write_text(&r);
    px_grouper_free(g);
    bool ok = cli_close_output(r.out, out_path);
    rc = cli_exit_code(&ctx, st < 0 ? st : fatal);
    if (!ok)
        rc = CLI_INPUT;
    px_reader_free(reader);
done:
    for (size_t i = 0; i < r.n; i++) {
        free(r.docs[i].id);
        free(r.docs[i].source);
        free(r.docs[i].headline);
    }
    free(r.docs);
    free(inputs);
    return rc;
}
