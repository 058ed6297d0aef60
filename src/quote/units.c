/*
 * units.c - units and the quotations in them. The text is cut into units
 * (sentences joined so that no unit boundary falls inside a quotation);
 * each unit knows its subject, the first person named in it. Also the
 * shapes a unit's quotations take: a title of a work (no one's words), a
 * quotation alone in its unit, one that leads it, a heading.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* Is quotation q the title of a work or a name, not someone's words:
 * "the song “American Pie”", "the “American Pie” star", "his book “The
 * Art of the Deal”"? A title is a short closed quotation, of capitalised
 * words, that a word for a work introduces or a role word follows, or
 * that a determiner introduces when all its words are capitalised. */
bool px__is_title(const ctx *c, const px__qspan *q)
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

int32_t px__unit_of_token(const ctx *c, uint32_t tok)
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

/* Cuts the sentences into units: the splitter keeps "... courses. ''It
 * was ...'' he said" in one sentence, so a full stop before an opening
 * mark ends a unit; a sentence that starts inside a quotation of the unit
 * before, or the speaker and verb after a question in quotation marks
 * (quote_tag_sentence), joins it. Returns the number of units. */
static size_t cut_units(ctx *c)
{
    px_doc *d = c->doc;
    size_t n = 0;
    for (size_t s = 0; s < d->n_sents; s++) {
        uint32_t a0 = (uint32_t)d->sents[s].first_token;
        uint32_t b0 = (uint32_t)(a0 + d->sents[s].n_tokens);
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
    return n;
}

static void set_subject(unit *un, int32_t entity, uint32_t tok, uint32_t sa, uint32_t sb)
{
    un->subject = entity;
    un->subject_tok = tok;
    un->subj_a = sa;
    un->subj_b = sb;
}

/* The subject of unit u: the first person named outside quotations (with
 * "the" before the name and the appositive after it), a personal pronoun
 * (standing for the subject of the unit before), or "the" and a role word
 * that names an entity ("the senator"); else the subject of the unit
 * before. */
static void find_subject(ctx *c, size_t u)
{
    unit *un = &c->units[u];
    int32_t inherited = u ? c->units[u - 1].subject : -1;
    for (uint32_t i = un->a; i < un->b; i++) {
        if (in_quote(c, i) || c->t[i].kind != PX_TOK_WORD)
            continue;
        int32_t m = c->mn.tok_mention[i];
        if (m >= 0 && entity_is_person(c, c->mn.m.v[m].entity)) {
            uint32_t sa = c->mn.m.v[m].start_tok;
            if (sa > un->a && is(c, sa - 1, "the"))
                sa--;
            set_subject(un, c->mn.m.v[m].entity, i, sa,
                        px__subject_end(c, c->mn.m.v[m].end_tok, un->b));
            break;
        }
        if ((lexf(c, i) & LX_PERSPRON) && !is(c, i, "who") && !is(c, i, "him") &&
            !is(c, i, "her")) {
            set_subject(un, inherited, i, i, i + 1);
            break;
        }
        if (is(c, i, "the")) {
            uint32_t e = i + 1;
            while (e < un->b && e < i + 5 && c->t[e].kind == PX_TOK_WORD &&
                   !(lexf(c, e) & LX_ROLE))
                e++;
            if (e < un->b && c->t[e].kind == PX_TOK_WORD && (lexf(c, e) & LX_ROLE)) {
                int32_t ent = px__mentions_lookup(c->doc, &c->mn, i, e + 1, i);
                if (ent >= 0) {
                    set_subject(un, ent, i, i, e + 1);
                    break;
                }
            }
        }
    }
    if (un->subject < 0 && un->subject_tok == un->b)
        un->subject = inherited;
}

/* Cuts the text into units (cut_units) and finds each unit's subject
 * (find_subject); c->units (malloc) is freed by px_quotes_find. */
int px__build_units(ctx *c)
{
    px_doc *d = c->doc;
    c->units = px__malloc((d->n_sents + c->qs.n + 1) * sizeof(*c->units));
    if (!c->units)
        return PX_ENOMEM;
    c->n_units = cut_units(c);
    for (size_t u = 0; u < c->n_units; u++)
        find_subject(c, u);
    return PX_OK;
}

/* Is unit u a quotation alone (with at most final punctuation)? */
int32_t px__lone_quote(const ctx *c, size_t u)
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

/* Does unit u open with a quotation, followed at most by the writer's
 * words without a cue of their own ("''We could win,'' which votes June
 * 7.")? Returns it, or -1. */
int32_t px__lead_quote(const ctx *c, size_t u)
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
        return px__lone_quote(c, u);
    for (uint32_t k = c->qs.v[q].end_tok; k < un->b; k++)
        if (in_quote(c, k) || cue_type(c, k) != CUE_NONE || px__tag_verb(c, un->a, un->b, k))
            return -1;
    return q;
}

/* Is unit u + 1 a quotation alone in the paragraph of unit u? */
bool px__indirect_goes_on(const ctx *c, size_t u)
{
    return u + 1 < c->n_units && px__lone_quote(c, u + 1) >= 0 &&
           c->qs.tok_block[c->units[u + 1].a] == c->qs.tok_block[c->units[u].a];
}

/* Grows record r over the quotation that leads unit u + 1 and the lone
 * quotations after it in the same paragraph ("A," she said. "B." "C."). */
void px__grow_over_next(const ctx *c, size_t u, rec *r)
{
    uint32_t a = c->units[u].a;
    r->cb = c->qs.v[px__lead_quote(c, u + 1)].end_tok;
    for (size_t v = u + 2; px__lone_quote(c, u + 1) >= 0 && v < c->n_units &&
                           px__lone_quote(c, v) >= 0 &&
                           c->qs.tok_block[c->units[v].a] == c->qs.tok_block[a];
         v++)
        r->cb = c->qs.v[px__lone_quote(c, v)].end_tok;
}

/* "Wednesday on Fox News Channel’s “Hannity,” Newt Gingrich said ...",
 * "In an interview with "Fox and Friends," Trump ...": the quotation that
 * closes at token close ends a phrase of occasion opening the unit at a (a
 * preposition or a word of time first, the short name of a show after a
 * preposition or a possessive); it is no one's words. */
bool px__show_lead(const ctx *c, uint32_t a, uint32_t close)
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
bool px__heading_quote(const ctx *c, size_t u, int32_t q)
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

/* Does unit u + 1 open with a quotation (px__lead_quote) in the
 * paragraph of unit u: "“A,” she said. “B.”"? */
bool px__lead_quote_next(const ctx *c, size_t u)
{
    return u + 1 < c->n_units && c->qs.tok_block[c->units[u + 1].a] == c->qs.tok_block[c->units[u].a] &&
           px__lead_quote(c, u + 1) >= 0;
}

/* Grows r over the quotations of the units after ur->u
 * (px__grow_over_next) and marks the next unit taken in. */
void px__take_in_next(unit_run *ur, rec *r)
{
    px__grow_over_next(ur->c, ur->u, r);
    *ur->consumed_next = true;
}
