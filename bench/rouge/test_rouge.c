/*
 * test_rouge.c - unit test of the ROUGE scorer (ctest: rouge_unit). The main
 * case is computed by hand below; the others pin the corner cases: an
 * empty summary, the word limit, punctuation and case, stemming, clipping
 * of repeated words, stopwords and the file reader.
 *
 * Hand-computed example (-n 2, stemming on, no word limit reached):
 *
 *   peer  "The cat sat on the mat by the door."
 *         -> the cat sat on the mat by the door                (9 tokens)
 *   ref 1 "The cat was sitting on the mat."
 *         -> the cat was sit on the mat                        (7 tokens)
 *            ("sitting" -> "sit"; "was" has 3 letters: not stemmed)
 *   ref 2 "A cat sat."
 *         -> a cat sat                                         (3 tokens)
 *
 *   Unigrams. peer: the x3, cat, sat, on, mat, by, door = 9
 *     ref 1: the x2, cat, was, sit, on, mat = 7
 *       hits: the min(3,2) = 2 (clipped), cat 1, on 1, mat 1  -> 5
 *       R = 5/7 = 0.7143  P = 5/9 = 0.5556  F = 10/16 = 0.6250
 *     ref 2: a, cat, sat = 3;  hits: cat 1, sat 1              -> 2
 *       R = 2/3 = 0.6667  P = 2/9 = 0.2222  F = 4/12 = 0.3333
 *   Bigrams. peer: the_cat cat_sat sat_on on_the the_mat mat_by by_the
 *     the_door = 8
 *     ref 1: the_cat cat_was was_sit sit_on on_the the_mat = 6
 *       hits: the_cat, on_the, the_mat                         -> 3
 *       R = 3/6 = 0.5000  P = 3/8 = 0.3750  F = 6/14 = 0.4286
 *     ref 2: a_cat cat_sat = 2;  hits: cat_sat                 -> 1
 *       R = 1/2 = 0.5000  P = 1/8 = 0.1250  F = 2/10 = 0.2000
 *
 *   -f A (ROUGE-1.5.5 default: sum, then divide)
 *     ROUGE-1 R = (5+2)/(7+3) = 0.7000  P = 7/(9+9) = 0.3889  F = 14/28 = 0.5000
 *     ROUGE-2 R = (3+1)/(6+2) = 0.5000  P = 4/(8+8) = 0.2500  F = 8/24 = 0.3333
 *   -f M (mean of the per-reference figures)
 *     ROUGE-1 R = (0.7143+0.6667)/2 = 0.6905  P = 0.3889  F = (0.625+0.3333)/2 = 0.4792
 *     ROUGE-2 R = 0.5000  P = (0.375+0.125)/2 = 0.2500  F = (0.4286+0.2)/2 = 0.3143
 *   -f B (reference with the highest recall; ties: the first)
 *     ROUGE-1 = ref 1: R 0.7143 P 0.5556 F 0.6250
 *     ROUGE-2 = ref 1 (0.5 = 0.5): R 0.5000 P 0.3750 F 0.4286
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "rouge.h"

#define ASSERT_NEAR(a, b)                                                                \
    do {                                                                                 \
        double px_a = (a), px_b = (b);                                                   \
        if (fabs(px_a - px_b) > 5e-5) {                                                  \
            fprintf(stderr, "%s:%d: %s == %s: %.6f != %.6f\n", __FILE__, __LINE__, #a,   \
                    #b, px_a, px_b);                                                     \
            px_t_cur_failed = 1;                                                         \
            return;                                                                      \
        }                                                                                \
    } while (0)

static const char PEER[] = "The cat sat on the mat by the door.";
static const char REF1[] = "The cat was sitting on the mat.";
static const char REF2[] = "A cat sat.";

/* Tokenises s with the given options into *t; returns 0 on success. */
static int tok(const char *s, size_t limit, int stem, const char *const *stop,
               rouge_tokens *t)
{
    rouge_options o = {limit, stem, stop};
    rouge_ctx *ctx = NULL;
    int rc = rouge_ctx_new(&o, &ctx);
    if (rc == ROUGE_OK)
        rc = rouge_tokenize(ctx, s, strlen(s), t);
    rouge_ctx_free(ctx);
    return rc;
}

/* The tokens joined by spaces, in a static buffer. */
static const char *joined(const rouge_tokens *t)
{
    static char buf[1024];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < t->n && n + strlen(t->tok[i]) + 2 < sizeof(buf); i++)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", i ? " " : "", t->tok[i]);
    return buf;
}

/* Scores peer against refs (plain strings) with -l limit, stemming on. */
static int score3(const char *peer, const char *r1, const char *r2, size_t limit,
                  rouge_mode mode, rouge_prf out[2])
{
    rouge_tokens p = {NULL, 0}, refs[2] = {{NULL, 0}, {NULL, 0}};
    size_t n_refs = r2 ? 2 : 1;
    int rc = tok(peer, limit, 1, NULL, &p);
    if (rc == ROUGE_OK)
        rc = tok(r1, limit, 1, NULL, &refs[0]);
    if (rc == ROUGE_OK && r2)
        rc = tok(r2, limit, 1, NULL, &refs[1]);
    if (rc == ROUGE_OK)
        rc = rouge_score(&p, refs, n_refs, 2, mode, out, NULL);
    rouge_tokens_release(&p);
    rouge_tokens_release(&refs[0]);
    rouge_tokens_release(&refs[1]);
    return rc;
}

static void test_tokens_of_example(void)
{
    rouge_tokens t = {NULL, 0};
    ASSERT_EQ(tok(PEER, 100, 1, NULL, &t), ROUGE_OK);
    ASSERT_STR_EQ(joined(&t), "the cat sat on the mat by the door");
    rouge_tokens_release(&t);
    ASSERT_EQ(tok(REF1, 100, 1, NULL, &t), ROUGE_OK);
    ASSERT_STR_EQ(joined(&t), "the cat was sit on the mat");
    rouge_tokens_release(&t);
}

static void test_counts_of_example(void)
{
    rouge_tokens p = {NULL, 0}, r = {NULL, 0};
    rouge_count c;
    ASSERT_EQ(tok(PEER, 100, 1, NULL, &p), ROUGE_OK);
    ASSERT_EQ(tok(REF1, 100, 1, NULL, &r), ROUGE_OK);
    ASSERT_EQ(rouge_ngram_count(&p, &r, 1, &c), ROUGE_OK);
    int ok = c.hit == 5 && c.peer == 9 && c.model == 7;
    ASSERT_EQ(rouge_ngram_count(&p, &r, 2, &c), ROUGE_OK);
    ok = ok && c.hit == 3 && c.peer == 8 && c.model == 6;
    rouge_tokens_release(&p);
    rouge_tokens_release(&r);
    ASSERT_TRUE(ok);
}

static void test_pooled_average(void)
{
    rouge_prf s[2];
    ASSERT_EQ(score3(PEER, REF1, REF2, 100, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 0.7000);
    ASSERT_NEAR(s[0].p, 0.3889);
    ASSERT_NEAR(s[0].f, 0.5000);
    ASSERT_NEAR(s[1].r, 0.5000);
    ASSERT_NEAR(s[1].p, 0.2500);
    ASSERT_NEAR(s[1].f, 0.3333);
}

static void test_mean_average(void)
{
    rouge_prf s[2];
    ASSERT_EQ(score3(PEER, REF1, REF2, 100, ROUGE_MEAN, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 0.6905);
    ASSERT_NEAR(s[0].p, 0.3889);
    ASSERT_NEAR(s[0].f, 0.4792);
    ASSERT_NEAR(s[1].r, 0.5000);
    ASSERT_NEAR(s[1].p, 0.2500);
    ASSERT_NEAR(s[1].f, 0.3143);
}

static void test_best_reference(void)
{
    rouge_prf s[2];
    ASSERT_EQ(score3(PEER, REF1, REF2, 100, ROUGE_BEST, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 0.7143);
    ASSERT_NEAR(s[0].p, 0.5556);
    ASSERT_NEAR(s[0].f, 0.6250);
    ASSERT_NEAR(s[1].r, 0.5000);
    ASSERT_NEAR(s[1].p, 0.3750);
    ASSERT_NEAR(s[1].f, 0.4286);
}

static void test_empty_summary(void)
{
    rouge_prf s[2];
    ASSERT_EQ(score3("", REF1, REF2, 100, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 0.0);
    ASSERT_NEAR(s[0].p, 0.0);
    ASSERT_NEAR(s[0].f, 0.0);
    ASSERT_NEAR(s[1].f, 0.0);
    /* only punctuation: no tokens either */
    ASSERT_EQ(score3(" -- ... !!", REF1, NULL, 100, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 0.0);
    /* an empty reference: nothing to recall */
    ASSERT_EQ(score3(PEER, "", NULL, 100, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 0.0);
    ASSERT_NEAR(s[0].p, 0.0);
}

static void test_word_limit(void)
{
    rouge_tokens t = {NULL, 0};
    /* the limit counts whitespace-separated words of the raw text */
    ASSERT_EQ(tok("one two three four five", 3, 1, NULL, &t), ROUGE_OK);
    ASSERT_STR_EQ(joined(&t), "one two three");
    rouge_tokens_release(&t);
    /* ... so one word may give several tokens, and "--" is a word */
    ASSERT_EQ(tok("U.S.-led -- forces moved", 2, 0, NULL, &t), ROUGE_OK);
    ASSERT_STR_EQ(joined(&t), "u s led");
    rouge_tokens_release(&t);
    /* a summary longer than the limit is cut: "door" (word 9) is gone */
    rouge_prf s[2];
    ASSERT_EQ(score3(PEER, "door", NULL, 8, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 0.0);
    ASSERT_EQ(score3(PEER, "door", NULL, 9, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 1.0);
    ASSERT_NEAR(s[0].p, 1.0 / 9.0);
    /* the references are cut too, as in ROUGE-1.5.5: "door" is word 2 */
    ASSERT_EQ(score3("door", "the door", NULL, 1, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 0.0);
    /* 0: no limit */
    ASSERT_EQ(score3(PEER, "door", NULL, 0, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 1.0);
}

static void test_punctuation_and_case(void)
{
    rouge_tokens t = {NULL, 0};
    ASSERT_EQ(tok("Hello, WORLD!! It's 9:30 -- café\tNaïve\n(U.N.)", 0, 0, NULL, &t),
              ROUGE_OK);
    ASSERT_STR_EQ(joined(&t), "hello world it s 9 30 caf na ve u n");
    rouge_tokens_release(&t);
    rouge_prf s[2];
    ASSERT_EQ(score3("HELLO, world.", "hello world", NULL, 100, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 1.0);
    ASSERT_NEAR(s[0].p, 1.0);
    ASSERT_NEAR(s[1].f, 1.0);
}

static void test_stemming(void)
{
    rouge_tokens t = {NULL, 0};
    ASSERT_EQ(tok("Running runs run ran was cats", 0, 1, NULL, &t), ROUGE_OK);
    /* words of 3 letters or fewer keep their form ("was", not "wa") */
    ASSERT_STR_EQ(joined(&t), "run run run ran was cat");
    rouge_tokens_release(&t);
    ASSERT_EQ(tok("Running runs", 0, 0, NULL, &t), ROUGE_OK);
    ASSERT_STR_EQ(joined(&t), "running runs");
    rouge_tokens_release(&t);
    rouge_prf s[2];
    ASSERT_EQ(score3("He runs.", "He was running", NULL, 100, ROUGE_POOLED, s), ROUGE_OK);
    ASSERT_NEAR(s[0].r, 2.0 / 3.0);
    ASSERT_NEAR(s[0].p, 1.0);
}

static void test_clipping(void)
{
    rouge_prf s[2];
    /* peer "the" x4 against reference "the" x2: 2 hits, not 4 */
    ASSERT_EQ(score3("the the the the", "the cat the", NULL, 100, ROUGE_POOLED, s),
              ROUGE_OK);
    ASSERT_NEAR(s[0].r, 2.0 / 3.0);
    ASSERT_NEAR(s[0].p, 2.0 / 4.0);
    ASSERT_NEAR(s[1].r, 0.0);
}

static void test_stopwords(void)
{
    static const char *const stop[] = {"the", "on", "a", NULL};
    rouge_tokens t = {NULL, 0};
    ASSERT_EQ(tok(PEER, 0, 1, stop, &t), ROUGE_OK);
    ASSERT_STR_EQ(joined(&t), "cat sat mat by door");
    rouge_tokens_release(&t);
}

static void test_files_and_errors(void)
{
    char path[] = "rouge_test_tmp.txt";
    FILE *f = fopen(path, "wb");
    ASSERT_TRUE(f != NULL);
    fwrite("a\0b c\n", 1, 6, f); /* a NUL byte is just a separator */
    fclose(f);
    char *text = NULL;
    size_t len = 0;
    int rc = rouge_read_file(path, &text, &len);
    remove(path);
    ASSERT_EQ(rc, ROUGE_OK);
    ASSERT_EQ(len, 6);
    rouge_options o = {0, 1, NULL};
    rouge_ctx *ctx = NULL;
    rouge_tokens t = {NULL, 0};
    ASSERT_EQ(rouge_ctx_new(&o, &ctx), ROUGE_OK);
    rc = rouge_tokenize(ctx, text, len, &t);
    free(text);
    rouge_ctx_free(ctx);
    ASSERT_EQ(rc, ROUGE_OK);
    ASSERT_STR_EQ(joined(&t), "a b c");
    rouge_tokens_release(&t);
    ASSERT_EQ(rouge_read_file("/nonexistent/rouge/file", &text, &len), ROUGE_EIO);
    ASSERT_TRUE(text == NULL);
    rouge_prf s[1];
    ASSERT_EQ(rouge_score(&t, NULL, 0, 0, ROUGE_POOLED, s, NULL), ROUGE_EINVAL);
    ASSERT_EQ(rouge_score(&t, NULL, 0, 1, (rouge_mode)'Z', s, NULL), ROUGE_EINVAL);
    rouge_ctx_free(NULL);
    rouge_tokens_release(NULL);
    rouge_stopwords_free(NULL);
}

static void test_long_token(void)
{
    /* a token longer than the tokenizer's stack buffer */
    char big[1200];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    rouge_tokens t = {NULL, 0};
    ASSERT_EQ(tok(big, 0, 1, NULL, &t), ROUGE_OK);
    ASSERT_EQ(t.n, 1);
    ASSERT_EQ(strlen(t.tok[0]), sizeof(big) - 1);
    rouge_tokens_release(&t);
}

int main(void)
{
    RUN_TEST(test_tokens_of_example);
    RUN_TEST(test_counts_of_example);
    RUN_TEST(test_pooled_average);
    RUN_TEST(test_mean_average);
    RUN_TEST(test_best_reference);
    RUN_TEST(test_empty_summary);
    RUN_TEST(test_word_limit);
    RUN_TEST(test_punctuation_and_case);
    RUN_TEST(test_stemming);
    RUN_TEST(test_clipping);
    RUN_TEST(test_stopwords);
    RUN_TEST(test_files_and_errors);
    RUN_TEST(test_long_token);
    return TEST_SUMMARY();
}
