/*
 * features.c - what the grouper reads from a document, in one pass over
 * its tokens: the hash of its case-folded words (exact duplicates), the
 * MinHash signature of its word shingles (near-duplicates), and its story
 * terms: stemmed content words, names (capitalised words inside a
 * sentence, and pairs of them), numbers and places, with headline words
 * counting more. Pure function of the document, so threads can share it.
 */
#include <libstemmer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../entity/entity.h"
#include "group.h"

struct px_feat_ctx {
    int num_perm, shingle;
    uint32_t *seeds;
    struct sb_stemmer *stem;
    px_buf word, prev_cap;
    PX_VEC(uint32_t) shingles;
    PX_VEC(uint64_t) ring;
    PX_VEC(px_term) raw;
    /* word hash -> index into stem_key: the term key of the word's stem,
     * 0 for a stopword or a one-letter word (stemming is the dearest step
     * and news vocabulary repeats) */
    px_u64map stem_of;
    PX_VEC(uint64_t) stem_key;
    PX_VEC(uint32_t) tmp32;
    PX_VEC(px_term) tmp_terms;
};

enum { STEM_CACHE_MAX = 1 << 21 };

/* Function words carry no story; the list is the usual English one. */
static const char *const stopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "last", "may", "me", "might", "more", "most", "mr", "mrs", "ms", "much",
    "must", "my", "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
    "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same",
    "say", "says", "she", "should", "since", "so", "some", "such", "than", "that", "the",
    "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
    "through", "to", "told", "too", "two", "under", "until", "up", "us", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "year", "years", "yesterday", "you", "your", "yours", "yourself", "yourselves",
};

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_stopword(const char *w)
{
    const char *key = w;
    return bsearch(&key, stopwords, PX_ARRAY_LEN(stopwords), sizeof stopwords[0], cmp_cstr) !=
           NULL;
}

px_feat_ctx *px__feat_ctx_new(int num_perm, int shingle, uint64_t seed)
{
    px_feat_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->num_perm = num_perm;
    c->shingle = shingle;
    px_buf_init(&c->word);
    px_buf_init(&c->prev_cap);
    c->seeds = malloc((size_t)num_perm * sizeof *c->seeds);
    c->stem = sb_stemmer_new("english", NULL);
    if (!c->seeds || !c->stem) {
        px__feat_ctx_free(c);
        return NULL;
    }
    px__minhash_seeds(seed, num_perm, c->seeds);
    return c;
}

void px__feat_ctx_free(px_feat_ctx *c)
{
    if (!c)
        return;
    free(c->seeds);
    if (c->stem)
        sb_stemmer_delete(c->stem);
    px_buf_release(&c->word);
    px_buf_release(&c->prev_cap);
    PX_VEC_FREE(c->shingles);
    PX_VEC_FREE(c->ring);
    PX_VEC_FREE(c->raw);
    px__u64map_release(&c->stem_of);
    PX_VEC_FREE(c->tmp32);
    PX_VEC_FREE(c->tmp_terms);
    PX_VEC_FREE(c->stem_key);
    free(c);
}

void px__feat_release(px_group_feat *f)
{
    if (!f)
        return;
    free(f->sig);
    free(f->shingles);
    free(f->terms);
    memset(f, 0, sizeof *f);
}

/* Case-folded form of a token into c->word; ASCII takes a fast path. */
static void fold_word(px_feat_ctx *c, const char *s, size_t len)
{
    px_buf_clear(&c->word);
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) {
        if (!px_buf_grow(&c->word, len))
            return;
        for (size_t i = 0; i < len; i++) {
            char ch = s[i];
            c->word.ptr[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
        }
        c->word.len = len;
        c->word.ptr[len] = 0;
    } else {
        px__fold_typography(&c->word, s, len, true);
    }
}

static inline uint64_t mix64(uint64_t h)
{
    h ^= h >> 31;
    h *= 0x7fb5d329728ea185ULL;
    h ^= h >> 27;
    h *= 0x81dadef4bc2dd44dULL;
    h ^= h >> 33;
    return h;
}

static uint64_t term_key(char kind, const char *s, size_t len)
{
    uint64_t key = px__hash(s, len, (uint64_t)(unsigned char)kind * 0x9e3779b97f4a7c15ULL);
    return key ? key : 1;
}

static bool push_term(px_feat_ctx *c, char kind, const char *s, size_t len, float w)
{
    px_term t = {term_key(kind, s, len), w};
    return PX_VEC_PUSH(c->raw, t);
}

/* The stem term key of the folded word in c->word (hash wh), 0 for a
 * stopword; *stop tells a stopword. Cached per context. */
static int stem_lookup(px_feat_ctx *c, uint64_t wh, uint64_t *key, bool *stop)
{
    uint32_t *idx = px__u64map_get(&c->stem_of, wh);
    if (idx) {
        *key = c->stem_key.v[*idx];
        *stop = *key == 0;
        return PX_OK;
    }
    *stop = is_stopword(c->word.ptr);
    *key = 0;
    if (!*stop && c->word.len >= 2) {
        const sb_symbol *st =
            sb_stemmer_stem(c->stem, (const sb_symbol *)c->word.ptr, (int)c->word.len);
        if (!st)
            return PX_ENOMEM;
        *key = term_key('w', (const char *)st, (size_t)sb_stemmer_length(c->stem));
    }
    if (c->stem_key.n < STEM_CACHE_MAX) {
        uint32_t *slot = px__u64map_upsert(&c->stem_of, wh, (uint32_t)c->stem_key.n, NULL);
        if (!slot || !PX_VEC_PUSH(c->stem_key, *key))
            return PX_ENOMEM;
    }
    /* a one-letter word has no stem key but is no stopword */
    *stop = *stop || c->word.len < 2;
    return PX_OK;
}

/* LSD radix sorts: a few hundred keys a document, where qsort's
 * comparisons cost more than the rest of the features together. */
static void radix_u32(uint32_t *a, uint32_t *tmp, size_t n)
{
    if (n < 2)
        return;
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[((a[i] >> shift) & 255) + 1]++;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            tmp[count[(a[i] >> shift) & 255]++] = a[i];
        memcpy(a, tmp, n * sizeof *a);
    }
}

static void radix_terms(px_term *a, px_term *tmp, size_t n)
{
    if (n < 2)
        return;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[((a[i].key >> shift) & 255) + 1]++;
        if (count[((a[0].key >> shift) & 255) + 1] == n)
            continue; /* every key has this byte */
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            tmp[count[(a[i].key >> shift) & 255]++] = a[i];
        memcpy(a, tmp, n * sizeof *a);
    }
}

static bool story_block(px_block_kind k)
{
    return k == PX_BLOCK_BODY || k == PX_BLOCK_HEADLINE || k == PX_BLOCK_STANDFIRST ||
           k == PX_BLOCK_HEADING || k == PX_BLOCK_CAPTION;
}

int px__feat_compute(px_feat_ctx *c, const px_doc *doc, px_group_feat *out)
{
    memset(out, 0, sizeof *out);
    out->day = px__day_number(doc->date);
    c->shingles.n = 0;
    c->ring.n = 0;
    c->raw.n = 0;
    const size_t k = (size_t)c->shingle;
    if (!PX_VEC_RESERVE(c->ring, k))
        return PX_ENOMEM;
    uint64_t exact = 0x84222325cbf29ce4ULL;
    size_t n_words = 0;
    size_t prev_cap_tok = (size_t)-1; /* index of the previous name word */
    for (size_t bi = 0; bi < doc->n_blocks; bi++) {
        const px_block *blk = &doc->blocks[bi];
        bool story = story_block(blk->kind);
        float boost = blk->kind == PX_BLOCK_HEADLINE ? 2.0f : 1.0f;
        for (size_t si = blk->first_sentence; si < blk->first_sentence + blk->n_sentences; si++) {
            const px_sentence *se = &doc->sents[si];
            /* the lead sentences say what happened */
            float sboost = boost * (si < 3 ? 1.5f : 1.0f);
            for (size_t ti = se->first_token; ti < se->first_token + se->n_tokens; ti++) {
                const px_token *t = &doc->toks[ti];
                if (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER)
                    continue;
                const char *s = doc->text + t->start;
                size_t len = t->end - t->start;
                fold_word(c, s, len);
                if (c->word.oom)
                    return PX_ENOMEM;
                uint64_t wh = px__hash(c->word.ptr, c->word.len, 0);
                exact = mix64(exact ^ wh) + 0x9e3779b97f4a7c15ULL;
                /* shingles: rolling window of the last k word hashes */
                c->ring.v[n_words % k] = wh;
                n_words++;
                if (n_words >= k) {
                    uint64_t h = 0;
                    for (size_t j = 0; j < k; j++)
                        h = mix64(h ^ c->ring.v[(n_words - k + j) % k]) + j;
                    if (!PX_VEC_PUSH(c->shingles, (uint32_t)(h ^ (h >> 32))))
                        return PX_ENOMEM;
                }
                if (!story)
                    continue;
                if (t->kind == PX_TOK_NUMBER) {
                    /* a year tells look-alike events apart */
                    bool year = c->word.len == 4 && (!memcmp(c->word.ptr, "19", 2) ||
                                                     !memcmp(c->word.ptr, "20", 2));
                    if (!push_term(c, 'n', c->word.ptr, c->word.len,
                                   (year ? 3.0f : 1.5f) * sboost))
                        return PX_ENOMEM;
                    prev_cap_tok = (size_t)-1;
                    continue;
                }
                bool name = (t->flags & PX_TF_CAP) && !(t->flags & PX_TF_SENT_START) &&
                            c->word.len > 1;
                uint64_t stem;
                bool stop;
                if (stem_lookup(c, wh, &stem, &stop))
                    return PX_ENOMEM;
                if (name && !stop) {
                    if (!push_term(c, 'e', c->word.ptr, c->word.len, 3.0f * sboost))
                        return PX_ENOMEM;
                    int kind, capital_of;
                    if (px__place_lookup(s, len, &kind, &capital_of) >= 0 &&
                        !push_term(c, 'p', c->word.ptr, c->word.len, 1.0f * sboost))
                        return PX_ENOMEM;
                    if (prev_cap_tok + 1 == ti) {
                        px_buf_put(&c->prev_cap, " ", 1);
                        px_buf_put(&c->prev_cap, c->word.ptr, c->word.len);
                        if (c->prev_cap.oom ||
                            !push_term(c, 'b', c->prev_cap.ptr, c->prev_cap.len, 4.0f * sboost))
                            return PX_ENOMEM;
                    }
                    px_buf_clear(&c->prev_cap);
                    px_buf_put(&c->prev_cap, c->word.ptr, c->word.len);
                    prev_cap_tok = ti;
                } else {
                    prev_cap_tok = (size_t)-1;
                }
                if (stop)
                    continue;
                px_term term = {stem, sboost};
                if (!PX_VEC_PUSH(c->raw, term))
                    return PX_ENOMEM;
            }
        }
    }
    if (doc->date && strlen(doc->date) >= 4 && !push_term(c, 'n', doc->date, 4, 2.0f))
        return PX_ENOMEM;
    if (n_words && n_words < k) {
        uint64_t h = 0;
        for (size_t j = 0; j < n_words; j++)
            h = mix64(h ^ c->ring.v[j]) + j;
        if (!PX_VEC_PUSH(c->shingles, (uint32_t)(h ^ (h >> 32))))
            return PX_ENOMEM;
    }
    out->exact = n_words ? (exact ? exact : 1) : 0;
    out->sig = malloc((size_t)c->num_perm * sizeof *out->sig);
    if (!out->sig)
        return PX_ENOMEM;
    px__minhash(c->seeds, c->num_perm, c->shingles.v, c->shingles.n, out->sig);
    /* the set itself, for exact verification of candidates */
    if (!PX_VEC_RESERVE(c->tmp32, c->shingles.n)) {
        px__feat_release(out);
        return PX_ENOMEM;
    }
    radix_u32(c->shingles.v, c->tmp32.v, c->shingles.n);
    size_t distinct = 0;
    for (size_t i = 0; i < c->shingles.n; i++)
        if (!distinct || c->shingles.v[distinct - 1] != c->shingles.v[i])
            c->shingles.v[distinct++] = c->shingles.v[i];
    out->shingles = malloc((distinct ? distinct : 1) * sizeof *out->shingles);
    if (!out->shingles) {
        px__feat_release(out);
        return PX_ENOMEM;
    }
    if (distinct)
        memcpy(out->shingles, c->shingles.v, distinct * sizeof *out->shingles);
    out->n_shingles = distinct;
    /* term frequencies: sum of boosts per key, damped */
    if (c->raw.n) {
        if (!PX_VEC_RESERVE(c->tmp_terms, c->raw.n)) {
            px__feat_release(out);
            return PX_ENOMEM;
        }
        radix_terms(c->raw.v, c->tmp_terms.v, c->raw.n);
        size_t m = 0;
        for (size_t i = 0; i < c->raw.n; i++) {
            if (m && c->raw.v[m - 1].key == c->raw.v[i].key)
                c->raw.v[m - 1].w += c->raw.v[i].w;
            else
                c->raw.v[m++] = c->raw.v[i];
        }
        out->terms = malloc(m * sizeof *out->terms);
        if (!out->terms) {
            px__feat_release(out);
            return PX_ENOMEM;
        }
        for (size_t i = 0; i < m; i++) {
            out->terms[i].key = c->raw.v[i].key;
            float w = c->raw.v[i].w;
            out->terms[i].w = w > 1 ? 1 + logf(w) : w;
        }
        out->n_terms = m;
    }
    return PX_OK;
}
