/*
 * dates.c - the public face of the dates stage: which reference date a
 * document is resolved against and where it came from (the document's
 * own date, an embedded post's date, the story's), the per-document cache
 * of resolved expressions, story-level anchoring, and the JSONL writer.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"

struct px_dates_cache {
    bool done;
    bool ref_given;    /* the cached result was for an explicit ref */
    char given[11];    /* that ref */
    char ref_used[11]; /* "" when none */
    const char *origin;
    char story[11]; /* set by px_dates_anchor_story, "" if none */
    px_date_post *story_posts; /* the story's dated posts (in the arena) */
    size_t n_story_posts;
    px_timex *v;
    size_t n;
};

const char *px_timex_type_name(px_timex_type t)
{
    switch (t) {
    case PX_TIMEX_DATE: return "DATE";
    case PX_TIMEX_TIME: return "TIME";
    case PX_TIMEX_DURATION: return "DURATION";
    case PX_TIMEX_SET: return "SET";
    }
    return "DATE";
}

static struct px_dates_cache *cache_of(px_doc *doc)
{
    if (!doc->dates) {
        doc->dates = px_arena_calloc(&doc->arena, 1, sizeof(*doc->dates));
        if (doc->dates)
            doc->dates->origin = "none";
    }
    return doc->dates;
}

px_ymd px__dates_embedded_post(const px_doc *doc)
{
    px_ymd best = {0, 0, 0};
    for (size_t b = 0; b < doc->n_blocks; b++) {
        const px_block *blk = &doc->blocks[b];
        if (blk->kind != PX_BLOCK_EMBED)
            continue;
        /* the date of a post sits on its signature line, usually last:
         * try each word that names a month, and ISO dates */
        const char *s = doc->text;
        for (size_t p = blk->start; p < blk->end; p++) {
            if (p > blk->start && ((s[p - 1] >= 'A' && s[p - 1] <= 'Z') ||
                                   (s[p - 1] >= 'a' && s[p - 1] <= 'z') ||
                                   (s[p - 1] >= '0' && s[p - 1] <= '9')))
                continue;
            if (!((s[p] >= 'A' && s[p] <= 'Z') || (s[p] >= '0' && s[p] <= '9')))
                continue;
            int y, m, d;
            size_t used = px__parse_calendar_date(s + p, blk->end - p, &y, &m, &d);
            if (!used || y < 1900 || y > 2200)
                continue;
            px_ymd cand = {y, m, d};
            if (!best.y || px__days_from_civil(y, m, d) >
                               px__days_from_civil(best.y, best.m, best.d))
                best = cand;
            p += used - 1;
        }
    }
    return best;
}

int px__dates_collect_posts(const px_doc *doc, px_arena *a, px_date_post_vec *out)
{
    px_ymd date = px__dates_embedded_post(doc);
    if (!date.y)
        return PX_OK;
    for (size_t b = 0; b < doc->n_blocks; b++) {
        const px_block *blk = &doc->blocks[b];
        /* posts are short; a long "embed" is not one worth searching */
        if (blk->kind != PX_BLOCK_EMBED || blk->end - blk->start < 20 ||
            blk->end - blk->start > 8192)
            continue;
        px_buf f = PX_BUF_INIT;
        px__fold_typography(&f, doc->text + blk->start, blk->end - blk->start, true);
        char *copy = f.oom ? NULL : px_arena_strndup(a, f.ptr, f.len);
        px_date_post p = {copy, f.len, date};
        px_buf_release(&f);
        if (!copy || !PX_VEC_PUSH(*out, p))
            return PX_ENOMEM;
    }
    return PX_OK;
}

/* The document's own reference date and its origin, or false. */
static bool own_reference(const px_doc *doc, px_ymd *out, const char **origin)
{
    if (doc->date && px__parse_ymd(doc->date, out)) {
        *origin = doc->date_origin ? doc->date_origin : "metadata";
        return true;
    }
    px_ymd post = px__dates_embedded_post(doc);
    if (post.y) {
        *out = post;
        *origin = "embedded post";
        return true;
    }
    return false;
}

int px_dates_find(px_doc *doc, const char *ref, const px_timex **out, size_t *n)
{
    if (!doc || !out || !n)
        return PX_EUSAGE;
    *out = NULL;
    *n = 0;
    px_ymd r = {0, 0, 0};
    if (ref && !px__parse_ymd(ref, &r))
        return PX_EUSAGE;
    struct px_dates_cache *c = cache_of(doc);
    if (!c)
        return PX_ENOMEM;
    if (c->done && c->ref_given == (ref != NULL) && (!ref || !strncmp(c->given, ref, 10))) {
        *out = c->v;
        *n = c->n;
        return PX_OK;
    }
    const char *origin = "none";
    if (ref)
        origin = "given";
    else if (own_reference(doc, &r, &origin))
        ;
    else if (c->story[0] && px__parse_ymd(c->story, &r))
        origin = "story";
    px_date_found_vec found = {0};
    px_date_post_vec posts = {0};
    int rc = px__dates_collect_posts(doc, &doc->arena, &posts);
    for (size_t i = 0; !rc && i < c->n_story_posts; i++)
        if (!PX_VEC_PUSH(posts, c->story_posts[i]))
            rc = PX_ENOMEM;
    if (!rc)
        rc = px__dates_tag(doc, r, posts.v, posts.n, &found);
    PX_VEC_FREE(posts);
    if (rc) {
        PX_VEC_FREE(found);
        return rc;
    }
    px_timex *v = px_arena_alloc(&doc->arena, (found.n + 1) * sizeof(px_timex));
    if (!v) {
        PX_VEC_FREE(found);
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < found.n; i++) {
        const px_date_found *f = &found.v[i];
        v[i].start = f->start;
        v[i].end = f->end;
        v[i].type = f->type;
        v[i].sentence = f->sentence;
        v[i].value = px_arena_strdup(&doc->arena, f->value);
        if (!v[i].value) {
            PX_VEC_FREE(found);
            return PX_ENOMEM;
        }
    }
    c->v = v;
    c->n = found.n;
    PX_VEC_FREE(found);
    c->done = true;
    c->ref_given = ref != NULL;
    if (ref)
        snprintf(c->given, sizeof(c->given), "%.10s", ref);
    if (r.y)
        snprintf(c->ref_used, sizeof(c->ref_used), "%04d-%02d-%02d", r.y, r.m, r.d);
    else
        c->ref_used[0] = 0;
    c->origin = r.y ? origin : "none";
    *out = c->v;
    *n = c->n;
    return PX_OK;
}

const char *px_dates_reference(px_doc *doc, const char **origin)
{
    if (origin)
        *origin = "none";
    if (!doc || !doc->dates || !doc->dates->done)
        return NULL;
    if (origin)
        *origin = doc->dates->origin;
    return doc->dates->ref_used[0] ? doc->dates->ref_used : NULL;
}

static int cmp_days(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Appends the quotations of a document that states its own date, as
 * "posts" of that date: words an article prints were said by the day it
 * was published. At most max_bytes of folded text. */
static int collect_quotations(const px_doc *doc, px_arena *a, px_date_post_vec *out,
                              size_t *budget)
{
    px_ymd date;
    if (!doc->date || !px__parse_ymd(doc->date, &date) || !*budget)
        return PX_OK;
    bool *q = px__dates_quoted_tokens(doc);
    if (!q)
        return PX_ENOMEM;
    int rc = PX_OK;
    px_buf f = PX_BUF_INIT;
    for (size_t k = 0; k < doc->n_toks && !rc;) {
        if (!q[k]) {
            k++;
            continue;
        }
        size_t first = k;
        while (k < doc->n_toks && q[k])
            k++;
        size_t start = doc->toks[first].start, end = doc->toks[k - 1].end;
        if (end - start < 20 || end - start > *budget)
            continue;
        px_buf_clear(&f);
        px__fold_typography(&f, doc->text + start, end - start, true);
        char *copy = f.oom ? NULL : px_arena_strndup(a, f.ptr, f.len);
        px_date_post p = {copy, f.len, date};
        if (!copy || !PX_VEC_PUSH(*out, p))
            rc = PX_ENOMEM;
        *budget -= end - start;
    }
    px_buf_release(&f);
    free(q);
    return rc;
}

/* The words of doc's quotations that can make a deictic expression
 * ("today", "tomorrow", "tonight", "this morning", "last night"), lower
 * case, each once, joined by NUL bytes in *out. Only such an expression
 * inside a quotation is dated by when its words were said, and the
 * words that date it (px__dates_tag's needle) include it, so a post is
 * of use to the document only when it holds one of them. */
static int quoted_deictic_words(const px_doc *doc, px_buf *out)
{
    px_buf_clear(out);
    bool *q = px__dates_quoted_tokens(doc);
    if (!q)
        return PX_ENOMEM;
    for (size_t k = 0; k < doc->n_toks; k++) {
        const px_token *tk = &doc->toks[k];
        if (!q[k] || tk->kind != PX_TOK_WORD)
            continue;
        /* atoms: hyphens split words ("day-after-tomorrow") */
        for (size_t p = tk->start; p < tk->end;) {
            size_t e = p;
            while (e < tk->end && doc->text[e] != '-')
                e++;
            char w[24];
            size_t len = e - p;
            if (len && len < sizeof w) {
                for (size_t i = 0; i < len; i++) {
                    char c = doc->text[p + i];
                    w[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                }
                w[len] = 0;
                const px_date_lex *l = px__date_lex_find(w, len);
                bool deictic = l && (l->fn == FN_TODAY || l->fn == FN_TOMORROW || l->fn == FN_YESTERDAY ||
                                     l->fn == FN_TONIGHT || l->pod);
                bool seen = false;
                for (size_t at = 0; deictic && at < out->len && !seen; at += strlen(out->ptr + at) + 1)
                    seen = !strcmp(out->ptr + at, w);
                if (deictic && !seen)
                    px_buf_put(out, w, len + 1);
            }
            p = e + 1;
        }
    }
    free(q);
    return out->oom ? PX_ENOMEM : PX_OK;
}

/* Whether folded text t[0..len) holds one of the NUL-joined words. */
static bool holds_any(const char *t, size_t len, const px_buf *words)
{
    for (size_t at = 0; at < words->len; at += strlen(words->ptr + at) + 1) {
        size_t wl = strlen(words->ptr + at);
        for (size_t i = 0; i + wl <= len; i++)
            if (t[i] == words->ptr[at] && !memcmp(t + i, words->ptr + at, wl))
                return true;
    }
    return false;
}

static int cmp_post(const void *a, const void *b)
{
    const px_date_post *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    int c = memcmp(x->folded, y->folded, x->len);
    if (c)
        return c;
    long dx = px__days_from_civil(x->date.y, x->date.m, x->date.d);
    long dy = px__days_from_civil(y->date.y, y->date.m, y->date.d);
    return (dx > dy) - (dx < dy);
}

/* Gives every document of the story the story's dated posts and the
 * quotations of its dated articles, so that an article quoting them
 * knows by when the words were said. Copies of one another carry the
 * same posts: each is kept once (the earliest date of the same words is
 * the one speech_date takes), and a document gets only the posts that
 * hold a deictic word its own quotations use, so memory stays linear in
 * the story. */
static int share_posts(px_doc *const *docs, size_t n)
{
    px_arena tmp;
    px_arena_init(&tmp, 4096);
    px_date_post_vec posts = {0};
    px_buf words = PX_BUF_INIT;
    px_date_post *mine = NULL;
    int rc = PX_OK;
    size_t budget = 64 * 1024; /* quoted text shared with every article */
    for (size_t i = 0; i < n && !rc; i++)
        if (docs[i])
            rc = px__dates_collect_posts(docs[i], &tmp, &posts);
    for (size_t i = 0; i < n && !rc; i++)
        if (docs[i])
            rc = collect_quotations(docs[i], &tmp, &posts, &budget);
    /* each post once: sorted by text, then date; the same words at a
     * later date add nothing */
    if (!rc && posts.n > 1) {
        px__qsort(posts.v, posts.n, sizeof(px_date_post), cmp_post);
        size_t k = 1;
        for (size_t i = 1; i < posts.n; i++)
            if (posts.v[i].len != posts.v[k - 1].len || memcmp(posts.v[i].folded, posts.v[k - 1].folded, posts.v[i].len))
                posts.v[k++] = posts.v[i];
        posts.n = k;
    }
    if (!rc && posts.n && !(mine = px__malloc(posts.n * sizeof(*mine))))
        rc = PX_ENOMEM;
    for (size_t i = 0; i < n && posts.n && !rc; i++) {
        if (!docs[i])
            continue;
        struct px_dates_cache *c = cache_of(docs[i]);
        if (!c) {
            rc = PX_ENOMEM;
            break;
        }
        c->done = false;
        if ((rc = quoted_deictic_words(docs[i], &words)))
            break;
        size_t n_mine = 0;
        for (size_t k = 0; words.len && k < posts.n; k++)
            if (holds_any(posts.v[k].folded, posts.v[k].len, &words))
                mine[n_mine++] = posts.v[k];
        if (!n_mine)
            continue;
        px_date_post *copy = px_arena_alloc(&docs[i]->arena, n_mine * sizeof(*copy));
        if (!copy) {
            rc = PX_ENOMEM;
            break;
        }
        for (size_t k = 0; k < n_mine && !rc; k++) {
            copy[k] = mine[k];
            copy[k].folded = px_arena_strndup(&docs[i]->arena, mine[k].folded, mine[k].len);
            if (!copy[k].folded)
                rc = PX_ENOMEM;
        }
        c->story_posts = copy;
        c->n_story_posts = n_mine;
    }
    free(mine);
    px_buf_release(&words);
    PX_VEC_FREE(posts);
    px_arena_release(&tmp);
    return rc;
}

int px_dates_anchor_story(px_doc *const *docs, size_t n)
{
    if (!docs || !n)
        return PX_OK;
    long *pub = px__calloc(n, sizeof(long)), *inferred = px__calloc(n, sizeof(long));
    bool *has = px__calloc(n, sizeof(bool));
    int rc = PX_ENOMEM;
    if (!pub || !inferred || !has)
        goto done;
    size_t n_pub = 0, n_inf = 0;
    for (size_t i = 0; i < n; i++) {
        if (!docs[i])
            continue;
        px_ymd d;
        const char *origin;
        if (own_reference(docs[i], &d, &origin)) {
            has[i] = true;
            long days = px__days_from_civil(d.y, d.m, d.d);
            if (!strcmp(origin, "embedded post"))
                inferred[n_inf++] = days;
            else
                pub[n_pub++] = days;
        }
    }
    if ((rc = share_posts(docs, n)))
        goto done;
    long *set = n_pub ? pub : inferred;
    size_t n_set = n_pub ? n_pub : n_inf;
    rc = PX_OK;
    if (!n_set)
        goto done;
    px__qsort(set, n_set, sizeof(long), cmp_days);
    /* the upper median: articles are published after what they report */
    px_ymd story = px__civil_from_days(set[n_set / 2]);
    for (size_t i = 0; i < n; i++) {
        if (!docs[i] || has[i])
            continue;
        struct px_dates_cache *c = cache_of(docs[i]);
        if (!c) {
            rc = PX_ENOMEM;
            goto done;
        }
        snprintf(c->story, sizeof(c->story), "%04d-%02d-%02d", story.y, story.m, story.d);
        c->done = false; /* resolve again with the story's date */
    }
done:
    free(pub);
    free(inferred);
    free(has);
    return rc;
}

static void put_uint(px_buf *b, size_t v)
{
    char tmp[24];
    size_t n = sizeof(tmp);
    do {
        tmp[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    px_buf_put(b, tmp + n, sizeof(tmp) - n);
}

static void put_str(px_buf *b, const char *s, size_t len)
{
    px_buf_putc(b, '"');
    px__json_escape(b, s, len);
    px_buf_putc(b, '"');
}

/* One object a line. The keys are fixed and the values escaped at the
 * writer, so objects are written directly: this runs once per expression
 * of every document and the generic px_json writer (printf per number)
 * cost more than finding the expressions. */
int px_dates_write_jsonl(FILE *f, px_doc *doc, const char *ref)
{
    if (!f || !doc)
        return PX_EUSAGE;
    const px_timex *v;
    size_t n;
    int rc = px_dates_find(doc, ref, &v, &n);
    if (rc || !n)
        return rc;
    const char *origin;
    const char *used = px_dates_reference(doc, &origin);
    px_buf head = PX_BUF_INIT, tail = PX_BUF_INIT, b = PX_BUF_INIT;
    px_buf_puts(&head, "{\"doc\":");
    put_str(&head, doc->id, strlen(doc->id));
    px_buf_puts(&tail, ",\"ref\":");
    if (used)
        put_str(&tail, used, strlen(used));
    else
        px_buf_puts(&tail, "null");
    px_buf_puts(&tail, ",\"ref_origin\":");
    put_str(&tail, origin, strlen(origin));
    px_buf_puts(&tail, "}\n");
    for (size_t i = 0; i < n; i++) {
        px_buf_put(&b, head.ptr, head.len);
        px_buf_puts(&b, ",\"start\":");
        put_uint(&b, px_doc_char_offset(doc, v[i].start));
        px_buf_puts(&b, ",\"end\":");
        put_uint(&b, px_doc_char_offset(doc, v[i].end));
        px_buf_puts(&b, ",\"text\":");
        put_str(&b, doc->text + v[i].start, v[i].end - v[i].start);
        px_buf_puts(&b, ",\"type\":\"");
        px_buf_puts(&b, px_timex_type_name(v[i].type));
        px_buf_puts(&b, "\",\"value\":");
        put_str(&b, v[i].value, strlen(v[i].value));
        px_buf_puts(&b, ",\"sentence\":");
        put_uint(&b, v[i].sentence);
        px_buf_put(&b, tail.ptr, tail.len);
    }
    rc = b.oom || head.oom || tail.oom ? PX_ENOMEM : PX_OK;
    if (!rc && fwrite(b.ptr, 1, b.len, f) != b.len)
        rc = PX_EIO;
    px_buf_release(&head);
    px_buf_release(&tail);
    px_buf_release(&b);
    return rc;
}
