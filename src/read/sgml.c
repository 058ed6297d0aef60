/*
 * sgml.c - reads news in the TREC/DUC SGML shape that news corpora
 * (DUC, TREC, TDT, Gigaword) ship: one or more <DOC> elements with a
 * <DOCNO>, a date (<DATE_TIME>, <DATE> or the DOCNO itself), an optional
 * <HEADLINE> and a <TEXT> whose paragraphs are <P> elements or indented
 * lines. Each <DOC> becomes one article; its text is the headline line
 * followed by one paragraph a line, and offsets point into that text.
 * A TimeML file (TimeBank, AQUAINT, TempEval) is read the same way as one
 * article: <DOCID>, the creation time of <DCT> as its date, <TITLE> and
 * <TEXT> with its annotations (<EVENT>, <TIMEX3>, ...) left out.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "read.h"

/* Finds "<tag" (case-insensitive, followed by '>' or a space) in
 * s[from, end); returns the offset after its '>', or 0 if absent, and
 * the offset of '<' in *at. */
static size_t find_open(const char *s, size_t from, size_t end, const char *tag, size_t *at)
{
    size_t n = strlen(tag);
    for (size_t i = from; i + n + 2 <= end; i++) {
        if (s[i] != '<' || strncasecmp(s + i + 1, tag, n))
            continue;
        char c = s[i + 1 + n];
        if (c != '>' && c != ' ' && c != '\t' && c != '\n')
            continue;
        const char *gt = memchr(s + i, '>', end - i);
        if (!gt)
            return 0;
        *at = i;
        return (size_t)(gt - s) + 1;
    }
    return 0;
}

/* The content of <tag>...</tag> inside s[from, end): sets *cs, *ce. */
static bool element(const char *s, size_t from, size_t end, const char *tag, size_t *cs,
                    size_t *ce)
{
    size_t at, close_at;
    size_t start = find_open(s, from, end, tag, &at);
    if (!start)
        return false;
    char closing[32];
    snprintf(closing, sizeof(closing), "/%s", tag);
    size_t after = find_open(s, start, end, closing, &close_at);
    *cs = start;
    *ce = after ? close_at : end;
    return true;
}

/* The character an entity at s[i] (at '&') stands for: the five of XML
 * ("&amp;", "&AMP;" as some newswire writes it) and numeric references.
 * Returns the entity's length and sets *cp, or 0 when it is none of
 * these (newswire's own "&UR;", "&QL;" stay as written). */
static size_t entity(const char *s, size_t i, size_t b, uint32_t *cp)
{
    static const struct {
        const char *name;
        uint32_t cp;
    } named[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    const char *semi = memchr(s + i, ';', PX_MIN(b - i, (size_t)12));
    if (!semi)
        return 0;
    size_t n = (size_t)(semi - (s + i)) + 1, nl = n - 2;
    const char *name = s + i + 1;
    if (nl >= 2 && name[0] == '#') {
        bool hex = name[1] == 'x' || name[1] == 'X';
        uint32_t v = 0;
        size_t k = hex ? 2 : 1;
        if (k == nl)
            return 0;
        for (; k < nl; k++) {
            int c = (unsigned char)name[k], dv;
            if (isdigit(c))
                dv = c - '0';
            else if (hex && isxdigit(c))
                dv = tolower(c) - 'a' + 10;
            else
                return 0;
            v = v * (hex ? 16 : 10) + (uint32_t)dv;
            if (v > 0x10FFFF)
                return 0;
        }
        if (!v || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return n;
    }
    for (size_t e = 0; e < sizeof(named) / sizeof(named[0]); e++)
        if (strlen(named[e].name) == nl && !strncasecmp(name, named[e].name, nl)) {
            *cp = named[e].cp;
            return n;
        }
    return 0;
}

/* Appends s[a, b) with tags removed, entities decoded and white space
 * collapsed. */
static void put_clean(px_buf *out, const char *s, size_t a, size_t b)
{
    bool space = false, in_tag = false;
    for (size_t i = a; i < b; i++) {
        char c = s[i];
        if (in_tag) {
            in_tag = c != '>';
            continue;
        }
        if (c == '<') {
            /* inline markup (TimeML's <EVENT>, <TIMEX3>, ENAMEX) sits
             * inside the text: "Friday</TIMEX3>, killing" */
            in_tag = true;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && out->len && out->ptr[out->len - 1] != '\n')
            px_buf_putc(out, ' ');
        space = false;
        uint32_t cp;
        size_t n = c == '&' ? entity(s, i, b, &cp) : 0;
        if (n) {
            px_buf_put_cp(out, cp);
            i += n - 1;
            continue;
        }
        px_buf_putc(out, c);
    }
}

static void end_paragraph(px_buf *out)
{
    if (out->len && out->ptr[out->len - 1] != '\n')
        px_buf_putc(out, '\n');
}

/* Paragraphs of <TEXT>: <P> elements, else blank or indented lines. */
static void text_paragraphs(px_buf *out, const char *s, size_t a, size_t b)
{
    size_t at, ps, pe;
    if (find_open(s, a, b, "P", &at)) {
        size_t from = a;
        while (from < b && element(s, from, b, "P", &ps, &pe)) {
            put_clean(out, s, ps, pe);
            end_paragraph(out);
            from = pe + 1;
        }
        return;
    }
    size_t i = a;
    while (i < b) {
        const char *nl = memchr(s + i, '\n', b - i);
        size_t e = nl ? (size_t)(nl - s) : b;
        bool blank = true;
        for (size_t k = i; k < e; k++)
            if (!isspace((unsigned char)s[k]))
                blank = false;
        bool indented = i < e && (s[i] == ' ' || s[i] == '\t');
        if (blank || indented)
            end_paragraph(out);
        if (!blank) {
            if (out->len && out->ptr[out->len - 1] != '\n')
                px_buf_putc(out, ' ');
            put_clean(out, s, i, e);
        }
        i = e + 1;
    }
    end_paragraph(out);
}

/* A date from <DATE_TIME> 10/16/1998 ..., <DATE> 19981016 or 1998-10-16,
 * or a DOCNO such as APW19981016.0240. */
static bool sgml_date(const char *s, size_t a, size_t b, char out[11])
{
    size_t cs, ce;
    int y = 0, m = 0, d = 0;
    /* TimeML: <DCT><TIMEX3 ... value="1998-08-07T06:18" ...> */
    if (element(s, a, b, "DCT", &cs, &ce)) {
        for (size_t i = cs; i + 7 < ce && !y; i++)
            if (!strncmp(s + i, "value=\"", 7) && (i == cs || isspace((unsigned char)s[i - 1])))
                px__parse_calendar_date(s + i + 7, ce - i - 7, &y, &m, &d);
    }
    const char *tags[] = {"DATE_TIME", "DATE", "DATELINE"};
    for (size_t t = 0; t < 3 && !y; t++) {
        if (!element(s, a, b, tags[t], &cs, &ce))
            continue;
        while (cs < ce && isspace((unsigned char)s[cs]))
            cs++;
        if (px__parse_calendar_date(s + cs, ce - cs, &y, &m, &d))
            break;
        int mm, dd, yy;
        char tmp[32];
        snprintf(tmp, sizeof(tmp), "%.*s", (int)PX_MIN(ce - cs, (size_t)31), s + cs);
        if (sscanf(tmp, "%d/%d/%d", &mm, &dd, &yy) == 3 && yy > 1900)
            y = yy, m = mm, d = dd;
        else if (sscanf(tmp, "%4d%2d%2d", &yy, &mm, &dd) == 3 && yy > 1900)
            y = yy, m = mm, d = dd;
    }
    if (!y && element(s, a, b, "DOCNO", &cs, &ce)) {
        for (size_t i = cs; i + 8 <= ce; i++) {
            if (!isdigit((unsigned char)s[i]) || (i > cs && isdigit((unsigned char)s[i - 1])))
                continue;
            int yy, mm, dd;
            char tmp[9];
            memcpy(tmp, s + i, 8);
            tmp[8] = 0;
            if (sscanf(tmp, "%4d%2d%2d", &yy, &mm, &dd) == 3 && yy > 1900 && yy < 2100) {
                y = yy, m = mm, d = dd;
                break;
            }
        }
    }
    if (!y || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return true;
}

/* Skips white space, an XML declaration and comments from s[i]. */
static size_t skip_prolog(const char *s, size_t len, size_t i)
{
    for (;;) {
        while (i < len && isspace((unsigned char)s[i]))
            i++;
        const char *close = NULL;
        if (len - i >= 5 && !strncmp(s + i, "<?xml", 5))
            close = "?>";
        else if (len - i >= 4 && !strncmp(s + i, "<!--", 4))
            close = "-->";
        if (!close)
            return i;
        size_t cl = strlen(close), j = i + 2;
        while (j + cl <= len && memcmp(s + j, close, cl))
            j++;
        if (j + cl > len)
            return len;
        i = j + cl;
    }
}

static bool opens_with(const char *s, size_t len, size_t i, const char *tag)
{
    size_t n = strlen(tag);
    return len - i > n + 1 && s[i] == '<' && !strncasecmp(s + i + 1, tag, n) &&
           (s[i + 1 + n] == '>' || isspace((unsigned char)s[i + 1 + n]));
}

bool px__sgml_sniff(const char *s, size_t len)
{
    size_t i = skip_prolog(s, len, 0);
    return opens_with(s, len, i, "DOC") || opens_with(s, len, i, "TimeML");
}

int px__sgml_next(const char *s, size_t len, size_t *pos, px_buf *text, char docno[128],
                  char date[11], char headline[512])
{
    size_t at;
    docno[0] = date[0] = headline[0] = '\0';
    const char *root = "DOC";
    size_t start = find_open(s, *pos, len, root, &at);
    if (!start && *pos == 0 && opens_with(s, len, skip_prolog(s, len, 0), "TimeML")) {
        root = "TimeML";
        start = find_open(s, 0, len, root, &at);
    }
    if (!start)
        return 0;
    char closing[16];
    snprintf(closing, sizeof(closing), "/%s", root);
    size_t close_at;
    size_t after = find_open(s, start, len, closing, &close_at);
    size_t end = after ? close_at : len;
    *pos = after ? after : len;
    size_t cs, ce;
    if (element(s, start, end, "DOCNO", &cs, &ce) || element(s, start, end, "DOCID", &cs, &ce)) {
        px_str id = px__str_trim((px_str){s + cs, ce - cs});
        snprintf(docno, 128, "%.*s", (int)PX_MIN(id.len, (size_t)127), id.ptr);
    }
    if (!sgml_date(s, start, end, date))
        date[0] = '\0';
    if (element(s, start, end, "HEADLINE", &cs, &ce) || element(s, start, end, "HL", &cs, &ce) ||
        element(s, start, end, "TITLE", &cs, &ce)) {
        px_buf h = PX_BUF_INIT;
        put_clean(&h, s, cs, ce);
        snprintf(headline, 512, "%s", h.ptr);
        if (h.len) {
            px_buf_put(text, h.ptr, h.len);
            px_buf_putc(text, '\n');
        }
        bool oom = h.oom;
        px_buf_release(&h);
        if (oom)
            return PX_ENOMEM;
    }
    if (element(s, start, end, "TEXT", &cs, &ce))
        text_paragraphs(text, s, cs, ce);
    return text->oom ? PX_ENOMEM : 1;
}
