/*
 * mention.c - the people an article names, so that a speaker written as
 * "he", "the Russian leader", "Mr Macron" or "Sir Keir" can be resolved to
 * the fullest name the article gives ("Emmanuel Macron"). One pass over
 * the tokens outside quotations collects name runs (capitalised words)
 * with the role words before them ("Ukrainian President", "defence
 * analyst", "Mr"); names are grouped into entities by their last word and
 * each entity keeps its roles ("ukrainian president", and "ukrainian
 * leader" for a head of state or government).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "../entity/entity.h"
#include "quote.h"




bool px__is_role_word(const char *w, size_t len)
{
    return (px__lex(w, len) & LX_ROLE) != 0;
}

/* Titles written right before a name; never part of the name itself. */
static bool is_honorific(const char *w, size_t len)
{
    return (px__lex(w, len) & LX_HONOR) != 0;
}

bool px__is_person_pronoun(const char *w, size_t len)
{
    return (px__lex(w, len) & LX_PERSPRON) != 0;
}

/* Capitalised words that start sentences or name times, not people. */
static bool is_name_stopword(const char *w, size_t len)
{
    return (px__lex(w, len) & LX_NAMESTOP) != 0;
}

/* Appends the folded name to b (sticky oom). A word is folded on the
 * stack; only a longer text needs the heap, and not for a fixed buffer,
 * which must not allocate (px__mentions_role). */
static void fold_name_into(px_buf *b, const char *s, size_t len)
{
    /* drop a possessive 's / ’s / s' */
    if (len > 3 && s[len - 2] == '\'' && s[len - 1] == 's')
        len -= 2;
    else if (len > 5 && !memcmp(s + len - 4, "\xe2\x80\x99s", 4))
        len -= 4;
    /* ASCII (nearly every name in English news): no need for utf8proc */
    size_t k = 0;
    while (k < len && !(s[k] & 0x80))
        k++;
    if (k == len) {
        if (!px_buf_grow(b, len))
            return;
        for (size_t i = 0; i < len; i++)
            if (s[i] != '.')
                b->ptr[b->len++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        b->ptr[b->len] = '\0';
        return;
    }
    int32_t local[256];
    char *heap = NULL;
    const int opts = UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE;
    ptrdiff_t r = px__utf8_map_local(s, len, local, PX_ARRAY_LEN(local), opts);
    if (r == PX__UTF8_TOO_LONG && !b->fixed)
        r = px__utf8_map(s, len, &heap, opts);
    if (r == UTF8PROC_ERROR_NOMEM || r == PX__UTF8_TOO_LONG) {
        b->oom = true;
        return;
    }
    const char *o = r < 0 ? s : heap ? heap : (const char *)local;
    size_t n = r < 0 ? len : (size_t)r;
    /* "u.s." -> "us" */
    for (size_t i = 0; i < n; i++)
        if (o[i] != '.')
            px_buf_putc(b, o[i]);
    free(heap);
}

char *px__fold_name(const char *s, size_t len)
{
    px_buf b = PX_BUF_INIT;
    fold_name_into(&b, s, len);
    return px_buf_detach(&b);
}

static bool tok_is(const px_doc *doc, size_t i, const char *lit)
{
    const px_token *t = &doc->toks[i];
    size_t len = t->end - t->start;
    return strlen(lit) == len && !strncmp(doc->text + t->start, lit, len);
}

static bool has_clitic(const char *w, size_t len);
typedef struct casing casing;
static bool confirmed_name(const px_doc *doc, const casing *cs, size_t i);
static bool in_title_case(const casing *cs, size_t i);

/* Can token i be part of a name: a capitalised word outside quotations
 * that is no function word, role, shouting nor contraction ("I'm"); in
 * a Title Case headline, one the article capitalises inside a sentence
 * too ("Microsoft Launches Emergency Patch": "Microsoft" only). */
static bool is_name_token(const px_doc *doc, const px__qscan *qs, const uint32_t *lex,
                          const casing *cs, size_t i)
{
    const px_token *t = &doc->toks[i];
    if (t->kind != PX_TOK_WORD || !(t->flags & PX_TF_CAP) || (t->flags & PX_TF_HANDLE) ||
        qs->tok_quote[i] != PX__NO_QUOTE)
        return false;
    size_t len = t->end - t->start;
    if (lex[i] & (LX_NAMESTOP | LX_ROLE))
        return false;
    /* all-capital words longer than 3 letters are shouting, not names */
    if ((t->flags & PX_TF_ALLCAPS) && len > 4)
        return false;
    if (has_clitic(doc->text + t->start, len))
        return false;
    return !in_title_case(cs, i) || (t->flags & PX_TF_ALLCAPS) || confirmed_name(doc, cs, i);
}

static bool role_token(const px_doc *doc, const px__qscan *qs, const uint32_t *lex, size_t i)
{
    const px_token *t = &doc->toks[i];
    if (qs->tok_quote[i] != PX__NO_QUOTE || t->kind != PX_TOK_WORD)
        return false;
    return (lex[i] & LX_ROLE) != 0;
}

/* appends folded words of tokens [a, b) separated by spaces */
static void put_folded(px_buf *b, const px_doc *doc, size_t a, size_t e)
{
    for (size_t i = a; i < e; i++) {
        const px_token *t = &doc->toks[i];
        if (t->kind != PX_TOK_WORD)
            continue;
        if (b->len && b->ptr[b->len - 1] != '|')
            px_buf_putc(b, ' ');
        fold_name_into(b, doc->text + t->start, t->end - t->start);
    }
}

static int32_t find_entity(px__mentions *m, const char *full, uint64_t hash)
{
    for (size_t i = 0; i < m->e.n; i++)
        if (m->e.v[i].name_hash == hash && !strcmp(m->e.v[i].name, full))
            return (int32_t)i;
    return -1;
}

/* false when memory ran out (the roles are then unchanged) */
static bool add_role(px__entity *e, const char *role)
{
    if (!role[0])
        return true;
    px_buf b = PX_BUF_INIT;
    if (e->roles) {
        /* already there? */
        size_t rl = strlen(role);
        for (const char *p = e->roles; p && *p;) {
            const char *bar = strchr(p, '|');
            size_t l = bar ? (size_t)(bar - p) : strlen(p);
            if (l == rl && !strncmp(p, role, l))
                return true;
            p = bar ? bar + 1 : NULL;
        }
        px_buf_puts(&b, e->roles);
        px_buf_putc(&b, '|');
    }
    px_buf_puts(&b, role);
    char *roles = px_buf_detach(&b);
    if (!roles)
        return false;
    free(e->roles);
    e->roles = roles;
    return true;
}

/* ---- what the article itself tells of the case of its words ---- */

/* A set of word hashes (open addressing, 0 = empty slot). */
typedef struct word_set {
    uint64_t *v;
    size_t cap, n;
} word_set;

/* The hash of a word folded to lower case (ASCII), a possessive dropped
 * (FNV-1a: words are short, and every word of the article is hashed). */
static uint64_t word_hash(const char *w, size_t len)
{
    if (len > 2 && w[len - 2] == '\'' && w[len - 1] == 's')
        len -= 2;
    else if (len > 4 && !memcmp(w + len - 4, "\xe2\x80\x99s", 4))
        len -= 4;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t k = 0; k < len; k++) {
        unsigned char ch = (unsigned char)w[k];
        h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch + 32u : ch)) * 0x100000001b3ull;
    }
    return h ? h : 1;
}

static bool set_has(const word_set *s, uint64_t h)
{
    if (!s->cap)
        return false;
    for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->v[i])
            return false;
        if (s->v[i] == h)
            return true;
    }
}

static bool set_add(word_set *s, uint64_t h)
{
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        uint64_t *v = px__calloc(cap, sizeof(*v));
        if (!v)
            return false;
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i])
                for (size_t j = s->v[i] & (cap - 1);; j = (j + 1) & (cap - 1))
                    if (!v[j]) {
                        v[j] = s->v[i];
                        break;
                    }
        free(s->v);
        s->v = v;
        s->cap = cap;
    }
    for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (s->v[i] == h)
            return true;
        if (!s->v[i]) {
            s->v[i] = h;
            s->n++;
            return true;
        }
    }
}

/* The case evidence of one article: the words it writes capitalised
 * where nothing forces a capital (inside a sentence of body text), and
 * the tokens of headlines in Title Case, where capitals tell nothing.
 * (Whether it writes a word in lower case is asked of few words:
 * written_lower scans the tokens of its first letter.) */
struct casing {
    word_set midcap;
    uint8_t *title_case; /* per token */
    /* the tokens by their first byte: those of byte x are
     * by_first[first_at[x] .. first_at[x + 1]) (written_lower) */
    uint32_t *by_first;
    uint32_t first_at[257];
};

/* Does the place of token i capitalise any word: a sentence's or a
 * line's start, or after a colon, a quotation mark or a dash? */
static bool capitalising_position(const px_doc *doc, size_t i)
{
    const px_token *t = &doc->toks[i];
    if (i == 0 || (t->flags & (PX_TF_SENT_START | PX_TF_NL_BEFORE)))
        return true;
    const px_token *p = t - 1;
    return p->kind == PX_TOK_QUOTE || p->kind == PX_TOK_DASH ||
           (p->kind == PX_TOK_PUNCT && (doc->text[p->start] == ':' || doc->text[p->start] == '('));
}

/* Is sentence s a line in Title Case: a headline block's, or a line of
 * its own without a final full stop ("Microsoft Launches Emergency Patch
 * for Internet Explorer") whose longer words nearly all have capitals? */
static bool title_case_line(const px_doc *doc, const px_sentence *s)
{
    if (px__title_case_sentence(doc, s))
        return true;
    if (!s->n_tokens)
        return false;
    const px_token *last = &doc->toks[s->first_token + s->n_tokens - 1];
    if (last->kind != PX_TOK_WORD || s->n_tokens > 24)
        return false;
    size_t words = 0, caps = 0;
    for (size_t t = s->first_token; t < s->first_token + s->n_tokens; t++) {
        const px_token *k = &doc->toks[t];
        if (k->kind != PX_TOK_WORD || k->end - k->start < 4)
            continue;
        words++;
        caps += (k->flags & PX_TF_CAP) != 0;
    }
    return words >= 4 && caps * 10 >= words * 8;
}

static int casing_build(const px_doc *doc, casing *cs)
{
    memset(cs, 0, sizeof(*cs));
    cs->title_case = px__calloc(doc->n_toks + 1, 1);
    cs->by_first = px__malloc((doc->n_toks + 1) * sizeof(*cs->by_first));
    if (!cs->title_case || !cs->by_first)
        return PX_ENOMEM;
    for (size_t i = 0; i < doc->n_toks; i++)
        cs->first_at[(unsigned char)doc->text[doc->toks[i].start] + 1]++;
    for (size_t x = 1; x < 257; x++)
        cs->first_at[x] += cs->first_at[x - 1];
    uint32_t fill[256];
    memcpy(fill, cs->first_at, sizeof(fill));
    for (size_t i = 0; i < doc->n_toks; i++)
        cs->by_first[fill[(unsigned char)doc->text[doc->toks[i].start]]++] = (uint32_t)i;
    for (size_t si = 0; si < doc->n_sents; si++) {
        const px_sentence *s = &doc->sents[si];
        bool tc = title_case_line(doc, s);
        for (size_t i = s->first_token; i < s->first_token + s->n_tokens; i++) {
            const px_token *t = &doc->toks[i];
            if (tc) {
                cs->title_case[i] = 1;
                continue;
            }
            if (!(t->flags & PX_TF_CAP) || t->kind != PX_TOK_WORD ||
                (t->flags & (PX_TF_URL | PX_TF_HANDLE)) || capitalising_position(doc, i))
                continue;
            if (!set_add(&cs->midcap, word_hash(doc->text + t->start, t->end - t->start)))
                return PX_ENOMEM;
        }
    }
    return PX_OK;
}

static void casing_release(casing *cs)
{
    free(cs->midcap.v);
    free(cs->title_case);
    free(cs->by_first);
}

static bool in_title_case(const casing *cs, size_t i)
{
    return cs->title_case[i] != 0;
}

/* Does the article write the word at token i capitalised inside a
 * sentence? */
static bool confirmed_name(const px_doc *doc, const casing *cs, size_t i)
{
    const px_token *t = &doc->toks[i];
    return set_has(&cs->midcap, word_hash(doc->text + t->start, t->end - t->start));
}

/* "I'm", "They've", "Don't", "He’d": a word with a clitic is no name
 * ("O'Neill", "D'Amato" are). */
static bool has_clitic(const char *w, size_t len)
{
    for (size_t k = len; k-- > 0;) {
        size_t after;
        if (w[k] == '\'')
            after = k + 1;
        else if (k + 3 <= len && !memcmp(w + k, "\xe2\x80\x99", 3))
            after = k + 3;
        else
            continue;
        size_t n = len - after;
        const char *x = w + after;
        return (n == 1 && (*x == 'm' || *x == 'd' || *x == 't')) ||
               (n == 2 && (!memcmp(x, "ve", 2) || !memcmp(x, "ll", 2) || !memcmp(x, "re", 2)));
    }
    return false;
}

/* Words that open a sentence and never a name: conjunctions,
 * prepositions and interjections the lexicon does not hold. */
static bool opener_word(const char *w, size_t len)
{
    static const char *const words[] = {
        "whether", "unlike", "neither", "nor", "either", "unless", "until", "without", "within",
        "among", "amid", "amidst", "toward", "towards", "upon", "including", "except",
        "besides", "like", "than", "whereas", "whilst", "lest", "ah", "hey", "alas", "perhaps",
        "maybe", "enter", "meet", "every", "everything", "everyone", "nothing", "something",
        "several", "anyone", "someone", "whoever", "another", "certain", "nobody", "none"};
    char buf[16];
    if (len >= sizeof buf)
        return false;
    for (size_t k = 0; k < len; k++)
        buf[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
    for (size_t i = 0; i < PX_ARRAY_LEN(words); i++)
        if (strlen(words[i]) == len && !memcmp(words[i], buf, len))
            return true;
    return false;
}

/* Is the word at token i, which opens a run of capitalised words at the
 * start of a sentence, a word of the sentence rather than a first name:
 * a function word, an adverb in -ly, a form in -ing or a reporting verb
 * that the article never capitalises inside a sentence ("Whether
 * Bartleby", "Accordingly Turkey", "Said Ellis", "Injecting Clinton")?
 * Being written in lower case elsewhere is no proof: "Bill Clinton",
 * "Rich Lowry", "Mark Warner". */
static bool sentence_opener(const px_doc *doc, const uint32_t *lex, const casing *cs, size_t i)
{
    const px_token *t = &doc->toks[i];
    size_t len = t->end - t->start;
    const char *w = doc->text + t->start;
    if (!capitalising_position(doc, i) || (t->flags & PX_TF_ALLCAPS) ||
        set_has(&cs->midcap, word_hash(w, len)))
        return false;
    if ((lex[i] & (LX_PREP | LX_DET | LX_PRON | LX_AUX | LX_NOTAPPOS | LX_NPSTOP | LX_VERB |
                   LX_THAT | LX_PART)) ||
        opener_word(w, len))
        return true;
    return (len > 4 && w[len - 2] == 'l' && w[len - 1] == 'y') ||
           (len > 5 && !memcmp(w + len - 3, "ing", 3));
}

/* The first token of the name at the end of the run [ns, ne): its last
 * word with the first name and initials before it ("State John F.
 * Kerry" -> "John F. Kerry"). */
static size_t name_tail_start(const px_doc *doc, size_t ns, size_t ne)
{
    size_t k = ne - 1;
    while (k > ns) {
        const px_token *t = &doc->toks[k - 1];
        size_t len = t->end - t->start;
        bool initial = len == 1 || (len == 2 && doc->text[t->start + 1] == '.');
        if (!initial)
            break;
        k--;
    }
    return k > ns ? k - 1 : k;
}

/* Narrows the run of capitalised words [*ns, ne) to the name it holds:
 * not a unit after a number ("2:30 PM", "10 a.m. ET"), not the word that
 * opens the sentence (sentence_opener), not the office after a title
 * with "of" ("Secretary of State John Kerry", "Speaker of the House Paul
 * Ryan"). False when no name is left, or the run is the pronoun "I". */
static bool narrow_run(const px_doc *doc, const uint32_t *lex, const casing *cs, size_t *ns,
                       size_t ne)
{
    size_t s = *ns;
    while (s < ne && s > 0 && (doc->toks[s].flags & PX_TF_ALLCAPS) &&
           doc->toks[s].end - doc->toks[s].start <= 4 &&
           (doc->toks[s - 1].kind == PX_TOK_NUMBER ||
            (s > *ns && (doc->toks[s - 1].flags & PX_TF_ALLCAPS))))
        s++;
    if (s + 1 < ne && sentence_opener(doc, lex, cs, s))
        s++;
    size_t of = s;
    if (of >= 2 && tok_is(doc, of - 1, "the"))
        of--;
    if (of >= 2 && tok_is(doc, of - 1, "of") && (lex[of - 2] & LX_ROLE) && ne - s > 2)
        s = name_tail_start(doc, s, ne);
    *ns = s;
    if (s == ne)
        return false;
    return !(ne - s == 1 && doc->toks[s].end - doc->toks[s].start == 1 &&
             doc->text[doc->toks[s].start] == 'I');
}

/* The first of the role words written before the name at ns ("Ukrainian
 * President", "defence analyst", "Former U.S. President"); ns when none,
 * and *has_role tells whether there was one. */
static size_t role_start(const px_doc *doc, const px__qscan *qs, const uint32_t *lex, size_t ns,
                         bool *has_role)
{
    size_t rs = ns;
    *has_role = false;
    while (rs > 0 && ns - rs < 6) {
        size_t k = rs - 1;
        const px_token *t = &doc->toks[k];
        if (qs->tok_quote[k] != PX__NO_QUOTE || t->kind != PX_TOK_WORD)
            break;
        const char *w = doc->text + t->start;
        size_t len = t->end - t->start;
        if (role_token(doc, qs, lex, k)) {
            *has_role = true;
            rs = k;
        } else if (*has_role && rs > 0 &&
                   ((t->flags & PX_TF_CAP) || !strncmp(w, "former", len) ||
                    (len > 3 && !is_name_stopword(w, len) && (t->flags & PX_TF_CAP) == 0 &&
                     rs == k + 1 && k + 1 < ns && role_token(doc, qs, lex, k + 1)))) {
            if ((t->flags & PX_TF_CAP) && is_name_stopword(w, len) && !tok_is(doc, k, "Former"))
                break;
            rs = k;
        } else
            break;
    }
    return rs;
}

/* Keeps the roles written before a name [rs, ns) with its entity: the
 * role without honorifics ("ukrainian president"), "leader" for a head
 * of state or government, and the bare role noun ("president"). False
 * when memory ran out. */
static bool note_roles(px__entity *e, const px_doc *doc, size_t rs, size_t ns, px_buf *b)
{
    e->person = true;
    px_buf_clear(b);
    size_t a = rs;
    while (a < ns &&
           is_honorific(doc->text + doc->toks[a].start, doc->toks[a].end - doc->toks[a].start) &&
           !tok_is(doc, a, "President") && !tok_is(doc, a, "president"))
        a++;
    size_t z = ns;
    while (z > a &&
           is_honorific(doc->text + doc->toks[z - 1].start,
                        doc->toks[z - 1].end - doc->toks[z - 1].start) &&
           !tok_is(doc, z - 1, "President"))
        z--;
    if (z <= a)
        return true;
    put_folded(b, doc, a, z);
    if (b->oom || !add_role(e, b->ptr))
        return false;
    static const char *const heads[] = {" president", " prime minister", " chancellor",
                                        " premier"};
    for (size_t h = 0; h < PX_ARRAY_LEN(heads); h++) {
        char *at = strstr(b->ptr, heads[h]);
        if (at && at[strlen(heads[h])] == 0) {
            px_buf lead = PX_BUF_INIT;
            px_buf_put(&lead, b->ptr, (size_t)(at - b->ptr));
            px_buf_puts(&lead, " leader");
            bool ok = !lead.oom && add_role(e, lead.ptr);
            px_buf_release(&lead);
            if (!ok)
                return false;
        }
    }
    const char *sp = strrchr(b->ptr, ' ');
    return !sp || add_role(e, sp + 1);
}

/* Does the article write the word w (capitalised) in lower case
 * somewhere? A scan of the tokens that start with its letter in lower
 * case: few words are asked. */
static bool written_lower(const px_doc *doc, const casing *cs, const char *w, size_t len)
{
    if (len > 2 && w[len - 2] == '\'' && w[len - 1] == 's')
        len -= 2; /* "She's", "Police's" */
    else if (len > 4 && !memcmp(w + len - 4, "\xe2\x80\x99s", 4))
        len -= 4;
    unsigned char first = (unsigned char)(w[0] >= 'A' && w[0] <= 'Z' ? w[0] + 32 : w[0]);
    for (uint32_t j = cs->first_at[first]; j < cs->first_at[first + 1]; j++) {
        const px_token *o = &doc->toks[cs->by_first[j]];
        size_t ol = o->end - o->start;
        const char *x = doc->text + o->start;
        if (ol >= len && !memcmp(x + 1, w + 1, len - 1) &&
            (ol == len || (ol == len + 2 && !memcmp(x + len, "'s", 2)) ||
             (ol == len + 4 && !memcmp(x + len, "\xe2\x80\x99s", 4))))
            return true; /* "people", "people's" */
    }
    return false;
}

/* Is the single capitalised word at token i, at a capital's place and
 * never capitalised inside a sentence, a common word rather than a
 * name: one the article writes in lower case, a plural ("Analysts",
 * "Dozens", "Witnesses"), a number ("Twelve") or a function word
 * ("Several", "Whoever")? */
static bool common_opener(const px_doc *doc, const casing *cs, size_t i)
{
    const px_token *t = &doc->toks[i];
    size_t len = t->end - t->start;
    const char *w = doc->text + t->start;
    long v;
    if (!capitalising_position(doc, i) || (t->flags & PX_TF_ALLCAPS))
        return false;
    uint64_t h = word_hash(w, len);
    if (set_has(&cs->midcap, h))
        return false;
    return opener_word(w, len) || px__number_word(w, len, &v) ||
           (len > 3 && w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != 'u' &&
            w[len - 2] != 'i' && w[len - 2] != '\'') ||
           written_lower(doc, cs, w, len);
}

/* The entity of the name [ns, ne) (role words from rs): the one with the
 * same name, or the latest one a surname alone ends (or starts), or the
 * one known by its surname alone that this fuller form names; else a new
 * one. *ent = -1 for a common word that opens a sentence
 * (common_opener). */
static int name_entity(px__mentions *m, const px_doc *doc, const casing *cs, size_t ns,
                       size_t ne, size_t rs, px_buf *b, int32_t *ent)
{
    px_buf_clear(b);
    for (size_t k = ns; k < ne; k++) {
        const px_token *t = &doc->toks[k];
        if (b->len)
            px_buf_putc(b, ' ');
        size_t len = t->end - t->start;
        const char *w = doc->text + t->start;
        if (k + 1 == ne) {
            if (len > 2 && w[len - 2] == '\'' && w[len - 1] == 's')
                len -= 2;
            else if (len > 4 && !memcmp(w + len - 4, "\xe2\x80\x99s", 4))
                len -= 4;
        }
        px_buf_put(b, w, len);
    }
    char *full = px_buf_detach(b);
    if (!full)
        return PX_ENOMEM;
    uint64_t full_hash = px__hash(full, strlen(full), 0);
    int32_t e = find_entity(m, full, full_hash);
    if (e >= 0) {
        free(full);
        *ent = e;
        return PX_OK;
    }
    const px_token *lt = &doc->toks[ne - 1];
    const px_token *ft = &doc->toks[ns];
    char *key_last = px__fold_name(doc->text + lt->start, lt->end - lt->start);
    char *key_first = ne - ns > 1 ? px__fold_name(doc->text + ft->start, ft->end - ft->start)
                                   : NULL;
    if (!key_last || (ne - ns > 1 && !key_first))
        goto nomem;
    if (ne - ns == 1) {
        for (size_t x = m->e.n; x-- > 0 && e < 0;)
            if (!strcmp(m->e.v[x].key_last, key_last) ||
                (m->e.v[x].key_first && !strcmp(m->e.v[x].key_first, key_last)))
                e = (int32_t)x;
        if (e < 0 && rs == ns && common_opener(doc, cs, ns)) {
            free(full), free(key_last), free(key_first);
            *ent = -1;
            return PX_OK;
        }
    } else {
        for (size_t x = 0; x < m->e.n && e < 0; x++)
            if (m->e.v[x].n_name_toks == 1 && !strcmp(m->e.v[x].key_last, key_last))
                e = (int32_t)x;
    }
    if (e < 0) {
        px__entity ne_ = {full, ne - ns, key_last, key_first, NULL, false, full_hash};
        if (!PX_VEC_PUSH(m->e, ne_))
            goto nomem;
        *ent = (int32_t)m->e.n - 1;
        return PX_OK;
    }
    px__entity *x = &m->e.v[e];
    if (ne - ns > x->n_name_toks) {
        free(x->name), free(x->key_last), free(x->key_first);
        x->name = full, x->key_last = key_last, x->key_first = key_first;
        x->name_hash = full_hash;
        x->n_name_toks = ne - ns;
    } else {
        free(full), free(key_last), free(key_first);
    }
    *ent = e;
    return PX_OK;
nomem:
    free(full), free(key_last), free(key_first);
    return PX_ENOMEM;
}

/* Does token ne continue the run of capitalised words started at ns: a
 * name word in the same sentence and line, after a space? */
static bool continues_run(const px_doc *doc, const px__qscan *qs, const uint32_t *lex,
                          const casing *cs, size_t ns, size_t ne)
{
    if (!is_name_token(doc, qs, lex, cs, ne))
        return false;
    if (ne == ns)
        return true;
    const px_token *t = &doc->toks[ne];
    return t->start > t[-1].end && !(t->flags & (PX_TF_NL_BEFORE | PX_TF_SENT_START));
}

/* Finds the names of the article (runs of capitalised words, narrowed to
 * the name they hold, with the roles written before them) and groups
 * them into entities (name_entity). */
int px__mentions_build(const px_doc *doc, const px__qscan *qs, const uint32_t *lex,
                       px__mentions *m)
{
    memset(m, 0, sizeof(*m));
    size_t n = doc->n_toks;
    px_buf b = PX_BUF_INIT;
    casing cs;
    int rc = casing_build(doc, &cs);
    if (rc)
        goto done;
    rc = PX_ENOMEM;
    m->tok_mention = px__malloc((n + 1) * sizeof(*m->tok_mention));
    if (!m->tok_mention)
        goto done;
    for (size_t i = 0; i < n; i++)
        m->tok_mention[i] = -1;
    for (size_t i = 0; i < n;) {
        if (!is_name_token(doc, qs, lex, &cs, i)) {
            i++;
            continue;
        }
        size_t ns = i, ne = i;
        while (ne < n && continues_run(doc, qs, lex, &cs, ns, ne))
            ne++;
        i = ne;
        /* "Ukrainian President ...", "the Russian leader": an adjective */
        if (ne < n && doc->toks[ne].kind == PX_TOK_WORD && qs->tok_quote[ne] == PX__NO_QUOTE &&
            (lex[ne] & LX_ROLE))
            continue;
        /* a possessive ends a name: "Putin's press secretary Dmitry Peskov" */
        for (size_t k = ns; k < ne; k++) {
            const px_token *t = &doc->toks[k];
            size_t len = t->end - t->start;
            const char *w = doc->text + t->start;
            if ((len > 2 && w[len - 2] == '\'' && w[len - 1] == 's') ||
                (len > 4 && !memcmp(w + len - 4, "\xe2\x80\x99s", 4))) {
                ne = k + 1;
                break;
            }
        }
        if (!narrow_run(doc, lex, &cs, &ns, ne))
            continue;
        bool has_role;
        size_t rs = role_start(doc, qs, lex, ns, &has_role);
        int32_t ent;
        if ((rc = name_entity(m, doc, &cs, ns, ne, rs, &b, &ent)))
            goto done;
        rc = PX_ENOMEM;
        if (ent < 0)
            continue;
        px__entity *e = &m->e.v[ent];
        if (has_role && !note_roles(e, doc, rs, ns, &b))
            goto done; /* rc is PX_ENOMEM */
        /* followed by ", who" or a reporting verb: a person */
        if (ne + 1 < n && tok_is(doc, ne, ",") && tok_is(doc, ne + 1, "who"))
            e->person = true;
        if (ne < n && (lex[ne] & LX_VERB))
            e->person = true;
        px__mention mm = {(uint32_t)rs, (uint32_t)ne, (uint32_t)ns, ent};
        if (!PX_VEC_PUSH(m->m, mm))
            goto done;
        for (size_t k = rs; k < ne; k++)
            m->tok_mention[k] = (int32_t)m->m.n - 1;
    }
    rc = PX_OK;
done:
    px_buf_release(&b);
    casing_release(&cs);
    return rc;
}

void px__mentions_release(px__mentions *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->e.n; i++) {
        free(m->e.v[i].name);
        free(m->e.v[i].key_last);
        free(m->e.v[i].key_first);
        free(m->e.v[i].roles);
    }
    PX_VEC_FREE(m->e);
    PX_VEC_FREE(m->m);
    free(m->tok_mention);
    m->tok_mention = NULL;
}

static bool has_role(const px__entity *e, const char *role)
{
    if (!e->roles)
        return false;
    size_t rl = strlen(role);
    for (const char *p = e->roles; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        if (l == rl && !strncmp(p, role, l))
            return true;
        p = bar ? bar + 1 : NULL;
    }
    return false;
}

/* the latest mention of entity e before token `before`, or 0 */
static uint32_t last_seen(const px__mentions *m, int32_t e, uint32_t before)
{
    uint32_t best = 0;
    for (size_t i = 0; i < m->m.n && m->m.v[i].start_tok < before; i++)
        if (m->m.v[i].entity == e)
            best = m->m.v[i].start_tok + 1;
    return best;
}

int32_t px__mentions_lookup(const px_doc *doc, const px__mentions *m, uint32_t a, uint32_t b,
                            uint32_t before)
{
    /* a name inside the span: its mention's entity */
    for (uint32_t i = a; i < b && i < doc->n_toks; i++)
        if (m->tok_mention[i] >= 0 && m->m.v[m->tok_mention[i]].name_tok >= a &&
            m->m.v[m->tok_mention[i]].name_tok < b)
            return m->m.v[m->tok_mention[i]].entity;
    return px__mentions_role(doc, m, a, b, before);
}

int32_t px__mentions_role(const px_doc *doc, const px__mentions *m, uint32_t a, uint32_t b,
                          uint32_t before)
{
    /* the role is folded on the stack, so this cannot fail: a role too
     * long for it matches none */
    char storage[512];
    px_buf r;
    px_buf_init_fixed(&r, storage, sizeof storage);
    uint32_t s = a;
    while (s < b && doc->toks[s].kind == PX_TOK_WORD &&
           (tok_is(doc, s, "the") || tok_is(doc, s, "The") || tok_is(doc, s, "a") ||
            tok_is(doc, s, "A")))
        s++;
    uint32_t e = s;
    while (e < b && doc->toks[e].kind == PX_TOK_WORD)
        e++;
    if (e == s || !px__is_role_word(doc->text + doc->toks[e - 1].start,
                                    doc->toks[e - 1].end - doc->toks[e - 1].start)) {
        px_buf_release(&r);
        return -1;
    }
    put_folded(&r, doc, s, e);
    int32_t best = -1;
    uint32_t best_seen = 0;
    for (size_t k = 0; k < m->e.n && !r.oom; k++) {
        if (!has_role(&m->e.v[k], r.ptr))
            continue;
        uint32_t seen = last_seen(m, (int32_t)k, before);
        if (best < 0 || seen > best_seen)
            best = (int32_t)k, best_seen = seen;
    }
    px_buf_release(&r);
    return best;
}
