/*
 * scan.c - pairs quotation marks into quotations in one linear pass over
 * the tokens. A small stack knows each open mark's style (single or
 * double, and which character opened it, so German „...“ and guillemets
 * pair up); a double closing mark closes the innermost open double even
 * when a single opened inside it never closed (it was an apostrophe).
 * Paragraphs bound quotations: an open quotation continues into the next
 * paragraph only when that paragraph opens with a mark (the newspaper
 * convention for multi-paragraph quotations) or closes the quotation
 * before opening another (a quotation broken across a line); otherwise it
 * ends, unclosed, at its paragraph's end, so a stray mark never swallows
 * the rest of the article.
 */
#include <stdlib.h>
#include <string.h>

#include "quote.h"

#define STACK_MAX 32

typedef struct open_mark {
    uint32_t tok;
    uint32_t cp; /* the opening character */
    bool single;
} open_mark;

static uint32_t first_cp(const px_doc *doc, const px_token *t)
{
    uint32_t cp;
    if (!px__utf8_decode(doc->text + t->start, t->end - t->start, &cp))
        return 0xFFFD;
    return cp;
}

/* Two adjacent straight single quotes ('') written for a double one. */
static bool is_double_apostrophe(const px_doc *doc, size_t i)
{
    const px_token *t = doc->toks;
    return i + 1 < doc->n_toks && t[i].kind == PX_TOK_QUOTE && t[i + 1].kind == PX_TOK_QUOTE &&
           t[i].end == t[i + 1].start && doc->text[t[i].start] == '\'' &&
           doc->text[t[i + 1].start] == '\'';
}

/* A closing character that matches an opener of another shape: „ is
 * closed by “ (German), ‚ by ‘. */
static bool closes_low9(uint32_t opener, uint32_t cp)
{
    return (opener == 0x201E && (cp == 0x201C || cp == 0x201F)) ||
           (opener == 0x201A && (cp == 0x2018 || cp == 0x201B));
}

static void record(const px_doc *doc, px__qscan *out, uint32_t open, uint32_t open_len,
                   uint32_t close, uint32_t last_tok, bool single)
{
    const px_token *t = doc->toks;
    px__qspan q;
    q.open = open;
    q.close = close;
    q.end_tok = last_tok + 1;
    q.single = single;
    q.ostart = t[open].start;
    q.oend = t[last_tok].end;
    q.istart = t[open + open_len - 1].end;
    q.iend = close == PX__QSPAN_UNCLOSED ? t[last_tok].end : t[close].start;
    while (q.istart < q.iend && (doc->text[q.istart] == ' ' || doc->text[q.istart] == '\n'))
        q.istart++;
    while (q.iend > q.istart && (doc->text[q.iend - 1] == ' ' || doc->text[q.iend - 1] == '\n'))
        q.iend--;
    if (q.iend <= q.istart)
        return; /* an empty pair ("") quotes nothing */
    out->v[out->n++] = q;
}

/* Does block b (starting at token i) close an open double quotation
 * before it opens one? Then a quotation runs across the line break. */
static bool block_closes_first(const px_doc *doc, const uint32_t *tok_block, size_t i)
{
    uint32_t b = tok_block[i];
    for (; i < doc->n_toks && tok_block[i] == b; i++) {
        const px_token *t = &doc->toks[i];
        if (t->kind != PX_TOK_QUOTE || (t->flags & PX_TF_QSINGLE))
            continue;
        return (t->flags & PX_TF_QCLOSE) != 0;
    }
    return false;
}

/* An opening curly double mark at token i while a double quotation is
 * open: is it a quotation inside that one ("“I'd rather live in what he
 * calls “hell” than live ...”")? Then the next two double marks of the
 * paragraph can only close. */
static bool nested_double(const px_doc *doc, const uint32_t *tok_block, size_t i)
{
    const px_token *t = doc->toks;
    if (!(t[i].flags & PX_TF_QOPEN))
        return false;
    int closers = 0;
    for (size_t j = i + 1; j < doc->n_toks && tok_block[j] == tok_block[i] && j < i + 400; j++) {
        if (t[j].kind != PX_TOK_QUOTE || (t[j].flags & PX_TF_QSINGLE))
            continue;
        if (!(t[j].flags & PX_TF_QCLOSE))
            return false;
        if (++closers == 2)
            return true;
    }
    return false;
}

int px__quote_scan(const px_doc *doc, px__qscan *out)
{
    memset(out, 0, sizeof(*out));
    size_t n = doc->n_toks;
    const px_token *t = doc->toks;
    out->tok_quote = px__malloc((n + 1) * sizeof(*out->tok_quote));
    out->tok_block = px__malloc((n + 1) * sizeof(*out->tok_block));
    /* at most one quotation per mark (an unclosed one has a single mark) */
    size_t n_marks = 0;
    for (size_t i = 0; i < n; i++)
        n_marks += t[i].kind == PX_TOK_QUOTE;
    out->v = px__malloc((n_marks + 1) * sizeof(*out->v));
    if (!out->tok_quote || !out->tok_block || !out->v) {
        px__qscan_release(out);
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        out->tok_quote[i] = PX__NO_QUOTE;
        out->tok_block[i] = UINT32_MAX;
    }
    for (size_t s = 0; s < doc->n_sents; s++) {
        const px_sentence *se = &doc->sents[s];
        for (size_t k = se->first_token; k < se->first_token + se->n_tokens && k < n; k++)
            out->tok_block[k] = (uint32_t)se->block;
    }
    for (size_t i = 0; i < n; i++)
        if (out->tok_block[i] == UINT32_MAX)
            out->tok_block[i] = i ? out->tok_block[i - 1] : 0;

    open_mark stack[STACK_MAX];
    uint32_t open_len0 = 1; /* tokens in the bottom opener ('' is two) */
    size_t sp = 0;
    uint32_t cur_block = n ? out->tok_block[0] : 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t b = out->tok_block[i];
        bool continuation = false;
        if (b != cur_block) {
            cur_block = b;
            if (sp) {
                bool any_double = false;
                for (size_t k = 0; k < sp; k++)
                    any_double |= !stack[k].single;
                bool opens = t[i].kind == PX_TOK_QUOTE && !(t[i].flags & PX_TF_QCLOSE);
                if (any_double && opens)
                    continuation = true;
                else if (!(any_double && block_closes_first(doc, out->tok_block, i))) {
                    /* the quotation ends unclosed with its paragraph */
                    if (!stack[0].single)
                        record(doc, out, stack[0].tok, open_len0, PX__QSPAN_UNCLOSED,
                               (uint32_t)i - 1, false);
                    sp = 0;
                }
                if (continuation) {
                    /* drop singles left open in the paragraph before */
                    while (sp && stack[sp - 1].single)
                        sp--;
                    if (is_double_apostrophe(doc, i))
                        i++;
                    continue;
                }
            }
        }
        if (t[i].kind != PX_TOK_QUOTE)
            continue;
        uint32_t cp = first_cp(doc, &t[i]);
        bool single = (t[i].flags & PX_TF_QSINGLE) != 0;
        size_t len = 1;
        uint16_t fl = t[i].flags;
        if (single && is_double_apostrophe(doc, i)) {
            single = false;
            len = 2;
            /* '' opens when the second quote is glued to a word */
            uint16_t f2 = t[i + 1].flags;
            if (i == 0 || out->tok_block[i - 1] != out->tok_block[i])
                fl |= PX_TF_SPACE_BEFORE;
            fl = (uint16_t)((fl & ~(PX_TF_QOPEN | PX_TF_QCLOSE)) |
                            ((f2 & PX_TF_QOPEN) && (fl & PX_TF_SPACE_BEFORE)
                                 ? PX_TF_QOPEN
                                 : !(fl & PX_TF_SPACE_BEFORE) ? PX_TF_QCLOSE : 0));
        }
        bool can_open = !(fl & PX_TF_QCLOSE);
        bool can_close = !(fl & PX_TF_QOPEN);
        if (sp && closes_low9(stack[sp - 1].cp, cp))
            can_close = true;
        /* an opening shape glued to the word before and followed by a
         * space closes (a typo: fascist?“ he asked) */
        if (!can_close && sp && !single && !(fl & PX_TF_SPACE_BEFORE) && i > 0 &&
            out->tok_block[i - 1] == b &&
            (i + 1 >= n || (t[i + 1].flags & PX_TF_SPACE_BEFORE) || out->tok_block[i + 1] != b))
            can_close = true;
        if (!single) {
            size_t k = sp;
            while (k && stack[k - 1].single)
                k--;
            if (k && can_close) {
                /* three apostrophes after a single quotation inside a double
                 * one (''... 'We will,''' he said) read as a double mark and
                 * an apostrophe: the apostrophe closes the single one and is
                 * part of the double quotation */
                size_t extra = k < sp && i + len < n && t[i + len].kind == PX_TOK_QUOTE &&
                               (t[i + len].flags & PX_TF_QSINGLE) &&
                               t[i + len].start == t[i + len - 1].end &&
                               doc->text[t[i + len].start] == '\'' &&
                               !(i + len + 1 < n && t[i + len + 1].start == t[i + len].end);
                sp = k - 1;
                if (sp == 0)
                    record(doc, out, stack[0].tok, open_len0, (uint32_t)i,
                           (uint32_t)(i + len - 1 + extra), false);
                i += extra;
            } else if (can_open) {
                if (k && sp < STACK_MAX && nested_double(doc, out->tok_block, i)) {
                    /* “... what he calls “hell” than ...”: a quotation
                     * inside the open one, both closed after it */
                    stack[sp++] = (open_mark){(uint32_t)i, cp, false};
                    i += len - 1;
                    continue;
                }
                if (k) {
                    /* an opener while one is open: the first never closed */
                    if (stack[0].single == false && i > 0)
                        record(doc, out, stack[0].tok, open_len0, PX__QSPAN_UNCLOSED,
                               (uint32_t)i - 1, false);
                    sp = 0;
                }
                if (sp < STACK_MAX) {
                    if (sp == 0)
                        open_len0 = (uint32_t)len;
                    stack[sp++] = (open_mark){(uint32_t)i, cp, false};
                }
            }
        } else {
            if (sp && stack[sp - 1].single && can_close) {
                sp--;
                if (sp == 0)
                    record(doc, out, stack[0].tok, open_len0, (uint32_t)i, (uint32_t)i, true);
            } else if (can_open && i + 1 < n && t[i + 1].start == t[i].end &&
                       t[i + 1].kind == PX_TOK_WORD && !(t[i + 1].flags & PX_TF_DIGIT) &&
                       sp < STACK_MAX) {
                if (sp == 0)
                    open_len0 = 1;
                stack[sp++] = (open_mark){(uint32_t)i, cp, true};
            }
        }
        i += len - 1;
    }
    if (sp && !stack[0].single && n)
        record(doc, out, stack[0].tok, open_len0, PX__QSPAN_UNCLOSED, (uint32_t)n - 1, false);
    for (size_t q = 0; q < out->n; q++)
        for (uint32_t k = out->v[q].open; k < out->v[q].end_tok; k++)
            out->tok_quote[k] = (int32_t)q;
    return PX_OK;
}

void px__qscan_release(px__qscan *s)
{
    if (!s)
        return;
    free(s->v);
    free(s->tok_quote);
    free(s->tok_block);
    memset(s, 0, sizeof(*s));
}
