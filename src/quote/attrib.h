/*
 * attrib.h - the internal header of attribution (who said what), shared by
 * the files of src/quote/ that find cues, sources and contents; quote.h
 * holds what the rest of the library sees of the stage. A record (rec)
 * holds an attribution in token indices: content [ca, cb), source [sa, sb)
 * (sa == sb: none), cue [va, vb).
 *
 * The stages, in the order attribute_unit() (attrib.c) runs them on each
 * unit, and the seams where a learned model can come in:
 *
 * 1. Cue candidates: px__unit_cue(c, a, b, k, last_close) (cue.c) is
 *    asked for every token k of the unit [a, b) in text order and returns
 *    its CUE_* type (CUE_NONE: no cue). It reads cue_type() (below, cached
 *    per token in c->cues), which is px__cue_type_uncached(c, i): the
 *    lexicon flags (lexicon.c and the tables learnt from PolNeAR train,
 *    cue_stats.inc, cue_nouns.inc, cue_context.inc) and the words around;
 *    and px__tag_verb for verbs the lexicon does not know right after a
 *    quotation. The type picks the rule (attribute_cue, attrib.c):
 *    CUE_ACCORDING and CUE_NOUN to nominal.c, CUE_PART to participle.c,
 *    CUE_VERB, CUE_THAT and CUE_PREPV to verb.c. Once a record is built for
 *    a weak (LX_WEAK) or learnt (LX_STAT) cue, px__weak_cue_holds(c, a, k,
 *    ke, &r) (cue.c) accepts or rejects the cue given its record.
 *
 * 2. A source for a cue: for a finite verb k, px__verb_source(c, a, k,
 *    prog, &p, &aside_end) (source.c) returns the first token sa of the
 *    source [sa, p) before the verb group starting at p (sa == p: none),
 *    built on px__np_before (np.c); px__source_after_prep and
 *    px__source_cut/px__source_end refine it; with no source before, the
 *    verb is inverted and px__np_after(c, ke, b) (np.c) finds it after the
 *    cue (px__inverted_cue, inverted.c). Participles, nominal cues and the
 *    special forms find theirs in their own files. Every record then goes
 *    through px__check_source(c, &r) (source.c); px__resolve(c, u, sa, sb)
 *    names the entity of the mention table (mention.c) a source stands for.
 *
 * 3. Content bounds: after a finite verb the content starts at
 *    px__said_content_start(c, k, ke, b) (content.c: over the addressee,
 *    a phrase of time or place, to "that", a question, a quotation) and
 *    ends at px__clause_end(c, s, b); before the cue it is the quotation
 *    closing before the source (px__quote_start) or the clause before a
 *    comma. Every record's [ca, cb) is then refined by
 *    px__refine_content(c, &r) (content_trim.c), called by
 *    px__add_record (record.c): the start after the cue (addressee,
 *    circumstance, a second verb, an adverbial clause, a time) and the end
 *    (an occasion, a subordinate or contrasting clause, a trailing noun
 *    phrase, a second cue, the tail of a mixed content); false drops the
 *    record.
 *
 * 4. The learned cue detector: once every unit has run, model_attributions
 *    (attrib.c) hands the document as the rules leave it (model.h:
 *    tokens, lexicon flags, cue_type() of each token, units and records)
 *    to px__qm_propose (model.c), which proposes the cues the rules never
 *    found with their content and source bounds, from weights trained on
 *    PolNeAR train (bench/quotes/train_model.py); a proposal whose content
 *    overlaps a record of the rules is dropped, the others are added as
 *    they are (they skip px__refine_content: the model learnt its bounds).
 *
 * px__add_record (record.c) is the one door into c->recs for the rules;
 * px__finish (record.c) drops nested and repeated records and writes the
 * px_quote values.
 */
#ifndef PX_ATTRIB_H
#define PX_ATTRIB_H

#include <string.h>

#include "quote.h"

/* What a cue token is (cue_type()): a reporting verb ("said"), a verb of
 * thought with a clause ("believes"), a participle ("adding"), "according
 * to", a verb with its preposition ("called for"), a nominal cue
 * ("questions about"). */
enum { CUE_NONE, CUE_VERB, CUE_THAT, CUE_PART, CUE_ACCORDING, CUE_PREPV, CUE_NOUN };

/* A unit: a sentence, or sentences joined so that no quotation crosses
 * its ends (units.c). */
typedef struct unit {
    uint32_t a, b; /* tokens [a, b) */
    int32_t subject;        /* entity the unit is about, or -1 */
    uint32_t subject_tok;   /* where it is named (b when inherited) */
    uint32_t subj_a, subj_b; /* its span when named in this unit */
} unit;

/* An attribution found, in tokens; record.c turns it into a px_quote. */
typedef struct rec {
    uint32_t ca, cb; /* content tokens */
    uint32_t sa, sb; /* source tokens (sa == sb: none) */
    uint32_t va, vb; /* cue tokens */
    int32_t entity;
    bool embedded;
    const char *name; /* speaker when no entity is known (arena) */
} rec;

/* The state of attribution over one document. */
typedef struct ctx {
    px_doc *doc;
    const px_token *t;
    const char *text;
    px__qscan qs;
    px__mentions mn;
    unit *units;
    size_t n_units;
    PX_VEC(rec) recs;
    uint32_t *lex;  /* per token: LX_* flags, LX_DONE once looked up */
    uint16_t *wn;   /* per token: its WordNet class (px__lex_wn) */
    uint8_t *cues;  /* per token: CUE_* + 1, 0 when not computed */
    uint8_t *title; /* per quotation: 1 when it is a title, no one's words */
    uint32_t hl_block; /* the first block when it is a headline in title case */
    bool oom;
} ctx;

/* One unit while its rules run (attribute_unit, attrib.c). The rules add
 * records to c->recs from first_rec on; a rule that takes in the unit
 * after sets *consumed_next, and one that ends the unit with "he said:"
 * sets *colon_intro (ca = 1 marks it set), which the lone quotation of the
 * next unit takes as its attribution. */
typedef struct unit_run {
    ctx *c;
    size_t u;
    const unit *un;
    uint32_t a, b; /* the unit's tokens, un->a and un->b */
    size_t first_rec;
    bool *consumed_next;
    rec *colon_intro;
} unit_run;

/* ---- token helpers (inline: they run on every token) ---- */

static inline size_t tlen(const ctx *c, size_t i)
{
    return c->t[i].end - c->t[i].start;
}

static inline const char *tstr(const ctx *c, size_t i)
{
    return c->text + c->t[i].start;
}

/* case-insensitive (ASCII) comparison with a lower-case literal */
static inline bool is(const ctx *c, size_t i, const char *lit)
{
    if (i >= c->doc->n_toks)
        return false; /* one past the last token: no word */
    size_t n = tlen(c, i);
#if defined(__GNUC__)
    /* a literal's length is known at compile time: most words differ in it */
    if (__builtin_constant_p(__builtin_strlen(lit)) && n != __builtin_strlen(lit))
        return false;
#endif
    const char *w = tstr(c, i);
    for (size_t k = 0; k < n; k++) {
        char ch = w[k];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch + 32);
        if (!lit[k] || ch != lit[k])
            return false;
    }
    return lit[n] == 0;
}

/* The lexicon flags of token i (LX_*), looked up once. */
static inline uint32_t lexf(const ctx *c, size_t i)
{
    uint32_t f = c->lex[i];
    if (!(f & LX_DONE)) {
        f = LX_DONE;
        if (c->t[i].kind == PX_TOK_WORD)
            f |= px__lex(tstr(c, i), tlen(c, i));
        c->lex[i] = f;
    }
    return f;
}

static inline bool in_quote(const ctx *c, size_t i)
{
    return c->qs.tok_quote[i] != PX__NO_QUOTE;
}

static inline bool is_punct(const ctx *c, size_t i, char ch)
{
    return c->t[i].kind == PX_TOK_PUNCT && tlen(c, i) == 1 && tstr(c, i)[0] == ch;
}

static inline bool is_terminal_tok(const ctx *c, size_t i)
{
    if (c->t[i].kind != PX_TOK_PUNCT)
        return false;
    char ch = tstr(c, i)[0];
    return ch == '.' || ch == '!' || ch == '?' || ch == ',' || ch == ':' || ch == ';' ||
           (unsigned char)ch == 0xe2; /* … */
}

/* Does token i end a sentence or a clause of it (". ! ? ; …"; not a
 * comma or a colon, unlike is_terminal_tok())? */
static inline bool stop_tok(const ctx *c, size_t i)
{
    return is_terminal_tok(c, i) && !is_punct(c, i, ',') && !is_punct(c, i, ':');
}

/* The closing mark of a quotation ends at token i. */
static inline bool closes_quote(const ctx *c, size_t i)
{
    int32_t q = c->qs.tok_quote[i];
    return q != PX__NO_QUOTE && c->qs.v[q].end_tok == i + 1 && c->t[i].kind == PX_TOK_QUOTE;
}

static inline bool opens_quote(const ctx *c, size_t i)
{
    int32_t q = c->qs.tok_quote[i];
    return q != PX__NO_QUOTE && c->qs.v[q].open == i;
}

/* Is word w one of the words in the list (case-insensitive)? */
static inline bool is_any(const ctx *c, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (is(c, i, list[k]))
            return true;
    return false;
}

/* "Trump's", "Trump’s" */
static inline bool possessive(const ctx *c, size_t i)
{
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return c->t[i].kind == PX_TOK_WORD &&
           ((n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') ||
            (n > 4 && !memcmp(w + n - 4, "\xe2\x80\x99s", 4)));
}

/* The CUE_* type of token i, computed once by px__cue_type_uncached
 * (cue.c, seam 1). */
int px__cue_type_uncached(const ctx *c, size_t i);
static inline int cue_type(const ctx *c, size_t i)
{
    if (!c->cues[i])
        c->cues[i] = (uint8_t)(px__cue_type_uncached(c, i) + 1);
    return c->cues[i] - 1;
}

static inline bool is_ly_adverb(const ctx *c, size_t i)
{
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return c->t[i].kind == PX_TOK_WORD && n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y' &&
           !(c->t[i].flags & PX_TF_CAP);
}

/* A preposition inside a source noun phrase: "Mr. Morgan of the Sierra
 * Club", "the senator from Vermont", "experts at the Aspen Institute". */
static inline bool np_prep(const ctx *c, uint32_t i)
{
    return is(c, i, "of") || is(c, i, "for") || is(c, i, "from") || is(c, i, "at");
}

/* Token y opens a clause: the unit's first word, or one after a comma
 * or a conjunction ("But attorneys and legal experts said"). */
static inline bool clause_initial(const ctx *c, uint32_t a, uint32_t y)
{
    if (y == a)
        return true;
    if (in_quote(c, y - 1))
        return false;
    return is_punct(c, y - 1, ',') || is(c, y - 1, "but") || is(c, y - 1, "though") ||
           is(c, y - 1, "although") || is(c, y - 1, "yet") || is(c, y - 1, "while") ||
           is(c, y - 1, "because");
}

/* A word that ends in -ed (a past participle: "a poll released
 * Thursday"). */
static inline bool is_ed_word(const ctx *c, uint32_t i)
{
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return c->t[i].kind == PX_TOK_WORD && !(c->t[i].flags & PX_TF_CAP) && n > 4 &&
           w[n - 2] == 'e' && w[n - 1] == 'd';
}

static inline bool is_weekday(const ctx *c, uint32_t i)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    for (size_t k = 0; k < PX_ARRAY_LEN(days); k++)
        if (is(c, i, days[k]))
            return true;
    return false;
}

static inline bool entity_is_person(const ctx *c, int32_t e)
{
    return e >= 0 && c->mn.e.v[e].person;
}

/* Token i is a word of more than strlen(s) + 1 bytes ending in s. */
static inline bool word_ends(const ctx *c, uint32_t i, const char *s)
{
    size_t n = tlen(c, i), k = strlen(s);
    const char *w = tstr(c, i);
    return c->t[i].kind == PX_TOK_WORD && n > k + 1 && memcmp(w + n - k, s, k) == 0;
}

/* Trims white-space-like tokens: final punctuation outside quotations. */
static inline uint32_t trim_end(const ctx *c, uint32_t ca, uint32_t cb)
{
    while (cb > ca && !in_quote(c, cb - 1) &&
           (is_terminal_tok(c, cb - 1) || c->t[cb - 1].kind == PX_TOK_DASH))
        cb--;
    return cb;
}

/* Is there a quotation in [s, e)? */
static inline bool quote_in(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t k = s; k < e; k++)
        if (in_quote(c, k))
            return true;
    return false;
}

/* ---- units.c: units, their subjects, the shapes of their quotations ---- */
bool px__lead_quote_next(const ctx *c, size_t u);
void px__take_in_next(unit_run *ur, rec *r);
bool px__is_title(const ctx *c, const px__qspan *q);
int32_t px__unit_of_token(const ctx *c, uint32_t tok);
int px__build_units(ctx *c);
int32_t px__lone_quote(const ctx *c, size_t u);
int32_t px__lead_quote(const ctx *c, size_t u);
bool px__indirect_goes_on(const ctx *c, size_t u);
void px__grow_over_next(const ctx *c, size_t u, rec *r);
bool px__show_lead(const ctx *c, uint32_t a, uint32_t close);
bool px__heading_quote(const ctx *c, size_t u, int32_t q);
/* ---- cue.c: the cue finder (seam 1) ---- */
int px__unit_cue(const ctx *c, uint32_t a, uint32_t b, uint32_t k, uint32_t last_close);
bool px__weak_cue_holds(const ctx *c, uint32_t a, uint32_t k, uint32_t ke, const rec *r);
bool px__name_part(const ctx *c, size_t i);
uint32_t px__headline_block(const ctx *c);
bool px__made_it_clear(const ctx *c, size_t i);
uint32_t px__that_after_time(const ctx *c, uint32_t i);
bool px__used_as_verb(const ctx *c, uint32_t k);
bool px__tag_verb(const ctx *c, uint32_t a, uint32_t b, uint32_t k);
/* ---- np.c: the noun phrases of sources ---- */
uint32_t px__verb_group_start(const ctx *c, uint32_t a, uint32_t k);
bool px__before_cue(const ctx *c, uint32_t a, uint32_t i);
uint32_t px__restrictive_head(const ctx *c, uint32_t a, uint32_t sa);
uint32_t px__np_before(const ctx *c, uint32_t a, uint32_t p);
uint32_t px__np_after(const ctx *c, uint32_t s, uint32_t b);
/* ---- source.c: the source finder (seam 2) ---- */
void px__check_source(const ctx *c, rec *r);
uint32_t px__verb_source(const ctx *c, uint32_t a, uint32_t k, bool prog, uint32_t *p,
                         uint32_t *aside_end);
bool px__source_after_prep(const ctx *c, uint32_t a, uint32_t k, uint32_t ke, uint32_t p,
                           uint32_t *sa);
uint32_t px__according_appositive(const ctx *c, uint32_t s, uint32_t e, uint32_t b,
                                     bool leading);
uint32_t px__source_end(const ctx *c, uint32_t e, uint32_t k);
uint32_t px__subject_end(const ctx *c, uint32_t e, uint32_t b);
uint32_t px__source_cut(const ctx *c, uint32_t sa, uint32_t sb);
int32_t px__resolve(const ctx *c, size_t u, uint32_t sa, uint32_t sb);
bool px__lone_participle(const ctx *c, uint32_t sa, uint32_t sb);
bool px__passive_asked(const ctx *c, const rec *r);
uint32_t px__clause_subject(const ctx *c, uint32_t a, uint32_t k, uint32_t *end);
uint32_t px__noun_cue_verb(const ctx *c, uint32_t a, uint32_t k);
bool px__shared_subject(const ctx *c, const unit *un, const rec *r, uint32_t p);
uint32_t px__infinitive_governor(const ctx *c, uint32_t a, uint32_t t);
uint32_t px__dash_aside_start(const ctx *c, uint32_t a, uint32_t p);
bool px__aside_in_source(const ctx *c, uint32_t o, uint32_t e);
bool px__clause_follows(const ctx *c, uint32_t k, uint32_t s);
uint32_t px__with_subject(const ctx *c, uint32_t a, uint32_t k);
uint32_t px__issued_message(const ctx *c, uint32_t a, uint32_t k);
/* ---- content.c: where a content begins and ends (seam 3) ---- */
uint32_t px__said_content_start(const ctx *c, uint32_t k, uint32_t ke, uint32_t b);
bool px__nothing_after(const ctx *c, uint32_t ke, uint32_t b);
bool px__thought_content(const ctx *c, uint32_t a, uint32_t k, uint32_t p, uint32_t s,
                         uint32_t b);
int px__adverbial_clause(const ctx *c, uint32_t v, uint32_t s, uint32_t e);
uint32_t px__as_relative(const ctx *c, const rec *r);
uint32_t px__clause_end(const ctx *c, uint32_t s, uint32_t b);
uint32_t px__quote_start(const ctx *c, uint32_t a, uint32_t close);
uint32_t px__interrupted_tail(const ctx *c, uint32_t s, uint32_t b);
uint32_t px__quote_after(const ctx *c, uint32_t s, uint32_t b);
uint32_t px__inner_cue_start(const ctx *c, const rec *r, uint32_t *k);
uint32_t px__circumstance_end(const ctx *c, uint32_t s, uint32_t e);
uint32_t px__addressee_end(const ctx *c, uint32_t k, uint32_t s, uint32_t b);
uint32_t px__noun_cue_end(const ctx *c, uint32_t s, uint32_t b);
bool px__adverbial_lead(const ctx *c, uint32_t a, uint32_t e);
bool px__that_less_clause(const ctx *c, uint32_t s, uint32_t b);
bool px__reported_clause(const ctx *c, uint32_t s, uint32_t e);
/* ---- content_trim.c: the writer's words at a content's ends (seam 3) ---- */
bool px__refine_content(const ctx *c, rec *r);
uint32_t px__prep_verb_np_end(const ctx *c, uint32_t s, uint32_t cb);
uint32_t px__subordinate_end(const ctx *c, uint32_t v, uint32_t s, uint32_t e);
uint32_t px__contrast_end(const ctx *c, uint32_t s, uint32_t e);
uint32_t px__trailing_np_end(const ctx *c, uint32_t s, uint32_t e);
bool px__particle_after_cue(const ctx *c, uint32_t s, uint32_t e);
bool px__noun_before_that(const ctx *c, uint32_t s, uint32_t e);
uint32_t px__next_cue_start(const ctx *c, uint32_t s, uint32_t e);
uint32_t px__object_vp_end(const ctx *c, uint32_t s, uint32_t e);
uint32_t px__lead_quote_end(const ctx *c, const rec *r);
uint32_t px__partial_tail_end(const ctx *c, const rec *r);
uint32_t px__occasion_start(const ctx *c, uint32_t s, uint32_t e);
uint32_t px__relative_end(const ctx *c, uint32_t s, uint32_t e);
/* ---- record.c: adding, filtering and writing records ---- */
void px__add_record(ctx *c, rec r);
bool px__recs_overlap(const ctx *c, size_t first_rec, uint32_t a, uint32_t b);
size_t px__clitic_end(const ctx *c, uint32_t i);
int px__finish(ctx *c, const px_quote **out, size_t *n_out);
/* ---- phrase.c: word classes and short phrases ---- */
uint32_t px__paren_open_before(const ctx *c, uint32_t a, uint32_t p);
bool px__question_word(const ctx *c, uint32_t i);
bool px__is_finite_aux(const ctx *c, uint32_t i);
uint32_t px__time_phrase_start(const ctx *c, uint32_t a, uint32_t e);
uint32_t px__time_phrase_after(const ctx *c, uint32_t s, uint32_t e);
bool px__plural_possessive(const ctx *c, uint32_t a, uint32_t i);
bool px__share_end(const ctx *c, uint32_t a, uint32_t p);
bool px__share_number(const ctx *c, uint32_t i);
uint32_t px__share_opener(const ctx *c, uint32_t y);
bool px__time_noun(const ctx *c, uint32_t i);
bool px__glued(const ctx *c, uint32_t k);
bool px__clause_word(const ctx *c, uint32_t i);
bool px__finite_verb(const ctx *c, uint32_t i);
bool px__occasion_word(const ctx *c, uint32_t i);
bool px__receive_verb(const ctx *c, uint32_t i, uint32_t k);
bool px__data_verb(const ctx *c, uint32_t k);
bool px__subordinator(const ctx *c, uint32_t i);
bool px__be_form(const ctx *c, uint32_t i);
bool px__progressive_be(const ctx *c, uint32_t a, uint32_t k);
/* ---- labels.c: "Name: “...”" and newsroom labels ---- */
bool px__format_label(const ctx *c, const rec *r);
size_t px__speaker_labels(ctx *c, size_t u);
/* ---- posts.c: signed quotations and embedded posts ---- */
void px__dash_signature(ctx *c, size_t u);
void px__embedded_posts(ctx *c);
/* ---- colon.c: colon introductions ---- */
bool px__headline_colon(unit_run *ur);
bool px__colon_intro(unit_run *ur, const rec *r, uint32_t ke, uint32_t s);
void px__subject_colon_intro(unit_run *ur);
bool px__intro_next_quote(const ctx *c, size_t u, bool colon_only);
void px__colon_quote(ctx *c, size_t u, size_t first_rec);
void px__from_colon_quote(ctx *c, size_t u, size_t first_rec);
/* ---- inverted.c: "said X", "Said X, “...”", "He jokes, “...”" ---- */
bool px__inverted_cue(unit_run *ur, rec *r, uint32_t ke, uint32_t p);
void px__inverted_said_quote(ctx *c, size_t u, size_t first_rec);
void px__comma_verb_quote(ctx *c, size_t u, size_t first_rec);
/* ---- forms.c: "as X put it", "as a “...”", polls, the lone quotation ---- */
void px__quote_after_cue(unit_run *ur);
void px__lone_quotation(unit_run *ur);
void px__raising(ctx *c, uint32_t a, uint32_t b, uint32_t k);
void px__as_put_it(ctx *c, size_t u);
void px__as_quote(ctx *c, size_t u, size_t first_rec);
void px__poll_lead(ctx *c, size_t u);

/* ---- nominal.c: "according to" and nominal cues ---- */
uint32_t px__according_cue(unit_run *ur, uint32_t k);
uint32_t px__noun_cue(unit_run *ur, uint32_t k);
/* ---- participle.c: participles and the question of "asked" ---- */
uint32_t px__participle_cue(unit_run *ur, rec r, uint32_t k, uint32_t ke);
bool px__asked_question(unit_run *ur, rec *r, uint32_t k, uint32_t ke, int ct, uint32_t *next);
/* ---- verb.c: finite reporting verbs ---- */
void px__verb_cue(unit_run *ur, rec r, uint32_t k, uint32_t ke, int ct, bool prog);

#endif /* PX_ATTRIB_H */
