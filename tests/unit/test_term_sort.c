/*
 * test_term_sort.c - the grouper's term sorts (px__sort_terms_by_key,
 * px__sort_terms_by_weight) against a plain stable insertion sort on
 * inputs that take every path: short arrays, hashes spread over all
 * bits, keys sharing their top bytes (long runs finished by radix),
 * many equal weights, weights close together, zeros; and
 * px__keep_strongest_terms against that sort, truncated and put back in
 * order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "../../src/group/group.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* a before b in the wanted order (strictly) */
static int before(const px_term *a, const px_term *b, int by_weight)
{
    return by_weight ? a->w > b->w : a->key < b->key;
}

static void reference_sort(px_term *a, size_t n, int by_weight)
{
    for (size_t i = 1; i < n; i++) {
        px_term t = a[i];
        size_t j = i;
        while (j && before(&t, &a[j - 1], by_weight)) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = t;
    }
}

/* kind: 0 spread hashes, 1 keys sharing the top 16 bits, 2 few distinct
 * weights, 3 weights in a narrow range, 4 all equal */
static void fill(px_term *a, size_t n, int kind)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t r = rnd();
        a[i].key = r;
        switch (kind) {
        case 0:
            a[i].w = (float)(r >> 40) / (float)(1 << 24);
            break;
        case 1:
            a[i].key = (0xABCDULL << 48) | (r >> 16 & (i % 3 ? 0xFFFFFFFFFFFFULL : 0xFFULL));
            a[i].w = (float)(r % 7);
            break;
        case 2:
            a[i].w = (float)(r % 4) * 0.25f;
            break;
        case 3:
            a[i].w = 1.0f + (float)(r % 100000) * 1e-7f;
            break;
        default:
            a[i].key = 42;
            a[i].w = 0.5f;
            break;
        }
        /* the index field of the original position, to see stability */
        if (kind != 0 && kind != 1 && kind != 4)
            a[i].key = i;
    }
}

static void check(int by_weight)
{
    static const size_t sizes[] = {0, 1, 2, 5, 31, 32, 33, 100, 200, 600, 800, 5000};
    for (int kind = 0; kind < 5; kind++) {
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            size_t n = sizes[s];
            px_term *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b),
                    *tmp = malloc((n + 1) * sizeof *tmp);
            ASSERT_TRUE(a && b && tmp);
            fill(a, n, kind);
            if (kind == 4 || (kind == 1 && !by_weight)) {
                /* equal keys: the position goes in the weight to see stability */
                for (size_t i = 0; !by_weight && i < n; i++)
                    a[i].w = (float)i;
            }
            memcpy(b, a, n * sizeof *a);
            if (by_weight)
                px__sort_terms_by_weight(a, tmp, n);
            else
                px__sort_terms_by_key(a, tmp, n);
            reference_sort(b, n, by_weight);
            int same = 1;
            for (size_t i = 0; i < n; i++)
                same = same && a[i].key == b[i].key && !memcmp(&a[i].w, &b[i].w, sizeof a[i].w);
            if (!same)
                fprintf(stderr, "by_%s kind %d n %zu differs\n", by_weight ? "weight" : "key",
                        kind, n);
            free(a);
            free(b);
            free(tmp);
            ASSERT_TRUE(same);
        }
    }
}

static void test_sort_by_key(void)
{
    check(0);
}

static void test_sort_by_weight(void)
{
    check(1);
}

/* keep_strongest(a, k) == the first k of a stable sort by weight, in
 * their original order (positions in the keys) */
static void test_keep_strongest(void)
{
    static const size_t sizes[] = {0, 1, 2, 7, 17, 32, 33, 200, 201, 600, 800, 3000};
    static const size_t ks[] = {0, 1, 5, 16, 32, 33, 200, 600, 1000};
    for (int kind = 0; kind < 5; kind++) {
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            for (size_t q = 0; q < sizeof ks / sizeof ks[0]; q++) {
                size_t n = sizes[s], k = ks[q];
                px_term *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b),
                        *tmp = malloc((n + 1) * sizeof *tmp);
                ASSERT_TRUE(a && b && tmp);
                fill(a, n, kind);
                for (size_t i = 0; i < n; i++)
                    a[i].key = i;
                memcpy(b, a, n * sizeof *a);
                size_t m = px__keep_strongest_terms(a, n, k);
                reference_sort(b, n, 1);
                size_t want = n < k ? n : k;
                reference_sort(b, want, 0);
                int same = m == want;
                for (size_t i = 0; same && i < m; i++)
                    same = a[i].key == b[i].key && !memcmp(&a[i].w, &b[i].w, sizeof a[i].w);
                if (!same)
                    fprintf(stderr, "keep_strongest kind %d n %zu k %zu differs\n", kind, n, k);
                free(a);
                free(b);
                free(tmp);
                ASSERT_TRUE(same);
            }
        }
    }
}

int main(void)
{
    RUN_TEST(test_sort_by_key);
    RUN_TEST(test_sort_by_weight);
    RUN_TEST(test_keep_strongest);
    TEST_SUMMARY();
}
