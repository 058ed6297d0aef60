/*
 * candidates.c - the mentions of people, places and organisations in the
 * text: runs of capitalised words inside a sentence, split into a title
 * ("Ukrainian President", "UK Prime Minister Sir") and a name ("Volodymyr
 * Zelensky"); a lower-case role before it ("defence analyst Michael
 * Clarke") or an apposition after it ("Tadeusz Król, a former mayor of
 * ...") gives the title too. A capitalised word that opens a sentence
 * counts only when the story also writes it capitalised inside a
 * sentence, so "According" or "Fighting" never become names.
 * Descriptions ("the Ukrainian president", "the union") and social-media
 * handles are candidates too; grouping.c decides whom they name.
 */
#include <stdlib.h>
#include <string.h>

#include "finder.h"

/* ---- word lists (lower case) ---- */

/* Titles written before a name, capitalised: the run's title ends at the
 * last of these. */
static const char *const core_titles[] = {
    "admiral", "ambassador", "archbishop", "attorney", "ayatollah", "bishop", "brother", "capt",
    "captain", "cardinal", "ceo", "chairman", "chairwoman", "chancellor", "chief", "col",
    "colonel", "commander", "commissioner", "congressman", "congresswoman", "dame", "detective",
    "director", "dr", "emir", "envoy", "father", "fr", "gen", "general", "gov", "governor",
    "imam", "inspector", "judge", "justice", "king", "lady", "leader", "lieutenant", "lord",
    "lt", "marshal", "mayor", "mep", "minister", "miss", "mp", "mr", "mrs", "ms", "officer",
    "pastor", "pope", "premier", "president", "prince", "princess", "prof", "professor",
    "queen", "rabbi", "rep", "representative", "rev", "reverend", "secretary", "sen", "senator",
    "sergeant", "sgt", "sheikh", "sir", "sister", "speaker", "spokesman", "spokesperson",
    "spokeswoman", "sultan", "superintendent", NULL};
/* Titles that are only forms of address: they say "person" but are no
 * role that can conflict. */
static const char *const address_titles[] = {
    "dame", "dr", "lady", "lord", "miss", "mr", "mrs", "ms", "prof", "sir", NULL};
/* Role nouns written in lower case before a name or in an apposition. */
static const char *const role_nouns[] = {
    "activist", "actor", "actress", "adviser", "advisor", "ambassador", "analyst", "artist",
    "athlete", "author", "banker", "businessman", "businesswoman", "campaigner", "candidate",
    "captain", "ceo", "chair", "chairman", "chairwoman", "chancellor", "chief", "coach",
    "colonel", "comedian", "commander", "commissioner", "consultant", "correspondent",
    "daughter", "deputy", "diplomat", "director", "doctor", "economist", "editor", "engineer",
    "envoy", "executive", "expert", "father", "firefighter", "footballer", "founder", "general",
    "goalkeeper", "governor", "head", "historian", "host", "husband", "inspector", "journalist",
    "judge", "king", "lawmaker", "lawyer", "leader", "manager", "mayor", "member", "miner",
    "minister", "mother", "mp", "musician", "negotiator", "novelist", "nurse", "officer",
    "official", "organiser", "organizer", "owner", "pilot", "player", "politician", "pope",
    "premier", "presenter", "president", "priest", "professor", "prosecutor", "queen", "rapper",
    "reporter", "rescuer", "researcher", "resident", "scientist", "secretary", "senator",
    "singer", "soldier", "son", "spokesman", "spokesperson", "spokeswoman", "striker",
    "student", "surgeon", "survivor", "teacher", "widow", "wife", "worker", "writer", NULL};
/* Roles a definite description can name ("the Russian leader"). */
static const char *const head_roles[] = {
    "chancellor", "chief", "commander", "governor", "king", "leader", "mayor", "minister",
    "pope", "premier", "president", "queen", "secretary", "spokesman", "spokeswoman", NULL};
/* Words that make a run an organisation. */
static const char *const org_words[] = {
    "administration", "agency", "airlines", "airways", "alliance", "army", "assembly",
    "association", "authority", "bank", "board", "bureau", "cabinet", "center", "centre",
    "chronicle", "church", "club", "coalition", "commission", "committee", "company",
    "congress", "cooperative", "corporation", "council", "courier", "court", "department",
    "embassy", "energy", "express", "federation", "force", "forces", "foundation", "front",
    "fund", "gazette", "government", "group", "guard", "guardian", "herald", "holdings",
    "hospital", "inc", "independent", "industries", "inspectorate", "institute", "journal",
    "kremlin", "league", "ledger", "ltd", "mail", "media", "ministry", "mirror", "movement",
    "nato", "navy", "network", "news", "observer", "office", "organisation", "organization",
    "parliament", "party", "pentagon", "plc", "police", "post", "press", "radio", "reuters",
    "review", "school", "senate", "service", "social", "society", "standard", "systems",
    "telegraph", "television", "times", "today", "tribune", "trust", "tv", "union",
    "university", "wire", NULL};
/* Heads of a description that, written with "the" and never named,
 * still denote one body of the story ("the union", "the ministry"); org
 * words with other senses ("party", "news", "times") are left out. */

static const char *const facility_nouns[] = {
    "airport", "base", "bridge", "camp", "colliery", "dam", "factory", "hotel", "mine",
    "palace", "plant", "port", "prison", "quarry", "reactor", "refinery", "shipyard", "square",
    "stadium", "station", NULL};
/* Function words that cannot start a name. */
static const char *const stopwords[] = {
    "a", "about", "according", "after", "again", "against", "all", "also", "although", "among",
    "an", "and", "another", "any", "are", "as", "asked", "at", "be", "because", "been",
    "before", "between", "both", "but", "by", "can", "could", "despite", "did", "do", "does",
    "down", "during", "each", "early", "even", "every", "first", "for", "former", "from", "had",
    "has", "have", "he", "her", "here", "him", "his", "how", "however", "i", "if", "in", "into",
    "is", "it", "its", "just", "last", "late", "many", "may", "me", "meanwhile", "might",
    "more", "most", "must", "my", "new", "next", "no", "not", "now", "of", "off", "on", "one",
    "only", "or", "other", "our", "out", "over", "shall", "she", "should", "since", "so",
    "some", "speaking", "still", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "though", "three", "through", "to", "two",
    "under", "until", "up", "us", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whose", "why", "will", "with", "within", "without", "would", "yes", "yet",
    "you", "your", NULL};
static const char *const weekdays[] = {
    "friday", "monday", "saturday", "sunday", "thursday", "today", "tomorrow", "tonight",
    "tuesday", "wednesday", "yesterday", NULL};
static const char *const particles[] = {
    "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "el", "ibn", "la", "le", "van",
    "von", NULL};
static const char *const prepositions[] = {
    "across", "around", "at", "between", "from", "in", "into", "near", "outside", "toward",
    "towards", "via", NULL};

bool px__org_word(const char *w, size_t len)
{
    return WORD_IN(org_words, w, len);
}

bool px__entity_lists_sorted(void)
{
    static const struct {
        const char *const *v;
        size_t n;
    } lists[] = {
#define L(x) {x, PX_ARRAY_LEN(x) - 1}
        L(core_titles), L(address_titles), L(role_nouns), L(head_roles), L(org_words),
        L(facility_nouns), L(stopwords), L(weekdays), L(particles), L(prepositions)
#undef L
    };
    for (size_t k = 0; k < PX_ARRAY_LEN(lists); k++)
        if (!list_sorted(lists[k].v, lists[k].n))
            return false;
    return true;
}

/* ---- a set of words (case folded) written capitalised mid-sentence ---- */

static bool set_add(word_set *s, uint64_t h)
{
    if (!h)
        h = 1;
    if ((s->n + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 64;
        uint64_t *nv = px__calloc(ncap, sizeof(uint64_t));
        if (!nv)
            return false;
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i]) {
                size_t k = (size_t)s->v[i] & (ncap - 1);
                while (nv[k])
                    k = (k + 1) & (ncap - 1);
                nv[k] = s->v[i];
            }
        free(s->v);
        s->v = nv;
        s->cap = ncap;
    }
    size_t k = (size_t)h & (s->cap - 1);
    while (s->v[k] && s->v[k] != h)
        k = (k + 1) & (s->cap - 1);
    if (!s->v[k]) {
        s->v[k] = h;
        s->n++;
    }
    return true;
}

static bool set_has(const word_set *s, uint64_t h)
{
    if (!h)
        h = 1;
    if (!s->cap)
        return false;
    size_t k = (size_t)h & (s->cap - 1);
    while (s->v[k]) {
        if (s->v[k] == h)
            return true;
        k = (k + 1) & (s->cap - 1);
    }
    return false;
}

static uint64_t word_hash(const char *w, size_t len)
{
    char buf[64];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    lower_ascii(buf, sizeof buf, w, len);
    return px__hash(buf, len, 7);
}

static bool tok_is_word(const px_token *t)
{
    return t->kind == PX_TOK_WORD && !(t->flags & (PX_TF_URL | PX_TF_HANDLE));
}

static bool tok_is_cap(const px_token *t)
{
    return tok_is_word(t) && (t->flags & (PX_TF_CAP | PX_TF_ALLCAPS));
}

/* Only spaces (no line break) between tokens a and b. */
static bool adjacent(const px_doc *d, const px_token *a, const px_token *b)
{
    if (b->flags & PX_TF_NL_BEFORE)
        return false;
    for (size_t i = a->end; i < b->start; i++)
        if (d->text[i] != ' ')
            return false;
    return true;
}

static bool block_skipped(px_block_kind k)
{
    return k == PX_BLOCK_BOILERPLATE || k == PX_BLOCK_META || k == PX_BLOCK_SIGNATURE;
}

static char *arena_copy(finder *f, const char *s, size_t len)
{
    return px_arena_strndup(&f->e->arena, s, len);
}

static char *key_of(finder *f, const char *s, size_t len)
{
    px_buf_clear(&f->key);
    px__name_key(&f->key, s, len);
    return arena_copy(f, f->key.ptr, f->key.len);
}

/* false when memory ran out */
static bool collect_case_sets(finder *f)
{
    for (size_t di = 0; di < f->n_docs; di++) {
        const px_doc *d = f->docs[di];
        for (size_t si = 0; si < d->n_sents; si++) {
            const px_sentence *s = &d->sents[si];
            if (block_skipped(d->blocks[s->block].kind) || px__title_case_sentence(d, s))
                continue;
            bool first = true;
            for (size_t t = s->first_token; t < s->first_token + s->n_tokens; t++) {
                const px_token *k = &d->toks[t];
                if (k->kind == PX_TOK_QUOTE || k->kind == PX_TOK_PUNCT) {
                    if (k->kind == PX_TOK_PUNCT && d->text[k->start] == ':')
                        first = true;
                    continue;
                }
                if (!tok_is_word(k)) {
                    first = false;
                    continue;
                }
                bool had;
                size_t len = strip_possessive(d->text + k->start, k->end - k->start, &had);
                uint64_t h = word_hash(d->text + k->start, len);
                if ((k->flags & PX_TF_CAP) && !first && !(k->flags & PX_TF_SENT_START)) {
                    if (!set_add(&f->midcap, h))
                        return false;
                } else if (!(k->flags & (PX_TF_CAP | PX_TF_ALLCAPS))) {
                    if (!set_add(&f->lower, h))
                        return false;
                }
                first = false;
            }
        }
    }
    return true;
}

/* The lower-case role (with its modifiers) that ends just before token
 * index `at`, e.g. "defence analyst" or "the town's mayor,". Returns the
 * first token of the role or SIZE_MAX. */
static size_t role_before(const px_doc *d, const px_sentence *s, size_t at, bool *former)
{
    *former = false;
    size_t first = s->first_token;
    if (at <= first)
        return SIZE_MAX;
    size_t t = at - 1;
    /* "the town's mayor, Tadeusz Król": a comma between role and name */
    if (d->toks[t].kind == PX_TOK_PUNCT && d->text[d->toks[t].start] == ',' && t > first)
        t--;
    const px_token *k = &d->toks[t];
    if (!tok_is_word(k))
        return SIZE_MAX;
    const char *w = d->text + k->start;
    size_t len = k->end - k->start;
    if (word_in((const char *const[]){"former", "ex", NULL}, w, len)) {
        *former = true;
        return t;
    }
    if ((k->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) || !WORD_IN(role_nouns, w, len))
        return SIZE_MAX;
    size_t start = t;
    /* up to three modifiers: "mine rescue", "mining safety", "BBC" */
    for (int m = 0; m < 3 && start > first; m++) {
        const px_token *p = &d->toks[start - 1];
        if (!tok_is_word(p) || !adjacent(d, p, &d->toks[start]))
            break;
        const char *pw = d->text + p->start;
        size_t pl = p->end - p->start;
        if (WORD_IN(stopwords, pw, pl) && !word_in((const char *const[]){"former", NULL}, pw, pl))
            break;
        if (px__is_speech_verb(pw, pl))
            break;
        bool had;
        strip_possessive(pw, pl, &had);
        start--;
        if (had)
            break; /* "the town's mayor" keeps "town's" and stops */
    }
    if (start > first) {
        const px_token *p = &d->toks[start - 1];
        if (tok_is_word(p) && word_in((const char *const[]){"former", "ex", NULL},
                                      d->text + p->start, p->end - p->start))
            *former = true, start--;
    }
    return start;
}

/* ", a former mayor of Rudna Góra," / ", a spokeswoman for" / ", 52,"
 * after a name: sets the title when there is a role. Returns true when
 * the apposition marks a person. */
static bool apposition_after(finder *f, const px_doc *d, const px_sentence *s, size_t after,
                             char **title)
{
    size_t end = s->first_token + s->n_tokens;
    if (after >= end || d->toks[after].kind != PX_TOK_PUNCT || d->text[d->toks[after].start] != ',')
        return false;
    size_t t = after + 1;
    if (t < end && d->toks[t].kind == PX_TOK_NUMBER && t + 1 < end &&
        d->toks[t + 1].kind == PX_TOK_PUNCT)
        return true; /* ", 52," an age */
    if (t >= end || !tok_is_word(&d->toks[t]))
        return false;
    const char *w = d->text + d->toks[t].start;
    size_t len = d->toks[t].end - d->toks[t].start;
    if (word_in((const char *const[]){"who", "whose", NULL}, w, len))
        return true;
    if (!word_in((const char *const[]){"a", "an", "the", NULL}, w, len))
        return false;
    size_t from = t + 1;
    for (size_t k = from; k < end && k < from + 5; k++) {
        const px_token *tk = &d->toks[k];
        if (!tok_is_word(tk))
            return false;
        const char *kw = d->text + tk->start;
        size_t kl = tk->end - tk->start;
        if (WORD_IN(role_nouns, kw, kl)) {
            if (!*title)
                *title = arena_copy(f, d->text + d->toks[from].start, tk->end - d->toks[from].start);
            return true;
        }
    }
    return false;
}

static bool is_core_title_tok(const px_doc *d, const px_token *k)
{
    size_t len = k->end - k->start;
    if (len > 1 && d->text[k->start + len - 1] == '.')
        len--; /* "Gov.", "Rev." */
    return WORD_IN(core_titles, d->text + k->start, len);
}

/* A word in capitals that the story also writes in lower case is
 * shouting ("BLOODBATH", "IMMEDIATELY"), not an acronym. */
static bool shouted(finder *f, const px_token *k, const char *w, size_t len)
{
    if (!(k->flags & PX_TF_ALLCAPS))
        return false;
    if (len > 5)
        return true;
    return set_has(&f->lower, word_hash(w, len));
}

/* "Russian troops", "European leaders": an adjective of nationality. */
static bool demonym_adjective(const px_doc *d, const px_sentence *s, size_t t)
{
    const px_token *k = &d->toks[t];
    const char *w = d->text + k->start;
    size_t len = k->end - k->start;
    static const char *const suffixes[] = {"an", "ish", "ese", "ern", "ic", "i", NULL};
    bool suffix = false;
    for (const char *const *sf = suffixes; *sf; sf++) {
        size_t sl = strlen(*sf);
        if (len > sl + 2 && !memcmp(w + len - sl, *sf, sl))
            suffix = true;
    }
    if (!suffix || t + 1 >= s->first_token + s->n_tokens)
        return false;
    const px_token *n = &d->toks[t + 1];
    return tok_is_word(n) && !(n->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) &&
           !WORD_IN(stopwords, d->text + n->start, n->end - n->start) &&
           !px__is_speech_verb(d->text + n->start, n->end - n->start);
}

/* Whether a run starting at token a opens a sentence: the sentence's
 * first word, or the first after an opening quotation mark or a colon
 * ("said: Rescue ..."). */
static bool run_opens_sentence(const px_doc *d, const px_sentence *s, size_t a)
{
    if ((d->toks[a].flags & PX_TF_SENT_START) || a == s->first_token)
        return true;
    size_t p = a;
    while (p > s->first_token && d->toks[p - 1].kind == PX_TOK_QUOTE)
        p--;
    if (p == s->first_token && p < a)
        return true;
    return p > s->first_token && d->toks[p - 1].kind == PX_TOK_PUNCT &&
           (d->text[d->toks[p - 1].start] == ':' || (p < a && d->text[d->toks[p - 1].start] == ','));
}

/* Trims the run [*pa, *pb) to the words that may name someone: stop
 * words, weekdays, shouting and a doubtful sentence opener go from the
 * front ("According", but "Rescue commander Zieliński" keeps going for
 * the role to decide), weekdays and months from the end ("Truth Social
 * Sunday"), and the run ends at a possessive ("Karbonia's chief
 * executive"). *initial: the run opens a sentence, false once its first
 * word is dropped. Returns false when nothing is left to name. */
static bool trim_run(finder *f, const px_doc *d, const px_sentence *s, size_t *pa, size_t *pb,
                     bool *initial)
{
    const char *txt = d->text;
    size_t a = *pa, b = *pb;
    bool had;
    while (a < b) {
        const px_token *k = &d->toks[a];
        const char *w = txt + k->start;
        size_t len = strip_possessive(w, k->end - k->start, &had);
        if ((!(k->flags & PX_TF_ALLCAPS) && WORD_IN(stopwords, w, len)) ||
            WORD_IN(weekdays, w, len) || (b - a == 1 && px__month_from_name(w, len)) ||
            shouted(f, k, w, len)) {
            a++;
            *initial = false;
            continue;
        }
        bool later_title = false;
        for (size_t t = a + 1; t < b; t++)
            if (is_core_title_tok(d, &d->toks[t]))
                later_title = true;
        uint64_t h = word_hash(w, len);
        /* one word opening a sentence needs the story to capitalise it
         * elsewhere; the first of several needs not to be a common word */
        bool doubtful = b - a == 1 ? !set_has(&f->midcap, h) : set_has(&f->lower, h) && !later_title;
        if (*initial && !(k->flags & PX_TF_ALLCAPS) && doubtful && !is_core_title_tok(d, k) &&
            px__place_lookup(w, len, NULL, NULL) < 0) {
            a++;
            *initial = false;
            continue;
        }
        break;
    }
    while (b > a + 1) {
        const px_token *k = &d->toks[b - 1];
        const char *w = txt + k->start;
        size_t len = k->end - k->start;
        if (!WORD_IN(weekdays, w, len) && !px__month_from_name(w, len) && !shouted(f, k, w, len))
            break;
        b--;
    }
    *pa = a, *pb = b;
    if (a >= b)
        return false;
    if (b - a == 1) {
        size_t letters = 0;
        for (size_t i = d->toks[a].start; i < d->toks[a].end; i++)
            letters += txt[i] != '.';
        if (letters < 2)
            return false; /* "X" */
    }
    for (size_t t = a; t < b; t++) {
        strip_possessive(txt + d->toks[t].start, d->toks[t].end - d->toks[t].start, &had);
        if (had) {
            *pb = b = t + 1;
            break;
        }
    }
    /* "Russian troops": an adjective, unless it is also a place */
    return !(b - a == 1 && demonym_adjective(d, s, a) &&
             px__place_lookup(txt + d->toks[a].start, d->toks[a].end - d->toks[a].start, NULL, NULL) < 0);
}

/* The title part of a run [a, b): what a run says before the name. */
typedef struct run_title {
    size_t last_title;  /* the run's last core title word, or SIZE_MAX */
    size_t role;        /* first token of a lower-case role before the run, or SIZE_MAX */
    bool only_address;  /* the title is only "Mr", "Sir", ... */
} run_title;

/* Sets c's title, span start and person evidence from the core titles
 * in the run ("UK Prime Minister Sir Keir Starmer": everything up to
 * the last core title word) and a lower-case role before it ("defence
 * analyst Michael Clarke"). Returns the first token of the name. */
static size_t title_of_run(finder *f, const px_doc *d, const px_sentence *s, size_t a, size_t b,
                           cand *c, run_title *rt)
{
    const char *txt = d->text;
    rt->last_title = SIZE_MAX;
    for (size_t t = a; t < b; t++)
        if (is_core_title_tok(d, &d->toks[t]))
            rt->last_title = t;
    size_t last_title = rt->last_title;
    size_t name_a = last_title == SIZE_MAX ? a : last_title + 1;
    bool only_address = last_title != SIZE_MAX && last_title == a &&
                        WORD_IN(address_titles, txt + d->toks[a].start,
                                d->toks[a].end - d->toks[a].start);
    if (last_title != SIZE_MAX) {
        bool all_address = true;
        for (size_t t = a; t <= last_title; t++)
            if (!WORD_IN(address_titles, txt + d->toks[t].start, d->toks[t].end - d->toks[t].start))
                all_address = false;
        only_address = all_address;
        c->sir = b - last_title == 2 &&
                 word_in((const char *const[]){"sir", "dame", NULL}, txt + d->toks[last_title].start,
                         d->toks[last_title].end - d->toks[last_title].start);
    }
    rt->only_address = only_address;
    c->start = d->toks[a].start;
    bool former = false;
    rt->role = role_before(d, s, a, &former);
    if (rt->role != SIZE_MAX) {
        c->start = d->toks[rt->role].start;
        size_t role_end = last_title != SIZE_MAX ? d->toks[last_title].end : d->toks[a].start;
        /* "the town's mayor, Tadeusz Król": the title without the comma */
        size_t re = role_end;
        while (re > c->start && (txt[re - 1] == ' ' || txt[re - 1] == ','))
            re--;
        c->title = arena_copy(f, txt + c->start, re - c->start);
        c->person_evidence = 1;
    } else if (last_title != SIZE_MAX) {
        c->title = arena_copy(f, txt + d->toks[a].start, d->toks[last_title].end - d->toks[a].start);
    }
    if (last_title != SIZE_MAX) {
        c->person_evidence = 1;
        c->only_address = only_address && rt->role == SIZE_MAX;
    }
    return name_a;
}

/* "the former US President said": a run that is all title, after "the",
 * is a description without a name. */
static int add_nameless_title(finder *f, const px_doc *d, const px_sentence *s, size_t a, size_t b,
                              const run_title *rt, cand *c)
{
    const char *txt = d->text;
    if (rt->last_title == SIZE_MAX || rt->only_address || a <= s->first_token)
        return 0;
    size_t p = a - 1;
    const px_token *pk = &d->toks[p];
    if (tok_is_word(pk) && word_in((const char *const[]){"former", "ex", NULL},
                                   txt + pk->start, pk->end - pk->start) && p > s->first_token) {
        p--;
        pk = &d->toks[p];
    }
    if (!tok_is_word(pk) || !word_in((const char *const[]){"the", NULL}, txt + pk->start, pk->end - pk->start))
        return 0;
    c->description = 1;
    c->start = d->toks[p].start;
    c->end = d->toks[b - 1].end;
    c->text = arena_copy(f, txt + c->start, c->end - c->start);
    c->title = arena_copy(f, txt + d->toks[p + 1].start, c->end - d->toks[p + 1].start);
    c->name = c->text;
    c->name_start = c->name_end = c->end;
    return PX_VEC_PUSH(f->cands, *c) ? 0 : PX_ENOMEM;
}

/* The name of the run, tokens [name_a, b) ending at byte name_end, in
 * its forms: as written, as styled without the role ("Sir Keir
 * Starmer"), the surname in this spelling, and the keys grouping
 * compares. Returns 0, 1 when the name has no key (no candidate), or
 * PX_ENOMEM. */
static int name_of_run(finder *f, const px_doc *d, size_t a, size_t b, size_t name_a, size_t name_end,
                       const run_title *rt, cand *c)
{
    const char *txt = d->text;
    size_t last_title = rt->last_title;
    c->name_start = d->toks[name_a].start;
    c->name_end = name_end;
    c->end = name_end;
    c->n_words = (int)(b - name_a);
    c->text = arena_copy(f, txt + c->start, c->end - c->start);
    c->name = arena_copy(f, txt + c->name_start, c->name_end - c->name_start);
    /* the name as styled without the role: "UK Prime Minister Sir Keir
     * Starmer" -> "Sir Keir Starmer" */
    if (last_title != SIZE_MAX && WORD_IN(address_titles, txt + d->toks[last_title].start,
                                          d->toks[last_title].end - d->toks[last_title].start)) {
        size_t t = last_title;
        while (t > a && WORD_IN(address_titles, txt + d->toks[t - 1].start,
                                d->toks[t - 1].end - d->toks[t - 1].start))
            t--;
        if (d->toks[t].start > c->start) {
            c->styled = arena_copy(f, txt + d->toks[t].start, name_end - d->toks[t].start);
            if (!c->styled)
                return PX_ENOMEM;
        }
    }
    /* the surname in this mention's spelling ("Erdoğan" where the bare
     * name is only ever written "Erdogan"); not an initial or a suffix */
    if (b - name_a >= 2 && name_end - d->toks[b - 1].start >= 3 && txt[name_end - 1] != '.' &&
        !word_in((const char *const[]){"jr", "sr", "ii", "iii", "iv", NULL}, txt + d->toks[b - 1].start,
                 name_end - d->toks[b - 1].start)) {
        c->surname = arena_copy(f, txt + d->toks[b - 1].start, name_end - d->toks[b - 1].start);
        if (!c->surname)
            return PX_ENOMEM;
    }
    c->first_key = key_of(f, txt + d->toks[name_a].start,
                          (name_a == b - 1 ? name_end : d->toks[name_a].end) - d->toks[name_a].start);
    c->last_key = key_of(f, txt + d->toks[b - 1].start, name_end - d->toks[b - 1].start);
    c->full_key = key_of(f, c->name, strlen(c->name));
    if (!c->text || !c->name || !c->first_key || !c->last_key || !c->full_key)
        return PX_ENOMEM;
    return *c->last_key ? 0 : 1;
}

/* What the word after the name says (token `after`): a speech verb
 * makes a person, "magazine" or "group" an organisation, "colliery" or
 * "coal mine" a facility whose name takes the noun. had_poss: the name
 * ends in a possessive ("Karbonia's chief executive"). */
static void evidence_after(finder *f, const px_doc *d, const px_sentence *s, size_t after,
                           size_t n_name_words, bool had_poss, cand *c)
{
    const char *txt = d->text;
    size_t end = s->first_token + s->n_tokens;
    if (after >= end)
        return;
    const px_token *nk = &d->toks[after];
    if (tok_is_word(nk) && px__is_speech_verb(txt + nk->start, nk->end - nk->start) && n_name_words >= 2)
        c->person_evidence = 1;
    /* "People magazine", "Karbonia group": a kind of organisation after the name */
    if (tok_is_word(nk) && !(nk->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) &&
        word_in((const char *const[]){"magazine", "newspaper", "tabloid", "website", "channel",
                                      "broadcaster", "network", "agency", "company", "group",
                                      "party", "union", "daily", "weekly", NULL},
                txt + nk->start, nk->end - nk->start))
        c->org = 1;
    /* "Karbonia's chief executive": whoever has executives is an organisation */
    if (had_poss && tok_is_word(nk) && WORD_IN(role_nouns, txt + nk->start, nk->end - nk->start))
        c->org = 1;
    /* "Jadwiga colliery", "Jadwiga coal mine" */
    const px_token *fk = nk;
    if (tok_is_word(nk) && !(nk->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) && after + 1 < end &&
        !WORD_IN(facility_nouns, txt + nk->start, nk->end - nk->start) &&
        !WORD_IN(stopwords, txt + nk->start, nk->end - nk->start) && tok_is_word(&d->toks[after + 1]) &&
        WORD_IN(facility_nouns, txt + d->toks[after + 1].start, d->toks[after + 1].end - d->toks[after + 1].start) &&
        adjacent(d, nk, &d->toks[after + 1]))
        fk = &d->toks[after + 1];
    if (tok_is_word(fk) && !(fk->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) &&
        WORD_IN(facility_nouns, txt + fk->start, fk->end - fk->start) && !had_poss) {
        c->facility = 1;
        c->head_key = key_of(f, txt + fk->start, fk->end - fk->start);
        c->end = fk->end;
        c->text = arena_copy(f, txt + c->start, c->end - c->start);
        c->name = arena_copy(f, txt + c->name_start, c->end - c->name_start);
    }
}

/* What the word before the run (token a - 1) says: "23-year-old" and a
 * speech verb make a person, "in" or "at" a place. */
static void evidence_before(const px_doc *d, const px_sentence *s, size_t a, size_t n_name_words,
                            const run_title *rt, cand *c)
{
    const char *txt = d->text;
    if (a <= s->first_token)
        return;
    const px_token *pk = &d->toks[a - 1];
    /* "23-year-old Kamil Wrona" */
    if ((pk->kind == PX_TOK_WORD || pk->kind == PX_TOK_NUMBER) && pk->end - pk->start > 9 &&
        !memcmp(txt + pk->end - 9, "-year-old", 9))
        c->person_evidence = 1;
    if (tok_is_word(pk) && WORD_IN(prepositions, txt + pk->start, pk->end - pk->start) &&
        rt->role == SIZE_MAX && rt->last_title == SIZE_MAX)
        c->preposition = 1;
    if (tok_is_word(pk) && px__is_speech_verb(txt + pk->start, pk->end - pk->start) && n_name_words >= 2)
        c->person_evidence = 1;
}

/* A place: the gazetteer group of the name; a name that fills a
 * quotation is the title of a work (“American Pie”); a capital that is
 * the subject of a verb stands for its country ("Moscow expects"). */
static void place_of_run(const px_doc *d, const px_sentence *s, size_t a, size_t b, size_t name_end,
                         cand *c)
{
    const char *txt = d->text;
    size_t end = s->first_token + s->n_tokens;
    int kind = 0, capital_of = -1;
    c->place_group = px__place_lookup(c->name, name_end - c->name_start, &kind, &capital_of);
    c->place_kind = kind;
    /* “American Pie”, “Eight Hundred Metres”: a name that fills a
     * quotation is the title of a work, whatever preposition precedes */
    if (a > s->first_token && (d->toks[a - 1].flags & PX_TF_QOPEN) && b < end &&
        (d->toks[b].flags & PX_TF_QCLOSE) && c->place_group < 0) {
        c->work = 1;
        c->preposition = 0;
    }
    if (c->place_group < 0 || capital_of < 0 || c->preposition || b >= end)
        return;
    /* "Moscow expects": a capital as the subject of a verb */
    const px_token *nk = &d->toks[b];
    if ((tok_is_word(nk) && !(nk->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) &&
         !WORD_IN(stopwords, txt + nk->start, nk->end - nk->start)) ||
        (tok_is_word(nk) && word_in((const char *const[]){"may", "did", "does", "has", "had", "will",
                                                          "would", "could", "is", "was", NULL},
                                    txt + nk->start, nk->end - nk->start))) {
        c->metonymy = 1;
        c->place_group = capital_of;
    }
}

/* Adds the candidate for tokens [a, b) of sentence si of document di. */
static int add_run(finder *f, size_t di, size_t si, size_t a, size_t b)
{
    const px_doc *d = f->docs[di];
    const px_sentence *s = &d->sents[si];
    const char *txt = d->text;
    /* A sentence-initial word counts only if the story also writes it
     * capitalised inside a sentence (or it is a title or a place). */
    bool initial = run_opens_sentence(d, s, a);
    if (!trim_run(f, d, s, &a, &b, &initial))
        return 0;
    bool had_poss;
    size_t name_end = d->toks[b - 1].start + strip_possessive(txt + d->toks[b - 1].start,
                                                              d->toks[b - 1].end - d->toks[b - 1].start,
                                                              &had_poss);
    cand c;
    memset(&c, 0, sizeof c);
    c.doc = di;
    c.sent = si;
    c.place_group = -1;
    c.sent_initial = initial;
    run_title rt;
    size_t name_a = title_of_run(f, d, s, a, b, &c, &rt);
    if (name_a >= b)
        return add_nameless_title(f, d, s, a, b, &rt, &c);
    int rc = name_of_run(f, d, a, b, name_a, name_end, &rt, &c);
    if (rc)
        return rc < 0 ? rc : 0;
    evidence_after(f, d, s, b, b - name_a, had_poss, &c);
    if (apposition_after(f, d, s, b, &c.title))
        c.person_evidence = 1;
    evidence_before(d, s, a, b - name_a, &rt, &c);
    for (size_t t = name_a; t < b; t++) {
        const px_token *k = &d->toks[t];
        size_t len = t == b - 1 ? name_end - k->start : k->end - k->start;
        if (WORD_IN(org_words, txt + k->start, len))
            c.org = 1;
    }
    if (b - name_a == 1 && (d->toks[name_a].flags & PX_TF_ALLCAPS) && !c.person_evidence)
        c.org = 1;
    place_of_run(d, s, a, b, name_end, &c);
    return PX_VEC_PUSH(f->cands, c) ? 0 : PX_ENOMEM;
}

/* Is token k the apostrophe of a plural possessive ("miners’ union"):
 * written right after a word ending in s and followed by a space? */
static bool plural_possessive_mark(const px_doc *d, const px_token *k)
{
    if (k->kind == PX_TOK_WORD || k->start == 0 || d->text[k->start - 1] != 's')
        return false;
    uint32_t cp;
    size_t n = px__utf8_decode(d->text + k->start, k->end - k->start, &cp);
    return n == k->end - k->start && px__is_apostrophe(cp) && k->end < d->len && d->text[k->end] == ' ';
}

/* "the Ukrainian president", "the Russian leader", "the rescue
 * commander": a description that names no one, resolved later. */
static int add_descriptions(finder *f, size_t di, size_t si)
{
    const px_doc *d = f->docs[di];
    const px_sentence *s = &d->sents[si];
    size_t end = s->first_token + s->n_tokens;
    for (size_t t = s->first_token; t + 1 < end; t++) {
        const px_token *k = &d->toks[t];
        if (!tok_is_word(k) || !word_in((const char *const[]){"the", NULL}, d->text + k->start,
                                        k->end - k->start))
            continue;
        size_t u = t + 1;
        size_t mods = 0;
        char *cap_key = NULL; /* capitalised modifiers: "the Polish government" */
        while (u < end && mods < 4) {
            const px_token *m = &d->toks[u];
            if (!tok_is_word(m) || !adjacent(d, &d->toks[u - 1], m))
                break;
            const char *w = d->text + m->start;
            size_t len = m->end - m->start;
            if (WORD_IN(head_roles, w, len) && !(m->flags & PX_TF_CAP)) {
                /* a capitalised role is a run and handled by add_run */
                size_t nx = u + 1;
                if (nx < end && tok_is_cap(&d->toks[nx]) && adjacent(d, m, &d->toks[nx]))
                    break; /* "the rescue commander Łukasz ..." names someone */
                if (nx < end && d->toks[nx].kind == PX_TOK_PUNCT && d->text[d->toks[nx].start] == ',' &&
                    nx + 1 < end && tok_is_cap(&d->toks[nx + 1]))
                    break; /* "the town's mayor, Tadeusz Król" */
                if (nx < end && tok_is_word(&d->toks[nx]) &&
                    word_in((const char *const[]){"of", NULL}, d->text + d->toks[nx].start,
                            d->toks[nx].end - d->toks[nx].start))
                    break; /* "the head of the operation": too vague */
                cand c;
                memset(&c, 0, sizeof c);
                c.doc = di;
                c.sent = si;
                c.place_group = -1;
                c.description = 1;
                c.start = k->start;
                c.end = m->end;
                c.name_start = c.name_end = c.end;
                c.text = arena_copy(f, d->text + c.start, c.end - c.start);
                c.title = arena_copy(f, d->text + d->toks[t + 1].start, m->end - d->toks[t + 1].start);
                c.name = c.text;
                if (!c.text || !c.title || !PX_VEC_PUSH(f->cands, c))
                    return PX_ENOMEM;
                break;
            }
            if ((WORD_IN(facility_nouns, w, len) || WORD_IN(org_words, w, len)) && !(m->flags & PX_TF_CAP)) {
                size_t nx = u + 1;
                if (nx < end && (tok_is_cap(&d->toks[nx]) || (tok_is_word(&d->toks[nx]) &&
                                 word_in((const char *const[]){"of", NULL}, d->text + d->toks[nx].start,
                                         d->toks[nx].end - d->toks[nx].start))))
                    break;
                cand c;
                memset(&c, 0, sizeof c);
                c.doc = di;
                c.sent = si;
                c.place_group = -1;
                c.description = 1;
                c.thing = 1;
                c.start = k->start;
                c.end = m->end;
                c.name_start = c.name_end = c.end;
                c.org = WORD_IN(org_words, w, len);
                c.text = arena_copy(f, d->text + c.start, c.end - c.start);
                c.head_key = key_of(f, w, len);
                c.cap_key = cap_key;
                c.name = c.text;
                if (!c.text || !c.head_key || !PX_VEC_PUSH(f->cands, c))
                    return PX_ENOMEM;
                break;
            }
            bool had;
            strip_possessive(w, len, &had);
            if (had || (WORD_IN(stopwords, w, len) && !word_in((const char *const[]){"former", NULL}, w, len)))
                break;
            if (m->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) {
                char *k2 = key_of(f, w, len);
                if (!k2)
                    return PX_ENOMEM;
                if (cap_key) {
                    size_t l1 = strlen(cap_key), l2 = strlen(k2);
                    char *j = px_arena_alloc(&f->e->arena, l1 + l2 + 2);
                    if (!j)
                        return PX_ENOMEM;
                    memcpy(j, cap_key, l1);
                    j[l1] = ' ';
                    memcpy(j + l1 + 1, k2, l2 + 1);
                    k2 = j;
                }
                cap_key = k2;
            }
            /* "the miners' union": a plural possessive classifies the head */
            if (u + 1 < end && plural_possessive_mark(d, &d->toks[u + 1]))
                u++;
            u++;
            mods++;
        }
    }
    return 0;
}

static int find_candidates(finder *f)
{
    for (size_t di = 0; di < f->n_docs; di++) {
        const px_doc *d = f->docs[di];
        for (size_t si = 0; si < d->n_sents; si++) {
            const px_sentence *s = &d->sents[si];
            if (block_skipped(d->blocks[s->block].kind) || px__title_case_sentence(d, s))
                continue;
            size_t end = s->first_token + s->n_tokens;
            size_t t = s->first_token;
            while (t < end) {
                const px_token *k = &d->toks[t];
                if (k->flags & PX_TF_HANDLE) {
                    cand c;
                    memset(&c, 0, sizeof c);
                    c.doc = di;
                    c.sent = si;
                    c.place_group = -1;
                    c.start = c.name_start = k->start;
                    c.end = c.name_end = k->end;
                    c.text = c.name = arena_copy(f, d->text + k->start, k->end - k->start);
                    c.first_key = c.last_key = c.full_key =
                        key_of(f, d->text + k->start + 1, k->end - k->start - 1);
                    c.n_words = 0; /* a handle: matched against persons later */
                    if (!c.text || !c.full_key || !PX_VEC_PUSH(f->cands, c))
                        return PX_ENOMEM;
                    t++;
                    continue;
                }
                if (!tok_is_cap(k)) {
                    t++;
                    continue;
                }
                size_t b = t + 1;
                while (b < end) {
                    const px_token *n = &d->toks[b];
                    if (!adjacent(d, &d->toks[b - 1], n))
                        break;
                    if (tok_is_cap(n)) {
                        b++;
                        continue;
                    }
                    /* "Ursula von der Leyen" */
                    if (tok_is_word(n) && WORD_IN(particles, d->text + n->start, n->end - n->start)) {
                        size_t c2 = b + 1;
                        while (c2 < end && tok_is_word(&d->toks[c2]) &&
                               WORD_IN(particles, d->text + d->toks[c2].start,
                                       d->toks[c2].end - d->toks[c2].start))
                            c2++;
                        if (c2 < end && tok_is_cap(&d->toks[c2]) && adjacent(d, &d->toks[c2 - 1], &d->toks[c2]) &&
                            !(d->toks[c2].flags & PX_TF_ALLCAPS)) {
                            b = c2 + 1;
                            continue;
                        }
                    }
                    break;
                }
                int rc = add_run(f, di, si, t, b);
                if (rc)
                    return rc;
                t = b;
            }
            int rc = add_descriptions(f, di, si);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int px__entity_candidates(finder *f)
{
    return collect_case_sets(f) ? find_candidates(f) : PX_ENOMEM;
}
