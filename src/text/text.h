/*
 * text.h - the text layer: normalisation with a map back to the original
 * input, character classes (quotation marks, dashes, letters), the
 * tokenizer and the sentence splitter. Every later stage reads text
 * through these, so typographic variants are recognised in one place.
 */
#ifndef PX_TEXT_H
#define PX_TEXT_H

#include "../util/util.h"

/* ---- normalisation ---- */
typedef struct px_norm {
    char *text;      /* NUL-terminated normalised UTF-8 (malloc) */
    size_t len;
    uint32_t *map;   /* len+1 entries: code-point offset into the input */
    size_t n_chars;  /* code points of the input */
    size_t n_invalid;        /* invalid UTF-8 sequences replaced */
    size_t first_invalid_line; /* 1-based line of the first one */
} px_norm;

/* NFC, CRLF/CR -> LF, `` and '' -> “ and ”, Unicode spaces -> ' ',
 * tabs/controls -> ' ',
 * zero-width characters and soft hyphens dropped, invalid UTF-8 bytes ->
 * U+FFFD (each counting as one input character). */
int px__normalize(const char *in, size_t len, px_norm *out);
void px__norm_release(px_norm *n);

/* ---- character classes ---- */
typedef enum px_quote_class {
    PX_Q_NONE = 0,
    PX_Q_DOUBLE_OPEN,   /* “ „ ‟ « */
    PX_Q_DOUBLE_CLOSE,  /* ” » */
    PX_Q_DOUBLE_AMBIG,  /* " ″ */
    PX_Q_SINGLE_OPEN,   /* ‘ ‚ ‛ ‹ */
    PX_Q_SINGLE_CLOSE,  /* ’ › */
    PX_Q_SINGLE_AMBIG   /* ' */
} px_quote_class;

px_quote_class px__quote_class(uint32_t cp);
static inline bool px__quote_is_single(px_quote_class q)
{
    return q >= PX_Q_SINGLE_OPEN;
}
bool px__is_dash(uint32_t cp);       /* - ‐ ‑ ‒ – — ― − */
bool px__is_apostrophe(uint32_t cp); /* ' ’ ʼ ′ */
/* Letters, digits and marks: ASCII is answered inline (the tokenizer asks
 * once per character), other code points by their Unicode category. */
bool px__ucs_is_letter(uint32_t cp);
bool px__ucs_is_upper(uint32_t cp);
bool px__ucs_is_lower(uint32_t cp);
bool px__ucs_is_digit(uint32_t cp);
bool px__ucs_is_mark(uint32_t cp);
static inline bool px__is_letter(uint32_t cp)
{
    return cp < 0x80 ? (cp | 32) - 'a' < 26u : px__ucs_is_letter(cp);
}
static inline bool px__is_upper(uint32_t cp)
{
    return cp < 0x80 ? cp - 'A' < 26u : px__ucs_is_upper(cp);
}
static inline bool px__is_lower(uint32_t cp)
{
    return cp < 0x80 ? cp - 'a' < 26u : px__ucs_is_lower(cp);
}
static inline bool px__is_digit(uint32_t cp) /* any Nd */
{
    return cp < 0x80 ? cp - '0' < 10u : px__ucs_is_digit(cp);
}
static inline bool px__is_mark(uint32_t cp) /* combining mark */
{
    return cp >= 0x80 && px__ucs_is_mark(cp);
}
static inline bool px__is_space(uint32_t cp) /* ' ' '\n' '\t' after normalisation */
{
    return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r';
}
bool px__is_terminal(uint32_t cp);   /* . ! ? … */

/* Appends a comparison form of text: NFC case-folded, with quotation
 * marks, apostrophes and dashes folded to their ASCII forms, so
 * typography alone never makes two strings differ. */
void px__fold_typography(px_buf *out, const char *s, size_t len, bool casefold);

/* ---- tokens ---- */
typedef PX_VEC(px_token) px_token_vec;
/* Tokenizes text[start, end) appending to *out. */
int px__tokenize(const char *text, size_t start, size_t end, px_token_vec *out);
/* True if the word (without final '.') is a known abbreviation that
 * keeps its full stop ("Mr", "Jan", "Gov", "etc"). title: set when it is
 * a title that never ends a sentence ("Mr", "Dr"). */
bool px__is_abbreviation(const char *w, size_t len, bool *title);
/* Words that tell a sentence has begun after "U.S." and the like. */
bool px__is_sentence_starter(const char *w, size_t len);
/* Reporting verbs used to keep "!" + "Trump wrote" in one sentence. */
bool px__is_speech_verb(const char *w, size_t len);

/* ---- sentences ---- */
typedef struct px_span {
    size_t start, end;
} px_span;
typedef PX_VEC(px_span) px_span_vec;
/* Splits tokens[first, first+n) of text into sentences, appending the
 * token index ranges as px_span {first_token, end_token}. */
int px__split_sentences(const char *text, const px_token *tokens, size_t first, size_t n,
                        px_span_vec *out);

#endif /* PX_TEXT_H */
