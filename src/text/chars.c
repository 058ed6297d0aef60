/*
 * chars.c - character classes for news text. Quotation marks come in
 * many styles (straight, typographic, low-9, guillemets), apostrophes and
 * dashes too; this file is the one place that knows them all.
 */
#include <utf8proc.h>

#include "text.h"

px_quote_class px__quote_class(uint32_t cp)
{
    switch (cp) {
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x201F: /* ‟ */
    case 0x00AB: /* « */
    case 0x300C: /* 「 */
        return PX_Q_DOUBLE_OPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
    case 0x300D: /* 」 */
        return PX_Q_DOUBLE_CLOSE;
    case '"':
    case 0x2033: /* ″ */
    case 0xFF02:
        return PX_Q_DOUBLE_AMBIG;
    case 0x2018: /* ‘ */
    case 0x201A: /* ‚ */
    case 0x201B: /* ‛ */
    case 0x2039: /* ‹ */
        return PX_Q_SINGLE_OPEN;
    case 0x2019: /* ’ */
    case 0x203A: /* › */
        return PX_Q_SINGLE_CLOSE;
    case '\'':
    case 0x2032: /* ′ */
        return PX_Q_SINGLE_AMBIG;
    default:
        return PX_Q_NONE;
    }
}

bool px__is_dash(uint32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
           cp == 0xFE63 || cp == 0xFF0D;
}

bool px__is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2032;
}

static utf8proc_category_t cat(uint32_t cp)
{
    return utf8proc_category((utf8proc_int32_t)cp);
}

bool px__ucs_is_letter(uint32_t cp)
{
    utf8proc_category_t c = cat(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool px__ucs_is_upper(uint32_t cp)
{
    utf8proc_category_t c = cat(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool px__ucs_is_lower(uint32_t cp)
{
    return cat(cp) == UTF8PROC_CATEGORY_LL;
}

bool px__ucs_is_digit(uint32_t cp)
{
    return cat(cp) == UTF8PROC_CATEGORY_ND;
}

bool px__ucs_is_mark(uint32_t cp)
{
    utf8proc_category_t c = cat(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

bool px__is_terminal(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203C || cp == 0x2047 ||
           cp == 0x2048 || cp == 0x2049;
}

void px__fold_typography(px_buf *out, const char *s, size_t len, bool casefold)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = px__utf8_decode(s + i, len - i, &cp);
        if (!n)
            n = 1;
        px_quote_class q = px__quote_class(cp);
        if (q != PX_Q_NONE)
            cp = px__quote_is_single(q) ? '\'' : '"';
        else if (px__is_dash(cp))
            cp = '-';
        else if (cp == 0x2026) {
            px_buf_puts(out, "...");
            i += n;
            continue;
        }
        if (casefold) {
            utf8proc_int32_t buf[4];
            int last;
            utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 4,
                                                         UTF8PROC_CASEFOLD, &last);
            if (k > 0 && k <= 4) {
                for (utf8proc_ssize_t m = 0; m < k; m++)
                    px_buf_put_cp(out, (uint32_t)buf[m]);
                i += n;
                continue;
            }
        }
        px_buf_put_cp(out, cp);
        i += n;
    }
}
