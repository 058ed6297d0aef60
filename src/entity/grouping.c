/*
 * grouping.c - the name variants of one entity joined, story-wide:
 *  - full names (two words or more) with the same surname key and
 *    compatible first names are one person; "Donald Trump" and "Donald
 *    Tusk" differ in surname and never meet, "Jan Zieliński" and "Łukasz
 *    Zieliński" differ in first name and stay apart;
 *  - a surname alone ("Putin", "Mr Zelensky") joins the one person with
 *    that surname; when several share it, the one whose title agrees, or
 *    else the nearest full mention before it in the same article;
 *  - "the Ukrainian president" joins the one person whose titles carry
 *    both "Ukrainian" and a compatible role;
 *  - places are grouped through the gazetteer (iso-codes plus a table of
 *    exonyms: Kiev/Kyiv, Turkey/Türkiye); other names by their key;
 *  - "the colliery", "the union": the one place or organisation of the
 *    story named with that noun, or a body only ever described.
 * Keys (names.c) fold diacritics, scripts and y/i, so "Zelenskyy",
 * "Zelensky" and "Зеленський" share one.
 */
#include <stdlib.h>
#include <string.h>

#include "finder.h"

static const char *const body_heads[] = {
    "administration", "agency", "army", "association", "authority", "cabinet", "coalition",
    "commission", "committee", "company", "congress", "council", "court", "department",
    "embassy", "federation", "firm", "government", "inquiry", "inspectorate", "military",
    "ministry", "navy", "parliament", "police", "regulator", "senate", "union", NULL};

size_t px__uf_find(size_t *p, size_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static void uf_union(size_t *p, size_t a, size_t b)
{
    a = px__uf_find(p, a);
    b = px__uf_find(p, b);
    if (a != b)
        p[a < b ? b : a] = a < b ? a : b;
}

/* The first-name keys of two full names agree: equal, an initial, or
 * one's given names contain the other's. */
static bool first_compatible(const cand *x, const cand *y)
{
    if (!strcmp(x->first_key, y->first_key))
        return true;
    size_t lx = strlen(x->first_key), ly = strlen(y->first_key);
    if ((lx == 1 && y->first_key[0] == x->first_key[0]) ||
        (ly == 1 && x->first_key[0] == y->first_key[0]))
        return true;
    /* "Recep Tayyip Erdoğan" vs "Tayyip Erdoğan": the name key holds both */
    if (x->n_words > 2 && strstr(x->full_key, y->first_key) && ly >= 3)
        return true;
    if (y->n_words > 2 && strstr(y->full_key, x->first_key) && lx >= 3)
        return true;
    return false;
}

static bool is_person_cand(const cand *c)
{
    return c->person_evidence && !c->org && !c->facility && c->place_group < 0;
}

/* Word set of a title, lower-case ASCII words with dots removed ("U.S."
 * -> "us"); "former" and "ex" dropped into *former. */
static size_t title_words(const char *title, char words[][24], size_t max, bool *former)
{
    size_t n = 0;
    *former = false;
    const char *p = title;
    while (*p && n < max) {
        while (*p && !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (unsigned char)*p >= 0x80))
            p++;
        size_t k = 0;
        char w[24];
        while (*p && *p != ' ' && *p != '-' && *p != ',') {
            char c = *p++;
            if (c == '.' || c == '\'')
                continue;
            if (k < sizeof w - 1)
                w[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        w[k] = 0;
        if (!k)
            continue;
        if (!strcmp(w, "former") || !strcmp(w, "ex")) {
            *former = true;
            continue;
        }
        if (!strcmp(w, "the") || !strcmp(w, "a") || !strcmp(w, "an"))
            continue;
        px__copy(words[n++], w, k + 1);
    }
    return n;
}

static bool roles_compatible(const char *a, const char *b)
{
    if (!strcmp(a, b))
        return true;
    static const char *const heads[] = {"president", "leader", "chancellor", "premier", "minister", NULL};
    /* "leader" stands for any head of government or state */
    if (!strcmp(a, "leader") && in_list(heads, b, strlen(b)))
        return true;
    if (!strcmp(b, "leader") && in_list(heads, a, strlen(a)))
        return true;
    return false;
}

/* The distinct titles of each person: title_head[root] starts a list
 * through title_next over candidate indices. */
typedef struct title_index {
    size_t *head, *next;
} title_index;

/* Does the person with root r carry a title matching the description
 * words (the role last, its modifiers before)? */
static bool person_matches_description(const cand *cs, const title_index *ti, size_t r,
                                       char dw[][24], size_t ndw)
{
    if (!ndw)
        return false;
    const char *role = dw[ndw - 1];
    bool role_ok = false;
    bool mods_ok[8] = {false};
    for (size_t i = ti->head[r]; i != SIZE_MAX; i = ti->next[i]) {
        char tw[8][24];
        bool fm;
        size_t nt = title_words(cs[i].title, tw, 8, &fm);
        bool has_role = false;
        for (size_t k = 0; k < nt; k++)
            if (roles_compatible(role, tw[k]))
                has_role = true;
        if (!has_role)
            continue;
        role_ok = true;
        for (size_t m = 0; m + 1 < ndw && m < 8; m++)
            for (size_t k = 0; k < nt; k++)
                if (!strcmp(dw[m], tw[k]))
                    mods_ok[m] = true;
    }
    if (!role_ok)
        return false;
    for (size_t m = 0; m + 1 < ndw && m < 8; m++)
        if (!mods_ok[m])
            return false;
    return true;
}

/* Sorting candidate indices by a string key. */
typedef struct keyed {
    const char *key;
    const char *key2;
    size_t i;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    c = strcmp(x->key2, y->key2);
    if (c)
        return c;
    return x->i < y->i ? -1 : x->i > y->i;
}

static bool full_name_cand(const cand *c)
{
    return !c->description && c->n_words >= 2 && !c->sir && !c->org && c->place_group < 0 &&
           !c->facility;
}

/* The range [*lo, *hi) of sorted entries with the given key. */
static void key_range(const keyed *v, size_t n, const char *key, size_t *lo, size_t *hi)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (strcmp(v[m].key, key) < 0)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    b = n;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (strcmp(v[m].key, key) <= 0)
            a = m + 1;
        else
            b = m;
    }
    *hi = a;
}

/* Attaches singleton candidate i to root r (r stays the root). */
static void attach(size_t *parent, size_t r, size_t i)
{
    parent[i] = r;
}

static int cmp_keyed2(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (!c)
        c = strcmp(x->key2, y->key2);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* "the miners' union", "the mineworkers' union", "the union": an
 * organisation or place the story only ever describes. Descriptions with
 * the same head noun and the same capitalised modifiers ("the Polish
 * government" is not "the Russian government") are one entity; a bare
 * "the government" joins them when exactly one such group exists. Kept
 * when carried by two articles or more; else dropped as too vague. */
static int group_unnamed(cand *cs, size_t n, size_t *parent, keyed *buf)
{
    size_t nk = 0;
    for (size_t i = 0; i < n; i++)
        if (cs[i].unnamed)
            buf[nk++] = (keyed){cs[i].head_key, cs[i].cap_key ? cs[i].cap_key : "", i};
    px__sort(buf, nk, sizeof(keyed), cmp_keyed2);
    for (size_t lo = 0, hi; lo < nk; lo = hi) {
        for (hi = lo + 1; hi < nk && !strcmp(buf[hi].key, buf[lo].key); hi++)
            ;
        /* sub-runs by cap_key; the bare ones ("") sort first */
        size_t bare_end = lo, n_groups = 0, only = SIZE_MAX;
        while (bare_end < hi && !buf[bare_end].key2[0])
            bare_end++;
        for (size_t k = lo; k < hi; k++) {
            if (k > lo && !strcmp(buf[k].key2, buf[k - 1].key2))
                uf_union(parent, buf[k - 1].i, buf[k].i);
            else if (k >= bare_end)
                n_groups++, only = k;
        }
        if (n_groups == 1 && bare_end > lo)
            uf_union(parent, buf[lo].i, buf[only].i);
    }
    /* keep groups seen in two documents or more: first_doc[root], or
     * SIZE_MAX - 1 once a second document is seen */
    size_t *first_doc = px__malloc((n ? n : 1) * sizeof(size_t));
    if (!first_doc)
        return PX_ENOMEM;
    for (size_t k = 0; k < nk; k++)
        first_doc[px__uf_find(parent, buf[k].i)] = SIZE_MAX;
    for (size_t k = 0; k < nk; k++) {
        size_t r = px__uf_find(parent, buf[k].i), doc = cs[buf[k].i].doc;
        if (first_doc[r] == SIZE_MAX)
            first_doc[r] = doc;
        else if (first_doc[r] != doc)
            first_doc[r] = SIZE_MAX - 1;
    }
    for (size_t k = 0; k < nk; k++)
        if (first_doc[px__uf_find(parent, buf[k].i)] != SIZE_MAX - 1)
            cs[buf[k].i].skip = 1;
    free(first_doc);
    return 0;
}

/* British and American spellings of words that recur in names
 * ("Treatment Centre", "World Health Organisation") in a name key. */
static void us_spelling(px_buf *k)
{
    static const char *const pairs[][2] = {
        {"centre", "center"}, {"theatre", "theater"}, {"organisation", "organization"},
        {"defence", "defense"}, {"labour", "labor"}, {"harbour", "harbor"}};
    for (size_t p = 0; p < PX_ARRAY_LEN(pairs); p++) {
        size_t l = strlen(pairs[p][0]);
        for (char *at = k->ptr ? strstr(k->ptr, pairs[p][0]) : NULL; at; at = strstr(at + l, pairs[p][0]))
            memcpy(at, pairs[p][1], l); /* same length */
    }
}

/* The state of one grouping: the candidates, their union-find parents
 * and the indexes the steps build and share. */
typedef struct grouping {
    finder *f;
    cand *cs;
    size_t n;
    size_t *parent;
    keyed *byname;     /* scratch, sorted by a key of each step's own */
    keyed *persons;    /* person roots by surname key, np of them */
    keyed *pfirst;     /* person roots by first-name key, npf of them */
    size_t np, npf;
    bool *is_person;   /* per root, then per member of a full-name group */
    title_index ti;    /* the distinct titles of each person */
    size_t *last_doc, *last_pos, *n_docs_of; /* per root, scratch */
} grouping;

/* 1. Full names: same surname key, compatible first names. Sorted by
 * (surname, first name), equal pairs join at once and each surname's
 * distinct first names are compared pairwise. */
static void join_full_names(grouping *g)
{
    cand *cs = g->cs;
    keyed *byname = g->byname;
    size_t nb = 0;
    for (size_t i = 0; i < g->n; i++)
        if (full_name_cand(&cs[i]))
            byname[nb++] = (keyed){cs[i].last_key, cs[i].first_key, i};
    px__sort(byname, nb, sizeof(keyed), cmp_keyed);
    for (size_t k = 0; k < nb;) {
        size_t e = k;
        while (e < nb && !strcmp(byname[e].key, byname[k].key))
            e++;
        /* representatives of each distinct first name */
        for (size_t x = k; x < e; x++) {
            if (x > k && !strcmp(byname[x].key2, byname[x - 1].key2)) {
                uf_union(g->parent, byname[x - 1].i, byname[x].i);
                continue;
            }
            for (size_t y = k; y < x; y++) {
                if (y > k && !strcmp(byname[y].key2, byname[y - 1].key2))
                    continue;
                if (first_compatible(&cs[byname[x].i], &cs[byname[y].i]))
                    uf_union(g->parent, byname[x].i, byname[y].i);
            }
        }
        k = e;
    }
}

/* Which full-name groups are persons: one member with a title, role or
 * speech verb makes the group a person, and so does a first name that
 * is a person's first name elsewhere ("Ewa Mazur" beside "Ewa
 * Grabowska"). is_person then holds for each member too. */
static void find_persons(grouping *g)
{
    cand *cs = g->cs;
    size_t n = g->n, *parent = g->parent;
    for (size_t i = 0; i < n; i++)
        if (cs[i].n_words >= 2 && !cs[i].sir && is_person_cand(&cs[i]))
            g->is_person[px__uf_find(parent, i)] = true;
    keyed *firsts = g->byname; /* (first_key) of person full names */
    size_t nfk = 0;
    for (size_t i = 0; i < n; i++)
        if (cs[i].n_words >= 2 && !cs[i].description && g->is_person[px__uf_find(parent, i)] &&
            strlen(cs[i].first_key) >= 3)
            firsts[nfk++] = (keyed){cs[i].first_key, "", i};
    px__sort(firsts, nfk, sizeof(keyed), cmp_keyed);
    for (size_t i = 0; i < n; i++) {
        if (!full_name_cand(&cs[i]) || g->is_person[px__uf_find(parent, i)])
            continue;
        size_t lo, hi;
        key_range(firsts, nfk, cs[i].first_key, &lo, &hi);
        if (lo < hi) {
            cs[i].person_evidence = 1;
            g->is_person[px__uf_find(parent, i)] = true;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (cs[i].n_words >= 2 && !cs[i].sir && !cs[i].description && g->is_person[px__uf_find(parent, i)])
            g->is_person[i] = true;
}

/* The persons by surname and by first name (for "Sir Keir"), and the
 * distinct titles of each (at most 16). */
static void index_persons(grouping *g)
{
    cand *cs = g->cs;
    size_t n = g->n;
    g->np = 0;
    for (size_t i = 0; i < n; i++)
        if (g->is_person[i] && px__uf_find(g->parent, i) == i)
            g->persons[g->np++] = (keyed){cs[i].last_key, "", i};
    px__sort(g->persons, g->np, sizeof(keyed), cmp_keyed);
    /* one entry per (first name, person) */
    g->npf = 0;
    for (size_t p = 0; p < g->np; p++)
        if (cs[g->persons[p].i].n_words >= 2)
            g->pfirst[g->npf++] = (keyed){cs[g->persons[p].i].first_key, "", g->persons[p].i};
    px__sort(g->pfirst, g->npf, sizeof(keyed), cmp_keyed);
    for (size_t i = 0; i < n; i++)
        g->ti.head[i] = g->ti.next[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (!cs[i].title || cs[i].description || !g->is_person[i])
            continue;
        size_t r = px__uf_find(g->parent, i);
        bool seen = false;
        size_t count = 0;
        for (size_t t = g->ti.head[r]; t != SIZE_MAX && !seen; t = g->ti.next[t], count++)
            seen = !strcmp(cs[t].title, cs[i].title);
        if (!seen && count < 16) {
            g->ti.next[i] = g->ti.head[r];
            g->ti.head[r] = i;
        }
    }
}

/* 2. Single words: a surname (or the first name after "Sir", or an
 * @handle holding a surname) joins the person carrying it: the one whose
 * title agrees, else the one mentioned last before it in the same
 * article (candidates come in document order); a lone first name
 * ("Tara") joins the one person of the story who has it. */
static void attach_single_words(grouping *g)
{
    cand *cs = g->cs;
    size_t n = g->n, np = g->np;
    size_t *last_doc = g->last_doc, *last_pos = g->last_pos;
    for (size_t i = 0; i < n; i++)
        last_doc[i] = SIZE_MAX, last_pos[i] = 0;
    for (size_t i = 0; i < n; i++) {
        cand *c = &cs[i];
        if (g->is_person[i]) {
            size_t r = px__uf_find(g->parent, i);
            last_doc[r] = c->doc;
            last_pos[r] = c->start;
            continue;
        }
        if (c->description || (c->n_words >= 2 && !c->sir) || c->facility)
            continue;
        if (c->place_group >= 0 && !c->person_evidence)
            continue;
        size_t best = SIZE_MAX, n_match = 0, best_dist = SIZE_MAX;
        bool best_title = false;
        char dw[8][24];
        size_t nd = 0;
        if (c->title && !c->only_address) {
            bool fm;
            nd = title_words(c->title, dw, 8, &fm);
        }
        size_t lo = 0, hi = 0;
        if (c->n_words == 0 || (c->sir && c->n_words < 2))
            hi = np; /* @handle: holds a person's surname; "Sir Keir": a first name */
        else
            key_range(g->persons, np, c->last_key, &lo, &hi);
        for (size_t p = lo; p < hi; p++) {
            size_t r = g->persons[p].i;
            bool match;
            if (c->n_words == 0)
                match = strlen(cs[r].last_key) >= 4 && strstr(c->full_key, cs[r].last_key);
            else if (c->sir && c->n_words < 2)
                match = !strcmp(c->first_key, cs[r].first_key);
            else
                match = true;
            if (!match)
                continue;
            n_match++;
            bool title_ok = nd && person_matches_description(cs, &g->ti, r, dw, nd);
            size_t dist = last_doc[r] == c->doc ? c->start - last_pos[r] : SIZE_MAX - 1;
            if (best == SIZE_MAX || (title_ok && !best_title) ||
                (title_ok == best_title && dist < best_dist)) {
                best = r;
                best_dist = dist;
                best_title = title_ok;
            }
        }
        if (best == SIZE_MAX && c->n_words == 1 && !c->title && !c->org && !c->work &&
            strlen(c->first_key) >= 3) {
            /* "Tara" alone: the one person of the story with that first
             * name ("Donald" beside Trump and Tusk stays unresolved) */
            size_t flo, fhi;
            key_range(g->pfirst, g->npf, c->first_key, &flo, &fhi);
            if (fhi - flo == 1) {
                attach(g->parent, g->pfirst[flo].i, i);
                c->person_evidence = 1;
            }
            continue;
        }
        if (best == SIZE_MAX)
            continue;
        if (n_match > 1 && !best_title && best_dist == SIZE_MAX - 1)
            continue; /* ambiguous: two persons share the surname */
        attach(g->parent, best, i);
        c->person_evidence = 1;
    }
}

/* 3. Descriptions ("the Ukrainian president"): the one person whose
 * titles agree, preferring one named in the same article before; else
 * dropped. */
static void attach_descriptions(grouping *g)
{
    cand *cs = g->cs;
    size_t n = g->n, *last_doc = g->last_doc;
    for (size_t i = 0; i < n; i++)
        last_doc[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        cand *c = &cs[i];
        if (!c->description) {
            size_t r = px__uf_find(g->parent, i);
            last_doc[r] = c->doc;
            continue;
        }
        if (c->thing)
            continue;
        char dw[8][24];
        bool fm;
        size_t nd = title_words(c->title, dw, 8, &fm);
        size_t found = SIZE_MAX, n_found = 0, found_in_doc = SIZE_MAX, n_in_doc = 0;
        for (size_t p = 0; p < g->np; p++) {
            size_t r = g->persons[p].i;
            if (!person_matches_description(cs, &g->ti, r, dw, nd))
                continue;
            n_found++;
            found = r;
            if (last_doc[r] == c->doc) {
                n_in_doc++;
                found_in_doc = r;
            }
        }
        if (n_in_doc == 1)
            attach(g->parent, found_in_doc, i);
        else if (n_found == 1)
            attach(g->parent, found, i);
        else
            c->skip = 1;
    }
}

/* 4. Places by gazetteer group, facilities by their name, other names
 * by key: sorted by that key, runs join; then a single word that opens
 * the name of one organisation of the story, and only one, joins it
 * ("Promises" for "Promises Treatment Center"). */
static int join_other_names(grouping *g)
{
    cand *cs = g->cs;
    size_t n = g->n, *parent = g->parent;
    keyed *byname = g->byname;
    int rc = 0;
    px_buf kb = PX_BUF_INIT;
    char **keys = px__calloc(n ? n : 1, sizeof(char *));
    size_t nk = 0;
    if (!keys)
        return PX_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        cand *c = &cs[i];
        if (c->description || c->n_words == 0 || g->is_person[px__uf_find(parent, i)])
            continue;
        if (c->person_evidence && c->n_words >= 2)
            continue;
        px_buf_clear(&kb);
        if (c->place_group >= 0)
            px_buf_printf(&kb, "#%d", c->place_group);
        else if (c->facility || c->n_words == 1)
            px_buf_printf(&kb, "F%s", c->first_key); /* "Jadwiga" joins "Jadwiga colliery" */
        else {
            px_buf_printf(&kb, "N%s", c->full_key);
            us_spelling(&kb);
        }
        keys[i] = kb.oom ? NULL : px_arena_strndup(&g->f->e->arena, kb.ptr, kb.len);
        if (!keys[i]) {
            rc = PX_ENOMEM;
            break;
        }
        byname[nk++] = (keyed){keys[i], "", i};
    }
    px_buf_release(&kb);
    free(keys);
    if (rc)
        return rc;
    px__sort(byname, nk, sizeof(keyed), cmp_keyed);
    for (size_t k = 1; k < nk; k++)
        if (!strcmp(byname[k].key, byname[k - 1].key))
            uf_union(parent, byname[k - 1].i, byname[k].i);
    size_t no = 0;
    for (size_t i = 0; i < n; i++) {
        const cand *c = &cs[i];
        if (c->org && c->n_words >= 2 && !c->description && !g->is_person[px__uf_find(parent, i)] &&
            c->place_group < 0)
            byname[no++] = (keyed){c->first_key, "", i};
    }
    px__sort(byname, no, sizeof(keyed), cmp_keyed);
    /* per root: 1 written after "in", "at" (a place), 2 written mid-sentence */
    size_t *flags = g->n_docs_of;
    for (size_t i = 0; i < n; i++)
        flags[i] = 0;
    for (size_t i = 0; i < n; i++)
        flags[px__uf_find(parent, i)] |= (cs[i].preposition ? 1u : 0u) | (cs[i].sent_initial ? 0u : 2u);
    for (size_t i = 0; i < n; i++) {
        const cand *c = &cs[i];
        size_t ri = px__uf_find(parent, i);
        if (c->n_words != 1 || c->org || c->work || c->description || c->place_group >= 0 ||
            c->facility || c->skip || g->is_person[ri] || strlen(c->first_key) < 3 || flags[ri] != 2)
            continue;
        size_t lo, hi, root = SIZE_MAX;
        bool unique = true;
        key_range(byname, no, c->first_key, &lo, &hi);
        for (size_t k = lo; k < hi && unique; k++) {
            size_t r = px__uf_find(parent, byname[k].i);
            unique = root == SIZE_MAX || root == r;
            root = r;
        }
        if (root != SIZE_MAX && unique)
            uf_union(parent, root, i);
    }
    return 0;
}

/* 5. "the colliery", "the inspectorate": the one place or organisation
 * of the story named with that noun, named before in the same article
 * or in two articles or more; a body the story never names ("the
 * union") is kept by group_unnamed, other descriptions dropped. */
static int attach_things(grouping *g)
{
    cand *cs = g->cs;
    size_t n = g->n, *parent = g->parent;
    keyed *byname = g->byname;
    size_t nh = 0;
    for (size_t j = 0; j < n; j++) {
        const cand *o = &cs[j];
        if (o->description || o->n_words == 0)
            continue;
        if (o->facility && o->head_key)
            byname[nh++] = (keyed){o->head_key, "", j};
        else if (o->org && o->n_words >= 2)
            byname[nh++] = (keyed){o->last_key, "", j};
    }
    px__sort(byname, nh, sizeof(keyed), cmp_keyed);
    /* documents each named root appears in */
    size_t *n_docs_of = g->n_docs_of, *last_doc = g->last_doc;
    for (size_t i = 0; i < n; i++)
        n_docs_of[i] = 0, last_doc[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (cs[i].description)
            continue;
        size_t r = px__uf_find(parent, i);
        if (last_doc[r] != cs[i].doc) {
            last_doc[r] = cs[i].doc;
            n_docs_of[r]++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        cand *c = &cs[i];
        if (!c->thing)
            continue;
        size_t lo, hi, found = SIZE_MAX;
        bool unique = true;
        key_range(byname, nh, c->head_key, &lo, &hi);
        for (size_t k = lo; k < hi && unique; k++) {
            const cand *o = &cs[byname[k].i];
            size_t r = px__uf_find(parent, byname[k].i);
            if (!(o->doc == c->doc && o->start < c->start) && n_docs_of[r] < 2)
                continue;
            if (found != SIZE_MAX && found != r)
                unique = false;
            found = r;
        }
        if (found != SIZE_MAX && unique)
            attach(parent, found, i);
        else if (found == SIZE_MAX && c->org && WORD_IN(body_heads, c->head_key, strlen(c->head_key)))
            c->unnamed = 1;
        else
            c->skip = 1;
    }
    return group_unnamed(cs, n, parent, byname);
}

int px__entity_group(finder *f, size_t *parent)
{
    size_t n = f->cands.n, m = n ? n : 1;
    grouping g = {.f = f, .cs = f->cands.v, .n = n, .parent = parent};
    int rc = 0;
    g.byname = px__malloc(m * sizeof(keyed));
    g.persons = px__malloc(m * sizeof(keyed));
    g.pfirst = px__malloc(m * sizeof(keyed));
    g.is_person = px__calloc(m, sizeof(bool));
    g.ti.head = px__malloc(m * sizeof(size_t));
    g.ti.next = px__malloc(m * sizeof(size_t));
    g.last_doc = px__malloc(m * sizeof(size_t));
    g.last_pos = px__malloc(m * sizeof(size_t));
    g.n_docs_of = px__calloc(m, sizeof(size_t));
    if (!g.byname || !g.persons || !g.pfirst || !g.is_person || !g.ti.head || !g.ti.next || !g.last_doc ||
        !g.last_pos || !g.n_docs_of) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    join_full_names(&g);
    find_persons(&g);
    index_persons(&g);
    attach_single_words(&g);
    attach_descriptions(&g);
    if ((rc = join_other_names(&g)) || (rc = attach_things(&g)))
        goto done;
    /* unresolved handles are dropped */
    for (size_t i = 0; i < n; i++)
        if (g.cs[i].n_words == 0 && !g.cs[i].description && px__uf_find(parent, i) == i)
            g.cs[i].skip = 1;
done:
    free(g.byname);
    free(g.persons);
    free(g.pfirst);
    free(g.is_person);
    free(g.ti.head);
    free(g.ti.next);
    free(g.last_doc);
    free(g.last_pos);
    free(g.n_docs_of);
    return rc;
}
