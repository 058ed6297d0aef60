/*
 * np.c - noun phrases: the source noun phrase that ends before a cue
 * (px__np_before: "[a bipartisan group of 32 national security experts]
 * warned"), with its conjunctions and relative clauses, and the one that
 * follows an inverted cue (px__np_after: "said [Ron Weiser, who ...]")
 * with its appositives.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

static uint32_t appositive_end(const ctx *c, uint32_t e, uint32_t b);

/* Token i may stand between a source and its cue: an auxiliary or
 * adverb ("has also said", "we now know", "have long argued", "didn't
 * say") or a floating quantifier ("the ministers all urged"). */
bool px__before_cue(const ctx *c, uint32_t a, uint32_t i)
{
    if (c->t[i].kind != PX_TOK_WORD)
        return false;
    if ((lexf(c, i) & LX_AUX) || is_ly_adverb(c, i))
        return true;
    /* the others only after a subject: "But don't expect", "a panel that
     * all agreed" have none */
    if (i == a || c->t[i - 1].kind != PX_TOK_WORD || in_quote(c, i - 1) ||
        (lexf(c, i - 1) & (LX_DET | LX_PREP)) ||
        ((lexf(c, i - 1) & LX_NPSTOP) && !(lexf(c, i - 1) & LX_AUX)))
        return false;
    if (is(c, i, "now") || is(c, i, "long") || is(c, i, "too") || is(c, i, "all") ||
        is(c, i, "both") || is(c, i, "each"))
        return true;
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return n > 3 && (!memcmp(w + n - 3, "n't", 3) || (n > 5 && !memcmp(w + n - 5, "n\xe2\x80\x99t", 5)));
}

/* The first token of the verb group whose verb is token k, in the unit
 * from a: back over auxiliaries and adverbs (px__before_cue: "has also
 * said", "didn't say"). The source ends there. */
uint32_t px__verb_group_start(const ctx *c, uint32_t a, uint32_t k)
{
    while (k > a && px__before_cue(c, a, k - 1) && !in_quote(c, k - 1))
        k--;
    return k;
}

/* The source noun phrase [sa, ..) before a cue ends a restrictive
 * relative clause ("Senior campaign advisers who have run [the numbers]
 * argue", "Democrats in Iowa who watched [the Saturday debate] said"):
 * the subject is the noun phrase the clause qualifies, with the clause,
 * when it opens its clause. Returns its first token, or sa. */
uint32_t px__restrictive_head(const ctx *c, uint32_t a, uint32_t sa)
{
    uint32_t w = sa;
    for (uint32_t x = sa; x-- > a && sa - x <= 16;) {
        if (in_quote(c, x) || (c->t[x].kind != PX_TOK_WORD && c->t[x].kind != PX_TOK_NUMBER))
            return sa;
        if (is(c, x, "who") || is(c, x, "whose")) {
            w = x;
            break;
        }
    }
    if (w == sa || w <= a || c->t[w - 1].kind != PX_TOK_WORD || cue_type(c, w - 1) != CUE_NONE)
        return sa;
    uint32_t hs = px__np_before(c, a, w - 1);
    /* "those who back her opponents say", "27 percent of those who ..." */
    if (hs > w - 1 && (is(c, w - 1, "those") || is(c, w - 1, "anyone") || is(c, w - 1, "many") ||
                       is(c, w - 1, "others") || is(c, w - 1, "some"))) {
        hs = w - 1;
        if (hs > a + 1 && is(c, hs - 1, "of") && !in_quote(c, hs - 2)) {
            uint32_t h2 = px__np_before(c, a, hs - 2);
            if (h2 <= hs - 2)
                hs = h2;
        }
    }
    if (hs > w - 1 || !clause_initial(c, a, hs))
        return sa;
    for (uint32_t x = hs; x < w; x++)
        if (cue_type(c, x) != CUE_NONE || (lexf(c, x) & LX_AUX))
            return sa;
    return hs;
}

/* The conjunct of a source noun phrase that ends before token x ("and",
 * "or" or a comma of a list): its first token, or x when the words
 * before x do not look like a noun phrase. Proper names may be listed
 * with commas; a common noun phrase needs its determiner and, lower
 * case, may only stand before "and". */
static uint32_t left_conjunct(const ctx *c, uint32_t a, uint32_t x, bool by_and)
{
    uint32_t start = x;
    bool all_cap = true, det = false;
    for (uint32_t y = x; y-- > a && x - y <= 6;) {
        const px_token *t = &c->t[y];
        if (in_quote(c, y) || (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER &&
                               !(t->flags & PX_TF_ABBREV)))
            break;
        /* "She and her aides have vowed", "They and their supporters
         * argue" */
        if (y + 1 == x && by_and && (is(c, y, "she") || is(c, y, "he") || is(c, y, "they") ||
                                     is(c, y, "we") || is(c, y, "i")) &&
            clause_initial(c, a, y))
            return y;
        if ((lexf(c, y) & LX_DET)) {
            start = y;
            det = true;
            break;
        }
        if ((lexf(c, y) & (LX_NPSTOP | LX_PRON)) || cue_type(c, y) != CUE_NONE ||
            ((lexf(c, y) & LX_AUX) && !is(c, y, "first"))) /* "the former first lady and" */
            break;
        if (!(t->flags & PX_TF_CAP) && t->kind == PX_TOK_WORD) {
            size_t n = tlen(c, y);
            const char *w = tstr(c, y);
            if (n > 4 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || !memcmp(w + n - 3, "ing", 3)) &&
                !(lexf(c, y) & LX_ROLE))
                return x;
            all_cap = false;
        }
        if ((t->flags & PX_TF_CAP) && y == a && !(lexf(c, y) & LX_ROLE) &&
            px__is_sentence_starter(tstr(c, y), tlen(c, y)))
            break;
        start = y;
    }
    if (start == x || (!all_cap && !(det && by_and) && !(by_and && clause_initial(c, a, start))))
        return x;
    /* "Experts on North Korea and nuclear nonproliferation": the object
     * of a preposition, not a subject */
    if (start > a && (lexf(c, start - 1) & LX_PREP))
        return x;
    return start;
}

/* "Experts on North Korea and nuclear nonproliferation said", "a study
 * by Harvard and the University of California found", "The Tax Policy
 * Center at the Urban Institute and Brookings Institution estimates": the
 * conjunction x joins the objects of a preposition inside the subject,
 * which is the noun phrase before the preposition when it opens its
 * clause. Returns its first token, or x when there is none. */
static uint32_t pp_conjunct_subject(const ctx *c, uint32_t a, uint32_t x)
{
    uint32_t y = x;
    while (y > a && x - y < 6) {
        const px_token *t = &c->t[y - 1];
        if (in_quote(c, y - 1) || (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER))
            return x;
        if ((lexf(c, y - 1) & LX_DET) && !(lexf(c, y - 1) & LX_PRON)) {
            y--;
            break;
        }
        if (!(t->flags & PX_TF_CAP) || (lexf(c, y - 1) & (LX_NAMESTOP | LX_NPSTOP | LX_PREP)))
            break;
        y--;
    }
    if (y == x || y < a + 2 || in_quote(c, y - 1) ||
        !(is(c, y - 1, "of") || is(c, y - 1, "for") || is(c, y - 1, "from") ||
          is(c, y - 1, "at") || is(c, y - 1, "on") || is(c, y - 1, "in") || is(c, y - 1, "by")))
        return x;
    uint32_t h = y - 2; /* the head noun before the preposition */
    if (c->t[h].kind != PX_TOK_WORD || in_quote(c, h) || cue_type(c, h) != CUE_NONE ||
        (lexf(c, h) & (LX_NPSTOP | LX_PRON | LX_AUX | LX_DET | LX_PREP)) || is_ed_word(c, h))
        return x;
    uint32_t s = px__np_before(c, a, h);
    /* a noun phrase: "Experts", "a 2014 study"; not "Clinton won in
     * Iowa and Trump said" */
    if (s > h || !clause_initial(c, a, s) ||
        !(((lexf(c, s) & LX_DET) && !(lexf(c, s) & LX_PRON)) ||
          ((c->t[h].flags & PX_TF_CAP) && !(lexf(c, h) & LX_NAMESTOP)) ||
          (lexf(c, h) & LX_ROLE)))
        return x;
    return s;
}

/* "[Leaked documents] show", "[elected officials from both parties]
 * say", "where [restructuring experts] say", "[52 percent of registered
 * voters] say": a word in -ed or -ing that opens its clause (or an -ed
 * word after "of") before a lower-case noun is an adjective of the
 * subject */
static bool clause_adjective(const ctx *c, uint32_t a, uint32_t i)
{
    if (cue_type(c, i) != CUE_NONE || i + 1 >= c->doc->n_toks || in_quote(c, i + 1) ||
        c->t[i + 1].kind != PX_TOK_WORD || (c->t[i + 1].flags & PX_TF_CAP) ||
        (lexf(c, i + 1) & (LX_NPSTOP | LX_PREP | LX_AUX | LX_DET | LX_PRON | LX_PERSPRON)) ||
        is(c, i + 1, "up") || is(c, i + 1, "out") || is(c, i + 1, "off") ||
        is(c, i + 1, "much") || cue_type(c, i + 1) != CUE_NONE)
        return false;
    /* an -ing word after a comma or at the start opens a participle
     * clause ("sparking nationwide fear") */
    if (!is_ed_word(c, i) && (i == a || c->t[i - 1].kind != PX_TOK_WORD))
        return false;
    if (i == a || is_punct(c, i - 1, ','))
        return i == a || !in_quote(c, i - 1); /* (no token before a clause at 0) */
    return !in_quote(c, i - 1) && c->t[i - 1].kind == PX_TOK_WORD &&
           ((is(c, i - 1, "of") && is_ed_word(c, i)) || is(c, i - 1, "where") || is(c, i - 1, "after") || is(c, i - 1, "as") ||
            is(c, i - 1, "while") || is(c, i - 1, "because") || is(c, i - 1, "since") ||
            is(c, i - 1, "though") || is(c, i - 1, "although") || is(c, i - 1, "when"));
}

/* No short subject before the verb: scan the noun phrase (scan_back). */
#define NP_SCAN UINT32_MAX

/* "[About] four in 10 voters", "[More than] half of Republicans", "[At
 * least] 40 percent": the approximation that opens the clause before the
 * share whose number is token sa (px__share_opener). Returns its first
 * token, or sa. */
static uint32_t approximation_start(const ctx *c, uint32_t a, uint32_t sa)
{
    for (uint32_t y = sa; y > a && sa - y < 4;) {
        y--;
        if (in_quote(c, y) || c->t[y].kind != PX_TOK_WORD)
            break; /* px__share_opener needs words from y to sa */
        if (px__share_opener(c, y) == sa && clause_initial(c, a, y))
            return y;
    }
    return sa;
}

/* The subjects that need no scan of a noun phrase ending at token p:
 * none (p + 1) before a noun ("a liberal think tank") or after a stop
 * word, a pronoun, a share with no noun ("Two in three said"), a word
 * that often opens a sentence and is the whole subject ("Officials
 * said", "Both think", "Another says"), a quantifier alone ("Several
 * said", "Many say"), the noun phrase before a participle and a time ("A
 * Quinnipiac poll released Thursday found", "a poll out this week").
 * NP_SCAN when none of these applies. */
static uint32_t short_subject(const ctx *c, uint32_t a, uint32_t p)
{
    if (p < a || in_quote(c, p) || (c->t[p].kind != PX_TOK_WORD && !px__share_end(c, a, p)))
        return p + 1;
    if (p + 2 < c->doc->n_toks && is(c, p + 1, "think") &&
        (is(c, p + 2, "tank") || is(c, p + 2, "tanks")))
        return p + 1;
    if ((lexf(c, p) & LX_PRON))
        return p;
    if (p >= a + 2 && is(c, p - 1, "in") && !in_quote(c, p - 1) && px__share_number(c, p) &&
        px__share_number(c, p - 2) && !is(c, p - 2, "a")) {
        return approximation_start(c, a, p - 2);
    }
    if (clause_initial(c, a, p) && p + 1 < c->doc->n_toks &&
        !(c->t[p + 1].flags & PX_TF_CAP) && /* "One Tweet Sums Up ...": a headline */
        (is(c, p, "officials") || is(c, p, "both") || is(c, p, "another") || is(c, p, "others") ||
         is(c, p, "one") || is(c, p, "two") || is(c, p, "three")))
        return p;
    uint32_t ts = px__time_phrase_start(c, a, p);
    if (ts <= p && ts > a + 1 && !in_quote(c, ts - 1) &&
        (is_ed_word(c, ts - 1) || is(c, ts - 1, "out"))) {
        uint32_t sa = px__np_before(c, a, ts - 2);
        if (sa <= ts - 2)
            return sa;
    }
    if ((lexf(c, p) & LX_DET) && (is(c, p, "several") || is(c, p, "many") || is(c, p, "some") ||
                                  is(c, p, "most") || is(c, p, "all") || is(c, p, "both")))
        return p;
    if ((lexf(c, p) & LX_NPSTOP) || (lexf(c, p) & LX_DET))
        return p + 1;
    return NP_SCAN;
}

/* Does token i open a noun phrase as a determiner does? "the", "his",
 * and after a word of the phrase (count > 0) "Other Republicans", "those
 * surveyed", "officials from both parties", "this", a "that" opening the
 * clause. */
static bool det_like(const ctx *c, uint32_t a, uint32_t i, int count)
{
    return (lexf(c, i) & LX_DET) ||
           (count > 0 && (is(c, i, "other") || is(c, i, "those") || is(c, i, "these") ||
                          is(c, i, "both") || is(c, i, "few") || is(c, i, "such") ||
                          ((is(c, i, "this") ||
                            (is(c, i, "that") && clause_initial(c, a, i) &&
                             !(i > a && is_punct(c, i - 1, ',')))) &&
                           !px__time_noun(c, i + 1))));
}

/* The noun phrase scanned back from p reaches a determiner at i: the
 * phrase starts there, over more determiners ("the two senators", "all
 * the candidates") and a conjunction ("The Republican nominee and his
 * aides", px__pp_conjunct_subject). Sets *sa; returns true when the
 * phrase goes on before a preposition ("Mr. Morgan of the Sierra
 * Club"). */
static bool det_start(const ctx *c, uint32_t a, uint32_t i, uint32_t *sa)
{
    uint32_t s = i;
    while (s > a && (lexf(c, s - 1) & LX_DET) && !in_quote(c, s - 1))
        s--;
    if (s > a + 1 && (is(c, s - 1, "and") || is(c, s - 1, "or")) && !in_quote(c, s - 1)) {
        uint32_t pl = pp_conjunct_subject(c, a, s - 1);
        if (pl < s - 1) {
            *sa = pl;
            return false;
        }
    }
    if (s > a + 1 && (is(c, s - 1, "and") || is(c, s - 1, "or")) && !in_quote(c, s - 1)) {
        uint32_t l = left_conjunct(c, a, s - 1, true);
        if (l < s - 1)
            s = l;
    }
    *sa = s;
    return s >= a + 2 && np_prep(c, s - 1) && c->t[s - 2].kind == PX_TOK_WORD &&
           !in_quote(c, s - 2) && !(lexf(c, s - 2) & LX_NPSTOP) && !(lexf(c, s - 2) & LX_DET);
}

/* "Democrats and Republicans say", "Ben Carson, Ted Cruz and Rand Paul
 * have argued", "the former first lady and U.S. senator said": the
 * conjunction at i joins the subject's conjuncts (or objects of a
 * preposition inside it, px__pp_conjunct_subject). Returns the first
 * conjunct's first token, or sa. */
static uint32_t conjunct_start(const ctx *c, uint32_t a, uint32_t i, uint32_t sa)
{
    uint32_t pl = pp_conjunct_subject(c, a, i);
    if (pl < i)
        return pl;
    for (uint32_t x = i, l; x > a; x = l - 1) {
        l = left_conjunct(c, a, x, x == i);
        if (l >= x)
            break;
        sa = l;
        if (!(l > a + 1 && is_punct(c, l - 1, ',') && !in_quote(c, l - 1)))
            break;
    }
    return sa;
}

/* A verb in -ed/-ing at i before a name is not part of it, but "the
 * gambling tycoon", "a retired general": after a determiner the word is
 * an adjective (and px__clause_adjective). */
static bool verb_before_name(const ctx *c, uint32_t a, uint32_t i)
{
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return n > 4 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || !strncmp(w + n - 3, "ing", 3)) &&
           !(lexf(c, i) & LX_ROLE) &&
           !(i > a && cue_type(c, i) == CUE_NONE && !in_quote(c, i - 1) &&
             ((lexf(c, i - 1) & LX_DET) || is(c, i - 1, "both") || is(c, i - 1, "other") ||
              is(c, i - 1, "those") || is(c, i - 1, "these") || is(c, i - 1, "few") ||
              is(c, i - 1, "such") || is(c, i - 1, "many") || is(c, i - 1, "several") ||
              (i > a + 1 && (c->t[i - 1].flags & PX_TF_CAP) && (lexf(c, i - 2) & LX_DET) &&
               !(lexf(c, i - 1) & LX_NAMESTOP)))) &&
           !clause_adjective(c, a, i);
}

/* The noun phrase that ends at token p, scanned back word by word, at
 * most 16 words ("[a bipartisan group of 32 national security experts at
 * the Aspen Institute Homeland Security Group] warned"): over "CNN/ORC",
 * plural possessives, prepositions inside it ("experts at"), up to a
 * determiner (det_start), a conjunction (conjunct_start), a stop word or
 * pronoun ("A USA TODAY poll": a stop word in capitals is part of a
 * name), a sentence opener or a verb before a name. Returns its first
 * token, or p + 1. */
static uint32_t scan_back(const ctx *c, uint32_t a, uint32_t p)
{
    uint32_t sa = p + 1;
    int count = 0;
    for (uint32_t i = p + 1; i-- > a && count < 16;) {
        const px_token *t = &c->t[i];
        if (in_quote(c, i))
            break;
        if (t->kind == PX_TOK_SYMBOL && tlen(c, i) == 1 && tstr(c, i)[0] == '/' && count > 0 &&
            i > a && c->t[i - 1].kind == PX_TOK_WORD && !in_quote(c, i - 1)) {
            count++;
            continue;
        }
        if (count > 0 && px__plural_possessive(c, a, i)) {
            count++;
            continue;
        }
        if (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER && !(i == p && px__share_end(c, a, i)))
            break;
        if (det_like(c, a, i, count)) {
            if (!det_start(c, a, i, &sa))
                break;
            i = sa;
            count++;
            continue;
        }
        if (np_prep(c, i)) {
            if (count > 0 && i > a && c->t[i - 1].kind == PX_TOK_WORD && !in_quote(c, i - 1) &&
                !(lexf(c, i - 1) & LX_NPSTOP) && !(lexf(c, i - 1) & LX_DET)) {
                sa = i;
                count++;
                continue;
            }
            break;
        }
        if ((is(c, i, "and") || is(c, i, "or")) && count > 0) {
            sa = conjunct_start(c, a, i, sa);
            break;
        }
        if (((lexf(c, i) & LX_NPSTOP) && !((t->flags & PX_TF_ALLCAPS) && tlen(c, i) > 2 &&
                                            count > 0)) ||
            (lexf(c, i) & LX_PRON))
            break;
        if ((t->flags & PX_TF_CAP) && i == a && !(lexf(c, i) & LX_ROLE) &&
            px__is_sentence_starter(tstr(c, i), tlen(c, i)) && !is(c, i, "mr") &&
            !is(c, i, "mrs") && !is(c, i, "ms") && !is(c, i, "dr"))
            break;
        if (!(t->flags & PX_TF_CAP) && count > 0 && c->mn.tok_mention[i] < 0 &&
            verb_before_name(c, a, i))
            break;
        sa = i;
        count++;
    }
    return sa;
}

/* The start sa of a subject ending at p, moved: after a noun that often
 * heads a relative clause without "that", right before a name ("the kind
 * [Trump] had described", "the place [Pentagon officials] say"); over an
 * adverb of degree before a number or quantifier that opens the clause
 * ("[Only 52 percent of registered voters] agreed", "[Virtually all
 * analysts] say") and an approximation before a share
 * (approximation_start). */
static uint32_t subject_start(const ctx *c, uint32_t a, uint32_t p, uint32_t sa)
{
    static const char *const heads[] = {"kind",  "sort",   "type", "place",   "reason", "thing",
                                        "things", "ones", "message", "argument", "point"};
    for (uint32_t i = sa; i < p && sa <= p; i++) {
        if (!in_quote(c, i) && is_any(c, i, heads, PX_ARRAY_LEN(heads)) &&
            (c->t[i + 1].flags & PX_TF_CAP) && !(lexf(c, i + 1) & LX_NAMESTOP) && i > sa &&
            (lexf(c, i - 1) & LX_DET)) {
            sa = i + 1;
            break;
        }
    }
    if (sa <= p && sa > a &&
        (c->t[sa].kind == PX_TOK_NUMBER || is(c, sa, "all") || is(c, sa, "half") ||
         is(c, sa, "one") || is(c, sa, "two") || is(c, sa, "three") || is(c, sa, "most") ||
         is(c, sa, "every")) &&
        !in_quote(c, sa - 1) &&
        (is(c, sa - 1, "only") || is(c, sa - 1, "virtually") || is(c, sa - 1, "nearly") ||
         is(c, sa - 1, "almost") || is(c, sa - 1, "roughly")) &&
        clause_initial(c, a, sa - 1))
        sa--;
    return sa <= p ? approximation_start(c, a, sa) : sa;
}

/* The source noun phrase ending at token p (inclusive), not before a:
 * a short subject (short_subject), else the phrase scanned back
 * (scan_back) with its start moved (subject_start). Returns its first
 * token, or p + 1 when there is none. */
uint32_t px__np_before(const ctx *c, uint32_t a, uint32_t p)
{
    uint32_t sa = short_subject(c, a, p);
    if (sa != NP_SCAN)
        return sa;
    return subject_start(c, a, p, scan_back(c, a, p));
}

/* Token i, "to", "with" or "in", opens the complement of the word
 * before it inside a source noun phrase ("a source [close to] the
 * campaign", "one Democrat [familiar with] the talks", "a former aide [to]
 * President Bush", "a Republican [involved in] the planning", "one person
 * [with knowledge of] the deal"); not "told a spokesman to", "said in". */
static bool pp_complement(const ctx *c, uint32_t i)
{
    static const char *const to[] = {"close",  "closest",  "loyal",    "aide",   "aides",
                                     "adviser", "advisers", "advisor", "advisors", "ambassador",
                                     "envoy",  "counselor", "allied",  "friendly", "linked",
                                     "tied",   "connected", "opposed"};
    static const char *const with[] = {"familiar", "close", "closest", "friendly", "connected"};
    if (i == 0 || i + 1 >= c->doc->n_toks || in_quote(c, i - 1) || c->t[i - 1].kind != PX_TOK_WORD)
        return false;
    if (is(c, i, "to"))
        return is_any(c, i - 1, to, PX_ARRAY_LEN(to));
    if (is(c, i, "with"))
        return is_any(c, i - 1, with, PX_ARRAY_LEN(with)) ||
               (is(c, i + 1, "knowledge") && !(lexf(c, i - 1) & LX_NPSTOP));
    if (is(c, i, "in"))
        return is(c, i - 1, "involved");
    return false;
}

/* The inverted source after a cue ("said Ron Weiser, who ..."): returns
 * its end token (exclusive), s when there is none. */
uint32_t px__np_after(const ctx *c, uint32_t s, uint32_t b)
{
    if (s >= b || in_quote(c, s) || c->t[s].kind != PX_TOK_WORD)
        return s;
    if (!(c->t[s].flags & PX_TF_CAP) && !(lexf(c, s) & LX_DET) &&
        !(lexf(c, s) & LX_ROLE) && !(lexf(c, s) & LX_PRON)) {
        /* "museum director Claire Dubois": a role word close behind */
        bool role = false;
        for (uint32_t k = s + 1; k < b && k < s + 3 && c->t[k].kind == PX_TOK_WORD; k++)
            role |= (lexf(c, k) & LX_ROLE);
        /* "said retired neurosurgeon Ben Carson.": lower-case words
         * before a name, the sentence ending with it */
        if (!role && !is_ly_adverb(c, s) && !(lexf(c, s) & (LX_NPSTOP | LX_PREP | LX_AUX)) &&
            cue_type(c, s) == CUE_NONE) {
            uint32_t k = s + 1;
            while (k < b && k < s + 3 && c->t[k].kind == PX_TOK_WORD && !(c->t[k].flags & PX_TF_CAP) &&
                   !(lexf(c, k) & (LX_NPSTOP | LX_PREP | LX_AUX)) && cue_type(c, k) == CUE_NONE &&
                   !is_ly_adverb(c, k))
                k++;
            if (k < b && c->t[k].kind == PX_TOK_WORD && (c->t[k].flags & PX_TF_CAP) &&
                !(lexf(c, k) & LX_NAMESTOP)) {
                uint32_t e = k;
                while (e < b && e < k + 5 && c->t[e].kind == PX_TOK_WORD &&
                       (c->t[e].flags & PX_TF_CAP) && !in_quote(c, e))
                    e++;
                role = e >= b || is_punct(c, e, ',') || is_terminal_tok(c, e);
            }
        }
        if (!role)
            return s;
    }
    if ((lexf(c, s) & LX_PRON))
        return s + 1;
    /* "said Tuesday", "said in January": a time, not a speaker */
    if (is_weekday(c, s) || is(c, s, "today") || is(c, s, "yesterday") || is(c, s, "tonight") ||
        (px__month_from_name(tstr(c, s), tlen(c, s)) &&
         (s + 1 >= b || c->t[s + 1].kind == PX_TOK_NUMBER || is_terminal_tok(c, s + 1))))
        return s; /* a month only before a day or the end: "said Jan Kowalski", "said May" */
    uint32_t e = s;
    while (e < b && e - s < 12) {
        const px_token *t = &c->t[e];
        if (in_quote(c, e) || (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER && !px__glued(c, e)))
            break;
        if (e > s && ((lexf(c, e) & LX_NPSTOP) || (lexf(c, e) & LX_PRON)) && !is(c, e, "of") &&
            !is(c, e, "for") && !pp_complement(c, e))
            break;
        e++;
    }
    return appositive_end(c, e, b);
}

/* Extends a source ending at e over what PolNeAR counts as part of it:
 * "(D-Conn.)", ", 56", ", president of Rock the Vote", ", who ..."; a
 * comma that closes an appositive before more words is kept. */
static uint32_t appositive_end(const ctx *c, uint32_t e, uint32_t b)
{
    for (int rounds = 0; rounds < 4 && e < b; rounds++) {
        if (is_punct(c, e, '(')) {
            uint32_t k = e + 1;
            while (k < b && k < e + 8 && !is_punct(c, k, ')'))
                k++;
            if (k >= b || !is_punct(c, k, ')'))
                break;
            e = k + 1;
            continue;
        }
        if (!(is_punct(c, e, ',') && e + 1 < b) || in_quote(c, e + 1))
            break;
        uint32_t s = e + 1;
        if (c->t[s].kind != PX_TOK_WORD && c->t[s].kind != PX_TOK_NUMBER)
            break;
        if ((lexf(c, s) & LX_NOTAPPOS) || cue_type(c, s) != CUE_NONE)
            break;
        uint32_t k = s;
        bool rel = false; /* past "who": its verb may be a cue ("who said she ...") */
        while (k < b && !in_quote(c, k) && !is_punct(c, k, ',') &&
               ((!is_terminal_tok(c, k) && c->t[k].kind != PX_TOK_DASH) || px__glued(c, k)) &&
               (rel || !px__used_as_verb(c, k))) {
            rel |= is(c, k, "who") || is(c, k, "whose") || is(c, k, "whom") || is(c, k, "which");
            k++;
        }
        if (k == s || (k < b && (in_quote(c, k) || (!rel && px__used_as_verb(c, k)))))
            break;
        /* "said one official, who spoke on the condition of anonymity":
         * why the source goes unnamed is the writer's note, no part of
         * the source (PolNeAR, 11 of 15 on train) */
        bool anon = false;
        /* "said Army Capt. Chris Pardo, who said he would not vote for
         * either": a relative clause that reports words of its own is an
         * attribution of its own, no part of this source (PolNeAR: 42 of
         * 42 on train; one without a cue is part of it, 119 of 138) */
        for (uint32_t x = s + 1; rel && x + 1 < k && !anon; x++)
            anon = !in_quote(c, x) && (lexf(c, x) & (LX_VERB | LX_THAT)) &&
                   !(lexf(c, x) & LX_WEAK) && cue_type(c, x) != CUE_NONE &&
                   (is(c, x + 1, "that") || (lexf(c, x + 1) & LX_PRON) || opens_quote(c, x + 1));
        for (uint32_t x = s; rel && x < k && !anon; x++)
            anon = is(c, x, "anonymity") || is(c, x, "anonymously") || is(c, x, "authorized") ||
                   ((is(c, x, "identified") || is(c, x, "named")) && x > s &&
                    (is(c, x - 1, "be") || is(c, x - 1, "being")));
        if (anon)
            break;
        e = k;
        if (k < b && is_punct(c, k, ',') && k + 1 < b && !is_terminal_tok(c, k + 1) &&
            !in_quote(c, k + 1)) {
            /* another appositive follows, or the comma closes this one */
            uint32_t n = k + 1;
            if (c->t[n].kind == PX_TOK_WORD && !(lexf(c, n) & LX_NOTAPPOS) &&
                cue_type(c, n) == CUE_NONE && rounds < 3)
                continue;
            e = k + 1;
            break;
        }
    }
    return e;
}
