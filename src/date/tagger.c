/*
 * tagger.c - finds time expressions in the token stream and resolves
 * them, in the spirit of HeidelTime and SUTime: every word is looked up
 * once in a table of temporal words (atoms.c), then hand-written
 * patterns (pat_*.c) are tried at each position and the longest match
 * wins. This file is the driver: it walks the sentences, keeps what
 * earlier expressions tell later ones, and dates quoted words by when
 * they were said.
 *
 * A match that ends inside a token is widened to the whole token, as
 * TimeML spans always are.
 *
 * Values follow TimeML: 2025-05-15, 2025-W20, 2025-05, 2025-Q3, 2025-SU,
 * 199 (the 1990s), P30D, PT5H, PXY, XXXX-WXX-4 (every Thursday),
 * PRESENT_REF, PAST_REF, FUTURE_REF, and X placeholders when the
 * reference date is unknown. Expressions whose meaning depends on the
 * reference date and on tense ("Friday", "in March") look at the verbs
 * around them (tense.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

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
        int got = px__sentence_atoms(&atoms, doc, sent, quoted);
        if (got < 0)
            goto done;
        if (!got)
            continue;
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
                e = px__match_at(&t, i, &m);
            if (e) {
                /* widen to whole tokens: skip atoms of the same token */
                while (e < t.n && (t.a[e].flags & AF_HYPH))
                    e++;
                m.a1 = e;
                if (!PX_VEC_PUSH(found, m))
                    goto done;
                px__note_anchor(&st, &m);
                if (m.quarter) {
                    st.quarter_y = atoi(m.value);
                    st.quarter_q = m.value[6] - '0';
                }
                if (m.deictic && (t.a[m.a0].flags & AF_QUOTED))
                    quoted_deictic = true;
                i = e;
                /* "on April 24 and 25": the second day shares the month */
                match m2;
                if (px__second_day(&t, &m, &m2)) {
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
            if (px__match_at(&t2, m->a0, &again) && again.a1 == m->a1)
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
