/*
 * alloc.c - the library's allocator: every allocation of libparallax goes
 * through px__malloc, px__calloc, px__realloc or px__reallocarray (the
 * growable buffer, the arena and the vectors included), so that a failure
 * can be made to happen anywhere.
 *
 * In test builds (cmake -DPX_ALLOC_TEST=ON, on in the sanitizer build,
 * never in Release) the allocator can be told to fail at the Nth
 * allocation, once or from then on, as SQLite's test harness does; the
 * test program tests/alloc runs every stage with N = 1, 2, 3, ... and
 * checks that each run succeeds or reports PX_ENOMEM, frees what it took
 * and does not crash. px__alloc_test_install() routes jansson and SQLite
 * through the same allocator; gumbo's allocations reach it through the
 * tracking allocator of src/read/html.c in every build.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"

#ifdef PX_ALLOC_TEST
#include <jansson.h>
#include <sqlite3.h>
#include <stdatomic.h>

/* allocations left until the one that fails (1: the next); 0 or less:
 * disarmed. Decremented by every allocation, from any thread. */
static atomic_long countdown;
static atomic_bool persist, failing;
static atomic_long n_allocs, n_failures;
static void (*on_fail)(void);

static bool fail_now(void)
{
    atomic_fetch_add(&n_allocs, 1);
    if (atomic_load(&failing) || atomic_fetch_sub(&countdown, 1) == 1) {
        if (atomic_load(&persist))
            atomic_store(&failing, true);
        if (atomic_fetch_add(&n_failures, 1) == 0 && on_fail)
            on_fail();
        return true;
    }
    return false;
}

void px__alloc_on_fail(void (*fn)(void))
{
    on_fail = fn;
}

void px__alloc_fail_at(long n, bool fail_after)
{
    atomic_store(&failing, false);
    atomic_store(&persist, fail_after);
    atomic_store(&countdown, n > 0 ? n : 0);
    atomic_store(&n_allocs, 0);
    atomic_store(&n_failures, 0);
}

long px__alloc_count(void)
{
    return atomic_load(&n_allocs);
}

long px__alloc_failures(void)
{
    return atomic_load(&n_failures);
}

/* SQLite asks for the size of its blocks: each carries it in front. */
enum { SQLITE_HDR = 16 };

static void *sq_malloc(int n)
{
    if (n < 0)
        return NULL;
    unsigned char *p = px__malloc((size_t)n + SQLITE_HDR);
    if (!p)
        return NULL;
    memcpy(p, &n, sizeof n);
    return p + SQLITE_HDR;
}

static void sq_free(void *p)
{
    if (p)
        free((unsigned char *)p - SQLITE_HDR);
}

static int sq_size(void *p)
{
    int n = 0;
    if (p)
        memcpy(&n, (unsigned char *)p - SQLITE_HDR, sizeof n);
    return n;
}

static void *sq_realloc(void *p, int n)
{
    if (n < 0)
        return NULL;
    unsigned char *q = px__realloc((unsigned char *)p - SQLITE_HDR, (size_t)n + SQLITE_HDR);
    if (!q)
        return NULL;
    memcpy(q, &n, sizeof n);
    return q + SQLITE_HDR;
}

static int sq_roundup(int n)
{
    return (n + 7) & ~7;
}

static int sq_init(void *ud)
{
    PX_UNUSED(ud);
    return SQLITE_OK;
}

static void sq_shutdown(void *ud)
{
    PX_UNUSED(ud);
}

static void *json_malloc(size_t n)
{
    return px__malloc(n);
}

int px__alloc_test_install(void)
{
    static const sqlite3_mem_methods methods = {sq_malloc, sq_free,     sq_realloc, sq_size,
                                                sq_roundup, sq_init, sq_shutdown, NULL};
    json_set_alloc_funcs(json_malloc, free);
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) == SQLITE_OK ? PX_OK : PX_EUSAGE;
}
#define FAIL_NOW() fail_now()
#else
#define FAIL_NOW() false
#endif

/* Allocations that failed on this thread: code whose many helpers read
 * NULL as "absent" compares the count before and after (SQLite's
 * mallocFailed). Counted on the failure path only. */
static _Thread_local unsigned long failed_here;

unsigned long px__alloc_failed(void)
{
    return failed_here;
}

void px__alloc_note_failure(void)
{
    failed_here++;
}

static void *checked(void *p)
{
    if (!p)
        failed_here++;
    return p;
}

void *px__malloc(size_t n)
{
    if (FAIL_NOW())
        return checked(NULL);
    return checked(malloc(n ? n : 1));
}

void *px__calloc(size_t n, size_t size)
{
    if (FAIL_NOW())
        return checked(NULL);
    return checked(calloc(n ? n : 1, size ? size : 1));
}

void *px__realloc(void *p, size_t n)
{
    if (FAIL_NOW())
        return checked(NULL);
    return checked(realloc(p, n ? n : 1));
}

void *px__reallocarray(void *p, size_t nmemb, size_t size)
{
    if (size && nmemb > SIZE_MAX / size)
        return checked(NULL);
    return px__realloc(p, nmemb * size);
}

char *px__strndup(const char *s, size_t n)
{
    char *p = px__malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *px__strdup(const char *s)
{
    return s ? px__strndup(s, strlen(s)) : NULL;
}

/* utf8proc_map_custom's two passes, with the buffer from px__malloc
 * (utf8proc's own allocation cannot be made to fail in tests). */
ptrdiff_t px__utf8_map(const char *s, size_t len, char **out, int options)
{
    *out = NULL;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                            NULL, 0, (utf8proc_option_t)options);
    if (n < 0)
        return n;
    if ((size_t)n >= SIZE_MAX / sizeof(utf8proc_int32_t) - 1)
        return UTF8PROC_ERROR_NOMEM;
    utf8proc_int32_t *buf = px__malloc((size_t)n * sizeof(utf8proc_int32_t) + 1);
    if (!buf)
        return UTF8PROC_ERROR_NOMEM;
    n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, buf, n,
                           (utf8proc_option_t)options);
    if (n >= 0)
        n = utf8proc_reencode(buf, n, (utf8proc_option_t)options);
    if (n < 0) {
        free(buf);
        return n;
    }
    *out = (char *)buf;
    return n;
}

ptrdiff_t px__utf8_map_local(const char *s, size_t len, int32_t *buf, size_t cap, int options)
{
    if (!cap)
        return PX__UTF8_TOO_LONG;
    /* room for the NUL utf8proc_reencode writes after the last byte */
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                            buf, (utf8proc_ssize_t)(cap - 1),
                                            (utf8proc_option_t)options);
    if (n < 0)
        return n;
    if ((size_t)n > cap - 1)
        return PX__UTF8_TOO_LONG;
    return utf8proc_reencode(buf, n, (utf8proc_option_t)options);
}
