/*
 * test_quotes.c - the quotation stage on pathological inputs (linear
 * time: 10,000 unbalanced marks, a 5 MB quotation) and the API contract
 * (cached results, kinds, offsets with and without marks).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../harness.h"
#include "parallax.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static px_doc *make(const char *text, size_t len)
{
    px_doc *doc = NULL;
    px_doc_meta meta = {"t", "t", NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    if (px_doc_new(&doc, text, len, &meta, 0, NULL, NULL) != PX_OK)
        return NULL;
    return doc;
}

static void test_unbalanced_marks(void)
{
    size_t n = 10000;
    char *s = malloc(n * 8 + 64);
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(s + len, "%s w ",
                               i % 3 == 0 ? "\"" : i % 3 == 1 ? "\xe2\x80\x9c" : "'");
    double t0 = now();
    px_doc *doc = make(s, len);
    ASSERT_TRUE(doc != NULL);
    const px_quote *q;
    size_t nq;
    ASSERT_EQ(px_quotes_find(doc, &q, &nq), PX_OK);
    double dt = now() - t0;
    printf("  10,000 unbalanced marks: %zu records in %.3f s\n", nq, dt);
    ASSERT_TRUE(dt < 2.0);
    px_doc_free(doc);
    free(s);
}

static void test_long_quotation(void)
{
    size_t n = 5u << 20;
    char *s = malloc(n + 64);
    size_t len = (size_t)sprintf(s, "Mayor Ana Lind said: \"");
    while (len < n)
        len += (size_t)sprintf(s + len, "words and more words, ");
    len += (size_t)sprintf(s + len, "end.\"\n");
    double t0 = now();
    px_doc *doc = make(s, len);
    ASSERT_TRUE(doc != NULL);
    const px_quote *q;
    size_t nq;
    ASSERT_EQ(px_quotes_find(doc, &q, &nq), PX_OK);
    double dt = now() - t0;
    printf("  one 5 MB quotation: %zu records in %.3f s\n", nq, dt);
    ASSERT_TRUE(dt < 10.0);
    ASSERT_EQ(nq, 1);
    ASSERT_EQ(q[0].kind, PX_QUOTE_DIRECT);
    ASSERT_STR_EQ(q[0].speaker, "Ana Lind");
    px_doc_free(doc);
    free(s);
}

static void test_contract(void)
{
    const char *text = "\"We stay,\" said Mayor Ana Lind. \"We rebuild.\"\n";
    px_doc *doc = make(text, strlen(text));
    ASSERT_TRUE(doc != NULL);
    const px_quote *q, *q2;
    size_t n, n2;
    ASSERT_EQ(px_quotes_find(doc, &q, &n), PX_OK);
    ASSERT_EQ(px_quotes_find(doc, &q2, &n2), PX_OK);
    ASSERT_TRUE(q == q2 && n == n2);
    ASSERT_EQ(n, 1);
    ASSERT_EQ(q[0].n_parts, 2);
    px_str t = px_doc_text(doc);
    size_t last = (size_t)(strrchr(t.ptr, '"') - t.ptr);
    ASSERT_EQ(q[0].start, 1);          /* after the opening mark */
    ASSERT_EQ(q[0].span_start, 0);     /* PolNeAR: with the mark */
    ASSERT_EQ(q[0].end, last);         /* before the last closing mark */
    ASSERT_EQ(q[0].span_end, last + 1);
    ASSERT_STR_EQ(q[0].speaker, "Ana Lind");
    ASSERT_STR_EQ(px_quote_kind_name(PX_QUOTE_PARTIAL), "partial");
    ASSERT_STR_EQ(px_quote_kind_name(PX_QUOTE_EMBEDDED), "embedded");
    px_doc_free(doc);
}

int main(void)
{
    RUN_TEST(test_contract);
    RUN_TEST(test_unbalanced_marks);
    RUN_TEST(test_long_quotation);
    TEST_SUMMARY();
}
