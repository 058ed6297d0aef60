/*
 * tagger.c - finds time expressions in the token stream and resolves
 * them, in the spirit of HeidelTime and SUTime: every word is looked up
 * once in a table of temporal words (lexicon.inc), then hand-written
 * patterns are tried at each position and the longest match wins.
 *
 * Tokens are first cut into "atoms": hyphenated words are split
 * ("third-quarter" -> third, quarter; "30-day" -> 30, day) so one pattern
 * serves both spellings; a match that ends inside a token is widened to
 * the whole token, as TimeML spans always are.
 *
 * Values follow TimeML: 2025-05-15, 2025-W20, 2025-05, 2025-Q3, 2025-SU,
 * 199 (the 1990s), P30D, PT5H, PXY, XXXX-WXX-4 (every Thursday),
 * PRESENT_REF, PAST_REF, FUTURE_REF, and X placeholders when the
 * reference date is unknown. Expressions whose meaning depends on the
 * reference date and on tense ("Friday", "in March") look at the verbs
 * around them: "will meet on Thursday" is the coming Thursday, "said on
 * Sunday" the last one.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* ---- the lexicon ---- */

static const px_date_lex lexicon[] = {
#define PX_DATE_LEX_ENTRIES
#include "lexicon.inc"
#undef PX_DATE_LEX_ENTRIES
};
#include "lexicon.inc"

const px_date_lex *px__date_lex_table(size_t *n)
{
    *n = PX_ARRAY_LEN(lexicon);
    return lexicon;
}

#define LEX_HASH_SEED 2166136261u
#define LEX_HASH_STEP(h, c) (((h) ^ (unsigned char)(c)) * 16777619u)

/* The entry for lower-case w[0..len) whose FNV-1a hash is h. */
static const px_date_lex *lex_find_hashed(const char *w, size_t len, uint32_t h)
{
    for (uint32_t k = h & (PX_DATE_LEX_HASH_SIZE - 1);; k = (k + 1) & (PX_DATE_LEX_HASH_SIZE - 1)) {
        unsigned idx = lexicon_hash[k];
        if (!idx)
            return NULL;
        const char *e = lexicon[idx - 1].word;
        if (e[0] == w[0] && !strncmp(e, w, len) && !e[len])
            return &lexicon[idx - 1];
    }
}

const px_date_lex *px__date_lex_find(const char *w, size_t len)
{
    if (!len)
        return NULL;
    uint32_t h = LEX_HASH_SEED;
    for (size_t i = 0; i < len; i++)
        h = LEX_HASH_STEP(h, w[i]);
    return lex_find_hashed(w, len, h);
}

/* ---- atoms ---- */

enum { A_WORD = 1, A_NUM, A_PUNCT, A_QUOTE, A_OTHER };
#define AF_CAP 0x01u    /* first letter upper case */
#define AF_HYPH 0x02u   /* joined to the previous atom by a hyphen */
#define AF_POSS 0x04u   /* followed by 's */
#define AF_QUOTED 0x08u /* inside quotation marks */
#define AF_TOKEND 0x10u /* last atom of its token */
#define AF_ALLCAPS 0x20u /* the token is in capitals ("WEEK") */

typedef struct atom {
    uint32_t start, end; /* bytes of the atom (without 's) */
    uint32_t tok_start, tok_end;
    uint8_t kind, flags;
    uint8_t ndig; /* digits, when the atom is all digits */
    uint8_t to_trigger; /* atoms to the next trigger (see lex_is_trigger), capped */
    int32_t num;  /* value of an all-digit atom (commas allowed), else -1 */
    const px_date_lex *lex;
    char low[24]; /* lower-case ASCII copy, NUL-terminated, may be cut */
    uint8_t len;  /* strlen(low) */
} atom;

typedef PX_VEC(atom) atom_vec;

typedef enum tense { T_NONE = 0, T_PAST = -1, T_FUTURE = 1, T_PRESENT = 2 } tense;

/* What earlier expressions of the document tell later ones. */
typedef struct doc_state {
    int quarter_y, quarter_q; /* the last quarter named ("the third quarter") */
    int last_y, last_m, last_d; /* the last date named (m, d 0 when not given) */
} doc_state;

typedef struct tagger {
    const px_doc *doc;
    atom *a;
    size_t n;
    px_ymd ref;
    size_t sent;
    doc_state *st;
} tagger;

typedef struct match {
    size_t a0, a1; /* atoms [a0, a1) */
    px_timex_type type;
    bool relative; /* value depends on the reference date */
    bool quarter;  /* names a quarter: later "a year ago" compares with it */
    bool deictic;  /* today, tomorrow, yesterday, tonight: counted from the speaker's day */
    char value[40];
} match;

/* Appends the atoms of one token. */
static bool push_token_atoms(atom_vec *v, const char *text, const px_token *tk, bool quoted)
{
    size_t s = tk->start, e = tk->end;
    uint8_t base_kind = A_OTHER;
    switch (tk->kind) {
    case PX_TOK_WORD:
    case PX_TOK_NUMBER: base_kind = A_WORD; break;
    case PX_TOK_PUNCT:
    case PX_TOK_DASH: base_kind = A_PUNCT; break;
    case PX_TOK_QUOTE: base_kind = A_QUOTE; break;
    default: base_kind = A_OTHER; break;
    }
    bool poss = false;
    if (base_kind == A_WORD) {
        /* possessive 's or ’s */
        if (e - s > 2 && (text[e - 1] == 's' || text[e - 1] == 'S')) {
            if (text[e - 2] == '\'')
                poss = true, e -= 2;
            else if (e - s > 4 && (unsigned char)text[e - 4] == 0xE2 &&
                     (unsigned char)text[e - 3] == 0x80 && (unsigned char)text[e - 2] == 0x99)
                poss = true, e -= 4;
        }
    }
    size_t p = s;
    bool first = true;
    size_t first_idx = v->n;
    while (p < e) {
        size_t q = e;
        if (base_kind == A_WORD) {
            const char *h = memchr(text + p, '-', e - p);
            if (h)
                q = (size_t)(h - text);
        }
        if (q > p) {
            atom at;
            memset(&at, 0, sizeof(at));
            at.start = (uint32_t)p;
            at.end = (uint32_t)q;
            at.tok_start = tk->start;
            at.tok_end = tk->end;
            at.kind = base_kind;
            at.flags = (uint8_t)((first ? 0 : AF_HYPH) | (quoted ? AF_QUOTED : 0) |
                                 ((tk->flags & PX_TF_ALLCAPS) ? AF_ALLCAPS : 0));
            at.num = -1;
            /* lower-case copy (cut to fit) and its lexicon hash, and the
             * hash without the last byte (for "Sept.") */
            size_t n = q - p < sizeof(at.low) - 1 ? q - p : sizeof(at.low) - 1;
            uint32_t h = LEX_HASH_SEED, h_prev = LEX_HASH_SEED;
            if ((unsigned char)text[p] >= 'A' && (unsigned char)text[p] <= 'Z')
                at.flags |= AF_CAP;
            for (size_t k = 0; k < n; k++) {
                unsigned char c = (unsigned char)text[p + k];
                char lc = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
                at.low[k] = lc;
                h_prev = h;
                h = LEX_HASH_STEP(h, lc);
            }
            at.low[n] = 0;
            at.len = (uint8_t)n;
            /* an all-digit atom (commas allowed after the first digit) */
            if (base_kind == A_WORD && (tk->flags & PX_TF_DIGIT) && q - p <= 11 &&
                text[p] >= '0' && text[p] <= '9') {
                bool digits = true;
                for (size_t k = p; k < q && digits; k++)
                    digits = (text[k] >= '0' && text[k] <= '9') || text[k] == ',';
                if (digits) {
                    long val = 0;
                    int nd = 0;
                    for (size_t k = p; k < q; k++)
                        if (text[k] != ',')
                            val = val * 10 + (text[k] - '0'), nd++;
                    at.kind = A_NUM;
                    at.num = (int32_t)val;
                    at.ndig = (uint8_t)nd;
                }
            }
            if (at.kind == A_WORD && q - p < sizeof(at.low) - 1 && n) {
                at.lex = lex_find_hashed(at.low, n, h);
                if (!at.lex && n > 1 && at.low[n - 1] == '.')
                    at.lex = lex_find_hashed(at.low, n - 1, h_prev);
            }
            if (!PX_VEC_PUSH(*v, at))
                return false;
            first = false;
        }
        p = q + 1; /* skip the hyphen */
    }
    if (v->n > first_idx) {
        v->v[v->n - 1].flags |= AF_TOKEND;
        if (poss)
            v->v[v->n - 1].flags |= AF_POSS;
    }
    return true;
}

/* ---- small accessors ---- */



static const px_date_lex *lx(const tagger *t, size_t i)
{
    return i < t->n ? t->a[i].lex : NULL;
}

static int fn(const tagger *t, size_t i)
{
    const px_date_lex *l = lx(t, i);
    return l ? l->fn : FN_NONE;
}

static bool word_is(const tagger *t, size_t i, const char *w)
{
    return i < t->n && t->a[i].low[0] == w[0] && !strcmp(t->a[i].low, w);
}

static bool is_punct(const tagger *t, size_t i, char c)
{
    return i < t->n && t->a[i].kind == A_PUNCT && t->a[i].low[0] == c && !t->a[i].low[1];
}

static int unit_at(const tagger *t, size_t i, bool *plural)
{
    if (plural)
        *plural = false;
    const px_date_lex *l = lx(t, i);
    if (!l || !l->unit)
        return 0;
    if (plural)
        *plural = l->plural;
    return l->unit;
}

static bool has_ref(const tagger *t)
{
    return t->ref.y != 0;
}

/* ---- numbers ---- */

/* A cardinal at i: digits or words ("twenty-four", "two thousand").
 * Returns the end atom, 0 if none. allow_a: "a"/"an" count as 1. */
static size_t parse_number(const tagger *t, size_t i, long *val, bool allow_a)
{
    if (i >= t->n)
        return 0;
    const atom *a = &t->a[i];
    if (a->kind == A_NUM && a->num >= 0) {
        *val = a->num;
        return i + 1;
    }
    long total = 0, cur = 0;
    size_t j = i;
    bool any = false;
    while (j < t->n) {
        const px_date_lex *l = t->a[j].lex;
        if (!l || l->num < 0)
            break;
        if (l->fn == FN_A) {
            /* "a hundred", or "a" alone as one when allowed */
            const px_date_lex *nx = lx(t, j + 1);
            if (any)
                break;
            if (nx && (nx->num == 100 || nx->num == 1000 || nx->num == 12)) {
                cur = 1;
                j++;
                any = true;
                continue;
            }
            if (!allow_a)
                break;
            *val = 1;
            return j + 1;
        }
        long v = l->num;
        if (v == 100)
            cur = (cur ? cur : 1) * 100;
        else if (v == 1000)
            total += (cur ? cur : 1) * 1000, cur = 0;
        else if (v == 12 && !strcmp(t->a[j].low, "dozen"))
            cur = (cur ? cur : 1) * 12;
        else if (any && cur % 10 == 0 && cur % 100 >= 20 && v < 10)
            cur += v;
        else if (any && cur % 100 == 0 && cur > 0 && v < 100)
            cur += v;
        else if (any)
            break;
        else
            cur = v;
        any = true;
        j++;
    }
    if (!any)
        return 0;
    *val = total + cur;
    return j;
}

/* An ordinal at i: "third", "3rd", "30th". */
static size_t parse_ordinal(const tagger *t, size_t i, int *val)
{
    if (i >= t->n)
        return 0;
    const atom *a = &t->a[i];
    if (a->lex && a->lex->ord) {
        *val = a->lex->ord;
        return i + 1;
    }
    if (a->kind == A_WORD && a->len >= 3 && a->len <= 4 && a->low[0] >= '0' &&
        a->low[0] <= '9') {
        int v = 0;
        size_t k = 0;
        while (k < a->len && a->low[k] >= '0' && a->low[k] <= '9')
            v = v * 10 + (a->low[k++] - '0');
        const char *suf = a->low + k;
        if (!strcmp(suf, "st") || !strcmp(suf, "nd") || !strcmp(suf, "rd") ||
            !strcmp(suf, "th")) {
            *val = v;
            return i + 1;
        }
    }
    return 0;
}

/* A day of the month at i: 1..31 as digits or ordinal. */
static size_t parse_day(const tagger *t, size_t i, int *d)
{
    if (i >= t->n)
        return 0;
    const atom *a = &t->a[i];
    if (a->kind == A_NUM && a->ndig <= 2 && a->num >= 1 && a->num <= 31 && !(a->flags & AF_HYPH)) {
        *d = a->num;
        return i + 1;
    }
    int v;
    size_t e = parse_ordinal(t, i, &v);
    if (e && v >= 1 && v <= 31 && t->a[i].kind != A_NUM) {
        /* "first" as a day only in "May first"; digits+suffix always */
        *d = v;
        return e;
    }
    return 0;
}

/* A four-digit year at i. */
static size_t parse_year(const tagger *t, size_t i, int *y)
{
    if (i >= t->n)
        return 0;
    const atom *a = &t->a[i];
    if (a->kind == A_NUM && a->ndig == 4 && a->num >= 1000 && a->num <= 2199 &&
        !strchr(a->low, ',')) {
        *y = a->num;
        return i + 1;
    }
    return 0;
}

/* A year in digits or spelled out ("nineteen ninety-four") at i. */
static size_t parse_year_any(const tagger *t, size_t i, int *y)
{
    size_t e = parse_year(t, i, y);
    if (e)
        return e;
    const px_date_lex *l = i < t->n ? t->a[i].lex : NULL;
    if (l && l->num >= 11 && l->num <= 20 && !l->fn) {
        long rest;
        e = parse_number(t, i + 1, &rest, false);
        if (e && rest >= 10 && rest < 100) {
            *y = (int)(l->num * 100 + rest);
            return e;
        }
    }
    return 0;
}

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
 * year"): see m_duration. */
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
static bool tense_barrier(const tagger *t, size_t i)
{
    const atom *a = &t->a[i];
    return a->kind == A_QUOTE ||
           (a->kind == A_PUNCT && (a->low[0] == ':' || a->low[0] == ';' || a->low[0] == '('));
}

/* The tense governing atoms [a0, a1): the nearest verb cue before the
 * expression in its clause, else the nearest after it. */
static tense tense_of(const tagger *t, size_t a0, size_t a1)
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
        if (tense_barrier(t, k) || ((t->a[k].flags & AF_QUOTED) != 0) != q)
            break;
        tense x = atom_tense(t, k);
        if (x == T_PAST || x == T_FUTURE)
            return x;
    }
    for (size_t k = a1; k < t->n && k < a1 + 10; k++) {
        if (tense_barrier(t, k) || ((t->a[k].flags & AF_QUOTED) != 0) != q)
            break;
        tense x = atom_tense(t, k);
        if (x == T_PAST || x == T_FUTURE)
            return x;
    }
    return T_NONE;
}

/* ---- resolution helpers ---- */

/* Writes n (0 <= n < 10^width) as width digits; returns the end. */
static char *put_digits(char *o, int n, int width)
{
    for (int k = width - 1; k >= 0; k--, n /= 10)
        o[k] = (char)('0' + n % 10);
    return o + width;
}

static void put_day(match *m, px_ymd d)
{
    if (d.y < 0 || d.y > 9999 || d.m < 0 || d.m > 99 || d.d < 0 || d.d > 99) {
        snprintf(m->value, sizeof(m->value), "%04d-%02d-%02d", d.y, d.m, d.d);
        return;
    }
    /* by hand: this runs for every candidate day, and snprintf costs more
     * than the rest of the pattern */
    char *o = put_digits(m->value, d.y, 4);
    *o++ = '-';
    o = put_digits(o, d.m, 2);
    *o++ = '-';
    o = put_digits(o, d.d, 2);
    *o = 0;
}

static void put_week(match *m, px_ymd d)
{
    int wy;
    int w = px__iso_week(d, &wy);
    snprintf(m->value, sizeof(m->value), "%04d-W%02d", wy, w);
}

static px_ymd resolve_weekday(const tagger *t, int wd, int rel, tense tn)
{
    int cur = px__weekday(t->ref);
    int diff = wd - cur;
    switch (rel) {
    case FN_LAST:
    case FN_PAST:
    case FN_PREVIOUS:
        if (diff >= 0)
            diff -= 7;
        break;
    case FN_NEXT:
    case FN_COMING:
    case FN_FOLLOWING:
        if (diff <= 0)
            diff += 7;
        break;
    case FN_THIS: break;
    default:
        if (tn == T_FUTURE) {
            if (diff < 0)
                diff += 7;
        } else if (diff > 0) {
            diff -= 7;
        }
    }
    return px__add_days(t->ref, diff);
}

/* The year of a month (and day) named without one. News looks back more
 * than ahead: in a past-tense clause the month is this year's if it is at
 * most two months ahead ("gave them until mid-November", written in
 * October), else last year's; with no cue, up to four months ahead is
 * this year's, and a month just after the turn of the year is next
 * year's. */
static int year_for(const tagger *t, int m, int d, tense tn)
{
    int y = t->ref.y;
    int dm = m - t->ref.m;
    if (dm == 0 && d)
        dm = d > t->ref.d ? 1 : d < t->ref.d ? -1 : 0;
    if (tn == T_FUTURE) {
        if (dm < 0)
            y++;
    } else if (tn == T_PAST) {
        if (dm > 2)
            y--;
    } else {
        if (dm > 4)
            y--;
        else if (dm <= -9)
            y++;
    }
    return y;
}

static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};
static const char *const pod_code[] = {"", "MO", "AF", "EV", "NI"};

/* ---- patterns ---- */

/* The part of the day after atom i ("morning", "night"), 0 if none. */
static int pod_at(const tagger *t, size_t i)
{
    const px_date_lex *l = lx(t, i);
    if (!l || !l->pod || l->plural)
        return 0;
    return l->pod;
}

/* "until", "by", "through": a preposition of deadline at atom k. */
static bool is_deadline(const tagger *t, size_t k)
{
    int f = fn(t, k);
    return f == FN_UNTIL || f == FN_BY || word_is(t, k, "through") || word_is(t, k, "till");
}

/* The tense of a deadline whose preposition is at atom k. */
static tense deadline_verb(const tagger *t, size_t k, tense tn)
{
    if (tn != T_PAST)
        return T_FUTURE;
    static const char *const defer[] = {"adjourned", "deferred", "delayed", "extended",
                                        "gave", "given", "postponed", "put", "recessed",
                                        "suspended"};
    for (size_t d = 1; d <= 12 && k >= d; d++) {
        const atom *a = &t->a[k - d];
        if (tense_barrier(t, k - d) || (a->kind == A_PUNCT && a->low[0] == '.'))
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
static tense deadline_tense(const tagger *t, size_t expr_start, tense tn)
{
    size_t k = expr_start;
    if (k > 0 && fn(t, k - 1) == FN_ON)
        k--;
    if (k == 0 || !is_deadline(t, k - 1))
        return tn;
    return deadline_verb(t, k - 1, tn);
}

/* Month Day [,] [Year] / Day Month [Year] / Month [of] Year / Month.
 * Weekday [,] in front is included. */
static size_t m_calendar(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    const px_date_lex *l = lx(t, j);
    /* "Saturday, April 25" */
    if (l && l->wday && !l->plural) {
        size_t k = j + 1;
        if (is_punct(t, k, ','))
            k++;
        const px_date_lex *l2 = lx(t, k);
        if (l2 && l2->month) {
            match sub;
            memset(&sub, 0, sizeof(sub));
            size_t e = m_calendar(t, k, &sub);
            if (e && strlen(sub.value) == 10) {
                *m = sub;
                if (sub.relative && has_ref(t)) {
                    /* the year whose calendar has that weekday */
                    px_ymd d = {atoi(sub.value), l2->month, atoi(sub.value + 8)};
                    for (int dy = 0; dy <= 2; dy++) {
                        int yy = t->ref.y + (dy == 0 ? 0 : dy == 1 ? -1 : 1);
                        if (d.d <= px__days_in_month(yy, d.m) &&
                            px__weekday((px_ymd){yy, d.m, d.d}) == l->wday) {
                            put_day(m, (px_ymd){yy, d.m, d.d});
                            break;
                        }
                    }
                }
                return e;
            }
        }
        return 0;
    }
    int y = 0, mo = 0, d = 0;
    size_t e = 0;
    /* "last May", "next January" */
    if ((fn(t, j) == FN_LAST || fn(t, j) == FN_NEXT || fn(t, j) == FN_THIS) && lx(t, j + 1) &&
        lx(t, j + 1)->month &&
        (t->a[j + 1].len > 4 || !strcmp(t->a[j + 1].low, "may") ||
         !strcmp(t->a[j + 1].low, "june") || !strcmp(t->a[j + 1].low, "july")) &&
        (t->a[j + 1].flags & AF_CAP)) {
        match sub;
        memset(&sub, 0, sizeof(sub));
        e = m_calendar(t, j + 1, &sub);
        if (e && strlen(sub.value) == 7) {
            *m = sub;
            return e;
        }
        return 0;
    }
    /* ISO 2025-05-12 */
    if (t->a[j].kind == A_NUM && t->a[j].ndig == 4 && j + 2 < t->n &&
        (t->a[j + 1].flags & AF_HYPH) && (t->a[j + 2].flags & AF_HYPH) &&
        t->a[j + 1].kind == A_NUM && t->a[j + 2].kind == A_NUM && t->a[j + 1].ndig == 2 &&
        t->a[j + 2].ndig == 2) {
        y = t->a[j].num, mo = t->a[j + 1].num, d = t->a[j + 2].num;
        if (mo >= 1 && mo <= 12 && d >= 1 && d <= px__days_in_month(y, mo)) {
            m->type = PX_TIMEX_DATE;
            put_day(m, (px_ymd){y, mo, d});
            return j + 3;
        }
        return 0;
    }
    /* 5/12/2025 (US order) */
    if (t->a[j].kind == A_WORD && t->a[j].low[0] >= '0' && t->a[j].low[0] <= '9' &&
        strchr(t->a[j].low, '/')) {
        int a1, a2, a3;
        char extra;
        if (sscanf(t->a[j].low, "%d/%d/%d%c", &a1, &a2, &a3, &extra) == 3 && a1 >= 1 &&
            a1 <= 12 && a2 >= 1 && a2 <= 31) {
            if (a3 < 100)
                a3 += a3 < 50 ? 2000 : 1900;
            if (a3 >= 1000 && a2 <= px__days_in_month(a3, a1)) {
                m->type = PX_TIMEX_DATE;
                put_day(m, (px_ymd){a3, a1, a2});
                return j + 1;
            }
        }
        return 0;
    }
    /* Day Month [Year]: "11 May 2025", "the 11th of May" */
    if (!l || !l->month) {
        size_t k = j;
        if (fn(t, k) == FN_THE)
            k++;
        size_t e2 = parse_day(t, k, &d);
        if (!e2)
            return 0;
        if (fn(t, e2) == FN_OF)
            e2++;
        const px_date_lex *lm = lx(t, e2);
        if (!lm || !lm->month || !(t->a[e2].flags & AF_CAP))
            return 0;
        mo = lm->month;
        e = e2 + 1;
        size_t e3 = e;
        if (is_punct(t, e3, ','))
            e3++;
        if (parse_year(t, e3, &y))
            e = e3 + 1;
        else
            y = 0;
        if (d > px__days_in_month(y ? y : 2000, mo))
            return 0;
        goto day_value;
    }
    /* Month ... */
    if (!(t->a[j].flags & AF_CAP) && !(t->a[j].flags & AF_HYPH))
        return 0;
    mo = l->month;
    bool abbrev = t->a[j].len <= 4 && strcmp(t->a[j].low, "june") &&
                  strcmp(t->a[j].low, "july") && strcmp(t->a[j].low, "may");
    bool ambiguous = !strcmp(t->a[j].low, "may") || !strcmp(t->a[j].low, "march");
    e = j + 1;
    {
        size_t k = e;
        if (parse_day(t, k, &d)) {
            /* "Sept. 30" / "May 11, 2025" */
            e = k + 1;
            size_t k2 = e;
            if (is_punct(t, k2, ','))
                k2++;
            if (parse_year(t, k2, &y))
                e = k2 + 1;
            if (d > px__days_in_month(y ? y : 2000, mo))
                return 0;
            goto day_value;
        }
        /* Month [,] [of] Year */
        size_t k2 = e, ey;
        if (is_punct(t, k2, ',') || fn(t, k2) == FN_OF)
            k2++;
        if ((ey = parse_year_any(t, k2, &y)) != 0) {
            e = ey;
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%04d-%02d", y, mo);
            return e;
        }
        /* "January this year", "June last year" */
        int r = fn(t, e);
        if ((r == FN_THIS || r == FN_LAST || r == FN_NEXT) && unit_at(t, e + 1, NULL) == UNIT_YEAR &&
            !(t->a[e + 1].flags & AF_POSS)) {
            if (!has_ref(t))
                return 0;
            y = t->ref.y + (r == FN_LAST ? -1 : r == FN_NEXT ? 1 : 0);
            m->type = PX_TIMEX_DATE;
            m->relative = true;
            snprintf(m->value, sizeof(m->value), "%04d-%02d", y, mo);
            return e + 2;
        }
        /* Month alone */
        if (abbrev && !(t->a[j].flags & AF_HYPH))
            return 0;
        if (ambiguous) {
            int p = j ? fn(t, j - 1) : FN_NONE;
            bool ok = p == FN_IN || p == FN_SINCE || p == FN_UNTIL || p == FN_BY ||
                      p == FN_EARLY || p == FN_LATE || p == FN_MID || p == FN_LAST ||
                      p == FN_NEXT || p == FN_THIS || p == FN_OF || p == FN_FROM ||
                      p == FN_DURING || p == FN_BEFORE || p == FN_THE ||
                      (j && (word_is(t, j - 1, "after") || word_is(t, j - 1, "through")));
            if (!ok)
                return 0;
        }
        m->type = PX_TIMEX_DATE;
        if (!has_ref(t)) {
            snprintf(m->value, sizeof(m->value), "XXXX-%02d", mo);
            return e;
        }
        int p = j ? fn(t, j - 1) : FN_NONE;
        tense tn = tense_of(t, j, e);
        if (j && is_deadline(t, j - 1))
            tn = deadline_verb(t, j - 1, tn);
        if (p == FN_LAST)
            y = mo < t->ref.m ? t->ref.y : t->ref.y - 1;
        else if (p == FN_NEXT)
            y = mo > t->ref.m ? t->ref.y : t->ref.y + 1;
        else if (p == FN_THIS)
            y = t->ref.y;
        else
            y = year_for(t, mo, 0, tn);
        m->relative = true;
        snprintf(m->value, sizeof(m->value), "%04d-%02d", y, mo);
        return e;
    }
day_value:
    m->type = PX_TIMEX_DATE;
    if (!y) {
        if (!has_ref(t)) {
            snprintf(m->value, sizeof(m->value), "XXXX-%02d-%02d", mo, d);
            return e;
        }
        y = year_for(t, mo, d, tense_of(t, i, e));
        m->relative = true;
    }
    put_day(m, (px_ymd){y, mo, d});
    return e;
}

/* Years, decades, centuries: "1990", "fiscal 1989", "the year 2000",
 * "the 1990s", "the '90s", "the 20th century", "nineteen ninety-six". */
static size_t m_year(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    bool the = false;
    if (fn(t, j) == FN_THE)
        the = true, j++;
    if (fn(t, j) == FN_FISCAL)
        j++;
    if (the && unit_at(t, j, NULL) == UNIT_YEAR && !(t->a[j].flags & AF_POSS))
        j++;
    int y;
    size_t e = parse_year(t, j, &y);
    if (e) {
        if (j == i || fn(t, i) != FN_THE || j > i + 1) {
            /* a bare number: not money, not a percentage, not a count */
            if (j > 0 && t->a[j - 1].kind == A_OTHER && t->a[j - 1].low[0] == '$')
                return 0;
            if (e < t->n && ((t->a[e].kind == A_OTHER && t->a[e].low[0] == '%') ||
                             word_is(t, e, "percent")))
                return 0;
            if ((t->a[j].flags & AF_HYPH) &&
                !(j > 0 && (fn(t, j - 1) == FN_MID || fn(t, j - 1) == FN_EARLY ||
                            fn(t, j - 1) == FN_LATE || word_is(t, j - 1, "post") ||
                            word_is(t, j - 1, "pre"))))
                return 0; /* "1989-90" ranges, but "mid-1996", "post-1959" */
            if (y < 1800 || y > 2100)
                return 0;
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%04d", y);
            return e;
        }
        /* "the 1988 period" is left to other patterns */
        return 0;
    }
    /* decades: "1990s", "'90s", "the 1990s" */
    j = the ? i + 1 : i;
    if (j < t->n && t->a[j].kind == A_QUOTE && j + 1 < t->n) {
        const atom *b = &t->a[j + 1];
        if (b->len == 3 && b->low[2] == 's' && b->low[0] >= '0' && b->low[0] <= '9' &&
            b->low[1] == '0') {
            int c = t->ref.y ? t->ref.y / 100 : 19;
            if (b->low[0] - '0' > (t->ref.y ? t->ref.y % 100 / 10 : 9))
                c--;
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%02d%c", c, b->low[0]);
            return j + 2;
        }
    }
    if (j < t->n && t->a[j].kind == A_WORD && t->a[j].len == 5 && t->a[j].low[4] == 's' &&
        t->a[j].low[3] == '0') {
        bool dig = true;
        for (int k = 0; k < 4; k++)
            dig = dig && t->a[j].low[k] >= '0' && t->a[j].low[k] <= '9';
        if (dig) {
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%.3s", t->a[j].low);
            return j + 1;
        }
    }
    /* "the nineties", "the early eighties" */
    {
        static const char *const decades[] = {"twenties", "thirties", "forties", "fifties",
                                              "sixties", "seventies", "eighties", "nineties"};
        size_t k = j;
        if (the && (fn(t, k) == FN_EARLY || fn(t, k) == FN_LATE || fn(t, k) == FN_MID))
            k++;
        for (size_t d = 0; the && k < t->n && d < PX_ARRAY_LEN(decades); d++)
            if (!strcmp(t->a[k].low, decades[d])) {
                int c = t->ref.y ? t->ref.y / 100 : 19;
                if ((int)d + 2 > (t->ref.y ? t->ref.y % 100 / 10 : 9))
                    c--;
                m->type = PX_TIMEX_DATE;
                snprintf(m->value, sizeof(m->value), "%02d%d", c, (int)d + 2);
                return k + 1;
            }
    }
    /* centuries: "the 20th century", "the twentieth century" */
    int ordv;
    size_t eo = parse_ordinal(t, j, &ordv);
    if (eo && ordv >= 1 && ordv <= 30 && unit_at(t, eo, NULL) == UNIT_CENTURY &&
        !lx(t, eo)->plural) {
        m->type = PX_TIMEX_DATE;
        snprintf(m->value, sizeof(m->value), "%02d", ordv - 1);
        return eo + 1;
    }
    /* spelled years: "nineteen ninety-six", "two thousand" after "the year" */
    const px_date_lex *l = lx(t, j);
    if (l && l->num >= 11 && l->num <= 20 && !l->fn) {
        long rest;
        size_t e2 = parse_number(t, j + 1, &rest, false);
        if (e2 && rest >= 10 && rest < 100) {
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%ld", l->num * 100 + rest);
            return e2;
        }
    }
    if (the && unit_at(t, i + 1, NULL) == UNIT_YEAR) {
        long v;
        size_t e2 = parse_number(t, i + 2, &v, false);
        if (e2 && v >= 1000 && v <= 2100) {
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%ld", v);
            return e2;
        }
    }
    return 0;
}

/* [last|next|this|coming] Weekday [part of day]; plural: a SET.
 * expr_start: where the whole expression starts (before a clock time:
 * "9 a.m. Tuesday"). */
static size_t m_weekday_in(const tagger *t, size_t i, size_t expr_start, match *m);

static size_t m_weekday(const tagger *t, size_t i, match *m)
{
    return m_weekday_in(t, i, i, m);
}

static size_t m_weekday_in(const tagger *t, size_t i, size_t expr_start, match *m)
{
    size_t j = i;
    /* "the previous Friday", "the following Monday" */
    if (fn(t, j) == FN_THE && (fn(t, j + 1) == FN_PREVIOUS || fn(t, j + 1) == FN_FOLLOWING))
        j++;
    int rel = fn(t, j);
    if (rel == FN_LAST || rel == FN_NEXT || rel == FN_THIS || rel == FN_COMING ||
        rel == FN_PAST || rel == FN_PREVIOUS || rel == FN_FOLLOWING) {
        j++;
        if (rel == FN_THIS && fn(t, j) == FN_COMING)
            rel = FN_COMING, j++;
    } else {
        rel = FN_NONE;
    }
    const px_date_lex *l = lx(t, j);
    if (!l || !l->wday || !(t->a[j].flags & AF_CAP))
        return 0;
    /* "Mon" and the like only with a full stop */
    if (t->a[j].len <= 4 && t->a[j].low[t->a[j].len - 1] != '.')
        return 0;
    size_t e = j + 1;
    int pod = pod_at(t, e);
    if (pod)
        e++;
    m->type = PX_TIMEX_DATE;
    if (l->plural || (pod && lx(t, e - 1)->plural)) {
        m->type = PX_TIMEX_SET;
        snprintf(m->value, sizeof(m->value), "XXXX-WXX-%d%s%s", l->wday, pod ? "T" : "",
                 pod_code[pod]);
        return e;
    }
    if (pod_at(t, e) == 0 && lx(t, e) && lx(t, e)->pod && lx(t, e)->plural) {
        /* "Tuesday nights" */
        m->type = PX_TIMEX_SET;
        snprintf(m->value, sizeof(m->value), "XXXX-WXX-%dT%s", l->wday,
                 pod_code[lx(t, e)->pod]);
        return e + 1;
    }
    if (!has_ref(t)) {
        snprintf(m->value, sizeof(m->value), "XXXX-WXX-%d", l->wday);
    } else {
        px_ymd d;
        if ((rel == FN_PREVIOUS || rel == FN_FOLLOWING) && t->st->last_d) {
            /* "the previous Friday": before the day last named */
            tagger t2 = *t;
            t2.ref = (px_ymd){t->st->last_y, t->st->last_m, t->st->last_d};
            d = resolve_weekday(&t2, l->wday, rel, T_NONE);
        } else {
            tense tn = tense_of(t, expr_start, e);
            if (rel == FN_NONE)
                tn = deadline_tense(t, expr_start, tn);
            d = resolve_weekday(t, l->wday, rel, tn);
        }
        put_day(m, d);
        m->relative = true;
    }
    /* "Friday morning": TimeML makes it a TIME whose value names the part
     * of the day (1998-02-13TMO) */
    if (pod) {
        size_t n = strlen(m->value);
        m->type = PX_TIMEX_TIME;
        snprintf(m->value + n, sizeof(m->value) - n, "T%s", pod_code[pod]);
    }
    return e;
}

/* today, tomorrow, yesterday, tonight [part of day]; this morning; last
 * night; the day before yesterday. */
static size_t m_deictic(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    int f = fn(t, j);
    int off = 0, pod = 0;
    size_t e;
    if (f == FN_THE && unit_at(t, j + 1, NULL) == UNIT_DAY && !lx(t, j + 1)->plural &&
        (fn(t, j + 2) == FN_BEFORE || word_is(t, j + 2, "after")) &&
        (fn(t, j + 3) == FN_YESTERDAY || fn(t, j + 3) == FN_TOMORROW)) {
        off = fn(t, j + 3) == FN_YESTERDAY ? -2 : 2;
        e = j + 4;
    } else if ((f == FN_TODAY || f == FN_TOMORROW || f == FN_YESTERDAY || f == FN_TONIGHT) &&
               !(j > 0 && (t->a[j].flags & AF_CAP) && (t->a[j - 1].flags & AF_CAP) &&
                 t->a[j - 1].kind == A_WORD)) { /* not a name: "VOA Today" */
        off = f == FN_TOMORROW ? 1 : f == FN_YESTERDAY ? -1 : 0;
        if (f == FN_TONIGHT)
            pod = 4;
        e = j + 1;
        if (!pod && (pod = pod_at(t, e)) != 0)
            e++;
    } else if (f == FN_THIS && pod_at(t, j + 1)) {
        pod = pod_at(t, j + 1);
        e = j + 2;
    } else if (f == FN_LAST && pod_at(t, j + 1) == 4) {
        pod = 4, off = -1;
        e = j + 2;
    } else {
        return 0;
    }
    if (f == FN_TODAY && (t->a[i].flags & AF_POSS) && e == i + 1)
        return 0; /* "today's computers": the present in general */
    m->type = pod ? PX_TIMEX_TIME : PX_TIMEX_DATE;
    m->relative = true;
    m->deictic = true;
    if (!has_ref(t)) {
        snprintf(m->value, sizeof(m->value), "XXXX-XX-XX%s%s", pod ? "T" : "", pod_code[pod]);
        return e;
    }
    put_day(m, px__add_days(t->ref, off));
    if (pod) {
        size_t n = strlen(m->value);
        snprintf(m->value + n, sizeof(m->value) - n, "T%s", pod_code[pod]);
    }
    return e;
}

/* A part of the day before its day: "mid-afternoon yesterday", "morning
 * on Friday"; or after "early", "mid", "late" on its own ("by mid
 * afternoon"): the reference day's. */
static size_t m_pod(const tagger *t, size_t i, match *m)
{
    int pod = pod_at(t, i);
    if (!pod || lx(t, i)->fn != FN_NONE)
        return 0;
    size_t k = i + 1;
    if (fn(t, k) == FN_ON)
        k++;
    match day;
    memset(&day, 0, sizeof(day));
    size_t e = m_weekday(t, k, &day);
    if (!e) {
        int f = fn(t, k);
        if ((f == FN_YESTERDAY || f == FN_TODAY || f == FN_TOMORROW) && pod_at(t, k + 1) == 0)
            e = m_deictic(t, k, &day);
    }
    if (e && day.type == PX_TIMEX_DATE && strlen(day.value) == 10) {
        *m = day;
    } else {
        int p = i > 0 ? fn(t, i - 1) : FN_NONE;
        if (p != FN_MID && p != FN_EARLY && p != FN_LATE)
            return 0;
        /* "late night television": a noun after it makes it a modifier */
        if (i + 1 < t->n && t->a[i + 1].kind == A_WORD && !t->a[i + 1].lex &&
            !(t->a[i + 1].flags & AF_CAP))
            return 0;
        memset(m, 0, sizeof(*m));
        e = i + 1;
        m->relative = true;
        if (has_ref(t))
            put_day(m, t->ref);
        else
            snprintf(m->value, sizeof(m->value), "XXXX-XX-XX");
    }
    size_t n = strlen(m->value);
    m->type = PX_TIMEX_TIME;
    snprintf(m->value + n, sizeof(m->value) - n, "T%s", pod_code[pod]);
    return e;
}

/* The season of a month: 1 spring .. 4 winter. */
static int season_of(int month)
{
    return month >= 3 && month <= 5 ? 1 : month >= 6 && month <= 8 ? 2 : month >= 9 && month <= 11 ? 3 : 4;
}

/* [the] this/last/next/coming/past/previous/current/following + unit:
 * "last week", "this year", "next month", "the past year", "last fall". */
static size_t m_relative(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    bool the = false;
    if (fn(t, j) == FN_THE)
        the = true, j++;
    int rel = fn(t, j);
    if (!(rel == FN_THIS || rel == FN_LAST || rel == FN_NEXT || rel == FN_COMING ||
          rel == FN_PAST || rel == FN_PREVIOUS || rel == FN_CURRENT || rel == FN_FOLLOWING))
        return 0;
    if (the && rel == FN_THIS)
        return 0;
    if (!the && (rel == FN_PREVIOUS || rel == FN_FOLLOWING || rel == FN_CURRENT))
        return 0;
    j++;
    if (fn(t, j) == FN_FISCAL)
        j++;
    const px_date_lex *l = lx(t, j);
    if (!l || l->plural)
        return 0;
    int unit = l->unit, season = l->season;
    if (!unit && !season)
        return 0;
    if (unit && (t->a[j].flags & AF_CAP) && !(t->a[j].flags & AF_HYPH) &&
        !(t->a[j].flags & AF_ALLCAPS))
        return 0; /* a title: "This Week" */
    if (unit == UNIT_QUARTER || unit == UNIT_HALF || unit == UNIT_SECOND ||
        unit == UNIT_MINUTE || unit == UNIT_HOUR || unit == UNIT_NIGHT || unit == UNIT_SEASON)
        return 0;
    /* "this year's third quarter" belongs to the quarter pattern */
    if ((t->a[j].flags & AF_POSS) && lx(t, j + 1) &&
        (lx(t, j + 1)->ord || unit_at(t, j + 1, NULL) == UNIT_QUARTER))
        return 0;
    size_t e = j + 1;
    int delta = rel == FN_LAST || rel == FN_PAST || rel == FN_PREVIOUS ? -1
              : rel == FN_NEXT || rel == FN_COMING || rel == FN_FOLLOWING ? 1 : 0;
    m->type = PX_TIMEX_DATE;
    m->relative = true;
    if (!has_ref(t)) {
        static const char *const unknown[] = {"", "", "", "", "XXXX-XX-XX", "XXXX-WXX", "XXXX-XX",
                                              "XXXX-QX", "XXXX", "XXX", "XX", "XXXX-WXX-WE"};
        if (season)
            snprintf(m->value, sizeof(m->value), "XXXX-%s", season_code[season]);
        else
            snprintf(m->value, sizeof(m->value), "%s", unit < 12 ? unknown[unit] : "XXXX");
        return e;
    }
    px_ymd r = t->ref;
    if (season) {
        /* seasons on one line: winter belongs to the year it begins in
         * (December 1997 to February 1998 is 1997-WI) */
        int cur = r.m <= 2 ? (r.y - 1) * 4 + 3 : r.y * 4 + season_of(r.m) - 1;
        int y = cur / 4 + (season - 1 < cur % 4 && delta > 0 ? 1 : 0);
        if (delta > 0 && season - 1 == cur % 4)
            y++;
        if (delta < 0) {
            y = cur / 4 - (season - 1 >= cur % 4 ? 1 : 0);
            /* "last spring" is last year's; "this past spring" the latest */
            if (rel == FN_LAST && season != 4)
                y = r.y - 1;
        } else if (delta == 0 && season != 4) {
            y = r.y;
        }
        snprintf(m->value, sizeof(m->value), "%04d-%s", y, season_code[season]);
        return e;
    }
    switch (unit) {
    case UNIT_DAY:
        if (rel != FN_FOLLOWING && rel != FN_PREVIOUS && rel != FN_PAST)
            return 0;
        put_day(m, px__add_days(r, delta));
        break;
    case UNIT_WEEK: put_week(m, px__add_days(r, 7 * delta)); break;
    case UNIT_FORTNIGHT: return 0;
    case UNIT_WEEKEND: {
        px_ymd d = px__add_days(r, 7 * delta);
        if (delta < 0 && px__weekday(r) >= 6)
            d = px__add_days(r, 0);
        put_week(m, d);
        strcat(m->value, "-WE");
        break;
    }
    case UNIT_MONTH: {
        px_ymd d = px__add_months(r, delta);
        snprintf(m->value, sizeof(m->value), "%04d-%02d", d.y, d.m);
        break;
    }
    case UNIT_YEAR: snprintf(m->value, sizeof(m->value), "%04d", r.y + delta); break;
    case UNIT_DECADE: snprintf(m->value, sizeof(m->value), "%03d", r.y / 10 + delta); break;
    case UNIT_CENTURY: snprintf(m->value, sizeof(m->value), "%02d", r.y / 100 + delta); break;
    default: return 0;
    }
    return e;
}

/* Expressions that count from the last date the text named, not from the
 * reference date: "the following year", "the previous day", "the next
 * day", "that month", "the same day", "that same week". A story that
 * says "In 1995 ... The following year" means 1996 whenever it was
 * written. With no date named before, they count from the reference
 * date. */
static size_t m_anaphoric(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    int rel;
    if (fn(t, j) == FN_THE) {
        rel = fn(t, j + 1);
        if (rel != FN_FOLLOWING && rel != FN_PREVIOUS && rel != FN_SAME && rel != FN_NEXT)
            return 0;
        j += 2;
    } else if (fn(t, j) == FN_THAT) {
        rel = FN_SAME;
        j++;
        if (fn(t, j) == FN_SAME)
            j++;
    } else {
        return 0;
    }
    bool plural;
    int unit = unit_at(t, j, &plural);
    if (plural || (unit != UNIT_DAY && unit != UNIT_WEEK && unit != UNIT_MONTH &&
                   unit != UNIT_YEAR))
        return 0;
    if (rel == FN_NEXT && unit != UNIT_DAY)
        return 0; /* "in the next year" counts from now */
    if (unit != UNIT_DAY && (t->a[j].flags & AF_CAP) && !(t->a[j].flags & AF_ALLCAPS))
        return 0; /* a title: "That Week" */
    int y = t->st->last_y, mo = t->st->last_m, d = t->st->last_d;
    if (!y) {
        if (!has_ref(t))
            return 0;
        y = t->ref.y, mo = t->ref.m, d = t->ref.d;
    }
    int delta = rel == FN_PREVIOUS ? -1 : rel == FN_SAME ? 0 : 1;
    m->type = PX_TIMEX_DATE;
    switch (unit) {
    case UNIT_YEAR: snprintf(m->value, sizeof(m->value), "%04d", y + delta); break;
    case UNIT_MONTH:
        if (mo) {
            px_ymd x = px__add_months((px_ymd){y, mo, 1}, delta);
            snprintf(m->value, sizeof(m->value), "%04d-%02d", x.y, x.m);
        } else {
            snprintf(m->value, sizeof(m->value), "%04d-XX", y);
        }
        break;
    case UNIT_WEEK:
        if (d)
            put_week(m, px__add_days((px_ymd){y, mo, d}, 7 * delta));
        else
            snprintf(m->value, sizeof(m->value), "%04d-WXX", y);
        break;
    default:
        if (d)
            put_day(m, px__add_days((px_ymd){y, mo, d}, delta));
        else if (mo && !delta)
            snprintf(m->value, sizeof(m->value), "%04d-%02d-XX", y, mo);
        else
            snprintf(m->value, sizeof(m->value), "%04d-XX-XX", y);
        break;
    }
    return j + 1;
}

/* Notes the date a match names, for the anaphoric expressions after it. */
static void note_anchor(doc_state *st, const match *m)
{
    const char *v = m->value;
    if (m->type != PX_TIMEX_DATE && m->type != PX_TIMEX_TIME)
        return;
    for (int k = 0; k < 4; k++)
        if (v[k] < '0' || v[k] > '9')
            return;
    if (v[4] && v[4] != '-')
        return;
    int y = atoi(v), mo = 0, d = 0;
    if (v[4] == '-' && v[5] >= '0' && v[5] <= '9' && v[6] >= '0' && v[6] <= '9') {
        mo = (v[5] - '0') * 10 + (v[6] - '0');
        if (v[7] == '-' && v[8] >= '0' && v[8] <= '9' && v[9] >= '0' && v[9] <= '9')
            d = (v[8] - '0') * 10 + (v[9] - '0');
    }
    if (mo < 1 || mo > 12)
        mo = d = 0;
    /* a coarser mention of the period last named ("in June 1998 ...
     * later that year") keeps its precision */
    if (y == st->last_y && (!mo || mo == st->last_m)) {
        if (!mo)
            mo = st->last_m;
        if (!d)
            d = st->last_d;
    }
    st->last_y = y, st->last_m = mo, st->last_d = d;
}

/* The year an "of" phrase names: "1990", "fiscal 1990", "next year",
 * "this year", "last year". Returns the end atom, 0 if none. */
static size_t year_of(const tagger *t, size_t k, int *y)
{
    if (fn(t, k) == FN_FISCAL)
        k++;
    size_t e = parse_year(t, k, y);
    if (e)
        return e;
    int f = fn(t, k);
    if ((f == FN_THIS || f == FN_LAST || f == FN_NEXT) && unit_at(t, k + 1, NULL) == UNIT_YEAR &&
        !lx(t, k + 1)->plural && !(t->a[k + 1].flags & AF_POSS) && has_ref(t)) {
        *y = t->ref.y + (f == FN_LAST ? -1 : f == FN_NEXT ? 1 : 0);
        return k + 2;
    }
    return 0;
}

/* Quarters and halves: "the third quarter", "third-quarter", "the latest
 * quarter", "the 1988 second quarter", "this year's first quarter",
 * "the year-ago quarter", "the first half". */
static size_t m_quarter(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    int y = 0, q = 0, yoff = 0;
    enum { Q_NONE, Q_LATEST, Q_CURRENT, Q_LAST, Q_NEXT } which = Q_NONE;
    if (fn(t, j) == FN_THE)
        j++;
    /* year in front: "the 1988 second quarter", "this year's", "year-ago" */
    int yy;
    if (fn(t, j) == FN_FISCAL && parse_year(t, j + 1, &yy) && parse_ordinal(t, j + 2, &(int){0})) {
        y = yy; /* "fiscal 1990 first quarter" */
        j += 2;
    } else if (parse_year(t, j, &yy) && j > i) {
        y = yy;
        j++;
    } else if ((fn(t, j) == FN_THIS || fn(t, j) == FN_LAST || fn(t, j) == FN_NEXT) &&
               unit_at(t, j + 1, NULL) == UNIT_YEAR && (t->a[j + 1].flags & AF_POSS)) {
        yoff = fn(t, j) == FN_LAST ? -1 : fn(t, j) == FN_NEXT ? 1 : 0;
        y = -1;
        j += 2;
    } else if (unit_at(t, j, NULL) == UNIT_YEAR && j + 1 < t->n &&
               (t->a[j + 1].flags & AF_HYPH) &&
               (fn(t, j + 1) == FN_AGO || fn(t, j + 1) == FN_EARLIER)) {
        yoff = -1;
        y = -1;
        which = Q_LATEST;
        j += 2;
    }
    if (fn(t, j) == FN_FISCAL)
        j++;
    int ordv;
    size_t eo = parse_ordinal(t, j, &ordv);
    if (eo && ordv >= 1 && ordv <= 4) {
        q = ordv;
        j = eo;
    } else if (fn(t, j) == FN_LATEST || fn(t, j) == FN_SAME) {
        which = Q_LATEST;
        j++;
    } else if (fn(t, j) == FN_CURRENT || (fn(t, j) == FN_THIS && y == 0)) {
        which = Q_CURRENT;
        j++;
    } else if ((fn(t, j) == FN_LAST || fn(t, j) == FN_PREVIOUS) && y == 0) {
        which = Q_LAST;
        j++;
    } else if (fn(t, j) == FN_NEXT && y == 0) {
        which = Q_NEXT;
        j++;
    }
    if (fn(t, j) == FN_FISCAL)
        j++;
    bool plural = false;
    int u = unit_at(t, j, &plural);
    /* "the 1988 quarter", "the 1988 period" in a quarterly report: the
     * quarter last named, in that year */
    bool same_q = y > 0 && q == 0 && which == Q_NONE && fn(t, i) == FN_THE &&
                  t->st->quarter_q && (u == UNIT_QUARTER || word_is(t, j, "period")) &&
                  !plural;
    if (word_is(t, j, "period") && (which == Q_LATEST || same_q) && t->st->quarter_y)
        u = UNIT_QUARTER; /* "the latest period" of a quarterly report */
    if (same_q)
        q = t->st->quarter_q;
    if ((u != UNIT_QUARTER && u != UNIT_HALF) || plural)
        return 0;
    if (u == UNIT_HALF && which == Q_LAST && !plural && fn(t, j + 1) == FN_OF &&
        year_of(t, j + 2, &yy))
        q = 2, which = Q_NONE; /* "the last half of 1989" */
    if (u == UNIT_HALF && !q)
        return 0;
    if (u == UNIT_HALF && q > 2)
        return 0;
    size_t e = j + 1;
    /* "quarter of 1990", "the first half of next year" */
    size_t ey;
    if (fn(t, e) == FN_OF && y == 0 && (ey = year_of(t, e + 1, &yy)) != 0) {
        y = yy, e = ey;
    }
    bool bare = !q && which == Q_NONE;
    if (bare && y == -1 && u == UNIT_QUARTER && t->st->quarter_q) {
        q = t->st->quarter_q; /* "last year's quarter": the one reported */
        bare = false;
    }
    if (bare && (fn(t, i) != FN_THE || y != 0))
        return 0; /* "quarter" alone is not a date */
    if (bare)
        which = Q_LATEST;
    m->type = PX_TIMEX_DATE;
    char prefix = u == UNIT_HALF ? 'H' : 'Q';
    if (!has_ref(t) && y <= 0) {
        if (q)
            snprintf(m->value, sizeof(m->value), "XXXX-%c%d", prefix, q);
        else
            snprintf(m->value, sizeof(m->value), "XXXX-QX");
        return e;
    }
    int rq = has_ref(t) ? (t->ref.m - 1) / 3 + 1 : 1;
    int ry = t->ref.y;
    if (!q) {
        switch (which) {
        case Q_LATEST: q = rq - 1; break;
        case Q_CURRENT: q = rq; break;
        case Q_LAST: q = rq - 1; break;
        case Q_NEXT: q = rq + 1; break;
        default: q = rq; break;
        }
        if (q < 1)
            q = 4, ry--;
        if (q > 4)
            q = 1, ry++;
        if (y == -1)
            y = ry + yoff;
        else if (y == 0)
            y = ry;
        m->relative = true;
    } else if (y == -1) {
        y = ry + yoff;
        m->relative = true;
    } else if (y == 0) {
        int cur = u == UNIT_HALF ? (t->ref.m - 1) / 6 + 1 : rq;
        y = ry;
        if (q > cur && tense_of(t, i, e) != T_FUTURE)
            y--;
        m->relative = true;
    }
    snprintf(m->value, sizeof(m->value), "%04d-%c%d", y, prefix, q);
    m->quarter = prefix == 'Q' && yoff == 0 && !same_q;
    return e;
}

static void put_duration(match *m, int unit, long n, bool fuzzy)
{
    char num[24];
    if (fuzzy)
        snprintf(num, sizeof(num), "X");
    else
        snprintf(num, sizeof(num), "%ld", n);
    switch (unit) {
    case UNIT_SECOND: snprintf(m->value, sizeof(m->value), "PT%sS", num); break;
    case UNIT_MINUTE: snprintf(m->value, sizeof(m->value), "PT%sM", num); break;
    case UNIT_HOUR: snprintf(m->value, sizeof(m->value), "PT%sH", num); break;
    case UNIT_NIGHT:
    case UNIT_DAY: snprintf(m->value, sizeof(m->value), "P%sD", num); break;
    case UNIT_WEEK: snprintf(m->value, sizeof(m->value), "P%sW", num); break;
    case UNIT_FORTNIGHT:
        if (fuzzy)
            snprintf(m->value, sizeof(m->value), "PXW");
        else
            snprintf(m->value, sizeof(m->value), "P%ldW", 2 * n);
        break;
    case UNIT_WEEKEND: snprintf(m->value, sizeof(m->value), "P%sWE", num); break;
    case UNIT_MONTH: snprintf(m->value, sizeof(m->value), "P%sM", num); break;
    case UNIT_QUARTER: snprintf(m->value, sizeof(m->value), "P%sQ", num); break;
    case UNIT_YEAR: snprintf(m->value, sizeof(m->value), "P%sY", num); break;
    case UNIT_DECADE:
        if (fuzzy)
            snprintf(m->value, sizeof(m->value), "PXDE");
        else
            snprintf(m->value, sizeof(m->value), "P%ldY", 10 * n);
        break;
    case UNIT_CENTURY:
        if (fuzzy)
            snprintf(m->value, sizeof(m->value), "PXCE");
        else
            snprintf(m->value, sizeof(m->value), "P%ldY", 100 * n);
        break;
    default: snprintf(m->value, sizeof(m->value), "PX"); break;
    }
}

/* A date n units before (sign -1) or after the reference. */
static void put_shifted(const tagger *t, match *m, int unit, long n, int sign, bool fuzzy)
{
    m->type = PX_TIMEX_DATE;
    m->relative = true;
    if (fuzzy) {
        snprintf(m->value, sizeof(m->value), "%s", sign < 0 ? "PAST_REF" : "FUTURE_REF");
        return;
    }
    if (!has_ref(t)) {
        snprintf(m->value, sizeof(m->value), "XXXX-XX-XX");
        return;
    }
    px_ymd r = t->ref;
    long k = sign * n;
    switch (unit) {
    case UNIT_SECOND:
    case UNIT_MINUTE:
    case UNIT_HOUR: put_day(m, r); break;
    case UNIT_NIGHT:
    case UNIT_DAY: put_day(m, px__add_days(r, k)); break;
    case UNIT_WEEKEND:
    case UNIT_WEEK:
        if (n <= 1)
            put_day(m, px__add_days(r, 7 * k));
        else
            put_week(m, px__add_days(r, 7 * k));
        break;
    case UNIT_FORTNIGHT: put_day(m, px__add_days(r, 14 * k)); break;
    case UNIT_MONTH: {
        px_ymd d = px__add_months(r, (int)k);
        snprintf(m->value, sizeof(m->value), "%04d-%02d", d.y, d.m);
        break;
    }
    case UNIT_QUARTER: {
        px_ymd d = px__add_months(r, (int)(3 * k));
        snprintf(m->value, sizeof(m->value), "%04d-Q%d", d.y, (d.m - 1) / 3 + 1);
        break;
    }
    case UNIT_YEAR:
        if (n == 1 && sign < 0 && t->st->quarter_y)
            /* results compared with "a year ago": the same quarter */
            snprintf(m->value, sizeof(m->value), "%04d-Q%d", t->st->quarter_y - 1,
                     t->st->quarter_q);
        else
            snprintf(m->value, sizeof(m->value), "%04ld", r.y + k);
        break;
    case UNIT_DECADE: snprintf(m->value, sizeof(m->value), "%04ld", r.y + 10 * k); break;
    case UNIT_CENTURY: snprintf(m->value, sizeof(m->value), "%02ld", (r.y + 100 * k) / 100); break;
    default: put_day(m, r); break;
    }
}

/* Durations and shifted dates: "30 days", "two years", "a decade",
 * "nearly forty years", "more than four hours", "several years", "a few
 * days", "30-day", "two years ago", "a year earlier", "the past two
 * months", "the first nine months", "the next few days". */
static size_t m_duration(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    /* "will one day be": some day to come, not a span of one day */
    if (t->a[i].len == 3 && word_is(t, i, "one") && unit_at(t, i + 1, NULL) == UNIT_DAY &&
        !lx(t, i + 1)->plural && i > 0) {
        static const char *const modals[] = {"can", "could", "may", "might", "must", "shall",
                                             "should", "will", "would"};
        for (size_t k = 0; k < PX_ARRAY_LEN(modals); k++)
            if (word_is(t, i - 1, modals[k])) {
                m->type = PX_TIMEX_DATE;
                m->relative = true;
                snprintf(m->value, sizeof(m->value), "FUTURE_REF");
                return i + 2;
            }
    }
    /* approximation words stay in the span */
    for (int guard = 0; guard < 3; guard++) {
        int f = fn(t, j);
        if (f == FN_APPROX || f == FN_OVER) {
            j++;
        } else if ((f == FN_MORE || f == FN_LESS) && fn(t, j + 1) == FN_THAN) {
            j += 2;
        } else if (f == FN_AT && fn(t, j + 1) == FN_LEAST) {
            j += 2;
        } else if (f == FN_UP && fn(t, j + 1) == FN_TO) {
            j += 2;
        } else if (f == FN_NO && fn(t, j + 1) == FN_MORE && fn(t, j + 2) == FN_THAN) {
            j += 3;
        } else {
            break;
        }
    }
    bool the = false, span_rel = false;
    int rel = FN_NONE;
    if (fn(t, j) == FN_THE)
        the = true, j++;
    int f = fn(t, j);
    if (f == FN_PAST || f == FN_LAST || f == FN_NEXT || f == FN_COMING || f == FN_PREVIOUS ||
        f == FN_FOLLOWING) {
        rel = f;
        span_rel = true;
        j++;
        if (f == FN_COMING && !the && parse_number(t, j, &(long){0}, false) == 0)
            return 0; /* "coming months": FUTURE_REF */
    } else if (the && parse_ordinal(t, j, &(int){0}) && !strcmp(t->a[j].low, "first")) {
        span_rel = true; /* "the first nine months" */
        j++;
    }
    long n = 1;
    bool fuzzy = false, have_n = false, half = false;
    size_t e = 0;
    int g = fn(t, j);
    /* "a few", "a couple of" before "a" alone as one */
    if (g == FN_A && fn(t, j + 1) == FN_FEW)
        fuzzy = true, j += 2, have_n = true;
    else if (g == FN_A && fn(t, j + 1) == FN_COUPLE && fn(t, j + 2) == FN_OF)
        n = 2, j += 3, have_n = true;
    else if ((e = parse_number(t, j, &n, !span_rel)) != 0) {
        have_n = true;
        j = e;
        if (word_is(t, j, "1/2"))
            half = true, j++; /* "2 1/2 years" */
    } else if (g == FN_COUPLE && fn(t, j + 1) == FN_OF && span_rel)
        n = 2, j += 2, have_n = true;
    else if (g == FN_FEW || g == FN_SEVERAL || g == FN_MANY || g == FN_SOME)
        fuzzy = true, j++, have_n = true;
    if (fn(t, j) == FN_MORE || word_is(t, j, "additional") || word_is(t, j, "full"))
        j++;
    /* "eight trading days", "ten business days" */
    if (have_n && (word_is(t, j, "trading") || word_is(t, j, "business") ||
                   word_is(t, j, "working") || word_is(t, j, "calendar")) &&
        unit_at(t, j + 1, NULL) == UNIT_DAY)
        j++;
    bool plural = false;
    int unit = unit_at(t, j, &plural);
    if (!unit || unit == UNIT_HALF || unit == UNIT_SEASON)
        return 0;
    /* "30-day", "two-year": adjectives, singular after a hyphen */
    bool hyph = (t->a[j].flags & AF_HYPH) != 0;
    if (!have_n && the && !span_rel && plural && j == i + 1 && !(t->a[j].flags & AF_HYPH) &&
        unit != UNIT_NIGHT && unit != UNIT_WEEKEND && unit != UNIT_QUARTER) {
        /* "the weeks ahead", "(over) the years": a span of unknown length */
        size_t e2 = 0;
        if (word_is(t, j + 1, "ahead"))
            e2 = j + 2;
        else if (word_is(t, j + 1, "to") && word_is(t, j + 2, "come"))
            e2 = j + 3;
        else if (i > 0 && word_is(t, i - 1, "over") && unit >= UNIT_DAY)
            e2 = j + 1;
        if (e2) {
            m->type = PX_TIMEX_DURATION;
            put_duration(m, unit, 0, true);
            return e2;
        }
    }
    if (!have_n) {
        if (!plural || (t->a[j].flags & AF_HYPH))
            return 0; /* "the past year" is the relative pattern */
        if (!span_rel) {
            /* "years ago"; "for years", "within weeks" */
            int p = j > 0 ? fn(t, j - 1) : FN_NONE;
            if (fn(t, j + 1) == FN_AGO) {
                put_shifted(t, m, unit, 0, -1, true);
                return j + 2;
            }
            /* "within weeks", "for years", "the first time in years":
             * a span of unknown length (TimeML PXY) */
            bool ok = j == i && (p == FN_WITHIN || p == FN_FOR ||
                                 (p == FN_IN && j + 1 < t->n && t->a[j + 1].kind == A_PUNCT));
            if (!ok || unit == UNIT_NIGHT || unit == UNIT_WEEKEND || unit == UNIT_QUARTER)
                return 0;
        }
        fuzzy = true;
    }
    if (have_n && !fuzzy && n == 1 && plural && !hyph)
        return 0;
    if (have_n && !fuzzy && n > 1 && !plural && !hyph && unit != UNIT_HOUR &&
        !(j + 1 < t->n && t->a[j + 1].kind == A_WORD && !(t->a[j + 1].flags & AF_CAP) &&
          !t->a[j + 1].lex))
        return 0; /* "two day rally" is fine, "two day" alone is not */
    if (fuzzy == false && n > 1 && unit == UNIT_QUARTER && hyph)
        return 0; /* "three-quarters": a fraction */
    e = j + 1;
    /* ages are not time expressions: "6-year-old", "52 years old" */
    if (fn(t, e) == FN_OLD)
        return 0;
    /* money and counts are not durations: "$5 a year" is a rate */
    if (i > 0 && t->a[i].kind == A_NUM && t->a[i - 1].kind == A_OTHER && t->a[i - 1].low[0] == '$')
        return 0;
    if (!hyph && !span_rel) {
        g = fn(t, e);
        if (g == FN_AGO) {
            put_shifted(t, m, unit, n, -1, fuzzy);
            return e + 1;
        }
        if (g == FN_EARLIER && !the) {
            put_shifted(t, m, unit, n, -1, fuzzy);
            return e + 1;
        }
        /* "two days before the vote", "three days later" count from an
         * event, not from the reference date: the span of time is what
         * can be told, and TimeML leaves "later" out of it */
    }
    /* "a minute and a half", "a year and a half" */
    if (have_n && !fuzzy && !hyph && fn(t, e) == FN_AND && fn(t, e + 1) == FN_A &&
        word_is(t, e + 2, "half"))
        half = true, e += 3;
    /* "a year" alone is ambiguous ("once a year"); keep it only as a
     * span of time after a preposition of duration */
    if (!span_rel && fn(t, i) == FN_A && !fuzzy && !half && j == i + 1) {
        /* "a week" is a span of time after a word that asks for one
         * ("within a week", "barely a month", "offered him a week"); after
         * an amount it is a rate ("$2 million a year", "700 seats a
         * week"), which annotators mostly leave alone */
        if (i == 0 || unit == UNIT_NIGHT || unit == UNIT_WEEKEND || unit == UNIT_SECOND ||
            !in_list(t->a[i - 1].low, before_span, PX_ARRAY_LEN(before_span)))
            return 0;
        if (word_is(t, i - 1, "once") || word_is(t, i - 1, "twice")) {
            m->type = PX_TIMEX_SET;
            put_duration(m, unit, 1, false);
            return e;
        }
    }
    if (unit == UNIT_QUARTER && !plural &&
        (fn(t, e) == FN_OF || (e < t->n && (t->a[e].flags & AF_HYPH))))
        return 0; /* "a quarter of the market", "quarter-to-quarter" */
    /* "the first two quarters of 1990" is its first half */
    int yy;
    size_t ey;
    if (the && unit == UNIT_QUARTER && plural && have_n && !fuzzy && n == 2 &&
        (rel == FN_LAST || (rel == FN_NONE && span_rel)) && fn(t, e) == FN_OF &&
        (ey = year_of(t, e + 1, &yy)) != 0) {
        m->type = PX_TIMEX_DATE;
        snprintf(m->value, sizeof(m->value), "%04d-H%d", yy, rel == FN_LAST ? 2 : 1);
        return ey;
    }
    m->type = PX_TIMEX_DURATION;
    put_duration(m, unit, n, fuzzy);
    if (half && !fuzzy) {
        /* half a unit in the next smaller one */
        static const char *const half_of[] = {
            [UNIT_MINUTE] = "PT%ldM30S", [UNIT_HOUR] = "PT%ldH30M", [UNIT_DAY] = "P%ldDT12H",
            [UNIT_MONTH] = "P%ldM15D", [UNIT_YEAR] = "P%ldY6M"};
        if ((size_t)unit < PX_ARRAY_LEN(half_of) && half_of[unit])
            snprintf(m->value, sizeof(m->value), half_of[unit], n);
    }
    return e;
}

/* A day number coordinated with the full date m names ("April 24 and
 * 25", "June 5 or 6"): fills *m2 and returns true. */
static bool second_day(const tagger *t, const match *m, match *m2)
{
    size_t k = m->a1;
    if (m->type != PX_TIMEX_DATE || strlen(m->value) != 10 || m->value[0] == 'X' ||
        !(fn(t, k) == FN_AND || word_is(t, k, "or")) || k + 1 >= t->n)
        return false;
    const atom *a = &t->a[k + 1];
    if (a->kind != A_NUM || a->ndig > 2 || (a->flags & AF_HYPH) || (a->flags & AF_POSS))
        return false;
    int d0 = atoi(m->value + 8), d = a->num;
    int y = atoi(m->value), mo = atoi(m->value + 5);
    if (d <= d0 || d > px__days_in_month(y, mo))
        return false;
    /* "May 5 and 6 others", "June 3 and 4 percent": a count */
    const atom *b = k + 2 < t->n ? &t->a[k + 2] : NULL;
    if (b && (b->kind == A_WORD || b->kind == A_OTHER || b->kind == A_NUM) &&
        !(b->kind == A_WORD && (b->flags & AF_CAP)))
        return false;
    *m2 = *m;
    m2->a0 = k + 1;
    m2->a1 = k + 2;
    put_day(m2, (px_ymd){y, mo, d});
    return true;
}

/* "once", "twice": they start a set ("twice a week"). */
static bool is_once_twice(const atom *a)
{
    return a->kind == A_WORD && ((a->len == 4 && !memcmp(a->low, "once", 4)) ||
                                 (a->len == 5 && !memcmp(a->low, "twice", 5)));
}

/* Sets: "every week", "each Thursday", "each July", "daily", "weekly",
 * "annually", "every other year". */
static size_t m_set(const tagger *t, size_t i, match *m)
{
    int f = fn(t, i);
    /* "quarterly" and "annually" mostly qualify reports and dividends,
     * which TimeML does not tag */
    static const struct {
        int fn;
        const char *value;
    } adverbs[] = {{FN_DAILY, "P1D"}, {FN_WEEKLY, "P1W"}, {FN_MONTHLY, "P1M"},
                   {FN_HOURLY, "PT1H"}, {FN_NIGHTLY, "P1D"}};
    for (size_t k = 0; k < PX_ARRAY_LEN(adverbs); k++) {
        if (f == adverbs[k].fn) {
            if ((t->a[i].flags & AF_CAP) && i + 1 < t->n && (t->a[i + 1].flags & AF_CAP))
                return 0; /* a name: "Daily Express" */
            m->type = PX_TIMEX_SET;
            snprintf(m->value, sizeof(m->value), "%s", adverbs[k].value);
            return i + 1;
        }
    }
    /* "twice a week", "three times a year", "once every month": TimeML
     * takes the count into the span (freq="2X") and the period as value */
    {
        size_t k = i;
        long times = 0;
        if (is_once_twice(&t->a[i]))
            k++, times = 1;
        else if (word_is(t, k + 1, "times") && parse_number(t, k, &times, false) == k + 1)
            k += 2;
        else
            times = 0;
        if (times && (fn(t, k) == FN_A || fn(t, k) == FN_PER || fn(t, k) == FN_EVERY ||
                      fn(t, k) == FN_EACH)) {
            bool plural;
            int u = unit_at(t, k + 1, &plural);
            if (u && !plural && u != UNIT_HALF && u != UNIT_SEASON && u != UNIT_NIGHT) {
                m->type = PX_TIMEX_SET;
                put_duration(m, u, 1, false);
                return k + 2;
            }
        }
    }
    if (f != FN_EVERY && f != FN_EACH)
        return 0; /* "per second" is a unit of measure, not a set of times */
    size_t j = i + 1;
    long n = 1;
    if (fn(t, j) == FN_OTHER)
        n = 2, j++;
    else {
        size_t e = parse_number(t, j, &n, false);
        if (e && f == FN_EVERY)
            j = e;
        else
            n = 1;
    }
    const px_date_lex *l = lx(t, j);
    if (!l)
        return 0;
    m->type = PX_TIMEX_SET;
    if (l->wday && (t->a[j].flags & AF_CAP)) {
        snprintf(m->value, sizeof(m->value), "XXXX-WXX-%d", l->wday);
        return j + 1;
    }
    if (l->month && (t->a[j].flags & AF_CAP) && t->a[j].len > 3) {
        snprintf(m->value, sizeof(m->value), "XXXX-%02d", l->month);
        return j + 1;
    }
    if (l->season) {
        snprintf(m->value, sizeof(m->value), "XXXX-%s", season_code[l->season]);
        return j + 1;
    }
    if (l->pod && !l->unit) {
        snprintf(m->value, sizeof(m->value), "TXX%s", pod_code[l->pod]);
        return j + 1;
    }
    if (l->unit && l->unit != UNIT_HALF && l->unit != UNIT_SEASON &&
        (n > 1 ? l->plural || f == FN_EVERY : !l->plural)) {
        put_duration(m, l->unit, n, false);
        return j + 1;
    }
    return 0;
}

/* Clock times: "5 p.m.", "10:30 a.m. EST", "noon", "midnight", with a
 * day after them: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST
 * Nov. 9". */
static size_t m_time(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    int h = -1, mi = 0;
    int f = fn(t, j);
    if (f == FN_NOON || f == FN_MIDNIGHT) {
        if ((t->a[j].flags & AF_CAP) && j > 0 && (t->a[j - 1].flags & AF_CAP) &&
            t->a[j - 1].kind == A_WORD)
            return 0; /* a title: "High Noon" */
        h = f == FN_NOON ? 12 : 24;
        j++;
    } else if (j < t->n) {
        const atom *a = &t->a[j];
        if (a->kind == A_NUM && a->num >= 1 && a->num <= 12 && a->ndig <= 2) {
            h = a->num;
        } else if (a->kind == A_WORD && a->low[0] >= '0' && a->low[0] <= '9') {
            int hh, mm;
            char extra;
            if (sscanf(a->low, "%d:%d%c", &hh, &mm, &extra) == 2 && hh >= 0 && hh <= 24 &&
                mm >= 0 && mm < 60)
                h = hh, mi = mm;
            else
                return 0;
        } else {
            const px_date_lex *l = a->lex;
            if (l && l->num >= 1 && l->num <= 12 && l->fn == FN_NONE)
                h = l->num;
            else
                return 0;
        }
        j++;
        int g = fn(t, j);
        if (g == FN_AM || g == FN_PM) {
            if (g == FN_PM && h < 12)
                h += 12;
            if (g == FN_AM && h == 12)
                h = 0;
            j++;
        } else if (g == FN_OCLOCK) {
            j++;
        } else if ((g == FN_IN && fn(t, j + 1) == FN_THE && pod_at(t, j + 2)) ||
                   (g == FN_AT && pod_at(t, j + 1) == 4)) {
            /* "4 in the morning", "10 in the evening", "11 at night" */
            int pod = g == FN_IN ? pod_at(t, j + 2) : 4;
            if (pod == 1 && h == 12)
                h = 0;
            else if (pod >= 2 && h < 12 && !(pod == 4 && h <= 4))
                h += 12;
            j += g == FN_IN ? 3 : 2;
        } else if (strchr(t->a[i].low, ':') == NULL) {
            return 0;
        } else if (t->a[i].kind != A_WORD) {
            return 0;
        }
    }
    if (h < 0)
        return 0;
    if (fn(t, j) == FN_TZ)
        j++;
    if (is_punct(t, j, ','))
        j++;
    /* a day after the time */
    match day;
    memset(&day, 0, sizeof(day));
    size_t e = 0;
    size_t k = j;
    if (fn(t, k) == FN_ON)
        k++;
    if ((e = m_weekday_in(t, k, i, &day)) == 0 && (e = m_deictic(t, k, &day)) == 0)
        e = m_calendar(t, k, &day);
    if (e && (day.type == PX_TIMEX_DATE || day.type == PX_TIMEX_TIME) &&
        strlen(day.value) >= 10 && day.value[7] == '-' &&
        (day.value[10] == 0 || day.value[10] == 'T')) {
        j = e;
    } else {
        if (j > i && is_punct(t, j - 1, ','))
            j--;
        memset(&day, 0, sizeof(day));
        if (has_ref(t))
            put_day(&day, t->ref);
        else
            snprintf(day.value, sizeof(day.value), "XXXX-XX-XX");
    }
    m->type = PX_TIMEX_TIME;
    m->relative = true;
    snprintf(m->value, sizeof(m->value), "%.10sT%02d:%02d", day.value, h, mi);
    return j;
}

/* PRESENT_REF, PAST_REF, FUTURE_REF: "now", "currently", "recently",
 * "the past", "the future", "soon", "recent years", "coming months". */
static size_t m_ref(const tagger *t, size_t i, match *m)
{
    int f = fn(t, i);
    const char *v = NULL;
    size_t e = i + 1;
    switch (f) {
    case FN_NOW:
        v = "PRESENT_REF";
        break;
    case FN_PRESENT:
        v = "PRESENT_REF";
        break;
    case FN_CURRENT: {
        /* "current" alone, before a noun that is not a unit */
        const px_date_lex *l = lx(t, i + 1);
        if (l && (l->unit || l->fn == FN_FISCAL))
            return 0;
        if (i > 0 && fn(t, i - 1) == FN_THE)
            return 0;
        v = "PRESENT_REF";
        break;
    }
    case FN_RECENT: {
        bool plural;
        int u = unit_at(t, i + 1, &plural);
        if (u && plural && u != UNIT_YEAR) {
            /* "in recent weeks": a span of time */
            m->type = PX_TIMEX_DURATION;
            put_duration(m, u, 0, true);
            return i + 2;
        }
        if (u && plural)
            e = i + 2;
        else if (!strcmp(t->a[i].low, "recent"))
            return 0;
        v = "PAST_REF";
        break;
    }
    /* "previously", "formerly" and "soon" are left out: TimeML
     * annotators tag them rarely, so they cost more than they bring */
    case FN_COMING: {
        bool plural;
        int u = unit_at(t, i + 1, &plural);
        if (!u || !plural)
            return 0;
        e = i + 2;
        v = "FUTURE_REF";
        break;
    }
    case FN_THE: {
        int g = fn(t, i + 1);
        if (g == FN_PAST || g == FN_PRESENTN) {
            const px_date_lex *l = lx(t, i + 2);
            if (l && (l->unit || l->num >= 0 || l->ord || l->fn == FN_FEW || l->fn == FN_SEVERAL ||
                      l->season || l->wday))
                return 0;
            if (i + 2 < t->n && t->a[i + 2].kind == A_NUM)
                return 0;
            v = g == FN_PAST ? "PAST_REF" : "PRESENT_REF";
            e = i + 2;
        } else if (g == FN_FUTURE) {
            if (fn(t, i + 2) == FN_OF)
                return 0; /* "the future of our peoples": a thing */
            v = "FUTURE_REF";
            e = i + 2;
        } else if (g == FN_NEAR && fn(t, i + 2) == FN_FUTURE) {
            v = "FUTURE_REF";
            e = i + 3;
        } else if ((g == FN_NEAR || word_is(t, i + 1, "short")) && word_is(t, i + 2, "term")) {
            v = "FUTURE_REF"; /* "in the near term" */
            e = i + 3;
        } else if (g == FN_COMING) {
            bool plural;
            int u = unit_at(t, i + 2, &plural);
            if (!u || !plural)
                return 0;
            v = "FUTURE_REF";
            e = i + 3;
        } else {
            return 0;
        }
        break;
    }
    default: return 0;
    }
    m->type = PX_TIMEX_DATE;
    snprintf(m->value, sizeof(m->value), "%s", v);
    return e;
}

/* Seasons: "this summer" is the relative pattern; here "summer", "the
 * summer of 1990", "spring 2024", "the winter". */
static size_t m_season(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    if (fn(t, j) == FN_THE)
        j++;
    const px_date_lex *l = lx(t, j);
    if (!l || !l->season || l->plural)
        return 0;
    if (!strcmp(t->a[j].low, "fall") && j == i && !(t->a[j].flags & AF_CAP))
        return 0; /* the verb */
    if (j > i) {
        /* "the fall" of a roof, "the spring" of water: a season only
         * after a preposition of time, or with its year */
        int p = i > 0 ? fn(t, i - 1) : FN_NONE;
        bool prep = p == FN_IN || p == FN_DURING || p == FN_BY || p == FN_SINCE ||
                    p == FN_UNTIL || p == FN_OVER || p == FN_BEFORE || p == FN_FROM ||
                    (i > 0 && (word_is(t, i - 1, "after") || word_is(t, i - 1, "through") ||
                               word_is(t, i - 1, "into") || word_is(t, i - 1, "throughout")));
        int y0;
        size_t k0 = j + 1;
        if (fn(t, k0) == FN_OF)
            k0++;
        if (!prep && !parse_year_any(t, k0, &y0))
            return 0;
    }
    size_t e = j + 1, ey;
    int y = 0;
    size_t k = e;
    if (fn(t, k) == FN_OF)
        k++;
    if ((ey = parse_year_any(t, k, &y)) != 0)
        e = ey;
    else if (j == i && !(i > 0 && (fn(t, i - 1) == FN_IN || fn(t, i - 1) == FN_THIS ||
                                   fn(t, i - 1) == FN_EARLY || fn(t, i - 1) == FN_LATE ||
                                   fn(t, i - 1) == FN_SINCE || fn(t, i - 1) == FN_BY)))
        return 0;
    m->type = PX_TIMEX_DATE;
    if (!y) {
        if (!has_ref(t)) {
            snprintf(m->value, sizeof(m->value), "XXXX-%s", season_code[l->season]);
            return e;
        }
        y = t->ref.y;
        int cur = season_of(t->ref.m);
        tense tn = tense_of(t, i, e);
        if (tn == T_PAST && l->season > cur)
            y--;
        else if (tn == T_FUTURE && l->season < cur)
            y++;
        m->relative = true;
    }
    snprintf(m->value, sizeof(m->value), "%04d-%s", y, season_code[l->season]);
    return e;
}

/* Holidays with a fixed rule: Christmas, Thanksgiving (US), New Year's. */
static size_t m_holiday(const tagger *t, size_t i, match *m)
{
    int f = fn(t, i);
    int mo = 0, d = 0;
    size_t e = i + 1;
    if (f == FN_CHRISTMAS && (t->a[i].flags & AF_CAP)) {
        mo = 12, d = 25;
        if (word_is(t, e, "eve"))
            d = 24, e++;
        else if (unit_at(t, e, NULL) == UNIT_DAY && !lx(t, e)->plural)
            e++;
    } else if (f == FN_THANKSGIVING && (t->a[i].flags & AF_CAP)) {
        mo = 11;
        if (unit_at(t, e, NULL) == UNIT_DAY && !lx(t, e)->plural)
            e++;
    } else if (f == FN_EASTER && (t->a[i].flags & AF_CAP)) {
        mo = -1; /* computed below, once the year is known */
        if (unit_at(t, e, NULL) == UNIT_WEEK && !lx(t, e)->plural)
            mo = -2, e++; /* "Easter week": the week that ends on Easter */
        else if (word_is(t, e, "sunday") || (unit_at(t, e, NULL) == UNIT_DAY && !lx(t, e)->plural))
            e++;
        else if (e < t->n && t->a[e].kind == A_WORD && !t->a[e].lex && !(t->a[e].flags & AF_CAP))
            return 0; /* "Easter eggs": a modifier */
    } else if (word_is(t, i, "new") && unit_at(t, i + 1, NULL) == UNIT_YEAR &&
               (t->a[i + 1].flags & AF_POSS) && (t->a[i].flags & AF_CAP)) {
        e = i + 2;
        mo = 1, d = 1;
        if (word_is(t, e, "eve"))
            mo = 12, d = 31, e++;
        else if (unit_at(t, e, NULL) == UNIT_DAY)
            e++;
        else
            return 0;
    } else {
        return 0;
    }
    int y;
    size_t k = e;
    if (is_punct(t, k, ','))
        k++;
    if (parse_year(t, k, &y)) {
        e = k + 1;
    } else if (has_ref(t)) {
        y = year_for(t, mo < 0 ? 4 : mo, d ? d : 25, tense_of(t, i, e));
        m->relative = true;
    } else {
        m->type = PX_TIMEX_DATE;
        if (mo < 0)
            snprintf(m->value, sizeof(m->value), "%s", mo == -2 ? "XXXX-WXX" : "XXXX-XX-XX");
        else
            snprintf(m->value, sizeof(m->value), "XXXX-%02d-%02d", mo, d ? d : 25);
        return e;
    }
    if (mo < 0) {
        /* Easter Sunday (Gregorian computus) */
        int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, ee = b % 4;
        int g = (8 * b + 13) / 25, h = (19 * a + b - dd - g + 15) % 30;
        int ii = c / 4, kk = c % 4, l = (32 + 2 * ee + 2 * ii - h - kk) % 7;
        int mm = (a + 11 * h + 19 * l) / 433;
        px_ymd easter = {y, (h + l - 7 * mm + 90) / 25, 0};
        easter.d = (h + l - 7 * mm + 33 * easter.m + 19) % 32;
        m->type = PX_TIMEX_DATE;
        if (mo == -2)
            put_week(m, easter);
        else
            put_day(m, easter);
        return e;
    }
    if (!d) {
        /* fourth Thursday of November */
        int wd1 = px__weekday((px_ymd){y, 11, 1});
        d = 1 + ((4 - wd1 + 7) % 7) + 21;
    }
    m->type = PX_TIMEX_DATE;
    put_day(m, (px_ymd){y, mo, d});
    return e;
}

/* "year-earlier", "year-ago" as adjectives, "the year-earlier period":
 * the year before, or the same quarter of it when the text is about
 * quarters. */
static size_t m_year_ago(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    if (fn(t, j) == FN_THE)
        j++;
    if (unit_at(t, j, NULL) != UNIT_YEAR || j + 1 >= t->n || !(t->a[j + 1].flags & AF_HYPH))
        return 0;
    int g = fn(t, j + 1);
    if (g != FN_AGO && g != FN_EARLIER)
        return 0;
    if (t->a[j].flags & AF_HYPH)
        return 0;
    size_t e = j + 2;
    if (word_is(t, e, "period"))
        e++;
    else if (j > i)
        return 0;
    m->type = PX_TIMEX_DATE;
    m->relative = true;
    if (!has_ref(t))
        snprintf(m->value, sizeof(m->value), "XXXX");
    else if (t->st->quarter_y)
        snprintf(m->value, sizeof(m->value), "%04d-Q%d", t->st->quarter_y - 1, t->st->quarter_q);
    else
        snprintf(m->value, sizeof(m->value), "%04d", t->ref.y - 1);
    return e;
}

/* "the weekend": the last one in a past-tense clause, else the coming
 * one. "the year": this year, or a span of a year when it ends ("the
 * year ended June 30"). */
static size_t m_the_unit(const tagger *t, size_t i, match *m)
{
    if (fn(t, i) != FN_THE)
        return 0;
    size_t j = i + 1;
    bool full = false, fiscal = false;
    if (fn(t, j) == FN_FULL)
        full = true, j++;
    else if (fn(t, j) == FN_FISCAL)
        fiscal = true, j++;
    bool plural;
    int u = unit_at(t, j, &plural);
    if (!u || plural || (t->a[j].flags & AF_POSS))
        return 0;
    if (u == UNIT_WEEKEND && !full && !fiscal) {
        m->type = PX_TIMEX_DATE;
        m->relative = true;
        if (!has_ref(t)) {
            snprintf(m->value, sizeof(m->value), "XXXX-WXX-WE");
            return j + 1;
        }
        int wd = px__weekday(t->ref);
        px_ymd d = t->ref;
        if (tense_of(t, i, j + 1) != T_FUTURE && wd < 6)
            d = px__add_days(d, -7);
        put_week(m, d);
        strcat(m->value, "-WE");
        return j + 1;
    }
    if (u == UNIT_YEAR) {
        const atom *nx = j + 1 < t->n ? &t->a[j + 1] : NULL;
        if (nx && (nx->flags & AF_HYPH) && (fn(t, j + 1) == FN_AGO || fn(t, j + 1) == FN_EARLIER))
            return 0; /* "the year-ago results": see m_year_ago */
        if (nx && (nx->kind == A_NUM || (nx->lex && nx->lex->num >= 0) || fn(t, j + 1) == FN_OF ||
                   word_is(t, j + 1, "before") || word_is(t, j + 1, "after")))
            return 0;
        if (i > 0 && (word_is(t, i - 1, "of") && !full && !(i > 1 && word_is(t, i - 2, "months"))))
            return 0;
        if (!full && nx && (word_is(t, j + 1, "ended") || word_is(t, j + 1, "ending") ||
                            word_is(t, j + 1, "through"))) {
            m->type = PX_TIMEX_DURATION;
            snprintf(m->value, sizeof(m->value), "P1Y");
            return j + 1;
        }
        m->type = PX_TIMEX_DATE;
        m->relative = true;
        if (has_ref(t))
            snprintf(m->value, sizeof(m->value), "%04d", t->ref.y);
        else
            snprintf(m->value, sizeof(m->value), "XXXX");
        return j + 1;
    }
    return 0;
}

static size_t m_period_end(const tagger *t, size_t i, match *m);

typedef size_t (*pattern_fn)(const tagger *, size_t, match *);
static const pattern_fn patterns[] = {m_anaphoric, m_time, m_calendar, m_year, m_weekday,
                                      m_deictic, m_relative, m_quarter, m_duration,
                                      m_set,     m_season,   m_holiday, m_ref,
                                      m_year_ago, m_the_unit, m_period_end, m_pod};

/* The longest pattern at atom i. */
static size_t match_core(const tagger *t, size_t i, match *best)
{
    size_t best_end = 0;
    for (size_t p = 0; p < PX_ARRAY_LEN(patterns); p++) {
        match m;
        memset(&m, 0, sizeof(m));
        size_t e = patterns[p](t, i, &m);
        if (e > best_end) {
            best_end = e;
            *best = m;
        }
    }
    if (best_end) {
        best->a0 = i;
        best->a1 = best_end;
    }
    return best_end;
}

/* "the end of the month", "year-end", "year's end", "year end": the
 * current month or year. */
static size_t m_period_end(const tagger *t, size_t i, match *m)
{
    size_t e = 0;
    int unit = 0;
    if (fn(t, i) == FN_THE && fn(t, i + 1) == FN_END && fn(t, i + 2) == FN_OF &&
        (fn(t, i + 3) == FN_THE || fn(t, i + 3) == FN_THIS)) {
        unit = unit_at(t, i + 4, NULL);
        e = i + 5;
    } else if (unit_at(t, i, NULL) == UNIT_YEAR && fn(t, i + 1) == FN_END &&
               !lx(t, i)->plural && !(t->a[i].flags & AF_HYPH)) {
        unit = UNIT_YEAR; /* "year-end", "year end", "year's end" */
        e = i + 2;
    }
    if (!e || (unit != UNIT_MONTH && unit != UNIT_YEAR && unit != UNIT_WEEK) ||
        (e < t->n + 1 && lx(t, e - 1) && lx(t, e - 1)->plural))
        return 0;
    m->type = PX_TIMEX_DATE;
    m->relative = true;
    if (!has_ref(t))
        snprintf(m->value, sizeof(m->value), "%s",
                 unit == UNIT_YEAR ? "XXXX" : unit == UNIT_MONTH ? "XXXX-XX" : "XXXX-WXX");
    else if (unit == UNIT_YEAR)
        snprintf(m->value, sizeof(m->value), "%04d", t->ref.y);
    else if (unit == UNIT_MONTH)
        snprintf(m->value, sizeof(m->value), "%04d-%02d", t->ref.y, t->ref.m);
    else
        put_week(m, t->ref);
    return e;
}

/* Modifiers that belong to the span without changing the value: "early,
 * "late", "mid-", "earlier", "later", "the end of", "the beginning of",
 * "the middle of", "around". */
static size_t match_at(const tagger *t, size_t i, match *best)
{
    size_t j = i;
    int f = fn(t, i);
    /* "the day before last Tuesday", "the day after March 3" */
    if (f == FN_THE && unit_at(t, i + 1, NULL) == UNIT_DAY && !lx(t, i + 1)->plural &&
        (fn(t, i + 2) == FN_BEFORE || word_is(t, i + 2, "after"))) {
        match m;
        memset(&m, 0, sizeof(m));
        if (match_core(t, i + 3, &m) && m.type == PX_TIMEX_DATE && strlen(m.value) == 10 &&
            m.value[0] != 'X') {
            px_ymd d = {atoi(m.value), atoi(m.value + 5), atoi(m.value + 8)};
            *best = m;
            put_day(best, px__add_days(d, fn(t, i + 2) == FN_BEFORE ? -1 : 1));
            best->a0 = i;
            return best->a1;
        }
    }
    if (f == FN_EARLY || f == FN_LATE || f == FN_MID || f == FN_EARLIER || f == FN_LATER) {
        j = i + 1;
    } else if (f == FN_THE && (fn(t, i + 1) == FN_END || fn(t, i + 1) == FN_BEGINNING ||
                               fn(t, i + 1) == FN_MIDDLE || fn(t, i + 1) == FN_START) &&
               fn(t, i + 2) == FN_OF) {
        j = i + 3;
    }
    if (j > i) {
        match m;
        memset(&m, 0, sizeof(m));
        if (match_core(t, j, &m) && m.type != PX_TIMEX_DURATION && m.type != PX_TIMEX_SET &&
            strncmp(m.value, "P", 1) && !strstr(m.value, "_REF")) {
            /* "earlier"/"later" only before this/today: "later this year" */
            if (!((f == FN_EARLIER || f == FN_LATER) &&
                  !(fn(t, j) == FN_THIS || fn(t, j) == FN_THAT || fn(t, j) == FN_TODAY || fn(t, j) == FN_YESTERDAY ||
                    fn(t, j) == FN_TOMORROW || fn(t, j) == FN_TONIGHT || lx(t, j)->wday))) {
                *best = m;
                best->a0 = i;
                /* "late Saturday night" */
                return best->a1;
            }
        }
    }
    return match_core(t, i, best);
}

/* ---- the driver ---- */

static bool add_found(px_date_found_vec *out, const tagger *t, const match *m)
{
    px_date_found f;
    memset(&f, 0, sizeof(f));
    /* TimeML spans cover whole tokens */
    f.start = t->a[m->a0].tok_start;
    f.end = t->a[m->a1 - 1].tok_end;
    if (t->a[m->a1 - 1].flags & AF_POSS) {
        /* "Sunday's": the expression is "Sunday" */
        f.end = t->a[m->a1 - 1].end;
    }
    f.type = m->type;
    f.sentence = t->sent;
    memcpy(f.value, m->value, sizeof(f.value));
    return PX_VEC_PUSH(*out, f);
}

/* Marks tokens inside quotation marks, paragraph by paragraph. */
bool *px__dates_quoted_tokens(const px_doc *doc)
{
    bool *q = px__calloc(doc->n_toks + 1, sizeof(bool));
    if (!q)
        return NULL;
    for (size_t b = 0; b < doc->n_blocks; b++) {
        const px_block *blk = &doc->blocks[b];
        if (!blk->n_sentences)
            continue;
        const px_sentence *s0 = &doc->sents[blk->first_sentence];
        const px_sentence *s1 = &doc->sents[blk->first_sentence + blk->n_sentences - 1];
        bool in = false, in_single = false;
        for (size_t k = s0->first_token; k < s1->first_token + s1->n_tokens; k++) {
            const px_token *tk = &doc->toks[k];
            if (tk->kind == PX_TOK_QUOTE && !(tk->flags & PX_TF_QSINGLE)) {
                if (tk->flags & PX_TF_QOPEN)
                    in = true;
                else if (tk->flags & PX_TF_QCLOSE)
                    in = false;
                else
                    in = !in;
                continue;
            }
            if (tk->kind == PX_TOK_QUOTE) {
                /* single marks: only the unambiguous opening one opens,
                 * since ' and ’ are apostrophes too */
                if (tk->flags & PX_TF_QOPEN)
                    in_single = true;
                else if (in_single && (tk->flags & PX_TF_QCLOSE))
                    in_single = false;
                continue;
            }
            q[k] = in || in_single;
        }
    }
    return q;
}

/* Whether needle occurs in hay (both folded). */
static bool contains(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
    if (!nlen || nlen > hlen)
        return false;
    for (size_t i = 0; i + nlen <= hlen; i++)
        if (hay[i] == needle[0] && !memcmp(hay + i, needle, nlen))
            return true;
    return false;
}

/* When the quoted words around atoms [a0, a1) were said: the earliest
 * date of a post or dated article (of this document or of its story)
 * before the reference date that holds them, else the
 * day named outside the quotation in the same sentence ("in a post early
 * Sunday morning, saying: '... tomorrow'"), if it is not after the
 * reference date. y == 0 when unknown. */
static px_ymd speech_date(const tagger *t, size_t a0, size_t a1, px_ymd outside,
                          const px_date_post *posts, size_t n_posts)
{
    px_ymd none = {0, 0, 0};
    if (n_posts) {
        /* the words before the expression, within the quotation and its
         * clause (and after it when there are too few): outlets quoting
         * the same words differ in the punctuation around them */
        size_t lo = a0, hi = a1;
        while (a0 - lo < 3 && lo > 0 && (t->a[lo - 1].flags & AF_QUOTED) &&
               (t->a[lo - 1].kind == A_WORD || t->a[lo - 1].kind == A_NUM))
            lo--;
        while (hi - lo < 4 && hi < t->n && (t->a[hi].flags & AF_QUOTED) &&
               (t->a[hi].kind == A_WORD || t->a[hi].kind == A_NUM))
            hi++;
        if (hi - lo >= 3 && t->a[hi - 1].end - t->a[lo].start >= 16) {
            px_buf needle = PX_BUF_INIT;
            px__fold_typography(&needle, t->doc->text + t->a[lo].start,
                                t->a[hi - 1].end - t->a[lo].start, true);
            /* the earliest day the words are known to have been out */
            px_ymd best = none;
            long best_days = 0, ref_days = px__days_from_civil(t->ref.y, t->ref.m, t->ref.d);
            for (size_t p = 0; p < n_posts && !needle.oom; p++) {
                long days = px__days_from_civil(posts[p].date.y, posts[p].date.m,
                                                posts[p].date.d);
                if (days < ref_days && (!best.y || days < best_days) &&
                    contains(posts[p].folded, posts[p].len, needle.ptr, needle.len)) {
                    best = posts[p].date;
                    best_days = days;
                }
            }
            px_buf_release(&needle);
            if (best.y)
                return best;
        }
    }
    return outside.y ? outside : none;
}

/* The first day named outside quotations in the sentence that is before
 * the reference date: when the quoted words were probably said. */
static px_ymd day_outside_quotes(const tagger *t, const match *found, size_t n_found)
{
    px_ymd none = {0, 0, 0};
    char refday[16];
    snprintf(refday, sizeof(refday), "%04d-%02d-%02d", t->ref.y, t->ref.m, t->ref.d);
    for (size_t k = 0; k < n_found; k++) {
        const match *f = &found[k];
        if ((t->a[f->a0].flags & AF_QUOTED) || f->deictic || f->type == PX_TIMEX_DURATION ||
            f->type == PX_TIMEX_SET)
            continue;
        const char *v = f->value;
        if (strlen(v) >= 10 && v[4] == '-' && v[7] == '-' && v[0] != 'X' &&
            strncmp(v, refday, 10) < 0) {
            px_ymd d = {atoi(v), atoi(v + 5), atoi(v + 8)};
            return d;
        }
    }
    return none;
}

/* The most atoms a pattern takes before its first anchor word: "no more
 * than the past few" is six; one more for safety. */
#define TRIGGER_REACH 7

/* Whether a word can anchor a time expression on its own terms: a month,
 * weekday, unit, season, part of day, number or a temporal adverb. Words
 * such as "the", "last" or "in" only ever extend one. */
static bool lex_is_trigger(const px_date_lex *l)
{
    if (l->month || l->wday || l->unit || l->season || l->pod || l->ord ||
        (l->num >= 0 && l->fn != FN_A))
        return true;
    switch (l->fn) {
    case FN_NONE: case FN_THE: case FN_A: case FN_OF: case FN_IN: case FN_ON: case FN_AT:
    case FN_TO: case FN_FOR: case FN_BY: case FN_FROM: case FN_AND: case FN_OTHER:
    case FN_THAN: case FN_MORE: case FN_LESS: case FN_LEAST: case FN_UP: case FN_NO:
    case FN_SOME: case FN_OVER: case FN_APPROX: case FN_LAST: case FN_NEXT: case FN_THIS:
    case FN_PREVIOUS: case FN_FOLLOWING: case FN_EARLY: case FN_LATE: case FN_MID:
    case FN_MIDDLE: case FN_END: case FN_BEGINNING: case FN_START: case FN_EARLIER:
    case FN_LATER: case FN_BEFORE: case FN_EVERY: case FN_EACH: case FN_FEW: case FN_SEVERAL:
    case FN_MANY: case FN_COUPLE: case FN_SINCE: case FN_UNTIL: case FN_DURING:
    case FN_WITHIN: case FN_OLD: case FN_LONG: case FN_SAME: case FN_THAT: case FN_FULL:
    case FN_FISCAL:
    case FN_LATEST: case FN_AGO: case FN_PER: case FN_TZ: case FN_AM: case FN_PM:
        return false;
    default:
        return true;
    }
}

/* Whether a pattern may take atom a as its anchor: the words of
 * lex_is_trigger, numbers, and the few that anchor a pattern only inside
 * a sentence that has a trigger ("the past", "the near term", "the latest
 * period"). */
static bool atom_can_anchor(const atom *a)
{
    if (a->kind == A_NUM || (a->kind == A_WORD && a->low[0] >= '0' && a->low[0] <= '9'))
        return true;
    if (a->lex)
        return lex_is_trigger(a->lex) || a->lex->fn == FN_PAST || a->lex->fn == FN_PRESENTN ||
               a->lex->fn == FN_NEAR;
    return is_once_twice(a) ||
           (a->kind == A_WORD && ((a->len == 4 && !memcmp(a->low, "term", 4)) ||
                                  (a->len == 6 && !memcmp(a->low, "period", 6))));
}

/* Prepositions and conjunctions: patterns look back at them ("in March")
 * but TimeML spans never start with them, so none is tried there. */
static bool starts_nothing(const atom *a)
{
    const px_date_lex *l = a->lex;
    if (!l || l->num >= 0 || l->month || l->wday || l->ord || l->unit || l->season || l->pod)
        return false;
    switch (l->fn) {
    case FN_IN: case FN_ON: case FN_OF: case FN_TO: case FN_FOR: case FN_BY: case FN_FROM:
    case FN_AND: case FN_SINCE: case FN_UNTIL: case FN_DURING: case FN_WITHIN: case FN_BEFORE:
        return true;
    default:
        return false;
    }
}

int px__dates_tag(const px_doc *doc, px_ymd ref, const px_date_post *posts, size_t n_posts,
                  px_date_found_vec *out)
{
    atom_vec atoms = {0};
    PX_VEC(match) found = {0};
    int rc = PX_ENOMEM;
    bool *quoted = px__dates_quoted_tokens(doc);
    if (!quoted)
        goto done;
    px_ymd post = px__dates_embedded_post(doc);
    doc_state st = {0, 0, 0, 0, 0};
    size_t n_searches = 0;
    for (size_t s = 0; s < doc->n_sents; s++) {
        const px_sentence *sent = &doc->sents[s];
        atoms.n = 0;
        found.n = 0;
        /* each word is lower-cased and looked up once, here; a sentence
         * with nothing a pattern can start from (most have) is dropped */
        bool trigger = false;
        for (size_t k = sent->first_token; k < sent->first_token + sent->n_tokens; k++) {
            const px_token *tk = &doc->toks[k];
            size_t before = atoms.n;
            if (!push_token_atoms(&atoms, doc->text, tk, quoted[k]))
                goto done;
            if (tk->flags & PX_TF_DIGIT)
                trigger = true;
            else if (!trigger && tk->kind == PX_TOK_WORD)
                for (size_t a = before; a < atoms.n && !trigger; a++)
                    trigger = atoms.v[a].lex && lex_is_trigger(atoms.v[a].lex);
        }
        if (!trigger)
            continue;
        /* two blank atoms after the end, so patterns may look one or two
         * ahead without bounds checks */
        atom blank;
        memset(&blank, 0, sizeof(blank));
        blank.num = -1;
        if (!PX_VEC_PUSH(atoms, blank) || !PX_VEC_PUSH(atoms, blank))
            goto done;
        /* how far each atom is from the next word a pattern can anchor on:
         * a pattern spans one, so an atom far from any needs no search */
        for (size_t k = atoms.n - 2, next = SIZE_MAX; k-- > 0;) {
            const atom *a = &atoms.v[k];
            if (atom_can_anchor(a))
                next = k;
            size_t d = next == SIZE_MAX ? 255 : next - k;
            atoms.v[k].to_trigger = (uint8_t)(d > 255 ? 255 : d);
        }
        tagger t = {doc, atoms.v, atoms.n - 2, ref, s, &st};
        /* an embedded post is resolved against its own date */
        if (post.y && doc->blocks[sent->block].kind == PX_BLOCK_EMBED)
            t.ref = post;
        size_t i = 0;
        bool quoted_deictic = false;
        while (i < t.n) {
            match m;
            memset(&m, 0, sizeof(m));
            size_t e = 0;
            /* a pattern starts at a temporal word, a number or a quote
             * before digits ('90s) */
            const atom *at = &t.a[i];
            if (at->to_trigger > TRIGGER_REACH || starts_nothing(at)) {
                /* no anchor word within reach, or a word no pattern starts
                 * with: no pattern can match here */
            } else if (at->lex || at->kind == A_NUM || is_once_twice(at) ||
                (at->kind == A_WORD && at->low[0] >= '0' && at->low[0] <= '9') ||
                (at->kind == A_QUOTE && i + 1 < t.n && t.a[i + 1].low[0] >= '0' &&
                 t.a[i + 1].low[0] <= '9'))
                e = match_at(&t, i, &m);
            if (e) {
                /* widen to whole tokens: skip atoms of the same token */
                while (e < t.n && (t.a[e].flags & AF_HYPH))
                    e++;
                m.a1 = e;
                if (!PX_VEC_PUSH(found, m))
                    goto done;
                note_anchor(&st, &m);
                if (m.quarter) {
                    st.quarter_y = atoi(m.value);
                    st.quarter_q = m.value[6] - '0';
                }
                if (m.deictic && (t.a[m.a0].flags & AF_QUOTED))
                    quoted_deictic = true;
                i = e;
                /* "on April 24 and 25": the second day shares the month */
                match m2;
                if (second_day(&t, &m, &m2)) {
                    if (!PX_VEC_PUSH(found, m2))
                        goto done;
                    i = m2.a1;
                }
            } else {
                i++;
                while (i < t.n && (t.a[i].flags & AF_HYPH) && t.a[i].kind != A_NUM &&
                       !(t.a[i].kind == A_WORD && t.a[i].lex && t.a[i].lex->unit))
                    i++;
            }
        }
        /* "tomorrow" in a quotation counts from when it was said */
        px_ymd outside = {0, 0, 0};
        if (quoted_deictic && has_ref(&t))
            outside = day_outside_quotes(&t, found.v, found.n);
        for (size_t k = 0; quoted_deictic && has_ref(&t) && k < found.n; k++) {
            match *m = &found.v[k];
            if (!m->deictic || !(t.a[m->a0].flags & AF_QUOTED))
                continue;
            /* a few hundred quotations a document is plenty; past that,
             * stop searching posts (adversarial input stays linear) */
            bool search = n_searches < 256;
            n_searches += search;
            px_ymd said = speech_date(&t, m->a0, m->a1, outside, posts, search ? n_posts : 0);
            if (!said.y || (said.y == t.ref.y && said.m == t.ref.m && said.d == t.ref.d))
                continue;
            tagger t2 = t;
            t2.ref = said;
            match again;
            memset(&again, 0, sizeof(again));
            if (match_at(&t2, m->a0, &again) && again.a1 == m->a1)
                memcpy(m->value, again.value, sizeof(m->value));
        }
        for (size_t k = 0; k < found.n; k++)
            if (!add_found(out, &t, &found.v[k]))
                goto done;
    }
    rc = PX_OK;
done:
    free(quoted);
    PX_VEC_FREE(atoms);
    PX_VEC_FREE(found);
    return rc;
}
