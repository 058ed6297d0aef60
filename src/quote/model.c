/*
 * model.c - the learned cue detector and span-boundary rankers (see
 * model.h). The weights come from bench/quotes/train_model.py, trained
 * on the PolNeAR train split, as model_weights.inc; bench/quotes/qmodel.py
 * is this file's Python twin (the same features, hashed the same way),
 * and `train_model.py --check` compares the two on real text.
 *
 * For every word outside quotation marks that the rules take for no cue
 * and that was the last word of gold cues in train (the gate), the cue
 * detector scores four classes: no cue, or a cue whose content lies
 * after it, before it or around it. Where a content class beats "no cue"
 * by more than the threshold chosen by cross-validation on train, the
 * rankers pick the content's first and last token and the source's end
 * (or none) and start among candidate positions in the unit. A proposal
 * whose content overlaps a record of the rules, or an earlier proposal,
 * is dropped: the rules keep what they find.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

px__qm_trace_fn px__qm_trace = NULL;
void *px__qm_trace_user = NULL;
bool px__qm_disabled = false;

#include "model_weights.inc"

#define CUE_MASK ((1u << QM_CUE_BITS) - 1)
#define SPAN_MASK ((1u << QM_SPAN_BITS) - 1)
#define NO_SPAN (-2) /* no rule value */
#define NONE (-1)    /* the source ranker's "no source" */
#define MAX_CONTENT 50 /* tokens of a content after its cue, at most */
#define MAX_SOURCE 12  /* tokens of a source, at most */
#define SOURCE_GAP 8   /* tokens between a source's end and the cue's last word, at most */
#define QUOTE_NEAR 10  /* tokens from a cue to a quotation near it, at most */

enum qm_class {
    C_BOUND, C_DET, C_PRON, C_PREP, C_AUX, C_STOP, C_CAP, C_ED, C_ING, C_LY, C_S, C_W, C_NUM,
    C_COMMA, C_PERIOD, C_COLON, C_SEMI, C_LPAR, C_RPAR, C_PUNCT, C_QOPEN, C_QCLOSE, C_DASH,
    C_SYM, C_THAT, C_TO, C_WH
};

enum { T_AFTER = 1, T_BEFORE = 2, T_AROUND = 3 };

/* ---- hashing: qmodel.py fnv() and mix() ---- */

static uint32_t fnv(const unsigned char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

static uint32_t mix(uint32_t t, uint32_t a, uint32_t b)
{
    uint32_t h = (t * 0x9E3779B1u + a) * 0x85EBCA6Bu;
    h = (h ^ (h >> 15) ^ b) * 0xC2B2AE35u;
    return h ^ (h >> 16);
}

/* ---- the document ---- */

typedef struct qtok {
    uint32_t val; /* word hash, or the class's for other tokens (ensure) */
    uint8_t cls1;  /* 1 + enum qm_class, 0 until ensure() */
    uint8_t rcue1; /* 1 + the rules' cue type (QM_CUE_*), 0 until rule_cue() */
} qtok;


typedef struct qdoc {
    const px__qm_doc *v;
    const px_token *t;
    const char *text;
    uint32_t n;
    qtok *q;
    uint8_t *cov; /* per token: 0, 1 in a content of the rules, 2 in a cue */
    uint32_t bound; /* the value of a token outside the unit */
    uint32_t unit;   /* the unit of the candidate at hand ... */
    uint32_t ua, ub; /* ... and its tokens */
    uint32_t fns, lns; /* its first token that the scorer would not strip, one
                        * past its last (when edges_ready) */
    bool edges_ready;
} qdoc;

static bool strip_char(uint32_t cp)
{
    switch (cp) {
    case ' ': case '\t': case '\n': case '"': case '\'': case ',': case '.': case ':': case ';':
    case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: case 0x201E: case 0x2018: case 0x2019:
        return true;
    default:
        return false;
    }
}

static bool all_strip(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t l = px__utf8_decode(s + i, n - i, &cp);
        if (!l || !strip_char(cp))
            return false;
        i += l;
    }
    return true;
}

static bool is_word(const unsigned char *w, size_t n, const char *lit)
{
    return strlen(lit) == n && !memcmp(w, lit, n);
}

static bool ends2(const unsigned char *w, size_t n, char x, char y)
{
    return n >= 2 && w[n - 2] == x && w[n - 1] == y;
}

/* The class of a word of len bytes whose last n (all when len <= 7) are
 * w, lower-cased. */
static uint8_t word_class(const unsigned char *w, size_t n, size_t len, uint32_t lex,
                          uint16_t flags)
{
    switch (len) { /* "that", "to" and the wh-words, by length */
    case 2:
        if (is_word(w, n, "to"))
            return C_TO;
        if (is_word(w, n, "if"))
            return C_WH;
        break;
    case 3:
        if (is_word(w, n, "how") || is_word(w, n, "why") || is_word(w, n, "who"))
            return C_WH;
        break;
    case 4:
        if (is_word(w, n, "that"))
            return C_THAT;
        if (is_word(w, n, "what") || is_word(w, n, "when"))
            return C_WH;
        break;
    case 5:
        if (is_word(w, n, "where") || is_word(w, n, "which"))
            return C_WH;
        break;
    case 7:
        if (is_word(w, n, "whether"))
            return C_WH;
        break;
    default:
        break;
    }
    if (lex & LX_DET)
        return C_DET;
    if (lex & LX_PRON)
        return C_PRON;
    if (lex & LX_PREP)
        return C_PREP;
    if (lex & LX_AUX)
        return C_AUX;
    if (lex & LX_NPSTOP)
        return C_STOP;
    if (flags & PX_TF_CAP)
        return C_CAP;
    if (n && w[n - 1] == 's')
        return C_S;
    if (ends2(w, n, 'e', 'd'))
        return C_ED;
    if (ends2(w, n, 'n', 'g') && n >= 3 && w[n - 3] == 'i')
        return C_ING;
    if (ends2(w, n, 'l', 'y'))
        return C_LY;
    return C_W;
}

static uint8_t token_class(const qdoc *d, uint32_t j)
{
    const px_token *t = &d->t[j];
    const char *s = d->text + t->start;
    switch (t->kind) {
    case PX_TOK_NUMBER:
        return C_NUM;
    case PX_TOK_PUNCT:
        switch (s[0]) {
        case ',': return C_COMMA;
        case '.': case '?': case '!': return C_PERIOD;
        case ':': return C_COLON;
        case ';': return C_SEMI;
        case '(': return C_LPAR;
        case ')': return C_RPAR;
        default: return C_PUNCT;
        }
    case PX_TOK_QUOTE: {
        int32_t q = d->v->qs->tok_quote[j];
        return q >= 0 && (j == 0 || d->v->qs->tok_quote[j - 1] != q) ? C_QOPEN : C_QCLOSE;
    }
    case PX_TOK_DASH:
        return C_DASH;
    default:
        return C_SYM;
    }
}

static bool ly_word(const char *s, size_t len)
{
    return len >= 2 && (s[len - 2] | 32) == 'l' && (s[len - 1] | 32) == 'y';
}

/* Computes the value and class of token j, once. */
static void ensure(qdoc *d, uint32_t j)
{
    qtok *q = &d->q[j];
    if (q->cls1)
        return;
    const px_token *t = &d->t[j];
    if (t->kind == PX_TOK_WORD) {
        const char *s = d->text + t->start;
        size_t len = t->end - t->start;
        /* word_class needs the short words whole and the others' last
         * three letters, lower-cased */
        unsigned char low[8];
        size_t keep = len <= 7 ? len : 3, off = len - keep;
        uint32_t h = 2166136261u;
        for (size_t i = 0; i < len; i++) {
            unsigned char ch = (unsigned char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
            if (i >= off)
                low[i - off] = ch;
            h = (h ^ ch) * 16777619u;
        }
        q->val = h;
        q->cls1 = (uint8_t)(1 + word_class(low, keep, len, d->v->lex[j], t->flags));
    } else {
        uint8_t c = token_class(d, j);
        q->cls1 = (uint8_t)(1 + c);
        q->val = mix(51, c, 0);
    }
}

/* Would the scorer strip token j whole from a span's edge? A word or a
 * number has a letter or a digit: never. */
static bool strip_tok(const qdoc *d, uint32_t j)
{
    const px_token *t = &d->t[j];
    return t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER &&
           all_strip(d->text + t->start, t->end - t->start);
}

/* The unit of token i becomes the one at hand. quote_features numbers
 * units so that a token belongs to the first unit ending after it, the
 * last unit taking the rest; tokens come in increasing order. */
static void enter_unit(qdoc *d, uint32_t i)
{
    const px__qm_doc *v = d->v;
    if (i >= d->ua && i < d->ub)
        return;
    uint32_t u = d->unit;
    while (u + 1 < v->n_units && v->units[u].b <= i)
        u++;
    uint32_t a = u > 0 ? v->units[u - 1].b : 0;
    uint32_t b = u + 1 < v->n_units ? v->units[u].b : d->n;
    d->unit = u;
    d->ua = PX_MIN(a, i); /* units out of order: never from build_units */
    d->ub = PX_MAX(b, i + 1);
    d->edges_ready = false;
}

/* The unit's first and last tokens that the scorer would not strip. */
static void unit_edges(qdoc *d)
{
    if (d->edges_ready)
        return;
    d->fns = d->ub;
    d->lns = d->ua;
    for (uint32_t x = d->ua; x < d->ub; x++)
        if (!strip_tok(d, x)) {
            d->fns = PX_MIN(d->fns, x);
            d->lns = x + 1;
        }
    d->edges_ready = true;
}

/* Marks the tokens the records of the rules hold: 1 in a content, 2 in
 * a cue. */
static void mark_coverage(qdoc *d)
{
    const px__qm_doc *v = d->v;
    for (size_t r = 0; r < v->n_recs; r++)
        for (uint32_t j = v->recs[r].ca; j < v->recs[r].cb && j < d->n; j++)
            d->cov[j] = 1;
    for (size_t r = 0; r < v->n_recs; r++)
        for (uint32_t j = v->recs[r].va; j < v->recs[r].vb && j < d->n; j++)
            d->cov[j] = 2;
}

/* 0 when no record of the rules holds token j, 1 when a content does, 2
 * when a cue does. */
static uint8_t coverage(const qdoc *d, uint32_t j)
{
    return d->cov[j];
}

static uint32_t rule_cue(qdoc *d, uint32_t j)
{
    qtok *q = &d->q[j];
    if (!q->rcue1)
        q->rcue1 = (uint8_t)(1 + d->v->rule_cue(d->v->rule_ctx, j));
    return q->rcue1 - 1u;
}

static uint32_t val(qdoc *d, int64_t j, uint32_t a, uint32_t b)
{
    if (j < a || j >= b)
        return d->bound;
    ensure(d, (uint32_t)j);
    return d->q[j].val;
}

static uint32_t cls(qdoc *d, int64_t j, uint32_t a, uint32_t b)
{
    if (j < a || j >= b)
        return C_BOUND;
    ensure(d, (uint32_t)j);
    return d->q[j].cls1 - 1u;
}

static bool in_quote(const qdoc *d, uint32_t j)
{
    return d->v->qs->tok_quote[j] != PX__NO_QUOTE;
}

static bool is_person(const qdoc *d, uint32_t j)
{
    int32_t m = d->v->mn->tok_mention[j];
    return m >= 0 && d->v->mn->e.v[d->v->mn->m.v[m].entity].person;
}

/* qmodel.py subject_before */
static uint32_t subject_before(const qdoc *d, uint32_t i, uint32_t ua)
{
    int64_t lo = PX_MAX((int64_t)ua, (int64_t)i - 6);
    for (int64_t j = (int64_t)i - 1; j >= lo; j--) {
        if (in_quote(d, (uint32_t)j))
            break;
        if (is_person(d, (uint32_t)j))
            return (uint32_t)PX_MIN((int64_t)i - j, 3);
        if (d->v->lex[j] & LX_PERSPRON)
            return 3 + (uint32_t)PX_MIN((int64_t)i - j, 3);
    }
    return 0;
}

static uint32_t bucket(int64_t x)
{
    static const int lim[] = {0, 1, 2, 3, 5, 8, 12, 20, 30};
    for (uint32_t i = 0; i < PX_ARRAY_LEN(lim); i++)
        if (x <= lim[i])
            return i;
    return 9;
}

/* ---- the cue detector ---- */

/* qmodel.py stem(): the hash of the lower-case word w[0..n) without an
 * inflection */
static uint32_t stem_hash(const unsigned char *w, size_t n)
{
    if (n > 5 && w[n - 3] == 'i' && ends2(w, n, 'n', 'g'))
        n -= 3;
    else if (n > 4 && (ends2(w, n, 'e', 'd') || ends2(w, n, 'e', 's')))
        n -= 2;
    else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
        n -= 1;
    return fnv(w, n);
}

static bool possessive(const qdoc *d, uint32_t j)
{
    static const char *const pron[] = {"his", "her", "their", "its", "our", "my"};
    const px_token *t = &d->t[j];
    if (t->kind != PX_TOK_WORD)
        return false;
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    if ((n >= 2 && s[n - 2] == '\'' && (s[n - 1] | 32) == 's') ||
        (n >= 4 && !memcmp(s + n - 4, "\xe2\x80\x99", 3) && (s[n - 1] | 32) == 's'))
        return true;
    if (n < 2 || n > 5)
        return false;
    for (size_t i = 0; i < PX_ARRAY_LEN(pron); i++)
        if (px__str_ieq_ascii((px_str){s, n}, pron[i]))
            return true;
    return false;
}

/* qmodel.py verb_group_start() */
static int64_t verb_group_start(const qdoc *d, uint32_t i, uint32_t a)
{
    int64_t lo = PX_MAX((int64_t)a, (int64_t)i - 4);
    for (int64_t j = (int64_t)i - 1; j >= lo; j--) {
        const px_token *t = &d->t[j];
        const char *s = d->text + t->start;
        size_t n = t->end - t->start;
        if (!(t->kind == PX_TOK_WORD && ((d->v->lex[j] & LX_AUX) || ly_word(s, n) ||
                                          px__str_ieq_ascii((px_str){s, n}, "not"))))
            return j;
    }
    return -1;
}

#define MAX_FEATS 48
#define CUE_BITS_MASK (LX_VERB | LX_THAT | LX_WEAK | LX_PART | LX_PREPV | LX_STAT | LX_NOUNP)

static size_t cue_features(qdoc *d, uint32_t i, uint32_t *f)
{
    uint32_t a = d->ua, b = d->ub, cov = coverage(d, i);
    const px_token *t = &d->t[i];
    int64_t x = i;
    uint32_t w0 = val(d, x, a, b);
    uint32_t wm1 = val(d, x - 1, a, b), wp1 = val(d, x + 1, a, b);
    uint32_t wm2 = val(d, x - 2, a, b), wp2 = val(d, x + 2, a, b);
    uint32_t cm1 = cls(d, x - 1, a, b), cp1 = cls(d, x + 1, a, b);
    uint32_t cm2 = cls(d, x - 2, a, b), cp2 = cls(d, x + 2, a, b);
    uint32_t rm1 = i >= a + 1 ? rule_cue(d, i - 1) : 9;
    uint32_t rp1 = i + 1 < b ? rule_cue(d, i + 1) : 9;
    uint32_t subj = subject_before(d, i, a);
    uint32_t lex = d->v->lex[i];
    size_t len = t->end - t->start;
    const char *s = d->text + t->start;
    unsigned char low[3];
    size_t n3 = PX_MIN(len, 3), n2 = PX_MIN(len, 2);
    for (size_t k = 0; k < n3; k++) {
        char ch = s[len - n3 + k];
        low[k] = (unsigned char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    size_t n = 0;
    f[n++] = mix(1, 0, 0);
    f[n++] = mix(2, w0, 0);
    f[n++] = mix(3, wm1, 0);
    f[n++] = mix(4, wp1, 0);
    f[n++] = mix(5, wm2, 0);
    f[n++] = mix(6, wp2, 0);
    f[n++] = mix(7, wm1, w0);
    f[n++] = mix(8, w0, wp1);
    f[n++] = mix(9, cm1, 0);
    f[n++] = mix(10, cp1, 0);
    f[n++] = mix(11, cm2, cm1);
    f[n++] = mix(12, cp1, cp2);
    f[n++] = mix(13, w0, cp1);
    f[n++] = mix(14, cm1, w0);
    f[n++] = mix(15, fnv(low, n3), 0);
    f[n++] = mix(16, fnv(low + n3 - n2, n2), 0);
    f[n++] = mix(17, t->flags & 3u, 0);
    f[n++] = mix(18, rule_cue(d, i), 0);
    f[n++] = mix(19, rm1, 0);
    f[n++] = mix(20, rp1, 0);
    f[n++] = mix(21, lex & CUE_BITS_MASK, 0);
    f[n++] = mix(22, ((lex >> 16) & 0x3FFu) / 100, 0);
    f[n++] = mix(23, PX_MIN(i - a, 6u), 0);
    f[n++] = mix(24, subj, 0);
    f[n++] = mix(25, subj, w0);
    f[n++] = mix(26, cov, 0);
    f[n++] = mix(27, cov, cp1);
    f[n++] = mix(28, w0, cp1 * 32 + cp2);
    f[n++] = mix(29, PX_MIN(b - i, 8u), 0);
    f[n++] = mix(30, cm1, cp1);
    unsigned char lw[64];
    size_t nl = PX_MIN(len, sizeof(lw));
    for (size_t k = 0; k < nl; k++)
        lw[k] = (unsigned char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    int64_t pv = verb_group_start(d, i, a);
    uint32_t cpv = pv >= 0 ? cls(d, pv, a, b) : C_BOUND;
    f[n++] = mix(31, len <= sizeof(lw) ? stem_hash(lw, nl) : 0, 0);
    f[n++] = mix(32, cpv, 0);
    f[n++] = mix(33, cpv, w0);
    f[n++] = mix(34, i >= a + 1 && possessive(d, i - 1), 0);
    /* WordNet: the classes of the word's senses, its frames and
     * inflection, with the token after it and the class of the word
     * after it */
    uint32_t wn = d->v->wn[i], wp = i + 1 < b ? d->v->wn[i + 1] : 0;
    f[n++] = mix(35, wn & 0xFFu, 0);
    f[n++] = mix(36, (wn >> 8) & 0x3Fu, 0);
    f[n++] = mix(37, wn & 0x3FFFu, cp1);
    f[n++] = mix(38, wn & 0xFu, (wn >> 8) & 0x3Fu);
    f[n++] = mix(39, (wn >> 4) & 0xFu, wp1);
    f[n++] = mix(40, wn & 0xFFu, wp & 0xFFu);
    /* a quotation opening shortly after the word, or closing shortly
     * before it: the speaker's words nearby ("pounding Trump as a “con
     * artist”") */
    const int32_t *tq = d->v->qs->tok_quote;
    uint32_t qa = 0, qb = 0;
    for (uint32_t j = i + 1; j < b && j <= i + QUOTE_NEAR; j++)
        if (tq[j] >= 0 && tq[j] != tq[j - 1]) {
            qa = j - i;
            break;
        }
    for (int64_t j = (int64_t)i - 1; j >= (int64_t)a && j >= (int64_t)i - QUOTE_NEAR; j--)
        if (tq[j] >= 0) {
            qb = (uint32_t)(i - j);
            break;
        }
    f[n++] = mix(41, qa, 0);
    f[n++] = mix(42, qb, 0);
    f[n++] = mix(43, PX_MIN(qa, 4u), wn & 0xFu);
    f[n++] = mix(44, PX_MIN(qa, 4u), w0);
    assert(n <= MAX_FEATS);
    return n;
}

/* qmodel.py cue_candidate: a word of the gate (LX_MODEL), or with
 * QM_WIDEN any word of speech or thought, outside quotation marks and
 * the rules' cues. */
static bool cue_candidate(qdoc *d, uint32_t i)
{
    if (!((d->v->lex[i] & LX_MODEL) || (QM_WIDEN && (d->v->wn[i] & QM_WN_SPEECH))) ||
        d->t[i].kind != PX_TOK_WORD || in_quote(d, i) || coverage(d, i) == 2)
        return false;
    enter_unit(d, i);
    return true;
}

/* ---- span rankers (qmodel.py: *_cands, *_features) ---- */

typedef struct span_ctx {
    qdoc *d;
    uint32_t k, typ;
    int64_t s, e;       /* the other boundary, when known */
    int64_t rule;       /* the rules' value of this boundary, or NO_SPAN */
    /* content_end_features: commas and cues of the rules in [lo, upto) */
    int64_t lo, upto;
    uint32_t commas, cues;
} span_ctx;

typedef size_t (*feat_fn)(span_ctx *c, int64_t x, uint32_t *f);

static size_t content_start_features(span_ctx *c, int64_t s, uint32_t *f)
{
    qdoc *d = c->d;
    uint32_t k = c->k, a = d->ua, b = d->ub;
    uint32_t w0 = val(d, k, a, b);
    uint32_t vs = val(d, s, a, b), vm1 = val(d, s - 1, a, b);
    uint32_t cs = cls(d, s, a, b), cm1 = cls(d, s - 1, a, b), cm2 = cls(d, s - 2, a, b);
    uint32_t dist = bucket(s < k ? (int64_t)k - s : s - k);
    unit_edges(d);
    uint32_t at_start = s <= d->fns;
    uint32_t t0 = 100 + c->typ * 20, r = s == c->rule;
    size_t n = 0;
    f[n++] = mix(t0, 0, 0);
    f[n++] = mix(t0 + 1, vs, 0);
    f[n++] = mix(t0 + 2, vm1, 0);
    f[n++] = mix(t0 + 3, cs, 0);
    f[n++] = mix(t0 + 4, cm1, cs);
    f[n++] = mix(t0 + 5, cm2, cm1);
    f[n++] = mix(t0 + 6, dist, 0);
    f[n++] = mix(t0 + 7, w0, dist);
    f[n++] = mix(t0 + 8, w0, vs);
    f[n++] = mix(t0 + 9, at_start, 0);
    f[n++] = mix(t0 + 10, r, 0);
    f[n++] = mix(t0 + 11, r, cs);
    f[n++] = mix(t0 + 12, cm1, dist);
    f[n++] = mix(t0 + 13, vm1, cs);
    return n;
}

static size_t content_end_features(span_ctx *c, int64_t e, uint32_t *f)
{
    qdoc *d = c->d;
    uint32_t k = c->k, a = d->ua, b = d->ub;
    uint32_t vl = val(d, e - 1, a, b), vn = val(d, e, a, b), vn2 = val(d, e + 1, a, b);
    uint32_t cl = cls(d, e - 1, a, b), cn = cls(d, e, a, b), cn2 = cls(d, e + 1, a, b);
    int64_t lo = c->typ == T_BEFORE ? e : PX_MAX(c->s, (int64_t)k + 1);
    int64_t hi = c->typ == T_BEFORE ? (int64_t)k : e;
    if (c->lo != lo || c->upto > hi) /* the candidates come in order: go on counting */
        c->lo = c->upto = lo, c->commas = c->cues = 0;
    for (int64_t j = c->upto; j < hi; j++) {
        c->commas += cls(d, j, a, b) == C_COMMA;
        c->cues += rule_cue(d, (uint32_t)j) != QM_CUE_NONE;
    }
    c->upto = PX_MAX(c->upto, hi);
    uint32_t commas = c->commas, cues = c->cues;
    unit_edges(d);
    uint32_t at_end = e >= d->lns;
    uint32_t dist = bucket(e > k ? e - k : (int64_t)k - e);
    uint32_t t0 = 200 + c->typ * 30, r = e == c->rule;
    uint32_t cm = PX_MIN(commas, 3u);
    size_t n = 0;
    f[n++] = mix(t0, 0, 0);
    f[n++] = mix(t0 + 1, vl, 0);
    f[n++] = mix(t0 + 2, cl, 0);
    f[n++] = mix(t0 + 3, vn, 0);
    f[n++] = mix(t0 + 4, cn, 0);
    f[n++] = mix(t0 + 5, cl, cn);
    f[n++] = mix(t0 + 6, cn2, 0);
    f[n++] = mix(t0 + 7, cn, vn2);
    f[n++] = mix(t0 + 8, cn, cn2);
    f[n++] = mix(t0 + 9, dist, 0);
    f[n++] = mix(t0 + 10, cm, 0);
    f[n++] = mix(t0 + 11, PX_MIN(cues, 2u), 0);
    f[n++] = mix(t0 + 12, cn, cm);
    f[n++] = mix(t0 + 13, in_quote(d, (uint32_t)(e - 1)), 0);
    f[n++] = mix(t0 + 14, r, 0);
    f[n++] = mix(t0 + 15, r, cn);
    f[n++] = mix(t0 + 16, at_end, 0);
    f[n++] = mix(t0 + 17, val(d, k, a, b), cn);
    f[n++] = mix(t0 + 18, at_end, dist);
    return n;
}

static size_t source_end_features(span_ctx *c, int64_t e, uint32_t *f)
{
    qdoc *d = c->d;
    uint32_t k = c->k, a = d->ua, b = d->ub;
    uint32_t t0 = 400;
    size_t n = 0;
    if (e == NONE) {
        f[n++] = mix(t0 + 20, 0, 0);
        f[n++] = mix(t0 + 21, val(d, k, a, b), 0);
        f[n++] = mix(t0 + 22, c->typ, 0);
        f[n++] = mix(t0 + 23, subject_before(d, k, a), 0);
        f[n++] = mix(t0 + 24, c->rule == NONE, 0);
        return n;
    }
    uint32_t vl = val(d, e - 1, a, b), vn = val(d, e, a, b);
    uint32_t cl = cls(d, e - 1, a, b), cn = cls(d, e, a, b), cm = cls(d, e - 2, a, b);
    uint32_t between = 0;
    for (int64_t j = e; j < k; j++) {
        const px_token *t = &d->t[j];
        between += !(d->v->lex[j] & LX_AUX) && !ly_word(d->text + t->start, t->end - t->start);
    }
    uint32_t bt = PX_MIN(between, 4u), r = e == c->rule;
    f[n++] = mix(t0, 0, 0);
    f[n++] = mix(t0 + 1, vl, 0);
    f[n++] = mix(t0 + 2, cl, 0);
    f[n++] = mix(t0 + 3, vn, 0);
    f[n++] = mix(t0 + 4, cn, 0);
    f[n++] = mix(t0 + 5, cl, cn);
    f[n++] = mix(t0 + 6, cm, cl);
    f[n++] = mix(t0 + 7, bucket((int64_t)k - e), 0);
    f[n++] = mix(t0 + 8, bt, 0);
    f[n++] = mix(t0 + 9, is_person(d, (uint32_t)(e - 1)), 0);
    f[n++] = mix(t0 + 10, r, 0);
    f[n++] = mix(t0 + 11, r, cl);
    f[n++] = mix(t0 + 12, c->typ, bucket((int64_t)k - e));
    f[n++] = mix(t0 + 13, val(d, k, a, b), bt);
    return n;
}

static size_t source_start_features(span_ctx *c, int64_t s, uint32_t *f)
{
    qdoc *d = c->d;
    uint32_t a = d->ua, b = d->ub;
    int64_t e = c->e;
    uint32_t vs = val(d, s, a, b), vm1 = val(d, s - 1, a, b);
    uint32_t cs = cls(d, s, a, b), cm1 = cls(d, s - 1, a, b), cm2 = cls(d, s - 2, a, b);
    uint32_t commas = 0;
    for (int64_t j = s; j < e; j++)
        commas += cls(d, j, a, b) == C_COMMA;
    const int32_t *tm = d->v->mn->tok_mention;
    uint32_t mstart = tm[s] >= 0 && (s == 0 || tm[s - 1] != tm[s]);
    uint32_t t0 = 500, r = s == c->rule;
    size_t n = 0;
    f[n++] = mix(t0, 0, 0);
    f[n++] = mix(t0 + 1, vs, 0);
    f[n++] = mix(t0 + 2, vm1, 0);
    f[n++] = mix(t0 + 3, cs, 0);
    f[n++] = mix(t0 + 4, cm1, cs);
    f[n++] = mix(t0 + 5, cm2, cm1);
    f[n++] = mix(t0 + 6, bucket(e - s), 0);
    f[n++] = mix(t0 + 7, PX_MIN(commas, 2u), 0);
    f[n++] = mix(t0 + 8, mstart, 0);
    f[n++] = mix(t0 + 9, r, 0);
    f[n++] = mix(t0 + 10, r, cs);
    f[n++] = mix(t0 + 11, cls(d, e - 1, a, b), bucket(e - s));
    f[n++] = mix(t0 + 12, s == a, 0);
    return n;
}

/* The candidate that fn scores best, the first of equals: NONE first when
 * with_none, then the tokens of [lo, hi) that keep accepts, then c->rule
 * when it is none of these, lies in [elo, ehi) and keep accepts it (the
 * rules' own value stays a candidate). NO_SPAN when there is none.
 * *margin becomes the best score's margin over the second best when it
 * is smaller (qmodel.py Model.pick). */
typedef bool (*keep_fn)(span_ctx *c, int64_t x);

#define MARGIN_ONE (1 << 30) /* the margin of a boundary with one candidate */

static int64_t pick(span_ctx *c, int64_t lo, int64_t hi, int64_t elo, int64_t ehi,
                    bool with_none, keep_fn keep, feat_fn fn, int32_t *margin)
{
    uint32_t f[MAX_FEATS];
    int64_t best = NO_SPAN, rule = c->rule;
    int32_t best_s = 0, second_s = 0;
    bool two = false;
    bool extra = rule >= 0 && (rule < lo || rule >= hi) && rule >= elo && rule < ehi &&
                 keep(c, rule);
    int64_t x = with_none ? NONE : lo;
    for (;;) {
        if (x >= hi && x != NONE) {
            if (!extra)
                break;
            x = rule;
            extra = false;
        } else if (x != NONE && !keep(c, x)) {
            x++;
            continue;
        }
        size_t n = fn(c, x, f);
        int32_t s = 0;
        for (size_t i = 0; i < n; i++)
            s += qm_span_w[f[i] & SPAN_MASK];
        if (best == NO_SPAN) {
            best = x, best_s = s;
        } else if (s > best_s) {
            second_s = best_s, two = true;
            best = x, best_s = s;
        } else if (!two || s > second_s) {
            second_s = s, two = true;
        }
        if (x == rule && x >= 0 && (x < lo || x >= hi))
            break;
        x = x == NONE ? lo : x + 1;
    }
    if (two && best_s - second_s < *margin)
        *margin = best_s - second_s;
    return best;
}

static bool keep_content_start(span_ctx *c, int64_t s)
{
    return (c->typ != T_BEFORE || s < c->e) && !strip_tok(c->d, (uint32_t)s);
}

/* After a content: punctuation, a function word or the unit's end
 * (qmodel.py END_NEXT). */
static bool end_next(uint32_t cls)
{
    switch (cls) {
    case C_BOUND: case C_COMMA: case C_PERIOD: case C_COLON: case C_SEMI: case C_LPAR:
    case C_RPAR: case C_PUNCT: case C_QOPEN: case C_QCLOSE: case C_DASH: case C_PREP:
    case C_STOP: case C_THAT: case C_TO: case C_WH: case C_AUX:
        return true;
    default:
        return false;
    }
}

static bool keep_content_end(span_ctx *c, int64_t e)
{
    qdoc *d = c->d;
    return end_next(cls(d, e, d->ua, d->ub)) && !strip_tok(d, (uint32_t)(e - 1));
}

static bool keep_source(span_ctx *c, int64_t x)
{
    return !in_quote(c->d, (uint32_t)x) && !strip_tok(c->d, (uint32_t)x);
}

static bool keep_source_end(span_ctx *c, int64_t e)
{
    return keep_source(c, e - 1);
}

static bool overlaps(const px__qm_rec *v, size_t n, uint32_t a, uint32_t b)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].ca < b && a < v[i].cb)
            return true;
    return false;
}

/* The content and source of a cue ending at token k whose content is of
 * type typ (qmodel.py Model.decode). False when there is none, or when
 * only_free and the content would overlap a record of the rules or one
 * of taken[0..n_taken) (the proposals so far), which the caller would
 * drop: known as soon as a boundary falls in a record of the rules, the
 * source is not looked for. */
static bool decode(qdoc *d, uint32_t k, uint32_t typ, const int64_t rule[4], bool only_free,
                   const px__qm_rec *taken, size_t n_taken, px__qm_rec *r)
{
    int64_t a = d->ua, b = d->ub, s, e;
    int32_t margin = MARGIN_ONE, unused = MARGIN_ONE;
    span_ctx c = {d, k, typ, -1, -1, rule[0], -1, -1, 0, 0};
    if (typ == T_BEFORE) {
        c.rule = rule[1];
        e = pick(&c, PX_MAX(a, (int64_t)k - 60) + 1, (int64_t)k + 1, a + 1, (int64_t)k + 1, false,
                 keep_content_end, content_end_features, &margin);
        if (e == NO_SPAN || (only_free && coverage(d, (uint32_t)(e - 1))))
            return false;
        c.e = e;
        c.rule = rule[0];
        s = pick(&c, PX_MAX(a, (int64_t)k - 60), k, a, b, false, keep_content_start,
                 content_start_features, &margin);
        if (s == NO_SPAN)
            return false;
    } else {
        if (typ == T_AFTER)
            s = pick(&c, (int64_t)k + 1, PX_MIN((int64_t)k + 8, b), a, b, false,
                     keep_content_start, content_start_features, &margin);
        else
            s = pick(&c, PX_MAX(a, (int64_t)k - 60), k, a, b, false, keep_content_start,
                     content_start_features, &margin);
        if (s == NO_SPAN || (only_free && coverage(d, (uint32_t)s)))
            return false;
        c.s = s;
        c.rule = rule[1];
        e = pick(&c, PX_MAX(s, (int64_t)k + 1) + 1, PX_MIN(b, s + MAX_CONTENT) + 1, s + 1, b + 1, false,
                 keep_content_end, content_end_features, &margin);
        if (e == NO_SPAN)
            return false;
    }
    /* boundaries that barely beat their runners-up are often wrong */
    if (only_free && margin <= QM_SPAN_MIN)
        return false;
    /* the cue takes in the preposition the content follows ("criticism
     * of") */
    uint32_t vb = k + 1;
    if (typ == T_AFTER && s == (int64_t)k + 2) {
        uint32_t cl = cls(d, k + 1, d->ua, d->ub);
        if (cl == C_PREP || cl == C_TO || (d->v->lex[k + 1] & LX_NPSTOP))
            vb = k + 2;
    }
    *r = (px__qm_rec){(uint32_t)s, (uint32_t)e, 0, 0, k, vb, false};
    if (only_free && (overlaps(d->v->recs, d->v->n_recs, r->ca, r->cb) ||
                      overlaps(taken, n_taken, r->ca, r->cb)))
        return false;
    if (typ == T_AROUND)
        return true;
    int64_t lo = PX_MAX(a + 1, (typ == T_BEFORE ? e : -1) + 1);
    span_ctx sc = {d, k, typ, -1, -1, rule[2], -1, -1, 0, 0};
    int64_t se = pick(&sc, PX_MAX(lo, (int64_t)k - SOURCE_GAP), (int64_t)k + 1, lo, (int64_t)k + 1, true,
                      keep_source_end, source_end_features, &unused);
    if (se == NONE || se == NO_SPAN)
        return true;
    sc.e = se;
    sc.rule = rule[3];
    int64_t ss = pick(&sc, PX_MAX(a, se - MAX_SOURCE), se, a, se, false, keep_source,
                      source_start_features, &unused);
    if (ss != NO_SPAN)
        r->sa = (uint32_t)ss, r->sb = (uint32_t)se;
    return true;
}

int px__qm_propose(const px__qm_doc *v, px__qm_rec **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    if (px__qm_disabled)
        return PX_OK;
    qdoc d = {v, v->doc->toks, v->doc->text, (uint32_t)v->doc->n_toks, NULL, NULL,
              mix(51, C_BOUND, 0), 0, 0, 0, 0, 0, false};
    PX_VEC(px__qm_rec) props = {0};
    int rc = PX_ENOMEM;
    uint32_t f[MAX_FEATS];
    d.q = px__calloc(d.n + 1, sizeof(*d.q)); /* nothing computed yet */
    d.cov = px__calloc(d.n + 1, 1);
    if (!d.q || !d.cov)
        goto done;
    mark_coverage(&d);
    for (uint32_t i = 0; i < d.n; i++) {
        if (!cue_candidate(&d, i))
            continue;
        size_t nf = cue_features(&d, i, f);
        int32_t s[4] = {0, 0, 0, 0};
        for (size_t x = 0; x < nf; x++) {
            const int16_t *w = &qm_cue_w[(size_t)(f[x] & CUE_MASK) * 4];
            s[0] += w[0], s[1] += w[1], s[2] += w[2], s[3] += w[3];
        }
        uint32_t typ = 1;
        for (uint32_t c = 2; c <= 3; c++)
            if (s[c] > s[typ])
                typ = c;
        if (s[typ] - s[0] <= QM_THETA)
            continue;
        px__qm_rec r;
        static const int64_t no_rule[4] = {NO_SPAN, NO_SPAN, NO_SPAN, NO_SPAN};
        if (!decode(&d, i, typ, no_rule, true, props.v, props.n, &r))
            continue;
        if (!PX_VEC_PUSH(props, r))
            goto done;
    }
    *out = props.v;
    *n_out = props.n;
    props.v = NULL;
    rc = PX_OK;
done:
    PX_VEC_FREE(props);
    free(d.q);
    free(d.cov);
    return rc;
}
