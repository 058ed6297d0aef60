/*
 * json.c - the JSON writer. Appends never fail individually: an
 * allocation failure sticks in the px_buf (oom) and the caller checks it
 * once at the end (sqlite3_str). Text is escaped here, never by callers.
 */
#include <math.h>
#include <string.h>

#include "util.h"

void px_json_init(px_json *j, px_buf *out)
{
    memset(j, 0, sizeof(*j));
    j->out = out;
}

static void json_value_prefix(px_json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth > 0 && j->depth < 64) {
        if (j->need_comma[j->depth])
            px_buf_putc(j->out, ',');
        j->need_comma[j->depth] = true;
    }
}

void px_json_object_begin(px_json *j)
{
    json_value_prefix(j);
    px_buf_putc(j->out, '{');
    j->depth++;
    if (j->depth < 64)
        j->need_comma[j->depth] = false;
}

void px_json_object_end(px_json *j)
{
    j->depth--;
    px_buf_putc(j->out, '}');
}

void px_json_array_begin(px_json *j)
{
    json_value_prefix(j);
    px_buf_putc(j->out, '[');
    j->depth++;
    if (j->depth < 64)
        j->need_comma[j->depth] = false;
}

void px_json_array_end(px_json *j)
{
    j->depth--;
    px_buf_putc(j->out, ']');
}

void px_json_key(px_json *j, const char *key)
{
    json_value_prefix(j);
    px_buf_putc(j->out, '"');
    px__json_escape(j->out, key, strlen(key));
    px_buf_puts(j->out, "\":");
    j->after_key = true;
}

void px__json_escape(px_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    /* 1 for the bytes that need escaping: controls, '"', '\\', DEL */
    static const unsigned char esc[256] = {
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    };
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!esc[c])
            continue;
        px_buf_put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            px_buf_puts(b, "\\\"");
            break;
        case '\\':
            px_buf_puts(b, "\\\\");
            break;
        case '\n':
            px_buf_puts(b, "\\n");
            break;
        case '\t':
            px_buf_puts(b, "\\t");
            break;
        case '\r':
            px_buf_puts(b, "\\r");
            break;
        default: {
            char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            px_buf_puts(b, u);
        }
        }
    }
    px_buf_put(b, s + run, len - run);
}

void px_json_strn(px_json *j, const char *s, size_t len)
{
    json_value_prefix(j);
    px_buf_putc(j->out, '"');
    px__json_escape(j->out, s, len);
    px_buf_putc(j->out, '"');
}

void px_json_str(px_json *j, const char *s)
{
    if (!s) {
        px_json_null(j);
        return;
    }
    px_json_strn(j, s, strlen(s));
}

/* Decimal digits of v, by hand: reports write millions of offsets, and
 * printf cost more than the rest of the writer. */
static void put_decimal(px_buf *b, unsigned long long v, bool minus)
{
    char tmp[24];
    size_t n = sizeof tmp;
    do {
        tmp[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (minus)
        tmp[--n] = '-';
    px_buf_put(b, tmp + n, sizeof tmp - n);
}

void px_json_int(px_json *j, long long v)
{
    json_value_prefix(j);
    put_decimal(j->out, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, v < 0);
}

void px_json_uint(px_json *j, unsigned long long v)
{
    json_value_prefix(j);
    put_decimal(j->out, v, false);
}

void px_json_double(px_json *j, double v)
{
    json_value_prefix(j);
    if (!isfinite(v))
        px_buf_puts(j->out, "null");
    else
        px_buf_printf(j->out, "%.6g", v);
}

void px_json_bool(px_json *j, bool v)
{
    json_value_prefix(j);
    px_buf_puts(j->out, v ? "true" : "false");
}

void px_json_null(px_json *j)
{
    json_value_prefix(j);
    px_buf_puts(j->out, "null");
}

void px__html_escape(px_buf *b, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '&':
            rep = "&amp;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            continue;
        }
        px_buf_put(b, s + run, i - run);
        px_buf_puts(b, rep);
        run = i + 1;
    }
    px_buf_put(b, s + run, len - run);
}
