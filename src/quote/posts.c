/*
 * posts.c - signed quotations: a quotation signed with a dash ("...”―
 * Carla Sanchez") and an embedded social media post ("— Name (@handle)
 * May 11, 2025" after the post).
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* A quotation signed with a dash: "...”― Carla Sanchez." (the dash
 * may start the next unit). */
void px__dash_signature(ctx *c, size_t u)
{
    const unit *un = &c->units[u];
    for (uint32_t k = un->a; k < un->b; k++) {
        if (c->t[k].kind != PX_TOK_DASH || in_quote(c, k) || k == 0 || !closes_quote(c, k - 1))
            continue;
        uint32_t e = k + 1;
        while (e < un->b && c->t[e].kind == PX_TOK_WORD && (c->t[e].flags & PX_TF_CAP) &&
               !(c->t[e].flags & PX_TF_HANDLE) && e < k + 6)
            e++;
        uint32_t f = e;
        while (f < un->b && is_terminal_tok(c, f))
            f++;
        if (e == k + 1 || f < un->b)
            continue;
        int32_t q = c->qs.tok_quote[k - 1];
        rec r = {c->qs.v[q].open, k, k + 1, e, k, k + 1, -1, false, NULL};
        r.entity = px__mentions_lookup(c->doc, &c->mn, r.sa, r.sb, r.sa);
        px__add_record(c, r);
        return;
    }
}

/* "— Name (@handle) May 11, 2025" after a post: the post is the block
 * before. */
void px__embedded_posts(ctx *c)
{
    px_doc *d = c->doc;
    for (size_t bi = 1; bi < d->n_blocks; bi++) {
        const px_block *bl = &d->blocks[bi];
        if (!bl->n_sentences)
            continue;
        const px_sentence *s0 = &d->sents[bl->first_sentence];
        uint32_t a = (uint32_t)s0->first_token;
        const px_sentence *sl = &d->sents[bl->first_sentence + bl->n_sentences - 1];
        uint32_t b = (uint32_t)(sl->first_token + sl->n_tokens);
        if (b <= a + 2 || c->t[a].kind != PX_TOK_DASH || b - a > 40)
            continue;
        uint32_t handle = 0;
        for (uint32_t k = a; k < b; k++)
            if (c->t[k].flags & PX_TF_HANDLE) {
                handle = k;
                break;
            }
        if (!handle || !is_punct(c, handle - 1, '('))
            continue;
        const px_block *pb = &d->blocks[bi - 1];
        if (!pb->n_sentences)
            continue;
        uint32_t ca = (uint32_t)d->sents[pb->first_sentence].first_token;
        const px_sentence *pl = &d->sents[pb->first_sentence + pb->n_sentences - 1];
        uint32_t cb = (uint32_t)(pl->first_token + pl->n_tokens);
        uint32_t ne = a + 1;
        while (ne < handle - 1 && !is_punct(c, ne, '(') && !(tlen(c, ne) == 1 && tstr(c, ne)[0] == '/'))
            ne++;
        rec r = {ca, cb, a + 1, ne, a, a + 1, -1, true, NULL};
        if (ne == a + 1)
            r.sa = handle, r.sb = handle + 1;
        r.entity = px__mentions_lookup(d, &c->mn, r.sa, r.sb, r.sa);
        if (r.entity >= 0 && c->mn.e.v[r.entity].n_name_toks < 2)
            r.entity = -1;
        if (r.entity < 0) {
            size_t s = c->t[r.sa].start, e = c->t[r.sb - 1].end;
            r.name = px_arena_strndup(&d->arena, c->text + s, e - s);
        }
        px__add_record(c, r);
    }
}
