/*
 * offmap.c - the compact form of a document's offset map. While a
 * document is built, every byte of its text has a 32-bit entry: the
 * code-point offset in the original input of the character it came from
 * (4 bytes a byte, the largest array of a long document). Once the text
 * is final the map is kept as a 32-bit base every 64 bytes and an 8-bit
 * step from it for each byte; a step that does not fit (a long run of
 * dropped characters, a cut line) is an exception looked up by binary
 * search. About 1.1 bytes a byte, and a lookup is two loads.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

enum { BLOCK = 64, ESCAPE = 255 };

int px__offmap_build(px_offmap *m, const uint32_t *map, size_t n)
{
    memset(m, 0, sizeof(*m));
    size_t n_blocks = (n + BLOCK - 1) / BLOCK, n_exc = 0;
    m->base = px__malloc((n_blocks ? n_blocks : 1) * sizeof(uint32_t));
    m->step = px__malloc(n ? n : 1);
    if (!m->base || !m->step)
        goto nomem;
    for (size_t b = 0; b < n_blocks; b++) {
        size_t s = b * BLOCK, e = PX_MIN(s + BLOCK, n);
        uint32_t base = map[s];
        m->base[b] = base;
        /* offsets never go back (characters are emitted and deleted in
         * order), so the block's last step is its largest; when it fits,
         * one narrowing pass that vectorises */
#ifndef NDEBUG
        for (size_t i = s + 1; i < e; i++)
            assert(map[i] >= map[i - 1]);
#endif
        if (map[e - 1] - base < ESCAPE) {
            if (e - s == BLOCK) {
                /* a fixed trip count: the compiler vectorises it */
                const uint32_t *src = map + s;
                uint8_t *dst = m->step + s;
                for (size_t k = 0; k < BLOCK; k++)
                    dst[k] = (uint8_t)(src[k] - base);
            } else {
                for (size_t i = s; i < e; i++)
                    m->step[i] = (uint8_t)(map[i] - base);
            }
            continue;
        }
        for (size_t i = s; i < e; i++) {
            uint32_t d = map[i] - base;
            m->step[i] = (uint8_t)(d < ESCAPE ? d : ESCAPE);
            n_exc += d >= ESCAPE;
        }
    }
    if (n_exc) {
        m->exc_at = px__malloc(n_exc * sizeof(size_t));
        m->exc_val = px__malloc(n_exc * sizeof(uint32_t));
        if (!m->exc_at || !m->exc_val)
            goto nomem;
        for (size_t i = 0; i < n; i++)
            if (m->step[i] == ESCAPE) {
                m->exc_at[m->n_exc] = i;
                m->exc_val[m->n_exc++] = map[i];
            }
    }
    m->n = n;
    return PX_OK;
nomem:
    px__offmap_release(m);
    return PX_ENOMEM;
}

uint32_t px__offmap_get(const px_offmap *m, size_t i)
{
    assert(i < m->n);
    if (m->step[i] != ESCAPE)
        return m->base[i / BLOCK] + m->step[i];
    size_t lo = 0, hi = m->n_exc;
    while (lo + 1 < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->exc_at[mid] <= i)
            lo = mid;
        else
            hi = mid;
    }
    assert(m->exc_at[lo] == i);
    return m->exc_val[lo];
}

void px__offmap_release(px_offmap *m)
{
    free(m->base);
    free(m->step);
    free(m->exc_at);
    free(m->exc_val);
    memset(m, 0, sizeof(*m));
}
