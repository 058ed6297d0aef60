/*
 * lang.c - a cheap language test for documents of any format. Text in a
 * script of its own (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai,
 * Hangul, kana, Han) is named by the script; Latin text by the share of
 * its words that are one language's commonest function words ("the",
 * "of", "and"; "der", "die", "und"; ...; lang_stopwords.inc). Only the
 * first few thousand words are looked at.
 */
#include <assert.h>
#include <pthread.h>
#include <string.h>

#include "read.h"

#include "lang_stopwords.inc"

enum { MAX_WORDS = 3000, N_LANGS = PX_ARRAY_LEN(lang_codes) };

/* 1 an ASCII letter, 2 a digit, 0 anything else (and every byte >= 0x80) */
static const uint8_t ascii_alnum[256] = {
    ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2, ['7'] = 2,
    ['8'] = 2, ['9'] = 2,
#define L(c) [c] = 1, [c + 32] = 1
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'), L('K'),
    L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'),
    L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

enum script { S_LATIN, S_CYRILLIC, S_GREEK, S_ARABIC, S_HEBREW, S_DEVANAGARI, S_THAI,
              S_HANGUL, S_KANA, S_HAN, S__COUNT };

static int script_of(uint32_t cp)
{
    if (cp < 0x250)
        return S_LATIN;
    if (cp >= 0x370 && cp < 0x400)
        return S_GREEK;
    if (cp >= 0x400 && cp < 0x530)
        return S_CYRILLIC;
    if (cp >= 0x590 && cp < 0x600)
        return S_HEBREW;
    if (cp >= 0x600 && cp < 0x780)
        return S_ARABIC;
    if (cp >= 0x900 && cp < 0x980)
        return S_DEVANAGARI;
    if (cp >= 0xE00 && cp < 0xE80)
        return S_THAI;
    if ((cp >= 0x1100 && cp < 0x1200) || (cp >= 0xAC00 && cp < 0xD7B0))
        return S_HANGUL;
    if (cp >= 0x3040 && cp < 0x3100)
        return S_KANA;
    if ((cp >= 0x4E00 && cp < 0xA000) || (cp >= 0x3400 && cp < 0x4DC0))
        return S_HAN;
    return -1;
}

/* The stop words in an open-addressing table keyed by their bytes: none
 * is longer than 8 bytes, so a word is its bytes read as a little-endian
 * number (zero-padded; text never holds a NUL), looked up with one
 * multiply and, mostly, one compare, and a longer word is no stop word
 * without a look. Built once. */
enum { STOP_SLOTS = 1024, STOP_MAX = 8 };
static struct {
    uint64_t key[STOP_SLOTS]; /* 0: empty */
    uint16_t langs[STOP_SLOTS];
} stop_table;
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;
_Static_assert(PX_ARRAY_LEN(stop_words) * 2 <= STOP_SLOTS, "the stop word table is half full");

static inline uint32_t stop_slot(uint64_t key)
{
    return (uint32_t)((key * 0x9e3779b97f4a7c15ULL) >> 54) & (STOP_SLOTS - 1);
}

static void stop_build(void)
{
    for (size_t i = 0; i < PX_ARRAY_LEN(stop_words); i++) {
        size_t n = strlen(stop_words[i].w);
        assert(n && n <= STOP_MAX);
        uint64_t key = 0;
        for (size_t k = 0; k < n; k++)
            key |= (uint64_t)(unsigned char)stop_words[i].w[k] << (8 * k);
        uint32_t h = stop_slot(key);
        while (stop_table.key[h])
            h = (h + 1) & (STOP_SLOTS - 1);
        stop_table.key[h] = key;
        stop_table.langs[h] = stop_words[i].langs;
    }
}

static inline uint16_t stop_langs(uint64_t key)
{
    for (uint32_t h = stop_slot(key); stop_table.key[h]; h = (h + 1) & (STOP_SLOTS - 1))
        if (stop_table.key[h] == key)
            return stop_table.langs[h];
    return 0;
}

/* What the test counts as it reads. */
typedef struct lang_count {
    size_t script[S__COUNT], hits[N_LANGS], words, letters;
    /* the word being read: its length in bytes and its first STOP_MAX
     * bytes (ASCII lower-cased) */
    size_t wn;
    uint64_t key;
} lang_count;

/* The end of a word: one more, and its stop word languages. True when
 * the test has read enough words. */
static inline bool end_word(lang_count *c)
{
    c->words++;
    uint16_t m = c->wn <= STOP_MAX ? stop_langs(c->key) : 0;
    for (size_t l = 0; m && l < N_LANGS; l++, m >>= 1)
        c->hits[l] += m & 1;
    c->wn = 0;
    c->key = 0;
    return c->words >= MAX_WORDS;
}

/* ASCII text, nearly all of it, is read a block of bytes at a time
 * where the machine loads them in order (the bit of byte k is bit k). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
#define LANG_BLOCKS 1
#define HIGH8 0x8080808080808080ULL
#define ONES8 0x0101010101010101ULL

/* Of eight ASCII bytes x, a bit each (the lowest for the first byte): the
 * letters and digits; *digit the digits alone. No byte borrows from the
 * next in the subtractions: all are below 0x80. */
static inline unsigned alnum8(uint64_t x, unsigned *digit)
{
    uint64_t y = x | 0x20 * ONES8;
    uint64_t d = ((x | HIGH8) - 0x30 * ONES8) & ((0x39 * ONES8 | HIGH8) - x) & HIGH8;
    uint64_t a = d | (((y | HIGH8) - 0x61 * ONES8) & ((0x7a * ONES8 | HIGH8) - y) & HIGH8);
    /* the high bit of byte k to bit k */
    *digit = (unsigned)(((d >> 7) * 0x0102040810204080ULL) >> 56);
    return (unsigned)(((a >> 7) * 0x0102040810204080ULL) >> 56);
}

static inline size_t popcount64(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (size_t)((x * ONES8) >> 56);
}

/* The ASCII letters and digits of byte p on of a block (bytes, 8 of
 * zeros after its 64), lower-cased, as a word key of run bytes. */
static inline uint64_t key_at(const unsigned char *block, unsigned p, size_t run)
{
    uint64_t k;
    memcpy(&k, block + p, 8);
    k |= 0x20 * ONES8;
    return run >= 8 ? k : k & (((uint64_t)1 << (8 * run)) - 1);
}

enum { BLOCK = 64 };

/* n ASCII bytes at once (1 <= n <= BLOCK; bytes holds them, with 8 more
 * after them): a bit a byte tells letters and digits, and the words that
 * end in them are found from the bits, each with one load for its key.
 * True when enough words are read (the letters counted up to that
 * word's end). */
static bool read_ascii(lang_count *c, const uint64_t bytes[BLOCK / 8 + 1], unsigned n)
{
    uint64_t alnum = 0, digit = 0, valid = n == 64 ? ~0ULL : ((uint64_t)1 << n) - 1;
    for (unsigned k = 0; k < (n + 7) / 8; k++) {
        unsigned d, a = alnum8(bytes[k], &d);
        alnum |= (uint64_t)a << (8 * k);
        digit |= (uint64_t)d << (8 * k);
    }
    alnum &= valid;
    digit &= valid;
    const unsigned char *block = (const unsigned char *)bytes;
    /* a word ends at every byte that is no letter or digit and follows one */
    uint64_t ends = ~alnum & (alnum << 1 | (c->wn ? 1 : 0)) & valid;
    while (ends) {
        unsigned p = (unsigned)__builtin_ctzll(ends);
        ends &= ends - 1;
        uint64_t below = ((uint64_t)1 << p) - 1, gaps = ~alnum & below;
        unsigned s = gaps ? 64 - (unsigned)__builtin_clzll(gaps) : 0;
        size_t run = p - s;
        if (s == 0 && c->wn) {
            /* the word began before these bytes */
            if (run && c->wn + run <= STOP_MAX)
                c->key |= key_at(block, 0, run) << (8 * c->wn);
            c->wn += run;
        } else {
            c->wn = run;
            c->key = run <= STOP_MAX ? key_at(block, s, run) : 0;
        }
        if (end_word(c)) {
            c->letters += popcount64(alnum & below);
            c->script[S_LATIN] += popcount64(alnum & ~digit & below);
            return true;
        }
    }
    c->letters += popcount64(alnum);
    c->script[S_LATIN] += popcount64(alnum & ~digit);
    /* a word that runs to the last byte goes on after it */
    if (alnum >> (n - 1) & 1) {
        uint64_t gaps = ~alnum & valid;
        unsigned s = gaps ? 64 - (unsigned)__builtin_clzll(gaps) : 0;
        size_t run = n - s;
        if (s == 0 && c->wn) {
            if (c->wn + run <= STOP_MAX)
                c->key |= key_at(block, 0, run) << (8 * c->wn);
            c->wn += run;
        } else {
            c->wn = run;
            c->key = run <= STOP_MAX ? key_at(block, s, run) : 0;
        }
    }
    return false;
}
#endif

const char *px__detect_lang(const char *t, size_t len, size_t *n_words)
{
    pthread_once(&stop_once, stop_build);
    lang_count c;
    memset(&c, 0, sizeof c);
    for (size_t i = 0;;) {
#ifdef LANG_BLOCKS
        /* up to 64 ASCII bytes at a time, the common case */
        if (i + BLOCK <= len) {
            uint64_t bytes[BLOCK / 8 + 1];
            memcpy(bytes, t + i, BLOCK);
            bytes[BLOCK / 8] = 0;
            unsigned n = BLOCK;
            for (unsigned k = 0; k < BLOCK / 8; k++)
                if (bytes[k] & HIGH8) {
                    n = 8 * k + (unsigned)__builtin_ctzll(bytes[k] & HIGH8) / 8;
                    break;
                }
            if (n) {
                if (read_ascii(&c, bytes, n))
                    break;
                i += n;
                continue;
            }
        }
#endif
        /* else one character (the end is one: it ends a word) */
        uint32_t cp = 0;
        size_t k = 1;
        if (i < len) {
            if ((unsigned char)t[i] < 0x80) {
                cp = (unsigned char)t[i];
            } else {
                k = px__utf8_decode(t + i, len - i, &cp);
                if (!k)
                    k = 1, cp = 0xFFFD;
            }
        }
        /* a word is a run of letters and digits ("w123" is no stop word) */
        if (i < len && cp < 0x80 && ascii_alnum[cp]) {
            c.letters++;
            c.script[S_LATIN] += ascii_alnum[cp] == 1;
            if (c.wn < STOP_MAX)
                c.key |= (uint64_t)(cp | 0x20) << (8 * c.wn);
            c.wn++;
        } else if (i < len && cp >= 0x80 && px__ucs_is_letter(cp)) {
            c.letters++;
            int s = script_of(cp);
            if (s >= 0)
                c.script[s]++;
            if (c.wn + k <= STOP_MAX)
                for (size_t b = 0; b < k; b++)
                    c.key |= (uint64_t)(unsigned char)t[i + b] << (8 * (c.wn + b));
            c.wn += k;
        } else if (c.wn && end_word(&c)) {
            break;
        }
        if (i >= len)
            break;
        i += k;
    }
    size_t *script = c.script, *hits = c.hits, words = c.words, letters = c.letters;
    *n_words = words;
    if (letters < 20)
        return NULL;
    /* a script of its own */
    static const char *const script_lang[S__COUNT] = {NULL, "ru", "el", "ar", "he", "hi", "th",
                                                      "ko", "ja", "zh"};
    int best_s = S_LATIN;
    for (int s = 1; s < S__COUNT; s++)
        if (script[s] > script[best_s])
            best_s = s;
    if (best_s != S_LATIN && script[best_s] * 2 > letters) {
        /* Japanese writes Han with kana */
        if (best_s == S_HAN && script[S_KANA] * 10 > script[S_HAN])
            return "ja";
        return script_lang[best_s];
    }
    if (words < 8)
        return NULL;
    size_t best = 0;
    for (size_t l = 1; l < N_LANGS; l++)
        if (hits[l] > hits[best])
            best = l;
    size_t second = best ? 0 : 1;
    for (size_t l = 0; l < N_LANGS; l++)
        if (l != best && hits[l] > hits[second])
            second = l;
    /* confident: a tenth of the words, and well ahead of the next */
    if (hits[best] * 10 < words || hits[best] < 3 || hits[best] * 4 < hits[second] * 5)
        return NULL;
    return lang_codes[best];
}
