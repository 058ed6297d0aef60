/*
 * entity.c - people, places and organisations of one story, with the
 * name variants of each grouped.
 *
 * Candidates are runs of capitalised words inside a sentence. A run is
 * split into a title ("Ukrainian President", "UK Prime Minister Sir") and
 * a name ("Volodymyr Zelensky"); a lower-case role before it ("defence
 * analyst Michael Clarke") or an apposition after it ("Tadeusz Król, a
 * former mayor of ...") gives the title too. A capitalised word that
 * opens a sentence counts only when the story also writes it capitalised
 * inside a sentence, so "According" or "Fighting" never become names.
 *
 * Grouping, story-wide:
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
 *    exonyms: Kiev/Kyiv, Turkey/Türkiye); a capital that is the subject
 *    of a clause ("Moscow expects") is counted for its country, marked as
 *    metonymy.
 * Keys (names.c) fold diacritics, scripts and y/i, so "Zelenskyy",
 * "Zelensky" and "Зеленський" share one.
 *
 * candidates.c finds the mentions, grouping.c joins them; this file
 * builds the entities (type, name, aliases, mentions) and answers the
 * lookups of the later stages (px_entities_at, px_entities_lookup).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "finder.h"

const char *px_entity_type_name(px_entity_type type)
{
    switch (type) {
    case PX_ENTITY_PERSON: return "person";
    case PX_ENTITY_PLACE: return "place";
    case PX_ENTITY_ORG: return "organisation";
    default: return "other";
    }
}

/* ---- output ---- */

typedef struct alias_count {
    const char *text;
    size_t count;
} alias_count;

static int cmp_size_desc(const void *a, const void *b)
{
    const alias_count *x = a, *y = b;
    return x->count < y->count ? 1 : x->count > y->count ? -1 : 0;
}

/* The name of an entity: the most frequent name in Latin script with
 * the most words (persons), or the most frequent name (others); else
 * its gazetteer name, else its most frequent alias. ac: its n_alias
 * aliases with their counts, most frequent first. */
static const char *entity_name(const px_entity *en, const cand *cs, const size_t *members, size_t n_members,
                               const alias_count *ac, size_t n_alias)
{
    const char *best = NULL;
    int best_words = -1;
    size_t best_count = 0;
    for (size_t m = 0; m < n_members; m++) {
        const cand *c = &cs[members[m]];
        if (c->description || c->n_words == 0 || c->metonymy)
            continue;
        bool latin = (unsigned char)c->name[0] < 0x80 || (unsigned char)c->name[0] < 0xD0;
        int words = en->type == PX_ENTITY_PERSON ? c->n_words + (latin ? 100 : 0) : (latin ? 100 : 0);
        size_t count = 0;
        for (size_t a = 0; a < n_alias; a++)
            if (!strcmp(ac[a].text, c->name)) {
                count = ac[a].count;
                break;
            }
        if (words < best_words || (words == best_words && best && !strcmp(best, c->name)))
            continue;
        if (words > best_words || (words == best_words && count > best_count)) {
            best = c->name;
            best_words = words;
            best_count = count;
        }
    }
    if (!best && en->place)
        best = en->place;
    if (!best)
        best = n_alias ? en->aliases[0] : cs[members[0]].text;
    return best;
}

/* One entity from its candidates members[0..n_members): its mentions,
 * its aliases (most frequent first; ac is scratch for 4 * n_members),
 * its type by the weight of evidence and its name. */
static int entity_of_members(px_entities *e, const cand *cs, const size_t *members, size_t n_members,
                             alias_count *ac, px_entity *en)
{
    px_mention *ms = px_arena_calloc(&e->arena, n_members, sizeof(px_mention));
    if (!ms)
        return PX_ENOMEM;
    int person = 0, place = 0, org = 0, facility = 0, work = 0, place_group = -1;
    size_t last_doc = SIZE_MAX;
    size_t n_alias = 0;
    for (size_t m = 0; m < n_members; m++) {
        const cand *c = &cs[members[m]];
        px_mention *mm = &ms[m];
        mm->doc = c->doc;
        mm->start = c->start;
        mm->end = c->end;
        mm->sentence = c->sent;
        mm->text = c->text;
        mm->title = c->title;
        mm->metonymy = c->metonymy;
        if (c->doc != last_doc) {
            en->n_docs++;
            last_doc = c->doc;
        }
        person += c->person_evidence || (c->description && !c->thing);
        if (c->place_group >= 0) {
            place++;
            if (!c->metonymy || place_group < 0)
                place_group = c->place_group;
            if (c->metonymy)
                place_group = c->place_group;
        }
        place += c->preposition;
        org += c->org;
        facility += c->facility;
        work += c->work;
        /* aliases: the mention as written, the bare name, the name as
         * styled ("Sir Keir Starmer") and, for a person, the surname;
         * the last two are derived forms and count for nothing */
        const char *forms[4] = {c->text, c->description ? NULL : c->name,
                                c->description ? NULL : c->styled,
                                c->description || !c->person_evidence ? NULL : c->surname};
        for (int fi = 0; fi < 4; fi++) {
            if (!forms[fi] || (fi == 1 && !strcmp(forms[0], forms[1])))
                continue;
            size_t a;
            for (a = 0; a < n_alias; a++)
                if (!strcmp(ac[a].text, forms[fi]))
                    break;
            if (a == n_alias)
                ac[n_alias++] = (alias_count){forms[fi], 0};
            ac[a].count += fi < 2;
        }
    }
    px__sort(ac, n_alias, sizeof(alias_count), cmp_size_desc);
    const char **aliases = px_arena_alloc(&e->arena, (n_alias ? n_alias : 1) * sizeof(char *));
    if (!aliases)
        return PX_ENOMEM;
    for (size_t a = 0; a < n_alias; a++)
        aliases[a] = ac[a].text;
    en->aliases = aliases;
    en->n_aliases = n_alias;
    en->mentions = ms;
    en->n_mentions = n_members;
    int nm = (int)n_members;
    if (work * 2 >= nm && place_group < 0 && !person)
        en->type = PX_ENTITY_OTHER; /* the title of a work */
    else if (place_group >= 0 && person * 2 <= nm)
        en->type = PX_ENTITY_PLACE;
    else if (facility)
        en->type = PX_ENTITY_PLACE;
    else if (person > 0 && person >= org)
        en->type = PX_ENTITY_PERSON;
    else if (org > 0)
        en->type = PX_ENTITY_ORG;
    else if (place > 0)
        en->type = PX_ENTITY_PLACE;
    else
        en->type = PX_ENTITY_OTHER;
    en->place = en->type == PX_ENTITY_PLACE && place_group >= 0 ? px__place_name(place_group) : NULL;
    en->name = entity_name(en, cs, members, n_members, ac, n_alias);
    return 0;
}

/* Numbers the entities: each root with a kept candidate gets one, and
 * each candidate its entity (e->cand_entity). Returns the count. */
static size_t number_entities(px_entities *e, const cand *cs, size_t n, size_t *parent, size_t *root_ent)
{
    for (size_t i = 0; i < n; i++)
        e->cand_entity[i] = SIZE_MAX, root_ent[i] = SIZE_MAX;
    size_t n_ent = 0;
    for (size_t i = 0; i < n; i++) {
        if (cs[i].skip)
            continue;
        size_t r = px__uf_find(parent, i);
        if (root_ent[r] == SIZE_MAX)
            root_ent[r] = n_ent++;
        e->cand_entity[i] = root_ent[r];
    }
    return n_ent;
}

/* Orders the entities by the documents, then the mentions that carry
 * them (stable), keeping e->cand_entity in step. */
static int order_entities(px_entities *e, px_entity *list, size_t n_ent, size_t n_cands)
{
    size_t *order = px__malloc((n_ent ? n_ent : 1) * sizeof(size_t));
    size_t *rank = px__malloc((n_ent ? n_ent : 1) * sizeof(size_t));
    px_entity *sorted = px_arena_calloc(&e->arena, n_ent ? n_ent : 1, sizeof(px_entity));
    if (!order || !rank || !sorted) {
        free(order), free(rank);
        return PX_ENOMEM;
    }
    for (size_t k = 0; k < n_ent; k++)
        order[k] = k;
    for (size_t i = 1; i < n_ent; i++) {
        size_t v = order[i], j = i;
        while (j > 0) {
            const px_entity *a = &list[order[j - 1]], *b = &list[v];
            bool before = b->n_docs > a->n_docs ||
                          (b->n_docs == a->n_docs && b->n_mentions > a->n_mentions);
            if (!before)
                break;
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
    for (size_t k = 0; k < n_ent; k++) {
        sorted[k] = list[order[k]];
        rank[order[k]] = k;
    }
    for (size_t i = 0; i < n_cands; i++)
        if (e->cand_entity[i] != SIZE_MAX)
            e->cand_entity[i] = rank[e->cand_entity[i]];
    free(order);
    free(rank);
    e->list = sorted;
    e->n = n_ent;
    return 0;
}

/* The entities from the grouped candidates: e->list and e->cand_entity. */
static int build_output(finder *f, size_t *parent)
{
    px_entities *e = f->e;
    cand *cs = f->cands.v;
    size_t n = f->cands.n;
    e->cand_entity = px__malloc((n ? n : 1) * sizeof(size_t));
    size_t *root_ent = px__malloc((n ? n : 1) * sizeof(size_t));
    if (!e->cand_entity || !root_ent) {
        free(root_ent);
        return PX_ENOMEM;
    }
    size_t n_ent = number_entities(e, cs, n, parent, root_ent);
    free(root_ent);
    px_entity *list = px_arena_calloc(&e->arena, n_ent ? n_ent : 1, sizeof(px_entity));
    /* members of each entity, in candidate order (by doc, position) */
    size_t *start = px__calloc(n_ent + 1, sizeof(size_t));
    size_t *fill = px__calloc(n_ent ? n_ent : 1, sizeof(size_t));
    size_t *members = px__malloc((n ? n : 1) * sizeof(size_t));
    alias_count *ac = px__malloc((n ? 4 * n : 1) * sizeof(alias_count)); /* text, name, styled, surname */
    int rc = 0;
    if (!list || !start || !fill || !members || !ac) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        if (e->cand_entity[i] != SIZE_MAX)
            start[e->cand_entity[i] + 1]++;
    for (size_t k = 0; k < n_ent; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < n; i++)
        if (e->cand_entity[i] != SIZE_MAX) {
            size_t k = e->cand_entity[i];
            members[start[k] + fill[k]++] = i;
        }
    for (size_t k = 0; k < n_ent && !rc; k++)
        rc = entity_of_members(e, cs, members + start[k], start[k + 1] - start[k], ac, &list[k]);
    if (!rc)
        rc = order_entities(e, list, n_ent, n);
done:
    free(start);
    free(fill);
    free(members);
    free(ac);
    return rc;
}

static int build_lookup(px_entities *e, const cand *cands, size_t n_cands);

int px_entities_find(px_entities **out, px_doc *const *docs, size_t n_docs)
{
    if (!out || (!docs && n_docs))
        return PX_EUSAGE;
    *out = NULL;
    px_entities *e = px__calloc(1, sizeof(*e));
    if (!e)
        return PX_ENOMEM;
    px_arena_init(&e->arena, 64 * 1024);
    e->docs = docs;
    e->n_docs = n_docs;
    finder f = {.e = e, .docs = docs, .n_docs = n_docs};
    px_buf_init(&f.key);
    px_buf_init(&f.tmp);
    size_t *parent = NULL;
    int rc = px__entity_candidates(&f);
    if (!rc) {
        parent = px__malloc((f.cands.n ? f.cands.n : 1) * sizeof(size_t));
        rc = parent ? px__entity_group(&f, parent) : PX_ENOMEM;
    }
    if (!rc)
        rc = build_output(&f, parent);
    if (!rc && (f.key.oom || f.tmp.oom))
        rc = PX_ENOMEM;
    free(parent);
    free(f.midcap.v);
    free(f.lower.v);
    px_buf_release(&f.key);
    px_buf_release(&f.tmp);
    if (!rc)
        rc = build_lookup(e, f.cands.v, f.cands.n);
    free(f.cands.v);
    if (rc) {
        px_entities_free(e);
        return rc;
    }
    *out = e;
    return 0;
}

const px_entity *px_entities_list(const px_entities *e, size_t *n)
{
    if (n)
        *n = e ? e->n : 0;
    return e ? e->list : NULL;
}

ptrdiff_t px_entities_at(const px_entities *e, size_t doc, size_t start, size_t end)
{
    if (!e)
        return -1;
    /* the mention that opens the span is its head: "Grzegorz Pawlak, who
     * leads the mineworkers' union" is Pawlak, however long the rest; of
     * two opening at the same place the longer overlap, then the first
     * found */
    ptrdiff_t best = -1;
    size_t best_overlap = 0, best_start = SIZE_MAX, best_cand = SIZE_MAX;
    /* the first mention of the document starting at or after end:
     * those that overlap come before it, at most max_span before */
    size_t lo = 0, hi = e->n_spans;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        const struct mention_span *c = &e->spans[m];
        if (c->doc < doc || (c->doc == doc && c->start < end))
            lo = m + 1;
        else
            hi = m;
    }
    for (size_t k = lo; k-- > 0;) {
        const struct mention_span *c = &e->spans[k];
        if (c->doc != doc || c->start + e->max_span <= start)
            break;
        if (c->end <= start || c->start >= end)
            continue;
        size_t ov = PX_MIN(c->end, end) - PX_MAX(c->start, start);
        size_t from = PX_MAX(c->start, start);
        if (from < best_start || (from == best_start && (ov > best_overlap ||
                                                         (ov == best_overlap && c->cand < best_cand)))) {
            best_overlap = ov;
            best_start = from;
            best_cand = c->cand;
            best = (ptrdiff_t)c->entity;
        }
    }
    return best;
}

ptrdiff_t px_entities_lookup(const px_entities *e, size_t doc, const char *name)
{
    return px_entities_lookup_near(e, doc, SIZE_MAX, name);
}

/* Entries [*lo, *hi) of e->lookup with key k, then narrowed to those of
 * document doc in [*dlo, *dhi). */
static void lookup_range(const px_entities *e, const char *k, size_t doc, size_t *lo, size_t *hi,
                         size_t *dlo, size_t *dhi)
{
    size_t a = 0, b = e->n_lookup;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (strcmp(e->lookup[m].key, k) < 0)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    b = e->n_lookup;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (strcmp(e->lookup[m].key, k) <= 0)
            a = m + 1;
        else
            b = m;
    }
    *hi = a;
    for (a = *lo, b = *hi; a < b;) {
        size_t m = a + (b - a) / 2;
        if (e->lookup[m].doc < doc)
            a = m + 1;
        else
            b = m;
    }
    *dlo = a;
    for (b = *hi; a < b;) {
        size_t m = a + (b - a) / 2;
        if (e->lookup[m].doc <= doc)
            a = m + 1;
        else
            b = m;
    }
    *dhi = a;
}

/* Of entries [lo, hi) of one document, the one that starts last before
 * at (the first of those starting there), else the first; -1 when the
 * range is empty. */
static ptrdiff_t nearest_before(const px_entities *e, size_t lo, size_t hi, size_t at)
{
    if (lo == hi)
        return -1;
    size_t pick = SIZE_MAX;
    if (e->unordered[hi - 1] == e->unordered[lo]) {
        /* starts ascend: the last entry starting before at */
        size_t a = lo, b = hi;
        while (a < b) {
            size_t m = a + (b - a) / 2;
            if (e->lookup[m].start < at)
                a = m + 1;
            else
                b = m;
        }
        if (a > lo) {
            pick = a - 1;
            while (pick > lo && e->lookup[pick - 1].start == e->lookup[pick].start)
                pick--;
        }
    } else {
        size_t best_start = 0;
        for (size_t i = lo; i < hi; i++)
            if (e->lookup[i].start < at && (pick == SIZE_MAX || e->lookup[i].start > best_start))
                pick = i, best_start = e->lookup[i].start;
    }
    return (ptrdiff_t)e->lookup[pick == SIZE_MAX ? lo : pick].entity;
}

ptrdiff_t px_entities_lookup_near(const px_entities *e, size_t doc, size_t at, const char *name)
{
    if (!e || !name || !*name)
        return -1;
    /* the last word of the name is the surname; titles are dropped */
    const char *end = name + strlen(name);
    while (end > name && (end[-1] == ' ' || end[-1] == ',' || end[-1] == '.'))
        end--;
    const char *w = end;
    while (w > name && w[-1] != ' ')
        w--;
    /* nothing here allocates, so nothing can fail unreported: the keys
     * of a name are short, and a name too long for them is nobody's */
    char key_storage[512], k_storage[1024];
    int32_t folded_cps[256];
    px_buf key;
    px_buf_init_fixed(&key, key_storage, sizeof key_storage);
    bool had;
    size_t len = strip_possessive(w, (size_t)(end - w), &had);
    px__name_key(&key, w, len);
    /* a description as written, else the surname (as px__casefold) */
    ptrdiff_t nf = px__utf8_map_local(name, strlen(name), folded_cps, PX_ARRAY_LEN(folded_cps),
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    if (nf == PX__UTF8_TOO_LONG || key.oom)
        return -1;
    const char *folded = nf >= 0 ? (const char *)folded_cps : name;
    ptrdiff_t best = -1;
    for (int pass = 0; pass < 2 && best < 0; pass++) {
        px_buf k;
        px_buf_init_fixed(&k, k_storage, sizeof k_storage);
        if (pass == 0) {
            px_buf_putc(&k, 1);
            px_buf_puts(&k, folded);
        } else {
            px_buf_puts(&k, key.ptr);
        }
        if (k.oom)
            continue;
        /* the same article's mention nearest before `at`, else the same
         * article's first, else any */
        size_t lo, hi, dlo, dhi;
        lookup_range(e, k.ptr, doc, &lo, &hi, &dlo, &dhi);
        best = nearest_before(e, dlo, dhi, at);
        if (best < 0 && lo < hi)
            best = (ptrdiff_t)e->lookup[lo].entity;
    }
    return best;
}

static int cmp_lookup(const void *a, const void *b)
{
    const struct lookup_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->cand < y->cand ? -1 : x->cand > y->cand;
}

static int cmp_span(const void *a, const void *b)
{
    const struct mention_span *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->cand > y->cand) - (x->cand < y->cand);
}

/* The indexes px_entities_at and px_entities_lookup search. */
static int build_lookup(px_entities *e, const cand *cands, size_t n_cands)
{
    e->lookup = px__malloc((n_cands ? n_cands : 1) * sizeof(*e->lookup));
    e->unordered = px__malloc((n_cands ? n_cands : 1) * sizeof(size_t));
    e->spans = px__malloc((n_cands ? n_cands : 1) * sizeof(*e->spans));
    if (!e->lookup || !e->unordered || !e->spans)
        return PX_ENOMEM;
    px_buf k = PX_BUF_INIT;
    for (size_t i = 0; i < n_cands; i++) {
        const cand *c = &cands[i];
        if (e->cand_entity[i] == SIZE_MAX)
            continue;
        e->spans[e->n_spans++] = (struct mention_span){c->doc, c->start, c->end, e->cand_entity[i], i};
        e->max_span = PX_MAX(e->max_span, c->end - c->start + 1);
        if (e->list[e->cand_entity[i]].type != PX_ENTITY_PERSON)
            continue;
        const char *key = c->last_key;
        if (c->description) {
            char *f = px__casefold(c->text, strlen(c->text));
            px_buf_clear(&k);
            px_buf_putc(&k, 1);
            px_buf_puts(&k, f ? f : "");
            key = f && !k.oom ? px_arena_strndup(&e->arena, k.ptr, k.len) : NULL;
            free(f);
        }
        if (!key) {
            px_buf_release(&k);
            return PX_ENOMEM;
        }
        e->lookup[e->n_lookup++] = (struct lookup_entry){key, c->doc, c->start, e->cand_entity[i], i};
    }
    px_buf_release(&k);
    px__sort(e->lookup, e->n_lookup, sizeof(*e->lookup), cmp_lookup);
    for (size_t i = 0; i < e->n_lookup; i++) {
        const struct lookup_entry *x = &e->lookup[i], *p = i ? x - 1 : NULL;
        e->unordered[i] = (i ? e->unordered[i - 1] : 0) +
                          (p && p->doc == x->doc && !strcmp(p->key, x->key) && x->start < p->start);
    }
    /* candidates are in document order by sentence, not always by start
     * within one ("the president" found after the names of its sentence) */
    px__sort(e->spans, e->n_spans, sizeof(*e->spans), cmp_span);
    return 0;
}

void px_entities_free(px_entities *e)
{
    if (!e)
        return;
    free(e->lookup);
    free(e->unordered);
    free(e->spans);
    free(e->cand_entity);
    px_arena_release(&e->arena);
    free(e);
}
