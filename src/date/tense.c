/*
 * tense.c - the tense around a time expression, which places weekdays
 * and months before or after the reference date: "will meet on Thursday"
 * is the coming Thursday, "said on Sunday" the last one; deadlines
 * ("until Tuesday", "postponed until ...") look ahead.
 */
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

/* ---- tense ---- */

static const char *const past_words[] = {
    "ago", "became", "been", "began", "bought", "broke", "brought", "built", "came", "caught",
    "chose", "did", "didn't", "drew", "dropped", "earlier", "fell", "felt", "flew", "fought",
    "found", "gave", "got", "grew", "had", "hadn't", "heard", "held", "hit", "kept", "killed",
    "knew", "last", "led", "left", "lost", "made", "met", "paid", "posted", "quit", "ran", "rose",
    "said", "sank", "saw", "sent", "shot", "slid", "sold", "sought", "spent", "spoke", "stood",
    "struck", "swung", "thought", "told", "took", "tumbled", "was", "wasn't", "went", "were",
    "weren't", "won", "wrote", "yesterday",
};
static const char *const future_words[] = {
    "'ll", "going", "next", "planning", "scheduled", "shall",
    "tomorrow", "upcoming", "will", "won't",
};
/* Words after which "to" + verb looks ahead: "ready to meet on Thursday"
 * (but "celebrations to mark ... on Friday" looks nowhere). */
static const char *const to_governors[] = {
    "about", "agree", "agreed", "agrees", "aim", "aims", "are", "asked", "called", "challenged",
    "decided", "due", "expected", "expects", "going", "hope", "hopes", "hoping", "intend",
    "intends", "invite", "invited", "invites", "is", "likely", "offer", "offered", "offering",
    "offers", "plan", "planned", "planning", "plans", "poised", "prepared", "promised", "proposed",
    "proposes", "readiness", "ready", "scheduled", "set", "supposed", "threatened", "urged",
    "vowed", "want", "wants", "willing",
};
static const char *const ed_not_verbs[] = {
    "advanced", "alleged", "armed", "based", "bed", "bleed", "breed", "concerned", "continued",
    "detailed", "elected", "embed", "estimated", "exceed", "expected", "feed", "greed", "heed",
    "hundred", "increased", "indeed", "interested", "limited", "need", "planned", "proceed",
    "proposed", "red", "reduced", "related", "renewed", "reported", "scheduled", "seed", "shed",
    "skilled", "so-called", "speed", "succeed", "supposed", "sustained", "united", "unprecedented",
    "used", "wed", "weed",
};
static const char *const to_not_verbs[] = {
    "a", "about", "all", "an", "another", "any", "around", "at", "be", "both", "court", "date",
    "each", "every", "her", "him", "his", "it", "its", "least", "less", "me", "more", "my",
    "office", "other", "our", "over", "power", "some", "that", "the", "their", "them", "these",
    "this", "those", "us", "war", "what", "which", "your",
};

/* Words after which "a week" is a span of time, not a rate ("$2 million a
 * year"): see px__m_duration. */
static const char *const before_span[] = {
    "about", "after", "almost", "barely", "for", "her", "him", "in", "into", "it", "just", "last",
    "lasted", "lasts", "least", "me", "nearly", "of", "once", "only", "over", "spend", "spent",
    "take", "taken", "takes", "than", "them", "took", "twice", "under", "us", "wait", "waited",
    "within",
};

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* Whether w is one of list[], which is sorted (strcmp order; checked by
 * px__dates_word_lists_sorted). */
static bool in_list(const char *w, const char *const *list, size_t n)
{
    return bsearch(w, list, n, sizeof(*list), cmp_word) != NULL;
}

/* Words after which "a week" is a span of time, not a rate ("$2 million a
 * year"): see px__m_duration. */
bool px__before_span(const char *w)
{
    return in_list(w, before_span, PX_ARRAY_LEN(before_span));
}

bool px__dates_word_lists_sorted(void)
{
    static const struct {
        const char *const *v;
        size_t n;
    } lists[] = {
        {past_words, PX_ARRAY_LEN(past_words)},
        {future_words, PX_ARRAY_LEN(future_words)},
        {to_governors, PX_ARRAY_LEN(to_governors)},
        {ed_not_verbs, PX_ARRAY_LEN(ed_not_verbs)},
        {to_not_verbs, PX_ARRAY_LEN(to_not_verbs)},
        {before_span, PX_ARRAY_LEN(before_span)},
    };
    for (size_t k = 0; k < PX_ARRAY_LEN(lists); k++)
        for (size_t i = 1; i < lists[k].n; i++)
            if (strcmp(lists[k].v[i - 1], lists[k].v[i]) >= 0)
                return false;
    return true;
}

/* Whether the "to" at atom i follows a verb or adjective that looks ahead
 * ("ready to", "agreed to"), directly, after one word, or after its
 * object: a name or a pronoun ("invited Vladimir Putin to meet", "urged
 * them to"). */
static bool to_governed(const tagger *t, size_t i)
{
    static const char *const objects[] = {"her", "him", "it", "me", "them", "us", "you"};
    if (in_list(t->a[i - 1].low, to_governors, PX_ARRAY_LEN(to_governors)))
        return true;
    if (i > 1 && t->a[i - 1].kind == A_WORD &&
        in_list(t->a[i - 2].low, to_governors, PX_ARRAY_LEN(to_governors)))
        return true;
    size_t k = i;
    while (k > 0 && i - k < 4 && t->a[k - 1].kind == A_WORD && (t->a[k - 1].flags & AF_CAP))
        k--;
    if (k == i && k > 0) {
        for (size_t o = 0; o < PX_ARRAY_LEN(objects) && k == i; o++)
            if (!strcmp(t->a[i - 1].low, objects[o]))
                k = i - 1;
    }
    return k < i && k > 0 && t->a[k - 1].kind == A_WORD && !(t->a[k - 1].flags & AF_CAP) &&
           in_list(t->a[k - 1].low, to_governors, PX_ARRAY_LEN(to_governors));
}

/* The tense cue one atom gives: past, future, or none. */
static tense atom_tense(const tagger *t, size_t i)
{
    const atom *a = &t->a[i];
    if (a->kind != A_WORD || (a->flags & AF_HYPH))
        return T_NONE;
    const char *w = a->low;
    size_t len = a->len;
    if (len > 3 && !strcmp(w + len - 3, "'ll"))
        return T_FUTURE;
    if (in_list(w, future_words, PX_ARRAY_LEN(future_words))) {
        if (!strcmp(w, "going") && !word_is(t, i + 1, "to"))
            return T_NONE;
        if (!strcmp(w, "next") && word_is(t, i + 1, "to"))
            return T_NONE; /* "next to": a place */
        return T_FUTURE;
    }
    if (!strcmp(w, "to") && i + 1 < t->n && i > 0 && to_governed(t, i)) {
        const atom *b = &t->a[i + 1];
        /* "had been due to expire": what was to come has passed */
        for (size_t d = 2; d <= 4 && i >= d; d++)
            if (word_is(t, i - d, "had"))
                return T_PAST;
        if (b->kind == A_WORD && !(b->flags & AF_CAP) && !b->lex &&
            !in_list(b->low, to_not_verbs, PX_ARRAY_LEN(to_not_verbs)) &&
            !(b->len > 2 && !strcmp(b->low + b->len - 2, "ed")) &&
            !(b->len > 3 && !strcmp(b->low + b->len - 3, "ing")))
            return T_FUTURE;
        return T_NONE;
    }
    if (in_list(w, past_words, PX_ARRAY_LEN(past_words))) {
        /* a participle after "be" takes its tense from the auxiliary:
         * "would be paid in January" */
        if (i > 0 && (word_is(t, i - 1, "be") || word_is(t, i - 1, "being")) &&
            strcmp(w, "been"))
            return T_NONE;
        return T_PAST;
    }
    if (len >= 5 && !strcmp(w + len - 2, "ed") && !(a->flags & AF_CAP) &&
        !in_list(w, ed_not_verbs, PX_ARRAY_LEN(ed_not_verbs))) {
        /* after a determiner it is an adjective: "on a still unspecified
         * date", "the expected rise" */
        for (size_t d = 1; d <= 2 && i >= d; d++) {
            const char *p = t->a[i - d].low;
            if (!strcmp(p, "a") || !strcmp(p, "an") || !strcmp(p, "the") ||
                !strcmp(p, "its") || !strcmp(p, "their"))
                return T_NONE;
            if (d == 1 && t->a[i - 1].len > 2 &&
                !strcmp(p + t->a[i - 1].len - 2, "ly"))
                continue; /* "a newly created" */
            if (strcmp(p, "still") && strcmp(p, "very") && strcmp(p, "much"))
                break;
        }
        /* a passive takes its tense from the auxiliary: "will be named" */
        if (i > 0 && (word_is(t, i - 1, "be") || word_is(t, i - 1, "been") ||
                      word_is(t, i - 1, "being") || word_is(t, i - 1, "is") ||
                      word_is(t, i - 1, "are")))
            return T_NONE;
        return T_PAST;
    }
    if (!strcmp(w, "is") || !strcmp(w, "are") || !strcmp(w, "says") || !strcmp(w, "say"))
        return T_PRESENT;
    return T_NONE;
}

/* A clause or quotation boundary stops the search for a verb. */
bool px__tense_barrier(const tagger *t, size_t i)
{
    const atom *a = &t->a[i];
    return a->kind == A_QUOTE ||
           (a->kind == A_PUNCT && (a->low[0] == ':' || a->low[0] == ';' || a->low[0] == '('));
}

/* The tense governing atoms [a0, a1): the nearest verb cue before the
 * expression in its clause, else the nearest after it. */
tense px__tense_of(const tagger *t, size_t a0, size_t a1)
{
    bool q = a0 < t->n && (t->a[a0].flags & AF_QUOTED);
    /* "as early as Tuesday", "as soon as Monday" */
    size_t k0 = a0 >= 1 && (word_is(t, a0 - 1, "on") || word_is(t, a0 - 1, "by")) ? a0 - 1 : a0;
    if (k0 >= 3 && word_is(t, k0 - 1, "as") && word_is(t, k0 - 3, "as") &&
        (word_is(t, k0 - 2, "early") || word_is(t, k0 - 2, "soon")))
        return T_FUTURE;
    /* "between now and Thursday" */
    if (a0 >= 3 && word_is(t, a0 - 1, "and") && word_is(t, a0 - 2, "now") &&
        word_is(t, a0 - 3, "between"))
        return T_FUTURE;
    /* "the proposed Thursday summit", "the planned March vote": what is
     * proposed or planned lies ahead */
    if (a0 >= 1 && (word_is(t, a0 - 1, "proposed") || word_is(t, a0 - 1, "planned") ||
                    word_is(t, a0 - 1, "expected") || word_is(t, a0 - 1, "anticipated")))
        return T_FUTURE;
    for (size_t d = 1; d <= 14 && a0 >= d; d++) {
        size_t k = a0 - d;
        /* a date in parentheses restates one of the clause around it:
         * "will leave at 4 in the morning (4 a.m. EDT Thursday)" */
        if (d == 1 && is_punct(t, k, '('))
            continue;
        if (px__tense_barrier(t, k) || ((t->a[k].flags & AF_QUOTED) != 0) != q)
            break;
        tense x = atom_tense(t, k);
        if (x == T_PAST || x == T_FUTURE)
            return x;
    }
    for (size_t k = a1; k < t->n && k < a1 + 10; k++) {
        if (px__tense_barrier(t, k) || ((t->a[k].flags & AF_QUOTED) != 0) != q)
            break;
        tense x = atom_tense(t, k);
        if (x == T_PAST || x == T_FUTURE)
            return x;
    }
    return T_NONE;
}

/* The tense of a deadline whose preposition is at atom k. */
tense px__deadline_verb(const tagger *t, size_t k, tense tn)
{
    if (tn != T_PAST)
        return T_FUTURE;
    static const char *const defer[] = {"adjourned", "deferred", "delayed", "extended",
                                        "gave", "given", "postponed", "put", "recessed",
                                        "suspended"};
    for (size_t d = 1; d <= 12 && k >= d; d++) {
        const atom *a = &t->a[k - d];
        if (px__tense_barrier(t, k - d) || (a->kind == A_PUNCT && a->low[0] == '.'))
            break;
        if (!strcmp(a->low, "has") || !strcmp(a->low, "have"))
            return T_FUTURE; /* "has extended the loans through January" */
        for (size_t w = 0; w < PX_ARRAY_LEN(defer); w++)
            if (!strcmp(a->low, defer[w]))
                return T_FUTURE;
    }
    return tn;
}

/* A deadline: "until Tuesday", "postponed until 9 a.m. Tuesday". The day
 * is the next one with that name (or today) unless the clause is plainly
 * past ("the talks lasted until Tuesday"); verbs that put things off look
 * ahead even in the past tense. */
tense px__deadline_tense(const tagger *t, size_t expr_start, tense tn)
{
    size_t k = expr_start;
    if (k > 0 && fn(t, k - 1) == FN_ON)
        k--;
    if (k == 0 || !is_deadline(t, k - 1))
        return tn;
    return px__deadline_verb(t, k - 1, tn);
}
