/*
 * content.c - where a content begins and ends, as PolNeAR spans it: the
 * end of the clause after a cue (px__clause_end), the start of a quotation
 * before it (px__quote_start), and the words between a cue and what it
 * reports that are no part of it: the addressee ("told [reporters] that"),
 * the circumstance ("said [on Monday] that"), a second verb ("posted [a
 * message reading] ...").
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* A clause of time or manner that opens right after a cue (token v is
 * the first after it, content from s to e) is the writer's circumstance,
 * not what was said: "tweeted [as Obama spoke from the East Room]",
 * "described [as anti-establishment]", "testified [before the panel]".
 * What was said may follow it: after "that" ("declaring after both [that
 * the request was denied]") or after the comma that ends it when a subject
 * pronoun or a quotation follows ("said as he introduced his wife,
 * ["Finally ..."]"). Without that, an "as" phrase leaves the record with
 * no content (on PolNeAR train all 9 such records were wrong; "what he
 * described as ..." is px__as_relative()'s), unless a quotation opens right
 * after "as": the speaker's own word is reported ("describing [as
 * "unhinged"] a tweet"). After "while", "after", "before", "until" the
 * record stays as it is (its source is mostly right). "when", "if",
 * "because" are left: they open questions and reasons that are reported
 * ("asked [if ...]", "say [when]"); so is "as many as". Returns the new
 * start, s, or -1 when the record has no content. */
int px__adverbial_clause(const ctx *c, uint32_t v, uint32_t s, uint32_t e)
{
    static const char *const sub[] = {"as", "while", "after", "before", "until"};
    static const char *const amount[] = {"many", "much", "few", "little", "well", "long", "far",
                                         "soon"};
    uint32_t x = s == v ? s : v;
    if (x + 1 >= e || in_quote(c, x) || c->t[x].kind != PX_TOK_WORD ||
        !is_any(c, x, sub, PX_ARRAY_LEN(sub)) || is_any(c, x + 1, amount, PX_ARRAY_LEN(amount)))
        return (int)s;
    for (uint32_t i = x + 1; i + 1 < e && i < x + 24; i++) {
        if (in_quote(c, i) || c->t[i].kind == PX_TOK_QUOTE)
            continue;
        if (stop_tok(c, i))
            break;
        if (is(c, i, "that"))
            return (int)i; /* "declaring after both [that ...]" */
        if (!is_punct(c, i, ',') && !is_punct(c, i, ':'))
            continue;
        if (opens_quote(c, i + 1) ||
            ((lexf(c, i + 1) & LX_PRON) && !is(c, i + 1, "who") && !is(c, i + 1, "it")))
            return (int)(i + 1);
        break;
    }
    return is(c, x, "as") && !opens_quote(c, x + 1) ? -1 : (int)s;
}

/* "what Zimmerman described [as a "piece of history."]", "who he blasted
 * [as a "bully"]", "what some are criticizing [as a photo op]": the
 * relative pronoun before the subject is the object that the verb
 * characterises, and PolNeAR starts the content with it (as in "which he
 * called "a cartel""). Returns the pronoun's token, or r->ca. */
uint32_t px__as_relative(const ctx *c, const rec *r)
{
    if (r->ca != r->vb || !is(c, r->ca, "as") || r->sb <= r->sa || r->sa == 0 ||
        r->sb > r->va || r->va > r->sb + 2 || in_quote(c, r->sa - 1))
        return r->ca;
    uint32_t p = r->sa - 1;
    if (is(c, p, "what") || is(c, p, "which") || is(c, p, "who") || is(c, p, "whom") ||
        is(c, p, "that"))
        return p;
    return r->ca;
}

/* The end of the clause that begins at s: before ", adding", "; ", or
 * ", according to". */
uint32_t px__clause_end(const ctx *c, uint32_t s, uint32_t b)
{
    for (uint32_t k = s; k < b; k++) {
        if (in_quote(c, k))
            continue;
        if (is_punct(c, k, ';'))
            return k;
        /* "called it "shameful" and called on leaders ...", ""...," claiming
         * ...": the writer goes on after the quoted words */
        /* ""a disgrace," saying ...": the comma inside the marks */
        if (k > s + 1 && closes_quote(c, k - 1) && is_punct(c, k - 2, ',') &&
            c->t[k].kind == PX_TOK_WORD && !(c->t[k].flags & PX_TF_CAP) && tlen(c, k) > 5 &&
            (cue_type(c, k) == CUE_PART || !memcmp(tstr(c, k) + tlen(c, k) - 3, "ing", 3)))
            return k;
        if (k > s && closes_quote(c, k - 1) && k + 1 < b && !in_quote(c, k + 1) &&
            c->t[k + 1].kind == PX_TOK_WORD && !(c->t[k + 1].flags & PX_TF_CAP)) {
            size_t n = tlen(c, k + 1);
            const char *w = tstr(c, k + 1);
            bool verb = cue_type(c, k + 1) != CUE_NONE ||
                        (n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd');
            bool ing = n > 5 && !memcmp(w + n - 3, "ing", 3);
            if ((is_punct(c, k, ',') && (verb || ing)) || c->t[k].kind == PX_TOK_DASH ||
                ((is(c, k, "and") || is(c, k, "but")) && verb))
                return k;
        }
        if ((is_punct(c, k, ',') || is(c, k, "and")) && k + 1 < b) {
            int ct = cue_type(c, k + 1);
            if (ct == CUE_PART || ct == CUE_ACCORDING)
                return k;
        }
        /* ", but downplayed ...", " - and he ...": another clause of the
         * writer's; ", which ..." to the end qualifies the last noun */
        if ((is_punct(c, k, ',') || c->t[k].kind == PX_TOK_DASH) && k + 2 < b &&
            (is(c, k + 1, "but") || is(c, k + 1, "and"))) {
            size_t n = tlen(c, k + 2);
            const char *w = tstr(c, k + 2);
            if (!in_quote(c, k + 2) && c->t[k + 2].kind == PX_TOK_WORD &&
                !(c->t[k + 2].flags & PX_TF_CAP) && n > 3 &&
                ((w[n - 2] == 'e' && w[n - 1] == 'd') || cue_type(c, k + 2) != CUE_NONE ||
                 ((lexf(c, k + 2) & LX_PRON) && c->t[k].kind == PX_TOK_DASH)))
                return k;
            if (c->t[k].kind == PX_TOK_DASH && (lexf(c, k + 2) & LX_PRON))
                return k;
        }
        /* "..., Tyler said that ... "guiding principles,"] he said.": an
         * attribution after a quotation closed by its comma ends the
         * content before it */
        if (k > s + 1 && closes_quote(c, k - 1) && is_punct(c, k - 2, ',') && k + 1 < b &&
            c->t[k].kind == PX_TOK_WORD && (lexf(c, k) & LX_PRON) && !is(c, k, "it") &&
            !is(c, k, "who") && cue_type(c, k + 1) == CUE_VERB)
            return k;
        /* ", and they say ...", ", Lewandowski said ...": a new attribution */
        if (is_punct(c, k, ',') && k + 2 < b) {
            uint32_t j = k + 1;
            if (is(c, j, "and") || is(c, j, "but"))
                j++;
            uint32_t j0 = j;
            /* "Gov. Pat McCrory (R) blamed": a name with its party */
            while (j < b && j < j0 + 8 && !in_quote(c, j) &&
                   (c->t[j].kind == PX_TOK_WORD || is_punct(c, j, '(') ||
                    (is_punct(c, j, ')') && j > j0)) &&
                   cue_type(c, j) == CUE_NONE && !(lexf(c, j) & LX_NPSTOP))
                j++;
            if (j > j0 && j < b && cue_type(c, j) == CUE_VERB &&
                ((lexf(c, j - 1) & LX_PRON) || (c->t[j - 1].flags & PX_TF_CAP) ||
                 (is_punct(c, j - 1, ')') && j - j0 >= 3)))
                return k;
        }
        /* "declined to address it but said in a statement that ...": a
         * second reporting verb of the same speaker */
        if ((is(c, k, "but") || is(c, k, "and")) && k > s + 2 && k + 1 < b &&
            cue_type(c, k + 1) == CUE_VERB && !(lexf(c, k + 1) & LX_WEAK) &&
            !is_punct(c, k - 1, ','))
            return k;
        if (is_punct(c, k, ',') && k + 1 < b &&
            (is(c, k + 1, "which") || is(c, k + 1, "where") || is(c, k + 1, "who"))) {
            uint32_t j = k + 2;
            while (j < b && (in_quote(c, j) || !is_punct(c, j, ',')))
                j++;
            if (j >= b)
                return k;
        }
    }
    return b;
}

/* Where the content of a quotation closing at token close begins: at its
 * opening mark when a sentence or a colon precedes it, else at the unit
 * start (the writer's words before it belong to the content). */
uint32_t px__quote_start(const ctx *c, uint32_t a, uint32_t close)
{
    int32_t q = c->qs.tok_quote[close];
    uint32_t open = c->qs.v[q].open;
    if (open <= a)
        return a;
    for (uint32_t k = open; k-- > a;) {
        if (in_quote(c, k))
            continue;
        if (c->t[k].kind == PX_TOK_PUNCT) {
            char ch = tstr(c, k)[0];
            if (ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == ';' || ch == '(')
                return open;
        }
    }
    return a;
}

/* A quotation that interrupts: after the attribution tail [s, b) comes
 * ", "B."" to the end of the unit. Returns its end token or 0. */
uint32_t px__interrupted_tail(const ctx *c, uint32_t s, uint32_t b)
{
    for (uint32_t k = s; k < b; k++) {
        if (opens_quote(c, k) && k > 0 &&
            (is_punct(c, k - 1, ',') || is_terminal_tok(c, k - 1) || is(c, k - 1, "and") ||
             /* "“...,” he said, but “...”", "Jordan said, and still “...”" */
             ((is(c, k - 1, "or") || is(c, k - 1, "but") || is(c, k - 1, "still") ||
               is(c, k - 1, "then") || is(c, k - 1, "yet") || is(c, k - 1, "also")) &&
              !c->title[c->qs.tok_quote[k]]))) {
            int32_t q = c->qs.tok_quote[k];
            uint32_t e = c->qs.v[q].end_tok;
            uint32_t f = e;
            while (f < b && is_terminal_tok(c, f))
                f++;
            return f >= b ? e : 0;
        }
        if (cue_type(c, k) != CUE_NONE)
            return 0;
    }
    return 0;
}

/* The quotation that the words from s lead to after a comma or a colon
 * ("said last week in Tel Aviv, "..."", "telling reporters, "..."", "told
 * the Post in a written statement, "...""): the words between are the
 * addressee or the circumstances, not what was said. Returns its opening
 * mark, or s when the words from s are a clause of their own ("said
 * Clinton will have to choose, saying, "..."") or lead to no quotation. */
uint32_t px__quote_after(const ctx *c, uint32_t s, uint32_t b)
{
    for (uint32_t i = s; i < b && i < s + 16; i++) {
        if (opens_quote(c, i))
            return i > s && (is_punct(c, i - 1, ',') || is_punct(c, i - 1, ':')) ? i : s;
        /* "a written statement": a cue word after a determiner is no verb */
        bool adj = i > s && (lexf(c, i - 1) & LX_DET) && cue_type(c, i) != CUE_NONE;
        if ((c->t[i].kind != PX_TOK_WORD && c->t[i].kind != PX_TOK_NUMBER &&
             !is_punct(c, i, ',') && !is_punct(c, i, ':')) ||
            (cue_type(c, i) != CUE_NONE && !adj) || (lexf(c, i) & LX_PRON) || is(c, i, "is") ||
            is(c, i, "was") || is(c, i, "will") || is(c, i, "would") || is(c, i, "are") ||
            is(c, i, "were") || is(c, i, "has") || is(c, i, "have"))
            return s;
    }
    return s;
}

/* The quotation that a second reporting verb inside a content after its
 * cue introduces: "emailed [supporters saying:] "The struggle
 * continues"", "posted [a message on Twitter reading] "Thank you
 * Georgia"", "went on [to say,] "..."", "aside from [stating] that ...":
 * the few words before that verb name the message or its bearer, and
 * PolNeAR starts the content at what the verb reports. The second verb is
 * one of saying, reading or writing ("to know that" is no such verb), a
 * participle or after "to", at most 8 words in; nothing before it is a
 * verb of its own. (After "which" or "that" it is as often the writer's
 * description of the message: "a message ... that read: "..."".) Returns the opening mark (or "that") and sets *k to
 * the second verb, or returns r->ca. */
uint32_t px__inner_cue_start(const ctx *c, const rec *r, uint32_t *k)
{
    static const char *const say[] = {
        "say",     "says",    "said",    "saying",  "stating",   "states", "stated",
        "read",    "reads",   "reading", "writing", "write",     "writes", "asking",
        "adding",  "declaring", "proclaiming", "telling",
    };
    /* the first reporting verb within reach (cue_type() is cached), then
     * the dearer tests */
    uint32_t v = r->ca + 1;
    while (v + 1 < r->cb && v < r->ca + 9 && !in_quote(c, v) && c->t[v].kind != PX_TOK_QUOTE &&
           cue_type(c, v) == CUE_NONE)
        v++;
    if (v + 1 >= r->cb || v >= r->ca + 9 || in_quote(c, v) || c->t[v].kind == PX_TOK_QUOTE)
        return r->ca;
    for (uint32_t i = r->ca; i <= v; i++) {
        if (in_quote(c, i) || c->t[i].kind == PX_TOK_QUOTE ||
            (is_terminal_tok(c, i) && !is_punct(c, i, ',')))
            return r->ca;
        if (c->t[i].kind != PX_TOK_WORD || (c->t[i].flags & PX_TF_CAP))
            continue;
        bool cue = cue_type(c, i) != CUE_NONE;
        bool inner = cue && i > r->ca && is_any(c, i, say, PX_ARRAY_LEN(say)) &&
                     ((word_ends(c, i, "ing") && tlen(c, i) > 5) || is(c, i - 1, "to"));
        if (!inner) {
            if (cue || px__finite_verb(c, i))
                return r->ca;
            continue;
        }
        uint32_t j = i + 1;
        while (j < r->cb && (is_punct(c, j, ',') || is_punct(c, j, ':')))
            j++;
        if (j + 1 < r->cb && ((opens_quote(c, j) && !c->title[c->qs.tok_quote[j]]) ||
                              is(c, j, "that"))) {
            *k = i;
            return j;
        }
        return r->ca;
    }
    return r->ca;
}

/* Where the content begins after a phrase of the writer's that tells when,
 * where or how the cue's statement was made: "saying [Monday] that ...",
 * "stating [on NBC's "Meet the Press"] that ...", "promised [on Tuesday]
 * to refrain ...", "remarking [from New Hampshire] he did not ...", "said
 * [only] that ...". The phrase opens with a preposition, a day or a time
 * word and names an occasion, a place, a medium or a time ("rally",
 * "Iowa", "court files", "Monday", "2008"); it is followed by "that", a subject pronoun, a quotation after
 * a comma or "to" before a verb. An adverb ("only", "instead", "again")
 * is left out right before "that" only. The phrase has no verb nor a clause of
 * its own ("said at a rally where ..."). s is the first token after the
 * cue, e the content end. Returns the first token of the content proper,
 * or s. */
uint32_t px__circumstance_end(const ctx *c, uint32_t s, uint32_t e)
{
    static const char *const prep[] = {"in", "on", "at", "during", "from", "via", "over"};
    static const char *const adverb[] = {"only",       "instead",   "again",    "also",
                                         "yet",        "repeatedly", "privately", "publicly",
                                         "later",      "earlier"};
    /* where words are written or spoken, besides px__occasion_word() */
    static const char *const medium[] = {
        "court",   "files",     "documents", "papers", "book",     "autobiography", "memoir",
        "article", "essay",     "blog",      "magazine", "newspaper", "network",    "campaign",
    };
    static const char *const stop[] = {
        "and",   "or",      "who",  "which", "where", "when", "while", "as",   "because",
        "before", "after",  "if",   "whether", "how", "what", "why",   "until", "though",
    };
    if (s + 2 >= e || in_quote(c, s) || c->t[s].kind != PX_TOK_WORD)
        return s;
    bool time = is_weekday(c, s) || px__month_from_name(tstr(c, s), tlen(c, s)) ||
                is(c, s, "today") || is(c, s, "yesterday") || is(c, s, "tonight") ||
                is(c, s, "last");
    bool adv = !time && (is_any(c, s, adverb, PX_ARRAY_LEN(adverb)) || is_ly_adverb(c, s));
    if (!time && !adv && (!is_any(c, s, prep, PX_ARRAY_LEN(prep)) || (c->t[s].flags & PX_TF_CAP)))
        return s;
    bool occasion = time;
    for (uint32_t i = s + 1; i + 1 < e && i < s + 16; i++) {
        if (opens_quote(c, i) && !c->title[c->qs.tok_quote[i]])
            return occasion && (is_punct(c, i - 1, ',') || is_punct(c, i - 1, ':')) ? i : s;
        if (in_quote(c, i) || c->t[i].kind == PX_TOK_QUOTE) {
            occasion = true; /* a title: "on NBC's "Meet the Press"" */
            continue;
        }
        if (is_punct(c, i, ','))
            continue;
        if (c->t[i].kind != PX_TOK_WORD && c->t[i].kind != PX_TOK_NUMBER && !px__glued(c, i))
            return s;
        if (is(c, i, "that"))
            return (lexf(c, i - 1) & LX_PREP) || (!occasion && !adv) ? s : i;
        if (adv)
            return s; /* "ruled only on filings by states that ...": a relative */
        if ((lexf(c, i) & LX_PRON) && !is(c, i, "who"))
            return occasion ? i : s;
        if (is(c, i, "to") && occasion && c->t[i + 1].kind == PX_TOK_WORD &&
            !(c->t[i + 1].flags & PX_TF_CAP) && !in_quote(c, i + 1) &&
            !(lexf(c, i + 1) & (LX_DET | LX_PRON | LX_PREP)) && !px__occasion_word(c, i + 1))
            return i;
        if (px__finite_verb(c, i) || cue_type(c, i) != CUE_NONE || is_any(c, i, stop, PX_ARRAY_LEN(stop)))
            break;
        occasion |= px__occasion_word(c, i) || c->t[i].kind == PX_TOK_NUMBER ||
                    is_any(c, i, medium, PX_ARRAY_LEN(medium)) ||
                    ((c->t[i].flags & PX_TF_CAP) && !(lexf(c, i) & LX_NAMESTOP));
    }
    return s;
}

/* "told [Bill O'Reilly of Fox News,] that ...", "told [friends since the
 * spring, at fundraisers,] that ...": a comma and "that" within the
 * addressee's words (from token i to b, no verb, quotation or end of
 * sentence between) close it, though a preposition or a clause of time
 * in it stops px__addressee_end(). Returns the token of "that", or s. */
static uint32_t comma_that(const ctx *c, uint32_t i, uint32_t b, uint32_t s)
{
    for (; i + 1 < b; i++) {
        if (in_quote(c, i) || c->t[i].kind == PX_TOK_QUOTE || stop_tok(c, i) ||
            px__finite_verb(c, i) || cue_type(c, i) != CUE_NONE)
            return s;
        if (is_punct(c, i, ',') && is(c, i + 1, "that"))
            return i + 1;
    }
    return s;
}

/* Where the message of a verb of telling begins after its addressee:
 * "told [a news conference] they are ...", "telling [supporters in
 * Columbus, Ohio,] that ...", "told [his supporters,] "our nation ..."":
 * PolNeAR leaves the one told out of the content (on the train split in
 * about nine of ten such statements). The addressee is a few words with
 * no verb of their own (a relative clause in it may have one: "voters who
 * wonder why he ..."); the message opens with "that", a subject pronoun or
 * a quotation after a comma. Before "to" the addressee is part of the
 * content ("urged [Congress to act]"), and so is all before a question
 * ("told him how ..."). s is the first token after the cue k. Returns the
 * message's first token, or s when no opening follows within 20 tokens. */
uint32_t px__addressee_end(const ctx *c, uint32_t k, uint32_t s, uint32_t b)
{
    static const char *const tell[] = {
        "told",     "tells",   "tell",    "telling",  "assured", "assures", "assure",
        "assuring", "urged",   "urges",   "urge",     "urging",  "reminded", "reminds",
        "informed", "informs", "warned",  "warns",    "warning",
    };
    char ch = (char)(tstr(c, k)[0] | 0x20); /* a cheap test first */
    if (s >= b || !strchr("tauriw", ch) || !is_any(c, k, tell, PX_ARRAY_LEN(tell)) || in_quote(c, s) ||
        (c->t[s].kind != PX_TOK_WORD && c->t[s].kind != PX_TOK_NUMBER) ||
        (lexf(c, s) & (LX_PRON | LX_PREP)) || is(c, s, "that") || is(c, s, "to") ||
        is(c, s, "not") || cue_type(c, s) != CUE_NONE)
        return s;
    bool rel = false; /* inside a relative clause of the addressee */
    for (uint32_t i = s + 1; i < b && i < s + 20; i++) {
        if (opens_quote(c, i))
            return is_punct(c, i - 1, ',') ? i : s;
        if (in_quote(c, i))
            return s;
        if (is_punct(c, i, ',') || is_punct(c, i, '(') || is_punct(c, i, ')'))
            continue; /* "told the Associated Press (AP), ..." */
        if (c->t[i].kind != PX_TOK_WORD && c->t[i].kind != PX_TOK_NUMBER && !px__glued(c, i))
            return s;
        if (is(c, i, "that"))
            return i;
        if ((lexf(c, i) & LX_PRON) && !is(c, i, "who") && !rel)
            return i;
        if (is(c, i, "who") || is(c, i, "whom") || is(c, i, "which"))
            rel = true;
        else if (!rel && (is(c, i, "to") || is(c, i, "how") || is(c, i, "why") ||
                          is(c, i, "what") || is(c, i, "whether") || is(c, i, "if") ||
                          is(c, i, "when") || is(c, i, "where") || is(c, i, "as") ||
                          is(c, i, "because") || is(c, i, "before") || is(c, i, "after") ||
                          is(c, i, "since") || is(c, i, "while") || is(c, i, "until") ||
                          is(c, i, "although") || is(c, i, "though") || is(c, i, "of")))
            return comma_that(c, i, s + 20 < b ? s + 20 : b, s);
        /* "told him how ...": a question is the content; "told aides as
         * he ...": a clause of the writer's */
        else if ((!rel && px__finite_verb(c, i)) || cue_type(c, i) != CUE_NONE)
            return s;
    }
    return s;
}

/* The end of the content of a nominal cue ("questions about [his
 * campaign]") that starts at s: the noun phrase, to a punctuation mark,
 * an auxiliary or another cue; a question ("questions about [whether
 * Clinton will face ...]") is a clause. The phrase goes on over a
 * possessive mark ("criticism of [Sanders’ vote ...]") and a noun in -ly
 * ("the Khan family"); it ends before a conjunction that starts a clause
 * ("skeptical of [free trade] and mostly not inclined", "endorsement of
 * [Hillary Clinton] that was ..."). */
uint32_t px__noun_cue_end(const ctx *c, uint32_t s, uint32_t b)
{
    if (s < b && !in_quote(c, s) &&
        (is(c, s, "whether") || is(c, s, "how") || is(c, s, "what") || is(c, s, "why") ||
         is(c, s, "if") || is(c, s, "who") || is(c, s, "where") || is(c, s, "when")))
        return trim_end(c, s, px__clause_end(c, s, b));
    uint32_t e = s;
    while (e < b && e < s + 40) {
        if (in_quote(c, e)) {
            e++;
            continue;
        }
        if (e > s && px__plural_possessive(c, s, e)) {
            e++;
            continue;
        }
        if (c->t[e].kind == PX_TOK_PUNCT || c->t[e].kind == PX_TOK_DASH ||
            c->t[e].kind == PX_TOK_QUOTE)
            break;
        if (e > s && c->t[e].kind == PX_TOK_WORD &&
            ((lexf(c, e) & LX_AUX) || cue_type(c, e) != CUE_NONE || is(c, e, "which") ||
             is(c, e, "who") ||
             (is_ly_adverb(c, e) && !(c->t[e - 1].flags & PX_TF_CAP) &&
              !(lexf(c, e - 1) & LX_DET) && !possessive(c, e - 1))))
            break;
        if (e > s && c->t[e].kind == PX_TOK_WORD &&
            (is(c, e, "but") || is(c, e, "that") || is(c, e, "before") || is(c, e, "while") ||
             is(c, e, "because") || is(c, e, "as")))
            break;
        if (e > s && e + 1 < b && (is(c, e, "and") || is(c, e, "or")) && !in_quote(c, e + 1) &&
            c->t[e + 1].kind == PX_TOK_WORD && !(c->t[e + 1].flags & PX_TF_CAP) &&
            (is_ed_word(c, e + 1) || (lexf(c, e + 1) & (LX_AUX | LX_PRON)) ||
             is_ly_adverb(c, e + 1) || cue_type(c, e + 1) != CUE_NONE))
            break;
        e++;
    }
    return e;
}

/* "Addressing the topic on Monday, X urged ...": [a, e) is a participle
 * phrase (a word in -ing and no finite verb). */
static bool participle_lead(const ctx *c, uint32_t a, uint32_t e)
{
    size_t n = tlen(c, a);
    if (n < 6 || memcmp(tstr(c, a) + n - 3, "ing", 3) || !(c->t[a].flags & PX_TF_CAP))
        return false;
    for (uint32_t i = a + 1; i < e; i++)
        if (px__finite_verb(c, i) || cue_type(c, i) != CUE_NONE)
            return false;
    return true;
}

/* Is [a, e) a phrase of time or place that opens the sentence ("On
 * Tuesday night, Trump endorsed Pence", "At a rally Friday, Clinton was
 * asked about ...")? A preposition and words, no verb, no punctuation: it
 * is no content before the cue, which has its content after it. */
bool px__adverbial_lead(const ctx *c, uint32_t a, uint32_t e)
{
    if (e <= a + 1 || e > a + 30 || c->t[a].kind != PX_TOK_WORD || in_quote(c, a))
        return false;
    /* "While he was in a Texas county jail, X told him ...", "Asked if he
     * was ever bullied, X said no": a subordinate clause alone */
    if (is(c, a, "while") || is(c, a, "as") || is(c, a, "if") || is(c, a, "when") ||
        is(c, a, "although") || is(c, a, "though") || is(c, a, "because") || is(c, a, "once") ||
        is(c, a, "until") || is(c, a, "unless") || is(c, a, "whereas") || is(c, a, "asked") ||
        participle_lead(c, a, e)) {
        for (uint32_t i = a + 1; i < e; i++)
            if (in_quote(c, i) || c->t[i].kind == PX_TOK_PUNCT || c->t[i].kind == PX_TOK_DASH ||
                c->t[i].kind == PX_TOK_QUOTE)
                return false;
        return true;
    }
    if (e > a + 16 ||
        !((lexf(c, a) & LX_PREP) || is(c, a, "after") || is(c, a, "before") ||
          is(c, a, "since") || is(c, a, "amid") || is(c, a, "despite") ||
          is(c, a, "following") || is(c, a, "throughout")) ||
        is(c, a, "to") || is(c, a, "of"))
        return false;
    for (uint32_t i = a + 1; i < e; i++)
        if (in_quote(c, i) || (c->t[i].kind != PX_TOK_WORD && c->t[i].kind != PX_TOK_NUMBER) ||
            cue_type(c, i) != CUE_NONE || px__finite_verb(c, i) || is(c, i, "that") ||
            is(c, i, "who") || is(c, i, "which"))
            return false;
    return true;
}

/* A clause without "that" starts at token s after a verb of thought:
 * "believe [this provides ...]", "agreed [there are ...]", "knows [how
 * Clinton caused this mess]"; not "know how to", "believe in". */
bool px__that_less_clause(const ctx *c, uint32_t s, uint32_t b)
{
    if (s + 2 >= b || in_quote(c, s) || in_quote(c, s + 1) || c->t[s + 1].kind != PX_TOK_WORD)
        return false;
    if (is(c, s, "this") || is(c, s, "these") || is(c, s, "there"))
        return !(lexf(c, s + 1) & (LX_PREP | LX_NPSTOP)) || (lexf(c, s + 1) & LX_AUX) ||
               px__be_form(c, s + 1);
    if (is(c, s, "how") || is(c, s, "what") || is(c, s, "why") || is(c, s, "whether"))
        return !is(c, s + 1, "to");
    /* "know [they’re being spun]", "think [it's good]": a pronoun with
     * its verb */
    if (c->t[s].kind == PX_TOK_WORD) {
        size_t n = tlen(c, s);
        const char *w = tstr(c, s);
        for (size_t j = 1; j + 1 < n && j < 5; j++)
            if (w[j] == '\'' || (j + 2 < n && !memcmp(w + j, "\xe2\x80\x99", 3)))
                return (px__lex(w, j) & LX_PRON) != 0 && !(j == 3 && !strncmp(w, "who", 3));
    }
    /* "believe [meaningful debt relief is possible]", "thought [compromise
     * was likely]": a bare noun phrase and a finite auxiliary */
    if (c->t[s].kind == PX_TOK_WORD && !(c->t[s].flags & PX_TF_CAP) &&
        !(lexf(c, s) & (LX_PREP | LX_AUX | LX_NPSTOP | LX_DET | LX_PRON)) && !is_ly_adverb(c, s) &&
        cue_type(c, s) == CUE_NONE)
        for (uint32_t i = s + 1; i < b && i < s + 4; i++) {
            if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD || (c->t[i].flags & PX_TF_CAP))
                return false;
            if (px__is_finite_aux(c, i))
                return i > s;
            if (lexf(c, i) & (LX_PREP | LX_AUX | LX_NPSTOP | LX_DET | LX_PRON))
                return false;
        }
    return false;
}

/* "The Hill reported [Donald Trump was also accused ...]", "Politico
 * reported [he had ...]": a clause without "that" after "reported" opens
 * with a subject (a pronoun or a capitalised name) that a verb follows
 * within a few words; "reported [earnings of $8.42 a share]", "reported
 * [from Washington]" are no clause. Content [s, e). */
bool px__reported_clause(const ctx *c, uint32_t s, uint32_t e)
{
    if (s >= e || in_quote(c, s) || c->t[s].kind != PX_TOK_WORD)
        return false;
    bool subject = ((lexf(c, s) & LX_PRON) && !is(c, s, "who")) || is(c, s, "the") ||
                   ((c->t[s].flags & PX_TF_CAP) && !(lexf(c, s) & (LX_NAMESTOP | LX_PREP)) &&
                    !px__month_from_name(tstr(c, s), tlen(c, s)) && !is_weekday(c, s));
    if (!subject)
        return false;
    for (uint32_t i = s + 1; i < e && i < s + 7; i++) {
        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
            return false;
        if (px__is_finite_aux(c, i) || px__be_form(c, i) ||
            is_ed_word(c, i))
            return true;
    }
    return false;
}

/* Are the words after the cue (from ke to the unit's end b) no content of
 * their own, so that the content is before the cue: at most 8 tokens
 * with no "that", quotation, subject pronoun or auxiliary ("..., Allen
 * said he tends to ...", "his net worth could fluctuate" are clauses), a
 * participle after a comma ("..., Spicer said, adding, "...""), or a
 * phrase of place or time with no clause ("..., Wilkin said during his
 * campaign speech to be a delegate"); not a colon ("In a 1963 speech, he
 * declared:" introduces what follows). */
bool px__nothing_after(const ctx *c, uint32_t ke, uint32_t b)
{
    uint32_t after = ke;
    uint32_t after_end = trim_end(c, after, b);
    bool after_short = after_end - after <= 8;
    for (uint32_t i = after; i < after_end && after_short; i++)
        if (is(c, i, "that") || in_quote(c, i) ||
            (i == after && (lexf(c, i) & LX_PRON) && !is(c, i, "it") && !is(c, i, "who")) ||
            (i > after && !in_quote(c, i) &&
             (is(c, i, "could") || is(c, i, "would") || is(c, i, "will") || is(c, i, "should") ||
              is(c, i, "can") || is(c, i, "might") || is(c, i, "must") || is(c, i, "is") ||
              is(c, i, "are") || is(c, i, "was") || is(c, i, "were") || is(c, i, "has") ||
              is(c, i, "have"))))
            after_short = false;
    if (!after_short && ke + 1 < b && is_punct(c, ke, ',') && cue_type(c, ke + 1) == CUE_PART)
        after_short = true;
    else if (!after_short && after < after_end && (lexf(c, after) & LX_PREP) &&
             !is(c, after, "to") && !is(c, after, "for")) {
        bool clause = false;
        for (uint32_t i = after; i < after_end && !clause; i++)
            clause = in_quote(c, i) || c->t[i].kind == PX_TOK_PUNCT || is(c, i, "that") ||
                     ((lexf(c, i) & LX_PRON) && !is(c, i, "who")) || is(c, i, "could") ||
                     is(c, i, "would") || is(c, i, "will") || is(c, i, "should") ||
                     is(c, i, "can") || is(c, i, "is") || is(c, i, "are") || is(c, i, "was") ||
                     is(c, i, "were") || is(c, i, "has") || is(c, i, "have") || is(c, i, "had") ||
                     cue_type(c, i) != CUE_NONE;
        after_short = !clause;
    }
    if (ke < b && is_punct(c, ke, ':'))
        after_short = false;
    return after_short;
}

/* "said in a statement Thursday that ...", "said, among other things,
 * that", "said on ABC’s “This Week” that": the content of the verb k
 * whose object starts at s (ke the token after the cue) opens at "that"
 * after a phrase of time, place or manner, or after the addressee of a
 * verb of telling; not over the subject of the clause ("says the increase
 * that Bloomberg decries makes ..."). Returns "that" or s. */
static uint32_t phrase_before_that(const ctx *c, uint32_t k, uint32_t ke, uint32_t s,
                                   uint32_t b)
{
    for (uint32_t i = s; i < b && i < s + 12; i++) {
        if (c->t[i].kind == PX_TOK_QUOTE && !in_quote(c, i))
            continue; /* a title's marks */
        if (is_punct(c, i, ',') && i > s && s > ke && is_punct(c, s - 1, ','))
            continue; /* "said, among other things, that" */
        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD || (lexf(c, i) & LX_PRON) ||
            is(c, i, "was") || is(c, i, "is") || is(c, i, "were") || is(c, i, "are") ||
            is(c, i, "has") || is(c, i, "have") || is(c, i, "had") || is(c, i, "will") ||
            is(c, i, "would") || is(c, i, "could") || is(c, i, "can") || is(c, i, "if") ||
            is(c, i, "whether") || is(c, i, "how") || is(c, i, "what") || is(c, i, "why"))
            return s;
        if (!is(c, i, "that"))
            continue;
        bool to_verb = is(c, s, "to") && s + 1 < b && c->t[s + 1].kind == PX_TOK_WORD &&
                       !(c->t[s + 1].flags & PX_TF_CAP) && !(lexf(c, s + 1) & (LX_DET | LX_PRON));
        bool addressee = is(c, k, "told") || is(c, k, "tells") || is(c, k, "tell") ||
                         is(c, k, "telling") || is(c, k, "assured") || is(c, k, "warned") ||
                         is(c, k, "reminded") || is(c, k, "informed") || is(c, k, "promised") ||
                         is(c, k, "convinced") || is(c, k, "asked") || is(c, k, "urged");
        if (i == s || addressee || (s > ke && is_punct(c, s - 1, ',') && is_punct(c, i - 1, ',')) ||
            ((lexf(c, s) & (LX_PREP | LX_AUX)) && !to_verb) || is_ly_adverb(c, s) ||
            px__month_from_name(tstr(c, s), tlen(c, s)) ||
            ((c->t[s].flags & PX_TF_CAP) && (lexf(c, s) & LX_NAMESTOP)) || is(c, s, "last") ||
            is(c, s, "this") || is(c, s, "yesterday") || is(c, s, "today") ||
            is(c, s, "tonight") || is(c, s, "repeatedly") || is(c, s, "again") ||
            is(c, s, "privately") || is(c, s, "publicly") || is(c, s, "late") ||
            is(c, s, "early") || is(c, s, "before") || is(c, s, "after") || is(c, s, "during") ||
            is(c, s, "over") || is(c, s, "while") || is(c, s, "when") || is(c, s, "as"))
            return i;
        return s;
    }
    return s;
}

/* "asked Sanders how he was feeling": the content of "ask" is the
 * question, a few words after s. Returns its first token, or s. */
static uint32_t question_start(const ctx *c, uint32_t s, uint32_t b)
{
    for (uint32_t i = s; i < b && i < s + 5; i++) {
        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD || cue_type(c, i) != CUE_NONE)
            return s;
        if (px__question_word(c, i))
            return i;
    }
    return s;
}

/* "said in a statement Thursday night they ...": after a preposition, a
 * month or a word that names no one at s, the clause starts at its subject
 * pronoun. Returns it, or s. */
static uint32_t pronoun_after_phrase(const ctx *c, uint32_t s, uint32_t b)
{
    if (!(s < b && !is(c, s, "that") && !px__question_word(c, s) &&
          !(lexf(c, s) & (LX_PRON | LX_DET)) && /* "says [he wishes he ...]" */
          ((lexf(c, s) & LX_PREP) || px__month_from_name(tstr(c, s), tlen(c, s)) ||
           (lexf(c, s) & LX_NAMESTOP))))
        return s;
    for (uint32_t i = s + 1; i < b && i < s + 10; i++) {
        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
            return s;
        if ((lexf(c, i) & LX_PRON) && !is(c, i, "who") && !is(c, i, "it"))
            return i;
    }
    return s;
}

/* "told The Huffington Post he's not planning ...", "told the crowd she
 * ...": the addressee of "tell" at s before the clause's subject pronoun
 * is no part of what was said; not "told aides as he labored", "tells the
 * story of how he". Returns the pronoun, or s. */
static uint32_t pronoun_after_addressee(const ctx *c, uint32_t k, uint32_t s, uint32_t b)
{
    if (!(s < b && (is(c, k, "told") || is(c, k, "tells") || is(c, k, "tell")) &&
          !in_quote(c, s) && c->t[s].kind == PX_TOK_WORD && !is(c, s, "that") &&
          !(lexf(c, s) & (LX_PRON | LX_PREP)) && !px__subordinator(c, s)))
        return s;
    for (uint32_t i = s + 1; i < b && i < s + 8; i++) {
        if (in_quote(c, i) || (c->t[i].kind != PX_TOK_WORD && !is_punct(c, i, ',')) ||
            cue_type(c, i) != CUE_NONE || (lexf(c, i) & LX_AUX) || px__subordinator(c, i))
            return s;
        if ((lexf(c, i) & LX_PRON) && !is(c, i, "it") && !is(c, i, "who") && !is(c, i, "you"))
            return i;
    }
    return s;
}

/* Where the content of the finite reporting verb k begins when it
 * follows the verb ("X said (that) ..."; ke is the first token after the
 * cue, b the unit's end): past the object of a verb of telling ("told
 * [him] that"), a comma or a colon, the addressee (px__addressee_end), a
 * phrase before "that", to the question of "ask", the subject pronoun
 * after a phrase or an addressee, "that" after a time ("found in 2014
 * that"), adverbs, and a quotation after a short phrase ("said last week
 * in Tel Aviv, "...""). The content-bounds seam of a verb cue: b when
 * nothing follows. */
uint32_t px__said_content_start(const ctx *c, uint32_t k, uint32_t ke, uint32_t b)
{
    uint32_t s = ke;
    if ((is(c, k, "told") || is(c, k, "tells") || is(c, k, "tell") || is(c, k, "telling") ||
         is(c, k, "assured") || is(c, k, "reminded")) &&
        s < b &&
        (is(c, s, "him") || is(c, s, "her") || is(c, s, "them") || is(c, s, "me") ||
         is(c, s, "us") || is(c, s, "you") || is(c, s, "reporters")))
        s++; /* the object is no part of what was said */
    while (s < b && (is_punct(c, s, ',') || is_punct(c, s, ':')))
        s++;
    s = px__addressee_end(c, k, s, b);
    s = phrase_before_that(c, k, ke, s, b);
    if (is(c, k, "asked") || is(c, k, "asks") || is(c, k, "ask"))
        s = question_start(c, s, b);
    s = pronoun_after_phrase(c, s, b);
    s = pronoun_after_addressee(c, k, s, b);
    if (s < b && (is(c, s, "in") || is(c, s, "on") || is(c, s, "last")) &&
        px__that_after_time(c, s) < b)
        s = px__that_after_time(c, s);
    while (s < b && is_ly_adverb(c, s) && s + 1 < b)
        s++;
    if (s < b && !is(c, s, "that"))
        s = px__quote_after(c, s, b);
    return s;
}

/* Does a verb of thought k (CUE_THAT: "believes", "hopes") with its
 * source ending at p take the words from s as its content? "that", a
 * subject (a pronoun, a determiner, a name, a number), a clause without
 * "that" (px__that_less_clause), "to" and a verb; and data that show a
 * clause without "that" ("public records show no gifts at all", "Polls
 * show voters trust Clinton"). Not a bare object ("believes in ..."). */
bool px__thought_content(const ctx *c, uint32_t a, uint32_t k, uint32_t p, uint32_t s,
                         uint32_t b)
{
    bool data_src = p > a && c->t[s].kind == PX_TOK_WORD && !in_quote(c, p - 1) &&
                    !(lexf(c, s) & (LX_PREP | LX_NPSTOP)) &&
                    (is(c, k, "show") || is(c, k, "shows") || is(c, k, "showed") ||
                     is(c, k, "found") || is(c, k, "find") || is(c, k, "finds") ||
                     is(c, k, "indicate") || is(c, k, "indicates")) &&
                    (is(c, p - 1, "polls") || is(c, p - 1, "poll") || is(c, p - 1, "survey") ||
                     is(c, p - 1, "surveys") || is(c, p - 1, "records") || is(c, p - 1, "data") ||
                     is(c, p - 1, "documents") || is(c, p - 1, "findings") ||
                     is(c, p - 1, "results") || is(c, p - 1, "study") || is(c, p - 1, "studies") ||
                     is(c, p - 1, "numbers") || is(c, p - 1, "figures") ||
                     is(c, p - 1, "filings") || is(c, p - 1, "report") ||
                     is(c, p - 1, "analysis"));
    return is(c, s, "that") || data_src ||
           ((c->t[s].kind == PX_TOK_WORD || c->t[s].kind == PX_TOK_NUMBER) &&
            ((lexf(c, s) & LX_PRON) || (lexf(c, s) & LX_DET) || (c->t[s].flags & PX_TF_CAP) ||
             (c->t[s].kind == PX_TOK_NUMBER && s + 1 < b &&
              (c->t[s + 1].kind == PX_TOK_WORD || px__share_end(c, s, s + 1))) ||
             (px__data_verb(c, k) && (is(c, s, "him") || is(c, s, "them"))) ||
             px__that_less_clause(c, s, b) ||
             (is(c, s, "to") && s + 1 < b && c->t[s + 1].kind == PX_TOK_WORD &&
              !(c->t[s + 1].flags & PX_TF_CAP) &&
              !(lexf(c, s + 1) & (LX_DET | LX_PRON | LX_PREP)))));
}
