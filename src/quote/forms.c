/*
 * forms.c - special forms with a cue of their own: "as X put it", a verb
 * that characterises its object "as" a quotation ("heralded the deal as a
 * “breakthrough”"), a poll that opens the sentence ("In a CNN poll, ..."),
 * and verbs of appearance ("Trump is expected to win").
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* "Trump is expected to win", "the music seemed to match the mood": an
 * attribution with no source whose content is the whole clause, the
 * verb included (PolNeAR's convention for these verbs of appearance). */
void px__raising(ctx *c, uint32_t a, uint32_t b, uint32_t k)
{
    /* cheap tests first: this runs on every word that is no cue */
    char ch = tstr(c, k)[0];
    size_t n = tlen(c, k);
    if ((ch != 'e' && ch != 's' && ch != 'a') || n < 4 || n > 8 ||
        c->t[k].kind != PX_TOK_WORD)
        return;
    if (in_quote(c, k) || k + 2 >= b || !is(c, k + 1, "to") || c->t[k + 2].kind != PX_TOK_WORD)
        return;
    uint32_t v = k;
    if (is(c, k, "expected")) {
        if (k == a || !(is(c, k - 1, "is") || is(c, k - 1, "are") || is(c, k - 1, "was") ||
                        is(c, k - 1, "were")))
            return;
        v = k - 1;
    } else if (!(is(c, k, "seems") || is(c, k, "seemed") || is(c, k, "appears") ||
                 is(c, k, "appeared") || is(c, k, "seem") || is(c, k, "appear")))
        return;
    /* the subject: back to the start of the clause */
    uint32_t x = v;
    while (x > a && !in_quote(c, x - 1) && c->t[x - 1].kind != PX_TOK_DASH &&
           !(c->t[x - 1].kind == PX_TOK_PUNCT && strchr(",:;(", tstr(c, x - 1)[0])) &&
           !is(c, x - 1, "that") && !is(c, x - 1, "but") && !is(c, x - 1, "and") &&
           !is(c, x - 1, "because") && !is(c, x - 1, "while") && !is(c, x - 1, "if") &&
           !is(c, x - 1, "as") && !is(c, x - 1, "when"))
        x--;
    if (x == v)
        return;
    rec r = {x, trim_end(c, x, px__clause_end(c, k + 2, b)), 0, 0, v, k + 1, -1, false, NULL};
    px__add_record(c, r);
}

/* "As John Cornyn put it: "This person will not be confirmed."", "as an
 * American diplomat put it, an ''extreme makeover'' that ...": the cue is
 * "put it", the source the noun phrase after "as", the content what
 * follows the comma or colon, to the end of its clause. */
void px__as_put_it(ctx *c, size_t u)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    for (uint32_t k = a + 2; k + 3 < b; k++) {
        if ((c->text[c->t[k].start] | 0x20) != 'p' || c->t[k].kind != PX_TOK_WORD)
            continue; /* cheap test first: this runs on every token */
        if (in_quote(c, k) || !(is(c, k, "put") || is(c, k, "puts")) || !is(c, k + 1, "it"))
            continue;
        /* "put it in a statement to my colleague in July, ...": a short
         * phrase of occasion before the comma */
        uint32_t m = k + 2;
        while (m < b && m < k + 14 && c->t[m].kind == PX_TOK_WORD && !in_quote(c, m))
            m++;
        if (!(is_punct(c, m, ',') || is_punct(c, m, ':')))
            continue;
        /* the source back to "as", over its appositives ("As John Cornyn,
         * the No. 2 in the GOP leadership, put it", a title's marks in
         * "author of ''America's Unwritten Constitution,''") */
        uint32_t x = k;
        while (x > a && k - x < 30 && !in_quote(c, x - 1) && !is(c, x - 1, "as") &&
               (c->t[x - 1].kind == PX_TOK_WORD || c->t[x - 1].kind == PX_TOK_NUMBER ||
                is_punct(c, x - 1, ',') || c->t[x - 1].kind == PX_TOK_QUOTE ||
                (is_punct(c, x - 1, '.') && x - 1 > a && (c->t[x - 2].flags & PX_TF_ABBREV))))
            x--;
        if (x == k || x == a || !is(c, x - 1, "as") || in_quote(c, x - 1))
            continue;
        /* "to “make sure ... at the top,” as she put it on Wednesday in
         * Raleigh, N.C.": after a quotation the words put are before */
        if (x >= 2 && (closes_quote(c, x - 2) ||
                       (x >= 3 && is_punct(c, x - 2, ',') && closes_quote(c, x - 3))))
            continue;
        uint32_t s = m + 1, e = s;
        while (e < b && (in_quote(c, e) || !(is_punct(c, e, ',') || is_punct(c, e, ';') ||
                                             is_terminal_tok(c, e))))
            e++;
        e = trim_end(c, s, e);
        if (e <= s)
            continue;
        uint32_t se = k; /* "as ... recently put it" */
        while (se > x + 1 && is_ly_adverb(c, se - 1))
            se--;
        rec r = {s, e, x, se, k, k + 2, -1, false, NULL};
        r.entity = px__resolve(c, u, x, se);
        px__add_record(c, r);
        k = e;
    }
}

/* "Merkel heralded the deal as a “breakthrough.”", "Trump identified the
 * judge as “Spanish,”", "Reid has gone after Trump as a “con artist”": a
 * verb that characterises its object, then "as" and a quotation, reports
 * the subject's words about the object (PolNeAR: the object with the
 * quotation is the content, the subject the source). Adds the record
 * when no record of the unit covers it. */
void px__as_quote(ctx *c, size_t u, size_t first_rec)
{
    static const char *const verbs[] = {
        "described", "describes", "describe", "describing", "characterized", "characterizes",
        "characterize", "characterizing", "portrayed", "portrays", "portray", "portraying",
        "painted", "paints", "paint", "painting", "cast", "casts", "casting", "labeled",
        "labels", "label", "labeling", "labelled", "branded", "brands", "brand", "branding",
        "dubbed", "dubs", "dub", "dubbing", "denounced", "denounces", "denouncing", "hailed",
        "hails", "hailing", "heralded", "heralds", "depicted", "depicts", "depicting",
        "dismissed", "dismisses", "dismissing", "derided", "derides", "deriding", "touted",
        "touts", "touting", "framed", "frames", "framing", "identified", "identifies",
        "introduced", "introduces", "introducing", "presented", "presents", "presenting",
        "positioned", "positions", "billed", "bills", "pitched", "pitches", "pitching",
        "ridiculed", "mocked", "mocks", "mocking", "praised", "praises", "praising",
        "criticized", "criticizes", "criticizing", "slammed", "blasted", "attacked",
        "attacking", "after", "sees", "saw", "seeing", "viewed", "views", "regards",
        "regarded", "referred", "refers", "referring", "declared", "declaring"};
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    /* from each opening mark back to "as" and the verb; the quotations
     * are in text order: the first that opens in the unit, by bisection */
    size_t lo = 0, hi = c->qs.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->qs.v[mid].open < a + 3)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < c->qs.n && c->qs.v[lo].open < b; lo++) {
        uint32_t q = c->qs.v[lo].open;
        if (!opens_quote(c, q) || c->title[lo])
            continue;
        uint32_t x = q - 1;
        while (x > q - 4 && x > a && !is(c, x, "as") &&
               (c->t[x].kind == PX_TOK_WORD || is_punct(c, x, ',')) && !in_quote(c, x))
            x--;
        if (!is(c, x, "as") || in_quote(c, x) || x < a + 2 || is_punct(c, x - 1, ','))
            continue;
        /* the object: back to the verb over words (not cues, auxiliaries) */
        uint32_t k = x - 1;
        while (k > a && x - k <= 10 && !in_quote(c, k) &&
               (c->t[k].kind == PX_TOK_WORD || c->t[k].kind == PX_TOK_NUMBER) &&
               !is_any(c, k, verbs, PX_ARRAY_LEN(verbs)))
            k--;
        if (k <= a || k + 1 >= x || in_quote(c, k) || (c->t[k].flags & PX_TF_CAP) ||
            !is_any(c, k, verbs, PX_ARRAY_LEN(verbs)))
            continue;
        /* "gone after", "referring to": the particle */
        uint32_t o = k + 1;
        if (is(c, k, "after") && !(is_ed_word(c, k - 1) || is(c, k - 1, "gone") ||
                                   is(c, k - 1, "going") || is(c, k - 1, "goes") ||
                                   is(c, k - 1, "go") || is(c, k - 1, "went")))
            continue;
        if ((is(c, k, "referred") || is(c, k, "refers") || is(c, k, "referring")) && is(c, o, "to"))
            o++;
        bool clean = o < x;
        for (uint32_t i = o; i < x && clean; i++)
            clean = cue_type(c, i) == CUE_NONE && !(lexf(c, i) & LX_AUX);
        if (!clean)
            continue;
        uint32_t qe = c->qs.v[c->qs.tok_quote[q]].end_tok;
        if (px__recs_overlap(c, first_rec, o, qe))
            continue;
        /* the subject before the verb */
        uint32_t p = px__verb_group_start(c, a, is(c, k, "after") ? k - 1 : k);
        if (p <= a)
            continue;
        /* a participle only in a progressive form ("is casting"): no
         * subject before "going after" or ", dubbing" */
        {
            uint32_t v = is(c, k, "after") ? k - 1 : k;
            size_t n = tlen(c, v);
            if (n > 4 && !memcmp(tstr(c, v) + n - 3, "ing", 3) && !px__progressive_be(c, a, v))
                continue;
        }
        uint32_t sa = px__np_before(c, a, p - 1);
        if (sa >= p || (sa > a && (lexf(c, sa - 1) & LX_PREP)))
            continue;
        rec r = {o, trim_end(c, o, px__clause_end(c, o, b)), sa, p, p, o, -1, false, NULL};
        /* "as “Spanish,” which is ...": a comma inside the closing mark
         * ends the content */
        if (r.cb < qe || (qe >= 2 && is_punct(c, qe - 2, ',')))
            r.cb = qe;
        r.entity = px__resolve(c, u, sa, p);
        px__add_record(c, r);
    }
}

/* "In an NBC News/Wall Street Journal poll released Monday, 50 percent
 * of respondents chose Clinton": a sentence that opens with "In" and a
 * poll or survey reports what the poll found; the cue is "In", the
 * source the poll, the content the rest of the sentence. */
void px__poll_lead(ctx *c, size_t u)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    if (a + 4 >= b || !is(c, a, "in") || !(c->t[a].flags & PX_TF_CAP) || in_quote(c, a) ||
        !((lexf(c, a + 1) & LX_DET) || is(c, a + 1, "this") || is(c, a + 1, "that") ||
          (c->t[a + 1].flags & PX_TF_CAP)))
        return;
    uint32_t e = a + 1;
    bool poll = false;
    while (e < b && e < a + 24 && !in_quote(c, e) && !is_punct(c, e, ',') &&
           !is_terminal_tok(c, e) && cue_type(c, e) == CUE_NONE) {
        poll |= is(c, e, "poll") || is(c, e, "polls") || is(c, e, "survey") ||
                is(c, e, "surveys");
        e++;
    }
    if (!poll || e + 2 >= b || !is_punct(c, e, ','))
        return;
    uint32_t s = e + 1;
    /* "In a CNN poll conducted on Thursday, however, 73 percent ..." */
    if (s + 2 < b && (is(c, s, "however") || is(c, s, "though") || is(c, s, "meanwhile")) &&
        is_punct(c, s + 1, ','))
        s += 2;
    /* "..., conducted March 11-13, 40 percent ...": the poll's participle */
    if (is_ed_word(c, s)) {
        uint32_t x = s + 1;
        while (x < b && x < s + 12 && !in_quote(c, x) && !is_punct(c, x, ',') &&
               !is_terminal_tok(c, x))
            x++;
        if (x + 2 < b && is_punct(c, x, ','))
            s = x + 1;
    }
    if (in_quote(c, s) || (c->t[s].kind != PX_TOK_WORD && c->t[s].kind != PX_TOK_NUMBER) ||
        (lexf(c, s) & LX_PREP))
        return;
    /* the content runs to the sentence's end (PolNeAR takes the poll's
     * findings whole: "..., but narrowed from March's 20-point gap") */
    rec r = {s, trim_end(c, s, b), a + 1, e, a, a + 1, -1, false, NULL};
    if (r.cb <= r.ca + 2)
        return;
    /* "..., Democracy Corp found that ...": a report of its own */
    for (uint32_t i = s + 1; i + 1 < r.cb && i < s + 12; i++)
        if (!in_quote(c, i) && is(c, i + 1, "that") && cue_type(c, i) != CUE_NONE)
            return;
    r.entity = px__resolve(c, u, r.sa, r.sb);
    size_t n = c->recs.n;
    px__add_record(c, r);
    /* px__add_record() cuts the occasion off an indirect content; the poll's
     * findings run to the sentence's end */
    if (c->recs.n > n && c->recs.v[n].ca == r.ca)
        c->recs.v[n].cb = r.cb;
}

/* "He ... insisted on the urgency of negotiations, "HAVE THE MEETING"": a
 * quotation after a comma or a colon that no record of the unit covers,
 * after a cue, is the words of the unit's subject; the cue is the last
 * reporting verb or participle before it. */
void px__quote_after_cue(unit_run *ur)
{
    ctx *c = ur->c;
    const unit *un = ur->un;
    uint32_t last_cue = UINT32_MAX;
    for (uint32_t k = ur->a; k < ur->b; k++) {
        if (!in_quote(c, k)) {
            int ct = cue_type(c, k);
            if (ct == CUE_VERB || ct == CUE_PART)
                last_cue = k;
            continue;
        }
        if (!opens_quote(c, k) || last_cue == UINT32_MAX || k == 0 ||
            !(is_punct(c, k - 1, ',') || is_punct(c, k - 1, ':')))
            continue;
        int32_t q = c->qs.tok_quote[k];
        if (c->title[q])
            continue;
        bool covered = false;
        for (size_t i = ur->first_rec; i < c->recs.n && !covered; i++)
            covered = c->recs.v[i].ca <= k && c->recs.v[i].cb >= c->qs.v[q].end_tok;
        if (covered || un->subject < 0)
            continue;
        rec r = {k, c->qs.v[q].end_tok, 0, 0, last_cue, last_cue + 1, un->subject, false, NULL};
        if (un->subject_tok < last_cue)
            r.sa = un->subj_a, r.sb = un->subj_b;
        px__add_record(c, r);
        k = c->qs.v[q].end_tok - 1;
    }
}

/* A quotation alone in the paragraph after a quotation continues it
 * (PolNeAR annotates the paragraphs as one content): the record before
 * grows over the lone quotation ending at cb, and its speaker carries
 * over; not after a quotation signed with a dash ("...”― Carla Sanchez"),
 * which ends its post or testimonial. Returns true when it did. */
static bool continues_quote_before(unit_run *ur, uint32_t cb)
{
    ctx *c = ur->c;
    size_t u = ur->u;
    if (!(c->recs.n && u > 0))
        return false;
    rec *prev = &c->recs.v[c->recs.n - 1];
    int32_t pu = px__unit_of_token(c, prev->cb - 1);
    const unit *pun = pu >= 0 ? &c->units[pu] : NULL;
    bool signed_dash = prev->va >= prev->cb && prev->vb == prev->va + 1 &&
                       c->t[prev->va].kind == PX_TOK_DASH;
    if (!(pun && (size_t)pu + 1 == u && !signed_dash &&
          (trim_end(c, prev->cb, pun->b) == prev->cb || prev->sa >= prev->cb) &&
          c->qs.tok_block[ur->a] == c->qs.tok_block[prev->cb - 1] + 1 && !prev->embedded))
        return false;
    prev->cb = cb;
    return true;
}

/* A quotation alone in its unit, when no rule found a record there: it
 * takes the colon introduction of the unit before ("He said:"), or
 * continues the quotation before, or is the words of the person the
 * paragraph before is about ("That evening Mr Zielinski walked into the
 * canteen ..." then a paragraph that is only a quotation); a heading in
 * quotation marks is no one's words (px__heading_quote). */
void px__lone_quotation(unit_run *ur)
{
    ctx *c = ur->c;
    size_t u = ur->u;
    uint32_t a = ur->a, b = ur->b;
    const rec *intro = ur->colon_intro;
    int32_t q = px__lone_quote(c, u);
    if (q < 0)
        return;
    rec r = {c->qs.v[q].open, c->qs.v[q].end_tok, 0, 0, 0, 0, -1, false, NULL};
    if (!intro->ca && px__heading_quote(c, u, q))
        return;
    if (intro->ca) {
        r.sa = intro->sa, r.sb = intro->sb;
        r.va = intro->va, r.vb = intro->vb;
        r.entity = intro->entity;
        px__add_record(c, r);
        return;
    }
    if (continues_quote_before(ur, r.cb))
        return;
    if (u > 0 && c->units[u - 1].subject >= 0 && c->units[u - 1].subject_tok < c->units[u - 1].b &&
        c->qs.tok_block[a] == c->qs.tok_block[c->units[u - 1].b - 1] + 1 &&
        (a == 0 || c->qs.tok_block[a - 1] != c->qs.tok_block[a]) &&
        (b >= c->doc->n_toks || c->qs.tok_block[b] != c->qs.tok_block[a])) {
        r.entity = c->units[u - 1].subject;
        px__add_record(c, r);
    }
}
