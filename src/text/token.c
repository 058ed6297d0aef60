/*
 * token.c - the tokenizer. Words keep their inner apostrophes and hyphens
 * ("Zelensky's", "Ukraine-Russia"), numbers their separators ("1,000",
 * "3.5"), abbreviations their full stop ("Mr.", "U.S.", "Jan."); every
 * quotation mark is a token of its own, flagged as opening, closing or
 * either, so the quotation scanner never looks at raw bytes.
 */
#include <pthread.h>
#include <string.h>

#include "text.h"

/* The ASCII path of the tokenizer reads one table: a byte's class.
 * C_CONN: the characters that may join two parts of a word or number
 * (' - . , : / &); any other ASCII character that is no word character
 * ends a word. */
enum { C_WORD = 1, C_DIGIT = 2, C_UPPER = 4, C_SPACE = 8, C_CONN = 16, C_PUNCT = 32, C_STOP = 64 };
/* C_PUNCT: a punctuation token of one character; C_STOP: a run of them
 * (". ! ?", "...", "?!"). */
static const uint8_t ascii_class[256] = {
    ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\r'] = C_SPACE, [' '] = C_SPACE,
    ['\''] = C_CONN, ['-'] = C_CONN, ['.'] = C_CONN | C_STOP, [','] = C_CONN | C_PUNCT,
    [':'] = C_CONN | C_PUNCT, ['/'] = C_CONN, ['&'] = C_CONN,
    [';'] = C_PUNCT, ['('] = C_PUNCT, [')'] = C_PUNCT, ['['] = C_PUNCT, [']'] = C_PUNCT,
    ['{'] = C_PUNCT, ['}'] = C_PUNCT, ['!'] = C_STOP, ['?'] = C_STOP,
    ['0'] = C_WORD | C_DIGIT, ['1'] = C_WORD | C_DIGIT, ['2'] = C_WORD | C_DIGIT,
    ['3'] = C_WORD | C_DIGIT, ['4'] = C_WORD | C_DIGIT, ['5'] = C_WORD | C_DIGIT,
    ['6'] = C_WORD | C_DIGIT, ['7'] = C_WORD | C_DIGIT, ['8'] = C_WORD | C_DIGIT,
    ['9'] = C_WORD | C_DIGIT,
#define U(c) [c] = C_WORD | C_UPPER, [c + 32] = C_WORD
    U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'), U('J'), U('K'),
    U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'), U('S'), U('T'), U('U'), U('V'),
    U('W'), U('X'), U('Y'), U('Z'),
#undef U
};

static const char *const abbreviations[] = {
    /* titles: never end a sentence */
    "!Mr", "!Mrs", "!Ms", "!Mx", "!Dr", "!Prof", "!Sen", "!Rep", "!Gov", "!Gen", "!Col", "!Lt",
    "!Sgt", "!Capt", "!Cmdr", "!Adm", "!Maj", "!Cpl", "!Pvt", "!Rev", "!Hon", "!Pres", "!Supt",
    "!Messrs", "!Mme", "!Mlle", "!Sr", "!Fr", "!Insp", "!Det", "!Atty", "!Amb", "!Gens",
    "!Reps", "!Sens", "!St", "!Mt", "!Ft", "!Sta", "!No", "!Nos", "!vs", "!v", "!cf",
    /* others: may end a sentence */
    "Jr", "Inc", "Ltd", "Co", "Corp", "Bros", "etc", "al", "approx", "est", "dept", "Ave", "Blvd",
    "Rd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Ariz", "Calif",
    "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich",
    "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex",
    "Va", "Vt", "Wash", "Wis", "Wyo", "ca", "vol", "pp", "p", "ed", "eds", "min", "max", "gov",
    "govt", "Univ", "Assn", "Dist", "Div", "Ex", "Lt.Col", "Ph", "Fig", "fig",
};

/* The abbreviations by first byte (a chain through next[]), with their
 * lengths: a word followed by a full stop is looked up among the few that
 * share its first letter, not the whole list. */
static struct {
    int16_t head[128], next[PX_ARRAY_LEN(abbreviations)];
    uint8_t len[PX_ARRAY_LEN(abbreviations)];
} abbrev_index;
static pthread_once_t abbrev_once = PTHREAD_ONCE_INIT;
_Static_assert(PX_ARRAY_LEN(abbreviations) < INT16_MAX, "abbreviation chains are int16_t");

static void abbrev_build(void)
{
    memset(abbrev_index.head, -1, sizeof abbrev_index.head);
    /* in reverse, so each chain keeps the list's order */
    for (size_t i = PX_ARRAY_LEN(abbreviations); i-- > 0;) {
        const char *a = abbreviations[i] + (abbreviations[i][0] == '!');
        unsigned char c = (unsigned char)a[0];
        abbrev_index.len[i] = (uint8_t)strlen(a);
        abbrev_index.next[i] = abbrev_index.head[c & 127];
        abbrev_index.head[c & 127] = (int16_t)i;
    }
}

bool px__is_abbreviation(const char *w, size_t len, bool *title)
{
    *title = false;
    if (len > 7 || !len || (unsigned char)w[0] >= 128)
        return false; /* longer than any entry, or not ASCII */
    pthread_once(&abbrev_once, abbrev_build);
    for (int i = abbrev_index.head[(unsigned char)w[0]]; i >= 0; i = abbrev_index.next[i]) {
        const char *a = abbreviations[i];
        bool t = a[0] == '!';
        if (abbrev_index.len[i] == len && memcmp(a + t, w, len) == 0) {
            *title = t;
            return true;
        }
    }
    return false;
}

static bool word_in(const char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == w[0] && strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
            return true;
    return false;
}

bool px__is_sentence_starter(const char *w, size_t len)
{
    static const char *const starters[] = {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On",
        "At", "This", "That", "These", "Those", "There", "His", "Her", "Their", "Its", "Our",
        "My", "If", "When", "While", "After", "Before", "As", "However", "Meanwhile", "Some",
        "Many", "Most", "Officials", "Mr", "Mrs", "Ms", "Dr", "Yet", "So", "For", "With", "What",
        "Who", "Why", "How", "Where", "Since", "Although", "Though", "Still", "Also", "Now",
        "Then", "Last", "Earlier", "Later", "According", "Despite", "During", "Under", "By",
        "Two", "Three", "One", "No", "Not", "Both", "Each", "Every", "All", "Such", "Other",
    };
    return word_in(starters, PX_ARRAY_LEN(starters), w, len);
}

bool px__is_speech_verb(const char *w, size_t len)
{
    static const char *const verbs[] = {
        "said",    "says",     "wrote",   "writes",  "told",     "tells",   "added",
        "adds",    "asked",    "asks",    "stated",  "declared", "insisted", "tweeted",
        "posted",  "explained", "noted",  "continued", "replied", "shouted", "exclaimed",
        "recalled", "warned",  "argued",  "claimed", "responded", "announced", "according",
        "cried",   "yelled",   "admitted", "conceded", "remarked", "observed", "quipped",
    };
    return word_in(verbs, PX_ARRAY_LEN(verbs), w, len);
}

static inline size_t decode_at(const char *t, size_t i, size_t end, uint32_t *cp)
{
    if (i >= end) {
        *cp = 0;
        return 0;
    }
    if ((unsigned char)t[i] < 0x80) {
        *cp = (unsigned char)t[i];
        return 1;
    }
    size_t n = px__utf8_decode(t + i, end - i, cp);
    return n ? n : 1;
}

static inline bool is_word_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
    return px__is_letter(cp) || px__is_digit(cp) || px__is_mark(cp);
}

/* Letter counts behind word_flags(), gathered while a word is scanned. */
typedef struct word_shape {
    size_t letters, upper;
    bool first; /* no letter or digit seen yet */
    uint16_t flags;
} word_shape;

static inline void shape_add(word_shape *w, uint32_t cp)
{
    bool letter, digit;
    if (cp < 0x80) {
        digit = cp >= '0' && cp <= '9';
        letter = !digit && ((cp | 32) >= 'a' && (cp | 32) <= 'z');
        if (letter && cp <= 'Z') {
            w->upper++;
            if (w->first)
                w->flags |= PX_TF_CAP;
        }
    } else {
        letter = px__is_letter(cp);
        digit = !letter && px__is_digit(cp);
        if (letter && px__is_upper(cp)) {
            w->upper++;
            if (w->first)
                w->flags |= PX_TF_CAP;
        }
    }
    if (letter)
        w->letters++;
    else if (digit)
        w->flags |= PX_TF_DIGIT;
    if (letter || digit)
        w->first = false;
}

static inline uint16_t shape_flags(const word_shape *w)
{
    return (uint16_t)(w->flags | (w->letters >= 2 && w->upper == w->letters ? PX_TF_ALLCAPS : 0));
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
#define TOKEN_SWAR 1
#define HIGH8 0x8080808080808080ULL
#define ONES8 0x0101010101010101ULL

/* The bytes of x with their high bit set (x has no other bits). */
static inline size_t bytes_set(uint64_t x)
{
    return (size_t)(((x >> 7) * ONES8) >> 56);
}

/* Bytes of x (all below 0x80) from lo to hi: 0x80 in each. No byte
 * borrows from the next. */
static inline uint64_t in_range8(uint64_t x, unsigned lo, unsigned hi)
{
    return ((x | HIGH8) - lo * ONES8) & ((hi * ONES8 | HIGH8) - x) & HIGH8;
}
#endif

/* The ASCII letters and digits from i on (at least one, at i): their
 * end, with the letters, capitals and digits counted. Eight bytes at a
 * time while eight are left before end. */
static inline size_t scan_ascii_run(const char *t, size_t i, size_t end, size_t *letters,
                                    size_t *upper, size_t *digits)
{
#ifdef TOKEN_SWAR
    for (; i + 8 <= end; i += 8) {
        uint64_t x;
        memcpy(&x, t + i, 8);
        uint64_t ascii = ~x & HIGH8, b = x & ~HIGH8;
        uint64_t dig = in_range8(b, '0', '9') & ascii, up = in_range8(b, 'A', 'Z') & ascii;
        uint64_t low = in_range8(b, 'a', 'z') & ascii, stop = ~(dig | up | low) & HIGH8;
        if (stop) {
            uint64_t keep = ((stop & -stop) >> 7) - 1; /* the bytes before the first */
            up &= keep;
            dig &= keep;
            low &= keep;
        }
        size_t u = bytes_set(up);
        *upper += u;
        *letters += u + bytes_set(low);
        *digits += bytes_set(dig);
        if (stop)
            return i + (size_t)__builtin_ctzll(stop) / 8;
    }
#endif
    for (; i < end; i++) {
        uint8_t k = ascii_class[(unsigned char)t[i]];
        if (!(k & C_WORD))
            break;
        *digits += (k & C_DIGIT) != 0;
        *upper += (k & C_UPPER) != 0;
        *letters += !(k & C_DIGIT);
    }
    return i;
}

/* Scans a word or number from i; returns its end. When shape is not
 * NULL, it receives what word_flags() would say of the word (one pass
 * instead of two). */
static size_t scan_word(const char *t, size_t i, size_t end, bool *has_digit, bool *all_digit,
                        word_shape *shape)
{
    *has_digit = false;
    *all_digit = true;
    while (i < end) {
        uint32_t cp;
        size_t n;
        unsigned char c = (unsigned char)t[i];
        if (c < 0x80) { /* ASCII letters and digits, the common case */
            uint8_t k = ascii_class[c];
            if (k & C_WORD) {
                /* a run of them */
                size_t letters = 0, upper = 0, digits = 0;
                if (shape && shape->first && (k & C_UPPER))
                    shape->flags |= PX_TF_CAP;
                i = scan_ascii_run(t, i, end, &letters, &upper, &digits);
                if (digits)
                    *has_digit = true;
                if (letters)
                    *all_digit = false;
                if (shape) {
                    shape->letters += letters;
                    shape->upper += upper;
                    if (digits)
                        shape->flags |= PX_TF_DIGIT;
                    shape->first = false;
                }
                /* what follows ends the word unless it may join two parts */
                if (i < end && (unsigned char)t[i] < 0x80 &&
                    !(ascii_class[(unsigned char)t[i]] & C_CONN))
                    break;
                continue;
            }
            cp = c;
            n = 1;
        } else {
            n = decode_at(t, i, end, &cp);
        }
        if (is_word_char(cp)) {
            if (px__is_digit(cp))
                *has_digit = true;
            else
                *all_digit = false;
            if (shape)
                shape_add(shape, cp);
            i += n;
            continue;
        }
        /* inner connectors: ' ’ - . , / followed by a word character;
         * any other ASCII character (a space, mostly) ends the word */
        if (cp < 0x80 && cp != '\'' && cp != '-' && cp != '.' && cp != ',' && cp != ':' &&
            cp != '/' && cp != '&')
            break;
        uint32_t next;
        decode_at(t, i + n, end, &next);
        if (!is_word_char(next))
            break;
        if (px__is_apostrophe(cp) && !*all_digit) {
            i += n;
            continue;
        }
        if (cp == '-' || cp == 0x2010 || cp == 0x2011) {
            i += n;
            *all_digit = false;
            continue;
        }
        if ((cp == '.' || cp == ',') && *all_digit && px__is_digit(next)) {
            /* 3.5, 1,000 (a comma needs three digits after it) */
            if (cp == ',') {
                size_t k = i + 1, d = 0;
                while (k < end && t[k] >= '0' && t[k] <= '9')
                    k++, d++;
                if (d != 3)
                    break;
            }
            i += n;
            continue;
        }
        if ((cp == ':' ) && *all_digit && px__is_digit(next)) { /* 10:30 */
            i += n;
            continue;
        }
        if (cp == '/' && *all_digit && px__is_digit(next)) { /* 24/7, 9/11 */
            i += n;
            continue;
        }
        if (cp == '&' && !*all_digit && px__is_upper(next)) { /* AT&T */
            i += n;
            continue;
        }
        break;
    }
    return i;
}

/* "U.S.", "a.m.", "J.R.R." : letters each followed by a full stop. */
static size_t scan_dotted(const char *t, size_t i, size_t end)
{
    size_t j = i, groups = 0;
    for (;;) {
        uint32_t cp;
        size_t n = decode_at(t, j, end, &cp);
        if (!n || !px__is_letter(cp))
            break;
        if (j + n >= end || t[j + n] != '.')
            break;
        j += n + 1;
        groups++;
    }
    return groups >= 2 ? j : i;
}

static uint16_t word_flags(const char *t, size_t s, size_t e)
{
    uint16_t f = 0;
    size_t letters = 0, upper = 0;
    bool first = true;
    for (size_t i = s; i < e;) {
        uint32_t cp;
        size_t n = decode_at(t, i, e, &cp);
        if (px__is_letter(cp)) {
            letters++;
            if (px__is_upper(cp)) {
                upper++;
                if (first)
                    f |= PX_TF_CAP;
            }
            first = false;
        } else if (px__is_digit(cp)) {
            f |= PX_TF_DIGIT;
            first = false;
        }
        i += n;
    }
    if (letters >= 2 && upper == letters)
        f |= PX_TF_ALLCAPS;
    return f;
}

static bool push(px_token_vec *out, size_t s, size_t e, int kind, uint16_t flags)
{
    px_token tok = {(uint32_t)s, (uint32_t)e, (uint16_t)kind, flags};
    return PX_VEC_PUSH(*out, tok);
}

/* The common token, an ASCII word or number that ends at a space or a
 * punctuation mark, read without the general machinery: *e its end,
 * *kind and *flags (word_flags, and the full stop of an abbreviation).
 * False when the token needs the general path: a URL, a dotted
 * abbreviation, a word that goes on past a connector or into a non-ASCII
 * character. The result is the one px__tokenize's general path gives. */
static inline bool fast_word(const char *t, size_t i, size_t end, size_t *e, int *kind,
                             uint16_t *flags)
{
    unsigned char c = (unsigned char)t[i];
    uint8_t k = ascii_class[c];
    if ((c == 'h' && end - i > 7 &&
         (!memcmp(t + i, "http://", 7) || !memcmp(t + i, "https://", 8))) ||
        (c == 'w' && end - i > 4 && !memcmp(t + i, "www.", 4)))
        return false;
    if (!(k & C_DIGIT) && i + 1 < end && t[i + 1] == '.')
        return false; /* perhaps "U.S." */
    size_t letters = 0, upper = 0, digits = 0;
    size_t j = scan_ascii_run(t, i, end, &letters, &upper, &digits);
    if (j < end) {
        unsigned char d = (unsigned char)t[j];
        if (d >= 0x80)
            return false;
        if (ascii_class[d] & C_CONN) {
            /* joins two parts when a word character follows */
            if (j + 1 < end &&
                ((unsigned char)t[j + 1] >= 0x80 || (ascii_class[(unsigned char)t[j + 1]] & C_WORD)))
                return false;
        }
    }
    uint16_t f = (uint16_t)((k & C_UPPER ? PX_TF_CAP : 0) | (digits ? PX_TF_DIGIT : 0) |
                            (letters >= 2 && upper == letters ? PX_TF_ALLCAPS : 0));
    *kind = letters ? PX_TOK_WORD : PX_TOK_NUMBER;
    /* keep the full stop of an abbreviation or an initial */
    if (j < end && t[j] == '.' && letters) {
        bool title;
        size_t wl = j - i;
        if ((wl == 1 && (k & C_UPPER)) || px__is_abbreviation(t + i, wl, &title)) {
            j++;
            f |= PX_TF_ABBREV;
        }
    }
    *e = j;
    *flags = f;
    return true;
}

int px__tokenize(const char *t, size_t start, size_t end, px_token_vec *out)
{
    size_t i = start;
    uint16_t pre = 0;
    while (i < end) {
        unsigned char c = (unsigned char)t[i];
        if (c < 0x80) {
            uint8_t k = ascii_class[c];
            if (k & C_SPACE) {
                pre |= PX_TF_SPACE_BEFORE;
                if (c == '\n')
                    pre |= PX_TF_NL_BEFORE;
                i++;
                continue;
            }
            size_t e;
            int kind;
            uint16_t f;
            if ((k & C_WORD) && fast_word(t, i, end, &e, &kind, &f)) {
                if (!push(out, i, e, kind, pre | f))
                    return PX_ENOMEM;
                pre = 0;
                i = e;
                continue;
            }
            /* ASCII punctuation and hyphens, as the general path below
             * reads them (none is a quotation mark, a URL or a word) */
            if ((k & (C_PUNCT | C_STOP)) || c == '-') {
                size_t s = i++;
                kind = PX_TOK_PUNCT;
                if (c == '-') {
                    while (i < end && t[i] == '-')
                        i++;
                    kind = PX_TOK_DASH;
                } else if (k & C_STOP) {
                    while (i < end && (ascii_class[(unsigned char)t[i]] & C_STOP))
                        i++;
                }
                if (!push(out, s, i, kind, pre))
                    return PX_ENOMEM;
                pre = 0;
                continue;
            }
        }
        uint32_t cp;
        size_t n = decode_at(t, i, end, &cp);
        if (px__is_space(cp)) {
            pre |= PX_TF_SPACE_BEFORE;
            if (cp == '\n')
                pre |= PX_TF_NL_BEFORE;
            i += n;
            continue;
        }
        uint32_t prev = 0, next = 0;
        if (i > start) {
            if ((unsigned char)t[i - 1] < 0x80)
                prev = (unsigned char)t[i - 1];
            else
                px__utf8_decode_back(t, i, &prev);
        }
        decode_at(t, i + n, end, &next);
        size_t s = i;
        int kind;
        uint16_t flags = pre;
        pre = 0;

        /* URLs and handles */
        if ((cp == 'h' && end - i > 7 &&
             (!memcmp(t + i, "http://", 7) || !memcmp(t + i, "https://", 8))) ||
            (cp == 'w' && end - i > 4 && !memcmp(t + i, "www.", 4))) {
            while (i < end && !px__is_space((unsigned char)t[i]))
                i++;
            while (i > s && strchr(".,;:!?)\"'", t[i - 1]))
                i--;
            if (!push(out, s, i, PX_TOK_SYMBOL, flags | PX_TF_URL))
                return PX_ENOMEM;
            continue;
        }
        if ((cp == '@' || cp == '#') && is_word_char(next) && !is_word_char(prev)) {
            bool d, a;
            i = scan_word(t, i + 1, end, &d, &a, NULL);
            while (i < end && t[i] == '_') {
                i++;
                i = scan_word(t, i, end, &d, &a, NULL);
            }
            if (!push(out, s, i, PX_TOK_WORD, flags | (cp == '@' ? PX_TF_HANDLE : 0)))
                return PX_ENOMEM;
            continue;
        }
        if (is_word_char(cp)) {
            size_t dotted = px__is_letter(cp) ? scan_dotted(t, i, end) : i;
            if (dotted > i) {
                if (!push(out, s, dotted, PX_TOK_WORD,
                          flags | word_flags(t, s, dotted) | PX_TF_ABBREV))
                    return PX_ENOMEM;
                i = dotted;
                continue;
            }
            bool has_digit, all_digit;
            word_shape shape = {0, 0, true, 0};
            i = scan_word(t, i, end, &has_digit, &all_digit, &shape);
            kind = all_digit ? PX_TOK_NUMBER : PX_TOK_WORD;
            flags |= shape_flags(&shape);
            /* keep the full stop of an abbreviation or an initial */
            if (i < end && t[i] == '.' && kind == PX_TOK_WORD) {
                bool title;
                size_t wl = i - s;
                uint32_t first;
                size_t fl = px__utf8_decode(t + s, wl, &first);
                bool initial = fl == wl && px__is_upper(first);
                if (initial || px__is_abbreviation(t + s, wl, &title)) {
                    i++;
                    flags |= PX_TF_ABBREV;
                }
            }
            if (!push(out, s, i, kind, flags))
                return PX_ENOMEM;
            continue;
        }
        px_quote_class q = px__quote_class(cp);
        if (q != PX_Q_NONE) {
            bool left_open = i == start || px__is_space(prev) || prev == '(' || prev == '[' ||
                             px__is_dash(prev) || px__quote_class(prev) != PX_Q_NONE;
            bool right_open = next == 0 || px__is_space(next) || next == ')' || next == ']' ||
                              next == ',' || next == '.' || next == ';' || next == ':' ||
                              next == '!' || next == '?' || px__is_dash(next) ||
                              px__quote_class(next) != PX_Q_NONE;
            if (px__quote_is_single(q))
                flags |= PX_TF_QSINGLE;
            if (q == PX_Q_DOUBLE_OPEN || q == PX_Q_SINGLE_OPEN)
                flags |= PX_TF_QOPEN;
            else if (q == PX_Q_DOUBLE_CLOSE || q == PX_Q_SINGLE_CLOSE) {
                /* a closing-shaped mark at the start of a word opens (typos,
                 * German „...“ reversed): decide by context */
                if (left_open && !right_open)
                    flags |= PX_TF_QOPEN;
                else
                    flags |= PX_TF_QCLOSE;
            } else if (left_open && !right_open)
                flags |= PX_TF_QOPEN;
            else if (!left_open && right_open)
                flags |= PX_TF_QCLOSE;
            i += n;
            if (!push(out, s, i, PX_TOK_QUOTE, flags))
                return PX_ENOMEM;
            continue;
        }
        if (px__is_dash(cp)) {
            i += n;
            while (i < end && t[i] == '-')
                i++;
            kind = PX_TOK_DASH;
        } else if (cp == '.' || cp == '!' || cp == '?') {
            /* runs: "...", "!!!", "?!" */
            i += n;
            while (i < end && (t[i] == '.' || t[i] == '!' || t[i] == '?'))
                i++;
            kind = PX_TOK_PUNCT;
        } else if (strchr(",;:()[]{}", (int)(cp < 0x80 ? cp : 1)) || px__is_terminal(cp)) {
            i += n;
            kind = PX_TOK_PUNCT;
        } else {
            i += n;
            kind = PX_TOK_SYMBOL;
        }
        if (!push(out, s, i, kind, flags))
            return PX_ENOMEM;
    }
    return PX_OK;
}
