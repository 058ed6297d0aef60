/*
 * quotes.c - the same statement as each outlet quotes it. Quotations are
 * grouped when they share runs of three words (or a short one lies inside
 * a longer one) and their speakers agree; each outlet's wording is then
 * diffed word by word against the fullest version and every difference
 * classified: case changed, spelling variant (diacritics, Türkiye and
 * Turkey, U.S. and US, "Cease Fire" and "ceasefire", "II" and "ll"), word
 * substituted, words left out or added, sentences reordered, truncated.
 * Words are compared through px__fold_typography, so ’ against ' is never
 * a change of words. Quotations split by "he said" or printed as several
 * quotations by one outlet are joined into that outlet's version first.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

/* ---- words ---- */

static uint64_t hash_buf(const px_buf *b, uint64_t seed)
{
    return px__hash(b->ptr, b->len, seed);
}

int px__quote_words(px_arena *arena, const char *text, size_t start, size_t end,
                    uint32_t *sent, px__qword_vec *out)
{
    px_token_vec toks = {0};
    int rc = px__tokenize(text, start, end, &toks);
    if (rc) {
        PX_VEC_FREE(toks);
        return rc;
    }
    px_buf b = PX_BUF_INIT;
    bool pending_break = false;
    for (size_t i = 0; i < toks.n && !rc; i++) {
        const px_token *t = &toks.v[i];
        if (t->kind == PX_TOK_PUNCT) {
            uint32_t cp;
            px__utf8_decode(text + t->start, t->end - t->start, &cp);
            if (px__is_terminal(cp))
                pending_break = true;
            continue;
        }
        if (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER)
            continue;
        if (pending_break && out->n) {
            (*sent)++;
            pending_break = false;
        }
        pending_break = false;
        px__qword w;
        memset(&w, 0, sizeof w);
        w.s = text + t->start;
        w.len = t->end - t->start;
        w.doc_off = t->start;
        w.sent = *sent;
        px_buf_clear(&b);
        px__fold_typography(&b, w.s, w.len, false);
        w.h_exact = hash_buf(&b, 1);
        px_buf_clear(&b);
        px__fold_typography(&b, w.s, w.len, true);
        w.h_case = hash_buf(&b, 2);
        px_buf_clear(&b);
        long num;
        if (px__number_word(w.s, w.len, &num)) {
            px_buf_printf(&b, "%ld", num);
        } else if (t->kind == PX_TOK_NUMBER) {
            for (size_t k = 0; k < w.len; k++)
                if (w.s[k] != ',')
                    px_buf_putc(&b, w.s[k]);
        } else {
            px__word_key(&b, w.s, w.len);
            if (!b.len)
                px__fold_typography(&b, w.s, w.len, true);
        }
        w.h_key = hash_buf(&b, 3);
        w.key = px_arena_strndup(arena, b.ptr, b.len);
        if (!w.key || !PX_VEC_PUSH(*out, w))
            rc = PX_ENOMEM;
    }
    if (pending_break && out->n)
        (*sent)++;
    if (b.oom)
        rc = PX_ENOMEM;
    px_buf_release(&b);
    PX_VEC_FREE(toks);
    return rc;
}

/* ---- word change classes ---- */

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t sub = prev + (a[i - 1] != b[j - 1]);
            size_t v = PX_MIN(row[j] + 1, row[j - 1] + 1);
            row[j] = PX_MIN(v, sub);
            prev = cur;
        }
    }
    return row[lb];
}

/* Letters that look alike in print: "World War ll" for "II". */
static void confusable_fold(char *dst, size_t cap, const char *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++) {
        char c = s[i];
        dst[i] = c == 'l' || c == '1' ? 'i' : c == '0' ? 'o' : c;
    }
    dst[i] = 0;
}

px_variant_kind px__word_change_kind(const px__qword *a, const px__qword *b)
{
    if (a->h_case == b->h_case)
        return PX_VARIANT_CASE;
    if (a->h_key == b->h_key)
        return PX_VARIANT_SPELLING;
    int ga = px__place_lookup(a->s, a->len, NULL, NULL);
    if (ga >= 0 && ga == px__place_lookup(b->s, b->len, NULL, NULL))
        return PX_VARIANT_SPELLING; /* Türkiye, Turkey */
    char ca[72], cb[72];
    confusable_fold(ca, sizeof ca, a->key);
    confusable_fold(cb, sizeof cb, b->key);
    if (!strcmp(ca, cb))
        return PX_VARIANT_SPELLING;
    size_t la = strlen(a->key), lb = strlen(b->key);
    /* a plural or another ending is another word form, not a spelling */
    size_t shorter = PX_MIN(la, lb);
    if (shorter >= 3 && !strncmp(a->key, b->key, shorter) && PX_MAX(la, lb) - shorter <= 2)
        return PX_VARIANT_SUBSTITUTED;
    if (shorter >= 5 && edit_distance(a->key, b->key) <= 1)
        return PX_VARIANT_SPELLING; /* defence/defense, judgement/judgment */
    return PX_VARIANT_SUBSTITUTED;
}

/* ---- the diff ---- */

/* A diff operation with the words it covers on each side (first, last;
 * NULL for none), so that a finding quotes its words with the
 * punctuation between them. */
typedef struct op_t {
    px_diff_word w;
    const px__qword *f0, *f1, *h0, *h1;
} op_t;
typedef PX_VEC(op_t) op_vec;

/* True when b follows a in the same text with only a few marks of
 * punctuation and spaces between them (", ", ". ", " - "). */
static bool gap_is_punct(const px__qword *a, const px__qword *b)
{
    const char *g = a->s + a->len;
    uintptr_t from = (uintptr_t)g, to = (uintptr_t)b->s;
    if (to <= from || to - from > 6)
        return false;
    for (; g < b->s; g++) {
        unsigned char ch = (unsigned char)*g;
        if (ch == '\n' || (ch < 0x80 && isalnum(ch)))
            return false;
    }
    return true;
}

static char *join_words(px_arena *arena, const px__qword *w, size_t from, size_t to,
                        const size_t *perm)
{
    px_buf b = PX_BUF_INIT;
    for (size_t k = from; k < to; k++) {
        const px__qword *x = &w[perm ? perm[k] : k];
        if (k > from) {
            /* neighbours in the text keep the punctuation between them */
            const px__qword *p = &w[perm ? perm[k - 1] : k - 1];
            if (!gap_is_punct(p, x))
                px_buf_putc(&b, ' ');
            else
                px_buf_put(&b, p->s + p->len, (size_t)(x->s - (p->s + p->len)));
        }
        px_buf_put(&b, x->s, x->len);
    }
    char *s = b.oom ? NULL : px_arena_strndup(arena, b.ptr, b.len);
    px_buf_release(&b);
    return s;
}

static bool push_op(op_vec *ops, px_diff_op op, const char *full, const char *here,
                    px_variant_kind kind, const px__qword *f0, const px__qword *f1,
                    const px__qword *h0, const px__qword *h1)
{
    op_t d = {{op, full, here, kind, NULL}, f0, f1, h0, h1};
    return PX_VEC_PUSH(*ops, d);
}

/* Appends the words of one side of an operation to b: after the space or
 * the punctuation that separates them from the previous operation's. */
static void put_side(px_buf *b, const char *words, const px__qword **last,
                     const px__qword *first_here, const px__qword *last_here)
{
    if (!words)
        return;
    if (b->len) {
        if (*last && first_here && gap_is_punct(*last, first_here))
            px_buf_put(b, (*last)->s + (*last)->len,
                       (size_t)(first_here->s - ((*last)->s + (*last)->len)));
        else
            px_buf_putc(b, ' ');
    }
    px_buf_puts(b, words);
    *last = last_here;
}

/* Classifies a run of deleted full words [i0, i1) against inserted here
 * words [j0, j1) (indices into here through perm). */
static int diff_hunk(px_arena *arena, op_vec *ops, const px__qword *full, size_t i0, size_t i1,
                     const px__qword *here, const size_t *perm, size_t j0, size_t j1,
                     bool leading, bool trailing)
{
    size_t nd = i1 - i0, ni = j1 - j0;
    if (!nd && !ni)
        return 0;
    if (nd && ni) {
        /* "Cease Fire" against "ceasefire": the same letters */
        px_buf a = PX_BUF_INIT, b = PX_BUF_INIT;
        for (size_t k = i0; k < i1; k++)
            px_buf_puts(&a, full[k].key);
        for (size_t k = j0; k < j1; k++)
            px_buf_puts(&b, here[perm[k]].key);
        bool same = !a.oom && !b.oom && !strcmp(a.ptr, b.ptr);
        px_buf_release(&a);
        px_buf_release(&b);
        if (same && (nd > 1 || ni > 1)) {
            char *fs = join_words(arena, full, i0, i1, NULL);
            char *hs = join_words(arena, here, j0, j1, perm);
            if (!fs || !hs ||
                !push_op(ops, PX_DIFF_CHANGE, fs, hs, PX_VARIANT_SPELLING, &full[i0], &full[i1 - 1],
                         &here[perm[j0]], &here[perm[j1 - 1]]))
                return PX_ENOMEM;
            return 0;
        }
    }
    size_t pairs = PX_MIN(nd, ni);
    /* the words that pair up are substituted (or respelt); when the runs
     * differ in length the rest is left out or added. Pair from the end
     * when the hunk closes the quotation so leading extras stay extras. */
    size_t di = i0, hj = j0;
    (void)leading;
    for (size_t k = 0; k < pairs; k++, di++, hj++) {
        const px__qword *a = &full[di], *b = &here[perm[hj]];
        px_variant_kind kind = px__word_change_kind(a, b);
        char *fs = px_arena_strndup(arena, a->s, a->len);
        char *hs = px_arena_strndup(arena, b->s, b->len);
        if (!fs || !hs || !push_op(ops, PX_DIFF_CHANGE, fs, hs, kind, a, a, b, b))
            return PX_ENOMEM;
    }
    for (; di < i1; di++) {
        char *fs = px_arena_strndup(arena, full[di].s, full[di].len);
        if (!fs || !push_op(ops, PX_DIFF_DEL, fs, NULL,
                            trailing && !ni ? PX_VARIANT_TRUNCATED : PX_VARIANT_OMITTED,
                            &full[di], &full[di], NULL, NULL))
            return PX_ENOMEM;
    }
    for (; hj < j1; hj++) {
        const px__qword *b = &here[perm[hj]];
        char *hs = px_arena_strndup(arena, b->s, b->len);
        if (!hs || !push_op(ops, PX_DIFF_INS, NULL, hs, PX_VARIANT_ADDED, NULL, NULL, b, b))
            return PX_ENOMEM;
    }
    return 0;
}

typedef struct sent_map {
    uint32_t sent;  /* sentence number in here */
    size_t first;   /* first word index */
    size_t n;
    ptrdiff_t to;   /* full sentence it matches, -1 */
    size_t order;   /* sort key */
} sent_map;

static int cmp_sent_order(const void *a, const void *b)
{
    const sent_map *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

int px__quote_diff(px_arena *arena, const px__qword *full, size_t n_full, const px__qword *here,
                   size_t n_here, px_diff_word **ops_out, size_t *n_ops, px_variant **var_out,
                   size_t *n_var)
{
    int rc = 0;
    op_vec ops = {0};
    PX_VEC(sent_map) sm = {0};
    PX_VEC(px_variant) vars = {0};
    size_t *perm = NULL;
    uint32_t *dp = NULL;
    *ops_out = NULL;
    *n_ops = 0;
    *var_out = NULL;
    *n_var = 0;
    /* cap the work: quotations longer than this are compared in part */
    const size_t cap = 3000;
    if (n_full > cap)
        n_full = cap;
    if (n_here > cap)
        n_here = cap;

    /* 1. the sentences of here and the full sentence each matches */
    for (size_t k = 0; k < n_here;) {
        size_t e = k;
        while (e < n_here && here[e].sent == here[k].sent)
            e++;
        sent_map m = {here[k].sent, k, e - k, -1, 0};
        size_t best = 0;
        for (size_t f = 0; f < n_full;) {
            size_t fe = f;
            while (fe < n_full && full[fe].sent == full[f].sent)
                fe++;
            size_t shared = 0;
            for (size_t x = k; x < e; x++)
                for (size_t y = f; y < fe; y++)
                    if (here[x].h_key == full[y].h_key) {
                        shared++;
                        break;
                    }
            if (shared > best) {
                best = shared;
                m.to = (ptrdiff_t)full[f].sent;
            }
            f = fe;
        }
        if (best * 2 < m.n)
            m.to = -1;
        if (!PX_VEC_PUSH(sm, m)) {
            rc = PX_ENOMEM;
            goto done;
        }
        k = e;
    }
    /* 2. reordered: a later sentence of here matches an earlier one of full */
    bool reordered = false;
    size_t moved = SIZE_MAX;
    ptrdiff_t hi = -1;
    for (size_t k = 0; k < sm.n; k++) {
        if (sm.v[k].to < 0)
            continue;
        if (sm.v[k].to < hi)
            reordered = true;
        hi = PX_MAX(hi, sm.v[k].to);
    }
    size_t moved_first = 0, moved_n = 0;
    if (reordered) {
        /* the sentence that was moved: the first one placed ahead of where
         * the full version has it */
        for (size_t k = 0; k + 1 < sm.n && moved == SIZE_MAX; k++)
            for (size_t j = k + 1; j < sm.n; j++)
                if (sm.v[k].to >= 0 && sm.v[j].to >= 0 && sm.v[j].to < sm.v[k].to) {
                    moved = k;
                    moved_first = sm.v[k].first;
                    moved_n = sm.v[k].n;
                    break;
                }
    }
    /* 3. here's words in the full version's sentence order */
    ptrdiff_t last = 0;
    for (size_t k = 0; k < sm.n; k++) {
        if (sm.v[k].to >= 0)
            last = sm.v[k].to;
        sm.v[k].order = (size_t)last * 2 + (sm.v[k].to < 0);
    }
    if (reordered)
        px__sort(sm.v, sm.n, sizeof(sent_map), cmp_sent_order);
    perm = px__malloc((n_here ? n_here : 1) * sizeof(size_t));
    if (!perm) {
        rc = PX_ENOMEM;
        goto done;
    }
    size_t np = 0;
    for (size_t k = 0; k < sm.n; k++)
        for (size_t x = 0; x < sm.v[k].n; x++)
            perm[np++] = sm.v[k].first + x;
    /* 4. longest common subsequence on name keys */
    size_t W = n_here + 1;
    dp = px__calloc((n_full + 1) * W, sizeof(uint32_t));
    if (!dp) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = n_full; i-- > 0;)
        for (size_t j = n_here; j-- > 0;) {
            uint32_t v;
            if (full[i].h_key == here[perm[j]].h_key)
                v = dp[(i + 1) * W + j + 1] + 1;
            else
                v = PX_MAX(dp[(i + 1) * W + j], dp[i * W + j + 1]);
            dp[i * W + j] = v;
        }
    /* 5. walk the alignment */
    size_t i = 0, j = 0, i0 = 0, j0 = 0;
    bool any_match = false;
    while (i < n_full && j < n_here) {
        bool match = full[i].h_key == here[perm[j]].h_key &&
                     dp[i * W + j] == dp[(i + 1) * W + j + 1] + 1;
        /* a lone matching word ("have") waits when matching it later is as
         * good, so that runs of words align together */
        if (match && dp[(i + 1) * W + j] == dp[i * W + j] &&
            !(i + 1 < n_full && j + 1 < n_here && full[i + 1].h_key == here[perm[j + 1]].h_key) &&
            !(i > 0 && j > 0 && i0 == i && j0 == j && any_match))
            match = false;
        if (match) {
            rc = diff_hunk(arena, &ops, full, i0, i, here, perm, j0, j, !any_match, false);
            if (rc)
                goto done;
            const px__qword *a = &full[i], *b = &here[perm[j]];
            char *fs = px_arena_strndup(arena, a->s, a->len);
            char *hs = px_arena_strndup(arena, b->s, b->len);
            if (!fs || !hs) {
                rc = PX_ENOMEM;
                goto done;
            }
            bool ok;
            if (a->h_exact == b->h_exact)
                ok = push_op(&ops, PX_DIFF_SAME, fs, hs, PX_VARIANT_CASE, a, a, b, b);
            else
                ok = push_op(&ops, PX_DIFF_CHANGE, fs, hs, px__word_change_kind(a, b), a, a, b, b);
            if (!ok) {
                rc = PX_ENOMEM;
                goto done;
            }
            any_match = true;
            i++, j++;
            i0 = i, j0 = j;
        } else if (dp[(i + 1) * W + j] >= dp[i * W + j + 1]) {
            i++;
        } else {
            j++;
        }
    }
    rc = diff_hunk(arena, &ops, full, i0, n_full, here, perm, j0, n_here, !any_match, true);
    if (rc)
        goto done;

    /* 6. findings: runs of one kind become one finding */
    if (reordered) {
        px_variant v = {PX_VARIANT_REORDERED, "", ""};
        /* the sentence of here written ahead of where the full version has it */
        v.here = join_words(arena, here, moved_first, moved_first + moved_n, NULL);
        if (!v.here || !PX_VEC_PUSH(vars, v)) {
            rc = PX_ENOMEM;
            goto done;
        }
    }
    for (size_t k = 0; k < ops.n;) {
        if (ops.v[k].w.op == PX_DIFF_SAME) {
            k++;
            continue;
        }
        px_variant_kind kind = ops.v[k].w.kind;
        size_t e = k;
        px_buf fb = PX_BUF_INIT, hb = PX_BUF_INIT;
        const px__qword *lf = NULL, *lh = NULL;
        while (e < ops.n && ops.v[e].w.op != PX_DIFF_SAME && ops.v[e].w.kind == kind) {
            const op_t *o = &ops.v[e];
            put_side(&fb, o->w.fullest, &lf, o->f0, o->f1);
            put_side(&hb, o->w.here, &lh, o->h0, o->h1);
            e++;
        }
        px_variant v = {kind, px_arena_strndup(arena, fb.ptr, fb.len),
                        px_arena_strndup(arena, hb.ptr, hb.len)};
        bool oom = fb.oom || hb.oom;
        px_buf_release(&fb);
        px_buf_release(&hb);
        if (oom || !v.fullest || !v.here || !PX_VEC_PUSH(vars, v)) {
            rc = PX_ENOMEM;
            goto done;
        }
        k = e;
    }
    /* hand the results over in the arena */
    if (ops.n) {
        px_diff_word *o = px_arena_alloc(arena, ops.n * sizeof(px_diff_word));
        if (!o) {
            rc = PX_ENOMEM;
            goto done;
        }
        for (size_t k = 0; k < ops.n && !rc; k++) {
            o[k] = ops.v[k].w;
            /* the punctuation between this word and the next one, as
             * written on the side the next one is shown from */
            if (k + 1 == ops.n)
                continue;
            const op_t *x = &ops.v[k], *y = &ops.v[k + 1];
            const px__qword *wl = NULL, *wn = NULL;
            if (y->h0 && x->h1 && x->h1 + 1 == y->h0)
                wl = x->h1, wn = y->h0;
            else if (y->f0 && x->f1 && x->f1 + 1 == y->f0)
                wl = x->f1, wn = y->f0;
            if (wl && gap_is_punct(wl, wn) &&
                !(wn->s - (wl->s + wl->len) == 1 && wl->s[wl->len] == ' ') &&
                !(o[k].after = px_arena_strndup(arena, wl->s + wl->len,
                                                (size_t)(wn->s - (wl->s + wl->len)))))
                rc = PX_ENOMEM;
        }
        if (rc)
            goto done;
        *ops_out = o;
        *n_ops = ops.n;
    }
    if (vars.n) {
        px_variant *o = px_arena_alloc(arena, vars.n * sizeof(px_variant));
        if (!o) {
            rc = PX_ENOMEM;
            goto done;
        }
        px__copy(o, vars.v, vars.n * sizeof(px_variant));
        *var_out = o;
        *n_var = vars.n;
    }
done:
    free(dp);
    free(perm);
    PX_VEC_FREE(ops);
    PX_VEC_FREE(sm);
    PX_VEC_FREE(vars);
    return rc;
}

/* ---- grouping ---- */

typedef struct qitem {
    size_t input;
    size_t doc;
    ptrdiff_t speaker;
    const char *speaker_id;
    px__qword *w; /* words (malloc'd array, the vec's) */
    size_t n;
    char *text;   /* parts joined by " … " */
} qitem;

typedef struct hpair {
    uint64_t h;
    size_t item;
} hpair;

static int cmp_hpair(const void *a, const void *b)
{
    const hpair *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}

typedef struct ipair {
    size_t a, b;
    int word; /* shared a word, not a trigram */
} ipair;

static int cmp_ipair(const void *x, const void *y)
{
    const ipair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

static size_t qfind(size_t *p, size_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static void qunion(size_t *p, size_t a, size_t b)
{
    a = qfind(p, a);
    b = qfind(p, b);
    if (a != b)
        p[a < b ? b : a] = a < b ? a : b;
}

/* May two quotations be one statement: no speaker known on one side,
 * or the same entity, or the same identity ("Forbes" is not Zelensky,
 * even when neither is an entity of the story)? */
static bool speakers_agree(const qitem *a, const qitem *b)
{
    if (a->speaker_id && b->speaker_id)
        return !strcmp(a->speaker_id, b->speaker_id);
    return a->speaker < 0 || b->speaker < 0 || a->speaker == b->speaker;
}

/* Two words that are one word in another form: equal keys, or one key
 * the other plus an ending ("truce", "truces"). */
static bool loose_eq(const px__qword *a, const px__qword *b)
{
    if (a->h_key == b->h_key)
        return true;
    size_t la = strlen(a->key), lb = strlen(b->key);
    size_t m = PX_MIN(la, lb);
    return m >= 4 && PX_MAX(la, lb) - m <= 2 && !strncmp(a->key, b->key, m);
}

/* Does the short quotation s lie inside l, word for word? */
static bool contained(const qitem *s, const qitem *l)
{
    if (!s->n || s->n > l->n)
        return false;
    for (size_t i = 0; i + s->n <= l->n; i++) {
        size_t k = 0;
        while (k < s->n && loose_eq(&l->w[i + k], &s->w[k]))
            k++;
        if (k == s->n)
            return true;
    }
    return false;
}

static uint64_t trigram(const px__qword *w)
{
    uint64_t h[3] = {w[0].h_key, w[1].h_key, w[2].h_key};
    return px__hash(h, sizeof h, 11);
}

/* An occurrence's place, for ordering a group's occurrences by document
 * and position (then the order the grouping met them). */
typedef struct occ_key {
    size_t doc, start, member;
} occ_key;

static int occ_key_cmp(const void *a, const void *b)
{
    const occ_key *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->member < y->member ? -1 : x->member > y->member;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* *out: the speaker most of the occurrences name, the first named of
 * those named as often; -1 when none is. */
static int most_named_speaker(const qitem *items, const size_t *item_of, size_t n, ptrdiff_t *out)
{
    /* (speaker, first occurrence) pairs sorted by speaker */
    size_t *pairs = px__malloc((n ? 2 * n : 2) * sizeof(size_t));
    *out = -1;
    if (!pairs)
        return PX_ENOMEM;
    size_t np = 0;
    for (size_t k = 0; k < n; k++)
        if (items[item_of[k]].speaker >= 0) {
            pairs[2 * np] = (size_t)items[item_of[k]].speaker;
            pairs[2 * np + 1] = k;
            np++;
        }
    px__sort(pairs, np, 2 * sizeof(size_t), cmp_size);
    ptrdiff_t best = -1;
    size_t best_count = 0, best_first = SIZE_MAX;
    for (size_t a = 0, b; a < np; a = b) {
        size_t first = pairs[2 * a + 1];
        for (b = a + 1; b < np && pairs[2 * b] == pairs[2 * a]; b++)
            first = PX_MIN(first, pairs[2 * b + 1]);
        if (b - a > best_count || (b - a == best_count && first < best_first)) {
            best = (ptrdiff_t)pairs[2 * a];
            best_count = b - a;
            best_first = first;
        }
    }
    free(pairs);
    *out = best;
    return 0;
}

typedef struct id_pos {
    const char *id;
    size_t pos;
    bool eligible; /* its occurrence names the group's speaker (or any, when none) */
} id_pos;

static int cmp_id_pos(const void *a, const void *b)
{
    const id_pos *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

/* *out: the speaker identity the most occurrences carry, of those whose
 * occurrence names the group's speaker (every one when speaker < 0); of
 * as many, the first; NULL when none carries one. By sorting: a group of
 * thousands of copies counts each identity once. */
static int most_common_speaker_id(const qitem *items, const size_t *item_of, size_t n, ptrdiff_t speaker,
                                  const char **out)
{
    *out = NULL;
    id_pos *v = px__malloc((n ? n : 1) * sizeof(id_pos));
    if (!v)
        return PX_ENOMEM;
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        const qitem *it = &items[item_of[k]];
        if (it->speaker_id)
            v[m++] = (id_pos){it->speaker_id, k, speaker < 0 || it->speaker == speaker};
    }
    px__sort(v, m, sizeof(id_pos), cmp_id_pos);
    size_t best = 0, best_pos = SIZE_MAX;
    for (size_t a = 0, b; a < m; a = b) {
        size_t first = SIZE_MAX;
        for (b = a; b < m && !strcmp(v[b].id, v[a].id); b++)
            if (v[b].eligible && v[b].pos < first)
                first = v[b].pos;
        if (first != SIZE_MAX && (b - a > best || (b - a == best && first < best_pos))) {
            best = b - a;
            best_pos = first;
            *out = v[a].id;
        }
    }
    free(v);
    return 0;
}

/* *out: the distinct outlets of a group's occurrences. */
static int count_outlets(const px_compare *c, const px_quote_occurrence *occ, size_t n, size_t *out)
{
    size_t *o = px__malloc((n ? n : 1) * sizeof(size_t));
    if (!o)
        return PX_ENOMEM;
    for (size_t k = 0; k < n; k++)
        o[k] = c->outlet[occ[k].doc];
    px__sort(o, n, sizeof(size_t), cmp_size);
    size_t distinct = 0;
    for (size_t k = 0; k < n; k++)
        distinct += !k || o[k] != o[k - 1];
    free(o);
    *out = distinct;
    return 0;
}

/* The diffs of a group already made, by the words they were made for:
 * an occurrence whose words are written exactly as an earlier one's
 * (wire copies) gets the same diff. The key holds each word as written,
 * its sentence number and the punctuation after it (what the diff keeps
 * of the text); the last key made waits in `pending` for diff_memo_add. */
typedef struct diff_memo {
    px_buf keys;          /* the keys, NUL-separated */
    PX_VEC(size_t) at;    /* offset of each key in keys */
    PX_VEC(size_t) occ;   /* the occurrence each key's diff belongs to */
    PX_VEC(uint64_t) hash;
    size_t pending_at;
    uint64_t pending_hash;
} diff_memo;

static void diff_memo_release(diff_memo *d)
{
    px_buf_release(&d->keys);
    PX_VEC_FREE(d->at);
    PX_VEC_FREE(d->occ);
    PX_VEC_FREE(d->hash);
}

/* *same: the occurrence whose diff was made for words w[0..n) written
 * alike, or SIZE_MAX (the key is then kept for diff_memo_add). */
static int diff_memo_find(diff_memo *d, const px__qword *w, size_t n, size_t *same)
{
    *same = SIZE_MAX;
    d->pending_at = d->keys.len;
    for (size_t i = 0; i < n; i++) {
        px_buf_put(&d->keys, w[i].s, w[i].len);
        px_buf_printf(&d->keys, "\x1f%u", (unsigned)w[i].sent);
        if (i + 1 < n && gap_is_punct(&w[i], &w[i + 1]))
            px_buf_put(&d->keys, w[i].s + w[i].len, (size_t)(w[i + 1].s - (w[i].s + w[i].len)));
        px_buf_putc(&d->keys, 0x1e);
    }
    px_buf_putc(&d->keys, 0);
    if (d->keys.oom)
        return PX_ENOMEM;
    const char *key = d->keys.ptr + d->pending_at;
    size_t len = d->keys.len - d->pending_at;
    d->pending_hash = px__hash(key, len, 17);
    /* a group has a few distinct wordings: a scan of their hashes */
    for (size_t k = 0; k < d->hash.n; k++)
        if (d->hash.v[k] == d->pending_hash && !strcmp(d->keys.ptr + d->at.v[k], key)) {
            *same = d->occ.v[k];
            d->keys.len = d->pending_at; /* not kept */
            d->keys.ptr[d->keys.len] = 0;
            return 0;
        }
    return 0;
}

/* Remembers the pending key's diff as occurrence occ's. */
static int diff_memo_add(diff_memo *d, size_t occ)
{
    if (!PX_VEC_PUSH(d->at, d->pending_at) || !PX_VEC_PUSH(d->occ, occ) ||
        !PX_VEC_PUSH(d->hash, d->pending_hash))
        return PX_ENOMEM;
    return 0;
}

/* Fills the occurrences of one group and diffs each outlet's version
 * against the fullest. members: item indices. */
static int build_group(px_compare *c, px_quote_group *g, qitem *items, const size_t *members,
                       size_t n_members, const px_quote_input *inputs)
{
    px_arena *arena = &c->arena;
    px_quote_occurrence *occ = px_arena_calloc(arena, n_members, sizeof(*occ));
    size_t *item_of = px__malloc(n_members * sizeof(size_t));
    if (!occ || !item_of) {
        free(item_of);
        return PX_ENOMEM;
    }
    /* in document order; occ[k] is the quotation of item item_of[k] */
    occ_key *order = px__malloc(n_members * sizeof(occ_key));
    if (!order) {
        free(item_of);
        return PX_ENOMEM;
    }
    for (size_t k = 0; k < n_members; k++) {
        const px_quote_input *in = &inputs[items[members[k]].input];
        order[k] = (occ_key){in->doc, in->start, k};
    }
    px__sort(order, n_members, sizeof(occ_key), occ_key_cmp);
    for (size_t k = 0; k < n_members; k++) {
        const qitem *it = &items[members[order[k].member]];
        const px_quote_input *in = &inputs[it->input];
        occ[k].doc = in->doc;
        occ[k].start = in->start;
        occ[k].end = in->end;
        occ[k].sentence = in->sentence;
        occ[k].text = it->text;
        occ[k].input = it->input;
        item_of[k] = members[order[k].member];
    }
    free(order);
    /* the fullest: most words, then earliest */
    size_t full = 0;
    for (size_t k = 1; k < n_members; k++)
        if (items[item_of[k]].n > items[item_of[full]].n)
            full = k;
    g->occurrences = occ;
    g->n_occurrences = n_members;
    g->fullest = full;
    g->text = occ[full].text;
    /* speaker: the one most occurrences name (of as many, the first) */
    if (most_named_speaker(items, item_of, n_members, &g->speaker)) {
        free(item_of);
        return PX_ENOMEM;
    }
    g->speaker_name = NULL;
    if (g->speaker >= 0 && c->ents) {
        size_t ne;
        const px_entity *el = px_entities_list(c->ents, &ne);
        if ((size_t)g->speaker < ne)
            g->speaker_name = el[g->speaker].name;
    }
    for (size_t k = 0; k < n_members && !g->speaker_name; k++)
        if (inputs[occ[k].input].speaker_name)
            g->speaker_name = inputs[occ[k].input].speaker_name;
    /* its identity: the chosen entity's, else the one most occurrences carry */
    if (most_common_speaker_id(items, item_of, n_members, g->speaker, &g->speaker_id)) {
        free(item_of);
        return PX_ENOMEM;
    }
    /* outlets */
    size_t n_out;
    if (count_outlets(c, occ, n_members, &n_out)) {
        free(item_of);
        return PX_ENOMEM;
    }
    g->n_docs = n_out;
    g->single_source = n_out == 1;

    /* sentences of the fullest version no other outlet quotes */
    int rc = 0;
    const qitem *F = &items[item_of[full]];
    if (n_out > 1) {
        PX_VEC(const char *) single = {0};
        const px_doc *fd = c->docs[occ[full].doc];
        for (size_t a = 0; a < F->n && !rc;) {
            size_t b = a;
            while (b < F->n && F->w[b].sent == F->w[a].sent)
                b++;
            bool carried = false;
            for (size_t k = 0; k < n_members && !carried; k++) {
                if (c->outlet[occ[k].doc] == c->outlet[occ[full].doc])
                    continue;
                const qitem *it = &items[item_of[k]];
                size_t hit = 0;
                for (size_t x = a; x < b; x++)
                    for (size_t y = 0; y < it->n; y++)
                        if (loose_eq(&F->w[x], &it->w[y])) {
                            hit++;
                            break;
                        }
                carried = hit * 2 >= b - a;
            }
            if (!carried) {
                size_t from = F->w[a].doc_off, to = F->w[b - 1].doc_off + F->w[b - 1].len;
                const char *t = px_arena_strndup(arena, fd->text + from, to - from);
                if (!t || !PX_VEC_PUSH(single, t))
                    rc = PX_ENOMEM;
            }
            a = b;
        }
        if (!rc && single.n) {
            const char **v = px_arena_alloc(arena, single.n * sizeof(char *));
            if (!v)
                rc = PX_ENOMEM;
            else {
                px__copy(v, single.v, single.n * sizeof(char *));
                g->single_sentences = v;
                g->n_single_sentences = single.n;
            }
        }
        PX_VEC_FREE(single);
    }
    /* each document's version: its occurrences joined when together they
     * are no longer than the fullest (a statement split in pieces), else
     * each on its own */
    px__qword_vec joined = {0};
    diff_memo memo = {0};
    for (size_t k = 0; k < n_members && !rc;) {
        size_t e = k;
        size_t words = 0;
        while (e < n_members && occ[e].doc == occ[k].doc)
            words += items[item_of[e]].n, e++;
        bool join = e - k > 1 && words <= F->n + F->n / 5 && !(full >= k && full < e);
        for (size_t m = k; m < e && !rc; m++) {
            if (m == full)
                continue;
            if (join && m > k)
                break;
            const px__qword *hw = items[item_of[m]].w;
            size_t hn = items[item_of[m]].n;
            if (join) {
                joined.n = 0;
                uint32_t base = 0;
                for (size_t x = k; x < e; x++) {
                    const qitem *it = &items[item_of[x]];
                    /* a few words quoted again inside a longer quotation
                     * of the same article are not more of the statement */
                    bool inside = false;
                    for (size_t y = k; y < e && !inside; y++)
                        if (y != x && items[item_of[y]].n > it->n && contained(it, &items[item_of[y]]))
                            inside = true;
                    if (inside)
                        continue;
                    uint32_t top = 0;
                    for (size_t y = 0; y < it->n; y++) {
                        px__qword w = it->w[y];
                        w.sent += base;
                        top = PX_MAX(top, w.sent + 1);
                        if (!PX_VEC_PUSH(joined, w)) {
                            rc = PX_ENOMEM;
                            break;
                        }
                    }
                    base = top;
                }
                hw = joined.v;
                hn = joined.n;
            }
            /* copies quote the same words: their diff is made once */
            size_t same = SIZE_MAX;
            if (!rc)
                rc = diff_memo_find(&memo, hw, hn, &same);
            if (!rc && same != SIZE_MAX) {
                occ[m].diff = occ[same].diff;
                occ[m].n_diff = occ[same].n_diff;
                occ[m].variants = occ[same].variants;
                occ[m].n_variants = occ[same].n_variants;
                continue;
            }
            px_diff_word *ops;
            size_t n_ops;
            px_variant *vars;
            size_t n_vars;
            if (!rc)
                rc = px__quote_diff(arena, F->w, F->n, hw, hn, &ops, &n_ops, &vars, &n_vars);
            if (!rc) {
                occ[m].diff = ops;
                occ[m].n_diff = n_ops;
                occ[m].variants = vars;
                occ[m].n_variants = n_vars;
                rc = diff_memo_add(&memo, m);
            }
        }
        k = e;
    }
    PX_VEC_FREE(joined);
    diff_memo_release(&memo);
    free(item_of);
    return rc;
}

static int cmp_group(const void *a, const void *b)
{
    const px_quote_group *x = a, *y = b;
    if (x->n_docs != y->n_docs)
        return x->n_docs > y->n_docs ? -1 : 1;
    if (x->n_occurrences != y->n_occurrences)
        return x->n_occurrences > y->n_occurrences ? -1 : 1;
    const px_quote_occurrence *p = &x->occurrences[0], *q = &y->occurrences[0];
    if (p->doc != q->doc)
        return p->doc < q->doc ? -1 : 1;
    return p->start < q->start ? -1 : p->start > q->start;
}

int px__compare_quotes(px_compare *c, const px_quote_input *inputs, size_t n_inputs)
{
    int rc = 0;
    qitem *items = px__calloc(n_inputs ? n_inputs : 1, sizeof(qitem));
    size_t n_items = 0;
    PX_VEC(hpair) grams = {0};
    PX_VEC(ipair) pairs = {0};
    size_t *parent = NULL;
    px_buf tb = PX_BUF_INIT;
    if (!items)
        return PX_ENOMEM;
    for (size_t q = 0; q < n_inputs && !rc; q++) {
        const px_quote_input *in = &inputs[q];
        if (in->doc >= c->n_docs)
            continue;
        const px_doc *d = c->docs[in->doc];
        px__qword_vec w = {0};
        uint32_t sent = 0;
        px_buf_clear(&tb);
        size_t np = in->n_parts ? in->n_parts : 1;
        for (size_t p = 0; p < np && !rc; p++) {
            size_t s = in->n_parts ? in->part_start[p] : in->start;
            size_t e = in->n_parts ? in->part_end[p] : in->end;
            if (s > e || e > d->len)
                continue;
            rc = px__quote_words(&c->arena, d->text, s, e, &sent, &w);
            if (tb.len)
                px_buf_puts(&tb, " … ");
            px_buf_put(&tb, d->text + s, e - s);
        }
        /* "..., for as long as they need it," she said: the comma is the
         * writer's sentence, not the statement's */
        while (tb.len && strchr(",;:", tb.ptr[tb.len - 1]))
            tb.len--;
        if (rc || !w.n) {
            PX_VEC_FREE(w);
            continue;
        }
        qitem *it = &items[n_items];
        it->input = q;
        it->doc = in->doc;
        it->speaker = in->speaker;
        it->speaker_id = in->speaker_id;
        it->w = w.v;
        it->n = w.n;
        it->text = tb.oom ? NULL : px_arena_strndup(&c->arena, tb.ptr, tb.len);
        if (!it->text) {
            PX_VEC_FREE(w);
            rc = PX_ENOMEM;
            break;
        }
        n_items++;
    }
    if (rc)
        goto done;
    parent = px__malloc((n_items ? n_items : 1) * sizeof(size_t));
    if (!parent) {
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n_items; i++)
        parent[i] = i;
    /* the same words quoted again (wire copies) join at once; only one of
     * them is indexed */
    {
        hpair *whole = px__malloc((n_items ? n_items : 1) * sizeof(hpair));
        if (!whole) {
            rc = PX_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < n_items; i++) {
            uint64_t h = 0x51ed27u;
            for (size_t k = 0; k < items[i].n; k++)
                h = px__hash(&items[i].w[k].h_key, sizeof(uint64_t), h);
            whole[i] = (hpair){h, i};
        }
        px__sort(whole, n_items, sizeof(hpair), cmp_hpair);
        for (size_t k = 1; k < n_items; k++)
            if (whole[k].h == whole[k - 1].h && speakers_agree(&items[whole[k].item], &items[whole[k - 1].item]))
                qunion(parent, whole[k - 1].item, whole[k].item);
        free(whole);
    }
    /* trigrams of the quotations of three words or more; words of all,
     * tagged so short quotations find the longer ones they lie in */
    for (size_t i = 0; i < n_items && !rc; i++) {
        if (qfind(parent, i) != i)
            continue;
        for (size_t k = 0; k + 3 <= items[i].n && !rc; k++) {
            hpair hp = {trigram(&items[i].w[k]) & ~1ull, i};
            if (!PX_VEC_PUSH(grams, hp))
                rc = PX_ENOMEM;
        }
        for (size_t k = 0; k < items[i].n && !rc; k++) {
            hpair hp = {(items[i].w[k].h_key ^ 0x9e3779b97f4a7c15ull) | 1ull, i};
            if (!PX_VEC_PUSH(grams, hp))
                rc = PX_ENOMEM;
        }
    }
    if (rc)
        goto done;
    px__sort(grams.v, grams.n, sizeof(hpair), cmp_hpair);
    /* pairs sharing a trigram (even hashes) or, with a short quotation, a
     * word (odd hashes); runs longer than 64 are stock phrases or common
     * words and say nothing */
    for (size_t k = 0; k < grams.n && !rc;) {
        size_t e = k;
        while (e < grams.n && grams.v[e].h == grams.v[k].h)
            e++;
        bool word = grams.v[k].h & 1;
        if (e - k <= 64)
            for (size_t x = k; x < e && !rc; x++) {
                if (x > k && grams.v[x].item == grams.v[x - 1].item)
                    continue; /* an item with the trigram twice */
                for (size_t y = x + 1; y < e; y++) {
                    size_t a = grams.v[x].item, b = grams.v[y].item;
                    if (a == b || (y > x + 1 && grams.v[y].item == grams.v[y - 1].item))
                        continue;
                    if (word && items[a].n >= 4 && items[b].n >= 4)
                        continue;
                    ipair p = {PX_MIN(a, b), PX_MAX(a, b), word};
                    if (!PX_VEC_PUSH(pairs, p)) {
                        rc = PX_ENOMEM;
                        break;
                    }
                }
            }
        k = e;
    }
    if (rc)
        goto done;
    px__sort(pairs.v, pairs.n, sizeof(ipair), cmp_ipair);
    for (size_t k = 0; k < pairs.n;) {
        size_t e = k, shared = 0;
        while (e < pairs.n && pairs.v[e].a == pairs.v[k].a && pairs.v[e].b == pairs.v[k].b)
            shared += !pairs.v[e].word, e++;
        qitem *a = &items[pairs.v[k].a], *b = &items[pairs.v[k].b];
        if (speakers_agree(a, b)) {
            qitem *sh = a->n <= b->n ? a : b, *l = a->n <= b->n ? b : a;
            bool link;
            if (sh->n < 4)
                /* a short quotation joins a longer one it lies in; one or
                 * two words only with the same known speaker */
                link = contained(sh, l) && (sh->n >= 3 || (a->speaker >= 0 && a->speaker == b->speaker));
            else
                link = shared >= 3 || (shared >= 1 && shared * 4 >= sh->n - 2);
            if (link)
                qunion(parent, pairs.v[k].a, pairs.v[k].b);
        }
        k = e;
    }
    /* groups */
    size_t n_groups = 0;
    size_t *gid = px__malloc((n_items ? n_items : 1) * sizeof(size_t));
    size_t *members = px__malloc((n_items ? n_items : 1) * sizeof(size_t));
    if (!gid || !members) {
        free(gid);
        free(members);
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n_items; i++)
        gid[i] = SIZE_MAX;
    for (size_t i = 0; i < n_items; i++) {
        size_t r = qfind(parent, i);
        if (gid[r] == SIZE_MAX)
            gid[r] = n_groups++;
    }
    px_quote_group *groups = px_arena_calloc(&c->arena, n_groups ? n_groups : 1, sizeof(*groups));
    if (!groups) {
        free(gid);
        free(members);
        rc = PX_ENOMEM;
        goto done;
    }
    /* members of each group, in item order: a counting sort by group */
    size_t *first = px__calloc(n_groups + 1, sizeof(size_t));
    if (!first) {
        free(gid);
        free(members);
        rc = PX_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n_items; i++)
        first[gid[qfind(parent, i)] + 1]++;
    for (size_t g = 0; g < n_groups; g++)
        first[g + 1] += first[g];
    for (size_t i = 0; i < n_items; i++)
        members[first[gid[qfind(parent, i)]]++] = i;
    for (size_t g = 0, from = 0; g < n_groups && !rc; g++) {
        /* first[g] is now where group g ends */
        rc = build_group(c, &groups[g], items, members + from, first[g] - from, inputs);
        from = first[g];
    }
    free(first);
    free(gid);
    free(members);
    if (rc)
        goto done;
    px__sort(groups, n_groups, sizeof(*groups), cmp_group);
    c->quotes = groups;
    c->n_quotes = n_groups;
done:
    for (size_t i = 0; i < n_items; i++)
        free(items[i].w);
    free(items);
    free(parent);
    PX_VEC_FREE(grams);
    PX_VEC_FREE(pairs);
    px_buf_release(&tb);
    return rc;
}
