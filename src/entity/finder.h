/*
 * finder.h - the entity stage inside (internal to src/entity): the
 * candidate mentions, the finder's state and the entities' own struct,
 * shared by candidates.c (mentions found in the text), grouping.c (the
 * name variants of one entity joined) and entity.c (the entities built,
 * and the public lookups).
 */
#ifndef PX_ENTITY_FINDER_H
#define PX_ENTITY_FINDER_H

#include "entity.h"

/* ---- word lists (lower case) ---- */

static inline bool in_list(const char *const *list, const char *w, size_t len)
{
    for (; *list; list++)
        if ((*list)[0] == w[0] && !strncmp(*list, w, len) && (*list)[len] == 0)
            return true;
    return false;
}

static inline void lower_ascii(char *dst, size_t cap, const char *s, size_t len)
{
    size_t n = len < cap - 1 ? len : cap - 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        dst[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    dst[n] = 0;
}

/* Does the word (any case) belong to a lower-case list? */
static inline bool word_in(const char *const *list, const char *w, size_t len)
{
    char buf[32];
    if (len >= sizeof buf)
        return false;
    lower_ascii(buf, sizeof buf, w, len);
    return in_list(list, buf, len);
}

/* Does the word (any case) belong to a lower-case list sorted in strcmp
 * order, of n words? A binary search: the big lists are asked about
 * every capitalised word of a story. */
static inline bool word_in_sorted(const char *const *list, size_t n, const char *w, size_t len)
{
    char buf[32];
    if (len >= sizeof buf)
        return false;
    lower_ascii(buf, sizeof buf, w, len);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        int c = strcmp(list[m], buf);
        if (!c)
            return true;
        if (c < 0)
            lo = m + 1;
        else
            hi = m;
    }
    return false;
}
/* For the NULL-terminated sorted lists of the stage. */
#define WORD_IN(list, w, len) word_in_sorted((list), PX_ARRAY_LEN(list) - 1, (w), (len))
/* Whether such a list is sorted (for the tests). */
static inline bool list_sorted(const char *const *list, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (strcmp(list[i - 1], list[i]) >= 0)
            return false;
    return true;
}

/* Length of a word without a final possessive ('s, ’s, s'). */
static inline size_t strip_possessive(const char *w, size_t len, bool *had)
{
    *had = false;
    if (len > 2 && w[len - 2] == '\'' && w[len - 1] == 's') {
        *had = true;
        return len - 2;
    }
    if (len > 4 && !memcmp(w + len - 4, "\xe2\x80\x99s", 4)) { /* ’s */
        *had = true;
        return len - 4;
    }
    return len;
}

typedef struct cand {
    size_t doc, sent;
    size_t start, end;           /* mention span */
    size_t name_start, name_end; /* name span; empty for descriptions */
    char *text;                  /* mention as written */
    char *name;                  /* name as written */
    char *title;                 /* title/role, or NULL */
    char *styled;                /* "Sir Keir Starmer" out of "UK Prime Minister Sir Keir Starmer", or NULL */
    char *surname;               /* last word of a name of several words ("Erdoğan"), or NULL */
    char *first_key, *last_key;  /* keys of the first and last name words */
    char *full_key;              /* key of the whole name */
    int n_words;                 /* words in the name */
    int person_evidence;         /* title, role, speech verb, apposition */
    int org;                     /* organisation evidence */
    int place_group, place_kind; /* gazetteer, or -1 */
    int facility;                /* "Jadwiga colliery" */
    char *head_key;              /* key of the head noun of a facility or "the inspectorate" */
    char *cap_key;               /* capitalised modifiers of a description ("polish"), or NULL */
    int thing;                   /* "the colliery": a description of a place or organisation */
    int preposition;             /* written after "in", "at", ... */
    int description;             /* "the Ukrainian president" */
    int only_address;            /* title is only "Mr", "Sir", ... */
    int sir;                     /* "Sir Keir": the name is a first name */
    int metonymy;
    int sent_initial;            /* the name opens the sentence */
    int skip;
    int work;                    /* fills a quotation: “American Pie”, a title */
    int unnamed;                 /* a thing description the story never names */
    size_t entity;
} cand;

typedef PX_VEC(cand) cand_vec;

struct px_entities {
    px_arena arena;
    px_entity *list;
    size_t n;
    size_t *cand_entity; /* public entity index of each candidate or SIZE_MAX */
    px_doc *const *docs;
    size_t n_docs;
    /* px_entities_at: the kept mentions by (doc, start), and the
     * longest of them, so a lookup visits only those that can overlap;
     * the candidates themselves are freed once the entities are built */
    struct mention_span {
        size_t doc, start, end;
        size_t entity;
        size_t cand; /* the candidate's index: of two alike, the first */
    } *spans;
    size_t n_spans;
    size_t max_span;
    /* px_entities_lookup: person mentions by surname key, descriptions by
     * their folded text ("\1the ukrainian president"), sorted by key,
     * document and candidate order; unordered[i]: how many entries up to
     * i start before the entry preceding them in the same document (0
     * throughout a run whose starts ascend, which can then be searched) */
    struct lookup_entry {
        const char *key;
        size_t doc;
        size_t start;
        size_t entity;
        size_t cand;
    } *lookup;
    size_t *unordered;
    size_t n_lookup;
};

/* ---- a set of words (case folded) written capitalised mid-sentence ---- */

typedef struct word_set {
    uint64_t *v;
    size_t cap, n;
} word_set;

typedef struct finder {
    px_entities *e;
    px_doc *const *docs;
    size_t n_docs;
    word_set midcap;  /* words written capitalised inside a sentence */
    word_set lower;   /* words written in lower case */
    cand_vec cands;
    px_buf key;
    px_buf tmp;
} finder;

/* Finds the candidate mentions of every document into f->cands, in
 * document order (candidates.c). Returns 0 or PX_ENOMEM. */
int px__entity_candidates(finder *f);
/* Joins the candidates that name one entity: parent[i] receives the
 * union-find parent of candidate i; a candidate too vague to keep gets
 * skip (grouping.c). Returns 0 or PX_ENOMEM. */
int px__entity_group(finder *f, size_t *parent);
/* The union-find root of x, compressing the path. */
size_t px__uf_find(size_t *p, size_t x);

#endif /* PX_ENTITY_FINDER_H */
