/*
 * content_trim.c - the ends of a content after its cue that belong to the
 * writer: an occasion ("at a news conference"), a subordinate or
 * contrasting clause (", but he conceded"), a trailing noun phrase, a
 * second reporting verb, the tail after the last quotation of a mixed
 * content. px__add_record (record.c) applies them to every record.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* The end of an indirect content inside a subordinate clause that opens
 * its sentence: "While the RNC says [they are on their way], they are
 * not receiving help", "Even as they all vowed [to carry on], the sense
 * of urgency was evident": the comma that closes the clause ends the
 * content; the main clause after it is the writer's. v is the cue, s..e
 * the content after it. Returns the comma or e. */
uint32_t px__subordinate_end(const ctx *c, uint32_t v, uint32_t s, uint32_t e)
{
    static const char *const sub[] = {
        "while", "as", "though", "although", "because", "if", "when", "since",
        "after", "before", "until", "unless", "once", "whereas", "whether",
    };
    /* the start of the sentence: a few tokens back at most */
    uint32_t x = v;
    while (x > 0 && v - x < 40 && c->qs.tok_block[x - 1] == c->qs.tok_block[v] &&
           !in_quote(c, x - 1) && c->t[x - 1].kind != PX_TOK_QUOTE &&
           !(is_terminal_tok(c, x - 1) && !is_punct(c, x - 1, ',')))
        x--;
    if (v - x >= 40 || (x > 0 && c->qs.tok_block[x - 1] == c->qs.tok_block[v] &&
                        !is_terminal_tok(c, x - 1)))
        return e;
    /* "But while ...", "However, even as ..." */
    if (x + 1 < v && (is(c, x, "but") || is(c, x, "and") || is(c, x, "yet") || is(c, x, "so")))
        x++;
    else if (x + 2 < v && (is(c, x, "however") || is(c, x, "still") || is(c, x, "meanwhile")) &&
             is_punct(c, x + 1, ','))
        x += 2;
    if (x + 1 < v && is(c, x, "even"))
        x++;
    if (x >= v || !is_any(c, x, sub, PX_ARRAY_LEN(sub)))
        return e;
    /* the content is in the clause: no comma before it */
    for (uint32_t i = x + 1; i < s; i++)
        if (is_punct(c, i, ',') && !in_quote(c, i))
            return e;
    for (uint32_t i = s + 1; i + 1 < e; i++) {
        if (in_quote(c, i))
            continue;
        if (is_punct(c, i, ','))
            return i;
    }
    return e;
}

/* The end of an indirect content after its cue before a clause of the
 * writer's that contrasts with it: "said [the deal was fair], but he
 * conceded ...", "praised [the plan], while Democrats ...", ", though
 * ...". On the train split such a comma ends the content two times in
 * three. */
uint32_t px__contrast_end(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = s + 1; i + 2 < e; i++) {
        if (!is_punct(c, i, ',') || in_quote(c, i) || in_quote(c, i + 1))
            continue;
        if (is(c, i + 1, "but") || is(c, i + 1, "while") || is(c, i + 1, "whereas") ||
            is(c, i + 1, "although") || is(c, i + 1, "though") || is(c, i + 1, "compared"))
            return i;
    }
    return e;
}

/* The end of an indirect content after its cue before a trailing noun
 * phrase of the writer's set off by a comma: "reiterated [his support for
 * Mr. Trump], the presumptive Republican nominee", "said [it had suspended
 * 125,000 accounts], the first time it has ...". */
uint32_t px__trailing_np_end(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = s + 1; i + 2 < e; i++) {
        if (!is_punct(c, i, ',') || in_quote(c, i) || in_quote(c, i + 1))
            continue;
        if (!(is(c, i + 1, "the") || is(c, i + 1, "a") || is(c, i + 1, "an")))
            continue;
        bool last = true;
        for (uint32_t j = i + 2; j < e && last; j++)
            last = !(is_punct(c, j, ',') && !in_quote(c, j));
        if (last)
            return i;
    }
    return e;
}

/* Does the content s..e right after its cue (indirect or mixed: "joked
 * [about] Clinton's “interesting friendship”") begin with a
 * particle or a preposition that belongs to the cue: "boasted [of] his
 * skills", "shouted [out] an insult", "admitted [to] victimizing"? (On the
 * train split the cue ends with "about", "of", "on", "for", "out" ...
 * twenty times as often as the content begins with it.) "to" before a
 * verb is the content's own infinitive: "plans [to rally voters]". */
bool px__particle_after_cue(const ctx *c, uint32_t s, uint32_t e)
{
    static const char *const p[] = {
        "about", "of", "on", "for", "out", "with", "against", "over", "at", "up",
    };
    if (s + 2 > e || in_quote(c, s) || c->t[s].kind != PX_TOK_WORD || in_quote(c, s + 1) ||
        (c->t[s].flags & PX_TF_CAP))
        return false;
    bool to = is(c, s, "to");
    if (!to && !is_any(c, s, p, PX_ARRAY_LEN(p)))
        return false;
    /* "said on Friday that", "says at a campaign stop": the occasion */
    for (uint32_t i = s + 1; i < e && i < s + 4; i++)
        if (px__occasion_word(c, i))
            return false;
    if (!to)
        return !(is(c, s, "about") && c->t[s + 1].kind == PX_TOK_NUMBER); /* "about 20" */
    if (c->t[s + 1].kind == PX_TOK_PUNCT)
        return false;
    size_t n = tlen(c, s + 1);
    const char *w = tstr(c, s + 1);
    return (lexf(c, s + 1) & LX_DET) || (c->t[s + 1].flags & PX_TF_CAP) ||
           c->t[s + 1].kind == PX_TOK_NUMBER || is(c, s + 1, "him") || is(c, s + 1, "them") ||
           is(c, s + 1, "this") || is(c, s + 1, "that") ||
           (n > 5 && !memcmp(w + n - 3, "ing", 3));
}

/* "expressed [concern] that ...", "voiced hope that ...", "expressed
 * [amusement] that Mr. Rubio had described his views “not only ...”":
 * after a light
 * verb of expression the noun is the attitude, part of the cue, and the
 * content is the clause from "that" on (other verbs take the noun as the
 * content: "dismissed [concerns that ...]", "cited [reports that ...]");
 * "argued for years that": a time between cue and clause is no content */
bool px__noun_before_that(const ctx *c, uint32_t s, uint32_t e)
{
    static const char *const light[] = {
        "express", "expressed", "expresses", "expressing",
        "voice",   "voiced",    "voices",    "voicing",
    };
    if (s == 0 || s + 2 >= e || !is_any(c, s - 1, light, PX_ARRAY_LEN(light)) ||
        in_quote(c, s) || in_quote(c, s + 1) || c->t[s].kind != PX_TOK_WORD ||
        (c->t[s].flags & PX_TF_CAP) || !is(c, s + 1, "that") || is(c, s, "that"))
        return false;
    if (lexf(c, s) & (LX_DET | LX_PRON | LX_PERSPRON | LX_AUX | LX_PREP | LX_NPSTOP))
        return false;
    return !px__occasion_word(c, s) && !is_ly_adverb(c, s) && !is(c, s, "so") && !is(c, s, "now") &&
           !is(c, s, "then") && !is(c, s, "here") && !is(c, s, "there") && !is(c, s, "again");
}

/* "called [him divisive] and accused him of ...", "called [the deal a
 * step forward], applauding ...", "describing [the son as a hero] but
 * insisting that ...", "said [he was ''the perfect messenger,''] and he
 * reiterated ...", "accuses [X of an "artful smear"] while Sanders
 * suggests ...", "said [it was "premature"] before claiming ...": a
 * second reporting verb joined by "and", "but" (also with a subject
 * pronoun of its own, or over "did not", "then", "also", "went on to":
 * "but did not suggest [it would be Trump]"), "while" with a subject of its own, a participle
 * after "before" or "while", or a comma starts a statement of its own,
 * which ends this content (after "but" a participle only before
 * "that": "an awkward but promising transition"). Returns the joining
 * token or e. */
uint32_t px__next_cue_start(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = s + 2; i < e; i++) {
        int k = cue_type(c, i);
        if ((k == CUE_VERB || k == CUE_PART) && !(c->t[i].flags & PX_TF_CAP) &&
            (is(c, i - 1, "and") ||
             (is(c, i - 1, "but") && (k == CUE_VERB || (i + 1 < e && is(c, i + 1, "that")))) ||
             (k == CUE_PART && is_punct(c, i - 1, ','))))
            return i - 1;
        if (k == CUE_VERB && i >= s + 3 && (lexf(c, i - 1) & LX_PRON) && !is(c, i - 1, "who") &&
            !is(c, i - 1, "it") && (is(c, i - 2, "and") || is(c, i - 2, "but")) &&
            !in_quote(c, i - 1))
            return i - 2; /* "..., and he reiterated his claim that" */
        if (k == CUE_VERB && i >= s + 4 && !in_quote(c, i)) {
            /* "but did not suggest", "but went on to say", "and also said" */
            uint32_t j = i;
            while (j > s + 2 && i - j < 3 &&
                   (is(c, j - 1, "did") || is(c, j - 1, "not") || is(c, j - 1, "also") ||
                    is(c, j - 1, "went") || is(c, j - 1, "on") || is(c, j - 1, "to") ||
                    is(c, j - 1, "later") || is(c, j - 1, "then")))
                j--;
            if (j < i && (is(c, j - 1, "and") || is(c, j - 1, "but")) && !in_quote(c, j - 1))
                return j - 1;
        }
        if (k == CUE_PART && (is(c, i - 1, "before") || is(c, i - 1, "while")) &&
            !in_quote(c, i - 1))
            return i - 1; /* "on Twitter before claiming that ..." */
        if (k == CUE_VERB && !in_quote(c, i)) {
            /* "... while Sanders suggests [the former ...]" */
            uint32_t j = i;
            while (j > s + 1 && i - j < 4 && c->t[j - 1].kind == PX_TOK_WORD &&
                   !is(c, j - 1, "while") && !in_quote(c, j - 1) && !px__finite_verb(c, j - 1))
                j--;
            if (j < i && j > s + 1 && is(c, j - 1, "while") && !in_quote(c, j - 1))
                return j - 1;
        }
    }
    return e;
}

/* "endorsed [Trump] last week and has appeared at his side": after a noun
 * phrase content, "and" with a finite verb goes on with the subject's next
 * act, not with what was said. Returns "and" or e. */
uint32_t px__object_vp_end(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i + 1 < e; i++) {
        if (in_quote(c, i) || px__clause_word(c, i) || is(c, i, "where") || is(c, i, "when"))
            return e; /* a clause: its "and" may join clauses */
        if (is(c, i, "and") && px__finite_verb(c, i + 1))
            return i;
    }
    return e;
}

/* The end of a content after its cue that opens with a quotation closed
 * by its own comma, the writer's sentence going on after it: "declares
 * [‘revolution,’] ignores losses", "cautioned [“let’s not get ahead of
 * ourselves,”] before optimistically predicting ...", "citing [''the
 * unique magic of Trump,''] said the candidate ...". The comma inside the
 * marks closes what was said; the words after it are no quotation.
 * Returns the new end (after the closing mark) or r->cb. */
uint32_t px__lead_quote_end(const ctx *c, const rec *r)
{
    if (r->cb <= r->ca + 2 || !opens_quote(c, r->ca))
        return r->cb;
    int32_t q = c->qs.tok_quote[r->ca];
    uint32_t e = c->qs.v[q].end_tok;
    if (c->title[q] || c->qs.v[q].close == PX__QSPAN_UNCLOSED || e >= r->cb ||
        e < r->ca + 3 || !is_punct(c, e - 2, ',') || c->t[e].kind != PX_TOK_WORD ||
        in_quote(c, e))
        return r->cb;
    /* "chanted "Send them home," and "Build the wall."": a second
     * quotation goes on with the statement */
    for (uint32_t i = e; i < r->cb; i++)
        if (in_quote(c, i))
            return r->cb;
    /* ""No comment," The Miami Herald reported": another attribution
     * claims the quotation */
    bool np = (c->t[e].flags & PX_TF_CAP) || (lexf(c, e) & (LX_DET | LX_PRON)) ||
              cue_type(c, e) != CUE_NONE;
    for (uint32_t i = e; i < r->cb && i < e + 6 && np; i++)
        if (cue_type(c, i) == CUE_VERB)
            return r->cb;
    return e;
}

/* The end of a mixed content before a phrase right after its last
 * quotation that names the medium or the day of the statement: "called
 * [it “meritless”] in a tweet Sunday", "referred to [him as “...”] in a
 * Facebook post", "denounced [the “Neocons For Hillary” movement] in their
 * radio show", "tweeted, ["Thank you Indiana!"] on Friday afternoon". An
 * occasion that the reported words may speak of stays ("did “great” in
 * the debate", "would “not get beat up” at his rally"), and so does a
 * day ("to “win many delegates” on Super Tuesday"). q is the first token
 * after the quotation. Returns the preposition or e. */
static uint32_t medium_start(const ctx *c, uint32_t q, uint32_t e)
{
    static const char *const medium[] = {
        "interview", "interviews", "statement", "tweet",   "tweets",    "post",    "show",
        "broadcast", "appearance", "letter",    "email",   "op-ed",     "column",  "editorial",
        "video",     "message",    "podcast",   "radio",   "facebook",  "twitter", "instagram",
        "remarks",   "blog",       "book",      "memo",    "page",      "speech",  "afternoon",
        "morning",   "evening",
    };
    uint32_t i = q;
    if (i < e && is_punct(c, i, ','))
        i++;
    if (i + 1 >= e || in_quote(c, i) ||
        !(is(c, i, "in") || is(c, i, "on") || is(c, i, "during") || is(c, i, "via")))
        return e;
    for (uint32_t j = i + 1; j < e && j < i + 6; j++) {
        if (in_quote(c, j) || c->t[j].kind != PX_TOK_WORD || px__clause_word(c, j))
            return e;
        if (is_any(c, j, medium, PX_ARRAY_LEN(medium)))
            return i;
    }
    return e;
}

/* "says [he is “effectively tied for second place” with Florida Sen.
 * Marco Rubio], in a finish that ...", "ruled [that the statement is
 * “true,”] but in the course of their report ...": after the last
 * quotation of a mixed content, the writer's words end as those of an
 * indirect content do (a contrast, a trailing noun phrase, a second cue, the
 * main clause after a subordinate one, a day); the comma before "but" may
 * stand inside the closing mark. Returns the new end. */
uint32_t px__partial_tail_end(const ctx *c, const rec *r)
{
    uint32_t q = r->cb; /* the first token after the last quotation */
    while (q > r->ca && !in_quote(c, q - 1))
        q--;
    if (q <= r->ca || q >= r->cb)
        return r->cb;
    uint32_t e = r->cb;
    e = px__contrast_end(c, q - 1, e);
    e = px__trailing_np_end(c, q - 1, e);
    e = px__next_cue_start(c, q - 1, e);
    e = px__subordinate_end(c, r->va, q - 1, e);
    e = medium_start(c, q, e);
    if (q + 1 < e && c->t[q].kind == PX_TOK_WORD) {
        bool comma_in = q >= r->ca + 2 && closes_quote(c, q - 1) && is_punct(c, q - 2, ',');
        if (comma_in && (is(c, q, "but") || is(c, q, "while") || is(c, q, "whereas") ||
                         is(c, q, "although") || is(c, q, "though") || is(c, q, "compared")))
            e = q;
        else if (is_weekday(c, q) || is(c, q, "yesterday") || is(c, q, "today") ||
                 is(c, q, "tonight"))
            e = q; /* "blasted [Clinton as a “disgrace”] Wednesday on ..." */
        /* "praising ["Bernie's ... integrity"] as he promised to defend
         * ...", "chanted, ["Lock her up!"] as they had for ...": "as" or
         * "while" with a subject pronoun opens a clause of the writer's
         * about the moment (on PolNeAR train 5 of 5) */
        else if ((is(c, q, "as") || is(c, q, "while")) && q + 2 < e && !in_quote(c, q + 1) &&
                 (is(c, q + 1, "he") || is(c, q + 1, "she") || is(c, q + 1, "they") ||
                  is(c, q + 1, "we") || is(c, q + 1, "i")) &&
                 c->t[q + 2].kind == PX_TOK_WORD)
            e = q;
    }
    /* "said [her father had ''hopped a freight train'' to find work],
     * deploying ...", "accused [Bernanke of trying to "debase" the dollar] -
     * except that ...": a participle after a comma, or a dash set off by a
     * space before a word in lower case, is the writer's again */
    for (uint32_t i = q; i + 1 < e; i++) {
        if (in_quote(c, i) || in_quote(c, i + 1) || c->t[i + 1].kind != PX_TOK_WORD ||
            (c->t[i + 1].flags & PX_TF_CAP))
            continue;
        bool participle = word_ends(c, i + 1, "ing") && tlen(c, i + 1) > 5;
        if ((is_punct(c, i, ',') && participle) ||
            (c->t[i].kind == PX_TOK_DASH && i > 0 && c->t[i].start > c->t[i - 1].end)) {
            e = i;
            break;
        }
    }
    return e < r->cb ? trim_end(c, r->ca, e) : r->cb;
}

/* The end of an indirect content before a phrase that says when, where or
 * how it was said: "endorsed [Mr. Trump] at a news conference", "said [Obama
 * was the founder of ISIS] on Wednesday at a Florida rally", "criticized
 * [Clinton] during a rally Friday". Returns the preposition or e. */
uint32_t px__occasion_start(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = s + 1; i + 1 < e; i++) {
        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
            continue;
        if (!(is(c, i, "at") || is(c, i, "during") || is(c, i, "on") || is(c, i, "in") ||
              is(c, i, "via")))
            continue;
        if (e - i > 14)
            continue;
        /* the phrase: a few words up to its head, then nothing that makes
         * it a clause of its own */
        bool occasion = false;
        for (uint32_t j = i + 1; j < e && j < i + 5 && !occasion; j++) {
            if (c->t[j].kind != PX_TOK_WORD || in_quote(c, j))
                break;
            occasion = px__occasion_word(c, j);
        }
        if (!occasion)
            continue;
        bool clause = false;
        for (uint32_t j = i + 1; j < e && !clause; j++)
            clause = in_quote(c, j) || px__finite_verb(c, j) || is(c, j, "that") ||
                     is(c, j, "who") || is(c, j, "which") || (lexf(c, j) & LX_PRON);
        /* only after a noun phrase: in a clause ("said [it raised $15
         * million] in January") the phrase is the clause's own */
        for (uint32_t j = s; j < i && !clause; j++) {
            size_t n = tlen(c, j);
            const char *w = tstr(c, j);
            clause = px__clause_word(c, j) ||
                     (c->t[j].kind == PX_TOK_WORD && !(c->t[j].flags & PX_TF_CAP) && n > 4 &&
                      (!memcmp(w + n - 2, "ed", 2) || !memcmp(w + n - 3, "ing", 3)));
        }
        if (!clause)
            return i;
    }
    return e;
}

/* The end of a content inside a relative clause or an appositive of its
 * sentence's subject: "Podesta, who said [the project was vetted], said
 * he was unaware", "Salceda, citing [data from the State Department],
 * said": at the comma before the main verb. */
uint32_t px__relative_end(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = s + 1; i + 1 < e; i++)
        if (is_punct(c, i, ',') && !in_quote(c, i) && px__finite_verb(c, i + 1))
            return i;
    return e;
}

/* "continued to call for [more information about the shooting], looping
 * the streets": the noun phrase after a verb with its preposition (the
 * content [s, cb)) ends before a participle clause. Returns the new end. */
uint32_t px__prep_verb_np_end(const ctx *c, uint32_t s, uint32_t cb)
{
    if (in_quote(c, s) || is(c, s, "that") || (lexf(c, s) & LX_PRON))
        return cb;
    for (uint32_t i = s + 1; i + 1 < cb; i++) {
        if (in_quote(c, i))
            break;
        size_t n = tlen(c, i + 1);
        if (is_punct(c, i, ',') && c->t[i + 1].kind == PX_TOK_WORD && n > 4 &&
            !memcmp(tstr(c, i + 1) + n - 3, "ing", 3) && !(c->t[i + 1].flags & PX_TF_CAP) &&
            !is(c, i + 1, "including") && !is(c, i + 1, "according") && !is(c, i + 1, "lasting"))
            return trim_end(c, s, i);
    }
    return cb;
}

/* The writer's marks around a content: a dateline ("WASHINGTON ― ...",
 * "LOS ANGELES, Feb. 2 (UPI) — ..."), a dash before it ("- and he ...")
 * and a closing parenthesis whose opening one is outside it ("(... said he
 * expects X.)"). */
static void trim_writer_marks(const ctx *c, rec *r)
{
    if (r->ca < r->cb && c->t[r->ca].kind == PX_TOK_WORD && (c->t[r->ca].flags & PX_TF_ALLCAPS) &&
        tlen(c, r->ca) > 2 && !in_quote(c, r->ca)) {
        for (uint32_t i = r->ca + 1; i < r->cb && i < r->ca + 12; i++) {
            if (c->t[i].kind == PX_TOK_DASH) {
                if (i + 1 < r->cb)
                    r->ca = i + 1;
                break;
            }
            if (in_quote(c, i) || c->t[i].kind == PX_TOK_QUOTE ||
                (c->t[i].kind == PX_TOK_WORD && !(c->t[i].flags & PX_TF_CAP)))
                break;
        }
    }
    while (r->ca < r->cb && c->t[r->ca].kind == PX_TOK_DASH && !in_quote(c, r->ca))
        r->ca++;
    if (r->cb > r->ca + 1 && is_punct(c, r->cb - 1, ')') && !in_quote(c, r->cb - 1)) {
        int depth = 0;
        for (uint32_t i = r->ca; i + 1 < r->cb; i++)
            depth += is_punct(c, i, '(') - is_punct(c, i, ')');
        if (depth <= 0)
            r->cb = trim_end(c, r->ca, r->cb - 1);
    }
}

/* "Still, [golf clubs are ''just scratching out a profit,''] Mr. Hedge
 * said": a connective opening the sentence ties it to the writer's text
 * before; it is no part of a content that comes before its cue. */
static void skip_connective(const ctx *c, rec *r)
{
    if (!(r->cb > r->ca + 2 && r->va >= r->cb && r->vb > r->va && !in_quote(c, r->ca) &&
          (r->ca == 0 || c->t[r->ca - 1].kind == PX_TOK_PUNCT ||
           c->qs.tok_block[r->ca - 1] != c->qs.tok_block[r->ca])))
        return;
    uint32_t x = r->ca;
    if ((is(c, x, "still") || is(c, x, "however") || is(c, x, "indeed") ||
         is(c, x, "meanwhile") || is(c, x, "instead")) && is_punct(c, x + 1, ','))
        x += 2;
    else if (is(c, x, "in") && (is(c, x + 1, "fact") || is(c, x + 1, "contrast")) &&
             is_punct(c, x + 2, ','))
        x += 3;
    if (x > r->ca && x < r->cb && is_punct(c, x, ','))
        x++;
    if (x + 1 < r->cb)
        r->ca = x;
}

/* "Citing [“obligations in Tennessee,”] the spokeswoman told ...": a
 * participle of reporting that opens the content before its cue is the
 * cue of the words after it, said by the subject of the clause. */
static void leading_participle(const ctx *c, rec *r)
{
    if (!(r->vb > r->va && r->va >= r->cb && r->cb > r->ca + 2 && !r->embedded &&
          !in_quote(c, r->ca) && c->t[r->ca].kind == PX_TOK_WORD && word_ends(c, r->ca, "ing") &&
          cue_type(c, r->ca) == CUE_PART))
        return;
    uint32_t k = r->ca;
    r->ca++;
    if (r->ca < r->cb && is(c, r->ca, "upon")) /* "Remarking upon" */
        r->ca++;
    r->va = k, r->vb = k + 1;
}

/* The start of a content right after its cue: not the addressee ("told
 * [reporters in Reno] that ...") or the circumstance, not the message
 * that a second verb reports ("emailed supporters saying: [“The struggle
 * continues”]"), not a clause of time or manner ("tweeted [as Obama
 * spoke]", "explained [after winning Ohio, he would ...]"), not a time
 * ("said Tuesday [his actions are ...]", "vowed last month [to take
 * ...]"). Returns false when the record has no content. */
static bool start_after_cue(const ctx *c, rec *r)
{
    if (r->vb > r->va && r->ca == r->vb && !r->embedded) {
        uint32_t s = px__addressee_end(c, r->va, r->ca, r->cb);
        if (s == r->ca)
            s = px__circumstance_end(c, r->ca, r->cb);
        if (s > r->ca && s + 1 < r->cb)
            r->ca = s;
    }
    if (r->vb > r->va && r->ca == r->vb && !r->embedded) {
        uint32_t k = r->va, s = px__inner_cue_start(c, r, &k);
        if (s > r->ca) {
            r->ca = s;
            r->va = k, r->vb = k + 1;
        }
    }
    if (r->vb > r->va && r->ca >= r->vb && r->ca <= r->vb + 1 && !r->embedded) {
        uint32_t w = px__as_relative(c, r);
        int v = w < r->ca ? (int)w : px__adverbial_clause(c, r->vb, r->ca, r->cb);
        if (v < 0)
            return false;
        r->ca = (uint32_t)v;
    }
    if (r->vb > r->va && r->ca == r->vb && r->cb > r->ca + 2 && !in_quote(c, r->ca)) {
        uint32_t x = px__time_phrase_after(c, r->ca, r->cb);
        if (x > r->ca && x + 1 < r->cb && !is_terminal_tok(c, x) && !in_quote(c, x - 1))
            r->ca = x;
    }
    return true;
}

/* "found the ''debt stack'' confusing] and called the venture ''a great
 * example''", "says [he respects her] and calls her "an extremely
 * intelligent woman"": in a mixed content, a second reporting verb joined
 * to the first starts a statement of its own, also before the quotation;
 * in a clause after "that" ("noted that Sanders has criticized ... and
 * accused ...") the verb may go on with that clause's subject, so only
 * after a quotation (on PolNeAR train 8 records right, 1 lost). Returns
 * the new end. */
static uint32_t second_cue_end(const ctx *c, const rec *r)
{
    uint32_t j = px__next_cue_start(c, r->ca, r->cb);
    bool q_before = false;
    for (uint32_t i = r->ca; i < j && !q_before; i++)
        q_before = in_quote(c, i);
    if (j < r->cb && !in_quote(c, j) && (q_before || !is(c, r->ca, "that")))
        return trim_end(c, r->ca, j);
    return r->cb;
}

/* The end of a content after its cue: the writer's words after it are no
 * part of it. An indirect content ends before an occasion ("endorsed [Mr.
 * Trump] at a news conference"), the main clause after a subordinate one,
 * a contrast, a trailing noun phrase, a second cue or the subject's next
 * act; a mixed one (with quotations) after its last quotation
 * (px__partial_tail_end), before a second cue, or after a quotation
 * closed by its own comma (px__lead_quote_end). A particle or the
 * attitude noun of a light verb right after the cue is the cue's
 * ("boasted [of]", "expressed [concern] that"). */
static void end_after_cue(const ctx *c, rec *r)
{
    if (!(r->cb > r->ca + 2 && r->vb > r->va && r->va < r->ca && !r->embedded))
        return;
    bool quoted = false;
    for (uint32_t i = r->ca; i < r->cb && !quoted; i++)
        quoted = in_quote(c, i) || c->t[i].kind == PX_TOK_QUOTE;
    if (!quoted) {
        r->cb = trim_end(c, r->ca, px__occasion_start(c, r->ca, r->cb));
        r->cb = trim_end(c, r->ca, px__subordinate_end(c, r->va, r->ca, r->cb));
        r->cb = trim_end(c, r->ca, px__contrast_end(c, r->ca, r->cb));
        r->cb = trim_end(c, r->ca, px__trailing_np_end(c, r->ca, r->cb));
        r->cb = trim_end(c, r->ca, px__next_cue_start(c, r->ca, r->cb));
        r->cb = trim_end(c, r->ca, px__object_vp_end(c, r->ca, r->cb));
    }
    if (r->ca == r->vb && px__particle_after_cue(c, r->ca, r->cb))
        r->vb = ++r->ca;
    if (r->ca == r->vb && px__noun_before_that(c, r->ca, r->cb))
        r->vb = ++r->ca;
    if (quoted) {
        r->cb = px__partial_tail_end(c, r);
        r->cb = second_cue_end(c, r);
        r->cb = px__lead_quote_end(c, r);
    }
}

/* The content-bounds seam: every record's content [r->ca, r->cb) is
 * refined here (px__add_record) once a rule has proposed it: the writer's
 * marks and connectives trimmed, the cue moved to a participle that opens
 * the content or to a colon after it, the start after the cue and the
 * end of the content found. Returns false when the record has no content
 * of its own: a question before the cue ("[Asked whether Clinton “has the
 * integrity ...,”] 75 percent said yes" is what "Asked" reports), or an
 * "as" clause after it. */
bool px__refine_content(const ctx *c, rec *r)
{
    trim_writer_marks(c, r);
    skip_connective(c, r);
    if (r->vb > r->va && r->va >= r->cb && r->cb > r->ca && !in_quote(c, r->ca) &&
        is(c, r->ca, "asked"))
        return false;
    leading_participle(c, r);
    /* "Conceding that a deal was likely “down the line” he warned: [“It’s
     * not going to happen soon.”]": a colon after the cue introduces what
     * it reports; the words before its source (no comma sets them off as
     * in "The reality is, he added, ...") are no part of it */
    if (r->vb > r->va && r->va > r->ca && r->vb + 1 < r->cb && r->sb > r->sa && r->sa > r->ca &&
        r->sb <= r->va && is_punct(c, r->vb, ':') && opens_quote(c, r->vb + 1) &&
        !is_punct(c, r->sa - 1, ','))
        r->ca = r->vb + 1;
    if (!start_after_cue(c, r))
        return false;
    end_after_cue(c, r);
    return true;
}
