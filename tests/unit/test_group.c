/*
 * test_group.c - the grouping stage: LSH banding against datasketch's
 * integrals computed independently here, MinHash estimates, exact and
 * near duplicates, story separation, the grouper with any number of
 * threads, the stories independent of the input order, and the features
 * as bytes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "../../src/group/group.h"


/* datasketch: fp = integral_0^t 1-(1-s^r)^b ds, fn = integral_t^1 (1-s^r)^b ds,
 * minimised over b*r <= num_perm with weights 0.5/0.5; here by the midpoint
 * rule with many points (datasketch uses scipy's quad). */
static double mid(double lo, double hi, int b, int r, int cand)
{
    const int n = 4000;
    double h = (hi - lo) / n, s = 0;
    for (int i = 0; i < n; i++) {
        double x = lo + (i + 0.5) * h, p = pow(1 - pow(x, r), b);
        s += cand ? 1 - p : p;
    }
    return s * h;
}

static void reference(double t, int np, int *bb, int *rr)
{
    double best = INFINITY;
    for (int b = 1; b <= np; b++)
        for (int r = 1; r <= np / b; r++) {
            double e = 0.5 * mid(0, t, b, r, 1) + 0.5 * mid(t, 1, b, r, 0);
            if (e < best - 1e-12) {
                best = e;
                *bb = b;
                *rr = r;
            }
        }
}

/* Recall-first banding: at most 1% of the pairs at the threshold missed,
 * and no banding that also does so has a smaller false positive mass. */
static void test_lsh_recall_params(void)
{
    const double ts[] = {0.3, 0.5, 0.7, 0.9};
    for (size_t i = 0; i < 4; i++) {
        double t = ts[i];
        int b, r;
        px__lsh_params_recall(t, 128, 0.01, &b, &r);
        ASSERT_TRUE(b * r <= 128);
        ASSERT_TRUE(pow(1 - pow(t, r), b) <= 0.01);
        double fp = mid(0, t, b, r, 1);
        for (int b2 = 1; b2 <= 128; b2++)
            for (int r2 = 1; r2 <= 128 / b2; r2++)
                if (pow(1 - pow(t, r2), b2) <= 0.01)
                    ASSERT_TRUE(mid(0, t, b2, r2, 1) >= fp - 1e-6);
    }
}

static void test_lsh_params(void)
{
    const double ts[] = {0.3, 0.5, 0.8, 0.9};
    for (size_t i = 0; i < 4; i++) {
        int b, r, rb = 0, rr = 0;
        px_lsh_params(ts[i], 64, &b, &r);
        reference(ts[i], 64, &rb, &rr);
        ASSERT_EQ(b, rb);
        ASSERT_EQ(r, rr);
        ASSERT_TRUE(b * r <= 64);
    }
    int b, r;
    px_lsh_params(0.5, 128, &b, &r);
    ASSERT_TRUE(b * r <= 128);
    /* the threshold is near the S-curve's steep part: (1/b)^(1/r) */
    ASSERT_TRUE(fabs(pow(1.0 / b, 1.0 / r) - 0.5) < 0.15);
}

static void test_minhash_estimate(void)
{
    enum { N = 2000, NP = 256 };
    uint32_t seeds[NP], a[N], b[N], sa[NP], sb[NP];
    px__minhash_seeds(42, NP, seeds);
    /* |A & B| = 1000, |A | B| = 3000: J = 1/3 */
    for (uint32_t i = 0; i < N; i++) {
        a[i] = i * 2654435761u;
        b[i] = (i + 1000) * 2654435761u;
    }
    px__minhash(seeds, NP, a, N, sa);
    px__minhash(seeds, NP, b, N, sb);
    int same = 0;
    for (int i = 0; i < NP; i++)
        same += sa[i] == sb[i];
    double j = (double)same / NP;
    ASSERT_TRUE(fabs(j - 1.0 / 3) < 0.1);
}

/* The exact Jaccard of sorted sets against a count by hand, on sets of
 * every small length (the four-by-four blocks and their tails) and of
 * every overlap; with a bound, -1 exactly when the value is below it. */
static void test_jaccard_exact(void)
{
    enum { MAXN = 40 };
    uint32_t a[MAXN], b[MAXN];
    unsigned seed = 7;
    for (int round = 0; round < 3000; round++) {
        size_t na = (size_t)(round % MAXN), nb = (size_t)((round / MAXN) % MAXN);
        /* draw from a small range so that the sets overlap */
        uint32_t range = 1 + (uint32_t)(na + nb) + (uint32_t)(round % 7) * 10;
        uint8_t in_a[200] = {0}, in_b[200] = {0};
        size_t k = 0;
        while (k < na && k < range) {
            seed = seed * 1103515245u + 12345u;
            uint32_t v = (seed >> 8) % range;
            if (!in_a[v])
                in_a[v] = 1, k++;
        }
        na = k;
        k = 0;
        while (k < nb && k < range) {
            seed = seed * 1103515245u + 12345u;
            uint32_t v = (seed >> 8) % range;
            if (!in_b[v])
                in_b[v] = 1, k++;
        }
        nb = k;
        size_t ia = 0, ib = 0, inter = 0;
        for (uint32_t v = 0; v < range; v++) {
            if (in_a[v])
                a[ia++] = v * 97u + 5; /* sorted */
            if (in_b[v])
                b[ib++] = v * 97u + 5;
            inter += in_a[v] && in_b[v];
        }
        double want = na + nb ? (double)inter / (double)(na + nb - inter) : 1;
        double got = px__jaccard_sorted(a, na, b, nb, 0);
        ASSERT_TRUE(got == want);
        ASSERT_TRUE(px__jaccard_sorted(b, nb, a, na, 0) == want);
        double t = (double)(round % 10) / 10;
        double bounded = px__jaccard_sorted(a, na, b, nb, t);
        ASSERT_TRUE(want >= t ? bounded == want : bounded == -1);
    }
}

static px_doc *make(const char *id, const char *text)
{
    px_doc *doc = NULL;
    px_doc_meta meta = {.id = id};
    px_doc_new(&doc, text, strlen(text), &meta, 1, NULL, NULL);
    return doc;
}

static const char *quake =
    "A strong earthquake of magnitude 6.1 struck the coast of northern Chile on Tuesday, "
    "shaking buildings in Iquique and Arica. The national emergency office said two people "
    "were injured and power was cut to thousands of homes. Officials in Santiago said there "
    "was no tsunami threat. Residents of Iquique spent the night outdoors as aftershocks "
    "continued. The quake was centred 40 km west of the city at a depth of 30 km.";
static const char *quake_copy =
    "A STRONG earthquake of magnitude 6.1 struck the coast of northern Chile on Tuesday,\n"
    "shaking buildings in Iquique and Arica.   The national emergency office said two people "
    "were injured and power was cut to thousands of homes. Officials in Santiago said there "
    "was no tsunami threat. Residents of Iquique spent the night outdoors as aftershocks "
    "continued. The quake was centred 40 km west of the city at a depth of 30 km.";
static const char *quake_edit =
    "A strong earthquake of magnitude 6.1 struck the coast of northern Chile on Tuesday, "
    "shaking buildings in Iquique and Arica, local media reported. The national emergency "
    "office said two people were injured and power was cut to thousands of homes. Officials "
    "in Santiago said there was no tsunami threat. Residents of Iquique spent the night "
    "outdoors as aftershocks continued. The quake was centred 40 km west of the city.";
static const char *quake2 =
    "An earthquake of magnitude 7.3 hit eastern Indonesia on Sunday near the island of "
    "Sulawesi, killing at least 12 people in Palu. Rescue teams in Palu searched collapsed "
    "houses. Indonesia's disaster agency said a tsunami warning for Sulawesi was lifted after "
    "two hours. Jakarta sent soldiers and medical teams to Palu on Monday.";
static const char *quake2b =
    "Rescuers in Palu on Sulawesi dug through rubble on Monday after the magnitude 7.3 "
    "earthquake that killed 12 people in eastern Indonesia. The disaster agency in Jakarta "
    "said the tsunami warning for Sulawesi had been lifted. Soldiers arrived in Palu.";

static void test_duplicates_and_stories(void)
{
    px_doc *d[5] = {make("a", quake), make("b", quake2), make("c", quake_copy),
                    make("d", quake_edit), make("e", quake2b)};
    size_t story[5];
    ptrdiff_t dup[5];
    px_group_options opt = {.threads = 2};
    int rc = px_group_docs(d, 5, &opt, story, dup);
    for (int i = 0; i < 5; i++)
        px_doc_free(d[i]);
    ASSERT_EQ(rc, 0);
    ASSERT_EQ(dup[0], -1);
    ASSERT_EQ(dup[1], -1);
    ASSERT_EQ(dup[2], 0); /* exact: same words, other case and spacing */
    ASSERT_EQ(dup[3], 0); /* near-duplicate */
    ASSERT_EQ(dup[4], -1);
    ASSERT_EQ(story[0], 0);
    ASSERT_EQ(story[1], 1); /* another earthquake is another story */
    ASSERT_EQ(story[2], 0);
    ASSERT_EQ(story[3], 0);
    ASSERT_EQ(story[4], 1);
}

typedef struct got {
    size_t n, story[8];
    ptrdiff_t dup[8];
    int exact[8], new_story[8];
    size_t n_near[8], near[8][4];
} got;

static void collect(px_grouper *gr, got *g)
{
    g->n = px_grouper_n_docs(gr);
    for (size_t i = 0; i < g->n && i < 8; i++) {
        px_group_assign a;
        if (px_grouper_assign(gr, i, &a))
            return;
        g->story[i] = a.story;
        g->dup[i] = a.dup_of;
        g->exact[i] = a.exact;
        g->new_story[i] = a.new_story;
        g->n_near[i] = a.n_near;
        for (size_t k = 0; k < a.n_near && k < 4; k++)
            g->near[i][k] = a.near[k];
    }
}

static void test_grouper_matches_batch(void)
{
    for (int threads = 1; threads <= 3; threads++) {
        got g = {0};
        px_grouper *gr = NULL;
        px_group_options opt = {.threads = threads};
        ASSERT_EQ(px_grouper_new(&gr, &opt), 0);
        const char *texts[] = {quake, quake2, quake_copy, quake_edit, quake2b};
        for (int i = 0; i < 5; i++)
            ASSERT_EQ(px_grouper_add(gr, make("x", texts[i])), 0);
        ASSERT_EQ(px_grouper_run(gr), 0);
        ASSERT_EQ(px_grouper_n_docs(gr), 5);
        ASSERT_EQ(px_grouper_n_stories(gr), 2);
        collect(gr, &g);
        px_group_assign a;
        ASSERT_EQ(px_grouper_assign(gr, 5, &a), PX_EUSAGE);
        px_grouper_free(gr);
        ASSERT_EQ(g.n, 5);
        ASSERT_EQ(g.dup[2], 0);
        ASSERT_EQ(g.exact[2], 1);
        ASSERT_EQ(g.exact[3], 0);
        ASSERT_EQ(g.story[4], 1);
        ASSERT_EQ(g.new_story[0], 1);
        ASSERT_EQ(g.new_story[1], 1);
        ASSERT_EQ(g.new_story[3], 0);
        /* links: the exact copy (2) to its original; the edit (3) to the
         * original and, through it, to the exact copy */
        ASSERT_EQ(g.n_near[0], 0);
        ASSERT_EQ(g.n_near[2], 1);
        ASSERT_EQ(g.near[2][0], 0);
        ASSERT_EQ(g.dup[3], 0);
        ASSERT_EQ(g.n_near[3], 2);
        ASSERT_EQ(g.near[3][0], 0);
        ASSERT_EQ(g.near[3][1], 2);
    }
    px_grouper_free(NULL);
}

/* The stories do not depend on the order of the input: every order of
 * the five articles gives the same partition. */
static void test_order_free(void)
{
    const char *texts[] = {quake, quake2, quake_copy, quake_edit, quake2b};
    int perm[5] = {0, 1, 2, 3, 4};
    size_t first[5] = {0};
    for (int round = 0; round < 120; round++) {
        /* the next permutation, lexicographically */
        if (round) {
            int i = 3;
            while (i >= 0 && perm[i] > perm[i + 1])
                i--;
            if (i < 0)
                break;
            int j = 4;
            while (perm[j] < perm[i])
                j--;
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            for (int a = i + 1, b = 4; a < b; a++, b--) {
                t = perm[a];
                perm[a] = perm[b];
                perm[b] = t;
            }
        }
        px_doc *d[5];
        for (int i = 0; i < 5; i++)
            d[i] = make("x", texts[perm[i]]);
        size_t story[5], by_text[5];
        px_group_options opt = {.threads = 1 + round % 2};
        int rc = px_group_docs(d, 5, &opt, story, NULL);
        for (int i = 0; i < 5; i++)
            px_doc_free(d[i]);
        ASSERT_EQ(rc, 0);
        for (int i = 0; i < 5; i++)
            by_text[perm[i]] = story[i];
        if (!round)
            memcpy(first, by_text, sizeof first);
        for (int a = 0; a < 5; a++)
            for (int b = 0; b < 5; b++)
                ASSERT_EQ(by_text[a] == by_text[b], first[a] == first[b]);
    }
}

/* Features round-trip through bytes; damaged bytes are refused. */
static void test_features_pack(void)
{
    px_doc *d = make("a", quake);
    px_group_features *f = NULL, *g = NULL;
    ASSERT_EQ(px_group_features_new(&f, d, NULL), 0);
    unsigned char *b = NULL, *c = NULL;
    size_t n = 0, m = 0;
    ASSERT_EQ(px_group_features_pack(f, NULL, &b, &n), 0);
    ASSERT_EQ(px_group_features_unpack(&g, b, n, NULL), 0);
    ASSERT_EQ(px_group_features_pack(g, NULL, &c, &m), 0);
    ASSERT_EQ(n, m);
    ASSERT_TRUE(!memcmp(b, c, n));
    ASSERT_TRUE(px_group_features_exact(f) != 0);
    ASSERT_EQ(px_group_features_exact(f), px_group_features_exact(g));
    px_group_features_free(g);
    g = NULL;
    /* truncated, trailing, another num_perm, a NaN weight */
    ASSERT_EQ(px_group_features_unpack(&g, b, n - 1, NULL), PX_EBADINPUT);
    px_group_options o64 = {.num_perm = 64};
    ASSERT_EQ(px_group_features_unpack(&g, b, n, &o64), PX_EBADINPUT);
    unsigned char *x = malloc(n + 1);
    memcpy(x, b, n);
    x[n] = 0;
    ASSERT_EQ(px_group_features_unpack(&g, x, n + 1, NULL), PX_EBADINPUT);
    memcpy(x + n - 4, "\x00\x00\xc0\x7f", 4); /* the last weight: NaN */
    ASSERT_EQ(px_group_features_unpack(&g, x, n, NULL), PX_EBADINPUT);
    /* a huge count cannot make it allocate: the length must match */
    memcpy(x, b, n);
    memcpy(x + 12, "\xff\xff\xff\x7f", 4);
    ASSERT_EQ(px_group_features_unpack(&g, x, n, NULL), PX_EBADINPUT);
    ASSERT_TRUE(g == NULL);
    free(x);
    free(b);
    free(c);
    /* a grouper given features groups as one given the documents */
    px_grouper *gr = NULL;
    ASSERT_EQ(px_grouper_new(&gr, NULL), 0);
    px_group_features *f2 = NULL;
    px_doc *d2 = make("b", quake_copy);
    ASSERT_EQ(px_group_features_new(&f2, d2, NULL), 0);
    ASSERT_EQ(px_grouper_add_features(gr, f), 0);
    ASSERT_EQ(px_grouper_add_features(gr, f2), 0);
    ASSERT_EQ(px_grouper_run(gr), 0);
    px_group_assign a;
    ASSERT_EQ(px_grouper_assign(gr, 1, &a), 0);
    ASSERT_EQ(a.dup_of, 0);
    ASSERT_EQ(a.exact, 1);
    px_grouper_free(gr);
    px_doc_free(d);
    px_doc_free(d2);
}

static void test_empty_and_json(void)
{
    px_doc *d[2] = {make("a", ""), make("b", "")};
    size_t story[2];
    ptrdiff_t dup[2];
    ASSERT_EQ(px_group_docs(d, 2, NULL, story, dup), 0);
    px_doc_free(d[0]);
    px_doc_free(d[1]);
    ASSERT_EQ(dup[0], -1);
    ASSERT_EQ(px_group_docs(NULL, 0, NULL, NULL, NULL), 0);
    char *j = px_group_assign_json("x\"1", 3, NULL);
    ASSERT_STR_EQ(j, "{\"doc\":\"x\\\"1\",\"story\":3,\"duplicate_of\":null}");
    free(j);
    const char *near[] = {"a", "b"};
    j = px_group_assign_json_near("c", 0, "a", near, 2);
    ASSERT_STR_EQ(j, "{\"doc\":\"c\",\"story\":0,\"duplicate_of\":\"a\","
                     "\"near_duplicates\":[\"a\",\"b\"]}");
    free(j);
    ASSERT_EQ(px__day_number("1970-01-02"), 1);
    ASSERT_EQ(px__day_number("2000-03-01") - px__day_number("2000-02-28"), 2);
    ASSERT_EQ(px__day_number("garbage"), PX__NO_DAY);
}

int main(void)
{
    RUN_TEST(test_lsh_params);
    RUN_TEST(test_lsh_recall_params);
    RUN_TEST(test_minhash_estimate);
    RUN_TEST(test_jaccard_exact);
    RUN_TEST(test_duplicates_and_stories);
    RUN_TEST(test_grouper_matches_batch);
    RUN_TEST(test_order_free);
    RUN_TEST(test_features_pack);
    RUN_TEST(test_empty_and_json);
    return TEST_SUMMARY();
}
