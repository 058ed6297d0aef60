/*
 * facts.c - what the outlets agree on, what only one reports, and where
 * they contradict each other.
 *
 * Every body sentence becomes a bag of features: stemmed content words
 * (Snowball), numbers (digits and number words alike), and the entities
 * it mentions (so "Kiev" and "Kyiv", "Zelensky" and "Zelenskyy" count as
 * one). Features are weighted by rarity in the story (idf), and two
 * sentences of different outlets that are close enough (cosine) state the
 * same thing. Each sentence links to its best match in every other
 * outlet; the linked sentences form a fact, corroborated when two or
 * more outlets carry it. A sentence no other outlet matches is a
 * single-source fact when it holds something checkable: a number, a name
 * or an attribution ("according to", "told").
 *
 * Conflicts:
 *  - title: one person called by a role with "former" by some outlets
 *    and without it by others ("President" and "former President");
 *  - number: within one fact, outlets counting the same kind of thing
 *    with different numbers ("17 men" and "14 miners").
 */
#include <libstemmer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

/* A sentence of a corroborated fact whose own features (those no other
 * outlet's sentence of the fact has) carry this share of its weight is
 * also reported as a single-source fact. */
#define FACT_OWN_SHARE 0.5
/* Number and month features carry this bit; words and entities do not. */
#define NUM_FEATURE (1ull << 63)

static const char *const stop[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
    "during", "each", "even", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more",
    "most", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
    "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "why", "will", "with", "would", "you", "your", "said", "says", "say", "told",
    "according", "added", "also", "mr", "mrs", "ms", "would", "still", "however", NULL};

static bool is_stop(const char *w, size_t len)
{
    if (len > 15)
        return false;
    for (const char *const *s = stop; *s; s++)
        if ((*s)[0] == w[0] && !strncmp(*s, w, len) && (*s)[len] == 0)
            return true;
    return false;
}

/* Nouns that count people: "17 men" and "14 miners" count the same kind. */
static const char *const people_nouns[] = {
    "men", "man", "women", "woman", "people", "person", "miner", "worker", "soldier",
    "civilian", "child", "children", "passeng", "victim", "rescuer", "troop", "staff",
    "employe", "resid", "patient", "dead", "injur", "crew", "member", "survivor", "hostag",
    "prison", "student", "migrant", "refuge", NULL};

/* Units of measure: "50 metres" and "870 metres" in one fact are often
 * two different lengths, not a disagreement. */
static const char *const unit_nouns[] = {
    "metr", "meter", "kilometr", "kilomet", "km", "mile", "feet", "foot", "inch", "yard", "kg",
    "kilogram", "gram", "tonn", "ton", "pound", "litr", "liter", "gallon", "percent", "per",
    "year", "month", "week", "day", "hour", "minut", "second", "degre", "dollar", "euro",
    "pound", "zloti", "rubl", "hryvnia", "am", "pm", "o'clock", NULL};

static bool unit_noun(const char *stem)
{
    for (const char *const *p = unit_nouns; *p; p++)
        if (!strncmp(stem, *p, strlen(*p)))
            return true;
    return false;
}

static int noun_class(const char *stem)
{
    for (const char *const *p = people_nouns; *p; p++)
        if (!strncmp(stem, *p, strlen(*p)))
            return 1;
    return 0;
}

typedef struct feat {
    uint64_t h;
} feat;

typedef struct number_use {
    long value;
    uint64_t noun;  /* stem hash of the counted noun, 0 if none */
    int noun_class; /* 1 people */
    size_t start, end;
} number_use;

typedef struct unit {
    size_t doc, sent;
    size_t first_feat, n_feat;
    double norm;
    bool checkable; /* number, name or attribution */
    size_t first_num, n_num;
} unit;

typedef struct fact_ctx {
    px_compare *c;
    PX_VEC(unit) units;
    PX_VEC(uint64_t) feats;
    PX_VEC(number_use) nums;
    /* per document, per sentence: entity ids mentioned (CSR) */
} fact_ctx;

static bool unit_block(px_block_kind k)
{
    return k == PX_BLOCK_BODY || k == PX_BLOCK_STANDFIRST;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* quoted[si] = 1 when most words of sentence si lie between quotation
 * marks. The state is followed through each paragraph: a paragraph that
 * opens a quotation without closing it ends inside it. */
static void mark_quoted(const px_doc *d, uint8_t *quoted)
{
    for (size_t bi = 0; bi < d->n_blocks; bi++) {
        const px_block *bl = &d->blocks[bi];
        bool inside = false;
        /* a paragraph whose first quotation mark closes continues a
         * quotation from the paragraph before */
        for (size_t k = 0; k < bl->n_sentences && !inside; k++) {
            const px_sentence *s = &d->sents[bl->first_sentence + k];
            size_t t = s->first_token, e = t + s->n_tokens;
            for (; t < e; t++)
                if (d->toks[t].kind == PX_TOK_QUOTE && !(d->toks[t].flags & PX_TF_QSINGLE))
                    break;
            if (t < e) {
                inside = (d->toks[t].flags & PX_TF_QCLOSE) != 0;
                break;
            }
        }
        for (size_t k = 0; k < bl->n_sentences; k++) {
            size_t si = bl->first_sentence + k;
            const px_sentence *s = &d->sents[si];
            size_t in = 0, all = 0;
            for (size_t t = s->first_token; t < s->first_token + s->n_tokens; t++) {
                const px_token *tk = &d->toks[t];
                if (tk->kind == PX_TOK_QUOTE) {
                    if (tk->flags & PX_TF_QSINGLE)
                        continue;
                    if (tk->flags & PX_TF_QOPEN)
                        inside = true;
                    else if (tk->flags & PX_TF_QCLOSE)
                        inside = false;
                    else
                        inside = !inside;
                    continue;
                }
                if (tk->kind != PX_TOK_WORD && tk->kind != PX_TOK_NUMBER)
                    continue;
                all++;
                in += inside;
            }
            quoted[si] = all && in * 2 > all;
        }
    }
}

/* Also quoted: sentences mostly inside the quotations the extractor
 * found (British single marks, paragraphs of a long quotation).
 * by_doc[first[di]..first[di + 1]): the quotations of document di. */
static void mark_quoted_spans(const px_compare *c, size_t di, const size_t *by_doc, const size_t *first,
                              uint8_t *quoted)
{
    const px_doc *d = c->docs[di];
    for (size_t k = first[di]; k < first[di + 1]; k++) {
        const px_quote_input *in = &c->quote_in[by_doc[k]];
        size_t np = in->n_parts ? in->n_parts : 1;
        for (size_t p = 0; p < np; p++) {
            size_t a = in->n_parts ? in->part_start[p] : in->start;
            size_t b = in->n_parts ? in->part_end[p] : in->end;
            for (size_t si = in->sentence; si < d->n_sents && d->sents[si].start < b; si++) {
                const px_sentence *s = &d->sents[si];
                if (s->end <= a)
                    continue;
                size_t in_q = 0, all = 0;
                for (size_t t = s->first_token; t < s->first_token + s->n_tokens; t++) {
                    const px_token *tk = &d->toks[t];
                    if (tk->kind != PX_TOK_WORD && tk->kind != PX_TOK_NUMBER)
                        continue;
                    all++;
                    in_q += tk->start >= a && tk->end <= b;
                }
                if (all && in_q * 2 > all)
                    quoted[si] = 1;
            }
        }
    }
}

typedef struct ment {
    size_t doc, sent, start, end, ent;
} ment;

static int cmp_ment(const void *a, const void *b)
{
    const ment *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    if (x->sent != y->sent)
        return x->sent < y->sent ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Builds the feature bags of every body sentence. */
/* ---- features ---- */

/* The value of a number token ("1,200" -> 1200) or of a number word above
 * one ("seventeen"). */
static bool token_number(const px_doc *d, const px_token *k, long *value)
{
    const char *w = d->text + k->start;
    size_t len = k->end - k->start;
    if (k->kind == PX_TOK_NUMBER) {
        char digits[32];
        size_t nd = 0;
        for (size_t i = 0; i < len && nd < sizeof digits - 1; i++) {
            if (w[i] >= '0' && w[i] <= '9')
                digits[nd++] = w[i];
            else if (w[i] != ',')
                break;
        }
        digits[nd] = 0;
        if (!nd)
            return false;
        *value = strtol(digits, NULL, 10);
        return true;
    }
    return k->kind == PX_TOK_WORD && px__number_word(w, len, value) && *value > 1;
}

static uint64_t number_feature(long value)
{
    return px__hash(&value, sizeof value, 21) | NUM_FEATURE;
}

static uint64_t entity_feature(size_t ent)
{
    return px__hash(&ent, sizeof ent, 33) & ~NUM_FEATURE;
}

/* What a word token gives the statement it is in: its feature (the
 * Snowball stem, with the number bit for a month name), none for a stop
 * word, a one-letter word or a word without a stem; and whether it is
 * "according" or "told", which mark an attribution. */
typedef struct word_info {
    uint64_t h;
    bool feature, according, told;
} word_info;

static word_info word_feature_of(px_compare *c, const char *w, size_t len, bool cap, px_buf *b)
{
    word_info r = {0, false, false, false};
    px_buf_clear(b);
    px__fold_typography(b, w, len, true);
    if (b->len >= 2 && b->ptr[b->len - 2] == '\'' && b->ptr[b->len - 1] == 's')
        px_buf_truncate(b, b->len - 2);
    r.according = !strcmp(b->ptr, "according");
    r.told = !strcmp(b->ptr, "told");
    if (is_stop(b->ptr, b->len) || b->len < 2)
        return r;
    const sb_symbol *st = sb_stemmer_stem(c->stemmer, (const sb_symbol *)b->ptr, (int)b->len);
    if (!st)
        return r;
    r.h = px__hash(st, (size_t)sb_stemmer_length(c->stemmer), 9) & ~NUM_FEATURE;
    /* a month pins a statement down like a number does */
    if (px__month_from_name(w, len) && cap)
        r.h |= NUM_FEATURE;
    r.feature = true;
    return r;
}

/* word_feature_of, remembered by the word as written: a story's words
 * repeat (Zipf, and copies of one article), and folding and stemming
 * each again was a tenth of a big report. */
typedef struct word_memo_entry {
    const char *w;   /* in a document's text, which outlives the memo */
    uint32_t len;
    bool cap, used;
    word_info info;
} word_memo_entry;

struct px__word_memo {
    word_memo_entry *v;
    size_t cap, n;
};

static word_info word_feature(px_compare *c, const px_doc *d, const px_token *k, px_buf *b)
{
    const char *w = d->text + k->start;
    size_t len = k->end - k->start;
    bool cap = (k->flags & PX_TF_CAP) != 0;
    struct px__word_memo *m = c->word_memo;
    if (!m || len > 64)
        return word_feature_of(c, w, len, cap, b);
    if ((m->n + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 4096;
        word_memo_entry *nv = px__calloc(ncap, sizeof(*nv));
        if (!nv)
            return word_feature_of(c, w, len, cap, b);
        for (size_t i = 0; i < m->cap; i++)
            if (m->v[i].used) {
                size_t j = (size_t)px__hash(m->v[i].w, m->v[i].len, m->v[i].cap) & (ncap - 1);
                while (nv[j].used)
                    j = (j + 1) & (ncap - 1);
                nv[j] = m->v[i];
            }
        free(m->v);
        m->v = nv;
        m->cap = ncap;
    }
    size_t j = (size_t)px__hash(w, len, cap) & (m->cap - 1);
    for (; m->v[j].used; j = (j + 1) & (m->cap - 1))
        if (m->v[j].len == len && m->v[j].cap == cap && !memcmp(m->v[j].w, w, len))
            return m->v[j].info;
    word_info r = word_feature_of(c, w, len, cap, b);
    m->v[j] = (word_memo_entry){w, (uint32_t)len, cap, true, r};
    m->n++;
    return r;
}

struct px__word_memo *px__word_memo_new(void)
{
    return px__calloc(1, sizeof(struct px__word_memo));
}

void px__word_memo_free(struct px__word_memo *m)
{
    if (m) {
        free(m->v);
        free(m);
    }
}

/* The words of sentence si of document di whose features are among
 * own[0..n) (unsorted), as written and in order: runs of neighbouring
 * words joined ("3.1, local scale, regional mining inspectorate").
 * *out is NULL when there are none. */
static int own_words(px_compare *c, size_t di, size_t si, const uint64_t *own, size_t n,
                     const char **out)
{
    const px_doc *d = c->docs[di];
    const px_sentence *s = &d->sents[si];
    *out = NULL;
    if (!n)
        return 0;
    uint8_t *mark = px__calloc(s->n_tokens ? s->n_tokens : 1, 1);
    if (!mark)
        return PX_ENOMEM;
    px_buf b = PX_BUF_INIT, o = PX_BUF_INIT;
    /* entity mentions of the sentence stand for their entity */
    size_t n_ent = 0;
    const px_entity *ents = c->ents ? px_entities_list(c->ents, &n_ent) : NULL;
    for (size_t e = 0; e < n_ent; e++) {
        uint64_t h = entity_feature(e);
        bool is_own = false;
        for (size_t i = 0; i < n && !is_own; i++)
            is_own = own[i] == h;
        if (!is_own)
            continue;
        for (size_t m = 0; m < ents[e].n_mentions; m++) {
            const px_mention *x = &ents[e].mentions[m];
            if (x->doc != di || x->sentence != si)
                continue;
            for (size_t t = 0; t < s->n_tokens; t++) {
                const px_token *k = &d->toks[s->first_token + t];
                if (k->start >= x->start && k->end <= x->end)
                    mark[t] = 1;
            }
        }
    }
    for (size_t t = 0; t < s->n_tokens; t++) {
        const px_token *k = &d->toks[s->first_token + t];
        long value;
        uint64_t h = 0;
        bool has = false;
        if (token_number(d, k, &value)) {
            h = number_feature(value);
            has = true;
        } else if (k->kind == PX_TOK_WORD) {
            word_info wi = word_feature(c, d, k, &b);
            has = wi.feature;
            h = wi.h;
        }
        for (size_t i = 0; i < n && has && !mark[t]; i++)
            if (own[i] == h)
                mark[t] = 1;
    }
    size_t runs = 0;
    for (size_t t = 0; t < s->n_tokens && runs < 8;) {
        if (!mark[t]) {
            t++;
            continue;
        }
        size_t e = t;
        while (e + 1 < s->n_tokens && mark[e + 1])
            e++;
        const px_token *a = &d->toks[s->first_token + t], *z = &d->toks[s->first_token + e];
        if (runs++)
            px_buf_puts(&o, ", ");
        px_buf_put(&o, d->text + a->start, z->end - a->start);
        t = e + 1;
    }
    int rc = b.oom || o.oom ? PX_ENOMEM : 0;
    if (!rc && o.len && !(*out = px_arena_strndup(&c->arena, o.ptr, o.len)))
        rc = PX_ENOMEM;
    px_buf_release(&b);
    px_buf_release(&o);
    free(mark);
    return rc;
}

static int build_units(fact_ctx *fx)
{
    px_compare *c = fx->c;
    size_t n_ent = 0;
    const px_entity *ents = c->ents ? px_entities_list(c->ents, &n_ent) : NULL;
    /* entity mentions by (doc, sentence) */
    PX_VEC(ment) ms = {0};
    for (size_t e = 0; e < n_ent; e++)
        for (size_t m = 0; m < ents[e].n_mentions; m++) {
            const px_mention *x = &ents[e].mentions[m];
            ment v = {x->doc, x->sentence, x->start, x->end, e};
            if (!PX_VEC_PUSH(ms, v)) {
                PX_VEC_FREE(ms);
                return PX_ENOMEM;
            }
        }
    /* a place also stands for the country it lies in: "Istanbul" meets
     * "Turkey", "Kyiv" meets "Ukraine" */
    size_t *country_of = px__malloc((n_ent ? n_ent : 1) * sizeof(size_t));
    if (!country_of) {
        PX_VEC_FREE(ms);
        return PX_ENOMEM;
    }
    for (size_t e = 0; e < n_ent; e++) {
        country_of[e] = SIZE_MAX;
        if (ents[e].type != PX_ENTITY_PLACE || !ents[e].place)
            continue;
        int g = px__place_lookup(ents[e].place, strlen(ents[e].place), NULL, NULL);
        int pg = px__place_part_of(g);
        if (pg < 0)
            continue;
        const char *cn = px__place_name(pg);
        for (size_t k = 0; k < n_ent; k++)
            if (k != e && ents[k].place && !strcmp(ents[k].place, cn))
                country_of[e] = k;
    }
    px__sort(ms.v, ms.n, sizeof(ment), cmp_ment);
    size_t mcur = 0;
    px_buf b = PX_BUF_INIT;
    int rc = 0;
    uint8_t *quoted = NULL;
    /* the quotations of each document (a counting sort by document) */
    size_t *first = px__calloc(c->n_docs + 2, sizeof(size_t));
    size_t *by_doc = px__malloc((c->n_quote_in ? c->n_quote_in : 1) * sizeof(size_t));
    if (!first || !by_doc) {
        rc = PX_ENOMEM;
    } else {
        for (size_t q = 0; q < c->n_quote_in; q++)
            if (c->quote_in[q].doc < c->n_docs)
                first[c->quote_in[q].doc + 2]++;
        for (size_t d = 0; d < c->n_docs; d++)
            first[d + 2] += first[d + 1];
        for (size_t q = 0; q < c->n_quote_in; q++)
            if (c->quote_in[q].doc < c->n_docs)
                by_doc[first[c->quote_in[q].doc + 1]++] = q;
    }
    for (size_t di = 0; di < c->n_docs && !rc; di++) {
        const px_doc *d = c->docs[di];
        /* sentences that are mostly quotation: what someone said is a
         * quotation (compared as such), not a statement of the outlet */
        uint8_t *nq = px__realloc(quoted, d->n_sents ? d->n_sents : 1);
        if (!nq) {
            rc = PX_ENOMEM;
            break;
        }
        quoted = nq;
        mark_quoted(d, quoted);
        mark_quoted_spans(c, di, by_doc, first, quoted);
        for (size_t si = 0; si < d->n_sents && !rc; si++) {
            const px_sentence *s = &d->sents[si];
            if (!unit_block(d->blocks[s->block].kind) || quoted[si])
                continue;
            /* the mentions of this sentence: [m0, m1) of the sorted list */
            while (mcur < ms.n && (ms.v[mcur].doc < di || (ms.v[mcur].doc == di && ms.v[mcur].sent < si)))
                mcur++;
            size_t m0 = mcur, m1 = mcur;
            while (m1 < ms.n && ms.v[m1].doc == di && ms.v[m1].sent == si)
                m1++;
            unit u = {di, si, fx->feats.n, 0, 0, false, fx->nums.n, 0};
            size_t words = 0;
            bool attribution = false;
            for (size_t t = s->first_token; t < s->first_token + s->n_tokens; t++) {
                const px_token *k = &d->toks[t];
                const char *w = d->text + k->start;
                size_t len = k->end - k->start;
                bool in_mention = false;
                for (size_t m = m0; m < m1; m++)
                    if (k->start >= ms.v[m].start && k->end <= ms.v[m].end)
                        in_mention = true;
                long value = 0;
                bool is_num = token_number(d, k, &value);
                if (is_num) {
                    uint64_t h = number_feature(value);
                    if (!PX_VEC_PUSH(fx->feats, h)) {
                        rc = PX_ENOMEM;
                        break;
                    }
                    /* the counted noun: the next word */
                    number_use nu = {value, 0, 0, k->start, k->end};
                    if (t + 1 < s->first_token + s->n_tokens && d->toks[t + 1].kind == PX_TOK_WORD) {
                        const px_token *nk = &d->toks[t + 1];
                        px_buf_clear(&b);
                        px__fold_typography(&b, d->text + nk->start, nk->end - nk->start, true);
                        const sb_symbol *st = sb_stemmer_stem(c->stemmer, (const sb_symbol *)b.ptr, (int)b.len);
                        int sl = st ? sb_stemmer_length(c->stemmer) : 0;
                        if (st && sl > 0) {
                            char tmp[64];
                            size_t n = PX_MIN((size_t)sl, sizeof tmp - 1);
                            px__copy(tmp, st, n);
                            tmp[n] = 0;
                            if (!unit_noun(tmp)) {
                                nu.noun = px__hash(st, (size_t)sl, 5);
                                nu.noun_class = noun_class(tmp);
                                nu.end = nk->end;
                            }
                        }
                    }
                    /* years and percentages are not counts of things */
                    if (!(value >= 1900 && value <= 2100) && !PX_VEC_PUSH(fx->nums, nu)) {
                        rc = PX_ENOMEM;
                        break;
                    }
                    u.checkable = true;
                    words++;
                    continue;
                }
                if (k->kind != PX_TOK_WORD || in_mention)
                    continue;
                word_info wi = word_feature(c, d, k, &b);
                if (wi.according)
                    attribution = true;
                if (wi.told && px__is_speech_verb(w, len))
                    attribution = true;
                words++;
                if (!wi.feature)
                    continue;
                if (!PX_VEC_PUSH(fx->feats, wi.h)) {
                    rc = PX_ENOMEM;
                    break;
                }
            }
            for (size_t m = m0; m < m1 && !rc; m++) {
                uint64_t h = entity_feature(ms.v[m].ent);
                if (!PX_VEC_PUSH(fx->feats, h))
                    rc = PX_ENOMEM;
                if (country_of[ms.v[m].ent] != SIZE_MAX) {
                    h = entity_feature(country_of[ms.v[m].ent]);
                    if (!PX_VEC_PUSH(fx->feats, h))
                        rc = PX_ENOMEM;
                }
                u.checkable = true;
            }
            if (attribution)
                u.checkable = true;
            u.n_feat = fx->feats.n - u.first_feat;
            u.n_num = fx->nums.n - u.first_num;
            /* one bag, each feature once */
            if (u.n_feat)
                px__sort(fx->feats.v + u.first_feat, u.n_feat, sizeof(uint64_t), cmp_u64);
            size_t w2 = u.first_feat;
            for (size_t k = u.first_feat; k < fx->feats.n; k++)
                if (k == u.first_feat || fx->feats.v[k] != fx->feats.v[w2 - 1])
                    fx->feats.v[w2++] = fx->feats.v[k];
            fx->feats.n = w2;
            u.n_feat = w2 - u.first_feat;
            if (words < 5 || u.n_feat < 3) {
                fx->feats.n = u.first_feat;
                fx->nums.n = u.first_num;
                continue;
            }
            if (!PX_VEC_PUSH(fx->units, u))
                rc = PX_ENOMEM;
        }
    }
    if (b.oom)
        rc = PX_ENOMEM;
    px_buf_release(&b);
    PX_VEC_FREE(ms);
    free(country_of);
    free(quoted);
    free(first);
    free(by_doc);
    return rc;
}

/* ---- feature dictionary: hash -> id, document frequency ---- */

typedef struct fdict {
    uint64_t *keys;
    uint32_t *df;
    size_t cap;
} fdict;

static size_t fd_slot(fdict *d, uint64_t h)
{
    size_t k = (size_t)(h * 0x9E3779B97F4A7C15ull >> 20) & (d->cap - 1);
    while (d->keys[k] && d->keys[k] != h)
        k = (k + 1) & (d->cap - 1);
    return k;
}

typedef struct posting {
    uint32_t feat;
    uint32_t unit;
} posting;

static int cmp_posting(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->feat != y->feat)
        return x->feat < y->feat ? -1 : 1;
    return x->unit < y->unit ? -1 : x->unit > y->unit;
}

typedef struct link {
    size_t a, b;
    double sim;
} link;

static int cmp_link_sim(const void *x, const void *y)
{
    const link *p = x, *q = y;
    if (p->sim != q->sim)
        return p->sim > q->sim ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

static int cmp_link(const void *x, const void *y)
{
    const link *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

static size_t ufind(size_t *p, size_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static int cite_cmp(const void *a, const void *b)
{
    const px_cite *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

static int fact_cmp(const void *a, const void *b)
{
    const px_fact *x = a, *y = b;
    if (x->corroborated != y->corroborated)
        return x->corroborated ? -1 : 1;
    if (x->n_docs != y->n_docs)
        return x->n_docs > y->n_docs ? -1 : 1;
    const px_cite *p = &x->cites[0], *q = &y->cites[0];
    if (p->doc != q->doc)
        return p->doc < q->doc ? -1 : 1;
    return p->sentence < q->sentence ? -1 : p->sentence > q->sentence;
}

/* The threshold on the idf-weighted cosine above which two sentences
 * state the same thing; chosen on the seed story and checked on the
 * example story (tests/cli/test_report_seeds prints the figures). */
#define FACT_MIN_COSINE 0.30
/* ... or above this one when they share a number or a month. */
#define FACT_MIN_COSINE_NUMBER 0.20

static char *sentence_text(px_arena *a, const px_doc *d, size_t si)
{
    const px_sentence *s = &d->sents[si];
    return px_arena_strndup(a, d->text + s->start, s->end - s->start);
}

/* ---- conflicts ---- */

typedef PX_VEC(px_conflict) conflict_vec;

/* The role word of a title ("Former U.S. President" -> "president") and
 * whether it says former. false when the title has no role. */
static bool title_role(const char *title, char *role, size_t cap, bool *former)
{
    static const char *const roles[] = {
        "president", "minister", "chancellor", "mayor", "leader", "governor", "secretary",
        "commander", "premier", "king", "queen", "senator", "ambassador", "chief",
        "director", "chairman", "chairwoman", "spokesman", "spokeswoman", "executive",
        "analyst", "consultant", "judge", "general", NULL};
    *former = false;
    role[0] = 0;
    const char *p = title;
    while (*p) {
        while (*p && !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
            p++;
        char w[32];
        size_t k = 0;
        while (*p && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '.' || (unsigned char)*p >= 0x80)) {
            char ch = *p++;
            if (ch != '.' && k < sizeof w - 1)
                w[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        }
        w[k] = 0;
        if (!strcmp(w, "former") || !strcmp(w, "ex"))
            *former = true;
        for (const char *const *r = roles; *r; r++)
            if (!strcmp(w, *r) && k < cap) {
                px__copy(role, w, k + 1);
            }
    }
    return role[0] != 0;
}

static int title_conflicts(px_compare *c, conflict_vec *out)
{
    size_t n_ent = 0;
    const px_entity *ents = c->ents ? px_entities_list(c->ents, &n_ent) : NULL;
    int rc = 0;
    for (size_t e = 0; e < n_ent && !rc; e++) {
        const px_entity *en = &ents[e];
        if (en->type != PX_ENTITY_PERSON)
            continue;
        /* roles this person is given, with and without "former" */
        char roles[8][32];
        size_t n_roles = 0;
        for (size_t m = 0; m < en->n_mentions; m++) {
            const px_mention *x = &en->mentions[m];
            char role[32];
            bool former;
            if (!x->title || !title_role(x->title, role, sizeof role, &former))
                continue;
            size_t r;
            for (r = 0; r < n_roles; r++)
                if (!strcmp(roles[r], role))
                    break;
            if (r == n_roles && n_roles < 8)
                strcpy(roles[n_roles++], role);
        }
        for (size_t r = 0; r < n_roles && !rc; r++) {
            PX_VEC(px_cite) side[2] = {{0}, {0}};
            const char *label[2] = {NULL, NULL};
            size_t docs_side[2] = {0, 0};
            size_t last_doc[2] = {SIZE_MAX, SIZE_MAX};
            for (size_t m = 0; m < en->n_mentions; m++) {
                const px_mention *x = &en->mentions[m];
                char role[32];
                bool former;
                if (!x->title || !title_role(x->title, role, sizeof role, &former) ||
                    strcmp(role, roles[r]))
                    continue;
                int sd = former ? 1 : 0;
                const px_sentence *s = &c->docs[x->doc]->sents[x->sentence];
                (void)s;
                px_cite ct = {x->doc, x->sentence, x->start, x->end};
                if (!PX_VEC_PUSH(side[sd], ct)) {
                    rc = PX_ENOMEM;
                    break;
                }
                if (!label[sd])
                    label[sd] = x->title;
                if (last_doc[sd] != x->doc) {
                    docs_side[sd]++;
                    last_doc[sd] = x->doc;
                }
            }
            if (!rc && side[0].n && side[1].n) {
                /* a document on both sides (it quotes the old title) does
                 * not make a conflict by itself */
                bool distinct = false;
                for (size_t a = 0; a < side[0].n && !distinct; a++) {
                    bool also = false;
                    for (size_t b = 0; b < side[1].n; b++)
                        if (c->outlet[side[1].v[b].doc] == c->outlet[side[0].v[a].doc])
                            also = true;
                    if (!also)
                        distinct = true;
                }
                if (distinct) {
                    px_conflict_side *sides = px_arena_calloc(&c->arena, 2, sizeof(*sides));
                    px_buf w = PX_BUF_INIT;
                    px_buf_printf(&w, "%s's title", en->name);
                    char *what = px_arena_strndup(&c->arena, w.ptr, w.len);
                    px_buf_release(&w);
                    if (!sides || !what) {
                        rc = PX_ENOMEM;
                    } else {
                        for (int sd = 0; sd < 2 && !rc; sd++) {
                            px_cite *cites = px_arena_alloc(&c->arena, side[sd].n * sizeof(px_cite));
                            if (!cites) {
                                rc = PX_ENOMEM;
                                break;
                            }
                            px__copy(cites, side[sd].v, side[sd].n * sizeof(px_cite));
                            sides[sd].value = label[sd];
                            sides[sd].cites = cites;
                            sides[sd].n_cites = side[sd].n;
                        }
                        px_conflict cf = {what, "title", sides, 2};
                        if (!rc && !PX_VEC_PUSH(*out, cf))
                            rc = PX_ENOMEM;
                    }
                }
            }
            PX_VEC_FREE(side[0]);
            PX_VEC_FREE(side[1]);
        }
    }
    return rc;
}

/* Within one fact: outlets counting the same kind of thing differently. */
static int number_conflicts(px_compare *c, fact_ctx *fx, const size_t *members, size_t n,
                            const char *fact_text, conflict_vec *out)
{
    (void)fact_text;
    const unit *U = fx->units.v;
    for (size_t a = 0; a < n; a++) {
        const unit *ua = &U[members[a]];
        for (size_t i = 0; i < ua->n_num; i++) {
            const number_use *x = &fx->nums.v[ua->first_num + i];
            if (!x->noun)
                continue;
            for (size_t b = 0; b < n; b++) {
                const unit *ub = &U[members[b]];
                if (c->outlet[ub->doc] == c->outlet[ua->doc])
                    continue;
                for (size_t j = 0; j < ub->n_num; j++) {
                    const number_use *y = &fx->nums.v[ub->first_num + j];
                    if (!y->noun || y->value == x->value)
                        continue;
                    bool same_kind = x->noun == y->noun || (x->noun_class && x->noun_class == y->noun_class);
                    if (!same_kind)
                        continue;
                    /* does a sentence of the fact give both numbers? then
                     * they count different things */
                    bool shared = false;
                    for (size_t m = 0; m < n && !shared; m++) {
                        const unit *um = &U[members[m]];
                        bool hx = false, hy = false;
                        for (size_t k = 0; k < um->n_num; k++) {
                            hx |= fx->nums.v[um->first_num + k].value == x->value;
                            hy |= fx->nums.v[um->first_num + k].value == y->value;
                        }
                        shared = hx && hy;
                    }
                    if (shared)
                        continue;
                    /* gather all sentences of the fact on each side */
                    px_conflict_side *sides = px_arena_calloc(&c->arena, 2, sizeof(*sides));
                    if (!sides)
                        return PX_ENOMEM;
                    long vals[2] = {x->value, y->value};
                    for (int sd = 0; sd < 2; sd++) {
                        PX_VEC(px_cite) cv = {0};
                        const char *label = NULL;
                        for (size_t m = 0; m < n; m++) {
                            const unit *um = &U[members[m]];
                            for (size_t k = 0; k < um->n_num; k++) {
                                const number_use *z = &fx->nums.v[um->first_num + k];
                                if (z->value != vals[sd] || !z->noun)
                                    continue;
                                bool kind_ok = z->noun == x->noun || z->noun == y->noun ||
                                               (z->noun_class && z->noun_class == x->noun_class);
                                if (!kind_ok)
                                    continue;
                                px_cite ct = {um->doc, um->sent, z->start, z->end};
                                if (!PX_VEC_PUSH(cv, ct)) {
                                    PX_VEC_FREE(cv);
                                    return PX_ENOMEM;
                                }
                                if (!label)
                                    label = px_arena_strndup(&c->arena, c->docs[um->doc]->text + z->start,
                                                             z->end - z->start);
                                break;
                            }
                        }
                        px_cite *cites = px_arena_alloc(&c->arena, (cv.n ? cv.n : 1) * sizeof(px_cite));
                        if (!cites) {
                            PX_VEC_FREE(cv);
                            return PX_ENOMEM;
                        }
                        px__copy(cites, cv.v, cv.n * sizeof(px_cite));
                        sides[sd].value = label ? label : "";
                        sides[sd].cites = cites;
                        sides[sd].n_cites = cv.n;
                        PX_VEC_FREE(cv);
                    }
                    px_buf w = PX_BUF_INIT;
                    px_buf_printf(&w, "how many: %s or %s", sides[0].value, sides[1].value);
                    char *what = px_arena_strndup(&c->arena, w.ptr, w.len);
                    px_buf_release(&w);
                    if (!what)
                        return PX_ENOMEM;
                    px_conflict cf = {what, "number", sides, 2};
                    return PX_VEC_PUSH(*out, cf) ? 0 : PX_ENOMEM;
                }
            }
        }
    }
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* A feature of a fact's sentences and the number of outlets whose
 * sentence has it. */
typedef struct feat_spread {
    uint64_t feat;
    size_t outlet; /* while counting; then the number of outlets */
} feat_spread;
typedef PX_VEC(feat_spread) feat_spread_vec;

static int cmp_feat_spread(const void *a, const void *b)
{
    const feat_spread *x = a, *y = b;
    if (x->feat != y->feat)
        return x->feat < y->feat ? -1 : 1;
    return (x->outlet > y->outlet) - (x->outlet < y->outlet);
}

/* *out: each feature of the n units members[] with the number of
 * distinct outlets whose units have it, sorted by feature. */
static int spread_of_features(const px_compare *c, const fact_ctx *fx, const size_t *members, size_t n,
                              feat_spread_vec *out)
{
    out->n = 0;
    for (size_t m = 0; m < n; m++) {
        const unit *a = &fx->units.v[members[m]];
        for (size_t i = 0; i < a->n_feat; i++) {
            feat_spread x = {fx->feats.v[a->first_feat + i], c->outlet[a->doc]};
            if (!PX_VEC_PUSH(*out, x))
                return PX_ENOMEM;
        }
    }
    px__sort(out->v, out->n, sizeof(feat_spread), cmp_feat_spread);
    size_t k = 0;
    for (size_t i = 0; i < out->n;) {
        size_t j = i, outlets = 0;
        for (; j < out->n && out->v[j].feat == out->v[i].feat; j++)
            outlets += j == i || out->v[j].outlet != out->v[j - 1].outlet;
        out->v[k++] = (feat_spread){out->v[i].feat, outlets};
        i = j;
    }
    out->n = k;
    return 0;
}

/* The number of outlets with feature x, from spread_of_features. */
static size_t feature_outlets(const feat_spread_vec *s, uint64_t x)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (s->v[m].feat < x)
            lo = m + 1;
        else
            hi = m;
    }
    return lo < s->n && s->v[lo].feat == x ? s->v[lo].outlet : 0;
}

/* Orders units by outlet, then features (the sequence), then index. */
typedef struct unit_key {
    size_t outlet;
    uint64_t hash; /* of the feature sequence */
    size_t unit;
} unit_key;

static int cmp_unit_key(const void *a, const void *b)
{
    const unit_key *x = a, *y = b;
    if (x->outlet != y->outlet)
        return x->outlet < y->outlet ? -1 : 1;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->unit > y->unit) - (x->unit < y->unit);
}

/* Whether units a and b have the same features in the same order. */
static bool same_features(const fact_ctx *fx, const unit *a, const unit *b)
{
    return a->n_feat == b->n_feat &&
           (!a->n_feat || !memcmp(fx->feats.v + a->first_feat, fx->feats.v + b->first_feat,
                                  a->n_feat * sizeof(uint64_t)));
}

/* *out[u]: unit u has the features of an earlier unit of its outlet. */
static int mark_repeats(const px_compare *c, const fact_ctx *fx, bool **out)
{
    size_t nu = fx->units.n;
    bool *rep = px__calloc(nu ? nu : 1, sizeof(bool));
    unit_key *keys = px__malloc((nu ? nu : 1) * sizeof(unit_key));
    if (!rep || !keys) {
        free(rep);
        free(keys);
        return PX_ENOMEM;
    }
    for (size_t u = 0; u < nu; u++) {
        const unit *un = &fx->units.v[u];
        uint64_t h = px__hash(fx->feats.v + un->first_feat, un->n_feat * sizeof(uint64_t), 0x5eedu);
        keys[u] = (unit_key){c->outlet[un->doc], h, u};
    }
    px__sort(keys, nu, sizeof(unit_key), cmp_unit_key);
    /* within a run of one outlet and hash, each unit against the first
     * of its features (runs of different features sharing a hash are
     * compared pairwise, a handful at most) */
    for (size_t a = 0, b; a < nu; a = b) {
        for (b = a + 1; b < nu && keys[b].outlet == keys[a].outlet && keys[b].hash == keys[a].hash; b++)
            ;
        for (size_t i = a + 1; i < b; i++)
            for (size_t j = a; j < i && !rep[keys[i].unit]; j++)
                if (!rep[keys[j].unit] &&
                    same_features(fx, &fx->units.v[keys[j].unit], &fx->units.v[keys[i].unit]))
                    rep[keys[i].unit] = true;
    }
    free(keys);
    *out = rep;
    return 0;
}

int px__compare_facts(px_compare *c)
{
    fact_ctx fx = {.c = c};
    conflict_vec conflicts = {0};
    posting *post = NULL;
    fdict dict = {0};
    uint32_t *fid = NULL;
    double *w = NULL;
    size_t *parent = NULL;
    double *score = NULL;
    uint32_t *nshared = NULL;
    uint32_t *touched = NULL;
    size_t *best_j = NULL, *outlets_hit = NULL;
    double *best_s = NULL;
    size_t *members = NULL;
    PX_VEC(link) links = {0};
    feat_spread_vec spread = {0};
    bool *repeat = NULL;
    typedef PX_VEC(size_t) outlet_vec;
    outlet_vec *outlets_of = NULL;
    int rc = build_units(&fx);
    if (rc)
        goto done;
    size_t nu = fx.units.n;
    size_t nf = fx.feats.n;
    /* feature ids and document frequencies */
    dict.cap = 16;
    while (dict.cap < nf * 2 + 16)
        dict.cap *= 2;
    dict.keys = px__calloc(dict.cap, sizeof(uint64_t));
    dict.df = px__calloc(dict.cap, sizeof(uint32_t));
    fid = px__malloc((nf ? nf : 1) * sizeof(uint32_t));
    if (!dict.keys || !dict.df || !fid) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < nf; k++) {
        uint64_t h = fx.feats.v[k] ? fx.feats.v[k] : 1;
        size_t s = fd_slot(&dict, h);
        dict.keys[s] = h;
        dict.df[s]++;
        fid[k] = (uint32_t)s;
    }
    w = px__malloc((nf ? nf : 1) * sizeof(double));
    if (!w) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < nf; k++)
        w[k] = log(1.0 + (double)nu / (double)dict.df[fid[k]]);
    for (size_t u = 0; u < nu; u++) {
        unit *un = &fx.units.v[u];
        double s = 0;
        for (size_t k = 0; k < un->n_feat; k++)
            s += w[un->first_feat + k] * w[un->first_feat + k];
        un->norm = sqrt(s);
    }
    /* postings of features that are not everywhere */
    size_t max_df = 64 + nu / 50;
    post = px__malloc((nf ? nf : 1) * sizeof(posting));
    if (!post) {
        rc = PX_ENOMEM;
        goto done;
    }
    /* a sentence that repeats an earlier one of its outlet word for word
     * (copies of one article) can never be anyone's best match: it ties
     * with the earlier one, which is met first. It is left out of the
     * matching, which then grows with the distinct sentences of each
     * outlet, not with the copies */
    if ((rc = mark_repeats(c, &fx, &repeat)))
        goto done;
    size_t np = 0;
    for (size_t u = 0; u < nu; u++) {
        unit *un = &fx.units.v[u];
        if (repeat[u])
            continue;
        for (size_t k = 0; k < un->n_feat; k++)
            if (dict.df[fid[un->first_feat + k]] <= max_df)
                post[np++] = (posting){fid[un->first_feat + k], (uint32_t)u};
    }
    px__sort(post, np, sizeof(posting), cmp_posting);
    /* feature id -> range in post */
    size_t *pstart = px__malloc((dict.cap + 1) * sizeof(size_t));
    if (!pstart) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k <= dict.cap; k++)
        pstart[k] = SIZE_MAX;
    for (size_t k = np; k-- > 0;)
        pstart[post[k].feat] = k;
    parent = px__malloc((nu ? nu : 1) * sizeof(size_t));
    score = px__calloc(nu ? nu : 1, sizeof(double));
    nshared = px__calloc(nu ? nu : 1, sizeof(uint32_t));
    touched = px__malloc((nu ? nu : 1) * sizeof(uint32_t));
    best_j = px__malloc((c->n_docs ? c->n_docs : 1) * sizeof(size_t));
    best_s = px__malloc((c->n_docs ? c->n_docs : 1) * sizeof(double));
    outlets_hit = px__malloc((c->n_docs ? c->n_docs : 1) * sizeof(size_t));
    if (!parent || !score || !nshared || !touched || !best_j || !best_s || !outlets_hit) {
        free(pstart);
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t d = 0; d < c->n_docs; d++)
        best_j[d] = SIZE_MAX, best_s[d] = 0;
    for (size_t u = 0; u < nu; u++)
        parent[u] = u;
    for (size_t u = 0; u < nu; u++) {
        unit *un = &fx.units.v[u];
        size_t nt = 0;
        if (repeat[u])
            continue;
        for (size_t k = 0; k < un->n_feat; k++) {
            uint32_t f = fid[un->first_feat + k];
            if (dict.df[f] > max_df || pstart[f] == SIZE_MAX)
                continue;
            double wk = w[un->first_feat + k];
            for (size_t p = pstart[f]; p < np && post[p].feat == f; p++) {
                uint32_t v = post[p].unit;
                if (v == u || c->outlet[fx.units.v[v].doc] == c->outlet[un->doc])
                    continue;
                if (score[v] == 0)
                    touched[nt++] = v;
                score[v] += wk * wk;
                if (dict.keys[f] & NUM_FEATURE)
                    nshared[v]++;
            }
        }
        /* the best match in each other outlet; best_j and best_s are
         * cleared after use (outlets_hit), not for every unit */
        size_t n_hit = 0;
        for (size_t k = 0; k < nt; k++) {
            uint32_t v = touched[k];
            double cos = score[v] / (un->norm * fx.units.v[v].norm + 1e-9);
            bool number = nshared[v] > 0;
            score[v] = 0;
            nshared[v] = 0;
            size_t o = c->outlet[fx.units.v[v].doc];
            if ((cos >= FACT_MIN_COSINE || (number && cos >= FACT_MIN_COSINE_NUMBER)) && cos > best_s[o]) {
                if (best_j[o] == SIZE_MAX)
                    outlets_hit[n_hit++] = o;
                best_s[o] = cos;
                best_j[o] = v;
            }
        }
        px__sort(outlets_hit, n_hit, sizeof(size_t), cmp_size);
        for (size_t h = 0; h < n_hit; h++) {
            size_t o = outlets_hit[h];
            link l = {PX_MIN(u, best_j[o]), PX_MAX(u, best_j[o]), best_s[o]};
            if (!rc && !PX_VEC_PUSH(links, l))
                rc = PX_ENOMEM;
            best_j[o] = SIZE_MAX, best_s[o] = 0;
        }
    }
    free(pstart);
    if (rc)
        goto done;
    /* two sentences state the same thing when each is the other's best
     * match in the other's outlet: one-sided links would chain a whole
     * story into one fact */
    px__sort(links.v, links.n, sizeof(link), cmp_link);
    size_t n_mutual = 0;
    for (size_t k = 0; k + 1 < links.n; k++)
        if (links.v[k].a == links.v[k + 1].a && links.v[k].b == links.v[k + 1].b) {
            links.v[n_mutual++] = links.v[k];
            k++;
        }
    /* closest pairs first; a fact takes one sentence per outlet, so two
     * sentences of one article never end up stating "the same thing" */
    px__sort(links.v, n_mutual, sizeof(link), cmp_link_sim);
    outlets_of = px__calloc(nu ? nu : 1, sizeof(*outlets_of));
    if (!outlets_of) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t u = 0; u < nu && !rc; u++) {
        size_t o = c->outlet[fx.units.v[u].doc];
        if (!PX_VEC_PUSH(outlets_of[u], o))
            rc = PX_ENOMEM;
    }
    for (size_t k = 0; k < n_mutual && !rc; k++) {
        size_t a = ufind(parent, links.v[k].a), b = ufind(parent, links.v[k].b);
        if (a == b)
            continue;
        bool clash = false;
        for (size_t x = 0; x < outlets_of[a].n && !clash; x++)
            for (size_t y = 0; y < outlets_of[b].n; y++)
                if (outlets_of[a].v[x] == outlets_of[b].v[y]) {
                    clash = true;
                    break;
                }
        if (clash)
            continue;
        size_t root = PX_MIN(a, b), other = PX_MAX(a, b);
        parent[other] = root;
        for (size_t y = 0; y < outlets_of[other].n && !rc; y++)
            if (!PX_VEC_PUSH(outlets_of[root], outlets_of[other].v[y]))
                rc = PX_ENOMEM;
        PX_VEC_FREE(outlets_of[other]);
    }
    if (rc)
        goto done;
    /* facts: components */
    PX_VEC(px_fact) facts = {0};
    PX_VEC(uint64_t) own_feats = {0};
    members = px__malloc((nu ? nu : 1) * sizeof(size_t));
    size_t *order = px__malloc((nu ? nu : 1) * sizeof(size_t));
    if (!members || !order) {
        free(order);
        rc = PX_ENOMEM;
        goto done;
    }
    /* bucket by root */
    for (size_t u = 0; u < nu; u++)
        order[u] = u;
    for (size_t u = 0; u < nu; u++)
        parent[u] = ufind(parent, u);
    /* counting sort by root */
    size_t *cnt = px__calloc(nu + 1, sizeof(size_t));
    if (!cnt) {
        free(order);
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t u = 0; u < nu; u++)
        cnt[parent[u] + 1]++;
    for (size_t r = 0; r < nu; r++)
        cnt[r + 1] += cnt[r];
    for (size_t u = 0; u < nu; u++)
        members[cnt[parent[u]]++] = u;
    free(cnt);
    free(order);
    for (size_t k = 0; k < nu && !rc;) {
        size_t e = k;
        while (e < nu && parent[members[e]] == parent[members[k]])
            e++;
        /* outlets */
        size_t n_out = 0;
        for (size_t m = k; m < e; m++) {
            bool seen = false;
            for (size_t q = k; q < m; q++)
                if (c->outlet[fx.units.v[members[q]].doc] == c->outlet[fx.units.v[members[m]].doc])
                    seen = true;
            n_out += !seen;
        }
        bool corroborated = n_out >= 2;
        if (!corroborated && !fx.units.v[members[k]].checkable) {
            k = e;
            continue;
        }
        /* representative: the member closest to all others */
        size_t rep = members[k];
        double best = -1;
        for (size_t m = k; m < e && e - k > 1; m++) {
            const unit *a = &fx.units.v[members[m]];
            double tot = 0;
            for (size_t q = k; q < e; q++) {
                if (q == m)
                    continue;
                const unit *b = &fx.units.v[members[q]];
                double dot = 0;
                size_t i = 0, j = 0;
                while (i < a->n_feat && j < b->n_feat) {
                    uint64_t x = fx.feats.v[a->first_feat + i], y = fx.feats.v[b->first_feat + j];
                    if (x == y) {
                        dot += w[a->first_feat + i] * w[a->first_feat + i];
                        i++, j++;
                    } else if (x < y) {
                        i++;
                    } else {
                        j++;
                    }
                }
                tot += dot / (a->norm * b->norm + 1e-9);
            }
            if (tot > best) {
                best = tot;
                rep = members[m];
            }
        }
        px_cite *cites = px_arena_alloc(&c->arena, (e - k) * sizeof(px_cite));
        if (!cites) {
            rc = PX_ENOMEM;
            break;
        }
        for (size_t m = k; m < e; m++) {
            const unit *um = &fx.units.v[members[m]];
            const px_sentence *s = &c->docs[um->doc]->sents[um->sent];
            cites[m - k] = (px_cite){um->doc, um->sent, s->start, s->end};
        }
        px__sort(cites, e - k, sizeof(px_cite), cite_cmp);
        px_fact f = {sentence_text(&c->arena, c->docs[fx.units.v[rep].doc], fx.units.v[rep].sent),
                     cites, e - k, n_out, corroborated, NULL};
        if (!f.text || !PX_VEC_PUSH(facts, f)) {
            rc = PX_ENOMEM;
            break;
        }
        if (corroborated)
            rc = number_conflicts(c, &fx, members + k, e - k, f.text, &conflicts);
        /* a sentence of a shared fact can say more than the others: when
         * much of its weight is in features no other outlet's sentence
         * has ("measured 3.1 on the local scale"), it is also a
         * single-source fact */
        if (corroborated && !rc)
            rc = spread_of_features(c, &fx, members + k, e - k, &spread);
        for (size_t m = k; m < e && corroborated && !rc; m++) {
            const unit *a = &fx.units.v[members[m]];
            if (!a->checkable)
                continue;
            double own = 0, all = 0;
            bool own_number = false;
            own_feats.n = 0;
            for (size_t i = 0; i < a->n_feat; i++) {
                uint64_t x = fx.feats.v[a->first_feat + i];
                double wx = w[a->first_feat + i] * w[a->first_feat + i];
                all += wx;
                /* another outlet's sentence has it: the feature is in two
                 * outlets' sentences or more (a's is one of them) */
                bool elsewhere = feature_outlets(&spread, x) >= 2;
                if (!elsewhere) {
                    own += wx;
                    if (x & NUM_FEATURE)
                        own_number = true;
                    if (!PX_VEC_PUSH(own_feats, x))
                        rc = PX_ENOMEM;
                }
            }
            if (own < FACT_OWN_SHARE * all && !(own_number && own >= 0.25 * all))
                continue;
            px_cite *one = px_arena_alloc(&c->arena, sizeof(px_cite));
            if (!one) {
                rc = PX_ENOMEM;
                break;
            }
            const px_sentence *se = &c->docs[a->doc]->sents[a->sent];
            *one = (px_cite){a->doc, a->sent, se->start, se->end};
            px_fact sf = {sentence_text(&c->arena, c->docs[a->doc], a->sent), one, 1, 1, 0, NULL};
            if (!rc)
                rc = own_words(c, a->doc, a->sent, own_feats.v, own_feats.n, &sf.only_here);
            if (!rc && (!sf.text || !PX_VEC_PUSH(facts, sf)))
                rc = PX_ENOMEM;
        }
        k = e;
    }
    if (!rc) {
        px__sort(facts.v, facts.n, sizeof(px_fact), fact_cmp);
        c->facts = px_arena_alloc(&c->arena, (facts.n ? facts.n : 1) * sizeof(px_fact));
        if (!c->facts)
            rc = PX_ENOMEM;
        else {
            px__copy(c->facts, facts.v, facts.n * sizeof(px_fact));
            c->n_facts = facts.n;
        }
    }
    PX_VEC_FREE(facts);
    PX_VEC_FREE(own_feats);
    if (!rc)
        rc = title_conflicts(c, &conflicts);
    if (!rc) {
        /* titles first: they are the surest */
        c->conflicts = px_arena_alloc(&c->arena, (conflicts.n ? conflicts.n : 1) * sizeof(px_conflict));
        if (!c->conflicts) {
            rc = PX_ENOMEM;
        } else {
            size_t k = 0;
            for (size_t i = 0; i < conflicts.n; i++)
                if (!strcmp(conflicts.v[i].kind, "title"))
                    c->conflicts[k++] = conflicts.v[i];
            for (size_t i = 0; i < conflicts.n; i++)
                if (strcmp(conflicts.v[i].kind, "title"))
                    c->conflicts[k++] = conflicts.v[i];
            c->n_conflicts = k;
        }
    }
done:
    if (outlets_of)
        for (size_t u = 0; u < fx.units.n; u++)
            PX_VEC_FREE(outlets_of[u]);
    free(outlets_of);
    PX_VEC_FREE(links);
    PX_VEC_FREE(conflicts);
    PX_VEC_FREE(fx.units);
    PX_VEC_FREE(fx.feats);
    PX_VEC_FREE(fx.nums);
    free(post);
    free(dict.keys);
    free(dict.df);
    free(fid);
    free(w);
    free(parent);
    free(score);
    free(nshared);
    free(touched);
    free(best_j);
    free(best_s);
    free(outlets_hit);
    free(repeat);
    free(members);
    PX_VEC_FREE(spread);
    return rc;
}
