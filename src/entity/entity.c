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
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "entity.h"

/* ---- word lists (lower case) ---- */

static bool in_list(const char *const *list, const char *w, size_t len)
{
    for (; *list; list++)
        if ((*list)[0] == w[0] && !strncmp(*list, w, len) && (*list)[len] == 0)
            return true;
    return false;
}

/* Titles written before a name, capitalised: the run's title ends at the
 * last of these. */
static const char *const core_titles[] = {
    "president", "minister", "chancellor", "mr", "mrs", "ms", "miss", "dr", "sir", "dame",
    "lord", "lady", "mayor", "king", "queen", "prince", "princess", "pope", "senator", "sen",
    "rep", "representative", "governor", "gov", "general", "gen", "secretary", "commander",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "judge", "archbishop",
    "bishop", "rabbi", "imam", "professor", "prof", "chairman", "chairwoman", "ceo",
    "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "admiral",
    "marshal", "premier", "leader", "sheikh", "emir", "sultan", "ayatollah", "director",
    "chief", "envoy", "commissioner", "mp", "mep", "congressman", "congresswoman",
    "speaker", "inspector", "superintendent", "detective", "officer", "father", "sister",
    "brother", "rev", "reverend", "pastor", "fr", "cardinal", "justice", "attorney", NULL};
/* Titles that are only forms of address: they say "person" but are no
 * role that can conflict. */
static const char *const address_titles[] = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame",
                                             "lord", "lady", "prof", NULL};
/* Role nouns written in lower case before a name or in an apposition. */
static const char *const role_nouns[] = {
    "president", "minister", "chancellor", "mayor", "leader", "analyst", "commander",
    "executive", "secretary", "spokesman", "spokeswoman", "spokesperson", "consultant",
    "director", "chief", "officer", "head", "editor", "correspondent", "ambassador",
    "envoy", "adviser", "advisor", "official", "governor", "general", "lawyer",
    "professor", "economist", "expert", "premier", "manager", "founder", "chairman",
    "chairwoman", "chair", "ceo", "commissioner", "negotiator", "prosecutor", "judge",
    "senator", "captain", "colonel", "doctor", "researcher", "scientist", "historian",
    "journalist", "reporter", "miner", "worker", "engineer", "inspector", "priest",
    "member", "lawmaker", "mp", "candidate", "coach", "owner", "activist", "wife",
    "husband", "mother", "father", "son", "daughter", "widow", "resident", "survivor",
    "teacher", "student", "nurse", "surgeon", "firefighter", "rescuer", "pilot",
    "soldier", "deputy", "king", "queen", "pope", "politician", "diplomat", "banker",
    "businessman", "businesswoman", "campaigner", "organiser", "organizer", "actress", "actor",
    "singer", "rapper", "comedian", "author", "writer", "novelist", "player", "athlete",
    "striker", "goalkeeper", "footballer", "presenter", "host", "musician", "artist", NULL};
/* Roles a definite description can name ("the Russian leader"). */
static const char *const head_roles[] = {"president", "leader", "chancellor", "premier",
                                         "minister", "king", "queen", "pope", "mayor",
                                         "commander", "secretary", "chief", "governor",
                                         "spokesman", "spokeswoman", NULL};
/* Words that make a run an organisation. */
static const char *const org_words[] = {
    "union", "party", "ministry", "inspectorate", "council", "agency", "bank", "group",
    "company", "news", "times", "post", "wire", "ledger", "courier", "today", "television",
    "tv", "radio", "network", "committee", "commission", "court", "parliament", "assembly",
    "government", "university", "institute", "association", "federation", "league",
    "army", "force", "forces", "office", "service", "department", "authority",
    "corporation", "inc", "ltd", "plc", "organisation", "organization", "club", "church",
    "airlines", "airways", "media", "social", "press", "kremlin", "pentagon", "nato",
    "foundation", "fund", "board", "bureau", "police", "guard", "navy", "reuters",
    "journal", "herald", "gazette", "tribune", "express", "telegraph", "guardian",
    "independent", "observer", "mail", "mirror", "standard", "chronicle", "review",
    "coalition", "alliance", "movement", "front", "congress", "senate", "cabinet",
    "administration", "embassy", "school", "hospital", "centre", "center", "trust",
    "society", "cooperative", "holdings", "industries", "energy", "systems", NULL};
/* Heads of a description that, written with "the" and never named,
 * still denote one body of the story ("the union", "the ministry"); org
 * words with other senses ("party", "news", "times") are left out. */
static const char *const body_heads[] = {
    "union", "ministry", "inspectorate", "council", "agency", "company", "government",
    "police", "army", "court", "parliament", "committee", "commission", "embassy",
    "coalition", "administration", "department", "authority", "firm", "cabinet", "senate",
    "congress", "navy", "military", "regulator", "federation", "association", "inquiry", NULL};
/* Facilities: "Jadwiga colliery" names a place. */
static const char *const facility_nouns[] = {
    "colliery", "mine", "airport", "station", "port", "plant", "factory", "prison",
    "stadium", "bridge", "square", "palace", "refinery", "dam", "base", "camp", "hotel",
    "reactor", "shipyard", "quarry", NULL};
/* Function words that cannot start a name. */
static const char *const stopwords[] = {
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and",
    "or", "but", "if", "as", "since", "after", "before", "while", "when", "where", "why",
    "how", "what", "who", "which", "that", "this", "these", "those", "there", "here",
    "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
    "my", "your", "us", "them", "him", "me", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "do", "does", "did", "not", "no", "yes", "so", "yet", "also",
    "however", "meanwhile", "despite", "although", "though", "because", "until", "all",
    "some", "any", "each", "every", "both", "many", "most", "more", "such", "than",
    "then", "now", "just", "only", "even", "still", "again", "about", "over", "under",
    "into", "during", "without", "within", "between", "against", "among", "through",
    "up", "down", "out", "off", "according", "speaking", "asked", "will", "would", "can",
    "could", "should", "may", "might", "must", "shall", "one", "two", "three", "new",
    "last", "next", "first", "other", "another", "former", "late", "early", "whose", NULL};
static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday", "today",
                                       "tonight", "yesterday", "tomorrow", NULL};
static const char *const particles[] = {"van", "von", "der", "de", "da", "di", "del", "la",
                                        "le", "bin", "al", "el", "ibn", "dos", "du", NULL};
static const char *const prepositions[] = {"in", "at", "near", "from", "outside", "across",
                                           "around", "into", "towards", "toward", "via",
                                           "between", NULL};

/* ---- small helpers ---- */

static void lower_ascii(char *dst, size_t cap, const char *s, size_t len)
{
    size_t n = len < cap - 1 ? len : cap - 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        dst[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    dst[n] = 0;
}

/* Does the word (any case) belong to a lower-case list? */
static bool word_in(const char *const *list, const char *w, size_t len)
{
    char buf[32];
    if (len >= sizeof buf)
        return false;
    lower_ascii(buf, sizeof buf, w, len);
    return in_list(list, buf, len);
}

bool px__org_word(const char *w, size_t len)
{
    return word_in(org_words, w, len);
}

/* Length of a word without a final possessive ('s, ’s, s'). */
static size_t strip_possessive(const char *w, size_t len, bool *had)
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

typedef struct ent_build {
    px_entity_type type;
    int place_group;
    PX_VEC(size_t) cands;
} ent_build;

struct px_entities {
    px_arena arena;
    px_entity *list;
    size_t n;
    cand *cands; /* all mentions, for px_entities_at/lookup */
    size_t n_cands;
    size_t *cand_entity; /* public entity index of each candidate or SIZE_MAX */
    px_doc *const *docs;
    size_t n_docs;
    /* px_entities_lookup: person mentions by surname key, descriptions by
     * their folded text ("\1the ukrainian president"), sorted */
    struct lookup_entry {
        const char *key;
        size_t doc;
        size_t start;
        size_t entity;
    } *lookup;
    size_t n_lookup;
};

const char *px_entity_type_name(px_entity_type type)
{
    switch (type) {
    case PX_ENTITY_PERSON: return "person";
    case PX_ENTITY_PLACE: return "place";
    case PX_ENTITY_ORG: return "organisation";
    default: return "other";
    }
}

/* ---- a set of words (case folded) written capitalised mid-sentence ---- */

typedef struct word_set {
    uint64_t *v;
    size_t cap, n;
} word_set;

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
    if ((k->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) || !word_in(role_nouns, w, len))
        return SIZE_MAX;
    size_t start = t;
    /* up to three modifiers: "mine rescue", "mining safety", "BBC" */
    for (int m = 0; m < 3 && start > first; m++) {
        const px_token *p = &d->toks[start - 1];
        if (!tok_is_word(p) || !adjacent(d, p, &d->toks[start]))
            break;
        const char *pw = d->text + p->start;
        size_t pl = p->end - p->start;
        if (word_in(stopwords, pw, pl) && !word_in((const char *const[]){"former", NULL}, pw, pl))
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
        if (word_in(role_nouns, kw, kl)) {
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
    return word_in(core_titles, d->text + k->start, len);
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
           !word_in(stopwords, d->text + n->start, n->end - n->start) &&
           !px__is_speech_verb(d->text + n->start, n->end - n->start);
}

/* Adds the candidate for tokens [a, b) of sentence si of document di. */
static int add_run(finder *f, size_t di, size_t si, size_t a, size_t b)
{
    const px_doc *d = f->docs[di];
    const px_sentence *s = &d->sents[si];
    const char *txt = d->text;
    bool had_poss = false;

    /* A sentence-initial word counts only if the story also writes it
     * capitalised inside a sentence (or it is a title or a place). */
    bool initial = (d->toks[a].flags & PX_TF_SENT_START) || a == s->first_token;
    if (!initial) {
        /* after an opening quotation mark or a colon, a word opens a sentence */
        size_t p = a;
        while (p > s->first_token && d->toks[p - 1].kind == PX_TOK_QUOTE)
            p--;
        if (p == s->first_token && p < a)
            initial = true;
        else if (p > s->first_token && d->toks[p - 1].kind == PX_TOK_PUNCT &&
                 (txt[d->toks[p - 1].start] == ':' || (p < a && txt[d->toks[p - 1].start] == ',')))
            initial = true;
    }
    while (a < b) {
        const px_token *k = &d->toks[a];
        const char *w = txt + k->start;
        size_t len = strip_possessive(w, k->end - k->start, &had_poss);
        if ((!(k->flags & PX_TF_ALLCAPS) && word_in(stopwords, w, len)) ||
            word_in(weekdays, w, len) || (b - a == 1 && px__month_from_name(w, len)) ||
            shouted(f, k, w, len)) {
            a++;
            initial = false;
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
        if (initial && !(k->flags & PX_TF_ALLCAPS) && doubtful && !is_core_title_tok(d, k) &&
            px__place_lookup(w, len, NULL, NULL) < 0) {
            /* "Rescue commander Zieliński": keep going, the role decides */
            a++;
            initial = false;
            continue;
        }
        break;
    }
    while (b > a + 1) {
        const px_token *k = &d->toks[b - 1];
        const char *w = txt + k->start;
        size_t len = k->end - k->start;
        if (!word_in(weekdays, w, len) && !px__month_from_name(w, len) && !shouted(f, k, w, len))
            break;
        b--; /* "Truth Social Sunday" */
    }
    if (a >= b)
        return 0;
    if (b - a == 1) {
        size_t letters = 0;
        for (size_t i = d->toks[a].start; i < d->toks[a].end; i++)
            letters += txt[i] != '.';
        if (letters < 2)
            return 0; /* "X" */
    }
    /* the run ends at a possessive: "Karbonia's chief executive" */
    for (size_t t = a; t < b; t++) {
        bool had;
        strip_possessive(txt + d->toks[t].start, d->toks[t].end - d->toks[t].start, &had);
        if (had) {
            b = t + 1;
            break;
        }
    }
    if (b - a == 1 && demonym_adjective(d, s, a) &&
        px__place_lookup(txt + d->toks[a].start, d->toks[a].end - d->toks[a].start, NULL, NULL) < 0)
        return 0;
    size_t name_end = d->toks[b - 1].end;
    name_end = d->toks[b - 1].start +
               strip_possessive(txt + d->toks[b - 1].start, name_end - d->toks[b - 1].start,
                                &had_poss);

    cand c;
    memset(&c, 0, sizeof c);
    c.doc = di;
    c.sent = si;
    c.place_group = -1;
    c.sent_initial = initial;

    /* title: everything up to the last core title word */
    size_t last_title = SIZE_MAX;
    for (size_t t = a; t < b; t++)
        if (is_core_title_tok(d, &d->toks[t]))
            last_title = t;
    size_t name_a = last_title == SIZE_MAX ? a : last_title + 1;
    bool only_address = last_title != SIZE_MAX && last_title == a &&
                        word_in(address_titles, txt + d->toks[a].start,
                                d->toks[a].end - d->toks[a].start);
    if (last_title != SIZE_MAX) {
        bool all_address = true;
        for (size_t t = a; t <= last_title; t++)
            if (!word_in(address_titles, txt + d->toks[t].start, d->toks[t].end - d->toks[t].start))
                all_address = false;
        only_address = all_address;
        c.sir = b - last_title == 2 &&
                word_in((const char *const[]){"sir", "dame", NULL}, txt + d->toks[last_title].start,
                        d->toks[last_title].end - d->toks[last_title].start);
    }
    size_t span_start = d->toks[a].start;
    bool former = false;
    size_t role = role_before(d, s, a, &former);
    char *title = NULL;
    if (role != SIZE_MAX) {
        span_start = d->toks[role].start;
        size_t role_end = last_title != SIZE_MAX ? d->toks[last_title].end : d->toks[a].start;
        /* "the town's mayor, Tadeusz Król": the title without the comma */
        size_t re = role_end;
        while (re > span_start && (txt[re - 1] == ' ' || txt[re - 1] == ','))
            re--;
        title = arena_copy(f, txt + span_start, re - span_start);
        c.person_evidence = 1;
    } else if (last_title != SIZE_MAX) {
        title = arena_copy(f, txt + d->toks[a].start, d->toks[last_title].end - d->toks[a].start);
    }
    if (last_title != SIZE_MAX) {
        c.person_evidence = 1;
        c.only_address = only_address && role == SIZE_MAX;
    }
    /* "the former US President said": a description without a name */
    if (name_a >= b) {
        if (last_title == SIZE_MAX || only_address)
            return 0;
        size_t t = a;
        bool fm = false;
        size_t det = SIZE_MAX;
        if (t > s->first_token) {
            size_t p = t - 1;
            const px_token *pk = &d->toks[p];
            if (tok_is_word(pk) && word_in((const char *const[]){"former", "ex", NULL},
                                           txt + pk->start, pk->end - pk->start) && p > s->first_token) {
                fm = true;
                p--;
                pk = &d->toks[p];
            }
            if (tok_is_word(pk) && word_in((const char *const[]){"the", NULL}, txt + pk->start,
                                           pk->end - pk->start))
                det = p;
        }
        if (det == SIZE_MAX)
            return 0;
        (void)fm;
        c.description = 1;
        c.start = d->toks[det].start;
        c.end = d->toks[b - 1].end;
        c.text = arena_copy(f, txt + c.start, c.end - c.start);
        c.title = arena_copy(f, txt + d->toks[det + 1].start, c.end - d->toks[det + 1].start);
        c.name = c.text;
        c.name_start = c.name_end = c.end;
        return PX_VEC_PUSH(f->cands, c) ? 0 : PX_ENOMEM;
    }
    c.name_start = d->toks[name_a].start;
    c.name_end = name_end;
    c.start = span_start;
    c.end = name_end;
    c.n_words = (int)(b - name_a);
    c.title = title;
    c.text = arena_copy(f, txt + c.start, c.end - c.start);
    c.name = arena_copy(f, txt + c.name_start, c.name_end - c.name_start);
    /* the name as styled without the role: "UK Prime Minister Sir Keir
     * Starmer" -> "Sir Keir Starmer" */
    if (last_title != SIZE_MAX && word_in(address_titles, txt + d->toks[last_title].start,
                                          d->toks[last_title].end - d->toks[last_title].start)) {
        size_t t = last_title;
        while (t > a && word_in(address_titles, txt + d->toks[t - 1].start,
                                d->toks[t - 1].end - d->toks[t - 1].start))
            t--;
        if (d->toks[t].start > c.start) {
            c.styled = arena_copy(f, txt + d->toks[t].start, name_end - d->toks[t].start);
            if (!c.styled)
                return PX_ENOMEM;
        }
    }
    /* the surname in this mention's spelling ("Erdoğan" where the bare
     * name is only ever written "Erdogan"); not an initial or a suffix */
    if (b - name_a >= 2 && name_end - d->toks[b - 1].start >= 3 && txt[name_end - 1] != '.' &&
        !word_in((const char *const[]){"jr", "sr", "ii", "iii", "iv", NULL}, txt + d->toks[b - 1].start,
                 name_end - d->toks[b - 1].start)) {
        c.surname = arena_copy(f, txt + d->toks[b - 1].start, name_end - d->toks[b - 1].start);
        if (!c.surname)
            return PX_ENOMEM;
    }
    c.first_key = key_of(f, txt + d->toks[name_a].start,
                         (name_a == b - 1 ? name_end : d->toks[name_a].end) - d->toks[name_a].start);
    c.last_key = key_of(f, txt + d->toks[b - 1].start, name_end - d->toks[b - 1].start);
    c.full_key = key_of(f, c.name, strlen(c.name));
    if (!c.text || !c.name || !c.first_key || !c.last_key || !c.full_key)
        return PX_ENOMEM;
    if (!*c.last_key)
        return 0;

    /* evidence after the name */
    size_t after = b;
    if (after < s->first_token + s->n_tokens) {
        const px_token *nk = &d->toks[after];
        if (tok_is_word(nk) && px__is_speech_verb(txt + nk->start, nk->end - nk->start) &&
            b - name_a >= 2)
            c.person_evidence = 1;
        /* "People magazine", "Karbonia group": a kind of organisation after the name */
        if (tok_is_word(nk) && !(nk->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) &&
            word_in((const char *const[]){"magazine", "newspaper", "tabloid", "website", "channel",
                                          "broadcaster", "network", "agency", "company", "group",
                                          "party", "union", "daily", "weekly", NULL},
                    txt + nk->start, nk->end - nk->start))
            c.org = 1;
        /* "Karbonia's chief executive": whoever has executives is an organisation */
        if (had_poss && tok_is_word(nk) && word_in(role_nouns, txt + nk->start, nk->end - nk->start))
            c.org = 1;
        /* "Jadwiga colliery", "Jadwiga coal mine" */
        const px_token *fk = nk;
        if (tok_is_word(nk) && !(nk->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) && after + 1 < s->first_token + s->n_tokens &&
            !word_in(facility_nouns, txt + nk->start, nk->end - nk->start) &&
            !word_in(stopwords, txt + nk->start, nk->end - nk->start) && tok_is_word(&d->toks[after + 1]) &&
            word_in(facility_nouns, txt + d->toks[after + 1].start, d->toks[after + 1].end - d->toks[after + 1].start) &&
            adjacent(d, nk, &d->toks[after + 1]))
            fk = &d->toks[after + 1];
        if (tok_is_word(fk) && !(fk->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) &&
            word_in(facility_nouns, txt + fk->start, fk->end - fk->start) && !had_poss) {
            c.facility = 1;
            c.head_key = key_of(f, txt + fk->start, fk->end - fk->start);
            nk = fk;
            c.end = nk->end;
            c.text = arena_copy(f, txt + c.start, c.end - c.start);
            c.name = arena_copy(f, txt + c.name_start, c.end - c.name_start);
        }
    }
    if (apposition_after(f, d, s, after, &c.title))
        c.person_evidence = 1;
    if (a > s->first_token) {
        const px_token *pk = &d->toks[a - 1];
        /* "23-year-old Kamil Wrona" */
        if ((pk->kind == PX_TOK_WORD || pk->kind == PX_TOK_NUMBER) && pk->end - pk->start > 9 &&
            !memcmp(txt + pk->end - 9, "-year-old", 9))
            c.person_evidence = 1;
        if (tok_is_word(pk) && word_in(prepositions, txt + pk->start, pk->end - pk->start) &&
            role == SIZE_MAX && last_title == SIZE_MAX)
            c.preposition = 1;
        if (tok_is_word(pk) && px__is_speech_verb(txt + pk->start, pk->end - pk->start) &&
            b - name_a >= 2)
            c.person_evidence = 1;
    }
    for (size_t t = name_a; t < b; t++) {
        const px_token *k = &d->toks[t];
        size_t len = k->end - k->start;
        if (t == b - 1)
            len = name_end - k->start;
        if (word_in(org_words, txt + k->start, len))
            c.org = 1;
    }
    if (b - name_a == 1 && (d->toks[name_a].flags & PX_TF_ALLCAPS) && !c.person_evidence)
        c.org = 1;
    int kind = 0, capital_of = -1;
    c.place_group = px__place_lookup(c.name, name_end - c.name_start, &kind, &capital_of);
    c.place_kind = kind;
    /* “American Pie”, “Eight Hundred Metres”: a name that fills a
     * quotation is the title of a work, whatever preposition precedes */
    if (a > s->first_token && (d->toks[a - 1].flags & PX_TF_QOPEN) &&
        b < s->first_token + s->n_tokens && (d->toks[b].flags & PX_TF_QCLOSE) && c.place_group < 0) {
        c.work = 1;
        c.preposition = 0;
    }
    if (c.place_group >= 0 && capital_of >= 0 && !c.preposition && b < s->first_token + s->n_tokens) {
        /* "Moscow expects": a capital as the subject of a verb */
        const px_token *nk = &d->toks[b];
        if (tok_is_word(nk) && !(nk->flags & (PX_TF_CAP | PX_TF_ALLCAPS)) &&
            !word_in(stopwords, txt + nk->start, nk->end - nk->start)) {
            c.metonymy = 1;
            c.place_group = capital_of;
        } else if (tok_is_word(nk) &&
                   word_in((const char *const[]){"may", "did", "does", "has", "had", "will",
                                                 "would", "could", "is", "was", NULL},
                           txt + nk->start, nk->end - nk->start)) {
            c.metonymy = 1;
            c.place_group = capital_of;
        }
    }
    if (former && c.title && strncmp(c.title, "former", 6) && strncmp(c.title, "Former", 6)) {
        /* keep "former" with the title */
    }
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
            if (word_in(head_roles, w, len) && !(m->flags & PX_TF_CAP)) {
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
            if ((word_in(facility_nouns, w, len) || word_in(org_words, w, len)) && !(m->flags & PX_TF_CAP)) {
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
                c.org = word_in(org_words, w, len);
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
            if (had || (word_in(stopwords, w, len) && !word_in((const char *const[]){"former", NULL}, w, len)))
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
                    if (tok_is_word(n) && word_in(particles, d->text + n->start, n->end - n->start)) {
                        size_t c2 = b + 1;
                        while (c2 < end && tok_is_word(&d->toks[c2]) &&
                               word_in(particles, d->text + d->toks[c2].start,
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

/* ---- grouping ---- */

static size_t uf_find(size_t *p, size_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static void uf_union(size_t *p, size_t a, size_t b)
{
    a = uf_find(p, a);
    b = uf_find(p, b);
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
        first_doc[uf_find(parent, buf[k].i)] = SIZE_MAX;
    for (size_t k = 0; k < nk; k++) {
        size_t r = uf_find(parent, buf[k].i), doc = cs[buf[k].i].doc;
        if (first_doc[r] == SIZE_MAX)
            first_doc[r] = doc;
        else if (first_doc[r] != doc)
            first_doc[r] = SIZE_MAX - 1;
    }
    for (size_t k = 0; k < nk; k++)
        if (first_doc[uf_find(parent, buf[k].i)] != SIZE_MAX - 1)
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

static int group_candidates(finder *f, size_t *parent)
{
    cand *cs = f->cands.v;
    size_t n = f->cands.n;
    int rc = 0;
    keyed *byname = px__malloc((n ? n : 1) * sizeof(keyed));
    keyed *persons = px__malloc((n ? n : 1) * sizeof(keyed));
    keyed *pfirst = px__malloc((n ? n : 1) * sizeof(keyed));
    bool *is_person = px__calloc(n ? n : 1, sizeof(bool));
    title_index ti = {px__malloc((n ? n : 1) * sizeof(size_t)), px__malloc((n ? n : 1) * sizeof(size_t))};
    size_t *last_doc = px__malloc((n ? n : 1) * sizeof(size_t));
    size_t *last_pos = px__malloc((n ? n : 1) * sizeof(size_t));
    size_t *n_docs_of = px__calloc(n ? n : 1, sizeof(size_t));
    if (!byname || !persons || !pfirst || !is_person || !ti.head || !ti.next || !last_doc || !last_pos || !n_docs_of) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;

    /* 1. full names: same surname key, compatible first names. Sorted by
     * (surname, first name), equal pairs join at once and each surname's
     * distinct first names are compared pairwise. */
    size_t nb = 0;
    for (size_t i = 0; i < n; i++)
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
                uf_union(parent, byname[x - 1].i, byname[x].i);
                continue;
            }
            for (size_t y = k; y < x; y++) {
                if (y > k && !strcmp(byname[y].key2, byname[y - 1].key2))
                    continue;
                if (first_compatible(&cs[byname[x].i], &cs[byname[y].i]))
                    uf_union(parent, byname[x].i, byname[y].i);
            }
        }
        k = e;
    }
    /* which full-name groups are persons */
    for (size_t i = 0; i < n; i++)
        if (cs[i].n_words >= 2 && !cs[i].sir && is_person_cand(&cs[i]))
            is_person[uf_find(parent, i)] = true;
    /* a full name whose first word is a person's first name elsewhere
     * ("Ewa Mazur" beside "Ewa Grabowska") is a person too */
    {
        keyed *firsts = byname; /* reuse: (first_key) of person full names */
        size_t nfk = 0;
        for (size_t i = 0; i < n; i++)
            if (cs[i].n_words >= 2 && !cs[i].description && is_person[uf_find(parent, i)] &&
                strlen(cs[i].first_key) >= 3)
                firsts[nfk++] = (keyed){cs[i].first_key, "", i};
        px__sort(firsts, nfk, sizeof(keyed), cmp_keyed);
        for (size_t i = 0; i < n; i++) {
            if (!full_name_cand(&cs[i]) || is_person[uf_find(parent, i)])
                continue;
            size_t lo, hi;
            key_range(firsts, nfk, cs[i].first_key, &lo, &hi);
            if (lo < hi) {
                cs[i].person_evidence = 1;
                is_person[uf_find(parent, i)] = true;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        if (cs[i].n_words >= 2 && !cs[i].sir && !cs[i].description && is_person[uf_find(parent, i)])
            is_person[i] = true;
    /* persons by surname, and by first name for "Sir Keir" */
    size_t np = 0;
    for (size_t i = 0; i < n; i++)
        if (is_person[i] && uf_find(parent, i) == i)
            persons[np++] = (keyed){cs[i].last_key, "", i};
    px__sort(persons, np, sizeof(keyed), cmp_keyed);
    /* persons by first name, one entry per (first name, person) */
    size_t npf = 0;
    for (size_t p = 0; p < np; p++)
        if (cs[persons[p].i].n_words >= 2)
            pfirst[npf++] = (keyed){cs[persons[p].i].first_key, "", persons[p].i};
    px__sort(pfirst, npf, sizeof(keyed), cmp_keyed);
    /* titles of each person */
    for (size_t i = 0; i < n; i++)
        ti.head[i] = ti.next[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (!cs[i].title || cs[i].description || !is_person[i])
            continue;
        size_t r = uf_find(parent, i);
        bool seen = false;
        size_t count = 0;
        for (size_t t = ti.head[r]; t != SIZE_MAX && !seen; t = ti.next[t], count++)
            seen = !strcmp(cs[t].title, cs[i].title);
        if (!seen && count < 16) {
            ti.next[i] = ti.head[r];
            ti.head[r] = i;
        }
    }

    /* 2. single words: a surname (or the first name after "Sir") joins
     * the person carrying it; candidates come in document order, so the
     * nearest full mention before is the last one seen */
    for (size_t i = 0; i < n; i++)
        last_doc[i] = SIZE_MAX, last_pos[i] = 0;
    for (size_t i = 0; i < n; i++) {
        cand *c = &cs[i];
        if (is_person[i]) {
            size_t r = uf_find(parent, i);
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
        if (c->n_words == 0) {
            /* @handle: holds a person's surname */
            lo = 0;
            hi = np;
        } else if (c->sir && c->n_words < 2) {
            lo = 0;
            hi = np;
        } else {
            key_range(persons, np, c->last_key, &lo, &hi);
        }
        for (size_t p = lo; p < hi; p++) {
            size_t r = persons[p].i;
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
            bool title_ok = nd && person_matches_description(cs, &ti, r, dw, nd);
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
            key_range(pfirst, npf, c->first_key, &flo, &fhi);
            if (fhi - flo == 1) {
                attach(parent, pfirst[flo].i, i);
                c->person_evidence = 1;
            }
            continue;
        }
        if (best == SIZE_MAX)
            continue;
        if (n_match > 1 && !best_title && best_dist == SIZE_MAX - 1)
            continue; /* ambiguous: two persons share the surname */
        attach(parent, best, i);
        c->person_evidence = 1;
    }
    /* documents each person appears in, by (root, doc) pairs */
    for (size_t i = 0; i < n; i++)
        last_doc[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (cs[i].description)
            continue;
        size_t r = uf_find(parent, i);
        if (last_doc[r] != cs[i].doc) {
            last_doc[r] = cs[i].doc;
            n_docs_of[r]++;
        }
    }
    /* 3. descriptions: the one person whose titles agree, preferring one
     * named in the same article before */
    for (size_t i = 0; i < n; i++)
        last_doc[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        cand *c = &cs[i];
        if (!c->description) {
            size_t r = uf_find(parent, i);
            last_doc[r] = c->doc;
            continue;
        }
        if (c->thing)
            continue;
        char dw[8][24];
        bool fm;
        size_t nd = title_words(c->title, dw, 8, &fm);
        size_t found = SIZE_MAX, n_found = 0, found_in_doc = SIZE_MAX, n_in_doc = 0;
        for (size_t p = 0; p < np; p++) {
            size_t r = persons[p].i;
            if (!person_matches_description(cs, &ti, r, dw, nd))
                continue;
            n_found++;
            found = r;
            if (last_doc[r] == c->doc) {
                n_in_doc++;
                found_in_doc = r;
            }
        }
        if (n_in_doc == 1)
            attach(parent, found_in_doc, i);
        else if (n_found == 1)
            attach(parent, found, i);
        else
            c->skip = 1;
    }
    /* 4. places by gazetteer group, facilities by their name, other names
     * by key: sorted by that key, runs join */
    {
        px_buf kb = PX_BUF_INIT;
        char **keys = px__calloc(n ? n : 1, sizeof(char *));
        size_t nk = 0;
        if (!keys) {
            rc = PX_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < n; i++) {
            cand *c = &cs[i];
            if (c->description || c->n_words == 0 || is_person[uf_find(parent, i)])
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
            keys[i] = kb.oom ? NULL : px_arena_strndup(&f->e->arena, kb.ptr, kb.len);
            if (!keys[i]) {
                rc = PX_ENOMEM;
                break;
            }
            byname[nk++] = (keyed){keys[i], "", i};
        }
        px_buf_release(&kb);
        free(keys);
        if (rc)
            goto done;
        px__sort(byname, nk, sizeof(keyed), cmp_keyed);
        for (size_t k = 1; k < nk; k++)
            if (!strcmp(byname[k].key, byname[k - 1].key))
                uf_union(parent, byname[k - 1].i, byname[k].i);
        /* "Promises" for "Promises Treatment Center": a single word that
         * opens the name of one organisation of the story, and only one */
        size_t no = 0;
        for (size_t i = 0; i < n; i++) {
            const cand *c = &cs[i];
            if (c->org && c->n_words >= 2 && !c->description && !is_person[uf_find(parent, i)] &&
                c->place_group < 0)
                byname[no++] = (keyed){c->first_key, "", i};
        }
        px__sort(byname, no, sizeof(keyed), cmp_keyed);
        /* per root: 1 written after "in", "at" (a place), 2 written mid-sentence */
        for (size_t i = 0; i < n; i++)
            n_docs_of[i] = 0;
        for (size_t i = 0; i < n; i++)
            n_docs_of[uf_find(parent, i)] |= (cs[i].preposition ? 1u : 0u) | (cs[i].sent_initial ? 0u : 2u);
        for (size_t i = 0; i < n; i++) {
            const cand *c = &cs[i];
            size_t ri = uf_find(parent, i);
            if (c->n_words != 1 || c->org || c->work || c->description || c->place_group >= 0 ||
                c->facility || c->skip || is_person[ri] || strlen(c->first_key) < 3 ||
                n_docs_of[ri] != 2)
                continue;
            size_t lo, hi, root = SIZE_MAX;
            bool unique = true;
            key_range(byname, no, c->first_key, &lo, &hi);
            for (size_t k = lo; k < hi && unique; k++) {
                size_t r = uf_find(parent, byname[k].i);
                unique = root == SIZE_MAX || root == r;
                root = r;
            }
            if (root != SIZE_MAX && unique)
                uf_union(parent, root, i);
        }
    }
    /* 5. "the colliery", "the inspectorate": the one place or organisation
     * of the story named with that noun, named before in the same article
     * or in two articles or more */
    {
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
        for (size_t i = 0; i < n; i++)
            n_docs_of[i] = 0, last_doc[i] = SIZE_MAX;
        for (size_t i = 0; i < n; i++) {
            if (cs[i].description)
                continue;
            size_t r = uf_find(parent, i);
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
                size_t r = uf_find(parent, byname[k].i);
                if (!(o->doc == c->doc && o->start < c->start) && n_docs_of[r] < 2)
                    continue;
                if (found != SIZE_MAX && found != r)
                    unique = false;
                found = r;
            }
            if (found != SIZE_MAX && unique)
                attach(parent, found, i);
            else if (found == SIZE_MAX && c->org && word_in(body_heads, c->head_key, strlen(c->head_key)))
                c->unnamed = 1;
            else
                c->skip = 1;
        }
        rc = group_unnamed(cs, n, parent, byname);
        if (rc)
            goto done;
    }
    /* unresolved handles are dropped */
    for (size_t i = 0; i < n; i++)
        if (cs[i].n_words == 0 && !cs[i].description && uf_find(parent, i) == i)
            cs[i].skip = 1;
done:
    free(byname);
    free(persons);
    free(pfirst);
    free(is_person);
    free(ti.head);
    free(ti.next);
    free(last_doc);
    free(last_pos);
    free(n_docs_of);
    return rc;
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

static int build_output(finder *f, size_t *parent)
{
    px_entities *e = f->e;
    cand *cs = f->cands.v;
    size_t n = f->cands.n;
    e->cand_entity = px__malloc((n ? n : 1) * sizeof(size_t));
    if (!e->cand_entity)
        return PX_ENOMEM;
    for (size_t i = 0; i < n; i++)
        e->cand_entity[i] = SIZE_MAX;
    /* one entity per root with at least one kept candidate */
    size_t *root_ent = px__malloc((n ? n : 1) * sizeof(size_t));
    if (!root_ent)
        return PX_ENOMEM;
    for (size_t i = 0; i < n; i++)
        root_ent[i] = SIZE_MAX;
    size_t n_ent = 0;
    for (size_t i = 0; i < n; i++) {
        if (cs[i].skip)
            continue;
        size_t r = uf_find(parent, i);
        if (root_ent[r] == SIZE_MAX)
            root_ent[r] = n_ent++;
        e->cand_entity[i] = root_ent[r];
    }
    free(root_ent);
    px_entity *list = px_arena_calloc(&e->arena, n_ent ? n_ent : 1, sizeof(px_entity));
    size_t *counts = px__calloc(n_ent ? n_ent : 1, sizeof(size_t));
    alias_count *ac = px__malloc((n ? 4 * n : 1) * sizeof(alias_count)); /* text, name, styled, surname */
    if (!list || !counts || !ac) {
        free(counts);
        free(ac);
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        if (e->cand_entity[i] != SIZE_MAX)
            counts[e->cand_entity[i]]++;
    /* members of each entity, in candidate order (by doc, position) */
    size_t *start = px__calloc(n_ent + 1, sizeof(size_t));
    size_t *members = px__malloc((n ? n : 1) * sizeof(size_t));
    if (!start || !members) {
        free(counts), free(ac), free(start), free(members);
        return PX_ENOMEM;
    }
    for (size_t k = 0; k < n_ent; k++)
        start[k + 1] = start[k] + counts[k];
    size_t *fill = counts;
    memset(fill, 0, n_ent * sizeof(size_t));
    for (size_t i = 0; i < n; i++)
        if (e->cand_entity[i] != SIZE_MAX) {
            size_t k = e->cand_entity[i];
            members[start[k] + fill[k]++] = i;
        }
    int rc = 0;
    for (size_t k = 0; k < n_ent && !rc; k++) {
        px_entity *en = &list[k];
        size_t m0 = start[k], m1 = start[k + 1];
        px_mention *ms = px_arena_calloc(&e->arena, m1 - m0, sizeof(px_mention));
        if (!ms) {
            rc = PX_ENOMEM;
            break;
        }
        int person = 0, place = 0, org = 0, facility = 0, work = 0, place_group = -1;
        size_t last_doc = SIZE_MAX;
        size_t n_alias = 0;
        for (size_t m = m0; m < m1; m++) {
            const cand *c = &cs[members[m]];
            px_mention *mm = &ms[m - m0];
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
        if (!aliases) {
            rc = PX_ENOMEM;
            break;
        }
        for (size_t a = 0; a < n_alias; a++)
            aliases[a] = ac[a].text;
        en->aliases = aliases;
        en->n_aliases = n_alias;
        en->mentions = ms;
        en->n_mentions = m1 - m0;
        /* type by the weight of evidence */
        if (work * 2 >= (int)(m1 - m0) && place_group < 0 && !person)
            en->type = PX_ENTITY_OTHER; /* the title of a work */
        else if (place_group >= 0 && person * 2 <= (int)(m1 - m0))
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
        /* the name: the most frequent name in Latin script with the most
         * words (persons), or the most frequent name (others) */
        const char *best = NULL;
        int best_words = -1;
        size_t best_count = 0;
        for (size_t m = m0; m < m1; m++) {
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
            best = n_alias ? aliases[0] : cs[members[m0]].text;
        en->name = best;
    }
    free(counts);
    free(ac);
    free(start);
    free(members);
    if (rc)
        return rc;
    /* order: documents, then mentions; keep candidate->entity map in step */
    size_t *order = px__malloc((n_ent ? n_ent : 1) * sizeof(size_t));
    size_t *rank = px__malloc((n_ent ? n_ent : 1) * sizeof(size_t));
    px_entity *sorted = px_arena_calloc(&e->arena, n_ent ? n_ent : 1, sizeof(px_entity));
    if (!order || !rank || !sorted) {
        free(order), free(rank);
        return PX_ENOMEM;
    }
    for (size_t k = 0; k < n_ent; k++)
        order[k] = k;
    /* insertion sort is fine for hundreds; use a simple merge-free qsort */
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
    for (size_t i = 0; i < n; i++)
        if (e->cand_entity[i] != SIZE_MAX)
            e->cand_entity[i] = rank[e->cand_entity[i]];
    free(order);
    free(rank);
    e->list = sorted;
    e->n = n_ent;
    return 0;
}

static int build_lookup(px_entities *e);

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
    int rc = collect_case_sets(&f) ? find_candidates(&f) : PX_ENOMEM;
    if (!rc) {
        parent = px__malloc((f.cands.n ? f.cands.n : 1) * sizeof(size_t));
        rc = parent ? group_candidates(&f, parent) : PX_ENOMEM;
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
    e->cands = f.cands.v;
    e->n_cands = f.cands.n;
    if (!rc)
        rc = build_lookup(e);
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
     * leads the mineworkers' union" is Pawlak, however long the rest */
    ptrdiff_t best = -1;
    size_t best_overlap = 0, best_start = SIZE_MAX;
    /* candidates come in document order: find the document's first */
    size_t lo = 0, hi = e->n_cands;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (e->cands[m].doc < doc)
            lo = m + 1;
        else
            hi = m;
    }
    for (size_t i = lo; i < e->n_cands && e->cands[i].doc == doc; i++) {
        const cand *c = &e->cands[i];
        if (e->cand_entity[i] == SIZE_MAX || c->end <= start || c->start >= end)
            continue;
        size_t ov = PX_MIN(c->end, end) - PX_MAX(c->start, start);
        size_t from = PX_MAX(c->start, start);
        if (from < best_start || (from == best_start && ov > best_overlap)) {
            best_overlap = ov;
            best_start = from;
            best = (ptrdiff_t)e->cand_entity[i];
        }
    }
    return best;
}

ptrdiff_t px_entities_lookup(const px_entities *e, size_t doc, const char *name)
{
    return px_entities_lookup_near(e, doc, SIZE_MAX, name);
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
    size_t name_len = strlen(name);
    ptrdiff_t nf = px__utf8_map_local(name, name_len, folded_cps, PX_ARRAY_LEN(folded_cps),
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
        size_t lo = 0, hi = e->n_lookup;
        while (lo < hi) {
            size_t m = lo + (hi - lo) / 2;
            if (strcmp(e->lookup[m].key, k.ptr) < 0)
                lo = m + 1;
            else
                hi = m;
        }
        /* the same article's mention nearest before `at`, else the same
         * article's first, else any */
        size_t best_start = 0;
        int best_rank = 0;
        for (size_t i = lo; i < e->n_lookup && !strcmp(e->lookup[i].key, k.ptr); i++) {
            const struct lookup_entry *x = &e->lookup[i];
            int rank = x->doc != doc ? 1 : x->start < at ? 3 : 2;
            if (rank > best_rank || (rank == 3 && best_rank == 3 && x->start > best_start)) {
                best_rank = rank;
                best_start = x->start;
                best = (ptrdiff_t)x->entity;
            }
        }
    }
    return best;
}

static int cmp_lookup(const void *a, const void *b)
{
    const struct lookup_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* The index px_entities_lookup searches. */
static int build_lookup(px_entities *e)
{
    e->lookup = px__malloc((e->n_cands ? e->n_cands : 1) * sizeof(*e->lookup));
    if (!e->lookup)
        return PX_ENOMEM;
    px_buf k = PX_BUF_INIT;
    for (size_t i = 0; i < e->n_cands; i++) {
        const cand *c = &e->cands[i];
        if (e->cand_entity[i] == SIZE_MAX || e->list[e->cand_entity[i]].type != PX_ENTITY_PERSON)
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
        e->lookup[e->n_lookup++] = (struct lookup_entry){key, c->doc, c->start, e->cand_entity[i]};
    }
    px_buf_release(&k);
    px__sort(e->lookup, e->n_lookup, sizeof(*e->lookup), cmp_lookup);
    return 0;
}

void px_entities_free(px_entities *e)
{
    if (!e)
        return;
    free(e->lookup);
    free(e->cands);
    free(e->cand_entity);
    px_arena_release(&e->arena);
    free(e);
}
