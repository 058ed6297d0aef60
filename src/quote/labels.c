/*
 * labels.c - labels before a colon: a speaker's name in a transcript or
 * an excerpt ("Clinton: “Our goal is ...”"), and the newsroom tags that
 * name no speaker ("Breaking:", "EXCLUSIVE:").
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* "Breaking: ...", "EXCLUSIVE: ...", "Revealed: ...", "CORRECTION: ...":
 * a label before a colon that tags the kind of item (a newsroom tag, or a
 * participle heading the headline), not anyone who speaks. */
bool px__format_label(const ctx *c, const rec *r)
{
    static const char *const tags[] = {
        "update", "updated", "correction", "clarification", "exclusive", "byline", "email",
        "watch", "look", "video", "photos", "opinion", "analysis", "editorial", "wow", "boom"};
    if (r->vb != r->va + 1 || !is_punct(c, r->va, ':') || r->sb != r->va || r->sa >= r->sb)
        return false;
    uint32_t a = r->sa, n = r->sb - r->sa;
    if (n == 2 && (is(c, a, "editor's") || is(c, a, "editor\xe2\x80\x99s") || is(c, a, "paid")) &&
        (is(c, a + 1, "note") || is(c, a + 1, "notice")))
        return true;
    if (n != 1 || c->t[a].kind != PX_TOK_WORD)
        return false;
    if (is_any(c, a, tags, sizeof tags / sizeof *tags))
        return true;
    size_t m = tlen(c, a);
    const char *w = tstr(c, a);
    if (m < 6 || c->qs.tok_block[a] != 0)
        return false; /* the kicker of a headline; a name like "Manning:" in a transcript */
    char e1 = (char)(w[m - 2] | 0x20), e2 = (char)(w[m - 1] | 0x20);
    char g1 = (char)(w[m - 3] | 0x20);
    return (e1 == 'e' && e2 == 'd') || (g1 == 'i' && e1 == 'n' && e2 == 'g');
}

/* "Clinton: "Our goal is ..." Bush: "The mission is ..."", "RED STATES
 * OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Gallup’s analysis ...”": a
 * name and a colon right before a quotation that ends its sentence label
 * the speaker of a transcript or an excerpt; the colon is the cue. The
 * name starts the unit or follows a dash or the end of the quotation
 * before. Returns the number of records added. */
size_t px__speaker_labels(ctx *c, size_t u)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    size_t added = 0;
    for (uint32_t e = a + 1; e + 1 < b; e++) {
        if (c->text[c->t[e].start] != ':')
            continue; /* cheap test first: this runs on every token */
        if (!is_punct(c, e, ':') || in_quote(c, e) || !opens_quote(c, e + 1))
            continue;
        int32_t q = c->qs.tok_quote[e + 1];
        if (c->title[q] || c->qs.v[q].close == PX__QSPAN_UNCLOSED)
            continue;
        /* the quotation ends the unit or the sentence before another label */
        uint32_t f = c->qs.v[q].end_tok;
        while (f < b && is_terminal_tok(c, f) && !is_punct(c, f, ':'))
            f++;
        uint32_t qe = c->qs.v[q].end_tok;
        if (f < b && !(c->t[f].kind == PX_TOK_WORD && (c->t[f].flags & PX_TF_CAP) &&
                       (f > qe || (qe >= 2 && is_terminal_tok(c, qe - 2)))))
            continue;
        /* the name: capitalised words (an initial, a party in parentheses) */
        uint32_t x = e;
        if (x > a + 2 && is_punct(c, x - 1, ')')) {
            uint32_t o = px__paren_open_before(c, a, x);
            if (!is_punct(c, o, '('))
                continue;
            x = o;
        }
        uint32_t words = 0, name_end = x;
        while (x > a && words < 5) {
            uint32_t w = x - 1;
            if (in_quote(c, w))
                break;
            if (c->t[w].kind == PX_TOK_WORD && (c->t[w].flags & PX_TF_CAP) &&
                !(lexf(c, w) & (LX_NAMESTOP | LX_PREP | LX_DET))) {
                x--;
                words++;
                continue;
            }
            /* "M." in "Jeffrey M. Jones" */
            if (is_punct(c, w, '.') && w > a && c->t[w - 1].kind == PX_TOK_WORD &&
                tlen(c, w - 1) == 1 && (c->t[w - 1].flags & PX_TF_CAP)) {
                x--;
                continue;
            }
            break;
        }
        if (!words)
            continue;
        bool clean_start = x == a || (c->t[x - 1].kind == PX_TOK_DASH && !in_quote(c, x - 1)) ||
                           closes_quote(c, x - 1) ||
                           (x >= a + 2 && is_terminal_tok(c, x - 1) && closes_quote(c, x - 2));
        if (!clean_start)
            continue;
        int32_t m = c->mn.tok_mention[name_end - 1];
        /* one word: a person, or the last name of one named in full before */
        bool person = m >= 0 && (entity_is_person(c, c->mn.m.v[m].entity) ||
                                 c->mn.e.v[c->mn.m.v[m].entity].n_name_toks >= 2);
        if (!person && words < 2)
            continue;
        rec r = {e + 1, c->qs.v[q].end_tok, x, e, e, e + 1, -1, false, NULL};
        r.entity = px__resolve(c, u, x, name_end);
        px__add_record(c, r);
        added++;
        e = c->qs.v[q].end_tok - 1;
    }
    return added;
}
