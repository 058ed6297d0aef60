/*
 * verb.c - finite reporting verbs, the commonest cue: "X said (that) ...",
 * "“...,” X said", "Her countrymen, she said, should not ...", "X
 * defended the route and said ...", and inverted, "“...,” said X"
 * (inverted.c). attribute_cue() (attrib.c) hands px__verb_cue() every
 * cue that no other rule took; the source comes from source.c
 * (px__verb_source), the content start from content.c
 * (px__said_content_start), and the record goes through the filters of
 * px__add_record (record.c).
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* A finite verb cue being attributed. */
typedef struct verb_site {
    uint32_t k, ke;     /* the cue; the first token after it */
    int ct;             /* its CUE_* type */
    uint32_t p;         /* the token after the source: the verb group's start */
    uint32_t sa;        /* the source's first token (p: none) */
    uint32_t aside_end; /* the end of an aside between dashes before the verb, or 0 */
    bool who;           /* the source is "who" */
} verb_site;

/* The noun phrase that opens the unit from a, before the verb group at
 * p: a few words without a cue, an auxiliary or a participle in -ed, with
 * its appositive (px__subject_end). Returns its end, a when there is
 * none. */
static uint32_t opening_np_end(const ctx *c, uint32_t a, uint32_t p)
{
    uint32_t s1 = a;
    while (s1 < p && c->t[s1].kind == PX_TOK_WORD && !in_quote(c, s1) && s1 < a + 8 &&
           cue_type(c, s1) == CUE_NONE && (s1 == a || !(lexf(c, s1) & (LX_NPSTOP | LX_AUX))) &&
           !(s1 > a && is_ly_adverb(c, s1))) {
        size_t n = tlen(c, s1);
        const char *w = tstr(c, s1);
        if (s1 > a && !(c->t[s1].flags & PX_TF_CAP) && n > 3 && w[n - 2] == 'e' &&
            w[n - 1] == 'd')
            break;
        s1++;
    }
    if (s1 > a && (lexf(c, a) & (LX_NPSTOP | LX_PREP)) && !(lexf(c, a) & LX_DET))
        return a;
    return s1 > a ? px__subject_end(c, s1, p) : s1;
}

/* "Her campaign also announced ... and said", "A spokesman for the mayor
 * defended the route and said": a verb after "and" or "but" (at p - 1)
 * shares the subject of the clause: the unit's subject, spanned as the
 * first verb's source when a record of the unit has it, or the noun
 * phrase that opens the unit. Its content is the clause after it (from
 * "that" when "that" follows within a few words). Returns true when the
 * verb has that subject (and the record, if any, is added). */
static bool second_verb(unit_run *ur, rec r, uint32_t ke, uint32_t p)
{
    ctx *c = ur->c;
    const unit *un = ur->un;
    uint32_t a = ur->a, b = ur->b;
    uint32_t s0 = a, s1 = a;
    const rec *prev = c->recs.n > ur->first_rec ? &c->recs.v[c->recs.n - 1] : NULL;
    if (prev && !px__shared_subject(c, un, prev, p))
        prev = NULL;
    if (un->subject >= 0 && un->subj_b <= p && un->subject_tok < p) {
        s0 = un->subj_a, s1 = un->subj_b;
        if (prev)
            s0 = prev->sa, s1 = prev->sb;
    } else {
        prev = NULL;
        s1 = opening_np_end(c, a, p);
    }
    if (s1 <= s0)
        return false;
    r.sa = s0, r.sb = s1;
    uint32_t s2 = ke;
    while (s2 < b && (is_punct(c, s2, ',') || is_punct(c, s2, ':')))
        s2++;
    for (uint32_t i = s2; i < b && i < s2 + 8; i++) {
        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD || (lexf(c, i) & LX_PRON))
            break;
        if (is(c, i, "that")) {
            s2 = i;
            break;
        }
    }
    r.ca = s2;
    r.cb = trim_end(c, s2, px__clause_end(c, s2, b));
    if (r.cb > r.ca) {
        r.entity = prev ? prev->entity
                   : s0 == un->subj_a && un->subject >= 0 ? un->subject
                                                          : px__resolve(c, ur->u, s0, s1);
        px__add_record(c, r);
    }
    return true;
}

/* Is the content of the verb the quotation before its source? Right before
 * it ("“...,” X said"; not the name of a show: px__show_lead), or, when
 * the source found is only the end of a long one and only a phrase of
 * time or place follows the cue, the quotation that opens the unit ("“A,”
 * nuclear experts X and Y of the Institute for Science wrote in September.
 * “B.”"). Sets *qclose to its closing mark. */
static bool quote_before_source(const unit_run *ur, const verb_site *v, bool after_short,
                                uint32_t *qclose)
{
    const ctx *c = ur->c;
    uint32_t a = ur->a, sa = v->sa;
    uint32_t after = v->ke, after_end = trim_end(c, after, ur->b);
    bool quote_before = sa > a && closes_quote(c, sa - 1) && !px__show_lead(c, a, sa - 1);
    *qclose = quote_before ? sa - 1 : 0;
    if (quote_before || v->who || !after_short || after >= after_end ||
        !(lexf(c, after) & LX_PREP) || is(c, after, "that") || !opens_quote(c, a) ||
        c->title[c->qs.tok_quote[a]])
        return quote_before;
    uint32_t x = c->qs.v[c->qs.tok_quote[a]].end_tok - 1;
    bool np = x + 1 < sa && sa - x <= 30 && closes_quote(c, x) && !px__show_lead(c, a, x);
    for (uint32_t i = x + 1; i < sa && np; i++)
        np = !in_quote(c, i) && c->t[i].kind != PX_TOK_QUOTE && cue_type(c, i) == CUE_NONE &&
             (c->t[i].kind != PX_TOK_PUNCT || is_punct(c, i, ',') || px__glued(c, i));
    for (uint32_t i = after; i < after_end && np; i++)
        np = !in_quote(c, i) && c->t[i].kind != PX_TOK_QUOTE;
    if (np)
        *qclose = x;
    return np;
}

/* "Her countrymen, she said, should not ...", "The reality is, he added,
 * ''there are no recusals''": a source and verb set off by commas inside
 * the sentence; the comma right behind the cue or a word later ("she said
 * Tuesday,"; further on, the comma ends a clause of the content: "likened
 * RT to the BBC, which"). A quotation that opens in lower case goes on
 * with the writer's sentence. Sets *pcomma to the comma after the cue. */
static bool parenthetical_cue(const ctx *c, uint32_t k, uint32_t ke, uint32_t b,
                              uint32_t *pcomma)
{
    for (uint32_t i = ke; i < b && i < k + 3; i++) {
        if (is_punct(c, i, ',')) {
            *pcomma = i;
            return i + 1 < b && !is(c, i + 1, "adding") && cue_type(c, i + 1) != CUE_PART &&
                   (!opens_quote(c, i + 1) || (i + 2 < b && c->t[i + 2].kind == PX_TOK_WORD &&
                                               !(c->t[i + 2].flags & PX_TF_CAP)));
        }
        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD || is(c, i, "that"))
            return false;
    }
    return false;
}

/* The record of a parenthetical cue: the whole unit is the content, but
 * "Still, she added, “we also can't ignore ...”": a lone "still" before
 * the source concedes against the writer's sentence before, as it does
 * before a content ("Still, [golf clubs are ...]," he said); the content
 * starts after the cue's comma (on PolNeAR train 3 of 3; "But," and
 * "Instead," go either way there). */
static void parenthetical_record(unit_run *ur, rec r, const verb_site *v, uint32_t pcomma)
{
    ctx *c = ur->c;
    uint32_t a = ur->a, b = ur->b;
    r.ca = a;
    if (v->sa == a + 2 && is(c, a, "still") && is_punct(c, a + 1, ',') && pcomma + 2 < b)
        r.ca = pcomma + 1;
    r.cb = trim_end(c, a, px__clause_end(c, v->ke, b));
    if (r.cb <= r.ca)
        return;
    r.entity = px__resolve(c, ur->u, r.sa, r.sb);
    px__add_record(c, r);
}

/* "“...,” X said.", "He will win, X said": the content before the source
 * (the quotation closing at qclose, or the clause before the comma), with
 * the quotation that goes on after the attribution ("“A,” she said, “B.”":
 * px__interrupted_tail) or leads the next unit ("“A,” she said. “B.”").
 * Returns false when the words before are too few to be a content. */
static bool content_before(unit_run *ur, rec *r, uint32_t ke, bool quote_before, uint32_t qclose,
                           bool comma_before)
{
    const ctx *c = ur->c;
    uint32_t a = ur->a;
    r->ca = quote_before ? px__quote_start(c, a, qclose) : a;
    r->cb = quote_before ? qclose + 1 : trim_end(c, a, r->sa - 1);
    if (!quote_before && r->cb > a && closes_quote(c, r->cb - 1) == false && r->cb - r->ca < 3)
        return false;
    uint32_t tail = px__interrupted_tail(c, ke, ur->b);
    if (tail)
        r->cb = tail;
    else if ((quote_before || closes_quote(c, r->cb - 1) || comma_before) &&
             px__lead_quote_next(c, ur->u))
        px__take_in_next(ur, r);
    return true;
}

/* "X said (that) ...": the content after the verb, from
 * px__said_content_start to the end of its clause. A cue that ends its
 * unit introduces the next (px__colon_intro); a verb of thought needs a
 * clause (px__thought_content). "bodies, which he called "a cartel"",
 * "what it calls "sensible laws"": a relative pronoun before the source is
 * the object of the cue and PolNeAR starts the content with it. "Greene
 * added that the Fed wants out. "They don't like to talk about it."": a
 * quotation alone after the clause, in its paragraph, goes on with it.
 * Returns false when there is no content. */
static bool content_after(unit_run *ur, rec *r, const verb_site *v)
{
    ctx *c = ur->c;
    uint32_t a = ur->a, b = ur->b, k = v->k, sa = v->sa;
    uint32_t s = px__said_content_start(c, k, v->ke, b);
    if (px__colon_intro(ur, r, v->ke, s))
        return false;
    if (v->ct == CUE_THAT && !px__thought_content(c, a, k, v->p, s, b))
        return false;
    r->ca = s;
    r->cb = trim_end(c, s, px__clause_end(c, s, b));
    if (v->ct == CUE_PREPV)
        r->cb = px__prep_verb_np_end(c, s, r->cb);
    if (sa > a && !in_quote(c, sa - 1) &&
        (is(c, sa - 1, "which") || is(c, sa - 1, "whom") || is(c, sa - 1, "what")) &&
        !(sa > a + 1 && (lexf(c, sa - 2) & LX_PREP))) /* "in which he said" */
        r->ca = sa - 1;
    if (r->cb > r->ca + 3 && r->cb == trim_end(c, r->ca, b) && !in_quote(c, r->cb - 1) &&
        c->recs.n == ur->first_rec && !v->who &&
        !(r->sa > a && (lexf(c, r->sa - 1) & (LX_PRON | LX_PREP | LX_NPSTOP))) &&
        !(lexf(c, k) & LX_WEAK) && !opens_quote(c, r->ca) && px__indirect_goes_on(c, ur->u) &&
        !quote_in(c, a, k))
        px__take_in_next(ur, r);
    return true;
}

/* A verb with its source before it: the content is before the source
 * (content_before: "“...,” X said", "He will win, X said") when a
 * quotation closes right before the source, or a comma does and nothing
 * but a phrase follows the cue (after_short) and the words before are
 * more than a lead ("Now, Republicans believe ..."); the whole sentence
 * around a parenthetical cue; else the clause after the verb
 * (content_after). Returns false when no record is to be added. */
static bool verb_with_source(unit_run *ur, rec *r, const verb_site *v, bool after_short)
{
    ctx *c = ur->c;
    uint32_t a = ur->a, sa = v->sa;
    r->sa = sa, r->sb = px__source_cut(c, sa, px__source_end(c, v->p, v->k));
    /* the aside between dashes is part of the source, as PolNeAR spans
     * it, with its closing dash */
    if (v->aside_end && r->sb == v->p && px__aside_in_source(c, v->p, v->aside_end))
        r->sb = v->aside_end;
    uint32_t qclose, pcomma = 0;
    bool quote_before = quote_before_source(ur, v, after_short, &qclose);
    bool comma_before = sa > a + 1 && is_punct(c, sa - 1, ',');
    if (comma_before && !v->who && parenthetical_cue(c, v->k, v->ke, ur->b, &pcomma)) {
        parenthetical_record(ur, *r, v, pcomma);
        return false;
    }
    bool lead_short = false;
    if (comma_before && !quote_before) {
        uint32_t le = trim_end(c, a, sa - 1);
        lead_short = (le - a < 3 && !(le > a && closes_quote(c, le - 1))) ||
                     px__adverbial_lead(c, a, le);
    }
    if (!v->who && (quote_before || (comma_before && after_short && !lead_short)))
        return content_before(ur, r, v->ke, quote_before, qclose, comma_before);
    return content_after(ur, r, v);
}

/* A finite reporting verb at k (r its record so far, ke the token after
 * it; prog: a participle after "be", "is saying"): its source before it
 * (px__verb_source), shared with a verb before "and" (second_verb), or
 * after it, inverted (px__inverted_cue); its content before the source or
 * after the verb (verb_with_source). The record then passes the tests of
 * a weak or learnt cue (px__weak_cue_holds); a content inside a relative
 * clause of the subject ends before the main verb ("Podesta, who said
 * [the project was vetted], said ...", "Sanders's donor list, which the
 * campaign says [includes 2.7 million contributors], is ..."). */
void px__verb_cue(unit_run *ur, rec r, uint32_t k, uint32_t ke, int ct, bool prog)
{
    ctx *c = ur->c;
    uint32_t a = ur->a;
    verb_site v = {k, ke, ct, 0, 0, 0, false};
    v.sa = px__verb_source(c, a, k, prog, &v.p, &v.aside_end);
    bool have_src = v.p > a && v.sa < v.p;
    if (v.p > a && (is(c, v.p - 1, "and") || is(c, v.p - 1, "but")) && !in_quote(c, v.p - 1) &&
        second_verb(ur, r, ke, v.p))
        return;
    if (have_src && v.sa > a && (lexf(c, v.sa - 1) & LX_PREP))
        have_src = px__source_after_prep(c, a, k, ke, v.p, &v.sa);
    v.who = have_src && v.p - v.sa == 1 && is(c, v.sa, "who");
    bool after_short = px__nothing_after(c, ke, ur->b);
    if (have_src) {
        if (!verb_with_source(ur, &r, &v, after_short))
            return;
    } else if (v.p == a || is_punct(c, v.p - 1, ',') || closes_quote(c, v.p - 1)) {
        if (!px__inverted_cue(ur, &r, ke, v.p))
            return;
    } else
        return;
    if (r.cb <= r.ca || !px__weak_cue_holds(c, a, k, ke, &r))
        return;
    if (r.ca >= ke && r.sb > r.sa && !in_quote(c, r.ca) &&
        (v.who || (r.sa > a && (is(c, r.sa - 1, "which") || is(c, r.sa - 1, "who") ||
                                is(c, r.sa - 1, "whom")))))
        r.cb = trim_end(c, r.ca, px__relative_end(c, r.ca, r.cb));
    r.entity = px__resolve(c, ur->u, r.sa, r.sb);
    px__add_record(c, r);
}
