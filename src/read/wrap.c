/*
 * wrap.c - undoes hard wrapping, and bounds line length.
 *
 * Newswire, TREC/DUC/TAC collections, e-mail and OCR output wrap lines at
 * about 70 columns with no blank line between paragraphs; read one block
 * a line, their sentences are cut at every line end. px__unwrap finds
 * such text by its shape - most lines end near one width, and many line
 * breaks fall inside sentences - and joins its lines into paragraphs. A
 * paragraph starts at a blank line, at a change of indent (the first
 * line of a paragraph indented), at a table row, or after a line that
 * stopped short: the next line's first word would have fitted (where the
 * wrapper filled lines greedily), or the line ends a sentence well short
 * of the width. A hyphen at a line end joins the word when the joined
 * word is a word ("inter-" "national"), by the document's own words
 * first, then by the system word list (wamerican), and stays otherwise
 * ("well-" "known"). Text that is one paragraph a line is left exactly as
 * it is.
 *
 * px__split_long_lines breaks a line over a limit (1 MB) at sentence or
 * space boundaries, or cuts a run with no space, so that no later stage
 * handles a paragraph or sentence of unbounded size.
 *
 * Both edit doc->text and doc->map together: a byte that stays keeps the
 * original offset it maps to, so every offset printed still points into
 * the original input.
 */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

/* ---- editing text and map together ---- */

/* Replaces doc->text[a, b) by the bytes rep[0, n) (n <= b - a); each new
 * byte maps to the original offset of the byte it stands on. Works in
 * place from left to right: edits must come in increasing order, and
 * *w is the write position (bytes before a are copied first). */
typedef struct editor {
    px_doc *doc;
    size_t r, w; /* read and write positions */
} editor;

static void ed_copy_to(editor *e, size_t a)
{
    char *t = e->doc->text;
    uint32_t *m = e->doc->map;
    if (e->w != e->r) {
        memmove(t + e->w, t + e->r, a - e->r);
        memmove(m + e->w, m + e->r, (a - e->r) * sizeof(uint32_t));
    }
    e->w += a - e->r;
    e->r = a;
}

static void ed_replace(editor *e, size_t a, size_t b, const char *rep, size_t n)
{
    assert(n <= b - a && a >= e->r);
    ed_copy_to(e, a);
    for (size_t i = 0; i < n; i++) {
        e->doc->map[e->w] = e->doc->map[a + i];
        e->doc->text[e->w++] = rep[i];
    }
    e->r = b;
}

static void ed_finish(editor *e)
{
    px_doc *d = e->doc;
    ed_copy_to(e, d->len);
    d->map[e->w] = d->map[d->len]; /* the end offset */
    d->len = e->w;
    d->text[d->len] = 0;
}

/* ---- long lines ---- */

int px__split_long_lines(px_doc *doc, size_t limit, size_t *n_split, size_t *n_cut,
                         size_t *first_line)
{
    *n_split = *n_cut = *first_line = 0;
    char *t = doc->text;
    size_t line = 1, i = 0;
    editor e = {doc, 0, 0};
    bool edited = false;
    while (i < doc->len) {
        const char *nl = memchr(t + i, '\n', doc->len - i);
        size_t end = nl ? (size_t)(nl - t) : doc->len;
        size_t s = i;
        while (end - s > limit) {
            /* a sentence end in the last quarter, else a space in the
             * last half, else no break: the run is cut */
            size_t lo = s + limit / 2, hi = s + limit, at = 0;
            for (size_t k = hi; k > s + limit - limit / 4 && !at; k--)
                if (t[k] == ' ' && (t[k - 1] == '.' || t[k - 1] == '!' || t[k - 1] == '?'))
                    at = k;
            for (size_t k = hi; k > lo && !at; k--)
                if (t[k] == ' ')
                    at = k;
            if (!*first_line)
                *first_line = line;
            if (at) {
                t[at] = '\n';
                (*n_split)++;
                s = at + 1;
                continue;
            }
            /* no space: cut after the limit, on a character boundary */
            size_t cut = hi;
            while (cut > s && ((unsigned char)t[cut] & 0xC0) == 0x80)
                cut--;
            ed_replace(&e, cut, end, "", 0);
            edited = true;
            (*n_cut)++;
            break;
        }
        line++;
        i = nl ? end + 1 : doc->len;
    }
    if (edited)
        ed_finish(&e);
    return PX_OK;
}

/* ---- the words of the language ---- */

/* The system word list (Debian's wamerican), loaded on first use: a hash
 * set of lower-case words. */
static struct {
    pthread_once_t once;
    uint64_t *keys;
    size_t cap;
} words = {PTHREAD_ONCE_INIT, NULL, 0};

static uint64_t word_key(const char *s, size_t n)
{
    uint64_t h = px__hash(s, n, 0x776f7264);
    return h ? h : 1;
}

static bool set_add(uint64_t **keys, size_t *cap, size_t *n, uint64_t h)
{
    if (2 * (*n + 1) > *cap) {
        size_t nc = *cap ? 2 * *cap : 1024;
        uint64_t *t = px__calloc(nc, sizeof(uint64_t));
        if (!t)
            return false;
        for (size_t i = 0; i < *cap; i++) {
            if (!(*keys)[i])
                continue;
            size_t k = (size_t)(*keys)[i] & (nc - 1);
            while (t[k])
                k = (k + 1) & (nc - 1);
            t[k] = (*keys)[i];
        }
        free(*keys);
        *keys = t;
        *cap = nc;
    }
    size_t k = (size_t)h & (*cap - 1);
    while ((*keys)[k]) {
        if ((*keys)[k] == h)
            return true;
        k = (k + 1) & (*cap - 1);
    }
    (*keys)[k] = h;
    (*n)++;
    return true;
}

static bool set_has(const uint64_t *keys, size_t cap, uint64_t h)
{
    if (!cap)
        return false;
    size_t k = (size_t)h & (cap - 1);
    while (keys[k]) {
        if (keys[k] == h)
            return true;
        k = (k + 1) & (cap - 1);
    }
    return false;
}

static void load_words(void)
{
    const char *env = getenv("PX_WORDS");
    const char *paths[] = {env, "/usr/share/dict/american-english",
                           "/usr/share/dict/british-english", "/usr/share/dict/words"};
    FILE *f = NULL;
    for (size_t i = 0; i < PX_ARRAY_LEN(paths) && !f; i++)
        if (paths[i] && *paths[i])
            f = fopen(paths[i], "r");
    if (!f)
        return;
    char line[128];
    size_t n = 0;
    uint64_t *keys = NULL;
    size_t cap = 0;
    while (fgets(line, sizeof(line), f)) {
        size_t len = strcspn(line, "\r\n");
        /* lower case: "Internationally" and "internationally" alike */
        for (size_t i = 0; i < len; i++)
            if (line[i] >= 'A' && line[i] <= 'Z')
                line[i] = (char)(line[i] + 32);
        if (len && !set_add(&keys, &cap, &n, word_key(line, len))) {
            free(keys);
            keys = NULL;
            cap = 0;
            break;
        }
    }
    fclose(f);
    words.keys = keys;
    words.cap = cap;
}

static bool in_word_list(const char *s, size_t n)
{
    pthread_once(&words.once, load_words);
    return set_has(words.keys, words.cap, word_key(s, n));
}

/* ---- lines ---- */

typedef struct wline wline;
struct wline {
    size_t start, end;  /* the line without trailing spaces, indent included */
    size_t text;        /* after the indent */
    uint32_t cols;      /* code points in [start, end) */
    uint32_t indent;    /* leading spaces */
    uint32_t first_word; /* code points of the first word */
    bool blank, table;
};
typedef PX_VEC(wline) wline_vec;

/* Columns of [a, b) as the wrapper counted them: characters of the
 * original input (a '' that became ” is two). */
static uint32_t count_cols(const uint32_t *map, size_t a, size_t b)
{
    return map[b] - map[a];
}

static uint32_t last_cp(const char *t, const wline *l)
{
    uint32_t cp = 0;
    if (l->end > l->text)
        px__utf8_decode_back(t, l->end, &cp);
    return cp;
}

static uint32_t first_cp(const char *t, const wline *l)
{
    uint32_t cp = 0;
    if (l->end > l->text)
        px__utf8_decode(t + l->text, l->end - l->text, &cp);
    return cp;
}

/* Ends like a sentence: . ! ? … : possibly inside closing quotes or
 * brackets. */
static bool ends_sentence(const char *t, const wline *l)
{
    size_t e = l->end;
    while (e > l->text) {
        uint32_t cp;
        size_t n = px__utf8_decode_back(t, e, &cp);
        if (px__quote_class(cp) != PX_Q_NONE || cp == ')' || cp == ']') {
            e -= n;
            continue;
        }
        return px__is_terminal(cp) || cp == ':';
    }
    return false;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static uint32_t percentile(uint32_t *v, size_t n, unsigned pct)
{
    px__qsort(v, n, sizeof(uint32_t), cmp_u32);
    return n ? v[(n - 1) * pct / 100] : 0;
}

static bool scan_lines(const char *t, const uint32_t *map, size_t from, size_t len,
                       wline_vec *out)
{
    for (size_t i = from; i <= len;) {
        const char *nl = i < len ? memchr(t + i, '\n', len - i) : NULL;
        size_t e = nl ? (size_t)(nl - t) : len;
        wline l = {0};
        l.start = i;
        size_t k = i;
        while (k < e && t[k] == ' ')
            k++;
        l.text = k;
        l.indent = (uint32_t)(k - i);
        while (e > k && t[e - 1] == ' ')
            e--;
        l.end = e;
        l.blank = e == k;
        l.cols = count_cols(map, i, e);
        size_t w = k;
        while (w < e && t[w] != ' ')
            w++;
        l.first_word = count_cols(map, k, w);
        /* columns: a run of three spaces inside the line */
        for (size_t x = k; x + 3 <= e && !l.table; x++)
            l.table = t[x] == ' ' && t[x + 1] == ' ' && t[x + 2] == ' ';
        if (!PX_VEC_PUSH(*out, l))
            return false;
        if (!nl)
            break;
        i = (size_t)(nl - t) + 1;
    }
    return true;
}

/* ---- the document's own words, for hyphens ---- */

typedef struct vocab {
    uint64_t *keys;
    size_t cap, n;
} vocab;

static bool is_word_byte(unsigned char c)
{
    return (unsigned)((c | 32) - 'a') < 26u || c >= 0x80 || c == '\'';
}

/* Every word of the text, lower-case, every hyphenated word whole
 * ("well-known") and the first parts of hyphenated words with their
 * hyphen ("well-"): hyphens at line ends do not count. */
static bool vocab_build(vocab *v, const char *t, size_t len)
{
    char buf[64];
    size_t i = 0;
    while (i < len) {
        if (!is_word_byte((unsigned char)t[i])) {
            i++;
            continue;
        }
        size_t s = i, n = 0, part = i;
        for (;;) {
            while (i < len && is_word_byte((unsigned char)t[i]))
                i++;
            /* each part of a hyphenated word is a word too */
            if (i - part < sizeof(buf)) {
                for (size_t k = part; k < i; k++)
                    buf[k - part] = (char)(t[k] >= 'A' && t[k] <= 'Z' ? t[k] + 32 : t[k]);
                if (!set_add(&v->keys, &v->cap, &v->n, word_key(buf, i - part)))
                    return false;
            }
            if (i + 1 < len && t[i] == '-' && is_word_byte((unsigned char)t[i + 1])) {
                /* "non-" of "non-endorsement": a prefix this writer
                 * hyphenates */
                if (i - part + 1 < sizeof(buf)) {
                    for (size_t k = part; k < i; k++)
                        buf[k - part] = (char)(t[k] >= 'A' && t[k] <= 'Z' ? t[k] + 32 : t[k]);
                    buf[i - part] = '-';
                    if (!set_add(&v->keys, &v->cap, &v->n, word_key(buf, i - part + 1)))
                        return false;
                }
                i++;
                part = i;
                continue;
            }
            break;
        }
        n = i - s;
        if (n < sizeof(buf) && part != s) {
            for (size_t k = s; k < i; k++)
                buf[k - s] = (char)(t[k] >= 'A' && t[k] <= 'Z' ? t[k] + 32 : t[k]);
            if (!set_add(&v->keys, &v->cap, &v->n, word_key(buf, n)))
                return false;
        }
    }
    return true;
}

/* "X-" at a line end and "Y" on the next: true to write XY, false to
 * keep X-Y. */
static bool join_hyphen(const vocab *v, const char *t, size_t xs, size_t xe, size_t ys,
                        size_t ye)
{
    char joined[80], hyph[81];
    size_t xn = xe - xs, yn = ye - ys;
    if (xn + yn + 1 >= sizeof(joined))
        return false;
    for (size_t k = 0; k < xn; k++)
        joined[k] = (char)(t[xs + k] >= 'A' && t[xs + k] <= 'Z' ? t[xs + k] + 32 : t[xs + k]);
    for (size_t k = 0; k < yn; k++)
        joined[xn + k] = (char)(t[ys + k] >= 'A' && t[ys + k] <= 'Z' ? t[ys + k] + 32 : t[ys + k]);
    memcpy(hyph, joined, xn);
    hyph[xn] = '-';
    memcpy(hyph + xn + 1, joined + xn, yn);
    /* the writer's own spelling elsewhere in the text decides first */
    if (set_has(v->keys, v->cap, word_key(hyph, xn + yn + 1)))
        return false;
    if (set_has(v->keys, v->cap, word_key(joined, xn + yn)))
        return true;
    /* a prefix the writer hyphenates elsewhere ("non-endorsement") */
    if (set_has(v->keys, v->cap, word_key(hyph, xn + 1)))
        return false;
    return in_word_list(joined, xn + yn);
}

/* ---- hard wrapping ---- */

/* The letters of a word ending at e (exclusive), back to its start. */
static size_t word_start(const char *t, size_t s, size_t e)
{
    while (e > s) {
        uint32_t cp;
        size_t n = px__utf8_decode_back(t, e, &cp);
        if (!px__is_letter(cp))
            break;
        e -= n;
    }
    return e;
}

static size_t word_end(const char *t, size_t s, size_t e)
{
    while (s < e) {
        uint32_t cp;
        size_t n = px__utf8_decode(t + s, e - s, &cp);
        if (!n || !px__is_letter(cp))
            break;
        s += n;
    }
    return s;
}

/* A line that ends with last and a next line that starts with first
 * are certainly one paragraph: it ends in a word, a comma or a hyphen
 * and the next goes on in lower case. */
static bool goes_on(uint32_t last, uint32_t first)
{
    return (px__is_letter(last) || last == ',' || last == '-') && px__is_lower(first);
}

/* The shape of the text: the wrap width, and whether lines were filled
 * greedily (a line breaks only where the next word does not fit). */
typedef struct shape {
    uint32_t width, slack, base_indent;
    uint32_t longest; /* the longest line known to go on */
    bool greedy;
} shape;

/* Measures the lines of [from, len); false when the text is not hard
 * wrapped. */
static bool wrapped_shape(const char *t, const wline *l, size_t n, shape *sh)
{
    size_t nonblank = 0, mid = 0, cont = 0, beyond = 0, near = 0;
    PX_VEC(uint32_t) cols = {0};
    PX_VEC(uint32_t) mid_cols = {0};
    PX_VEC(uint32_t) slack = {0};
    uint32_t indents[9] = {0}, mid_indents[9] = {0};
    bool ok = false;
    /* lines certainly inside a paragraph (a word, comma or hyphen, then
     * lower case) give the width and the indent of a continued line */
    for (size_t i = 0; i < n; i++) {
        if (l[i].blank)
            continue;
        nonblank++;
        indents[PX_MIN(l[i].indent, 8u)]++;
        if (!PX_VEC_PUSH(cols, l[i].cols))
            goto done;
        if (i + 1 < n && !l[i + 1].blank && goes_on(last_cp(t, &l[i]), first_cp(t, &l[i + 1]))) {
            mid++;
            mid_indents[PX_MIN(l[i + 1].indent, 8u)]++;
            if (!PX_VEC_PUSH(mid_cols, l[i].cols))
                goto done;
        }
    }
    if (nonblank < 3 || mid < 2)
        goto done;
    sh->base_indent = 0;
    for (uint32_t k = 1; k < 9; k++)
        if (mid_indents[k] > mid_indents[sh->base_indent])
            sh->base_indent = k;
    sh->width = mid_cols.n >= 3 ? percentile(mid_cols.v, mid_cols.n, 95)
                                : percentile(cols.v, cols.n, 90);
    sh->longest = percentile(mid_cols.v, mid_cols.n, 100);
    if (sh->width < 25 || sh->width > 160)
        goto done;
    /* the lines that a line of the continuation indent follows: most end
     * near the width, and a fifth at least certainly go on; a text of
     * one paragraph a line never does */
    for (size_t i = 0; i + 1 < n; i++) {
        if (l[i].blank || l[i + 1].blank || PX_MIN(l[i + 1].indent, 8u) != sh->base_indent)
            continue;
        cont++;
        near += l[i].cols * 10 >= sh->width * 6 && l[i].cols <= sh->width + 2;
    }
    for (size_t i = 0; i < cols.n; i++)
        beyond += cols.v[i] * 10 > sh->width * 13;
    if (mid * 10 < cont * 2 || near * 2 < cont || beyond * 10 > nonblank)
        goto done;
    /* how far short of the width a line inside a paragraph stops, and
     * whether the next word would ever have fitted */
    size_t fits = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (l[i].blank || l[i + 1].blank || !goes_on(last_cp(t, &l[i]), first_cp(t, &l[i + 1])))
            continue;
        if (!PX_VEC_PUSH(slack, l[i].cols < sh->width ? sh->width - l[i].cols : 0))
            goto done;
        fits += l[i].cols + 1 + l[i + 1].first_word <= sh->width;
    }
    sh->slack = slack.n >= 3 ? percentile(slack.v, slack.n, 90) : sh->width / 5;
    sh->greedy = slack.n >= 3 && fits * 10 <= slack.n;
    ok = true;
done:
    PX_VEC_FREE(cols);
    PX_VEC_FREE(mid_cols);
    PX_VEC_FREE(slack);
    return ok;
}

/* Does a paragraph end between line a and the next line b? */
static bool paragraph_break(const char *t, const wline *a, const wline *b, const shape *sh)
{
    if (a->blank || b->blank || a->table || b->table)
        return true;
    if (PX_MIN(b->indent, 8u) != sh->base_indent)
        return true;
    /* a line longer than any the wrapper made: not part of the flow */
    if (a->cols > sh->longest + 2 || b->cols > sh->longest + 2)
        return true;
    uint32_t slack = a->cols < sh->width ? sh->width - a->cols : 0;
    bool fits = a->cols + 1 + b->first_word <= sh->width;
    bool sentence = ends_sentence(t, a);
    uint32_t next = first_cp(t, b);
    bool next_starts = px__is_upper(next) || px__is_digit(next) ||
                       px__quote_class(next) != PX_Q_NONE || px__is_dash(next);
    /* a greedy wrapper breaks a paragraph's line only where the next
     * word does not fit */
    if (sh->greedy && fits && next_starts)
        return true;
    /* a sentence that ends well short of the width (where lines are
     * filled greedily, the rule above has already seen most) */
    if (sentence && slack > (sh->greedy ? PX_MAX(sh->slack, sh->width / 4) : sh->slack) &&
        next_starts)
        return true;
    /* after a sentence, a short line that is none: a heading, a dateline */
    uint32_t b_last = last_cp(t, b);
    if (sentence && next_starts && b->cols * 2 < sh->width && !ends_sentence(t, b) &&
        b_last != ',' && b_last != ';' && b_last != '-' && !px__is_dash(b_last))
        return true;
    /* a short line that is no sentence: a headline, a heading, a byline */
    if (!sentence && slack > PX_MAX(sh->slack, sh->width / 3) && next_starts) {
        uint32_t last = last_cp(t, a);
        return last != ',' && last != ';' && !px__is_dash(last) && last != '-';
    }
    return false;
}

/* A quick look before the real one (a condition it needs): two lines
 * at least that end in a letter, a comma or a hyphen and that a line in
 * lower case follows. Most text is one paragraph a line and stops here
 * after a memchr a line. */
static bool may_be_wrapped(const char *t, size_t from, size_t len)
{
    size_t found = 0, i = from;
    while (i < len) {
        const char *nl = memchr(t + i, '\n', len - i);
        if (!nl)
            break;
        size_t e = (size_t)(nl - t), n = e + 1;
        while (e > i && t[e - 1] == ' ')
            e--;
        while (n < len && t[n] == ' ')
            n++;
        unsigned char last = e > i ? (unsigned char)t[e - 1] : 0, next = n < len ? (unsigned char)t[n] : 0;
        if (e > i && (next >= 0x80 || (next >= 'a' && next <= 'z')) &&
            (last >= 0x80 || last == ',' || last == '-' || ((last | 32) >= 'a' && (last | 32) <= 'z')) &&
            ++found >= 2)
            return true;
        i = (size_t)(nl - t) + 1;
    }
    return false;
}

int px__unwrap(px_doc *doc, size_t from, size_t *n_joined)
{
    *n_joined = 0;
    const char *t = doc->text;
    if (!may_be_wrapped(t, from, doc->len))
        return PX_OK;
    wline_vec lines = {0};
    vocab v = {0};
    int rc = PX_ENOMEM;
    if (!scan_lines(t, doc->map, from, doc->len, &lines))
        goto done;
    shape sh;
    if (!wrapped_shape(t, lines.v, lines.n, &sh)) {
        rc = PX_OK;
        goto done;
    }
    /* the document's words, read before any edit, when a hyphen ends a
     * line before a word in lower case */
    for (size_t i = 0; i + 1 < lines.n; i++) {
        if (last_cp(t, &lines.v[i]) == '-' && px__is_lower(first_cp(t, &lines.v[i + 1]))) {
            if (!vocab_build(&v, t, doc->len))
                goto done;
            break;
        }
    }
    editor e = {doc, 0, 0};
    for (size_t i = 0; i + 1 < lines.n; i++) {
        wline *a = &lines.v[i], *b = &lines.v[i + 1];
        if (paragraph_break(t, a, b, &sh))
            continue;
        /* a.end .. b.text is trailing space, the line break and the
         * indent: it becomes one space, nothing (a word split by a
         * hyphen) or stays a hyphen */
        uint32_t last = last_cp(t, a), next = first_cp(t, b);
        size_t cut = a->end;
        const char *rep = " ";
        size_t rep_n = 1;
        if (last == '-' && a->end >= a->text + 2 && px__is_letter(next)) {
            size_t xe = a->end - 1, xs = word_start(t, a->text, xe);
            uint32_t before;
            px__utf8_decode_back(t, xe, &before);
            if (xs < xe && px__is_letter(before)) {
                rep_n = 0; /* "well-" "known": the hyphen stays */
                if (px__is_lower(next)) {
                    size_t ye = word_end(t, b->text, b->end);
                    if (join_hyphen(&v, t, xs, xe, b->text, ye))
                        cut = xe; /* "inter-" "national": joined */
                }
            }
        } else if (px__is_dash(last) && last != '-' && a->end > a->text) {
            /* "word—" "word": a dash written without spaces */
            uint32_t before;
            size_t dn = px__utf8_decode_back(t, a->end, &last);
            px__utf8_decode_back(t, a->end - dn, &before);
            if (before != ' ')
                rep_n = 0;
        }
        ed_replace(&e, cut, b->text, rep, rep_n);
        (*n_joined)++;
    }
    if (*n_joined)
        ed_finish(&e);
    rc = PX_OK;
done:
    PX_VEC_FREE(lines);
    free(v.keys);
    return rc;
}
