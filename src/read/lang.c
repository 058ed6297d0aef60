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

/* The stop words in an open-addressed table keyed by the FNV-1a hash of
 * their bytes, built once: a lookup per word of the text is one probe or
 * two, where a binary search took eight string comparisons. */
enum { STOP_BITS = 10, STOP_SLOTS = 1 << STOP_BITS, STOP_MAX = 23 };
static uint16_t stop_slot[STOP_SLOTS]; /* 1 + index into stop_words, 0: empty */
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

#define FNV_BASIS 2166136261u
#define FNV_STEP(h, byte) (((h) ^ (unsigned char)(byte)) * 16777619u)

static void stop_table_init(void)
{
    static_assert(PX_ARRAY_LEN(stop_words) < STOP_SLOTS / 2, "stop-word table too full");
    for (size_t i = 0; i < PX_ARRAY_LEN(stop_words); i++) {
        uint32_t h = FNV_BASIS;
        for (const char *p = stop_words[i].w; *p; p++)
            h = FNV_STEP(h, *p);
        uint32_t s = h & (STOP_SLOTS - 1);
        while (stop_slot[s])
            s = (s + 1) & (STOP_SLOTS - 1);
        stop_slot[s] = (uint16_t)(i + 1);
    }
}

/* The languages of the word w[0..n) whose FNV-1a hash is h. */
static uint16_t stop_langs(const char *w, size_t n, uint32_t h)
{
    if (n > STOP_MAX)
        return 0;
    for (uint32_t s = h & (STOP_SLOTS - 1); stop_slot[s]; s = (s + 1) & (STOP_SLOTS - 1)) {
        const struct stop_word *e = &stop_words[stop_slot[s] - 1];
        if (!strncmp(e->w, w, n) && !e->w[n])
            return e->langs;
    }
    return 0;
}

const char *px__detect_lang(const char *t, size_t len, size_t *n_words)
{
    size_t script[S__COUNT] = {0}, hits[N_LANGS] = {0}, words = 0, letters = 0;
    char w[24];
    size_t wn = 0;
    uint32_t h = FNV_BASIS;
    bool too_long = false;
    pthread_once(&stop_once, stop_table_init);
    for (size_t i = 0; i <= len && words < MAX_WORDS;) {
        uint32_t cp = 0;
        size_t k = 1;
        if (i < len) {
            unsigned char ch = (unsigned char)t[i];
            if (ch < 0x80) {
                /* a run of ASCII letters (lower-cased) and digits goes on
                 * the word */
                size_t j = i;
                for (; j < len; j++) {
                    unsigned char x = (unsigned char)t[j], lc = (unsigned char)(x | 0x20);
                    bool alpha = (unsigned)(lc - 'a') < 26u;
                    if (!alpha && (unsigned)(x - '0') >= 10u)
                        break;
                    script[S_LATIN] += alpha;
                    if (wn + 1 < sizeof(w))
                        w[wn++] = (char)lc, h = FNV_STEP(h, lc);
                    else
                        too_long = true;
                }
                if (j > i) {
                    letters += j - i;
                    i = j;
                    continue;
                }
            } else {
                k = px__utf8_decode(t + i, len - i, &cp);
                if (!k)
                    k = 1, cp = 0xFFFD;
            }
        }
        /* a word is a run of letters and digits ("w123" is no stop word) */
        if (cp >= 0x80 && px__is_letter(cp)) {
            letters++;
            int s = script_of(cp);
            if (s >= 0)
                script[s]++;
            if (wn + k < sizeof(w)) {
                for (size_t x = 0; x < k; x++)
                    h = FNV_STEP(h, t[i + x]);
                memcpy(w + wn, t + i, k), wn += k;
            } else {
                too_long = true;
            }
        } else if (wn || too_long) {
            words++;
            if (!too_long) {
                uint16_t m = stop_langs(w, wn, h);
                for (size_t l = 0; m && l < N_LANGS; l++, m >>= 1)
                    hits[l] += m & 1;
            }
            wn = 0;
            h = FNV_BASIS;
            too_long = false;
        }
        i += k;
    }
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
