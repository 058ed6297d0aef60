/*
 * gzip.c - px_input, the byte stream every reader reads from: a file,
 * standard input or a buffer held in memory, gunzipped on the fly when its first bytes are gzip's
 * magic number (whatever the name), members after members as CC-NEWS
 * and other crawls write them (one per WARC record). The stream is read
 * in one buffer that grows only to the longest line asked for, so a file
 * of any size is read in constant memory. Damage is reported, never
 * fatal: a truncated or corrupt gzip stream ends the stream with a
 * problem the caller names with the file.
 */
#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "read.h"

enum { INPUT_CHUNK = 256 * 1024, ZIN_CHUNK = 128 * 1024 };

void *px__zalloc(void *opaque, unsigned items, unsigned size)
{
    PX_UNUSED(opaque);
    return px__reallocarray(NULL, items, size);
}

void px__zfree(void *opaque, void *p)
{
    PX_UNUSED(opaque);
    free(p);
}

struct px_input {
    int fd;
    bool own_fd;
    char *mem; /* a buffer read instead of fd (owned), or NULL */
    size_t mem_len, mem_pos;
    bool gz;       /* decompressing */
    bool raw_eof;  /* no more bytes from fd */
    bool eof;      /* no more bytes in buf after pos..len */
    z_stream z;
    bool z_live;   /* inflateInit2 done */
    bool z_member; /* inside a gzip member (not between members) */
    unsigned char *zin;
    size_t zin_len;
    char *buf; /* delivered bytes live in buf[pos, len) */
    size_t pos, len, cap;
    uint64_t offset; /* stream offset of buf[pos] */
    unsigned members;
    char problem[160];
    bool problem_fatal;
    bool dead; /* a fatal problem: no more bytes */
};

static void set_problem(px_input *in, bool fatal, const char *fmt, ...) PX_PRINTF(3, 4);

/* The first problem is kept; a fatal one ends the stream. */
static void set_problem(px_input *in, bool fatal, const char *fmt, ...)
{
    if (fatal)
        in->dead = true;
    if (in->problem[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(in->problem, sizeof(in->problem), fmt, ap);
    va_end(ap);
    in->problem_fatal = fatal;
}

/* read() that retries on EINTR, or a copy from the buffer; -1 with
 * errno on failure. */
static ssize_t read_raw(px_input *in, void *p, size_t n)
{
    if (in->mem) {
        size_t k = PX_MIN(n, in->mem_len - in->mem_pos);
        memcpy(p, in->mem + in->mem_pos, k);
        in->mem_pos += k;
        return (ssize_t)k;
    }
    for (;;) {
        ssize_t k = read(in->fd, p, n);
        if (k >= 0 || errno != EINTR)
            return k;
    }
}

/* Reads more compressed bytes into zin (after what is left). */
static bool zin_fill(px_input *in)
{
    if (in->raw_eof)
        return false;
    if (in->z.avail_in && in->z.next_in != in->zin)
        memmove(in->zin, in->z.next_in, in->z.avail_in);
    in->z.next_in = in->zin;
    ssize_t k = read_raw(in, in->zin + in->z.avail_in, ZIN_CHUNK - in->z.avail_in);
    if (k < 0) {
        set_problem(in, true, "read error: %s", strerror(errno));
        in->raw_eof = true;
        return false;
    }
    if (k == 0) {
        in->raw_eof = true;
        return false;
    }
    in->z.avail_in += (uInt)k;
    return true;
}

/* Inflates into buf[len, cap); returns the bytes produced (0 at the end
 * of the data or on damage, which sets the problem). */
static size_t inflate_some(px_input *in)
{
    size_t before = in->len;
    while (in->len == before && !in->dead) {
        if (!in->z_member) {
            /* between members: another one, or the end */
            if (in->z.avail_in < 2 && !zin_fill(in) && !in->z.avail_in)
                return 0;
            if (in->z.avail_in < 2)
                zin_fill(in);
            if (in->z.avail_in < 2 || in->z.next_in[0] != 0x1f || in->z.next_in[1] != 0x8b) {
                /* zero padding after the last member is common; other
                 * bytes are not gzip data */
                size_t i = 0;
                while (i < in->z.avail_in && !in->z.next_in[i])
                    i++;
                if (i < in->z.avail_in)
                    set_problem(in, false, "bytes after the end of the gzip data ignored");
                in->z.avail_in = 0;
                in->raw_eof = true;
                return 0;
            }
            if (inflateReset2(&in->z, 16 + MAX_WBITS) != Z_OK) {
                set_problem(in, true, "gzip: %s", in->z.msg ? in->z.msg : "cannot start a member");
                return 0;
            }
            in->z_member = true;
        }
        if (!in->z.avail_in && !zin_fill(in)) {
            set_problem(in, true, "truncated gzip data");
            return 0;
        }
        in->z.next_out = (unsigned char *)in->buf + in->len;
        in->z.avail_out = (uInt)PX_MIN(in->cap - in->len, (size_t)UINT32_MAX);
        int zr = inflate(&in->z, Z_NO_FLUSH);
        in->len = (size_t)((char *)in->z.next_out - in->buf);
        if (zr == Z_STREAM_END) {
            in->z_member = false;
            in->members++;
        } else if (zr == Z_MEM_ERROR) {
            set_problem(in, true, "gzip: out of memory");
        } else if (zr == Z_BUF_ERROR && !in->z.avail_in && !zin_fill(in)) {
            set_problem(in, true, "truncated gzip data");
        } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            set_problem(in, true, "corrupt gzip data: %s", in->z.msg ? in->z.msg : "bad data");
        }
    }
    return in->len - before;
}

/* Makes room after len: moves the live bytes to the front, then grows
 * the buffer when it is full. */
static bool make_room(px_input *in)
{
    if (in->pos) {
        memmove(in->buf, in->buf + in->pos, in->len - in->pos);
        in->len -= in->pos;
        in->pos = 0;
    }
    if (in->cap - in->len >= INPUT_CHUNK / 4)
        return true;
    size_t cap = in->cap + in->cap / 2 + INPUT_CHUNK;
    char *p = px__realloc(in->buf, cap + 1);
    if (!p)
        return false;
    in->buf = p;
    in->cap = cap;
    return true;
}

/* Appends more stream bytes to buf; false at the end (or on damage). */
static bool fill(px_input *in)
{
    if (in->dead)
        in->eof = true;
    if (in->eof)
        return false;
    if (!make_room(in)) {
        set_problem(in, true, "out of memory");
        in->eof = true;
        return false;
    }
    size_t got;
    if (in->gz) {
        got = inflate_some(in);
    } else {
        ssize_t k = in->raw_eof ? 0 : read_raw(in, in->buf + in->len, in->cap - in->len);
        if (k < 0)
            set_problem(in, true, "read error: %s", strerror(errno));
        got = k > 0 ? (size_t)k : 0;
        in->len += got;
    }
    if (!got)
        in->eof = true;
    return got > 0;
}

static int start(px_input *in, px_input **out);

int px__input_open(px_input **out, const char *path)
{
    *out = NULL;
    px_input *in = px__calloc(1, sizeof(*in));
    if (!in)
        return PX_ENOMEM;
    if (!strcmp(path, "-")) {
        in->fd = 0;
    } else {
        in->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (in->fd < 0) {
            int e = errno;
            free(in);
            errno = e;
            return PX_EIO;
        }
        in->own_fd = true;
    }
    return start(in, out);
}

int px__input_open_buffer(px_input **out, char *data, size_t len)
{
    *out = NULL;
    px_input *in = px__calloc(1, sizeof(*in));
    if (!in) {
        free(data);
        return PX_ENOMEM;
    }
    in->fd = -1;
    in->mem = data;
    in->mem_len = len;
    return start(in, out);
}

/* Reads the first bytes: gzip's magic number, or plain bytes. */
static int start(px_input *in, px_input **out)
{
    in->cap = INPUT_CHUNK;
    in->buf = px__malloc(in->cap + 1);
    if (!in->buf) {
        px__input_close(in);
        return PX_ENOMEM;
    }
    /* the first bytes decide: gzip's magic number, or plain bytes */
    while (in->len < 2) {
        /* no more than zin holds, in case it is compressed */
        ssize_t k = read_raw(in, in->buf + in->len, ZIN_CHUNK - in->len);
        if (k <= 0) {
            if (k < 0) {
                int e = errno;
                px__input_close(in);
                errno = e;
                return PX_EIO;
            }
            in->raw_eof = true;
            break;
        }
        in->len += (size_t)k;
    }
    if (in->len >= 2 && (unsigned char)in->buf[0] == 0x1f && (unsigned char)in->buf[1] == 0x8b) {
        in->zin = px__malloc(ZIN_CHUNK);
        in->z.zalloc = px__zalloc;
        in->z.zfree = px__zfree;
        if (!in->zin || inflateInit2(&in->z, 16 + MAX_WBITS) != Z_OK) {
            px__input_close(in);
            return PX_ENOMEM;
        }
        in->z_live = true;
        in->gz = true;
        in->z_member = true;
        /* what was read is compressed: it moves to zin */
        assert(in->len <= ZIN_CHUNK);
        memcpy(in->zin, in->buf, in->len);
        in->z.next_in = in->zin;
        in->z.avail_in = (uInt)in->len;
        in->len = 0;
    } else if (!in->len) {
        in->eof = true;
    }
    *out = in;
    return PX_OK;
}

void px__input_close(px_input *in)
{
    if (!in)
        return;
    if (in->own_fd)
        close(in->fd);
    free(in->mem);
    if (in->z_live)
        inflateEnd(&in->z);
    free(in->zin);
    free(in->buf);
    free(in);
}

bool px__input_gzip(const px_input *in) { return in->gz; }

int px__input_seek(px_input *in, uint64_t offset)
{
    if (in->gz || in->dead) {
        errno = ESPIPE;
        return PX_EIO;
    }
    if (in->mem)
        in->mem_pos = (size_t)PX_MIN(offset, (uint64_t)in->mem_len);
    else if (lseek(in->fd, (off_t)offset, SEEK_SET) < 0)
        return PX_EIO;
    in->pos = in->len = 0;
    in->offset = offset;
    in->raw_eof = in->eof = false;
    return PX_OK;
}

size_t px__input_size_hint(const px_input *in)
{
    struct stat st;
    if (in->mem)
        return in->gz ? 0 : in->mem_len;
    if (in->gz || fstat(in->fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0)
        return 0;
    return (size_t)st.st_size;
}
unsigned px__input_members(const px_input *in) { return in->members; }
uint64_t px__input_offset(const px_input *in) { return in->offset; }

const char *px__input_problem(const px_input *in, bool *fatal)
{
    if (fatal)
        *fatal = in->problem_fatal;
    return in->problem[0] ? in->problem : NULL;
}

const char *px__input_peek(px_input *in, size_t want, size_t *avail)
{
    while (in->len - in->pos < want && fill(in))
        ;
    *avail = in->len - in->pos;
    return in->buf + in->pos;
}

size_t px__input_read(px_input *in, void *dst, size_t n)
{
    size_t done = 0;
    while (done < n) {
        if (in->pos == in->len && !fill(in))
            break;
        size_t k = PX_MIN(n - done, in->len - in->pos);
        if (dst)
            memcpy((char *)dst + done, in->buf + in->pos, k);
        in->pos += k;
        in->offset += k;
        done += k;
    }
    return done;
}

int px__input_read_buf(px_input *in, px_buf *out, size_t n)
{
    while (n) {
        if (in->pos == in->len && !fill(in))
            break;
        size_t k = PX_MIN(n, in->len - in->pos);
        px_buf_put(out, in->buf + in->pos, k);
        if (out->oom)
            return PX_ENOMEM;
        in->pos += k;
        in->offset += k;
        n -= k;
    }
    return PX_OK;
}

int px__input_getline(px_input *in, size_t max, char **line, size_t *len, size_t *dropped)
{
    size_t scanned = 0; /* bytes after pos known to hold no '\n' */
    *dropped = 0;
    *len = 0;
    for (;;) {
        size_t have = in->len - in->pos;
        const char *nl = memchr(in->buf + in->pos + scanned, '\n', have - scanned);
        if (nl || (have > scanned && have > max) || (have == scanned && !fill(in))) {
            size_t n = nl ? (size_t)(nl - (in->buf + in->pos)) + 1 : in->len - in->pos;
            if (n > max) {
                /* a line longer than max: dropped up to its end */
                *dropped = n;
                in->pos += n;
                in->offset += n;
                while (!nl && (in->pos < in->len || fill(in))) {
                    nl = memchr(in->buf + in->pos, '\n', in->len - in->pos);
                    size_t k = nl ? (size_t)(nl - (in->buf + in->pos)) + 1 : in->len - in->pos;
                    *dropped += k;
                    in->pos += k;
                    in->offset += k;
                }
                *line = in->buf + in->pos;
                return 1;
            }
            if (!n)
                return 0;
            *line = in->buf + in->pos;
            *len = n;
            in->pos += n;
            in->offset += n;
            return 1;
        }
        scanned = have;
    }
}
