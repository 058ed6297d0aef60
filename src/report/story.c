/*
 * story.c - one story analysed by every stage: entities, quotations
 * (grouped and diffed across outlets), facts and conflicts, the timeline
 * of dated events and the sourced brief. A stage that is missing from
 * this build leaves its section out, and the report says so.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report.h"

/* Tells the caller's progress function where the report is. */
static void progress(const px_report_options *opt, const char *stage, size_t step, size_t n_steps)
{
    if (opt && opt->progress)
        opt->progress(opt->userdata, stage, step, n_steps);
}

/* ---- speakers: one identity per person of the story ---- */

typedef struct id_order {
    const px_entity *e;
    size_t i;
} id_order;

/* the most widely named entities first, then by name: an order that does
 * not depend on the order of the documents */
static int cmp_id_order(const void *a, const void *b)
{
    const px_entity *x = ((const id_order *)a)->e, *y = ((const id_order *)b)->e;
    if (x->n_docs != y->n_docs)
        return x->n_docs > y->n_docs ? -1 : 1;
    if (x->n_mentions != y->n_mentions)
        return x->n_mentions > y->n_mentions ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Gives every entity of the story its speaker identity (px_speakers), the
 * most widely named first, so that of two people with one surname the
 * more prominent gets the surname alone. */
static int story_speakers(px_story *s)
{
    size_t ne;
    const px_entity *el = px_entities_list(s->ents, &ne);
    int rc = px_speakers_new(&s->speakers);
    if (rc || !ne)
        return rc;
    id_order *order = px__malloc(ne * sizeof(*order));
    s->entity_id = px_arena_alloc(&s->arena, ne * sizeof(*s->entity_id));
    if (!order || !s->entity_id) {
        free(order);
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < ne; i++)
        order[i] = (id_order){&el[i], i};
    qsort(order, ne, sizeof(*order), cmp_id_order);
    for (size_t i = 0; i < ne && !rc; i++)
        if (!(s->entity_id[order[i].i] =
                  order[i].e->type == PX_ENTITY_PERSON
                      ? px_speakers_id(s->speakers, order[i].e->name)
                      : px_speakers_org_id(s->speakers, order[i].e->name)))
            rc = PX_ENOMEM;
    free(order);
    return rc;
}

const char *px_story_entity_id(const px_story *s, size_t e)
{
    size_t ne = 0;
    if (s && s->ents)
        px_entities_list(s->ents, &ne);
    return s && s->entity_id && e < ne ? s->entity_id[e] : NULL;
}

/* ---- quotations: found per document, compared across outlets ---- */

static int story_quotes(px_story *s, const px_report_options *opt)
{
    PX_VEC(px_quote_input) in = {0};
    int rc = 0;
    for (size_t d = 0; d < s->n_docs && !rc; d++) {
        if (d % 64 == 0)
            progress(opt, "quotations", d, s->n_docs);
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
                qi.speaker = px_entities_lookup_near(s->ents, d, q[k].start, q[k].speaker);
            if (qi.speaker >= 0 && s->entity_id)
                qi.speaker_id = s->entity_id[qi.speaker];
            else if (q[k].speaker && !(qi.speaker_id = px_speakers_id(s->speakers, q[k].speaker))) {
                rc = PX_ENOMEM;
                break;
            }
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
    px__span span; /* the days it covers */
    px_cite cite;
} dated;

/* In date order by the start of each value (a week, a month or a year
 * at its first day), the shorter first where two start on one day, then
 * by value, so each value's citations stay together. */
static int cmp_dated(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    if (x->span.first != y->span.first)
        return x->span.first < y->span.first ? -1 : 1;
    if (x->span.last != y->span.last)
        return x->span.last < y->span.last ? -1 : 1;
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

/* How well a sentence dates an event with the expression cite->start..end:
 * a body sentence that puts something on the date ("On Monday, the union
 * wrote") rather than one that runs from it or up to it ("vigil since
 * Monday", "by Friday"), outside quotation marks, and short. */
static int event_sentence_score(const px_doc *d, const px_cite *c)
{
    static const char *const from_or_to[] = {"since", "until", "till", "by", "before", "after",
                                             "from", "through", "between", NULL};
    size_t nb, ns;
    const px_block *bl = px_doc_blocks(d, &nb);
    const px_sentence *se = px_doc_sentences(d, &ns);
    const px_sentence *x = &se[c->sentence];
    px_str t = px_doc_text(d);
    int score = bl[x->block].kind == PX_BLOCK_BODY ? 8 : 0;
    /* the word before the expression, if it is inside the expression's
     * sentence: expressions often open with their preposition */
    size_t p = c->start;
    while (p > x->start && t.ptr[p - 1] == ' ')
        p--;
    size_t w = p;
    while (w > x->start && isalpha((unsigned char)t.ptr[w - 1]))
        w--;
    size_t wl = p - w;
    const char *ex = t.ptr + c->start;
    size_t exl = c->end - c->start;
    for (const char *const *f = from_or_to; *f; f++) {
        size_t fl = strlen(*f);
        if ((wl == fl && !strncasecmp(t.ptr + w, *f, fl)) ||
            (exl > fl && !strncasecmp(ex, *f, fl) && ex[fl] == ' '))
            score -= 4;
    }
    /* inside a quotation: the speaker's time, less sure */
    size_t opens = 0, closes = 0;
    for (size_t i = x->start; i < c->start; i++) {
        unsigned char ch = (unsigned char)t.ptr[i];
        if (ch == '"')
            opens++;
        else if (ch == 0xE2 && i + 2 < c->start && (unsigned char)t.ptr[i + 1] == 0x80) {
            unsigned char z = (unsigned char)t.ptr[i + 2];
            opens += z == 0x9C;  /* “ */
            closes += z == 0x9D; /* ” */
        }
    }
    bool quoted = opens > closes && (opens - closes) % 2 == 1;
    /* ... or a sentence that closes a quotation opened before it */
    for (size_t i = c->end; i + 2 < x->end && !quoted && opens == closes; i++) {
        if ((unsigned char)t.ptr[i] != 0xE2 || (unsigned char)t.ptr[i + 1] != 0x80)
            continue;
        unsigned char z = (unsigned char)t.ptr[i + 2];
        if (z == 0x9C)
            break;
        quoted = z == 0x9D;
    }
    if (quoted)
        score -= 3;
    /* shorter sentences state one thing */
    size_t len = x->end - x->start;
    score -= len > 300 ? 2 : len > 180 ? 1 : len < 40 ? 2 : 0;
    return score;
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
                px__copy(day, v, 10);
                day[10] = 0;
                v = px_arena_strdup(&s->arena, day);
                if (!v) {
                    rc = PX_ENOMEM;
                    break;
                }
            }
            dated x = {v, {0, 0}, {d, tx[k].sentence, tx[k].start, tx[k].end}};
            if (!px__value_span(v, &x.span))
                continue; /* durations, PRESENT_REF and the like name no days */
            if (!PX_VEC_PUSH(all, x)) {
                rc = PX_ENOMEM;
                break;
            }
        }
    }
    if (!rc && all.n) {
        px__sort(all.v, all.n, sizeof(dated), cmp_dated);
        size_t n_events = 0;
        for (size_t k = 0; k < all.n; k++)
            n_events += !k || strcmp(all.v[k].value, all.v[k - 1].value);
        s->timeline = px_arena_calloc(&s->arena, n_events, sizeof(px_event));
        s->event_span = px_arena_calloc(&s->arena, n_events, sizeof(px__span));
        px_cite *cites = px_arena_alloc(&s->arena, all.n * sizeof(px_cite));
        if (!s->timeline || !s->event_span || !cites) {
            rc = PX_ENOMEM;
        } else {
            size_t e = 0;
            for (size_t k = 0; k < all.n;) {
                size_t j = k;
                while (j < all.n && !strcmp(all.v[j].value, all.v[k].value)) {
                    cites[j] = all.v[j].cite;
                    j++;
                }
                s->event_span[e] = all.v[k].span;
                px_event *ev = &s->timeline[e++];
                ev->value = all.v[k].value;
                ev->cites = cites + k;
                ev->n_cites = j - k;
                /* the sentence that dates it: the best placed of them */
                size_t pick = k;
                int best = INT_MIN;
                for (size_t x = k; x < j; x++) {
                    int sc = event_sentence_score(s->docs[cites[x].doc], &cites[x]);
                    if (sc > best)
                        best = sc, pick = x;
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

/* ---- date conflicts: one fact, different days ---- */

/* The one day (YYYY-MM-DD) a sentence gives, or NULL when it gives none
 * or several. *at: the expression. */
static const char *sentence_day(px_doc *doc, size_t sentence, size_t *start, size_t *end)
{
    const px_timex *tx;
    const px_quote *qs;
    size_t n, nq;
    if (px_dates_find(doc, NULL, &tx, &n) || px_quotes_find(doc, &qs, &nq))
        return NULL;
    const char *day = NULL;
    for (size_t k = 0; k < n; k++) {
        if (tx[k].sentence != sentence || (tx[k].type != PX_TIMEX_DATE && tx[k].type != PX_TIMEX_TIME))
            continue;
        /* "this afternoon" in a quotation is the speaker's afternoon */
        bool quoted = false;
        for (size_t q = 0; q < nq && !quoted; q++)
            if (qs[q].kind != PX_QUOTE_INDIRECT && tx[k].start >= qs[q].start && tx[k].end <= qs[q].end)
                quoted = true;
        if (quoted)
            continue;
        const char *v = tx[k].value;
        if (!v || strlen(v) < 10 || v[4] != '-' || v[7] != '-' || strchr(v, 'X'))
            continue;
        if (day && strncmp(day, v, 10))
            return NULL; /* two days in one sentence: no single answer */
        day = v;
        *start = tx[k].start;
        *end = tx[k].end;
    }
    return day;
}

/* A corroborated fact whose outlets date it to different days ("early on
 * Thursday" against "late on Wednesday night") is a date conflict. Each
 * sentence must give exactly one day. */
static int date_conflicts(px_story *s)
{
    size_t nf;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    px_arena *arena = px__compare_arena(s->cmp);
    int rc = 0;
    for (size_t f = 0; f < nf && !rc; f++) {
        if (!fs[f].corroborated)
            continue;
        typedef struct dated_cite {
            char day[11];
            px_cite cite;
        } dated_cite;
        PX_VEC(dated_cite) dc = {0};
        for (size_t k = 0; k < fs[f].n_cites; k++) {
            const px_cite *c = &fs[f].cites[k];
            size_t a = 0, b = 0;
            const char *day = sentence_day(s->docs[c->doc], c->sentence, &a, &b);
            if (!day)
                continue;
            dated_cite x;
            px__copy(x.day, day, 10);
            x.day[10] = 0;
            x.cite = (px_cite){c->doc, c->sentence, a, b};
            if (!PX_VEC_PUSH(dc, x)) {
                rc = PX_ENOMEM;
                break;
            }
        }
        /* the distinct days, and do different outlets give them? */
        const char *days[2] = {NULL, NULL};
        bool more = false;
        for (size_t k = 0; k < dc.n; k++) {
            if (!days[0] || !strcmp(days[0], dc.v[k].day))
                days[0] = dc.v[k].day;
            else if (!days[1] || !strcmp(days[1], dc.v[k].day))
                days[1] = dc.v[k].day;
            else
                more = true;
        }
        if (!rc && days[1] && !more) {
            px_conflict_side *sides = px_arena_calloc(arena, 2, sizeof(*sides));
            px_cite *cites = px_arena_alloc(arena, dc.n * sizeof(px_cite));
            if (!sides || !cites) {
                rc = PX_ENOMEM;
            } else {
                size_t at = 0;
                for (int sd = 0; sd < 2; sd++) {
                    sides[sd].value = px_arena_strdup(arena, days[sd]);
                    sides[sd].cites = cites + at;
                    for (size_t k = 0; k < dc.n; k++)
                        if (!strcmp(dc.v[k].day, days[sd]))
                            cites[at++] = dc.v[k].cite;
                    sides[sd].n_cites = (size_t)(cites + at - sides[sd].cites);
                }
                px_buf w = PX_BUF_INIT;
                const char *t = fs[f].text;
                size_t len = strlen(t);
                if (len > 80) {
                    len = 80;
                    while (len > 40 && t[len] != ' ')
                        len--;
                }
                px_buf_puts(&w, "when: ");
                px_buf_put(&w, t, len);
                if (len < strlen(t))
                    px_buf_puts(&w, "…");
                px_conflict cf = {px_arena_strndup(arena, w.ptr, w.len), "date", sides, 2};
                px_buf_release(&w);
                if (!cf.what || !sides[0].value || !sides[1].value)
                    rc = PX_ENOMEM;
                else
                    rc = px__compare_add_conflict(s->cmp, &cf);
            }
        }
        PX_VEC_FREE(dc);
    }
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
        px__copy(docs, bs[i].sources, bs[i].n_sources * sizeof(size_t));
        l->docs = docs;
        l->n_docs = bs[i].n_sources;
    }
    if (!rc)
        s->n_brief = n;
    px_brief_free(b);
    return rc;
}

/* The grouping options for one input: threads only pay off on many
 * documents. */
static px_group_options group_options(size_t n_docs)
{
    px_group_options o;
    memset(&o, 0, sizeof o);
    o.threads = n_docs < 256 ? 1 : 0;
    return o;
}

/* px_story_new with the near-duplicates already known (dup_of: indices
 * into docs, or NULL to find them). */
static int story_new(px_story **out, px_doc *const *docs, size_t n_docs, const ptrdiff_t *dup_of,
                     const px_report_options *opt);


/* What the documents list shows for an article: its headline or, when it
 * has none, the opening words of its first sentence, cut at a space. */
static const char *doc_heading(px_arena *a, const px_doc *d)
{
    enum { MAX_BYTES = 100 };
    if (px_doc_headline(d))
        return px_doc_headline(d);
    size_t n;
    const px_sentence *se = px_doc_sentences(d, &n);
    const char *t = px_doc_text(d).ptr;
    if (!n)
        return px_doc_id(d);
    size_t start = se[0].start, end = se[0].end;
    if (end - start <= MAX_BYTES)
        return px_arena_strndup(a, t + start, end - start);
    size_t cut = start + MAX_BYTES;
    while (cut > start && t[cut] != ' ')
        cut--;
    if (cut == start) /* one long word: cut between characters */
        for (cut = start + MAX_BYTES; cut > start && ((unsigned char)t[cut] & 0xC0) == 0x80;)
            cut--;
    char *h = px_arena_alloc(a, cut - start + sizeof "\u2026");
    if (h) {
        memcpy(h, t + start, cut - start);
        memcpy(h + (cut - start), "\u2026", sizeof "\u2026");
    }
    return h;
}

int px_story_new(px_story **out, px_doc *const *docs, size_t n_docs)
{
    return story_new(out, docs, n_docs, NULL, NULL);
}

static int story_new(px_story **out, px_doc *const *docs, size_t n_docs, const ptrdiff_t *dup_of,
                     const px_report_options *opt)
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
    s->outlet_id = px_arena_calloc(&s->arena, n_docs ? n_docs : 1, sizeof(size_t));
    s->ref_date = px_arena_calloc(&s->arena, n_docs ? n_docs : 1, sizeof(char *));
    s->ref_origin = px_arena_calloc(&s->arena, n_docs ? n_docs : 1, sizeof(char *));
    s->heading = px_arena_calloc(&s->arena, n_docs ? n_docs : 1, sizeof(char *));
    if (!s->outlet || !s->outlet_id || !s->ref_date || !s->ref_origin || !s->heading) {
        rc = PX_ENOMEM;
        goto done;
    }
    if ((rc = px__outlet_names(s)))
        goto done;
    for (size_t i = 0; i < n_docs; i++) {
        if (!(s->heading[i] = doc_heading(&s->arena, docs[i]))) {
            rc = PX_ENOMEM;
            goto done;
        }
        s->ref_date[i] = px_doc_date(docs[i]);
        s->ref_origin[i] = s->ref_date[i] ? "document" : NULL;
    }
    /* which articles are copies of one another */
    s->dup_of = px_arena_alloc(&s->arena, (n_docs ? n_docs : 1) * sizeof(ptrdiff_t));
    if (!s->dup_of) {
        rc = PX_ENOMEM;
        goto done;
    }
    if (dup_of) {
        px__copy(s->dup_of, dup_of, n_docs * sizeof(ptrdiff_t));
    } else if (n_docs) {
        px_group_options go = group_options(n_docs);
        if ((rc = px_group_docs(docs, n_docs, &go, NULL, s->dup_of)))
            goto done;
    }
    progress(opt, "entities", 0, 1);
    if ((rc = px_entities_find(&s->ents, docs, n_docs)))
        goto done;
    if ((rc = story_speakers(s)))
        goto done;
    if ((rc = story_quotes(s, opt)))
        goto done;
    progress(opt, "comparison", 0, 1);
    if ((rc = px_compare_new(&s->cmp, docs, n_docs, s->ents, s->quotes, s->n_quote_inputs)))
        goto done;
    progress(opt, "dates", 0, 1);
    if ((rc = story_timeline(s)))
        goto done;
    if ((rc = date_conflicts(s)))
        goto done;
    progress(opt, "brief", 0, 1);
    if ((rc = story_brief(s)))
        goto done;
    progress(opt, "findings", 0, 1);
    rc = px__story_findings(s);
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

ptrdiff_t px_story_duplicate_of(const px_story *s, size_t doc)
{
    return s && doc < s->n_docs ? s->dup_of[doc] : -1;
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
    px_speakers_free(s->speakers);
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
    /* none has a headline: the first article's opening words, as the
     * documents list shows them (the id said nothing: "# 0001") */
    if (s->n_docs && s->heading && s->heading[0])
        return s->heading[0];
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
    return PX_MIN(s->n_quotes_differ + s->n_quotes_alike, max);
}

typedef struct cite_key {
    size_t key, pos;
} cite_key;

static int cmp_cite_key(const void *a, const void *b)
{
    const cite_key *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

size_t px__cite_docs(const px_story *s, const px_cite *c, size_t n, bool by_outlet, size_t **docs)
{
    cite_key *k = px__malloc((n ? n : 1) * sizeof(cite_key));
    bool *first = px__calloc(n ? n : 1, sizeof(bool));
    *docs = px__malloc((n ? n : 1) * sizeof(size_t));
    if (!k || !first || !*docs) {
        free(k);
        free(first);
        free(*docs);
        *docs = NULL;
        return (size_t)-1;
    }
    for (size_t i = 0; i < n; i++)
        k[i] = (cite_key){by_outlet ? s->outlet_id[c[i].doc] : c[i].doc, i};
    px__sort(k, n, sizeof(cite_key), cmp_cite_key);
    for (size_t i = 0; i < n; i++)
        first[k[i].pos] = !i || k[i].key != k[i - 1].key;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (first[i])
            (*docs)[m++] = c[i].doc;
    free(k);
    free(first);
    return m;
}

int px__cite_rank(const px_cite *c, size_t n, size_t **rank)
{
    cite_key *k = px__malloc((n ? n : 1) * sizeof(cite_key));
    *rank = px__malloc((n ? n : 1) * sizeof(size_t));
    if (!k || !*rank) {
        free(k);
        free(*rank);
        *rank = NULL;
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        k[i] = (cite_key){c[i].doc, i};
    px__sort(k, n, sizeof(cite_key), cmp_cite_key);
    for (size_t i = 0; i < n; i++)
        (*rank)[k[i].pos] = i && k[i].key == k[i - 1].key ? (*rank)[k[i - 1].pos] + 1 : 0;
    free(k);
    return 0;
}

bool *px__carriers(const px_story *s, const px_fact *f, const px_quote_group *q)
{
    bool *in = px__calloc(s->n_docs ? s->n_docs : 1, sizeof(bool));
    if (!in)
        return NULL;
    if (f)
        for (size_t i = 0; i < f->n_cites; i++)
            in[f->cites[i].doc] = true;
    else
        for (size_t i = 0; i < q->n_occurrences; i++)
            in[q->occurrences[i].doc] = true;
    return in;
}

/* ---- several stories in one input ---- */

int px_stories_new(px_story ***out, size_t *n_out, px_doc *const *docs, size_t n_docs)
{
    return px_stories_new_opt(out, n_out, docs, n_docs, NULL);
}

int px_stories_new_opt(px_story ***out, size_t *n_out, px_doc *const *docs, size_t n_docs,
                       const px_report_options *opt)
{
    if (!out || !n_out || (!docs && n_docs))
        return PX_EUSAGE;
    *out = NULL;
    *n_out = 0;
    size_t n1 = n_docs ? n_docs : 1;
    size_t *story = px__calloc(n1, sizeof(size_t));
    ptrdiff_t *dup = px__malloc(n1 * sizeof(ptrdiff_t));
    ptrdiff_t *local = px__malloc(n1 * sizeof(ptrdiff_t));
    size_t *index = px__malloc(n1 * sizeof(size_t));
    size_t *order = NULL, *size = NULL;
    px_story **list = NULL;
    px_doc **part = NULL;
    size_t n_list = 0;
    int rc = 0;
    if (!story || !dup || !local || !index) {
        rc = PX_ENOMEM;
        goto done;
    }
    /* the stories of `parallax stories`: the same clustering, nothing
     * joined after it (a shared quotation or fact does not make two
     * events one story) */
    px_group_options go = group_options(n_docs);
    progress(opt, "grouping", 0, 1);
    if (n_docs && (rc = px_group_docs(docs, n_docs, &go, story, dup)))
        goto done;
    size_t n_stories = 0;
    for (size_t i = 0; i < n_docs; i++)
        n_stories = PX_MAX(n_stories, story[i] + 1);
    if (n_stories <= 1) {
        list = px__malloc(sizeof(px_story *));
        if (!list || (rc = story_new(&list[0], docs, n_docs, dup, opt))) {
            rc = rc ? rc : PX_ENOMEM;
            goto done;
        }
        n_list = 1;
        goto done;
    }
    /* one report per story, the largest first (the first told first on
     * equal sizes) */
    list = px__calloc(n_stories, sizeof(px_story *));
    part = px__malloc(n_docs * sizeof(px_doc *));
    order = px__malloc(n_stories * sizeof(size_t));
    size = px__calloc(n_stories, sizeof(size_t));
    if (!list || !part || !order || !size) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n_docs; i++)
        size[story[i]]++;
    for (size_t k = 0; k < n_stories; k++) {
        size_t j = k;
        order[j] = k;
        while (j > 0 && size[order[j - 1]] < size[order[j]]) {
            size_t t = order[j - 1];
            order[j - 1] = order[j];
            order[j] = t;
            j--;
        }
    }
    /* the documents of each story, and its copies by its own numbering */
    size_t *start = px__malloc((n_stories + 1) * sizeof(size_t));
    if (!start) {
        rc = PX_ENOMEM;
        goto done;
    }
    start[0] = 0;
    for (size_t k = 0; k < n_stories; k++)
        start[k + 1] = start[k] + size[order[k]];
    size_t *rank = size; /* story -> its position in order */
    for (size_t k = 0; k < n_stories; k++)
        rank[order[k]] = k;
    size_t *fill = order;
    for (size_t k = 0; k < n_stories; k++)
        fill[k] = start[k];
    for (size_t i = 0; i < n_docs; i++) {
        size_t k = rank[story[i]];
        index[i] = fill[k] - start[k];
        part[fill[k]++] = docs[i];
    }
    for (size_t i = 0; i < n_docs; i++) {
        ptrdiff_t d = dup[i];
        local[start[rank[story[i]]] + index[i]] =
            d >= 0 && story[d] == story[i] ? (ptrdiff_t)index[d] : -1;
    }
    for (size_t k = 0; k < n_stories && !rc; k++) {
        rc = story_new(&list[n_list], part + start[k], start[k + 1] - start[k], local + start[k],
                       opt);
        if (!rc)
            n_list++;
    }
    free(start);
    if (!rc) {
        list[0]->owned_array = part;
        part = NULL;
    }
done:
    free(story);
    free(order);
    free(size);
    free(index);
    free(dup);
    free(local);
    if (rc) {
        for (size_t k = 0; k < n_list; k++)
            px_story_free(list[k]);
        free(list);
        free(part);
        return rc;
    }
    free(part);
    *out = list;
    *n_out = n_list;
    return 0;
}

void px_stories_free(px_story **stories, size_t n)
{
    if (!stories)
        return;
    /* the stories' document arrays are slices of the first one's */
    px_doc **array = n ? stories[0]->owned_array : NULL;
    for (size_t k = 0; k < n; k++)
        px_story_free(stories[k]);
    free(array);
    free(stories);
}

/* Sets the stream long reports are written to as they grow: the
 * writers read the story as const, and the stream is no part of it. */
static void set_sink(const px_story *s, FILE *out)
{
    ((px_story *)s)->sink = out;
}

int px_report_write_stories(px_story *const *stories, size_t n, px_report_format format, FILE *out)
{
    if ((!stories && n) || !out)
        return PX_EUSAGE;
    if (n == 1)
        return px_report_write(stories[0], format, out);
    px_buf b = PX_BUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < n; i++)
        set_sink(stories[i], out);
    switch (format) {
    case PX_REPORT_HTML:
        rc = px__report_html_many(stories, n, &b);
        break;
    case PX_REPORT_JSON:
        px_buf_puts(&b, "{\"parallax\":\"" PX_VERSION "\",\"stories\":[");
        for (size_t i = 0; i < n && !rc; i++) {
            if (i)
                px_buf_putc(&b, ',');
            rc = px__report_json(stories[i], &b);
            if (b.len && b.ptr[b.len - 1] == '\n')
                px_buf_truncate(&b, b.len - 1);
        }
        px_buf_puts(&b, "]}\n");
        break;
    default:
        px_buf_printf(&b, "%zu stories in this input; each has its report below, the largest first.\n\n", n);
        for (size_t i = 0; i < n && !rc; i++) {
            if (i)
                px_buf_puts(&b, "\n---\n\n");
            rc = px__report_md(stories[i], &b);
        }
        break;
    }
    for (size_t i = 0; i < n; i++)
        set_sink(stories[i], NULL);
    if (!rc && b.oom)
        rc = PX_ENOMEM;
    if (!rc && (fwrite(b.ptr, 1, b.len, out) != b.len || ferror(out)))
        rc = PX_EIO;
    px_buf_release(&b);
    return rc;
}

void px__report_flush(const px_story *s, px_buf *b)
{
    enum { FLUSH_AT = 256 * 1024 };
    if (!s->sink || b->len < FLUSH_AT || b->oom)
        return;
    if (fwrite(b->ptr, 1, b->len, s->sink) == b->len)
        px_buf_clear(b); /* a failed write shows in ferror(sink) */
}

int px_report_write(const px_story *s, px_report_format format, FILE *out)
{
    if (!s || !out)
        return PX_EUSAGE;
    px_buf b = PX_BUF_INIT;
    int rc;
    set_sink(s, out);
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
    set_sink(s, NULL);
    if (!rc && b.oom)
        rc = PX_ENOMEM;
    if (!rc && (fwrite(b.ptr, 1, b.len, out) != b.len || ferror(out)))
        rc = PX_EIO;
    px_buf_release(&b);
    return rc;
}
