/*
 * entity.h - internal helpers of the entity stage that the comparison
 * stage shares: the name key that makes spelling variants of one name
 * equal ("Zelenskyy", "Зеленський", "Zelensky" -> "zelenski"), and the
 * gazetteer of places built from Debian iso-codes (places.inc).
 */
#ifndef PX_ENTITY_H
#define PX_ENTITY_H

#include <stdlib.h>
#include <string.h>

#include "../read/read.h"

/* qsort that accepts an empty (NULL) array, which qsort itself may not. */
static inline void px__sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/* memcpy of n bytes that accepts NULL when n is 0. */
static inline void px__copy(void *dst, const void *src, size_t n)
{
    if (n)
        memcpy(dst, src, n);
}

/* Appends to out the comparison key of a name: case folded, diacritics
 * removed, Cyrillic and Greek transliterated, 'y' written 'i', doubled
 * letters single, everything but letters and digits dropped. */
void px__name_key(px_buf *out, const char *s, size_t len);

/* The same key without the folds that suit names only (y to i, doubled
 * letters): "too" and "to" stay apart; "Türkiye" and "Turkiye", "U.S."
 * and "US" still meet. */
void px__word_key(px_buf *out, const char *s, size_t len);

/* The gazetteer group of a place name, or -1. kind: 1 country, 2
 * subdivision, 3 city or other place. capital_of: the country group a
 * capital stands for, or -1. */
int px__place_lookup(const char *s, size_t len, int *kind, int *capital_of);
/* The iso-codes name of a gazetteer group. */
const char *px__place_name(int group);
/* The country group a place lies in (a subdivision, a capital), or -1. */
int px__place_part_of(int group);

/* Whether the word lists of the entity stage are sorted, as their binary
 * search needs (for tests). */
bool px__entity_lists_sorted(void);

/* Is sentence s of d a headline (or heading, standfirst) in Title Case,
 * where every word is capitalised and names cannot be told from words? */
bool px__title_case_sentence(const px_doc *d, const px_sentence *s);

/* Does a word (any case) make a name an organisation's ("Union",
 * "Ministry", "Times", "Institute")? */
bool px__org_word(const char *w, size_t len);

/* True for a word that names a number ("fourteen" -> 14). */
bool px__number_word(const char *s, size_t len, long *value);

#endif /* PX_ENTITY_H */
