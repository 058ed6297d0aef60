/*
 * tagger.h - the tagger inside (internal to src/date): atoms, matches,
 * the small accessors every pattern uses, and the functions the tagger's
 * files share.
 *
 *   atoms.c         the lexicon and the atoms tokens are cut into
 *   numbers.c       numbers and years read from atoms; values written
 *   tense.c         the tense around an expression; deadlines
 *   pat_day.c       calendar dates, years, weekdays, today, parts of day
 *   pat_relative.c  last week, the following year, quarters
 *   pat_span.c      durations and sets
 *   pat_time.c      clock times, seasons, holidays, and the pattern table
 *   tagger.c        the driver (px__dates_tag)
 */
#ifndef PX_DATE_TAGGER_H
#define PX_DATE_TAGGER_H

#include <string.h>

#include "date.h"

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

/* ---- small accessors ---- */

static inline const px_date_lex *lx(const tagger *t, size_t i)
{
    return i < t->n ? t->a[i].lex : NULL;
}

static inline int fn(const tagger *t, size_t i)
{
    const px_date_lex *l = lx(t, i);
    return l ? l->fn : FN_NONE;
}

static inline bool word_is(const tagger *t, size_t i, const char *w)
{
    return i < t->n && t->a[i].low[0] == w[0] && !strcmp(t->a[i].low, w);
}

static inline bool is_punct(const tagger *t, size_t i, char c)
{
    return i < t->n && t->a[i].kind == A_PUNCT && t->a[i].low[0] == c && !t->a[i].low[1];
}

static inline int unit_at(const tagger *t, size_t i, bool *plural)
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

static inline bool has_ref(const tagger *t)
{
    return t->ref.y != 0;
}

/* The part of the day after atom i ("morning", "night"), 0 if none. */
static inline int pod_at(const tagger *t, size_t i)
{
    const px_date_lex *l = lx(t, i);
    if (!l || !l->pod || l->plural)
        return 0;
    return l->pod;
}

/* "until", "by", "through": a preposition of deadline at atom k. */
static inline bool is_deadline(const tagger *t, size_t k)
{
    int f = fn(t, k);
    return f == FN_UNTIL || f == FN_BY || word_is(t, k, "through") || word_is(t, k, "till");
}

/* The season of a month: 1 spring .. 4 winter. */
static inline int season_of(int month)
{
    return month >= 3 && month <= 5 ? 1 : month >= 6 && month <= 8 ? 2 : month >= 9 && month <= 11 ? 3 : 4;
}

/* "once", "twice": they start a set ("twice a week"). */
static inline bool is_once_twice(const atom *a)
{
    return a->kind == A_WORD && ((a->len == 4 && !memcmp(a->low, "once", 4)) ||
                                 (a->len == 5 && !memcmp(a->low, "twice", 5)));
}

/* ---- atoms.c ---- */
/* The atoms of a sentence, ready for the patterns: 1, 0 when it has
 * nothing a pattern can start from, -1 when out of memory. */
int px__sentence_atoms(atom_vec *v, const px_doc *doc, const px_sentence *sent, const bool *quoted);

/* ---- numbers.c ---- */
/* A cardinal at i: digits or words ("twenty-four", "two thousand").
 * Returns the end atom, 0 if none. allow_a: "a"/"an" count as 1. */
size_t px__parse_number(const tagger *t, size_t i, long *val, bool allow_a);
/* An ordinal at i: "third", "3rd", "30th". */
size_t px__parse_ordinal(const tagger *t, size_t i, int *val);
/* A day of the month at i: 1..31 as digits or ordinal. */
size_t px__parse_day(const tagger *t, size_t i, int *d);
/* A four-digit year at i. */
size_t px__parse_year(const tagger *t, size_t i, int *y);
/* A year in digits or spelled out ("nineteen ninety-four") at i. */
size_t px__parse_year_any(const tagger *t, size_t i, int *y);
/* m->value = "YYYY-MM-DD" / "YYYY-Www" of d. */
void px__put_day(match *m, px_ymd d);
void px__put_week(match *m, px_ymd d);
/* The weekday wd (1 Monday .. 7 Sunday) nearest the reference date in
 * the direction rel (FN_LAST, FN_NEXT, ...) or the tense gives. */
px_ymd px__resolve_weekday(const tagger *t, int wd, int rel, tense tn);
/* The year of a month (and day) named without one. */
int px__year_for(const tagger *t, int m, int d, tense tn);
/* TimeML codes of seasons (1 spring .. 4 winter) and parts of the day
 * (1 morning .. 4 night), "" at 0. */
extern const char *const px__season_code[];
extern const char *const px__pod_code[];

/* ---- tense.c ---- */
/* A clause or quotation boundary stops the search for a verb. */
bool px__tense_barrier(const tagger *t, size_t i);
/* The tense governing atoms [a0, a1). */
tense px__tense_of(const tagger *t, size_t a0, size_t a1);
/* The tense of a deadline whose preposition is at atom k. */
tense px__deadline_verb(const tagger *t, size_t k, tense tn);
/* The tense of an expression at expr_start after "until", "by", ... */
tense px__deadline_tense(const tagger *t, size_t expr_start, tense tn);
/* Whether "a week" after w is a span of time ("for a week"). */
bool px__before_span(const char *w);

/* ---- the patterns: each returns the end atom of its match at atom i
 * (0 when none) and fills *m ---- */
size_t px__m_calendar(const tagger *t, size_t i, match *m);
size_t px__m_year(const tagger *t, size_t i, match *m);
size_t px__m_weekday(const tagger *t, size_t i, match *m);
/* expr_start: where the whole expression starts ("9 a.m. Tuesday"). */
size_t px__m_weekday_in(const tagger *t, size_t i, size_t expr_start, match *m);
size_t px__m_deictic(const tagger *t, size_t i, match *m);
size_t px__m_pod(const tagger *t, size_t i, match *m);
size_t px__m_relative(const tagger *t, size_t i, match *m);
size_t px__m_anaphoric(const tagger *t, size_t i, match *m);
size_t px__m_quarter(const tagger *t, size_t i, match *m);
size_t px__m_duration(const tagger *t, size_t i, match *m);
size_t px__m_set(const tagger *t, size_t i, match *m);
/* Notes the date a match names, for the anaphoric expressions after it. */
void px__note_anchor(doc_state *st, const match *m);
/* The year an "of" phrase names: "1990", "fiscal 1990", "next year". */
size_t px__year_of(const tagger *t, size_t k, int *y);
/* m->value = a duration of n units ("P3D"; "PXD" when fuzzy). */
void px__put_duration(match *m, int unit, long n, bool fuzzy);
/* A day number coordinated with the full date m names ("April 24 and
 * 25"): fills *m2 and returns true. */
bool px__second_day(const tagger *t, const match *m, match *m2);
/* The longest match at atom i, with the modifiers that widen it. */
size_t px__match_at(const tagger *t, size_t i, match *best);

#endif /* PX_DATE_TAGGER_H */
