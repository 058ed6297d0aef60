/*
 * words.c - the word lists the brief uses: stopwords (what is not
 * content), openings that tie a sentence to the one before it, and
 * titles. Sorted tables searched with bsearch; every word is looked up
 * once per distinct form, so this is never on a hot path.
 */
#include <stdlib.h>
#include <string.h>

#include "brief.h"

/* The English stopword list of NLTK (Bird, Klein and Loper 2009) plus a
 * few reporting fillers, lowercase, apostrophes dropped the way the
 * concept tokenizer splits them ("doesn't" -> "doesn" "t"). Sorted. */
static const char *const stopwords[] = {
    "a",       "about",   "above",   "after",   "again",   "against",  "ain",     "all",
    "also",    "am",      "an",      "and",     "any",     "are",      "aren",    "as",
    "at",      "be",      "because", "been",    "before",  "being",    "below",   "between",
    "both",    "but",     "by",      "can",     "could",   "couldn",   "d",       "did",
    "didn",    "do",      "does",    "doesn",   "doing",   "don",      "down",    "during",
    "each",    "even",    "ever",    "few",     "for",     "from",     "further", "had",
    "hadn",    "has",     "hasn",    "have",    "haven",   "having",   "he",      "her",
    "here",    "hers",    "herself", "him",     "himself", "his",      "how",     "however",
    "i",       "if",      "in",      "into",    "is",      "isn",      "it",      "its",
    "itself",  "just",    "ll",      "m",       "ma",      "may",      "me",      "might",
    "mightn",  "more",    "most",    "much",    "must",    "mustn",    "my",      "myself",
    "needn",   "no",      "nor",     "not",     "now",     "o",        "of",      "off",
    "on",      "once",    "only",    "or",      "other",   "our",      "ours",    "ourselves",
    "out",     "over",    "own",     "re",      "s",       "same",     "shan",    "she",
    "should",  "shouldn", "since",   "so",      "some",    "still",    "such",    "t",
    "than",    "that",    "the",     "their",   "theirs",  "them",     "themselves", "then",
    "there",   "these",   "they",    "this",    "those",   "though",   "through", "thus",
    "to",      "too",     "under",   "until",   "up",      "upon",     "us",      "ve",
    "very",    "was",     "wasn",    "we",      "were",    "weren",    "what",    "when",
    "where",   "whether", "which",   "while",   "who",     "whom",     "whose",   "why",
    "will",    "with",    "won",     "would",   "wouldn",  "y",        "yet",     "you",
    "your",    "yours",   "yourself", "yourselves",
};

/* Openings that refer back to what came before. Sorted. */
static const char *const dangling[] = {
    "additionally", "afterwards", "again",    "also",      "and",       "besides",
    "but",          "consequently", "finally", "furthermore", "hence",  "however",
    "indeed",       "instead",    "likewise", "meanwhile", "moreover",  "nevertheless",
    "nonetheless",  "nor",        "or",       "otherwise", "rather",    "similarly",
    "so",           "still",      "such",     "that",      "then",      "therefore",
    "these",        "this",       "those",    "thus",      "too",       "yet",
};

/* Titles and roles that precede names. Sorted. */
static const char *const titles[] = {
    "ambassador", "archbishop", "bishop",    "cardinal",  "chairman", "chancellor",
    "chief",      "colonel",    "commander", "congressman", "councillor", "dame",
    "deputy",     "director",   "dr",        "emperor",   "former",   "gen",
    "general",    "gov",        "governor",  "judge",     "justice",  "king",
    "lady",       "leader",     "lieutenant", "lord",     "madam",    "major",
    "mayor",      "minister",   "miss",      "mr",        "mrs",      "ms",
    "pope",       "premier",    "president", "prime",     "prince",   "princess",
    "prof",       "professor",  "queen",     "rep",       "representative", "rev",
    "secretary",  "sen",        "senator",   "sergeant",  "sheikh",   "sir",
    "speaker",    "spokesman",  "spokeswoman", "st",      "vice",
};

typedef struct {
    const char *w;
    size_t len;
} key;

static int cmp_key(const void *k, const void *e)
{
    const key *a = k;
    const char *b = *(const char *const *)e;
    size_t blen = strlen(b);
    int c = memcmp(a->w, b, PX_MIN(a->len, blen));
    if (c)
        return c;
    return a->len < blen ? -1 : a->len > blen ? 1 : 0;
}

static bool in_list(const char *const *list, size_t n, const char *w, size_t len)
{
    key k = {w, len};
    return bsearch(&k, list, n, sizeof(*list), cmp_key) != NULL;
}

bool px__brief_is_stopword(const char *w, size_t len)
{
    if (len == 1)
        return true;
    return in_list(stopwords, PX_ARRAY_LEN(stopwords), w, len);
}

bool px__brief_is_dangling_opener(const char *w, size_t len)
{
    return in_list(dangling, PX_ARRAY_LEN(dangling), w, len);
}

bool px__brief_is_title(const char *w, size_t len)
{
    return in_list(titles, PX_ARRAY_LEN(titles), w, len);
}

bool px__brief_is_weekday(const char *w, size_t len)
{
    static const char *const days[] = {"friday", "monday", "saturday", "sunday",
                                       "thursday", "tuesday", "wednesday"};
    return in_list(days, PX_ARRAY_LEN(days), w, len);
}
