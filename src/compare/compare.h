/*
 * compare.h - the comparison stage inside: quote grouping and word-level
 * diffs (quotes.c), statements matched across outlets and the conflicts
 * between them (facts.c), both filling one px_compare (compare.c).
 */
#ifndef PX_COMPARE_H
#define PX_COMPARE_H

#include "../entity/entity.h"

struct sb_stemmer;

struct px_compare {
    px_arena arena;
    px_doc *const *docs;
    size_t n_docs;
    const px_entities *ents;
    struct sb_stemmer *stemmer;
    px_quote_group *quotes;
    size_t n_quotes;
    px_fact *facts;
    size_t n_facts;
    px_conflict *conflicts;
    size_t n_conflicts;
    /* outlet of each document: documents of one outlet count once */
    size_t *outlet;
    /* the quotations given (borrowed): their words are no statement of
     * the outlet */
    const px_quote_input *quote_in;
    size_t n_quote_in;
    /* the features of words already seen, by the word as written (facts.c) */
    struct px__word_memo *word_memo;
};

struct px__word_memo *px__word_memo_new(void);
void px__word_memo_free(struct px__word_memo *m);

/* The key that tells outlets apart: the document's source, else the
 * host of its URL ("www." dropped, lower case), into *out; false when
 * it has neither (the document is then an outlet of its own). */
bool px__outlet_key(const px_doc *d, px_buf *out);

/* Groups and diffs the quotations (quotes.c). */
int px__compare_quotes(px_compare *c, const px_quote_input *q, size_t n);
/* Matches statements and finds conflicts (facts.c). */
int px__compare_facts(px_compare *c);
/* Appends conflicts found by a later stage (dates); their strings and
 * citations must live as long as c (use px__compare_arena). */
int px__compare_add_conflict(px_compare *c, const px_conflict *conflict);
px_arena *px__compare_arena(px_compare *c);

/* A word of a quotation, with the forms it is compared in. */
typedef struct px__qword {
    const char *s; /* as written, in the document text */
    size_t len;
    size_t doc_off;  /* byte offset in the document */
    uint32_t sent;   /* sentence number within the quotation */
    uint64_t h_exact; /* typography folded */
    uint64_t h_case;  /* typography and case folded */
    uint64_t h_key;   /* name key: diacritics, dots, y/i folded */
    const char *key;  /* the name key (arena) */
} px__qword;

/* Classifies two words that differ: PX_VARIANT_CASE, _SPELLING or
 * _SUBSTITUTED. */
px_variant_kind px__word_change_kind(const px__qword *a, const px__qword *b);

/* The word-level diff of `here` against `full` (both px__qword arrays),
 * with sentences of `here` that appear elsewhere in `full` moved to their
 * place first. Fills the ops (arena) and the findings; sets *reordered.
 * Exposed for the unit tests. */
int px__quote_diff(px_arena *arena, const px__qword *full, size_t n_full,
                   const px__qword *here, size_t n_here, px_diff_word **ops, size_t *n_ops,
                   px_variant **variants, size_t *n_variants);

typedef PX_VEC(px__qword) px__qword_vec;

/* Appends the words of text[start, end) to *out; a sentence ends at . ! ?
 * or an ellipsis. *sent is the running sentence number. */
int px__quote_words(px_arena *arena, const char *text, size_t start, size_t end,
                    uint32_t *sent, px__qword_vec *out);

#endif /* PX_COMPARE_H */
