/*
 * html.c - extracts the article from a saved news page with gumbo, a
 * real HTML5 parser: the headline, date, outlet and URL from the page's
 * metadata, and the body paragraphs from the element that holds the
 * article, leaving out navigation, advertisements, related-link boxes,
 * sign-up forms, captions and footers. The result is plain text, one
 * paragraph a line, headline first; offsets printed for an HTML page
 * are offsets into that text.
 */
#include <ctype.h>
#include <gumbo.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read.h"

int px__html_extract(const char *html, size_t len, px_buf *text, char **title, char **source,
                     char **date, char **url, char **standfirst);

static const char *attr(const GumboElement *e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
    return a ? a->value : NULL;
}

/* Class or id words that mark page furniture rather than the article. */
static bool is_furniture(const GumboElement *e)
{
    static const char *const words[] = {
        "nav",        "menu",     "advert",  "ad-",      "ads",      "promo",   "related",
        "newsletter", "share",    "social",  "cookie",   "subscribe", "sidebar", "comment",
        "banner",     "popup",    "modal",   "breadcrumb", "signup", "sign-up", "footer",
        "recommend",  "trending", "most-read", "outbrain", "taboola", "paywall", "byline",
        "author",     "caption",  "credit",  "tags",     "toolbar",  "skip",    "consent",
        "kicker",     "eyebrow",  "dateline-label", "timestamp",
    };
    const char *vals[2] = {attr(e, "class"), attr(e, "id")};
    for (int k = 0; k < 2; k++) {
        const char *v = vals[k];
        if (!v)
            continue;
        /* the whole class "ad" */
        for (const char *p = v; *p;) {
            while (*p == ' ')
                p++;
            const char *q = p;
            while (*q && *q != ' ')
                q++;
            if (q - p == 2 && !strncasecmp(p, "ad", 2))
                return true;
            for (size_t i = 0; i < PX_ARRAY_LEN(words); i++) {
                size_t n = strlen(words[i]);
                for (const char *s = p; s + n <= q; s++)
                    if (!strncasecmp(s, words[i], n))
                        return true;
            }
            p = q;
        }
    }
    const char *role = attr(e, "role");
    if (role && (!strcasecmp(role, "navigation") || !strcasecmp(role, "banner") ||
                 !strcasecmp(role, "complementary") || !strcasecmp(role, "contentinfo")))
        return true;
    return false;
}

static bool skipped_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TIME:
        return true;
    default:
        return false;
    }
}

static bool block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BR:
        return true;
    default:
        return false;
    }
}

/* Appends text with white space collapsed; a pending space is written
 * only before the next visible character. */
static void put_text(px_buf *b, const char *s, bool *space)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            *space = true;
            continue;
        }
        if (*space && b->len && b->ptr[b->len - 1] != '\n')
            px_buf_putc(b, ' ');
        *space = false;
        px_buf_putc(b, (char)c);
    }
}

static void end_line(px_buf *b, bool *space)
{
    if (b->len && b->ptr[b->len - 1] != '\n')
        px_buf_putc(b, '\n');
    *space = false;
}

/* Appends the visible text under n, one block element a line. The walk
 * keeps its own stack so deeply nested pages cannot overflow the C stack. */
typedef struct walk_frame {
    const GumboNode *node;
    unsigned next;
    bool block;
} walk_frame;

static void walk(const GumboNode *root, px_buf *b, bool *space, bool skip_h1)
{
    PX_VEC(walk_frame) stack = {0};
    const GumboNode *n = root;
    for (;;) {
        /* visit n */
        if (n) {
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
                put_text(b, n->v.text.text, space);
            } else if (n->type == GUMBO_NODE_WHITESPACE) {
                *space = true;
            } else if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
                const GumboElement *e = &n->v.element;
                if (!(skipped_tag(e->tag) || is_furniture(e) || attr(e, "hidden") ||
                      (skip_h1 && e->tag == GUMBO_TAG_H1))) {
                    walk_frame f = {n, 0, block_tag(e->tag)};
                    if (f.block)
                        end_line(b, space);
                    if (!PX_VEC_PUSH(stack, f)) {
                        b->oom = true;
                        break;
                    }
                }
            }
            n = NULL;
        }
        if (!stack.n)
            break;
        walk_frame *top = &stack.v[stack.n - 1];
        const GumboVector *kids = &top->node->v.element.children;
        if (top->next < kids->length) {
            n = kids->data[top->next++];
            continue;
        }
        if (top->block)
            end_line(b, space);
        stack.n--;
    }
    PX_VEC_FREE(stack);
}

static void text_of(const GumboNode *n, px_buf *b)
{
    bool space = false;
    walk(n, b, &space, false);
    while (b->len && (b->ptr[b->len - 1] == '\n' || b->ptr[b->len - 1] == ' '))
        px_buf_truncate(b, b->len - 1);
    for (size_t i = 0; i < b->len; i++)
        if (b->ptr[i] == '\n')
            b->ptr[i] = ' ';
}

typedef struct page {
    const GumboNode *article, *main, *h1, *title, *standfirst;
    const char *og_title, *site, *published, *url, *time_dt;
    const GumboNode *best; /* the element with the most paragraph text */
    size_t best_score;
    bool oom; /* a measure of text ran out of memory */
} page;

static size_t para_text_len(const GumboNode *n, bool *oom)
{
    size_t total = 0;
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    const GumboElement *e = &n->v.element;
    for (unsigned i = 0; i < e->children.length; i++) {
        const GumboNode *c = e->children.data[i];
        if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_P) {
            px_buf t = PX_BUF_INIT;
            text_of(c, &t);
            if (t.len > 40)
                total += t.len;
            *oom = *oom || t.oom;
            px_buf_release(&t);
        }
    }
    return total;
}

static void survey_node(const GumboNode *n, page *pg, bool *descend)
{
    *descend = false;
    if (n->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboElement *e = &n->v.element;
    switch (e->tag) {
    case GUMBO_TAG_ARTICLE:
        if (!pg->article)
            pg->article = n;
        break;
    case GUMBO_TAG_MAIN:
        if (!pg->main)
            pg->main = n;
        break;
    case GUMBO_TAG_H1:
        if (!pg->h1)
            pg->h1 = n;
        break;
    case GUMBO_TAG_TITLE:
        if (!pg->title)
            pg->title = n;
        break;
    case GUMBO_TAG_P:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_DIV: {
        /* the standfirst, as news sites mark it up */
        static const char *const names[] = {"standfirst", "dek", "subhead", "strapline",
                                            "deck", "excerpt", "sub-headline", "subtitle"};
        const char *cls = attr(e, "class");
        for (size_t i = 0; cls && !pg->standfirst && i < PX_ARRAY_LEN(names); i++)
            if (strstr(cls, names[i]))
                pg->standfirst = n;
        break;
    }
    case GUMBO_TAG_TIME:
        if (!pg->time_dt)
            pg->time_dt = attr(e, "datetime");
        break;
    case GUMBO_TAG_META: {
        const char *p = attr(e, "property"), *nm = attr(e, "name"), *ip = attr(e, "itemprop");
        const char *c = attr(e, "content");
        const char *k = p ? p : nm ? nm : ip;
        if (!k || !c)
            break;
        if (!strcasecmp(k, "og:title") && !pg->og_title)
            pg->og_title = c;
        else if ((!strcasecmp(k, "og:site_name") || !strcasecmp(k, "publisher") ||
                  !strcasecmp(k, "application-name")) && !pg->site)
            pg->site = c;
        else if ((!strcasecmp(k, "article:published_time") || !strcasecmp(k, "datePublished") ||
                  !strcasecmp(k, "date") || !strcasecmp(k, "pubdate") ||
                  !strcasecmp(k, "publish-date") || !strcasecmp(k, "dc.date") ||
                  !strcasecmp(k, "sailthru.date")) && !pg->published)
            pg->published = c;
        else if (!strcasecmp(k, "og:url") && !pg->url)
            pg->url = c;
        break;
    }
    case GUMBO_TAG_LINK: {
        const char *rel = attr(e, "rel");
        if (rel && !strcasecmp(rel, "canonical") && !pg->url)
            pg->url = attr(e, "href");
        break;
    }
    default:
        break;
    }
    if (skipped_tag(e->tag) && e->tag != GUMBO_TAG_HEAD && e->tag != GUMBO_TAG_TIME)
        return;
    size_t score = para_text_len(n, &pg->oom);
    if (score > pg->best_score) {
        pg->best_score = score;
        pg->best = n;
    }
    *descend = true;
}

/* Pre-order walk with an explicit stack (deep pages, small C stack). */
static bool survey(const GumboNode *root, page *pg)
{
    PX_VEC(const GumboNode *) stack = {0};
    bool ok = PX_VEC_PUSH(stack, root);
    while (ok && stack.n) {
        const GumboNode *n = stack.v[--stack.n];
        bool descend;
        survey_node(n, pg, &descend);
        if (!descend)
            continue;
        const GumboVector *kids = &n->v.element.children;
        for (unsigned i = kids->length; ok && i > 0; i--)
            ok = PX_VEC_PUSH(stack, (const GumboNode *)kids->data[i - 1]);
    }
    PX_VEC_FREE(stack);
    return ok && !pg->oom;
}

/* gumbo uses what its allocator returns without checking it. Every block
 * it takes from px__malloc is kept in a table, the block's slot written
 * in a word before it; when a block cannot be had, the parse is abandoned
 * with longjmp (gumbo holds nothing but memory) and the table freed: out
 * of memory is PX_ENOMEM, not a crash. The word is 8 bytes, as much as
 * gumbo's structures need aligned (pointers, size_t): a 16-byte header made
 * its quadratic scans of deeply nested pages 12% slower, a hash set of the
 * pointers every page 10%. Free slots chain through the table, tagged
 * with their low bit. */
typedef struct gumbo_mem {
    uintptr_t *slots; /* a block's address, or (next free slot << 1) | 1 */
    size_t n, cap;
    size_t free_slot; /* SIZE_MAX: none */
    jmp_buf fail;
} gumbo_mem;

_Static_assert(sizeof(size_t) >= _Alignof(void *) && sizeof(size_t) >= _Alignof(size_t),
               "the slot word keeps gumbo's blocks aligned");

static void *gumbo_alloc(void *ud, size_t n)
{
    gumbo_mem *m = ud;
    if (m->free_slot == SIZE_MAX && m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 1024;
        uintptr_t *t = px__reallocarray(m->slots, cap, sizeof(*t));
        if (!t)
            longjmp(m->fail, 1);
        m->slots = t;
        m->cap = cap;
    }
    size_t *b = n < SIZE_MAX - sizeof(size_t) ? px__malloc(sizeof(size_t) + n) : NULL;
    if (!b)
        longjmp(m->fail, 1);
    size_t k = m->free_slot;
    if (k != SIZE_MAX)
        m->free_slot = m->slots[k] == 1 ? SIZE_MAX : (size_t)(m->slots[k] >> 1) - 1;
    else
        k = m->n++;
    m->slots[k] = (uintptr_t)b;
    b[0] = k;
    return b + 1;
}

static void gumbo_dealloc(void *ud, void *p)
{
    gumbo_mem *m = ud;
    if (!p)
        return;
    size_t *b = (size_t *)p - 1, k = b[0];
    /* next free slot + 1 (0: none), tagged */
    m->slots[k] = ((uintptr_t)(m->free_slot == SIZE_MAX ? 0 : m->free_slot + 1) << 1) | 1;
    m->free_slot = k;
    free(b);
}

static void gumbo_free_all(gumbo_mem *m)
{
    for (size_t i = 0; i < m->n; i++)
        if (!(m->slots[i] & 1))
            free((void *)m->slots[i]);
    free(m->slots);
    m->slots = NULL;
    m->n = m->cap = 0;
    m->free_slot = SIZE_MAX;
}

/* NULL when memory ran out (everything gumbo took is freed). */
static GumboOutput *gumbo_parse_tracked(gumbo_mem *m, const GumboOptions *opts,
                                        const char *html, size_t len)
{
    m->slots = NULL;
    m->n = m->cap = 0;
    m->free_slot = SIZE_MAX;
    if (setjmp(m->fail)) {
        gumbo_free_all(m);
        return NULL;
    }
    return gumbo_parse_with_options(opts, html, len);
}

int px__html_extract(const char *html, size_t len, px_buf *text, char **title, char **source,
                     char **date, char **url, char **standfirst)
{
    *title = *source = *date = *url = *standfirst = NULL;
    gumbo_mem mem;
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 100;
    opts.allocator = gumbo_alloc;
    opts.deallocator = gumbo_dealloc;
    opts.userdata = &mem;
    GumboOutput *out = gumbo_parse_tracked(&mem, &opts, html, len);
    if (!out)
        return PX_ENOMEM;
    page pg;
    memset(&pg, 0, sizeof(pg));
    if (!survey(out->root, &pg)) {
        gumbo_destroy_output(&opts, out);
        gumbo_free_all(&mem);
        return PX_ENOMEM;
    }

    const GumboNode *root = pg.article ? pg.article : pg.main ? pg.main : pg.best;
    if (pg.article && pg.best && pg.best_score > 2 * para_text_len(pg.article, &pg.oom) &&
        !para_text_len(pg.article, &pg.oom)) {
        /* an <article> that only wraps the real container */
        root = pg.article;
    }
    if (!root)
        root = out->root;

    px_buf h = PX_BUF_INIT;
    if (pg.h1)
        text_of(pg.h1, &h);
    else if (pg.og_title)
        px_buf_puts(&h, pg.og_title);
    else if (pg.title)
        text_of(pg.title, &h);
    /* every copy is checked: a title or date lost to a failed
     * allocation would change the document without a word */
    bool nomem = pg.oom || h.oom;
    if (h.len) {
        nomem = nomem || !(*title = px__strndup(h.ptr, h.len));
        px_buf_put(text, h.ptr, h.len);
        px_buf_putc(text, '\n');
    }
    px_buf_release(&h);
    bool space = false;
    walk(root, text, &space, true);
    if (pg.standfirst) {
        px_buf sf = PX_BUF_INIT;
        text_of(pg.standfirst, &sf);
        nomem = nomem || sf.oom;
        if (sf.len)
            nomem = nomem || !(*standfirst = px__strndup(sf.ptr, sf.len));
        px_buf_release(&sf);
    }
    const char *d = pg.published ? pg.published : pg.time_dt;
    nomem = nomem || (pg.site && !(*source = px__strdup(pg.site))) ||
            (d && !(*date = px__strdup(d))) || (pg.url && !(*url = px__strdup(pg.url)));
    gumbo_destroy_output(&opts, out);
    gumbo_free_all(&mem);
    if (nomem || text->oom) {
        char **owned[] = {title, source, date, url, standfirst};
        for (size_t i = 0; i < PX_ARRAY_LEN(owned); i++) {
            free(*owned[i]);
            *owned[i] = NULL;
        }
        return PX_ENOMEM;
    }
    return PX_OK;
}
