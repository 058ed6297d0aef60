/*
 * atoms.c - the tagger's view of the words: the lexicon of temporal
 * words (lexicon.inc) and the atoms tokens are cut into. Hyphenated words
 * are split ("third-quarter" -> third, quarter; "30-day" -> 30, day) so
 * one pattern serves both spellings; each atom is lower-cased and looked
 * up once, here.
 */
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

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

/* The atoms of sentence sent in *v (its contents replaced), with two
 * blank atoms after the end and each atom's distance to the next one a
 * pattern can anchor on. Returns 1, 0 when the sentence has nothing a
 * pattern can start from (most have not), or -1 when out of memory. */
int px__sentence_atoms(atom_vec *v, const px_doc *doc, const px_sentence *sent, const bool *quoted)
{
    /* each word is lower-cased and looked up once, here; a sentence
     * with nothing a pattern can start from (most have) is dropped */
    bool trigger = false;
    v->n = 0;
    for (size_t k = sent->first_token; k < sent->first_token + sent->n_tokens; k++) {
        const px_token *tk = &doc->toks[k];
        size_t before = v->n;
        if (!push_token_atoms(v, doc->text, tk, quoted[k]))
            return -1;
        if (tk->flags & PX_TF_DIGIT)
            trigger = true;
        else if (!trigger && tk->kind == PX_TOK_WORD)
            for (size_t a = before; a < v->n && !trigger; a++)
                trigger = v->v[a].lex && lex_is_trigger(v->v[a].lex);
    }
    if (!trigger)
        return 0;
    /* two blank atoms after the end, so patterns may look one or two
     * ahead without bounds checks */
    atom blank;
    memset(&blank, 0, sizeof(blank));
    blank.num = -1;
    if (!PX_VEC_PUSH(*v, blank) || !PX_VEC_PUSH(*v, blank))
        return -1;
    /* how far each atom is from the next word a pattern can anchor on:
     * a pattern spans one, so an atom far from any needs no search */
    for (size_t k = v->n - 2, next = SIZE_MAX; k-- > 0;) {
        const atom *a = &v->v[k];
        if (atom_can_anchor(a))
            next = k;
        size_t d = next == SIZE_MAX ? 255 : next - k;
        v->v[k].to_trigger = (uint8_t)(d > 255 ? 255 : d);
    }
    return 1;
}
