/*
 * lang.c - a cheap language test for documents of any format. Text in a
 * script of its own (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai,
 * Hangul, kana, Han) is named by the script; Latin text by the share of
 * its words that are one language's commonest function words ("the",
 * "of", "and"; "der", "die", "und"; ...; lang_stopwords.inc). Only the
 * first few thousand words are looked at.
 */
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

/* The stop words in an open-addressing table by a hash of their bytes,
 * built once: a word is looked up with one hash and, mostly, one compare
 * (a binary search over the list cost a string compare a step). */
enum { STOP_SLOTS = 1024 };
static struct {
    int16_t at[STOP_SLOTS]; /* index into stop_words, -1 empty */
    uint8_t len[PX_ARRAY_LEN(stop_words)];
} stop_table;
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;
_Static_assert(PX_ARRAY_LEN(stop_words) * 2 <= STOP_SLOTS, "the stop word table is half full");

static inline uint32_t word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static void stop_build(void)
{
    memset(stop_table.at, -1, sizeof stop_table.at);
    for (size_t i = 0; i < PX_ARRAY_LEN(stop_words); i++) {
        size_t n = strlen(stop_words[i].w);
        stop_table.len[i] = (uint8_t)n;
        uint32_t h = word_hash(stop_words[i].w, n) & (STOP_SLOTS - 1);
        while (stop_table.at[h] >= 0)
            h = (h + 1) & (STOP_SLOTS - 1);
        stop_table.at[h] = (int16_t)i;
    }
}

static uint16_t stop_langs(const char *w, size_t n)
{
    pthread_once(&stop_once, stop_build);
    for (uint32_t h = word_hash(w, n) & (STOP_SLOTS - 1); stop_table.at[h] >= 0;
         h = (h + 1) & (STOP_SLOTS - 1)) {
        int i = stop_table.at[h];
        if (stop_table.len[i] == n && !memcmp(stop_words[i].w, w, n))
            return stop_words[i].langs;
    }
    return 0;
}

const char *px__detect_lang(const char *t, size_t len, size_t *n_words)
{
    size_t script[S__COUNT] = {0}, hits[N_LANGS] = {0}, words = 0, letters = 0;
    char w[24];
    size_t wn = 0;
    bool too_long = false;
    for (size_t i = 0; i <= len && words < MAX_WORDS;) {
        uint32_t cp = 0;
        size_t k = 1;
        /* ASCII letters and digits, the common case, off a table */
        if (i < len && ascii_alnum[(unsigned char)t[i]]) {
            unsigned char c = (unsigned char)t[i++];
            letters++;
            script[S_LATIN] += ascii_alnum[c] == 1;
            if (wn + 1 < sizeof(w))
                w[wn++] = (char)(c | 0x20);
            else
                too_long = true;
            continue;
        }
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
        bool letter = i < len && (px__is_letter(cp) || (cp < 0x80 && cp - '0' < 10u));
        if (letter) {
            letters++;
            int s = cp < 0x80 && cp - '0' < 10u ? -1 : script_of(cp);
            if (s >= 0)
                script[s]++;
            if (cp < 0x80)
                cp |= 0x20; /* ASCII lower case */
            if (wn + k < sizeof(w)) {
                if (cp < 0x80)
                    w[wn++] = (char)cp;
                else
                    memcpy(w + wn, t + i, k), wn += k;
            } else {
                too_long = true;
            }
        } else if (wn || too_long) {
            words++;
            if (!too_long) {
                uint16_t m = stop_langs(w, wn);
                for (size_t l = 0; m && l < N_LANGS; l++, m >>= 1)
                    hits[l] += m & 1;
            }
            wn = 0;
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
