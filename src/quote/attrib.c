/*
 * attrib.c - who said what. The text is cut into units (sentences joined
 * so that no unit boundary falls inside a quotation); in each unit every
 * reporting cue outside quotations (said, told, according to, adding, ...)
 * becomes an attribution whose source is the noun phrase before the cue
 * (or after it, inverted: "said Mr Smith"), and whose content is the
 * clause after it ("X said that ...") or the quotation before it ("'...,'
 * X said"). A quotation interrupted by its attribution is one record; a
 * quotation alone in its unit takes the speaker introduced by a colon in
 * the unit before, or carries over the speaker of the quotation before.
 * Speakers are resolved to names through the mention table (mention.c).
 * Content spans follow PolNeAR: the quotation marks of a direct quotation
 * and the writer's words around a partial one are part of span_start..
 * span_end; start..end excludes the marks.
 */
#include <stdlib.h>
#include <string.h>

#include "quote.h"

/* the least probability (per mille) of a learnt cue (LX_STAT) */
#define STAT_MIN_PM 300

/* the least probability (per mille) of a learnt nominal cue (LX_NOUNP) */
#define NOUN_MIN_PM 300

enum { CUE_NONE, CUE_VERB, CUE_THAT, CUE_PART, CUE_ACCORDING, CUE_PREPV, CUE_NOUN };

typedef struct unit {
    uint32_t a, b; /* tokens [a, b) */
    int32_t subject;        /* entity the unit is about, or -1 */
    uint32_t subject_tok;   /* where it is named (b when inherited) */
    uint32_t subj_a, subj_b; /* its span when named in this unit */
} unit;

typedef struct rec {
    uint32_t ca, cb; /* content tokens */
    uint32_t sa, sb; /* source tokens (sa == sb: none) */
    uint32_t va, vb; /* cue tokens */
    int32_t entity;
    bool embedded;
    const char *name; /* speaker when no entity is known (arena) */
} rec;

typedef struct ctx {
    px_doc *doc;
    const px_token *t;
    const char *text;
    px__qscan qs;
    px__mentions mn;
    unit *units;
    size_t n_units;
    PX_VEC(rec) recs;
    uint32_t *lex;  /* per token: LX_* flags, LX_DONE once looked up */
    uint8_t *cues;  /* per token: CUE_* + 1, 0 when not computed */
    uint8_t *title; /* per quotation: 1 when it is a title, no one's words */
    uint32_t hl_block; /* the first block when it is a headline in title case */
    bool oom;
} ctx;

/* ---- token helpers ---- */

static size_t tlen(const ctx *c, size_t i)
{
    return c->t[i].end - c->t[i].start;
}

static const char *tstr(const ctx *c, size_t i)
{
    return c->text + c->t[i].start;
}

/* case-insensitive (ASCII) comparison with a lower-case literal */
static bool is(const ctx *c, size_t i, const char *lit)
{
    if (i >= c->doc->n_toks)
        return false; /* one past the last token: no word */
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    for (size_t k = 0; k < n; k++) {
        char ch = w[k];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch + 32);
        if (!lit[k] || ch != lit[k])
            return false;
    }
    return lit[n] == 0;
}

/* The lexicon flags of token i (LX_*), looked up once. */
/* "Theresa May said", "George Will wrote": a capitalised "May" or "Will"
 * after a name, with a lower-case word after it (not a headline in title
 * case), is part of the name (c->lex filled up to i) */
static bool name_part(const ctx *c, size_t i)
{
    if (i == 0 || i + 1 >= c->doc->n_toks || !(c->t[i].flags & PX_TF_CAP) ||
        !(is(c, i, "may") || is(c, i, "will")))
        return false;
    const px_token *p = &c->t[i - 1], *n = &c->t[i + 1];
    return p->kind == PX_TOK_WORD && (p->flags & PX_TF_CAP) &&
           !(c->lex[i - 1] & (LX_NAMESTOP | LX_NPSTOP | LX_DET)) &&
           n->kind == PX_TOK_WORD && !(n->flags & PX_TF_CAP);
}

static uint32_t lexf(const ctx *c, size_t i)
{
    uint32_t f = c->lex[i];
    if (!(f & LX_DONE)) {
        f = LX_DONE;
        if (c->t[i].kind == PX_TOK_WORD)
            f |= px__lex(tstr(c, i), tlen(c, i));
        c->lex[i] = f;
    }
    return f;
}

static bool in_quote(const ctx *c, size_t i)
{
    return c->qs.tok_quote[i] != PX__NO_QUOTE;
}

static bool is_punct(const ctx *c, size_t i, char ch)
{
    return c->t[i].kind == PX_TOK_PUNCT && tlen(c, i) == 1 && tstr(c, i)[0] == ch;
}

static bool is_terminal_tok(const ctx *c, size_t i)
{
    if (c->t[i].kind != PX_TOK_PUNCT)
        return false;
    char ch = tstr(c, i)[0];
    return ch == '.' || ch == '!' || ch == '?' || ch == ',' || ch == ':' || ch == ';' ||
           (unsigned char)ch == 0xe2; /* … */
}

/* Does token i end a sentence or a clause of it (". ! ? ; …"; not a
 * comma or a colon, unlike is_terminal_tok())? */
static bool stop_tok(const ctx *c, size_t i)
{
    return is_terminal_tok(c, i) && !is_punct(c, i, ',') && !is_punct(c, i, ':');
}

/* The closing mark of a quotation ends at token i. */
static bool closes_quote(const ctx *c, size_t i)
{
    int32_t q = c->qs.tok_quote[i];
    return q != PX__NO_QUOTE && c->qs.v[q].end_tok == i + 1 && c->t[i].kind == PX_TOK_QUOTE;
}

static bool opens_quote(const ctx *c, size_t i)
{
    int32_t q = c->qs.tok_quote[i];
    return q != PX__NO_QUOTE && c->qs.v[q].open == i;
}

/* ---- titles ---- */

/* Is word w one of the words in the list (case-insensitive)? */
static bool is_any(const ctx *c, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (is(c, i, list[k]))
            return true;
    return false;
}

/* "Trump's", "Trump’s" */
static bool possessive(const ctx *c, size_t i)
{
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return c->t[i].kind == PX_TOK_WORD &&
           ((n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') ||
            (n > 4 && !memcmp(w + n - 4, "\xe2\x80\x99s", 4)));
}

/* Is quotation q the title of a work or a name, not someone's words:
 * "the song “American Pie”", "the “American Pie” star", "his book “The
 * Art of the Deal”"? A title is a short closed quotation, of capitalised
 * words, that a word for a work introduces or a role word follows, or
 * that a determiner introduces when all its words are capitalised. */
static bool is_title(const ctx *c, const px__qspan *q)
{
    static const char *const work_before[] = {
        "song", "songs", "film", "films", "movie", "movies", "book", "books", "album",
        "albums", "show", "novel", "play", "series", "documentary", "single", "titled",
        "entitled", "episode", "poem", "musical", "opera", "hit", "anthem", "memoir",
        "sitcom", "ballad", "track", "programme", "program", "painting", "magazine",
        "newspaper", "column", "essay", "report", "headline", "exhibition", "game"};
    static const char *const role_after[] = {
        "star", "stars", "singer", "actor", "actress", "author", "hitmaker", "creator",
        "director", "host", "album", "song", "film", "movie", "tour", "co-star", "writer",
        "producer", "rapper", "band", "hit", "franchise", "sequel", "soundtrack", "cast",
        "premiere", "episode", "series", "books", "novelist", "presenter", "frontman"};
    if (q->close == PX__QSPAN_UNCLOSED || q->close <= q->open + 1)
        return false;
    uint32_t a = q->open + 1, b = q->close;
    while (a < b && c->t[a].kind == PX_TOK_QUOTE)
        a++; /* '' */
    if (a >= b || b - a > 8 || c->t[a].kind != PX_TOK_WORD || !(c->t[a].flags & PX_TF_CAP))
        return false;
    bool all_cap = true;
    for (uint32_t i = a; i < b; i++) {
        if (c->t[i].kind == PX_TOK_PUNCT && strchr(".,;:!", tstr(c, i)[0]))
            return false; /* a sentence or a clause: words said */
        if (c->t[i].kind == PX_TOK_WORD && !(c->t[i].flags & PX_TF_CAP) && tlen(c, i) > 4)
            all_cap = false;
    }
    uint32_t pv = q->open;
    if (pv == 0 || c->qs.tok_block[pv - 1] != c->qs.tok_block[pv])
        return false;
    pv--;
    if (is_any(c, pv, work_before, PX_ARRAY_LEN(work_before)))
        return true;
    uint32_t nx = q->end_tok;
    if (nx < c->doc->n_toks && c->t[nx].kind == PX_TOK_WORD &&
        c->qs.tok_block[nx] == c->qs.tok_block[pv] &&
        is_any(c, nx, role_after, PX_ARRAY_LEN(role_after)))
        return true;
    /* "his “Art of the Deal”", "the “Make America Great Again” hat": a
     * name in capitals after a determiner or a possessive */
    if (!all_cap || b - a < 2 || !((lexf(c, pv) & LX_DET) || possessive(c, pv)))
        return false;
    /* not in a headline written in capitals: lower-case words around */
    bool prose = false;
    for (uint32_t k = pv > 3 ? pv - 3 : 0; k < pv && !prose; k++)
        prose = c->t[k].kind == PX_TOK_WORD && !(c->t[k].flags & PX_TF_CAP) && tlen(c, k) > 3;
    for (uint32_t k = nx; k < nx + 3 && k < c->doc->n_toks && !prose; k++)
        prose = c->t[k].kind == PX_TOK_WORD && !(c->t[k].flags & PX_TF_CAP) && tlen(c, k) > 3;
    return prose;
}

/* The first block, when it is a one-line headline in title case
 * ("Conservative Icon Morton Blackwell Endorses Ted Cruz"): its
 * capitalised verbs are cues. UINT32_MAX when there is none. */
static uint32_t headline_block(const ctx *c)
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

/* ---- the cue lexicon ---- */





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
static bool made_it_clear(const ctx *c, size_t i)
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

static uint32_t time_phrase_after(const ctx *c, uint32_t s, uint32_t e);

/* Token i opens a time phrase that "that" follows ("found [in 2014]
 * that", "reported [in March] that", "estimated [last year] that"): the
 * verb before it takes the clause, whatever the preposition suggests.
 * Returns the index of "that", or i. */
static uint32_t that_after_time(const ctx *c, uint32_t i)
{
    uint32_t n = c->doc->n_toks, j = i;
    if (i + 2 < n && is(c, i, "in") && !in_quote(c, i + 1) &&
        ((c->t[i + 1].kind == PX_TOK_NUMBER && tlen(c, i + 1) == 4) ||
         px__month_from_name(tstr(c, i + 1), tlen(c, i + 1))))
        j = i + 2;
    else if (i < n)
        j = time_phrase_after(c, i, i + 3 < n ? i + 3 : n);
    return j > i && j < n && is(c, j, "that") && !in_quote(c, j) ? j : i;
}

static int cue_type_uncached(const ctx *c, size_t i)
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
    if ((f & LX_PREPV) && (is_prep_verb(c, i) || made_it_clear(c, i)))
        return CUE_PREPV;
    if ((f & LX_CTX) && (f & (LX_PART | LX_VERB | LX_THAT | LX_STAT)) &&
        px__cue_context_rare(tstr(c, i), tlen(c, i), next_class(c, i + 1)) &&
        that_after_time(c, i + 1) == i + 1)
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

static int cue_type(const ctx *c, size_t i)
{
    if (!c->cues[i])
        c->cues[i] = (uint8_t)(cue_type_uncached(c, i) + 1);
    return c->cues[i] - 1;
}

/* ---- noun phrases ---- */


static bool is_ly_adverb(const ctx *c, size_t i)
{
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return c->t[i].kind == PX_TOK_WORD && n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y' &&
           !(c->t[i].flags & PX_TF_CAP);
}

/* Token i may stand between a source and its cue: an auxiliary or
 * adverb ("has also said", "we now know", "have long argued", "didn't
 * say") or a floating quantifier ("the ministers all urged"). */
static bool before_cue(const ctx *c, uint32_t a, uint32_t i)
{
    if (c->t[i].kind != PX_TOK_WORD)
        return false;
    if ((lexf(c, i) & LX_AUX) || is_ly_adverb(c, i))
        return true;
    /* the others only after a subject: "But don't expect", "a panel that
     * all agreed" have none */
    if (i == a || c->t[i - 1].kind != PX_TOK_WORD || in_quote(c, i - 1) ||
        (lexf(c, i - 1) & (LX_DET | LX_PREP)) ||
        ((lexf(c, i - 1) & LX_NPSTOP) && !(lexf(c, i - 1) & LX_AUX)))
        return false;
    if (is(c, i, "now") || is(c, i, "long") || is(c, i, "too") || is(c, i, "all") ||
        is(c, i, "both") || is(c, i, "each"))
        return true;
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return n > 3 && (!memcmp(w + n - 3, "n't", 3) || (n > 5 && !memcmp(w + n - 5, "n\xe2\x80\x99t", 5)));
}

/* A preposition inside a source noun phrase: "Mr. Morgan of the Sierra
 * Club", "the senator from Vermont", "experts at the Aspen Institute". */
static bool np_prep(const ctx *c, uint32_t i)
{
    return is(c, i, "of") || is(c, i, "for") || is(c, i, "from") || is(c, i, "at");
}

/* Token y opens a clause: the unit's first word, or one after a comma
 * or a conjunction ("But attorneys and legal experts said"). */
static bool clause_initial(const ctx *c, uint32_t a, uint32_t y)
{
    if (y == a)
        return true;
    if (in_quote(c, y - 1))
        return false;
    return is_punct(c, y - 1, ',') || is(c, y - 1, "but") || is(c, y - 1, "though") ||
           is(c, y - 1, "although") || is(c, y - 1, "yet") || is(c, y - 1, "while") ||
           is(c, y - 1, "because");
}

/* The source noun phrase [sa, ..) before a cue ends a restrictive
 * relative clause ("Senior campaign advisers who have run [the numbers]
 * argue", "Democrats in Iowa who watched [the Saturday debate] said"):
 * the subject is the noun phrase the clause qualifies, with the clause,
 * when it opens its clause. Returns its first token, or sa. */
static uint32_t np_before(const ctx *c, uint32_t a, uint32_t p);

static uint32_t restrictive_head(const ctx *c, uint32_t a, uint32_t sa)
{
    uint32_t w = sa;
    for (uint32_t x = sa; x-- > a && sa - x <= 16;) {
        if (in_quote(c, x) || (c->t[x].kind != PX_TOK_WORD && c->t[x].kind != PX_TOK_NUMBER))
            return sa;
        if (is(c, x, "who") || is(c, x, "whose")) {
            w = x;
            break;
        }
    }
    if (w == sa || w <= a || c->t[w - 1].kind != PX_TOK_WORD || cue_type(c, w - 1) != CUE_NONE)
        return sa;
    uint32_t hs = np_before(c, a, w - 1);
    /* "those who back her opponents say", "27 percent of those who ..." */
    if (hs > w - 1 && (is(c, w - 1, "those") || is(c, w - 1, "anyone") || is(c, w - 1, "many") ||
                       is(c, w - 1, "others") || is(c, w - 1, "some"))) {
        hs = w - 1;
        if (hs > a + 1 && is(c, hs - 1, "of") && !in_quote(c, hs - 2)) {
            uint32_t h2 = np_before(c, a, hs - 2);
            if (h2 <= hs - 2)
                hs = h2;
        }
    }
    if (hs > w - 1 || !clause_initial(c, a, hs))
        return sa;
    for (uint32_t x = hs; x < w; x++)
        if (cue_type(c, x) != CUE_NONE || (lexf(c, x) & LX_AUX))
            return sa;
    return hs;
}

/* The conjunct of a source noun phrase that ends before token x ("and",
 * "or" or a comma of a list): its first token, or x when the words
 * before x do not look like a noun phrase. Proper names may be listed
 * with commas; a common noun phrase needs its determiner and, lower
 * case, may only stand before "and". */
static uint32_t left_conjunct(const ctx *c, uint32_t a, uint32_t x, bool by_and)
{
    uint32_t start = x;
    bool all_cap = true, det = false;
    for (uint32_t y = x; y-- > a && x - y <= 6;) {
        const px_token *t = &c->t[y];
        if (in_quote(c, y) || (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER &&
                               !(t->flags & PX_TF_ABBREV)))
            break;
        /* "She and her aides have vowed", "They and their supporters
         * argue" */
        if (y + 1 == x && by_and && (is(c, y, "she") || is(c, y, "he") || is(c, y, "they") ||
                                     is(c, y, "we") || is(c, y, "i")) &&
            clause_initial(c, a, y))
            return y;
        if ((lexf(c, y) & LX_DET)) {
            start = y;
            det = true;
            break;
        }
        if ((lexf(c, y) & (LX_NPSTOP | LX_PRON)) || cue_type(c, y) != CUE_NONE ||
            ((lexf(c, y) & LX_AUX) && !is(c, y, "first"))) /* "the former first lady and" */
            break;
        if (!(t->flags & PX_TF_CAP) && t->kind == PX_TOK_WORD) {
            size_t n = tlen(c, y);
            const char *w = tstr(c, y);
            if (n > 4 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || !memcmp(w + n - 3, "ing", 3)) &&
                !(lexf(c, y) & LX_ROLE))
                return x;
            all_cap = false;
        }
        if ((t->flags & PX_TF_CAP) && y == a && !(lexf(c, y) & LX_ROLE) &&
            px__is_sentence_starter(tstr(c, y), tlen(c, y)))
            break;
        start = y;
    }
    if (start == x || (!all_cap && !(det && by_and) && !(by_and && clause_initial(c, a, start))))
        return x;
    /* "Experts on North Korea and nuclear nonproliferation": the object
     * of a preposition, not a subject */
    if (start > a && (lexf(c, start - 1) & LX_PREP))
        return x;
    return start;
}

/* A word that ends in -ed (a past participle: "a poll released
 * Thursday"). */
static bool is_ed_word(const ctx *c, uint32_t i)
{
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return c->t[i].kind == PX_TOK_WORD && !(c->t[i].flags & PX_TF_CAP) && n > 4 &&
           w[n - 2] == 'e' && w[n - 1] == 'd';
}

static bool is_weekday(const ctx *c, uint32_t i)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    for (size_t k = 0; k < PX_ARRAY_LEN(days); k++)
        if (is(c, i, days[k]))
            return true;
    return false;
}

/* The first token of a time phrase that ends at token e ("on Thursday",
 * "Tuesday night", "this week", "last month", "this past year"), or e + 1
 * when there is none. */
static uint32_t time_phrase_start(const ctx *c, uint32_t a, uint32_t e)
{
    if (c->t[e].kind != PX_TOK_WORD || in_quote(c, e))
        return e + 1;
    uint32_t s = e;
    if ((is(c, s, "night") || is(c, s, "morning") || is(c, s, "afternoon") ||
         is(c, s, "evening")) && s > a && is_weekday(c, s - 1))
        s--;
    if (is_weekday(c, s)) {
        if (s > a && (is(c, s - 1, "on") || is(c, s - 1, "last") || is(c, s - 1, "this") ||
                      is(c, s - 1, "next")))
            s--;
        return s;
    }
    if (s == e && (is(c, s, "week") || is(c, s, "month") || is(c, s, "year") ||
                   is(c, s, "weekend")) && s > a) {
        if (is(c, s - 1, "past") && s > a + 1 && is(c, s - 2, "this"))
            return s - 2;
        if (is(c, s - 1, "this") || is(c, s - 1, "last") || is(c, s - 1, "next") ||
            is(c, s - 1, "past"))
            return s - 1;
    }
    return e + 1;
}

/* The end of a time phrase that starts at token s ("Tuesday", "on
 * Monday", "late Saturday night", "last month", "this week"), or s when
 * there is none; [s, e). */
static uint32_t time_phrase_after(const ctx *c, uint32_t s, uint32_t e)
{
    uint32_t i = s;
    if (i < e && (is(c, i, "on") || is(c, i, "late") || is(c, i, "early") ||
                  is(c, i, "earlier") || is(c, i, "later")))
        i++;
    if (i < e && is_weekday(c, i)) {
        i++;
        if (i < e && (is(c, i, "night") || is(c, i, "morning") || is(c, i, "afternoon") ||
                      is(c, i, "evening")))
            i++;
        return i;
    }
    if (i == s && i + 1 < e && (is(c, i, "last") || is(c, i, "this")) &&
        (is(c, i + 1, "week") || is(c, i + 1, "month") || is(c, i + 1, "year") ||
         is(c, i + 1, "weekend")))
        return i + 2;
    return s;
}

/* Token i is the apostrophe of a plural possessive ("Sanders’ aides",
 * "the Democrats' nominee"): a single closing mark outside quotations,
 * glued to a word in -s before it, a space and a word after it. */
static bool plural_possessive(const ctx *c, uint32_t a, uint32_t i)
{
    const px_token *t = &c->t[i];
    if (t->kind != PX_TOK_QUOTE || !(t->flags & PX_TF_QSINGLE) || (t->flags & PX_TF_QOPEN) ||
        i <= a || in_quote(c, i) || c->t[i - 1].kind != PX_TOK_WORD || c->t[i - 1].end != t->start ||
        i + 1 >= c->doc->n_toks || c->t[i + 1].kind != PX_TOK_WORD || c->t[i + 1].start == t->end)
        return false;
    return tstr(c, i - 1)[tlen(c, i - 1) - 1] == 's';
}

/* The source noun phrase ending at token p (inclusive), not before a.
 * Returns its first token, or p + 1 when there is none. */
/* Token p ends a share of those polled ("four in 10", "42%", "43
 * percent"): a number, or a per cent sign after one. */
static bool share_end(const ctx *c, uint32_t a, uint32_t p)
{
    if (c->t[p].kind == PX_TOK_NUMBER)
        return true;
    return p > a && c->t[p].kind == PX_TOK_SYMBOL && tlen(c, p) == 1 && tstr(c, p)[0] == '%' &&
           c->t[p - 1].kind == PX_TOK_NUMBER && c->t[p - 1].end == c->t[p].start;
}

/* A number of a share of people, at token i: "40", "four", "half",
 * "two-thirds", "a third", "a majority" (then i + 1 is the "third"). */
static bool share_number(const ctx *c, uint32_t i)
{
    static const char *const w[] = {
        "half", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "two-thirds", "three-quarters", "three-fourths", "one-third", "one-quarter", "one-fifth",
        "one-half", "majority", "third", "quarter", "fifth", "dozen"};
    if (i >= c->doc->n_toks || in_quote(c, i))
        return false;
    if (c->t[i].kind == PX_TOK_NUMBER)
        return true;
    if (is(c, i, "a") && i + 1 < c->doc->n_toks)
        i++;
    return c->t[i].kind == PX_TOK_WORD && is_any(c, i, w, PX_ARRAY_LEN(w));
}

/* The words from token y on open a share of people by an approximation
 * ("About four in 10 voters", "At least half of voters", "More than 60
 * percent", "Just over a third"): returns the share's number token, or y
 * when there is none. */
static uint32_t share_opener(const ctx *c, uint32_t y)
{
    uint32_t i = y;
    if (c->t[y].flags & PX_TF_ALLCAPS)
        return y; /* "AT LEAST 10 KILLED": a headline */
    /* "Just over a quarter", "well over half"; not "just 28 percent" */
    if (is(c, i, "just") || is(c, i, "well") || is(c, i, "slightly"))
        i++;
    uint32_t o = i; /* the approximating word */
    if (is(c, i, "about") || is(c, i, "around") || is(c, i, "nearly") || is(c, i, "almost") ||
        is(c, i, "roughly") || is(c, i, "approximately") || is(c, i, "over") ||
        is(c, i, "under") || is(c, i, "some"))
        i++;
    else if ((is(c, i, "more") || is(c, i, "less") || is(c, i, "fewer")) && is(c, i + 1, "than"))
        i += 2;
    else if (is(c, i, "at") && (is(c, i + 1, "least") || is(c, i + 1, "most")))
        i += 2;
    else if (is(c, i, "shy") && is(c, i + 1, "of"))
        i += 2;
    if (i == o || i >= c->doc->n_toks)
        return y;
    for (uint32_t x = y; x < i; x++)
        if (in_quote(c, x) || c->t[x].kind != PX_TOK_WORD)
            return y;
    return share_number(c, i) ? i : y;
}

/* "Experts on North Korea and nuclear nonproliferation said", "a study
 * by Harvard and the University of California found", "The Tax Policy
 * Center at the Urban Institute and Brookings Institution estimates": the
 * conjunction x joins the objects of a preposition inside the subject,
 * which is the noun phrase before the preposition when it opens its
 * clause. Returns its first token, or x when there is none. */
static uint32_t pp_conjunct_subject(const ctx *c, uint32_t a, uint32_t x)
{
    uint32_t y = x;
    while (y > a && x - y < 6) {
        const px_token *t = &c->t[y - 1];
        if (in_quote(c, y - 1) || (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER))
            return x;
        if ((lexf(c, y - 1) & LX_DET) && !(lexf(c, y - 1) & LX_PRON)) {
            y--;
            break;
        }
        if (!(t->flags & PX_TF_CAP) || (lexf(c, y - 1) & (LX_NAMESTOP | LX_NPSTOP | LX_PREP)))
            break;
        y--;
    }
    if (y == x || y < a + 2 || in_quote(c, y - 1) ||
        !(is(c, y - 1, "of") || is(c, y - 1, "for") || is(c, y - 1, "from") ||
          is(c, y - 1, "at") || is(c, y - 1, "on") || is(c, y - 1, "in") || is(c, y - 1, "by")))
        return x;
    uint32_t h = y - 2; /* the head noun before the preposition */
    if (c->t[h].kind != PX_TOK_WORD || in_quote(c, h) || cue_type(c, h) != CUE_NONE ||
        (lexf(c, h) & (LX_NPSTOP | LX_PRON | LX_AUX | LX_DET | LX_PREP)) || is_ed_word(c, h))
        return x;
    uint32_t s = np_before(c, a, h);
    /* a noun phrase: "Experts", "a 2014 study"; not "Clinton won in
     * Iowa and Trump said" */
    if (s > h || !clause_initial(c, a, s) ||
        !(((lexf(c, s) & LX_DET) && !(lexf(c, s) & LX_PRON)) ||
          ((c->t[h].flags & PX_TF_CAP) && !(lexf(c, h) & LX_NAMESTOP)) ||
          (lexf(c, h) & LX_ROLE)))
        return x;
    return s;
}

/* "[Leaked documents] show", "[elected officials from both parties]
 * say", "where [restructuring experts] say", "[52 percent of registered
 * voters] say": a word in -ed or -ing that opens its clause (or an -ed
 * word after "of") before a lower-case noun is an adjective of the
 * subject */
static bool clause_adjective(const ctx *c, uint32_t a, uint32_t i)
{
    if (cue_type(c, i) != CUE_NONE || i + 1 >= c->doc->n_toks || in_quote(c, i + 1) ||
        c->t[i + 1].kind != PX_TOK_WORD || (c->t[i + 1].flags & PX_TF_CAP) ||
        (lexf(c, i + 1) & (LX_NPSTOP | LX_PREP | LX_AUX | LX_DET | LX_PRON | LX_PERSPRON)) ||
        is(c, i + 1, "up") || is(c, i + 1, "out") || is(c, i + 1, "off") ||
        is(c, i + 1, "much") || cue_type(c, i + 1) != CUE_NONE)
        return false;
    /* an -ing word after a comma or at the start opens a participle
     * clause ("sparking nationwide fear") */
    if (!is_ed_word(c, i) && (i == a || c->t[i - 1].kind != PX_TOK_WORD))
        return false;
    if (i == a || is_punct(c, i - 1, ','))
        return !in_quote(c, i - 1) || i == a;
    return !in_quote(c, i - 1) && c->t[i - 1].kind == PX_TOK_WORD &&
           ((is(c, i - 1, "of") && is_ed_word(c, i)) || is(c, i - 1, "where") || is(c, i - 1, "after") || is(c, i - 1, "as") ||
            is(c, i - 1, "while") || is(c, i - 1, "because") || is(c, i - 1, "since") ||
            is(c, i - 1, "though") || is(c, i - 1, "although") || is(c, i - 1, "when"));
}

/* "this year", "this past week": a time, no noun phrase of a source */
static bool time_noun(const ctx *c, uint32_t i)
{
    static const char *const w[] = {"year", "week", "month", "morning", "afternoon", "evening",
                                    "past", "weekend", "spring", "summer", "fall", "winter",
                                    "time", "season", "day", "cycle"};
    return is_any(c, i, w, PX_ARRAY_LEN(w));
}

static uint32_t np_before(const ctx *c, uint32_t a, uint32_t p)
{
    if (p < a || in_quote(c, p) || (c->t[p].kind != PX_TOK_WORD && !share_end(c, a, p)))
        return p + 1;
    /* "a liberal think tank": no subject before a noun */
    if (p + 2 < c->doc->n_toks && is(c, p + 1, "think") &&
        (is(c, p + 2, "tank") || is(c, p + 2, "tanks")))
        return p + 1;
    if ((lexf(c, p) & LX_PRON))
        return p;
    /* "Two in three said", "one in four said": a share with no noun */
    if (p >= a + 2 && is(c, p - 1, "in") && !in_quote(c, p - 1) && share_number(c, p) &&
        share_number(c, p - 2) && !is(c, p - 2, "a")) {
        uint32_t sa = p - 2;
        for (uint32_t y = sa; y > a && sa - y < 4;) {
            y--;
            if (share_opener(c, y) == sa && clause_initial(c, a, y)) {
                sa = y;
                break;
            }
        }
        return sa;
    }
    /* "Officials said", "Both think", "Another says": a word that often
     * opens a sentence is the whole subject right before the verb */
    if (clause_initial(c, a, p) && p + 1 < c->doc->n_toks &&
        !(c->t[p + 1].flags & PX_TF_CAP) && /* "One Tweet Sums Up ...": a headline */
        (is(c, p, "officials") || is(c, p, "both") || is(c, p, "another") || is(c, p, "others") ||
         is(c, p, "one") || is(c, p, "two") || is(c, p, "three")))
        return p;
    /* "A Quinnipiac poll released Thursday found", "a poll out this week" */
    {
        uint32_t ts = time_phrase_start(c, a, p);
        if (ts <= p && ts > a + 1 && !in_quote(c, ts - 1) &&
            (is_ed_word(c, ts - 1) || is(c, ts - 1, "out"))) {
            uint32_t sa = np_before(c, a, ts - 2);
            if (sa <= ts - 2)
                return sa;
        }
    }
    /* "Several said", "Many say": a quantifier alone */
    if ((lexf(c, p) & LX_DET) && (is(c, p, "several") || is(c, p, "many") || is(c, p, "some") ||
                                  is(c, p, "most") || is(c, p, "all") || is(c, p, "both")))
        return p;
    if ((lexf(c, p) & LX_NPSTOP) || (lexf(c, p) & LX_DET))
        return p + 1;
    uint32_t sa = p + 1;
    int count = 0;
    /* at most 16 words: "[a bipartisan group of 32 national security experts
     * at the Aspen Institute Homeland Security Group] warned" */
    for (uint32_t i = p + 1; i-- > a && count < 16;) {
        const px_token *t = &c->t[i];
        if (in_quote(c, i))
            break;
        /* "CNN/ORC" */
        if (t->kind == PX_TOK_SYMBOL && tlen(c, i) == 1 && tstr(c, i)[0] == '/' && count > 0 &&
            i > a && c->t[i - 1].kind == PX_TOK_WORD && !in_quote(c, i - 1)) {
            count++;
            continue;
        }
        if (count > 0 && plural_possessive(c, a, i)) {
            count++;
            continue;
        }
        if (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER && !(i == p && share_end(c, a, i)))
            break;
        /* "Other Republicans", "those surveyed", "officials from both
         * parties" start like a determiner */
        if ((lexf(c, i) & LX_DET) ||
            (count > 0 && (is(c, i, "other") || is(c, i, "those") || is(c, i, "these") ||
                           is(c, i, "both") || is(c, i, "few") || is(c, i, "such") ||
                           ((is(c, i, "this") ||
                             (is(c, i, "that") && clause_initial(c, a, i) &&
                              !(i > a && is_punct(c, i - 1, ',')))) &&
                            !time_noun(c, i + 1))))) {
            sa = i;
            /* "the two senators", "all the candidates" */
            while (sa > a && (lexf(c, sa - 1) & LX_DET) && !in_quote(c, sa - 1))
                sa--;
            if (sa > a + 1 && (is(c, sa - 1, "and") || is(c, sa - 1, "or")) && !in_quote(c, sa - 1)) {
                uint32_t pl = pp_conjunct_subject(c, a, sa - 1);
                if (pl < sa - 1) {
                    sa = pl;
                    break;
                }
            }
            /* "The Republican nominee and his aides" */
            if (sa > a + 1 && (is(c, sa - 1, "and") || is(c, sa - 1, "or")) && !in_quote(c, sa - 1)) {
                uint32_t l = left_conjunct(c, a, sa - 1, true);
                if (l < sa - 1)
                    sa = l;
            }
            i = sa;
            /* "Mr. Morgan of the Sierra Club" */
            if (i >= a + 2 && np_prep(c, i - 1) &&
                c->t[i - 2].kind == PX_TOK_WORD && !in_quote(c, i - 2) &&
                !(lexf(c, i - 2) & LX_NPSTOP) && !(lexf(c, i - 2) & LX_DET)) {
                count++;
                continue;
            }
            break;
        }
        if (np_prep(c, i)) {
            if (count > 0 && i > a && c->t[i - 1].kind == PX_TOK_WORD && !in_quote(c, i - 1) &&
                !(lexf(c, i - 1) & LX_NPSTOP) && !(lexf(c, i - 1) & LX_DET)) {
                sa = i;
                count++;
                continue;
            }
            break;
        }
        if ((is(c, i, "and") || is(c, i, "or")) && count > 0) {
            uint32_t pl = pp_conjunct_subject(c, a, i);
            if (pl < i) {
                sa = pl;
                break;
            }
            /* "Democrats and Republicans say", "Ben Carson, Ted Cruz and
             * Rand Paul have argued", "the former first lady and U.S.
             * senator said" */
            for (uint32_t x = i, l; x > a; x = l - 1) {
                l = left_conjunct(c, a, x, x == i);
                if (l >= x)
                    break;
                sa = l;
                if (!(l > a + 1 && is_punct(c, l - 1, ',') && !in_quote(c, l - 1)))
                    break;
            }
            break;
        }
        /* "A USA TODAY poll": a stop word in capitals is part of a name */
        if (((lexf(c, i) & LX_NPSTOP) && !((t->flags & PX_TF_ALLCAPS) && tlen(c, i) > 2 &&
                                            count > 0)) ||
            (lexf(c, i) & LX_PRON))
            break;
        if ((t->flags & PX_TF_CAP) && i == a && !(lexf(c, i) & LX_ROLE) &&
            px__is_sentence_starter(tstr(c, i), tlen(c, i)) && !is(c, i, "mr") &&
            !is(c, i, "mrs") && !is(c, i, "ms") && !is(c, i, "dr"))
            break;
        /* verbs in -ed/-ing before a name are not part of it */
        if (!(t->flags & PX_TF_CAP) && count > 0 && c->mn.tok_mention[i] < 0) {
            size_t n = tlen(c, i);
            const char *w = tstr(c, i);
            /* but "the gambling tycoon", "a retired general": after a
             * determiner the word is an adjective */
            if (n > 4 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || !strncmp(w + n - 3, "ing", 3)) &&
                !(lexf(c, i) & LX_ROLE) &&
                !(i > a && cue_type(c, i) == CUE_NONE && !in_quote(c, i - 1) &&
                  ((lexf(c, i - 1) & LX_DET) || is(c, i - 1, "both") || is(c, i - 1, "other") ||
                   is(c, i - 1, "those") || is(c, i - 1, "these") || is(c, i - 1, "few") ||
                   is(c, i - 1, "such") || is(c, i - 1, "many") || is(c, i - 1, "several") ||
                   (i > a + 1 && (c->t[i - 1].flags & PX_TF_CAP) && (lexf(c, i - 2) & LX_DET) &&
                    !(lexf(c, i - 1) & LX_NAMESTOP)))) &&
                !clause_adjective(c, a, i))
                break;
        }
        sa = i;
        count++;
    }
    /* "the kind [Trump] had described", "the place [Pentagon officials]
     * say": a noun that often heads a relative clause without "that",
     * right before a name, is no part of the subject of the clause */
    for (uint32_t i = sa; i < p && sa <= p; i++) {
        static const char *const heads[] = {"kind",   "sort",  "type",   "place",
                                            "reason", "thing", "things", "ones", "message",
                                            "argument", "point"};
        if (!in_quote(c, i) && is_any(c, i, heads, PX_ARRAY_LEN(heads)) &&
            (c->t[i + 1].flags & PX_TF_CAP) && !(lexf(c, i + 1) & LX_NAMESTOP) &&
            i > sa && (lexf(c, i - 1) & LX_DET)) {
            sa = i + 1;
            break;
        }
    }
    /* "[Only 52 percent of registered voters] agreed", "[Virtually all
     * analysts] say": an adverb of degree before a number or quantifier
     * that opens the clause */
    if (sa <= p && sa > a && (c->t[sa].kind == PX_TOK_NUMBER || is(c, sa, "all") ||
                              is(c, sa, "half") || is(c, sa, "one") || is(c, sa, "two") ||
                              is(c, sa, "three") || is(c, sa, "most") || is(c, sa, "every")) &&
        !in_quote(c, sa - 1) &&
        (is(c, sa - 1, "only") || is(c, sa - 1, "virtually") || is(c, sa - 1, "nearly") ||
         is(c, sa - 1, "almost") || is(c, sa - 1, "roughly")) &&
        clause_initial(c, a, sa - 1))
        sa--;
    /* "[More than half of Republicans] say", "[At least 40 percent]
     * said": an approximation before the share that opens the clause */
    for (uint32_t y = sa; y > a && sa - y < 4 && sa <= p;) {
        y--;
        if (in_quote(c, y) || c->t[y].kind != PX_TOK_WORD)
            break;
        if (share_opener(c, y) == sa && clause_initial(c, a, y)) {
            sa = y;
            break;
        }
    }
    return sa;
}

/* A full stop, hyphen or slash glued between two words or numbers
 * ("TheIowaRepublican.com", "A.F.L.-C.I.O.", "R-S.C."): part of a name,
 * no end of it. */
static bool glued(const ctx *c, uint32_t k)
{
    if (k == 0 || k + 1 >= c->doc->n_toks || in_quote(c, k))
        return false;
    const px_token *t = &c->t[k], *p = &c->t[k - 1], *n = &c->t[k + 1];
    if (t->end - t->start != 1 || !strchr(".-/", c->text[t->start]) || p->end != t->start ||
        t->end != n->start)
        return false;
    return (p->kind == PX_TOK_WORD || p->kind == PX_TOK_NUMBER) &&
           (n->kind == PX_TOK_WORD || n->kind == PX_TOK_NUMBER);
}

static uint32_t appositive_end(const ctx *c, uint32_t e, uint32_t b);

/* The inverted source after a cue ("said Ron Weiser, who ..."): returns
 * its end token (exclusive), s when there is none. */
/* Token i, "to", "with" or "in", opens the complement of the word
 * before it inside a source noun phrase ("a source [close to] the
 * campaign", "one Democrat [familiar with] the talks", "a former aide [to]
 * President Bush", "a Republican [involved in] the planning", "one person
 * [with knowledge of] the deal"); not "told a spokesman to", "said in". */
static bool pp_complement(const ctx *c, uint32_t i)
{
    static const char *const to[] = {"close",  "closest",  "loyal",    "aide",   "aides",
                                     "adviser", "advisers", "advisor", "advisors", "ambassador",
                                     "envoy",  "counselor", "allied",  "friendly", "linked",
                                     "tied",   "connected", "opposed"};
    static const char *const with[] = {"familiar", "close", "closest", "friendly", "connected"};
    if (i == 0 || i + 1 >= c->doc->n_toks || in_quote(c, i - 1) || c->t[i - 1].kind != PX_TOK_WORD)
        return false;
    if (is(c, i, "to"))
        return is_any(c, i - 1, to, PX_ARRAY_LEN(to));
    if (is(c, i, "with"))
        return is_any(c, i - 1, with, PX_ARRAY_LEN(with)) ||
               (is(c, i + 1, "knowledge") && !(lexf(c, i - 1) & LX_NPSTOP));
    if (is(c, i, "in"))
        return is(c, i - 1, "involved");
    return false;
}

static uint32_t np_after(const ctx *c, uint32_t s, uint32_t b)
{
    if (s >= b || in_quote(c, s) || c->t[s].kind != PX_TOK_WORD)
        return s;
    if (!(c->t[s].flags & PX_TF_CAP) && !(lexf(c, s) & LX_DET) &&
        !(lexf(c, s) & LX_ROLE) && !(lexf(c, s) & LX_PRON)) {
        /* "museum director Claire Dubois": a role word close behind */
        bool role = false;
        for (uint32_t k = s + 1; k < b && k < s + 3 && c->t[k].kind == PX_TOK_WORD; k++)
            role |= (lexf(c, k) & LX_ROLE);
        /* "said retired neurosurgeon Ben Carson.": lower-case words
         * before a name, the sentence ending with it */
        if (!role && !is_ly_adverb(c, s) && !(lexf(c, s) & (LX_NPSTOP | LX_PREP | LX_AUX)) &&
            cue_type(c, s) == CUE_NONE) {
            uint32_t k = s + 1;
            while (k < b && k < s + 3 && c->t[k].kind == PX_TOK_WORD && !(c->t[k].flags & PX_TF_CAP) &&
                   !(lexf(c, k) & (LX_NPSTOP | LX_PREP | LX_AUX)) && cue_type(c, k) == CUE_NONE &&
                   !is_ly_adverb(c, k))
                k++;
            if (k < b && c->t[k].kind == PX_TOK_WORD && (c->t[k].flags & PX_TF_CAP) &&
                !(lexf(c, k) & LX_NAMESTOP)) {
                uint32_t e = k;
                while (e < b && e < k + 5 && c->t[e].kind == PX_TOK_WORD &&
                       (c->t[e].flags & PX_TF_CAP) && !in_quote(c, e))
                    e++;
                role = e >= b || is_punct(c, e, ',') || is_terminal_tok(c, e);
            }
        }
        if (!role)
            return s;
    }
    if ((lexf(c, s) & LX_PRON))
        return s + 1;
    /* "said Tuesday", "said in January": a time, not a speaker */
    if (is_weekday(c, s) || is(c, s, "today") || is(c, s, "yesterday") || is(c, s, "tonight") ||
        (px__month_from_name(tstr(c, s), tlen(c, s)) &&
         (s + 1 >= b || c->t[s + 1].kind == PX_TOK_NUMBER || is_terminal_tok(c, s + 1))))
        return s; /* a month only before a day or the end: "said Jan Kowalski", "said May" */
    uint32_t e = s;
    while (e < b && e - s < 12) {
        const px_token *t = &c->t[e];
        if (in_quote(c, e) || (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER && !glued(c, e)))
            break;
        if (e > s && ((lexf(c, e) & LX_NPSTOP) || (lexf(c, e) & LX_PRON)) && !is(c, e, "of") &&
            !is(c, e, "for") && !pp_complement(c, e))
            break;
        e++;
    }
    return appositive_end(c, e, b);
}

/* Extends a source ending at e over what PolNeAR counts as part of it:
 * "(D-Conn.)", ", 56", ", president of Rock the Vote", ", who ..."; a
 * comma that closes an appositive before more words is kept. */
/* A cue word that is used as a verb: not a noun inside a noun phrase
 * ("a liberal think tank", "a leading advocate for human rights"). */
static bool verb_cue(const ctx *c, uint32_t k)
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

static uint32_t appositive_end(const ctx *c, uint32_t e, uint32_t b)
{
    for (int rounds = 0; rounds < 4 && e < b; rounds++) {
        if (is_punct(c, e, '(')) {
            uint32_t k = e + 1;
            while (k < b && k < e + 8 && !is_punct(c, k, ')'))
                k++;
            if (k >= b || !is_punct(c, k, ')'))
                break;
            e = k + 1;
            continue;
        }
        if (!(is_punct(c, e, ',') && e + 1 < b) || in_quote(c, e + 1))
            break;
        uint32_t s = e + 1;
        if (c->t[s].kind != PX_TOK_WORD && c->t[s].kind != PX_TOK_NUMBER)
            break;
        if ((lexf(c, s) & LX_NOTAPPOS) || cue_type(c, s) != CUE_NONE)
            break;
        uint32_t k = s;
        bool rel = false; /* past "who": its verb may be a cue ("who said she ...") */
        while (k < b && !in_quote(c, k) && !is_punct(c, k, ',') &&
               ((!is_terminal_tok(c, k) && c->t[k].kind != PX_TOK_DASH) || glued(c, k)) &&
               (rel || !verb_cue(c, k))) {
            rel |= is(c, k, "who") || is(c, k, "whose") || is(c, k, "whom") || is(c, k, "which");
            k++;
        }
        if (k == s || (k < b && (in_quote(c, k) || (!rel && verb_cue(c, k)))))
            break;
        /* "said one official, who spoke on the condition of anonymity":
         * why the source goes unnamed is the writer's note, no part of
         * the source (PolNeAR, 11 of 15 on train) */
        bool anon = false;
        /* "said Army Capt. Chris Pardo, who said he would not vote for
         * either": a relative clause that reports words of its own is an
         * attribution of its own, no part of this source (PolNeAR: 42 of
         * 42 on train; one without a cue is part of it, 119 of 138) */
        for (uint32_t x = s + 1; rel && x + 1 < k && !anon; x++)
            anon = !in_quote(c, x) && (lexf(c, x) & (LX_VERB | LX_THAT)) &&
                   !(lexf(c, x) & LX_WEAK) && cue_type(c, x) != CUE_NONE &&
                   (is(c, x + 1, "that") || (lexf(c, x + 1) & LX_PRON) || opens_quote(c, x + 1));
        for (uint32_t x = s; rel && x < k && !anon; x++)
            anon = is(c, x, "anonymity") || is(c, x, "anonymously") || is(c, x, "authorized") ||
                   ((is(c, x, "identified") || is(c, x, "named")) && x > s &&
                    (is(c, x - 1, "be") || is(c, x - 1, "being")));
        if (anon)
            break;
        e = k;
        if (k < b && is_punct(c, k, ',') && k + 1 < b && !is_terminal_tok(c, k + 1) &&
            !in_quote(c, k + 1)) {
            /* another appositive follows, or the comma closes this one */
            uint32_t n = k + 1;
            if (c->t[n].kind == PX_TOK_WORD && !(lexf(c, n) & LX_NOTAPPOS) &&
                cue_type(c, n) == CUE_NONE && rounds < 3)
                continue;
            e = k + 1;
            break;
        }
    }
    return e;
}

/* The end of the source of "according to" [s, e) over its appositives,
 * as PolNeAR spans it: "according to Andy Smith, director of the Survey
 * Center, which conducted the poll", "According to Lorella Praeli,
 * Clinton's Latino vote director, the campaign has ..." (the closing
 * comma with it). A leading one needs that closing comma before its
 * content. */
static uint32_t according_appositive(const ctx *c, uint32_t s, uint32_t e, uint32_t b,
                                     bool leading)
{
    if (e >= b || e == s || !is_punct(c, e, ',') || in_quote(c, e) || e + 2 >= b ||
        !(c->t[e - 1].flags & PX_TF_CAP))
        return e;
    uint32_t h = e + 1;
    const px_token *t = &c->t[h];
    if ((t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER) || in_quote(c, h) ||
        (lexf(c, h) & LX_NOTAPPOS) || (lexf(c, h) & LX_PRON) ||
        !((lexf(c, h) & LX_DET) || (lexf(c, h) & LX_ROLE) || t->kind == PX_TOK_NUMBER ||
          ((t->flags & PX_TF_CAP) && !(lexf(c, h) & LX_NAMESTOP))))
        return e;
    for (uint32_t k = h; k < b && k < h + 16; k++) {
        if (in_quote(c, k))
            return e;
        if (is_punct(c, k, ','))
            return leading && k > h && k + 1 < b ? k + 1 : e;
        if (is_terminal_tok(c, k))
            return leading ? e : k;
        if ((c->t[k].kind != PX_TOK_WORD && c->t[k].kind != PX_TOK_NUMBER &&
             !(c->t[k].flags & PX_TF_ABBREV)) ||
            cue_type(c, k) != CUE_NONE || (lexf(c, k) & (LX_AUX | LX_PRON)) ||
            is(c, k, "who") || is(c, k, "which") || is(c, k, "that"))
            return e;
    }
    return leading ? e : (h + 16 > b ? b : e);
}

/* The end of a source that stops at token e before its cue at k: a
 * parenthetical right behind the name is part of it ("Rep. Elijah E.
 * Cummings (D-Md.) said": PolNeAR counts party and state in the source). */
static uint32_t source_end(const ctx *c, uint32_t e, uint32_t k)
{
    if (e < k && is_punct(c, e, '(') && !in_quote(c, e))
        for (uint32_t x = e + 1; x < k && x < e + 8; x++)
            if (is_punct(c, x, ')'))
                return x + 1;
    return e;
}

/* The end of a unit's subject named at tokens [.., e): with a party in
 * parentheses and an appositive closed by a comma ("Donald Trump, her
 * Republican opponent, bemoaned ... and said"), as PolNeAR spans it. */
static uint32_t subject_end(const ctx *c, uint32_t e, uint32_t b)
{
    e = source_end(c, e, b);
    if (e + 2 >= b || !is_punct(c, e, ',') || in_quote(c, e + 1))
        return e;
    uint32_t s = e + 1;
    const px_token *t = &c->t[s];
    if ((t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER) || (lexf(c, s) & LX_NOTAPPOS) ||
        !((lexf(c, s) & LX_DET) || t->kind == PX_TOK_NUMBER ||
          ((t->flags & PX_TF_CAP) && !(lexf(c, s) & LX_NAMESTOP))))
        return e;
    for (uint32_t k = s; k < b && k < s + 14; k++) {
        if (in_quote(c, k))
            return e;
        if (is_punct(c, k, ','))
            return k > s && k + 1 < b && c->t[k + 1].kind == PX_TOK_WORD &&
                           !in_quote(c, k + 1) ? k + 1 : e;
        if ((c->t[k].kind != PX_TOK_WORD && c->t[k].kind != PX_TOK_NUMBER &&
             !is_punct(c, k, '(') && !is_punct(c, k, ')')) ||
            cue_type(c, k) != CUE_NONE || (lexf(c, k) & (LX_AUX | LX_PRON)))
            return e;
    }
    return e;
}

/* A source [sa, sb) before its cue ends before a comma that opens an
 * adverbial rather than an appositive: "Corey Lewandowski, in a
 * statement released Thursday, said", "Snyder, for his part, has
 * denied", "Trump, speaking to veterans, said". */
static uint32_t source_cut(const ctx *c, uint32_t sa, uint32_t sb)
{
    for (uint32_t x = sa + 1; x + 1 < sb; x++) {
        if (!is_punct(c, x, ',') || in_quote(c, x) || c->t[x + 1].kind != PX_TOK_WORD)
            continue;
        uint32_t w = x + 1;
        size_t n = tlen(c, w);
        const char *s = tstr(c, w);
        if (is(c, w, "of") || is(c, w, "from") || is(c, w, "including"))
            continue; /* "Johnnie Wilson, of Springfield, Va., said" */
        /* "Podesta, who said the project was vetted, said": a relative
         * clause that reports a statement of its own is no part of the
         * source */
        if (is(c, w, "who") || is(c, w, "whose")) {
            for (uint32_t y = w + 1; y < sb; y++)
                if (!in_quote(c, y) && verb_cue(c, y))
                    return x;
            continue;
        }
        if ((lexf(c, w) & (LX_NOTAPPOS | LX_PREP)) || is(c, w, "however") ||
            is(c, w, "meanwhile") || is(c, w, "like") || is(c, w, "too") ||
            cue_type(c, w) == CUE_PART ||
            (n > 4 && !(c->t[w].flags & PX_TF_CAP) && !memcmp(s + n - 3, "ing", 3)))
            return x;
    }
    return sb;
}

/* ---- speaker resolution ---- */

static int32_t unit_of_token(const ctx *c, uint32_t tok)
{
    size_t lo = 0, hi = c->n_units;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->units[mid].b <= tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->n_units ? (int32_t)lo : -1;
}

static bool entity_is_person(const ctx *c, int32_t e)
{
    return e >= 0 && c->mn.e.v[e].person;
}

/* the latest person mention in [lo, hi) */
static int32_t last_person_in(const ctx *c, uint32_t lo, uint32_t hi)
{
    for (uint32_t i = hi; i-- > lo;) {
        int32_t m = c->mn.tok_mention[i];
        if (m >= 0 && entity_is_person(c, c->mn.m.v[m].entity))
            return c->mn.m.v[m].entity;
    }
    return -1;
}

static int32_t resolve(const ctx *c, size_t u, uint32_t sa, uint32_t sb)
{
    if (sa >= sb)
        return -1;
    /* the head of "the senator from Vermont" is before the preposition;
     * "A, B and C" are several speakers */
    uint32_t head_b = sb;
    for (uint32_t i = sb; i-- > sa + 1;) {
        if (in_quote(c, i))
            continue;
        if (is(c, i, "and") || is(c, i, "or"))
            return -1;
        if (np_prep(c, i) || is_punct(c, i, ',') || is_punct(c, i, '('))
            head_b = i;
    }
    uint32_t whole_b = sb;
    sb = head_b;
    int32_t e = px__mentions_lookup(c->doc, &c->mn, sa, sb, sa);
    if (e >= 0)
        return e;
    const unit *un = &c->units[u];
    if (sb - sa == 1 && is(c, sa, "who")) {
        /* "Smith, who said": the name before the comma */
        if (sa >= 2 && is_punct(c, sa - 1, ',')) {
            int32_t m = c->mn.tok_mention[sa - 2];
            if (m >= 0)
                return c->mn.m.v[m].entity;
        }
        return un->subject;
    }
    if (sb - sa == 1 && (lexf(c, sa) & LX_PERSPRON)) {
        if (un->subject >= 0 && un->subject_tok < sa)
            return un->subject;
        return u > 0 ? c->units[u - 1].subject : -1;
    }
    /* a role not seen with a name: the latest person named nearby */
    if ((lexf(c, sb - 1) & LX_ROLE)) {
        int32_t p = last_person_in(c, un->a, sa);
        if (p < 0 && u > 0)
            p = last_person_in(c, c->units[u - 1].a, c->units[u - 1].b);
        if (p >= 0)
            return p;
        /* not a name inside the source itself ("the senator from Vermont") */
        return un->subject_tok >= sa && un->subject_tok < whole_b ? -1 : un->subject;
    }
    return -1;
}

/* ---- units ---- */

/* "“... for Donald J. Trump!” US Senator Jeff Sessions said as ...", "“Why
 * isn't this proof?” Vitter asked.": the sentence splitter ends a
 * sentence after a question or an exclamation in quotation marks; the
 * speaker and the reporting verb that follow (a pronoun or a name, then
 * a cue) belong to the quotation's unit. Sentence [a, b). */
static bool quote_tag_sentence(const ctx *c, uint32_t a, uint32_t b)
{
    if (a < 2 || !closes_quote(c, a - 1) || !(is_punct(c, a - 2, '?') || is_punct(c, a - 2, '!')) ||
        c->qs.tok_block[a - 1] != c->qs.tok_block[a] || in_quote(c, a) ||
        c->t[a].kind != PX_TOK_WORD)
        return false;
    uint32_t k = a;
    if ((lexf(c, a) & LX_PERSPRON) || is(c, a, "they") || is(c, a, "we") || is(c, a, "i"))
        k = a + 1;
    else
        while (k < b && k < a + 5 && c->t[k].kind == PX_TOK_WORD && !in_quote(c, k) &&
               (c->t[k].flags & PX_TF_CAP) && !(lexf(c, k) & LX_NAMESTOP))
            k++;
    if (k == a || k >= b)
        return false;
    if (is_ly_adverb(c, k) && k + 1 < b)
        k++;
    return c->t[k].kind == PX_TOK_WORD && !(c->t[k].flags & PX_TF_CAP) && !in_quote(c, k) &&
           cue_type(c, k) == CUE_VERB;
}

static int build_units(ctx *c)
{
    px_doc *d = c->doc;
    c->units = px__malloc((d->n_sents + c->qs.n + 1) * sizeof(*c->units));
    if (!c->units)
        return PX_ENOMEM;
    size_t n = 0;
    for (size_t s = 0; s < d->n_sents; s++) {
        uint32_t a0 = (uint32_t)d->sents[s].first_token;
        uint32_t b0 = (uint32_t)(a0 + d->sents[s].n_tokens);
        /* the splitter keeps "... courses. ''It was ...'' he said" in one
         * sentence: a full stop before an opening mark ends a unit */
        for (uint32_t a = a0; a < b0;) {
            uint32_t b = a + 1;
            while (b < b0 && !(opens_quote(c, b) && !in_quote(c, b - 1) &&
                               c->t[b - 1].kind == PX_TOK_PUNCT &&
                               strchr(".!?", tstr(c, b - 1)[0])))
                b++;
            if (n) {
                unit *p = &c->units[n - 1];
                int32_t q = c->qs.tok_quote[a];
                if ((q != PX__NO_QUOTE && c->qs.v[q].open < a && c->qs.v[q].open >= p->a) ||
                    (p->b == a && a == a0 && quote_tag_sentence(c, a, b))) {
                    p->b = b;
                    a = b;
                    continue;
                }
            }
            c->units[n++] = (unit){a, b, -1, b, b, b};
            a = b;
        }
    }
    c->n_units = n;
    /* subjects: the first person named outside quotations */
    for (size_t u = 0; u < n; u++) {
        unit *un = &c->units[u];
        int32_t inherited = u ? c->units[u - 1].subject : -1;
        for (uint32_t i = un->a; i < un->b; i++) {
            if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
                continue;
            int32_t m = c->mn.tok_mention[i];
            if (m >= 0 && entity_is_person(c, c->mn.m.v[m].entity)) {
                un->subject = c->mn.m.v[m].entity;
                un->subject_tok = i;
                un->subj_a = c->mn.m.v[m].start_tok;
                if (un->subj_a > un->a && is(c, un->subj_a - 1, "the"))
                    un->subj_a--;
                un->subj_b = subject_end(c, c->mn.m.v[m].end_tok, un->b);
                break;
            }
            if ((lexf(c, i) & LX_PERSPRON) && !is(c, i, "who") &&
                !is(c, i, "him") && !is(c, i, "her")) {
                un->subject = inherited;
                un->subject_tok = i;
                un->subj_a = i;
                un->subj_b = i + 1;
                break;
            }
            if (is(c, i, "the")) {
                uint32_t e = i + 1;
                while (e < un->b && e < i + 5 && c->t[e].kind == PX_TOK_WORD &&
                       !(lexf(c, e) & LX_ROLE))
                    e++;
                if (e < un->b && c->t[e].kind == PX_TOK_WORD &&
                    (lexf(c, e) & LX_ROLE)) {
                    int32_t ent = px__mentions_lookup(c->doc, &c->mn, i, e + 1, i);
                    if (ent >= 0) {
                        un->subject = ent;
                        un->subject_tok = i;
                        un->subj_a = i;
                        un->subj_b = e + 1;
                        break;
                    }
                }
            }
        }
        if (un->subject < 0 && un->subject_tok == un->b)
            un->subject = inherited;
    }
    return PX_OK;
}

/* ---- records ---- */

static uint32_t trim_end(const ctx *c, uint32_t ca, uint32_t cb);
static uint32_t occasion_start(const ctx *c, uint32_t s, uint32_t e);


/* The end of an indirect content inside a subordinate clause that opens
 * its sentence: "While the RNC says [they are on their way], they are
 * not receiving help", "Even as they all vowed [to carry on], the sense
 * of urgency was evident": the comma that closes the clause ends the
 * content; the main clause after it is the writer's. v is the cue, s..e
 * the content after it. Returns the comma or e. */
static uint32_t subordinate_end(const ctx *c, uint32_t v, uint32_t s, uint32_t e)
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
static uint32_t contrast_end(const ctx *c, uint32_t s, uint32_t e)
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
static uint32_t trailing_np_end(const ctx *c, uint32_t s, uint32_t e)
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

static bool occasion_word(const ctx *c, uint32_t i);
static uint32_t addressee_end(const ctx *c, uint32_t k, uint32_t s, uint32_t b);
static uint32_t circumstance_end(const ctx *c, uint32_t s, uint32_t e);
static uint32_t inner_cue_start(const ctx *c, const rec *r, uint32_t *k);

/* Does the content s..e right after its cue (indirect or mixed: "joked
 * [about] Clinton's “interesting friendship”") begin with a
 * particle or a preposition that belongs to the cue: "boasted [of] his
 * skills", "shouted [out] an insult", "admitted [to] victimizing"? (On the
 * train split the cue ends with "about", "of", "on", "for", "out" ...
 * twenty times as often as the content begins with it.) "to" before a
 * verb is the content's own infinitive: "plans [to rally voters]". */
static bool particle_after_cue(const ctx *c, uint32_t s, uint32_t e)
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
        if (occasion_word(c, i))
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
static bool noun_before_that(const ctx *c, uint32_t s, uint32_t e)
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
    return !occasion_word(c, s) && !is_ly_adverb(c, s) && !is(c, s, "so") && !is(c, s, "now") &&
           !is(c, s, "then") && !is(c, s, "here") && !is(c, s, "there") && !is(c, s, "again");
}

static bool finite_verb(const ctx *c, uint32_t i);

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
static uint32_t next_cue_start(const ctx *c, uint32_t s, uint32_t e)
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
                   !is(c, j - 1, "while") && !in_quote(c, j - 1) && !finite_verb(c, j - 1))
                j--;
            if (j < i && j > s + 1 && is(c, j - 1, "while") && !in_quote(c, j - 1))
                return j - 1;
        }
    }
    return e;
}

/* Token i shows that a content is a clause, not a noun phrase: a finite
 * verb, a subject pronoun, or a word that opens a clause ("that", "to",
 * "whether", "how"). */
static bool clause_word(const ctx *c, uint32_t i)
{
    return finite_verb(c, i) || (lexf(c, i) & LX_PRON) || is(c, i, "that") || is(c, i, "to") ||
           is(c, i, "if") || is(c, i, "whether") || is(c, i, "what") || is(c, i, "how") ||
           is(c, i, "why");
}

/* "endorsed [Trump] last week and has appeared at his side": after a noun
 * phrase content, "and" with a finite verb goes on with the subject's next
 * act, not with what was said. Returns "and" or e. */
static uint32_t object_vp_end(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i + 1 < e; i++) {
        if (in_quote(c, i) || clause_word(c, i) || is(c, i, "where") || is(c, i, "when"))
            return e; /* a clause: its "and" may join clauses */
        if (is(c, i, "and") && finite_verb(c, i + 1))
            return i;
    }
    return e;
}

/* Token i is a word of more than strlen(s) + 1 bytes ending in s. */
static bool word_ends(const ctx *c, uint32_t i, const char *s)
{
    size_t n = tlen(c, i), k = strlen(s);
    const char *w = tstr(c, i);
    return c->t[i].kind == PX_TOK_WORD && n > k + 1 && memcmp(w + n - k, s, k) == 0;
}

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

/* "Breaking: ...", "EXCLUSIVE: ...", "Revealed: ...", "CORRECTION: ...":
 * a label before a colon that tags the kind of item (a newsroom tag, or a
 * participle heading the headline), not anyone who speaks. */
static bool format_label(const ctx *c, const rec *r)
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

/* The end of a content after its cue that opens with a quotation closed
 * by its own comma, the writer's sentence going on after it: "declares
 * [‘revolution,’] ignores losses", "cautioned [“let’s not get ahead of
 * ourselves,”] before optimistically predicting ...", "citing [''the
 * unique magic of Trump,''] said the candidate ...". The comma inside the
 * marks closes what was said; the words after it are no quotation.
 * Returns the new end (after the closing mark) or r->cb. */
static uint32_t lead_quote_end(const ctx *c, const rec *r)
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
        if (in_quote(c, j) || c->t[j].kind != PX_TOK_WORD || clause_word(c, j))
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
static uint32_t partial_tail_end(const ctx *c, const rec *r)
{
    uint32_t q = r->cb; /* the first token after the last quotation */
    while (q > r->ca && !in_quote(c, q - 1))
        q--;
    if (q <= r->ca || q >= r->cb)
        return r->cb;
    uint32_t e = r->cb;
    e = contrast_end(c, q - 1, e);
    e = trailing_np_end(c, q - 1, e);
    e = next_cue_start(c, q - 1, e);
    e = subordinate_end(c, r->va, q - 1, e);
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

/* "Trump was asked what he thought": the subject of a passive "asked" is
 * the one asked, not the source of the question */
/* The source [sa, sb) is a lone participle, after "a", "an" or "the" at
 * most ("it was [drawing] complaints", "the violence, [raising] fears",
 * "the Belgians tracked down [the sole surviving] suspect", "[a leading]
 * advocate for"): a verb or an adjective without its noun is no noun
 * phrase of a source (PolNeAR has one such source in 22,000). */
static bool lone_participle(const ctx *c, uint32_t sa, uint32_t sb)
{
    if (sb <= sa || sb - sa > 3)
        return false;
    uint32_t w = sb - 1;
    size_t n = tlen(c, w);
    const char *x = tstr(c, w);
    if (c->t[w].kind != PX_TOK_WORD || (c->t[w].flags & PX_TF_CAP) || n <= (w > sa ? 6u : 5u) ||
        (memcmp(x + n - 3, "ing", 3) && memcmp(x + n - 2, "ed", 2)) || (lexf(c, w) & LX_ROLE))
        return false;
    for (uint32_t i = sa; i < w; i++)
        if (!(is(c, i, "a") || is(c, i, "an") || is(c, i, "the") ||
              (i + 1 == w && !(c->t[i].flags & PX_TF_CAP) && c->t[i].kind == PX_TOK_WORD &&
               (is(c, i, "sole") || is(c, i, "only")))))
            return false;
    return true;
}

static bool passive_asked(const ctx *c, const rec *r)
{
    if (r->vb <= r->va || r->sb <= r->sa || r->sb > r->va || !is(c, r->va, "asked"))
        return false;
    uint32_t x = r->va;
    while (x > r->sb && (is_ly_adverb(c, x - 1) || is(c, x - 1, "also") || is(c, x - 1, "first") ||
                         is(c, x - 1, "then") || is(c, x - 1, "later") || is(c, x - 1, "again") ||
                         is(c, x - 1, "not") || is(c, x - 1, "never") || is(c, x - 1, "often")))
        x--;
    return x > r->sb && (is(c, x - 1, "was") || is(c, x - 1, "were") || is(c, x - 1, "is") ||
                         is(c, x - 1, "are") || is(c, x - 1, "been") || is(c, x - 1, "being") ||
                         is(c, x - 1, "be"));
}

/* A clause of time or manner that opens right after a cue (token v is
 * the first after it, content from s to e) is the writer's circumstance,
 * not what was said: "tweeted [as Obama spoke from the East Room]",
 * "described [as anti-establishment]", "testified [before the panel]".
 * What was said may follow it: after "that" ("declaring after both [that
 * the request was denied]") or after the comma that ends it when a subject
 * pronoun or a quotation follows ("said as he introduced his wife,
 * ["Finally ..."]"). Without that, an "as" phrase leaves the record with
 * no content (on PolNeAR train all 9 such records were wrong; "what he
 * described as ..." is as_relative()'s), unless a quotation opens right
 * after "as": the speaker's own word is reported ("describing [as
 * "unhinged"] a tweet"). After "while", "after", "before", "until" the
 * record stays as it is (its source is mostly right). "when", "if",
 * "because" are left: they open questions and reasons that are reported
 * ("asked [if ...]", "say [when]"); so is "as many as". Returns the new
 * start, s, or -1 when the record has no content. */
static int adverbial_clause(const ctx *c, uint32_t v, uint32_t s, uint32_t e)
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
static uint32_t as_relative(const ctx *c, const rec *r)
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

static void add(ctx *c, rec r)
{
    if (lone_participle(c, r.sa, r.sb)) {
        r.sa = r.sb = 0;
        r.entity = -1;
    }
    if (passive_asked(c, &r)) {
        r.sa = r.sb = 0;
        r.entity = -1;
        /* "Rubio was asked by moderator Gerard Baker whether ...": the
         * one after "by" asks, without a time after it */
        if (r.vb + 1 < r.ca && is(c, r.vb, "by") && r.ca - r.vb <= 8) {
            uint32_t e = r.ca, ts = time_phrase_start(c, r.vb + 1, r.ca - 1);
            bool np = true;
            if (ts > r.vb + 1 && ts < e)
                e = ts;
            for (uint32_t i = r.vb + 1; i < e && np; i++)
                np = c->t[i].kind == PX_TOK_WORD && !in_quote(c, i) && cue_type(c, i) == CUE_NONE;
            int32_t un = unit_of_token(c, r.vb);
            if (np && un >= 0) {
                r.sa = r.vb + 1, r.sb = e;
                r.entity = resolve(c, (size_t)un, r.sa, r.sb);
            }
        }
    }
    /* "- and he ...", "(... said he expects X.)": a dash before the
     * content and a closing parenthesis whose opening one is outside it
     * are the writer's */
    /* "WASHINGTON ― ...", "LOS ANGELES, Feb. 2 (UPI) — ...": a dateline */
    if (r.ca < r.cb && c->t[r.ca].kind == PX_TOK_WORD && (c->t[r.ca].flags & PX_TF_ALLCAPS) &&
        tlen(c, r.ca) > 2 && !in_quote(c, r.ca)) {
        for (uint32_t i = r.ca + 1; i < r.cb && i < r.ca + 12; i++) {
            if (c->t[i].kind == PX_TOK_DASH) {
                if (i + 1 < r.cb)
                    r.ca = i + 1;
                break;
            }
            if (in_quote(c, i) || c->t[i].kind == PX_TOK_QUOTE ||
                (c->t[i].kind == PX_TOK_WORD && !(c->t[i].flags & PX_TF_CAP)))
                break;
        }
    }
    while (r.ca < r.cb && c->t[r.ca].kind == PX_TOK_DASH && !in_quote(c, r.ca))
        r.ca++;
    if (r.cb > r.ca + 1 && is_punct(c, r.cb - 1, ')') && !in_quote(c, r.cb - 1)) {
        int depth = 0;
        for (uint32_t i = r.ca; i + 1 < r.cb; i++)
            depth += is_punct(c, i, '(') - is_punct(c, i, ')');
        if (depth <= 0)
            r.cb = trim_end(c, r.ca, r.cb - 1);
    }
    /* "Still, [golf clubs are ''just scratching out a profit,''] Mr. Hedge
     * said": a connective
     * opening the sentence ties it to the writer's text before; it is no
     * part of a content that comes before its cue */
    if (r.cb > r.ca + 2 && r.va >= r.cb && r.vb > r.va && !in_quote(c, r.ca) &&
        (r.ca == 0 || c->t[r.ca - 1].kind == PX_TOK_PUNCT ||
         c->qs.tok_block[r.ca - 1] != c->qs.tok_block[r.ca])) {
        uint32_t x = r.ca;
        if ((is(c, x, "still") || is(c, x, "however") || is(c, x, "indeed") ||
                  is(c, x, "meanwhile") || is(c, x, "instead")) && is_punct(c, x + 1, ','))
            x += 2;
        else if (is(c, x, "in") && (is(c, x + 1, "fact") || is(c, x + 1, "contrast")) &&
                 is_punct(c, x + 2, ','))
            x += 3;
        if (x > r.ca && x < r.cb && is_punct(c, x, ','))
            x++;
        if (x + 1 < r.cb)
            r.ca = x;
    }
    /* "[Asked whether Clinton “has the integrity ...,”] 75 percent said
     * yes": a question before the cue is what "Asked" reports (a record
     * of its own), not what the later verb does */
    if (r.vb > r.va && r.va >= r.cb && r.cb > r.ca && !in_quote(c, r.ca) && is(c, r.ca, "asked"))
        return;
    /* "Citing [“obligations in Tennessee,”] the spokeswoman told ...": a
     * participle of reporting that opens the content before its cue is
     * the cue of the words after it, said by the subject of the clause */
    if (r.vb > r.va && r.va >= r.cb && r.cb > r.ca + 2 && !r.embedded && !in_quote(c, r.ca) &&
        c->t[r.ca].kind == PX_TOK_WORD && word_ends(c, r.ca, "ing") &&
        cue_type(c, r.ca) == CUE_PART) {
        uint32_t k = r.ca;
        r.ca++;
        if (r.ca < r.cb && is(c, r.ca, "upon")) /* "Remarking upon" */
            r.ca++;
        r.va = k, r.vb = k + 1;
    }
    /* "Conceding that a deal was likely “down the line” he warned: [“It’s
     * not going to happen soon.”]": a colon after the cue introduces what
     * it reports; the words before its source (no comma sets them off as
     * in "The reality is, he added, ...") are no part of it */
    if (r.vb > r.va && r.va > r.ca && r.vb + 1 < r.cb && r.sb > r.sa && r.sa > r.ca &&
        r.sb <= r.va && is_punct(c, r.vb, ':') && opens_quote(c, r.vb + 1) &&
        !is_punct(c, r.sa - 1, ','))
        r.ca = r.vb + 1;
    /* "told [reporters in Reno] that ...": the addressee is no content */
    if (r.vb > r.va && r.ca == r.vb && !r.embedded) {
        uint32_t s = addressee_end(c, r.va, r.ca, r.cb);
        if (s == r.ca)
            s = circumstance_end(c, r.ca, r.cb);
        if (s > r.ca && s + 1 < r.cb)
            r.ca = s;
    }
    /* "emailed supporters saying: [“The struggle continues”]" */
    if (r.vb > r.va && r.ca == r.vb && !r.embedded) {
        uint32_t k = r.va, s = inner_cue_start(c, &r, &k);
        if (s > r.ca) {
            r.ca = s;
            r.va = k, r.vb = k + 1;
        }
    }
    /* "tweeted [as Obama spoke]", "explained [after winning Ohio, he would
     * ...]": a clause of time or manner right after the cue is no content */
    if (r.vb > r.va && r.ca >= r.vb && r.ca <= r.vb + 1 && !r.embedded) {
        uint32_t w = as_relative(c, &r);
        int v = w < r.ca ? (int)w : adverbial_clause(c, r.vb, r.ca, r.cb);
        if (v < 0)
            return;
        r.ca = (uint32_t)v;
    }
    /* "said Tuesday [his actions are ...]", "vowed last month [to take
     * ...]": a time right after the cue is no part of the content */
    if (r.vb > r.va && r.ca == r.vb && r.cb > r.ca + 2 && !in_quote(c, r.ca)) {
        uint32_t x = time_phrase_after(c, r.ca, r.cb);
        if (x > r.ca && x + 1 < r.cb && !is_terminal_tok(c, x) && !in_quote(c, x - 1))
            r.ca = x;
    }
    /* "endorsed [Mr. Trump] at a news conference": the occasion of an
     * indirect content after its cue is the writer's */
    if (r.cb > r.ca + 2 && r.vb > r.va && r.va < r.ca && !r.embedded) {
        bool quoted = false;
        for (uint32_t i = r.ca; i < r.cb && !quoted; i++)
            quoted = in_quote(c, i) || c->t[i].kind == PX_TOK_QUOTE;
        if (!quoted)
            r.cb = trim_end(c, r.ca, occasion_start(c, r.ca, r.cb));
        if (!quoted)
            r.cb = trim_end(c, r.ca, subordinate_end(c, r.va, r.ca, r.cb));
        if (!quoted)
            r.cb = trim_end(c, r.ca, contrast_end(c, r.ca, r.cb));
        if (!quoted)
            r.cb = trim_end(c, r.ca, trailing_np_end(c, r.ca, r.cb));
        if (!quoted)
            r.cb = trim_end(c, r.ca, next_cue_start(c, r.ca, r.cb));
        if (!quoted)
            r.cb = trim_end(c, r.ca, object_vp_end(c, r.ca, r.cb));
        if (r.ca == r.vb && particle_after_cue(c, r.ca, r.cb))
            r.vb = ++r.ca;
        if (r.ca == r.vb && noun_before_that(c, r.ca, r.cb))
            r.vb = ++r.ca;
        if (quoted)
            r.cb = partial_tail_end(c, &r);
        if (quoted) {
            /* "found the ''debt stack'' confusing] and called the venture
             * ''a great example''", "says [he respects her] and calls her
             * "an extremely intelligent woman"": a second reporting verb
             * joined to the first starts a statement of its own, also
             * before the quotation; in a clause after "that" ("noted that
             * Sanders has criticized ... and accused ...") the verb may
             * go on with that clause's subject, so only after a
             * quotation (on PolNeAR train 8 records right, 1 lost) */
            uint32_t j = next_cue_start(c, r.ca, r.cb);
            bool q_before = false;
            for (uint32_t i = r.ca; i < j && !q_before; i++)
                q_before = in_quote(c, i);
            if (j < r.cb && !in_quote(c, j) && (q_before || !is(c, r.ca, "that")))
                r.cb = trim_end(c, r.ca, j);
        }
        if (quoted)
            r.cb = lead_quote_end(c, &r);
    }
    if (r.cb <= r.ca || passive_after(c, &r) || format_label(c, &r))
        return;
    if (!PX_VEC_PUSH(c->recs, r))
        c->oom = true;
}

/* Trims white-space-like tokens: final punctuation outside quotations. */
static uint32_t trim_end(const ctx *c, uint32_t ca, uint32_t cb)
{
    while (cb > ca && !in_quote(c, cb - 1) &&
           (is_terminal_tok(c, cb - 1) || c->t[cb - 1].kind == PX_TOK_DASH))
        cb--;
    return cb;
}

/* The end of the clause that begins at s: before ", adding", "; ", or
 * ", according to". */
static uint32_t clause_end(const ctx *c, uint32_t s, uint32_t b)
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
static uint32_t quote_start(const ctx *c, uint32_t a, uint32_t close)
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

/* Is unit u a quotation alone (with at most final punctuation)? */
static int32_t lone_quote(const ctx *c, size_t u)
{
    const unit *un = &c->units[u];
    if (!opens_quote(c, un->a))
        return -1;
    int32_t q = c->qs.tok_quote[un->a];
    if (c->title[q])
        return -1;
    uint32_t e = c->qs.v[q].end_tok;
    while (e < un->b && is_terminal_tok(c, e))
        e++;
    return e >= un->b ? q : -1;
}

static bool tag_verb(const ctx *c, uint32_t a, uint32_t b, uint32_t k);

/* Does unit u open with a quotation, followed at most by the writer's
 * words without a cue of their own ("''We could win,'' which votes June
 * 7.")? Returns it, or -1. */
static int32_t lead_quote(const ctx *c, size_t u)
{
    const unit *un = &c->units[u];
    /* "But “Donald Trump’s candidacy is strengthened ...”", "Then, "I try
     * to explain it to them."": a connective before the quotation */
    uint32_t s = un->a;
    if (s + 2 < un->b && c->t[s].kind == PX_TOK_WORD && !in_quote(c, s) &&
        (is(c, s, "but") || is(c, s, "and") || is(c, s, "then") || is(c, s, "instead") ||
         is(c, s, "still") || is(c, s, "so") || is(c, s, "yet"))) {
        s++;
        if (is_punct(c, s, ','))
            s++;
        if (!opens_quote(c, s))
            return -1;
    }
    if (!opens_quote(c, s))
        return -1;
    int32_t q = c->qs.tok_quote[s];
    if (c->title[q] || c->qs.v[q].close == PX__QSPAN_UNCLOSED)
        return lone_quote(c, u);
    for (uint32_t k = c->qs.v[q].end_tok; k < un->b; k++)
        if (in_quote(c, k) || cue_type(c, k) != CUE_NONE || tag_verb(c, un->a, un->b, k))
            return -1;
    return q;
}

/* A quotation that interrupts: after the attribution tail [s, b) comes
 * ", "B."" to the end of the unit. Returns its end token or 0. */
static uint32_t interrupted_tail(const ctx *c, uint32_t s, uint32_t b)
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

/* Does unit u end with a colon (or, after a cue ending the unit, a full
 * stop) and introduce a quotation that opens the next paragraph: "...,
 * still in his overalls:" then "“A." "“B." "“C.”"? */
static bool intro_next_quote(const ctx *c, size_t u, bool colon_only)
{
    const unit *un = &c->units[u];
    if (u + 1 >= c->n_units || un->b <= un->a + 1 || in_quote(c, un->b - 1))
        return false;
    if (!is_punct(c, un->b - 1, ':') && (colon_only || !is_punct(c, un->b - 1, '.')))
        return false;
    if (lone_quote(c, u + 1) < 0)
        return false;
    return c->qs.tok_block[c->units[u + 1].a] != c->qs.tok_block[un->b - 1] ||
           !is_punct(c, un->b - 1, ':');
}

static void add(ctx *c, rec r);
static uint32_t clause_end(const ctx *c, uint32_t s, uint32_t b);
static uint32_t trim_end(const ctx *c, uint32_t ca, uint32_t cb);

/* The subject that opens the clause of a participle cue at k: a
 * pronoun or a capitalised name (with its appositive) at the start of the
 * unit or after an opening adverbial ("Earlier Sunday, Trump ...", "In a
 * statement, she ..."), followed by a lower-case word. Returns its first
 * token and sets *end; *end == start when there is none. */
static uint32_t clause_subject(const ctx *c, uint32_t a, uint32_t k, uint32_t *end)
{
    uint32_t s0 = a;
    *end = a;
    if (a >= k || in_quote(c, a) || c->t[a].kind != PX_TOK_WORD)
        return a;
    if ((lexf(c, a) & LX_PREP) || is_ly_adverb(c, a) || is(c, a, "earlier") || is(c, a, "later") ||
        is(c, a, "last") || is(c, a, "then")) {
        uint32_t x = a + 1;
        while (x < k && x < a + 8 && !in_quote(c, x) && !is_punct(c, x, ',') &&
               (c->t[x].kind == PX_TOK_WORD || c->t[x].kind == PX_TOK_NUMBER))
            x++;
        if (x >= k || !is_punct(c, x, ','))
            return a;
        s0 = x + 1;
    }
    if (s0 + 1 >= k || in_quote(c, s0) || c->t[s0].kind != PX_TOK_WORD)
        return a;
    uint32_t e = s0;
    if ((lexf(c, s0) & LX_PRON) && !is(c, s0, "who") && !is(c, s0, "it"))
        e = s0 + 1;
    else if ((c->t[s0].flags & PX_TF_CAP) && !(lexf(c, s0) & LX_NAMESTOP) &&
             !(lexf(c, s0) & LX_PREP)) {
        while (e < k && e < s0 + 6 && c->t[e].kind == PX_TOK_WORD && !in_quote(c, e) &&
               (c->t[e].flags & PX_TF_CAP) && cue_type(c, e) == CUE_NONE)
            e++;
        e = subject_end(c, e, k);
    } else if ((lexf(c, s0) & LX_DET) && !(lexf(c, s0) & LX_PRON) && !is_ly_adverb(c, s0) &&
               (is(c, s0, "the") || is(c, s0, "a") || is(c, s0, "an"))) {
        /* "The Democratic National Committee released a statement", "A
         * Clinton campaign official later walked back the comments" */
        e = s0 + 1;
        while (e < k && e < s0 + 6 && c->t[e].kind == PX_TOK_WORD && !in_quote(c, e) &&
               cue_type(c, e) == CUE_NONE && !(lexf(c, e) & (LX_NPSTOP | LX_AUX | LX_PREP)) &&
               !is_ly_adverb(c, e) && !is_ed_word(c, e) && !is(c, e, "later") &&
               !is(c, e, "then") && !is(c, e, "again"))
            e++;
        if (e == s0 + 1 || e >= k || !(is_ed_word(c, e) || (lexf(c, e) & LX_AUX) ||
                                       cue_type(c, e) != CUE_NONE || is_ly_adverb(c, e) ||
                                       is(c, e, "later") || is(c, e, "then")))
            return a;
    } else
        return a;
    if (e >= k || c->t[e].kind != PX_TOK_WORD || in_quote(c, e) || (c->t[e].flags & PX_TF_CAP) ||
        (lexf(c, e) & LX_NPSTOP && !(lexf(c, e) & LX_AUX)) || (lexf(c, e) & LX_PREP))
        return a;
    *end = e;
    return s0;
}

/* "Trump is expected to win", "the music seemed to match the mood": an
 * attribution with no source whose content is the whole clause, the
 * verb included (PolNeAR's convention for these verbs of appearance). */
static void raising(ctx *c, uint32_t a, uint32_t b, uint32_t k)
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
    rec r = {x, trim_end(c, x, clause_end(c, k + 2, b)), 0, 0, v, k + 1, -1, false, NULL};
    add(c, r);
}

/* Is token i a finite verb that can follow a subject: a reporting verb
 * or an auxiliary ("said", "is", "has", "will")? */
static bool finite_verb(const ctx *c, uint32_t i)
{
    static const char *const aux[] = {"is",    "was",   "are",    "were",  "has",  "have",
                                      "had",   "will",  "would",  "could", "can",  "should",
                                      "may",   "might", "must",   "does",  "did",  "remains",
                                      "seems", "seemed", "became", "becomes"};
    if (c->t[i].kind != PX_TOK_WORD || in_quote(c, i) || (c->t[i].flags & PX_TF_CAP))
        return false;
    return cue_type(c, i) == CUE_VERB || is_any(c, i, aux, PX_ARRAY_LEN(aux));
}

/* A word that names the occasion of a statement or a time: "rally",
 * "interview", "Twitter", "Monday", "April". */
static bool occasion_word(const ctx *c, uint32_t i)
{
    static const char *const w[] = {
        "rally",     "rallies",   "speech",    "speeches",  "interview", "interviews",
        "statement", "debate",    "conference", "event",    "meeting",   "call",
        "hall",      "forum",     "op-ed",     "post",      "tweet",     "tweets",
        "twitter",   "facebook",  "radio",     "show",      "broadcast", "appearance",
        "letter",    "email",     "hearing",   "briefing",  "address",   "remarks",
        "visit",     "stop",      "podcast",   "program",   "editorial", "column",
        "video",     "message",   "session",   "yesterday", "today",     "tonight",
        "week",      "weekend",   "month",     "year",      "morning",   "night",
        "evening",   "afternoon", "instagram", "memo",      "filing",    "report",
    };
    if (c->t[i].kind != PX_TOK_WORD || in_quote(c, i))
        return false;
    return is_weekday(c, i) || px__month_from_name(tstr(c, i), tlen(c, i)) ||
           is_any(c, i, w, PX_ARRAY_LEN(w));
}

/* The end of an indirect content before a phrase that says when, where or
 * how it was said: "endorsed [Mr. Trump] at a news conference", "said [Obama
 * was the founder of ISIS] on Wednesday at a Florida rally", "criticized
 * [Clinton] during a rally Friday". Returns the preposition or e. */
static uint32_t occasion_start(const ctx *c, uint32_t s, uint32_t e)
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
            occasion = occasion_word(c, j);
        }
        if (!occasion)
            continue;
        bool clause = false;
        for (uint32_t j = i + 1; j < e && !clause; j++)
            clause = in_quote(c, j) || finite_verb(c, j) || is(c, j, "that") ||
                     is(c, j, "who") || is(c, j, "which") || (lexf(c, j) & LX_PRON);
        /* only after a noun phrase: in a clause ("said [it raised $15
         * million] in January") the phrase is the clause's own */
        for (uint32_t j = s; j < i && !clause; j++) {
            size_t n = tlen(c, j);
            const char *w = tstr(c, j);
            clause = clause_word(c, j) ||
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
static uint32_t relative_end(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = s + 1; i + 1 < e; i++)
        if (is_punct(c, i, ',') && !in_quote(c, i) && finite_verb(c, i + 1))
            return i;
    return e;
}

/* The quotation that the words from s lead to after a comma or a colon
 * ("said last week in Tel Aviv, "..."", "telling reporters, "..."", "told
 * the Post in a written statement, "...""): the words between are the
 * addressee or the circumstances, not what was said. Returns its opening
 * mark, or s when the words from s are a clause of their own ("said
 * Clinton will have to choose, saying, "..."") or lead to no quotation. */
static uint32_t quote_after(const ctx *c, uint32_t s, uint32_t b)
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
static uint32_t inner_cue_start(const ctx *c, const rec *r, uint32_t *k)
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
            if (cue || finite_verb(c, i))
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
static uint32_t circumstance_end(const ctx *c, uint32_t s, uint32_t e)
{
    static const char *const prep[] = {"in", "on", "at", "during", "from", "via", "over"};
    static const char *const adverb[] = {"only",       "instead",   "again",    "also",
                                         "yet",        "repeatedly", "privately", "publicly",
                                         "later",      "earlier"};
    /* where words are written or spoken, besides occasion_word() */
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
        if (c->t[i].kind != PX_TOK_WORD && c->t[i].kind != PX_TOK_NUMBER && !glued(c, i))
            return s;
        if (is(c, i, "that"))
            return (lexf(c, i - 1) & LX_PREP) || (!occasion && !adv) ? s : i;
        if (adv)
            return s; /* "ruled only on filings by states that ...": a relative */
        if ((lexf(c, i) & LX_PRON) && !is(c, i, "who"))
            return occasion ? i : s;
        if (is(c, i, "to") && occasion && c->t[i + 1].kind == PX_TOK_WORD &&
            !(c->t[i + 1].flags & PX_TF_CAP) && !in_quote(c, i + 1) &&
            !(lexf(c, i + 1) & (LX_DET | LX_PRON | LX_PREP)) && !occasion_word(c, i + 1))
            return i;
        if (finite_verb(c, i) || cue_type(c, i) != CUE_NONE || is_any(c, i, stop, PX_ARRAY_LEN(stop)))
            break;
        occasion |= occasion_word(c, i) || c->t[i].kind == PX_TOK_NUMBER ||
                    is_any(c, i, medium, PX_ARRAY_LEN(medium)) ||
                    ((c->t[i].flags & PX_TF_CAP) && !(lexf(c, i) & LX_NAMESTOP));
    }
    return s;
}

/* "told [Bill O'Reilly of Fox News,] that ...", "told [friends since the
 * spring, at fundraisers,] that ...": a comma and "that" within the
 * addressee's words (from token i to b, no verb, quotation or end of
 * sentence between) close it, though a preposition or a clause of time
 * in it stops addressee_end(). Returns the token of "that", or s. */
static uint32_t comma_that(const ctx *c, uint32_t i, uint32_t b, uint32_t s)
{
    for (; i + 1 < b; i++) {
        if (in_quote(c, i) || c->t[i].kind == PX_TOK_QUOTE || stop_tok(c, i) ||
            finite_verb(c, i) || cue_type(c, i) != CUE_NONE)
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
static uint32_t addressee_end(const ctx *c, uint32_t k, uint32_t s, uint32_t b)
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
        if (c->t[i].kind != PX_TOK_WORD && c->t[i].kind != PX_TOK_NUMBER && !glued(c, i))
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
        else if ((!rel && finite_verb(c, i)) || cue_type(c, i) != CUE_NONE)
            return s;
    }
    return s;
}

/* "Clinton: "Our goal is ..." Bush: "The mission is ..."", "RED STATES
 * OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Gallup’s analysis ...”": a
 * name and a colon right before a quotation that ends its sentence label
 * the speaker of a transcript or an excerpt; the colon is the cue. The
 * name starts the unit or follows a dash or the end of the quotation
 * before. Returns the number of records added. */
static size_t speaker_labels(ctx *c, size_t u)
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
            uint32_t o = x - 1;
            while (o > a && o + 8 > x && !is_punct(c, o, '('))
                o--;
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
        r.entity = resolve(c, u, x, name_end);
        add(c, r);
        added++;
        e = c->qs.v[q].end_tok - 1;
    }
    return added;
}

/* Is there a quotation in [s, e)? */
static bool quote_in(const ctx *c, uint32_t s, uint32_t e)
{
    for (uint32_t k = s; k < e; k++)
        if (in_quote(c, k))
            return true;
    return false;
}

/* Is unit u + 1 a quotation alone in the paragraph of unit u? */
static bool indirect_goes_on(const ctx *c, size_t u)
{
    return u + 1 < c->n_units && lone_quote(c, u + 1) >= 0 &&
           c->qs.tok_block[c->units[u + 1].a] == c->qs.tok_block[c->units[u].a];
}

/* Grows record r over the quotation that leads unit u + 1 and the lone
 * quotations after it in the same paragraph ("A," she said. "B." "C."). */
static void grow_over_next(const ctx *c, size_t u, rec *r)
{
    uint32_t a = c->units[u].a;
    r->cb = c->qs.v[lead_quote(c, u + 1)].end_tok;
    for (size_t v = u + 2; lone_quote(c, u + 1) >= 0 && v < c->n_units &&
                           lone_quote(c, v) >= 0 &&
                           c->qs.tok_block[c->units[v].a] == c->qs.tok_block[a];
         v++)
        r->cb = c->qs.v[lone_quote(c, v)].end_tok;
}

/* "Wednesday on Fox News Channel’s “Hannity,” Newt Gingrich said ...",
 * "In an interview with "Fox and Friends," Trump ...": the quotation that
 * closes at token close ends a phrase of occasion opening the unit at a (a
 * preposition or a word of time first, the short name of a show after a
 * preposition or a possessive); it is no one's words. */
static bool show_lead(const ctx *c, uint32_t a, uint32_t close)
{
    int32_t q = c->qs.tok_quote[close];
    uint32_t open = c->qs.v[q].open;
    if (open <= a + 1 || c->qs.v[q].end_tok - open > 8)
        return false;
    if (!((lexf(c, a) & LX_PREP) || is_weekday(c, a) || is(c, a, "later") ||
          is(c, a, "earlier")))
        return false;
    for (uint32_t k = a; k < open; k++)
        if (in_quote(c, k) || is_terminal_tok(c, k) || cue_type(c, k) != CUE_NONE)
            return false;
    return (lexf(c, open - 1) & LX_PREP) || possessive(c, open - 1);
}

/* Is quotation q, alone in unit u, a paragraph of its own that is a
 * heading: a few words in single marks ("'A change warrior.'", the
 * subheads of some outlets) or in capitals ("“DIVISIVE, STUPID AND
 * WRONG”")? No one is said to have said it there. */
static bool heading_quote(const ctx *c, size_t u, int32_t q)
{
    const unit *un = &c->units[u];
    uint32_t open = c->qs.v[q].open, end = c->qs.v[q].end_tok;
    if ((open > 0 && c->qs.tok_block[open - 1] == c->qs.tok_block[open]) ||
        (un->b < c->doc->n_toks && c->qs.tok_block[un->b] == c->qs.tok_block[open]))
        return false;
    size_t words = 0, caps = 0;
    for (uint32_t k = open; k < end; k++)
        if (c->t[k].kind == PX_TOK_WORD) {
            words++;
            caps += (c->t[k].flags & PX_TF_ALLCAPS) != 0 || tlen(c, k) == 1;
        }
    if (!words || words > 8)
        return false;
    bool single = (tlen(c, open) == 1 && tstr(c, open)[0] == '\'') ||
                  (tlen(c, open) == 3 && !memcmp(tstr(c, open), "\xe2\x80\x98", 3));
    return single || (caps == words && words >= 2);
}

/* "As John Cornyn put it: "This person will not be confirmed."", "as an
 * American diplomat put it, an ''extreme makeover'' that ...": the cue is
 * "put it", the source the noun phrase after "as", the content what
 * follows the comma or colon, to the end of its clause. */
static void as_put_it(ctx *c, size_t u)
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
        r.entity = resolve(c, u, x, se);
        add(c, r);
        k = e;
    }
}

/* Does the quotation closing at token i end on a comma, an exclamation or
 * a question mark ("“Denver,”", "“Mexico!”"), or is it followed by a
 * comma: a sentence that goes on with its attribution? */
static bool quote_goes_on(const ctx *c, uint32_t a, uint32_t i)
{
    if (!closes_quote(c, i) || i == 0)
        return false;
    /* the quotation is the whole content: it opens the sentence */
    if (quote_start(c, a, i) != c->qs.v[c->qs.tok_quote[i]].open &&
        c->qs.v[c->qs.tok_quote[i]].open != a)
        return false;
    if (i + 1 < c->doc->n_toks && is_punct(c, i + 1, ','))
        return true;
    return is_punct(c, i - 1, ',') || is_punct(c, i - 1, '!') || is_punct(c, i - 1, '?');
}

/* "Kasich resisted: "Ohio governors do not have the power ..."", "Mitch
 * McConnell delivered a blunt message to Trump: "It's time to quit ..."":
 * a clause whose subject opens the unit ends in a colon, and a quotation
 * that no record covers runs from the colon to the end of the unit: the
 * subject said it, the verb after the subject is the cue. */
static void colon_quote(ctx *c, size_t u, size_t first_rec)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    for (uint32_t k = a + 2; k < b; k++) {
        if (c->t[k].kind != PX_TOK_QUOTE || !is_punct(c, k - 1, ':') || !opens_quote(c, k) ||
            in_quote(c, k - 1))
            continue;
        int32_t q = c->qs.tok_quote[k];
        if (c->title[q] || c->qs.v[q].close == PX__QSPAN_UNCLOSED)
            return;
        uint32_t e = c->qs.v[q].end_tok;
        while (e < b && is_terminal_tok(c, e))
            e++;
        if (e < b && !(c->t[e].flags & PX_TF_SENT_START))
            return; /* the quotation ends the sentence */
        for (size_t i = first_rec; i < c->recs.n; i++)
            if (c->recs.v[i].cb > k && c->recs.v[i].ca < c->qs.v[q].end_tok)
                return;
        for (uint32_t i = a; i + 1 < k; i++)
            if (in_quote(c, i) || is_punct(c, i, '.') || is_punct(c, i, '!') ||
                is_punct(c, i, '?') || is_punct(c, i, ';') || is_punct(c, i, ':'))
                return; /* one sentence before the colon, no quotation */
        uint32_t s1, s0 = clause_subject(c, a, k - 1, &s1);
        if (s1 <= s0) {
            /* "With Democratic leaders increasingly worried ..., President
             * Obama is rolling out a new ... message:": the clause after
             * the last comma */
            uint32_t x = k - 1;
            while (x > a + 1 && !is_punct(c, x - 1, ','))
                x--;
            if (x > a + 1 && k - 1 - x >= 3)
                s0 = clause_subject(c, x, k - 1, &s1);
        }
        if (s1 <= s0 && un->subject >= 0 && un->subj_a == a && un->subj_b + 1 < k &&
            un->subject_tok < k) {
            /* "Mark Mahaney, technology analyst at RBC Capital Markets,
             * agreed:": the unit's subject with its appositive */
            s0 = a, s1 = un->subj_b;
            if (is_punct(c, s1, ',')) {
                uint32_t x = s1 + 1;
                while (x + 1 < k && !is_punct(c, x, ','))
                    x++;
                s1 = x + 1 < k ? x + 1 : s1 + 1;
            }
            if (s1 + 1 >= k || c->t[s1].kind != PX_TOK_WORD || (c->t[s1].flags & PX_TF_CAP) ||
                (lexf(c, s1) & (LX_NPSTOP | LX_PREP)))
                return;
        }
        if (s1 <= s0 || k - 1 - s1 > 12)
            return;
        uint32_t v = s1; /* "She then addressed", "Clinton has since apologized" */
        while (v + 2 < k && (before_cue(c, a, v) || is(c, v, "then") || is(c, v, "since")))
            v++;
        rec r = {k, c->qs.v[q].end_tok, s0, s1, v, v + 1, -1, false, NULL};
        r.entity = resolve(c, u, s0, s1);
        add(c, r);
        return;
    }
}

/* Does a record added since first_rec (the records of the unit) hold a
 * content that overlaps tokens [a, b)? The patterns that add a record for
 * a quotation only when no other rule has taken it ask this. */
static bool recs_overlap(const ctx *c, size_t first_rec, uint32_t a, uint32_t b)
{
    for (size_t i = first_rec; i < c->recs.n; i++)
        if (c->recs.v[i].ca < b && c->recs.v[i].cb > a)
            return true;
    return false;
}

/* "Merkel heralded the deal as a “breakthrough.”", "Trump identified the
 * judge as “Spanish,”", "Reid has gone after Trump as a “con artist”": a
 * verb that characterises its object, then "as" and a quotation, reports
 * the subject's words about the object (PolNeAR: the object with the
 * quotation is the content, the subject the source). Adds the record
 * when no record of the unit covers it. */
static bool progressive_be(const ctx *c, uint32_t a, uint32_t k);

static void as_quote(ctx *c, size_t u, size_t first_rec)
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
        if (recs_overlap(c, first_rec, o, qe))
            continue;
        /* the subject before the verb */
        uint32_t p = k;
        if (is(c, k, "after"))
            p = k - 1;
        while (p > a && before_cue(c, a, p - 1) && !in_quote(c, p - 1))
            p--;
        if (p <= a)
            continue;
        /* a participle only in a progressive form ("is casting"): no
         * subject before "going after" or ", dubbing" */
        {
            uint32_t v = is(c, k, "after") ? k - 1 : k;
            size_t n = tlen(c, v);
            if (n > 4 && !memcmp(tstr(c, v) + n - 3, "ing", 3) && !progressive_be(c, a, v))
                continue;
        }
        uint32_t sa = np_before(c, a, p - 1);
        if (sa >= p || (sa > a && (lexf(c, sa - 1) & LX_PREP)))
            continue;
        rec r = {o, trim_end(c, o, clause_end(c, o, b)), sa, p, p, o, -1, false, NULL};
        /* "as “Spanish,” which is ...": a comma inside the closing mark
         * ends the content */
        if (r.cb < qe || (qe >= 2 && is_punct(c, qe - 2, ',')))
            r.cb = qe;
        r.entity = resolve(c, u, sa, p);
        add(c, r);
    }
}

/* "From the report: “In general, samples ...”", "More from Jones: “The
 * partisanship ...”", "According to HuffPo: “Senator Kaine has ...”",
 * "Here’s Clinton in 1992: “Our new direction ...”": a sentence that
 * opens with a phrase naming where the words come from, then a colon and
 * a quotation, quotes that source (the cue is the colon, or "According
 * to"; the source the noun phrase, without a time or place after it).
 * Adds the record when no record covers the quotation. */
static void from_colon_quote(ctx *c, size_t u, size_t first_rec)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    for (uint32_t k = a; k + 3 < b; k++) {
        if (in_quote(c, k) || c->t[k].kind != PX_TOK_WORD || !(c->t[k].flags & PX_TF_CAP) ||
            !(k == a || is_terminal_tok(c, k - 1) || c->t[k - 1].kind == PX_TOK_DASH))
            continue;
        uint32_t s = k + 1;
        bool according = false;
        if (is(c, k, "more") && is(c, k + 1, "from"))
            s = k + 2;
        else if (is(c, k, "according") && is(c, k + 1, "to"))
            s = k + 2, according = true;
        else if (!is(c, k, "from") && !is(c, k, "here's") && !is(c, k, "here\xe2\x80\x99s"))
            continue;
        uint32_t x = s;
        while (x < b && x < s + 10 && !in_quote(c, x) && !is_punct(c, x, ':') &&
               !is_terminal_tok(c, x) && !is_punct(c, x, ','))
            x++;
        if (x == s || x + 1 >= b || !is_punct(c, x, ':') || !opens_quote(c, x + 1))
            continue;
        int32_t qi = c->qs.tok_quote[x + 1];
        if (qi < 0 || c->title[qi])
            continue;
        uint32_t qe = c->qs.v[qi].end_tok;
        if (recs_overlap(c, first_rec, x, qe))
            continue;
        /* the source without "in December 1992" */
        uint32_t se = s + 1;
        while (se < x && !(lexf(c, se) & LX_PREP))
            se++;
        rec r = {x + 1, qe, s, se, according ? k : x, according ? k + 2 : x + 1, -1, false, NULL};
        r.entity = resolve(c, u, s, se);
        add(c, r);
        k = qe;
    }
}

/* "Said Comey, “The thought that an error on our part ...”", "Said
 * Dorothy Poynter, who grew up with Ali, “We were all so proud.”": a
 * sentence that opens with the cue, then the speaker and a comma, before
 * the quotation (the inverted order of "Comey said, “...”"). Adds the
 * record when no record covers the quotation. */
static void inverted_said_quote(ctx *c, size_t u, size_t first_rec)
{
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    for (uint32_t k = a; k + 3 < b; k++) {
        if (in_quote(c, k) || c->t[k].kind != PX_TOK_WORD || !(c->t[k].flags & PX_TF_CAP) ||
            !(k == a || stop_tok(c, k - 1)) ||
            !(is(c, k, "said") || is(c, k, "says") || is(c, k, "added") || is(c, k, "wrote")) ||
            !(c->t[k + 1].flags & PX_TF_CAP) || (lexf(c, k + 1) & (LX_PRON | LX_NAMESTOP)))
            continue;
        uint32_t x = k + 1;
        while (x < b && x < k + 20 && !opens_quote(c, x) && !in_quote(c, x) &&
               !stop_tok(c, x))
            x++;
        if (x >= b || x < k + 3 || !opens_quote(c, x) || !is_punct(c, x - 1, ','))
            continue;
        int32_t qi = c->qs.tok_quote[x];
        if (qi < 0 || c->title[qi])
            continue;
        uint32_t qe = c->qs.v[qi].end_tok;
        if (recs_overlap(c, first_rec, x, qe))
            continue;
        rec r = {x, qe, k + 1, x - 1, k, k + 1, -1, false, NULL};
        r.entity = resolve(c, u, k + 1, x - 1);
        add(c, r);
        k = qe;
    }
}

/* "He jokes, “It’s a never ending line!”", "He answered, “I have no
 * idea.”", "Billy Joel sings, “Don't go changing.”": a subject, a verb
 * the lexicon does not know, a comma and a quotation that opens with a
 * capital (a sentence of its own) report the subject's words, as "He
 * said, “...”" does. Adds the record when no record covers the
 * quotation. */
static void comma_verb_quote(ctx *c, size_t u, size_t first_rec)
{
    static const char *const past[] = {"sang", "sings", "spoke", "wrote", "went", "began"};
    const unit *un = &c->units[u];
    uint32_t a = un->a, b = un->b;
    for (uint32_t k = a + 1; k + 3 < b; k++) {
        if (!is_punct(c, k + 1, ',') || !opens_quote(c, k + 2) || in_quote(c, k) ||
            c->t[k].kind != PX_TOK_WORD || (c->t[k].flags & PX_TF_CAP) ||
            !(c->t[k + 3].flags & PX_TF_CAP) || cue_type(c, k) != CUE_NONE)
            continue;
        size_t n = tlen(c, k);
        const char *w = tstr(c, k);
        if (n < 4 || (lexf(c, k) & (LX_AUX | LX_NPSTOP | LX_PREP | LX_DET | LX_PRON | LX_ROLE)) ||
            is_ly_adverb(c, k))
            continue;
        bool ed = w[n - 2] == 'e' && w[n - 1] == 'd';
        bool s3 = w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != '\'' &&
                  (unsigned char)w[n - 2] != 0x99;
        if (!ed && !s3 && !is_any(c, k, past, PX_ARRAY_LEN(past)))
            continue;
        /* a noun, not a verb: "repeat, 10,000 times, “Peace ...”" */
        if (c->t[k - 1].kind == PX_TOK_NUMBER || (lexf(c, k - 1) & LX_DET))
            continue;
        int32_t qi = c->qs.tok_quote[k + 2];
        if (qi < 0 || c->title[qi])
            continue;
        uint32_t qe = c->qs.v[qi].end_tok;
        if (recs_overlap(c, first_rec, k + 2, qe))
            continue;
        uint32_t p = k;
        while (p > a && before_cue(c, a, p - 1) && !in_quote(c, p - 1))
            p--;
        if (p <= a)
            continue;
        uint32_t sa = np_before(c, a, p - 1);
        if (sa >= p || (sa > a && !is_terminal_tok(c, sa - 1) && !closes_quote(c, sa - 1)))
            continue;
        rec r = {k + 2, qe, sa, p, k, k + 1, -1, false, NULL};
        r.entity = resolve(c, u, sa, p);
        add(c, r);
        k = qe;
    }
}

/* "“Denver,” he answered.", "“Mexico!” the audience screamed back.",
 * "“Choke!” blared the Herald": a verb the lexicon does not know, right
 * after a quotation that goes on (quote_goes_on) and its speaker (a
 * pronoun, or a short noun phrase), or right before the speaker, is the
 * quotation's cue. The verb ends its clause: the unit ends after it, or
 * a comma, a particle, a preposition or an adverb follows. */
static bool tag_verb(const ctx *c, uint32_t a, uint32_t b, uint32_t k)
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
        return np_after(c, k + 1, b) > k + 1;
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

/* The end of the content of a nominal cue ("questions about [his
 * campaign]") that starts at s: the noun phrase, to a punctuation mark,
 * an auxiliary or another cue; a question ("questions about [whether
 * Clinton will face ...]") is a clause. The phrase goes on over a
 * possessive mark ("criticism of [Sanders’ vote ...]") and a noun in -ly
 * ("the Khan family"); it ends before a conjunction that starts a clause
 * ("skeptical of [free trade] and mostly not inclined", "endorsement of
 * [Hillary Clinton] that was ..."). */
static uint32_t noun_cue_end(const ctx *c, uint32_t s, uint32_t b)
{
    if (s < b && !in_quote(c, s) &&
        (is(c, s, "whether") || is(c, s, "how") || is(c, s, "what") || is(c, s, "why") ||
         is(c, s, "if") || is(c, s, "who") || is(c, s, "where") || is(c, s, "when")))
        return trim_end(c, s, clause_end(c, s, b));
    uint32_t e = s;
    while (e < b && e < s + 40) {
        if (in_quote(c, e)) {
            e++;
            continue;
        }
        if (e > s && plural_possessive(c, s, e)) {
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

/* A verb in [i, k) by which the subject receives what a nominal cue
 * after it names ("Clinton [faced] questions about", "[received] the
 * endorsement of"): the subject is no source of it. */
static bool receive_verb(const ctx *c, uint32_t i, uint32_t k)
{
    static const char *const receive[] = {"faced",   "faces",   "face",     "received",
                                          "receives", "fielded", "dealt",   "secured",
                                          "snagged", "won",     "earned",   "picked",
                                          "answered", "answering", "drew", "draws"};
    for (; i < k; i++)
        if (is_any(c, i, receive, PX_ARRAY_LEN(receive)))
            return true;
    return false;
}

/* The verb group of a clause whose object is a nominal cue at k ("These
 * voters [are] skeptical of", "Trump notably [made] no mention of", "The
 * editorial [is] actually a rousing defense of"): the first token of the
 * finite verb (with the adverbs before it) a few words before k, when
 * only the verb's complement stands between; k when there is none. The
 * noun phrase before it is the clause's subject, the holder of the
 * attitude or the maker of the statement the noun names. */
static uint32_t noun_cue_verb(const ctx *c, uint32_t a, uint32_t k)
{
    static const char *const verbs[] = {"made", "makes", "make",  "took", "takes",
                                        "came", "comes", "gave",  "gives", "kept", "keeps"};
    static const char *const degree[] = {"more", "less", "so", "very", "too", "also", "not"};
    uint32_t v = k;
    for (uint32_t i = k; i-- > a && k - i <= 6;) {
        if (c->t[i].kind != PX_TOK_WORD || in_quote(c, i) || (c->t[i].flags & PX_TF_CAP) ||
            (lexf(c, i) & LX_PRON) || is(c, i, "to") || is(c, i, "that") || is(c, i, "and") ||
            is(c, i, "or") || (i + 1 < k && cue_type(c, i) != CUE_NONE))
            break;
        bool verb = finite_verb(c, i) || (lexf(c, i) & LX_AUX) ||
                    is_any(c, i, verbs, PX_ARRAY_LEN(verbs)) ||
                    (is_ed_word(c, i) && !(i > a && (lexf(c, i - 1) & LX_DET)));
        if (receive_verb(c, i, i + 1))
            return k;
        if (verb || (v < k && (is_ly_adverb(c, i) || is_any(c, i, degree, PX_ARRAY_LEN(degree)))))
            v = i;
        else if (v < k)
            break;
    }
    return v;
}

/* "Addressing the topic on Monday, X urged ...": [a, e) is a participle
 * phrase (a word in -ing and no finite verb). */
static bool participle_lead(const ctx *c, uint32_t a, uint32_t e)
{
    size_t n = tlen(c, a);
    if (n < 6 || memcmp(tstr(c, a) + n - 3, "ing", 3) || !(c->t[a].flags & PX_TF_CAP))
        return false;
    for (uint32_t i = a + 1; i < e; i++)
        if (finite_verb(c, i) || cue_type(c, i) != CUE_NONE)
            return false;
    return true;
}

/* The attribution r found before the cue at p in unit un has the
 * unit's subject as its source, written before its own cue: a second verb
 * joined by "and" shares it ("X defended the route and said ..."). */
static bool shared_subject(const ctx *c, const unit *un, const rec *r, uint32_t p)
{
    if (r->sb <= r->sa || r->sa < un->a || r->sb > r->va || r->vb > p || r->embedded)
        return false;
    if (un->subject >= 0 && un->subject_tok < p && un->subj_b > un->subj_a &&
        !(un->subj_a < r->sb && r->sa < un->subj_b))
        return false;
    for (uint32_t i = r->vb; i < p; i++)
        if (is_terminal_tok(c, i))
            return false;
    return true;
}

/* Is [a, e) a phrase of time or place that opens the sentence ("On
 * Tuesday night, Trump endorsed Pence", "At a rally Friday, Clinton was
 * asked about ...")? A preposition and words, no verb, no punctuation: it
 * is no content before the cue, which has its content after it. */
static bool adverbial_lead(const ctx *c, uint32_t a, uint32_t e)
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
            cue_type(c, i) != CUE_NONE || finite_verb(c, i) || is(c, i, "that") ||
            is(c, i, "who") || is(c, i, "which"))
            return false;
    return true;
}

/* A verb by which data report (polls, studies, records): "found",
 * "shows". */
static bool data_verb(const ctx *c, uint32_t k)
{
    return is(c, k, "found") || is(c, k, "finds") || is(c, k, "find") || is(c, k, "show") ||
           is(c, k, "shows") || is(c, k, "showed");
}

/* A word that opens an adverbial or a question clause: "as", "when",
 * "how" ("told aides as he labored", "tells the story of how he"). */
static bool subordinator(const ctx *c, uint32_t i)
{
    static const char *const w[] = {"as", "before", "after", "when", "while", "because", "if",
                                    "since", "though", "although", "how", "why", "what",
                                    "whether", "where", "until"};
    return is_any(c, i, w, PX_ARRAY_LEN(w));
}

/* The verb before "to" (token t) that takes a reporting verb as its
 * infinitive and keeps the subject's voice: "went on to", "continued to",
 * "proceeded to", "was quick to" (not "refused to", "declined to": what
 * follows was not said). Returns its first token, or t when there is
 * none. */
static bool be_form(const ctx *c, uint32_t i);

static uint32_t infinitive_governor(const ctx *c, uint32_t a, uint32_t t)
{
    if (t < a + 2 || in_quote(c, t - 1) || c->t[t - 1].kind != PX_TOK_WORD)
        return t;
    uint32_t g = t - 1;
    if (is(c, g, "on") && g > a &&
        (is(c, g - 1, "went") || is(c, g - 1, "goes") || is(c, g - 1, "go") ||
         is(c, g - 1, "going") || is(c, g - 1, "gone")))
        return g - 1;
    if (is(c, g, "quick") && g > a && be_form(c, g - 1))
        return g - 1;
    if (is(c, g, "continued") || is(c, g, "continues") || is(c, g, "continue") ||
        is(c, g, "proceeded") || is(c, g, "proceeds"))
        return g;
    return t;
}

/* "Jason Sims — a teacher from Ohio — says", "Democrats -- and some
 * Republicans -- say": an aside between two dashes (an appositive, a
 * relative clause, an addition) stands between a subject and its verb as
 * one between commas does. Token p - 1 is the closing dash; returns the
 * opening dash, in the same sentence and at most 40 tokens before, or p
 * when there is none. */
static uint32_t dash_aside_start(const ctx *c, uint32_t a, uint32_t p)
{
    if (p < a + 4 || c->t[p - 1].kind != PX_TOK_DASH || in_quote(c, p - 1))
        return p;
    for (uint32_t o = p - 2; o > a + 1 && p - o <= 40; o--) {
        if (in_quote(c, o))
            continue;
        if (c->t[o].kind == PX_TOK_DASH)
            return o + 2 < p ? o : p;
        if (c->t[o].kind == PX_TOK_PUNCT && strchr(".!?;:", tstr(c, o)[0]) && !glued(c, o) &&
            !(c->t[o].flags & PX_TF_ABBREV))
            return p;
    }
    return p;
}

/* Finite auxiliaries: a clause has its verb. */
static const char *const finite_aux[] = {
    "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
    "should", "must", "might", "may", "do", "does", "did"};

/* Is the aside between the dashes o and e a part of the source, as
 * PolNeAR spans it? An appositive or addition is ("Jason Sims — a teacher
 * from Ohio —", "Democrats — and some Republicans —"); a relative clause,
 * an adverbial or a clause of its own is not ("Joyce — who is listed as
 * an attorney —", "Murphy — after a knock on wood —", "the Post — even
 * the devil can quote statistics —"). */
static bool aside_in_source(const ctx *c, uint32_t o, uint32_t e)
{
    static const char *const opener[] = {
        "who", "whose", "whom", "which", "that", "in", "on", "at", "after", "before",
        "during", "with", "while", "when", "as", "since", "despite", "amid", "though",
        "although", "if", "because", "by", "via", "speaking", "according"};
    if (is_any(c, o + 1, opener, PX_ARRAY_LEN(opener)))
        return false;
    for (uint32_t i = o + 1; i + 1 < e; i++)
        if (!in_quote(c, i) && is_any(c, i, finite_aux, PX_ARRAY_LEN(finite_aux)))
            return false;
    return true;
}

/* The reporting verb k, whose object starts at token s, introduces a
 * clause: "that", a quotation or a subject pronoun follows ("A letter
 * obtained by the AP warns that ...", "Text messages found on the phone
 * suggested they ..."), not a noun phrase ("One of his recent reads
 * ..."). */
static bool clause_follows(const ctx *c, uint32_t k, uint32_t s)
{
    if (!(lexf(c, k) & (LX_VERB | LX_THAT)) || (lexf(c, k) & LX_WEAK) ||
        s >= c->doc->n_toks || k == 0 || (lexf(c, k - 1) & LX_DET) ||
        c->t[k - 1].kind == PX_TOK_NUMBER || is_ed_word(c, k - 1) || possessive(c, k - 1))
        return false; /* "a signed tweet that", "Trump's claim that" */
    return is(c, s, "that") || opens_quote(c, s) ||
           ((lexf(c, s) & LX_PRON) && !is(c, s, "it") && !is(c, s, "who"));
}

/* "..., with 30 percent of voters saying they ...", "with Donald Trump
 * tweeting that ...", "with many marchers chanting ...": the noun phrase
 * between "with" and a participle of speech k is the participle's
 * subject (an absolute clause). Returns the phrase's first token, or k. */
static uint32_t with_subject(const ctx *c, uint32_t a, uint32_t k)
{
    static const char *const speech[] = {
        "saying", "calling", "tweeting", "chanting", "noting", "arguing", "claiming",
        "warning", "insisting", "telling", "questioning", "describing", "accusing", "urging",
        "predicting", "suggesting", "declaring", "writing", "asserting", "complaining"};
    if (k < a + 2 || !is_any(c, k, speech, PX_ARRAY_LEN(speech)))
        return k;
    uint32_t w = k;
    while (w > a && k - w < 9 && !is(c, w - 1, "with") && !in_quote(c, w - 1) &&
           (c->t[w - 1].kind == PX_TOK_WORD || c->t[w - 1].kind == PX_TOK_NUMBER ||
            share_end(c, a, w - 1)) &&
           cue_type(c, w - 1) == CUE_NONE &&
           (!(lexf(c, w - 1) & (LX_PREP | LX_PRON)) || is(c, w - 1, "of")) &&
           !is(c, w - 1, "while") && !is(c, w - 1, "when") && !is(c, w - 1, "after") &&
           !is(c, w - 1, "before") && !is(c, w - 1, "as") && !is(c, w - 1, "because") &&
           !is(c, w - 1, "but") && !is(c, w - 1, "if"))
        w--;
    if (is(c, k + 1, "card"))
        return k; /* "the right calling card" */
    if (w == k || w <= a || !is(c, w - 1, "with") || in_quote(c, w - 1))
        return k;
    /* a noun phrase: a determiner, a name, a number; not "with me saying" */
    if (!((lexf(c, w) & LX_DET) || c->t[w].kind == PX_TOK_NUMBER ||
          ((c->t[w].flags & PX_TF_CAP) && !(lexf(c, w) & LX_NAMESTOP)) ||
          share_opener(c, w) > w || is(c, w, "many") || is(c, w, "each")))
        return k;
    return w;
}

/* "The town released a statement Wednesday saying ...", "His office put
 * out a statement saying ...", "Rubio's campaign sent out a press release
 * saying ...": the participle k reports what a message said that the
 * subject issued, so the subject is its source. When a word for a
 * message (and a time) stands before k, the object of a verb of issuing
 * a few words before, returns that verb's token, else k. */
static uint32_t issued_message(const ctx *c, uint32_t a, uint32_t k)
{
    static const char *const message[] = {
        "statement", "statements", "release", "letter", "tweet", "tweets", "email", "emails",
        "e-mail", "memo", "message", "messages", "note", "video", "ad", "ads", "response",
        "op-ed", "editorial", "notice", "post", "missive", "rebuttal", "reply"};
    static const char *const issue[] = {
        "issued", "issues", "issue", "issuing", "released", "releases", "release", "releasing",
        "sent", "sends", "send", "sending", "posted", "posts", "post", "posting", "published",
        "publishes", "distributed", "circulated", "fired", "put", "puts", "putting", "emailed",
        "tweeted", "delivered", "wrote", "writes", "penned", "aired", "ran", "launched"};
    if (k < a + 3 || in_quote(c, k - 1))
        return k;
    uint32_t n = k - 1;
    uint32_t ts = time_phrase_start(c, a, n); /* "a statement Wednesday saying" */
    if (ts <= n && ts > a)
        n = ts - 1;
    if (n <= a || !is_any(c, n, message, PX_ARRAY_LEN(message)))
        return k;
    /* back over the noun phrase ("a fundraising", "an open", "a press") to
     * its determiner */
    uint32_t v = n;
    while (v > a && n - v < 3 && !(lexf(c, v) & LX_DET) && c->t[v - 1].kind == PX_TOK_WORD &&
           !in_quote(c, v - 1) && !(lexf(c, v - 1) & (LX_PREP | LX_AUX | LX_PRON)) &&
           cue_type(c, v - 1) == CUE_NONE)
        v--;
    if (v <= a + 1 || !(lexf(c, v) & LX_DET) || in_quote(c, v - 1))
        return k;
    v--;
    /* the verb's particle: "put out", "sent out", "fired back" */
    if (v > a && (is(c, v, "out") || is(c, v, "back") || is(c, v, "off")))
        v--;
    return is_any(c, v, issue, PX_ARRAY_LEN(issue)) && !in_quote(c, v) ? v : k;
}

/* A form of "be" before a participle: "is saying", "aren't saying". */
static bool be_form(const ctx *c, uint32_t i)
{
    if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
        return false;
    if (is(c, i, "is") || is(c, i, "are") || is(c, i, "was") || is(c, i, "were") ||
        is(c, i, "am") || is(c, i, "be") || is(c, i, "been"))
        return true;
    size_t n = tlen(c, i);
    const char *w = tstr(c, i);
    return n >= 5 && n <= 9 &&
           (!memcmp(w + n - 3, "n't", 3) || (n >= 7 && !memcmp(w + n - 5, "n\xe2\x80\x99t", 5))) &&
           (!strncmp(w, "isn", 3) || !strncmp(w, "aren", 4) || !strncmp(w, "wasn", 4) ||
            !strncmp(w, "weren", 5));
}

/* A clause without "that" starts at token s after a verb of thought:
 * "believe [this provides ...]", "agreed [there are ...]", "knows [how
 * Clinton caused this mess]"; not "know how to", "believe in". */
static bool that_less_clause(const ctx *c, uint32_t s, uint32_t b)
{
    if (s + 2 >= b || in_quote(c, s) || in_quote(c, s + 1) || c->t[s + 1].kind != PX_TOK_WORD)
        return false;
    if (is(c, s, "this") || is(c, s, "these") || is(c, s, "there"))
        return !(lexf(c, s + 1) & (LX_PREP | LX_NPSTOP)) || (lexf(c, s + 1) & LX_AUX) ||
               be_form(c, s + 1);
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
            if (is_any(c, i, finite_aux, PX_ARRAY_LEN(finite_aux)))
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
static bool reported_clause(const ctx *c, uint32_t s, uint32_t e)
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
        if (is_any(c, i, finite_aux, PX_ARRAY_LEN(finite_aux)) || be_form(c, i) ||
            is_ed_word(c, i))
            return true;
    }
    return false;
}

/* Is the participle cue k the verb of a progressive form, after "be" and
 * adverbs ("is now saying", "have been arguing")? */
/* Token i is a pronoun with "is" contracted onto it: "He’s predicting",
 * "she's claiming" (the subject and the auxiliary of a progressive in
 * one token, which PolNeAR splits into source "He" and cue "’s
 * predicting"). */
static bool be_contraction(const ctx *c, uint32_t i)
{
    static const char *const w[] = {"he's", "she's", "he\xe2\x80\x99s", "she\xe2\x80\x99s"};
    return !in_quote(c, i) && c->t[i].kind == PX_TOK_WORD && is_any(c, i, w, PX_ARRAY_LEN(w));
}

static bool progressive_be(const ctx *c, uint32_t a, uint32_t k)
{
    uint32_t i = k;
    while (i > a && i + 3 > k && !in_quote(c, i - 1) && c->t[i - 1].kind == PX_TOK_WORD &&
           (is_ly_adverb(c, i - 1) || is(c, i - 1, "not") || is(c, i - 1, "now") ||
            is(c, i - 1, "also") || is(c, i - 1, "still")))
        i--;
    return (i > a + 1 && be_form(c, i - 1)) || (i > a && be_contraction(c, i - 1));
}

/* "In an NBC News/Wall Street Journal poll released Monday, 50 percent
 * of respondents chose Clinton": a sentence that opens with "In" and a
 * poll or survey reports what the poll found; the cue is "In", the
 * source the poll, the content the rest of the sentence. */
static void poll_lead(ctx *c, size_t u)
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
    r.entity = resolve(c, u, r.sa, r.sb);
    size_t n = c->recs.n;
    add(c, r);
    /* add() cuts the occasion off an indirect content; the poll's
     * findings run to the sentence's end */
    if (c->recs.n > n && c->recs.v[n].ca == r.ca)
        c->recs.v[n].cb = r.cb;
}

/* The length of the parenthesis that opens at token o, when it is as
 * short as a party, a state or an acronym after a name ("(D-Ore.)",
 * "(AROS)", "(R)": at most four tokens, no comma); 0 otherwise. */
static size_t clitic_end(const ctx *c, uint32_t i);

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
    if (speaker_labels(c, u))
        return;
    as_put_it(c, u);
    poll_lead(c, u);
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
                    r.entity = resolve(c, u, a, e);
                    add(c, r);
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
                    r.entity = resolve(c, u, a, e);
                    add(c, r);
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
            tag_verb(c, a, b, k))
            ct = CUE_VERB;
        if (ct == CUE_NONE) {
            char ch = c->text[c->t[k].start];
            if ((ch == 'e' || ch == 's' || ch == 'a') && c->t[k].kind == PX_TOK_WORD)
                raising(c, a, b, k);
            continue;
        }
        rec r = {0, 0, 0, 0, k, k + 1, -1, false, NULL};
        /* the first token after the cue */
        uint32_t ke = ct == CUE_PREPV ? k + 2 : k + 1;
        if (ct == CUE_PREPV && made_it_clear(c, k))
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
            e = according_appositive(c, s, e, b, leading);
            r.sb = e;
            if (leading && e > s && is_punct(c, e - 1, ',') && e < b) {
                r.ca = e;
                r.cb = trim_end(c, r.ca, clause_end(c, r.ca, b));
            } else if (leading && e < b && is_punct(c, e, ',')) {
                r.ca = e + 1;
                r.cb = trim_end(c, r.ca, clause_end(c, r.ca, b));
            } else if (!leading) {
                r.ca = a;
                r.cb = trim_end(c, a, k);
            } else
                continue;
            r.entity = resolve(c, u, r.sa, r.sb);
            add(c, r);
            k = e;
            continue;
        }
        if (ct == CUE_NOUN) {
            /* the content: the noun phrase after the preposition, to a
             * punctuation mark, an auxiliary or another cue */
            r.vb = k + 2;
            uint32_t s = k + 2, e = noun_cue_end(c, s, b);
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
                uint32_t s1, s0 = clause_subject(c, a, k, &s1);
                bool near = s1 > s0 && k - s1 <= 5;
                for (uint32_t x = s1; x < k && near; x++)
                    near = c->t[x].kind == PX_TOK_WORD && !in_quote(c, x) &&
                           cue_type(c, x) == CUE_NONE;
                if (near && receive_verb(c, s1, k))
                    near = false; /* "The council faced questions about" */
                if (near)
                    r.sa = s0, r.sb = s1;
                else {
                    uint32_t v = noun_cue_verb(c, a, k);
                    uint32_t y = v < k && v > a ? np_before(c, a, v - 1) : v;
                    /* "Ultimately 54 percent of voters": no adverb that
                     * opens the sentence */
                    if (y + 1 < v && (c->t[y].flags & PX_TF_CAP) && tlen(c, y) > 4 &&
                        !memcmp(tstr(c, y) + tlen(c, y) - 2, "ly", 2))
                        y++;
                    bool when = false; /* "last week picked up" */
                    for (uint32_t x = y; x < v && !when; x++)
                        when = time_noun(c, x) || is(c, x, "date");
                    /* "have been [largely positive] are wary of": no
                     * subject right after a preposition or an auxiliary */
                    if (y < v && !when && !(y > a && (lexf(c, y - 1) & LX_PREP)) &&
                        !(y > a && (lexf(c, y - 1) & LX_AUX) && !(c->t[y - 1].flags & PX_TF_CAP)))
                        r.sa = y, r.sb = v;
                }
            }
            if (r.sb > r.sa)
                r.entity = resolve(c, u, r.sa, r.sb);
            r.ca = s, r.cb = e;
            add(c, r);
            k = e - 1;
            continue;
        }
        /* "The White House is saying that ...": a participle after a form
         * of "be" is the finite verb of its clause */
        bool prog = ct == CUE_PART && progressive_be(c, a, k);
        if (prog)
            ct = CUE_VERB;
        if (ct == CUE_PART) {
            uint32_t issued = issued_message(c, a, k);
            uint32_t with_np = with_subject(c, a, k);
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
                    r.entity = resolve(c, u, n0, n1);
                }
                r.ca = ke, r.cb = e;
                add(c, r);
                k = e;
                continue;
            }
            if (!(is_punct(c, k - 1, ',') || is(c, k - 1, "and") ||
                  closes_quote(c, k - 1) || prep_part || issued < k || with_np < k))
                continue;
            /* the source: the subject of the verb that issued the message,
             * the one before it in this unit, or the unit's subject */
            uint32_t ip = issued, ie = issued; /* the subject's last token, its end */
            while (issued < k && ip > a && before_cue(c, a, ip - 1) && !in_quote(c, ip - 1))
                ip--;
            ie = ip;
            if (issued < k && ip > a + 2 && is_punct(c, ip - 1, ')') && !in_quote(c, ip - 1)) {
                /* "Mitch McConnell (R-Ky.) issued" */
                uint32_t o = ip - 1;
                while (o > a && o + 8 > ip && !is_punct(c, o, '('))
                    o--;
                if (is_punct(c, o, '('))
                    ip = o;
            } else if (issued < k && dash_aside_start(c, a, ip) < ip) {
                /* "A coalition of groups - including ... - sent a letter" */
                uint32_t o = dash_aside_start(c, a, ip);
                ie = aside_in_source(c, o, ip) ? ip : o;
                ip = o;
            }
            uint32_t isa = issued < k && ip > a ? np_before(c, a, ip - 1) : k;
            if (with_np < k) {
                /* "with three in 10 saying", "with Trump tweeting" */
                uint32_t we = k;
                while (we > with_np + 1 && is_ly_adverb(c, we - 1))
                    we--;
                r.sa = with_np;
                r.sb = we;
                r.entity = resolve(c, u, with_np, we);
            } else if (isa < ip && !(isa > a && (lexf(c, isa - 1) & LX_PREP))) {
                r.sa = isa;
                r.sb = ie;
                r.entity = resolve(c, u, isa, ip);
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
                             (clitic_end(c, i) < c->t[i].end &&
                              (tstr(c, i)[0] == 's' || tstr(c, i)[0] == 'h' || tstr(c, i)[0] == 't' ||
                               tstr(c, i)[0] == 'S' || tstr(c, i)[0] == 'H' || tstr(c, i)[0] == 'T')))) {
                            r.sa = i, r.sb = i + 1;
                            r.entity = resolve(c, u, i, i + 1);
                            break;
                        }
                }
            } else if (!is(c, k - 1, "and")) {
                /* no source in sight: the subject that opens the clause
                 * ("Trump shot back in a statement, saying ..."), or the
                 * content alone ("many voters shrugged, with three in 10
                 * saying ...") */
                uint32_t s1, s0 = clause_subject(c, a, k, &s1);
                if (s1 > s0) {
                    r.sa = s0, r.sb = s1;
                    r.entity = resolve(c, u, s0, s1);
                }
            } else
                continue;
            uint32_t s = ke;
            while (s < b && (is_punct(c, s, ',') || is_punct(c, s, ':')))
                s++;
            /* not over the object of "calling him "a failed candidate"" */
            if (s < b && !is(c, s, "that") && !is(c, k, "calling") && !is(c, k, "describing") &&
                !is(c, k, "labeling") && !is(c, k, "branding") && !is(c, k, "dubbing"))
                s = quote_after(c, s, b);
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
            r.cb = trim_end(c, s, clause_end(c, s, b));
            /* "Salceda, citing [data from the State Department], said":
             * an appositive of the subject before the main verb */
            if (k > a + 1 && is_punct(c, k - 1, ',') && !in_quote(c, r.ca)) {
                bool verb_before = false;
                for (uint32_t i = a; i + 1 < k && !verb_before; i++)
                    verb_before = in_quote(c, i) || finite_verb(c, i) ||
                                  cue_type(c, i) != CUE_NONE;
                if (!verb_before)
                    r.cb = trim_end(c, r.ca, relative_end(c, r.ca, r.cb));
            }
            if (r.cb <= r.ca)
                continue;
            add(c, r);
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
                            uint32_t ts = i > s + 2 ? time_phrase_start(c, s + 1, i - 1) : i;
                            uint32_t by_end = ts > s + 1 && ts < i ? ts : i; /* not "on Thursday" */
                            if (is(c, s, "by") && by_end > s + 1) {
                                r.sa = s + 1, r.sb = by_end;
                                r.entity = resolve(c, u, s + 1, by_end);
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
            uint32_t ce = trim_end(c, s, clause_end(c, s, b));
            e = trim_end(c, s, e < ce ? e : ce);
            if (e > s && !(cue_type(c, s) != CUE_NONE)) {
                r.vb = ct == CUE_PREPV ? k + 2 : (is(c, ke, "about") && s == ke + 1 ? k + 2 : k + 1);
                r.ca = s, r.cb = e;
                add(c, r);
                k = e - 1;
                continue;
            }
        }
        /* a finite reporting verb */
        uint32_t p = k;
        uint32_t aside_end = 0; /* the end of an aside between dashes before it */
        for (;;) {
            while (p > a && before_cue(c, a, p - 1) &&
                   !in_quote(c, p - 1))
                p--;
            /* "He went on to say", "Trump continued to question", "Sexton
             * was quick to point out", "she declined to claim": the verb
             * that governs the infinitive stands after the subject */
            if (p == k && p > a + 2 && is(c, p - 1, "to") && !in_quote(c, p - 1)) {
                uint32_t g = infinitive_governor(c, a, p - 1);
                if (g < p - 1) {
                    p = g;
                    continue;
                }
            }
            if (!aside_end && dash_aside_start(c, a, p) < p) {
                aside_end = p;
                p = dash_aside_start(c, a, p);
                continue;
            }
            if (prog && p > a + 1 && be_form(c, p - 1)) {
                p--;
                continue;
            }
            /* "The committee this week announced", "Pence on Thursday
             * blamed"; not "a poll released Thursday found" */
            if (p > a + 1) {
                uint32_t ts = time_phrase_start(c, a, p - 1);
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
        uint32_t sa = p > a ? np_before(c, a, p - 1) : p;
        if (sa > a && sa < p)
            sa = restrictive_head(c, a, sa);
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
            if (prev && !shared_subject(c, un, prev, p))
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
                    s1 = subject_end(c, s1, p);
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
                r.cb = trim_end(c, s2, clause_end(c, s2, b));
                if (r.cb > r.ca) {
                    r.entity = prev ? prev->entity
                               : s0 == un->subj_a && un->subject >= 0 ? un->subject
                                                                      : resolve(c, u, s0, s1);
                    add(c, r);
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
                uint32_t y = np_before(c, a, x - 2);
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
                              data_verb(c, k) || clause_follows(c, k, ke))) {
                uint32_t y = sa - 1;
                while (y > a && !in_quote(c, y - 1) && c->t[y - 1].kind != PX_TOK_DASH &&
                       !(c->t[y - 1].kind == PX_TOK_PUNCT && strchr(",:;(", tstr(c, y - 1)[0])))
                    y--;
                bool share = y < sa && share_opener(c, y) > y; /* "About four in 10 voters" */
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
            r.sa = sa, r.sb = source_cut(c, sa, source_end(c, p, k));
            /* the aside between dashes is part of the source, as PolNeAR
             * spans it, with its closing dash */
            if (aside_end && r.sb == p && aside_in_source(c, p, aside_end))
                r.sb = aside_end;
            bool quote_before = sa > a && closes_quote(c, sa - 1) && !show_lead(c, a, sa - 1);
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
                          !show_lead(c, a, x);
                for (uint32_t i = x + 1; i < sa && np; i++)
                    np = !in_quote(c, i) && c->t[i].kind != PX_TOK_QUOTE &&
                         cue_type(c, i) == CUE_NONE &&
                         (c->t[i].kind != PX_TOK_PUNCT || is_punct(c, i, ',') || glued(c, i));
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
                r.cb = trim_end(c, a, clause_end(c, ke, b));
                if (r.cb <= r.ca)
                    continue;
                r.entity = resolve(c, u, r.sa, r.sb);
                add(c, r);
                continue;
            }
            /* "Now, Republicans believe they have ...": a lead of one or two
             * words before the comma is no content; the clause after is */
            bool lead_short = false;
            if (comma_before && !quote_before) {
                uint32_t le = trim_end(c, a, sa - 1);
                lead_short = (le - a < 3 && !(le > a && closes_quote(c, le - 1))) ||
                             adverbial_lead(c, a, le);
            }
            if (!who && !parenthetical &&
                (quote_before || (comma_before && after_short && !lead_short))) {
                /* "...," X said. */
                r.ca = quote_before ? quote_start(c, a, qclose) : a;
                r.cb = quote_before ? qclose + 1 : trim_end(c, a, sa - 1);
                if (!quote_before && r.cb > a && closes_quote(c, r.cb - 1) == false &&
                    r.cb - r.ca < 3)
                    continue;
                uint32_t tail = interrupted_tail(c, ke, b);
                if (tail)
                    r.cb = tail;
                else if ((quote_before || closes_quote(c, r.cb - 1) || comma_before) &&
                         u + 1 < c->n_units &&
                         c->qs.tok_block[c->units[u + 1].a] == c->qs.tok_block[a] &&
                         lead_quote(c, u + 1) >= 0) {
                    /* "A," she said. "B." */
                    int32_t q2 = lead_quote(c, u + 1);
                    r.cb = c->qs.v[q2].end_tok;
                    *consumed_next = true;
                    for (size_t v = u + 2; lone_quote(c, u + 1) >= 0 && v < c->n_units &&
                                           lone_quote(c, v) >= 0 &&
                                           c->qs.tok_block[c->units[v].a] == c->qs.tok_block[a];
                         v++)
                        r.cb = c->qs.v[lone_quote(c, v)].end_tok;
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
                s = addressee_end(c, k, s, b);
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
                    !(lexf(c, s) & (LX_PRON | LX_PREP)) && !subordinator(c, s))
                    for (uint32_t i = s + 1; i < b && i < s + 8; i++) {
                        if (in_quote(c, i) || (c->t[i].kind != PX_TOK_WORD && !is_punct(c, i, ',')) ||
                            cue_type(c, i) != CUE_NONE || (lexf(c, i) & LX_AUX) ||
                            /* "told aides as he labored", "tells the story of how he" */
                            subordinator(c, i))
                            break;
                        if ((lexf(c, i) & LX_PRON) && !is(c, i, "it") && !is(c, i, "who") &&
                            !is(c, i, "you")) {
                            s = i;
                            break;
                        }
                    }
                /* "found in 2014 that ...": the clause opens at "that" */
                if (s < b && (is(c, s, "in") || is(c, s, "on") || is(c, s, "last")) &&
                    that_after_time(c, s) < b)
                    s = that_after_time(c, s);
                /* said last week in Tel Aviv, "..." */
                while (s < b && is_ly_adverb(c, s) && s + 1 < b)
                    s++;
                if (s < b && !is(c, s, "that"))
                    s = quote_after(c, s, b);
                /* "Zielinski told reporters outside the gallery:" then a
                 * quotation in the next paragraph: it is what was said */
                bool intro = intro_next_quote(c, u, true) ||
                             (ke + 1 == b && intro_next_quote(c, u, false));
                for (uint32_t i = ke; i < b && intro; i++)
                    intro = cue_type(c, i) == CUE_NONE;
                if (intro || s >= b || (s < b && trim_end(c, s, b) == s)) {
                    /* "He said:" at the end of its unit introduces the next */
                    if (intro || (ke < b && is_punct(c, ke, ':'))) {
                        r.entity = resolve(c, u, r.sa, r.sb);
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
                        (c->t[s + 1].kind == PX_TOK_WORD || share_end(c, s, s + 1))) ||
                       (data_verb(c, k) && (is(c, s, "him") || is(c, s, "them"))) ||
                       that_less_clause(c, s, b) ||
                       (is(c, s, "to") && s + 1 < b && c->t[s + 1].kind == PX_TOK_WORD &&
                        !(c->t[s + 1].flags & PX_TF_CAP) &&
                        !(lexf(c, s + 1) & (LX_DET | LX_PRON | LX_PREP))))))
                    continue;
                r.ca = s;
                r.cb = trim_end(c, s, clause_end(c, s, b));
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
                    !(lexf(c, k) & LX_WEAK) && !opens_quote(c, r.ca) && indirect_goes_on(c, u) &&
                    !quote_in(c, a, k)) {
                    grow_over_next(c, u, &r);
                    *consumed_next = true;
                }
            }
        } else if (p == a || is_punct(c, p - 1, ',') || closes_quote(c, p - 1)) {
            /* inverted: "...," said Ron Weiser */
            uint32_t e = np_after(c, ke, b);
            if (e == ke || p == a)
                continue;
            /* a relative clause left out of the source ends the unit
             * as well: "..., said Ann Ruiz, who said she would ..." */
            uint32_t rest = e + 1 < b && is_punct(c, e, ',') && is(c, e + 1, "who") ? b : e;
            if (!closes_quote(c, p - 1) && trim_end(c, rest, b) > rest)
                continue; /* "Russia, meanwhile, claimed Ukraine fired ..." */
            r.sa = ke, r.sb = e;
            r.ca = closes_quote(c, p - 1) ? quote_start(c, a, p - 1) : a;
            r.cb = closes_quote(c, p - 1) ? p : trim_end(c, a, p - 1);
            if (r.cb <= r.ca)
                continue;
            uint32_t tail = interrupted_tail(c, e, b);
            if (tail)
                r.cb = tail;
            /* "A," said X. "B.", and after a partial one: 'Some sentiments
             * are "based on ...," said X. "..."' */
            else if (closes_quote(c, r.cb - 1) && u + 1 < c->n_units &&
                     c->qs.tok_block[c->units[u + 1].a] == c->qs.tok_block[a] &&
                     lead_quote(c, u + 1) >= 0) {
                r.cb = c->qs.v[lead_quote(c, u + 1)].end_tok;
                *consumed_next = true;
                for (size_t v = u + 2; lone_quote(c, u + 1) >= 0 && v < c->n_units &&
                                       lone_quote(c, v) >= 0 &&
                                       c->qs.tok_block[c->units[v].a] == c->qs.tok_block[a];
                     v++)
                    r.cb = c->qs.v[lone_quote(c, v)].end_tok;
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
                  r.ca >= ke && r.sb > r.sa && reported_clause(c, r.ca, r.cb)) &&
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
            r.cb = trim_end(c, r.ca, relative_end(c, r.ca, r.cb));
        r.entity = resolve(c, u, r.sa, r.sb);
        add(c, r);
    }
    /* "Zielinski, the rescue commander, spoke to reporters, still in his
     * overalls:" then a quotation in the next paragraph, with no
     * reporting verb: the unit's subject said it, the verb after it is
     * the cue */
    if (c->recs.n == first_rec && !colon_intro->ca && un->subject >= 0 &&
        un->subject_tok < b && un->subj_b < b && intro_next_quote(c, u, true)) {
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
        add(c, r);
        k = c->qs.v[q].end_tok - 1;
    }
    as_quote(c, u, first_rec);
    comma_verb_quote(c, u, first_rec);
    from_colon_quote(c, u, first_rec);
    inverted_said_quote(c, u, first_rec);
    colon_quote(c, u, first_rec);
    if (c->recs.n > first_rec)
        return;
    /* a quotation alone in its unit */
    int32_t q = lone_quote(c, u);
    if (q < 0)
        return;
    rec r = {c->qs.v[q].open, c->qs.v[q].end_tok, 0, 0, 0, 0, -1, false, NULL};
    if (!colon_intro->ca && heading_quote(c, u, q))
        return;
    if (colon_intro->ca) {
        r.sa = colon_intro->sa, r.sb = colon_intro->sb;
        r.va = colon_intro->va, r.vb = colon_intro->vb;
        r.entity = colon_intro->entity;
        add(c, r);
        return;
    }
    /* a quotation alone in the paragraph after a quotation continues it
     * (PolNeAR annotates the paragraphs as one content): the record before
     * grows over it, and its speaker carries over; not after a quotation
     * signed with a dash ("...”― Carla Sanchez"), which ends its post or
     * testimonial */
    if (c->recs.n && u > 0) {
        rec *prev = &c->recs.v[c->recs.n - 1];
        int32_t pu = unit_of_token(c, prev->cb - 1);
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
        add(c, r);
    }
}

/* A quotation signed with a dash: "...”― Carla Sanchez." (the dash
 * may start the next unit). */
static void dash_signature(ctx *c, size_t u)
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
        add(c, r);
        return;
    }
}

/* "— Name (@handle) May 11, 2025" after a post: the post is the block
 * before. */
static void embedded_posts(ctx *c)
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
        add(c, r);
    }
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
static size_t clitic_end(const ctx *c, uint32_t i)
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

static int finish(ctx *c, const px_quote **out, size_t *n_out)
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
        }
        q->span_start = c->t[r->ca].start;
        q->span_end = c->t[r->cb - 1].end;
        bool direct = np && c->qs.v[q0].open == r->ca && c->qs.v[q1 - 1].end_tok == r->cb;
        if (r->embedded)
            q->kind = PX_QUOTE_EMBEDDED;
        else if (direct)
            q->kind = PX_QUOTE_DIRECT;
        else if (np)
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
            q->speaker_end = clitic_end(c, r->sb - 1);
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
    return PX_OK;
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
    int rc = PX_ENOMEM;
    if (!c.lex || !c.cues)
        goto done;
    if ((rc = px__quote_scan(doc, &c.qs)))
        goto done;
    c.title = px__calloc(c.qs.n + 1, 1);
    if (!c.title) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < doc->n_toks; i++)
        c.lex[i] = LX_DONE | (c.t[i].kind == PX_TOK_WORD ? px__lex(c.text + c.t[i].start,
                                                                     c.t[i].end - c.t[i].start)
                                                          : 0);
    for (size_t i = 1; i < doc->n_toks; i++)
        if ((c.lex[i] & LX_AUX) && name_part(&c, i))
            c.lex[i] &= ~(LX_AUX | LX_NPSTOP | LX_NOTAPPOS | LX_PREP);
    for (size_t i = 0; i < c.qs.n; i++)
        c.title[i] = is_title(&c, &c.qs.v[i]);
    c.hl_block = headline_block(&c);
    if ((rc = px__mentions_build(doc, &c.qs, c.lex, &c.mn)))
        goto done;
    /* the words of a title are the writer's: no quotation holds them */
    for (size_t i = 0; i < c.qs.n; i++)
        if (c.title[i])
            for (uint32_t k = c.qs.v[i].open; k < c.qs.v[i].end_tok; k++)
                c.qs.tok_quote[k] = PX__NO_QUOTE;
    if ((rc = build_units(&c)))
        goto done;
    for (size_t u = 0; u < c.n_units; u++) {
        bool skip = false;
        rec intro = {0};
        attribute_unit(&c, u, &skip, &intro);
        dash_signature(&c, u);
        /* a colon introduction applies to the unit right after */
        if (intro.ca && u + 1 < c.n_units) {
            attribute_unit(&c, u + 1, &skip, &intro);
            u++;
        }
        if (skip)
            u++;
    }
    embedded_posts(&c);
    if (c.oom) {
        rc = PX_ENOMEM;
        goto done;
    }
    rc = finish(&c, &doc->quotes, &doc->n_quotes);
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
