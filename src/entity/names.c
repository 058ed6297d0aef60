/*
 * names.c - name keys and the place gazetteer. Outlets spell one name in
 * several ways: with or without diacritics (Erdoğan, Erdogan), in another
 * script (Володимир Зеленський), with another romanisation (Zelensky,
 * Zelenskyy). The key folds these to one form so the grouping in
 * entity.c compares keys, not spellings. Places come from Debian
 * iso-codes through the generated table places.inc (tools/gen-places.py).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "entity.h"

#include "places.inc"

/* Romanisation of Cyrillic (Ukrainian and Russian letters) and Greek,
 * lower case; 'y'-like vowels as 'i' since the key folds y to i anyway. */
static const char *translit(uint32_t cp)
{
    static const char *const cyr[] = {
        /* а б в г д е ж з и й к л м н о п */
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
        /* р с т у ф х ц ч ш щ ъ ы ь э ю я */
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "i", "", "e", "iu", "ia"};
    if (cp >= 0x0430 && cp <= 0x044F)
        return cyr[cp - 0x0430];
    switch (cp) {
    case 0x0454: return "ie"; /* є */
    case 0x0456: return "i";  /* і */
    case 0x0457: return "i";  /* ї */
    case 0x0491: return "g";  /* ґ */
    case 0x0451: return "e";  /* ё */
    case 0x0142: return "l";  /* ł */
    case 0x0131: return "i";  /* ı */
    case 0x00DF: return "ss"; /* ß */
    case 0x00E6: return "ae"; /* æ */
    case 0x00F8: return "o";  /* ø */
    case 0x0111: return "d";  /* đ */
    case 0x00F0: return "d";  /* ð */
    case 0x00FE: return "th"; /* þ */
    case 0x0153: return "oe"; /* œ */
    default: break;
    }
    if (cp >= 0x03B1 && cp <= 0x03C9) {
        static const char *const greek[] = {"a", "v", "g", "d", "e", "z", "i", "th", "i",
                                            "k", "l", "m", "n", "x", "o", "p", "r", "s",
                                            "s", "t", "i", "f", "ch", "ps", "o"};
        return greek[cp - 0x03B1];
    }
    return NULL;
}

static void name_key(px_buf *out, const char *s, size_t len, bool loose)
{
    /* ASCII, the common case, needs no Unicode folding */
    size_t ascii = 0;
    while (ascii < len && (unsigned char)s[ascii] < 0x80)
        ascii++;
    if (ascii == len) {
        char prev = 0;
        for (size_t a = 0; a < len; a++) {
            char c = s[a];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                continue;
            if (loose && c == 'y')
                c = 'i';
            if (loose && c == prev && c >= 'a' && c <= 'z')
                continue;
            px_buf_putc(out, c);
            prev = c;
        }
        return;
    }
    /* a name fits on the stack; a longer text is folded on the heap,
     * unless the output is a fixed buffer, which must not allocate */
    enum { LOCAL = 256 };
    int32_t local[LOCAL];
    char *folded = NULL;
    const int opts = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
    ptrdiff_t n = px__utf8_map_local(s, len, local, LOCAL, opts);
    if (n == PX__UTF8_TOO_LONG && !out->fixed)
        n = px__utf8_map(s, len, &folded, opts);
    if (n == UTF8PROC_ERROR_NOMEM || n == PX__UTF8_TOO_LONG) {
        out->oom = true;
        return;
    }
    const char *p = n < 0 ? s : folded ? folded : (const char *)local;
    size_t plen = n >= 0 ? (size_t)n : len;
    size_t base = out->len;
    char last = 0;
    for (size_t i = 0; i < plen;) {
        uint32_t cp;
        size_t k = px__utf8_decode(p + i, plen - i, &cp);
        if (!k)
            k = 1;
        i += k;
        const char *t = NULL;
        char one[2] = {0, 0};
        if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z')
                cp += 32;
            if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
                one[0] = (char)(loose && cp == 'y' ? 'i' : cp);
                t = one;
            }
        } else {
            t = translit(cp);
            if (!t && px__is_letter(cp)) {
                /* a letter of another script: keep it as it is */
                char enc[4];
                size_t m = px__utf8_encode(cp, enc);
                px_buf_put(out, enc, m);
                last = 0;
                continue;
            }
        }
        if (!t)
            continue;
        for (; *t; t++) {
            char c = loose && *t == 'y' ? 'i' : *t;
            if (loose && c == last && c >= 'a' && c <= 'z')
                continue; /* doubled letters: Zelenskyy, Kirill/Kiril */
            px_buf_putc(out, c);
            last = c;
        }
    }
    (void)base;
    free(folded);
}

void px__name_key(px_buf *out, const char *s, size_t len)
{
    name_key(out, s, len, true);
}

void px__word_key(px_buf *out, const char *s, size_t len)
{
    name_key(out, s, len, false);
}

/* ---- gazetteer: open addressing over name keys, built once ---- */

typedef struct place_slot {
    char *key;
    int group;
} place_slot;

static place_slot *place_table;
static size_t place_cap;
static pthread_once_t place_once = PTHREAD_ONCE_INIT;

static void place_build(void)
{
    size_t n = PX_ARRAY_LEN(place_entries);
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    place_slot *t = px__calloc(cap, sizeof(*t));
    if (!t)
        return;
    px_buf key = PX_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        px_buf_clear(&key);
        px__name_key(&key, place_entries[i].name, strlen(place_entries[i].name));
        if (key.oom || !key.len)
            continue;
        size_t h = (size_t)px__hash(key.ptr, key.len, 0) & (cap - 1);
        while (t[h].key && strcmp(t[h].key, key.ptr))
            h = (h + 1) & (cap - 1);
        if (t[h].key) {
            /* the first name wins: countries come before subdivisions */
            continue;
        }
        t[h].key = px__strdup(key.ptr);
        if (!t[h].key)
            break;
        t[h].group = place_entries[i].group;
    }
    px_buf_release(&key);
    place_table = t;
    place_cap = cap;
}

int px__place_lookup(const char *s, size_t len, int *kind, int *capital_of)
{
    pthread_once(&place_once, place_build);
    if (!place_table)
        return -1;
    /* no allocation, so no failure to report: the longest place name of
     * iso-codes is 60-odd letters, and a longer key is no place */
    char storage[512];
    px_buf key;
    if (len > 400)
        return -1;
    px_buf_init_fixed(&key, storage, sizeof storage);
    px__name_key(&key, s, len);
    int group = -1;
    if (key.len && !key.oom) {
        size_t h = (size_t)px__hash(key.ptr, key.len, 0) & (place_cap - 1);
        while (place_table[h].key) {
            if (!strcmp(place_table[h].key, key.ptr)) {
                group = place_table[h].group;
                break;
            }
            h = (h + 1) & (place_cap - 1);
        }
    }
    px_buf_release(&key);
    if (group >= 0) {
        if (kind)
            *kind = place_group_kind[group];
        if (capital_of)
            *capital_of = place_capital_of[group];
    }
    return group;
}

const char *px__place_name(int group)
{
    if (group < 0 || (size_t)group >= PX_ARRAY_LEN(place_group_names))
        return NULL;
    return place_group_names[group];
}

int px__place_part_of(int group)
{
    if (group < 0 || (size_t)group >= PX_ARRAY_LEN(place_part_of))
        return -1;
    return place_part_of[group];
}

bool px__number_word(const char *s, size_t len, long *value)
{
    static const struct {
        const char *w;
        long v;
    } words[] = {{"zero", 0},     {"one", 1},        {"two", 2},       {"three", 3},     {"four", 4},
                 {"five", 5},     {"six", 6},        {"seven", 7},     {"eight", 8},     {"nine", 9},
                 {"ten", 10},     {"eleven", 11},    {"twelve", 12},   {"thirteen", 13}, {"fourteen", 14},
                 {"fifteen", 15}, {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
                 {"twenty", 20},  {"thirty", 30},    {"forty", 40},    {"fifty", 50},    {"sixty", 60},
                 {"seventy", 70}, {"eighty", 80},    {"ninety", 90},   {"hundred", 100}, {"thousand", 1000},
                 {"dozen", 12}};
    char w[16];
    if (len < 3 || len > 9)
        return false;
    /* most words are none: every number word starts with one of these */
    char c0 = (char)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32 : s[0]);
    if (!c0 || !strchr("zotfsenhd", c0))
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        w[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    w[len] = 0;
    for (size_t i = 0; i < PX_ARRAY_LEN(words); i++)
        if (words[i].w[0] == c0 && !strcmp(w, words[i].w)) {
            *value = words[i].v;
            return true;
        }
    return false;
}

bool px__title_case_sentence(const px_doc *d, const px_sentence *s)
{
    px_block_kind bk = d->blocks[s->block].kind;
    if (bk != PX_BLOCK_HEADLINE && bk != PX_BLOCK_HEADING && bk != PX_BLOCK_STANDFIRST)
        return false;
    size_t words = 0, caps = 0;
    for (size_t t = s->first_token; t < s->first_token + s->n_tokens; t++) {
        const px_token *k = &d->toks[t];
        if (k->kind != PX_TOK_WORD || (k->flags & (PX_TF_URL | PX_TF_HANDLE)) ||
            k->end - k->start < 4)
            continue;
        words++;
        if (k->flags & PX_TF_CAP)
            caps++;
    }
    return words >= 4 && caps * 10 >= words * 7;
}
