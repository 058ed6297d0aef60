"""qmodel: the features and decoding of the learned part of attribution,
the Python twin of src/quote/model.c (bench/quotes/train_model.py trains
with it; every function here has a C counterpart of the same name, and
train_model.py --check compares the two on real text).

A document is read from the dump of bench/quotes/quote_features (the
tokens with the attributes the rules computed, and the rules' records).
Features are 32-bit hashes: mix(template, a, b) of small integers and
word hashes (fnv of the ASCII-lowercased token), reduced modulo the size
of the weight table.
"""
import bisect

M32 = 0xFFFFFFFF

# px_token kinds and flags (include/parallax.h)
K_WORD, K_NUMBER, K_PUNCT, K_QUOTE, K_DASH, K_SYMBOL = 1, 2, 3, 4, 5, 6
TF_CAP, TF_ALLCAPS = 0x1, 0x2
# LX_* (src/quote/quote.h)
LX_VERB, LX_THAT, LX_WEAK, LX_PART, LX_NPSTOP, LX_DET, LX_PRON, LX_AUX = (
    0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80)
LX_PREP, LX_ROLE, LX_PERSPRON, LX_PREPV, LX_STAT = 0x200, 0x400, 0x1000, 0x4000, 0x8000
LX_NOUNP = 0x4000000
# the WordNet class of a word (model.h QM_WN_*; bench/quotes/gen_wordnet.py)
WN_SPEECH = 0x2000
LX_CUEBITS = LX_VERB | LX_THAT | LX_WEAK | LX_PART | LX_PREPV | LX_STAT | LX_NOUNP

# token classes (model.c: enum qm_class)
(C_BOUND, C_DET, C_PRON, C_PREP, C_AUX, C_STOP, C_CAP, C_ED, C_ING, C_LY, C_S, C_W, C_NUM,
 C_COMMA, C_PERIOD, C_COLON, C_SEMI, C_LPAR, C_RPAR, C_PUNCT, C_QOPEN, C_QCLOSE, C_DASH, C_SYM,
 C_THAT, C_TO, C_WH) = range(27)
WH = {b"how", b"why", b"what", b"whether", b"if", b"who", b"where", b"when", b"which"}

# content types: where the content lies from the cue
T_AFTER, T_BEFORE, T_AROUND = 1, 2, 3
NONE = -1
MAX_CONTENT = 50  # tokens of a content after its cue, at most
MAX_SOURCE = 12  # tokens of a source, at most
QUOTE_NEAR = 10  # tokens from a cue to a quotation near it, at most
SOURCE_GAP = 8  # tokens between a source's end and the cue's last word, at most


def fnv(bs):
    h = 2166136261
    for b in bs:
        h = ((h ^ b) * 16777619) & M32
    return h


def mix(t, a=0, b=0):
    h = (((t * 0x9E3779B1 + (a & M32)) & M32) * 0x85EBCA6B) & M32
    h = ((h ^ (h >> 15) ^ (b & M32)) * 0xC2B2AE35) & M32
    return h ^ (h >> 16)


STRIP = set(b' \t\n"\',.:;') | {0}


def lower_ascii(bs):
    return bytes(c + 32 if 65 <= c <= 90 else c for c in bs)


# characters the shared scorer strips from span edges (quotes.py STRIP)
STRIP_CHARS = set(' \t\n"\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019\',.:;')


class Tok:
    __slots__ = ("cs", "ce", "kind", "flags", "lex", "quote", "block", "unit", "sent",
                 "mention", "person", "rcue", "text", "low", "cls", "val", "strip", "qopen", "wn")


class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        self.toks = []
        self.recs = []
        self.out = []  # the rules' output: (start, end, speaker start, speaker end, kind)
        self.out_cue = []  # and the cue of each: (start, end), code points


def read_dump(path):
    """The documents of a quote_features dump, by id."""
    docs, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "D":
                cur = docs[p[1]] = Doc(p[1])
            elif p[0] == "T":
                t = Tok()
                (t.cs, t.ce, t.kind, t.flags, t.lex, t.quote, t.block, t.unit, t.sent, t.mention,
                 t.person, t.rcue, t.wn) = map(int, p[1:14])
                t.text = p[14]
                cur.toks.append(t)
            elif p[0] == "R":
                cur.recs.append(tuple(map(int, p[1:8])))
            elif p[0] == "O":
                cur.out.append(tuple(map(int, p[1:5])) + (p[5],))
                cur.out_cue.append((int(p[6]), int(p[7])))
    for d in docs.values():
        prepare(d)
    return docs


def token_class(T, j):
    t = T[j]
    k = t.kind
    if k == K_WORD:
        w = t.low
        if w == b"that":
            return C_THAT
        if w == b"to":
            return C_TO
        if w in WH:
            return C_WH
        f = t.lex
        if f & LX_DET:
            return C_DET
        if f & LX_PRON:
            return C_PRON
        if f & LX_PREP:
            return C_PREP
        if f & LX_AUX:
            return C_AUX
        if f & LX_NPSTOP:
            return C_STOP
        if t.flags & TF_CAP:
            return C_CAP
        if w.endswith(b"ed"):
            return C_ED
        if w.endswith(b"ing"):
            return C_ING
        if w.endswith(b"ly"):
            return C_LY
        if w.endswith(b"s"):
            return C_S
        return C_W
    if k == K_NUMBER:
        return C_NUM
    if k == K_PUNCT:
        c = t.text[:1]
        return {",": C_COMMA, ".": C_PERIOD, "?": C_PERIOD, "!": C_PERIOD, ":": C_COLON,
                ";": C_SEMI, "(": C_LPAR, ")": C_RPAR}.get(c, C_PUNCT)
    if k == K_QUOTE:
        return C_QOPEN if t.qopen else C_QCLOSE
    if k == K_DASH:
        return C_DASH
    return C_SYM


def prepare(d):
    T = d.toks
    for j, t in enumerate(T):
        t.low = lower_ascii(t.text.encode("utf-8"))
        t.qopen = t.quote >= 0 and (j == 0 or T[j - 1].quote != t.quote)
        t.strip = all(ch in STRIP_CHARS for ch in t.text)
    for j, t in enumerate(T):
        t.cls = token_class(T, j)
        t.val = fnv(t.low) if t.kind == K_WORD else mix(51, t.cls)
    # units: [ua, ub) of each token's unit
    d.ua, d.ub = [0] * len(T), [0] * len(T)
    j = 0
    while j < len(T):
        k = j
        while k < len(T) and T[k].unit == T[j].unit:
            k += 1
        for x in range(j, k):
            d.ua[x], d.ub[x] = j, k
        j = k
    # coverage by the rules: 1 inside a content, 2 inside a cue
    cov = [0] * len(T)
    for ca, cb, sa, sb, va, vb, emb in d.recs:
        for j in range(ca, cb):
            cov[j] = max(cov[j], 1)
    for ca, cb, sa, sb, va, vb, emb in d.recs:
        for j in range(va, vb):
            cov[j] = 2
    d.cov = cov
    d.starts = [t.cs for t in T]
    d.ends = [t.ce for t in T]


V_BOUND = mix(51, C_BOUND)


def val(d, j, a, b):
    return d.toks[j].val if a <= j < b else V_BOUND


def cls(d, j, a, b):
    return d.toks[j].cls if a <= j < b else C_BOUND


def subject_before(d, i, ua):
    """What stands before token i as its subject: 0 nothing, 1..3 a
    person's name that many tokens before (3: three or more), 4..6 a
    personal pronoun."""
    T = d.toks
    for j in range(i - 1, max(ua, i - 6) - 1, -1):
        if T[j].quote >= 0:
            break
        if T[j].person:
            return min(i - j, 3)
        if T[j].lex & LX_PERSPRON:
            return 3 + min(i - j, 3)
    return 0


def bucket(x):
    for i, b in enumerate((0, 1, 2, 3, 5, 8, 12, 20, 30)):
        if x <= b:
            return i
    return 9


# ---- the cue detector -------------------------------------------------

def stem(w):
    """w without an inflection: -ing, -ed, -es, -s (model.c stem_hash)."""
    n = len(w)
    if n > 5 and w.endswith(b"ing"):
        return w[:-3]
    if n > 4 and (w.endswith(b"ed") or w.endswith(b"es")):
        return w[:-2]
    if n > 3 and w.endswith(b"s") and not w.endswith(b"ss"):
        return w[:-1]
    return w


POSSESSIVE = {b"his", b"her", b"their", b"its", b"our", b"my"}


def possessive(t):
    return t.kind == K_WORD and (t.low.endswith(b"'s") or t.low.endswith("\u2019s".encode())
                                 or t.low in POSSESSIVE)


def verb_group_start(d, i, a):
    """The token before i and before the auxiliaries, -ly adverbs and
    "not" in front of it ("[Sanders] has long admired"), or -1."""
    T = d.toks
    for j in range(i - 1, max(a, i - 4) - 1, -1):
        t = T[j]
        if not (t.kind == K_WORD and (t.lex & LX_AUX or t.low.endswith(b"ly") or t.low == b"not")):
            return j
    return -1


def cue_features(d, i):
    T = d.toks
    a, b = d.ua[i], d.ub[i]
    t = T[i]
    w0 = t.val
    wm1, wp1, wm2, wp2 = val(d, i - 1, a, b), val(d, i + 1, a, b), val(d, i - 2, a, b), val(d, i + 2, a, b)
    cm1, cp1, cm2, cp2 = cls(d, i - 1, a, b), cls(d, i + 1, a, b), cls(d, i - 2, a, b), cls(d, i + 2, a, b)
    rm1 = T[i - 1].rcue if i - 1 >= a else 9
    rp1 = T[i + 1].rcue if i + 1 < b else 9
    subj = subject_before(d, i, a)
    low = t.low
    f = [mix(1), mix(2, w0), mix(3, wm1), mix(4, wp1), mix(5, wm2), mix(6, wp2),
         mix(7, wm1, w0), mix(8, w0, wp1), mix(9, cm1), mix(10, cp1), mix(11, cm2, cm1),
         mix(12, cp1, cp2), mix(13, w0, cp1), mix(14, cm1, w0), mix(15, fnv(low[-3:])),
         mix(16, fnv(low[-2:])), mix(17, t.flags & 3), mix(18, t.rcue), mix(19, rm1), mix(20, rp1),
         mix(21, t.lex & LX_CUEBITS), mix(22, ((t.lex >> 16) & 0x3FF) // 100),
         mix(23, min(i - a, 6)), mix(24, subj), mix(25, subj, w0), mix(26, d.cov[i]),
         mix(27, d.cov[i], cp1), mix(28, w0, cp1 * 32 + cp2), mix(29, min(b - i, 8)),
         mix(30, cm1, cp1)]
    pv = verb_group_start(d, i, a)
    cpv = cls(d, pv, a, b) if pv >= 0 else C_BOUND
    f += [mix(31, fnv(stem(low))), mix(32, cpv), mix(33, cpv, w0),
          mix(34, 1 if i - 1 >= a and possessive(T[i - 1]) else 0)]
    # WordNet: the classes of the word's senses, its frames and inflection,
    # with the token after it and the class of the word after it
    wn = t.wn
    wp = T[i + 1].wn if i + 1 < b else 0
    f += [mix(35, wn & 0xFF), mix(36, (wn >> 8) & 0x3F), mix(37, wn & 0x3FFF, cp1),
          mix(38, wn & 0xF, (wn >> 8) & 0x3F), mix(39, (wn >> 4) & 0xF, wp1),
          mix(40, wn & 0xFF, wp & 0xFF)]
    # a quotation opening shortly after the word, or closing shortly
    # before it: the speaker's words nearby ("pounding Trump as a “con
    # artist”")
    qa = qb = 0
    for j in range(i + 1, min(b, i + QUOTE_NEAR + 1)):
        if T[j].quote >= 0 and T[j].quote != T[j - 1].quote:
            qa = j - i
            break
    for j in range(i - 1, max(a, i - QUOTE_NEAR) - 1, -1):
        if T[j].quote >= 0:
            qb = i - j
            break
    f += [mix(41, qa), mix(42, qb), mix(43, min(qa, 4), wn & 0xF), mix(44, min(qa, 4), w0)]
    return f


def cue_candidate(d, i, gate, widen=False):
    """May token i be a cue the rules miss? gate None: any word; widen:
    also any word of speech or thought (WordNet)."""
    t = d.toks[i]
    return (t.kind == K_WORD and t.quote < 0 and d.cov[i] != 2 and
            (gate is None or t.val in gate or (widen and t.wn & WN_SPEECH)))


# ---- span rankers -----------------------------------------------------
# Every ranker scores candidates for one boundary of one attribution whose
# cue ends at token k (the anchor). typ is the content type; rule is the
# rules' value of this boundary (-1: none).

def with_rule(cands, rule, lo, hi, ok):
    """cands, and the rules' value last when it is not among them, lies in
    [lo, hi) and passes ok (model.c pick's extra candidate)."""
    if rule >= 0 and rule not in cands and lo <= rule < hi and ok(rule):
        cands.append(rule)
    return cands


def content_start_cands(d, k, typ, rule=-2, e=None):
    a, b = d.ua[k], d.ub[k]
    T = d.toks
    if typ == T_AFTER:
        lo, hi = k + 1, min(k + 8, b)
    else:
        lo, hi = max(a, k - 60), k
    ok = (lambda s: not T[s].strip and (e is None or s < e))
    return with_rule([s for s in range(lo, hi) if ok(s)], rule, a, b, ok)


def content_start_features(d, k, typ, s, rule):
    a, b = d.ua[k], d.ub[k]
    T = d.toks
    w0 = T[k].val
    vs, vm1 = val(d, s, a, b), val(d, s - 1, a, b)
    cs, cm1, cm2 = cls(d, s, a, b), cls(d, s - 1, a, b), cls(d, s - 2, a, b)
    dist = bucket(k - s if s < k else s - k)
    at_start = 1 if s == a or all(T[j].strip for j in range(a, s)) else 0
    t0 = 100 + typ * 20
    return [mix(t0), mix(t0 + 1, vs), mix(t0 + 2, vm1), mix(t0 + 3, cs), mix(t0 + 4, cm1, cs),
            mix(t0 + 5, cm2, cm1), mix(t0 + 6, dist), mix(t0 + 7, w0, dist), mix(t0 + 8, w0, vs),
            mix(t0 + 9, at_start), mix(t0 + 10, s == rule), mix(t0 + 11, s == rule, cs),
            mix(t0 + 12, cm1, dist), mix(t0 + 13, vm1, cs)]


# the classes of the token right after a content: punctuation, a
# function word or the unit's end (96.5% of the gold contents on train)
END_NEXT = {C_BOUND, C_COMMA, C_PERIOD, C_COLON, C_SEMI, C_LPAR, C_RPAR, C_PUNCT, C_QOPEN,
            C_QCLOSE, C_DASH, C_PREP, C_STOP, C_THAT, C_TO, C_WH, C_AUX}


def content_end_cands(d, k, typ, s, rule=-2):
    a, b = d.ua[k], d.ub[k]
    T = d.toks
    if typ == T_BEFORE:
        lo, hi, elo, ehi = max(a, k - 60) + 1, k + 1, a + 1, k + 1
    else:
        lo, hi = max(s, k + 1) + 1, min(b, s + MAX_CONTENT) + 1
        elo, ehi = s + 1, b + 1
    ok = (lambda e: not T[e - 1].strip and cls(d, e, a, b) in END_NEXT)
    return with_rule([e for e in range(lo, hi) if ok(e)], rule, elo, ehi, ok)


def content_end_features(d, k, typ, s, e, rule):
    a, b = d.ua[k], d.ub[k]
    T = d.toks
    vl, vn, vn2 = val(d, e - 1, a, b), val(d, e, a, b), val(d, e + 1, a, b)
    cl, cn, cn2 = cls(d, e - 1, a, b), cls(d, e, a, b), cls(d, e + 1, a, b)
    commas = cues = 0
    for j in range(e, k) if typ == T_BEFORE else range(max(s, k + 1), e):
        if T[j].cls == C_COMMA:
            commas += 1
        if T[j].rcue:
            cues += 1
    at_end = 1 if all(T[j].strip for j in range(e, b)) else 0
    dist = bucket(e - k if e > k else k - e)
    t0 = 200 + typ * 30
    return [mix(t0), mix(t0 + 1, vl), mix(t0 + 2, cl), mix(t0 + 3, vn), mix(t0 + 4, cn),
            mix(t0 + 5, cl, cn), mix(t0 + 6, cn2), mix(t0 + 7, cn, vn2), mix(t0 + 8, cn, cn2),
            mix(t0 + 9, dist), mix(t0 + 10, min(commas, 3)), mix(t0 + 11, min(cues, 2)),
            mix(t0 + 12, cn, min(commas, 3)), mix(t0 + 13, T[e - 1].quote >= 0),
            mix(t0 + 14, e == rule), mix(t0 + 15, e == rule, cn), mix(t0 + 16, at_end),
            mix(t0 + 17, T[k].val, cn), mix(t0 + 18, at_end, dist)]


def source_end_cands(d, k, lo, rule=-2):
    """Ends e of a source before the cue ([.., e) with e <= k), not before
    lo (the end of a content before the cue), and NONE first."""
    a = d.ua[k]
    T = d.toks
    ok = (lambda e: not T[e - 1].strip and T[e - 1].quote < 0)
    lo2 = max(a + 1, lo + 1)
    return [NONE] + with_rule([e for e in range(max(lo2, k - SOURCE_GAP), k + 1) if ok(e)], rule,
                              lo2, k + 1, ok)


def source_end_features(d, k, typ, e, rule):
    a, b = d.ua[k], d.ub[k]
    T = d.toks
    t0 = 400
    if e == NONE:
        return [mix(t0 + 20), mix(t0 + 21, T[k].val), mix(t0 + 22, typ),
                mix(t0 + 23, subject_before(d, k, a)), mix(t0 + 24, rule == NONE)]
    vl, vn = val(d, e - 1, a, b), val(d, e, a, b)
    cl, cn, cm = cls(d, e - 1, a, b), cls(d, e, a, b), cls(d, e - 2, a, b)
    between = 0  # words between the source and the anchor that are no auxiliaries
    for j in range(e, k):
        if not (T[j].lex & LX_AUX) and not T[j].low.endswith(b"ly"):
            between += 1
    return [mix(t0), mix(t0 + 1, vl), mix(t0 + 2, cl), mix(t0 + 3, vn), mix(t0 + 4, cn),
            mix(t0 + 5, cl, cn), mix(t0 + 6, cm, cl), mix(t0 + 7, bucket(k - e)),
            mix(t0 + 8, min(between, 4)), mix(t0 + 9, T[e - 1].person),
            mix(t0 + 10, e == rule), mix(t0 + 11, e == rule, cl), mix(t0 + 12, typ, bucket(k - e)),
            mix(t0 + 13, T[k].val, min(between, 4))]


def source_start_cands(d, k, e, rule=-2):
    a = d.ua[k]
    T = d.toks
    ok = (lambda s: not T[s].strip and T[s].quote < 0)
    return with_rule([s for s in range(max(a, e - MAX_SOURCE), e) if ok(s)], rule, a, e, ok)


def source_start_features(d, k, s, e, rule):
    a, b = d.ua[k], d.ub[k]
    T = d.toks
    vs, vm1 = val(d, s, a, b), val(d, s - 1, a, b)
    cs, cm1, cm2 = cls(d, s, a, b), cls(d, s - 1, a, b), cls(d, s - 2, a, b)
    commas = sum(1 for j in range(s, e) if T[j].cls == C_COMMA)
    mention_start = 1 if T[s].mention >= 0 and (s == 0 or T[s - 1].mention != T[s].mention) else 0
    t0 = 500
    return [mix(t0), mix(t0 + 1, vs), mix(t0 + 2, vm1), mix(t0 + 3, cs), mix(t0 + 4, cm1, cs),
            mix(t0 + 5, cm2, cm1), mix(t0 + 6, bucket(e - s)), mix(t0 + 7, min(commas, 2)),
            mix(t0 + 8, mention_start), mix(t0 + 9, s == rule), mix(t0 + 10, s == rule, cs),
            mix(t0 + 11, cls(d, e - 1, a, b), bucket(e - s)), mix(t0 + 12, s == a)]


# ---- gold ---------------------------------------------------------------

def token_span(d, s, e):
    """The tokens [a, b) overlapping the characters [s, e)."""
    return bisect.bisect_right(d.ends, s), bisect.bisect_left(d.starts, e)


def canon(d, a, b):
    """[a, b) without the tokens the shared scorer strips at the edges."""
    T = d.toks
    while a < b and T[a].strip:
        a += 1
    while b > a and T[b - 1].strip:
        b -= 1
    return a, b


def content_type(k, va, ca, cb):
    if ca > k:
        return T_AFTER
    if cb <= va:
        return T_BEFORE
    return T_AROUND
