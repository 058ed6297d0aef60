/*
 * findings.c - what the report puts first and how it names things: the
 * quotations several outlets carry differently before those they carry
 * alike; the claims one outlet alone reports ranked by weight (a number,
 * a named person or organisation, a date, a quotation beat colour); the
 * brief sentences that carry one side of a conflict; the outlets' names
 * (source, web site, signature line, short file name, never a hex id);
 * and the days each timeline value covers, which order the timeline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../date/date.h"
#include "report.h"

const char *px__claim_reason(unsigned bit)
{
    static const char *const labels[] = {
#define PX__CLAIM_LABEL(name, label, weight) label,
        PX__CLAIM_REASONS(PX__CLAIM_LABEL)
#undef PX__CLAIM_LABEL
    };
    return bit < PX_ARRAY_LEN(labels) ? labels[bit] : "";
}

static int reason_weight(unsigned bit)
{
    static const int weights[] = {
#define PX__CLAIM_WEIGHT(name, label, weight) weight,
        PX__CLAIM_REASONS(PX__CLAIM_WEIGHT)
#undef PX__CLAIM_WEIGHT
    };
    return bit < PX_ARRAY_LEN(weights) ? weights[bit] : 0;
}

/* ---- outlet names ---- */

/* Whether s holds a run of at least 12 hex digits (an id, not a name). */
static size_t hex_run(const char *s, size_t *at)
{
    size_t best = 0;
    for (size_t i = 0; s[i];) {
        size_t j = i;
        while ((s[j] >= '0' && s[j] <= '9') || (s[j] >= 'a' && s[j] <= 'f') || (s[j] >= 'A' && s[j] <= 'F'))
            j++;
        if (j - i > best)
            best = j - i, *at = i;
        i = j > i ? j : i + 1;
    }
    return best;
}

/* name with a long hex run cut to its first six digits and an ellipsis:
 * "000_050518c5317ff78a" -> "000_050518…". */
static void put_short(px_buf *b, const char *name)
{
    size_t at = 0, run = hex_run(name, &at);
    if (run < 12) {
        px_buf_puts(b, name);
        return;
    }
    px_buf_put(b, name, at + 6);
    px_buf_puts(b, "\u2026");
    px_buf_puts(b, name + at + run);
}

/* The file name without folder and extension. */
static void put_base(px_buf *b, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    char *tmp = px__strndup(base, len);
    if (!tmp) {
        b->oom = true;
        return;
    }
    put_short(b, tmp);
    free(tmp);
}

/* The text of the article's signature line ("Daily Express"), when it
 * reads as a name: short, not a wire credit "(Reporting by ...)". */
static bool signature_name(const px_doc *d, px_buf *out)
{
    size_t nb;
    const px_block *bl = px_doc_blocks(d, &nb);
    px_str t = px_doc_text(d);
    for (size_t k = nb; k-- > 0;) {
        if (bl[k].kind != PX_BLOCK_SIGNATURE)
            continue;
        const char *s = t.ptr + bl[k].start;
        size_t len = bl[k].end - bl[k].start;
        size_t words = 1;
        for (size_t i = 0; i < len; i++)
            words += s[i] == ' ';
        if (len < 2 || len > 48 || words > 5 || s[0] == '(' || s[0] == '-')
            return false;
        px_buf_clear(out);
        px_buf_put(out, s, len);
        return true;
    }
    return false;
}

typedef struct named {
    const char *name;
    size_t doc;
} named;

static int cmp_named(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->doc > y->doc) - (x->doc < y->doc);
}

int px__outlet_names(px_story *s)
{
    px_buf b = PX_BUF_INIT, key = PX_BUF_INIT;
    named *v = px__malloc((s->n_docs ? s->n_docs : 1) * sizeof(named));
    bool *from_file = px__calloc(s->n_docs ? s->n_docs : 1, sizeof(bool));
    bool *shared_file = px__calloc(s->n_docs ? s->n_docs : 1, sizeof(bool));
    int rc = 0;
    if (!v || !from_file || !shared_file) {
        rc = PX_ENOMEM;
        goto done;
    }
    /* files several documents come from (JSON Lines): their names tell
     * nothing apart */
    named *files = v;
    size_t nf = 0;
    for (size_t i = 0; i < s->n_docs; i++)
        if (px_doc_file(s->docs[i]))
            files[nf++] = (named){px_doc_file(s->docs[i]), i};
    px__sort(files, nf, sizeof(named), cmp_named);
    for (size_t a = 0, e; a < nf; a = e) {
        for (e = a + 1; e < nf && !strcmp(files[e].name, files[a].name); e++)
            ;
        for (size_t k = a; e - a > 1 && k < e; k++)
            shared_file[files[k].doc] = true;
    }
    for (size_t i = 0; i < s->n_docs && !rc; i++) {
        const px_doc *d = s->docs[i];
        px_buf_clear(&b);
        size_t at;
        if (px__outlet_key(d, &key) && hex_run(key.ptr, &at) < 16) {
            /* the source as written, else the web site */
            const char *src = px_doc_source(d);
            px_buf_puts(&b, src && *src ? src : key.ptr);
        } else if (!signature_name(d, &b)) {
            const char *id = px_doc_id(d), *file = px_doc_file(d);
            if (file && !shared_file[i])
                put_base(&b, file);
            else if (id && strlen(id) <= 32 && hex_run(id, &at) < 12)
                px_buf_puts(&b, id);
            else if (file) {
                put_base(&b, file);
                px_buf_printf(&b, " #%zu", i + 1);
            } else {
                px_buf_printf(&b, "article %zu", i + 1);
            }
            from_file[i] = true;
        }
        s->outlet[i] = px_arena_strndup(&s->arena, b.ptr, b.len);
        if (!s->outlet[i] || b.oom)
            rc = PX_ENOMEM;
    }
    if (rc)
        goto done;
    /* a name made from a file that another article's name equals gets
     * its number: two articles of one outlet share a name, two files
     * never */
    for (int pass = 0; pass < 2 && !rc; pass++) {
        for (size_t i = 0; i < s->n_docs; i++)
            v[i] = (named){s->outlet[i], i};
        px__sort(v, s->n_docs, sizeof(named), cmp_named);
        s->n_outlets = 0;
        for (size_t a = 0, e; a < s->n_docs && !rc; a = e) {
            for (e = a + 1; e < s->n_docs && !strcmp(v[e].name, v[a].name); e++)
                ;
            s->n_outlets++;
            for (size_t k = a; k < e; k++)
                s->outlet_id[v[k].doc] = v[a].doc;
            for (size_t k = a; pass == 0 && e - a > 1 && k < e && !rc; k++) {
                if (!from_file[v[k].doc])
                    continue;
                px_buf_clear(&b);
                px_buf_printf(&b, "%s #%zu", v[k].name, v[k].doc + 1);
                if (!(s->outlet[v[k].doc] = px_arena_strndup(&s->arena, b.ptr, b.len)))
                    rc = PX_ENOMEM;
                from_file[v[k].doc] = false;
            }
        }
    }
done:
    px_buf_release(&b);
    px_buf_release(&key);
    free(v);
    free(from_file);
    free(shared_file);
    return rc;
}

/* ---- timeline spans ---- */

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static long day_of(int y, int m, int d)
{
    return px__days_from_civil(y, m, d);
}

/* The Monday of ISO week w of year y. */
static long iso_monday(int y, int w)
{
    long jan4 = day_of(y, 1, 4);
    int wd = px__weekday((px_ymd){y, 1, 4}); /* 1 Monday */
    return jan4 - (wd - 1) + 7L * (w - 1);
}

bool px__value_span(const char *v, px__span *out)
{
    size_t n = v ? strlen(v) : 0;
    if (n == 2 && digits(v, 2)) { /* a century: "19" */
        int c = atoi(v);
        *out = (px__span){day_of(c * 100, 1, 1), day_of(c * 100 + 99, 12, 31)};
        return true;
    }
    if (n == 3 && digits(v, 3)) { /* a decade: "199" */
        int d = atoi(v);
        *out = (px__span){day_of(d * 10, 1, 1), day_of(d * 10 + 9, 12, 31)};
        return true;
    }
    if (n < 4 || !digits(v, 4))
        return false;
    int y = atoi(v);
    if (n == 4) {
        *out = (px__span){day_of(y, 1, 1), day_of(y, 12, 31)};
        return true;
    }
    if (v[4] != '-' || n < 7)
        return false;
    const char *r = v + 5;
    if (digits(r, 2) && (n == 7 || r[2] == '-')) {
        int m = atoi(r);
        if (m < 1 || m > 12)
            return false;
        if (n == 7) {
            *out = (px__span){day_of(y, m, 1), day_of(y, m, px__days_in_month(y, m))};
            return true;
        }
        if (n >= 10 && digits(r + 3, 2)) {
            int d = atoi(r + 3);
            if (d < 1 || d > px__days_in_month(y, m))
                return false;
            *out = (px__span){day_of(y, m, d), day_of(y, m, d)};
            return true;
        }
        return false;
    }
    if (r[0] == 'W' && digits(r + 1, 2)) {
        long mon = iso_monday(y, atoi(r + 1));
        if (!strcmp(r + 3, "-WE"))
            *out = (px__span){mon + 5, mon + 6};
        else if (r[3] == '-' && r[4] >= '1' && r[4] <= '7' && !r[5])
            *out = (px__span){mon + (r[4] - '1'), mon + (r[4] - '1')};
        else if (!r[3])
            *out = (px__span){mon, mon + 6};
        else
            return false;
        return true;
    }
    if ((r[0] == 'Q' || r[0] == 'H') && r[1] >= '1' && r[1] <= (r[0] == 'Q' ? '4' : '2') && !r[2]) {
        int months = r[0] == 'Q' ? 3 : 6, m0 = (r[1] - '1') * months + 1, m1 = m0 + months - 1;
        *out = (px__span){day_of(y, m0, 1), day_of(y, m1, px__days_in_month(y, m1))};
        return true;
    }
    static const struct {
        const char *code;
        int m0, m1;
    } seasons[] = {{"SP", 3, 5}, {"SU", 6, 8}, {"FA", 9, 11}, {"WI", 12, 14}};
    for (size_t k = 0; k < PX_ARRAY_LEN(seasons); k++)
        if (!strcmp(r, seasons[k].code)) {
            int m1 = seasons[k].m1, y1 = y + (m1 > 12);
            m1 = (m1 - 1) % 12 + 1;
            *out = (px__span){day_of(y, seasons[k].m0, 1), day_of(y1, m1, px__days_in_month(y1, m1))};
            return true;
        }
    return false;
}

/* ---- quotations: those that differ first ---- */

static bool group_differs(const px_quote_group *g)
{
    for (size_t o = 0; o < g->n_occurrences; o++)
        if (g->occurrences[o].n_variants)
            return true;
    return g->n_single_sentences > 0;
}

static int order_quotes(px_story *s)
{
    size_t nq;
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    s->quote_order = px_arena_alloc(&s->arena, (nq ? nq : 1) * sizeof(size_t));
    if (!s->quote_order)
        return PX_ENOMEM;
    size_t k = 0;
    for (int pass = 0; pass < 3; pass++)
        for (size_t q = 0; q < nq; q++) {
            const px_quote_group *g = &qs[q];
            int kind = g->single_source ? 2 : group_differs(g) ? 0 : 1;
            if (kind == pass)
                s->quote_order[k++] = q;
        }
    s->n_quotes_differ = s->n_quotes_alike = 0;
    for (size_t q = 0; q < nq; q++)
        if (!qs[q].single_source) {
            if (group_differs(&qs[q]))
                s->n_quotes_differ++;
            else
                s->n_quotes_alike++;
        }
    return 0;
}

/* ---- claims one outlet alone reports ---- */

/* What the entities of the story are, per mention: sorted by (doc,
 * sentence) for looking up a sentence's names. */
typedef struct sent_entity {
    size_t doc, sentence;
    size_t start, end;
    px_entity_type type;
    const char *text;
} sent_entity;

static int cmp_sent_entity(const void *a, const void *b)
{
    const sent_entity *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return (x->sentence > y->sentence) - (x->sentence < y->sentence);
}

typedef struct claim_ctx {
    px_story *s;
    sent_entity *ents;
    size_t n_ents;
} claim_ctx;

/* Whether [a0, a1) and [b0, b1) share a byte. */
static bool overlaps(size_t a0, size_t a1, size_t b0, size_t b1)
{
    return a0 < b1 && b0 < a1;
}

/* Whether a token is a number above one: digits, or a number word
 * ("seventeen"). */
static bool number_token(const px_doc *d, const px_token *k)
{
    px_str t = px_doc_text(d);
    if (k->kind == PX_TOK_NUMBER)
        return true;
    long v;
    return k->kind == PX_TOK_WORD && px__number_word(t.ptr + k->start, k->end - k->start, &v) && v > 1;
}

/* Whether the words of [start, end) are in words (when given). */
static bool among(const px_doc *d, size_t start, size_t end, const char *words)
{
    if (!words)
        return true;
    px_str t = px_doc_text(d);
    char *w = px__strndup(t.ptr + start, end - start);
    bool in = w && strstr(words, w);
    free(w);
    return in;
}

/* The reasons a claim told in doc's sentence, over bytes [from, to) of
 * the text (the sentence, or a quotation), weighs; words: only the
 * words it has that the others lack (a sentence of a shared fact), or
 * NULL. */
static unsigned claim_reasons(claim_ctx *cx, size_t doc, size_t sentence, size_t from, size_t to,
                              const char *words)
{
    px_doc *d = cx->s->docs[doc];
    unsigned r = 0;
    /* dates: resolved, not "now" */
    const px_timex *tx;
    size_t nt = 0;
    if (px_dates_find(d, NULL, &tx, &nt))
        nt = 0;
    /* the expressions are in text order: those of the sentence */
    size_t t0 = 0, t1 = nt;
    while (t0 < t1) {
        size_t m = t0 + (t1 - t0) / 2;
        if (tx[m].sentence < sentence)
            t0 = m + 1;
        else
            t1 = m;
    }
    for (t1 = t0; t1 < nt && tx[t1].sentence == sentence; t1++)
        ;
    for (size_t k = t0; k < t1; k++)
        if (overlaps(tx[k].start, tx[k].end, from, to) &&
            (tx[k].type == PX_TIMEX_DATE || tx[k].type == PX_TIMEX_TIME) && tx[k].value &&
            !strstr(tx[k].value, "REF") && among(d, tx[k].start, tx[k].end, words))
            r |= PX__CLAIM(DATE);
    /* numbers that are no part of a date ("In 2022" is a date) */
    size_t ntok, nsent;
    const px_token *tk = px_doc_tokens(d, &ntok);
    const px_sentence *se = px_doc_sentences(d, &nsent);
    for (size_t i = se[sentence].first_token; i < se[sentence].first_token + se[sentence].n_tokens; i++) {
        if (!overlaps(tk[i].start, tk[i].end, from, to) || !number_token(d, &tk[i]))
            continue;
        bool dated = false;
        for (size_t k = t0; k < t1 && !dated; k++)
            dated = overlaps(tk[i].start, tk[i].end, tx[k].start, tx[k].end);
        if (!dated && among(d, tk[i].start, tk[i].end, words)) {
            r |= PX__CLAIM(NUMBER);
            break;
        }
    }
    /* names inside the span */
    sent_entity key = {doc, sentence, 0, 0, 0, NULL};
    size_t lo = 0, hi = cx->n_ents;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (cmp_sent_entity(&cx->ents[m], &key) < 0)
            lo = m + 1;
        else
            hi = m;
    }
    unsigned names = 0;
    for (size_t k = lo; k < cx->n_ents && !cmp_sent_entity(&cx->ents[k], &key); k++) {
        const sent_entity *e = &cx->ents[k];
        if (!overlaps(e->start, e->end, from, to) || (words && !strstr(words, e->text)))
            continue;
        names |= e->type == PX_ENTITY_PERSON ? PX__CLAIM(PERSON)
                 : e->type == PX_ENTITY_ORG  ? PX__CLAIM(ORG)
                 : e->type == PX_ENTITY_PLACE ? PX__CLAIM(PLACE)
                                              : 0;
    }
    /* a name counts once: a person, else an organisation, else a place */
    r |= names & PX__CLAIM(PERSON)  ? PX__CLAIM(PERSON)
         : names & PX__CLAIM(ORG)   ? PX__CLAIM(ORG)
         : names & PX__CLAIM(PLACE) ? PX__CLAIM(PLACE)
                                    : 0;
    const px_quote *q;
    size_t nq;
    if (!words && !px_quotes_find(d, &q, &nq)) {
        /* the records are in text order: those of the sentence */
        size_t q0 = 0, q1 = nq;
        while (q0 < q1) {
            size_t m = q0 + (q1 - q0) / 2;
            if (q[m].sentence < sentence)
                q0 = m + 1;
            else
                q1 = m;
        }
        for (size_t k = q0; k < nq && q[k].sentence == sentence; k++)
            if (q[k].speaker) {
                r |= PX__CLAIM(ATTRIBUTED);
                break;
            }
    }
    return r;
}

static int weight_of(unsigned reasons)
{
    int w = 0;
    for (unsigned b = 0; b < PX__CLAIM_N_REASONS; b++)
        if (reasons & (1u << b))
            w += reason_weight(b);
    return w;
}

static int cmp_claim(const void *a, const void *b)
{
    const px__claim *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    if (x->sentence != y->sentence)
        return x->sentence < y->sentence ? -1 : 1;
    if (x->is_quote != y->is_quote)
        return x->is_quote ? 1 : -1;
    return (x->index > y->index) - (x->index < y->index);
}

/* Counts the words of text (runs of letters or digits). */
static size_t n_words(const char *t)
{
    size_t n = 0;
    bool in = false;
    for (; *t; t++) {
        bool w = (*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z') || (*t >= '0' && *t <= '9') ||
                 (unsigned char)*t >= 0x80;
        n += w && !in;
        in = w;
    }
    return n;
}

static int rank_claims(px_story *s)
{
    claim_ctx cx = {s, NULL, 0};
    size_t ne, nf, nq;
    const px_entity *el = px_entities_list(s->ents, &ne);
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    size_t nm = 0;
    for (size_t e = 0; e < ne; e++)
        nm += el[e].n_mentions;
    cx.ents = px__malloc((nm ? nm : 1) * sizeof(sent_entity));
    if (!cx.ents)
        return PX_ENOMEM;
    for (size_t e = 0; e < ne; e++)
        for (size_t m = 0; m < el[e].n_mentions; m++) {
            const px_mention *x = &el[e].mentions[m];
            /* a name, not "the president" */
            if (el[e].type == PX_ENTITY_OTHER || !x->text || !strncmp(x->text, "the ", 4))
                continue;
            cx.ents[cx.n_ents++] = (sent_entity){x->doc, x->sentence, x->start, x->end, el[e].type, x->text};
        }
    px__sort(cx.ents, cx.n_ents, sizeof(sent_entity), cmp_sent_entity);
    size_t n = 0;
    for (size_t f = 0; f < nf; f++)
        n += !fs[f].corroborated;
    for (size_t q = 0; q < nq; q++)
        n += qs[q].single_source != 0;
    s->claims = px_arena_alloc(&s->arena, (n ? n : 1) * sizeof(px__claim));
    if (!s->claims) {
        free(cx.ents);
        return PX_ENOMEM;
    }
    size_t k = 0;
    for (size_t f = 0; f < nf; f++) {
        if (fs[f].corroborated)
            continue;
        const px_cite *c = &fs[f].cites[0];
        size_t ns;
        const px_sentence *se = px_doc_sentences(s->docs[c->doc], &ns);
        unsigned r = claim_reasons(&cx, c->doc, c->sentence, se[c->sentence].start, se[c->sentence].end,
                                   fs[f].only_here);
        s->claims[k++] = (px__claim){0, f, c->doc, c->sentence, weight_of(r), r};
    }
    for (size_t q = 0; q < nq; q++) {
        const px_quote_group *g = &qs[q];
        if (!g->single_source)
            continue;
        const px_quote_occurrence *o = &g->occurrences[g->fullest];
        unsigned r = claim_reasons(&cx, o->doc, o->sentence, o->start, o->end, NULL) | PX__CLAIM(QUOTE);
        r &= ~PX__CLAIM(ATTRIBUTED);
        /* who said it */
        if (g->speaker >= 0 && (size_t)g->speaker < ne)
            r |= el[g->speaker].type == PX_ENTITY_PERSON ? PX__CLAIM(PERSON)
                 : el[g->speaker].type == PX_ENTITY_ORG  ? PX__CLAIM(ORG)
                                                        : 0;
        if (r & PX__CLAIM(PERSON))
            r &= ~(PX__CLAIM(ORG) | PX__CLAIM(PLACE));
        else if (r & PX__CLAIM(ORG))
            r &= ~PX__CLAIM(PLACE);
        /* "ultimatums", "in principle": the writer's word in quotation
         * marks is colour */
        if (n_words(g->text) < 4)
            r |= PX__CLAIM(FRAGMENT);
        s->claims[k++] = (px__claim){1, q, o->doc, o->sentence, weight_of(r), r};
    }
    s->n_claims = k;
    px__sort(s->claims, k, sizeof(px__claim), cmp_claim);
    free(cx.ents);
    return 0;
}

/* ---- the brief's sentences that carry one side of a conflict ---- */

static int mark_brief(px_story *s)
{
    size_t nc;
    const px_conflict *cs = px_compare_conflicts(s->cmp, &nc);
    s->brief_conflict = px_arena_alloc(&s->arena, (s->n_brief ? s->n_brief : 1) * sizeof(ptrdiff_t));
    s->brief_side = px_arena_calloc(&s->arena, s->n_brief ? s->n_brief : 1, sizeof(size_t));
    if (!s->brief_conflict || !s->brief_side)
        return PX_ENOMEM;
    for (size_t i = 0; i < s->n_brief; i++) {
        const px__brief_line *bl = &s->brief[i];
        s->brief_conflict[i] = -1;
        /* the sentence itself is cited on one side */
        for (size_t c = 0; c < nc && s->brief_conflict[i] < 0; c++)
            for (size_t k = 0; k < cs[c].n_sides && s->brief_conflict[i] < 0; k++)
                for (size_t x = 0; x < cs[c].sides[k].n_cites; x++) {
                    const px_cite *ct = &cs[c].sides[k].cites[x];
                    if (ct->doc == bl->doc && overlaps(ct->start, ct->end, bl->start, bl->end)) {
                        s->brief_conflict[i] = (ptrdiff_t)c;
                        s->brief_side[i] = k;
                        break;
                    }
                }
        /* else the words at issue are in the brief's text (a sentence
         * other outlets carry too): the longest such words decide, so
         * "Former U.S. President Donald Trump" is not "President Donald
         * Trump" */
        size_t best = 0;
        for (size_t c = 0; c < nc && s->brief_conflict[i] < 0; c++)
            for (size_t k = 0; k < cs[c].n_sides; k++)
                for (size_t x = 0; x < cs[c].sides[k].n_cites; x++) {
                    const px_cite *ct = &cs[c].sides[k].cites[x];
                    size_t len = ct->end - ct->start;
                    if (len < 8 || len <= best)
                        continue;
                    px_str t = px_doc_text(s->docs[ct->doc]);
                    char *w = px__strndup(t.ptr + ct->start, len);
                    if (!w)
                        return PX_ENOMEM;
                    if (strstr(bl->text, w)) {
                        best = len;
                        s->brief_side[i] = k;
                        s->brief_conflict[i] = -2 - (ptrdiff_t)c; /* tentative */
                    }
                    free(w);
                }
        if (s->brief_conflict[i] <= -2)
            s->brief_conflict[i] = -2 - s->brief_conflict[i];
    }
    return 0;
}

int px__story_findings(px_story *s)
{
    int rc = order_quotes(s);
    if (!rc)
        rc = rank_claims(s);
    if (!rc)
        rc = mark_brief(s);
    return rc;
}
