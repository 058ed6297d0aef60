/*
 * story.c - one story analysed by every stage: entities, quotations
 * (grouped and diffed across outlets), facts and conflicts, the timeline
 * of dated events and the sourced brief. A stage that is missing from
 * this build leaves its section out, and the report says so.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* ---- quotations: not in this build yet ---- */

static int story_quotes(px_story *s)
{
    s->no_quotes = "the quotation extractor is not part of this build";
    return 0;
}

/* ---- timeline: not in this build yet ---- */

static int story_timeline(px_story *s)
{
    s->no_timeline = "the date tagger is not part of this build";
    return 0;
}

/* ---- brief: not in this build yet ---- */

static int story_brief(px_story *s)
{
    s->no_brief = "the brief is not part of this build";
    return 0;
}

int px_story_new(px_story **out, px_doc *const *docs, size_t n_docs)
{
    if (!out || (!docs && n_docs))
        return PX_EUSAGE;
    *out = NULL;
    px_story *s = px__calloc(1, sizeof(*s));
    if (!s)
        return PX_ENOMEM;
    px_arena_init(&s->arena, 32 * 1024);
    s->docs = docs;
    s->n_docs = n_docs;
    int rc = 0;
    s->outlet = px_arena_calloc(&s->arena, n_docs ? n_docs : 1, sizeof(char *));
    s->ref_date = px_arena_calloc(&s->arena, n_docs ? n_docs : 1, sizeof(char *));
    s->ref_origin = px_arena_calloc(&s->arena, n_docs ? n_docs : 1, sizeof(char *));
    if (!s->outlet || !s->ref_date || !s->ref_origin) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n_docs; i++) {
        const char *src = px_doc_source(docs[i]);
        s->outlet[i] = src ? src : px_doc_id(docs[i]);
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = !strcmp(s->outlet[i], s->outlet[j]);
        s->n_outlets += !seen;
        s->ref_date[i] = px_doc_date(docs[i]);
        s->ref_origin[i] = s->ref_date[i] ? "document" : NULL;
    }
    if ((rc = px_entities_find(&s->ents, docs, n_docs)))
        goto done;
    if ((rc = story_quotes(s)))
        goto done;
    if ((rc = px_compare_new(&s->cmp, docs, n_docs, s->ents, s->quotes, s->n_quote_inputs)))
        goto done;
    if ((rc = story_timeline(s)))
        goto done;
    rc = story_brief(s);
done:
    if (rc) {
        px_story_free(s);
        return rc;
    }
    *out = s;
    return 0;
}

px_doc *const *px_story_docs(const px_story *s, size_t *n)
{
    if (n)
        *n = s ? s->n_docs : 0;
    return s ? s->docs : NULL;
}

const px_entities *px_story_entities(const px_story *s)
{
    return s ? s->ents : NULL;
}

const px_compare *px_story_compare(const px_story *s)
{
    return s ? s->cmp : NULL;
}

const px_event *px_story_timeline(const px_story *s, size_t *n)
{
    if (n)
        *n = s ? s->n_timeline : 0;
    return s ? s->timeline : NULL;
}

const char *px_story_outlet(const px_story *s, size_t doc)
{
    return s && doc < s->n_docs ? s->outlet[doc] : NULL;
}

void px_story_free(px_story *s)
{
    if (!s)
        return;
    px_compare_free(s->cmp);
    px_entities_free(s->ents);
    free(s->quotes);
    px_arena_release(&s->arena);
    free(s);
}

/* ---- shared by the writers ---- */

const char *px__story_title(const px_story *s)
{
    for (size_t i = 0; i < s->n_docs; i++)
        if (px_doc_headline(s->docs[i]))
            return px_doc_headline(s->docs[i]);
    return s->n_docs ? px_doc_id(s->docs[0]) : "empty story";
}

size_t px__story_char(const px_story *s, size_t doc, size_t byte)
{
    return px_doc_char_offset(s->docs[doc], byte);
}

size_t px__coverage_facts(const px_story *s, size_t max)
{
    size_t n, k = 0;
    const px_fact *f = px_compare_facts(s->cmp, &n);
    while (k < n && k < max && f[k].corroborated)
        k++;
    return k;
}

size_t px__coverage_quotes(const px_story *s, size_t max)
{
    size_t n, k = 0;
    const px_quote_group *q = px_compare_quotes(s->cmp, &n);
    while (k < n && k < max && !q[k].single_source)
        k++;
    return k;
}

bool px__fact_in_doc(const px_fact *f, size_t doc)
{
    for (size_t i = 0; i < f->n_cites; i++)
        if (f->cites[i].doc == doc)
            return true;
    return false;
}

bool px__quote_in_doc(const px_quote_group *q, size_t doc)
{
    for (size_t i = 0; i < q->n_occurrences; i++)
        if (q->occurrences[i].doc == doc)
            return true;
    return false;
}

int px_report_write(const px_story *s, px_report_format format, FILE *out)
{
    if (!s || !out)
        return PX_EUSAGE;
    px_buf b = PX_BUF_INIT;
    int rc;
    switch (format) {
    case PX_REPORT_HTML:
        rc = px__report_html(s, &b);
        break;
    case PX_REPORT_JSON:
        rc = px__report_json(s, &b);
        break;
    default:
        rc = px__report_md(s, &b);
        break;
    }
    if (!rc && b.oom)
        rc = PX_ENOMEM;
    if (!rc && fwrite(b.ptr, 1, b.len, out) != b.len)
        rc = PX_EIO;
    px_buf_release(&b);
    return rc;
}
