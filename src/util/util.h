/*
 * util.h - the small internal toolbox every stage shares: the growable
 * buffer px_buf, the per-document arena px_arena, a growable array macro,
 * UTF-8 decoding, hashing, and the JSON writer with sticky errors.
 * Before adding a helper to a stage, look here first.
 */
#ifndef PX_UTIL_H
#define PX_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "parallax.h"

#define PX_UNUSED(x) ((void)(x))
#define PX_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define PX_MIN(a, b) ((a) < (b) ? (a) : (b))
#define PX_MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define PX_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define PX_PRINTF(fmt, args)
#endif

/* ---- allocation that aborts on failure is NOT used: callers check. ---- */
void *px__malloc(size_t n);
void *px__calloc(size_t n, size_t size);
void *px__realloc(void *p, size_t n);
/* realloc of nmemb*size with overflow check */
void *px__reallocarray(void *p, size_t nmemb, size_t size);
char *px__strdup(const char *s);
char *px__strndup(const char *s, size_t n);
/* The allocations that have failed on this thread so far (any build):
 * code whose helpers read NULL as "absent" compares the count before and
 * after to tell a missing value from a lost one. Wrappers of other
 * libraries' allocators note their failures too. */
unsigned long px__alloc_failed(void);
void px__alloc_note_failure(void);
/* utf8proc_map through px__malloc: *out (caller frees, NUL-terminated,
 * NULL on error); returns its length or a negative utf8proc error,
 * UTF8PROC_ERROR_NOMEM (-1) when memory ran out. */
ptrdiff_t px__utf8_map(const char *s, size_t len, char **out, int options);
/* The same into the caller's buffer of cap code points (int32 aligned),
 * without allocating: the length of the NUL-terminated UTF-8 left in
 * buf, PX__UTF8_TOO_LONG when it does not fit, or a utf8proc error. */
#define PX__UTF8_TOO_LONG (-1000)
ptrdiff_t px__utf8_map_local(const char *s, size_t len, int32_t *buf, size_t cap, int options);

#ifdef PX_ALLOC_TEST
/* Test builds only (cmake -DPX_ALLOC_TEST=ON): the nth allocation from
 * now fails (1: the next one), and every one after it when fail_after is
 * set; n = 0 disarms. Also resets the counters below. */
void px__alloc_fail_at(long n, bool fail_after);
/* Allocations seen and failures injected since px__alloc_fail_at(). */
long px__alloc_count(void);
long px__alloc_failures(void);
/* fn (NULL: none) is called at the first injected failure: a test can
 * print the stack there. */
void px__alloc_on_fail(void (*fn)(void));
/* Routes jansson's and SQLite's allocations through px__malloc; call
 * before anything else uses SQLite. */
int px__alloc_test_install(void);
#endif

/* ---- px_buf: owning, growable, always NUL-terminated; ptr never NULL. -- */
typedef struct px_buf {
    char *ptr;
    size_t len;
    size_t cap;
    bool oom;   /* sticky: an append failed */
    bool fixed; /* ptr is the caller's storage: never grown or freed */
} px_buf;

#define PX_BUF_INIT {px__buf_empty, 0, 0, false, false}
extern char px__buf_empty[1];

void px_buf_init(px_buf *b);
/* A buffer over the caller's storage (size >= 1) that never allocates:
 * an append that does not fit sets oom. For short keys computed where a
 * failed allocation could not be reported. */
void px_buf_init_fixed(px_buf *b, char *storage, size_t size);
void px_buf_release(px_buf *b);
/* Ensures room for extra more bytes plus the NUL; false on failure. */
bool px_buf_grow(px_buf *b, size_t extra);
void px_buf_put(px_buf *b, const void *data, size_t len);
void px_buf_puts(px_buf *b, const char *s);
void px_buf_putc(px_buf *b, int c);
void px_buf_printf(px_buf *b, const char *fmt, ...) PX_PRINTF(2, 3);
void px_buf_vprintf(px_buf *b, const char *fmt, va_list ap);
/* Appends a code point as UTF-8. */
void px_buf_put_cp(px_buf *b, uint32_t cp);
void px_buf_clear(px_buf *b);
void px_buf_truncate(px_buf *b, size_t len);
/* Hands the data to the caller (free()) and resets the buffer; NULL
 * (and the buffer released) when an append failed or memory ran out. */
char *px_buf_detach(px_buf *b);

/* ---- px_arena: bump allocator; everything goes with one release. ---- */
typedef struct px_arena_block px_arena_block;
typedef struct px_arena {
    px_arena_block *head;
    size_t block_size;
    bool oom; /* sticky: an allocation failed (for code that sets many
                 optional fields and checks once) */
} px_arena;

void px_arena_init(px_arena *a, size_t block_size);
void px_arena_release(px_arena *a);
/* Aligned to 16 bytes; NULL on failure. */
void *px_arena_alloc(px_arena *a, size_t n);
void *px_arena_calloc(px_arena *a, size_t n, size_t size);
char *px_arena_strndup(px_arena *a, const char *s, size_t n);
char *px_arena_strdup(px_arena *a, const char *s);

/* ---- growable array: struct { T *v; size_t n, cap; } ---- */
#define PX_VEC(T)      \
    struct {           \
        T *v;          \
        size_t n, cap; \
    }
/* Makes room for one more element; evaluates to false on failure. */
/* The capacity test is inline: pushes are the hot path of every stage. */
#define PX_VEC_RESERVE(vec, extra)          \
    ((vec).n + (extra) <= (vec).cap ||      \
     px__vec_reserve((void **)&(vec).v, &(vec).cap, (vec).n + (extra), sizeof(*(vec).v)))
#define PX_VEC_PUSH(vec, value) \
    (PX_VEC_RESERVE(vec, 1) ? ((vec).v[(vec).n++] = (value), true) : false)
#define PX_VEC_FREE(vec) (free((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)
bool px__vec_reserve(void **v, size_t *cap, size_t need, size_t elem);

/* qsort that accepts an empty (possibly NULL) array: C makes passing
 * NULL to qsort undefined even for zero elements. */
static inline void px__qsort(void *base, size_t n, size_t size,
                             int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/* ---- UTF-8 ---- */
/* Decodes one code point at s[0..len). Sets *cp; returns the byte length
 * (1..4), or 0 when the bytes are not valid UTF-8 (overlong, surrogate,
 * truncated, > U+10FFFF); then *cp is U+FFFD and one byte is consumed. */
size_t px__utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Decodes the code point that ends at s[end) (valid UTF-8 assumed);
 * returns its byte length, 0 at the start. */
size_t px__utf8_decode_back(const char *s, size_t end, uint32_t *cp);
size_t px__utf8_encode(uint32_t cp, char out[4]);
/* Number of code points in valid UTF-8. */
size_t px__utf8_count(const char *s, size_t len);
bool px__utf8_valid(const char *s, size_t len);

/* ---- hashing (xxhash) ---- */
uint64_t px__hash(const void *data, size_t len, uint64_t seed);

/* ---- string helpers ---- */
bool px__str_eq(px_str a, const char *lit);
bool px__str_ieq_ascii(px_str a, const char *lit);
bool px__starts_with(const char *s, size_t len, const char *prefix);
px_str px__str_trim(px_str s);
/* Case-folded, NFC copy (utf8proc casefold); caller frees. */
char *px__casefold(const char *s, size_t len);

/* ---- JSON writer with sticky errors (escapes at the writer) ---- */
typedef struct px_json {
    px_buf *out;
    int depth;
    bool need_comma[64];
    bool after_key;
    bool pretty;
} px_json;

void px_json_init(px_json *j, px_buf *out);
void px_json_object_begin(px_json *j);
void px_json_object_end(px_json *j);
void px_json_array_begin(px_json *j);
void px_json_array_end(px_json *j);
void px_json_key(px_json *j, const char *key);
void px_json_str(px_json *j, const char *s);          /* NULL -> null */
void px_json_strn(px_json *j, const char *s, size_t len);
void px_json_int(px_json *j, long long v);
void px_json_uint(px_json *j, unsigned long long v);
void px_json_double(px_json *j, double v);
void px_json_bool(px_json *j, bool v);
void px_json_null(px_json *j);
/* Writes JSON-escaped text (no quotes) to a buffer. */
void px__json_escape(px_buf *b, const char *s, size_t len);

/* Markdown/HTML escaping at the writer */
void px__html_escape(px_buf *b, const char *s, size_t len);

#endif /* PX_UTIL_H */
