/*
 * record.c - records: every attribution a rule proposes goes through
 * px__add_record(), which fixes its source and content bounds and drops it
 * when it reports nothing; px__finish() then drops nested and repeated
 * records and turns the rest into px_quote values.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* "has been [endorsed] by dozens of papers", "Trump [was criticized] for
 * failing to ...": the cue is a passive participle, so what follows it is
 * the agent or a circumstance, not what was said (that is the subject).
 * Verbs of telling keep their message after the passive ("was asked,
 * 'What ...?'", "was told that ...", "is said to ..."). A content opening
 * with "by" is an agent phrase in any case. */
static bool passive_after(const ctx *c, const rec *r)
{
    static const char *const message_verbs[] = {
        "asked", "told", "informed", "warned", "assured", "advised", "reminded", "urged",
        "instructed", "promised", "shown", "said", "quoted", "taught", "cited", "directed",
        "ordered", "encouraged", "expected", "believed", "thought", "reported", "known",
        "rumored", "alleged", "supposed", "considered", "seen"};
    if (r->vb <= r->va || r->va >= r->ca || in_quote(c, r->ca))
        return false;
    if (is(c, r->ca, "by"))
        return true;
    uint32_t v = r->va;
    if (v == 0 || (c->t[v].flags & PX_TF_CAP) || in_quote(c, v))
        return false;
    if (!word_ends(c, v, "ed") && !word_ends(c, v, "en") && !word_ends(c, v, "wn") &&
        !is(c, v, "found") && !is(c, v, "heard") && !is(c, v, "sought"))
        return false;
    if (is_any(c, v, message_verbs, sizeof message_verbs / sizeof *message_verbs))
        return false;
    uint32_t b = v - 1;
    if (b > 0 && is_ly_adverb(c, b))
        b--;
    return is(c, b, "is") || is(c, b, "was") || is(c, b, "were") || is(c, b, "are") ||
           is(c, b, "been") || is(c, b, "be") || is(c, b, "being") || is(c, b, "get") ||
           is(c, b, "gets") || is(c, b, "got");
}

/* Every record a rule proposes comes here: its source is checked
 * (px__check_source), its content bounds refined (px__refine_content,
 * content_trim.c), and it is dropped when it has no content, when its cue
 * is a passive participle whose agent follows (passive_after) or a
 * newsroom label (px__format_label). */
void px__add_record(ctx *c, rec r)
{
    px__check_source(c, &r);
    if (!px__refine_content(c, &r))
        return;
    if (r.cb <= r.ca || passive_after(c, &r) || px__format_label(c, &r))
        return;
    if (!PX_VEC_PUSH(c->recs, r))
        c->oom = true;
}

/* Does a record added since first_rec (the records of the unit) hold a
 * content that overlaps tokens [a, b)? The patterns that add a record for
 * a quotation only when no other rule has taken it ask this. */
bool px__recs_overlap(const ctx *c, size_t first_rec, uint32_t a, uint32_t b)
{
    for (size_t i = first_rec; i < c->recs.n; i++)
        if (c->recs.v[i].ca < b && c->recs.v[i].cb > a)
            return true;
    return false;
}

static int cmp_rec(const void *x, const void *y)
{
    const rec *p = x, *q = y;
    if (p->ca != q->ca)
        return p->ca < q->ca ? -1 : 1;
    if (p->cb != q->cb)
        return p->cb < q->cb ? -1 : 1;
    return (p->va > q->va) - (p->va < q->va);
}

static size_t sentence_of(const px_doc *d, uint32_t tok)
{
    size_t lo = 0, hi = d->n_sents;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents[mid].first_token + d->sents[mid].n_tokens <= tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->n_sents ? lo : (d->n_sents ? d->n_sents - 1 : 0);
}

/* Cues that report speech itself: an attribution with one of them is
 * kept inside another's content ("officials said he told them ..."). */
static bool speech_cue(const ctx *c, uint32_t k)
{
    static const char *const w[] = {"said",    "say",     "says",      "saying", "adding",
                                    "according", "wrote",
                                    "tweeted", "called",  "suggested", "referring",
                                    "asked",   "accused", "criticized", "pointing"};
    for (size_t i = 0; i < PX_ARRAY_LEN(w); i++)
        if (is(c, k, w[i]))
            return true;
    return false;
}

/* "Clark said, noting he would ...", "Trump has promised to build a
 * wall, suggesting that ...": a second statement of the same speaker
 * after the first one's cue is an attribution of its own, though the
 * first content runs over it. */
static bool same_speaker_after(const ctx *c, rec r, uint32_t sa, uint32_t sb)
{
    size_t n = tlen(c, r.va);
    return r.sb > r.sa && r.sa == sa && r.sb == sb && n > 4 &&
           !memcmp(tstr(c, r.va) + n - 3, "ing", 3);
}

static int cmp_rec_outer(const void *x, const void *y)
{
    const rec *p = x, *q = y;
    if (p->ca != q->ca)
        return p->ca < q->ca ? -1 : 1;
    return (p->cb < q->cb) - (p->cb > q->cb);
}

/* Drops the attributions whose content lies inside another's content
 * unless their cue reports speech: "X said they believe Y" is X's
 * statement; "they believe" within it is part of it, not a second
 * attribution (PolNeAR annotates the outer one). */
static void drop_nested(ctx *c)
{
    size_t n = c->recs.n;
    if (n < 2)
        return;
    px__qsort(c->recs.v, n, sizeof(rec), cmp_rec_outer);
    size_t k = 0;
    uint32_t max_cb = 0;
    uint32_t max_ca = 0, max_sa = 0, max_sb = 0;
    for (size_t i = 0; i < n; i++) {
        rec r = c->recs.v[i];
        bool nested = i > 0 && max_cb >= r.cb && !(max_ca == r.ca && max_cb == r.cb) &&
                      !r.embedded && r.vb > r.va && !speech_cue(c, r.va) &&
                      !same_speaker_after(c, r, max_sa, max_sb);
        if (r.cb > max_cb || i == 0) {
            max_cb = r.cb;
            max_ca = r.ca;
            max_sa = r.sa;
            max_sb = r.sb;
        }
        if (!nested)
            c->recs.v[k++] = r;
    }
    c->recs.n = k;
}

/* How far cue r.va..r.vb stands from its content (tokens). */
static uint32_t cue_gap(const rec *r)
{
    if (r->vb <= r->va)
        return UINT32_MAX;
    if (r->vb <= r->ca)
        return r->ca - r->vb;
    return r->va >= r->cb ? r->va - r->cb : 0;
}

/* One stretch of text is one report: when two cues claim the very same
 * content ("voters say they think [she could win]"), it is reported once,
 * by the outer statement, whose cue is the farther one (as in
 * drop_nested, PolNeAR annotates the outer one). Runs on the records
 * sorted by drop_nested (same spans adjacent). */
static void drop_same_content(ctx *c)
{
    size_t k = 0;
    for (size_t i = 0; i < c->recs.n; i++) {
        rec r = c->recs.v[i];
        if (k > 0 && c->recs.v[k - 1].ca == r.ca && c->recs.v[k - 1].cb == r.cb &&
            !r.embedded && !c->recs.v[k - 1].embedded) {
            const rec *p = &c->recs.v[k - 1];
            /* the same cue twice: the record that knows its source */
            if (cue_gap(&r) > cue_gap(p) ||
                (cue_gap(&r) == cue_gap(p) && r.va == p->va && r.sb > r.sa && p->sb <= p->sa))
                c->recs.v[k - 1] = r;
            continue;
        }
        c->recs.v[k++] = r;
    }
    c->recs.n = k;
}

/* w[0..n) is lit (lower-case ASCII) in any case */
static bool ascii_eq(const char *w, size_t n, const char *lit)
{
    if (strlen(lit) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]) != lit[i])
            return false;
    return true;
}

/* The end (bytes) of a source's last token i without the clitic of a
 * personal pronoun: PolNeAR spans "[he]'s said", "[I]'ve suggested". */
size_t px__clitic_end(const ctx *c, uint32_t i)
{
    static const char *const prons[] = {"i", "you", "we", "they", "he", "she", "it", "who"};
    static const char *const clitics[] = {"ve", "re", "ll", "d", "s", "m"};
    const char *w = tstr(c, i);
    size_t n = tlen(c, i);
    for (size_t x = 1; x < n && x < 5; x++) {
        uint32_t cp;
        size_t l = px__utf8_decode(w + x, n - x, &cp);
        if (!l || !px__is_apostrophe(cp))
            continue;
        bool pron = false, clitic = false;
        for (size_t j = 0; j < PX_ARRAY_LEN(prons) && !pron; j++)
            pron = ascii_eq(w, x, prons[j]);
        for (size_t j = 0; j < PX_ARRAY_LEN(clitics) && !clitic; j++)
            clitic = ascii_eq(w + x + l, n - x - l, clitics[j]);
        return pron && clitic ? c->t[i].start + x : c->t[i].end;
    }
    return c->t[i].end;
}

/* A content that holds no whole quotation may hold part of one, or lie
 * just inside its marks: "[That could help ... the \"Super Tuesday\"
 * primary ...], Jones said", "he said [that he was referring to
 * Obama's decisions, “not to the President himself].”". *cut becomes
 * the quoted words of the content (bytes) of the first quotation (not a
 * title) that overlaps it: the quotations from qi on open at or after
 * the content's first token, qi - 1 may open before it. */
static bool quotation_cut(const ctx *c, size_t qi, const rec *r, px_quote_part *cut)
{
    size_t s = c->t[r->ca].start, e = c->t[r->cb - 1].end;
    for (size_t x = qi ? qi - 1 : 0; x < c->qs.n && c->qs.v[x].open < r->cb; x++) {
        const px__qspan *q = &c->qs.v[x];
        if (c->title[x] || q->end_tok <= r->ca || q->iend <= s || q->istart >= e)
            continue;
        cut->start = PX_MAX(q->istart, s);
        cut->end = PX_MIN(q->iend, e);
        if (cut->end > cut->start)
            return true;
    }
    return false;
}

int px__finish(ctx *c, const px_quote **out, size_t *n_out)
{
    px_doc *d = c->doc;
    drop_nested(c);
    drop_same_content(c);
    size_t n = c->recs.n;
    if (n)
        px__qsort(c->recs.v, n, sizeof(rec), cmp_rec);
    px_quote *qv = n ? px_arena_calloc(&d->arena, n, sizeof(px_quote)) : NULL;
    if (n && !qv)
        return PX_ENOMEM;
    const char **names = c->mn.e.n ? px_arena_calloc(&d->arena, c->mn.e.n, sizeof(char *)) : NULL;
    size_t k = 0, qi = 0;
    for (size_t i = 0; i < n; i++) {
        const rec *r = &c->recs.v[i];
        if (i && r->ca == c->recs.v[i - 1].ca && r->cb == c->recs.v[i - 1].cb &&
            r->sa == c->recs.v[i - 1].sa)
            continue; /* the same attribution twice */
        px_quote *q = &qv[k];
        /* quotations inside the content */
        while (qi < c->qs.n && c->qs.v[qi].open < r->ca)
            qi++;
        size_t q0 = qi, q1 = qi, np = 0;
        while (q1 < c->qs.n && c->qs.v[q1].end_tok <= r->cb)
            np += !c->title[q1++];
        /* titles inside the content are no quotations of the speaker */
        while (q0 < q1 && c->title[q0])
            q0++;
        while (q1 > q0 && c->title[q1 - 1])
            q1--;
        if (!np && q1 == q0 && qi < c->qs.n && c->qs.v[qi].open == r->ca &&
            c->qs.v[qi].end_tok == r->cb && !r->embedded)
            continue; /* the content is a title alone */
        q->span_start = c->t[r->ca].start;
        q->span_end = c->t[r->cb - 1].end;
        if (np) {
            px_quote_part *parts = px_arena_calloc(&d->arena, np, sizeof(*parts));
            if (!parts)
                return PX_ENOMEM;
            size_t j = 0;
            for (size_t x = q0; x < q1; x++)
                if (!c->title[x])
                    parts[j++] = (px_quote_part){c->qs.v[x].istart, c->qs.v[x].iend};
            q->parts = parts;
            q->n_parts = np;
        } else if (!r->embedded) {
            px_quote_part cut;
            if (quotation_cut(c, qi, r, &cut)) {
                px_quote_part *parts = px_arena_calloc(&d->arena, 1, sizeof(*parts));
                if (!parts)
                    return PX_ENOMEM;
                parts[0] = cut;
                q->parts = parts;
                q->n_parts = 1;
            }
        }
        bool direct = np && c->qs.v[q0].open == r->ca && c->qs.v[q1 - 1].end_tok == r->cb;
        if (r->embedded)
            q->kind = PX_QUOTE_EMBEDDED;
        else if (direct)
            q->kind = PX_QUOTE_DIRECT;
        else if (q->n_parts)
            q->kind = PX_QUOTE_PARTIAL;
        else
            q->kind = PX_QUOTE_INDIRECT;
        if (direct) {
            q->start = q->parts[0].start;
            q->end = q->parts[np - 1].end;
        } else {
            q->start = q->span_start;
            q->end = q->span_end;
        }
        if (r->sb > r->sa) {
            q->speaker_start = c->t[r->sa].start;
            q->speaker_end = px__clitic_end(c, r->sb - 1);
        } else
            q->speaker_start = q->speaker_end = q->start;
        if (r->vb > r->va && !r->embedded) {
            q->cue_start = c->t[r->va].start;
            q->cue_end = c->t[r->vb - 1].end;
            /* "[he] ['s sought]": the clitic is the cue's auxiliary */
            if (r->sb > r->sa && r->va == r->sb && q->speaker_end < c->t[r->sb - 1].end)
                q->cue_start = q->speaker_end;
        } else
            q->cue_start = q->cue_end = q->start;
        if (r->entity >= 0 && (size_t)r->entity < c->mn.e.n) {
            if (!names[r->entity])
                names[r->entity] = px_arena_strdup(&d->arena, c->mn.e.v[r->entity].name);
            q->speaker = names[r->entity];
        } else if (r->name)
            q->speaker = r->name;
        q->sentence = sentence_of(d, r->ca);
        k++;
    }
    *out = qv;
    *n_out = k;
    return px__speaker_ids(d, qv, k);
}
