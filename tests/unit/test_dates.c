/*
 * test_dates.c - the dates stage's calendar, lexicon, and reference
 * dates: embedded posts, story anchoring, explicit references, caching.
 */
#include <string.h>

#include "../harness.h"
#include "../../src/date/date.h"

static px_doc *make(const char *id, const char *text, const char *date)
{
    px_doc *doc = NULL;
    px_doc_meta meta = {.id = id, .file = id, .date = date};
    px_doc_new(&doc, text, strlen(text), &meta, 1, NULL, NULL);
    return doc;
}

static void test_calendar(void)
{
    px_ymd d = {2025, 5, 12};
    ASSERT_EQ(px__weekday(d), 1);
    int wy;
    ASSERT_EQ(px__iso_week(d, &wy), 20);
    ASSERT_EQ(wy, 2025);
    ASSERT_EQ(px__iso_week((px_ymd){2021, 1, 3}, &wy), 53);
    ASSERT_EQ(wy, 2020);
    px_ymd e = px__add_days(d, -366);
    ASSERT_EQ(e.y, 2024);
    ASSERT_EQ(e.m, 5);
    ASSERT_EQ(e.d, 11);
    px_ymd f = px__add_months((px_ymd){2024, 1, 31}, 1);
    ASSERT_EQ(f.m, 2);
    ASSERT_EQ(f.d, 29);
    ASSERT_TRUE(!px__parse_ymd("2025-02-30", &d));
}

static void test_lexicon_sorted(void)
{
    size_t n;
    const px_date_lex *t = px__date_lex_table(&n);
    for (size_t i = 1; i < n; i++)
        ASSERT_TRUE(strcmp(t[i - 1].word, t[i].word) < 0);
    ASSERT_TRUE(px__date_lex_find("thursday", 8) != NULL);
    ASSERT_EQ(px__date_lex_find("thursday", 8)->wday, 4);
    ASSERT_TRUE(px__date_lex_find("thursdayx", 9) == NULL);
}

static void test_word_lists_sorted(void)
{
    ASSERT_EQ(px__dates_word_lists_sorted(), true);
}

static void test_story(void)
{
    px_doc *docs[3];
    docs[0] = make("a", "Talks ended on Sunday.\n", "2025-05-12");
    docs[1] = make("b",
                   "The minister wrote on Sunday.\n\nWe start tomorrow.\n— Minister (@min) May 11, "
                   "2025\n\nHe will travel on Thursday.\n",
                   NULL);
    docs[2] = make("c", "Leaders will meet on Thursday, officials said on Sunday.\n", NULL);
    ASSERT_TRUE(docs[0] && docs[1] && docs[2]);
    ASSERT_EQ(px_dates_anchor_story(docs, 3), 0);
    const px_timex *v;
    size_t n;
    const char *origin;
    ASSERT_EQ(px_dates_find(docs[2], NULL, &v, &n), 0);
    ASSERT_STR_EQ(px_dates_reference(docs[2], &origin), "2025-05-12");
    ASSERT_STR_EQ(origin, "story");
    ASSERT_EQ(n, 2);
    ASSERT_STR_EQ(v[0].value, "2025-05-15");
    ASSERT_STR_EQ(v[1].value, "2025-05-11");
    ASSERT_EQ(px_dates_find(docs[0], NULL, &v, &n), 0);
    ASSERT_STR_EQ(px_dates_reference(docs[0], &origin), "2025-05-12");
    ASSERT_STR_EQ(origin, "metadata");
    /* a dated embedded post is the document's own evidence */
    px_block_kind kind_of_post = PX_BLOCK_BODY;
    size_t nb;
    const px_block *b = px_doc_blocks(docs[1], &nb);
    for (size_t i = 0; i < nb; i++)
        if (b[i].kind == PX_BLOCK_EMBED)
            kind_of_post = PX_BLOCK_EMBED;
    ASSERT_EQ(px_dates_find(docs[1], NULL, &v, &n), 0);
    if (kind_of_post == PX_BLOCK_EMBED) {
        ASSERT_STR_EQ(px_dates_reference(docs[1], &origin), "2025-05-11");
        ASSERT_STR_EQ(origin, "embedded post");
    }
    /* an explicit reference wins, and the cache follows it */
    ASSERT_EQ(px_dates_find(docs[2], "2025-06-02", &v, &n), 0);
    ASSERT_STR_EQ(px_dates_reference(docs[2], &origin), "2025-06-02");
    ASSERT_STR_EQ(origin, "given");
    ASSERT_STR_EQ(v[0].value, "2025-06-05");
    ASSERT_EQ(px_dates_find(docs[2], "2025-6-2", &v, &n), PX_EUSAGE);
    for (int i = 0; i < 3; i++)
        px_doc_free(docs[i]);
}

/* The same quoted words in two dated articles: they were said by the
 * earlier date, so the later article's "tomorrow" counts from it. */
static void test_story_quotations(void)
{
    px_doc *docs[2];
    docs[0] = make("early", "\u201cWe are close, and we hope to reach them tomorrow,\u201d he said.\n",
                   "2026-03-10");
    docs[1] = make("late",
                   "Rescuers were hopeful. \u201cWe hope to reach them tomorrow,\u201d the commander "
                   "said.\n",
                   "2026-03-12");
    ASSERT_TRUE(docs[0] && docs[1]);
    const px_timex *v;
    size_t n;
    ASSERT_EQ(px_dates_find(docs[1], NULL, &v, &n), 0);
    ASSERT_EQ(n, 1);
    ASSERT_STR_EQ(v[0].value, "2026-03-13"); /* alone: from its own date */
    ASSERT_EQ(px_dates_anchor_story(docs, 2), 0);
    ASSERT_EQ(px_dates_find(docs[1], NULL, &v, &n), 0);
    ASSERT_EQ(n, 1);
    ASSERT_STR_EQ(v[0].value, "2026-03-11");
    ASSERT_EQ(px_dates_find(docs[0], NULL, &v, &n), 0);
    ASSERT_STR_EQ(v[0].value, "2026-03-11");
    px_doc_free(docs[0]);
    px_doc_free(docs[1]);
}

static void test_no_reference(void)
{
    px_doc *doc = make("x", "It happened on Friday, last week, in 1999.\n", NULL);
    const px_timex *v;
    size_t n;
    const char *origin;
    ASSERT_EQ(px_dates_find(doc, NULL, &v, &n), 0);
    ASSERT_TRUE(px_dates_reference(doc, &origin) == NULL);
    ASSERT_STR_EQ(origin, "none");
    ASSERT_EQ(n, 3);
    ASSERT_STR_EQ(v[0].value, "XXXX-WXX-5");
    ASSERT_STR_EQ(v[1].value, "XXXX-WXX");
    ASSERT_STR_EQ(v[2].value, "1999");
    ASSERT_STR_EQ(px_timex_type_name(PX_TIMEX_DURATION), "DURATION");
    px_doc_free(doc);
    px_dates_anchor_story(NULL, 0);
}

int main(void)
{
    RUN_TEST(test_calendar);
    RUN_TEST(test_lexicon_sorted);
    RUN_TEST(test_word_lists_sorted);
    RUN_TEST(test_story);
    RUN_TEST(test_story_quotations);
    RUN_TEST(test_no_reference);
    return TEST_SUMMARY();
}
