/*
 * quote.h - the quotation stage: the scanner that pairs quotation marks
 * (scan.c), the person-mention table used to resolve speakers
 * (mention.c), attribution of quotations and reported speech to cues and
 * speakers (attrib.c and the files it names, with their internal header
 * attrib.h) and the writers (write.c).
 */
#ifndef PX_QUOTE_H
#define PX_QUOTE_H

#include "../read/read.h"

#define PX__NO_QUOTE (-1)

/* A top-level quotation found by the scanner. Token indices are into
 * doc->toks; open/close are the marks (close == PX__QSPAN_UNCLOSED when
 * the quotation ran to its paragraph's end unclosed). */
#define PX__QSPAN_UNCLOSED UINT32_MAX
typedef struct px__qspan {
    uint32_t open, close;
    uint32_t end_tok;    /* one past the last token (close mark included) */
    size_t ostart, oend; /* bytes, marks included */
    size_t istart, iend; /* bytes, marks excluded, white space trimmed */
    bool single;         /* opened by a single mark */
} px__qspan;

typedef struct px__qscan {
    px__qspan *v;
    size_t n;
    int32_t *tok_quote; /* per token: the quotation holding it, or -1 */
    uint32_t *tok_block; /* per token: its block */
} px__qscan;

/* Pairs the quotation marks of doc in one linear pass. Fills out (malloc;
 * px__qscan_release frees). */
int px__quote_scan(const px_doc *doc, px__qscan *out);
void px__qscan_release(px__qscan *s);

/* ---- person mentions ---- */
typedef struct px__mention {
    uint32_t start_tok, end_tok; /* whole mention (role words included) */
    uint32_t name_tok;           /* first token of the name part */
    int32_t entity;              /* index into entities */
} px__mention;

typedef struct px__entity {
    char *name;       /* fullest name form (malloc) */
    size_t n_name_toks;
    char *key_last;   /* folded last name token (malloc) */
    char *key_first;  /* folded first name token, or NULL */
    char *roles;      /* '|'-separated folded role phrases (malloc) */
    bool person;
    uint64_t name_hash; /* px__hash of name */
} px__entity;

typedef struct px__mentions {
    PX_VEC(px__mention) m;
    PX_VEC(px__entity) e;
    int32_t *tok_mention; /* per token: mention index or -1 */
} px__mentions;

/* lex: the LX_* flags of every token (see px__lex). */
int px__mentions_build(const px_doc *doc, const px__qscan *qs, const uint32_t *lex,
                       px__mentions *out);
void px__mentions_release(px__mentions *m);
/* The entity named by a name or role phrase at tokens [a, b) of doc, or
 * -1. before: prefer entities mentioned before this token. */
int32_t px__mentions_lookup(const px_doc *doc, const px__mentions *m, uint32_t a, uint32_t b,
                            uint32_t before);
/* The entity a role phrase at tokens [a, b) names ("the Russian leader",
 * "the Ukrainian president": an entity written with that role), the one
 * mentioned last before `before`; or -1. */
int32_t px__mentions_role(const px_doc *doc, const px__mentions *m, uint32_t a, uint32_t b,
                          uint32_t before);
/* True for a word that names a role or title ("president", "Mr"). */
bool px__is_role_word(const char *w, size_t len);
/* True for he/she/him/her/who... */
bool px__is_person_pronoun(const char *w, size_t len);
/* Folds a name for comparison: case folded, marks stripped, possessive
 * dropped; caller frees. */
char *px__fold_name(const char *s, size_t len);

/* ---- speaker ids (speakers.c) ---- */
/* Gives quotes[0..n) of doc the speaker ids of the document alone. */
int px__speaker_ids(px_doc *doc, px_quote *quotes, size_t n);

/* ---- the lexicon (lexicon.c) ---- */
#define LX_VERB 0x1u      /* reporting verb: said, told, wrote */
#define LX_THAT 0x2u      /* verb of thought with a clause: think, believe */
#define LX_WEAK 0x4u      /* reports speech only before a quotation or "that" */
#define LX_PART 0x8u      /* participle cue: saying, adding */
#define LX_NPSTOP 0x10u   /* ends a noun phrase: that, and, to, ... */
#define LX_DET 0x20u      /* determiner: the, a, his */
#define LX_PRON 0x40u     /* pronoun that is a source: he, they, who */
#define LX_AUX 0x80u      /* may stand between source and cue: has, also */
#define LX_NOTAPPOS 0x100u /* cannot start an appositive: in, via, and */
#define LX_PREP 0x200u    /* a preposition: a noun phrase after it is no subject */
#define LX_ROLE 0x400u    /* role or title: president, Mr, analyst */
#define LX_HONOR 0x800u   /* honorific before a name: Mr, Sir, President */
#define LX_PERSPRON 0x1000u /* he, she, him, her, who */
#define LX_NAMESTOP 0x2000u /* capitalised but no name: The, Monday, However */
#define LX_PREPV 0x4000u  /* first word of a cue with a preposition: called (for) */
#define LX_STAT 0x8000u    /* a cue learnt from the train split (cue_stats.inc) */
/* bits 16..25: for LX_STAT words, the probability (per mille) that the
 * word is a cue, as measured on the PolNeAR train split */
#define LX_PM_SHIFT 16
#define LX_PM(f) (((f) >> LX_PM_SHIFT) & 0x3ffu)
#define LX_NOUNP 0x4000000u /* first word of a nominal cue: "questions (about)" */
#define LX_CTX 0x8000000u  /* a word of cue_context.inc (px__cue_context_rare) */
#define LX_MODEL 0x10000000u /* a word the learned cue detector looks at (model.c) */
#define LX_DONE 0x80000000u /* (cache marker) */
/* The LX_* flags of a word, compared case-insensitively (ASCII); 0 for
 * unknown words. Thread-safe. */
uint32_t px__lex(const char *w, size_t len);
/* The same, and in *wn the word's WordNet class (QM_WN_* in model.h; 0
 * when WordNet does not describe it: bench/quotes/gen_wordnet.py). */
uint32_t px__lex_wn(const char *w, size_t len, uint16_t *wn);
/* For a word with LX_NOUNP: the per mille probability (train split) that
 * "w next" is a nominal cue ("concerns about"), 0 when it is none. */
uint32_t px__noun_cue_pm(const char *w, size_t len, const char *next, size_t next_len);

/* The class of the token after a word, for px__cue_context_rare (the
 * classes of bench/quotes/cue_context.py). */
enum { NC_THAT, NC_TO, NC_WH, NC_PREP, NC_NP, NC_PUNCT, NC_OTHER };
/* Is word w, before a token of class nc, almost never a cue on the train
 * split (cue_context.inc)? */
bool px__cue_context_rare(const char *w, size_t len, int nc);

#endif /* PX_QUOTE_H */
