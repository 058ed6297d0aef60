/*
 * nominal.c - the cues that are no verb: "according to" (the source after
 * the cue, the content around it) and nominal cues ("questions about [his
 * campaign]", "his attacks on [Clinton]": the content after the
 * preposition, the source a possessive or the subject of the clause).
 * attribute_cue() (attrib.c) hands them a cue of type CUE_ACCORDING or
 * CUE_NOUN; each returns the last token it consumed.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* The length of the parenthesis that opens at token o, when it is as
 * short as a party, a state or an acronym after a name ("(D-Ore.)",
 * "(AROS)", "(R)": at most four tokens, no comma); 0 otherwise. */
static uint32_t short_paren(const ctx *c, uint32_t o, uint32_t b)
{
    for (uint32_t i = o + 1; i < b && i <= o + 5; i++) {
        if (is_punct(c, i, ')'))
            return i > o + 1 ? i + 1 - o : 0;
        if (in_quote(c, i) || is_punct(c, i, ',') || is_punct(c, i, '('))
            return 0;
    }
    return 0;
}

/* "according to Andy Smith, director of the Survey Center, [the campaign
 * has ...]", "[Clinton leads by 10 points], according to exit polls": the
 * source is the noun phrase after "to" (with its appositives); the
 * content follows the source when the cue leads its clause, else it is
 * all before the cue. */
uint32_t px__according_cue(unit_run *ur, uint32_t k)
{
    ctx *c = ur->c;
    uint32_t a = ur->a, b = ur->b;
    rec r = {0, 0, 0, 0, k, k + 2, -1, false, NULL};
    uint32_t s = k + 2, e = s;
    /* "(... according to exit polls)", "according to exit polls (a
     * sizable margin, ...)": not over a parenthesis it does not open, nor
     * one longer than a name's ("(D-Ore.)", "(AROS)") */
    while (e < b && !in_quote(c, e) && !is_punct(c, e, ',') && !is_terminal_tok(c, e) &&
           !is_punct(c, e, ')') && !(is_punct(c, e, '(') && !short_paren(c, e, b)) &&
           !(e > s && c->t[e].kind == PX_TOK_DASH && c->t[e].start > c->t[e - 1].end))
        e += is_punct(c, e, '(') ? short_paren(c, e, b) : 1;
    if (e == s)
        return k;
    r.sa = s, r.sb = e;
    bool leading = k == a || (k > a && is_punct(c, k - 1, ',') && k - a <= 4) ||
                   (k > a && c->t[k - 1].kind == PX_TOK_DASH);
    e = px__according_appositive(c, s, e, b, leading);
    r.sb = e;
    if (leading && e > s && is_punct(c, e - 1, ',') && e < b) {
        r.ca = e;
        r.cb = trim_end(c, r.ca, px__clause_end(c, r.ca, b));
    } else if (leading && e < b && is_punct(c, e, ',')) {
        r.ca = e + 1;
        r.cb = trim_end(c, r.ca, px__clause_end(c, r.ca, b));
    } else if (!leading) {
        r.ca = a;
        r.cb = trim_end(c, a, k);
    } else
        return k;
    r.entity = px__resolve(c, ur->u, r.sa, r.sb);
    px__add_record(c, r);
    return e;
}

/* The source of a nominal cue at k that the clause's subject holds, a few
 * words before the noun: "[Graham] has been critical of Trump", "[Clinton]
 * is a consistent supporter of NATO", "[These voters] are skeptical of";
 * not the one who receives it ("The council faced questions about").
 * Sets r->sa, r->sb when there is one. */
static void noun_cue_subject(const ctx *c, uint32_t a, uint32_t k, rec *r)
{
    uint32_t s1, s0 = px__clause_subject(c, a, k, &s1);
    bool near = s1 > s0 && k - s1 <= 5;
    for (uint32_t x = s1; x < k && near; x++)
        near = c->t[x].kind == PX_TOK_WORD && !in_quote(c, x) && cue_type(c, x) == CUE_NONE;
    if (near && px__receive_verb(c, s1, k))
        near = false; /* "The council faced questions about" */
    if (near) {
        r->sa = s0, r->sb = s1;
        return;
    }
    uint32_t v = px__noun_cue_verb(c, a, k);
    uint32_t y = v < k && v > a ? px__np_before(c, a, v - 1) : v;
    /* "Ultimately 54 percent of voters": no adverb that opens the
     * sentence */
    if (y + 1 < v && (c->t[y].flags & PX_TF_CAP) && tlen(c, y) > 4 &&
        !memcmp(tstr(c, y) + tlen(c, y) - 2, "ly", 2))
        y++;
    bool when = false; /* "last week picked up" */
    for (uint32_t x = y; x < v && !when; x++)
        when = px__time_noun(c, x) || is(c, x, "date");
    /* "have been [largely positive] are wary of": no subject right after a
     * preposition or an auxiliary */
    if (y < v && !when && !(y > a && (lexf(c, y - 1) & LX_PREP)) &&
        !(y > a && (lexf(c, y - 1) & LX_AUX) && !(c->t[y - 1].flags & PX_TF_CAP)))
        r->sa = y, r->sb = v;
}

/* A nominal cue at k ("questions about", "critical of"): the content is
 * the noun phrase after the preposition, to a punctuation mark, an
 * auxiliary or another cue (px__noun_cue_end); the source a possessive
 * before the noun ("[his] attacks on", "[the Republican nominee’s] speech
 * on") or the clause's subject (noun_cue_subject). */
uint32_t px__noun_cue(unit_run *ur, uint32_t k)
{
    ctx *c = ur->c;
    uint32_t a = ur->a;
    rec r = {0, 0, 0, 0, k, k + 2, -1, false, NULL};
    uint32_t s = k + 2, e = px__noun_cue_end(c, s, ur->b);
    if (e == s)
        return k;
    if (k > a && !in_quote(c, k - 1) &&
        (is(c, k - 1, "his") || is(c, k - 1, "her") || is(c, k - 1, "their") ||
         is(c, k - 1, "its") || is(c, k - 1, "our") || is(c, k - 1, "my"))) {
        r.sa = k - 1, r.sb = k;
    } else if (k > a && possessive(c, k - 1) && !in_quote(c, k - 1)) {
        uint32_t x = k - 1;
        while (x > a && k - x < 6 && c->t[x - 1].kind == PX_TOK_WORD && !in_quote(c, x - 1) &&
               !(lexf(c, x - 1) & (LX_NPSTOP | LX_PREP)) && cue_type(c, x - 1) == CUE_NONE &&
               !(lexf(c, x - 1) & LX_DET))
            x--;
        if (x > a && (lexf(c, x - 1) & LX_DET) && !in_quote(c, x - 1))
            x--;
        r.sa = x, r.sb = k;
    } else
        noun_cue_subject(c, a, k, &r);
    if (r.sb > r.sa)
        r.entity = px__resolve(c, ur->u, r.sa, r.sb);
    r.ca = s, r.cb = e;
    px__add_record(c, r);
    return e - 1;
}
