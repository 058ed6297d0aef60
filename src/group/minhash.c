/*
 * minhash.c - the arithmetic of near-duplicate detection: MinHash
 * signatures over word shingles, the LSH banding datasketch would choose
 * for a threshold, and the small hash map the index is built on.
 *
 * Each permutation p maps a 32-bit shingle hash h (already a good hash of
 * the shingle) to (a_p * h + b_p) mod 2^32 with a_p odd, then folds the
 * high bits down (v ^ v >> 15): a bijection, one multiply per value, like
 * datasketch's (a*h + b) mod prime. The loop over permutations is
 * branch-free 32-bit arithmetic the compiler vectorises.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "group.h"

/* ---- map ---- */

/* (px__u64map_prefetch in group.h computes the same slot) */
static inline size_t map_slot(uint64_t key, size_t mask)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (size_t)key & mask;
}

void px__u64map_release(px_u64map *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

void px__u64map_clear(px_u64map *m)
{
    if (m->cap)
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->n = 0;
}

static bool map_grow(px_u64map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    px_u64slot *slots = px__calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t s = map_slot(m->slots[i].key, cap - 1);
        while (slots[s].key)
            s = (s + 1) & (cap - 1);
        slots[s] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return true;
}

uint32_t *px__u64map_upsert(px_u64map *m, uint64_t key, uint32_t init, bool *inserted)
{
    if (!key)
        key = 1; /* 0 marks empty slots */
    if ((m->n + 1) * 4 > m->cap * 3 && !map_grow(m))
        return NULL;
    size_t s = map_slot(key, m->cap - 1);
    while (m->slots[s].key) {
        if (m->slots[s].key == key) {
            if (inserted)
                *inserted = false;
            return &m->slots[s].val;
        }
        s = (s + 1) & (m->cap - 1);
    }
    m->slots[s].key = key;
    m->slots[s].val = init;
    m->n++;
    if (inserted)
        *inserted = true;
    return &m->slots[s].val;
}

uint32_t *px__u64map_get(const px_u64map *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    if (!key)
        key = 1;
    size_t s = map_slot(key, m->cap - 1);
    while (m->slots[s].key) {
        if (m->slots[s].key == key)
            return &m->slots[s].val;
        s = (s + 1) & (m->cap - 1);
    }
    return NULL;
}

/* ---- MinHash ---- */

void px__minhash_seeds(uint64_t seed, int num_perm, uint32_t *seeds)
{
    uint64_t x = seed ? seed : 0x9e3779b97f4a7c15ULL;
    for (int p = 0; p < num_perm; p++) {
        /* splitmix64 */
        x += 0x9e3779b97f4a7c15ULL;
        uint64_t z = x;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        seeds[p] = (uint32_t)(z ^ (z >> 31));
    }
}

/* x86-64 without AVX2 has neither a 32-bit vector multiply nor an
 * unsigned vector minimum: an AVX2 clone of the loop, chosen at load time,
 * runs several times faster where the CPU has it. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__) && \
    (!defined(__clang__) || __clang_major__ >= 14)
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PX_NO_CLONES 1
#endif
#endif
#ifndef PX_NO_CLONES
#define PX_MINHASH_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef PX_MINHASH_CLONES
#define PX_MINHASH_CLONES
#endif

enum { MINHASH_BLOCK = 64 };

PX_MINHASH_CLONES
static void minhash_block(const uint32_t *restrict mul, const uint32_t *restrict add, int np,
                          const uint32_t *restrict shingles, size_t n, uint32_t *restrict sig)
{
    for (size_t i = 0; i < n; i++) {
        const uint32_t h = shingles[i];
        for (int p = 0; p < np; p++) {
            uint32_t v = h * mul[p] + add[p];
            v ^= v >> 15;
            sig[p] = v < sig[p] ? v : sig[p];
        }
    }
}

void px__minhash(const uint32_t *seeds, int num_perm, const uint32_t *shingles, size_t n,
                 uint32_t *sig)
{
    uint32_t mul[MINHASH_BLOCK], add[MINHASH_BLOCK];
    for (int p = 0; p < num_perm; p++)
        sig[p] = UINT32_MAX;
    for (int from = 0; from < num_perm; from += MINHASH_BLOCK) {
        int np = PX_MIN(MINHASH_BLOCK, num_perm - from);
        for (int p = 0; p < np; p++) {
            mul[p] = seeds[from + p] | 1u;
            add[p] = seeds[from + p] >> 7;
        }
        minhash_block(mul, add, np, shingles, n, sig + from);
    }
}

uint64_t px__lsh_band_key(const uint32_t *sig, int rows, int band)
{
    return px__hash(sig + (size_t)band * (size_t)rows, (size_t)rows * sizeof *sig,
                    (uint64_t)band + 1);
}

/* The Jaccard similarity of sets of na and nb values sharing inter. Given
 * the most the intersection can still reach, it is an upper bound in the
 * same arithmetic as the result, so a bound below the threshold proves
 * the result below it too. */
static inline double jaccard_of(size_t inter, size_t na, size_t nb)
{
    return (double)inter / (double)(na + nb - inter);
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(PX_NO_CLONES) && \
    !defined(__SANITIZE_ADDRESS__) && (!defined(__clang__) || __clang_major__ >= 14)
#define PX_JACCARD_AVX2 1
#include <immintrin.h>
/* Blocks of eight against eight, as the four-wide loop below, where the
 * CPU has AVX2 (chosen at run time): about 1.5 times the four-wide loop.
 * Returns false when the pair can no longer reach at_least. */
__attribute__((target("avx2,popcnt"))) static bool inter_avx2(const uint32_t *a, size_t na,
                                                              const uint32_t *b, size_t nb,
                                                              double at_least, size_t *pi,
                                                              size_t *pj, size_t *pinter)
{
    size_t i = *pi, j = *pj, inter = *pinter, steps = 0;
    const __m256i rot = _mm256_setr_epi32(1, 2, 3, 4, 5, 6, 7, 0);
    bool alive = true;
    while (i + 8 <= na && j + 8 <= nb) {
        __m256i va = _mm256_loadu_si256((const __m256i *)(a + i));
        __m256i vb = _mm256_loadu_si256((const __m256i *)(b + j));
        __m256i eq = _mm256_cmpeq_epi32(va, vb);
        for (int r = 1; r < 8; r++) {
            vb = _mm256_permutevar8x32_epi32(vb, rot);
            eq = _mm256_or_si256(eq, _mm256_cmpeq_epi32(va, vb));
        }
        inter += (size_t)__builtin_popcount((unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(eq)));
        uint32_t amax = a[i + 7], bmax = b[j + 7];
        i += (size_t)(amax <= bmax) * 8;
        j += (size_t)(bmax <= amax) * 8;
        if (++steps % 32 == 0 && jaccard_of(inter + PX_MIN(na - i, nb - j), na, nb) < at_least) {
            alive = false;
            break;
        }
    }
    *pi = i;
    *pj = j;
    *pinter = inter;
    return alive;
}
#endif

double px__jaccard_sorted(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                          double at_least)
{
    if (!na && !nb)
        return 1;
    /* size filter: the intersection is at most the smaller set */
    if (jaccard_of(PX_MIN(na, nb), na, nb) < at_least)
        return -1;
    size_t i = 0, j = 0, inter = 0;
#ifdef PX_JACCARD_AVX2
    if (__builtin_cpu_supports("avx2") && !inter_avx2(a, na, b, nb, at_least, &i, &j, &inter))
        return -1;
#endif
#ifdef __SSE2__
    /* blocks of four against four (every rotation of b's block compared
     * with a's), the block whose last value is smaller moving on: a match
     * is met in exactly one pair of blocks, as the sets are sorted and
     * distinct. Two to three times the scalar merge on long sets. */
    /* the bits set in a 4-bit mask (a popcount without -mpopcnt is a
     * call into libgcc) */
    static const uint8_t bits4[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
    size_t steps = 0;
    while (i + 4 <= na && j + 4 <= nb) {
        __m128i va = _mm_loadu_si128((const __m128i *)(a + i));
        __m128i vb = _mm_loadu_si128((const __m128i *)(b + j));
        __m128i eq = _mm_cmpeq_epi32(va, vb);
        eq = _mm_or_si128(eq, _mm_cmpeq_epi32(va, _mm_shuffle_epi32(vb, 0x39)));
        eq = _mm_or_si128(eq, _mm_cmpeq_epi32(va, _mm_shuffle_epi32(vb, 0x4e)));
        eq = _mm_or_si128(eq, _mm_cmpeq_epi32(va, _mm_shuffle_epi32(vb, 0x93)));
        inter += bits4[_mm_movemask_ps(_mm_castsi128_ps(eq))];
        uint32_t amax = a[i + 3], bmax = b[j + 3];
        i += (size_t)(amax <= bmax) * 4;
        j += (size_t)(bmax <= amax) * 4;
        if (++steps % 64 == 0 && jaccard_of(inter + PX_MIN(na - i, nb - j), na, nb) < at_least)
            return -1;
    }
#endif
    /* branch-free merge: which side advances is data, not a jump the
     * processor must guess (near-duplicate verification is most of the
     * work on a story of many copies); every 256 steps, a pair that can
     * no longer reach at_least stops */
    while (i < na && j < nb) {
        size_t stop = PX_MIN(na - i, nb - j);
        stop = PX_MIN(stop, (size_t)256);
        for (size_t k = 0; k < stop; k++) {
            uint32_t x = a[i], y = b[j];
            inter += x == y;
            i += x <= y;
            j += y <= x;
        }
        if (jaccard_of(inter + PX_MIN(na - i, nb - j), na, nb) < at_least)
            return -1;
    }
    double jac = jaccard_of(inter, na, nb);
    return jac < at_least ? -1 : jac;
}

/* ---- sorting terms: radix sorts (qsort's comparisons cost more than
 * all the rest of an assignment). Keys are hashes (by key) or float
 * bits (by weight): an LSD pass on each of the top two bytes sorts
 * almost everything, and a run that still shares them is finished by
 * insertion when short, by LSD passes on the lower bytes when long. Every
 * step is stable, so the result is the one stable order. ---- */

static inline uint64_t sort_key(const px_term *t, bool by_weight)
{
    if (!by_weight)
        return t->key;
    uint32_t w;
    memcpy(&w, &t->w, 4);
    return (uint32_t)~w; /* non-negative floats order as their bits */
}

/* Stable LSD radix sort of a[0..n) on the key bytes at shifts [lo, hi). */
static void radix_bytes(px_term *a, px_term *tmp, size_t n, bool by_weight, int lo, int hi)
{
    for (int shift = lo; shift < hi; shift += 8) {
        size_t count[257] = {0};
        size_t first = (size_t)((sort_key(&a[0], by_weight) >> shift) & 255);
        for (size_t i = 0; i < n; i++)
            count[((sort_key(&a[i], by_weight) >> shift) & 255) + 1]++;
        if (count[first + 1] == n)
            continue;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            tmp[count[(sort_key(&a[i], by_weight) >> shift) & 255]++] = a[i];
        memcpy(a, tmp, n * sizeof *a);
    }
}

static void insertion(px_term *a, size_t n, bool by_weight)
{
    for (size_t i = 1; i < n; i++) {
        px_term t = a[i];
        uint64_t k = sort_key(&t, by_weight);
        size_t j = i;
        while (j && sort_key(&a[j - 1], by_weight) > k) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = t;
    }
}

enum { SORT_INSERTION_MAX = 32 };

static void radix64(px_term *a, px_term *tmp, size_t n, bool by_weight)
{
    if (n <= SORT_INSERTION_MAX) {
        insertion(a, n, by_weight);
        return;
    }
    int bits = by_weight ? 32 : 64, top = bits - 16;
    radix_bytes(a, tmp, n, by_weight, top, bits);
    for (size_t i = 0; i < n;) {
        uint64_t hi = sort_key(&a[i], by_weight) >> top;
        size_t j = i + 1;
        while (j < n && sort_key(&a[j], by_weight) >> top == hi)
            j++;
        if (j - i <= SORT_INSERTION_MAX)
            insertion(a + i, j - i, by_weight);
        else
            radix_bytes(a + i, tmp, j - i, by_weight, 0, top);
        i = j;
    }
}

void px__sort_terms_by_key(px_term *a, px_term *tmp, size_t n)
{
    radix64(a, tmp, n, false);
}

void px__sort_terms_by_weight(px_term *a, px_term *tmp, size_t n)
{
    radix64(a, tmp, n, true);
}

/* (px__sort_u64: see group.h) */
void px__sort_u64(uint64_t *a, uint64_t *tmp, size_t n)
{
    if (n < 2)
        return;
    uint64_t *src = a, *dst = tmp;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[((src[i] >> shift) & 0xff) + 1]++;
        if (count[((src[0] >> shift) & 0xff) + 1] == n)
            continue;
        for (size_t b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            dst[count[(src[i] >> shift) & 0xff]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, n * sizeof *a);
}


/* The kth smallest (from 0) weight rank (sort_key by weight) of
 * a[0..n): a radix select, a byte at a time from the top, counting the
 * ranks that share the bytes found so far (no data moved, no branch on
 * the data). */
static uint32_t select_rank(const px_term *a, size_t n, size_t kth)
{
    uint32_t prefix = 0;
    for (int shift = 24; shift >= 0; shift -= 8) {
        size_t count[257] = {0};
        uint32_t above = shift == 24 ? 0 : ~0u << (shift + 8);
        for (size_t i = 0; i < n; i++) {
            uint32_t r = (uint32_t)sort_key(&a[i], true);
            count[(r & above) == prefix ? (r >> shift) & 255 : 256]++;
        }
        size_t byte = 0;
        while (kth >= count[byte])
            kth -= count[byte++];
        assert(byte < 256);
        prefix |= (uint32_t)byte << shift;
    }
    return prefix;
}

/* The same for a small k (a node's 16 query keys): the k smallest ranks
 * so far, kept sorted; most terms fall below the kth and cost one
 * well-predicted compare (select_rank's four passes over 257 counters
 * cost more than the terms themselves there). */
enum { SELECT_FEW = 32 };

static uint32_t select_rank_few(const px_term *a, size_t n, size_t kth)
{
    uint32_t best[SELECT_FEW];
    size_t nb = 0, k = kth + 1;
    assert(k <= SELECT_FEW && kth < n);
    for (size_t i = 0; i < n; i++) {
        uint32_t r = (uint32_t)sort_key(&a[i], true);
        if (nb == k && r >= best[k - 1])
            continue;
        size_t j = nb < k ? nb++ : k - 1;
        for (; j > 0 && best[j - 1] > r; j--)
            best[j] = best[j - 1];
        best[j] = r;
    }
    return best[k - 1];
}

size_t px__keep_strongest_terms(px_term *a, size_t n, size_t k)
{
    if (n <= k)
        return n;
    if (!k)
        return 0;
    uint64_t cut = k <= SELECT_FEW ? select_rank_few(a, n, k - 1) : select_rank(a, n, k - 1);
    size_t above = 0;
    for (size_t i = 0; i < n; i++)
        above += sort_key(&a[i], true) < cut;
    /* of the terms as strong as the cut, the first ones */
    size_t ties = k - above, m = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t r = sort_key(&a[i], true);
        if (r < cut || (r == cut && ties && ties--))
            a[m++] = a[i];
    }
    assert(m == k);
    return m;
}

/* ---- LSH parameters, as datasketch's _optimal_param ---- */

/* Composite Simpson's rule with 256 intervals: the integrands are smooth
 * polynomials in s, so this matches scipy's quad to ~1e-9. */
static double integrate(double (*f)(double, int, int), int b, int r, double lo, double hi)
{
    const int n = 256;
    double h = (hi - lo) / n, sum = f(lo, b, r) + f(hi, b, r);
    for (int i = 1; i < n; i++)
        sum += f(lo + i * h, b, r) * (i & 1 ? 4 : 2);
    return sum * h / 3;
}

static double p_candidate(double s, int b, int r)
{
    return 1 - pow(1 - pow(s, r), b);
}

static double p_missed(double s, int b, int r)
{
    return pow(1 - pow(s, r), b);
}

double px__lsh_false_positive(double threshold, int b, int r)
{
    return integrate(p_candidate, b, r, 0.0, threshold);
}

double px__lsh_false_negative(double threshold, int b, int r)
{
    return integrate(p_missed, b, r, threshold, 1.0);
}

void px_lsh_params(double threshold, int num_perm, int *bands, int *rows)
{
    double best = INFINITY;
    int bb = 1, rr = num_perm > 0 ? num_perm : 1;
    for (int b = 1; b <= num_perm; b++) {
        for (int r = 1; r <= num_perm / b; r++) {
            double err = 0.5 * px__lsh_false_positive(threshold, b, r) +
                         0.5 * px__lsh_false_negative(threshold, b, r);
            if (err < best) {
                best = err;
                bb = b;
                rr = r;
            }
        }
    }
    if (bands)
        *bands = bb;
    if (rows)
        *rows = rr;
}

void px__lsh_params_recall(double threshold, int num_perm, double max_miss, int *bands,
                           int *rows)
{
    /* every index asks, nearly always with the same knobs: the last answer
     * is kept (per thread, so no lock), as its 256-point integrals cost
     * more than grouping a small story */
    static _Thread_local struct {
        double threshold, max_miss;
        int num_perm, bands, rows;
        bool valid;
    } last;
    if (last.valid && last.threshold == threshold && last.num_perm == num_perm &&
        last.max_miss == max_miss) {
        *bands = last.bands;
        *rows = last.rows;
        return;
    }
    double best_fp = INFINITY, least_miss = INFINITY;
    int bb = 1, rr = 1, mb = 1, mr = 1;
    for (int r = 1; r <= num_perm; r++) {
        /* the fewest bands of r rows that reach max_miss at the threshold */
        double p = pow(threshold, r);
        double need = p >= 1 ? 1 : ceil(log(max_miss) / log1p(-p));
        int b = need < 1 ? 1 : (int)PX_MIN(need, (double)num_perm + 1);
        if ((double)b * r > num_perm) {
            b = num_perm / r;
            if (b < 1)
                break;
            double miss = pow(1 - p, b);
            if (miss < least_miss) {
                least_miss = miss;
                mb = b;
                mr = r;
            }
            continue;
        }
        double fp = px__lsh_false_positive(threshold, b, r);
        if (fp < best_fp) {
            best_fp = fp;
            bb = b;
            rr = r;
        }
    }
    if (best_fp == INFINITY) {
        bb = mb;
        rr = mr;
    }
    *bands = bb;
    *rows = rr;
    last.threshold = threshold;
    last.max_miss = max_miss;
    last.num_perm = num_perm;
    last.bands = bb;
    last.rows = rr;
    last.valid = true;
}

/* ---- dates ---- */

int32_t px__day_number(const char *iso)
{
    if (!iso)
        return PX__NO_DAY;
    int y, m, d;
    if (strlen(iso) < 10 || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return PX__NO_DAY;
    /* days from civil (Howard Hinnant) */
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + (int)doe - 719468);
}
