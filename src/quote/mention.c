/*
 * mention.c - the people an article names, so that a speaker written as
 * "he", "the Russian leader", "Mr Macron" or "Sir Keir" can be resolved to
 * the fullest name the article gives ("Emmanuel Macron"). One pass over
 * the tokens outside quotations collects name runs (capitalised words)
 * with the role words before them ("Ukrainian President", "defence
 * analyst", "Mr"); names are grouped into entities by their last word and
 * each entity keeps its roles ("ukrainian president", and "ukrainian
 * leader" for a head of state or government).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "quote.h"




bool px__is_role_word(const char *w, size_t len)
{
    return (px__lex(w, len) & LX_ROLE) != 0;
}

/* Titles written right before a name; never part of the name itself. */
static bool is_honorific(const char *w, size_t len)
{
    return (px__lex(w, len) & LX_HONOR) != 0;
}

bool px__is_person_pronoun(const char *w, size_t len)
{
    return (px__lex(w, len) & LX_PERSPRON) != 0;
}

/* Capitalised words that start sentences or name times, not people. */
static bool is_name_stopword(const char *w, size_t len)
{
    return (px__lex(w, len) & LX_NAMESTOP) != 0;
}

char *px__fold_name(const char *s, size_t len)
{
    /* drop a possessive 's / ’s / s' */
    if (len > 3 && s[len - 2] == '\'' && s[len - 1] == 's')
        len -= 2;
    else if (len > 5 && !memcmp(s + len - 4, "\xe2\x80\x99s", 4))
        len -= 4;
    /* ASCII (nearly every name in English news): no need for utf8proc */
    size_t k = 0;
    while (k < len && !(s[k] & 0x80))
        k++;
    if (k == len) {
        char *o = px__malloc(len + 1), *w = o;
        if (!o)
            return NULL;
        for (size_t i = 0; i < len; i++)
            if (s[i] != '.')
                *w++ = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        *w = 0;
        return o;
    }
    char *out = NULL;
    ptrdiff_t r = px__utf8_map(s, len, &out,
                               UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE);
    if (r == UTF8PROC_ERROR_NOMEM)
        return NULL;
    if (r < 0)
        return px__strndup(s, len);
    /* "u.s." -> "us" */
    char *o = out, *w = o;
    for (char *p = o; *p; p++)
        if (*p != '.')
            *w++ = *p;
    *w = 0;
    return o;
}

static bool tok_is(const px_doc *doc, size_t i, const char *lit)
{
    const px_token *t = &doc->toks[i];
    size_t len = t->end - t->start;
    return strlen(lit) == len && !strncmp(doc->text + t->start, lit, len);
}

static bool is_name_token(const px_doc *doc, const px__qscan *qs, const uint32_t *lex, size_t i)
{
    const px_token *t = &doc->toks[i];
    if (t->kind != PX_TOK_WORD || !(t->flags & PX_TF_CAP) || (t->flags & PX_TF_HANDLE) ||
        qs->tok_quote[i] != PX__NO_QUOTE)
        return false;
    size_t len = t->end - t->start;
    if (lex[i] & (LX_NAMESTOP | LX_ROLE))
        return false;
    /* all-capital words longer than 3 letters are shouting, not names */
    if ((t->flags & PX_TF_ALLCAPS) && len > 4)
        return false;
    return true;
}

static bool role_token(const px_doc *doc, const px__qscan *qs, const uint32_t *lex, size_t i)
{
    const px_token *t = &doc->toks[i];
    if (qs->tok_quote[i] != PX__NO_QUOTE || t->kind != PX_TOK_WORD)
        return false;
    return (lex[i] & LX_ROLE) != 0;
}

/* appends folded words of tokens [a, b) separated by spaces */
static void put_folded(px_buf *b, const px_doc *doc, size_t a, size_t e)
{
    for (size_t i = a; i < e; i++) {
        const px_token *t = &doc->toks[i];
        if (t->kind != PX_TOK_WORD)
            continue;
        char *f = px__fold_name(doc->text + t->start, t->end - t->start);
        if (!f) {
            b->oom = true;
            return;
        }
        if (b->len && b->ptr[b->len - 1] != '|')
            px_buf_putc(b, ' ');
        px_buf_puts(b, f);
        free(f);
    }
}

static int32_t find_entity(px__mentions *m, const char *full, uint64_t hash)
{
    for (size_t i = 0; i < m->e.n; i++)
        if (m->e.v[i].name_hash == hash && !strcmp(m->e.v[i].name, full))
            return (int32_t)i;
    return -1;
}

/* false when memory ran out (the roles are then unchanged) */
static bool add_role(px__entity *e, const char *role)
{
    if (!role[0])
        return true;
    px_buf b = PX_BUF_INIT;
    if (e->roles) {
        /* already there? */
        size_t rl = strlen(role);
        for (const char *p = e->roles; p && *p;) {
            const char *bar = strchr(p, '|');
            size_t l = bar ? (size_t)(bar - p) : strlen(p);
            if (l == rl && !strncmp(p, role, l))
                return true;
            p = bar ? bar + 1 : NULL;
        }
        px_buf_puts(&b, e->roles);
        px_buf_putc(&b, '|');
    }
    px_buf_puts(&b, role);
    char *roles = px_buf_detach(&b);
    if (!roles)
        return false;
    free(e->roles);
    e->roles = roles;
    return true;
}

/* Is the capitalised word at token i, which opens its sentence, a common
 * word the article also writes in lower case ("Officials said", "About
 * four in 10 voters say", "Parents told")? Then it names no one. A word
 * with a second capital ("McCain") or in capitals is never common. A
 * scan of the article's tokens: cheaper than a set of its words, since
 * few words come this far (a name seen before never does). */
static bool common_word_at_start(const px_doc *doc, size_t i)
{
    const px_token *t = &doc->toks[i];
    size_t len = t->end - t->start;
    char w[32];
    if (!(t->flags & PX_TF_SENT_START) || (t->flags & PX_TF_ALLCAPS) || len >= sizeof(w) ||
        len < 2)
        return false;
    for (size_t k = 0; k < len; k++) {
        char ch = doc->text[t->start + k];
        if (k > 0 && ch >= 'A' && ch <= 'Z')
            return false;
        w[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    for (size_t k = 0; k < doc->n_toks; k++) {
        const px_token *o = &doc->toks[k];
        if (o->end - o->start == len && doc->text[o->start] == w[0] &&
            !memcmp(doc->text + o->start + 1, w + 1, len - 1))
            return true;
    }
    return false;
}

/* Finds the names of the article (runs of capitalised words, with the
 * roles written before them) and groups them into entities: a surname
 * alone joins the latest entity it ends. */
int px__mentions_build(const px_doc *doc, const px__qscan *qs, const uint32_t *lex,
                       px__mentions *m)
{
    memset(m, 0, sizeof(*m));
    size_t n = doc->n_toks;
    m->tok_mention = px__malloc((n + 1) * sizeof(*m->tok_mention));
    if (!m->tok_mention)
        return PX_ENOMEM;
    for (size_t i = 0; i < n; i++)
        m->tok_mention[i] = -1;
    px_buf b = PX_BUF_INIT;
    for (size_t i = 0; i < n;) {
        if (!is_name_token(doc, qs, lex, i)) {
            i++;
            continue;
        }
        size_t ns = i, ne = i;
        while (ne < n && is_name_token(doc, qs, lex, ne) &&
               (ne == ns || (doc->toks[ne].start > doc->toks[ne - 1].end &&
                             !(doc->toks[ne].flags & PX_TF_NL_BEFORE))))
            ne++;
        /* "Ukrainian President ...", "the Russian leader": an adjective */
        if (ne < n && doc->toks[ne].kind == PX_TOK_WORD && qs->tok_quote[ne] == PX__NO_QUOTE &&
            (lex[ne] & LX_ROLE)) {
            i = ne;
            continue;
        }
        /* a possessive ends a name: "Putin's press secretary Dmitry Peskov" */
        for (size_t k = ns; k < ne; k++) {
            const px_token *t = &doc->toks[k];
            size_t len = t->end - t->start;
            const char *w = doc->text + t->start;
            if ((len > 2 && w[len - 2] == '\'' && w[len - 1] == 's') ||
                (len > 4 && !memcmp(w + len - 4, "\xe2\x80\x99s", 4))) {
                ne = k + 1;
                break;
            }
        }
        /* the role words before the name */
        size_t rs = ns;
        bool has_role = false;
        while (rs > 0 && ns - rs < 6) {
            size_t k = rs - 1;
            const px_token *t = &doc->toks[k];
            if (qs->tok_quote[k] != PX__NO_QUOTE || t->kind != PX_TOK_WORD)
                break;
            const char *w = doc->text + t->start;
            size_t len = t->end - t->start;
            if (role_token(doc, qs, lex, k)) {
                has_role = true;
                rs = k;
            } else if (has_role && rs > 0 &&
                       ((t->flags & PX_TF_CAP) || !strncmp(w, "former", len) ||
                        (len > 3 && !is_name_stopword(w, len) &&
                         (t->flags & PX_TF_CAP) == 0 && rs == k + 1 && k + 1 < ns &&
                         role_token(doc, qs, lex, k + 1)))) {
                if ((t->flags & PX_TF_CAP) && is_name_stopword(w, len) && !tok_is(doc, k, "Former"))
                    break;
                rs = k;
            } else
                break;
        }
        /* the name proper: honorifics inside the run are not part of it */
        px_buf_clear(&b);
        size_t first_name_tok = ns;
        for (size_t k = ns; k < ne; k++) {
            const px_token *t = &doc->toks[k];
            if (b.len)
                px_buf_putc(&b, ' ');
            size_t len = t->end - t->start;
            const char *w = doc->text + t->start;
            if (k + 1 == ne) {
                if (len > 2 && w[len - 2] == '\'' && w[len - 1] == 's')
                    len -= 2;
                else if (len > 4 && !memcmp(w + len - 4, "\xe2\x80\x99s", 4))
                    len -= 4;
            }
            px_buf_put(&b, w, len);
        }
        char *full = px_buf_detach(&b);
        if (!full)
            goto nomem;
        uint64_t full_hash = px__hash(full, strlen(full), 0);
        int32_t ent = find_entity(m, full, full_hash);
        char *key_last = NULL, *key_first = NULL;
        if (ent < 0) {
            /* the keys are needed only for a name not seen in this form */
            const px_token *lt = &doc->toks[ne - 1];
            const px_token *ft = &doc->toks[first_name_tok];
            key_last = px__fold_name(doc->text + lt->start, lt->end - lt->start);
            key_first = ne - ns > 1 ? px__fold_name(doc->text + ft->start, ft->end - ft->start)
                                    : NULL;
            if (!key_last || (ne - ns > 1 && !key_first)) {
                free(full), free(key_last), free(key_first);
                goto nomem;
            }
        }
        if (ent < 0 && ne - ns == 1) {
            /* a surname alone: the latest entity it ends (or starts) */
            for (size_t e = m->e.n; e-- > 0;)
                if (!strcmp(m->e.v[e].key_last, key_last) ||
                    (m->e.v[e].key_first && !strcmp(m->e.v[e].key_first, key_last))) {
                    ent = (int32_t)e;
                    break;
                }
        }
        /* a common word that opens the sentence, naming no one seen before */
        if (ent < 0 && ne - ns == 1 && rs == ns && common_word_at_start(doc, ns)) {
            free(full), free(key_last), free(key_first);
            i = ne;
            continue;
        }
        if (ent < 0 && ne - ns > 1) {
            /* a fuller form of an entity known by its surname alone */
            for (size_t e = 0; e < m->e.n; e++)
                if (m->e.v[e].n_name_toks == 1 && !strcmp(m->e.v[e].key_last, key_last)) {
                    ent = (int32_t)e;
                    break;
                }
        }
        if (ent < 0) {
            px__entity e = {full, ne - ns, key_last, key_first, NULL, false, full_hash};
            if (!PX_VEC_PUSH(m->e, e)) {
                free(full), free(key_last), free(key_first);
                goto nomem;
            }
            ent = (int32_t)m->e.n - 1;
        } else {
            px__entity *e = &m->e.v[ent];
            if (ne - ns > e->n_name_toks) {
                free(e->name), free(e->key_last), free(e->key_first);
                e->name = full, e->key_last = key_last, e->key_first = key_first;
                e->name_hash = full_hash;
                e->n_name_toks = ne - ns;
            } else {
                free(full), free(key_last), free(key_first);
            }
        }
        px__entity *e = &m->e.v[ent];
        if (has_role) {
            e->person = true;
            px_buf_clear(&b);
            /* the role without honorifics */
            size_t a = rs;
            while (a < ns && is_honorific(doc->text + doc->toks[a].start,
                                          doc->toks[a].end - doc->toks[a].start) &&
                   !tok_is(doc, a, "President") && !tok_is(doc, a, "president"))
                a++;
            size_t z = ns;
            while (z > a && is_honorific(doc->text + doc->toks[z - 1].start,
                                         doc->toks[z - 1].end - doc->toks[z - 1].start) &&
                   !tok_is(doc, z - 1, "President"))
                z--;
            if (z > a) {
                put_folded(&b, doc, a, z);
                if (b.oom || !add_role(e, b.ptr))
                    goto nomem;
                /* heads of state and government are also "leaders" */
                const char *heads[] = {" president", " prime minister", " chancellor",
                                       " premier"};
                for (size_t h = 0; h < PX_ARRAY_LEN(heads); h++) {
                    char *at = strstr(b.ptr, heads[h]);
                    if (at && at[strlen(heads[h])] == 0) {
                        px_buf lead = PX_BUF_INIT;
                        px_buf_put(&lead, b.ptr, (size_t)(at - b.ptr));
                        px_buf_puts(&lead, " leader");
                        bool ok = !lead.oom && add_role(e, lead.ptr);
                        px_buf_release(&lead);
                        if (!ok)
                            goto nomem;
                    }
                }
                /* the bare role noun too: "the president" */
                const char *sp = strrchr(b.ptr, ' ');
                if (sp && !add_role(e, sp + 1))
                    goto nomem;
            }
        }
        /* followed by ", who" or a reporting verb: a person */
        if (ne < n && ne + 1 < n && tok_is(doc, ne, ",") && tok_is(doc, ne + 1, "who"))
            e->person = true;
        if (ne < n && (lex[ne] & LX_VERB))
            e->person = true;
        px__mention mm = {(uint32_t)rs, (uint32_t)ne, (uint32_t)ns, ent};
        if (!PX_VEC_PUSH(m->m, mm))
            goto nomem;
        for (size_t k = rs; k < ne; k++)
            m->tok_mention[k] = (int32_t)m->m.n - 1;
        i = ne;
    }
    px_buf_release(&b);
    return PX_OK;
nomem:
    px_buf_release(&b);
    return PX_ENOMEM;
}

void px__mentions_release(px__mentions *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->e.n; i++) {
        free(m->e.v[i].name);
        free(m->e.v[i].key_last);
        free(m->e.v[i].key_first);
        free(m->e.v[i].roles);
    }
    PX_VEC_FREE(m->e);
    PX_VEC_FREE(m->m);
    free(m->tok_mention);
    m->tok_mention = NULL;
}

static bool has_role(const px__entity *e, const char *role)
{
    if (!e->roles)
        return false;
    size_t rl = strlen(role);
    for (const char *p = e->roles; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        if (l == rl && !strncmp(p, role, l))
            return true;
        p = bar ? bar + 1 : NULL;
    }
    return false;
}

/* the latest mention of entity e before token `before`, or 0 */
static uint32_t last_seen(const px__mentions *m, int32_t e, uint32_t before)
{
    uint32_t best = 0;
    for (size_t i = 0; i < m->m.n && m->m.v[i].start_tok < before; i++)
        if (m->m.v[i].entity == e)
            best = m->m.v[i].start_tok + 1;
    return best;
}

int32_t px__mentions_lookup(const px_doc *doc, const px__mentions *m, uint32_t a, uint32_t b,
                            uint32_t before)
{
    /* a name inside the span: its mention's entity */
    for (uint32_t i = a; i < b && i < doc->n_toks; i++)
        if (m->tok_mention[i] >= 0 && m->m.v[m->tok_mention[i]].name_tok >= a &&
            m->m.v[m->tok_mention[i]].name_tok < b)
            return m->m.v[m->tok_mention[i]].entity;
    /* a role phrase: "the Russian leader", "the Ukrainian president" */
    px_buf r = PX_BUF_INIT;
    uint32_t s = a;
    while (s < b && doc->toks[s].kind == PX_TOK_WORD &&
           (tok_is(doc, s, "the") || tok_is(doc, s, "The") || tok_is(doc, s, "a") ||
            tok_is(doc, s, "A")))
        s++;
    uint32_t e = s;
    while (e < b && doc->toks[e].kind == PX_TOK_WORD)
        e++;
    if (e == s || !px__is_role_word(doc->text + doc->toks[e - 1].start,
                                    doc->toks[e - 1].end - doc->toks[e - 1].start)) {
        px_buf_release(&r);
        return -1;
    }
    put_folded(&r, doc, s, e);
    int32_t best = -1;
    uint32_t best_seen = 0;
    for (size_t k = 0; k < m->e.n; k++) {
        if (!has_role(&m->e.v[k], r.ptr))
            continue;
        uint32_t seen = last_seen(m, (int32_t)k, before);
        if (best < 0 || seen > best_seen)
            best = (int32_t)k, best_seen = seen;
    }
    px_buf_release(&r);
    return best;
}
