/*
 * story.c - one story analysed by every stage: entities, quotations
 * (grouped and diffed across outlets), facts and conflicts, the timeline
 * of dated events and the sourced brief. A stage that is missing from
 * this build leaves its section out, and the report says so.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* ---- quotations: found per document, compared across outlets ---- */

static int story_quotes(px_story *s)
{
    PX_VEC(px_quote_input) in = {0};
    int rc = 0;
    for (size_t d = 0; d < s->n_docs && !rc; d++) {
        const px_quote *q;
        size_t n;
        if ((rc = px_quotes_find(s->docs[d], &q, &n)))
            break;
        for (size_t k = 0; k < n; k++) {
            /* reported speech is not a quotation: there are no words of
             * the speaker to compare */
            if (q[k].kind == PX_QUOTE_INDIRECT)
                continue;
            px_quote_input qi;
            memset(&qi, 0, sizeof qi);
            qi.doc = d;
            qi.start = q[k].start;
            qi.end = q[k].end;
            qi.sentence = q[k].sentence;
            size_t np = q[k].n_parts;
            if (np) {
                size_t *ps = px_arena_alloc(&s->arena, np * sizeof(size_t));
                size_t *pe = px_arena_alloc(&s->arena, np * sizeof(size_t));
                if (!ps || !pe) {
                    rc = PX_ENOMEM;
                    break;
                }
                for (size_t p = 0; p < np; p++) {
                    ps[p] = q[k].parts[p].start;
                    pe[p] = q[k].parts[p].end;
                }
                qi.part_start = ps;
                qi.part_end = pe;
                qi.n_parts = np;
            }
            qi.speaker_name = q[k].speaker;
            qi.speaker = -1;
            if (q[k].speaker_end > q[k].speaker_start)
                qi.speaker = px_entities_at(s->ents, d, q[k].speaker_start, q[k].speaker_end);
            if (qi.speaker < 0 && q[k].speaker)
                qi.speaker = px_entities_lookup(s->ents, d, q[k].speaker);
            if (!PX_VEC_PUSH(in, qi)) {
                rc = PX_ENOMEM;
                break;
            }
        }
    }
    if (rc) {
        PX_VEC_FREE(in);
        return rc;
    }
    s->quotes = in.v;
    s->n_quote_inputs = in.n;
    return 0;
}

/* ---- timeline: the dated events, relative dates resolved ---- */

typedef struct dated {
    const char *value;
    px_cite cite;
} dated;

static int cmp_dated(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    int c = strcmp(x->value, y->value);
    if (c)
        return c;
    if (x->cite.doc != y->cite.doc)
        return x->cite.doc < y->cite.doc ? -1 : 1;
    return x->cite.start < y->cite.start ? -1 : x->cite.start > y->cite.start;
}

/* A value that names a day, a week, a month or a year ("2025-05-15",
 * "2025-W20", "2022-03", "2022"), not "XXXX-WXX-4" or "PAST_REF". */
static bool resolved_value(const char *v)
{
    if (!v || strlen(v) < 4)
        return false;
    for (int i = 0; i < 4; i++)
        if (v[i] < '0' || v[i] > '9')
            return false;
    return !strchr(v, 'X');
}

static int story_timeline(px_story *s)
{
    int rc = px_dates_anchor_story(s->docs, s->n_docs);
    if (rc)
        return rc;
    PX_VEC(dated) all = {0};
    for (size_t d = 0; d < s->n_docs && !rc; d++) {
        px_doc *doc = s->docs[d];
        const px_timex *tx;
        size_t n;
        if ((rc = px_dates_find(doc, NULL, &tx, &n)))
            break;
        const char *origin = NULL;
        const char *ref = px_dates_reference(doc, &origin);
        if (ref) {
            s->ref_date[d] = px_arena_strdup(&s->arena, ref);
            s->ref_origin[d] = origin;
        }
        size_t nb, ns;
        const px_block *bl = px_doc_blocks(doc, &nb);
        const px_sentence *se = px_doc_sentences(doc, &ns);
        for (size_t k = 0; k < n; k++) {
            if ((tx[k].type != PX_TIMEX_DATE && tx[k].type != PX_TIMEX_TIME) ||
                !resolved_value(tx[k].value) || tx[k].sentence >= ns)
                continue;
            px_block_kind kind = bl[se[tx[k].sentence].block].kind;
            if (kind != PX_BLOCK_BODY && kind != PX_BLOCK_STANDFIRST && kind != PX_BLOCK_HEADLINE &&
                kind != PX_BLOCK_EMBED)
                continue;
            /* a time of day dates its day */
            char day[11];
            const char *v = tx[k].value;
            if (strlen(v) > 10 && v[10] == 'T') {
                memcpy(day, v, 10);
                day[10] = 0;
                v = px_arena_strdup(&s->arena, day);
                if (!v) {
                    rc = PX_ENOMEM;
                    break;
                }
            }
            dated x = {v, {d, tx[k].sentence, tx[k].start, tx[k].end}};
            if (!PX_VEC_PUSH(all, x)) {
                rc = PX_ENOMEM;
                break;
            }
        }
    }
    if (!rc && all.n) {
        qsort(all.v, all.n, sizeof(dated), cmp_dated);
        size_t n_events = 0;
        for (size_t k = 0; k < all.n; k++)
            n_events += !k || strcmp(all.v[k].value, all.v[k - 1].value);
        s->timeline = px_arena_calloc(&s->arena, n_events, sizeof(px_event));
        px_cite *cites = px_arena_alloc(&s->arena, all.n * sizeof(px_cite));
        if (!s->timeline || !cites) {
            rc = PX_ENOMEM;
        } else {
            size_t e = 0;
            for (size_t k = 0; k < all.n;) {
                size_t j = k;
                while (j < all.n && !strcmp(all.v[j].value, all.v[k].value)) {
                    cites[j] = all.v[j].cite;
                    j++;
                }
                px_event *ev = &s->timeline[e++];
                ev->value = all.v[k].value;
                ev->cites = cites + k;
                ev->n_cites = j - k;
                /* the sentence that dates it: a body sentence if any */
                size_t pick = k;
                for (size_t x = k; x < j; x++) {
                    const px_doc *dx = s->docs[cites[x].doc];
                    size_t nbx, nsx;
                    const px_block *bx = px_doc_blocks(dx, &nbx);
                    const px_sentence *sx = px_doc_sentences(dx, &nsx);
                    if (bx[sx[cites[x].sentence].block].kind == PX_BLOCK_BODY) {
                        pick = x;
                        break;
                    }
                }
                const px_doc *d0 = s->docs[cites[pick].doc];
                size_t ns;
                const px_sentence *se = px_doc_sentences(d0, &ns);
                px_str t = px_doc_text(d0);
                ev->text = px_arena_strndup(&s->arena, t.ptr + se[cites[pick].sentence].start,
                                            se[cites[pick].sentence].end - se[cites[pick].sentence].start);
                ev->expression = px_arena_strndup(&s->arena, t.ptr + cites[pick].start,
                                                  cites[pick].end - cites[pick].start);
                if (!ev->text || !ev->expression) {
                    rc = PX_ENOMEM;
                    break;
                }
                k = j;
            }
            s->n_timeline = e;
        }
    }
    PX_VEC_FREE(all);
    return rc;
}

/* ---- brief: the story in a few sentences, each with its sources ---- */

static int story_brief(px_story *s)
{
    px_brief *b = NULL;
    /* five to ten sentences: more outlets, more to tell */
    px_brief_options opt = {0, s->n_docs >= 8 ? 8 : s->n_docs >= 4 ? 6 : 5};
    int rc = px_brief_new(&b, s->docs, s->n_docs, &opt);
    if (rc)
        return rc;
    size_t n;
    const px_brief_sentence *bs = px_brief_sentences(b, &n);
    s->brief = px_arena_calloc(&s->arena, n ? n : 1, sizeof(px__brief_line));
    if (!s->brief)
        rc = PX_ENOMEM;
    for (size_t i = 0; i < n && !rc; i++) {
        px__brief_line *l = &s->brief[i];
        l->text = px_arena_strdup(&s->arena, bs[i].text);
        l->doc = bs[i].doc;
        l->start = bs[i].start;
        l->end = bs[i].end;
        size_t *docs = px_arena_alloc(&s->arena, (bs[i].n_sources ? bs[i].n_sources : 1) * sizeof(size_t));
        if (!l->text || !docs) {
            rc = PX_ENOMEM;
            break;
        }
        memcpy(docs, bs[i].sources, bs[i].n_sources * sizeof(size_t));
        l->docs = docs;
        l->n_docs = bs[i].n_sources;
    }
    if (!rc)
        s->n_brief = n;
    px_brief_free(b);
    return rc;
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
