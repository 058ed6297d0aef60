/*
 * arena.c - px_arena, the per-document bump allocator (after git's
 * mem-pool): tokens, sentences, quotes and shingles of one document come
 * from it and are released with one call. Under AddressSanitizer the
 * unused tail of each block is poisoned so an overrun is caught.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PX_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PX_ASAN 1
#endif
#ifdef PX_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

struct px_arena_block {
    px_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void px_arena_init(px_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->oom = false;
}

void px_arena_release(px_arena *a)
{
    px_arena_block *b = a->head;
    while (b) {
        px_arena_block *next = b->next;
        UNPOISON(b->data, b->size);
        free(b);
        b = next;
    }
    a->head = NULL;
}

void *px_arena_alloc(px_arena *a, size_t n)
{
    if (n > SIZE_MAX - 15) {
        a->oom = true;
        return NULL;
    }
    n = (n + 15) & ~(size_t)15;
    if (!n)
        n = 16;
    px_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > a->block_size ? n : a->block_size;
        b = size <= SIZE_MAX - sizeof(*b) ? px__malloc(sizeof(*b) + size) : NULL;
        if (!b) {
            a->oom = true;
            return NULL;
        }
        b->size = size;
        b->used = 0;
        POISON(b->data, size);
        /* a big allocation gets a block of its own behind the head so
         * the head's free space is not wasted */
        if (a->head && n > a->block_size) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->data + b->used;
    b->used += n;
    UNPOISON(p, n);
    return p;
}

void *px_arena_calloc(px_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        a->oom = true;
        return NULL;
    }
    void *p = px_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *px_arena_strndup(px_arena *a, const char *s, size_t n)
{
    char *p = px_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *px_arena_strdup(px_arena *a, const char *s)
{
    return s ? px_arena_strndup(a, s, strlen(s)) : NULL;
}
