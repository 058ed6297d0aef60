/*
 * jsonl.c - a fast path for the common JSON Lines record: one flat object
 * whose values are strings, small numbers, true, false or null, in valid
 * UTF-8, with no repeated key. Profiles showed jansson at a third of
 * `parallax read` on JSONL (it builds a tree and copies every string);
 * this parser makes one validating pass, then decodes only the fields the
 * reader wants, in place. Anything unusual (nesting, large or exponent
 * numbers, lone surrogates, \u0000, invalid UTF-8, repeated keys, syntax
 * errors) returns false and the reader falls back to jansson, which also
 * words the error messages, so behaviour is unchanged.
 */
#include <string.h>

#include "read.h"

const char *const px__jsonl_field_names[PX_JF__COUNT] = {
    "text", "body", "content", "id", "title", "headline", "source", "outlet",
    "date", "published", "url", "standfirst", "doc", "author", "lang",
};

#define MAX_KEYS 32

typedef struct span {
    size_t start, end; /* raw string content, quotes excluded */
    bool escaped;
} span;

static size_t skip_ws(const char *s, size_t i, size_t len)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

static int hex4(const char *s)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Validates a string starting after its opening quote; sets *sp and
 * returns the index after the closing quote, or 0 when the string is
 * not for the fast path. */
static size_t scan_string(const char *s, size_t i, size_t len, span *sp)
{
    sp->start = i;
    sp->escaped = false;
    while (i < len) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* eight plain ASCII bytes at a time: to the first quotation mark,
         * backslash, control or non-ASCII byte */
        const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, high = ~low7;
        while (i + 8 <= len) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            uint64_t q = x ^ 0x2222222222222222ULL, b = x ^ 0x5C5C5C5C5C5C5C5CULL;
            uint64_t stop = ~(((q & low7) + low7) | q) | ~(((b & low7) + low7) | b) |
                            ~((x & low7) + 0x6060606060606060ULL) | x;
            stop &= high;
            if (stop) {
                i += (size_t)__builtin_ctzll(stop) / 8;
                break;
            }
            i += 8;
        }
        if (i >= len)
            break;
#endif
        unsigned char c = (unsigned char)s[i];
        if (c == '"') {
            sp->end = i;
            return i + 1;
        }
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            sp->escaped = true;
            if (i + 1 >= len)
                return 0;
            char e = s[i + 1];
            if (e == 'u') {
                if (i + 6 > len)
                    return 0;
                int v = hex4(s + i + 2);
                if (v <= 0 || (v >= 0xDC00 && v <= 0xDFFF))
                    return 0;
                if (v >= 0xD800 && v <= 0xDBFF) {
                    if (i + 12 > len || s[i + 6] != '\\' || s[i + 7] != 'u')
                        return 0;
                    int lo = hex4(s + i + 8);
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return 0;
                    i += 12;
                } else {
                    i += 6;
                }
                continue;
            }
            if (!e || !strchr("\"\\/bfnrt", e))
                return 0;
            i += 2;
            continue;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = px__utf8_decode(s + i, len - i, &cp);
        if (!n)
            return 0;
        i += n;
    }
    return 0;
}

/* A number jansson reads without overflow: -?(0|[1-9][0-9]*)(.[0-9]+)?
 * with at most 15 digits in all; no exponent. Returns the index after
 * it, or 0. */
static size_t scan_number(const char *s, size_t i, size_t len)
{
    size_t digits = 0;
    if (i < len && s[i] == '-')
        i++;
    if (i >= len || s[i] < '0' || s[i] > '9')
        return 0;
    if (s[i] == '0') {
        i++;
        digits++;
    } else {
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++, digits++;
    }
    if (i < len && s[i] == '.') {
        i++;
        size_t f = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++, f++;
        if (!f)
            return 0;
        digits += f;
    }
    if (digits > 15 || (i < len && (s[i] == 'e' || s[i] == 'E')))
        return 0;
    return i;
}

/* Decodes a validated string in place; returns its decoded length and
 * NUL-terminates it. */
static size_t decode(char *s, const span *sp)
{
    if (!sp->escaped) {
        s[sp->end] = '\0';
        return sp->end - sp->start;
    }
    size_t w = sp->start;
    for (size_t i = sp->start; i < sp->end;) {
        if (s[i] != '\\') { /* move the run up to the next escape at once */
            const char *bs = memchr(s + i, '\\', sp->end - i);
            size_t run = bs ? (size_t)(bs - (s + i)) : sp->end - i;
            memmove(s + w, s + i, run);
            w += run;
            i += run;
            continue;
        }
        char e = s[i + 1];
        if (e != 'u') {
            s[w++] = e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r'
                   : e == 't' ? '\t' : e;
            i += 2;
            continue;
        }
        uint32_t cp = (uint32_t)hex4(s + i + 2);
        i += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)hex4(s + i + 2) - 0xDC00);
            i += 6;
        }
        w += px__utf8_encode(cp, s + w);
    }
    s[w] = '\0';
    return w - sp->start;
}

bool px__jsonl_fast(char *s, size_t len, px_jsonl_fields *out)
{
    span keys[MAX_KEYS];
    span vals[PX_JF__COUNT];
    bool is_str[PX_JF__COUNT], seen[PX_JF__COUNT];
    size_t n_keys = 0;
    memset(seen, 0, sizeof(seen));
    size_t i = skip_ws(s, 0, len);
    if (i >= len || s[i] != '{')
        return false;
    i = skip_ws(s, i + 1, len);
    if (i < len && s[i] == '}') {
        i++;
    } else {
        for (;;) {
            if (i >= len || s[i] != '"' || n_keys == MAX_KEYS)
                return false;
            span *k = &keys[n_keys];
            i = scan_string(s, i + 1, len, k);
            if (!i || k->escaped)
                return false;
            size_t klen = k->end - k->start;
            for (size_t j = 0; j < n_keys; j++)
                if (keys[j].end - keys[j].start == klen &&
                    !memcmp(s + keys[j].start, s + k->start, klen))
                    return false; /* repeated key: jansson says so */
            n_keys++;
            i = skip_ws(s, i, len);
            if (i >= len || s[i] != ':')
                return false;
            i = skip_ws(s, i + 1, len);
            if (i >= len)
                return false;
            span v = {i, i, false};
            bool str = false;
            if (s[i] == '"') {
                i = scan_string(s, i + 1, len, &v);
                str = true;
            } else if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
                i = scan_number(s, i, len);
            } else if (len - i >= 4 && !memcmp(s + i, "true", 4)) {
                i += 4;
            } else if (len - i >= 5 && !memcmp(s + i, "false", 5)) {
                i += 5;
            } else if (len - i >= 4 && !memcmp(s + i, "null", 4)) {
                i += 4;
            } else {
                return false; /* nesting or a syntax error */
            }
            if (!i)
                return false;
            for (int f = 0; f < PX_JF__COUNT; f++) {
                if (strlen(px__jsonl_field_names[f]) == klen &&
                    !memcmp(px__jsonl_field_names[f], s + k->start, klen)) {
                    if ((f == PX_JF_ID || f == PX_JF_DOC) && !str)
                        return false; /* numeric ids are jansson's */
                    vals[f] = v;
                    is_str[f] = str;
                    seen[f] = true;
                    break;
                }
            }
            i = skip_ws(s, i, len);
            if (i < len && s[i] == ',') {
                i = skip_ws(s, i + 1, len);
                continue;
            }
            if (i < len && s[i] == '}') {
                i++;
                break;
            }
            return false;
        }
    }
    if (skip_ws(s, i, len) != len)
        return false;
    /* valid: decode the wanted strings in place (never longer than the
     * raw text; the NUL lands on or before the closing quote) */
    for (int f = 0; f < PX_JF__COUNT; f++) {
        out->v[f] = NULL;
        out->len[f] = 0;
        if (seen[f] && is_str[f]) {
            out->len[f] = decode(s, &vals[f]);
            out->v[f] = s + vals[f].start;
        }
    }
    return true;
}
