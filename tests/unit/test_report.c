/*
 * test_report.c - unit tests of the comparison and entity stages on
 * articles written for the test: how two outlets' wordings of one
 * statement are diffed and classified, when quotations are grouped, and
 * how names are grouped (and kept apart); and of the report: the names
 * it gives outlets, the order of the timeline, the ranking of what one
 * outlet alone reports, and the same sections in the same order in
 * every format.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "parallax.h"

#define PX_ARRAY_LEN_T(a) (sizeof(a) / sizeof((a)[0]))

typedef struct fixture {
    px_doc *docs[6];
    size_t n;
    px_quote_input q[6];
    px_compare *cmp;
} fixture;

/* Article i says text; its quotation is the first occurrence of quote. */
static void add_doc(fixture *f, const char *text, const char *quote, ptrdiff_t speaker)
{
    char id[4] = {'d', (char)('0' + f->n), 0, 0};
    px_doc_meta meta = {id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    px_doc *d = NULL;
    if (px_doc_new(&d, text, strlen(text), &meta, 0, NULL, NULL))
        abort();
    px_str t = px_doc_text(d);
    const char *at = strstr(t.ptr, quote);
    if (!at)
        abort();
    px_quote_input *q = &f->q[f->n];
    memset(q, 0, sizeof *q);
    q->doc = f->n;
    q->start = (size_t)(at - t.ptr);
    q->end = q->start + strlen(quote);
    q->speaker = speaker;
    f->docs[f->n++] = d;
}

static void run(fixture *f)
{
    if (px_compare_new(&f->cmp, f->docs, f->n, NULL, f->q, f->n))
        abort();
}

static void release(fixture *f)
{
    px_compare_free(f->cmp);
    for (size_t i = 0; i < f->n; i++)
        px_doc_free(f->docs[i]);
}

/* The variants of document doc's occurrence in the one group. */
static const px_quote_occurrence *occ_of(const fixture *f, size_t doc, size_t *n_groups)
{
    const px_quote_group *g = px_compare_quotes(f->cmp, n_groups);
    for (size_t i = 0; i < *n_groups; i++)
        for (size_t o = 0; o < g[i].n_occurrences; o++)
            if (g[i].occurrences[o].doc == doc)
                return &g[i].occurrences[o];
    return NULL;
}

static bool has(const px_quote_occurrence *o, px_variant_kind kind, const char *full, const char *here)
{
    for (size_t i = 0; i < o->n_variants; i++)
        if (o->variants[i].kind == kind && (!full || !strcmp(o->variants[i].fullest, full)) &&
            (!here || !strcmp(o->variants[i].here, here)))
            return true;
    return false;
}

static void test_typography_is_no_change(void)
{
    fixture f = {0};
    add_doc(&f, "He wrote: “Putin doesn’t want to have a Cease Fire Agreement with Ukraine.”",
            "Putin doesn’t want to have a Cease Fire Agreement with Ukraine.", 0);
    add_doc(&f, "He wrote: \"Putin doesn't want to have a Cease Fire Agreement with Ukraine.\"",
            "Putin doesn't want to have a Cease Fire Agreement with Ukraine.", 0);
    run(&f);
    size_t ng;
    const px_quote_occurrence *o = occ_of(&f, 1, &ng);
    ASSERT_EQ(ng, 1);
    ASSERT_TRUE(o != NULL);
    ASSERT_EQ(o->n_variants + occ_of(&f, 0, &ng)->n_variants, 0);
    release(&f);
}

static void test_case_and_spelling(void)
{
    fixture f = {0};
    add_doc(&f, "x “Putin wants a Cease Fire Agreement to end the BLOODBATH, the U.S. says, and I will wait in Türkiye.”",
            "Putin wants a Cease Fire Agreement to end the BLOODBATH, the U.S. says, and I will wait in Türkiye.", 0);
    add_doc(&f, "x “Putin wants a ceasefire agreement to end the bloodbath, the US says, and I will wait in Turkey.”",
            "Putin wants a ceasefire agreement to end the bloodbath, the US says, and I will wait in Turkey.", 0);
    run(&f);
    size_t ng;
    const px_quote_occurrence *o = occ_of(&f, 1, &ng);
    ASSERT_EQ(ng, 1);
    ASSERT_TRUE(has(o, PX_VARIANT_CASE, "BLOODBATH", "bloodbath"));
    ASSERT_TRUE(has(o, PX_VARIANT_SPELLING, "Cease Fire", "ceasefire"));
    ASSERT_TRUE(has(o, PX_VARIANT_SPELLING, "U.S.", "US"));
    ASSERT_TRUE(has(o, PX_VARIANT_SPELLING, "Türkiye", "Turkey"));
    ASSERT_TRUE(!has(o, PX_VARIANT_SUBSTITUTED, NULL, NULL));
    release(&f);
}

static void test_substituted_truncated_reordered(void)
{
    fixture f = {0};
    const char *full = "We heard them. That tells us some of the men are alive. We hope to reach them tomorrow.";
    char t0[256];
    snprintf(t0, sizeof t0, "He said: “%s”", full);
    add_doc(&f, t0, full, 0);
    /* one word substituted */
    add_doc(&f, "He said: “We heard them. That tells us some of the men are alive. We expect to reach them tomorrow.”",
            "We heard them. That tells us some of the men are alive. We expect to reach them tomorrow.", 0);
    /* cut short after the second sentence */
    add_doc(&f, "He said: “We heard them. That tells us some of the men are alive.”",
            "We heard them. That tells us some of the men are alive.", 0);
    /* the last sentence first, the second left out */
    add_doc(&f, "He said: “We hope to reach them tomorrow. We heard them.”",
            "We hope to reach them tomorrow. We heard them.", 0);
    /* only the first sentence */
    add_doc(&f, "He said: “We heard them.”", "We heard them.", 0);
    run(&f);
    size_t ng;
    ASSERT_TRUE(has(occ_of(&f, 1, &ng), PX_VARIANT_SUBSTITUTED, "hope", "expect"));
    /* the words cut keep their punctuation */
    ASSERT_TRUE(has(occ_of(&f, 4, &ng), PX_VARIANT_TRUNCATED,
                    "That tells us some of the men are alive. We hope to reach them tomorrow", NULL));
    /* the diff keeps the full stop between "them" and the words cut */
    const px_quote_occurrence *cut = occ_of(&f, 4, &ng);
    ASSERT_EQ(cut->diff[2].op, PX_DIFF_SAME);
    ASSERT_STR_EQ(cut->diff[2].after, ". ");
    ASSERT_TRUE(cut->diff[1].after == NULL);
    ASSERT_EQ(ng, 1);
    ASSERT_TRUE(has(occ_of(&f, 2, &ng), PX_VARIANT_TRUNCATED, "We hope to reach them tomorrow", NULL));
    const px_quote_occurrence *o = occ_of(&f, 3, &ng);
    ASSERT_TRUE(has(o, PX_VARIANT_REORDERED, NULL, "We hope to reach them tomorrow"));
    ASSERT_TRUE(has(o, PX_VARIANT_OMITTED, NULL, NULL));
    const px_quote_group *g = px_compare_quotes(f.cmp, &ng);
    ASSERT_EQ(g[0].n_docs, 5);
    ASSERT_EQ(g[0].single_source, 0);
    release(&f);
}

static void test_different_speakers_apart(void)
{
    fixture f = {0};
    add_doc(&f, "She said: “We will not stop until every one of these men is home.”",
            "We will not stop until every one of these men is home.", 1);
    add_doc(&f, "He said: “We will not stop until every one of these men is home.”",
            "We will not stop until every one of these men is home.", 2);
    add_doc(&f, "He said: “Nothing else was said by anyone today.”", "Nothing else was said by anyone today.", 2);
    run(&f);
    size_t ng;
    const px_quote_group *g = px_compare_quotes(f.cmp, &ng);
    ASSERT_EQ(ng, 3);
    for (size_t i = 0; i < ng; i++)
        ASSERT_EQ(g[i].single_source, 1);
    release(&f);
}

static px_entities *entities_of(const char *const *texts, size_t n, px_doc **docs)
{
    for (size_t i = 0; i < n; i++) {
        char id[4] = {'e', (char)('0' + i), 0, 0};
        px_doc_meta meta = {id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
        if (px_doc_new(&docs[i], texts[i], strlen(texts[i]), &meta, 0, NULL, NULL))
            abort();
    }
    px_entities *e = NULL;
    if (px_entities_find(&e, docs, n))
        abort();
    return e;
}

/* The entity that has alias a, or -1. */
static ptrdiff_t with_alias(const px_entities *e, const char *a)
{
    size_t n;
    const px_entity *l = px_entities_list(e, &n);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < l[i].n_aliases; k++)
            if (!strcmp(l[i].aliases[k], a))
                return (ptrdiff_t)i;
    return -1;
}

/* The comparison of texts as one story; free with release_story(). */
static px_compare *compare_of(const char *const *texts, size_t n, px_doc **docs, px_entities **e)
{
    *e = entities_of(texts, n, docs);
    px_compare *c = NULL;
    if (px_compare_new(&c, docs, n, *e, NULL, 0))
        abort();
    return c;
}

static void release_story(px_compare *c, px_entities *e, px_doc **docs, size_t n)
{
    px_compare_free(c);
    px_entities_free(e);
    for (size_t i = 0; i < n; i++)
        px_doc_free(docs[i]);
}

static void test_entity_variants(void)
{
    static const char *const texts[] = {
        "Ukrainian President Volodymyr Zelensky met Donald Trump in Kyiv. Mr Zelensky said it went well. "
        "Later the Ukrainian president flew to Turkey.",
        "Volodymyr Zelenskyy met Polish Prime Minister Donald Tusk in Kiev on Monday. Zelenskyy left for Türkiye, "
        "where Mr Tusk joined him. Trump said nothing.",
        "— Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) May 11, 2025",
    };
    px_doc *docs[3];
    px_entities *e = entities_of(texts, 3, docs);
    ptrdiff_t z = with_alias(e, "Volodymyr Zelensky");
    ASSERT_TRUE(z >= 0);
    ASSERT_EQ(with_alias(e, "Zelenskyy"), z);
    ASSERT_EQ(with_alias(e, "Mr Zelensky"), z);
    ASSERT_EQ(with_alias(e, "the Ukrainian president"), z);
    ASSERT_EQ(with_alias(e, "Володимир Зеленський"), z);
    ASSERT_EQ(with_alias(e, "@ZelenskyyUa"), z);
    /* same first name, different people */
    ptrdiff_t trump = with_alias(e, "Donald Trump"), tusk = with_alias(e, "Donald Tusk");
    ASSERT_TRUE(trump >= 0 && tusk >= 0 && trump != tusk);
    ASSERT_EQ(with_alias(e, "Mr Tusk"), tusk);
    ASSERT_EQ(with_alias(e, "Trump"), trump);
    /* places through the gazetteer and its exonyms */
    ASSERT_TRUE(with_alias(e, "Kyiv") >= 0);
    ASSERT_EQ(with_alias(e, "Kiev"), with_alias(e, "Kyiv"));
    ASSERT_TRUE(with_alias(e, "Turkey") >= 0);
    ASSERT_EQ(with_alias(e, "Türkiye"), with_alias(e, "Turkey"));
    size_t n;
    const px_entity *l = px_entities_list(e, &n);
    ASSERT_EQ(l[z].type, PX_ENTITY_PERSON);
    ASSERT_EQ(l[with_alias(e, "Kyiv")].type, PX_ENTITY_PLACE);
    ASSERT_TRUE(with_alias(e, "Monday") < 0);
    px_entities_free(e);
    for (size_t i = 0; i < 3; i++)
        px_doc_free(docs[i]);
}

/* An organisation the story only describes: one entity across articles,
 * kept apart from one with a different capitalised modifier; a
 * description carried by one article only is too vague to keep. */
static void test_unnamed_organisation(void)
{
    static const char *const texts[] = {
        "The miners' union disputes that. Its leader said the Polish government had been warned.",
        ("Grzegorz Pawlak, who leads the mineworkers’ union at the colliery, was angry. "
         "The union says it wrote in January. The Russian government said nothing."),
        "The union sees it differently. The Polish government promised an inquiry.",
    };
    px_doc *docs[3];
    px_entities *e = entities_of(texts, 3, docs);
    ptrdiff_t u = with_alias(e, "the mineworkers’ union");
    ASSERT_TRUE(u >= 0);
    ASSERT_EQ(with_alias(e, "The miners' union"), u);
    ASSERT_EQ(with_alias(e, "The union"), u);
    size_t n;
    const px_entity *l = px_entities_list(e, &n);
    ASSERT_EQ(l[u].type, PX_ENTITY_ORG);
    ptrdiff_t pl = with_alias(e, "the Polish government");
    ASSERT_TRUE(pl >= 0 && pl != u);
    ASSERT_TRUE(with_alias(e, "The Russian government") < 0); /* one article only */
    ASSERT_TRUE(with_alias(e, "Grzegorz Pawlak") != u);
    /* the speaker span "X, who leads the union," is X */
    ptrdiff_t p = with_alias(e, "Grzegorz Pawlak");
    ASSERT_TRUE(p >= 0);
    ASSERT_EQ(px_entities_at(e, 1, 0, 66), p);
    px_entities_free(e);
    for (size_t i = 0; i < 3; i++)
        px_doc_free(docs[i]);
}

/* "Tara" alone is the one Tara of the story, "Donald" beside two
 * Donalds is no one; a name that fills a quotation is a title, not a
 * place, even after "in"; "the news", "the party" are no bodies. */
static void test_first_names_and_titles(void)
{
    static const char *const texts[] = {
        ("The actress Tara Reid checked into rehab, her rep told the magazine. Reid starred in “American Pie”. "
         "The good news is that Tara is getting help. Donald Trump and Donald Tusk spoke. "
         "The Promises Treatment Center would not comment. Staff at Promises declined too. "
         "Alaska Gov. Sarah Palin was told. It was first reported by People magazine."),
        ("Good luck, Tara. She was known for her role in “American Pie”. The bad news came later. "
         "Donald said nothing. The party was over. She checked into the Promises Treatment Centre."),
    };
    px_doc *docs[2];
    px_entities *e = entities_of(texts, 2, docs);
    ptrdiff_t t = with_alias(e, "Tara Reid");
    ASSERT_TRUE(t >= 0);
    ASSERT_EQ(with_alias(e, "Tara"), t);
    ptrdiff_t d = with_alias(e, "Donald");
    ASSERT_TRUE(d != with_alias(e, "Donald Trump") && d != with_alias(e, "Donald Tusk"));
    size_t n;
    const px_entity *l = px_entities_list(e, &n);
    ptrdiff_t ap = with_alias(e, "American Pie");
    ASSERT_TRUE(ap >= 0 && l[ap].type == PX_ENTITY_OTHER);
    ASSERT_TRUE(with_alias(e, "The good news") < 0);
    ASSERT_TRUE(with_alias(e, "The party") < 0);
    /* a title with a full stop is no part of the name; "People magazine" */
    ptrdiff_t sp = with_alias(e, "Sarah Palin");
    ASSERT_TRUE(sp >= 0 && l[sp].type == PX_ENTITY_PERSON);
    ptrdiff_t pm = with_alias(e, "People");
    ASSERT_TRUE(pm >= 0 && l[pm].type == PX_ENTITY_ORG);
    /* spelling variants of one name */
    ASSERT_TRUE(with_alias(e, "Promises Treatment Center") >= 0);
    ASSERT_EQ(with_alias(e, "Promises Treatment Centre"), with_alias(e, "Promises Treatment Center"));
    px_entities_free(e);
    for (size_t i = 0; i < 2; i++)
        px_doc_free(docs[i]);
}

static void test_title_conflict(void)
{
    static const char *const texts[] = {
        "Former mayor Tadeusz Król said the town would hold a mass. Król thanked the rescuers warmly.",
        "Mayor Tadeusz Król spent three nights at the pithead with the families of the miners.",
    };
    px_doc *docs[2];
    px_entities *e;
    px_compare *c = compare_of(texts, 2, docs, &e);
    size_t n;
    const px_conflict *cf = px_compare_conflicts(c, &n);
    ASSERT_EQ(n, 1);
    ASSERT_STR_EQ(cf[0].kind, "title");
    ASSERT_EQ(cf[0].n_sides, 2);
    ASSERT_EQ(cf[0].sides[0].cites[0].doc, 1);
    ASSERT_EQ(cf[0].sides[1].cites[0].doc, 0);
    release_story(c, e, docs, 2);
}

/* A sentence that carries a shared fact and much more: corroborated with
 * the other outlet, and single-source with the words only it has. */
static void test_fact_says_more(void)
{
    static const char *const texts[] = {
        "A tremor brought down the roadway of the Jadwiga colliery on Sunday night. "
        "The tremor measured 3.1 on the local scale, the regional mining inspectorate said in Katowice.",
        "A tremor brought down the roadway of the Jadwiga colliery late on Sunday night. "
        "Relatives waited at the pithead for news of the men.",
    };
    px_doc *docs[2];
    px_entities *e;
    px_compare *c = compare_of(texts, 2, docs, &e);
    size_t n;
    const px_fact *f = px_compare_facts(c, &n);
    size_t shared = 0, more = 0;
    for (size_t i = 0; i < n; i++) {
        if (f[i].corroborated) {
            shared++;
            ASSERT_EQ(f[i].n_docs, 2);
            ASSERT_TRUE(f[i].only_here == NULL);
        } else if (f[i].only_here) {
            more++;
        }
    }
    ASSERT_EQ(shared, 1);
    ASSERT_EQ(more, 0); /* "late" alone is not half of the sentence */
    /* the second sentence is single source, as a whole */
    bool tremor = false;
    for (size_t i = 0; i < n; i++)
        if (!f[i].corroborated && strstr(f[i].text, "3.1") && !f[i].only_here)
            tremor = true;
    ASSERT_TRUE(tremor);
    release_story(c, e, docs, 2);
}

/* The same, when one outlet's version of the shared fact adds a number
 * and a source: the added words are listed. */
static void test_fact_only_here(void)
{
    static const char *const texts[] = {
        "A tremor brought down the roadway of the Jadwiga colliery on Sunday night, trapping 14 miners "
        "850 metres underground, the regional mining inspectorate said after measuring it at 3.1.",
        "A tremor brought down the roadway of the Jadwiga colliery on Sunday night, trapping 14 miners.",
    };
    px_doc *docs[2];
    px_entities *e;
    px_compare *c = compare_of(texts, 2, docs, &e);
    size_t n;
    const px_fact *f = px_compare_facts(c, &n);
    const char *only = NULL;
    bool shared = false;
    for (size_t i = 0; i < n; i++) {
        shared |= f[i].corroborated && f[i].n_docs == 2;
        if (!f[i].corroborated && f[i].only_here)
            only = f[i].only_here;
    }
    ASSERT_TRUE(shared);
    ASSERT_TRUE(only != NULL);
    ASSERT_TRUE(strstr(only, "850 metres") != NULL);
    ASSERT_TRUE(strstr(only, "3.1") != NULL);
    ASSERT_TRUE(strstr(only, "tremor") == NULL);
    release_story(c, e, docs, 2);
}

/* The timeline cites the sentence that puts something on the date, not
 * one that runs from it. */
static void test_timeline_sentence(void)
{
    px_doc *docs[1];
    px_doc_meta meta = {"t1", NULL, NULL, NULL, NULL, "2026-03-12", NULL, NULL, NULL};
    const char *text = "Relatives have kept vigil at the pithead since Monday, waiting for news of the men.\n\n"
                       "On Monday, the union leader wrote that the longwall should have been stopped.";
    ASSERT_EQ(px_doc_new(&docs[0], text, strlen(text), &meta, 0, NULL, NULL), 0);
    px_story *st = NULL;
    ASSERT_EQ(px_story_new(&st, docs, 1), 0);
    size_t n;
    const px_event *ev = px_story_timeline(st, &n);
    ASSERT_EQ(n, 1);
    ASSERT_STR_EQ(ev[0].value, "2026-03-09");
    ASSERT_EQ(ev[0].n_cites, 2);
    ASSERT_TRUE(strncmp(ev[0].text, "On Monday", 9) == 0);
    px_story_free(st);
    px_doc_free(docs[0]);
}

/* An article without a headline is listed by its opening words, cut at a
 * space, not by its id alone. */
static void test_heading_without_headline(void)
{
    px_doc *docs[1];
    px_doc_meta meta = {"h1", NULL, NULL, NULL, NULL, "2026-03-12", NULL, NULL, NULL};
    const char *text = "Rescuers reached the last of the trapped miners early on Tuesday after a shift of more "
                       "than thirty hours underground, the company said.\n\nThe mine will stay closed.";
    ASSERT_EQ(px_doc_new(&docs[0], text, strlen(text), &meta, 0, NULL, NULL), 0);
    px_story *st = NULL;
    ASSERT_EQ(px_story_new(&st, docs, 1), 0);
    FILE *f = tmpfile();
    ASSERT_TRUE(f != NULL);
    ASSERT_EQ(px_report_write(st, PX_REPORT_MD, f), 0);
    long size = ftell(f);
    char *md = calloc(1, (size_t)size + 1);
    rewind(f);
    ASSERT_EQ(fread(md, 1, (size_t)size, f), (size_t)size);
    ASSERT_TRUE(strstr(md, "| Rescuers reached the last of the trapped miners early on Tuesday after a shift of "
                           "more than thirty\u2026 |") != NULL);
    free(md);
    fclose(f);
    px_story_free(st);
    px_doc_free(docs[0]);
}

/* A person's aliases hold the name as styled without the role and the
 * surname as each mention spells it. */
static void test_styled_and_surname_aliases(void)
{
    static const char *const texts[] = {
        "UK Prime Minister Sir Keir Starmer met Turkish President Recep Tayyip Erdo\u011fan in Ankara.",
        "Later, President Erdogan said Starmer was welcome.",
    };
    px_doc *docs[2];
    px_entities *e = entities_of(texts, 2, docs);
    ptrdiff_t k = with_alias(e, "Keir Starmer");
    ASSERT_TRUE(k >= 0);
    ASSERT_EQ(with_alias(e, "Sir Keir Starmer"), k);
    ptrdiff_t r = with_alias(e, "Recep Tayyip Erdo\u011fan");
    ASSERT_TRUE(r >= 0 && r != k);
    ASSERT_EQ(with_alias(e, "Erdo\u011fan"), r);
    ASSERT_EQ(with_alias(e, "Erdogan"), r);
    px_entities_free(e);
    for (size_t i = 0; i < 2; i++)
        px_doc_free(docs[i]);
}


/* The report of docs in one format, as a string (caller frees). */
static char *report_of(px_story *st, px_report_format fmt)
{
    FILE *f = tmpfile();
    if (!f || px_report_write(st, fmt, f))
        abort();
    long size = ftell(f);
    char *out = calloc(1, (size_t)size + 1);
    rewind(f);
    if (!out || fread(out, 1, (size_t)size, f) != (size_t)size)
        abort();
    fclose(f);
    return out;
}

static px_doc *doc_with(const char *id, const char *file, const char *source, const char *url,
                        const char *date, const char *text, int structure)
{
    px_doc_meta meta = {.id = id, .file = file, .source = source, .url = url, .date = date};
    px_doc *d = NULL;
    if (px_doc_new(&d, text, strlen(text), &meta, structure, NULL, NULL))
        abort();
    return d;
}

/* Outlets are named by the source, else the web site, else the
 * signature line, else a short file name; never by a long hex id. */
static void test_outlet_names(void)
{
    static const char body[] = "Rescuers reached the trapped miners on Tuesday, the company said in a statement.";
    char signed_text[256];
    snprintf(signed_text, sizeof signed_text, "Miners rescued\n\n%s\n\nThe mine stays shut for now, officials said.\n\nDaily Courier\n", body);
    px_doc *docs[5];
    docs[0] = doc_with("a", "in/a.txt", "Reuters", "https://www.example.com/x", "2026-03-10", body, 0);
    docs[1] = doc_with("b", "in/b.txt", NULL, "https://www.BBC.co.uk/news/1", "2026-03-10", body, 0);
    docs[2] = doc_with("c", "in/c.txt", NULL, NULL, "2026-03-10", signed_text, 1);
    docs[3] = doc_with("4f2a9c1b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a", "in/story.jsonl", NULL, NULL,
                       "2026-03-10", body, 0);
    docs[4] = doc_with("000_050518c5317ff78a", "in/000_050518c5317ff78a.txt", NULL, NULL, "2026-03-10", body, 0);
    px_story *st = NULL;
    ASSERT_EQ(px_story_new(&st, docs, 5), 0);
    ASSERT_STR_EQ(px_story_outlet(st, 0), "Reuters");
    ASSERT_STR_EQ(px_story_outlet(st, 1), "bbc.co.uk");
    ASSERT_STR_EQ(px_story_outlet(st, 2), "Daily Courier");
    ASSERT_STR_EQ(px_story_outlet(st, 3), "story");
    ASSERT_STR_EQ(px_story_outlet(st, 4), "000_050518\u2026");
    char *json = report_of(st, PX_REPORT_JSON);
    ASSERT_TRUE(strstr(json, "\"outlet\":\"4f2a9c1b") == NULL);
    free(json);
    px_story_free(st);
    for (size_t i = 0; i < 5; i++)
        px_doc_free(docs[i]);
}

/* The timeline is in date order by the start of each value: a year
 * before a month of it, a week at its Monday, "last week" before "next
 * month"; durations and "now" are left out. */
static void test_timeline_order(void)
{
    const char *text = "The talks began in 2019 and resumed in March 2022. Prices rose last week and will "
                       "fall next month, after a meeting on Friday. The strike lasted 30 days and is now over.";
    px_doc *docs[1] = {doc_with("t", NULL, NULL, NULL, "2026-03-12", text, 0)};
    px_story *st = NULL;
    ASSERT_EQ(px_story_new(&st, docs, 1), 0);
    size_t n;
    const px_event *ev = px_story_timeline(st, &n);
    static const char *const want[] = {"2019", "2022-03", "2026-W10", "2026-03-13", "2026-04"};
    ASSERT_EQ(n, 5);
    for (size_t i = 0; i < n; i++)
        ASSERT_STR_EQ(ev[i].value, want[i]);
    char *md = report_of(st, PX_REPORT_MD);
    ASSERT_TRUE(strstr(md, "P30D") == NULL && strstr(md, "PRESENT_REF") == NULL);
    free(md);
    px_story_free(st);
    px_doc_free(docs[0]);
}

/* What one outlet alone reports comes heaviest first: a number and a
 * named person before a place alone; the tail past the first ten is
 * folded in the HTML. */
static void test_single_source_ranking(void)
{
    char a[4096] = "", b[4096] = "";
    strcat(a, "Mine collapse traps workers\n\nA mine collapsed in Rudna on Monday, trapping workers, the "
              "company said.\n\n");
    strcat(b, "Workers trapped in mine\n\nA mine collapsed in Rudna on Monday, trapping workers, the "
              "company said.\n\n");
    strcat(a, "The town of Rudna lies in a quiet green valley.\n\n");
    strcat(a, "Rescue chief Jan Kowalski said 17 miners were still missing.\n\n");
    for (int i = 0; i < 12; i++) {
        char line[160];
        snprintf(line, sizeof line, "In Rudna the mood stayed calm through the %s hours, the mayor said.\n\n",
                 (const char *[]){"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                  "ninth", "tenth", "eleventh", "twelfth"}[i]);
        strcat(b, line);
    }
    px_doc *docs[2] = {doc_with("a", NULL, "Gazette", NULL, "2026-03-10", a, 1),
                       doc_with("b", NULL, "Herald", NULL, "2026-03-10", b, 1)};
    px_story *st = NULL;
    ASSERT_EQ(px_story_new(&st, docs, 2), 0);
    char *json = report_of(st, PX_REPORT_JSON);
    const char *one = strstr(json, "\"one_outlet\":[");
    ASSERT_TRUE(one != NULL);
    const char *first = strstr(one, "\"text\":\"");
    ASSERT_TRUE(first && !strncmp(first + 8, "Rescue chief Jan Kowalski said 17 miners", 40));
    const char *reasons = strstr(one, "\"reasons\":[");
    ASSERT_TRUE(reasons && strstr(reasons, "a number") && strstr(reasons, "a named person") &&
                strstr(reasons, "a number") < strstr(reasons, "]"));
    /* a place alone weighs less */
    ASSERT_TRUE(strstr(one, "The town of Rudna lies") > first);
    free(json);
    char *html = report_of(st, PX_REPORT_HTML);
    ASSERT_TRUE(strstr(html, "<details><summary>and 4 more</summary>") != NULL);
    free(html);
    px_story_free(st);
    for (size_t i = 0; i < 2; i++)
        px_doc_free(docs[i]);
}

/* The sections come in the same order in md, html and json. */
static void test_same_sections(void)
{
    static const char *const names[] = {"documents", "brief", "conflicts", "quotes", "one_outlet",
                                        "facts", "entities", "timeline", "coverage"};
    static const char *const titles[] = {"Articles", "Brief", "Conflicts", "Quotations", "Reported by one outlet only",
                                         "Facts several outlets carry", "People, places and organisations",
                                         "Timeline", "Coverage"};
    const char *text = "Talks collapse\n\nThe talks in Geneva collapsed on Friday, officials said.\n\n"
                       "The envoy will return next week.";
    px_doc *docs[1] = {doc_with("s", NULL, "Wire", NULL, "2026-03-12", text, 1)};
    px_story *st = NULL;
    ASSERT_EQ(px_story_new(&st, docs, 1), 0);
    char *md = report_of(st, PX_REPORT_MD), *html = report_of(st, PX_REPORT_HTML),
         *json = report_of(st, PX_REPORT_JSON);
    const char *pm = md, *ph = html, *pj = json;
    for (size_t i = 0; i < PX_ARRAY_LEN_T(names); i++) {
        char want[96];
        snprintf(want, sizeof want, "## %s\n", titles[i]);
        ASSERT_TRUE((pm = strstr(pm, want)) != NULL);
        snprintf(want, sizeof want, "<section id=\"%s\"><h2>%s</h2>", names[i], titles[i]);
        ASSERT_TRUE((ph = strstr(ph, want)) != NULL);
        snprintf(want, sizeof want, "\"%s\":", names[i]);
        ASSERT_TRUE((pj = strstr(pj, want)) != NULL);
    }
    free(md);
    free(html);
    free(json);
    px_story_free(st);
    px_doc_free(docs[0]);
}

/* The entity stage's word lists are sorted, as its binary search needs. */
bool px__entity_lists_sorted(void);
static void test_entity_lists_sorted(void)
{
    ASSERT_TRUE(px__entity_lists_sorted());
}

int main(void)
{
    RUN_TEST(test_typography_is_no_change);
    RUN_TEST(test_case_and_spelling);
    RUN_TEST(test_substituted_truncated_reordered);
    RUN_TEST(test_different_speakers_apart);
    RUN_TEST(test_entity_variants);
    RUN_TEST(test_unnamed_organisation);
    RUN_TEST(test_first_names_and_titles);
    RUN_TEST(test_title_conflict);
    RUN_TEST(test_fact_says_more);
    RUN_TEST(test_fact_only_here);
    RUN_TEST(test_timeline_sentence);
    RUN_TEST(test_heading_without_headline);
    RUN_TEST(test_styled_and_surname_aliases);
    RUN_TEST(test_outlet_names);
    RUN_TEST(test_timeline_order);
    RUN_TEST(test_single_source_ranking);
    RUN_TEST(test_same_sections);
    RUN_TEST(test_entity_lists_sorted);
    return px_test_summary();
}
