/*
 * test_brief.c - the brief on small invented clusters: widely reported
 * content is chosen once (no repeats), sentences that cannot stand alone
 * are never chosen, a leading pronoun is resolved or the sentence
 * dropped, --words cuts at exactly N words, sources name every document
 * that carries the sentence, and the writers print what they promise.
 */
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "parallax.h"

#define MAX_DOCS 8

typedef struct cluster {
    px_doc *docs[MAX_DOCS];
    size_t n;
} cluster;

static void cluster_add(cluster *c, const char *id, const char *text)
{
    px_doc_meta meta = {.id = id};
    if (c->n < MAX_DOCS && px_doc_new(&c->docs[c->n], text, strlen(text), &meta, 1, NULL, NULL) == 0)
        c->n++;
}

static void cluster_free(cluster *c)
{
    for (size_t i = 0; i < c->n; i++)
        px_doc_free(c->docs[i]);
    c->n = 0;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int ws = *s == ' ' || *s == '\n';
        n += !ws && !in;
        in = !ws;
    }
    return n;
}

static int starts_with(const char *s, const char *p)
{
    return !strncmp(s, p, strlen(p));
}

/* Four outlets on one invented event. The lede is told by all four in
 * different words; the most widely shared details also come in sentences
 * that cannot stand alone ("But ...", "However, ...", "This ...",
 * "He added that ..."). */
static void bridge_story(cluster *c)
{
    cluster_add(c, "a",
                "Ship hits Rotterdam bridge, traffic halted\n\n"
                "Port officials closed the Erasmus Bridge in Rotterdam on Tuesday after the "
                "cargo ship Nordic Star struck one of its pillars during a storm.\n\n"
                "But engineers said the damage to the pillar was limited and the bridge "
                "could reopen to traffic on Friday.\n\n"
                "The Nordic Star was carrying timber from Finland to the port of Antwerp.\n");
    cluster_add(c, "b",
                "The Erasmus Bridge in Rotterdam was closed on Tuesday after the cargo ship "
                "Nordic Star struck a pillar of the bridge in a storm, port officials said.\n\n"
                "However, engineers said the damage to the pillar was limited and the bridge "
                "could reopen to traffic on Friday.\n\n"
                "Ferries will carry commuters across the river Maas until the bridge reopens, "
                "the city said in a statement.\n");
    cluster_add(c, "c",
                "A cargo ship, the Nordic Star, struck a pillar of the Erasmus Bridge in "
                "Rotterdam on Tuesday, and port officials closed the bridge.\n\n"
                "This means the damage to the pillar was limited and the bridge could reopen "
                "to traffic on Friday, engineers said.\n\n"
                "Harbour pilots had warned last year that the channel under the bridge was "
                "too narrow for ships of that size.\n");
    cluster_add(c, "d",
                "Rotterdam port officials shut the Erasmus Bridge on Tuesday after the Nordic "
                "Star, a cargo ship, struck one of its pillars in a storm.\n\n"
                "The harbour master Pieter Visser ordered all traffic on the river to stop.\n\n"
                "He added that the damage to the pillar was limited and the bridge could "
                "reopen to traffic on Friday.\n");
}

static void test_lede_once_with_all_sources(void)
{
    cluster c = {0};
    bridge_story(&c);
    ASSERT_EQ(c.n, 4);
    px_brief *b = NULL;
    px_brief_options opt = {.max_sentences = 3};
    ASSERT_EQ(px_brief_new(&b, c.docs, c.n, &opt), 0);
    size_t n;
    const px_brief_sentence *s = px_brief_sentences(b, &n);
    ASSERT_TRUE(n >= 1 && n <= 3);
    /* the lede: chosen once, carried by all four */
    size_t ledes = 0, lede = n;
    for (size_t i = 0; i < n; i++)
        if (strstr(s[i].text, "Erasmus Bridge") && strstr(s[i].text, "Tuesday"))
            ledes++, lede = i;
    ASSERT_EQ(ledes, 1);
    ASSERT_EQ(lede, 0); /* it comes first in every source */
    ASSERT_EQ(s[lede].n_sources, 4);
    ASSERT_EQ(s[lede].sources[0], s[lede].doc);
    for (size_t i = 0; i < n; i++) {
        ASSERT_TRUE(s[i].n_sources >= 1);
        ASSERT_EQ(s[i].sources[0], s[i].doc);
        ASSERT_TRUE(s[i].start < s[i].end);
    }
    px_brief_free(b);
    cluster_free(&c);
}

static void test_no_dangling_openings_or_headlines(void)
{
    cluster c = {0};
    bridge_story(&c);
    px_brief *b = NULL;
    px_brief_options opt = {.max_sentences = 10};
    ASSERT_EQ(px_brief_new(&b, c.docs, c.n, &opt), 0);
    size_t n;
    const px_brief_sentence *s = px_brief_sentences(b, &n);
    ASSERT_TRUE(n >= 2);
    for (size_t i = 0; i < n; i++) {
        ASSERT_TRUE(!starts_with(s[i].text, "But "));
        ASSERT_TRUE(!starts_with(s[i].text, "However"));
        ASSERT_TRUE(!starts_with(s[i].text, "This "));
        ASSERT_TRUE(!starts_with(s[i].text, "He "));
        ASSERT_TRUE(!strstr(s[i].text, "added that"));
        ASSERT_TRUE(strcmp(s[i].text, "Ship hits Rotterdam bridge, traffic halted"));
    }
    px_brief_free(b);
    cluster_free(&c);
}

static void test_words_cut_exact(void)
{
    cluster c = {0};
    bridge_story(&c);
    static const size_t budgets[] = {1, 2, 5, 12, 19, 26, 33, 40, 47, 54};
    for (size_t bi = 0; bi < sizeof budgets / sizeof *budgets; bi++) {
        size_t budget = budgets[bi];
        px_brief *b = NULL;
        px_brief_options opt = {.max_words = budget};
        ASSERT_EQ(px_brief_new(&b, c.docs, c.n, &opt), 0);
        size_t n, words = 0;
        const px_brief_sentence *s = px_brief_sentences(b, &n);
        ASSERT_TRUE(n >= 1);
        for (size_t i = 0; i < n; i++)
            words += count_words(s[i].text);
        ASSERT_TRUE(words <= budget);
        /* the cluster has far more than 60 words of candidates: the last
         * sentence is cut to fill the budget when fewer than 3 are left */
        ASSERT_TRUE(words + 3 > budget);
        if (budget < 3) /* a budget of one or two words is still filled */
            ASSERT_EQ(words, budget);
        px_brief_free(b);
    }
    cluster_free(&c);
}

static void test_pronoun_resolved(void)
{
    cluster c = {0};
    static const char *const ids[] = {"x", "y", "z"};
    for (int i = 0; i < 3; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "In Rotterdam, the harbour master Pieter Visser's deputy Anna Smit ordered "
                 "all traffic on the river Maas to stop on Tuesday.\n\n"
                 "He said the Nordic Star had reported an engine failure minutes before the "
                 "collision with the bridge.\n\n"
                 "Story %d of the day: the weather in the %s region stayed calm and dry "
                 "for the rest of the week.\n",
                 i, ids[i]);
        cluster_add(&c, ids[i], text);
    }
    px_brief *b = NULL;
    px_brief_options opt = {.max_sentences = 2};
    ASSERT_EQ(px_brief_new(&b, c.docs, c.n, &opt), 0);
    size_t n, resolved = 0;
    const px_brief_sentence *s = px_brief_sentences(b, &n);
    ASSERT_EQ(n, 2);
    for (size_t i = 0; i < n; i++) {
        ASSERT_TRUE(!starts_with(s[i].text, "He "));
        resolved += starts_with(s[i].text, "Smit said the Nordic Star");
    }
    ASSERT_EQ(resolved, 1);
    px_brief_free(b);
    cluster_free(&c);
}

/* "He" after a sentence naming nobody but in possessive or after a
 * preposition: no subject to stand for, so the sentence is dropped. */
static void test_pronoun_unresolved_dropped(void)
{
    cluster c = {0};
    static const char *const ids[] = {"x", "y", "z"};
    for (int i = 0; i < 3; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "The closure of the bridge was discussed at a meeting with Aboutaleb "
                 "on Tuesday.\n\n"
                 "He said the Nordic Star had reported an engine failure minutes before the "
                 "collision with the bridge.\n\n"
                 "Report %d: the %s ferries carried commuters across the river all day.\n",
                 i, ids[i]);
        cluster_add(&c, ids[i], text);
    }
    px_brief *b = NULL;
    px_brief_options opt = {.max_sentences = 3};
    ASSERT_EQ(px_brief_new(&b, c.docs, c.n, &opt), 0);
    size_t n;
    const px_brief_sentence *s = px_brief_sentences(b, &n);
    ASSERT_TRUE(n >= 1);
    for (size_t i = 0; i < n; i++) {
        ASSERT_TRUE(!starts_with(s[i].text, "He "));
        ASSERT_TRUE(!strstr(s[i].text, "engine failure"));
    }
    px_brief_free(b);
    cluster_free(&c);
}

static void test_quotation_and_questions_skipped(void)
{
    cluster c = {0};
    static const char *const ids[] = {"p", "q", "r"};
    for (int i = 0; i < 3; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "\"We will rebuild the pillar before the winter storms arrive and we will "
                 "do it quickly,\" the mayor said.\n\n"
                 "Will the bridge reopen before the winter storms arrive in Rotterdam this "
                 "year?\n\n"
                 "Workers in Rotterdam began repairing the damaged pillar of the Erasmus "
                 "Bridge on Wednesday morning, report %d by %s said.\n",
                 i, ids[i]);
        cluster_add(&c, ids[i], text);
    }
    px_brief *b = NULL;
    ASSERT_EQ(px_brief_new(&b, c.docs, c.n, NULL), 0);
    size_t n;
    const px_brief_sentence *s = px_brief_sentences(b, &n);
    ASSERT_EQ(n, 1);
    ASSERT_TRUE(starts_with(s[0].text, "Workers in Rotterdam began repairing"));
    ASSERT_EQ(s[0].n_sources, 3);
    px_brief_free(b);
    cluster_free(&c);
}

static void test_empty_and_render(void)
{
    px_brief *b = NULL;
    ASSERT_EQ(px_brief_new(&b, NULL, 0, NULL), 0);
    size_t n = 99;
    px_brief_sentences(b, &n);
    ASSERT_EQ(n, 0);
    char *out = NULL;
    size_t len = 99;
    ASSERT_EQ(px_brief_render(b, PX_BRIEF_JSONL, &out, &len), 0);
    ASSERT_EQ(len, 0);
    free(out);
    px_brief_free(b);
    px_brief_free(NULL);

    cluster c = {0};
    bridge_story(&c);
    px_brief_options opt = {.max_sentences = 2};
    ASSERT_EQ(px_brief_new(&b, c.docs, c.n, &opt), 0);
    px_brief_sentences(b, &n);
    ASSERT_EQ(px_brief_render(b, PX_BRIEF_TEXT, &out, &len), 0);
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += out[i] == '\n';
    ASSERT_EQ(lines, n);
    free(out);
    ASSERT_EQ(px_brief_render(b, PX_BRIEF_JSONL, &out, &len), 0);
    ASSERT_TRUE(starts_with(out, "{\"text\":\""));
    ASSERT_TRUE(strstr(out, "\"sources\":[\"") != NULL);
    ASSERT_TRUE(strstr(out, "\"doc\":\"") != NULL);
    free(out);
    ASSERT_EQ(px_brief_render(b, PX_BRIEF_MD, &out, &len), 0);
    ASSERT_TRUE(starts_with(out, "- "));
    ASSERT_TRUE(strstr(out, ", +2)\n") != NULL); /* the lede: a, b, +2 */
    free(out);
    px_brief_free(b);
    cluster_free(&c);
}

int main(void)
{
    RUN_TEST(test_lede_once_with_all_sources);
    RUN_TEST(test_no_dangling_openings_or_headlines);
    RUN_TEST(test_words_cut_exact);
    RUN_TEST(test_pronoun_resolved);
    RUN_TEST(test_pronoun_unresolved_dropped);
    RUN_TEST(test_quotation_and_questions_skipped);
    RUN_TEST(test_empty_and_render);
    return TEST_SUMMARY();
}
