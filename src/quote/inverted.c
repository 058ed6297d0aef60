/*
 * inverted.c - the inverted and comma forms before a quotation: "Said
 * Comey, “...”" and "He jokes, “...”" (a verb the lexicon does not know,
 * a comma and a quotation).
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* "Said Comey, “The thought that an error on our part ...”", "Said
 * Dorothy Poynter, who grew up with Ali, “We were all so proud.”": a
 * sentence that opens with the cue, then the speaker and a comma, before
 * the quotation (the inverted order of "Comey said, “...”"). Adds the
 * record when no record covers the quotation. */
void px__inverted_said_quote(ctx *c, size_t u, size_t first_rec)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    for (uint32_t k = a; k + 3 < b; k++) {
        if (in_quote(c, k) || c->t[k].kind != PX_TOK_WORD || !(c->t[k].flags & PX_TF_CAP) ||
            !(k == a || stop_tok(c, k - 1)) ||
            !(is(c, k, "said") || is(c, k, "says") || is(c, k, "added") || is(c, k, "wrote")) ||
            !(c->t[k + 1].flags & PX_TF_CAP) || (lexf(c, k + 1) & (LX_PRON | LX_NAMESTOP)))
            continue;
        uint32_t x = k + 1;
        while (x < b && x < k + 20 && !opens_quote(c, x) && !in_quote(c, x) &&
               !stop_tok(c, x))
            x++;
        if (x >= b || x < k + 3 || !opens_quote(c, x) || !is_punct(c, x - 1, ','))
            continue;
        int32_t qi = c->qs.tok_quote[x];
        if (qi < 0 || c->title[qi])
            continue;
        uint32_t qe = c->qs.v[qi].end_tok;
        if (px__recs_overlap(c, first_rec, x, qe))
            continue;
        rec r = {x, qe, k + 1, x - 1, k, k + 1, -1, false, NULL};
        r.entity = px__resolve(c, u, k + 1, x - 1);
        px__add_record(c, r);
        k = qe;
    }
}

/* "He jokes, “It’s a never ending line!”", "He answered, “I have no
 * idea.”", "Billy Joel sings, “Don't go changing.”": a subject, a verb
 * the lexicon does not know, a comma and a quotation that opens with a
 * capital (a sentence of its own) report the subject's words, as "He
 * said, “...”" does. Adds the record when no record covers the
 * quotation. */
void px__comma_verb_quote(ctx *c, size_t u, size_t first_rec)
{
    static const char *const past[] = {"sang", "sings", "spoke", "wrote", "went", "began"};
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    for (uint32_t k = a + 1; k + 3 < b; k++) {
        if (!is_punct(c, k + 1, ',') || !opens_quote(c, k + 2) || in_quote(c, k) ||
            c->t[k].kind != PX_TOK_WORD || (c->t[k].flags & PX_TF_CAP) ||
            !(c->t[k + 3].flags & PX_TF_CAP) || cue_type(c, k) != CUE_NONE)
            continue;
        size_t n = tlen(c, k);
        const char *w = tstr(c, k);
        if (n < 4 || (lexf(c, k) & (LX_AUX | LX_NPSTOP | LX_PREP | LX_DET | LX_PRON | LX_ROLE)) ||
            is_ly_adverb(c, k))
            continue;
        bool ed = w[n - 2] == 'e' && w[n - 1] == 'd';
        bool s3 = w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != '\'' &&
                  (unsigned char)w[n - 2] != 0x99;
        if (!ed && !s3 && !is_any(c, k, past, PX_ARRAY_LEN(past)))
            continue;
        /* a noun, not a verb: "repeat, 10,000 times, “Peace ...”" */
        if (c->t[k - 1].kind == PX_TOK_NUMBER || (lexf(c, k - 1) & LX_DET))
            continue;
        int32_t qi = c->qs.tok_quote[k + 2];
        if (qi < 0 || c->title[qi])
            continue;
        uint32_t qe = c->qs.v[qi].end_tok;
        if (px__recs_overlap(c, first_rec, k + 2, qe))
            continue;
        uint32_t p = px__verb_group_start(c, a, k);
        if (p <= a)
            continue;
        uint32_t sa = px__np_before(c, a, p - 1);
        if (sa >= p || (sa > a && !is_terminal_tok(c, sa - 1) && !closes_quote(c, sa - 1)))
            continue;
        rec r = {k + 2, qe, sa, p, k, k + 1, -1, false, NULL};
        r.entity = px__resolve(c, u, sa, p);
        px__add_record(c, r);
        k = qe;
    }
}

/* "“...,” said Ron Weiser", "A," said X. "B.", 'Some sentiments are "based
 * on ...," said X. "..."': a verb with no source before it, after a
 * comma or a quotation (p, the verb group's start), takes the noun
 * phrase after it as its source (px__np_after, from ke) and the
 * quotation or clause before as its content, with a quotation that goes
 * on after it. The source must end the unit ("Russia, meanwhile, claimed
 * Ukraine fired ..." is no inversion); a relative clause left out of the
 * source ends it as well ("..., said Ann Ruiz, who said she would ...").
 * Returns false when there is no record. */
bool px__inverted_cue(unit_run *ur, rec *r, uint32_t ke, uint32_t p)
{
    const ctx *c = ur->c;
    uint32_t a = ur->a, b = ur->b;
    uint32_t e = px__np_after(c, ke, b);
    if (e == ke || p == a)
        return false;
    uint32_t rest = e + 1 < b && is_punct(c, e, ',') && is(c, e + 1, "who") ? b : e;
    if (!closes_quote(c, p - 1) && trim_end(c, rest, b) > rest)
        return false;
    r->sa = ke, r->sb = e;
    r->ca = closes_quote(c, p - 1) ? px__quote_start(c, a, p - 1) : a;
    r->cb = closes_quote(c, p - 1) ? p : trim_end(c, a, p - 1);
    if (r->cb <= r->ca)
        return false;
    uint32_t tail = px__interrupted_tail(c, e, b);
    if (tail)
        r->cb = tail;
    else if (closes_quote(c, r->cb - 1) && px__lead_quote_next(c, ur->u))
        px__take_in_next(ur, r);
    return true;
}
