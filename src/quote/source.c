/*
 * source.c - the source finder beyond the bare noun phrase (np.c): the
 * appositives and parentheses that PolNeAR counts in a source, asides
 * between dashes, subjects of participle clauses ("with 30 percent of
 * voters saying"), the issuer of a message ("released a statement
 * saying"). Which entity a source names is speaker.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

/* The end of the source of "according to" [s, e) over its appositives,
 * as PolNeAR spans it: "according to Andy Smith, director of the Survey
 * Center, which conducted the poll", "According to Lorella Praeli,
 * Clinton's Latino vote director, the campaign has ..." (the closing
 * comma with it). A leading one needs that closing comma before its
 * content. */
uint32_t px__according_appositive(const ctx *c, uint32_t s, uint32_t e, uint32_t b,
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
uint32_t px__source_end(const ctx *c, uint32_t e, uint32_t k)
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
uint32_t px__subject_end(const ctx *c, uint32_t e, uint32_t b)
{
    e = px__source_end(c, e, b);
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
uint32_t px__source_cut(const ctx *c, uint32_t sa, uint32_t sb)
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
                if (!in_quote(c, y) && px__used_as_verb(c, y))
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

/* The source [sa, sb) is a lone participle, after "a", "an" or "the" at
 * most ("it was [drawing] complaints", "the violence, [raising] fears",
 * "the Belgians tracked down [the sole surviving] suspect", "[a leading]
 * advocate for"): a verb or an adjective without its noun is no noun
 * phrase of a source (PolNeAR has one such source in 22,000). */
bool px__lone_participle(const ctx *c, uint32_t sa, uint32_t sb)
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

/* "Trump was asked what he thought": the subject of a passive "asked" is
 * the one asked, not the source of the question */
bool px__passive_asked(const ctx *c, const rec *r)
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

/* The subject that opens the clause of a participle cue at k: a
 * pronoun or a capitalised name (with its appositive) at the start of the
 * unit or after an opening adverbial ("Earlier Sunday, Trump ...", "In a
 * statement, she ..."), followed by a lower-case word. Returns its first
 * token and sets *end; *end == start when there is none. */
uint32_t px__clause_subject(const ctx *c, uint32_t a, uint32_t k, uint32_t *end)
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
        e = px__subject_end(c, e, k);
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

/* The verb group of a clause whose object is a nominal cue at k ("These
 * voters [are] skeptical of", "Trump notably [made] no mention of", "The
 * editorial [is] actually a rousing defense of"): the first token of the
 * finite verb (with the adverbs before it) a few words before k, when
 * only the verb's complement stands between; k when there is none. The
 * noun phrase before it is the clause's subject, the holder of the
 * attitude or the maker of the statement the noun names. */
uint32_t px__noun_cue_verb(const ctx *c, uint32_t a, uint32_t k)
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
        bool verb = px__finite_verb(c, i) || (lexf(c, i) & LX_AUX) ||
                    is_any(c, i, verbs, PX_ARRAY_LEN(verbs)) ||
                    (is_ed_word(c, i) && !(i > a && (lexf(c, i - 1) & LX_DET)));
        if (px__receive_verb(c, i, i + 1))
            return k;
        if (verb || (v < k && (is_ly_adverb(c, i) || is_any(c, i, degree, PX_ARRAY_LEN(degree)))))
            v = i;
        else if (v < k)
            break;
    }
    return v;
}

/* The attribution r found before the cue at p in unit un has the
 * unit's subject as its source, written before its own cue: a second verb
 * joined by "and" shares it ("X defended the route and said ..."). */
bool px__shared_subject(const ctx *c, const unit *un, const rec *r, uint32_t p)
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

/* The verb before "to" (token t) that takes a reporting verb as its
 * infinitive and keeps the subject's voice: "went on to", "continued to",
 * "proceeded to", "was quick to" (not "refused to", "declined to": what
 * follows was not said). Returns its first token, or t when there is
 * none. */
uint32_t px__infinitive_governor(const ctx *c, uint32_t a, uint32_t t)
{
    if (t < a + 2 || in_quote(c, t - 1) || c->t[t - 1].kind != PX_TOK_WORD)
        return t;
    uint32_t g = t - 1;
    if (is(c, g, "on") && g > a &&
        (is(c, g - 1, "went") || is(c, g - 1, "goes") || is(c, g - 1, "go") ||
         is(c, g - 1, "going") || is(c, g - 1, "gone")))
        return g - 1;
    if (is(c, g, "quick") && g > a && px__be_form(c, g - 1))
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
uint32_t px__dash_aside_start(const ctx *c, uint32_t a, uint32_t p)
{
    if (p < a + 4 || c->t[p - 1].kind != PX_TOK_DASH || in_quote(c, p - 1))
        return p;
    for (uint32_t o = p - 2; o > a + 1 && p - o <= 40; o--) {
        if (in_quote(c, o))
            continue;
        if (c->t[o].kind == PX_TOK_DASH)
            return o + 2 < p ? o : p;
        if (c->t[o].kind == PX_TOK_PUNCT && strchr(".!?;:", tstr(c, o)[0]) && !px__glued(c, o) &&
            !(c->t[o].flags & PX_TF_ABBREV))
            return p;
    }
    return p;
}

/* Is the aside between the dashes o and e a part of the source, as
 * PolNeAR spans it? An appositive or addition is ("Jason Sims — a teacher
 * from Ohio —", "Democrats — and some Republicans —"); a relative clause,
 * an adverbial or a clause of its own is not ("Joyce — who is listed as
 * an attorney —", "Murphy — after a knock on wood —", "the Post — even
 * the devil can quote statistics —"). */
bool px__aside_in_source(const ctx *c, uint32_t o, uint32_t e)
{
    static const char *const opener[] = {
        "who", "whose", "whom", "which", "that", "in", "on", "at", "after", "before",
        "during", "with", "while", "when", "as", "since", "despite", "amid", "though",
        "although", "if", "because", "by", "via", "speaking", "according"};
    if (is_any(c, o + 1, opener, PX_ARRAY_LEN(opener)))
        return false;
    for (uint32_t i = o + 1; i + 1 < e; i++)
        if (!in_quote(c, i) && px__is_finite_aux(c, i))
            return false;
    return true;
}

/* The reporting verb k, whose object starts at token s, introduces a
 * clause: "that", a quotation or a subject pronoun follows ("A letter
 * obtained by the AP warns that ...", "Text messages found on the phone
 * suggested they ..."), not a noun phrase ("One of his recent reads
 * ..."). */
bool px__clause_follows(const ctx *c, uint32_t k, uint32_t s)
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
uint32_t px__with_subject(const ctx *c, uint32_t a, uint32_t k)
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
            px__share_end(c, a, w - 1)) &&
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
          px__share_opener(c, w) > w || is(c, w, "many") || is(c, w, "each")))
        return k;
    return w;
}

/* "The town released a statement Wednesday saying ...", "His office put
 * out a statement saying ...", "Rubio's campaign sent out a press release
 * saying ...": the participle k reports what a message said that the
 * subject issued, so the subject is its source. When a word for a
 * message (and a time) stands before k, the object of a verb of issuing
 * a few words before, returns that verb's token, else k. */
uint32_t px__issued_message(const ctx *c, uint32_t a, uint32_t k)
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
    uint32_t ts = px__time_phrase_start(c, a, n); /* "a statement Wednesday saying" */
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

/* The token after the source of the finite verb k, when the source stands
 * before it: back over auxiliaries and adverbs ("has also said"), the verb
 * that governs an infinitive ("He went on to say", "Trump continued to
 * question", "Sexton was quick to point out", "she declined to claim"), an
 * aside between dashes (its end goes to *aside_end, 0 when none), "be" of
 * a progressive (prog: "is now saying"), a time ("The committee this week
 * announced", "Pence on Thursday blamed"; not "a poll released Thursday
 * found"), a party ("Sen. Elizabeth Warren (D-MA) said") and a connective
 * between commas ("The two lawmakers, however, argue"). */
static uint32_t source_stop(const ctx *c, uint32_t a, uint32_t k, bool prog, uint32_t *aside_end)
{
    uint32_t p = k;
    *aside_end = 0;
    for (;;) {
        p = px__verb_group_start(c, a, p);
        if (p == k && p > a + 2 && is(c, p - 1, "to") && !in_quote(c, p - 1)) {
            uint32_t g = px__infinitive_governor(c, a, p - 1);
            if (g < p - 1) {
                p = g;
                continue;
            }
        }
        if (!*aside_end && px__dash_aside_start(c, a, p) < p) {
            *aside_end = p;
            p = px__dash_aside_start(c, a, p);
            continue;
        }
        if (prog && p > a + 1 && px__be_form(c, p - 1)) {
            p--;
            continue;
        }
        if (p > a + 1) {
            uint32_t ts = px__time_phrase_start(c, a, p - 1);
            if (ts < p && ts > a && !is_ed_word(c, ts - 1) && !is(c, ts - 1, "out") &&
                !is_punct(c, ts - 1, ',') && !(lexf(c, ts - 1) & LX_PREP)) {
                p = ts;
                continue;
            }
        }
        if (p > a + 2 && is_punct(c, p - 1, ')') && !in_quote(c, p - 1)) {
            uint32_t o = px__paren_open_before(c, a, p);
            if (is_punct(c, o, '(') && o > a) {
                p = o;
                continue;
            }
        }
        if (p > a + 3 && is_punct(c, p - 1, ',') && is_punct(c, p - 3, ',') &&
            (is(c, p - 2, "however") || is(c, p - 2, "meanwhile") || is(c, p - 2, "too") ||
             is(c, p - 2, "though") || is(c, p - 2, "instead") || is(c, p - 2, "though"))) {
            p -= 3;
            continue;
        }
        return p;
    }
}

/* "Officials at X, a division of Y, said", "Ramil Carr, 31, a
 * photographer, said": a source that ends with a comma before its verb at
 * p is the head noun phrase and its appositives, with the closing comma.
 * The head is the first comma-separated piece that starts like a name or
 * a noun phrase (after "But", "When"; "Former House speaker Newt
 * Gingrich, a Trump ally, said"). Returns its first token, or sa. */
static uint32_t appositive_head(const ctx *c, uint32_t a, uint32_t p, uint32_t sa)
{
    uint32_t starts[8];
    size_t ns = 0;
    uint32_t lo = p - 1;
    /* back to the sentence's start; "Mitch McConnell, R-Ky., said",
     * "(D-N.Y.), chairman of": no full stop */
    while (lo > a && p - lo < 48 && !in_quote(c, lo - 1) &&
           !(c->t[lo - 1].kind == PX_TOK_PUNCT && strchr(".!?;:", tstr(c, lo - 1)[0]) &&
             !(is_punct(c, lo - 1, '.') && is_punct(c, lo, ',')) &&
             !(is_punct(c, lo - 1, '.') && c->t[lo].start == c->t[lo - 1].end)))
        lo--;
    if (lo < p - 1 && is_punct(c, lo, ',') && lo > a && in_quote(c, lo - 1))
        lo++; /* "“...”, Michael Tyler, a spokesman, said" */
    starts[ns++] = lo;
    for (uint32_t x = lo; x + 1 < p - 1 && ns < 8; x++)
        if (is_punct(c, x, ','))
            starts[ns++] = x + 1;
    for (size_t z = 0; z + 1 < ns || (z < ns && ns == 1); z++) {
        uint32_t h = starts[z];
        uint32_t seg_end = z + 1 < ns ? starts[z + 1] - 1 : p - 1;
        while (h < seg_end && c->t[h].kind == PX_TOK_WORD &&
               (is(c, h, "but") || is(c, h, "and") || is(c, h, "when") || is(c, h, "while") ||
                is(c, h, "as") || is(c, h, "so") || is(c, h, "yet") || is(c, h, "because") ||
                is(c, h, "if") || is(c, h, "after") ||
                /* "Even Rendell, ...", not "Even if ..." */
                (is(c, h, "even") && h + 1 < seg_end &&
                 ((c->t[h + 1].flags & PX_TF_CAP) || (lexf(c, h + 1) & LX_DET)) &&
                 !(lexf(c, h + 1) & LX_NOTAPPOS))))
            h++;
        if (h >= seg_end || seg_end - h > 10 || ns < 2)
            return sa;
        bool head = (lexf(c, h) & LX_DET) || c->t[h].kind == PX_TOK_NUMBER ||
                    ((c->t[h].flags & PX_TF_CAP) &&
                     (!(lexf(c, h) & (LX_NAMESTOP | LX_PREP)) || is(c, h, "former")));
        bool verbish = false;
        for (uint32_t x = h; x < seg_end; x++)
            verbish |= cue_type(c, x) != CUE_NONE || (lexf(c, x) & LX_AUX) != 0;
        if (head && !verbish)
            return h;
    }
    return sa;
}

/* "“...,” Nate Silver, the polling guru who founded fivethirtyeight.com
 * tweeted", "“...,” the conservative-leaning newspaper wrote", "“...,”
 * this source told the Post": after a quotation, everything between it
 * and the verb at p (no cue, no auxiliary) is the source. Returns its
 * first token, or sa. */
static uint32_t source_after_quote(const ctx *c, uint32_t a, uint32_t p, uint32_t sa)
{
    uint32_t x = p;
    while (x > a && p - x < 30 && !in_quote(c, x - 1) && !is_terminal_tok(c, x - 1))
        x--;
    if (x < p && is_punct(c, x, ',') && x > a && closes_quote(c, x - 1))
        x++;
    if (!(x > a && x < p && closes_quote(c, x - 1) &&
          (((c->t[x].flags & PX_TF_CAP) && !(lexf(c, x) & LX_NAMESTOP)) ||
           ((lexf(c, x) & LX_DET) && !(lexf(c, x) & LX_PRON)) || is(c, x, "this"))))
        return sa;
    for (uint32_t y = x; y < p; y++)
        if (cue_type(c, y) != CUE_NONE || (lexf(c, y) & LX_AUX))
            return sa;
    return x;
}

/* The source of the finite reporting verb k (prog: a participle after
 * "be") that stands before it, in unit tokens from a: the noun phrase
 * before the verb group (px__np_before), the head of a restrictive
 * relative clause, a head with its appositives, or all words after a
 * quotation. Sets *p to the token after the source (the verb group's
 * start, source_stop) and *aside_end to the end of an aside between
 * dashes before the verb (0 when none). Returns the source's first token;
 * *p when there is none. */
uint32_t px__verb_source(const ctx *c, uint32_t a, uint32_t k, bool prog, uint32_t *p,
                         uint32_t *aside_end)
{
    uint32_t e = source_stop(c, a, k, prog, aside_end);
    uint32_t sa = e > a ? px__np_before(c, a, e - 1) : e;
    if (sa > a && sa < e)
        sa = px__restrictive_head(c, a, sa);
    if (e > a + 2 && is_punct(c, e - 1, ',') && !closes_quote(c, e - 2))
        sa = appositive_head(c, a, e, sa);
    if (sa == e || (sa > a && !closes_quote(c, sa - 1) && !is_punct(c, sa - 1, ',')))
        sa = source_after_quote(c, a, e, sa);
    *p = e;
    return sa;
}

/* A source [*sa, p) of the finite verb k found after a preposition is no
 * subject ("In a statement posted ..."), but an adjective and its
 * preposition may stand inside the subject ("people close to the
 * Clintons", "a source familiar with the talks"), and before a verb of
 * speech a clause start that opens a noun phrase and has no verb up to
 * the cue is all subject ("Staff for the House committee on Benghazi
 * said", "One in four voters in a Times poll said"). Moves *sa; returns
 * whether there is a source. */
bool px__source_after_prep(const ctx *c, uint32_t a, uint32_t k, uint32_t ke, uint32_t p,
                           uint32_t *sa)
{
    bool have_src = false;
    uint32_t x = *sa - 1;
    if (x > a + 1 && (is(c, x, "to") || is(c, x, "with")) &&
        (is(c, x - 1, "close") || is(c, x - 1, "closest") || is(c, x - 1, "familiar") ||
         is(c, x - 1, "loyal") || is(c, x - 1, "allied") || is(c, x - 1, "sympathetic") ||
         is(c, x - 1, "linked") || is(c, x - 1, "tied") || is(c, x - 1, "opposed") ||
         is(c, x - 1, "friendly") || is(c, x - 1, "connected"))) {
        uint32_t y = px__np_before(c, a, x - 2);
        if (y < x - 1 && !(y > a && (lexf(c, y - 1) & LX_PREP))) {
            *sa = y;
            have_src = true;
        }
    }
    if (have_src || !(is(c, k, "said") || is(c, k, "say") || is(c, k, "says") ||
                      px__data_verb(c, k) || px__clause_follows(c, k, ke)))
        return have_src;
    uint32_t y = *sa - 1;
    while (y > a && !in_quote(c, y - 1) && c->t[y - 1].kind != PX_TOK_DASH &&
           !(c->t[y - 1].kind == PX_TOK_PUNCT && strchr(",:;(", tstr(c, y - 1)[0])))
        y--;
    bool share = y < *sa && px__share_opener(c, y) > y; /* "About four in 10 voters" */
    bool clean = y < *sa && *sa - y <= 14 &&
                 ((c->t[y].flags & PX_TF_CAP) || (lexf(c, y) & LX_DET) ||
                  c->t[y].kind == PX_TOK_NUMBER || share) &&
                 (!(lexf(c, y) & (LX_PREP | LX_PRON)) || share) &&
                 (!(lexf(c, y) & LX_NAMESTOP) || (lexf(c, y) & LX_DET) || share);
    for (uint32_t i = y; i < p && clean; i++)
        clean = !in_quote(c, i) && cue_type(c, i) == CUE_NONE &&
                !((lexf(c, i) & LX_AUX) && i < *sa) && !is(c, i, "that") && !is(c, i, "when") &&
                !is(c, i, "if") && !is(c, i, "as");
    if (clean)
        *sa = y;
    return clean;
}

/* The checks of the source that every record gets (px__add_record): a
 * lone participle is no source (px__lone_participle); the subject of a
 * passive "asked" is the one asked, and the asker is the one after "by"
 * ("Rubio was asked by moderator Gerard Baker whether ..."), without a
 * time after it. */
void px__check_source(const ctx *c, rec *r)
{
    if (px__lone_participle(c, r->sa, r->sb)) {
        r->sa = r->sb = 0;
        r->entity = -1;
    }
    if (!px__passive_asked(c, r))
        return;
    r->sa = r->sb = 0;
    r->entity = -1;
    if (r->vb + 1 < r->ca && is(c, r->vb, "by") && r->ca - r->vb <= 8) {
        uint32_t e = r->ca, ts = px__time_phrase_start(c, r->vb + 1, r->ca - 1);
        bool np = true;
        if (ts > r->vb + 1 && ts < e)
            e = ts;
        for (uint32_t i = r->vb + 1; i < e && np; i++)
            np = c->t[i].kind == PX_TOK_WORD && !in_quote(c, i) && cue_type(c, i) == CUE_NONE;
        int32_t un = px__unit_of_token(c, r->vb);
        if (np && un >= 0) {
            r->sa = r->vb + 1, r->sb = e;
            r->entity = px__resolve(c, (size_t)un, r->sa, r->sb);
        }
    }
}
