/*
 * html.c - reads a saved web page: enforces the caps on pathological
 * markup (html_caps.c), parses the page with gumbo, a real HTML5 parser,
 * indexes its visible elements in document order with the figures the
 * extractor scores, then hands the index to the metadata reader
 * (html_meta.c) and to the article extractor (html_score.c). The result
 * is plain text, headline first, one block a line, and the page's
 * metadata; offsets printed for an HTML page are offsets into that text.
 */
#include <assert.h>
#include <ctype.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"

const char *px__html_attr(const GumboNode *n, const char *name)
{
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)
        return NULL;
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

/* Elements whose content is never article text. */
static bool skipped_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
        return true;
    default:
        return false;
    }
}

static bool hidden(const GumboNode *n)
{
    if (px__html_attr(n, "hidden"))
        return true;
    const char *ah = px__html_attr(n, "aria-hidden");
    if (ah && !strcasecmp(ah, "true"))
        return true;
    const char *st = px__html_attr(n, "style");
    if (st) {
        for (const char *p = st; (p = strstr(p, "display")); p++) {
            const char *q = p + 7;
            while (*q == ' ' || *q == ':')
                q++;
            if (!strncasecmp(q, "none", 4))
                return true;
        }
        if (strstr(st, "visibility:hidden") || strstr(st, "visibility: hidden"))
            return true;
    }
    return false;
}

/* Readability's block elements: a div that holds none of these reads
 * as a paragraph. */
static bool block_child(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FORM:
        return true;
    default:
        return false;
    }
}

static bool heading_tag(GumboTag t)
{
    return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

/* Class and id words (Readability's lists, matched as whole tokens). */
static const char *const unlikely_words[] = {
    "banner",   "breadcrumb", "breadcrumbs", "combx",      "comment",   "comments",
    "community", "disqus",    "extra",       "footer",     "gdpr",      "legends",
    "menu",     "related",    "remark",      "replies",    "rss",       "shoutbox",
    "sidebar",  "skyscraper", "social",      "sponsor",    "sponsored", "supplemental",
    "agegate",  "pagination", "pager",       "popup",      "ad",        "ads",
    "advert",   "advertisement", "nav",      "navbar",     "newsletter", "cookie",
    "cookies",  "consent",    "promo",       "share",      "sharing",   "subscribe",
    "signup",   "trending",   "outbrain",    "taboola",    "recommended", "masthead",
    "modal",    "overlay",    "toolbar",     "skip",       "paywall",   "widget",
    NULL};
static const char *const maybe_words[] = {"article", "body",  "column", "content", "main",
                                          "mathjax", "shadow", "story", "entry",  "post",
                                          "text",    NULL};
static const char *const positive_words[] = {
    "article", "articlebody", "body", "content", "entry", "hentry", "main", "page",
    "post",    "text",        "blog", "story",   "prose", "paragraph", NULL};
static const char *const negative_words[] = {
    "hidden",  "hid",     "banner",  "combx",    "comment",    "comments", "com",
    "contact", "footer",  "masthead", "media",   "meta",       "outbrain", "promo",
    "related", "scroll",  "share",   "shoutbox", "sidebar",    "skyscraper", "sponsor",
    "shopping", "tags",   "tag",     "widget",   "ad",         "ads",      "advert",
    "nav",     "menu",    "social",  "subscribe", "newsletter", "taboola", "recommended",
    "trending", "popup",  "caption", "credit",   "byline",     "author",   NULL};
static const char *const byline_words[] = {"byline", "author",   "authors", "dateline",
                                           "writtenby", "writer", "contributor",
                                           "contributors", NULL};

static const char *const standfirst_words[] = {"standfirst", "dek", "subhead", "strapline",
                                               "deck", "excerpt", "subheadline", "subtitle",
                                               "summary", NULL};
static const char *const date_words[] = {"date",      "dateline", "published", "pubdate",
                                         "timestamp", "time",     "posted",    NULL};
static const char *const article_body_words[] = {"articlebody", NULL};

/* All the lists in one table sorted by word, each word with the bits of
 * the lists it is in; built once. */
typedef struct class_word {
    char w[24];
    size_t len;
    unsigned bits;
} class_word;
static class_word class_table[256];
static size_t class_n;
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static int cmp_class_word(const void *a, const void *b)
{
    return strcmp(((const class_word *)a)->w, ((const class_word *)b)->w);
}

static void class_table_init(void)
{
    static const struct {
        const char *const *words;
        unsigned bit;
    } lists[] = {{unlikely_words, PX_CW_UNLIKELY},     {maybe_words, PX_CW_MAYBE},
                 {positive_words, PX_CW_POSITIVE},     {negative_words, PX_CW_NEGATIVE},
                 {byline_words, PX_CW_BYLINE},         {standfirst_words, PX_CW_STANDFIRST},
                 {date_words, PX_CW_DATE},             {article_body_words, PX_CW_ARTICLE_BODY}};
    for (size_t l = 0; l < PX_ARRAY_LEN(lists); l++)
        for (const char *const *w = lists[l].words; *w; w++) {
            size_t k = 0;
            while (k < class_n && strcmp(class_table[k].w, *w))
                k++;
            if (k == class_n) {
                assert(class_n < PX_ARRAY_LEN(class_table) && strlen(*w) < sizeof(class_table[k].w));
                strcpy(class_table[k].w, *w);
                class_table[k].len = strlen(*w);
                class_n++;
            }
            class_table[k].bits |= lists[l].bit;
        }
    qsort(class_table, class_n, sizeof(class_word), cmp_class_word);
}

/* The bits of the word t[0..n) (lower case); a part of a token matches
 * only words of four letters or more. */
static unsigned class_lookup(const char *t, size_t n, bool whole)
{
    size_t lo = 0, hi = class_n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(t, class_table[mid].w, n);
        if (!c && class_table[mid].len > n)
            c = -1;
        if (!c)
            return whole || n >= 4 ? class_table[mid].bits : 0;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

unsigned px__html_class_bits(const char *v)
{
    unsigned bits = 0;
    if (!v)
        return 0;
    pthread_once(&class_once, class_table_init);
    for (const char *p = v; *p;) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        char t[40];
        size_t n = 0;
        while (isalnum((unsigned char)p[n])) {
            if (n < sizeof(t))
                t[n] = (char)tolower((unsigned char)p[n]);
            n++;
        }
        if (!n)
            break;
        p += n;
        if (n > sizeof(t))
            continue; /* a hash, not a word */
        bits |= class_lookup(t, n, true);
        for (size_t l = 4; l < n; l++)
            bits |= class_lookup(t, l, false) | class_lookup(t + n - l, l, false);
    }
    return bits;
}

static int class_weight(unsigned cls, unsigned id)
{
    int w = 0;
    if (cls & PX_CW_NEGATIVE)
        w -= 25;
    if (cls & PX_CW_POSITIVE)
        w += 25;
    if (id & PX_CW_NEGATIVE)
        w -= 25;
    if (id & PX_CW_POSITIVE)
        w += 25;
    return w;
}

static bool unlikely(const GumboNode *n, GumboTag tag, unsigned bits)
{
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || tag == GUMBO_TAG_HTML ||
        tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE)
        return false;
    if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER)
        return true;
    const char *role = px__html_attr(n, "role");
    if (role && (!strcasecmp(role, "navigation") || !strcasecmp(role, "complementary") ||
                 !strcasecmp(role, "contentinfo") || !strcasecmp(role, "menu") ||
                 !strcasecmp(role, "menubar") || !strcasecmp(role, "dialog") ||
                 !strcasecmp(role, "alert") || !strcasecmp(role, "alertdialog") ||
                 !strcasecmp(role, "banner")))
        return true;
    return (bits & PX_CW_UNLIKELY) && !(bits & PX_CW_MAYBE);
}

static bool byline_like(const GumboNode *n, unsigned bits)
{
    const char *rel = px__html_attr(n, "rel");
    const char *ip = px__html_attr(n, "itemprop");
    if ((rel && !strcasecmp(rel, "author")) || (ip && strstr(ip, "author")))
        return true;
    return bits & PX_CW_BYLINE;
}

/* Figures of one text node: visible characters (white space runs count
 * one, code points not bytes) and commas. */
static void text_figures(const char *s, uint32_t *chars, uint32_t *commas)
{
    uint32_t n = 0, c = 0;
    bool space = true; /* leading white space does not count */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f') {
            if (!space)
                n++;
            space = true;
            continue;
        }
        space = false;
        if ((*p & 0xC0) != 0x80)
            n++;
        if (*p == ',')
            c++;
        else if (*p == 0xEF && p[1] == 0xBC && p[2] == 0x8C) /* ， */
            c++;
        else if (*p == 0xD8 && p[1] == 0x8C) /* ، */
            c++;
    }
    *chars = n;
    *commas = c;
}

static bool inline_tag(GumboTag t)
{
    return !block_child(t) && t != GUMBO_TAG_BR && t != GUMBO_TAG_LI && t != GUMBO_TAG_TR &&
           t != GUMBO_TAG_TD && t != GUMBO_TAG_DD && t != GUMBO_TAG_DT && t != GUMBO_TAG_HR;
}

/* The score of the inline runs directly inside node i (a div with block
 * children): each run of text and inline elements between two block
 * children (or two <br>) is a paragraph as Readability wraps them. */
static float run_score(const hnode_vec *nv, uint32_t i)
{
    const hnode *h = &nv->v[i];
    const GumboVector *kids = &h->g->v.element.children;
    uint32_t j = i + 1;
    float total = 0;
    uint32_t len = 0, commas = 0;
    int brs = 0;
    for (unsigned k = 0; k <= kids->length; k++) {
        const GumboNode *c = k < kids->length ? kids->data[k] : NULL;
        bool end_run = !c;
        if (c && (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA)) {
            uint32_t n, cm;
            text_figures(c->v.text.text, &n, &cm);
            len += n;
            commas += cm;
            if (n)
                brs = 0;
        } else if (c && c->type == GUMBO_NODE_ELEMENT) {
            const hnode *ch = j < h->end && nv->v[j].g == c ? &nv->v[j] : NULL;
            if (ch)
                j = ch->end;
            GumboTag t = c->v.element.tag;
            if (t == GUMBO_TAG_BR) {
                end_run = ++brs >= 2;
            } else if (!ch) {
                /* skipped or hidden */
            } else if (inline_tag(t) && !(ch->flags & HN_BLOCK_KIDS)) {
                len += ch->text;
                commas += ch->commas;
                if (ch->text)
                    brs = 0;
            } else {
                end_run = true;
            }
        }
        if (end_run) {
            if (len >= 25)
                total += 1.0f + (float)commas + (float)PX_MIN(len / 100, 3u);
            len = commas = 0;
            brs = 0;
        }
    }
    return total;
}

typedef struct idx_frame {
    const GumboNode *g;
    uint32_t idx;
    unsigned next;
} idx_frame;

/* Builds page->nodes: every visible element in document order, with the
 * figures of the text below it. An explicit stack, not recursion: the
 * caps bound the depth, but the C stack is small. */
static int build_index(px_html_page *page, const GumboNode *root)
{
    hnode_vec *nv = &page->nodes;
    PX_VEC(idx_frame) st = {0};
    int rc = PX_ENOMEM;
    const GumboNode *n = root;
    for (;;) {
        if (n) {
            uint32_t parent = st.n ? st.v[st.n - 1].idx : UINT32_MAX;
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
                if (parent != UINT32_MAX) {
                    uint32_t c, cm;
                    text_figures(n->v.text.text, &c, &cm);
                    hnode *p = &nv->v[parent];
                    p->text += c;
                    p->commas += cm;
                    if (p->flags & HN_IN_LINK)
                        p->link += c;
                }
            } else if (n->type == GUMBO_NODE_ELEMENT &&
                       (n == root || (!skipped_tag(n->v.element.tag) && !hidden(n)))) {
                const GumboElement *e = &n->v.element;
                hnode h;
                memset(&h, 0, sizeof(h));
                h.g = n;
                h.parent = parent;
                h.tag = e->tag;
                unsigned cls = px__html_class_bits(px__html_attr(n, "class"));
                unsigned id = px__html_class_bits(px__html_attr(n, "id"));
                h.class_bits = (uint16_t)(cls | id);
                h.weight = (int16_t)class_weight(cls, id);
                if (parent != UINT32_MAX)
                    h.flags = nv->v[parent].flags & (HN_IN_LINK | HN_IN_TABLE | HN_IN_FIGURE);
                if (e->tag == GUMBO_TAG_A)
                    h.flags |= HN_IN_LINK;
                if (e->tag == GUMBO_TAG_TABLE || e->tag == GUMBO_TAG_CODE ||
                    e->tag == GUMBO_TAG_PRE)
                    h.flags |= HN_IN_TABLE;
                if (e->tag == GUMBO_TAG_FIGURE)
                    h.flags |= HN_IN_FIGURE;
                if (!(h.flags & HN_IN_TABLE) && unlikely(n, e->tag, cls | id))
                    h.flags |= HN_UNLIKELY;
                if (byline_like(n, cls | id))
                    h.flags |= HN_BYLINE;
                const char *ip = px__html_attr(n, "itemprop");
                if (ip && (px__html_class_bits(ip) & PX_CW_ARTICLE_BODY))
                    h.flags |= HN_ARTICLE_BODY;
                if (e->tag == GUMBO_TAG_BODY && !page->body)
                    page->body = (uint32_t)nv->n;
                if (nv->n >= UINT32_MAX - 1 || !PX_VEC_PUSH(*nv, h))
                    goto done;
                idx_frame f = {n, (uint32_t)(nv->n - 1), 0};
                if (!PX_VEC_PUSH(st, f))
                    goto done;
            }
            n = NULL;
        }
        if (!st.n)
            break;
        idx_frame *top = &st.v[st.n - 1];
        const GumboVector *kids = &top->g->v.element.children;
        if (top->next < kids->length) {
            n = kids->data[top->next++];
            continue;
        }
        /* close the element: pass its figures up */
        uint32_t i = top->idx;
        st.n--;
        hnode *h = &nv->v[i];
        h->end = (uint32_t)nv->n;
        if (h->tag == GUMBO_TAG_DIV && (h->flags & HN_BLOCK_KIDS))
            h->runs = run_score(nv, i);
        if (heading_tag(h->tag))
            h->n_heading_text = h->text;
        if (h->tag == GUMBO_TAG_UL || h->tag == GUMBO_TAG_OL)
            h->list_text = h->text;
        if (h->parent != UINT32_MAX) {
            hnode *p = &nv->v[h->parent];
            p->text += h->text;
            p->link += h->link;
            p->commas += h->commas;
            p->n_p += h->n_p + (h->tag == GUMBO_TAG_P);
            p->n_img += h->n_img + (h->tag == GUMBO_TAG_IMG);
            p->n_li += h->n_li + (h->tag == GUMBO_TAG_LI);
            p->n_input += h->n_input + (h->tag == GUMBO_TAG_INPUT);
            p->n_embed += h->n_embed;
            p->n_heading_text += h->n_heading_text;
            p->list_text += h->list_text;
            if (block_child(h->tag) || (h->flags & HN_BLOCK_KIDS))
                p->flags |= HN_BLOCK_KIDS;
        }
    }
    rc = PX_OK;
done:
    PX_VEC_FREE(st);
    return rc;
}

/* Visible text of a node, for headlines and bylines. */
static void put_text(px_buf *b, const char *s, bool *space)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            *space = true;
            continue;
        }
        if (*space && b->len && b->ptr[b->len - 1] != ' ' && b->ptr[b->len - 1] != '\n')
            px_buf_putc(b, ' ');
        *space = false;
        px_buf_putc(b, (char)c);
    }
}

static void html_text(const GumboNode *root, px_buf *out, bool lines)
{
    PX_VEC(const GumboNode *) st = {0};
    size_t start = out->len;
    bool space = false;
    if (!PX_VEC_PUSH(st, root)) {
        out->oom = true;
        return;
    }
    while (st.n) {
        const GumboNode *n = st.v[--st.n];
        if (!n) {
            /* the end of a block: a line break */
            if (out->len > start && out->ptr[out->len - 1] != '\n') {
                if (out->ptr[out->len - 1] == ' ')
                    out->len--;
                px_buf_putc(out, '\n');
            }
            space = false;
        } else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            put_text(out, n->v.text.text, &space);
        } else if (n->type == GUMBO_NODE_WHITESPACE) {
            space = true;
        } else if (n->type == GUMBO_NODE_ELEMENT &&
                   (n == root || (!skipped_tag(n->v.element.tag) && !hidden(n)))) {
            const GumboVector *k = &n->v.element.children;
            GumboTag t = n->v.element.tag;
            bool block = t == GUMBO_TAG_BR || block_child(t) || t == GUMBO_TAG_LI;
            if (block)
                space = true;
            if (block && lines && n != root && !PX_VEC_PUSH(st, (const GumboNode *)NULL))
                out->oom = true;
            for (unsigned i = k->length; i > 0; i--)
                if (!PX_VEC_PUSH(st, (const GumboNode *)k->data[i - 1])) {
                    out->oom = true;
                    st.n = 0;
                    break;
                }
            if (block && lines && n != root && !out->oom &&
                out->len > start && out->ptr[out->len - 1] != '\n') {
                if (out->ptr[out->len - 1] == ' ')
                    out->len--;
                px_buf_putc(out, '\n');
                space = false;
            }
        }
    }
    PX_VEC_FREE(st);
    while (out->len > start && (out->ptr[out->len - 1] == ' ' || out->ptr[out->len - 1] == '\n'))
        px_buf_truncate(out, out->len - 1);
    if (out->len > start && out->ptr[start] == ' ') {
        memmove(out->ptr + start, out->ptr + start + 1, out->len - start - 1);
        px_buf_truncate(out, out->len - 1);
    }
}

void px__html_text(const GumboNode *root, px_buf *out)
{
    html_text(root, out, false);
}

void px__html_text_lines(const GumboNode *root, px_buf *out)
{
    html_text(root, out, true);
}

void px__html_doc_release(px_html_doc *d)
{
    if (!d)
        return;
    px_buf_release(&d->text);
    free(d->title);
    free(d->source);
    free(d->date);
    free(d->url);
    free(d->standfirst);
    free(d->author);
    free(d->lang);
    memset(d, 0, sizeof(*d));
    px_buf_init(&d->text);
}

static void warn(px_diag_fn fn, void *ud, const char *file, const char *id, const char *msg)
{
    if (!fn)
        return;
    px_diag d = {PX_SEV_WARNING, file ? file : "-", 0, id, msg};
    fn(ud, &d);
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

int px__html_read(const char *html, size_t len, const char *url, const char *date,
                  const char *file, const char *id, px_diag_fn on_diag, void *ud,
                  px_html_doc *doc)
{
    memset(doc, 0, sizeof(*doc));
    px_buf_init(&doc->text);
    px_buf fixed = PX_BUF_INIT, body = PX_BUF_INIT;
    px_html_page page;
    memset(&page, 0, sizeof(page));
    px_html_meta meta;
    memset(&meta, 0, sizeof(meta));
    GumboOutput *out = NULL;
    gumbo_mem mem;
    mem.slots = NULL;
    mem.n = mem.cap = 0;
    mem.free_slot = SIZE_MAX;
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;
    opts.allocator = gumbo_alloc;
    opts.deallocator = gumbo_dealloc;
    opts.userdata = &mem;
    int rc = PX_ENOMEM;
    /* the metadata and extraction helpers read NULL as "absent": a
     * failed allocation anywhere below is out of memory, not a page
     * without a title or a date */
    unsigned long failed = px__alloc_failed();

    px_html_caps caps;
    if (px__html_prescan(html, len, &fixed, &caps)) {
        if (fixed.oom)
            goto done;
        char msg[400];
        snprintf(msg, sizeof(msg),
                 "pathological HTML (%zu nested elements, %zu attributes on one tag, %zu "
                 "elements; caps %d, %d, %d): %zu tags and %zu attributes past the caps "
                 "ignored",
                 caps.max_depth, caps.max_attrs, caps.n_elems, PX_HTML_MAX_DEPTH,
                 PX_HTML_MAX_ATTRS, PX_HTML_MAX_ELEMS, caps.dropped_tags, caps.dropped_attrs);
        warn(on_diag, ud, file, id, msg);
        html = fixed.ptr;
        len = fixed.len;
    }
    out = gumbo_parse_tracked(&mem, &opts, html, len);
    if (!out)
        goto done;
    page.out = out;
    if ((rc = build_index(&page, out->root)))
        goto done;
    rc = PX_ENOMEM;
    if (px__html_meta(&page, url, &meta))
        goto done;
    if (meta.title) {
        px_buf_puts(&doc->text, meta.title);
        px_buf_putc(&doc->text, '\n');
    }
    if (px__html_extract_body(&page, meta.title, &body))
        goto done;
    if (!px__str_trim((px_str){body.ptr, body.len}).len) {
        char msg[200];
        snprintf(msg, sizeof(msg),
                 "HTML page yields no article body (%zu bytes of HTML)%s", len,
                 meta.title ? ": only its headline was read" : "");
        warn(on_diag, ud, file, id, msg);
    }
    px_buf_put(&doc->text, body.ptr, body.len);
    if (doc->text.oom)
        goto done;
    doc->title = meta.title;
    doc->source = meta.source;
    doc->date = meta.date ? meta.date : date ? px__strdup(date) : NULL;
    doc->url = meta.url ? meta.url : url ? px__strdup(url) : NULL;

    doc->standfirst = meta.standfirst;
    doc->author = meta.author;
    doc->lang = meta.lang;
    meta.title = meta.source = meta.date = meta.url = meta.standfirst = meta.author =
        meta.lang = NULL;
    rc = PX_OK;
done:
    if (out)
        gumbo_destroy_output(&opts, out);
    gumbo_free_all(&mem);
    if (rc == PX_OK && px__alloc_failed() != failed)
        rc = PX_ENOMEM;
    PX_VEC_FREE(page.nodes);
    px__html_meta_release(&meta);
    px_buf_release(&fixed);
    px_buf_release(&body);
    if (rc)
        px__html_doc_release(doc);
    return rc;
}
