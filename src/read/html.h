/*
 * html.h - the pieces of the HTML reader (html*.c), shared among them:
 * the page as a flat array of elements in document order with the
 * figures the extractor scores (text and link length, commas, counts of
 * paragraphs, images, list items, inputs), the metadata found on the
 * page, and the caps that keep pathological pages fast.
 *
 *   html.c         entry point: caps, gumbo, the index, the text written
 *   html_caps.c    a pre-scan that enforces the caps before gumbo sees
 *                  the page (gumbo is quadratic in nesting depth and in
 *                  attributes per tag)
 *   html_score.c   article extraction (Readability-style scoring)
 *   html_meta.c    JSON-LD, meta tags, bylines and datelines
 */
#ifndef PX_HTML_H
#define PX_HTML_H

#include <gumbo.h>

#include "read.h"

/* ---- caps (html_caps.c) ---- */
enum {
    PX_HTML_MAX_DEPTH = 512,     /* nested elements */
    PX_HTML_MAX_ATTRS = 256,     /* attributes on one tag */
    PX_HTML_MAX_ELEMS = 200000,  /* elements on one page */
};
typedef struct px_html_caps {
    size_t max_depth, max_attrs, n_elems; /* as found on the page */
    size_t dropped_tags, dropped_attrs;   /* what the rewrite removed */
} px_html_caps;
/* Scans html for the caps. When one is exceeded, writes to *fixed a copy
 * without the tags nested deeper than PX_HTML_MAX_DEPTH, past
 * PX_HTML_MAX_ELEMS, or the attributes past PX_HTML_MAX_ATTRS (text is
 * kept) and returns true; otherwise returns false and leaves *fixed
 * empty. */
bool px__html_prescan(const char *html, size_t len, px_buf *fixed, px_html_caps *caps);

/* ---- the page index (html.c) ---- */
enum {
    HN_BLOCK_KIDS = 1 << 0, /* has a block child (div is not a paragraph) */
    HN_UNLIKELY = 1 << 1,   /* class/id/role say page furniture */
    HN_BYLINE = 1 << 2,     /* a short author line */
    HN_IN_LINK = 1 << 3,    /* inside <a> */
    HN_IN_TABLE = 1 << 4,   /* inside <table> or <code>/<pre> */
    HN_ARTICLE_BODY = 1 << 5, /* itemprop="articleBody" */
    HN_DATELINE = 1 << 6,   /* a short date line */
    HN_IN_FIGURE = 1 << 7,
};

typedef struct hnode {
    const GumboNode *g;
    uint32_t parent; /* index; UINT32_MAX for the root */
    uint32_t end;    /* one past the last descendant (document order) */
    GumboTag tag;
    uint16_t flags;
    int16_t weight;  /* class/id weight: +25 positive, -25 negative, each */
    uint16_t class_bits; /* PX_CW_* of its class and id */
    /* figures of the visible text below (skipped tags excluded) */
    uint32_t text, link, commas;
    uint32_t n_p, n_img, n_li, n_input, n_embed, n_heading_text;
    uint32_t list_text; /* text inside <ul>/<ol> */
    /* score of the runs of inline text directly in a div that has
     * block children (Readability wraps each run in a <p>) */
    float runs;
} hnode;

typedef PX_VEC(hnode) hnode_vec;

typedef struct px_html_page {
    const GumboOutput *out;
    hnode_vec nodes;
    uint32_t body; /* index of <body>, or 0 */
} px_html_page;

/* The attribute's value or NULL. */
const char *px__html_attr(const GumboNode *n, const char *name);
/* Visible text of a node, white space collapsed, trimmed (appended). */
void px__html_text(const GumboNode *n, px_buf *out);
/* The same with a line break at each block and <br>. */
void px__html_text_lines(const GumboNode *n, px_buf *out);
/* What the words of a class or id attribute say (Readability's lists,
 * matched as whole tokens: the lower-cased letter/digit runs of the
 * value; a word of four letters or more also matches the start or end
 * of a token, "comments", "mainmenu"; "comment-body" has a negative and
 * a positive word, "read-more" none). */
enum {
    PX_CW_UNLIKELY = 1 << 0,   /* furniture: "sidebar", "comment", "share" */
    PX_CW_MAYBE = 1 << 1,      /* yet maybe the article: "content", "story" */
    PX_CW_POSITIVE = 1 << 2,   /* "article", "body", "entry", "post" */
    PX_CW_NEGATIVE = 1 << 3,   /* "comment", "footer", "related", "ad" */
    PX_CW_BYLINE = 1 << 4,     /* "byline", "author" */
    PX_CW_STANDFIRST = 1 << 5, /* "standfirst", "dek", "summary" */
    PX_CW_DATE = 1 << 6,       /* "date", "published", "timestamp" */
    PX_CW_ARTICLE_BODY = 1 << 7, /* itemprop="articleBody" */
};
unsigned px__html_class_bits(const char *value);

/* ---- extraction (html_score.c) ---- */
/* Finds the article among page->nodes and appends its text to text,
 * one block a line. title: the headline (a heading repeating it is left
 * out). Returns PX_OK or PX_ENOMEM. */
int px__html_extract_body(const px_html_page *page, const char *title, px_buf *text);

/* ---- metadata (html_meta.c) ---- */
typedef struct px_html_meta {
    char *title, *source, *date, *url, *standfirst, *author, *lang;
    /* visible byline and its node, when found (author of last resort) */
    char *byline;
} px_html_meta;
/* Reads the page's metadata in order of trust: JSON-LD, then meta tags,
 * then visible bylines and datelines. url_hint: the URL the page came
 * from when known (WARC, JSONL), used for the source's host. */
int px__html_meta(const px_html_page *page, const char *url_hint, px_html_meta *m);
void px__html_meta_release(px_html_meta *m);
/* "By Jane Doe and John Roe, Staff Writers" -> "Jane Doe, John Roe";
 * NULL when nothing looks like a name. Caller frees. */
char *px__html_clean_author(const char *s, size_t len);

#endif /* PX_HTML_H */
