/*
 * sgml.c - reads news in the TREC/DUC SGML shape that news corpora
 * (DUC, TREC, TDT, Gigaword) ship: one or more <DOC> elements with a
 * <DOCNO>, a date (<DATE_TIME>, <DATE> or the DOCNO itself), an optional
 * <HEADLINE> and a <TEXT> whose paragraphs are <P> elements or indented
 * lines. Each <DOC> becomes one article; its text is the headline line
 * followed by one paragraph a line, and offsets point into that text.
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

/* Appends s[a, b) with tags removed and white space collapsed. */
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
            in_tag = true;
            space = true;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && out->len && out->ptr[out->len - 1] != '\n')
            px_buf_putc(out, ' ');
        space = false;
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

bool px__sgml_sniff(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    return len - i >= 5 && !strncasecmp(s + i, "<DOC", 4) &&
           (s[i + 4] == '>' || s[i + 4] == ' ' || s[i + 4] == '\n');
}

int px__sgml_next(const char *s, size_t len, size_t *pos, px_buf *text, char docno[128],
                  char date[11], char headline[512])
{
    size_t at;
    docno[0] = date[0] = headline[0] = '\0';
    size_t start = find_open(s, *pos, len, "DOC", &at);
    if (!start)
        return 0;
    size_t close_at;
    size_t after = find_open(s, start, len, "/DOC", &close_at);
    size_t end = after ? close_at : len;
    *pos = after ? after : len;
    size_t cs, ce;
    if (element(s, start, end, "DOCNO", &cs, &ce)) {
        px_str id = px__str_trim((px_str){s + cs, ce - cs});
        snprintf(docno, 128, "%.*s", (int)PX_MIN(id.len, (size_t)127), id.ptr);
    }
    if (!sgml_date(s, start, end, date))
        date[0] = '\0';
    if (element(s, start, end, "HEADLINE", &cs, &ce) || element(s, start, end, "HL", &cs, &ce)) {
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
