/*
 * html_caps.c - keeps pathological pages fast. gumbo checks the stack of
 * open elements at every tag and every attribute against the ones
 * before it, so 100,000 nested elements or a tag with 100,000 attributes
 * take minutes. A cheap tokenizer runs over the page first, following
 * the nesting as the HTML5 tree builder would (closely enough: void
 * elements, implied ends of <p>, <li>, table cells) and, only when a cap
 * is exceeded, writes a copy without the tags past it (their text is
 * kept) for gumbo to parse.
 */
#include <string.h>
#include <strings.h>

#include "html.h"

static bool void_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_FRAME:
        return true;
    default:
        return false;
    }
}

/* A start tag that ends an open element of the same kind ("<p>x<p>y"). */
static bool self_ending(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_RB:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_A:
        return true;
    default:
        return false;
    }
}

static bool raw_text(GumboTag t)
{
    return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEXTAREA ||
           t == GUMBO_TAG_TITLE || t == GUMBO_TAG_XMP || t == GUMBO_TAG_IFRAME ||
           t == GUMBO_TAG_NOEMBED || t == GUMBO_TAG_NOFRAMES;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool is_alpha(char c)
{
    return (unsigned)((c | 32) - 'a') < 26u;
}

/* Where the raw text of a <name> element ends: at "</name" (case
 * insensitive), or at the end of the page. */
static size_t raw_end(const char *s, size_t len, size_t i, const char *name, size_t nlen)
{
    for (; i + 2 + nlen <= len; i++) {
        const char *p = memchr(s + i, '<', len - i);
        if (!p)
            break;
        i = (size_t)(p - s);
        if (i + 2 + nlen <= len && s[i + 1] == '/' && !strncasecmp(s + i + 2, name, nlen))
            return i;
    }
    return len;
}

enum { STACK_MAX = PX_HTML_MAX_DEPTH };

/* One pass; writes to out (when not NULL) the page without what the
 * caps drop. Returns true when a cap was exceeded. */
static bool scan(const char *s, size_t len, px_buf *out, px_html_caps *caps)
{
    GumboTag stack[STACK_MAX];
    size_t depth = 0, want_depth = 0, copied = 0;
    bool over = false;
    memset(caps, 0, sizeof(*caps));
    size_t i = 0;
    while (i < len) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        size_t tag_start = i;
        if (i + 1 >= len)
            break;
        char c = s[i + 1];
        if (c == '!' || c == '?') {
            /* comment, doctype, CDATA or processing instruction */
            const char *endp = NULL;
            if (c == '!' && i + 3 < len && s[i + 2] == '-' && s[i + 3] == '-') {
                for (size_t k = i + 4; k + 2 < len; k++) {
                    const char *d = memchr(s + k, '-', len - 2 - k);
                    if (!d)
                        break;
                    k = (size_t)(d - s);
                    if (s[k + 1] == '-' && s[k + 2] == '>') {
                        endp = s + k + 2;
                        break;
                    }
                }
            } else {
                endp = memchr(s + i, '>', len - i);
            }
            i = endp ? (size_t)(endp - s) + 1 : len;
            continue;
        }
        bool end_tag = c == '/';
        size_t nstart = i + 1 + end_tag;
        if (nstart >= len || !is_alpha(s[nstart])) {
            i++;
            continue;
        }
        size_t k = nstart;
        while (k < len && !is_space(s[k]) && s[k] != '>' && s[k] != '/')
            k++;
        GumboTag tag = gumbo_tagn_enum(s + nstart, (unsigned)(k - nstart));
        size_t nlen = k - nstart;
        /* attributes */
        size_t n_attrs = 0, cut_from = 0, cut_to = 0;
        bool self_closing = false;
        while (k < len && s[k] != '>') {
            if (is_space(s[k])) {
                k++;
                continue;
            }
            if (s[k] == '/') {
                self_closing = k + 1 < len && s[k + 1] == '>';
                k++;
                continue;
            }
            size_t a0 = k;
            while (k < len && !is_space(s[k]) && s[k] != '>' && s[k] != '=' &&
                   !(s[k] == '/' && k + 1 < len && s[k + 1] == '>'))
                k++;
            if (k == a0)
                k++; /* a lone '=' */
            size_t j = k;
            while (j < len && is_space(s[j]))
                j++;
            if (j < len && s[j] == '=') {
                j++;
                while (j < len && is_space(s[j]))
                    j++;
                if (j < len && (s[j] == '"' || s[j] == '\'')) {
                    const char *q = memchr(s + j + 1, s[j], len - j - 1);
                    j = q ? (size_t)(q - s) + 1 : len;
                } else {
                    while (j < len && !is_space(s[j]) && s[j] != '>')
                        j++;
                }
                k = j;
            }
            if (!end_tag && ++n_attrs > PX_HTML_MAX_ATTRS) {
                if (!cut_from)
                    cut_from = a0;
                cut_to = k;
            }
        }
        size_t tag_end = k < len ? k + 1 : len;
        if (n_attrs > caps->max_attrs)
            caps->max_attrs = n_attrs;
        bool drop = false;
        if (end_tag) {
            if (want_depth > depth) {
                want_depth--; /* the end of a dropped element */
                drop = true;
            } else {
                /* close the nearest open element of that name, if near */
                size_t d = depth;
                while (d > 0 && depth - d < 16 && stack[d - 1] != tag)
                    d--;
                if (d > 0 && stack[d - 1] == tag)
                    want_depth = depth = d - 1;
            }
        } else {
            caps->n_elems++;
            if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HEAD) {
                /* merged by the parser, never nested */
            } else if (!void_tag(tag) && !self_closing) {
                if (self_ending(tag) && want_depth == depth) {
                    size_t d = depth;
                    while (d > 0 && depth - d < 4 && stack[d - 1] != tag)
                        d--;
                    if (d > 0 && stack[d - 1] == tag)
                        want_depth = depth = d - 1;
                }
                want_depth++;
                if (want_depth > caps->max_depth)
                    caps->max_depth = want_depth;
                if (depth < STACK_MAX && want_depth == depth + 1 &&
                    caps->n_elems <= PX_HTML_MAX_ELEMS)
                    stack[depth++] = tag;
                else
                    drop = true;
            } else if (caps->n_elems > PX_HTML_MAX_ELEMS) {
                drop = true;
            }
        }
        if (drop || cut_from)
            over = true;
        if (out) {
            if (drop) {
                px_buf_put(out, s + copied, tag_start - copied);
                copied = tag_end;
                caps->dropped_tags++;
            } else if (cut_from) {
                px_buf_put(out, s + copied, cut_from - copied);
                copied = cut_to;
                caps->dropped_attrs += n_attrs - PX_HTML_MAX_ATTRS;
            }
        }
        i = tag_end;
        if (!end_tag && raw_text(tag) && !self_closing) {
            size_t e = raw_end(s, len, i, s + nstart, nlen);
            if (drop && out)
                copied = e; /* the dropped element's raw text goes too */
            i = e;
        }
    }
    if (out)
        px_buf_put(out, s + copied, len - copied);
    return over;
}

bool px__html_prescan(const char *html, size_t len, px_buf *fixed, px_html_caps *caps)
{
    if (!scan(html, len, NULL, caps))
        return false;
    px_html_caps found = *caps;
    scan(html, len, fixed, caps);
    caps->max_depth = found.max_depth;
    caps->max_attrs = found.max_attrs;
    caps->n_elems = found.n_elems;
    return true;
}
