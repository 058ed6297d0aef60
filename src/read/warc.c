/*
 * warc.c - reads WARC 1.0/1.1 files (ISO 28500), the format of web
 * crawls such as CC-NEWS, one record at a time from a px_input, so a
 * file of any size is read in the memory of its largest record. Only the
 * blocks that can hold an article are kept (response, resource and
 * conversion records); the others are skipped unread. For a response,
 * px__warc_payload takes the HTTP message apart: status, Content-Type
 * and charset, and the body with chunked transfer coding and gzip or
 * deflate content coding undone. A damaged record (no version line, no
 * Content-Length, a block cut short) is reported with its number and
 * offset, and reading resumes at the next "WARC/" line.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "read.h"

enum { HEADER_LINE_MAX = 64 * 1024, HEADER_MAX = 256 * 1024 };

void px__warc_record_release(px_warc_record *rec)
{
    px_buf_release(&rec->block);
    memset(rec, 0, sizeof(*rec));
    px_buf_init(&rec->block);
}

static void problem(const px_warc_io *w, const px_warc_record *rec, px_severity sev,
                    const char *fmt, ...) PX_PRINTF(4, 5);

static void problem(const px_warc_io *w, const px_warc_record *rec, px_severity sev,
                    const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(msg, sizeof(msg), "WARC record %zu at byte %llu: ", rec->number,
                     (unsigned long long)rec->offset);
    vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
    va_end(ap);
    if (w->on_problem)
        w->on_problem(w->ud, sev, msg);
}

/* A header field's value when line is "name: value" (trimmed), else
 * {NULL, 0}. */
static px_str field(const char *line, size_t len, const char *name)
{
    size_t n = strlen(name);
    if (len <= n || line[n] != ':' || strncasecmp(line, name, n))
        return (px_str){NULL, 0};
    return px__str_trim((px_str){line + n + 1, len - n - 1});
}

static void copy_field(char *dst, size_t cap, px_str v)
{
    size_t n = PX_MIN(v.len, cap - 1);
    memcpy(dst, v.ptr, n);
    dst[n] = 0;
}

/* Skips to the next line that starts with "WARC/" (left unread). */
static void resync(px_input *in)
{
    for (;;) {
        size_t avail;
        const char *p = px__input_peek(in, 5, &avail);
        if (avail >= 5 && !memcmp(p, "WARC/", 5))
            return;
        char *line;
        size_t len, dropped;
        if (!px__input_getline(in, HEADER_LINE_MAX, &line, &len, &dropped))
            return;
    }
}

static bool wanted_type(const char *type)
{
    return !strcasecmp(type, "response") || !strcasecmp(type, "resource") ||
           !strcasecmp(type, "conversion");
}

int px__warc_next(px_warc_io *w, px_warc_record *rec)
{
    px_input *in = w->in;
    px_buf_clear(&rec->block);
    for (;;) {
        /* blank lines between records are tolerated */
        char *line;
        size_t len, dropped;
        uint64_t at = px__input_offset(in);
        if (!px__input_getline(in, HEADER_LINE_MAX, &line, &len, &dropped))
            return 0;
        px_str l = px__str_trim((px_str){line, len});
        if (!l.len && !dropped)
            continue;
        if (dropped || l.len < 6 || memcmp(l.ptr, "WARC/", 5)) {
            char msg[200];
            snprintf(msg, sizeof(msg),
                     "bytes at %llu are not a WARC record (\"%.*s\"): skipped to the next record",
                     (unsigned long long)at, dropped ? 0 : (int)PX_MIN(l.len, (size_t)40), l.ptr);
            if (w->on_problem)
                w->on_problem(w->ud, PX_SEV_ERROR, msg);
            w->n_damaged++;
            resync(in);
            continue;
        }
        w->n_records++;
        rec->number = w->n_records;
        rec->offset = at;
        rec->type[0] = rec->uri[0] = rec->date[0] = rec->content_type[0] = 0;
        rec->truncated = false;
        /* the header: named fields up to a blank line */
        long long clen = -1;
        size_t hbytes = 0;
        bool bad = false, ended = false;
        char why[120] = "";
        while (px__input_getline(in, HEADER_LINE_MAX, &line, &len, &dropped)) {
            hbytes += len + dropped;
            if (dropped || hbytes > HEADER_MAX) {
                snprintf(why, sizeof(why), "a header%s longer than %d KB",
                         dropped ? " line" : "", (dropped ? HEADER_LINE_MAX : HEADER_MAX) / 1024);
                bad = true;
                break;
            }
            px_str h = px__str_trim((px_str){line, len});
            if (!h.len) {
                ended = true;
                break;
            }
            px_str v;
            if ((v = field(h.ptr, h.len, "WARC-Type")).ptr)
                copy_field(rec->type, sizeof(rec->type), v);
            else if ((v = field(h.ptr, h.len, "WARC-Target-URI")).ptr) {
                /* WARC 1.0 writers may wrap the URI in angle brackets */
                if (v.len >= 2 && v.ptr[0] == '<' && v.ptr[v.len - 1] == '>')
                    v = (px_str){v.ptr + 1, v.len - 2};
                copy_field(rec->uri, sizeof(rec->uri), v);
            } else if ((v = field(h.ptr, h.len, "WARC-Date")).ptr)
                copy_field(rec->date, sizeof(rec->date), v);
            else if ((v = field(h.ptr, h.len, "Content-Type")).ptr)
                copy_field(rec->content_type, sizeof(rec->content_type), v);
            else if ((v = field(h.ptr, h.len, "Content-Length")).ptr) {
                char *end;
                char tmp[32];
                copy_field(tmp, sizeof(tmp), v);
                errno = 0;
                long long x = strtoll(tmp, &end, 10);
                if (errno || end == tmp || *end || x < 0 || v.len >= sizeof(tmp)) {
                    snprintf(why, sizeof(why), "Content-Length \"%.40s\" is not a size", tmp);
                    bad = true;
                } else
                    clen = x;
            }
        }
        if (bad || !ended || clen < 0) {
            problem(w, rec, PX_SEV_ERROR, "%s: skipped to the next record",
                    !ended && !bad ? "the file ends inside the record header"
                    : bad           ? why
                                    : "no Content-Length");
            w->n_damaged++;
            resync(in);
            continue;
        }
        if (!rec->type[0])
            copy_field(rec->type, sizeof(rec->type), (px_str){"unknown", 7});
        /* the block: kept when it may hold an article, else skipped */
        uint64_t want = (uint64_t)clen, got;
        if (wanted_type(rec->type)) {
            size_t keep = (size_t)PX_MIN(want, (uint64_t)w->max_block);
            if (px__input_read_buf(in, &rec->block, keep))
                return PX_ENOMEM;
            got = rec->block.len;
            if (got == keep && want > keep) {
                rec->truncated = true;
                got += px__input_read(in, NULL, (size_t)PX_MIN(want - keep, (uint64_t)SIZE_MAX));
            }
        } else {
            got = 0;
            while (got < want) {
                size_t k = px__input_read(in, NULL, (size_t)PX_MIN(want - got, (uint64_t)1 << 30));
                if (!k)
                    break;
                got += k;
            }
        }
        if (got < want) {
            problem(w, rec, PX_SEV_ERROR,
                    "truncated record (Content-Length %lld, %llu bytes present): skipped", clen,
                    (unsigned long long)got);
            w->n_damaged++;
            px_buf_clear(&rec->block);
            return 0;
        }
        /* two CRLFs end the record; anything else is damage */
        size_t avail;
        const char *p = px__input_peek(in, 4, &avail);
        size_t k = 0;
        while (k < avail && k < 4 && (p[k] == '\r' || p[k] == '\n'))
            k++;
        px__input_read(in, NULL, k);
        p = px__input_peek(in, 5, &avail);
        if (avail && !(avail >= 5 && !memcmp(p, "WARC/", 5)) && k < 2) {
            problem(w, rec, PX_SEV_WARNING,
                    "block longer than its Content-Length %lld: the rest skipped", clen);
            resync(in);
        }
        return 1;
    }
}

/* ---- the HTTP message of a response record ---- */

/* charset=... inside a Content-Type value; "" when none. */
void px__charset_param(const char *ct, size_t len, char *out, size_t cap)
{
    out[0] = 0;
    for (size_t i = 0; i + 8 <= len; i++) {
        if (strncasecmp(ct + i, "charset", 7))
            continue;
        size_t k = i + 7;
        while (k < len && ct[k] == ' ')
            k++;
        if (k >= len || ct[k] != '=')
            continue;
        k++;
        while (k < len && (ct[k] == ' ' || ct[k] == '"' || ct[k] == '\''))
            k++;
        size_t n = 0;
        while (k < len && n + 1 < cap && (isalnum((unsigned char)ct[k]) || strchr("-_.:", ct[k])))
            out[n++] = ct[k++];
        out[n] = 0;
        return;
    }
}

/* Undoes chunked transfer coding in place; false when malformed. */
static bool dechunk(px_buf *b)
{
    size_t r = 0, w = 0;
    for (;;) {
        const char *eol = memchr(b->ptr + r, '\n', b->len - r);
        if (!eol)
            return false;
        char *end;
        errno = 0;
        unsigned long long n = strtoull(b->ptr + r, &end, 16);
        if (end == b->ptr + r || errno)
            return false;
        r = (size_t)(eol - b->ptr) + 1;
        if (!n)
            break;
        if (n > b->len - r)
            return false;
        memmove(b->ptr + w, b->ptr + r, (size_t)n);
        w += (size_t)n;
        r += (size_t)n;
        if (r < b->len && b->ptr[r] == '\r')
            r++;
        if (r < b->len && b->ptr[r] == '\n')
            r++;
    }
    px_buf_truncate(b, w);
    return true;
}

/* Inflates gzip, zlib or raw deflate data into out, at most max bytes. */
static int inflate_body(const char *s, size_t len, size_t max, px_buf *out, bool *ok)
{
    *ok = false;
    for (int attempt = 0; attempt < 2; attempt++) {
        z_stream z;
        memset(&z, 0, sizeof(z));
        z.zalloc = px__zalloc;
        z.zfree = px__zfree;
        /* 32+: gzip or zlib by the header; -: raw deflate (what some
         * servers send as "deflate") */
        if (inflateInit2(&z, attempt ? -MAX_WBITS : 32 + MAX_WBITS) != Z_OK)
            return PX_ENOMEM;
        z.next_in = (unsigned char *)s;
        z.avail_in = (uInt)PX_MIN(len, (size_t)UINT32_MAX);
        px_buf_clear(out);
        int zr = Z_OK;
        while (zr == Z_OK && out->len < max) {
            if (!px_buf_grow(out, 64 * 1024)) {
                inflateEnd(&z);
                return PX_ENOMEM;
            }
            z.next_out = (unsigned char *)out->ptr + out->len;
            z.avail_out = (uInt)PX_MIN(out->cap - out->len - 1, max - out->len);
            zr = inflate(&z, Z_NO_FLUSH);
            out->len = (size_t)((char *)z.next_out - out->ptr);
            out->ptr[out->len] = 0;
            if (zr == Z_BUF_ERROR && !z.avail_in)
                break;
        }
        inflateEnd(&z);
        if (zr == Z_MEM_ERROR) /* the window is allocated on the first call */
            return PX_ENOMEM;
        if (zr == Z_STREAM_END || (zr == Z_OK && out->len >= max) || (zr == Z_BUF_ERROR && out->len)) {
            *ok = true;
            return PX_OK;
        }
    }
    return PX_OK;
}

int px__warc_payload(const px_warc_record *rec, size_t max, px_warc_payload *pl, px_buf *body)
{
    memset(pl, 0, sizeof(*pl));
    const char *b = rec->block.ptr;
    size_t len = rec->block.len;
    px_buf_clear(body);
    if (strcasecmp(rec->type, "response")) {
        /* resource and conversion records: the block is the document */
        copy_field(pl->content_type, sizeof(pl->content_type),
                   px__str_trim((px_str){rec->content_type, strlen(rec->content_type)}));
        px__charset_param(rec->content_type, strlen(rec->content_type), pl->charset,
                          sizeof(pl->charset));
        pl->status = 200;
        px_buf_put(body, b, len);
        return body->oom ? PX_ENOMEM : PX_OK;
    }
    /* application/http: a status line, headers, a blank line, the body */
    if (len < 12 || strncmp(b, "HTTP/", 5)) {
        pl->status = -1;
        return PX_OK;
    }
    const char *sp = memchr(b, ' ', PX_MIN(len, (size_t)16));
    pl->status = sp && (size_t)(sp - b) + 4 <= len ? atoi(sp + 1) : -1;
    size_t i = 0, body_at = len;
    bool chunked = false;
    char coding[32] = "";
    while (i < len) {
        const char *eol = memchr(b + i, '\n', len - i);
        size_t e = eol ? (size_t)(eol - b) : len;
        px_str h = px__str_trim((px_str){b + i, e - i});
        i = eol ? e + 1 : len;
        if (!h.len) {
            body_at = i;
            break;
        }
        px_str v;
        if ((v = field(h.ptr, h.len, "Content-Type")).ptr) {
            copy_field(pl->content_type, sizeof(pl->content_type), v);
            px__charset_param(v.ptr, v.len, pl->charset, sizeof(pl->charset));
        } else if ((v = field(h.ptr, h.len, "Transfer-Encoding")).ptr) {
            chunked = v.len >= 7 && !strncasecmp(v.ptr + v.len - 7, "chunked", 7);
        } else if ((v = field(h.ptr, h.len, "Content-Encoding")).ptr) {
            copy_field(coding, sizeof(coding), v);
        }
    }
    px_buf_put(body, b + body_at, len - body_at);
    if (body->oom)
        return PX_ENOMEM;
    if (chunked && !dechunk(body))
        pl->damaged = "malformed chunked transfer coding";
    if (!pl->damaged && (!strcasecmp(coding, "gzip") || !strcasecmp(coding, "x-gzip") ||
                         !strcasecmp(coding, "deflate"))) {
        px_buf plain = PX_BUF_INIT;
        bool ok;
        int rc = inflate_body(body->ptr, body->len, max, &plain, &ok);
        if (rc) {
            px_buf_release(&plain);
            return rc;
        }
        if (ok) {
            px_buf_release(body);
            *body = plain;
        } else {
            /* crawlers often store the body decoded but keep the header */
            px_buf_release(&plain);
        }
    }
    return PX_OK;
}

/* text/html, application/xhtml+xml: HTML; text/plain: text; else not
 * an article. A missing type is sniffed from the first bytes. */
int px__warc_kind(const px_warc_payload *pl, const char *body, size_t len)
{
    const char *ct = pl->content_type;
    if (!strncasecmp(ct, "text/html", 9) || !strncasecmp(ct, "application/xhtml", 17))
        return PX_FORMAT_HTML;
    if (!strncasecmp(ct, "text/plain", 10))
        return PX_FORMAT_TEXT;
    if (ct[0])
        return 0;
    px_str t = px__str_trim((px_str){body, PX_MIN(len, (size_t)1024)});
    return t.len && t.ptr[0] == '<' ? PX_FORMAT_HTML : 0;
}
