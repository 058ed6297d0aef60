/*
 * structure.c - finds an article's structure in plain text: front matter,
 * paragraphs, and which of them are the headline, the standfirst, a
 * dateline, section headings, image captions, boilerplate ("3 min read"),
 * embedded social-media posts and the outlet's signature. Every rule
 * looks at the shape of a line (length, final punctuation, position,
 * credit words), never at a particular article.
 */
#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

static const char *const month_names[] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};

int px__month_from_name(const char *s, size_t len)
{
    char w[12];
    if (len && s[len - 1] == '.')
        len--;
    if (len < 3 || len >= sizeof(w))
        return 0;
    for (size_t i = 0; i < len; i++)
        w[i] = (char)tolower((unsigned char)s[i]);
    w[len] = 0;
    if (!strcmp(w, "sept"))
        return 9;
    for (int m = 0; m < 12; m++) {
        size_t ml = strlen(month_names[m]);
        if ((len == ml || len == 3) && !strncmp(month_names[m], w, len))
            return m + 1;
    }
    return 0;
}

static size_t scan_int(const char *s, size_t len, size_t i, int maxdig, int *v)
{
    size_t k = i;
    int x = 0;
    while (k < len && k - i < (size_t)maxdig && isdigit((unsigned char)s[k]))
        x = x * 10 + (s[k++] - '0');
    if (k == i || (k < len && isdigit((unsigned char)s[k])))
        return 0;
    *v = x;
    return k - i;
}

static size_t scan_alpha(const char *s, size_t len, size_t i)
{
    size_t k = i;
    while (k < len && isalpha((unsigned char)s[k]))
        k++;
    if (k < len && s[k] == '.')
        k++;
    return k - i;
}

static bool valid_ymd(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

size_t px__parse_calendar_date(const char *s, size_t len, int *y, int *m, int *d)
{
    size_t n;
    int a, b, c;
    /* 2025-05-12 (and 2025-05-12T...) */
    if ((n = scan_int(s, len, 0, 4, &a)) == 4 && n < len && (s[n] == '-' || s[n] == '/')) {
        size_t k = n + 1, n2 = scan_int(s, len, k, 2, &b);
        if (n2 && k + n2 < len && s[k + n2] == s[n]) {
            size_t k3 = k + n2 + 1, n3 = scan_int(s, len, k3, 2, &c);
            if (n3 && valid_ymd(a, b, c)) {
                *y = a, *m = b, *d = c;
                return k3 + n3;
            }
        }
        return 0;
    }
    /* May 11, 2025 / Sept. 5, 2016 */
    size_t al = scan_alpha(s, len, 0);
    int mon = al ? px__month_from_name(s, al) : 0;
    if (mon) {
        size_t k = al;
        while (k < len && s[k] == ' ')
            k++;
        size_t n2 = scan_int(s, len, k, 2, &b);
        if (!n2)
            return 0;
        k += n2;
        if (k + 1 < len && isalpha((unsigned char)s[k]) && strchr("sntr", s[k])) /* 1st 2nd */
            k += 2;
        if (k < len && s[k] == ',')
            k++;
        while (k < len && s[k] == ' ')
            k++;
        size_t n3 = scan_int(s, len, k, 4, &c);
        if (n3 == 4 && valid_ymd(c, mon, b)) {
            *y = c, *m = mon, *d = b;
            return k + n3;
        }
        return 0;
    }
    /* 11 May 2025 */
    if ((n = scan_int(s, len, 0, 2, &a)) && n < len && s[n] == ' ') {
        size_t k = n + 1, al2 = scan_alpha(s, len, k);
        int mon2 = al2 ? px__month_from_name(s + k, al2) : 0;
        if (mon2) {
            k += al2;
            if (k < len && s[k] == ',')
                k++;
            while (k < len && s[k] == ' ')
                k++;
            size_t n3 = scan_int(s, len, k, 4, &c);
            if (n3 == 4 && valid_ymd(c, mon2, a)) {
                *y = c, *m = mon2, *d = a;
                return k + n3;
            }
        }
    }
    return 0;
}

/* ---- lines and paragraphs ---- */

typedef struct para {
    size_t start, end; /* trimmed */
    px_block_kind kind;
    size_t words;
    bool blank_before;
} para;

typedef PX_VEC(para) para_vec;

/* 0x80 in each byte of x that equals the byte in every lane of b */
static inline uint64_t bytes_equal(uint64_t x, uint64_t b)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t v = x ^ b;
    return ~(((v & low7) + low7) | v | low7);
}

/* Words (runs of bytes other than space and newline) in t[s..e); eight
 * bytes at a time: a word starts where a non-space byte follows a space. */
static size_t count_words(const char *t, size_t s, size_t e)
{
    const uint64_t spaces = 0x2020202020202020ULL, newlines = 0x0A0A0A0A0A0A0A0AULL,
                   high = 0x8080808080808080ULL;
    size_t n = 0, i = s;
    uint64_t in = 0; /* 0x80 when the byte before i is inside a word */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= e; i += 8) {
        uint64_t x;
        memcpy(&x, t + i, 8);
        uint64_t word = ~(bytes_equal(x, spaces) | bytes_equal(x, newlines)) & high;
        uint64_t starts = word & ~((word << 8) | in);
        /* the bytes marked (a bit each, at 0x80): summed by a multiply,
         * not __builtin_popcountll (a libgcc call without -mpopcnt) */
        n += (size_t)(((starts >> 7) * 0x0101010101010101ULL) >> 56);
        in = word >> 56;
    }
#endif
    bool inside = in != 0;
    for (; i < e; i++) {
        bool sp = t[i] == ' ' || t[i] == '\n';
        if (!sp && !inside)
            n++;
        inside = !sp;
    }
    return n;
}

static px_str trim_span(const char *t, size_t s, size_t e)
{
    return px__str_trim((px_str){t + s, e - s});
}

/* Front matter: "title: ...", "source: ...", "date: ...", "url: ..."
 * lines at the very top. Returns the byte offset where the body begins. */
static size_t front_matter(px_doc *doc, para_vec *paras, bool *nomem)
{
    static const char *const keys[] = {"title", "headline", "source", "outlet", "publisher",
                                       "date", "published", "url", "link", "author", "byline"};
    const char *t = doc->text;
    size_t i = 0, body = 0, n_keys = 0;
    while (i < doc->len) {
        const char *nl = memchr(t + i, '\n', doc->len - i);
        size_t e = nl ? (size_t)(nl - t) : doc->len;
        px_str line = trim_span(t, i, e);
        if (!line.len) {
            if (n_keys)
                body = nl ? e + 1 : e;
            if (n_keys)
                break;
            i = nl ? e + 1 : e;
            continue;
        }
        const char *colon = memchr(line.ptr, ':', line.len);
        size_t k;
        for (k = 0; colon && k < PX_ARRAY_LEN(keys); k++)
            if (px__str_ieq_ascii((px_str){line.ptr, (size_t)(colon - line.ptr)}, keys[k]))
                break;
        if (!colon || k == PX_ARRAY_LEN(keys))
            break;
        px_str val = px__str_trim((px_str){colon + 1, line.len - (size_t)(colon + 1 - line.ptr)});
        char *v = px_arena_strndup(&doc->arena, val.ptr, val.len);
        const char *key = keys[k];
        if (v && val.len) {
            if ((!strcmp(key, "title") || !strcmp(key, "headline")) && !doc->headline)
                doc->headline = v;
            else if ((!strcmp(key, "source") || !strcmp(key, "outlet") ||
                      !strcmp(key, "publisher")) && !doc->source)
                doc->source = v;
            else if (!strcmp(key, "url") || !strcmp(key, "link")) {
                if (!doc->url)
                    doc->url = v;
            } else if ((!strcmp(key, "date") || !strcmp(key, "published")) && !doc->date) {
                int y, m, d;
                if (px__parse_calendar_date(v, val.len, &y, &m, &d)) {
                    char tmp[16];
                    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
                    doc->date = px_arena_strdup(&doc->arena, tmp);
                    doc->date_origin = "front matter";
                }
            }
        }
        para p = {(size_t)(line.ptr - t), (size_t)(line.ptr - t) + line.len, PX_BLOCK_META, 0,
                  false};
        if (!PX_VEC_PUSH(*paras, p)) {
            *nomem = true;
            return 0;
        }
        n_keys++;
        i = nl ? e + 1 : e;
        body = i;
    }
    if (!n_keys) {
        paras->n = 0;
        return 0;
    }
    return body;
}

/* One paragraph a line, unless the text is hard-wrapped (blank lines
 * between chunks of several short lines), then one a chunk. */
static bool split_paragraphs(const char *t, size_t from, size_t len, para_vec *out)
{
    size_t lines = 0, maxlen = 0, chunks = 0;
    bool in_chunk = false;
    for (size_t i = from; i <= len;) {
        const char *nl = i < len ? memchr(t + i, '\n', len - i) : NULL;
        size_t e = nl ? (size_t)(nl - t) : len;
        px_str l = trim_span(t, i, e);
        if (l.len) {
            lines++;
            maxlen = PX_MAX(maxlen, l.len);
            if (!in_chunk)
                chunks++;
            in_chunk = true;
        } else {
            in_chunk = false;
        }
        if (!nl)
            break;
        i = e + 1;
    }
    bool wrapped = chunks >= 2 && maxlen <= 100 && lines >= 2 * chunks;
    bool blank_before = false;
    size_t cur_s = 0, cur_e = 0;
    bool have = false;
    for (size_t i = from; i <= len;) {
        const char *nl = i < len ? memchr(t + i, '\n', len - i) : NULL;
        size_t e = nl ? (size_t)(nl - t) : len;
        px_str l = trim_span(t, i, e);
        size_t ls = (size_t)(l.ptr - t), le = ls + l.len;
        if (!l.len || !wrapped) {
            if (have) {
                para p = {cur_s, cur_e, PX_BLOCK_BODY, count_words(t, cur_s, cur_e), blank_before};
                if (!PX_VEC_PUSH(*out, p))
                    return false;
                have = false;
                blank_before = false;
            }
            if (!l.len)
                blank_before = true;
            else {
                para p = {ls, le, PX_BLOCK_BODY, count_words(t, ls, le), blank_before};
                if (!PX_VEC_PUSH(*out, p))
                    return false;
                blank_before = false;
            }
        } else {
            if (!have)
                cur_s = ls;
            cur_e = le;
            have = true;
        }
        if (!nl)
            break;
        i = e + 1;
    }
    if (have) {
        para p = {cur_s, cur_e, PX_BLOCK_BODY, count_words(t, cur_s, cur_e), blank_before};
        if (!PX_VEC_PUSH(*out, p))
            return false;
    }
    return true;
}

/* ---- paragraph shapes ---- */

static uint32_t last_cp(const char *t, const para *p)
{
    uint32_t cp;
    px__utf8_decode_back(t, p->end, &cp);
    return cp;
}

/* Ends like a sentence: . ! ? … possibly inside closing quotes/brackets. */
static bool ends_sentence(const char *t, const para *p)
{
    size_t e = p->end;
    while (e > p->start) {
        uint32_t cp;
        size_t n = px__utf8_decode_back(t, e, &cp);
        if (px__quote_class(cp) != PX_Q_NONE || cp == ')' || cp == ']') {
            e -= n;
            continue;
        }
        return px__is_terminal(cp);
    }
    return false;
}

static bool ends_clause(const char *t, const para *p)
{
    uint32_t cp = last_cp(t, p);
    return ends_sentence(t, p) || cp == ',' || cp == ';' || cp == ':';
}

static bool first_is_upper_or_digit(const char *t, const para *p)
{
    uint32_t cp;
    size_t i = p->start;
    /* skip an opening quotation mark */
    size_t n = px__utf8_decode(t + i, p->end - i, &cp);
    if (px__quote_class(cp) != PX_Q_NONE && n) {
        i += n;
        px__utf8_decode(t + i, p->end - i, &cp);
    }
    return px__is_upper(cp) || px__is_digit(cp);
}

static bool contains_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (!strncasecmp(s + i, needle, n))
            return true;
    return false;
}

static bool is_boilerplate(const char *t, const para *p)
{
    const char *s = t + p->start;
    size_t len = p->end - p->start;
    if (p->words > 12)
        return false;
    /* "3 min read", "5 minute read" */
    int v;
    size_t n = scan_int(s, len, 0, 3, &v);
    if (n && (contains_ci(s, len, "min read") || contains_ci(s, len, "minute read") ||
              contains_ci(s, len, "mins read")))
        return true;
    static const char *const starts[] = {
        "read more",      "share this",   "advertisement", "sign up",     "subscribe",
        "follow us",      "click here",   "listen to this", "copyright",  "all rights reserved",
        "related:",       "watch:",       "read also",      "see also",    "updated:",
        "published:",     "last updated", "share on",       "more from",   "recommended",
        "skip to",        "©",            "(c) ",           "photo:",      "image:",
        "video:",         "getty images", "story continues", "continue reading",
        "this article",   "download the", "get the latest", "join our",
    };
    /* most paragraphs share no first letter with any of them: compare
     * those that do (ASCII case folded as strncasecmp does here) */
    unsigned char c0 = len ? (unsigned char)s[0] : 0;
    if (c0 >= 'A' && c0 <= 'Z')
        c0 = (unsigned char)(c0 + 32);
    for (size_t i = 0; i < PX_ARRAY_LEN(starts); i++)
        if ((unsigned char)starts[i][0] == c0 && len >= strlen(starts[i]) &&
            !strncasecmp(s, starts[i], strlen(starts[i])))
            return !(!strncasecmp(starts[i], "photo:", 6) || !strncasecmp(starts[i], "image:", 6))
                       ? true
                       : false;
    if (c0 == 'a' && (!strncasecmp(s, "advertisement", 13) || !strncasecmp(s, "ad ", 3)))
        return p->words <= 2;
    return false;
}

static bool is_caption(const char *t, const para *p)
{
    const char *s = t + p->start;
    size_t len = p->end - p->start;
    if (p->words > 40)
        return false;
    unsigned char c0 = len ? (unsigned char)(s[0] | 0x20) : 0; /* ASCII letters folded */
    if ((c0 == 'p' || c0 == 'i' || c0 == 'c') &&
        ((len > 6 && (!strncasecmp(s, "photo:", 6) || !strncasecmp(s, "image:", 6))) ||
         (len > 8 && !strncasecmp(s, "picture:", 8)) ||
         (len > 8 && !strncasecmp(s, "caption:", 8))))
        return true;
    /* ends with a parenthesised credit: "... (Archive).", "(AP Photo/...)" */
    size_t e = p->end;
    if (e > p->start && t[e - 1] == '.')
        e--;
    if (e == p->start || t[e - 1] != ')')
        return false;
    const char *open = NULL;
    for (size_t i = e - 1; i > p->start; i--)
        if (t[i - 1] == '(') {
            open = t + i;
            break;
        }
    if (!open)
        return false;
    size_t cl = (size_t)(t + e - 1 - open);
    static const char *const credits[] = {
        "archive", "photo",   "file",   "reuters", "ap",       "afp",     "getty",
        "epa",     "images",  "picture", "credit", "pa ",      "bloomberg", "shutterstock",
        "handout", "supplied", "pictured", "courtesy", "via ",  "image",   "pool",
        "xinhua",  "anadolu", "tass",    "sputnik", "alamy",   "istock",  "wire",
    };
    if (count_words(open, 0, cl) > 6)
        return false;
    for (size_t i = 0; i < PX_ARRAY_LEN(credits); i++) {
        size_t n = strlen(credits[i]);
        for (size_t k = 0; k + n <= cl; k++) {
            if (strncasecmp(open + k, credits[i], n))
                continue;
            bool left = k == 0 || !isalpha((unsigned char)open[k - 1]);
            bool right = k + n == cl || !isalpha((unsigned char)open[k + n]) || credits[i][n - 1] == ' ';
            if (left && right)
                return true;
        }
    }
    return false;
}

/* "— Name (@handle) May 11, 2025": the signature line of an embedded post. */
static bool is_post_signature(const char *t, const para *p)
{
    const char *s = t + p->start;
    size_t len = p->end - p->start;
    uint32_t cp;
    size_t n = px__utf8_decode(s, len, &cp);
    if (!n || !px__is_dash(cp))
        return false;
    const char *at = NULL;
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == '(' && s[i + 1] == '@') {
            at = s + i;
            break;
        }
    if (!at)
        return false;
    const char *close = memchr(at, ')', len - (size_t)(at - s));
    if (!close)
        return false;
    size_t rest = len - (size_t)(close + 1 - s);
    int y, m, d;
    const char *r = close + 1;
    while (rest && *r == ' ')
        r++, rest--;
    return rest == 0 || px__parse_calendar_date(r, rest, &y, &m, &d) > 0;
}

static bool short_title_like(const char *t, const para *p, size_t max_words)
{
    return p->words >= 1 && p->words <= max_words && p->end - p->start <= 90 &&
           !ends_clause(t, p) && first_is_upper_or_digit(t, p);
}

/* A date-only line ("May 03, 2013", "Published 12 May 2025"). */
static bool date_line(px_doc *doc, const para *p, bool set_date)
{
    const char *s = doc->text + p->start;
    size_t len = p->end - p->start;
    static const char *const pre[] = {"published", "updated", "posted", "date", "dated"};
    for (size_t i = 0; i < PX_ARRAY_LEN(pre); i++) {
        size_t n = strlen(pre[i]);
        if (len > n && !strncasecmp(s, pre[i], n) && (s[n] == ' ' || s[n] == ':')) {
            s += n, len -= n;
            while (len && (*s == ' ' || *s == ':'))
                s++, len--;
            break;
        }
    }
    /* optional weekday: "Monday, May 12, 2025" */
    static const char *const wd[] = {"monday", "tuesday", "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};
    for (size_t i = 0; i < 7; i++) {
        size_t n = strlen(wd[i]);
        if (len > n && !strncasecmp(s, wd[i], n)) {
            s += n, len -= n;
            while (len && (*s == ' ' || *s == ','))
                s++, len--;
            break;
        }
    }
    int y, m, d;
    size_t n = px__parse_calendar_date(s, len, &y, &m, &d);
    if (!n)
        return false;
    /* allow a time or zone after the date: "May 3, 2013 5:04 PM EDT" */
    px_str rest = px__str_trim((px_str){s + n, len - n});
    if (rest.len > 24)
        return false;
    for (size_t i = 0; i < rest.len; i++)
        if (isalpha((unsigned char)rest.ptr[i]) && !strchr("APMUTCESDapm", rest.ptr[i]) &&
            !isupper((unsigned char)rest.ptr[i]))
            return false;
    if (set_date && !doc->date) {
        char tmp[16];
        snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
        doc->date = px_arena_strdup(&doc->arena, tmp);
        doc->date_origin = "dateline";
    }
    return true;
}

/* "date 2025-05-12 Headline..." : a date written before the headline on
 * the first line. Returns the bytes of the date prefix, 0 if none. */
static size_t leading_date_prefix(px_doc *doc, const para *p)
{
    const char *s = doc->text + p->start;
    size_t len = p->end - p->start, k = 0;
    static const char *const pre[] = {"date", "published", "updated", "posted"};
    for (size_t i = 0; i < PX_ARRAY_LEN(pre); i++) {
        size_t n = strlen(pre[i]);
        if (len > n && !strncasecmp(s, pre[i], n) && (s[n] == ' ' || s[n] == ':')) {
            k = n;
            while (k < len && (s[k] == ' ' || s[k] == ':'))
                k++;
            break;
        }
    }
    int y, m, d;
    size_t n = px__parse_calendar_date(s + k, len - k, &y, &m, &d);
    if (!n || k + n >= len || s[k + n] != ' ')
        return 0;
    if (!doc->date) {
        char tmp[16];
        snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
        doc->date = px_arena_strdup(&doc->arena, tmp);
        doc->date_origin = "dateline";
    }
    return k + n;
}

static bool is_wire_credit(const char *t, const para *p)
{
    static const char *const starts[] = {"(reporting by", "(additional reporting",
                                         "(writing by", "(editing by", "reporting by ",
                                         "additional reporting by ", "compiled by "};
    const char *s = t + p->start;
    size_t len = p->end - p->start;
    if (p->words > 40)
        return false;
    for (size_t i = 0; i < PX_ARRAY_LEN(starts); i++)
        if (len > strlen(starts[i]) && !strncasecmp(s, starts[i], strlen(starts[i])))
            return true;
    return false;
}

/* A wire dateline opening the first paragraph: "RUDNA GORA, Poland,
 * March 10 (Baltic Wire) - Rescuers ...", "LONDON (Reuters) — ...".
 * The place is in capitals; a dash ends the dateline. Returns the
 * dateline's length (up to the dash), 0 if none. */
static size_t wire_dateline(const char *t, const para *p, size_t *body_start)
{
    size_t i = p->start, end = PX_MIN(p->end, p->start + 120);
    size_t caps = 0;
    /* the place: capital letters, spaces, dots, apostrophes, hyphens */
    while (i < end) {
        uint32_t cp;
        size_t n = px__utf8_decode(t + i, end - i, &cp);
        if (!n)
            return 0;
        if (px__is_upper(cp))
            caps++;
        else if (px__is_lower(cp))
            break;
        else if (!(cp == ' ' || cp == '.' || cp == '\'' || cp == '-'))
            break;
        i += n;
    }
    if (caps < 3 || i >= end || (t[i] != ',' && t[i] != '(' && !(t[i] == ' ')))
        return 0;
    /* then anything without a full stop up to " - ", " – " or " — " */
    for (; i + 2 < end; i++) {
        if (t[i] == '.' && t[i + 1] == ' ')
            return 0;
        if (t[i] != ' ')
            continue;
        uint32_t cp;
        size_t n = px__utf8_decode(t + i + 1, end - i - 1, &cp);
        /* AP writes the dash as an underscore: "WASHINGTON (AP) _ " */
        if (n && (px__is_dash(cp) || cp == '_') && i + 1 + n < end && t[i + 1 + n] == ' ') {
            *body_start = i + 1 + n + 1;
            return i - p->start;
        }
    }
    return 0;
}

static bool same_text_ci(const char *a, const char *b, size_t blen)
{
    return strlen(a) == blen && !strncasecmp(a, b, blen);
}

static void classify(px_doc *doc, para_vec *pv, size_t first, bool markup)
{
    const char *t = doc->text;
    para *p = pv->v;
    size_t n = pv->n;
    if (first >= n)
        return;

    /* boilerplate, captions, embedded posts, date lines anywhere */
    for (size_t i = first; i < n; i++) {
        if (is_boilerplate(t, &p[i]))
            p[i].kind = PX_BLOCK_BOILERPLATE;
        else if (is_post_signature(t, &p[i])) {
            p[i].kind = PX_BLOCK_EMBED;
            /* the post's text is the paragraph before, when it is not
             * already attributed body text that quotes it */
            if (i > first && p[i - 1].kind == PX_BLOCK_BODY)
                p[i - 1].kind = PX_BLOCK_EMBED;
        } else if (is_caption(t, &p[i]))
            p[i].kind = PX_BLOCK_CAPTION;
        else if (i < first + 4 && date_line(doc, &p[i], true))
            p[i].kind = PX_BLOCK_DATELINE;
    }

    /* a standfirst known from markup */
    if (doc->standfirst)
        for (size_t i = first; i < n; i++)
            if (p[i].kind == PX_BLOCK_BODY &&
                same_text_ci(doc->standfirst, t + p[i].start, p[i].end - p[i].start)) {
                p[i].kind = PX_BLOCK_STANDFIRST;
                break;
            }

    /* headline: the first content paragraph, when it reads as one */
    size_t h = first;
    while (h < n && p[h].kind != PX_BLOCK_BODY)
        h++;
    bool have_headline = false;
    if (h < n) {
        bool meta_title = doc->headline &&
                          same_text_ci(doc->headline, t + p[h].start, p[h].end - p[h].start);
        uint32_t lc = last_cp(t, &p[h]);
        bool looks = p[h].words >= 2 && p[h].words <= 25 && p[h].end - p[h].start <= 200 &&
                     lc != '.' && lc != ',' && lc != ';' && lc != ':' &&
                     first_is_upper_or_digit(t, &p[h]) && h + 1 < n;
        if (meta_title || (!doc->headline && looks)) {
            p[h].kind = PX_BLOCK_HEADLINE;
            have_headline = true;
            if (!doc->headline)
                doc->headline = px_arena_strndup(&doc->arena, t + p[h].start, p[h].end - p[h].start);
        }
    }

    /* wire credits at the end: "(Reporting by ...; Editing by ...)" */
    size_t last = n - 1;
    while (last > first && (p[last].kind == PX_BLOCK_BOILERPLATE))
        last--;
    if (p[last].kind == PX_BLOCK_BODY && is_wire_credit(t, &p[last])) {
        p[last].kind = PX_BLOCK_SIGNATURE;
        while (last > first && p[last].kind != PX_BLOCK_BODY)
            last--;
    }

    /* signature: a short title-like last paragraph ("Daily Express") */
    if (p[last].kind == PX_BLOCK_BODY && last > h && p[last].words <= 5 &&
        short_title_like(t, &p[last], 5)) {
        p[last].kind = PX_BLOCK_SIGNATURE;
        if (!doc->source && !markup)
            doc->source = px_arena_strndup(&doc->arena, t + p[last].start,
                                           p[last].end - p[last].start);
    }

    /* headings: short title-like lines followed by body text */
    for (size_t i = first; i < n; i++) {
        if (p[i].kind != PX_BLOCK_BODY || i == last)
            continue;
        size_t nx = i + 1;
        while (nx < n && p[nx].kind == PX_BLOCK_HEADING)
            nx++;
        if (nx >= n)
            continue;
        if (short_title_like(t, &p[i], 10))
            p[i].kind = PX_BLOCK_HEADING;
    }

    /* standfirst: one short sentence right after the headline (markup
     * names its standfirst; a news lede is one short sentence too) */
    if (have_headline && !markup) {
        size_t s = h + 1;
        while (s < n && (p[s].kind == PX_BLOCK_BOILERPLATE || p[s].kind == PX_BLOCK_DATELINE ||
                         p[s].kind == PX_BLOCK_CAPTION))
            s++;
        if (s < n && p[s].kind == PX_BLOCK_BODY && p[s].words >= 6 && p[s].words <= 32 &&
            ends_sentence(t, &p[s]) && s + 2 < n) {
            /* exactly one sentence: no inner ". X" */
            bool one = true;
            for (size_t i = p[s].start; i + 2 < p[s].end - 1; i++)
                if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' &&
                    isupper((unsigned char)t[i + 2]) && !(i > p[s].start + 1 && t[i - 2] == ' ') &&
                    !(i >= p[s].start + 2 && t[i - 3] == ' ' && isupper((unsigned char)t[i - 2]))) {
                    one = false;
                    break;
                }
            if (one) {
                p[s].kind = PX_BLOCK_STANDFIRST;
                doc->standfirst =
                    px_arena_strndup(&doc->arena, t + p[s].start, p[s].end - p[s].start);
            }
        }
    }
}

int px__doc_structure(px_doc *doc, int structure)
{
    para_vec pv = {0};
    int rc = PX_ENOMEM;
    size_t body = 0, first = 0;
    if (structure) {
        bool nomem = false;
        body = front_matter(doc, &pv, &nomem);
        if (nomem)
            goto done;
        first = pv.n;
    }
    size_t joined;
    if (px__unwrap(doc, body, &joined))
        goto done;
    if (!split_paragraphs(doc->text, body, doc->len, &pv))
        goto done;
    if (structure && first < pv.n) {
        /* "date 2025-05-12 Headline" on the first line */
        size_t k = leading_date_prefix(doc, &pv.v[first]);
        if (k) {
            para head = pv.v[first];
            para dl = head;
            dl.end = head.start + k;
            dl.kind = PX_BLOCK_DATELINE;
            px_str rest = trim_span(doc->text, head.start + k, head.end);
            head.start = (size_t)(rest.ptr - doc->text);
            head.words = count_words(doc->text, head.start, head.end);
            if (!PX_VEC_RESERVE(pv, 1))
                goto done;
            memmove(&pv.v[first + 1], &pv.v[first], (pv.n - first) * sizeof(para));
            pv.n++;
            pv.v[first] = dl;
            pv.v[first + 1] = head;
            first++;
        }
        classify(doc, &pv, first, structure == PX__STRUCTURE_MARKUP);
        /* a wire dateline opening the first body paragraph */
        for (size_t i = first; i < pv.n && i < first + 6; i++) {
            if (pv.v[i].kind != PX_BLOCK_BODY)
                continue;
            size_t body_start = 0, dl_len = wire_dateline(doc->text, &pv.v[i], &body_start);
            if (dl_len) {
                para dl = pv.v[i];
                dl.end = dl.start + dl_len;
                dl.kind = PX_BLOCK_DATELINE;
                pv.v[i].start = body_start;
                pv.v[i].words = count_words(doc->text, body_start, pv.v[i].end);
                if (!PX_VEC_RESERVE(pv, 1))
                    goto done;
                memmove(&pv.v[i + 1], &pv.v[i], (pv.n - i) * sizeof(para));
                pv.n++;
                pv.v[i] = dl;
            }
            break;
        }
    }
    doc->blocks = px_arena_calloc(&doc->arena, pv.n + 1, sizeof(px_block));
    /* the arena also failed if a headline, date or source copy was lost */
    if (!doc->blocks || doc->arena.oom)
        goto done;
    for (size_t i = 0; i < pv.n; i++) {
        doc->blocks[i].start = pv.v[i].start;
        doc->blocks[i].end = pv.v[i].end;
        doc->blocks[i].kind = pv.v[i].kind;
    }
    doc->n_blocks = pv.n;
    rc = PX_OK;
done:
    PX_VEC_FREE(pv);
    return rc;
}
