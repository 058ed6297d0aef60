/*
 * model.h - the learned part of attribution (model.c): a cue detector and
 * span-boundary rankers trained on the PolNeAR train split by
 * bench/quotes/train_model.py and shipped as a generated weight table
 * (model_weights.inc). The hand rules of attrib.c run first; the model
 * sees the document as they leave it (px__qm_doc) and proposes the
 * attributions they never find, each with its content and source.
 */
#ifndef PX_QUOTE_MODEL_H
#define PX_QUOTE_MODEL_H

#include "quote.h"

/* The cue types of the rules (attrib.c's cue_type), as the model sees
 * them: QM_CUE_NONE for a token the rules take for no cue. */
enum { QM_CUE_NONE, QM_CUE_VERB, QM_CUE_THAT, QM_CUE_PART, QM_CUE_ACCORDING, QM_CUE_PREPV,
       QM_CUE_NOUN };

/* The WordNet class of a word (px__lex_wn; bench/quotes/gen_wordnet.py
 * writes it): the lexicographer files of its most frequent verb and noun
 * senses, whether a verb sense takes a that-clause or an infinitive, its
 * inflection, and whether it is a word of speech or thought. */
#define QM_WN_VERB(c) ((c) & 0xFu)        /* 1 communication, 2 cognition, 3 emotion, ... */
#define QM_WN_NOUN(c) (((c) >> 4) & 0xFu) /* 1 communication, 2 cognition, 3 feeling, ... */
#define QM_WN_THAT 0x100u   /* "Somebody ----s that CLAUSE" */
#define QM_WN_TO 0x200u     /* "Somebody ----s to INFINITIVE" */
#define QM_WN_PAST 0x400u   /* said, believed */
#define QM_WN_ING 0x800u    /* saying */
#define QM_WN_S 0x1000u     /* says, allegations */
#define QM_WN_SPEECH 0x2000u /* a verb or noun of speech or thought */

/* An attribution as token ranges [a, b): content, source (sa == sb:
 * none) and cue (va == vb: none). */
typedef struct px__qm_rec {
    uint32_t ca, cb, sa, sb, va, vb;
    bool embedded;
} px__qm_rec;

/* A unit of the rules: sentences joined so that no unit boundary falls
 * inside a quotation; tokens [a, b). */
typedef struct px__qm_unit {
    uint32_t a, b;
} px__qm_unit;

/* The document as the rules leave it. Everything is borrowed. */
typedef struct px__qm_doc {
    const px_doc *doc;
    const px__qscan *qs;
    const px__mentions *mn;
    const uint32_t *lex;      /* per token: LX_* flags */
    const uint16_t *wn;       /* per token: WordNet class (QM_WN_*) */
    /* the rules' cue type of token i (QM_CUE_*) */
    int (*rule_cue)(const void *rule_ctx, uint32_t i);
    const void *rule_ctx;
    const px__qm_unit *units; /* in text order, covering every token */
    size_t n_units;
    const px__qm_rec *recs;   /* what the rules found, in no order */
    size_t n_recs;
} px__qm_doc;

/* The attributions the model adds to the rules' (v->recs): token ranges,
 * the cue reduced to its last word. *out: malloc, caller frees (NULL
 * when none). PX_OK or PX_ENOMEM. */
int px__qm_propose(const px__qm_doc *v, px__qm_rec **out, size_t *n);

/* For bench/quotes/quote_features only: when set, px_quotes_find calls
 * it with every document's view before the model runs. Not thread-safe;
 * the library never sets it. */
typedef void (*px__qm_trace_fn)(const px__qm_doc *view, void *user);
extern px__qm_trace_fn px__qm_trace;
extern void *px__qm_trace_user;
/* For bench/quotes/quote_features only: when set, the model proposes
 * nothing (the rules' output alone). Not thread-safe. */
extern bool px__qm_disabled;

#endif /* PX_QUOTE_MODEL_H */
