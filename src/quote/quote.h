/*
 * quote.h - the quotation stage: the scanner that pairs quotation marks
 * (scan.c), the person-mention table used to resolve speakers
 * (mention.c), attribution of quotations and reported speech to cues and
 * speakers (attrib.c) and the writers (write.c).
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
} px__entity;

typedef struct px__mentions {
    PX_VEC(px__mention) m;
    PX_VEC(px__entity) e;
    int32_t *tok_mention; /* per token: mention index or -1 */
} px__mentions;

int px__mentions_build(const px_doc *doc, const px__qscan *qs, px__mentions *out);
void px__mentions_release(px__mentions *m);
/* The entity named by a name or role phrase at tokens [a, b) of doc, or
 * -1. before: prefer entities mentioned before this token. */
int32_t px__mentions_lookup(const px_doc *doc, const px__mentions *m, uint32_t a, uint32_t b,
                            uint32_t before);
/* True for a word that names a role or title ("president", "Mr"). */
bool px__is_role_word(const char *w, size_t len);
/* True for he/she/him/her/who... */
bool px__is_person_pronoun(const char *w, size_t len);
/* Folds a name for comparison: case folded, marks stripped, possessive
 * dropped; caller frees. */
char *px__fold_name(const char *s, size_t len);

#endif /* PX_QUOTE_H */
