/*
 * brief.c - the brief: extractive multi-document summarisation with
 * sources.
 *
 * All documents are taken as one story. Following Gillick and Favre's
 * concept model (ICSISumm, "A Scalable Global Model for Summarization",
 * 2009), the content units are concepts: bigrams of stemmed words, a
 * bigram of two stopwords excepted. A concept weighs the number of
 * documents that carry it, so what many outlets report counts, not what
 * one outlet repeats; concepts in too few documents weigh nothing; a
 * concept in a document's headline or first three sentences counts once
 * more for that document (a position prior). The brief is the set of
 * candidate sentences that covers the most concept weight within the
 * budget (words or sentences): a lazy greedy pass by gain per word
 * (budgeted maximum coverage, Khuller et al. 1999; Lin and Bilmes 2010),
 * then swaps that raise the coverage (a local search toward the ILP
 * optimum), then, with a word budget, the start of one more sentence
 * fills the words left. Covering a concept twice gains nothing, so
 * redundancy is avoided by the objective itself; a unigram cosine check
 * also rejects paraphrases that share few bigrams.
 *
 * Candidates are body and standfirst sentences that can stand alone:
 * 8 to 60 words, ending with a full stop or "!", no question, not mostly
 * quotation, not opening or closing inside a quotation, not in Title
 * Case, no dangling opening ("But", "However", "This", "It"), and a
 * leading "He"/"His" only when the sentence before names its subject,
 * which then replaces the pronoun. A wire dateline is not printed.
 *
 * Each chosen sentence's sources are the documents holding two
 * consecutive sentences that contain most of its content words (weighted
 * by idf, so the words that tell one event from a look-alike count
 * most). The brief is ordered by document date where every date is
 * known, else by the mean relative position of the sentence across its
 * sources (most outlets tell a story in the same order); a cut sentence
 * comes last.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "brief.h"

#define MIN_WORDS 8      /* shorter sentences are fragments or captions */
#define MAX_WORDS 60     /* longer ones crowd out the rest of a brief */
#define MAX_WORDS_SENT 45 /* the same when the budget is in sentences */
#define DEFAULT_SENTENCES 5
#define SWAP_WORK_MAX 2e7    /* chosen x sentences for the swap passes */
#define SUBJECT_WITHIN 8     /* tokens before a sentence's subject, at most */
/* unigram cosine above which two sentences say the same: a brief read by
 * people (a budget in sentences) is stricter than one cut to a word
 * budget, where ROUGE on the ECB+ proxy prefers 0.5 to 0.4 */
#define REDUNDANT_COSINE_WORDS 0.5
#define REDUNDANT_COSINE_SENTENCES 0.4
/* A document carries a sentence when two consecutive sentences of it hold
 * this share of the sentence's content words, each word weighing its idf
 * in the cluster plus a base (so the words every outlet uses still count
 * a little): on ECB+ look-alike events (bench/brief/attribution.py) 94%
 * of the sources so named report the same event. */
#define SOURCE_CONTAINED 0.4
#define SOURCE_BASE_WEIGHT 0.5
#define QUOTED_MAX 0.6       /* at most this share of words in quotes */
#define TITLE_CASE_SHARE 0.7 /* capitalised words of 4+ letters, at most */
#define LEAD_SENTENCES 3     /* body sentences that make a document's lead */
#define LEAD_BONUS 1.0       /* extra weight per document whose lead has it */

/* ---- interning: folded word forms, stems, concepts ---- */

typedef struct word_info {
    uint32_t stem;     /* stem id */
    uint32_t n_cap;    /* capitalised, not at a sentence start */
    uint32_t n_lower;  /* lowercase occurrences */
    bool stop;
} word_info;

typedef struct slot {
    uint64_t key;
    uint32_t val;
    uint32_t used;
} slot;

/* Open addressing, linear probing; keys are 64-bit hashes or packed
 * pairs. For strings the caller checks the string behind a hit. */
typedef struct map64 {
    slot *s;
    size_t cap, n; /* cap a power of two */
} map64;

/* The home slot of a key in a table of cap (a power of two) slots: the
 * key is mixed (murmur3's finaliser) so packed pairs that differ only in
 * their high half spread too. */
static size_t slot_of(uint64_t key, size_t cap)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdull;
    key ^= key >> 33;
    key *= 0xc4ceb9fe1a85ec53ull;
    key ^= key >> 33;
    return (size_t)key & (cap - 1);
}

static bool map_grow(map64 *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    slot *ns = px__calloc(ncap, sizeof(*ns));
    if (!ns)
        return false;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->s[i].used)
            continue;
        size_t j = slot_of(m->s[i].key, ncap);
        while (ns[j].used)
            j = (j + 1) & (ncap - 1);
        ns[j] = m->s[i];
    }
    free(m->s);
    m->s = ns;
    m->cap = ncap;
    return true;
}

/* First slot index for key, for probing. */
static size_t map_first(const map64 *m, uint64_t key)
{
    return slot_of(key, m->cap);
}

typedef struct strtab {
    map64 map;
    px_buf pool;                     /* the strings, NUL-separated */
    PX_VEC(uint32_t) off;            /* id -> offset into pool */
    PX_VEC(uint32_t) len;            /* id -> length */
} strtab;

/* Id of s[0..len) in t, added when new; UINT32_MAX on failure. */
static uint32_t strtab_intern(strtab *t, const char *s, size_t len, bool *added)
{
    *added = false;
    if ((t->map.n + 1) * 2 > t->map.cap && !map_grow(&t->map))
        return UINT32_MAX;
    uint64_t h = px__hash(s, len, 0x6272696566ull);
    size_t j = map_first(&t->map, h);
    while (t->map.s[j].used) {
        if (t->map.s[j].key == h) {
            uint32_t id = t->map.s[j].val;
            if (t->len.v[id] == len && !memcmp(t->pool.ptr + t->off.v[id], s, len))
                return id;
        }
        j = (j + 1) & (t->map.cap - 1);
    }
    uint32_t id = (uint32_t)t->off.n;
    if (!PX_VEC_PUSH(t->off, (uint32_t)t->pool.len) || !PX_VEC_PUSH(t->len, (uint32_t)len))
        return UINT32_MAX;
    px_buf_put(&t->pool, s, len);
    px_buf_putc(&t->pool, 0);
    if (t->pool.oom)
        return UINT32_MAX;
    t->map.s[j] = (slot){h, id, 1};
    t->map.n++;
    *added = true;
    return id;
}

static void strtab_release(strtab *t)
{
    free(t->map.s);
    px_buf_release(&t->pool);
    PX_VEC_FREE(t->off);
    PX_VEC_FREE(t->len);
}

/* Id of the pair (a, b), added when new; UINT32_MAX on failure. */
static uint32_t pair_intern(map64 *m, uint32_t a, uint32_t b, uint32_t *n_ids)
{
    if ((m->n + 1) * 2 > m->cap && !map_grow(m))
        return UINT32_MAX;
    uint64_t key = (uint64_t)a << 32 | b;
    size_t j = map_first(m, key);
    while (m->s[j].used) {
        if (m->s[j].key == key)
            return m->s[j].val;
        j = (j + 1) & (m->cap - 1);
    }
    m->s[j] = (slot){key, (*n_ids)++, 1};
    m->n++;
    return m->s[j].val;
}

/* ---- sentences ---- */

typedef struct concept_ref {
    uint32_t id;
    uint32_t wpos; /* whitespace word of the bigram's second word */
} concept_ref;

typedef enum pron_kind { PRON_NONE = 0, PRON_SUBJECT, PRON_POSSESSIVE } pron_kind;

typedef struct bsent {
    uint32_t doc;
    uint32_t sent;              /* index into the doc's sentences */
    uint32_t start, end;        /* bytes printed (a wire dateline skipped) */
    uint32_t c_off, c_len;      /* concepts in order, in ctx.cref */
    uint32_t u_off, u_len;      /* sorted distinct content stems, in ctx.uni */
    uint32_t words;             /* whitespace-separated words printed */
    float relpos;               /* place among the doc's body sentences, 0..1 */
    bool candidate;
    uint8_t pron;               /* pron_kind of the opening pronoun */
    uint32_t pron_tok;          /* the pronoun token */
    const char *name;           /* the antecedent replacing it (arena) */
    size_t name_len;
} bsent;

typedef struct ctx {
    px_doc *const *docs;
    size_t n_docs;
    struct sb_stemmer *stemmer;
    strtab words, stems;
    PX_VEC(word_info) winfo;
    PX_VEC(uint32_t) stem_lower; /* per stem: lowercase occurrences */
    map64 pairs;
    uint32_t n_concepts;
    PX_VEC(bsent) sents;
    PX_VEC(concept_ref) cref;
    PX_VEC(uint32_t) uni;
    PX_VEC(uint32_t) doc_first; /* first bsent of each doc, n_docs + 1 */
    px_buf fold;
    px_arena *arena;            /* the brief's arena */
    /* selection */
    double *idf;                /* per stem: log((docs + 1) / docs with it) */
    double *weight;             /* per concept */
    uint32_t *cover;            /* per concept: selected sentences covering it */
    uint32_t *stamp;            /* per concept: scratch mark */
    uint32_t stamp_now;
    double redundant;           /* cosine: REDUNDANT_COSINE_* */
} ctx;

typedef struct word_run {
    uint32_t word;  /* word id */
    uint32_t wpos;  /* whitespace word index in the sentence */
} word_run;

static bool is_run_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Folds a token's text to lowercase with ASCII quotes and apostrophes in
 * c->fold. */
static void fold_token(ctx *c, const char *s, size_t len)
{
    px_buf_clear(&c->fold);
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            ascii = false;
            break;
        }
    if (!ascii) {
        px__fold_typography(&c->fold, s, len, true);
        return;
    }
    if (!px_buf_grow(&c->fold, len))
        return;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        c->fold.ptr[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
    }
    c->fold.len = len;
    c->fold.ptr[len] = 0;
}

/* Word id of a folded run; new words are stemmed once. */
static uint32_t word_id(ctx *c, const char *s, size_t len)
{
    bool added;
    uint32_t id = strtab_intern(&c->words, s, len, &added);
    if (id == UINT32_MAX || !added)
        return id;
    word_info wi = {0};
    wi.stop = px__brief_is_stopword(s, len);
    const sb_symbol *st = sb_stemmer_stem(c->stemmer, (const sb_symbol *)s, (int)len);
    bool sadded;
    wi.stem = st ? strtab_intern(&c->stems, (const char *)st,
                                 (size_t)sb_stemmer_length(c->stemmer), &sadded)
                 : strtab_intern(&c->stems, s, len, &sadded);
    if (wi.stem == UINT32_MAX || !PX_VEC_PUSH(c->winfo, wi) ||
        (sadded && !PX_VEC_PUSH(c->stem_lower, 0)))
        return UINT32_MAX;
    return id;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* |a & b| / sqrt(|a| |b|) of two sorted sets. */
static double cosine(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (!na || !nb)
        return 0;
    size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else
            common++, i++, j++;
    }
    return (double)common / sqrt((double)na * (double)nb);
}

static const uint32_t *uni_of(const ctx *c, const bsent *s)
{
    return c->uni.v + s->u_off;
}

static double sent_cosine(const ctx *c, const bsent *a, const bsent *b)
{
    return cosine(uni_of(c, a), a->u_len, uni_of(c, b), b->u_len);
}

/* ---- reading the documents ---- */

static bool tok_is(const px_doc *d, const px_token *t, const char *lit)
{
    size_t n = strlen(lit);
    return t->end - t->start == n && !memcmp(d->text + t->start, lit, n);
}

/* Lowercase ASCII copy of a word token into buf (at most cap-1 bytes);
 * its length, 0 when not ASCII or too long. */
static size_t lower_word(const px_doc *d, const px_token *t, char *buf, size_t cap)
{
    size_t n = t->end - t->start;
    if (n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)d->text[t->start + i];
        if (ch >= 0x80)
            return 0;
        buf[i] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
    }
    buf[n] = 0;
    return n;
}

/* The leading ASCII letters of a word token, lowercase ("That’s" ->
 * "that"); 0 when it does not start with one or they do not fit. */
static size_t lower_head(const px_doc *d, const px_token *t, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t i = t->start; i < t->end; i++) {
        unsigned char ch = (unsigned char)d->text[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
            break;
        if (n + 1 >= cap)
            return 0;
        buf[n++] = (char)(ch | 32);
    }
    buf[n] = 0;
    return n;
}

/* A wire dateline opening a sentence: "WASHINGTON (AP) _ ", "LONDON,
 * May 3 (Reuters) - ". Returns the index of the first token after it,
 * or first when there is none. */
static size_t skip_dateline(const px_doc *d, size_t first, size_t end)
{
    const px_token *t = d->toks;
    if (first >= end || t[first].kind != PX_TOK_WORD || !(t[first].flags & PX_TF_ALLCAPS))
        return first;
    int depth = 0;
    for (size_t i = first; i < end && i < first + 16; i++) {
        if (tok_is(d, &t[i], "("))
            depth++;
        else if (tok_is(d, &t[i], ")"))
            depth--;
        else if ((t[i].kind == PX_TOK_DASH || tok_is(d, &t[i], "_")) && i > first &&
                 (t[i].flags & PX_TF_SPACE_BEFORE) && i + 1 < end &&
                 (t[i + 1].flags & PX_TF_SPACE_BEFORE))
            return i + 1;
        else if (t[i].kind == PX_TOK_WORD && !depth &&
                 !(t[i].flags & (PX_TF_CAP | PX_TF_ALLCAPS)))
            return first; /* a lowercase word: running text, no dateline */
        else if (tok_is(d, &t[i], ".") && i + 1 < end)
            return first;
    }
    return first;
}

static bool is_pronoun(const char *w, size_t n, pron_kind *kind)
{
    if ((n == 2 && !memcmp(w, "he", 2)) || (n == 3 && !memcmp(w, "she", 3))) {
        *kind = PRON_SUBJECT;
        return true;
    }
    if ((n == 3 && !memcmp(w, "his", 3)) || (n == 3 && !memcmp(w, "her", 3))) {
        *kind = PRON_POSSESSIVE;
        return true;
    }
    return false;
}

/* Pronouns that cannot be resolved to a name: the sentence is dropped. */
static bool is_other_pronoun(const char *w, size_t n)
{
    static const char *const list[] = {"it",   "its",  "they", "their", "them", "we",
                                       "our",  "i",    "my",   "you",   "your", "him",
                                       "hers", "theirs", "those", "these", "one"};
    for (size_t i = 0; i < PX_ARRAY_LEN(list); i++)
        if (strlen(list[i]) == n && !memcmp(list[i], w, n))
            return true;
    return false;
}

/* Quotation state: inside double quotes, inside single quotes (British
 * style, ‘...’), which an apostrophe must not be mistaken for. */
typedef struct qstate {
    bool dbl, sgl;
} qstate;

/* Advances q over token i (a quotation mark); false when the mark
 * closes or opens what cannot be (a close with nothing open). */
static bool quote_step(const px_doc *d, size_t i, size_t end, qstate *q)
{
    const px_token *k = &d->toks[i];
    bool ok = true;
    if (!(k->flags & PX_TF_QSINGLE)) {
        if (k->flags & PX_TF_QOPEN)
            ok = !q->dbl, q->dbl = true;
        else if (k->flags & PX_TF_QCLOSE)
            ok = q->dbl, q->dbl = false;
        else
            q->dbl = !q->dbl;
        return ok;
    }
    if (k->flags & PX_TF_QOPEN) {
        q->sgl = true;
    } else if (q->sgl) {
        q->sgl = false;
    } else if (!(k->flags & PX_TF_QCLOSE)) {
        /* a straight ' opens when a word follows it directly */
        bool spaced = (k->flags & (PX_TF_SPACE_BEFORE | PX_TF_NL_BEFORE)) ||
                      (k->flags & PX_TF_SENT_START);
        if (spaced && i + 1 < end && d->toks[i + 1].kind == PX_TOK_WORD &&
            !(d->toks[i + 1].flags & PX_TF_SPACE_BEFORE))
            q->sgl = true;
    }
    /* a ’ with nothing open is an apostrophe ("mineworkers’ union") */
    return ok;
}

/* Registers the tokens of one sentence: concepts, content stems, name
 * evidence. Adds a bsent. */
static int add_sentence(ctx *c, uint32_t di, uint32_t si, bool candidate_block, float relpos,
                        qstate *quote_carry)
{
    const px_doc *d = c->docs[di];
    const px_sentence *s = &d->sents[si];
    const px_token *t = d->toks;
    size_t first = s->first_token, end = s->first_token + s->n_tokens;
    bsent b = {0};
    b.doc = di;
    b.sent = si;
    b.relpos = relpos;
    size_t body = candidate_block ? skip_dateline(d, first, end) : first;
    b.start = body < end ? t[body].start : (uint32_t)s->start;
    b.end = (uint32_t)s->end;
    b.c_off = (uint32_t)c->cref.n;
    b.u_off = (uint32_t)c->uni.n;

    PX_VEC(word_run) runs = {0};
    uint32_t wpos = 0;
    size_t n_words_in_quote = 0, n_word_tokens = 0;
    /* a quotation can run over several sentences and paragraphs (a
     * paragraph continuing a quotation opens with a quotation mark
     * again): a sentence printed alone must open and close its own */
    qstate q = *quote_carry;
    bool quote_error = false;
    if ((q.dbl || q.sgl) && body < end && t[body].kind == PX_TOK_QUOTE &&
        !(t[body].flags & PX_TF_QCLOSE) && body == first &&
        d->blocks[s->block].start == s->start)
        q.dbl = q.sgl = false;
    if (q.dbl || q.sgl)
        quote_error = true;
    for (size_t i = body; i < end; i++) {
        const px_token *k = &t[i];
        if (i > body && (k->flags & (PX_TF_SPACE_BEFORE | PX_TF_NL_BEFORE)))
            wpos++;
        if (k->kind == PX_TOK_QUOTE) {
            if (!quote_step(d, i, end, &q))
                quote_error = true;
            continue;
        }
        if (k->kind != PX_TOK_WORD && k->kind != PX_TOK_NUMBER)
            continue;
        n_word_tokens++;
        if (q.dbl || q.sgl)
            n_words_in_quote++;
        fold_token(c, d->text + k->start, k->end - k->start);
        if (c->fold.oom)
            goto oom;
        const char *f = c->fold.ptr;
        size_t flen = c->fold.len, j = 0;
        bool first_run = true;
        while (j < flen) {
            while (j < flen && !is_run_byte((unsigned char)f[j]))
                j++;
            size_t r0 = j;
            while (j < flen && is_run_byte((unsigned char)f[j]))
                j++;
            if (j == r0)
                break;
            uint32_t w = word_id(c, f + r0, j - r0);
            if (w == UINT32_MAX)
                goto oom;
            if (first_run && k->kind == PX_TOK_WORD) {
                if (k->flags & PX_TF_CAP) {
                    if (i != first)
                        c->winfo.v[w].n_cap++;
                } else {
                    c->winfo.v[w].n_lower++;
                    c->stem_lower.v[c->winfo.v[w].stem]++;
                }
            }
            first_run = false;
            if (!PX_VEC_PUSH(runs, ((word_run){w, wpos})))
                goto oom;
        }
    }
    b.words = wpos + 1;
    *quote_carry = q;
    if (q.dbl || q.sgl)
        quote_error = true;

    /* concepts: bigrams of stems, not both stopwords */
    for (size_t i = 1; i < runs.n; i++) {
        const word_info *a = &c->winfo.v[runs.v[i - 1].word];
        const word_info *z = &c->winfo.v[runs.v[i].word];
        if (a->stop && z->stop)
            continue;
        uint32_t id = pair_intern(&c->pairs, a->stem, z->stem, &c->n_concepts);
        if (id == UINT32_MAX || !PX_VEC_PUSH(c->cref, ((concept_ref){id, runs.v[i].wpos})))
            goto oom;
    }
    b.c_len = (uint32_t)(c->cref.n - b.c_off);
    /* distinct content stems */
    for (size_t i = 0; i < runs.n; i++) {
        const word_info *a = &c->winfo.v[runs.v[i].word];
        if (!a->stop && !PX_VEC_PUSH(c->uni, a->stem))
            goto oom;
    }
    size_t nu = c->uni.n - b.u_off;
    uint32_t *u = nu ? c->uni.v + b.u_off : NULL;
    if (nu > 1)
        qsort(u, nu, sizeof(*u), cmp_u32);
    size_t k = 0;
    for (size_t i = 0; i < nu; i++)
        if (!k || u[i] != u[k - 1])
            u[k++] = u[i];
    c->uni.n = b.u_off + k;
    b.u_len = (uint32_t)k;

    /* can it stand alone? (the pronoun is resolved later) */
    b.candidate = candidate_block && b.words >= MIN_WORDS && b.words <= MAX_WORDS &&
                  !quote_error && n_word_tokens &&
                  (double)n_words_in_quote <= QUOTED_MAX * (double)n_word_tokens;
    if (b.candidate) {
        /* the last token that is not a quotation mark or bracket */
        size_t last = end;
        while (last > body && (t[last - 1].kind == PX_TOK_QUOTE || tok_is(d, &t[last - 1], ")")))
            last--;
        if (last == body || !(tok_is(d, &t[last - 1], ".") || tok_is(d, &t[last - 1], "!")))
            b.candidate = false; /* questions, "...", colons, no ending */
    }
    size_t n_long = 0, n_long_cap = 0;
    for (size_t i = body; b.candidate && i < end; i++) {
        if (t[i].flags & (PX_TF_URL | PX_TF_HANDLE))
            b.candidate = false;
        if (i > body && t[i].kind == PX_TOK_WORD && t[i].end - t[i].start >= 4) {
            n_long++;
            n_long_cap += (t[i].flags & (PX_TF_CAP | PX_TF_ALLCAPS)) != 0;
        }
    }
    /* Title Case Or CAPITALS: a headline or heading left in the body */
    if (n_long >= 3 && (double)n_long_cap > TITLE_CASE_SHARE * (double)n_long)
        b.candidate = false;
    if (b.candidate) {
        size_t i = body;
        while (i < end && t[i].kind == PX_TOK_QUOTE)
            i++;
        char w[32], head[32];
        size_t n = i < end && t[i].kind == PX_TOK_WORD ? lower_word(d, &t[i], w, sizeof w) : 0;
        size_t nh = i < end && t[i].kind == PX_TOK_WORD ? lower_head(d, &t[i], head, sizeof head)
                                                        : 0;
        pron_kind pk;
        if (i < end && t[i].kind == PX_TOK_WORD && !(t[i].flags & (PX_TF_CAP | PX_TF_ALLCAPS)))
            b.candidate = false; /* starts in lowercase: a fragment */
        else if (nh && (px__brief_is_dangling_opener(head, nh) || is_other_pronoun(head, nh)))
            b.candidate = false; /* "But", "That’s", "It’s" */
        else if (nh && nh != n && is_pronoun(head, nh, &pk))
            b.candidate = false; /* "He’s": no clean replacement */
        else if (n && is_pronoun(w, n, &pk) && i == body) {
            char w2[32];
            size_t n2 = i + 1 < end ? lower_word(d, &t[i + 1], w2, sizeof w2) : 0;
            /* "He added that ...", "He also ...": continuations */
            if ((n2 == 5 && !memcmp(w2, "added", 5)) || (n2 == 4 && !memcmp(w2, "also", 4)) ||
                (n2 == 7 && !memcmp(w2, "further", 7)) ||
                (n2 == 9 && !memcmp(w2, "continued", 9)))
                b.candidate = false;
            b.pron = (uint8_t)pk;
            b.pron_tok = (uint32_t)i;
        } else if (n && is_pronoun(w, n, &pk)) {
            b.candidate = false; /* a pronoun after an opening quote */
        }
    }
    PX_VEC_FREE(runs);
    return PX_VEC_PUSH(c->sents, b) ? PX_OK : PX_ENOMEM;
oom:
    PX_VEC_FREE(runs);
    return PX_ENOMEM;
}

/* True if word token t is a name word: capitalised, and never seen in
 * lowercase but seen capitalised inside a sentence; opening a sentence,
 * no word of its stem may be seen in lowercase ("Hours after ..."). */
static bool is_name_token(ctx *c, const px_doc *d, const px_token *t)
{
    if (t->kind != PX_TOK_WORD || !(t->flags & PX_TF_CAP))
        return false;
    fold_token(c, d->text + t->start, t->end - t->start);
    size_t j = 0;
    while (j < c->fold.len && is_run_byte((unsigned char)c->fold.ptr[j]))
        j++;
    if (!j)
        return false;
    bool added;
    uint32_t w = strtab_intern(&c->words, c->fold.ptr, j, &added);
    if (w == UINT32_MAX || added || w >= c->winfo.n)
        return false;
    const word_info *wi = &c->winfo.v[w];
    if (wi->stop || wi->n_lower)
        return false;
    if (!wi->n_cap && ((t->flags & PX_TF_SENT_START) == 0 || c->stem_lower.v[wi->stem]))
        return false;
    return !px__brief_is_title(c->fold.ptr, j) && !px__brief_is_weekday(c->fold.ptr, j) &&
           !px__month_from_name(d->text + t->start, t->end - t->start);
}

static bool is_preposition(const char *w, size_t n)
{
    static const char *const list[] = {"about", "across", "after", "against", "at",
                                       "before", "by",    "for",   "from",    "in",
                                       "into",   "near",  "of",    "on",      "over",
                                       "to",     "under", "with",  "without", "toward"};
    for (size_t i = 0; i < PX_ARRAY_LEN(list); i++)
        if (strlen(list[i]) == n && !memcmp(list[i], w, n))
            return true;
    return false;
}

static bool is_title_token(const px_doc *d, const px_token *t)
{
    char w[24];
    size_t n = t->kind == PX_TOK_WORD && (t->flags & PX_TF_CAP)
                   ? lower_word(d, t, w, sizeof w) : 0;
    return n && px__brief_is_title(w, n);
}

/* For a sentence opening with "He"/"His": the subject of the nearest
 * earlier sentence of the document that names anyone, taken to be its
 * first name (outside quotes) that is neither possessive ("Trump's
 * call") nor the object of a preposition ("in Turkey", "with Putin").
 * Sets b->name to that name's last word; false when there is none. */
static bool resolve_pronoun(ctx *c, bsent *b)
{
    const px_doc *d = c->docs[b->doc];
    const px_token *t = d->toks;
    for (size_t back = 1; back <= 3 && back <= b->sent; back++) {
        const px_sentence *s = &d->sents[b->sent - back];
        size_t first = s->first_token, end = first + s->n_tokens;
        qstate q = {0};
        /* "He ..." again: the same subject, named further back */
        char w0[8];
        size_t n0 = s->n_tokens && t[first].kind == PX_TOK_WORD
                        ? lower_word(d, &t[first], w0, sizeof w0) : 0;
        pron_kind pk;
        if (n0 && is_pronoun(w0, n0, &pk))
            continue;
        for (size_t i = first; i < end; i++) {
            if (t[i].kind == PX_TOK_QUOTE) {
                quote_step(d, i, end, &q);
                continue;
            }
            if (q.dbl || q.sgl || !is_name_token(c, d, &t[i]))
                continue;
            /* the run of name words and titles ("Ukrainian President
             * Volodymyr Zelensky"): its last name word is the surname */
            size_t k = i;
            for (size_t m = i + 1; m < end && !(t[m].flags & PX_TF_NL_BEFORE); m++) {
                if (is_name_token(c, d, &t[m]))
                    k = m;
                else if (!is_title_token(d, &t[m]))
                    break;
            }
            const char *nm = d->text + t[k].start;
            size_t nl = t[k].end - t[k].start;
            bool possessive = (nl > 2 && nm[nl - 1] == 's' && nm[nl - 2] == '\'') ||
                              (nl > 4 && nm[nl - 1] == 's' && !memcmp(nm + nl - 4, "\xe2\x80\x99", 3));
            char w[16];
            size_t pl = i > first && t[i - 1].kind == PX_TOK_WORD
                            ? lower_word(d, &t[i - 1], w, sizeof w) : 0;
            /* a title before the name ("President Putin") is part of it */
            size_t p = i;
            while (pl && px__brief_is_title(w, pl) && p > first + 1) {
                p--;
                pl = t[p - 1].kind == PX_TOK_WORD ? lower_word(d, &t[p - 1], w, sizeof w) : 0;
            }
            /* "LiLo ’ s" as three tokens */
            possessive = possessive ||
                         (k + 2 < end && t[k + 1].kind == PX_TOK_QUOTE &&
                          (t[k + 1].flags & PX_TF_QSINGLE) && tok_is(d, &t[k + 2], "s"));
            /* a subject comes early: past the first words, a name is
             * more likely an object or a place */
            if (p > first + SUBJECT_WITHIN)
                return false;
            if (possessive || (pl && is_preposition(w, pl))) {
                i = k;
                continue;
            }
            char *copy = px_arena_strndup(c->arena, nm, nl);
            if (!copy)
                return false;
            b->name = copy;
            b->name_len = nl;
            return true;
        }
        /* no subject named (or the sentence before names nobody): "he"
         * is not ours to guess */
        return false;
    }
    return false;
}

static int read_docs(ctx *c)
{
    int rc;
    if (!PX_VEC_RESERVE(c->doc_first, c->n_docs + 1))
        return PX_ENOMEM;
    for (size_t di = 0; di < c->n_docs; di++) {
        const px_doc *d = c->docs[di];
        c->doc_first.v[c->doc_first.n++] = (uint32_t)c->sents.n;
        size_t n_body = 0;
        for (size_t si = 0; si < d->n_sents; si++) {
            px_block_kind k = d->blocks[d->sents[si].block].kind;
            n_body += k == PX_BLOCK_BODY || k == PX_BLOCK_STANDFIRST;
        }
        size_t rank = 0;
        qstate quote_carry = {0};
        for (size_t si = 0; si < d->n_sents; si++) {
            px_block_kind k = d->blocks[d->sents[si].block].kind;
            bool body = k == PX_BLOCK_BODY || k == PX_BLOCK_STANDFIRST;
            if (!body)
                quote_carry = (qstate){0};
            /* headlines count as carrying content, not as candidates */
            if (!body && k != PX_BLOCK_HEADLINE)
                continue;
            float relpos = body && n_body > 1 ? (float)rank / (float)(n_body - 1) : 0.f;
            if ((rc = add_sentence(c, (uint32_t)di, (uint32_t)si, body, relpos, &quote_carry)))
                return rc;
            rank += body;
        }
    }
    c->doc_first.v[c->doc_first.n] = (uint32_t)c->sents.n;
    for (size_t i = 0; i < c->sents.n; i++) {
        bsent *b = &c->sents.v[i];
        if (b->candidate && b->pron && !resolve_pronoun(c, b))
            b->candidate = false;
    }
    return PX_OK;
}

/* ---- concept weights ---- */

static int weigh_concepts(ctx *c)
{
    size_t nc = c->n_concepts ? c->n_concepts : 1;
    c->weight = px__calloc(nc, sizeof(double));
    c->cover = px__calloc(nc, sizeof(uint32_t));
    c->stamp = px__calloc(nc, sizeof(uint32_t));
    uint32_t *df = px__calloc(nc, sizeof(uint32_t));
    uint32_t *lead = px__calloc(nc, sizeof(uint32_t));
    uint32_t *seen = px__calloc(nc, sizeof(uint32_t));      /* doc + 1 counted in df */
    uint32_t *seen_lead = px__calloc(nc, sizeof(uint32_t)); /* doc + 1 counted in lead */
    int rc = PX_ENOMEM;
    if (!c->weight || !c->cover || !c->stamp || !df || !lead || !seen || !seen_lead)
        goto done;
    for (size_t di = 0; di < c->n_docs; di++) {
        const px_doc *d = c->docs[di];
        uint32_t rank = 0;
        for (uint32_t i = c->doc_first.v[di]; i < c->doc_first.v[di + 1]; i++) {
            const bsent *b = &c->sents.v[i];
            bool head = d->blocks[d->sents[b->sent].block].kind == PX_BLOCK_HEADLINE;
            bool in_lead = head || rank++ < LEAD_SENTENCES;
            for (uint32_t k = 0; k < b->c_len; k++) {
                uint32_t id = c->cref.v[b->c_off + k].id;
                if (seen[id] != di + 1) {
                    seen[id] = (uint32_t)di + 1;
                    df[id]++;
                }
                if (in_lead && seen_lead[id] != di + 1) {
                    seen_lead[id] = (uint32_t)di + 1;
                    lead[id]++;
                }
            }
        }
    }
    /* stem idf over the documents, for attribution */
    size_t ns = c->stems.off.n ? c->stems.off.n : 1;
    uint32_t *sdf = px__calloc(ns, sizeof(uint32_t)), *sseen = px__calloc(ns, sizeof(uint32_t));
    c->idf = px__calloc(ns, sizeof(double));
    if (!sdf || !sseen || !c->idf) {
        free(sdf);
        free(sseen);
        goto done;
    }
    for (size_t di = 0; di < c->n_docs; di++)
        for (uint32_t i = c->doc_first.v[di]; i < c->doc_first.v[di + 1]; i++) {
            const bsent *b = &c->sents.v[i];
            for (uint32_t k = 0; k < b->u_len; k++) {
                uint32_t id = c->uni.v[b->u_off + k];
                if (sseen[id] != di + 1)
                    sseen[id] = (uint32_t)di + 1, sdf[id]++;
            }
        }
    for (size_t i = 0; i < c->stems.off.n; i++)
        c->idf[i] = log((double)(c->n_docs + 1) / (double)(sdf[i] ? sdf[i] : 1));
    free(sdf);
    free(sseen);
    /* ICSISumm keeps concepts found in 3 of 10 documents; fewer
     * documents need fewer witnesses. A position prior: what a document
     * tells in its headline and first sentences is what it is about, so
     * a concept found there counts once more for that document. */
    uint32_t min_df = c->n_docs >= 10 ? 3 : c->n_docs >= 3 ? 2 : 1;
    for (size_t i = 0; i < c->n_concepts; i++)
        c->weight[i] = df[i] >= min_df ? (double)df[i] + LEAD_BONUS * (double)lead[i] : 0.0;
    rc = PX_OK;
done:
    free(df);
    free(lead);
    free(seen);
    free(seen_lead);
    return rc;
}

/* ---- selection ---- */

static void next_stamp(ctx *c)
{
    if (++c->stamp_now == 0) {
        memset(c->stamp, 0, c->n_concepts * sizeof(uint32_t));
        c->stamp_now = 1;
    }
}

/* Weight of the concepts of s not yet covered, counting those in its
 * first max_wpos words only (UINT32_MAX: all). */
static double gain(ctx *c, const bsent *s, uint32_t max_wpos)
{
    next_stamp(c);
    double g = 0;
    for (uint32_t k = 0; k < s->c_len; k++) {
        const concept_ref *r = &c->cref.v[s->c_off + k];
        if (r->wpos >= max_wpos)
            break;
        if (c->cover[r->id] || c->stamp[r->id] == c->stamp_now)
            continue;
        c->stamp[r->id] = c->stamp_now;
        g += c->weight[r->id];
    }
    return g;
}

static void cover(ctx *c, const bsent *s, int delta)
{
    next_stamp(c);
    for (uint32_t k = 0; k < s->c_len; k++) {
        uint32_t id = c->cref.v[s->c_off + k].id;
        if (c->stamp[id] == c->stamp_now)
            continue;
        c->stamp[id] = c->stamp_now;
        c->cover[id] = (uint32_t)((int)c->cover[id] + delta);
    }
}

typedef struct heap_item {
    double score;
    uint32_t sent;
} heap_item;

typedef PX_VEC(heap_item) heap;

static void heap_down(heap *h, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && h->v[l].score > h->v[m].score)
            m = l;
        if (r < h->n && h->v[r].score > h->v[m].score)
            m = r;
        if (m == i)
            return;
        heap_item tmp = h->v[i];
        h->v[i] = h->v[m];
        h->v[m] = tmp;
        i = m;
    }
}

static bool heap_push(heap *h, heap_item it)
{
    if (!PX_VEC_PUSH(*h, it))
        return false;
    size_t i = h->n - 1;
    while (i && h->v[(i - 1) / 2].score < h->v[i].score) {
        heap_item tmp = h->v[i];
        h->v[i] = h->v[(i - 1) / 2];
        h->v[(i - 1) / 2] = tmp;
        i = (i - 1) / 2;
    }
    return true;
}

static heap_item heap_pop(heap *h)
{
    heap_item top = h->v[0];
    h->v[0] = h->v[--h->n];
    heap_down(h, 0);
    return top;
}

typedef struct selection {
    PX_VEC(uint32_t) v; /* bsent indexes */
    size_t words;
    uint32_t cut_words; /* words kept of the last one (0: whole) */
} selection;

static bool redundant(const ctx *c, const selection *sel, const bsent *s, size_t except)
{
    for (size_t i = 0; i < sel->v.n; i++)
        if (i != except && sent_cosine(c, &c->sents.v[sel->v.v[i]], s) > c->redundant)
            return true;
    return false;
}

static double cost(const bsent *s, double exponent)
{
    return pow((double)s->words, exponent);
}

/* Lazy greedy: gains only shrink as coverage grows, so a stale score is
 * an upper bound and most sentences are never rescored. */
static int select_greedy(ctx *c, selection *sel, size_t budget_words, size_t max_sents,
                         double exponent)
{
    heap h = {0};
    for (uint32_t i = 0; i < c->sents.n; i++) {
        const bsent *s = &c->sents.v[i];
        if (!s->candidate || (budget_words && s->words > budget_words))
            continue;
        double g = gain(c, s, UINT32_MAX);
        if (g > 0 && !heap_push(&h, (heap_item){g / cost(s, exponent), i})) {
            PX_VEC_FREE(h);
            return PX_ENOMEM;
        }
    }
    while (h.n && (!max_sents || sel->v.n < max_sents)) {
        heap_item top = heap_pop(&h);
        const bsent *s = &c->sents.v[top.sent];
        if (budget_words && sel->words + s->words > budget_words)
            continue;
        if (redundant(c, sel, s, SIZE_MAX))
            continue;
        double score = gain(c, s, UINT32_MAX) / cost(s, exponent);
        if (score <= 0)
            continue;
        if (h.n && score < h.v[0].score) {
            top.score = score;
            heap_push(&h, top); /* cannot fail: it was just popped */
            continue;
        }
        if (!PX_VEC_PUSH(sel->v, top.sent)) {
            PX_VEC_FREE(h);
            return PX_ENOMEM;
        }
        sel->words += s->words;
        cover(c, s, +1);
    }
    PX_VEC_FREE(h);
    return PX_OK;
}

/* Swaps that raise the covered weight within the budget: the greedy
 * pass is within (1 - 1/e) of the optimum, this closes part of the rest. */
static void improve_by_swaps(ctx *c, selection *sel, size_t budget_words)
{
    /* each pass tries every chosen sentence against every candidate:
     * long briefs of huge inputs keep the greedy result */
    if ((double)sel->v.n * (double)c->sents.n > SWAP_WORK_MAX)
        return;
    for (int pass = 0; pass < 4; pass++) {
        double best = 1e-9;
        size_t best_i = 0;
        uint32_t best_j = UINT32_MAX;
        for (size_t i = 0; i < sel->v.n; i++) {
            const bsent *out = &c->sents.v[sel->v.v[i]];
            cover(c, out, -1);
            double lost = gain(c, out, UINT32_MAX);
            for (uint32_t j = 0; j < c->sents.n; j++) {
                const bsent *in = &c->sents.v[j];
                if (!in->candidate || in->c_len == 0 || j == sel->v.v[i])
                    continue;
                if (budget_words && sel->words - out->words + in->words > budget_words)
                    continue;
                if (!budget_words && in->words > out->words + 10)
                    continue; /* sentence budgets: do not drift to long ones */
                double g = gain(c, in, UINT32_MAX) - lost;
                if (g <= best)
                    continue;
                bool dup = false;
                for (size_t k = 0; k < sel->v.n && !dup; k++)
                    dup = sel->v.v[k] == j;
                if (dup || redundant(c, sel, in, i))
                    continue;
                best = g, best_i = i, best_j = j;
            }
            cover(c, out, +1);
        }
        if (best_j == UINT32_MAX)
            return;
        const bsent *out = &c->sents.v[sel->v.v[best_i]];
        const bsent *in = &c->sents.v[best_j];
        cover(c, out, -1);
        cover(c, in, +1);
        sel->words = sel->words - out->words + in->words;
        sel->v.v[best_i] = best_j;
    }
}

/* The words left of the budget are filled with the start of the
 * sentence whose first words cover the most; it is printed last, cut. */
static int fill_budget(ctx *c, selection *sel, size_t budget_words, size_t max_sents)
{
    if (!budget_words || sel->words >= budget_words || (max_sents && sel->v.n >= max_sents))
        return PX_OK;
    /* a word or two at the end read badly, but a brief of nothing is
     * worse */
    uint32_t room = (uint32_t)(budget_words - sel->words);
    if (room < 3 && sel->v.n)
        return PX_OK;
    double best = 0;
    uint32_t best_j = UINT32_MAX;
    for (uint32_t j = 0; j < c->sents.n; j++) {
        const bsent *s = &c->sents.v[j];
        if (!s->candidate)
            continue;
        double g = gain(c, s, room);
        if (g <= best || redundant(c, sel, s, SIZE_MAX))
            continue;
        bool dup = false;
        for (size_t k = 0; k < sel->v.n && !dup; k++)
            dup = sel->v.v[k] == j;
        if (!dup)
            best = g, best_j = j;
    }
    /* nothing fits and no first words gain: the best sentence, cut */
    bool fallback = best_j == UINT32_MAX && !sel->v.n;
    for (uint32_t j = 0; fallback && j < c->sents.n; j++) {
        const bsent *s = &c->sents.v[j];
        double g = s->candidate ? gain(c, s, UINT32_MAX) : 0;
        if (g > best)
            best = g, best_j = j;
    }
    if (best_j == UINT32_MAX)
        return PX_OK;
    if (!PX_VEC_PUSH(sel->v, best_j))
        return PX_ENOMEM;
    const bsent *s = &c->sents.v[best_j];
    sel->cut_words = s->words > room ? room : 0;
    sel->words += s->words > room ? room : s->words;
    cover(c, s, +1);
    return PX_OK;
}

/* ---- sources and order ---- */

typedef struct chosen {
    uint32_t sent;
    double order;        /* mean relative position across sources */
    const char *date;    /* the chosen doc's date or NULL */
    PX_VEC(size_t) src;  /* doc indexes, the chosen doc first */
    bool cut;
} chosen;

/* The idf-weighted share of s's content stems found in a or b (sorted
 * sets; b may be empty): how much of s a passage of two sentences says. */
static double containment(const ctx *c, const bsent *s, const bsent *a, const bsent *b)
{
    const uint32_t *u = uni_of(c, s), *x = uni_of(c, a), *y = b ? uni_of(c, b) : NULL;
    size_t nx = a->u_len, ny = b ? b->u_len : 0, i = 0, j = 0;
    double total = 0, found = 0;
    for (size_t k = 0; k < s->u_len; k++) {
        double w = c->idf[u[k]] + SOURCE_BASE_WEIGHT;
        total += w;
        while (i < nx && x[i] < u[k])
            i++;
        while (j < ny && y[j] < u[k])
            j++;
        if ((i < nx && x[i] == u[k]) || (j < ny && y[j] == u[k]))
            found += w;
    }
    return total > 0 ? found / total : 0;
}

static int find_sources(ctx *c, chosen *ch)
{
    const bsent *s = &c->sents.v[ch->sent];
    if (!PX_VEC_PUSH(ch->src, (size_t)s->doc))
        return PX_ENOMEM;
    double sum = s->relpos;
    size_t n = 1;
    for (size_t di = 0; di < c->n_docs; di++) {
        if (di == s->doc)
            continue;
        bool found = false;
        float pos = 0;
        uint32_t first = c->doc_first.v[di], end = c->doc_first.v[di + 1];
        for (uint32_t i = first; i < end && !found; i++) {
            const bsent *o = &c->sents.v[i];
            const bsent *next = i + 1 < end ? &c->sents.v[i + 1] : NULL;
            if (containment(c, s, o, next) >= SOURCE_CONTAINED)
                found = true, pos = o->relpos;
        }
        if (found) {
            if (!PX_VEC_PUSH(ch->src, di))
                return PX_ENOMEM;
            sum += pos;
            n++;
        }
    }
    ch->order = sum / (double)n;
    return PX_OK;
}

static int cmp_order(const void *a, const void *b)
{
    const chosen *x = a, *y = b;
    if (x->cut != y->cut)
        return x->cut ? 1 : -1;
    if (x->date && y->date) {
        int d = strcmp(x->date, y->date);
        if (d)
            return d;
    }
    return x->order < y->order ? -1 : x->order > y->order;
}

/* ---- the printed sentence ---- */

/* The printed text of a chosen sentence: one line, the pronoun replaced,
 * at most cut_words words (0: all). Sets *end_byte to where it stops. */
static char *print_text(ctx *c, const bsent *s, uint32_t cut_words, size_t *end_byte)
{
    const px_doc *d = c->docs[s->doc];
    px_buf b = PX_BUF_INIT;
    size_t p = s->start, end = s->end;
    if (s->pron && s->name) {
        const px_token *t = &d->toks[s->pron_tok];
        px_buf_put(&b, d->text + p, t->start - p);
        px_buf_put(&b, s->name, s->name_len);
        if (s->pron == PRON_POSSESSIVE)
            px_buf_puts(&b, "'s");
        p = t->end;
    }
    uint32_t words = 1;
    bool space = false;
    for (; p < end; p++) {
        char ch = d->text[p];
        bool ws = ch == ' ' || ch == '\n' || ch == '\t';
        if (ws) {
            space = true;
            continue;
        }
        if (space) {
            if (cut_words && words >= cut_words)
                break;
            words++;
            px_buf_putc(&b, ' ');
            space = false;
        }
        px_buf_putc(&b, ch);
    }
    *end_byte = p;
    if (b.oom) {
        px_buf_release(&b);
        return NULL;
    }
    char *out = px_arena_strndup(c->arena, b.ptr, b.len);
    px_buf_release(&b);
    return out;
}

static const char *label_of(const px_doc *d)
{
    return d->source && *d->source ? d->source : d->id;
}

static int build_output(ctx *c, px_brief *br, selection *sel)
{
    int rc = PX_OK;
    size_t n = sel->v.n;
    chosen *ch = px__calloc(n ? n : 1, sizeof(*ch));
    if (!ch)
        return PX_ENOMEM;
    bool all_dated = true;
    for (size_t i = 0; i < n; i++) {
        ch[i].sent = sel->v.v[i];
        ch[i].cut = sel->cut_words && i == n - 1;
        ch[i].date = c->docs[c->sents.v[ch[i].sent].doc]->date;
        all_dated = all_dated && ch[i].date;
        if ((rc = find_sources(c, &ch[i])))
            goto done;
    }
    if (!all_dated)
        for (size_t i = 0; i < n; i++)
            ch[i].date = NULL;
    px__qsort(ch, n, sizeof(*ch), cmp_order);

    br->sents = px_arena_calloc(&br->arena, n ? n : 1, sizeof(*br->sents));
    br->items = px_arena_calloc(&br->arena, n ? n : 1, sizeof(*br->items));
    if (!br->sents || !br->items) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const bsent *s = &c->sents.v[ch[i].sent];
        const px_doc *d = c->docs[s->doc];
        px_brief_sentence *o = &br->sents[i];
        px__brief_item *it = &br->items[i];
        size_t end_byte;
        o->doc = s->doc;
        o->text = print_text(c, s, ch[i].cut ? sel->cut_words : 0, &end_byte);
        o->start = s->start;
        o->end = end_byte;
        size_t ns = ch[i].src.n;
        size_t *src = px_arena_calloc(&br->arena, ns, sizeof(size_t));
        it->source_ids = px_arena_calloc(&br->arena, ns, sizeof(char *));
        it->source_labels = px_arena_calloc(&br->arena, ns, sizeof(char *));
        it->doc_id = px_arena_strdup(&br->arena, d->id ? d->id : "");
        if (!o->text || !src || !it->source_ids || !it->source_labels || !it->doc_id) {
            rc = PX_ENOMEM;
            goto done;
        }
        for (size_t k = 0; k < ns; k++) {
            const px_doc *sd = c->docs[ch[i].src.v[k]];
            src[k] = ch[i].src.v[k];
            it->source_ids[k] = px_arena_strdup(&br->arena, sd->id ? sd->id : "");
            it->source_labels[k] = px_arena_strdup(&br->arena, label_of(sd) ? label_of(sd) : "");
            if (!it->source_ids[k] || !it->source_labels[k]) {
                rc = PX_ENOMEM;
                goto done;
            }
        }
        o->sources = src;
        o->n_sources = ns;
        it->char_start = px_doc_char_offset(d, o->start);
        it->char_end = px_doc_char_offset(d, o->end);
    }
    br->n = n;
done:
    for (size_t i = 0; i < n; i++)
        PX_VEC_FREE(ch[i].src);
    free(ch);
    return rc;
}

/* ---- the API ---- */

int px_brief_new(px_brief **out, px_doc *const *docs, size_t n_docs,
                 const px_brief_options *opt)
{
    if (!out || (n_docs && !docs))
        return PX_EUSAGE;
    *out = NULL;
    px_brief *br = px__calloc(1, sizeof(*br));
    if (!br)
        return PX_ENOMEM;
    px_arena_init(&br->arena, 16384);
    size_t max_words = opt ? opt->max_words : 0;
    size_t max_sents = opt ? opt->max_sentences : 0;
    if (!max_words && !max_sents)
        max_sents = DEFAULT_SENTENCES;

    ctx c = {0};
    c.docs = docs;
    c.n_docs = n_docs;
    c.arena = &br->arena;
    px_buf_init(&c.fold);
    px_buf_init(&c.words.pool);
    px_buf_init(&c.stems.pool);
    selection sel = {0};
    int rc = PX_OK;
    c.stemmer = sb_stemmer_new("english", NULL);
    if (!c.stemmer) {
        rc = PX_ENOMEM;
        goto done;
    }
    if ((rc = read_docs(&c)) || (rc = weigh_concepts(&c)))
        goto done;
    if (!max_words) {
        /* a budget in sentences: prefer the sentences that carry the most
         * per word, but not the shortest ones */
        for (size_t i = 0; i < c.sents.n; i++)
            if (c.sents.v[i].words > MAX_WORDS_SENT)
                c.sents.v[i].candidate = false;
    }
    double exponent = max_words ? 1.0 : 0.5;
    c.redundant = max_words ? REDUNDANT_COSINE_WORDS : REDUNDANT_COSINE_SENTENCES;
    if ((rc = select_greedy(&c, &sel, max_words, max_sents, exponent)))
        goto done;
    improve_by_swaps(&c, &sel, max_words);
    if ((rc = fill_budget(&c, &sel, max_words, max_sents)))
        goto done;
    rc = build_output(&c, br, &sel);
done:
    if (c.stemmer)
        sb_stemmer_delete(c.stemmer);
    strtab_release(&c.words);
    strtab_release(&c.stems);
    PX_VEC_FREE(c.winfo);
    PX_VEC_FREE(c.stem_lower);
    free(c.pairs.s);
    PX_VEC_FREE(c.sents);
    PX_VEC_FREE(c.cref);
    PX_VEC_FREE(c.uni);
    PX_VEC_FREE(c.doc_first);
    px_buf_release(&c.fold);
    free(c.idf);
    free(c.weight);
    free(c.cover);
    free(c.stamp);
    PX_VEC_FREE(sel.v);
    if (rc) {
        px_brief_free(br);
        return rc;
    }
    *out = br;
    return PX_OK;
}

const px_brief_sentence *px_brief_sentences(const px_brief *b, size_t *n)
{
    if (n)
        *n = b ? b->n : 0;
    return b ? b->sents : NULL;
}

void px_brief_free(px_brief *b)
{
    if (!b)
        return;
    px_arena_release(&b->arena);
    free(b);
}
