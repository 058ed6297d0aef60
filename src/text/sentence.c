/*
 * sentence.c - sentence splitting for news prose. A boundary is a
 * terminal mark (. ! ? ... …) or an abbreviation's full stop, followed by
 * closing quotation marks or brackets, followed by the start of a new
 * sentence. What makes news hard: titles ("Mr.", "Sir Keir"), initials,
 * "U.S." both inside and at the end of a sentence, quotations that hold
 * several sentences, and "!" or "?" inside a quotation that the
 * attribution continues ("“Now!” Trump wrote.").
 */
#include <string.h>

#include "text.h"

static uint32_t first_cp(const char *t, const px_token *tok)
{
    uint32_t cp;
    px__utf8_decode(t + tok->start, tok->end - tok->start, &cp);
    return cp;
}

static bool is_terminal_tok(const char *t, const px_token *tok)
{
    if (tok->kind != PX_TOK_PUNCT)
        return false;
    uint32_t cp = first_cp(t, tok);
    return px__is_terminal(cp);
}

static bool is_closer(const char *t, const px_token *tok)
{
    if (tok->kind == PX_TOK_QUOTE)
        return !(tok->flags & PX_TF_QOPEN);
    if (tok->kind == PX_TOK_PUNCT) {
        char c = t[tok->start];
        return c == ')' || c == ']';
    }
    return false;
}

/* A name of one to three capitalised words followed by a reporting verb:
 * "Trump wrote", "Mr Smith said", "the president said". */
static bool attribution_follows(const char *t, const px_token *tok, size_t i, size_t end)
{
    size_t k = i, words = 0;
    while (k < end && words < 4 && tok[k].kind == PX_TOK_WORD) {
        const char *w = t + tok[k].start;
        size_t len = tok[k].end - tok[k].start;
        if (px__is_speech_verb(w, len))
            return words > 0;
        bool lower = !(tok[k].flags & PX_TF_CAP);
        if (lower && !(words == 0 && (len == 3 && !memcmp(w, "the", 3))) && !(len <= 4))
            return false;
        k++;
        words++;
    }
    return false;
}

int px__split_sentences(const char *t, const px_token *tok, size_t first, size_t n,
                        px_span_vec *out)
{
    size_t end = first + n, sent_start = first;
    for (size_t i = first; i < end; i++) {
        const px_token *k = &tok[i];
        bool abbrev = k->kind == PX_TOK_WORD && (k->flags & PX_TF_ABBREV);
        if (!is_terminal_tok(t, k) && !abbrev)
            continue;
        /* absorb closing quotes and brackets */
        size_t j = i + 1;
        bool closed_quote = false;
        while (j < end && is_closer(t, &tok[j]) && !(tok[j].flags & PX_TF_SPACE_BEFORE &&
                                                      tok[j].kind == PX_TOK_QUOTE &&
                                                      !(tok[j].flags & PX_TF_QCLOSE))) {
            if (tok[j].kind == PX_TOK_QUOTE)
                closed_quote = true;
            j++;
        }
        if (j >= end)
            break; /* the block's end closes the sentence */
        const px_token *nx = &tok[j];
        if (!(nx->flags & PX_TF_SPACE_BEFORE))
            continue; /* "3.5", "end.Next" glued: not a boundary */
        uint32_t ncp = first_cp(t, nx);
        bool next_starts = px__is_upper(ncp) || px__is_digit(ncp) ||
                           (nx->kind == PX_TOK_QUOTE && (nx->flags & PX_TF_QOPEN)) ||
                           (nx->kind == PX_TOK_PUNCT && (t[nx->start] == '(' || t[nx->start] == '[')) ||
                           nx->kind == PX_TOK_DASH || (nx->flags & PX_TF_HANDLE);
        if (!next_starts)
            continue;
        const char *w = t + k->start;
        size_t wl = k->end - k->start;
        if (abbrev) {
            bool title = false;
            size_t base = wl - 1;
            bool dotted = memchr(w, '.', base) != NULL;
            if (!dotted && px__is_abbreviation(w, base, &title) && title)
                continue;
            uint32_t c0;
            size_t l0 = px__utf8_decode(w, base, &c0);
            bool initial = !dotted && l0 == base && px__is_upper(c0);
            /* "J. Smith", "Jan. 5", "U.S. officials": go on, unless the
             * next word plainly starts a sentence */
            if (nx->kind == PX_TOK_WORD &&
                !px__is_sentence_starter(t + nx->start, nx->end - nx->start))
                continue;
            if (nx->kind == PX_TOK_NUMBER)
                continue;
            if (initial && nx->kind == PX_TOK_WORD && (nx->flags & PX_TF_CAP) &&
                !px__is_sentence_starter(t + nx->start, nx->end - nx->start))
                continue;
        } else {
            char c = w[0];
            /* "!" or "?" (or "," style) inside a quotation the attribution
             * continues: “Have the meeting, now!” Trump wrote. */
            if ((c == '!' || c == '?') && closed_quote && attribution_follows(t, tok, j, end))
                continue;
            if (c == '.' && wl >= 3 && nx->kind == PX_TOK_WORD && !(nx->flags & PX_TF_CAP))
                continue; /* "..." followed by lower case */
        }
        px_span s = {sent_start, j};
        if (!PX_VEC_PUSH(*out, s))
            return PX_ENOMEM;
        sent_start = j;
        i = j - 1;
    }
    if (sent_start < end) {
        px_span s = {sent_start, end};
        if (!PX_VEC_PUSH(*out, s))
            return PX_ENOMEM;
    }
    return PX_OK;
}
