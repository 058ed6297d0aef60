/*
 * attrib.c - who said what: the driver of attribution. The text is cut
 * into units (sentences joined so that no unit boundary falls inside a
 * quotation, units.c); in each unit every reporting cue outside quotations
 * (said, told, according to, adding, ...; cue.c) becomes an attribution
 * whose source is the noun phrase before the cue (or after it, inverted:
 * "said Mr Smith"; np.c, source.c), and whose content is the clause after
 * it ("X said that ...") or the quotation before it ("'...,' X said";
 * content.c, content_trim.c). A quotation interrupted by its attribution is
 * one record; a quotation alone in its unit takes the speaker introduced by
 * a colon in the unit before (colon.c), or carries over the speaker of the
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

/* The length of the parenthesis that opens at token o, when it is as
 * short as a party, a state or an acronym after a name ("(D-Ore.)",
 * "(AROS)", "(R)": at most four tokens, no comma); 0 otherwise. */
static uint32_t short_paren(const ctx *c, uint32_t o, uint32_t b)
{
    for (uint32_t i = o + 1; i < b && i <= o + 5; i++) {
        if (is_punct(c, i, ')'))
            return i > o + 1 ? i + 1 - o : 0;
        if (in_quote(c, i) || is_punct(c, i, ',') || is_punct(c, i, '('))
            return 0;
    }
    return 0;
}

static void attribute_unit(ctx *c, size_t u, bool *consumed_next, rec *colon_intro)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    size_t first_rec = c->recs.n;
    *consumed_next = false;
    if (px__speaker_labels(c, u))
        return;
    px__as_put_it(c, u);
    px__poll_lead(c, u);
    /* "Bernie Sanders: 'Of Course' Hillary Clinton Is Qualified": a
     * headline that gives a person's words after the name and a colon */
    {
        uint32_t e = a;
        while (e < b && e < a + 4 && c->t[e].kind == PX_TOK_WORD && (c->t[e].flags & PX_TF_CAP) &&
               !in_quote(c, e) && !(lexf(c, e) & LX_NAMESTOP))
            e++;
        if (e > a && e + 2 < b && is_punct(c, e, ':') && !(c->t[e + 1].flags & PX_TF_NL_BEFORE)) {
            int32_t m = c->mn.tok_mention[e - 1];
            bool person = m >= 0 && entity_is_person(c, c->mn.m.v[m].entity);
            if (person || (c->t[a].flags & PX_TF_ALLCAPS) || (m >= 0 && e - a >= 2) || a == 0) {
                rec r = {e + 1, trim_end(c, e + 1, b), a, e, e, e + 1, -1, false, NULL};
                if (r.cb > r.ca) {
                    r.entity = px__resolve(c, u, a, e);
                    px__add_record(c, r);
                    return;
                }
            }
        }
        /* "CNN President On Trump: ‘We Do Not Pay Candidates.’",
         * "Gillibrand on Hillary's Speeches: ‘I Think She Will.’": in the
         * first block, the name, "on" and the topic before the colon and
         * a quotation after it; the name is the speaker */
        if (e > a && e + 3 < b && is(c, e, "on") && c->qs.tok_block[a] == 0 &&
            !(lexf(c, a) & LX_DET)) {
            uint32_t k = e + 1;
            while (k < b && k < e + 12 && !is_punct(c, k, ':') && !in_quote(c, k) &&
                   !is_terminal_tok(c, k))
                k++;
            if (k + 1 < b && k > e + 1 && is_punct(c, k, ':') && opens_quote(c, k + 1) &&
                !(c->t[k + 1].flags & PX_TF_NL_BEFORE)) {
                rec r = {k + 1, trim_end(c, k + 1, b), a, e, k, k + 1, -1, false, NULL};
                if (r.cb > r.ca) {
                    r.entity = px__resolve(c, u, a, e);
                    px__add_record(c, r);
                    return;
                }
            }
        }
    }
    uint32_t last_close = UINT32_MAX; /* the last closing mark seen */
    for (uint32_t k = a; k < b; k++) {
        int ct = cue_type(c, k);
        if (c->t[k].kind == PX_TOK_QUOTE && closes_quote(c, k))
            last_close = k;
        if (ct == CUE_NONE && last_close != UINT32_MAX && k <= last_close + 8 &&
            px__tag_verb(c, a, b, k))
            ct = CUE_VERB;
        if (ct == CUE_NONE) {
            char ch = c->text[c->t[k].start];
            if ((ch == 'e' || ch == 's' || ch == 'a') && c->t[k].kind == PX_TOK_WORD)
                px__raising(c, a, b, k);
            continue;
        }
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
        if (ct == CUE_ACCORDING) {
            r.vb = k + 2;
            uint32_t s = k + 2, e = s;
            /* "(... according to exit polls)", "according to exit polls
             * (a sizable margin, ...)": not over a parenthesis it does not
             * open, nor one longer than a name's ("(D-Ore.)", "(AROS)") */
            while (e < b && !in_quote(c, e) && !is_punct(c, e, ',') && !is_terminal_tok(c, e) &&
                   !is_punct(c, e, ')') && !(is_punct(c, e, '(') && !short_paren(c, e, b)) &&
                   !(e > s && c->t[e].kind == PX_TOK_DASH && c->t[e].start > c->t[e - 1].end))
                e += is_punct(c, e, '(') ? short_paren(c, e, b) : 1;
            if (e == s)
                continue;
            r.sa = s, r.sb = e;
            bool leading = k == a || (k > a && is_punct(c, k - 1, ',') && k - a <= 4) ||
                           (k > a && c->t[k - 1].kind == PX_TOK_DASH);
            e = px__according_appositive(c, s, e, b, leading);
            r.sb = e;
            if (leading && e > s && is_punct(c, e - 1, ',') && e < b) {
                r.ca = e;
                r.cb = trim_end(c, r.ca, px__clause_end(c, r.ca, b));
            } else if (leading && e < b && is_punct(c, e, ',')) {
                r.ca = e + 1;
                r.cb = trim_end(c, r.ca, px__clause_end(c, r.ca, b));
            } else if (!leading) {
                r.ca = a;
                r.cb = trim_end(c, a, k);
            } else
                continue;
            r.entity = px__resolve(c, u, r.sa, r.sb);
            px__add_record(c, r);
            k = e;
            continue;
        }
        if (ct == CUE_NOUN) {
            /* the content: the noun phrase after the preposition, to a
             * punctuation mark, an auxiliary or another cue */
            r.vb = k + 2;
            uint32_t s = k + 2, e = px__noun_cue_end(c, s, b);
            if (e == s)
                continue;
            /* the source: a possessive before the noun ("his attacks on",
             * "the Republican nominee’s speech on") */
            if (k > a && !in_quote(c, k - 1) &&
                (is(c, k - 1, "his") || is(c, k - 1, "her") || is(c, k - 1, "their") ||
                 is(c, k - 1, "its") || is(c, k - 1, "our") || is(c, k - 1, "my"))) {
                r.sa = k - 1, r.sb = k;
            } else if (k > a && possessive(c, k - 1) && !in_quote(c, k - 1)) {
                uint32_t x = k - 1;
                while (x > a && k - x < 6 && c->t[x - 1].kind == PX_TOK_WORD &&
                       !in_quote(c, x - 1) && !(lexf(c, x - 1) & (LX_NPSTOP | LX_PREP)) &&
                       cue_type(c, x - 1) == CUE_NONE && !(lexf(c, x - 1) & LX_DET))
                    x--;
                if (x > a && (lexf(c, x - 1) & LX_DET) && !in_quote(c, x - 1))
                    x--;
                r.sa = x, r.sb = k;
            } else {
                /* "Graham has been critical of Trump", "Clinton is a
                 * consistent supporter of NATO": the clause's subject, a
                 * few words before the noun */
                uint32_t s1, s0 = px__clause_subject(c, a, k, &s1);
                bool near = s1 > s0 && k - s1 <= 5;
                for (uint32_t x = s1; x < k && near; x++)
                    near = c->t[x].kind == PX_TOK_WORD && !in_quote(c, x) &&
                           cue_type(c, x) == CUE_NONE;
                if (near && px__receive_verb(c, s1, k))
                    near = false; /* "The council faced questions about" */
                if (near)
                    r.sa = s0, r.sb = s1;
                else {
                    uint32_t v = px__noun_cue_verb(c, a, k);
                    uint32_t y = v < k && v > a ? px__np_before(c, a, v - 1) : v;
                    /* "Ultimately 54 percent of voters": no adverb that
                     * opens the sentence */
                    if (y + 1 < v && (c->t[y].flags & PX_TF_CAP) && tlen(c, y) > 4 &&
                        !memcmp(tstr(c, y) + tlen(c, y) - 2, "ly", 2))
                        y++;
                    bool when = false; /* "last week picked up" */
                    for (uint32_t x = y; x < v && !when; x++)
                        when = px__time_noun(c, x) || is(c, x, "date");
                    /* "have been [largely positive] are wary of": no
                     * subject right after a preposition or an auxiliary */
                    if (y < v && !when && !(y > a && (lexf(c, y - 1) & LX_PREP)) &&
                        !(y > a && (lexf(c, y - 1) & LX_AUX) && !(c->t[y - 1].flags & PX_TF_CAP)))
                        r.sa = y, r.sb = v;
                }
            }
            if (r.sb > r.sa)
                r.entity = px__resolve(c, u, r.sa, r.sb);
            r.ca = s, r.cb = e;
            px__add_record(c, r);
            k = e - 1;
            continue;
        }
        /* "The White House is saying that ...": a participle after a form
         * of "be" is the finite verb of its clause */
        bool prog = ct == CUE_PART && px__progressive_be(c, a, k);
        if (prog)
            ct = CUE_VERB;
        if (ct == CUE_PART) {
            uint32_t issued = px__issued_message(c, a, k);
            uint32_t with_np = px__with_subject(c, a, k);
            /* "after saying he was nervous", "by calling for a ban" */
            bool prep_part = k > a && !in_quote(c, k - 1) &&
                             (is(c, k - 1, "by") || is(c, k - 1, "after") ||
                              is(c, k - 1, "before") || is(c, k - 1, "while") ||
                              is(c, k - 1, "without") || is(c, k - 1, "when"));
            /* "Noting that only Kirk voted with Democrats, Tester added":
             * a participle that opens its sentence; its content runs to
             * the comma, its source is the name after it */
            if (k == a || (k == a + 1 && (is(c, a, "after") || is(c, a, "while") ||
                                          is(c, a, "before") || is(c, a, "by")))) {
                uint32_t e = ke;
                /* "After saying her foot was "so swollen I could barely
                 * get my shoe on," she was ...": or the comma inside the
                 * closing mark */
                while (e < b && (in_quote(c, e) || !is_punct(c, e, ',')) &&
                       !(e > ke + 1 && closes_quote(c, e - 1) && is_punct(c, e - 2, ',')))
                    e++;
                if (e >= b || e - ke < 3 || e - ke > 60)
                    continue;
                uint32_t n0 = is_punct(c, e, ',') ? e + 1 : e, n1 = n0;
                if (n1 < b && c->t[n1].kind == PX_TOK_WORD && (lexf(c, n1) & LX_PRON) &&
                    !is(c, n1, "it") && !is(c, n1, "who"))
                    n1++;
                else
                    while (n1 < b && n1 < n0 + 5 && c->t[n1].kind == PX_TOK_WORD &&
                           !in_quote(c, n1) && (c->t[n1].flags & PX_TF_CAP) &&
                           !(lexf(c, n1) & LX_NAMESTOP))
                        n1++;
                if (n1 > n0 && n1 < b && c->t[n1].kind == PX_TOK_WORD &&
                    !(c->t[n1].flags & PX_TF_CAP) && !in_quote(c, n1)) {
                    r.sa = n0, r.sb = n1;
                    r.entity = px__resolve(c, u, n0, n1);
                }
                r.ca = ke, r.cb = e;
                px__add_record(c, r);
                k = e;
                continue;
            }
            if (!(is_punct(c, k - 1, ',') || is(c, k - 1, "and") ||
                  closes_quote(c, k - 1) || prep_part || issued < k || with_np < k))
                continue;
            /* the source: the subject of the verb that issued the message,
             * the one before it in this unit, or the unit's subject */
            uint32_t ip = issued, ie = issued; /* the subject's last token, its end */
            while (issued < k && ip > a && px__before_cue(c, a, ip - 1) && !in_quote(c, ip - 1))
                ip--;
            ie = ip;
            if (issued < k && ip > a + 2 && is_punct(c, ip - 1, ')') && !in_quote(c, ip - 1)) {
                /* "Mitch McConnell (R-Ky.) issued" */
                uint32_t o = ip - 1;
                while (o > a && o + 8 > ip && !is_punct(c, o, '('))
                    o--;
                if (is_punct(c, o, '('))
                    ip = o;
            } else if (issued < k && px__dash_aside_start(c, a, ip) < ip) {
                /* "A coalition of groups - including ... - sent a letter" */
                uint32_t o = px__dash_aside_start(c, a, ip);
                ie = px__aside_in_source(c, o, ip) ? ip : o;
                ip = o;
            }
            uint32_t isa = issued < k && ip > a ? px__np_before(c, a, ip - 1) : k;
            if (with_np < k) {
                /* "with three in 10 saying", "with Trump tweeting" */
                uint32_t we = k;
                while (we > with_np + 1 && is_ly_adverb(c, we - 1))
                    we--;
                r.sa = with_np;
                r.sb = we;
                r.entity = px__resolve(c, u, with_np, we);
            } else if (isa < ip && !(isa > a && (lexf(c, isa - 1) & LX_PREP))) {
                r.sa = isa;
                r.sb = ie;
                r.entity = px__resolve(c, u, isa, ip);
            } else if (c->recs.n > first_rec && c->recs.v[c->recs.n - 1].sb > c->recs.v[c->recs.n - 1].sa) {
                r.sa = c->recs.v[c->recs.n - 1].sa;
                r.sb = c->recs.v[c->recs.n - 1].sb;
                r.entity = c->recs.v[c->recs.n - 1].entity;
            } else if (un->subject >= 0 && un->subject_tok < k && un->subj_b <= k) {
                /* not the owner in "Cruz's campaign also went on the
                 * offensive, tweeting": no subject */
                if (!possessive(c, un->subj_b - 1)) {
                    r.sa = un->subj_a;
                    r.sb = un->subj_b;
                    r.entity = un->subject;
                } else {
                    /* "Since Clinton's op-ed ..., [she]'s tacked to the
                     * left, ... calling for": the personal pronoun after */
                    for (uint32_t i = un->subj_b; i < k && i < un->subj_b + 30; i++)
                        if (!in_quote(c, i) && c->t[i].kind == PX_TOK_WORD &&
                            (((lexf(c, i) & LX_PERSPRON) && (lexf(c, i) & LX_PRON) &&
                              !is(c, i, "who") && !is(c, i, "him") && !is(c, i, "her") &&
                              !is(c, i, "his")) ||
                             /* "she's", "they're" */
                             (px__clitic_end(c, i) < c->t[i].end &&
                              (tstr(c, i)[0] == 's' || tstr(c, i)[0] == 'h' || tstr(c, i)[0] == 't' ||
                               tstr(c, i)[0] == 'S' || tstr(c, i)[0] == 'H' || tstr(c, i)[0] == 'T')))) {
                            r.sa = i, r.sb = i + 1;
                            r.entity = px__resolve(c, u, i, i + 1);
                            break;
                        }
                }
            } else if (!is(c, k - 1, "and")) {
                /* no source in sight: the subject that opens the clause
                 * ("Trump shot back in a statement, saying ..."), or the
                 * content alone ("many voters shrugged, with three in 10
                 * saying ...") */
                uint32_t s1, s0 = px__clause_subject(c, a, k, &s1);
                if (s1 > s0) {
                    r.sa = s0, r.sb = s1;
                    r.entity = px__resolve(c, u, s0, s1);
                }
            } else
                continue;
            uint32_t s = ke;
            while (s < b && (is_punct(c, s, ',') || is_punct(c, s, ':')))
                s++;
            /* not over the object of "calling him "a failed candidate"" */
            if (s < b && !is(c, s, "that") && !is(c, k, "calling") && !is(c, k, "describing") &&
                !is(c, k, "labeling") && !is(c, k, "branding") && !is(c, k, "dubbing"))
                s = px__quote_after(c, s, b);
            /* "telling O'Reilly that ...", "telling the crowd he ...": the
             * addressee is no part of what was said */
            if (s < b && (is(c, k, "telling") || is(c, k, "warning") || is(c, k, "reminding") ||
                          is(c, k, "assuring") || is(c, k, "informing")) &&
                !in_quote(c, s) && !is(c, s, "that") && !(lexf(c, s) & LX_PRON)) {
                for (uint32_t i = s + 1; i < b && i < s + 8; i++) {
                    if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD || cue_type(c, i) != CUE_NONE)
                        break;
                    if (is(c, i, "that") || ((lexf(c, i) & LX_PRON) && !is(c, i, "it") &&
                                             !is(c, i, "who") && !is(c, i - 1, "of"))) {
                        s = i;
                        break;
                    }
                    if ((lexf(c, i) & LX_NPSTOP) && !is(c, i, "in") && !is(c, i, "at") &&
                        !is(c, i, "on"))
                        break;
                }
            }
            r.ca = s;
            r.cb = trim_end(c, s, px__clause_end(c, s, b));
            /* "Salceda, citing [data from the State Department], said":
             * an appositive of the subject before the main verb */
            if (k > a + 1 && is_punct(c, k - 1, ',') && !in_quote(c, r.ca)) {
                bool verb_before = false;
                for (uint32_t i = a; i + 1 < k && !verb_before; i++)
                    verb_before = in_quote(c, i) || px__finite_verb(c, i) ||
                                  cue_type(c, i) != CUE_NONE;
                if (!verb_before)
                    r.cb = trim_end(c, r.ca, px__relative_end(c, r.ca, r.cb));
            }
            if (r.cb <= r.ca)
                continue;
            px__add_record(c, r);
            continue;
        }
        /* "When asked whether he would ..., Christie said", "Asked about
         * Cruz's charges, Rubio said": the question, whose asker is no one
         * named, or the one after "by" */
        if ((is(c, k, "asked") || (ct == CUE_PREPV && is(c, k, "asked"))) &&
            (k == a || is(c, k - 1, "when") || is(c, k - 1, "while") || is(c, k - 1, "after") ||
             is(c, k - 1, "once") || is(c, k - 1, "if") || is(c, k - 1, "before") ||
             is(c, k - 1, "being") || is(c, k - 1, "Asked"))) {
            uint32_t s = ke;
            if (ct != CUE_PREPV) {
                /* "asked in May if he would": over a short phrase of time */
                for (uint32_t i = s; i < b && i < s + 5; i++) {
                    if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
                        break;
                    if (is(c, i, "if") || is(c, i, "whether") || is(c, i, "how") ||
                        is(c, i, "what") || is(c, i, "why") || is(c, i, "when") ||
                        is(c, i, "where") || is(c, i, "who") || is(c, i, "about")) {
                        if (i > s && (lexf(c, s) & LX_PREP)) {
                            /* "Asked by Matt Lauer whether she had ...":
                             * the one after "by" asks the question */
                            uint32_t ts = i > s + 2 ? px__time_phrase_start(c, s + 1, i - 1) : i;
                            uint32_t by_end = ts > s + 1 && ts < i ? ts : i; /* not "on Thursday" */
                            if (is(c, s, "by") && by_end > s + 1) {
                                r.sa = s + 1, r.sb = by_end;
                                r.entity = px__resolve(c, u, s + 1, by_end);
                            }
                            s = is(c, i, "about") ? i + 1 : i;
                        }
                        break;
                    }
                }
                if (s < b && is(c, s, "about"))
                    s++;
            }
            uint32_t e = s;
            /* the comma may end a quotation in the question: "Asked
             * whether Clinton “has the integrity ...,” 75 percent said" */
            while (e < b && (in_quote(c, e) || !is_punct(c, e, ',')) &&
                   !(e > s && closes_quote(c, e) && is_punct(c, e - 1, ',')))
                e++;
            if (e < b && closes_quote(c, e))
                e++;
            uint32_t ce = trim_end(c, s, px__clause_end(c, s, b));
            e = trim_end(c, s, e < ce ? e : ce);
            if (e > s && !(cue_type(c, s) != CUE_NONE)) {
                r.vb = ct == CUE_PREPV ? k + 2 : (is(c, ke, "about") && s == ke + 1 ? k + 2 : k + 1);
                r.ca = s, r.cb = e;
                px__add_record(c, r);
                k = e - 1;
                continue;
            }
        }
        /* a finite reporting verb */
        uint32_t p = k;
        uint32_t aside_end = 0; /* the end of an aside between dashes before it */
        for (;;) {
            while (p > a && px__before_cue(c, a, p - 1) &&
                   !in_quote(c, p - 1))
                p--;
            /* "He went on to say", "Trump continued to question", "Sexton
             * was quick to point out", "she declined to claim": the verb
             * that governs the infinitive stands after the subject */
            if (p == k && p > a + 2 && is(c, p - 1, "to") && !in_quote(c, p - 1)) {
                uint32_t g = px__infinitive_governor(c, a, p - 1);
                if (g < p - 1) {
                    p = g;
                    continue;
                }
            }
            if (!aside_end && px__dash_aside_start(c, a, p) < p) {
                aside_end = p;
                p = px__dash_aside_start(c, a, p);
                continue;
            }
            if (prog && p > a + 1 && px__be_form(c, p - 1)) {
                p--;
                continue;
            }
            /* "The committee this week announced", "Pence on Thursday
             * blamed"; not "a poll released Thursday found" */
            if (p > a + 1) {
                uint32_t ts = px__time_phrase_start(c, a, p - 1);
                if (ts < p && ts > a && !is_ed_word(c, ts - 1) && !is(c, ts - 1, "out") &&
                    !is_punct(c, ts - 1, ',') && !(lexf(c, ts - 1) & LX_PREP)) {
                    p = ts;
                    continue;
                }
            }
            /* "Sen. Elizabeth Warren (D-MA) said" */
            if (p > a + 2 && is_punct(c, p - 1, ')') && !in_quote(c, p - 1)) {
                uint32_t o = p - 1;
                while (o > a && o + 8 > p && !is_punct(c, o, '('))
                    o--;
                if (is_punct(c, o, '(') && o > a) {
                    p = o;
                    continue;
                }
            }
            /* "The two lawmakers, however, argue" */
            if (p > a + 3 && is_punct(c, p - 1, ',') && is_punct(c, p - 3, ',') &&
                (is(c, p - 2, "however") || is(c, p - 2, "meanwhile") || is(c, p - 2, "too") ||
                 is(c, p - 2, "though") || is(c, p - 2, "instead") || is(c, p - 2, "though"))) {
                p -= 3;
                continue;
            }
            break;
        }
        uint32_t sa = p > a ? px__np_before(c, a, p - 1) : p;
        if (sa > a && sa < p)
            sa = px__restrictive_head(c, a, sa);
        if (p > a + 2 && is_punct(c, p - 1, ',') && !closes_quote(c, p - 2)) {
            /* "Officials at X, a division of Y, said", "Ramil Carr, 31, a
             * photographer, said": the head noun phrase and its
             * appositives, with the closing comma. The head is the first
             * comma-separated piece that starts like a name or a noun
             * phrase (after "But", "When"). */
            uint32_t starts[8];
            size_t ns = 0;
            uint32_t lo = p - 1;
            while (lo > a && p - lo < 48 && !in_quote(c, lo - 1) &&
                   !(c->t[lo - 1].kind == PX_TOK_PUNCT && strchr(".!?;:", tstr(c, lo - 1)[0]) &&
                     !(is_punct(c, lo - 1, '.') && is_punct(c, lo, ',')) &&
                     !(is_punct(c, lo - 1, '.') && c->t[lo].start == c->t[lo - 1].end)))
                lo--; /* "Mitch McConnell, R-Ky., said", "(D-N.Y.), chairman of":
                       * no full stop */
            if (lo < p - 1 && is_punct(c, lo, ',') && lo > a && in_quote(c, lo - 1))
                lo++; /* "“...”, Michael Tyler, a spokesman, said" */
            {
                starts[ns++] = lo;
                for (uint32_t x = lo; x + 1 < p - 1 && ns < 8; x++)
                    if (is_punct(c, x, ','))
                        starts[ns++] = x + 1;
            }
            for (size_t z = 0; z + 1 < ns || (z < ns && ns == 1); z++) {
                uint32_t h = starts[z];
                uint32_t seg_end = z + 1 < ns ? starts[z + 1] - 1 : p - 1;
                while (h < seg_end && c->t[h].kind == PX_TOK_WORD &&
                       (is(c, h, "but") || is(c, h, "and") || is(c, h, "when") ||
                        is(c, h, "while") || is(c, h, "as") || is(c, h, "so") || is(c, h, "yet") ||
                        is(c, h, "because") || is(c, h, "if") || is(c, h, "after") ||
                        /* "Even Rendell, ...", not "Even if ..." */
                        (is(c, h, "even") && h + 1 < seg_end &&
                         ((c->t[h + 1].flags & PX_TF_CAP) || (lexf(c, h + 1) & LX_DET)) &&
                         !(lexf(c, h + 1) & LX_NOTAPPOS))))
                    h++;
                if (h >= seg_end || seg_end - h > 10 || ns < 2)
                    break;
                /* "Former House speaker Newt Gingrich, a Trump ally, said" */
                bool head = (lexf(c, h) & LX_DET) || c->t[h].kind == PX_TOK_NUMBER ||
                            ((c->t[h].flags & PX_TF_CAP) &&
                             (!(lexf(c, h) & (LX_NAMESTOP | LX_PREP)) || is(c, h, "former")));
                bool verbish = false;
                for (uint32_t x = h; x < seg_end; x++)
                    verbish |= cue_type(c, x) != CUE_NONE || (lexf(c, x) & LX_AUX) != 0;
                if (head && !verbish) {
                    sa = h;
                    break;
                }
            }
        }
        if (sa == p || (sa > a && !closes_quote(c, sa - 1) && !is_punct(c, sa - 1, ','))) {
            /* "“...,” Nate Silver, the polling guru who founded
             * fivethirtyeight.com tweeted": everything between the
             * quotation and the cue */
            uint32_t x = p;
            while (x > a && p - x < 30 && !in_quote(c, x - 1) && !is_terminal_tok(c, x - 1))
                x--;
            if (x < p && is_punct(c, x, ',') && x > a && closes_quote(c, x - 1))
                x++;
            /* "“...,” the conservative-leaning newspaper wrote", "“...,”
             * this source told the Post" */
            if (x > a && x < p && closes_quote(c, x - 1) &&
                (((c->t[x].flags & PX_TF_CAP) && !(lexf(c, x) & LX_NAMESTOP)) ||
                 ((lexf(c, x) & LX_DET) && !(lexf(c, x) & LX_PRON)) || is(c, x, "this"))) {
                bool clean = true;
                for (uint32_t y = x; y < p && clean; y++)
                    clean = cue_type(c, y) == CUE_NONE && !(lexf(c, y) & LX_AUX);
                if (clean)
                    sa = x;
            }
        }
        bool have_src = p > a && sa < p;
        if (p > a && (is(c, p - 1, "and") || is(c, p - 1, "but")) && !in_quote(c, p - 1)) {
            /* "Her campaign also announced ... and said": the subject */
            uint32_t s0 = a, s1 = a;
            const rec *prev = c->recs.n > first_rec ? &c->recs.v[c->recs.n - 1] : NULL;
            if (prev && !px__shared_subject(c, un, prev, p))
                prev = NULL;
            if (un->subject >= 0 && un->subj_b <= p && un->subject_tok < p) {
                s0 = un->subj_a, s1 = un->subj_b;
                /* "A spokesman for the mayor defended the route and said":
                 * the subject as the first verb's source spans it */
                if (prev)
                    s0 = prev->sa, s1 = prev->sb;
            } else {
                prev = NULL;
                /* the noun phrase that opens the unit */
                while (s1 < p && c->t[s1].kind == PX_TOK_WORD && !in_quote(c, s1) &&
                       s1 < a + 8 && cue_type(c, s1) == CUE_NONE &&
                       (s1 == a || !(lexf(c, s1) & (LX_NPSTOP | LX_AUX))) &&
                       !(s1 > a && is_ly_adverb(c, s1))) {
                    size_t n = tlen(c, s1);
                    const char *w = tstr(c, s1);
                    if (s1 > a && !(c->t[s1].flags & PX_TF_CAP) && n > 3 &&
                        w[n - 2] == 'e' && w[n - 1] == 'd')
                        break;
                    s1++;
                }
                if (s1 > a && (lexf(c, a) & (LX_NPSTOP | LX_PREP)) && !(lexf(c, a) & LX_DET))
                    s1 = a;
                else if (s1 > a)
                    s1 = px__subject_end(c, s1, p);
            }
            if (s1 > s0) {
                sa = s0;
                r.sa = s0, r.sb = s1;
                have_src = false;
                uint32_t s2 = ke;
                while (s2 < b && (is_punct(c, s2, ',') || is_punct(c, s2, ':')))
                    s2++;
                for (uint32_t i = s2; i < b && i < s2 + 8; i++) {
                    if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD || (lexf(c, i) & LX_PRON))
                        break;
                    if (is(c, i, "that")) {
                        s2 = i;
                        break;
                    }
                }
                r.ca = s2;
                r.cb = trim_end(c, s2, px__clause_end(c, s2, b));
                if (r.cb > r.ca) {
                    r.entity = prev ? prev->entity
                               : s0 == un->subj_a && un->subject >= 0 ? un->subject
                                                                      : px__resolve(c, u, s0, s1);
                    px__add_record(c, r);
                }
                continue;
            }
        }
        /* a noun phrase after a preposition is no subject ("In a
         * statement posted ...") */
        if (have_src && sa > a && (lexf(c, sa - 1) & LX_PREP)) {
            /* but "people close to the Clintons", "a source familiar with
             * the talks": an adjective and its preposition inside the
             * subject */
            uint32_t x = sa - 1;
            if (x > a + 1 && (is(c, x, "to") || is(c, x, "with")) &&
                (is(c, x - 1, "close") || is(c, x - 1, "closest") || is(c, x - 1, "familiar") ||
                 is(c, x - 1, "loyal") || is(c, x - 1, "allied") || is(c, x - 1, "sympathetic") ||
                 is(c, x - 1, "linked") || is(c, x - 1, "tied") || is(c, x - 1, "opposed") ||
                 is(c, x - 1, "friendly") || is(c, x - 1, "connected"))) {
                uint32_t y = px__np_before(c, a, x - 2);
                if (y < x - 1 && !(y > a && (lexf(c, y - 1) & LX_PREP)))
                    sa = y;
                else
                    have_src = false;
            } else
                have_src = false;
            /* "Staff for the House committee on Benghazi said", "One in four
             * voters in a Times poll said": before a verb of speech, a
             * clause start that opens a noun phrase and has no verb up to
             * the cue is all subject */
            if (!have_src && (is(c, k, "said") || is(c, k, "say") || is(c, k, "says") ||
                              px__data_verb(c, k) || px__clause_follows(c, k, ke))) {
                uint32_t y = sa - 1;
                while (y > a && !in_quote(c, y - 1) && c->t[y - 1].kind != PX_TOK_DASH &&
                       !(c->t[y - 1].kind == PX_TOK_PUNCT && strchr(",:;(", tstr(c, y - 1)[0])))
                    y--;
                bool share = y < sa && px__share_opener(c, y) > y; /* "About four in 10 voters" */
                bool clean = y < sa && sa - y <= 14 &&
                             ((c->t[y].flags & PX_TF_CAP) || (lexf(c, y) & LX_DET) ||
                              c->t[y].kind == PX_TOK_NUMBER || share) &&
                             (!(lexf(c, y) & (LX_PREP | LX_PRON)) || share) &&
                             (!(lexf(c, y) & LX_NAMESTOP) || (lexf(c, y) & LX_DET) || share);
                for (uint32_t i = y; i < p && clean; i++)
                    clean = !in_quote(c, i) && cue_type(c, i) == CUE_NONE &&
                            !((lexf(c, i) & LX_AUX) && i < sa) && !is(c, i, "that") &&
                            !is(c, i, "when") && !is(c, i, "if") && !is(c, i, "as");
                if (clean) {
                    sa = y;
                    have_src = true;
                }
            }
        }
        bool who = have_src && p - sa == 1 && is(c, sa, "who");
        /* the part after the cue */
        uint32_t after = ke;
        uint32_t after_end = trim_end(c, after, b);
        bool after_short = after_end - after <= 8;
        for (uint32_t i = after; i < after_end && after_short; i++)
            if (is(c, i, "that") || in_quote(c, i) ||
                (i == after && (lexf(c, i) & LX_PRON) && !is(c, i, "it") && !is(c, i, "who")) ||
                (i > after && !in_quote(c, i) &&
                 (is(c, i, "could") || is(c, i, "would") || is(c, i, "will") ||
                  is(c, i, "should") || is(c, i, "can") || is(c, i, "might") ||
                  is(c, i, "must") || is(c, i, "is") || is(c, i, "are") || is(c, i, "was") ||
                  is(c, i, "were") || is(c, i, "has") || is(c, i, "have"))))
                after_short = false; /* "..., Allen said he tends to ...", "his net
                                      * worth could fluctuate" */
        /* "..., Spicer said, adding, "..."": what follows is the
         * participle's; "..., Wilkin said during his campaign speech to
         * be a delegate": a phrase of place or time, no clause */
        if (!after_short && ke + 1 < b && is_punct(c, ke, ',') && cue_type(c, ke + 1) == CUE_PART)
            after_short = true;
        else if (!after_short && after < after_end && (lexf(c, after) & LX_PREP) &&
                 !is(c, after, "to") && !is(c, after, "for")) {
            bool clause = false;
            for (uint32_t i = after; i < after_end && !clause; i++)
                clause = in_quote(c, i) || c->t[i].kind == PX_TOK_PUNCT ||
                         is(c, i, "that") || ((lexf(c, i) & LX_PRON) && !is(c, i, "who")) ||
                         is(c, i, "could") || is(c, i, "would") || is(c, i, "will") ||
                         is(c, i, "should") || is(c, i, "can") || is(c, i, "is") ||
                         is(c, i, "are") || is(c, i, "was") || is(c, i, "were") ||
                         is(c, i, "has") || is(c, i, "have") || is(c, i, "had") ||
                         cue_type(c, i) != CUE_NONE;
            after_short = !clause;
        }
        /* "In a 1963 speech, he declared:" introduces what follows */
        if (ke < b && is_punct(c, ke, ':'))
            after_short = false;
        if (have_src) {
            r.sa = sa, r.sb = px__source_cut(c, sa, px__source_end(c, p, k));
            /* the aside between dashes is part of the source, as PolNeAR
             * spans it, with its closing dash */
            if (aside_end && r.sb == p && px__aside_in_source(c, p, aside_end))
                r.sb = aside_end;
            bool quote_before = sa > a && closes_quote(c, sa - 1) && !px__show_lead(c, a, sa - 1);
            uint32_t qclose = quote_before ? sa - 1 : 0;
            /* "“A,” nuclear experts X and Y of the Institute for Science
             * wrote in September. “B.”": when the source found is only the
             * end of a long one, a quotation opening the unit still comes
             * before it; after the cue only a phrase of time or place
             * ("in September", "on Wednesday") stands, no content */
            if (!quote_before && !who && after_short && after < after_end &&
                (lexf(c, after) & LX_PREP) && !is(c, after, "that") && opens_quote(c, a) &&
                !c->title[c->qs.tok_quote[a]]) {
                uint32_t x = c->qs.v[c->qs.tok_quote[a]].end_tok - 1;
                bool np = x + 1 < sa && sa - x <= 30 && closes_quote(c, x) &&
                          !px__show_lead(c, a, x);
                for (uint32_t i = x + 1; i < sa && np; i++)
                    np = !in_quote(c, i) && c->t[i].kind != PX_TOK_QUOTE &&
                         cue_type(c, i) == CUE_NONE &&
                         (c->t[i].kind != PX_TOK_PUNCT || is_punct(c, i, ',') || px__glued(c, i));
                for (uint32_t i = after; i < after_end && np; i++)
                    np = !in_quote(c, i) && c->t[i].kind != PX_TOK_QUOTE;
                if (np) {
                    quote_before = true;
                    qclose = x;
                }
            }
            bool comma_before = sa > a + 1 && is_punct(c, sa - 1, ',');
            /* "Her countrymen, she said, should not ...": the whole unit */
            bool parenthetical = false;
            uint32_t pcomma = 0; /* the comma after the cue */
            if (comma_before && !who) {
                /* the comma right behind the cue or a word later ("she
                 * said Tuesday,"); further on, the comma ends a clause of
                 * the content ("likened RT to the BBC, which") */
                for (uint32_t i = ke; i < b && i < k + 3; i++) {
                    if (is_punct(c, i, ',')) {
                        /* "The reality is, he added, ''there are no
                         * recusals''": a quotation that opens in lower
                         * case goes on with the writer's sentence */
                        parenthetical = i + 1 < b && !is(c, i + 1, "adding") &&
                                        cue_type(c, i + 1) != CUE_PART &&
                                        (!opens_quote(c, i + 1) ||
                                         (i + 2 < b && c->t[i + 2].kind == PX_TOK_WORD &&
                                          !(c->t[i + 2].flags & PX_TF_CAP)));
                        pcomma = i;
                        break;
                    }
                    if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD || is(c, i, "that"))
                        break;
                }
            }
            if (parenthetical) {
                r.ca = a;
                /* "Still, she added, “we also can't ignore ...”": a lone
                 * "still" before the source concedes against the writer's
                 * sentence before, as it does before a content ("Still,
                 * [golf clubs are ...]," he said); the content starts
                 * after the cue's comma (on PolNeAR train 3 of 3; "But,"
                 * and "Instead," go either way there) */
                if (sa == a + 2 && is(c, a, "still") && is_punct(c, a + 1, ',') &&
                    pcomma + 2 < b)
                    r.ca = pcomma + 1;
                r.cb = trim_end(c, a, px__clause_end(c, ke, b));
                if (r.cb <= r.ca)
                    continue;
                r.entity = px__resolve(c, u, r.sa, r.sb);
                px__add_record(c, r);
                continue;
            }
            /* "Now, Republicans believe they have ...": a lead of one or two
             * words before the comma is no content; the clause after is */
            bool lead_short = false;
            if (comma_before && !quote_before) {
                uint32_t le = trim_end(c, a, sa - 1);
                lead_short = (le - a < 3 && !(le > a && closes_quote(c, le - 1))) ||
                             px__adverbial_lead(c, a, le);
            }
            if (!who && !parenthetical &&
                (quote_before || (comma_before && after_short && !lead_short))) {
                /* "...," X said. */
                r.ca = quote_before ? px__quote_start(c, a, qclose) : a;
                r.cb = quote_before ? qclose + 1 : trim_end(c, a, sa - 1);
                if (!quote_before && r.cb > a && closes_quote(c, r.cb - 1) == false &&
                    r.cb - r.ca < 3)
                    continue;
                uint32_t tail = px__interrupted_tail(c, ke, b);
                if (tail)
                    r.cb = tail;
                else if ((quote_before || closes_quote(c, r.cb - 1) || comma_before) &&
                         u + 1 < c->n_units &&
                         c->qs.tok_block[c->units[u + 1].a] == c->qs.tok_block[a] &&
                         px__lead_quote(c, u + 1) >= 0) {
                    /* "A," she said. "B." */
                    int32_t q2 = px__lead_quote(c, u + 1);
                    r.cb = c->qs.v[q2].end_tok;
                    *consumed_next = true;
                    for (size_t v = u + 2; px__lone_quote(c, u + 1) >= 0 && v < c->n_units &&
                                           px__lone_quote(c, v) >= 0 &&
                                           c->qs.tok_block[c->units[v].a] == c->qs.tok_block[a];
                         v++)
                        r.cb = c->qs.v[px__lone_quote(c, v)].end_tok;
                }
            } else {
                /* X said (that) ... */
                uint32_t s = ke;
                if ((is(c, k, "told") || is(c, k, "tells") || is(c, k, "tell") ||
                     is(c, k, "telling") || is(c, k, "assured") || is(c, k, "reminded")) &&
                    s < b &&
                    (is(c, s, "him") || is(c, s, "her") || is(c, s, "them") || is(c, s, "me") ||
                     is(c, s, "us") || is(c, s, "you") || is(c, s, "reporters")))
                    s++; /* the object is no part of what was said */
                while (s < b && (is_punct(c, s, ',') || is_punct(c, s, ':')))
                    s++;
                s = px__addressee_end(c, k, s, b);
                for (uint32_t i = s; i < b && i < s + 12; i++) {
                    if (c->t[i].kind == PX_TOK_QUOTE && !in_quote(c, i))
                        continue; /* a title's marks: "said on ABC’s “This Week” that" */
                    if (is_punct(c, i, ',') && i > s && s > ke && is_punct(c, s - 1, ','))
                        continue; /* "said, among other things, that" */
                    if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD ||
                        (lexf(c, i) & LX_PRON) || is(c, i, "was") || is(c, i, "is") ||
                        is(c, i, "were") || is(c, i, "are") || is(c, i, "has") ||
                        is(c, i, "have") || is(c, i, "had") || is(c, i, "will") ||
                        is(c, i, "would") || is(c, i, "could") || is(c, i, "can") ||
                        is(c, i, "if") || is(c, i, "whether") || is(c, i, "how") ||
                        is(c, i, "what") || is(c, i, "why"))
                        break;
                    if (is(c, i, "that")) {
                        /* over a phrase of time, place or manner ("said in
                         * a statement Thursday that"), not over the
                         * subject of the clause ("says the increase that
                         * Bloomberg decries makes ...") */
                        bool to_verb = is(c, s, "to") && s + 1 < b &&
                                       c->t[s + 1].kind == PX_TOK_WORD &&
                                       !(c->t[s + 1].flags & PX_TF_CAP) &&
                                       !(lexf(c, s + 1) & (LX_DET | LX_PRON));
                        bool addressee = is(c, k, "told") || is(c, k, "tells") ||
                                         is(c, k, "tell") || is(c, k, "telling") ||
                                         is(c, k, "assured") || is(c, k, "warned") ||
                                         is(c, k, "reminded") || is(c, k, "informed") ||
                                         is(c, k, "promised") || is(c, k, "convinced") ||
                                         is(c, k, "asked") || is(c, k, "urged");
                        if (i == s || addressee || (s > ke && is_punct(c, s - 1, ',') && is_punct(c, i - 1, ',')) ||
                            ((lexf(c, s) & (LX_PREP | LX_AUX)) && !to_verb) || is_ly_adverb(c, s) ||
                            px__month_from_name(tstr(c, s), tlen(c, s)) ||
                            ((c->t[s].flags & PX_TF_CAP) && (lexf(c, s) & LX_NAMESTOP)) ||
                            is(c, s, "last") || is(c, s, "this") || is(c, s, "yesterday") ||
                            is(c, s, "today") || is(c, s, "tonight") || is(c, s, "repeatedly") ||
                            is(c, s, "again") || is(c, s, "privately") || is(c, s, "publicly") ||
                            is(c, s, "late") || is(c, s, "early") || is(c, s, "before") ||
                            is(c, s, "after") || is(c, s, "during") || is(c, s, "over") ||
                            is(c, s, "while") || is(c, s, "when") || is(c, s, "as"))
                            s = i;
                        break;
                    }
                }
                /* "asked Sanders how he was feeling": the question */
                if (is(c, k, "asked") || is(c, k, "asks") || is(c, k, "ask")) {
                    for (uint32_t i = s; i < b && i < s + 5; i++) {
                        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD ||
                            cue_type(c, i) != CUE_NONE)
                            break;
                        if (is(c, i, "if") || is(c, i, "whether") || is(c, i, "how") ||
                            is(c, i, "what") || is(c, i, "why") || is(c, i, "when") ||
                            is(c, i, "where") || is(c, i, "who")) {
                            s = i;
                            break;
                        }
                    }
                }
                /* "said in a statement Thursday night they ...": the clause
                 * starts at its subject pronoun */
                if (s < b && !is(c, s, "that") && !is(c, s, "how") && !is(c, s, "what") &&
                    !is(c, s, "why") && !is(c, s, "where") && !is(c, s, "who") &&
                    !is(c, s, "when") && !is(c, s, "if") && !is(c, s, "whether") &&
                    !(lexf(c, s) & (LX_PRON | LX_DET)) && /* "says [he wishes he ...]" */
                    ((lexf(c, s) & LX_PREP) || px__month_from_name(tstr(c, s), tlen(c, s)) ||
                     (lexf(c, s) & LX_NAMESTOP))) {
                    for (uint32_t i = s + 1; i < b && i < s + 10; i++) {
                        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
                            break;
                        if ((lexf(c, i) & LX_PRON) && !is(c, i, "who") && !is(c, i, "it")) {
                            s = i;
                            break;
                        }
                    }
                }
                /* "told The Huffington Post he's not planning ...", "told
                 * the crowd she ...": the addressee before the clause's
                 * subject pronoun is no part of what was said */
                if (s < b && (is(c, k, "told") || is(c, k, "tells") || is(c, k, "tell")) &&
                    !in_quote(c, s) && c->t[s].kind == PX_TOK_WORD && !is(c, s, "that") &&
                    !(lexf(c, s) & (LX_PRON | LX_PREP)) && !px__subordinator(c, s))
                    for (uint32_t i = s + 1; i < b && i < s + 8; i++) {
                        if (in_quote(c, i) || (c->t[i].kind != PX_TOK_WORD && !is_punct(c, i, ',')) ||
                            cue_type(c, i) != CUE_NONE || (lexf(c, i) & LX_AUX) ||
                            /* "told aides as he labored", "tells the story of how he" */
                            px__subordinator(c, i))
                            break;
                        if ((lexf(c, i) & LX_PRON) && !is(c, i, "it") && !is(c, i, "who") &&
                            !is(c, i, "you")) {
                            s = i;
                            break;
                        }
                    }
                /* "found in 2014 that ...": the clause opens at "that" */
                if (s < b && (is(c, s, "in") || is(c, s, "on") || is(c, s, "last")) &&
                    px__that_after_time(c, s) < b)
                    s = px__that_after_time(c, s);
                /* said last week in Tel Aviv, "..." */
                while (s < b && is_ly_adverb(c, s) && s + 1 < b)
                    s++;
                if (s < b && !is(c, s, "that"))
                    s = px__quote_after(c, s, b);
                /* "Zielinski told reporters outside the gallery:" then a
                 * quotation in the next paragraph: it is what was said */
                bool intro = px__intro_next_quote(c, u, true) ||
                             (ke + 1 == b && px__intro_next_quote(c, u, false));
                for (uint32_t i = ke; i < b && intro; i++)
                    intro = cue_type(c, i) == CUE_NONE;
                if (intro || s >= b || (s < b && trim_end(c, s, b) == s)) {
                    /* "He said:" at the end of its unit introduces the next */
                    if (intro || (ke < b && is_punct(c, ke, ':'))) {
                        r.entity = px__resolve(c, u, r.sa, r.sb);
                        *colon_intro = r;
                        colon_intro->ca = 1; /* marks it set */
                    }
                    continue;
                }
                /* "public records show no gifts at all", "Polls show voters
                 * trust Clinton": data show a clause without "that" */
                bool data_src = p > a && c->t[s].kind == PX_TOK_WORD && !in_quote(c, p - 1) &&
                                !(lexf(c, s) & (LX_PREP | LX_NPSTOP)) &&
                                (is(c, k, "show") || is(c, k, "shows") || is(c, k, "showed") ||
                                 is(c, k, "found") || is(c, k, "find") || is(c, k, "finds") ||
                                 is(c, k, "indicate") || is(c, k, "indicates")) &&
                                (is(c, p - 1, "polls") || is(c, p - 1, "poll") ||
                                 is(c, p - 1, "survey") || is(c, p - 1, "surveys") ||
                                 is(c, p - 1, "records") || is(c, p - 1, "data") ||
                                 is(c, p - 1, "documents") || is(c, p - 1, "findings") ||
                                 is(c, p - 1, "results") || is(c, p - 1, "study") ||
                                 is(c, p - 1, "studies") || is(c, p - 1, "numbers") ||
                                 is(c, p - 1, "figures") || is(c, p - 1, "filings") ||
                                 is(c, p - 1, "report") || is(c, p - 1, "analysis"));
                if (ct == CUE_THAT && !is(c, s, "that") && !data_src &&
                    !((c->t[s].kind == PX_TOK_WORD || c->t[s].kind == PX_TOK_NUMBER) &&
                      ((lexf(c, s) & LX_PRON) || (lexf(c, s) & LX_DET) ||
                       (c->t[s].flags & PX_TF_CAP) ||
                       (c->t[s].kind == PX_TOK_NUMBER && s + 1 < b &&
                        (c->t[s + 1].kind == PX_TOK_WORD || px__share_end(c, s, s + 1))) ||
                       (px__data_verb(c, k) && (is(c, s, "him") || is(c, s, "them"))) ||
                       px__that_less_clause(c, s, b) ||
                       (is(c, s, "to") && s + 1 < b && c->t[s + 1].kind == PX_TOK_WORD &&
                        !(c->t[s + 1].flags & PX_TF_CAP) &&
                        !(lexf(c, s + 1) & (LX_DET | LX_PRON | LX_PREP))))))
                    continue;
                r.ca = s;
                r.cb = trim_end(c, s, px__clause_end(c, s, b));
                /* "continued to call for [more information about the
                 * shooting], looping the streets": the noun phrase after a
                 * verb with its preposition ends before a participle clause */
                if (ct == CUE_PREPV && !in_quote(c, s) && !is(c, s, "that") &&
                    !(lexf(c, s) & LX_PRON))
                    for (uint32_t i = s + 1; i + 1 < r.cb; i++) {
                        if (in_quote(c, i))
                            break;
                        size_t n = tlen(c, i + 1);
                        if (is_punct(c, i, ',') && c->t[i + 1].kind == PX_TOK_WORD && n > 4 &&
                            !memcmp(tstr(c, i + 1) + n - 3, "ing", 3) &&
                            !(c->t[i + 1].flags & PX_TF_CAP) && !is(c, i + 1, "including") &&
                            !is(c, i + 1, "according") && !is(c, i + 1, "lasting")) {
                            r.cb = trim_end(c, s, i);
                            break;
                        }
                    }
                /* "bodies, which he called "a cartel"", "what it calls
                 * "sensible laws"": the relative pronoun is the object of
                 * the cue and PolNeAR starts the content with it */
                if (sa > a && !in_quote(c, sa - 1) &&
                    (is(c, sa - 1, "which") || is(c, sa - 1, "whom") || is(c, sa - 1, "what")) &&
                    !(sa > a + 1 && (lexf(c, sa - 2) & LX_PREP))) /* "in which he said" */
                    r.ca = sa - 1;
                /* "Greene added that the Fed wants out. "They don't like to
                 * talk about it."": a quotation alone after the clause, in
                 * its paragraph, goes on with it */
                if (r.cb > r.ca + 3 && r.cb == trim_end(c, r.ca, b) && !in_quote(c, r.cb - 1) &&
                    c->recs.n == first_rec && !who &&
                    !(r.sa > a && (lexf(c, r.sa - 1) & (LX_PRON | LX_PREP | LX_NPSTOP))) &&
                    !(lexf(c, k) & LX_WEAK) && !opens_quote(c, r.ca) && px__indirect_goes_on(c, u) &&
                    !quote_in(c, a, k)) {
                    px__grow_over_next(c, u, &r);
                    *consumed_next = true;
                }
            }
        } else if (p == a || is_punct(c, p - 1, ',') || closes_quote(c, p - 1)) {
            /* inverted: "...," said Ron Weiser */
            uint32_t e = px__np_after(c, ke, b);
            if (e == ke || p == a)
                continue;
            /* a relative clause left out of the source ends the unit
             * as well: "..., said Ann Ruiz, who said she would ..." */
            uint32_t rest = e + 1 < b && is_punct(c, e, ',') && is(c, e + 1, "who") ? b : e;
            if (!closes_quote(c, p - 1) && trim_end(c, rest, b) > rest)
                continue; /* "Russia, meanwhile, claimed Ukraine fired ..." */
            r.sa = ke, r.sb = e;
            r.ca = closes_quote(c, p - 1) ? px__quote_start(c, a, p - 1) : a;
            r.cb = closes_quote(c, p - 1) ? p : trim_end(c, a, p - 1);
            if (r.cb <= r.ca)
                continue;
            uint32_t tail = px__interrupted_tail(c, e, b);
            if (tail)
                r.cb = tail;
            /* "A," said X. "B.", and after a partial one: 'Some sentiments
             * are "based on ...," said X. "..."' */
            else if (closes_quote(c, r.cb - 1) && u + 1 < c->n_units &&
                     c->qs.tok_block[c->units[u + 1].a] == c->qs.tok_block[a] &&
                     px__lead_quote(c, u + 1) >= 0) {
                r.cb = c->qs.v[px__lead_quote(c, u + 1)].end_tok;
                *consumed_next = true;
                for (size_t v = u + 2; px__lone_quote(c, u + 1) >= 0 && v < c->n_units &&
                                       px__lone_quote(c, v) >= 0 &&
                                       c->qs.tok_block[c->units[v].a] == c->qs.tok_block[a];
                     v++)
                    r.cb = c->qs.v[px__lone_quote(c, v)].end_tok;
            }
        } else
            continue;
        if (r.cb <= r.ca)
            continue;
        /* "Sanders accused Clinton of ...", "X called for a ban": these
         * verbs report with a noun phrase too, after a source (PolNeAR
         * annotates the object as the content) */
        static const char *const np_weak[] = {
            "accused", "accuses", "criticized", "criticised", "proposed", "proposes",
            "described", "describes", "cited", "cites", "questioned", "blasted", "slammed",
            "demands", "demanded"};
        /* "..., the Guardian reported.": the whole clause before */
        bool weak_before = r.sb > r.sa && r.cb <= r.sa && r.ca == a && r.sa > a &&
                           is_punct(c, r.sa - 1, ',') && r.cb - r.ca >= 4 &&
                           (is(c, k, "reported") || is(c, k, "reports") || is(c, k, "posted"));
        bool weak_np = weak_before || (r.ca >= ke && r.sb > r.sa &&
                       (r.vb == k + 2 || is_any(c, k, np_weak, PX_ARRAY_LEN(np_weak))));
        /* a learnt cue (LX_STAT) only in the plain order "X verb ..." */
        if ((lexf(c, k) & LX_STAT) && !(lexf(c, k) & (LX_VERB | LX_THAT | LX_PART)) &&
            (r.ca < ke || r.sb <= r.sa))
            continue;
        if ((lexf(c, k) & LX_WEAK) && !weak_np) {
            bool quoted = false;
            for (uint32_t i = r.ca; i < r.cb && !quoted; i++)
                quoted = in_quote(c, i);
            if (!quoted && !is(c, r.ca, "that") &&
                !((is(c, k, "reported") ||
                   (is(c, k, "reports") && /* not "police reports" */
                    ((c->t[k - 1].flags & PX_TF_CAP) || (lexf(c, k - 1) & LX_PRON)))) &&
                  r.ca >= ke && r.sb > r.sa && px__reported_clause(c, r.ca, r.cb)) &&
                !((is(c, k, "asked") || is(c, k, "asks") || is(c, k, "ask")) &&
                  (is(c, r.ca, "if") || is(c, r.ca, "whether") || is(c, r.ca, "how") ||
                   is(c, r.ca, "what") || is(c, r.ca, "why") || is(c, r.ca, "when") ||
                   is(c, r.ca, "where") || is(c, r.ca, "who"))))
                continue;
        }
        /* "Podesta, who said [the project was vetted], said ...",
         * "Sanders's donor list, which the campaign says [includes 2.7
         * million contributors], is ..." */
        if (r.ca >= ke && r.sb > r.sa && !in_quote(c, r.ca) &&
            (who || (r.sa > a && (is(c, r.sa - 1, "which") || is(c, r.sa - 1, "who") ||
                                  is(c, r.sa - 1, "whom")))))
            r.cb = trim_end(c, r.ca, px__relative_end(c, r.ca, r.cb));
        r.entity = px__resolve(c, u, r.sa, r.sb);
        px__add_record(c, r);
    }
    /* "Zielinski, the rescue commander, spoke to reporters, still in his
     * overalls:" then a quotation in the next paragraph, with no
     * reporting verb: the unit's subject said it, the verb after it is
     * the cue */
    if (c->recs.n == first_rec && !colon_intro->ca && un->subject >= 0 &&
        un->subject_tok < b && un->subj_b < b && px__intro_next_quote(c, u, true)) {
        uint32_t v = un->subj_b;
        if (is_punct(c, v, ',')) { /* an appositive */
            v++;
            while (v < b && !is_punct(c, v, ',') && !is_terminal_tok(c, v))
                v++;
            if (v < b && is_punct(c, v, ','))
                v++;
        }
        while (v < b && (lexf(c, v) & LX_AUX))
            v++;
        if (v < b && c->t[v].kind == PX_TOK_WORD && !(c->t[v].flags & PX_TF_CAP) &&
            !(lexf(c, v) & (LX_NPSTOP | LX_PREP))) {
            rec r = {1, 0, un->subj_a, un->subj_b, v, v + 1, un->subject, false, NULL};
            *colon_intro = r;
        }
    }
    /* a quotation no record covers, after a cue of the unit's subject:
     * "He ... insisted on the urgency of negotiations, "HAVE THE MEETING"" */
    uint32_t last_cue = UINT32_MAX;
    for (uint32_t k = a; k < b; k++) {
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
        for (size_t i = first_rec; i < c->recs.n && !covered; i++)
            covered = c->recs.v[i].ca <= k && c->recs.v[i].cb >= c->qs.v[q].end_tok;
        if (covered || un->subject < 0)
            continue;
        rec r = {k, c->qs.v[q].end_tok, 0, 0, last_cue, last_cue + 1, un->subject, false, NULL};
        if (un->subject_tok < last_cue)
            r.sa = un->subj_a, r.sb = un->subj_b;
        px__add_record(c, r);
        k = c->qs.v[q].end_tok - 1;
    }
    px__as_quote(c, u, first_rec);
    px__comma_verb_quote(c, u, first_rec);
    px__from_colon_quote(c, u, first_rec);
    px__inverted_said_quote(c, u, first_rec);
    px__colon_quote(c, u, first_rec);
    if (c->recs.n > first_rec)
        return;
    /* a quotation alone in its unit */
    int32_t q = px__lone_quote(c, u);
    if (q < 0)
        return;
    rec r = {c->qs.v[q].open, c->qs.v[q].end_tok, 0, 0, 0, 0, -1, false, NULL};
    if (!colon_intro->ca && px__heading_quote(c, u, q))
        return;
    if (colon_intro->ca) {
        r.sa = colon_intro->sa, r.sb = colon_intro->sb;
        r.va = colon_intro->va, r.vb = colon_intro->vb;
        r.entity = colon_intro->entity;
        px__add_record(c, r);
        return;
    }
    /* a quotation alone in the paragraph after a quotation continues it
     * (PolNeAR annotates the paragraphs as one content): the record before
     * grows over it, and its speaker carries over; not after a quotation
     * signed with a dash ("...”― Carla Sanchez"), which ends its post or
     * testimonial */
    if (c->recs.n && u > 0) {
        rec *prev = &c->recs.v[c->recs.n - 1];
        int32_t pu = px__unit_of_token(c, prev->cb - 1);
        const unit *pun = pu >= 0 ? &c->units[pu] : NULL;
        bool signed_dash = prev->va >= prev->cb && prev->vb == prev->va + 1 &&
                           c->t[prev->va].kind == PX_TOK_DASH;
        if (pun && (size_t)pu + 1 == u && !signed_dash &&
            (trim_end(c, prev->cb, pun->b) == prev->cb || prev->sa >= prev->cb) &&
            c->qs.tok_block[a] == c->qs.tok_block[prev->cb - 1] + 1 && !prev->embedded) {
            prev->cb = r.cb;
            return;
        }
    }
    /* a paragraph that is only a quotation, after a paragraph about a
     * person ("That evening Mr Zielinski walked into the canteen ...")
     * with no attribution of its own: that person said it */
    if (u > 0 && c->units[u - 1].subject >= 0 && c->units[u - 1].subject_tok < c->units[u - 1].b &&
        c->qs.tok_block[a] == c->qs.tok_block[c->units[u - 1].b - 1] + 1 &&
        (a == 0 || c->qs.tok_block[a - 1] != c->qs.tok_block[a]) &&
        (b >= c->doc->n_toks || c->qs.tok_block[b] != c->qs.tok_block[a])) {
        r.entity = c->units[u - 1].subject;
        px__add_record(c, r);
    }
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
    c.lex = calloc(doc->n_toks + 1, sizeof(*c.lex));
    c.cues = calloc(doc->n_toks + 1, 1);
    int rc = PX_ENOMEM;
    if (!c.lex || !c.cues)
        goto done;
    if ((rc = px__quote_scan(doc, &c.qs)))
        goto done;
    c.title = calloc(c.qs.n + 1, 1);
    if (!c.title) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < doc->n_toks; i++)
        c.lex[i] = LX_DONE | (c.t[i].kind == PX_TOK_WORD ? px__lex(c.text + c.t[i].start,
                                                                     c.t[i].end - c.t[i].start)
                                                          : 0);
    for (size_t i = 1; i < doc->n_toks; i++)
        if ((c.lex[i] & LX_AUX) && px__name_part(&c, i))
            c.lex[i] &= ~(LX_AUX | LX_NPSTOP | LX_NOTAPPOS | LX_PREP);
    for (size_t i = 0; i < c.qs.n; i++)
        c.title[i] = px__is_title(&c, &c.qs.v[i]);
    c.hl_block = px__headline_block(&c);
    if ((rc = px__mentions_build(doc, &c.qs, c.lex, &c.mn)))
        goto done;
    /* the words of a title are the writer's: no quotation holds them */
    for (size_t i = 0; i < c.qs.n; i++)
        if (c.title[i])
            for (uint32_t k = c.qs.v[i].open; k < c.qs.v[i].end_tok; k++)
                c.qs.tok_quote[k] = PX__NO_QUOTE;
    if ((rc = px__build_units(&c)))
        goto done;
    for (size_t u = 0; u < c.n_units; u++) {
        bool skip = false;
        rec intro = {0};
        attribute_unit(&c, u, &skip, &intro);
        px__dash_signature(&c, u);
        /* a colon introduction applies to the unit right after */
        if (intro.ca && u + 1 < c.n_units) {
            attribute_unit(&c, u + 1, &skip, &intro);
            u++;
        }
        if (skip)
            u++;
    }
    px__embedded_posts(&c);
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
