/*
 * render_json.c - the report as one JSON object (schema in
 * docs/schema/report.schema.json, "parallax report --format json"), its
 * keys the sections of PX__REPORT_SECTIONS in their order: documents,
 * brief, conflicts, quotes (those worded differently first), one_outlet
 * (the claims one outlet alone reports, heaviest first, each pointing
 * into quotes or facts), facts, entities, timeline (in date order, with
 * the days each value covers), coverage. Offsets are code points into the
 * original input of each document, end exclusive; documents are named by
 * their id.
 */
#include <stdlib.h>
#include <string.h>

#include "../date/date.h"
#include "report.h"

static void doc_ref(px_json *j, const px_story *s, size_t doc)
{
    px_json_str(j, px_doc_id(s->docs[doc]));
}

static void span(px_json *j, const px_story *s, size_t doc, size_t start, size_t end)
{
    px_json_key(j, "doc");
    doc_ref(j, s, doc);
    px_json_key(j, "start");
    px_json_uint(j, px__story_char(s, doc, start));
    px_json_key(j, "end");
    px_json_uint(j, px__story_char(s, doc, end));
}

static void cite(px_json *j, const px_story *s, const px_cite *c)
{
    const px_doc *d = s->docs[c->doc];
    size_t ns;
    const px_sentence *se = px_doc_sentences(d, &ns);
    px_str t = px_doc_text(d);
    px_json_object_begin(j);
    px_json_key(j, "doc");
    doc_ref(j, s, c->doc);
    px_json_key(j, "sentence");
    px_json_uint(j, c->sentence);
    px_json_key(j, "start");
    px_json_uint(j, px__story_char(s, c->doc, se[c->sentence].start));
    px_json_key(j, "end");
    px_json_uint(j, px__story_char(s, c->doc, se[c->sentence].end));
    px_json_key(j, "text");
    px_json_strn(j, t.ptr + se[c->sentence].start, se[c->sentence].end - se[c->sentence].start);
    if (c->start != se[c->sentence].start || c->end != se[c->sentence].end) {
        px_json_key(j, "cited");
        px_json_object_begin(j);
        px_json_key(j, "start");
        px_json_uint(j, px__story_char(s, c->doc, c->start));
        px_json_key(j, "end");
        px_json_uint(j, px__story_char(s, c->doc, c->end));
        px_json_key(j, "text");
        px_json_strn(j, t.ptr + c->start, c->end - c->start);
        px_json_object_end(j);
    }
    px_json_object_end(j);
}

/* The documents of a list of citations, each once, in order. */
static void cite_docs(px_json *j, const px_story *s, const px_cite *c, size_t n)
{
    size_t *docs;
    size_t m = px__cite_docs(s, c, n, false, &docs);
    px_json_array_begin(j);
    if (m == (size_t)-1) {
        j->out->oom = true;
    } else {
        for (size_t i = 0; i < m; i++)
            doc_ref(j, s, docs[i]);
        free(docs);
    }
    px_json_array_end(j);
}

static void missing(px_json *j, const char *key, const char *why)
{
    px_json_key(j, key);
    if (why)
        px_json_str(j, why);
    else
        px_json_null(j);
}

static void json_documents(const px_story *s, px_json *j)
{
    px_json_array_begin(j);
    for (size_t i = 0; i < s->n_docs; i++) {
        const px_doc *d = s->docs[i];
        px_json_object_begin(j);
        px_json_key(j, "doc");
        px_json_str(j, px_doc_id(d));
        px_json_key(j, "outlet");
        px_json_str(j, s->outlet[i]);
        px_json_key(j, "file");
        px_json_str(j, px_doc_file(d));
        px_json_key(j, "source");
        px_json_str(j, px_doc_source(d));
        px_json_key(j, "date");
        px_json_str(j, px_doc_date(d));
        px_json_key(j, "reference_date");
        px_json_str(j, s->ref_date[i]);
        px_json_key(j, "reference_date_origin");
        px_json_str(j, s->ref_origin[i]);
        px_json_key(j, "headline");
        px_json_str(j, px_doc_headline(d));
        px_json_key(j, "duplicate_of");
        if (s->dup_of[i] >= 0)
            doc_ref(j, s, (size_t)s->dup_of[i]);
        else
            px_json_null(j);
        px_json_key(j, "url");
        px_json_str(j, px_doc_url(d));
        px_json_object_end(j);
        px__report_flush(s, j->out);
    }
    px_json_array_end(j);
}

static void json_brief(const px_story *s, px_json *j)
{
    size_t nc;
    const px_conflict *cs = px_compare_conflicts(s->cmp, &nc);
    px_json_array_begin(j);
    for (size_t b = 0; b < s->n_brief; b++) {
        const px__brief_line *bl = &s->brief[b];
        px_json_object_begin(j);
        px_json_key(j, "text");
        px_json_str(j, bl->text);
        span(j, s, bl->doc, bl->start, bl->end);
        px_json_key(j, "documents");
        px_json_array_begin(j);
        for (size_t k = 0; k < bl->n_docs; k++)
            doc_ref(j, s, bl->docs[k]);
        px_json_array_end(j);
        /* the conflict one of whose sides this sentence carries */
        px_json_key(j, "conflict");
        if (s->brief_conflict[b] >= 0) {
            const px_conflict *c = &cs[s->brief_conflict[b]];
            px_json_object_begin(j);
            px_json_key(j, "index");
            px_json_uint(j, (size_t)s->brief_conflict[b]);
            px_json_key(j, "what");
            px_json_str(j, c->what);
            px_json_key(j, "side");
            px_json_uint(j, s->brief_side[b]);
            px_json_key(j, "value");
            px_json_str(j, c->sides[s->brief_side[b]].value);
            px_json_object_end(j);
        } else {
            px_json_null(j);
        }
        px_json_object_end(j);
    }
    px_json_array_end(j);
}

static void json_conflicts(const px_story *s, px_json *j)
{
    size_t nc;
    const px_conflict *cs = px_compare_conflicts(s->cmp, &nc);
    px_json_array_begin(j);
    for (size_t c = 0; c < nc; c++) {
        px_json_object_begin(j);
        px_json_key(j, "what");
        px_json_str(j, cs[c].what);
        px_json_key(j, "kind");
        px_json_str(j, cs[c].kind);
        px_json_key(j, "sides");
        px_json_array_begin(j);
        for (size_t k = 0; k < cs[c].n_sides; k++) {
            const px_conflict_side *sd = &cs[c].sides[k];
            px_json_object_begin(j);
            px_json_key(j, "value");
            px_json_str(j, sd->value);
            px_json_key(j, "documents");
            cite_docs(j, s, sd->cites, sd->n_cites);
            px_json_key(j, "sentences");
            px_json_array_begin(j);
            for (size_t x = 0; x < sd->n_cites; x++)
                cite(j, s, &sd->cites[x]);
            px_json_array_end(j);
            px_json_object_end(j);
        }
        px_json_array_end(j);
        px_json_object_end(j);
        px__report_flush(s, j->out);
    }
    px_json_array_end(j);
}

static void json_occurrence(const px_story *s, px_json *j, const px_quote_occurrence *oc)
{
    static const char *const ops[] = {"same", "del", "ins", "change"};
    px_json_object_begin(j);
    span(j, s, oc->doc, oc->start, oc->end);
    px_json_key(j, "sentence");
    px_json_uint(j, oc->sentence);
    px_json_key(j, "text");
    px_json_str(j, oc->text);
    px_json_key(j, "variants");
    px_json_array_begin(j);
    for (size_t v = 0; v < oc->n_variants; v++) {
        px_json_object_begin(j);
        px_json_key(j, "kind");
        px_json_str(j, px_variant_kind_name(oc->variants[v].kind));
        px_json_key(j, "fullest");
        px_json_str(j, oc->variants[v].fullest);
        px_json_key(j, "here");
        px_json_str(j, oc->variants[v].here);
        px_json_object_end(j);
    }
    px_json_array_end(j);
    px_json_key(j, "diff");
    px_json_array_begin(j);
    for (size_t k = 0; k < oc->n_diff; k++) {
        const px_diff_word *dw = &oc->diff[k];
        px_json_object_begin(j);
        px_json_key(j, "op");
        px_json_str(j, ops[dw->op]);
        if (dw->fullest) {
            px_json_key(j, "fullest");
            px_json_str(j, dw->fullest);
        }
        if (dw->here) {
            px_json_key(j, "here");
            px_json_str(j, dw->here);
        }
        if (dw->op != PX_DIFF_SAME) {
            px_json_key(j, "kind");
            px_json_str(j, px_variant_kind_name(dw->kind));
        }
        if (dw->after) {
            px_json_key(j, "after");
            px_json_str(j, dw->after);
        }
        px_json_object_end(j);
    }
    px_json_array_end(j);
    px_json_object_end(j);
}

/* Every quote group, in report order: worded differently by several
 * outlets, alike, then carried by one outlet (which one_outlet ranks);
 * "index" is the group's position here, which one_outlet points at. */
static void json_quotes(const px_story *s, px_json *j)
{
    size_t nq;
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    px_json_array_begin(j);
    for (size_t r = 0; r < nq; r++) {
        const px_quote_group *g = &qs[s->quote_order[r]];
        px_json_object_begin(j);
        px_json_key(j, "speaker");
        px_json_str(j, g->speaker_name);
        px_json_key(j, "speaker_id");
        px_json_str(j, g->speaker_id);
        px_json_key(j, "text");
        px_json_str(j, g->text);
        px_json_key(j, "fullest");
        px_json_uint(j, g->fullest);
        px_json_key(j, "outlets");
        px_json_uint(j, g->n_docs);
        px_json_key(j, "single_source");
        px_json_bool(j, g->single_source);
        px_json_key(j, "differs");
        px_json_bool(j, r < s->n_quotes_differ);
        px_json_key(j, "single_source_sentences");
        px_json_array_begin(j);
        for (size_t k = 0; k < g->n_single_sentences; k++)
            px_json_str(j, g->single_sentences[k]);
        px_json_array_end(j);
        px_json_key(j, "occurrences");
        px_json_array_begin(j);
        for (size_t o = 0; o < g->n_occurrences; o++) {
            json_occurrence(s, j, &g->occurrences[o]);
            px__report_flush(s, j->out);
        }
        px_json_array_end(j);
        px_json_object_end(j);
    }
    px_json_array_end(j);
}

static void json_one_outlet(const px_story *s, px_json *j)
{
    size_t nf, nq;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    /* a quote's place in the quotes array */
    size_t *rank = px__malloc((nq ? nq : 1) * sizeof(size_t));
    if (!rank) {
        j->out->oom = true;
        return;
    }
    for (size_t r = 0; r < nq; r++)
        rank[s->quote_order[r]] = r;
    px_json_array_begin(j);
    for (size_t k = 0; k < s->n_claims; k++) {
        const px__claim *c = &s->claims[k];
        px_json_object_begin(j);
        px_json_key(j, "kind");
        px_json_str(j, c->is_quote ? "quote" : "fact");
        px_json_key(j, "index");
        px_json_uint(j, c->is_quote ? rank[c->index] : c->index);
        px_json_key(j, "text");
        px_json_str(j, c->is_quote ? qs[c->index].text : fs[c->index].text);
        if (c->is_quote) {
            px_json_key(j, "speaker");
            px_json_str(j, qs[c->index].speaker_name);
        }
        px_json_key(j, "doc");
        doc_ref(j, s, c->doc);
        px_json_key(j, "outlet");
        px_json_str(j, s->outlet[c->doc]);
        px_json_key(j, "weight");
        px_json_int(j, c->weight);
        px_json_key(j, "reasons");
        px_json_array_begin(j);
        for (unsigned bit = 0; bit < PX__CLAIM_N_REASONS; bit++)
            if (c->reasons & (1u << bit))
                px_json_str(j, px__claim_reason(bit));
        px_json_array_end(j);
        px_json_key(j, "folded");
        px_json_bool(j, k >= PX__CLAIMS_SHOWN);
        px_json_object_end(j);
        px__report_flush(s, j->out);
    }
    px_json_array_end(j);
    free(rank);
}

static void json_facts(const px_story *s, px_json *j)
{
    size_t nf;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    px_json_array_begin(j);
    for (size_t f = 0; f < nf; f++) {
        px_json_object_begin(j);
        px_json_key(j, "text");
        px_json_str(j, fs[f].text);
        px_json_key(j, "status");
        px_json_str(j, fs[f].corroborated ? "corroborated" : "single_source");
        px_json_key(j, "outlets");
        px_json_uint(j, fs[f].n_docs);
        if (fs[f].only_here) {
            px_json_key(j, "only_here");
            px_json_str(j, fs[f].only_here);
        }
        px_json_key(j, "documents");
        cite_docs(j, s, fs[f].cites, fs[f].n_cites);
        px_json_key(j, "sentences");
        px_json_array_begin(j);
        for (size_t c = 0; c < fs[f].n_cites; c++)
            cite(j, s, &fs[f].cites[c]);
        px_json_array_end(j);
        px_json_object_end(j);
        px__report_flush(s, j->out);
    }
    px_json_array_end(j);
}

static void json_entities(const px_story *s, px_json *j)
{
    size_t ne;
    const px_entity *ents = px_entities_list(s->ents, &ne);
    px_json_array_begin(j);
    for (size_t e = 0; e < ne; e++) {
        const px_entity *en = &ents[e];
        px_json_object_begin(j);
        px_json_key(j, "name");
        px_json_str(j, en->name);
        px_json_key(j, "id");
        px_json_str(j, px_story_entity_id(s, e));
        px_json_key(j, "type");
        px_json_str(j, px_entity_type_name(en->type));
        px_json_key(j, "place");
        px_json_str(j, en->place);
        px_json_key(j, "aliases");
        px_json_array_begin(j);
        for (size_t a = 0; a < en->n_aliases; a++)
            px_json_str(j, en->aliases[a]);
        px_json_array_end(j);
        px_json_key(j, "mentions");
        px_json_array_begin(j);
        for (size_t m = 0; m < en->n_mentions;) {
            size_t doc = en->mentions[m].doc, e2 = m;
            while (e2 < en->n_mentions && en->mentions[e2].doc == doc)
                e2++;
            px_json_object_begin(j);
            px_json_key(j, "doc");
            doc_ref(j, s, doc);
            px_json_key(j, "count");
            px_json_uint(j, e2 - m);
            px_json_key(j, "occurrences");
            px_json_array_begin(j);
            for (size_t k = m; k < e2; k++) {
                const px_mention *x = &en->mentions[k];
                px_json_object_begin(j);
                px_json_key(j, "start");
                px_json_uint(j, px__story_char(s, doc, x->start));
                px_json_key(j, "end");
                px_json_uint(j, px__story_char(s, doc, x->end));
                px_json_key(j, "text");
                px_json_str(j, x->text);
                if (x->title) {
                    px_json_key(j, "title");
                    px_json_str(j, x->title);
                }
                if (x->metonymy) {
                    px_json_key(j, "metonymy");
                    px_json_bool(j, true);
                }
                px_json_object_end(j);
            }
            px_json_array_end(j);
            px_json_object_end(j);
            m = e2;
            px__report_flush(s, j->out);
        }
        px_json_array_end(j);
        px_json_object_end(j);
    }
    px_json_array_end(j);
}

/* "YYYY-MM-DD" of a day number. */
static void json_day(px_json *j, long days)
{
    char v[16];
    px_ymd d = px__civil_from_days(days);
    snprintf(v, sizeof v, "%04d-%02d-%02d", d.y % 10000, d.m, d.d);
    px_json_str(j, v);
}

static void json_timeline(const px_story *s, px_json *j)
{
    px_json_array_begin(j);
    for (size_t t = 0; t < s->n_timeline; t++) {
        const px_event *ev = &s->timeline[t];
        px_json_object_begin(j);
        px_json_key(j, "value");
        px_json_str(j, ev->value);
        px_json_key(j, "start");
        json_day(j, s->event_span[t].first);
        px_json_key(j, "end");
        json_day(j, s->event_span[t].last);
        px_json_key(j, "expression");
        px_json_str(j, ev->expression);
        px_json_key(j, "text");
        px_json_str(j, ev->text);
        px_json_key(j, "documents");
        cite_docs(j, s, ev->cites, ev->n_cites);
        px_json_key(j, "outlets");
        {
            size_t *docs;
            size_t m = px__cite_docs(s, ev->cites, ev->n_cites, true, &docs);
            px_json_array_begin(j);
            if (m == (size_t)-1)
                j->out->oom = true;
            for (size_t i = 0; m != (size_t)-1 && i < m; i++)
                px_json_str(j, s->outlet[docs[i]]);
            if (m != (size_t)-1)
                free(docs);
            px_json_array_end(j);
        }
        px_json_key(j, "sentences");
        px_json_array_begin(j);
        for (size_t x = 0; x < ev->n_cites; x++)
            cite(j, s, &ev->cites[x]);
        px_json_array_end(j);
        px_json_object_end(j);
        px__report_flush(s, j->out);
    }
    px_json_array_end(j);
}

/* Which outlet carries which main fact and quotation. */
static void json_coverage(const px_story *s, px_json *j)
{
    size_t nf, nq;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    px_json_array_begin(j);
    size_t cf = px__coverage_facts(s, 20), cq = px__coverage_quotes(s, 20);
    for (size_t k = 0; k < cf + cq; k++) {
        const px_quote_group *g = k < cf ? NULL : &qs[s->quote_order[k - cf]];
        px_json_object_begin(j);
        px_json_key(j, "kind");
        px_json_str(j, g ? "quote" : "fact");
        px_json_key(j, "index");
        px_json_uint(j, g ? k - cf : k);
        px_json_key(j, "text");
        px_json_str(j, g ? g->text : fs[k].text);
        px_json_key(j, "documents");
        px_json_array_begin(j);
        bool *in = px__carriers(s, g ? NULL : &fs[k], g);
        if (!in)
            j->out->oom = true;
        for (size_t d = 0; in && d < s->n_docs; d++)
            if (in[d])
                doc_ref(j, s, d);
        free(in);
        px_json_array_end(j);
        px_json_object_end(j);
    }
    px_json_array_end(j);
}

int px__report_json(const px_story *s, px_buf *out)
{
    px_json j;
    px_json_init(&j, out);
    px_json_object_begin(&j);
    px_json_key(&j, "parallax");
    px_json_str(&j, PX_VERSION);
    px_json_key(&j, "title");
    px_json_str(&j, px__story_title(s));
    px_json_key(&j, "outlets");
    px_json_uint(&j, s->n_outlets);
    px_json_key(&j, "omitted");
    px_json_object_begin(&j);
    missing(&j, "quotes", s->no_quotes);
    missing(&j, "timeline", s->no_timeline);
    missing(&j, "brief", s->no_brief);
    px_json_object_end(&j);
#define PX__JSON_SECTION(name, title) \
    px_json_key(&j, #name);           \
    json_##name(s, &j);
    PX__REPORT_SECTIONS(PX__JSON_SECTION)
#undef PX__JSON_SECTION
    px_json_object_end(&j);
    px_buf_putc(out, '\n');
    return out->oom ? PX_ENOMEM : 0;
}
