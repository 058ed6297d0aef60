/*
 * test_html.c - the HTML reader's entry point as a container reader (a
 * WARC record) calls it: the url and date it knows fill what the page
 * does not state and never override what it does; the warnings go to
 * the callback with the file and id. Also the byline cleaner on the
 * shapes bylines take, the class-word matcher (whole tokens, so
 * "read-more" is no advertisement) and the language test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "../../src/read/html.h"

static const char article[] =
    "<p>The council met on Tuesday, and members said the plan, which costs more than it "
    "should, would be reviewed again next month. The council met on Tuesday, and members "
    "said the plan, which costs more than it should, would be reviewed again.</p>"
    "<p>The mayor said the plan, which was first put forward in May, had the support of "
    "most residents, though not all of them, and that the vote would go ahead.</p>"
    "<p>Opponents said the costs, which have doubled, were too high, and that the town "
    "could not afford it, whatever the mayor said about the support of residents.</p>";

static int n_diags;
static char last_diag[512];

static void on_diag(void *ud, const px_diag *d)
{
    (void)ud;
    n_diags++;
    snprintf(last_diag, sizeof(last_diag), "%s|%s|%s", d->file, d->doc ? d->doc : "",
             d->message);
}

static void read_page(const char *head, const char *url, const char *date, px_html_doc *doc)
{
    char page[4096];
    snprintf(page, sizeof(page), "<html><head>%s</head><body><article><h1>Plan</h1>%s"
                                 "</article></body></html>", head, article);
    n_diags = 0;
    int rc = px__html_read(page, strlen(page), url, date, "rec.warc", "rec1", on_diag, NULL, doc);
    if (rc)
        memset(doc, 0, sizeof(*doc));
}

static void test_container_hints_fill_gaps(void)
{
    px_html_doc d;
    read_page("<title>Plan</title>", "https://www.Example.COM/news/plan?x=1", "2021-06-07", &d);
    ASSERT_STR_EQ(d.source, "example.com");
    ASSERT_STR_EQ(d.url, "https://www.Example.COM/news/plan?x=1");
    ASSERT_STR_EQ(d.date, "2021-06-07");
    ASSERT_TRUE(strstr(d.text.ptr, "The mayor said") != NULL);
    ASSERT_EQ(n_diags, 0);
    px__html_doc_release(&d);
}

static void test_page_metadata_wins(void)
{
    px_html_doc d;
    read_page("<meta property=\"og:site_name\" content=\"The Town Gazette\">"
              "<link rel=\"canonical\" href=\"https://gazette.example/plan\">"
              "<meta property=\"article:published_time\" content=\"2020-02-03T08:00:00Z\">",
              "https://mirror.example/copy", "2021-06-07", &d);
    ASSERT_STR_EQ(d.source, "The Town Gazette");
    ASSERT_STR_EQ(d.url, "https://gazette.example/plan");
    ASSERT_STR_EQ(d.date, "2020-02-03T08:00:00Z");
    px__html_doc_release(&d);
}

static void test_no_body_warning_names_record(void)
{
    const char page[] = "<html><head><title>Gone</title></head><body><nav>Home</nav></body></html>";
    px_html_doc d;
    n_diags = 0;
    ASSERT_EQ(px__html_read(page, strlen(page), NULL, NULL, "rec.warc", "rec2", on_diag, NULL, &d),
              PX_OK);
    ASSERT_EQ(n_diags, 1);
    ASSERT_TRUE(strstr(last_diag, "rec.warc|rec2|") == last_diag);
    ASSERT_TRUE(strstr(last_diag, "no article body") != NULL);
    px__html_doc_release(&d);
}

static void check_author(const char *in, const char *want)
{
    char *got = px__html_clean_author(in, strlen(in));
    if (!want) {
        if (got) {
            fprintf(stderr, "author of \"%s\": got \"%s\", expected none\n", in, got);
            px_t_cur_failed = 1;
        }
    } else if (!got || strcmp(got, want)) {
        fprintf(stderr, "author of \"%s\": got \"%s\", expected \"%s\"\n", in,
                got ? got : "(null)", want);
        px_t_cur_failed = 1;
    }
    free(got);
}

static void test_clean_author(void)
{
    check_author("By Jane Doe", "Jane Doe");
    check_author("By JANE DOE and John Roe, Staff Writers", "JANE DOE, John Roe");
    check_author("Jane Doe | Reuters", "Jane Doe");
    check_author("By Nathan Willis\nMarch 25, 2015", "Nathan Willis");
    check_author("Laura June Topolsky", "Laura June Topolsky");
    check_author("Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Bradley M. Kuhn");
    check_author("Tech Industry by Steven Musil", "Steven Musil");
    check_author("por César Salza", "César Salza");
    check_author("肖春芳", "肖春芳");
    check_author("https://example.com/profile/jane", NULL);
    check_author("Updated 3 hours ago", NULL);
    /* a newspaper's credit is kept whole, not cut at its role word */
    check_author("By Our Foreign Staff", "Our Foreign Staff");
    check_author("Our Correspondent", "Our Correspondent");
}

static void test_class_words(void)
{
    unsigned b = px__html_class_bits("comment-body author-jane read-more");
    ASSERT_TRUE(b & PX_CW_MAYBE);    /* "body": maybe the article */
    ASSERT_TRUE(b & PX_CW_UNLIKELY); /* "comment" */
    ASSERT_TRUE(b & PX_CW_BYLINE);   /* "author" */
    ASSERT_EQ(px__html_class_bits("read-more") & (PX_CW_UNLIKELY | PX_CW_NEGATIVE), 0);
    ASSERT_TRUE(px__html_class_bits("ad") & PX_CW_UNLIKELY);
    ASSERT_EQ(px__html_class_bits("shadow-lg header") & PX_CW_UNLIKELY, 0);
    ASSERT_TRUE(px__html_class_bits("mainSidebar") & PX_CW_UNLIKELY); /* suffix */
    ASSERT_TRUE(px__html_class_bits("articleBody") & PX_CW_ARTICLE_BODY);
}

static void test_lang(void)
{
    size_t w;
    const char *en = "The council said that it was not clear whether the plan would go ahead, "
                     "and the mayor has not said when the vote will be held.";
    const char *de = "Der Rat sagte, dass nicht klar ist, ob der Plan umgesetzt wird, und der "
                     "Bürgermeister hat nicht gesagt, wann die Abstimmung sein wird.";
    const char *ru = "Совет заявил, что пока неясно, будет ли реализован этот план.";
    const char *code = "w123 w456 x789 y000 w111 w222 w333 w444 w555 w666 w777";
    ASSERT_STR_EQ(px__detect_lang(en, strlen(en), &w), "en");
    ASSERT_STR_EQ(px__detect_lang(de, strlen(de), &w), "de");
    ASSERT_STR_EQ(px__detect_lang(ru, strlen(ru), &w), "ru");
    ASSERT_TRUE(px__detect_lang(code, strlen(code), &w) == NULL);
    ASSERT_TRUE(px__detect_lang("Hi.", 3, &w) == NULL);
}

/* The test reads ASCII a block at a time: shifting the text against the
 * blocks, or turning any space into a quotation mark (no letter either,
 * read a character at a time), changes nothing it counts; it stops after
 * 3000 words; stop words are at most 8 bytes. */
static void test_lang_blocks(void)
{
    const char *en = "The council said that it was not clear whether the plan would go ahead, "
                     "and the mayor has not said when the vote will be held; Zelenskyyyyyyyyy "
                     "and 1,000 officials (w123) were there. ";
    char buf[4096], ref_lang[8];
    size_t n = 0, w, ref_words;
    for (int r = 0; r < 8; r++)
        for (const char *p = en; *p; p++)
            buf[n++] = *p;
    const char *ref = px__detect_lang(buf, n, &ref_words);
    ASSERT_STR_EQ(ref, "en");
    snprintf(ref_lang, sizeof ref_lang, "%s", ref);
    for (size_t k = 0; k < 130; k++) {
        char shifted[4096 + 130];
        memset(shifted, ' ', k);
        memcpy(shifted + k, buf, n);
        ASSERT_STR_EQ(px__detect_lang(shifted, n + k, &w), ref_lang);
        ASSERT_EQ(w, ref_words);
    }
    for (size_t p = 0; p < 300; p++) {
        if (buf[p] != ' ')
            continue;
        char quoted[4096 + 2];
        memcpy(quoted, buf, p);
        memcpy(quoted + p, "\xe2\x80\x9c", 3);
        memcpy(quoted + p + 3, buf + p + 1, n - p - 1);
        ASSERT_STR_EQ(px__detect_lang(quoted, n + 2, &w), ref_lang);
        ASSERT_EQ(w, ref_words);
    }
    /* 2999 English words, then German: the first 3000 words decide */
    static char many[40000];
    size_t m = 0;
    for (int i = 0; i < 2999; i++)
        memcpy(many + m, "the ", 4), m += 4;
    for (int i = 0; i < 5000; i++)
        memcpy(many + m, "und ", 4), m += 4;
    ASSERT_STR_EQ(px__detect_lang(many, m, &w), "en");
    ASSERT_EQ(w, 3000);
    m = 0;
    for (int i = 0; i < 20; i++)
        memcpy(many + m, "dengan ", 7), m += 7;
    ASSERT_STR_EQ(px__detect_lang(many, m, &w), "id");
    m = 0;
    for (int i = 0; i < 20; i++)
        memcpy(many + m, "dengann ", 8), m += 8;
    ASSERT_TRUE(px__detect_lang(many, m, &w) == NULL);
    ASSERT_EQ(w, 20);
}

int main(void)
{
    RUN_TEST(test_container_hints_fill_gaps);
    RUN_TEST(test_page_metadata_wins);
    RUN_TEST(test_no_body_warning_names_record);
    RUN_TEST(test_clean_author);
    RUN_TEST(test_class_words);
    RUN_TEST(test_lang);
    RUN_TEST(test_lang_blocks);
    return TEST_SUMMARY();
}
