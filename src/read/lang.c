/*
 * lang.c - a cheap language test for documents of any format. Text in a
 * script of its own (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai,
 * Hangul, kana, Han) is named by the script; Latin text by the share of
 * its words that are one language's commonest function words ("the",
 * "of", "and"; "der", "die", "und"; ...; lang_stopwords.inc). Only the
 * first few thousand words are looked at.
 */
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

static int cmp_word(const char *w, size_t n, const char *entry)
{
    int c = strncmp(w, entry, n);
    if (c)
        return c;
    return entry[n] ? -1 : 0;
}

static uint16_t stop_langs(const char *w, size_t n)
{
    size_t lo = 0, hi = PX_ARRAY_LEN(stop_words);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_word(w, n, stop_words[mid].w);
        if (!c)
            return stop_words[mid].langs;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
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
