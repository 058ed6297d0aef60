/*
 * attrib.c - who said what: the driver of attribution. The text is cut
 * into units (sentences joined so that no unit boundary falls inside a
 * quotation, units.c); in each unit every reporting cue outside quotations
 * (said, told, according to, adding, ...; cue.c) becomes an attribution,
 * by the rule of its kind (verb.c, participle.c, nominal.c), whose source
 * is the noun phrase before the cue (or after it, inverted: "said Mr
 * Smith"; np.c, source.c), and whose content is the clause after it ("X
 * said that ...") or the quotation before it ("'...,' X said"; content.c,
 * content_trim.c). A quotation interrupted by its attribution is one
 * record; a quotation alone in its unit takes the speaker introduced by a
 * colon in the unit before (colon.c), or carries over the speaker of the
 * quotation before. Speaker labels (labels.c), signed and embedded posts
 * (posts.c), the inverted and comma forms (inverted.c) and the other
 * special forms (forms.c) have files of their own; record.c filters the
 * records and writes the px_quote values. Speakers are resolved to names
 * through the mention table (mention.c). Content spans follow PolNeAR: the
 * quotation marks of a direct quotation and the writer's words around a
 * partial one are part of span_start..span_end; start..end excludes the
 * marks. attrib.h describes the seams between the stages.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "model.h"

/* The rule for a cue at token k of type ct (cue_type(), px__tag_verb):
 * "according to" and nominal cues (nominal.c), participles and the
 * question of "asked" (participle.c), else a finite reporting verb
 * (verb.c). A verb with its preposition ("called for", "made it clear")
 * is a cue of two or three words; one in -ing is a participle ("calling
 * for"); a participle after a form of "be" ("The White House is saying
 * that ...") is the finite verb of its clause. Returns the last token the
 * rule consumed (k when none). */
static uint32_t attribute_cue(unit_run *ur, uint32_t k, int ct)
{
    ctx *c = ur->c;
    rec r = {0, 0, 0, 0, k, k + 1, -1, false, NULL};
    /* the first token after the cue */
    uint32_t ke = ct == CUE_PREPV ? k + 2 : k + 1;
    if (ct == CUE_PREPV && px__made_it_clear(c, k))
        ke = k + 3;
    if (ct == CUE_PREPV) {
        r.vb = ke;
        size_t n = tlen(c, k);
        if (n > 4 && !strncmp(tstr(c, k) + n - 3, "ing", 3))
            ct = CUE_PART;
    }
    if (ct == CUE_ACCORDING)
        return px__according_cue(ur, k);
    if (ct == CUE_NOUN)
        return px__noun_cue(ur, k);
    bool prog = ct == CUE_PART && px__progressive_be(c, ur->a, k);
    if (prog)
        ct = CUE_VERB;
    if (ct == CUE_PART)
        return px__participle_cue(ur, r, k, ke);
    uint32_t next;
    if (px__asked_question(ur, &r, k, ke, ct, &next))
        return next;
    px__verb_cue(ur, r, k, ke, ct, prog);
    return k;
}

/* Every cue of the unit, in text order (px__unit_cue proposes them); a
 * word that is no cue may be a verb of appearance ("is expected to",
 * px__raising). */
static void attribute_cues(unit_run *ur)
{
    ctx *c = ur->c;
    uint32_t last_close = UINT32_MAX; /* the last closing mark seen */
    for (uint32_t k = ur->a; k < ur->b; k++) {
        if (c->t[k].kind == PX_TOK_QUOTE && closes_quote(c, k))
            last_close = k;
        int ct = px__unit_cue(c, ur->a, ur->b, k, last_close);
        if (ct != CUE_NONE) {
            k = attribute_cue(ur, k, ct);
            continue;
        }
        char ch = c->text[c->t[k].start];
        if ((ch == 'e' || ch == 's' || ch == 'a') && c->t[k].kind == PX_TOK_WORD)
            px__raising(c, ur->a, ur->b, k);
    }
}

/* The rules of unit u, in order. The forms that take a whole unit come
 * first (speaker labels, a headline's "Name: ..."), then the cues, then
 * the forms that add a record only for a quotation no record of the unit
 * covers, then the quotation alone in its unit. *colon_intro carries a
 * colon introduction ("He said:") from the unit before, and is set when
 * this unit introduces the next; *consumed_next is set when a record took
 * in the next unit. */
static void attribute_unit(ctx *c, size_t u, bool *consumed_next, rec *colon_intro)
{
    unit_run ur = {c, u, &c->units[u], c->units[u].a, c->units[u].b, c->recs.n, consumed_next,
                   colon_intro};
    *consumed_next = false;
    if (px__speaker_labels(c, u))     /* Clinton: “...” Bush: “...” */
        return;
    px__as_put_it(c, u);              /* as X put it, ... */
    px__poll_lead(c, u);              /* In a CNN poll, 40 percent ... */
    if (px__headline_colon(&ur))      /* Bernie Sanders: 'Of Course' ... */
        return;
    attribute_cues(&ur);              /* X said ..., “...,” X said */
    px__subject_colon_intro(&ur);     /* X spoke to reporters: then “...” */
    px__quote_after_cue(&ur);         /* X insisted ..., “...” */
    px__as_quote(c, u, ur.first_rec); /* X heralded the deal as a “...” */
    px__comma_verb_quote(c, u, ur.first_rec);    /* He jokes, “...” */
    px__from_colon_quote(c, u, ur.first_rec);    /* From the report: “...” */
    px__inverted_said_quote(c, u, ur.first_rec); /* Said Comey, “...” */
    px__colon_quote(c, u, ur.first_rec);         /* Kasich resisted: “...” */
    if (c->recs.n == ur.first_rec)
        px__lone_quotation(&ur); /* “...” alone */
}

/* The lexicon flags of every token ("May" and "Will" after a name are
 * part of it: px__name_part), the titles among the quotations, and the
 * headline in title case whose capitalised verbs are cues. */
static void mark_words(ctx *c)
{
    const px_doc *doc = c->doc;
    for (size_t i = 0; i < doc->n_toks; i++)
        c->lex[i] = LX_DONE | (c->t[i].kind == PX_TOK_WORD
                                   ? px__lex_wn(c->text + c->t[i].start,
                                                c->t[i].end - c->t[i].start, &c->wn[i])
                                   : 0);
    for (size_t i = 1; i < doc->n_toks; i++)
        if ((c->lex[i] & LX_AUX) && px__name_part(c, i))
            c->lex[i] &= ~(LX_AUX | LX_NPSTOP | LX_NOTAPPOS | LX_PREP);
    for (size_t i = 0; i < c->qs.n; i++)
        c->title[i] = px__is_title(c, &c->qs.v[i]);
    c->hl_block = px__headline_block(c);
}

/* The rules of every unit in text order, and a quotation signed with a
 * dash after it; a colon introduction applies to the unit right after,
 * and a unit taken in by a record of the unit before is skipped. */
static void attribute_units(ctx *c)
{
    for (size_t u = 0; u < c->n_units; u++) {
        bool skip = false;
        rec intro = {0};
        attribute_unit(c, u, &skip, &intro);
        px__dash_signature(c, u);
        if (intro.ca && u + 1 < c->n_units) {
            attribute_unit(c, u + 1, &skip, &intro);
            u++;
        }
        if (skip)
            u++;
    }
}

/* The rules' cue type of token i for the model (model.h): none inside a
 * quotation, as px__cue_type_uncached decides. */
static int model_rule_cue(const void *ctx_, uint32_t i)
{
    const ctx *c = ctx_;
    return in_quote(c, i) ? CUE_NONE : cue_type(c, i);
}

/* The learned cue detector (model.c) sees the document as the rules leave
 * it (model.h) and adds the attributions they never find. */
static int model_attributions(ctx *c)
{
    px__qm_doc v = {c->doc, &c->qs, &c->mn, c->lex, c->wn, model_rule_cue, c, NULL, 0, NULL, 0};
    px__qm_rec *props = NULL;
    size_t n_props = 0;
    px__qm_unit *units = px__malloc((c->n_units + 1) * sizeof(*units));
    px__qm_rec *recs = px__malloc((c->recs.n + 1) * sizeof(*recs));
    int rc = PX_ENOMEM;
    if (!units || !recs)
        goto done;
    for (size_t u = 0; u < c->n_units; u++)
        units[u] = (px__qm_unit){c->units[u].a, c->units[u].b};
    for (size_t i = 0; i < c->recs.n; i++) {
        const rec *r = &c->recs.v[i];
        recs[i] = (px__qm_rec){r->ca, r->cb, r->sa, r->sb, r->va, r->vb, r->embedded};
    }
    v.units = units;
    v.n_units = c->n_units;
    v.recs = recs;
    v.n_recs = c->recs.n;
    if (px__qm_trace)
        px__qm_trace(&v, px__qm_trace_user);
    if ((rc = px__qm_propose(&v, &props, &n_props)))
        goto done;
    for (size_t i = 0; i < n_props; i++) {
        const px__qm_rec *p = &props[i];
        rec r = {p->ca, p->cb, p->sa, p->sb, p->va, p->vb, -1, false, NULL};
        if (r.sb > r.sa) {
            int32_t u = px__unit_of_token(c, r.va);
            if (u >= 0)
                r.entity = px__resolve(c, (size_t)u, r.sa, r.sb);
        }
        if (!PX_VEC_PUSH(c->recs, r))
            c->oom = true;
    }
done:
    free(props);
    free(units);
    free(recs);
    return rc;
}

int px_quotes_find(px_doc *doc, const px_quote **out, size_t *n)
{
    if (doc->quotes_done) {
        *out = doc->quotes;
        *n = doc->n_quotes;
        return PX_OK;
    }
    *out = NULL;
    *n = 0;
    ctx c;
    memset(&c, 0, sizeof(c));
    c.doc = doc;
    c.t = doc->toks;
    c.text = doc->text;
    c.lex = px__calloc(doc->n_toks + 1, sizeof(*c.lex));
    c.cues = px__calloc(doc->n_toks + 1, 1);
    c.wn = px__calloc(doc->n_toks + 1, sizeof(*c.wn));
    int rc = PX_ENOMEM;
    if (!c.lex || !c.cues || !c.wn)
        goto done;
    if ((rc = px__quote_scan(doc, &c.qs)))
        goto done;
    c.title = px__calloc(c.qs.n + 1, 1);
    if (!c.title) {
        rc = PX_ENOMEM;
        goto done;
    }
    mark_words(&c);
    if ((rc = px__mentions_build(doc, &c.qs, c.lex, &c.mn)))
        goto done;
    /* the words of a title are the writer's: no quotation holds them */
    for (size_t i = 0; i < c.qs.n; i++)
        if (c.title[i])
            for (uint32_t k = c.qs.v[i].open; k < c.qs.v[i].end_tok; k++)
                c.qs.tok_quote[k] = PX__NO_QUOTE;
    if ((rc = px__build_units(&c)))
        goto done;
    attribute_units(&c);
    px__embedded_posts(&c);
    if ((rc = model_attributions(&c)))
        goto done;
    if (c.oom) {
        rc = PX_ENOMEM;
        goto done;
    }
    rc = px__finish(&c, &doc->quotes, &doc->n_quotes);
    if (!rc) {
        doc->quotes_done = true;
        *out = doc->quotes;
        *n = doc->n_quotes;
    }
done:
    px__qscan_release(&c.qs);
    px__mentions_release(&c.mn);
    free(c.units);
    free(c.lex);
    free(c.wn);
    free(c.cues);
    free(c.title);
    PX_VEC_FREE(c.recs);
    return rc;
}

const char *px_quote_kind_name(px_quote_kind kind)
{
    switch (kind) {
    case PX_QUOTE_DIRECT:
        return "direct";
    case PX_QUOTE_PARTIAL:
        return "partial";
    case PX_QUOTE_INDIRECT:
        return "indirect";
    case PX_QUOTE_EMBEDDED:
        return "embedded";
    }
    return "unknown";
}
