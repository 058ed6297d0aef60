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
    PX_VEC(uint64_t) ring;  /* the last k word hashes, twice (2k) */
    PX_VEC(uint64_t) wh;    /* per token: hash of its folded form */
    PX_VEC(px_term) raw;
    /* word hash -> index into stem_key: the term key of the word's stem,
     * 0 for a stopword or a one-letter word (stemming is the dearest step
     * and news vocabulary repeats) */
    px_u64map stem_of;
    PX_VEC(uint64_t) stem_key;
    /* word hash -> 1 when the name is a place of the gazetteer, 2 not
     * (the lookup folds and transliterates the name: dear, and a
     * function of the folded word) */
    px_u64map place_of;
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
    px_feat_ctx *c = px__calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->num_perm = num_perm;
    c->shingle = shingle;
    px_buf_init(&c->word);
    px_buf_init(&c->prev_cap);
    c->seeds = px__malloc((size_t)num_perm * sizeof *c->seeds);
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
    PX_VEC_FREE(c->wh);
    PX_VEC_FREE(c->raw);
    px__u64map_release(&c->stem_of);
    px__u64map_release(&c->place_of);
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

/* The cached stem term key of word hash wh: 1 (found), 0 (not cached). */
static int stem_cached(px_feat_ctx *c, uint64_t wh, uint64_t *key, bool *stop)
{
    uint32_t *idx = px__u64map_get(&c->stem_of, wh);
    if (!idx)
        return 0;
    *key = c->stem_key.v[*idx];
    *stop = *key == 0;
    return 1;
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

/* Sorts a few hundred shingle hashes: one counting pass on the top 8
 * bits spreads them over 256 buckets of one or two each, which insertion
 * sort finishes (a quarter of the work of a 4-pass LSD radix sort). */
static void sort_u32(uint32_t *a, uint32_t *tmp, size_t n)
{
    if (n < 2)
        return;
    if (n < 32) {
        for (size_t i = 1; i < n; i++) {
            uint32_t x = a[i];
            size_t j = i;
            for (; j > 0 && a[j - 1] > x; j--)
                a[j] = a[j - 1];
            a[j] = x;
        }
        return;
    }
    if (n >= 8192) {
        /* a long article: four byte-wide passes, least significant first
         * (the buckets below would grow with it and their insertion sorts
         * with its square) */
        for (int shift = 0; shift < 32; shift += 8) {
            size_t cnt[257] = {0};
            for (size_t i = 0; i < n; i++)
                cnt[((a[i] >> shift) & 0xFF) + 1]++;
            for (int b = 0; b < 256; b++)
                cnt[b + 1] += cnt[b];
            for (size_t i = 0; i < n; i++)
                tmp[cnt[(a[i] >> shift) & 0xFF]++] = a[i];
            memcpy(a, tmp, n * sizeof *a);
        }
        return;
    }
    size_t count[257] = {0};
    for (size_t i = 0; i < n; i++)
        count[(a[i] >> 24) + 1]++;
    for (int b = 0; b < 256; b++)
        count[b + 1] += count[b];
    size_t start[257];
    memcpy(start, count, sizeof start);
    for (size_t i = 0; i < n; i++)
        tmp[count[a[i] >> 24]++] = a[i];
    for (int b = 0; b < 256; b++) {
        size_t lo = start[b], hi = start[b + 1];
        for (size_t i = lo + 1; i < hi; i++) {
            uint32_t x = tmp[i];
            size_t j = i;
            for (; j > lo && tmp[j - 1] > x; j--)
                tmp[j] = tmp[j - 1];
            tmp[j] = x;
        }
    }
    memcpy(a, tmp, n * sizeof *a);
}

static bool story_block(px_block_kind k)
{
    return k == PX_BLOCK_BODY || k == PX_BLOCK_HEADLINE || k == PX_BLOCK_STANDFIRST ||
           k == PX_BLOCK_HEADING || k == PX_BLOCK_CAPTION;
}

/* Hash of a folded word's bytes, 8 at a time (words are short: one or
 * two rounds); only ever compared with itself, so any good mix will do. */
static inline uint64_t word_hash(const char *p, size_t len)
{
    uint64_t h = len * 0x9e3779b97f4a7c15ULL;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t x = 0;
        memcpy(&x, p + i, len - i < 8 ? len - i : 8);
        h = (h ^ x) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    return mix64(h);
}

enum { SMALL_WORD = 64 };

/* Folds an ASCII word of at most SMALL_WORD bytes into out (8 bytes of
 * slack) eight bytes at a time; false when it has a non-ASCII byte. The
 * text has at least 8 readable bytes after s + len. */
static inline bool fold_ascii(const char *s, size_t len, char *out)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t high = 0x8080808080808080ULL;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (len - i < 8)
            x &= ((uint64_t)1 << (8 * (len - i))) - 1;
        if (x & high)
            return false;
        /* 0x80 in the bytes from 'A' (0x41) to 'Z' (0x5a), then 0x20 */
        uint64_t upper = (x + 0x3f3f3f3f3f3f3f3fULL) & ~(x + 0x2525252525252525ULL) & high;
        x |= upper >> 2;
        memcpy(out + i, &x, 8);
    }
    return true;
#else
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80)
            return false;
        out[i] = (char)((unsigned)(ch - 'A') < 26u ? ch + 32 : ch);
    }
    return true;
#endif
}

/* fold_word for a token of the document (text of doc_len bytes): a
 * short ASCII word is folded eight bytes at a time straight into c->word
 * when the text has 8 bytes after it. */
static void fold_token(px_feat_ctx *c, const char *s, size_t len, size_t end, size_t doc_len)
{
    if (len <= SMALL_WORD && end + 8 <= doc_len && px_buf_grow(&c->word, SMALL_WORD + 8)) {
        px_buf_clear(&c->word);
        if (fold_ascii(s, len, c->word.ptr)) {
            c->word.len = len;
            c->word.ptr[len] = 0;
            return;
        }
    }
    fold_word(c, s, len);
}

/* Shingles are hashed as a polynomial in the k word hashes, rolled one
 * word at a time (a multiply and an add per word instead of k mixes); the
 * 32 bits kept come from a final mix. */
#define SHINGLE_MUL 0xc2b2ae3d27d4eb4fULL
#define EXACT_MUL 0x9fb21c651e98df25ULL

static inline uint32_t shingle_value(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    return (uint32_t)(h >> 32);
}

int px__feat_words(px_feat_ctx *c, const px_doc *doc, px_group_feat *out)
{
    out->day = px__day_number(doc->date);
    c->shingles.n = 0;
    const size_t k = (size_t)c->shingle;
    if (!PX_VEC_RESERVE(c->ring, k) || !PX_VEC_RESERVE(c->wh, doc->n_toks + 1) ||
        !PX_VEC_RESERVE(c->shingles, doc->n_toks + 1))
        return PX_ENOMEM;
    uint64_t *ring = c->ring.v, *whs = c->wh.v;
    uint32_t *sh = c->shingles.v;
    size_t n_sh = 0;
    /* SHINGLE_MUL^(k-1): the weight of the word leaving the window */
    uint64_t out_w = 1;
    for (size_t j = 1; j < k; j++)
        out_w *= SHINGLE_MUL;
    uint64_t exact = 0x84222325cbf29ce4ULL, roll = 0;
    size_t n_words = 0, pos = 0; /* pos = n_words % k, without dividing */
    char small[SMALL_WORD + 8];
    for (size_t bi = 0; bi < doc->n_blocks; bi++) {
        const px_block *blk = &doc->blocks[bi];
        for (size_t si = blk->first_sentence; si < blk->first_sentence + blk->n_sentences; si++) {
            const px_sentence *se = &doc->sents[si];
            for (size_t ti = se->first_token; ti < se->first_token + se->n_tokens; ti++) {
                const px_token *t = &doc->toks[ti];
                if (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER)
                    continue;
                const char *s = doc->text + t->start;
                size_t len = t->end - t->start;
                uint64_t wh;
                /* short ASCII words (nearly all) are folded on the stack */
                if (len <= SMALL_WORD && t->end + 8 <= doc->len && fold_ascii(s, len, small)) {
                    wh = word_hash(small, len);
                } else {
                    fold_word(c, s, len);
                    if (c->word.oom)
                        return PX_ENOMEM;
                    wh = word_hash(c->word.ptr, c->word.len);
                }
                whs[ti] = wh;
                exact = exact * EXACT_MUL + wh;
                if (n_words >= k)
                    roll -= ring[pos] * out_w;
                roll = roll * SHINGLE_MUL + wh;
                ring[pos] = wh;
                n_words++;
                if (++pos == k)
                    pos = 0;
                if (n_words >= k)
                    sh[n_sh++] = shingle_value(roll);
            }
        }
    }
    if (n_words && n_words < k)
        sh[n_sh++] = shingle_value(roll);
    c->shingles.n = n_sh;
    exact = mix64(exact);
    out->exact = n_words ? (exact ? exact : 1) : 0;
    return PX_OK;
}

/* The MinHash signature and the sorted shingle set of the shingles
 * px__feat_words left in c. */
int px__feat_signature(px_feat_ctx *c, px_group_feat *out)
{
    uint32_t *sh = c->shingles.v;
    size_t n_sh = c->shingles.n;
    out->sig = px__malloc((size_t)c->num_perm * sizeof *out->sig);
    if (!out->sig)
        return PX_ENOMEM;
    px__minhash(c->seeds, c->num_perm, sh, n_sh, out->sig);
    /* the set itself, for exact verification of candidates */
    if (!PX_VEC_RESERVE(c->tmp32, n_sh))
        return PX_ENOMEM;
    sort_u32(sh, c->tmp32.v, n_sh);
    size_t distinct = 0;
    for (size_t i = 0; i < n_sh; i++)
        if (!distinct || sh[distinct - 1] != sh[i])
            sh[distinct++] = sh[i];
    out->shingles = px__malloc((distinct ? distinct : 1) * sizeof *out->shingles);
    if (!out->shingles)
        return PX_ENOMEM;
    if (distinct)
        memcpy(out->shingles, sh, distinct * sizeof *out->shingles);
    out->n_shingles = distinct;
    return PX_OK;
}

int px__feat_terms(px_feat_ctx *c, const px_doc *doc, px_group_feat *out)
{
    out->day = px__day_number(doc->date);
    c->raw.n = 0;
    size_t prev_cap_tok = (size_t)-1; /* index of the previous name word */
    for (size_t bi = 0; bi < doc->n_blocks; bi++) {
        const px_block *blk = &doc->blocks[bi];
        if (!story_block(blk->kind))
            continue;
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
                uint64_t wh = c->wh.v[ti];
                if (t->kind == PX_TOK_NUMBER) {
                    fold_token(c, s, len, t->end, doc->len);
                    if (c->word.oom)
                        return PX_ENOMEM;
                    /* a year tells look-alike events apart */
                    bool year = c->word.len == 4 && (!memcmp(c->word.ptr, "19", 2) ||
                                                     !memcmp(c->word.ptr, "20", 2));
                    if (!push_term(c, 'n', c->word.ptr, c->word.len,
                                   (year ? 3.0f : 1.5f) * sboost))
                        return PX_ENOMEM;
                    prev_cap_tok = (size_t)-1;
                    continue;
                }
                bool name = (t->flags & PX_TF_CAP) && !(t->flags & PX_TF_SENT_START);
                uint64_t stem;
                bool stop;
                int rc = stem_cached(c, wh, &stem, &stop);
                if (rc < 0)
                    return PX_ENOMEM;
                if (rc == 0 || name) {
                    /* a cache miss or a name needs the folded text */
                    fold_token(c, s, len, t->end, doc->len);
                    if (c->word.oom)
                        return PX_ENOMEM;
                    if (rc == 0 && stem_lookup(c, wh, &stem, &stop))
                        return PX_ENOMEM;
                }
                name = name && c->word.len > 1;
                if (name && !stop) {
                    if (!push_term(c, 'e', c->word.ptr, c->word.len, 3.0f * sboost))
                        return PX_ENOMEM;
                    uint32_t *known = px__u64map_get(&c->place_of, wh);
                    bool place;
                    if (known) {
                        place = *known == 1;
                    } else {
                        int kind, capital_of;
                        place = px__place_lookup(s, len, &kind, &capital_of) >= 0;
                        if (c->place_of.n < STEM_CACHE_MAX &&
                            !px__u64map_upsert(&c->place_of, wh, place ? 1 : 2, NULL))
                            return PX_ENOMEM;
                    }
                    if (place && !push_term(c, 'p', c->word.ptr, c->word.len, 1.0f * sboost))
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
    /* term frequencies: sum of boosts per key, damped */
    if (c->raw.n) {
        if (!PX_VEC_RESERVE(c->tmp_terms, c->raw.n))
            return PX_ENOMEM;
        px__sort_terms_by_key(c->raw.v, c->tmp_terms.v, c->raw.n);
        size_t m = 0;
        for (size_t i = 0; i < c->raw.n; i++) {
            if (m && c->raw.v[m - 1].key == c->raw.v[i].key)
                c->raw.v[m - 1].w += c->raw.v[i].w;
            else
                c->raw.v[m++] = c->raw.v[i];
        }
        out->terms = px__malloc(m * sizeof *out->terms);
        if (!out->terms)
            return PX_ENOMEM;
        for (size_t i = 0; i < m; i++) {
            out->terms[i].key = c->raw.v[i].key;
            float w = c->raw.v[i].w;
            out->terms[i].w = w > 1 ? 1 + logf(w) : w;
        }
        out->n_terms = m;
    }
    return PX_OK;
}

int px__feat_rest(px_feat_ctx *c, const px_doc *doc, px_group_feat *out)
{
    int rc = px__feat_signature(c, out);
    /* a text without words has no story terms (not even its year) */
    if (!rc && out->exact)
        rc = px__feat_terms(c, doc, out);
    if (rc)
        px__feat_release(out);
    return rc;
}

int px__feat_compute(px_feat_ctx *c, const px_doc *doc, px_group_feat *out)
{
    memset(out, 0, sizeof *out);
    int rc = px__feat_words(c, doc, out);
    if (!rc)
        rc = px__feat_rest(c, doc, out);
    if (rc)
        px__feat_release(out);
    return rc;
}
