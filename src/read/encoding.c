/*
 * encoding.c - turns a document's bytes into UTF-8 before anything else
 * looks at them. In order of trust, as browsers do (WHATWG Encoding):
 * a byte order mark (UTF-8 is stripped, UTF-16 LE/BE decoded), then the
 * charset a transport declared (a WARC record's HTTP Content-Type), then
 * the page's own <meta charset>, http-equiv Content-Type or XML
 * declaration. A declared legacy encoding (windows-1252, iso-8859-*,
 * shift_jis, gb2312, koi8-r, ...) is converted with glibc's iconv, and
 * ISO-8859-1 and US-ASCII are read as windows-1252, their superset on the
 * web. Bytes that are valid UTF-8 with non-ASCII characters are taken as
 * UTF-8 whatever the page declares: mislabelled pages are common, and
 * legacy text almost never forms valid UTF-8 by chance. UTF-16 without a
 * mark is recognised by its zero bytes. Offsets stay code points: every
 * character of the original is one code point of the converted text.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "read.h"

/* ---- the charset a page declares ---- */

static bool ieq_prefix(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len >= n && !strncasecmp(s, lit, n);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/';
}

/* Parses the next attribute of a tag at s[*i, end): name and value.
 * false at '>' or the end. */
static bool next_attr(const char *s, size_t end, size_t *i, px_str *name, px_str *value)
{
    size_t k = *i;
    while (k < end && is_space(s[k]))
        k++;
    if (k >= end || s[k] == '>')
        return false;
    size_t ns = k;
    while (k < end && !is_space(s[k]) && s[k] != '=' && s[k] != '>')
        k++;
    *name = (px_str){s + ns, k - ns};
    *value = (px_str){s + k, 0};
    while (k < end && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r'))
        k++;
    if (k < end && s[k] == '=') {
        k++;
        while (k < end && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r'))
            k++;
        if (k < end && (s[k] == '"' || s[k] == '\'')) {
            char q = s[k++];
            size_t vs = k;
            while (k < end && s[k] != q)
                k++;
            *value = (px_str){s + vs, k - vs};
            if (k < end)
                k++;
        } else {
            size_t vs = k;
            while (k < end && !is_space(s[k]) && s[k] != '>')
                k++;
            *value = (px_str){s + vs, k - vs};
        }
    }
    if (k == *i)
        k++;
    *i = k;
    return true;
}

static void copy_label(char *out, size_t cap, px_str v)
{
    px_str t = px__str_trim(v);
    size_t n = 0;
    for (size_t i = 0; i < t.len && n + 1 < cap; i++) {
        char c = t.ptr[i];
        if (c == '"' || c == '\'' || c == ';' || c == ' ')
            break;
        out[n++] = c;
    }
    out[n] = 0;
}

bool px__html_declared_charset(const char *s, size_t len, char *out, size_t cap)
{
    out[0] = 0;
    size_t end = PX_MIN(len, (size_t)64 * 1024);
    /* <?xml version="1.0" encoding="ISO-8859-1"?> */
    if (ieq_prefix(s, end, "<?xml")) {
        const char *close = memchr(s, '>', end);
        size_t ce = close ? (size_t)(close - s) : end;
        size_t i = 5;
        px_str name, value;
        while (next_attr(s, ce, &i, &name, &value))
            if (px__str_ieq_ascii(name, "encoding") && value.len) {
                copy_label(out, cap, value);
                return out[0] != 0;
            }
    }
    for (size_t i = 0; i + 6 < end; i++) {
        if (s[i] != '<')
            continue;
        if (ieq_prefix(s + i, end - i, "<!--")) {
            const char *c = NULL;
            for (size_t k = i + 4; k + 3 <= end; k++)
                if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>') {
                    c = s + k;
                    break;
                }
            if (!c)
                return false;
            i = (size_t)(c - s) + 2;
            continue;
        }
        if (ieq_prefix(s + i, end - i, "</head") || ieq_prefix(s + i, end - i, "<body"))
            return false;
        if (!ieq_prefix(s + i, end - i, "<meta") || !is_space(s[i + 5]))
            continue;
        size_t k = i + 5;
        px_str name, value;
        bool http_equiv_ct = false;
        char from_content[64] = "";
        while (next_attr(s, end, &k, &name, &value)) {
            if (px__str_ieq_ascii(name, "charset") && value.len) {
                copy_label(out, cap, value);
                if (out[0])
                    return true;
            } else if (px__str_ieq_ascii(name, "http-equiv")) {
                http_equiv_ct = px__str_ieq_ascii(px__str_trim(value), "content-type");
            } else if (px__str_ieq_ascii(name, "content")) {
                px__charset_param(value.ptr, value.len, from_content, sizeof(from_content));
            }
        }
        if (http_equiv_ct && from_content[0]) {
            copy_label(out, cap, (px_str){from_content, strlen(from_content)});
            return true;
        }
        i = k ? k - 1 : i;
    }
    return false;
}

/* ---- conversion ---- */

typedef struct sink {
    px_buf *out;
    size_t line, n_invalid, first_invalid_line;
} sink;

static void put_cp(sink *k, uint32_t cp)
{
    if (cp == '\n')
        k->line++;
    px_buf_put_cp(k->out, cp);
}

static void invalid(sink *k)
{
    if (!k->n_invalid)
        k->first_invalid_line = k->line;
    k->n_invalid++;
    px_buf_puts(k->out, "\xEF\xBF\xBD");
}

static void utf16_decode(const unsigned char *s, size_t len, bool be, sink *k)
{
    size_t i = 0;
    while (i + 1 < len) {
        uint32_t u = be ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
            uint32_t lo = be ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 2;
                put_cp(k, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            invalid(k);
        else
            put_cp(k, u);
    }
    if (i < len)
        invalid(k); /* an odd byte at the end */
}

/* The iconv name for a WHATWG label, NULL for UTF-8 (nothing to do). */
static const char *iconv_name(const char *label, bool *utf16)
{
    static const struct {
        const char *label, *name;
    } map[] = {
        {"utf-8", NULL},          {"utf8", NULL},         {"unicode-1-1-utf-8", NULL},
        {"us-ascii", "CP1252"},   {"ascii", "CP1252"},    {"iso-8859-1", "CP1252"},
        {"iso8859-1", "CP1252"},  {"iso_8859-1", "CP1252"}, {"latin1", "CP1252"},
        {"l1", "CP1252"},         {"windows-1252", "CP1252"}, {"cp1252", "CP1252"},
        {"x-cp1252", "CP1252"},   {"shift_jis", "CP932"}, {"shift-jis", "CP932"},
        {"sjis", "CP932"},        {"x-sjis", "CP932"},    {"ms_kanji", "CP932"},
        {"windows-31j", "CP932"}, {"gb2312", "GB18030"},  {"gbk", "GB18030"},
        {"x-gbk", "GB18030"},     {"gb_2312-80", "GB18030"}, {"euc-kr", "CP949"},
        {"ks_c_5601-1987", "CP949"}, {"tis-620", "CP874"}, {"iso-8859-11", "CP874"},
        {"iso-8859-9", "CP1254"}, {"latin5", "CP1254"},
    };
    *utf16 = !strncasecmp(label, "utf-16", 6) || !strncasecmp(label, "utf16", 5) ||
             !strncasecmp(label, "utf-32", 6) || !strcasecmp(label, "unicode");
    for (size_t i = 0; i < PX_ARRAY_LEN(map); i++)
        if (!strcasecmp(label, map[i].label))
            return map[i].name;
    return label;
}

/* Converts with iconv; bytes the encoding does not define become
 * U+FFFD. false when iconv does not know the encoding. */
static bool iconv_decode(const char *name, const char *s, size_t len, sink *k)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return false;
    char tmp[16384];
    char *inp = (char *)s;
    size_t left = len;
    while (left) {
        char *o = tmp;
        size_t room = sizeof(tmp);
        size_t r = iconv(cd, &inp, &left, &o, &room);
        size_t made = (size_t)(o - tmp);
        for (size_t i = 0; i < made; i++)
            k->line += tmp[i] == '\n';
        px_buf_put(k->out, tmp, made);
        if (r == (size_t)-1 && errno == E2BIG)
            continue;
        if (r == (size_t)-1) {
            /* EILSEQ, or EINVAL (a sequence cut by the end): one byte is
             * lost, the rest goes on */
            invalid(k);
            inp++;
            left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    char *o = tmp;
    size_t room = sizeof(tmp);
    iconv(cd, NULL, NULL, &o, &room);
    px_buf_put(k->out, tmp, (size_t)(o - tmp));
    iconv_close(cd);
    return true;
}

/* Zero bytes in every other position: UTF-16 without a mark. 0 none,
 * 1 little endian, 2 big endian. */
static int sniff_utf16(const unsigned char *s, size_t len)
{
    size_t n = PX_MIN(len, (size_t)4096) / 2, le = 0, be = 0;
    if (n < 4)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = s[2 * i], b = s[2 * i + 1];
        le += a && !b;
        be += !a && b;
    }
    if (le * 10 >= n * 9)
        return 1;
    if (be * 10 >= n * 9)
        return 2;
    return 0;
}

static bool has_non_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

int px__decode(const char *in, size_t len, const char *declared, bool html, px_buf *out,
               px_decoded *info)
{
    const unsigned char *u = (const unsigned char *)in;
    memset(info, 0, sizeof(*info));
    info->text = (px_str){in, len};
    sink k = {out, 1, 0, 0};
    px_buf_clear(out);
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        info->text = (px_str){in + 3, len - 3};
        info->encoding = "UTF-8 (byte order mark)";
        return PX_OK;
    }
    int sniffed = 0;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        bool be = u[0] == 0xFE;
        utf16_decode(u + 2, len - 2, be, &k);
        info->encoding = be ? "UTF-16BE" : "UTF-16LE";
    } else if ((sniffed = sniff_utf16(u, len))) {
        utf16_decode(u, len, sniffed == 2, &k);
        info->encoding = sniffed == 2 ? "UTF-16BE" : "UTF-16LE";
        info->guessed = true;
    } else {
        char meta[64];
        const char *label = declared && *declared ? declared : NULL;
        if (!label && html && px__html_declared_charset(in, len, meta, sizeof(meta)))
            label = meta;
        /* ASCII reads the same in every ASCII-compatible encoding; the
         * ISO-2022 ones are written in ASCII bytes with escapes */
        if (!label || (!has_non_ascii(in, len) && strncasecmp(label, "iso-2022", 8)))
            return PX_OK;
        bool utf16;
        const char *name = iconv_name(label, &utf16);
        /* a UTF-16 label without a mark is a mistake (the page was
         * parsed as ASCII to find it); valid UTF-8 is UTF-8 */
        if (!name || utf16 || px__utf8_valid(in, len))
            return PX_OK;
        if (!iconv_decode(name, in, len, &k)) {
            snprintf(info->unknown, sizeof(info->unknown), "%.60s", label);
            return PX_OK;
        }
        snprintf(info->declared, sizeof(info->declared), "%.60s", label);
        info->encoding = info->declared;
    }
    if (out->oom)
        return PX_ENOMEM;
    info->text = (px_str){out->ptr, out->len};
    info->converted = true;
    info->n_invalid = k.n_invalid;
    info->first_invalid_line = k.first_invalid_line;
    return PX_OK;
}
