/*
 * normalize.c - turns input bytes into parallax's working text while
 * keeping, for every output byte, the code-point offset of the input
 * character it came from. All printed offsets go through that map, so the
 * text can be cleaned freely (NFC, line breaks, spaces, invalid UTF-8)
 * and still point into the user's original file.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

typedef struct norm_out {
    px_buf text;
    PX_VEC(uint32_t) map;
} norm_out;

static bool emit(norm_out *o, const char *s, size_t n, uint32_t cpoff)
{
    px_buf_put(&o->text, s, n);
    if (!PX_VEC_RESERVE(o->map, n))
        return false;
    for (size_t i = 0; i < n; i++)
        o->map.v[o->map.n++] = cpoff;
    return !o->text.oom;
}

/* What a single code point becomes: 0 dropped, else a replacement. */
static uint32_t substitute(uint32_t cp)
{
    switch (cp) {
    case 0x200B: /* zero width space */
    case 0xFEFF: /* BOM / ZWNBSP */
    case 0x00AD: /* soft hyphen */
    case 0x2060: /* word joiner */
        return 0;
    case 0x2028:
    case 0x2029:
    case 0x0085:
    case '\v':
    case '\f':
        return '\n';
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return ' ';
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return ' ';
    if ((cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        return ' ';
    return cp;
}

static bool needs_nfc(uint32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    /* a precomposed character is already NFC unless it is excluded from
     * composition (singletons such as U+212B ANGSTROM SIGN) */
    return p->comp_exclusion;
}

/* The first index from j on, eight bytes at a time, whose byte is not
 * printable ASCII other than ` and ' (those may start a doubled quotation
 * mark): the run the byte loop below would copy, found without a branch a
 * byte. */
static inline size_t skip_plain_ascii(const char *in, size_t j, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, high = ~low7, ones = 0x0101010101010101ULL;
    for (; j + 8 <= len; j += 8) {
        uint64_t x;
        memcpy(&x, in + j, 8);
        uint64_t g = x ^ (0x60 * ones), a = x ^ (0x27 * ones);
        uint64_t stop = ~(((g & low7) + low7) | g) | ~(((a & low7) + low7) | a) | /* ` ' */
                        ~((x & low7) + 0x60 * ones) |                           /* < 0x20 */
                        x | ((x & low7) + ones);                                 /* >= 0x7F */
        stop &= high;
        if (stop)
            return j + (size_t)__builtin_ctzll(stop) / 8;
    }
#endif
    return j;
}

int px__normalize(const char *in, size_t len, px_norm *res)
{
    norm_out o;
    memset(&o, 0, sizeof(o));
    px_buf_init(&o.text);
    memset(res, 0, sizeof(*res));
    if (!px_buf_grow(&o.text, len) || !PX_VEC_RESERVE(o.map, len + 1))
        goto nomem;

    size_t i = 0, cpoff = 0, line = 1;
    while (i < len) {
        unsigned char c = (unsigned char)in[i];
        /* a run of printable ASCII is copied as it is, unless its last
         * character takes a combining mark */
        /* `` and '' as quotation marks (newswire and Penn Treebank
         * style) become “ and ” */
        if ((c == '`' || c == '\'') && i + 1 < len && in[i + 1] == (char)c) {
            if (!emit(&o, c == '`' ? "\xE2\x80\x9C" : "\xE2\x80\x9D", 3, (uint32_t)cpoff))
                goto nomem;
            i += 2;
            cpoff += 2;
            continue;
        }
        if (c >= 0x20 && c < 0x7F) {
            size_t j = i + 1;
            for (;;) {
                j = skip_plain_ascii(in, j, len);
                if (!(j < len && (unsigned char)in[j] >= 0x20 && (unsigned char)in[j] < 0x7F &&
                      !((in[j] == '`' || in[j] == '\'') && j + 1 < len && in[j + 1] == in[j])))
                    break;
                j++;
            }
            if (j < len && (unsigned char)in[j] >= 0xCC)
                j--;
            if (j > i) {
                size_t n = j - i;
                px_buf_put(&o.text, in + i, n);
                if (o.text.oom || !PX_VEC_RESERVE(o.map, n))
                    goto nomem;
                for (size_t k = 0; k < n; k++)
                    o.map.v[o.map.n++] = (uint32_t)(cpoff + k);
                i = j;
                cpoff += n;
                continue;
            }
        }
        /* ASCII fast path, unless a combining mark follows */
        if (c < 0x80 && !(i + 1 < len && (unsigned char)in[i + 1] >= 0xCC)) {
            if (c == '\r') {
                if (i + 1 < len && in[i + 1] == '\n') {
                    /* CRLF: the LF stands for both; the CR maps nowhere */
                    i++;
                    cpoff++;
                    continue;
                }
                c = '\n';
            }
            if (c == '\n')
                line++;
            else if (c < 0x20 || c == 0x7F)
                c = ' ';
            char ch = (char)c;
            if (!emit(&o, &ch, 1, (uint32_t)cpoff))
                goto nomem;
            i++;
            cpoff++;
            continue;
        }
        /* a cluster: a starter and the combining marks after it */
        uint32_t cp;
        size_t n = px__utf8_decode(in + i, len - i, &cp);
        if (!n) {
            if (!res->n_invalid)
                res->first_invalid_line = line;
            res->n_invalid++;
            if (!emit(&o, "\xEF\xBF\xBD", 3, (uint32_t)cpoff))
                goto nomem;
            i++;
            cpoff++;
            continue;
        }
        size_t cl_end = i + n, cl_chars = 1;
        bool compose = needs_nfc(cp);
        for (;;) {
            uint32_t m;
            size_t k = px__utf8_decode(in + cl_end, len - cl_end, &m);
            if (!k || !utf8proc_get_property((utf8proc_int32_t)m)->combining_class)
                break;
            compose = true;
            cl_end += k;
            cl_chars++;
        }
        if (compose) {
            char *nfc = NULL;
            ptrdiff_t m = px__utf8_map(in + i, cl_end - i, &nfc,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE);
            if (m == UTF8PROC_ERROR_NOMEM)
                goto nomem;
            bool ok = m >= 0 ? emit(&o, nfc, (size_t)m, (uint32_t)cpoff)
                             : emit(&o, in + i, cl_end - i, (uint32_t)cpoff);
            free(nfc);
            if (!ok)
                goto nomem;
        } else {
            uint32_t sub = substitute(cp);
            if (sub == '\n')
                line++;
            if (sub) {
                char tmp[4];
                size_t k = sub == cp ? n : px__utf8_encode(sub, tmp);
                if (!emit(&o, sub == cp ? in + i : tmp, k, (uint32_t)cpoff))
                    goto nomem;
            }
        }
        i = cl_end;
        cpoff += cl_chars;
    }
    if (!PX_VEC_PUSH(o.map, (uint32_t)cpoff) || o.text.oom)
        goto nomem;
    res->len = o.text.len;
    res->text = px_buf_detach(&o.text);
    if (!res->text)
        goto nomem;
    res->map = o.map.v;
    res->n_chars = cpoff;
    return PX_OK;
nomem:
    px_buf_release(&o.text);
    PX_VEC_FREE(o.map);
    return PX_ENOMEM;
}

void px__norm_release(px_norm *n)
{
    free(n->text);
    free(n->map);
    memset(n, 0, sizeof(*n));
}
