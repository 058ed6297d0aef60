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
    "estimated Jaccard. Stories: TF-IDF weighted stemmed terms, names, numbers,\n"
    "places and publication dates; no number of clusters to choose. Articles\n"
    "are assigned in the order read, in one pass.\n"
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
    "  --story-threshold S cosine similarity to join a story (default 0.2)\n"
    "  --threads N         threads (default: all cores)\n"
    "  --strict            stop at the first input problem\n"
    "  --quiet             do not print warnings (the exit status still tells)\n";

typedef struct doc_rec {
    char *id, *source, *headline; /* headline only for a story's first document */
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

static void on_assign(void *ud, px_doc *doc, const px_group_assign *a)
{
    run *r = ud;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 1024;
        doc_rec *v = realloc(r->docs, cap * sizeof *v);
        if (!v) {
            r->oom = true;
            return;
        }
        r->docs = v;
        r->cap = cap;
    }
    doc_rec *d = &r->docs[r->n++];
    memset(d, 0, sizeof *d);
    d->id = dup_str(px_doc_id(doc));
    d->story = a->story;
    d->dup_of = a->dup_of;
    if (r->format == 1) {
        d->source = dup_str(px_doc_source(doc));
        if (a->new_story && px_doc_headline(doc)) {
            d->headline = dup_str(px_doc_headline(doc));
        } else if (a->new_story) {
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
    if (!d->id)
        r->oom = true;
    if (r->format == 0 && d->id) {
        const char *dup = a->dup_of >= 0 ? r->docs[a->dup_of].id : NULL;
        const char *near_small[16], **near = near_small;
        if (a->n_near > 16 && !(near = malloc(a->n_near * sizeof *near))) {
            r->oom = true;
            return;
        }
        for (size_t i = 0; i < a->n_near; i++)
            near[i] = r->docs[a->near[i]].id;
        char *line = px_group_assign_json_near(d->id, a->story, dup, near, a->n_near);
        if (near != near_small)
            free(near);
        if (!line)
            r->oom = true;
        else
            fprintf(r->out, "%s\n", line);
        free(line);
    }
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
    int rc = px_store_open(&s, path, NULL);
    if (rc) {
        fprintf(stderr, "parallax stories: %s: %s%s%s\n", path, px_strerror(rc),
                s ? ": " : "", s ? px_store_errmsg(s) : "");
        px_store_close(s);
        return CLI_INPUT;
    }
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
    if (!r.out || px_grouper_new(&g, &opt, on_assign, &r)) {
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
        if ((fatal = px_grouper_add(g, doc)))
            break;
        cli_progress_update(&progress, px_reader_n_docs(reader), px_reader_bytes(reader));
    }
    if (!fatal)
        fatal = px_grouper_finish(g);
    cli_progress_end(&progress);
    if (fatal)
        fprintf(stderr, "parallax stories: %s\n", px_strerror(fatal));
    if (!fatal && r.oom) {
        fprintf(stderr, "parallax stories: out of memory\n");
        fatal = PX_ENOMEM;
    }
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
