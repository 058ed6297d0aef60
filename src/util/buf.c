/*
 * buf.c - px_buf, the one owning growable buffer (after cmark_strbuf and
 * git's strbuf): the pointer is never NULL, the data always NUL-terminated,
 * growth is 1.5x, and a failed allocation is remembered (oom) instead of
 * being reported by every append.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"

char px__buf_empty[1];

void px_buf_init(px_buf *b)
{
    b->ptr = px__buf_empty;
    b->len = 0;
    b->cap = 0;
    b->oom = false;
    b->fixed = false;
}

void px_buf_init_fixed(px_buf *b, char *storage, size_t size)
{
    b->ptr = storage;
    b->ptr[0] = '\0';
    b->len = 0;
    b->cap = size;
    b->oom = false;
    b->fixed = true;
}

void px_buf_release(px_buf *b)
{
    if (b->cap && !b->fixed)
        free(b->ptr);
    px_buf_init(b);
}

bool px_buf_grow(px_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    if (b->fixed) {
        b->oom = true;
        return false;
    }
    /* by half at least; a large reservation exactly (see px__vec_reserve) */
    size_t cap = b->cap ? b->cap + b->cap / 2 + 8 : 64;
    if (cap < need)
        cap = need;
    char *p = b->cap ? px__realloc(b->ptr, cap) : px__malloc(cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    if (!b->cap)
        p[0] = '\0';
    b->ptr = p;
    b->cap = cap;
    return true;
}

void px_buf_put(px_buf *b, const void *data, size_t len)
{
    if (!len || !px_buf_grow(b, len))
        return;
    memcpy(b->ptr + b->len, data, len);
    b->len += len;
    b->ptr[b->len] = '\0';
}

void px_buf_puts(px_buf *b, const char *s)
{
    px_buf_put(b, s, strlen(s));
}

void px_buf_putc(px_buf *b, int c)
{
    if (!px_buf_grow(b, 1))
        return;
    b->ptr[b->len++] = (char)c;
    b->ptr[b->len] = '\0';
}

void px_buf_vprintf(px_buf *b, const char *fmt, va_list ap)
{
    if (b->oom)
        return;
    /* formatted straight into the free room when it fits (nearly always):
     * a second pass only when the buffer must grow */
    size_t room = b->cap > b->len ? b->cap - b->len : 0;
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(room ? b->ptr + b->len : NULL, room, fmt, cp);
    va_end(cp);
    if (n >= 0 && (size_t)n < room) {
        b->len += (size_t)n;
        return;
    }
    if (room)
        b->ptr[b->len] = '\0'; /* the cut attempt is not kept */
    if (n < 0 || !px_buf_grow(b, (size_t)n))
        return;
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void px_buf_printf(px_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    px_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void px_buf_put_cp(px_buf *b, uint32_t cp)
{
    char tmp[4];
    px_buf_put(b, tmp, px__utf8_encode(cp, tmp));
}

void px_buf_clear(px_buf *b)
{
    px_buf_truncate(b, 0);
}

void px_buf_truncate(px_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        if (b->cap)
            b->ptr[len] = '\0';
    }
}

char *px_buf_detach(px_buf *b)
{
    if (b->oom) {
        px_buf_release(b);
        return NULL;
    }
    char *p = b->cap && !b->fixed ? b->ptr : px__strndup(b->ptr, b->len);
    px_buf_init(b);
    return p;
}
