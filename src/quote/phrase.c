/*
 * phrase.c - the word classes and short phrases that the cue, source and
 * content finders share: times ("on Tuesday", "last week"), shares of
 * people ("four in 10"), occasions ("at a rally"), finite verbs and forms
 * of "be", names glued by dots ("A.F.L.-C.I.O.").
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* The first token of a time phrase that ends at token e ("on Thursday",
 * "Tuesday night", "this week", "last month", "this past year"), or e + 1
 * when there is none. */
uint32_t px__time_phrase_start(const ctx *c, uint32_t a, uint32_t e)
{
    if (c->t[e].kind != PX_TOK_WORD || in_quote(c, e))
        return e + 1;
    uint32_t s = e;
    if ((is(c, s, "night") || is(c, s, "morning") || is(c, s, "afternoon") ||
         is(c, s, "evening")) && s > a && is_weekday(c, s - 1))
        s--;
    if (is_weekday(c, s)) {
        if (s > a && (is(c, s - 1, "on") || is(c, s - 1, "last") || is(c, s - 1, "this") ||
                      is(c, s - 1, "next")))
            s--;
        return s;
    }
    if (s == e && (is(c, s, "week") || is(c, s, "month") || is(c, s, "year") ||
                   is(c, s, "weekend")) && s > a) {
        if (is(c, s - 1, "past") && s > a + 1 && is(c, s - 2, "this"))
            return s - 2;
        if (is(c, s - 1, "this") || is(c, s - 1, "last") || is(c, s - 1, "next") ||
            is(c, s - 1, "past"))
            return s - 1;
    }
    return e + 1;
}

/* The end of a time phrase that starts at token s ("Tuesday", "on
 * Monday", "late Saturday night", "last month", "this week"), or s when
 * there is none; [s, e). */
uint32_t px__time_phrase_after(const ctx *c, uint32_t s, uint32_t e)
{
    uint32_t i = s;
    if (i < e && (is(c, i, "on") || is(c, i, "late") || is(c, i, "early") ||
                  is(c, i, "earlier") || is(c, i, "later")))
        i++;
    if (i < e && is_weekday(c, i)) {
        i++;
        if (i < e && (is(c, i, "night") || is(c, i, "morning") || is(c, i, "afternoon") ||
                      is(c, i, "evening")))
            i++;
        return i;
    }
    if (i == s && i + 1 < e && (is(c, i, "last") || is(c, i, "this")) &&
        (is(c, i + 1, "week") || is(c, i + 1, "month") || is(c, i + 1, "year") ||
         is(c, i + 1, "weekend")))
        return i + 2;
    return s;
}

/* Token i is the apostrophe of a plural possessive ("Sanders’ aides",
 * "the Democrats' nominee"): a single closing mark outside quotations,
 * glued to a word in -s before it, a space and a word after it. */
bool px__plural_possessive(const ctx *c, uint32_t a, uint32_t i)
{
    const px_token *t = &c->t[i];
    if (t->kind != PX_TOK_QUOTE || !(t->flags & PX_TF_QSINGLE) || (t->flags & PX_TF_QOPEN) ||
        i <= a || in_quote(c, i) || c->t[i - 1].kind != PX_TOK_WORD || c->t[i - 1].end != t->start ||
        i + 1 >= c->doc->n_toks || c->t[i + 1].kind != PX_TOK_WORD || c->t[i + 1].start == t->end)
        return false;
    return tstr(c, i - 1)[tlen(c, i - 1) - 1] == 's';
}

/* Token p ends a share of those polled ("four in 10", "42%", "43
 * percent"): a number, or a per cent sign after one. */
bool px__share_end(const ctx *c, uint32_t a, uint32_t p)
{
    if (c->t[p].kind == PX_TOK_NUMBER)
        return true;
    return p > a && c->t[p].kind == PX_TOK_SYMBOL && tlen(c, p) == 1 && tstr(c, p)[0] == '%' &&
           c->t[p - 1].kind == PX_TOK_NUMBER && c->t[p - 1].end == c->t[p].start;
}

/* A number of a share of people, at token i: "40", "four", "half",
 * "two-thirds", "a third", "a majority" (then i + 1 is the "third"). */
bool px__share_number(const ctx *c, uint32_t i)
{
    static const char *const w[] = {
        "half", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "two-thirds", "three-quarters", "three-fourths", "one-third", "one-quarter", "one-fifth",
        "one-half", "majority", "third", "quarter", "fifth", "dozen"};
    if (i >= c->doc->n_toks || in_quote(c, i))
        return false;
    if (c->t[i].kind == PX_TOK_NUMBER)
        return true;
    if (is(c, i, "a") && i + 1 < c->doc->n_toks)
        i++;
    return c->t[i].kind == PX_TOK_WORD && is_any(c, i, w, PX_ARRAY_LEN(w));
}

/* The words from token y on open a share of people by an approximation
 * ("About four in 10 voters", "At least half of voters", "More than 60
 * percent", "Just over a third"): returns the share's number token, or y
 * when there is none. */
uint32_t px__share_opener(const ctx *c, uint32_t y)
{
    uint32_t i = y;
    if (c->t[y].flags & PX_TF_ALLCAPS)
        return y; /* "AT LEAST 10 KILLED": a headline */
    /* "Just over a quarter", "well over half"; not "just 28 percent" */
    if (is(c, i, "just") || is(c, i, "well") || is(c, i, "slightly"))
        i++;
    uint32_t o = i; /* the approximating word */
    if (is(c, i, "about") || is(c, i, "around") || is(c, i, "nearly") || is(c, i, "almost") ||
        is(c, i, "roughly") || is(c, i, "approximately") || is(c, i, "over") ||
        is(c, i, "under") || is(c, i, "some"))
        i++;
    else if ((is(c, i, "more") || is(c, i, "less") || is(c, i, "fewer")) && is(c, i + 1, "than"))
        i += 2;
    else if (is(c, i, "at") && (is(c, i + 1, "least") || is(c, i + 1, "most")))
        i += 2;
    else if (is(c, i, "shy") && is(c, i + 1, "of"))
        i += 2;
    if (i == o || i >= c->doc->n_toks)
        return y;
    for (uint32_t x = y; x < i; x++)
        if (in_quote(c, x) || c->t[x].kind != PX_TOK_WORD)
            return y;
    return px__share_number(c, i) ? i : y;
}

/* "this year", "this past week": a time, no noun phrase of a source */
bool px__time_noun(const ctx *c, uint32_t i)
{
    static const char *const w[] = {"year", "week", "month", "morning", "afternoon", "evening",
                                    "past", "weekend", "spring", "summer", "fall", "winter",
                                    "time", "season", "day", "cycle"};
    return is_any(c, i, w, PX_ARRAY_LEN(w));
}

/* A full stop, hyphen or slash glued between two words or numbers
 * ("TheIowaRepublican.com", "A.F.L.-C.I.O.", "R-S.C."): part of a name,
 * no end of it. */
bool px__glued(const ctx *c, uint32_t k)
{
    if (k == 0 || k + 1 >= c->doc->n_toks || in_quote(c, k))
        return false;
    const px_token *t = &c->t[k], *p = &c->t[k - 1], *n = &c->t[k + 1];
    if (t->end - t->start != 1 || !strchr(".-/", c->text[t->start]) || p->end != t->start ||
        t->end != n->start)
        return false;
    return (p->kind == PX_TOK_WORD || p->kind == PX_TOK_NUMBER) &&
           (n->kind == PX_TOK_WORD || n->kind == PX_TOK_NUMBER);
}

/* Token i shows that a content is a clause, not a noun phrase: a finite
 * verb, a subject pronoun, or a word that opens a clause ("that", "to",
 * "whether", "how"). */
bool px__clause_word(const ctx *c, uint32_t i)
{
    return px__finite_verb(c, i) || (lexf(c, i) & LX_PRON) || is(c, i, "that") || is(c, i, "to") ||
           is(c, i, "if") || is(c, i, "whether") || is(c, i, "what") || is(c, i, "how") ||
           is(c, i, "why");
}

/* Is token i a finite verb that can follow a subject: a reporting verb
 * or an auxiliary ("said", "is", "has", "will")? */
bool px__finite_verb(const ctx *c, uint32_t i)
{
    static const char *const aux[] = {"is",    "was",   "are",    "were",  "has",  "have",
                                      "had",   "will",  "would",  "could", "can",  "should",
                                      "may",   "might", "must",   "does",  "did",  "remains",
                                      "seems", "seemed", "became", "becomes"};
    if (c->t[i].kind != PX_TOK_WORD || in_quote(c, i) || (c->t[i].flags & PX_TF_CAP))
        return false;
    return cue_type(c, i) == CUE_VERB || is_any(c, i, aux, PX_ARRAY_LEN(aux));
}

/* A word that names the occasion of a statement or a time: "rally",
 * "interview", "Twitter", "Monday", "April". */
bool px__occasion_word(const ctx *c, uint32_t i)
{
    static const char *const w[] = {
        "rally",     "rallies",   "speech",    "speeches",  "interview", "interviews",
        "statement", "debate",    "conference", "event",    "meeting",   "call",
        "hall",      "forum",     "op-ed",     "post",      "tweet",     "tweets",
        "twitter",   "facebook",  "radio",     "show",      "broadcast", "appearance",
        "letter",    "email",     "hearing",   "briefing",  "address",   "remarks",
        "visit",     "stop",      "podcast",   "program",   "editorial", "column",
        "video",     "message",   "session",   "yesterday", "today",     "tonight",
        "week",      "weekend",   "month",     "year",      "morning",   "night",
        "evening",   "afternoon", "instagram", "memo",      "filing",    "report",
    };
    if (c->t[i].kind != PX_TOK_WORD || in_quote(c, i))
        return false;
    return is_weekday(c, i) || px__month_from_name(tstr(c, i), tlen(c, i)) ||
           is_any(c, i, w, PX_ARRAY_LEN(w));
}

/* A verb in [i, k) by which the subject receives what a nominal cue
 * after it names ("Clinton [faced] questions about", "[received] the
 * endorsement of"): the subject is no source of it. */
bool px__receive_verb(const ctx *c, uint32_t i, uint32_t k)
{
    static const char *const receive[] = {"faced",   "faces",   "face",     "received",
                                          "receives", "fielded", "dealt",   "secured",
                                          "snagged", "won",     "earned",   "picked",
                                          "answered", "answering", "drew", "draws"};
    for (; i < k; i++)
        if (is_any(c, i, receive, PX_ARRAY_LEN(receive)))
            return true;
    return false;
}

/* A verb by which data report (polls, studies, records): "found",
 * "shows". */
bool px__data_verb(const ctx *c, uint32_t k)
{
    return is(c, k, "found") || is(c, k, "finds") || is(c, k, "find") || is(c, k, "show") ||
           is(c, k, "shows") || is(c, k, "showed");
}

/* A word that opens an adverbial or a question clause: "as", "when",
 * "how" ("told aides as he labored", "tells the story of how he"). */
bool px__subordinator(const ctx *c, uint32_t i)
{
    static const char *const w[] = {"as", "before", "after", "when", "while", "because", "if",
                                    "since", "though", "although", "how", "why", "what",
                                    "whether", "where", "until"};
    return is_any(c, i, w, PX_ARRAY_LEN(w));
}

/* Is token i a finite auxiliary ("is", "has", "could", "did")? A clause
 * has its verb. */
bool px__is_finite_aux(const ctx *c, uint32_t i)
{
    static const char *const finite_aux[] = {
        "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
        "should", "must", "might", "may", "do", "does", "did"};
    return is_any(c, i, finite_aux, PX_ARRAY_LEN(finite_aux));
}

/* A form of "be" before a participle: "is saying", "aren't saying". */
bool px__be_form(const ctx *c, uint32_t i)
{
    if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
        return false;
    if (is(c, i, "is") || is(c, i, "are") || is(c, i, "was") || is(c, i, "were") ||
        is(c, i, "am") || is(c, i, "be") || is(c, i, "been"))
        return true;
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return n >= 5 && n <= 9 &&
           (!memcmp(w + n - 3, "n't", 3) || (n >= 7 && !memcmp(w + n - 5, "n\xe2\x80\x99t", 5))) &&
           (!strncmp(w, "isn", 3) || !strncmp(w, "aren", 4) || !strncmp(w, "wasn", 4) ||
            !strncmp(w, "weren", 5));
}

/* Token i is a pronoun with "is" contracted onto it: "He’s predicting",
 * "she's claiming" (the subject and the auxiliary of a progressive in
 * one token, which PolNeAR splits into source "He" and cue "’s
 * predicting"). */
static bool be_contraction(const ctx *c, uint32_t i)
{
    static const char *const w[] = {"he's", "she's", "he\xe2\x80\x99s", "she\xe2\x80\x99s"};
    return !in_quote(c, i) && c->t[i].kind == PX_TOK_WORD && is_any(c, i, w, PX_ARRAY_LEN(w));
}

/* Is the participle cue k the verb of a progressive form, after "be" and
 * adverbs ("is now saying", "have been arguing")? */
bool px__progressive_be(const ctx *c, uint32_t a, uint32_t k)
{
    uint32_t i = k;
    while (i > a && i + 3 > k && !in_quote(c, i - 1) && c->t[i - 1].kind == PX_TOK_WORD &&
           (is_ly_adverb(c, i - 1) || is(c, i - 1, "not") || is(c, i - 1, "now") ||
            is(c, i - 1, "also") || is(c, i - 1, "still")))
        i--;
    return (i > a + 1 && px__be_form(c, i - 1)) || (i > a && be_contraction(c, i - 1));
}

/* The opening parenthesis of the one that closes right before token p
 * ("Sen. Elizabeth Warren [(]D-MA) said"), at most 8 tokens back and not
 * before a; callers check that the token returned is "(". */
uint32_t px__paren_open_before(const ctx *c, uint32_t a, uint32_t p)
{
    uint32_t o = p - 1;
    while (o > a && o + 8 > p && !is_punct(c, o, '('))
        o--;
    return o;
}

/* A word that opens a question: "if", "whether", "how", "what", "why",
 * "when", "where", "who". */
bool px__question_word(const ctx *c, uint32_t i)
{
    return is(c, i, "if") || is(c, i, "whether") || is(c, i, "how") || is(c, i, "what") ||
           is(c, i, "why") || is(c, i, "when") || is(c, i, "where") || is(c, i, "who");
}
