/*
 * cue.c - the cue finder: which tokens report speech. cue_type() (attrib.h)
 * caches px__cue_type_uncached(), which reads the lexicon flags (lexicon.c,
 * the tables learnt from PolNeAR train) and the words around: a reporting
 * verb ("said"), a verb of thought with a clause ("believes"), a
 * participle ("adding"), "according to", a verb with its preposition
 * ("called for"), a nominal cue ("questions about"). px__tag_verb() finds
 * the verbs the lexicon does not know right after a quotation ("“Denver,”
 * he answered").
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* the least probability (per mille) of a learnt cue (LX_STAT) */
#define STAT_MIN_PM 300

/* the least probability (per mille) of a learnt nominal cue (LX_NOUNP) */
#define NOUN_MIN_PM 300

/* "Theresa May said", "George Will wrote": a capitalised "May" or "Will"
 * after a name, with a lower-case word after it (not a headline in title
 * case), is part of the name (c->lex filled up to i) */
bool px__name_part(const ctx *c, size_t i)
{
    if (i == 0 || i + 1 >= c->doc->n_toks || !(c->t[i].flags & PX_TF_CAP) ||
        !(is(c, i, "may") || is(c, i, "will")))
        return false;
    const px_token *p = &c->t[i - 1], *n = &c->t[i + 1];
    return p->kind == PX_TOK_WORD && (p->flags & PX_TF_CAP) &&
           !(c->lex[i - 1] & (LX_NAMESTOP | LX_NPSTOP | LX_DET)) &&
           n->kind == PX_TOK_WORD && !(n->flags & PX_TF_CAP);
}

/* The first block, when it is a one-line headline in title case
 * ("Conservative Icon Morton Blackwell Endorses Ted Cruz"): its
 * capitalised verbs are cues. UINT32_MAX when there is none. */
uint32_t px__headline_block(const ctx *c)
{
    const px_doc *d = c->doc;
    if (!d->n_toks || d->n_blocks < 2)
        return UINT32_MAX;
    uint32_t blk = c->qs.tok_block[0];
    size_t caps = 0, words = 0, i = 0;
    for (; i < d->n_toks && c->qs.tok_block[i] == blk; i++) {
        if (c->t[i].kind != PX_TOK_WORD || tlen(c, i) <= 3)
            continue;
        words++;
        caps += (c->t[i].flags & PX_TF_CAP) != 0;
    }
    if (i > 40 || words < 3 || caps * 4 < words * 3)
        return UINT32_MAX;
    return blk;
}

/* Reporting verbs with their preposition ("called for", "talked about",
 * "referring to"): the cue is both words, the content what follows. */
static const char *const prep_verbs[] = {
    "refer to", "refers to", "referred to", "referring to", "point to", "points to",
    "pointed to", "pointing to", "respond to", "responds to", "responded to", "responding to",
    "reacted to", "reacting to", "call for", "calls for", "called for", "calling for",
    "push for", "pushed for", "pushing for", "advocate for", "advocated for", "advocating for",
    "argued for", "arguing for", "argued against", "arguing against", "call on", "calls on",
    "called on", "calling on", "comment on", "commented on", "commenting on", "talk about",
    "talks about", "talked about", "talking about", "spoke about", "speak about",
    "speaks about", "speaking about", "spoke of", "speaking of", "asked about", "asking about",
    "asked for", "complained about", "complaining about", "worried about", "worries about",
    "warned of", "warned about", "warning of", "warning about", "warned against",
    "rail against", "railed against", "railing against", "weighed in on", "focused on",
    "point out", "points out", "pointed out", "pointing out", "made clear", "makes clear",
    "make clear", "making clear", "laid out", "lays out", "lay out", "laying out",
};

static bool is_prep_verb(const ctx *c, size_t i)
{
    if (i + 1 >= c->doc->n_toks || c->t[i + 1].kind != PX_TOK_WORD)
        return false;
    size_t n1 = tlen(c, i), n2 = tlen(c, i + 1);
    if (n2 < 2 || n2 > 7 || n1 > 12)
        return false;
    char buf[24];
    for (size_t k = 0; k < n1; k++) {
        char ch = tstr(c, i)[k];
        buf[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    buf[n1] = ' ';
    memcpy(buf + n1 + 1, tstr(c, i + 1), n2);
    size_t n = n1 + 1 + n2;
    for (size_t k = 0; k < PX_ARRAY_LEN(prep_verbs); k++)
        if (strlen(prep_verbs[k]) == n && !memcmp(prep_verbs[k], buf, n))
            return true;
    return false;
}

/* "made it clear that ...": a cue of three words (the content after). */
bool px__made_it_clear(const ctx *c, size_t i)
{
    return i + 3 < c->doc->n_toks && is(c, i + 1, "it") && is(c, i + 2, "clear") &&
           (is(c, i, "made") || is(c, i, "make") || is(c, i, "makes") || is(c, i, "making")) &&
           !in_quote(c, i + 1) && !in_quote(c, i + 2);
}

/* The class (NC_*) of token i, the one after a possible cue, as
 * bench/quotes/cue_context.py classes it. */
static int next_class(const ctx *c, size_t i)
{
    static const char *const wh[] = {"how", "why", "what", "whether", "if",
                                     "who", "where", "when", "which"};
    static const char *const prep[] = {"for", "about", "of", "on", "against", "with", "over",
                                       "in", "at", "from", "by", "as", "into"};
    static const char *const np[] = {
        "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those",
        "some", "any", "no", "all", "him", "them", "it", "us", "me", "you", "most", "many",
        "much", "both", "each", "every", "several", "such", "another"};
    if (i >= c->doc->n_toks)
        return NC_OTHER;
    const px_token *t = &c->t[i];
    char ch = tstr(c, i)[0];
    if (t->kind == PX_TOK_NUMBER || ch == '$' || (ch >= '0' && ch <= '9'))
        return NC_NP;
    if (t->kind == PX_TOK_PUNCT && ch && strchr(",.;:!?", ch))
        return NC_PUNCT;
    if (t->kind != PX_TOK_WORD)
        return NC_OTHER;
    if (is(c, i, "that"))
        return NC_THAT;
    if (is(c, i, "to"))
        return NC_TO;
    if (is_any(c, i, wh, PX_ARRAY_LEN(wh)))
        return NC_WH;
    if (is_any(c, i, prep, PX_ARRAY_LEN(prep)))
        return NC_PREP;
    if ((t->flags & PX_TF_CAP) || is_any(c, i, np, PX_ARRAY_LEN(np)))
        return NC_NP;
    return NC_OTHER;
}

/* Token i opens a time phrase that "that" follows ("found [in 2014]
 * that", "reported [in March] that", "estimated [last year] that"): the
 * verb before it takes the clause, whatever the preposition suggests.
 * Returns the index of "that", or i. */
uint32_t px__that_after_time(const ctx *c, uint32_t i)
{
    uint32_t n = c->doc->n_toks, j = i;
    if (i + 2 < n && is(c, i, "in") && !in_quote(c, i + 1) &&
        ((c->t[i + 1].kind == PX_TOK_NUMBER && tlen(c, i + 1) == 4) ||
         px__month_from_name(tstr(c, i + 1), tlen(c, i + 1))))
        j = i + 2;
    else if (i < n)
        j = px__time_phrase_after(c, i, i + 3 < n ? i + 3 : n);
    return j > i && j < n && is(c, j, "that") && !in_quote(c, j) ? j : i;
}

int px__cue_type_uncached(const ctx *c, size_t i)
{
    const px_token *t = &c->t[i];
    uint32_t f = lexf(c, i);
    if (!(f & (LX_VERB | LX_THAT | LX_PART | LX_PREPV | LX_STAT | LX_NOUNP)) &&
        !((t->flags & PX_TF_CAP) || tstr(c, i)[0] == 'a'))
        return CUE_NONE;
    if (t->kind != PX_TOK_WORD || in_quote(c, i) || (t->flags & PX_TF_ALLCAPS))
        return CUE_NONE;
    if (is(c, i, "according"))
        return i + 1 < c->doc->n_toks && is(c, i + 1, "to") ? CUE_ACCORDING : CUE_NONE;
    /* "questions about her candidacy", "critical of the deal" */
    if ((f & LX_NOUNP) && i + 1 < c->doc->n_toks && c->t[i + 1].kind == PX_TOK_WORD &&
        !in_quote(c, i + 1) && !(t->flags & PX_TF_CAP) &&
        px__noun_cue_pm(tstr(c, i), tlen(c, i), tstr(c, i + 1), tlen(c, i + 1)) >= NOUN_MIN_PM)
        return CUE_NOUN;
    /* "Noting that ...," opening a sentence */
    bool opening_part = (((f & LX_PART) && !(f & LX_PREPV)) || is(c, i, "asked")) &&
                        (i == 0 || c->qs.tok_block[i - 1] != c->qs.tok_block[i] ||
                         (c->t[i - 1].kind == PX_TOK_PUNCT && strchr(".!?", tstr(c, i - 1)[0]))) &&
                        i + 1 < c->doc->n_toks && !(c->t[i + 1].flags & PX_TF_CAP);
    if ((t->flags & PX_TF_CAP) && !opening_part &&
        !(c->qs.tok_block[i] == c->hl_block && i > 0 && c->qs.tok_block[i - 1] == c->hl_block))
        return CUE_NONE; /* "United States", "Says Who"; but "Pence Endorses Ryan" */
    if ((f & LX_PREPV) && (is_prep_verb(c, i) || px__made_it_clear(c, i)))
        return CUE_PREPV;
    if ((f & LX_CTX) && (f & (LX_PART | LX_VERB | LX_THAT | LX_STAT)) &&
        px__cue_context_rare(tstr(c, i), tlen(c, i), next_class(c, i + 1)) &&
        px__that_after_time(c, i + 1) == i + 1)
        return CUE_NONE; /* "his tweet came", "in 12 states," */
    if (f & LX_PART)
        return CUE_PART;
    if (f & LX_VERB)
        return CUE_VERB;
    if (f & LX_THAT)
        return CUE_THAT;
    if ((f & LX_STAT) && LX_PM(f) >= STAT_MIN_PM) {
        size_t n = tlen(c, i);
        return n > 4 && !memcmp(tstr(c, i) + n - 3, "ing", 3) ? CUE_PART : CUE_VERB;
    }
    return CUE_NONE;
}

/* A cue word that is used as a verb: not a noun inside a noun phrase
 * ("a liberal think tank", "a leading advocate for human rights"). */
bool px__used_as_verb(const ctx *c, uint32_t k)
{
    if (cue_type(c, k) == CUE_NONE)
        return false;
    if (k + 1 < c->doc->n_toks && (is(c, k + 1, "tank") || is(c, k + 1, "tanks")))
        return false;
    if (k > 0 && (lexf(c, k - 1) & LX_DET) && !is(c, k - 1, "her") && !is(c, k - 1, "his"))
        return false;
    return !(k > 1 && (is(c, k - 2, "a") || is(c, k - 2, "an") || is(c, k - 2, "the")) &&
             c->t[k - 1].kind == PX_TOK_WORD && !(lexf(c, k - 1) & (LX_AUX | LX_NPSTOP)));
}

/* Does the quotation closing at token i end on a comma, an exclamation or
 * a question mark ("“Denver,”", "“Mexico!”"), or is it followed by a
 * comma: a sentence that goes on with its attribution? */
static bool quote_goes_on(const ctx *c, uint32_t a, uint32_t i)
{
    if (!closes_quote(c, i) || i == 0)
        return false;
    /* the quotation is the whole content: it opens the sentence */
    if (px__quote_start(c, a, i) != c->qs.v[c->qs.tok_quote[i]].open &&
        c->qs.v[c->qs.tok_quote[i]].open != a)
        return false;
    if (i + 1 < c->doc->n_toks && is_punct(c, i + 1, ','))
        return true;
    return is_punct(c, i - 1, ',') || is_punct(c, i - 1, '!') || is_punct(c, i - 1, '?');
}

/* "“Denver,” he answered.", "“Mexico!” the audience screamed back.",
 * "“Choke!” blared the Herald": a verb the lexicon does not know, right
 * after a quotation that goes on (quote_goes_on) and its speaker (a
 * pronoun, or a short noun phrase), or right before the speaker, is the
 * quotation's cue. The verb ends its clause: the unit ends after it, or
 * a comma, a particle, a preposition or an adverb follows. */
bool px__tag_verb(const ctx *c, uint32_t a, uint32_t b, uint32_t k)
{
    if (k < a + 2 || c->t[k].kind != PX_TOK_WORD || (c->t[k].flags & PX_TF_CAP) || in_quote(c, k))
        return false;
    /* cheap test first (this runs on every word that is no cue): a
     * quotation closes a few tokens before */
    bool near = false;
    for (uint32_t i = k; i-- > a && i + 9 > k && !near;)
        near = closes_quote(c, i);
    if (!near)
        return false;
    size_t n = tlen(c, k);
    const char *w = tstr(c, k);
    if (n < 3 || (lexf(c, k) & (LX_AUX | LX_NPSTOP | LX_PREP | LX_DET | LX_PRON | LX_ROLE)) ||
        is_ly_adverb(c, k) || (n > 4 && !memcmp(w + n - 3, "ing", 3)))
        return false;
    bool ed = n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd';
    /* a verb form: "-ed", "-s" or an irregular past ("went on", "shot
     * back"), not a noun ("a documentary about", "the lowest level") */
    static const char *const past[] = {"went", "shot", "spoke", "began", "broke", "swore",
                                       "sang", "cut", "shrugged", "quipped"};
    if (!ed && !(n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != '\'' &&
                 (unsigned char)w[n - 2] != 0x99) &&
        !is_any(c, k, past, PX_ARRAY_LEN(past)))
        return false;
    if (closes_quote(c, k - 1)) {
        /* inverted: "“Choke!” blared the front page of The Boston Herald" */
        if (!ed || !quote_goes_on(c, a, k - 1) || k + 1 >= b || in_quote(c, k + 1) ||
            !(((c->t[k + 1].flags & PX_TF_CAP) && !(lexf(c, k + 1) & LX_NAMESTOP)) ||
              ((lexf(c, k + 1) & LX_DET) && !(lexf(c, k + 1) & LX_PRON))))
            return false;
        return px__np_after(c, k + 1, b) > k + 1;
    }
    /* what follows the verb */
    uint32_t f = k + 1;
    if (f < b && !in_quote(c, f) &&
        (is(c, f, "back") || is(c, f, "out") || is(c, f, "on") || is(c, f, "up") ||
         is(c, f, "in")))
        f++;
    /* "“Go back,” Trump barked and a guard ...", "... he shrugged as he left" */
    if (f < b && !(is_terminal_tok(c, f) || (opens_quote(c, f) && f > k + 1) ||
                   (c->t[f].kind == PX_TOK_WORD && !in_quote(c, f) &&
                    ((lexf(c, f) & LX_PREP) || is_ly_adverb(c, f) || is_weekday(c, f) ||
                     is(c, f, "and") || is(c, f, "but") || is(c, f, "as") ||
                     is(c, f, "while") || is(c, f, "before") || is(c, f, "after") ||
                     is(c, f, "when")))))
        return false;
    /* the speaker before it, over an adverb ("then", "finally") */
    uint32_t j = k - 1;
    if (j > a && (is_ly_adverb(c, j) || is(c, j, "then") || is(c, j, "also")))
        j--;
    if (j <= a || in_quote(c, j) || c->t[j].kind != PX_TOK_WORD)
        return false;
    if ((lexf(c, j) & LX_PRON) && !is(c, j, "it") && !is(c, j, "who") && !is(c, j, "which") &&
        !is(c, j, "that") && !is(c, j, "this"))
        return quote_goes_on(c, a, j - 1) || (is_punct(c, j - 1, ',') && quote_goes_on(c, a, j - 2));
    uint32_t x = j + 1;
    while (x > a && j + 1 - x < 5 && c->t[x - 1].kind == PX_TOK_WORD && !in_quote(c, x - 1) &&
           !(lexf(c, x - 1) & (LX_AUX | LX_PREP | LX_PRON)) && cue_type(c, x - 1) == CUE_NONE &&
           (!(lexf(c, x - 1) & LX_NPSTOP) || (lexf(c, x - 1) & LX_DET)))
        x--;
    if (x > j || x <= a)
        return false;
    /* the phrase opens with a determiner or a name and holds a name or a
     * noun: "the audience", "an angry Hollande", "Mr. Rubel" */
    if (!((lexf(c, x) & LX_DET) ||
          ((c->t[x].flags & PX_TF_CAP) && !(lexf(c, x) & LX_NAMESTOP))))
        return false;
    for (uint32_t i = x + 1; i <= j; i++)
        if (lexf(c, i) & LX_DET)
            return false;
    uint32_t q = x - 1;
    if (is_punct(c, q, ',') && q > a)
        q--;
    return quote_goes_on(c, a, q);
}

/* Does a weak or learnt cue k hold for its record r (unit from a, ke the
 * token after the cue)? A learnt cue (LX_STAT) only in the plain order "X
 * verb ...". A weak one (LX_WEAK: reports speech only before a quotation
 * or "that") also with a noun phrase after a source for the verbs that
 * report with one ("Sanders accused Clinton of ...", "X called for a
 * ban": PolNeAR annotates the object as the content), with the whole
 * clause before ("..., the Guardian reported."), with a clause after
 * "reported" ("The Hill reported [Donald Trump was ...]") and with a
 * question after "asked". This is where the cue finder's candidates meet
 * the record built for them. */
bool px__weak_cue_holds(const ctx *c, uint32_t a, uint32_t k, uint32_t ke, const rec *r)
{
    static const char *const np_weak[] = {
        "accused", "accuses", "criticized", "criticised", "proposed", "proposes",
        "described", "describes", "cited", "cites", "questioned", "blasted", "slammed",
        "demands", "demanded"};
    bool weak_before = r->sb > r->sa && r->cb <= r->sa && r->ca == a && r->sa > a &&
                       is_punct(c, r->sa - 1, ',') && r->cb - r->ca >= 4 &&
                       (is(c, k, "reported") || is(c, k, "reports") || is(c, k, "posted"));
    bool weak_np = weak_before || (r->ca >= ke && r->sb > r->sa &&
                                   (r->vb == k + 2 || is_any(c, k, np_weak, PX_ARRAY_LEN(np_weak))));
    if ((lexf(c, k) & LX_STAT) && !(lexf(c, k) & (LX_VERB | LX_THAT | LX_PART)) &&
        (r->ca < ke || r->sb <= r->sa))
        return false;
    if (!(lexf(c, k) & LX_WEAK) || weak_np)
        return true;
    bool quoted = false;
    for (uint32_t i = r->ca; i < r->cb && !quoted; i++)
        quoted = in_quote(c, i);
    return quoted || is(c, r->ca, "that") ||
           ((is(c, k, "reported") ||
             (is(c, k, "reports") && /* not "police reports" */
              ((c->t[k - 1].flags & PX_TF_CAP) || (lexf(c, k - 1) & LX_PRON)))) &&
            r->ca >= ke && r->sb > r->sa && px__reported_clause(c, r->ca, r->cb)) ||
           ((is(c, k, "asked") || is(c, k, "asks") || is(c, k, "ask")) &&
            px__question_word(c, r->ca));
}

/* The cue finder's seam: the CUE_* type of token k in the unit [a, b),
 * asked of every token in text order. A word of the lexicon
 * (cue_type()), or a verb the lexicon does not know right after a
 * quotation that closed at last_close (UINT32_MAX: none yet), which
 * px__tag_verb takes for a reporting verb ("“Denver,” he answered"). */
int px__unit_cue(const ctx *c, uint32_t a, uint32_t b, uint32_t k, uint32_t last_close)
{
    int ct = cue_type(c, k);
    if (ct == CUE_NONE && last_close != UINT32_MAX && k <= last_close + 8 &&
        px__tag_verb(c, a, b, k))
        ct = CUE_VERB;
    return ct;
}
