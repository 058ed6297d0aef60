/*
 * harness.h - the tiny test harness: ASSERT_* print both sides and the
 * place, RUN_TEST runs one test function, and main() ends with the
 * plain closing line "N passed, N failed".
 */
#ifndef PX_HARNESS_H
#define PX_HARNESS_H

#include <stdio.h>
#include <string.h>

static int px_t_failed, px_t_passed, px_t_cur_failed;

#define ASSERT_TRUE(c)                                                                  \
    do {                                                                                \
        if (!(c)) {                                                                     \
            fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #c);   \
            px_t_cur_failed = 1;                                                        \
            return;                                                                     \
        }                                                                               \
    } while (0)

#define ASSERT_EQ(a, b)                                                                   \
    do {                                                                                  \
        long long px_a = (long long)(a), px_b = (long long)(b);                           \
        if (px_a != px_b) {                                                               \
            fprintf(stderr, "%s:%d: %s == %s: %lld != %lld\n", __FILE__, __LINE__, #a, #b, \
                    px_a, px_b);                                                          \
            px_t_cur_failed = 1;                                                          \
            return;                                                                       \
        }                                                                                 \
    } while (0)

#define ASSERT_STR_EQ(a, b)                                                                \
    do {                                                                                   \
        const char *px_a = (a), *px_b = (b);                                               \
        if (!px_a || !px_b || strcmp(px_a, px_b)) {                                        \
            fprintf(stderr, "%s:%d: %s == %s:\n  got:      \"%s\"\n  expected: \"%s\"\n", \
                    __FILE__, __LINE__, #a, #b, px_a ? px_a : "(null)",                    \
                    px_b ? px_b : "(null)");                                               \
            px_t_cur_failed = 1;                                                           \
            return;                                                                        \
        }                                                                                  \
    } while (0)

#define RUN_TEST(fn)                                    \
    do {                                                \
        px_t_cur_failed = 0;                            \
        fn();                                           \
        if (px_t_cur_failed) {                          \
            px_t_failed++;                              \
            fprintf(stderr, "FAIL %s\n", #fn);          \
        } else {                                        \
            px_t_passed++;                              \
        }                                               \
    } while (0)

static inline int px_test_summary(void)
{
    printf("%d passed, %d failed\n", px_t_passed, px_t_failed);
    return px_t_failed ? 1 : 0;
}
#define TEST_SUMMARY() px_test_summary()

#endif
