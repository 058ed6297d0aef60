/*
 * participle.c - the cues whose subject stands elsewhere: a participle
 * ("..., adding that ...", "Noting that ..., Tester added", "released a
 * statement saying ...", "with three in 10 saying ...") and the question
 * of "asked" ("Asked about Cruz's charges, Rubio said"). attribute_cue()
 * (attrib.c) hands them the cue; each returns the last token it consumed.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* "Noting that only Kirk voted with Democrats, Tester added", "After
 * saying her foot was "so swollen I could barely get my shoe on," she
 * was ...": a participle that opens its sentence (or follows "after",
 * "while", "before", "by" there); its content runs to the comma (or the
 * comma inside the closing mark), its source is the name or pronoun
 * after it. */
static bool opens_sentence(const ctx *c, uint32_t a, uint32_t k)
{
    return k == a || (k == a + 1 && (is(c, a, "after") || is(c, a, "while") ||
                                     is(c, a, "before") || is(c, a, "by")));
}

static uint32_t opening_participle(unit_run *ur, rec r, uint32_t k, uint32_t ke)
{
    ctx *c = ur->c;
    uint32_t b = ur->b;
    uint32_t e = ke;
    while (e < b && (in_quote(c, e) || !is_punct(c, e, ',')) &&
           !(e > ke + 1 && closes_quote(c, e - 1) && is_punct(c, e - 2, ',')))
        e++;
    if (e >= b || e - ke < 3 || e - ke > 60)
        return k;
    uint32_t n0 = is_punct(c, e, ',') ? e + 1 : e, n1 = n0;
    if (n1 < b && c->t[n1].kind == PX_TOK_WORD && (lexf(c, n1) & LX_PRON) && !is(c, n1, "it") &&
        !is(c, n1, "who"))
        n1++;
    else
        while (n1 < b && n1 < n0 + 5 && c->t[n1].kind == PX_TOK_WORD && !in_quote(c, n1) &&
               (c->t[n1].flags & PX_TF_CAP) && !(lexf(c, n1) & LX_NAMESTOP))
            n1++;
    if (n1 > n0 && n1 < b && c->t[n1].kind == PX_TOK_WORD && !(c->t[n1].flags & PX_TF_CAP) &&
        !in_quote(c, n1)) {
        r.sa = n0, r.sb = n1;
        r.entity = px__resolve(c, ur->u, n0, n1);
    }
    r.ca = ke, r.cb = e;
    px__add_record(c, r);
    return e;
}

/* "The town released a statement Wednesday saying ...", "Mitch McConnell
 * (R-Ky.) issued ...", "A coalition of groups - including ... - sent a
 * letter": the subject of the verb that issued the message (issued, see
 * px__issued_message), over auxiliaries, a party in parentheses or an
 * aside between dashes. Sets r->sa, r->sb and r->entity and returns true
 * when there is one. */
static bool issuer_source(unit_run *ur, rec *r, uint32_t issued)
{
    const ctx *c = ur->c;
    uint32_t a = ur->a;
    uint32_t ip = px__verb_group_start(c, a, issued), ie = ip; /* its last token, its end */
    if (ip > a + 2 && is_punct(c, ip - 1, ')') && !in_quote(c, ip - 1)) {
        uint32_t o = px__paren_open_before(c, a, ip);
        if (is_punct(c, o, '('))
            ip = o;
    } else if (px__dash_aside_start(c, a, ip) < ip) {
        uint32_t o = px__dash_aside_start(c, a, ip);
        ie = px__aside_in_source(c, o, ip) ? ip : o;
        ip = o;
    }
    uint32_t isa = ip > a ? px__np_before(c, a, ip - 1) : issued;
    if (!(isa < ip && !(isa > a && (lexf(c, isa - 1) & LX_PREP))))
        return false;
    r->sa = isa;
    r->sb = ie;
    r->entity = px__resolve(c, ur->u, isa, ip);
    return true;
}

/* "Since Clinton's op-ed ..., [she]'s tacked to the left, ... calling
 * for": when the unit's subject is an owner ("Cruz's campaign also went on
 * the offensive, tweeting"), the personal pronoun after it (or "she's",
 * "they're") is the participle's source. */
static void pronoun_after_owner(unit_run *ur, rec *r, uint32_t k)
{
    const ctx *c = ur->c;
    const unit *un = ur->un;
    for (uint32_t i = un->subj_b; i < k && i < un->subj_b + 30; i++)
        if (!in_quote(c, i) && c->t[i].kind == PX_TOK_WORD &&
            (((lexf(c, i) & LX_PERSPRON) && (lexf(c, i) & LX_PRON) && !is(c, i, "who") &&
              !is(c, i, "him") && !is(c, i, "her") && !is(c, i, "his")) ||
             /* "she's", "they're" */
             (px__clitic_end(c, i) < c->t[i].end &&
              (tstr(c, i)[0] == 's' || tstr(c, i)[0] == 'h' || tstr(c, i)[0] == 't' ||
               tstr(c, i)[0] == 'S' || tstr(c, i)[0] == 'H' || tstr(c, i)[0] == 'T')))) {
            r->sa = i, r->sb = i + 1;
            r->entity = px__resolve(c, ur->u, i, i + 1);
            break;
        }
}

/* The source of a participle cue at k that follows its clause: the
 * subject of "with" ("with Trump tweeting"), the issuer of a message, the
 * source of the record before in the unit, the unit's subject, or the
 * subject that opens the clause ("Trump shot back in a statement, saying
 * ..."); a participle after "and" with none of these has none (false). */
static bool participle_source(unit_run *ur, rec *r, uint32_t k, uint32_t issued,
                              uint32_t with_np)
{
    ctx *c = ur->c;
    const unit *un = ur->un;
    if (with_np < k) {
        /* "with three in 10 saying", "with Trump tweeting" */
        uint32_t we = k;
        while (we > with_np + 1 && is_ly_adverb(c, we - 1))
            we--;
        r->sa = with_np;
        r->sb = we;
        r->entity = px__resolve(c, ur->u, with_np, we);
    } else if (issued < k && issuer_source(ur, r, issued)) {
        /* the issuer of the message: "The town released a statement" */
    } else if (c->recs.n > ur->first_rec &&
               c->recs.v[c->recs.n - 1].sb > c->recs.v[c->recs.n - 1].sa) {
        r->sa = c->recs.v[c->recs.n - 1].sa;
        r->sb = c->recs.v[c->recs.n - 1].sb;
        r->entity = c->recs.v[c->recs.n - 1].entity;
    } else if (un->subject >= 0 && un->subject_tok < k && un->subj_b <= k) {
        if (!possessive(c, un->subj_b - 1)) {
            r->sa = un->subj_a;
            r->sb = un->subj_b;
            r->entity = un->subject;
        } else
            pronoun_after_owner(ur, r, k);
    } else if (!is(c, k - 1, "and")) {
        /* no source in sight: the subject that opens the clause, or the
         * content alone ("many voters shrugged, with three in 10 saying
         * ...") */
        uint32_t s1, s0 = px__clause_subject(c, ur->a, k, &s1);
        if (s1 > s0) {
            r->sa = s0, r->sb = s1;
            r->entity = px__resolve(c, ur->u, s0, s1);
        }
    } else
        return false;
    return true;
}

/* Where the content of a participle cue k begins (ke the token after it):
 * past a comma or colon, at a quotation after a short phrase ("telling
 * reporters, "...""; not over the object of "calling him "a failed
 * candidate""), after the addressee of a verb of telling ("telling
 * O'Reilly that ...", "telling the crowd he ..."). */
static uint32_t participle_content_start(const ctx *c, uint32_t k, uint32_t ke, uint32_t b)
{
    uint32_t s = ke;
    while (s < b && (is_punct(c, s, ',') || is_punct(c, s, ':')))
        s++;
    if (s < b && !is(c, s, "that") && !is(c, k, "calling") && !is(c, k, "describing") &&
        !is(c, k, "labeling") && !is(c, k, "branding") && !is(c, k, "dubbing"))
        s = px__quote_after(c, s, b);
    if (s < b && (is(c, k, "telling") || is(c, k, "warning") || is(c, k, "reminding") ||
                  is(c, k, "assuring") || is(c, k, "informing")) &&
        !in_quote(c, s) && !is(c, s, "that") && !(lexf(c, s) & LX_PRON)) {
        for (uint32_t i = s + 1; i < b && i < s + 8; i++) {
            if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD || cue_type(c, i) != CUE_NONE)
                break;
            if (is(c, i, "that") ||
                ((lexf(c, i) & LX_PRON) && !is(c, i, "it") && !is(c, i, "who") &&
                 !is(c, i - 1, "of"))) {
                s = i;
                break;
            }
            if ((lexf(c, i) & LX_NPSTOP) && !is(c, i, "in") && !is(c, i, "at") && !is(c, i, "on"))
                break;
        }
    }
    return s;
}

/* A participle cue at k (r its record so far, ke the token after it):
 * one that opens the sentence (opening_participle), or one after a comma,
 * "and", a quotation, a preposition ("after saying he was nervous", "by
 * calling for a ban"), a message ("released a statement saying") or
 * "with" and its subject; its content is the clause after it. */
uint32_t px__participle_cue(unit_run *ur, rec r, uint32_t k, uint32_t ke)
{
    ctx *c = ur->c;
    uint32_t a = ur->a, b = ur->b;
    uint32_t issued = px__issued_message(c, a, k);
    uint32_t with_np = px__with_subject(c, a, k);
    bool prep_part = k > a && !in_quote(c, k - 1) &&
                     (is(c, k - 1, "by") || is(c, k - 1, "after") || is(c, k - 1, "before") ||
                      is(c, k - 1, "while") || is(c, k - 1, "without") || is(c, k - 1, "when"));
    if (opens_sentence(c, a, k))
        return opening_participle(ur, r, k, ke);
    if (!(is_punct(c, k - 1, ',') || is(c, k - 1, "and") || closes_quote(c, k - 1) ||
          prep_part || issued < k || with_np < k))
        return k;
    if (!participle_source(ur, &r, k, issued, with_np))
        return k;
    r.ca = participle_content_start(c, k, ke, b);
    r.cb = trim_end(c, r.ca, px__clause_end(c, r.ca, b));
    /* "Salceda, citing [data from the State Department], said": an
     * appositive of the subject before the main verb */
    if (k > a + 1 && is_punct(c, k - 1, ',') && !in_quote(c, r.ca)) {
        bool verb_before = false;
        for (uint32_t i = a; i + 1 < k && !verb_before; i++)
            verb_before = in_quote(c, i) || px__finite_verb(c, i) || cue_type(c, i) != CUE_NONE;
        if (!verb_before)
            r.cb = trim_end(c, r.ca, px__relative_end(c, r.ca, r.cb));
    }
    if (r.cb <= r.ca)
        return k;
    px__add_record(c, r);
    return k;
}

/* "When asked whether he would ..., Christie said", "Asked about Cruz's
 * charges, Rubio said", "Asked by Matt Lauer whether she had ...": after
 * "asked" that opens its clause, the question (to the comma, or the comma
 * inside a closing mark) is the content; its asker is no one named, or the
 * one after "by" (without a time: "on Thursday"). Returns true, with *next
 * the last token consumed, when it added the record; else the cue goes on
 * as a finite verb. */
bool px__asked_question(unit_run *ur, rec *r, uint32_t k, uint32_t ke, int ct, uint32_t *next)
{
    ctx *c = ur->c;
    uint32_t a = ur->a, b = ur->b;
    if (!(is(c, k, "asked") &&
          (k == a || is(c, k - 1, "when") || is(c, k - 1, "while") || is(c, k - 1, "after") ||
           is(c, k - 1, "once") || is(c, k - 1, "if") || is(c, k - 1, "before") ||
           is(c, k - 1, "being") || is(c, k - 1, "Asked"))))
        return false;
    uint32_t s = ke;
    if (ct != CUE_PREPV) {
        /* "asked in May if he would": over a short phrase of time */
        for (uint32_t i = s; i < b && i < s + 5; i++) {
            if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
                break;
            if (px__question_word(c, i) || is(c, i, "about")) {
                if (i > s && (lexf(c, s) & LX_PREP)) {
                    uint32_t ts = i > s + 2 ? px__time_phrase_start(c, s + 1, i - 1) : i;
                    uint32_t by_end = ts > s + 1 && ts < i ? ts : i; /* not "on Thursday" */
                    if (is(c, s, "by") && by_end > s + 1) {
                        r->sa = s + 1, r->sb = by_end;
                        r->entity = px__resolve(c, ur->u, s + 1, by_end);
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
    /* the comma may end a quotation in the question: "Asked whether
     * Clinton “has the integrity ...,” 75 percent said" */
    while (e < b && (in_quote(c, e) || !is_punct(c, e, ',')) &&
           !(e > s && closes_quote(c, e) && is_punct(c, e - 1, ',')))
        e++;
    if (e < b && closes_quote(c, e))
        e++;
    uint32_t ce = trim_end(c, s, px__clause_end(c, s, b));
    e = trim_end(c, s, e < ce ? e : ce);
    if (!(e > s && !(cue_type(c, s) != CUE_NONE)))
        return false;
    r->vb = ct == CUE_PREPV ? k + 2 : (is(c, ke, "about") && s == ke + 1 ? k + 2 : k + 1);
    r->ca = s, r->cb = e;
    px__add_record(c, *r);
    *next = e - 1;
    return true;
}
