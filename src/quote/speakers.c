/*
 * speakers.c - one identity per speaker across the documents of a run
 * (px_speakers, declared in parallax.h). A name is cut into a surname
 * and a first name (titles and "Jr." dropped, particles kept with the
 * surname: "de Blasio"), each folded by the entity stage's name key, so
 * that spellings of one name meet ("Zelensky", "Zelenskyy"). People are
 * filed by surname: the first of a surname gets the surname as id, a
 * later one with another first name gets "surname-first"; a surname
 * alone is the first one; a first name joins the person with the same
 * or a compatible one ("D." and "Donald"), or the first one known by
 * the surname alone, who then learns it. An organisation ("Associated
 * Press", "CDC") is its whole name's key. Every document's attributions
 * also get ids from a registry of their own (px__speaker_ids), so that a
 * document alone has them too.
 */
#include <stdlib.h>
#include <string.h>

#include "../entity/entity.h"
#include "quote.h"

typedef struct person {
    const char *given; /* key of the first name, "" when not known */
    const char *id;
    int32_t next; /* the next person with this surname, or -1 */
} person;

typedef struct surname_slot {
    uint64_t h; /* 0: empty */
    const char *key;
    int32_t first;
} surname_slot;

typedef struct name_slot {
    uint64_t h; /* 0: empty */
    const char *name;
    const char *id;
} name_slot;

struct px_speakers {
    px_arena arena;
    PX_VEC(person) people;
    surname_slot *slots;
    size_t cap, n;
    /* names already given an id: a name keeps its id once given */
    name_slot *names;
    size_t names_cap, n_names;
    px_buf key, given, tmp;
};

int px_speakers_new(px_speakers **out)
{
    px_speakers *s = px__calloc(1, sizeof(*s));
    *out = s;
    if (!s)
        return PX_ENOMEM;
    px_arena_init(&s->arena, 4096);
    s->key = (px_buf)PX_BUF_INIT;
    s->given = (px_buf)PX_BUF_INIT;
    s->tmp = (px_buf)PX_BUF_INIT;
    return PX_OK;
}

void px_speakers_free(px_speakers *s)
{
    if (!s)
        return;
    px_arena_release(&s->arena);
    PX_VEC_FREE(s->people);
    free(s->slots);
    free(s->names);
    px_buf_release(&s->key);
    px_buf_release(&s->given);
    px_buf_release(&s->tmp);
    free(s);
}

/* ---- the parts of a name ---- */

typedef struct word {
    const char *p;
    size_t len;
} word;

static bool word_is(word w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < w.len && list[i][k] && (w.p[k] | 0x20) == list[i][k])
            k++;
        if (k == w.len && !list[i][k])
            return true;
    }
    return false;
}

static bool suffix_word(word w)
{
    static const char *const sfx[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};
    return word_is(w, sfx, PX_ARRAY_LEN(sfx));
}

/* "de Blasio", "van der Leyen", "bin Salman": particles of a surname. */
static bool particle_word(word w)
{
    static const char *const part[] = {"de", "da", "di", "du", "del", "della", "der", "den",
                                       "van", "von", "le", "la", "bin", "ibn", "al", "el",
                                       "ben", "abu", "st", "st.", "mac"};
    return word_is(w, part, PX_ARRAY_LEN(part));
}

/* "CDC", "U.N.": one word of capitals. */
static bool acronym_word(word w)
{
    size_t caps = 0;
    for (size_t k = 0; k < w.len; k++) {
        if (w.p[k] >= 'A' && w.p[k] <= 'Z')
            caps++;
        else if (w.p[k] != '.' && !(w.p[k] >= '0' && w.p[k] <= '9'))
            return false;
    }
    return caps >= 2;
}

/* Folds the words [a, b) into out with the entity stage's name key (its
 * word key for an organisation, whose spelling is less loose); the word
 * key, or the bytes themselves, when that leaves nothing (a name in a
 * script the key drops). */
static void fold_words(px_buf *out, const word *w, size_t a, size_t b, bool org)
{
    px_buf_clear(out);
    for (size_t i = a; i < b; i++)
        (org ? px__word_key : px__name_key)(out, w[i].p, w[i].len);
    for (size_t i = a; i < b && !out->len; i++)
        px__word_key(out, w[i].p, w[i].len);
    for (size_t i = a; i < b && !out->len; i++)
        px_buf_put(out, w[i].p, w[i].len);
}

/* Cuts name into s->key (the surname's key, or the whole name's for an
 * organisation) and s->given (the first name's key, empty when none).
 * Returns true for an organisation (org: known to be one). */
static bool name_parts(px_speakers *s, const char *name, bool org)
{
    word w[16];
    size_t n = 0;
    for (const char *p = name; *p && n < PX_ARRAY_LEN(w);) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if (e > p)
            w[n++] = (word){p, (size_t)(e - p)};
        p = e;
    }
    size_t a = 0, b = n;
    while (b - a > 1 && (px__lex(w[a].p, w[a].len) & (LX_HONOR | LX_ROLE)))
        a++;
    while (b - a > 1 && suffix_word(w[b - 1]))
        b--;
    /* an organisation's word heads or ends its name: "Associated Press",
     * "Ministry of Defence" */
    org = org || (b - a == 1 && acronym_word(w[a])) ||
          (b - a > 1 && (px__org_word(w[a].p, w[a].len) || px__org_word(w[b - 1].p, w[b - 1].len)));
    px_buf_clear(&s->given);
    if (org || a == b) {
        fold_words(&s->key, w, a, b, true);
        return true;
    }
    size_t sur = b - 1;
    while (sur > a + 1 && particle_word(w[sur - 1]))
        sur--;
    if (sur == a + 1 && particle_word(w[a]))
        sur = a; /* "De Blasio": the particle opens the surname */
    fold_words(&s->key, w, sur, b, false);
    if (sur > a)
        fold_words(&s->given, w, a, a + 1, false);
    return false;
}

/* ---- the registry ---- */

static bool given_compatible(const char *x, const char *y)
{
    size_t lx = strlen(x), ly = strlen(y);
    return !strcmp(x, y) || (lx == 1 && ly && x[0] == y[0]) || (ly == 1 && lx && x[0] == y[0]);
}

/* The slot of surname key k (hash h): where it is, or the empty one
 * where it goes. */
static surname_slot *slot_of(px_speakers *s, const char *k, uint64_t h)
{
    for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1))
        if (!s->slots[i].h || (s->slots[i].h == h && !strcmp(s->slots[i].key, k)))
            return &s->slots[i];
}

static bool grow(px_speakers *s)
{
    if ((s->n + 1) * 2 <= s->cap)
        return true;
    size_t cap = s->cap ? s->cap * 2 : 64;
    surname_slot *old = s->slots;
    size_t old_cap = s->cap;
    s->slots = px__calloc(cap, sizeof(*s->slots));
    if (!s->slots) {
        s->slots = old;
        return false;
    }
    s->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].h)
            *slot_of(s, old[i].key, old[i].h) = old[i];
    free(old);
    return true;
}

static int32_t add_person(px_speakers *s, const char *given, const char *id)
{
    person p = {px_arena_strdup(&s->arena, given), id, -1};
    if (!p.given || !id || !PX_VEC_PUSH(s->people, p))
        return -1;
    return (int32_t)s->people.n - 1;
}

/* A key buffer that ran out of memory holds a cut key, which would give
 * the name another person's id: it is emptied for the next name (its
 * failure is sticky) and the call fails. */
static bool keys_ok(px_speakers *s)
{
    if (!s->key.oom && !s->given.oom && !s->tmp.oom)
        return true;
    px_buf_release(&s->key);
    px_buf_release(&s->given);
    px_buf_release(&s->tmp);
    return false;
}

static const char *speaker_id(px_speakers *s, const char *name, bool org)
{
    if (!name || !grow(s))
        return NULL;
    org = name_parts(s, name, org);
    px_buf_clear(&s->tmp);
    if (org)
        px_buf_putc(&s->tmp, '#'); /* organisations apart from surnames */
    px_buf_put(&s->tmp, s->key.ptr, s->key.len);
    if (!keys_ok(s))
        return NULL;
    uint64_t h = px__hash(s->tmp.ptr, s->tmp.len, 0);
    h = h ? h : 1;
    surname_slot *slot = slot_of(s, s->tmp.ptr, h);
    const char *given = s->given.ptr;
    if (!slot->h) {
        const char *key = px_arena_strdup(&s->arena, s->tmp.ptr);
        const char *id = px_arena_strdup(&s->arena, s->key.ptr);
        int32_t p = key ? add_person(s, given, id) : -1;
        if (p < 0)
            return NULL;
        *slot = (surname_slot){h, key, p};
        s->n++;
        return id;
    }
    if (org || !given[0])
        return s->people.v[slot->first].id;
    int32_t exact = -1, loose = -1, bare = -1, last = -1;
    for (int32_t i = slot->first; i >= 0; i = s->people.v[i].next) {
        const person *p = &s->people.v[i];
        if (!strcmp(p->given, given) && exact < 0)
            exact = i;
        else if (p->given[0] && given_compatible(p->given, given) && loose < 0)
            loose = i;
        else if (!p->given[0] && bare < 0)
            bare = i;
        last = i;
    }
    int32_t hit = exact >= 0 ? exact : loose >= 0 ? loose : bare;
    if (hit >= 0) {
        person *p = &s->people.v[hit];
        if (!p->given[0] || strlen(p->given) < strlen(given)) {
            const char *g = px_arena_strdup(&s->arena, given);
            if (!g)
                return NULL;
            p->given = g; /* learnt: "Zelensky", then "Volodymyr Zelensky" */
        }
        return p->id;
    }
    px_buf_clear(&s->tmp);
    px_buf_put(&s->tmp, s->key.ptr, s->key.len);
    px_buf_putc(&s->tmp, '-');
    px_buf_puts(&s->tmp, given);
    if (!keys_ok(s))
        return NULL;
    int32_t p = add_person(s, given, px_arena_strdup(&s->arena, s->tmp.ptr));
    if (p < 0)
        return NULL;
    s->people.v[last].next = p;
    return s->people.v[p].id;
}

/* The id of name, from the names seen before or else speaker_id(). */
static const char *cached_id(px_speakers *s, const char *name, bool org)
{
    if (!name)
        return NULL;
    if ((s->n_names + 1) * 2 > s->names_cap) {
        size_t cap = s->names_cap ? s->names_cap * 2 : 64;
        name_slot *v = px__calloc(cap, sizeof(*v));
        if (!v)
            return NULL;
        for (size_t i = 0; i < s->names_cap; i++)
            if (s->names[i].h)
                for (size_t j = s->names[i].h & (cap - 1);; j = (j + 1) & (cap - 1))
                    if (!v[j].h) {
                        v[j] = s->names[i];
                        break;
                    }
        free(s->names);
        s->names = v;
        s->names_cap = cap;
    }
    size_t len = strlen(name);
    uint64_t h = px__hash(name, len, org);
    h = h ? h : 1;
    size_t i = h & (s->names_cap - 1);
    for (; s->names[i].h; i = (i + 1) & (s->names_cap - 1))
        if (s->names[i].h == h && !strcmp(s->names[i].name, name))
            return s->names[i].id;
    const char *id = speaker_id(s, name, org);
    const char *copy = id ? px_arena_strdup(&s->arena, name) : NULL;
    if (!copy)
        return NULL;
    s->names[i] = (name_slot){h, copy, id};
    s->n_names++;
    return id;
}

const char *px_speakers_id(px_speakers *s, const char *name)
{
    return cached_id(s, name, false);
}

const char *px_speakers_org_id(px_speakers *s, const char *name)
{
    return cached_id(s, name, true);
}

/* Gives each attribution of quotes[0..n) the id of its speaker in s,
 * copied into the doc's arena. */
static int assign_ids(px_speakers *s, px_doc *doc, px_quote *q, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        q[i].speaker_id = NULL;
        if (!q[i].speaker)
            continue;
        /* one entity's name is one string: an earlier record has its id */
        for (size_t k = i; k-- > 0 && !q[i].speaker_id;)
            if (q[k].speaker == q[i].speaker)
                q[i].speaker_id = q[k].speaker_id;
        if (q[i].speaker_id)
            continue;
        const char *id = px_speakers_id(s, q[i].speaker);
        char *copy = id ? px_arena_strdup(&doc->arena, id) : NULL;
        if (!copy)
            return PX_ENOMEM;
        q[i].speaker_id = copy;
    }
    return PX_OK;
}

int px_speakers_assign(px_speakers *s, px_doc *doc)
{
    const px_quote *q;
    size_t n;
    int rc = px_quotes_find(doc, &q, &n);
    if (rc)
        return rc;
    return assign_ids(s, doc, (px_quote *)q, n);
}

int px__speaker_ids(px_doc *doc, px_quote *q, size_t n)
{
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = q[i].speaker != NULL;
    if (!any)
        return PX_OK;
    px_speakers *s;
    int rc = px_speakers_new(&s);
    if (!rc)
        rc = assign_ids(s, doc, q, n);
    px_speakers_free(s);
    return rc;
}
