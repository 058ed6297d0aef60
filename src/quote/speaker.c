/*
 * speaker.c - who a source stands for. A speaker is a person or an
 * organisation that the article names: px__resolve takes the head of the
 * source's noun phrase ("About four in 10 South Carolina Republican
 * primary voters" is headed by "voters", no one's name; "Biden
 * administration officials" by "officials") and names the entity of the
 * mention table (mention.c) that the head belongs to, or the antecedent
 * of a pronoun or a role ("he", "the senator"). Then it keeps from the
 * speakers what cannot speak: an acronym the article never spells out
 * nor makes the subject of a reporting verb ("HP", "CT", "GPS"), a place
 * a pronoun would point to ("he said" after "Gaza"), and a label before
 * a colon that names no one the article speaks of ("Dividend News:",
 * "Te Ara: The Encyclopedia of New Zealand").
 */
#include <string.h>

#include "../entity/entity.h"
#include "attrib.h"

/* ---- what kind of name an entity has ---- */

/* "CDC", "UN", "U.N.": one word of two to six capitals (dots allowed). */
static bool acronym_name(const char *name)
{
    size_t caps = 0;
    for (const char *p = name; *p; p++) {
        if (*p >= 'A' && *p <= 'Z')
            caps++;
        else if (*p != '.' && !(*p >= '0' && *p <= '9'))
            return false;
    }
    return caps >= 2 && caps <= 6;
}

static bool place_name(const char *name)
{
    int kind, capital_of;
    return px__place_lookup(name, strlen(name), &kind, &capital_of) >= 0;
}

/* A name shaped like an organisation's: an acronym, or a word such as
 * "Union", "Ministry", "Times" in it. */
static bool org_name(const char *name)
{
    if (acronym_name(name))
        return true;
    for (const char *p = name; *p;) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if (px__org_word(p, len))
            return true;
        p += len + (sp != NULL);
    }
    return false;
}

/* ---- what the article does with an entity ---- */

/* Is the mention m the subject of a reporting verb ("The FSF said", "the
 * CDC has warned") or the source of "according to (the) CDC"? */
static bool speaking_mention(const ctx *c, const px__mention *m)
{
    uint32_t k = m->end_tok;
    for (uint32_t n = 0; n < 2 && k < c->doc->n_toks && (lexf(c, k) & LX_AUX); n++)
        k++;
    if (k < c->doc->n_toks && (lexf(c, k) & LX_VERB) && !(lexf(c, k) & LX_WEAK))
        return true;
    uint32_t s = m->start_tok;
    if (s >= 1 && is(c, s - 1, "the"))
        s--;
    return s >= 2 && is(c, s - 1, "to") && is(c, s - 2, "according");
}

/* Is the acronym of mention m spelt out right before it: "Free Software
 * Foundation (FSF)", "Centers for Disease Control and Prevention (CDC)"?
 * The initials of the capitalised words before the parenthesis end with
 * its letters. */
static bool spelt_out(const ctx *c, const px__mention *m)
{
    uint32_t s = m->start_tok;
    if (s < 2 || !is_punct(c, s - 1, '(') || m->end_tok - s != 1)
        return false;
    const char *a = tstr(c, s);
    size_t n = tlen(c, s), left = 0;
    for (size_t k = 0; k < n; k++)
        left += a[k] >= 'A' && a[k] <= 'Z';
    uint32_t k = s - 1;
    for (size_t i = n; i-- > 0 && left;) {
        if (a[i] < 'A' || a[i] > 'Z')
            continue;
        while (k > 0 && (is(c, k - 1, "of") || is(c, k - 1, "for") || is(c, k - 1, "and") ||
                         is(c, k - 1, "the") || is_punct(c, k - 1, '&')))
            k--;
        if (k == 0 || c->t[k - 1].kind != PX_TOK_WORD || tstr(c, k - 1)[0] != a[i])
            return false;
        k--;
        left--;
    }
    return true;
}

/* May an acronym speak: does the article spell it out, or make it the
 * subject of a reporting verb somewhere? */
static bool acronym_speaks(const ctx *c, int32_t e)
{
    for (size_t i = 0; i < c->mn.m.n; i++) {
        const px__mention *m = &c->mn.m.v[i];
        if (m->entity == e && (speaking_mention(c, m) || spelt_out(c, m)))
            return true;
    }
    return false;
}

/* Does the article name entity e other than as a label before a colon? */
static bool named_in_prose(const ctx *c, int32_t e)
{
    for (size_t i = 0; i < c->mn.m.n; i++) {
        const px__mention *m = &c->mn.m.v[i];
        if (m->entity == e && !(m->end_tok < c->doc->n_toks && is_punct(c, m->end_tok, ':')))
            return true;
    }
    return false;
}

/* ---- the head of a source ---- */

/* Are the words [sa, p) before a preposition titles, with a name ending
 * the phrase at ce ("Secretary of State John Kerry", "Speaker of the
 * House Paul Ryan"), rather than a head the preposition modifies ("the
 * president of Planned Parenthood")? */
static bool title_then_name(const ctx *c, uint32_t sa, uint32_t p, uint32_t ce)
{
    for (uint32_t i = sa; i < p; i++) {
        int32_t m = c->mn.tok_mention[i];
        if (c->t[i].kind != PX_TOK_WORD || !(c->t[i].flags & PX_TF_CAP) ||
            (lexf(c, i) & (LX_DET | LX_PRON)) || (m >= 0 && i >= c->mn.m.v[m].name_tok))
            return false;
    }
    int32_t m = c->mn.tok_mention[ce - 1];
    return m >= 0 && c->mn.m.v[m].name_tok > p && ce - 1 >= c->mn.m.v[m].name_tok;
}

/* The head of the source [sa, sb): the last word before a comma, a
 * parenthesis, a dash, a relative pronoun or a participle ("a poll
 * released Thursday") (*core_end), and before a
 * preposition unless titles come first (title_then_name). */
static uint32_t source_head(const ctx *c, uint32_t sa, uint32_t sb, uint32_t *core_end)
{
    uint32_t ce = sb;
    for (uint32_t i = sa + 1; i < sb && ce == sb; i++)
        if (!in_quote(c, i) &&
            (is_punct(c, i, ',') || is_punct(c, i, '(') || c->t[i].kind == PX_TOK_DASH ||
             is(c, i, "who") || is(c, i, "which") || is(c, i, "whose") || is(c, i, "that") ||
             is_ed_word(c, i) || (word_ends(c, i, "ing") && !(c->t[i].flags & PX_TF_CAP))))
            ce = i;
    *core_end = ce;
    uint32_t p = ce;
    for (uint32_t i = sa + 1; i < ce && p == ce; i++)
        if (!in_quote(c, i) && (np_prep(c, i) || is(c, i, "in") || is(c, i, "with") ||
                                is(c, i, "on") || is(c, i, "about") || is(c, i, "by")))
            p = i;
    if (p < ce && title_then_name(c, sa, p, ce))
        return ce - 1;
    return p - 1;
}

/* A document that speaks for its author: "A new Gallup poll found", "a
 * Harbor Institute report says", "Mozilla's manifesto mentions". */
static bool document_noun(const ctx *c, uint32_t i)
{
    static const char *const nouns[] = {"poll", "survey", "study", "report", "analysis",
                                        "statement", "audit", "review", "memo", "letter",
                                        "manifesto", "release", "filing", "estimate", "estimates",
                                        "projections", "forecast", "research", "data"};
    return is_any(c, i, nouns, PX_ARRAY_LEN(nouns));
}

/* The author of a document heading the source: the organisation or
 * person named right before the head ("A Harbor Institute poll", "the
 * CBO's estimate"), or -1. */
static int32_t document_author(const ctx *c, uint32_t sa, uint32_t h)
{
    for (uint32_t i = h; i-- > sa && i + 3 > h;) {
        int32_t m = c->mn.tok_mention[i];
        if (m >= 0 && c->mn.m.v[m].end_tok == i + 1)
            return c->mn.m.v[m].entity;
        if (c->t[i].kind != PX_TOK_WORD || (c->t[i].flags & PX_TF_CAP))
            break;
    }
    return -1;
}

/* the latest person mention in [lo, hi) */
static int32_t last_person_in(const ctx *c, uint32_t lo, uint32_t hi)
{
    for (uint32_t i = hi; i-- > lo;) {
        int32_t m = c->mn.tok_mention[i];
        if (m >= 0 && entity_is_person(c, c->mn.m.v[m].entity))
            return c->mn.m.v[m].entity;
    }
    return -1;
}

/* The entity a pronoun of unit u at token sa stands for: the unit's
 * subject named before it, else the subject of the unit before. "he"
 * and "she" stand for people only: a name with a first name or a role
 * written with it, never a place or an organisation ("Karbonia says"
 * makes no person of a company). */
static int32_t pronoun_antecedent(const ctx *c, size_t u, uint32_t sa)
{
    const unit *un = &c->units[u];
    int32_t e = un->subject >= 0 && un->subject_tok < sa ? un->subject
                : u > 0                                  ? c->units[u - 1].subject
                                                         : -1;
    if (e >= 0 && !is(c, sa, "who")) {
        const px__entity *x = &c->mn.e.v[e];
        if (place_name(x->name) || org_name(x->name) || (!x->roles && x->n_name_toks < 2))
            return -1;
    }
    return e;
}

/* The person a role heads the source for ("the senator", "the Russian
 * leader", "The leader of Ennahda, Rachid Ghannouchi,"): an entity
 * written with that role, the name in apposition after the comma, or for
 * a definite role the person named last nearby. An indefinite one ("a
 * military spokesman", "one aide") names someone new: no one. */
static int32_t role_antecedent(const ctx *c, size_t u, uint32_t sa, uint32_t h, uint32_t ce,
                               uint32_t sb)
{
    int32_t e = px__mentions_role(c->doc, &c->mn, sa, h + 1, sa);
    if (e >= 0)
        return e;
    if (ce + 1 < sb && is_punct(c, ce, ',')) {
        int32_t m = c->mn.tok_mention[ce + 1];
        if (m >= 0) {
            const px__mention *x = &c->mn.m.v[m];
            uint32_t end = x->end_tok;
            if (end == sb || is_punct(c, end, ',') || is_punct(c, end, '('))
                return x->entity;
        }
    }
    if (!(is(c, sa, "the") || (c->t[sa].flags & PX_TF_CAP)) || (lexf(c, sa) & LX_PRON) ||
        is(c, sa, "a") || is(c, sa, "an"))
        return -1;
    const unit *un = &c->units[u];
    int32_t p = last_person_in(c, un->a, sa);
    if (p < 0 && u > 0)
        p = last_person_in(c, c->units[u - 1].a, c->units[u - 1].b);
    if (p >= 0)
        return p;
    /* not a name inside the source itself ("the senator from Vermont") */
    return un->subject_tok >= sa && un->subject_tok < sb ? -1 : un->subject;
}

/* May entity e, found at the head of the source [sa, sb), be named as
 * its speaker? */
static bool may_speak(const ctx *c, int32_t e, uint32_t sb)
{
    const char *name = c->mn.e.v[e].name;
    if (sb < c->doc->n_toks && is_punct(c, sb, ':') && !entity_is_person(c, e) &&
        !named_in_prose(c, e))
        return false; /* a label: "Dividend News:", "Te Ara:" */
    if (acronym_name(name) && !place_name(name) && !acronym_speaks(c, e))
        return false;
    return true;
}

int32_t px__resolve(const ctx *c, size_t u, uint32_t sa, uint32_t sb)
{
    if (sa >= sb)
        return -1;
    /* "A, B and C", "Gallup/Ipsos" are several speakers */
    for (uint32_t i = sb; i-- > sa + 1;)
        if (!in_quote(c, i) && (is(c, i, "and") || is(c, i, "or") ||
                                 (tlen(c, i) == 1 && tstr(c, i)[0] == '/')))
            return -1;
    const unit *un = &c->units[u];
    if (sb - sa == 1 && is(c, sa, "who")) {
        /* "Smith, who said": the name before the comma */
        if (sa >= 2 && is_punct(c, sa - 1, ',')) {
            int32_t m = c->mn.tok_mention[sa - 2];
            if (m >= 0)
                return c->mn.m.v[m].entity;
        }
        return un->subject;
    }
    if (sb - sa == 1 && (lexf(c, sa) & LX_PERSPRON))
        return pronoun_antecedent(c, u, sa);
    uint32_t ce;
    uint32_t h = source_head(c, sa, sb, &ce);
    int32_t m = c->mn.tok_mention[h];
    if (m >= 0 && h >= c->mn.m.v[m].name_tok) {
        int32_t e = c->mn.m.v[m].entity;
        return may_speak(c, e, sb) ? e : -1;
    }
    if (lexf(c, h) & LX_ROLE)
        return role_antecedent(c, u, sa, h, ce, sb);
    if (document_noun(c, h)) {
        int32_t e = document_author(c, sa, h);
        return e >= 0 && may_speak(c, e, sb) ? e : -1;
    }
    return -1;
}
