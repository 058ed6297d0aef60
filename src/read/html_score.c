/*
 * html_score.c - finds the article on a page, with the scoring of
 * Mozilla's Readability (the engine of Firefox Reader View) on the
 * page index of html.c:
 *
 *  - paragraphs (<p>, <pre>, <td>, headings, and <div>s without block
 *    children, which are paragraphs in practice; runs of inline text
 *    directly in a <div> count as paragraphs too) score 1 + commas +
 *    one a 100 characters (at most 3), passed up to five ancestors: the
 *    parent gets it whole, the grandparent half, then a third of the
 *    level;
 *  - an ancestor starts from its tag (div +5, lists and forms -3,
 *    headings -5) and its class/id words (+25 "article", "content",
 *    "story"...; -25 "comment", "sidebar", "share"..., matched as whole
 *    tokens, so "comment-body" or "author-name" is not thrown out by
 *    one word);
 *  - each score is scaled by 1 - link density; the best one is the top
 *    candidate, moved up to a common ancestor when several others come
 *    close, or to a parent that scores higher;
 *  - its siblings join when they score near it or read as prose;
 *  - inside, boxes of links, images, inputs or lists that outnumber the
 *    paragraphs are cleaned out ("clean conditionally"), as are short
 *    bylines and headings repeating the headline.
 *
 * The result is checked: when it is shorter than 500 characters the
 * page is read again without dropping furniture by class name, then
 * without class weights, then without conditional cleaning, and the
 * longest result is kept.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"

enum { MIN_PARAGRAPH = 25, RESULT_MIN = 500, N_TOP = 5 };

typedef struct pass_flags {
    bool strip_unlikely, weight_classes, clean_conditionally;
} pass_flags;

typedef struct scorer {
    const px_html_page *page;
    const hnode *nd;
    uint32_t n;
    pass_flags fl;
    float *score;
    uint8_t *scored, *removed;
    uint32_t *ltext, *llink; /* text and link length without what is removed */
} scorer;

static bool is_heading(GumboTag t)
{
    return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

static float tag_score(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_DIV:
        return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
        return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
        return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
        return -5;
    default:
        return 0;
    }
}

static int weight_of(const scorer *s, uint32_t i)
{
    if (!s->fl.weight_classes)
        return 0;
    int w = s->nd[i].weight;
    if (s->nd[i].flags & HN_ARTICLE_BODY)
        w += 25;
    return w;
}

static void init_node(scorer *s, uint32_t i)
{
    if (s->scored[i])
        return;
    s->scored[i] = 1;
    s->score[i] = tag_score(s->nd[i].tag) + (float)weight_of(s, i);
}

static float link_density(const scorer *s, uint32_t i)
{
    return s->ltext[i] ? (float)s->llink[i] / (float)s->ltext[i] : 0;
}

/* A div holding one <p> and nothing else reads as that paragraph. */
static bool p_wrapper(const scorer *s, uint32_t i)
{
    const hnode *h = &s->nd[i];
    if (h->tag != GUMBO_TAG_DIV || i + 1 >= h->end)
        return false;
    const hnode *c = &s->nd[i + 1];
    return c->tag == GUMBO_TAG_P && c->end == h->end && c->text == h->text &&
           link_density(s, i) < 0.25f;
}

/* Passes a paragraph's score to up to five ancestors, from a. */
static void propagate(scorer *s, uint32_t a, float score)
{
    for (int level = 0; level < 5 && a != UINT32_MAX; level++) {
        const hnode *h = &s->nd[a];
        if (h->tag == GUMBO_TAG_HTML || h->parent == UINT32_MAX)
            break;
        init_node(s, a);
        float div = level == 0 ? 1 : level == 1 ? 2 : (float)level * 3;
        s->score[a] += score / div;
        a = h->parent;
    }
}

static bool is_paragraph(const scorer *s, uint32_t i)
{
    const hnode *h = &s->nd[i];
    switch (h->tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
        return true;
    case GUMBO_TAG_DIV:
        return !(h->flags & HN_BLOCK_KIDS);
    default:
        return false;
    }
}

/* Marks what this pass removes and the live text figures without it. */
static void mark_removed(scorer *s)
{
    const hnode *nd = s->nd;
    for (uint32_t i = 0; i < s->n; i++) {
        const hnode *h = &nd[i];
        bool r = h->parent != UINT32_MAX && s->removed[h->parent];
        if (!r && s->fl.strip_unlikely && (h->flags & HN_UNLIKELY))
            r = true;
        if (!r && (h->flags & HN_BYLINE) && h->text < 100 && !(h->flags & HN_IN_TABLE) &&
            !is_heading(h->tag))
            r = true;
        s->removed[i] = r;
    }
    /* own figures (the node's minus its element children's), then
     * summed up again over what is kept */
    for (uint32_t i = 0; i < s->n; i++) {
        s->ltext[i] = nd[i].text;
        s->llink[i] = nd[i].link;
    }
    for (uint32_t i = 0; i < s->n; i++)
        if (nd[i].parent != UINT32_MAX) {
            s->ltext[nd[i].parent] -= nd[i].text;
            s->llink[nd[i].parent] -= nd[i].link;
        }
    for (uint32_t i = s->n; i-- > 0;) {
        if (s->removed[i]) {
            s->ltext[i] = s->llink[i] = 0;
            continue;
        }
        uint32_t p = nd[i].parent;
        if (p != UINT32_MAX) {
            s->ltext[p] += s->ltext[i];
            s->llink[p] += s->llink[i];
        }
    }
}

static void score_paragraphs(scorer *s)
{
    const hnode *nd = s->nd;
    for (uint32_t i = 0; i < s->n; i++) {
        if (s->removed[i])
            continue;
        const hnode *h = &nd[i];
        if (h->runs > 0)
            propagate(s, i, h->runs);
        if (!is_paragraph(s, i) || s->ltext[i] < MIN_PARAGRAPH || h->parent == UINT32_MAX)
            continue;
        float sc = 1.0f + (float)h->commas + (float)PX_MIN(s->ltext[i] / 100, 3u);
        uint32_t a = h->parent;
        if (p_wrapper(s, a))
            a = nd[a].parent;
        if (a != UINT32_MAX)
            propagate(s, a, sc);
    }
    for (uint32_t i = 0; i < s->n; i++)
        if (s->scored[i])
            s->score[i] *= 1.0f - link_density(s, i);
}

static bool is_ancestor(const hnode *nd, uint32_t a, uint32_t i)
{
    return a < i && i < nd[a].end;
}

static uint32_t n_element_children(const scorer *s, uint32_t i)
{
    uint32_t k = 0;
    for (uint32_t j = i + 1; j < s->nd[i].end; j = s->nd[j].end)
        if (!s->removed[j])
            k++;
    return k;
}

static uint32_t find_top(scorer *s)
{
    const hnode *nd = s->nd;
    uint32_t body = s->page->body;
    uint32_t top[N_TOP];
    int n_top = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        if (!s->scored[i] || s->removed[i])
            continue;
        int k = n_top;
        while (k > 0 && s->score[top[k - 1]] < s->score[i])
            k--;
        if (k >= N_TOP)
            continue;
        if (n_top < N_TOP)
            n_top++;
        memmove(&top[k + 1], &top[k], (size_t)(n_top - 1 - k) * sizeof(uint32_t));
        top[k] = i;
    }
    if (!n_top || top[0] == body || nd[top[0]].tag == GUMBO_TAG_HTML)
        return body;
    uint32_t t = top[0];
    /* several near-equal candidates: their common ancestor */
    int close = 0;
    for (int k = 1; k < n_top; k++)
        if (s->score[top[k]] >= 0.75f * s->score[t])
            close++;
    if (close >= 3) {
        for (uint32_t a = nd[t].parent; a != UINT32_MAX && a != body; a = nd[a].parent) {
            int holding = 0;
            for (int k = 1; k < n_top; k++)
                if (s->score[top[k]] >= 0.75f * s->score[t] && is_ancestor(nd, a, top[k]))
                    holding++;
            if (holding >= 3) {
                t = a;
                init_node(s, t);
                break;
            }
        }
    }
    /* a parent that scores higher holds more of the article */
    float last = s->score[t], threshold = last / 3;
    for (uint32_t a = nd[t].parent; a != UINT32_MAX && a != body; a = nd[a].parent) {
        if (!s->scored[a])
            continue;
        if (s->score[a] < threshold)
            break;
        if (s->score[a] > last) {
            t = a;
            break;
        }
        last = s->score[a];
    }
    /* an only child stands for its parent */
    while (nd[t].parent != UINT32_MAX && nd[t].parent != body &&
           nd[nd[t].parent].tag != GUMBO_TAG_HTML && n_element_children(s, nd[t].parent) == 1)
        t = nd[t].parent;
    init_node(s, t);
    return t;
}

static bool same_class(const hnode *a, const hnode *b)
{
    const char *x = px__html_attr(a->g, "class"), *y = px__html_attr(b->g, "class");
    return x && y && *x && !strcmp(x, y);
}

static bool reads_as_sentence(const GumboNode *g)
{
    px_buf t = PX_BUF_INIT;
    px__html_text(g, &t);
    bool yes = t.len && (strstr(t.ptr, ". ") || t.ptr[t.len - 1] == '.');
    px_buf_release(&t);
    return yes;
}

/* The siblings that join the top candidate (a byte a node: 1 joins). */
static void pick_siblings(scorer *s, uint32_t top, uint8_t *take)
{
    const hnode *nd = s->nd;
    uint32_t parent = nd[top].parent;
    if (top == s->page->body || parent == UINT32_MAX) {
        take[top] = 1;
        return;
    }
    float threshold = PX_MAX(10.0f, s->score[top] * 0.2f);
    for (uint32_t j = parent + 1; j < nd[parent].end; j = nd[j].end) {
        if (j == top) {
            take[j] = 1;
            continue;
        }
        if (s->removed[j])
            continue;
        float bonus = same_class(&nd[j], &nd[top]) ? s->score[top] * 0.2f : 0;
        if (s->scored[j] && s->score[j] + bonus >= threshold) {
            take[j] = 1;
        } else if (nd[j].tag == GUMBO_TAG_P || (nd[j].tag == GUMBO_TAG_DIV &&
                                                !(nd[j].flags & HN_BLOCK_KIDS))) {
            float ld = link_density(s, j);
            uint32_t len = s->ltext[j];
            if (len > 80 && ld < 0.25f)
                take[j] = 1;
            else if (len && len <= 80 && ld == 0 && reads_as_sentence(nd[j].g))
                take[j] = 1;
        }
    }
}

/* Readability's "clean conditionally": boxes whose links, images,
 * inputs or list items outweigh their paragraphs. */
static bool clean_out(const scorer *s, uint32_t i)
{
    const hnode *h = &s->nd[i];
    switch (h->tag) {
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
        break;
    default:
        return false;
    }
    if (!s->fl.clean_conditionally)
        return false;
    int weight = weight_of(s, i);
    float score = s->scored[i] ? s->score[i] : 0;
    if ((float)weight + score < 0)
        return true;
    if (h->commas >= 10)
        return false;
    /* a list, or a box that is nine tenths lists */
    bool is_list = h->tag == GUMBO_TAG_UL || h->tag == GUMBO_TAG_OL ||
                   (h->text && (float)h->list_text > 0.9f * (float)h->text);
    float p = (float)h->n_p, img = (float)h->n_img, li = (float)h->n_li - 100;
    float input = (float)h->n_input;
    uint32_t len = s->ltext[i];
    float ld = link_density(s, i);
    float hd = len ? (float)h->n_heading_text / (float)len : 0;
    if (img > 1 && p / img < 0.5f && !(h->flags & HN_IN_FIGURE))
        return true;
    if (!is_list && li > p)
        return true;
    if (input > floorf(p / 3))
        return true;
    if (!is_list && hd < 0.9f && len < MIN_PARAGRAPH && (img == 0 || img > 2) && ld > 0)
        return true;
    if (!is_list && weight < 25 && ld > 0.2f)
        return true;
    if (weight >= 25 && ld > 0.5f)
        return true;
    if ((h->n_embed == 1 && len < 75) || h->n_embed > 1)
        return true;
    return false;
}

static bool text_equals(const GumboNode *g, const char *title)
{
    if (!title)
        return false;
    px_buf t = PX_BUF_INIT;
    px__html_text(g, &t);
    bool eq = t.len == strlen(title) && !strcasecmp(t.ptr, title);
    px_buf_release(&t);
    return eq;
}

static bool line_tag(GumboTag t)
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
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
        return true;
    default:
        return false;
    }
}

typedef struct out_state {
    px_buf *b;
    bool space;
    size_t chars;
} out_state;

static void put_text(out_state *o, const char *s)
{
    px_buf *b = o->b;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            o->space = true;
            continue;
        }
        if (o->space && b->len && b->ptr[b->len - 1] != '\n')
            px_buf_putc(b, ' ');
        o->space = false;
        px_buf_putc(b, (char)c);
        if ((c & 0xC0) != 0x80)
            o->chars++;
    }
}

static void end_line(out_state *o)
{
    if (o->b->len && o->b->ptr[o->b->len - 1] != '\n')
        px_buf_putc(o->b, '\n');
    o->space = false;
}

typedef struct out_frame {
    const GumboNode *g;
    unsigned next;
    bool line;
} out_frame;

/* Writes the text of node r, leaving out what this pass removes. The
 * walk follows gumbo's children with a cursor into the index (which
 * holds the visible elements in the same order). */
static int write_node(const scorer *s, uint32_t r, const char *title, out_state *o)
{
    const hnode *nd = s->nd;
    PX_VEC(out_frame) st = {0};
    uint32_t cur = r; /* the next index entry to meet */
    const GumboNode *n = nd[r].g;
    int rc = PX_OK;
    for (;;) {
        if (n) {
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
                put_text(o, n->v.text.text);
            } else if (n->type == GUMBO_NODE_WHITESPACE) {
                o->space = true;
            } else if (n->type == GUMBO_NODE_ELEMENT && cur < nd[r].end && nd[cur].g == n) {
                uint32_t i = cur;
                GumboTag t = nd[i].tag;
                bool drop = i != r && (s->removed[i] || clean_out(s, i) ||
                                       t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE ||
                                       t == GUMBO_TAG_FOOTER);
                if (!drop && i != r && (t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2))
                    drop = (s->fl.weight_classes && nd[i].weight < 0) ||
                           text_equals(n, title);
                if (drop) {
                    cur = nd[i].end;
                } else {
                    cur++;
                    out_frame f = {n, 0, line_tag(t)};
                    if (f.line)
                        end_line(o);
                    else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)
                        o->space = true;
                    if (!PX_VEC_PUSH(st, f)) {
                        rc = PX_ENOMEM;
                        break;
                    }
                }
            }
            n = NULL;
        }
        if (!st.n)
            break;
        out_frame *top = &st.v[st.n - 1];
        const GumboVector *kids = &top->g->v.element.children;
        if (top->next < kids->length) {
            n = kids->data[top->next++];
            continue;
        }
        if (top->line)
            end_line(o);
        st.n--;
    }
    PX_VEC_FREE(st);
    return rc || o->b->oom ? PX_ENOMEM : PX_OK;
}

/* One attempt with the given flags: the article's text into out. */
static int attempt(scorer *s, const char *title, px_buf *out, size_t *chars)
{
    memset(s->score, 0, s->n * sizeof(float));
    memset(s->scored, 0, s->n);
    mark_removed(s);
    score_paragraphs(s);
    uint32_t top = find_top(s);
    uint8_t *take = px__calloc(s->n ? s->n : 1, 1);
    if (!take)
        return PX_ENOMEM;
    pick_siblings(s, top, take);
    out_state o = {out, false, 0};
    int rc = PX_OK;
    for (uint32_t j = 0; j < s->n && !rc; j++)
        if (take[j]) {
            rc = write_node(s, j, title, &o);
            j = s->nd[j].end - 1;
        }
    free(take);
    *chars = o.chars;
    return rc;
}

int px__html_extract_body(const px_html_page *page, const char *title, px_buf *text)
{
    scorer s;
    memset(&s, 0, sizeof(s));
    s.page = page;
    s.nd = page->nodes.v;
    s.n = (uint32_t)page->nodes.n;
    if (!s.n)
        return PX_OK;
    int rc = PX_ENOMEM;
    px_buf best = PX_BUF_INIT, cur = PX_BUF_INIT;
    size_t best_chars = 0;
    s.score = px__calloc(s.n, sizeof(float));
    s.scored = px__calloc(s.n, 1);
    s.removed = px__calloc(s.n, 1);
    s.ltext = px__calloc(s.n, sizeof(uint32_t));
    s.llink = px__calloc(s.n, sizeof(uint32_t));
    if (!s.score || !s.scored || !s.removed || !s.ltext || !s.llink)
        goto done;
    static const pass_flags passes[] = {
        {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
    for (size_t k = 0; k < PX_ARRAY_LEN(passes); k++) {
        s.fl = passes[k];
        px_buf_clear(&cur);
        size_t chars = 0;
        if (attempt(&s, title, &cur, &chars))
            goto done;
        if (chars > best_chars || k == 0) {
            px_buf tmp = best;
            best = cur;
            cur = tmp;
            best_chars = chars;
        }
        if (best_chars >= RESULT_MIN)
            break;
    }
    px_buf_put(text, best.ptr, best.len);
    rc = text->oom ? PX_ENOMEM : PX_OK;
done:
    free(s.score);
    free(s.scored);
    free(s.removed);
    free(s.ltext);
    free(s.llink);
    px_buf_release(&best);
    px_buf_release(&cur);
    return rc;
}
