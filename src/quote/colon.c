/*
 * colon.c - colon introductions: a clause ending in a colon before a
 * quotation ("Kasich resisted: “Ohio governors ...”"), a source named
 * before it ("From the report: “...”", "Here’s Clinton in 1992: “...”"),
 * and a unit whose colon introduces the quotation of the next paragraph.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* Does unit u end with a colon (or, after a cue ending the unit, a full
 * stop) and introduce a quotation that opens the next paragraph: "...,
 * still in his overalls:" then "“A." "“B." "“C.”"? */
bool px__intro_next_quote(const ctx *c, size_t u, bool colon_only)
{
    const unit *un = &c->units[u];
    if (u + 1 >= c->n_units || un->b <= un->a + 1 || in_quote(c, un->b - 1))
        return false;
    if (!is_punct(c, un->b - 1, ':') && (colon_only || !is_punct(c, un->b - 1, '.')))
        return false;
    if (px__lone_quote(c, u + 1) < 0)
        return false;
    return c->qs.tok_block[c->units[u + 1].a] != c->qs.tok_block[un->b - 1] ||
           !is_punct(c, un->b - 1, ':');
}

/* "Kasich resisted: "Ohio governors do not have the power ..."", "Mitch
 * McConnell delivered a blunt message to Trump: "It's time to quit ..."":
 * a clause whose subject opens the unit ends in a colon, and a quotation
 * that no record covers runs from the colon to the end of the unit: the
 * subject said it, the verb after the subject is the cue. */
void px__colon_quote(ctx *c, size_t u, size_t first_rec)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    for (uint32_t k = a + 2; k < b; k++) {
        if (c->t[k].kind != PX_TOK_QUOTE || !is_punct(c, k - 1, ':') || !opens_quote(c, k) ||
            in_quote(c, k - 1))
            continue;
        int32_t q = c->qs.tok_quote[k];
        if (c->title[q] || c->qs.v[q].close == PX__QSPAN_UNCLOSED)
            return;
        uint32_t e = c->qs.v[q].end_tok;
        while (e < b && is_terminal_tok(c, e))
            e++;
        if (e < b && !(c->t[e].flags & PX_TF_SENT_START))
            return; /* the quotation ends the sentence */
        if (px__recs_overlap(c, first_rec, k, c->qs.v[q].end_tok))
            return;
        for (uint32_t i = a; i + 1 < k; i++)
            if (in_quote(c, i) || is_punct(c, i, '.') || is_punct(c, i, '!') ||
                is_punct(c, i, '?') || is_punct(c, i, ';') || is_punct(c, i, ':'))
                return; /* one sentence before the colon, no quotation */
        uint32_t s1, s0 = px__clause_subject(c, a, k - 1, &s1);
        if (s1 <= s0) {
            /* "With Democratic leaders increasingly worried ..., President
             * Obama is rolling out a new ... message:": the clause after
             * the last comma */
            uint32_t x = k - 1;
            while (x > a + 1 && !is_punct(c, x - 1, ','))
                x--;
            if (x > a + 1 && k - 1 - x >= 3)
                s0 = px__clause_subject(c, x, k - 1, &s1);
        }
        if (s1 <= s0 && un->subject >= 0 && un->subj_a == a && un->subj_b + 1 < k &&
            un->subject_tok < k) {
            /* "Mark Mahaney, technology analyst at RBC Capital Markets,
             * agreed:": the unit's subject with its appositive */
            s0 = a, s1 = un->subj_b;
            if (is_punct(c, s1, ',')) {
                uint32_t x = s1 + 1;
                while (x + 1 < k && !is_punct(c, x, ','))
                    x++;
                s1 = x + 1 < k ? x + 1 : s1 + 1;
            }
            if (s1 + 1 >= k || c->t[s1].kind != PX_TOK_WORD || (c->t[s1].flags & PX_TF_CAP) ||
                (lexf(c, s1) & (LX_NPSTOP | LX_PREP)))
                return;
        }
        if (s1 <= s0 || k - 1 - s1 > 12)
            return;
        uint32_t v = s1; /* "She then addressed", "Clinton has since apologized" */
        while (v + 2 < k && (px__before_cue(c, a, v) || is(c, v, "then") || is(c, v, "since")))
            v++;
        rec r = {k, c->qs.v[q].end_tok, s0, s1, v, v + 1, -1, false, NULL};
        r.entity = px__resolve(c, u, s0, s1);
        px__add_record(c, r);
        return;
    }
}

/* "From the report: “In general, samples ...”", "More from Jones: “The
 * partisanship ...”", "According to HuffPo: “Senator Kaine has ...”",
 * "Here’s Clinton in 1992: “Our new direction ...”": a sentence that
 * opens with a phrase naming where the words come from, then a colon and
 * a quotation, quotes that source (the cue is the colon, or "According
 * to"; the source the noun phrase, without a time or place after it).
 * Adds the record when no record covers the quotation. */
void px__from_colon_quote(ctx *c, size_t u, size_t first_rec)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    for (uint32_t k = a; k + 3 < b; k++) {
        if (in_quote(c, k) || c->t[k].kind != PX_TOK_WORD || !(c->t[k].flags & PX_TF_CAP) ||
            !(k == a || is_terminal_tok(c, k - 1) || c->t[k - 1].kind == PX_TOK_DASH))
            continue;
        uint32_t s = k + 1;
        bool according = false;
        if (is(c, k, "more") && is(c, k + 1, "from"))
            s = k + 2;
        else if (is(c, k, "according") && is(c, k + 1, "to"))
            s = k + 2, according = true;
        else if (!is(c, k, "from") && !is(c, k, "here's") && !is(c, k, "here\xe2\x80\x99s"))
            continue;
        uint32_t x = s;
        while (x < b && x < s + 10 && !in_quote(c, x) && !is_punct(c, x, ':') &&
               !is_terminal_tok(c, x) && !is_punct(c, x, ','))
            x++;
        if (x == s || x + 1 >= b || !is_punct(c, x, ':') || !opens_quote(c, x + 1))
            continue;
        int32_t qi = c->qs.tok_quote[x + 1];
        if (qi < 0 || c->title[qi])
            continue;
        uint32_t qe = c->qs.v[qi].end_tok;
        if (px__recs_overlap(c, first_rec, x, qe))
            continue;
        /* the source without "in December 1992" */
        uint32_t se = s + 1;
        while (se < x && !(lexf(c, se) & LX_PREP))
            se++;
        rec r = {x + 1, qe, s, se, according ? k : x, according ? k + 2 : x + 1, -1, false, NULL};
        r.entity = px__resolve(c, u, s, se);
        px__add_record(c, r);
        k = qe;
    }
}

/* The record of a headline's name [ur->a, e) before the colon at token
 * colon: the cue is the colon, the content the rest of the unit. Returns
 * false when nothing follows the colon. */
static bool name_colon_record(unit_run *ur, uint32_t e, uint32_t colon)
{
    ctx *c = ur->c;
    rec r = {colon + 1, trim_end(c, colon + 1, ur->b), ur->a, e, colon, colon + 1, -1, false, NULL};
    if (r.cb <= r.ca)
        return false;
    r.entity = px__resolve(c, ur->u, ur->a, e);
    px__add_record(c, r);
    return true;
}

/* "Bernie Sanders: 'Of Course' Hillary Clinton Is Qualified": a headline
 * (or a line in capitals, or any unit after a person's name) that gives a
 * person's words after the name, up to four capitalised words, and a
 * colon. Returns true when it added the record (the unit then has no
 * other). */
static bool name_colon(unit_run *ur, uint32_t e)
{
    ctx *c = ur->c;
    uint32_t a = ur->a, b = ur->b;
    if (!(e > a && e + 2 < b && is_punct(c, e, ':') && !(c->t[e + 1].flags & PX_TF_NL_BEFORE)))
        return false;
    int32_t m = c->mn.tok_mention[e - 1];
    bool person = m >= 0 && entity_is_person(c, c->mn.m.v[m].entity);
    if (!(person || (c->t[a].flags & PX_TF_ALLCAPS) || (m >= 0 && e - a >= 2) || a == 0))
        return false;
    return name_colon_record(ur, e, e);
}

/* "CNN President On Trump: ‘We Do Not Pay Candidates.’", "Gillibrand on
 * Hillary's Speeches: ‘I Think She Will.’": in the first block, the name
 * [a, e), "on" and the topic before the colon and a quotation after it;
 * the name is the speaker. Returns true when it added the record. */
static bool name_on_topic_colon(unit_run *ur, uint32_t e)
{
    ctx *c = ur->c;
    uint32_t a = ur->a, b = ur->b;
    if (!(e > a && e + 3 < b && is(c, e, "on") && c->qs.tok_block[a] == 0 &&
          !(lexf(c, a) & LX_DET)))
        return false;
    uint32_t k = e + 1;
    while (k < b && k < e + 12 && !is_punct(c, k, ':') && !in_quote(c, k) &&
           !is_terminal_tok(c, k))
        k++;
    if (!(k + 1 < b && k > e + 1 && is_punct(c, k, ':') && opens_quote(c, k + 1) &&
          !(c->t[k + 1].flags & PX_TF_NL_BEFORE)))
        return false;
    return name_colon_record(ur, e, k);
}

/* A name (up to four capitalised words) that opens the unit, then a
 * colon (name_colon) or "on" and a topic (name_on_topic_colon): a
 * headline's speaker. Returns true when it added the record. */
bool px__headline_colon(unit_run *ur)
{
    const ctx *c = ur->c;
    uint32_t a = ur->a, b = ur->b, e = a;
    while (e < b && e < a + 4 && c->t[e].kind == PX_TOK_WORD && (c->t[e].flags & PX_TF_CAP) &&
           !in_quote(c, e) && !(lexf(c, e) & LX_NAMESTOP))
        e++;
    return name_colon(ur, e) || name_on_topic_colon(ur, e);
}

/* "Zielinski told reporters outside the gallery:", "He said:" at the end
 * of its unit, then a quotation in the next paragraph: the verb's content
 * is that quotation (px__intro_next_quote), and its record r (source
 * resolved) goes to *ur->colon_intro for the next unit. s is where the
 * content after the cue would begin (ke the token after the cue). Returns
 * true when nothing after the cue is its content: the verb has no record
 * in this unit. */
bool px__colon_intro(unit_run *ur, const rec *r, uint32_t ke, uint32_t s)
{
    ctx *c = ur->c;
    uint32_t b = ur->b;
    bool intro = px__intro_next_quote(c, ur->u, true) ||
                 (ke + 1 == b && px__intro_next_quote(c, ur->u, false));
    for (uint32_t i = ke; i < b && intro; i++)
        intro = cue_type(c, i) == CUE_NONE;
    if (!(intro || s >= b || (s < b && trim_end(c, s, b) == s)))
        return false;
    if (intro || (ke < b && is_punct(c, ke, ':'))) {
        *ur->colon_intro = *r;
        ur->colon_intro->entity = px__resolve(c, ur->u, r->sa, r->sb);
        ur->colon_intro->ca = 1; /* marks it set */
    }
    return true;
}

/* "Zielinski, the rescue commander, spoke to reporters, still in his
 * overalls:" then a quotation in the next paragraph, with no reporting
 * verb: the unit's subject said it, the verb after it (over an
 * appositive and auxiliaries) is the cue. Sets *ur->colon_intro when the
 * unit has no record and no introduction yet. */
void px__subject_colon_intro(unit_run *ur)
{
    const ctx *c = ur->c;
    const unit *un = ur->un;
    uint32_t b = ur->b;
    if (!(c->recs.n == ur->first_rec && !ur->colon_intro->ca && un->subject >= 0 &&
          un->subject_tok < b && un->subj_b < b && px__intro_next_quote(c, ur->u, true)))
        return;
    uint32_t v = un->subj_b;
    if (is_punct(c, v, ',')) { /* an appositive */
        v++;
        while (v < b && !is_punct(c, v, ',') && !is_terminal_tok(c, v))
            v++;
        if (v < b && is_punct(c, v, ','))
            v++;
    }
    while (v < b && (lexf(c, v) & LX_AUX))
        v++;
    if (v < b && c->t[v].kind == PX_TOK_WORD && !(c->t[v].flags & PX_TF_CAP) &&
        !(lexf(c, v) & (LX_NPSTOP | LX_PREP))) {
        rec r = {1, 0, un->subj_a, un->subj_b, v, v + 1, un->subject, false, NULL};
        *ur->colon_intro = r;
    }
}
