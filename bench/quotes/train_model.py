#!/usr/bin/env python3
"""Trains the learned part of attribution (src/quote/model.c) on the
PolNeAR TRAIN split and writes its weight table, src/quote/model_weights.inc,
and the words its cue detector looks at, src/quote/model_gate.inc.

Four averaged perceptrons over hashed features (bench/quotes/qmodel.py):

- the cue detector: for each word outside quotation marks that the rules
  take for no cue, whose lower-case form was the last word of at least
  GATE_MIN gold cues in at least GATE_RATE of its occurrences, one of four
  classes: no cue, or a cue whose content lies after it, before it, or
  around it;
- the content boundaries: a ranker of the first token and one of the last
  token of the content, given the cue and the type;
- the source boundaries: a ranker of the source's end (or none) before
  the cue, and one of its start.

The cue features include the WordNet class of the word and of the word
after it (src/quote/wordnet.inc) and the distance to a quotation that
opens after it or closes before it. A cue is anchored at its last word, or
at the word before its final preposition ("criticism [of]").

Two thresholds are chosen by 5-fold cross-validation on train: of a
proposed cue's margin over "no cue", and of the least margin of its
content boundaries over their runners-up (a proposal whose first or last
token barely beats another is dropped). The held-out proposals of each
fold are merged with the rules' output as model.c merges them and scored
as ../shared/scorers/quotes.py scores (exact content and source F1 over
all attributions); the pair with the best sum, the cue threshold not
below THETA_MIN, wins. The dev split is only scored, never used to
choose anything.

    bench/quotes/train_model.py                 # train, write the table
    bench/quotes/train_model.py --cv            # also the cross-validated figures
    bench/quotes/train_model.py --check         # compare with the C model
    bench/quotes/train_model.py --cv --widen    # every word of speech a candidate

Needs build/bench/quotes/quote_features and build/parallax (cmake --build
build --target quote_features parallax_cli). Deterministic (seeded
shuffles); about 3 minutes on one core, 7 with --cv (see bench/README.md).
"""
import argparse
import array
import collections
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "bench" / "eval"))
import qmodel as M  # noqa: E402
from pxeval import common as C  # noqa: E402

CUE_BITS = 16
SPAN_BITS = 17
GATE_MIN = 2
GATE_RATE = 0.1
EPOCHS_CUE = 6
EPOCHS_SPAN = 8
NCLS = 4
FOLDS = 5
SEED = 1
SCALE = 64  # weights are stored as round(w * SCALE) in int16
# the least threshold: below it the model decodes more cues, for a gain on
# train (cross-validated) of at most 0.001 F1 (-5: all content 0.598 /
# source 0.624, 0: 0.597 / 0.624, 20: 0.590 / 0.622)
THETA_MIN = 0
# the least margin of a proposal's content boundaries over their
# runners-up (without --cv; cross-validated on train: 5)
SPAN_MIN = 5
# with --widen, every word of speech or thought (WordNet:
# bench/quotes/gen_wordnet.py) is a candidate cue, not only the words of
# the gate: 3 times the candidates (60,500 on train), 7% more
# instructions for parallax quotes, for +0.002 F1 on train
# (cross-validated); off by default
WIDEN = False


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---- data -----------------------------------------------------------------

def read_gold(folder):
    """The attributions of a PolNeAR split as ../shared/scorers/quotes.py
    reads them (the first annotator's file of each article; a span made of
    fragments runs from the first to the last; attributions without
    content left out), with their cues. doc id -> (text, [attribution])."""
    gold, seen = {}, set()
    for ann in sorted((folder / "attributions").glob("*.ann")):
        base = ann.name.rsplit("_", 1)[0]
        if base in seen:
            continue
        seen.add(base)
        text = (folder / "text" / (base + ".txt")).read_text(encoding="utf-8")
        spans, events = {}, []
        for line in ann.read_text(encoding="utf-8").split("\n"):
            p = line.split("\t")
            if len(p) < 2:
                continue
            if p[0].startswith("T"):
                typ, *rest = p[1].split(" ")
                frags = [tuple(map(int, f.split())) for f in " ".join(rest).split(";")]
                spans[p[0]] = (min(f[0] for f in frags), max(f[1] for f in frags))
            elif p[0].startswith("E"):
                events.append(dict(x.split(":") for x in p[1].split(" ") if ":" in x))
        items = []
        for r in events:
            c = spans.get(r.get("Content"))
            if not c:
                continue
            items.append({"c": c, "s": spans.get(r.get("Source")), "cue": spans.get(r.get("Cue")),
                          "quoted": shared_quoted(text[c[0]:c[1]])})
        gold[base] = (text, items)
    return gold


def load_split(split, tools):
    gold = read_gold(C.dataset_dir("polnear") / split)
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "in.jsonl")
        C.write_jsonl(inp, [{"id": k, "text": v[0]} for k, v in sorted(gold.items())])
        dump = os.path.join(tmp, "dump.tsv")
        with open(dump, "w") as f:
            subprocess.run([tools, inp], stdout=f, check=True)
        feats = M.read_dump(dump)
    out = []
    for doc_id, (text, items) in sorted(gold.items()):
        d = feats[doc_id]
        d.text = text
        d.gold = items
        for x in items:
            x["ct"] = M.canon(d, *M.token_span(d, *x["c"]))
            x["st"] = M.canon(d, *M.token_span(d, *x["s"])) if x["s"] else None
            x["cue"] = M.token_span(d, *x["cue"]) if x["cue"] else None
        out.append(d)
    return out


def shared_quoted(t):
    return any(ch in t for ch in '"\u201c\u201d\u00ab\u00bb\u201e') or "''" in t or "``" in t


def rule_of(d, k):
    """The rules' record whose cue holds token k: its content, type and
    source (canonical token spans), or None."""
    for ca, cb, sa, sb, va, vb, emb in d.recs:
        if va <= k < vb and not emb:
            ca, cb = M.canon(d, ca, cb)
            if cb <= ca:
                continue
            ssp = M.canon(d, sa, sb) if sb > sa else None
            return (ca, cb, M.content_type(k, va, ca, cb), ssp)
    return None


def rule_values(d, k, typ):
    r = rule_of(d, k)
    if r is None:
        return -2, -2, -2, -2
    ca, cb, rtyp, ssp = r
    if rtyp != typ:
        ca = cb = -2
    if ssp is None:
        return ca, cb, M.NONE, M.NONE
    return ca, cb, ssp[1], ssp[0]


# ---- perceptrons ------------------------------------------------------------

class Classifier:
    """Averaged multi-class perceptron; weights[f * NCLS + class]."""

    def __init__(self, bits):
        self.mask = (1 << bits) - 1
        self.w = array.array("d", bytes(8 * NCLS << bits))
        self.u = array.array("d", bytes(8 * NCLS << bits))
        self.c = 1

    def scores(self, fs):
        w = self.w
        s = [0.0] * NCLS
        for f in fs:
            b = f * NCLS
            s[0] += w[b]
            s[1] += w[b + 1]
            s[2] += w[b + 2]
            s[3] += w[b + 3]
        return s

    def train(self, data, epochs, seed):
        rnd = random.Random(seed)
        idx = list(range(len(data)))
        w, u = self.w, self.u
        for _ in range(epochs):
            rnd.shuffle(idx)
            for i in idx:
                fs, y = data[i]
                s = self.scores(fs)
                p = max(range(NCLS), key=lambda k: s[k])
                if p != y:
                    c = self.c
                    for f in fs:
                        b = f * NCLS
                        w[b + y] += 1
                        w[b + p] -= 1
                        u[b + y] += c
                        u[b + p] -= c
                self.c += 1
        c = self.c
        for i in range(len(w)):
            if u[i]:
                w[i] -= u[i] / c
        self.u = None


class Ranker:
    """Averaged perceptron that picks one candidate of a list."""

    def __init__(self, bits):
        self.mask = (1 << bits) - 1
        self.w = array.array("d", bytes(8 << bits))
        self.u = array.array("d", bytes(8 << bits))
        self.c = 1

    def best(self, cands):
        w = self.w
        bi, bs = 0, None
        for i, fs in enumerate(cands):
            s = 0.0
            for f in fs:
                s += w[f]
            if bs is None or s > bs:
                bi, bs = i, s
        return bi, bs

    def train(self, data, epochs, seed):
        rnd = random.Random(seed)
        idx = list(range(len(data)))
        w, u = self.w, self.u
        for _ in range(epochs):
            rnd.shuffle(idx)
            for i in idx:
                cands, y = data[i]
                p, _ = self.best(cands)
                if p != y:
                    c = self.c
                    for f in cands[y]:
                        w[f] += 1
                        u[f] += c
                    for f in cands[p]:
                        w[f] -= 1
                        u[f] -= c
                self.c += 1
        c = self.c
        for i in range(len(w)):
            if u[i]:
                w[i] -= u[i] / c
        self.u = None


# ---- examples -----------------------------------------------------------------

# the prepositions that end nominal and verbal cues ("criticism of",
# "support for", "concerns about", "took shots at")
CUE_PREPS = {b"of", b"for", b"on", b"about", b"to", b"in", b"with", b"at", b"as", b"against",
             b"by", b"over", b"from", b"toward", b"towards", b"behind", b"among", b"into",
             b"regarding", b"concerning", b"like"}


def anchor_of(d, va, vb):
    """The token a cue [va, vb) is anchored at: its last word, or the word
    before its final preposition ("criticism [of]" -> "criticism"), which
    says more of whether it is a cue."""
    k = vb - 1
    if vb - va >= 2 and 0 < k < len(d.toks) and d.toks[k].low in CUE_PREPS and \
            d.toks[k - 1].kind == M.K_WORD:
        k -= 1
    return k


def gold_anchors(d):
    """anchor token -> (type, gold) for the gold attributions with a cue
    outside quotation marks (the first one of an anchor)."""
    out = {}
    for g in d.gold:
        if not g["cue"] or g["ct"][1] <= g["ct"][0]:
            continue
        va, vb = g["cue"]
        k = anchor_of(d, va, vb)
        if k < 0 or k >= len(d.toks) or d.toks[k].quote >= 0 or d.toks[k].kind != M.K_WORD:
            continue
        if k not in out:
            out[k] = (M.content_type(k, va, *g["ct"]), g)
    return out


def make_gate(docs):
    """The words that may be cues: the last word of at least GATE_MIN gold
    cues, in at least GATE_RATE of their occurrences where the detector
    looks (words outside quotation marks that the rules take for no cue)."""
    cnt, occ = collections.Counter(), collections.Counter()
    for d in docs:
        for k in gold_anchors(d):
            cnt[d.toks[k].val] += 1
        for i, t in enumerate(d.toks):
            if M.cue_candidate(d, i, None):
                occ[t.val] += 1
    words = {}
    for d in docs:
        for t in d.toks:
            if t.val in cnt:
                words[t.val] = t.low
    # px__lex looks up words of fewer than 24 bytes that start with ASCII
    return {v: words[v] for v, n in cnt.items() if n >= GATE_MIN and n >= GATE_RATE * occ[v]
            and len(words[v]) < 24 and words[v][0] < 0x80}


def cue_examples(docs, gate, mask):
    data = []
    for d in docs:
        lab = gold_anchors(d)
        for i in range(len(d.toks)):
            if M.cue_candidate(d, i, gate, WIDEN):
                y = lab[i][0] if i in lab else 0
                data.append((array.array("I", (f & mask for f in M.cue_features(d, i))), y))
    return data


def feats(fs, mask):
    return array.array("I", (f & mask for f in fs))


def span_examples(docs, mask):
    ex = {"cs": [], "ce": [], "se": [], "ss": []}
    for d in docs:
        for k, (typ, g) in gold_anchors(d).items():
            ca, cb = g["ct"]
            rcs, rce, rse, rss = rule_values(d, k, typ)
            cands = M.content_start_cands(d, k, typ, rcs, cb if typ == M.T_BEFORE else None)
            if ca in cands:
                ex["cs"].append(([feats(M.content_start_features(d, k, typ, s, rcs), mask)
                                  for s in cands], cands.index(ca)))
            cands = M.content_end_cands(d, k, typ, ca, rce)
            if cb in cands:
                ex["ce"].append(([feats(M.content_end_features(d, k, typ, ca, e, rce), mask)
                                  for e in cands], cands.index(cb)))
            if typ == M.T_AROUND:
                continue
            lo = cb if typ == M.T_BEFORE else -1
            cands = M.source_end_cands(d, k, lo, rse)
            st = g["st"]
            y = M.NONE if st is None or st[1] <= st[0] else st[1]
            if y in cands:
                ex["se"].append(([feats(M.source_end_features(d, k, typ, e, rse), mask)
                                  for e in cands], cands.index(y)))
            if y != M.NONE:
                cands = M.source_start_cands(d, k, y, rss)
                if st[0] in cands:
                    ex["ss"].append(([feats(M.source_start_features(d, k, s, y, rss), mask)
                                      for s in cands], cands.index(st[0])))
    return ex


# ---- the model -----------------------------------------------------------------

# the span margin of a boundary that had one candidate
MARGIN_ONE = 1 << 30


class Model:
    def __init__(self, cue, rankers, gate, widen=False):
        self.cue, self.rk = cue, rankers
        self.gate = set(gate)
        self.gate_words = set(gate.values()) if isinstance(gate, dict) else set()
        self.widen = widen
        self.margin = MARGIN_ONE

    def cue_scores(self, d, i):
        m = self.cue.mask
        return self.cue.scores([f & m for f in M.cue_features(d, i)])

    def pick(self, name, d, cands, fn):
        """The best candidate (the first of equals); self.margin becomes
        the least margin over the second best of the picks so far."""
        r = self.rk[name]
        m = r.mask
        w = r.w
        sc = [sum(w[f & m] for f in fn(x)) for x in cands]
        bi = max(range(len(cands)), key=lambda i: (sc[i], -i))
        if len(cands) > 1:
            second = max(sc[i] for i in range(len(cands)) if i != bi)
            self.margin = min(self.margin, sc[bi] - second)
        return cands[bi]

    def decode(self, d, k, typ, rule=(-2, -2, -2, -2)):
        """content (s, e) and source (s, e) or None, token spans, for a
        cue ending at k whose content is of type typ; self.margin is the
        least margin of the content's boundaries over their runners-up."""
        rcs, rce, rse, rss = rule
        self.margin = MARGIN_ONE
        if typ == M.T_BEFORE:
            ec = M.content_end_cands(d, k, typ, -1, rce)
            if not ec:
                return None
            e = self.pick("ce", d, ec, lambda x: M.content_end_features(d, k, typ, -1, x, rce))
            sc = M.content_start_cands(d, k, typ, rcs, e)
            if not sc:
                return None
            s = self.pick("cs", d, sc, lambda x: M.content_start_features(d, k, typ, x, rcs))
        else:
            sc = M.content_start_cands(d, k, typ, rcs)
            if not sc:
                return None
            s = self.pick("cs", d, sc, lambda x: M.content_start_features(d, k, typ, x, rcs))
            ec = M.content_end_cands(d, k, typ, s, rce)
            if not ec:
                return None
            e = self.pick("ce", d, ec, lambda x: M.content_end_features(d, k, typ, s, x, rce))
        src = None
        margin = self.margin
        if typ != M.T_AROUND:
            lo = e if typ == M.T_BEFORE else -1
            se = self.pick("se", d, M.source_end_cands(d, k, lo, rse),
                           lambda x: M.source_end_features(d, k, typ, x, rse))
            if se != M.NONE:
                sc = M.source_start_cands(d, k, se, rss)
                if sc:
                    ss = self.pick("ss", d, sc, lambda x: M.source_start_features(d, k, x, se, rss))
                    src = (ss, se)
        self.margin = margin
        return (s, e), src

    def propose(self, d, floor):
        """(margin, anchor, content, source, span margin) for every cue
        candidate whose margin exceeds floor."""
        out = []
        for i in range(len(d.toks)):
            if not M.cue_candidate(d, i, self.gate, self.widen):
                continue
            s = self.cue_scores(d, i)
            typ = max((1, 2, 3), key=lambda c: s[c])
            marg = s[typ] - s[0]
            if marg <= floor:
                continue
            r = self.decode(d, i, typ)
            if r:
                out.append((marg, i, r[0], r[1], self.margin))
        return out


def train(docs, log_prefix=""):
    t0 = time.time()
    gate = make_gate(docs)
    cue = Classifier(CUE_BITS)
    data = cue_examples(docs, gate, cue.mask)
    log(f"{log_prefix}cue: {len(data)} candidates, {sum(1 for _, y in data if y)} cues, "
        f"gate {len(gate)} words ({time.time() - t0:.0f}s)")
    cue.train(data, EPOCHS_CUE, SEED)
    del data
    rk = {}
    ex = span_examples(docs, (1 << SPAN_BITS) - 1)
    shared = Ranker(SPAN_BITS)  # one table: the templates keep the rankers apart
    for name in ("cs", "ce", "se", "ss"):
        r = Ranker(SPAN_BITS)
        r.w = shared.w
        r.u = array.array("d", bytes(8 << SPAN_BITS))
        rk[name] = r
    for name in ("cs", "ce", "se", "ss"):
        log(f"{log_prefix}{name}: {len(ex[name])} examples")
        rk[name].train(ex[name], EPOCHS_SPAN, SEED)
    log(f"{log_prefix}trained in {time.time() - t0:.0f}s")
    return Model(cue, rk, gate, WIDEN)


# ---- scoring as ../shared/scorers/quotes.py -------------------------------------

STRIP = set(' \t\n"\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019\',.:;')


def trim(text, s, e):
    while s < e and text[s] in STRIP:
        s += 1
    while e > s and text[e - 1] in STRIP:
        e -= 1
    return s, e


def overlap_match(p, g):
    o = max(0, min(p[1], g[1]) - max(p[0], g[0]))
    return o > 0 and o >= 0.5 * (g[1] - g[0]) and o >= 0.5 * (p[1] - p[0])


def score(docs, preds):
    """preds: doc id -> [(content start, end, source start, end or -1, kind)]
    (code points). Returns the shared scorer's exact F1 figures."""
    cnt = collections.Counter()
    for d in docs:
        text = d.text
        g = [(trim(text, *x["c"]), trim(text, *x["s"]) if x["s"] else None, x["quoted"])
             for x in d.gold]
        p = [(trim(text, a, b), trim(text, s0, s1) if s0 >= 0 else None, kind)
             for a, b, s0, s1, kind in preds.get(d.id, [])]
        for sub in ("quoted", "all"):
            gg = [x for x in g if sub == "all" or x[2]]
            pp = [x for x in p if sub == "all" or x[2] in ("direct", "partial", "embedded")]
            cnt[sub, "ng"] += len(gg)
            cnt[sub, "np"] += len(pp)
            cnt[sub, "ngs"] += sum(1 for x in gg if x[1])
            cnt[sub, "nps"] += sum(1 for x in pp if x[1])
            gc = collections.Counter(x[0] for x in gg)
            pc = collections.Counter(x[0] for x in pp)
            cnt[sub, "cp"] += sum(n for c, n in pc.items() if c in gc)
            cnt[sub, "cr"] += sum(n for c, n in gc.items() if c in pc)
            cnt[sub, "sp"] += sum(1 for x in pp if x[1] and any(
                y[1] and overlap_match(x[0], y[0]) and x[1] == y[1] for y in gg))
            cnt[sub, "sr"] += sum(1 for y in gg if y[1] and any(
                x[1] and overlap_match(x[0], y[0]) and x[1] == y[1] for x in pp))
    res = {}
    for sub in ("quoted", "all"):
        for what, n_p, n_g in (("content", "np", "ng"), ("source", "nps", "ngs")):
            P = cnt[sub, what[0] + "p"] / cnt[sub, n_p] if cnt[sub, n_p] else 0
            R = cnt[sub, what[0] + "r"] / cnt[sub, n_g] if cnt[sub, n_g] else 0
            res[sub, what] = (P, R, 2 * P * R / (P + R) if P + R else 0)
    return res


def fmt(res):
    return " ".join(f"{s[:3]}.{w[:3]} {res[s, w][2]:.3f}" for s in ("quoted", "all")
                    for w in ("content", "source"))


# ---- merging, as model.c merges ---------------------------------------------------

CLITIC_PRONOUNS = {"i", "you", "we", "they", "he", "she", "it", "who"}
CLITICS = {"ve", "re", "ll", "d", "s", "m"}


def clitic_end(t):
    """attrib.c clitic_end: the end of a source's last token without the
    clitic of a personal pronoun ("[he]'s said")."""
    w = t.text
    for x in range(1, min(len(w), 5)):
        if w[x] in "'\u2019":
            if w[:x].lower() in CLITIC_PRONOUNS and w[x + 1:].lower() in CLITICS:
                return t.cs + x
            return t.ce
    return t.ce


def whole_quotation_in(T, s, e):
    """Does a quotation lie wholly in tokens [s, e)? (attrib.c finish()
    then calls the record partial)"""
    j = s
    while j < e:
        q = T[j].quote
        if q >= 0 and (j == 0 or T[j - 1].quote != q):
            x = j
            while x < len(T) and T[x].quote == q:
                x += 1
            if x <= e:
                return True
            j = x
        else:
            j += 1
    return False


def part_of_quotation_in(T, s, e):
    """Do tokens [s, e) hold a word of a quotation? (record.c
    quotation_cut: the record is partial, its part the quoted words)"""
    return any(T[j].quote >= 0 and T[j].kind == M.K_WORD for j in range(s, e))


def merged(docs, proposals, theta, span_min=-MARGIN_ONE):
    """The rules' output plus the proposals above theta whose content
    boundaries beat their runners-up by more than span_min and whose
    content overlaps no record of the rules nor an earlier proposal."""
    preds = {}
    for d in docs:
        out = [o for o in d.out]
        taken = [(ca, cb) for ca, cb, *_ in d.recs]
        T = d.toks
        for marg, k, (s, e), src, smarg in sorted(proposals.get(d.id, []), key=lambda x: x[1]):
            if marg <= theta or smarg <= span_min or any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            ss, se = (T[src[0]].cs, clitic_end(T[src[1] - 1])) if src else (-1, -1)
            quoted = whole_quotation_in(T, s, e) or part_of_quotation_in(T, s, e)
            out.append((T[s].cs, T[e - 1].ce, ss, se, "partial" if quoted else "indirect"))
        preds[d.id] = out
    return preds


def write_inc(model, theta, span_min, path):
    """The weight table for model.c, weights as round(w * SCALE) in int16."""
    def q(x):
        return max(-32767, min(32767, int(round(x * SCALE))))
    gate = sorted(model.gate_words)
    lines = [
        "/* model_weights.inc - generated by bench/quotes/train_model.py from the PolNeAR",
        " * train split: the weights of the learned cue detector and span rankers of",
        " * model.c (averaged perceptrons over hashed features, times %d, as int16)," % SCALE,
        " * and the thresholds chosen by cross-validation on train (of a cue's margin",
        " * over no cue, of its content boundaries' margins over their runners-up;",
        " * QM_WIDEN: every word of speech or thought is a candidate). The words that",
        " * may be cues are in model_gate.inc. Do not edit by hand. */",
        "#define QM_CUE_BITS %d" % CUE_BITS,
        "#define QM_SPAN_BITS %d" % SPAN_BITS,
        "#define QM_THETA %d" % q(theta),
        "#define QM_SPAN_MIN %d" % q(span_min),
        "#define QM_WIDEN %d" % int(model.widen)]
    for name, w in (("qm_cue_w", model.cue.w), ("qm_span_w", model.rk["cs"].w)):
        lines.append("static const int16_t %s[] = {" % name)
        vals = [q(x) for x in w]
        for i in range(0, len(vals), 24):
            lines.append(",".join(str(v) for v in vals[i:i + 24]) + ",")
        lines.append("};")
    Path(path).write_text("\n".join(lines) + "\n")
    words = [w.decode("utf-8").replace("\\", "\\\\").replace('"', '\\"') for w in gate]
    glines = ["/* model_gate.inc - generated by bench/quotes/train_model.py from the PolNeAR",
              " * train split: the words the learned cue detector of model.c looks at (the",
              " * last word of at least %d gold cues, in at least %g%% of their occurrences" % (
                  GATE_MIN, GATE_RATE * 100),
              " * outside quotation marks and the rules' cues), for lexicon.c's LX_MODEL.",
              " * Do not edit by hand. */"]
    for i in range(0, len(words), 8):
        glines.append(" ".join('"%s",' % w for w in words[i:i + 8]))
    Path(path).with_name("model_gate.inc").write_text("\n".join(glines) + "\n")


def quantize(model):
    """The model with its weights as model.c sees them."""
    for arr in [model.cue.w, model.rk["cs"].w]:
        for i in range(len(arr)):
            arr[i] = max(-32767, min(32767, int(round(arr[i] * SCALE))))
    return model


def load_inc(path):
    """The model of a model_weights.inc (weights as model.c sees them) and
    its threshold."""
    import re
    src = Path(path).read_text()
    bits = {k: int(v) for k, v in re.findall(r"#define QM_(\w+) (-?\d+)", src)}
    arrays = {name: body for name, body in re.findall(r"(qm_\w+)\[\] = \{(.*?)\};", src, re.S)}
    nums = {k: [int(x.rstrip("u")) for x in re.findall(r"-?\d+u?", v)] for k, v in arrays.items()}
    cue = Classifier(bits["CUE_BITS"])
    cue.w = array.array("d", nums["qm_cue_w"])
    shared = array.array("d", nums["qm_span_w"])
    rk = {}
    for name in ("cs", "ce", "se", "ss"):
        rk[name] = Ranker(bits["SPAN_BITS"])
        rk[name].w = shared
    gate_src = Path(path).with_name("model_gate.inc").read_text()
    body = gate_src[gate_src.index("*/") + 2:]
    words = [w.encode().replace(b'\\"', b'"').replace(b"\\\\", b"\\")
             for w in re.findall(r'"((?:[^"\\]|\\.)*)"', body)]
    return (Model(cue, rk, {M.fnv(w): w for w in words}, bool(bits["WIDEN"])), bits["THETA"],
            bits["SPAN_MIN"])


def check(docs, parallax, inc):
    """Compares `parallax quotes` (the C model) with this script's merge of
    the rules' output and the model of inc: the same attributions?"""
    m, theta, span_min = load_inc(inc)
    py = merged(docs, {d.id: m.propose(d, theta) for d in docs}, theta, span_min)
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "in.jsonl")
        C.write_jsonl(inp, [{"id": d.id, "text": d.text} for d in docs])
        out = subprocess.run([parallax, "quotes", "--format", "jsonl", inp], check=True,
                             capture_output=True).stdout.decode()
    import json
    cc = collections.defaultdict(list)
    for line in out.splitlines():
        o = json.loads(line)
        sp = o.get("speaker_start") is not None
        cc[o["doc"]].append((o["start"], o["end"], o["speaker_start"] if sp else -1,
                             o["speaker_end"] if sp else -1, o["kind"]))
    n_py = n_c = diff = 0
    for d in docs:
        a, b = collections.Counter(py[d.id]), collections.Counter(cc[d.id])
        n_py += sum(a.values())
        n_c += sum(b.values())
        for x in (a - b) + (b - a):
            diff += 1
            if diff <= 10:
                log("differs:", d.id, x, "python" if x in a else "C")
    log(f"check: {n_py} attributions from Python, {n_c} from C, {diff} differ")
    return diff == 0


def rules_only(docs):
    return {d.id: list(d.out) for d in docs}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv", action="store_true", help="cross-validate on train and choose the thresholds")
    ap.add_argument("--theta", type=float, default=None,
                    help="threshold of a cue's margin (default: from --cv, else THETA_MIN)")
    ap.add_argument("--span-min", type=float, default=None,
                    help="threshold of the content boundaries' margins (default: from --cv, "
                    "else SPAN_MIN)")
    ap.add_argument("--widen", action="store_true",
                    help="candidates: every word of speech or thought too, not only the words of the gate")
    ap.add_argument("--tools", default=str(ROOT / "build/bench/quotes/quote_features"))
    ap.add_argument("--out", default=str(ROOT / "src/quote/model_weights.inc"))
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--check", action="store_true",
                    help="only compare the C model (build/parallax) with this script's on dev")
    ap.add_argument("--parallax", default=str(ROOT / "build/parallax"))
    a = ap.parse_args()
    global WIDEN
    WIDEN = WIDEN or a.widen
    t0 = time.time()
    dev_docs = load_split("dev", a.tools)
    if a.check:
        return 0 if check(dev_docs, a.parallax, a.out) else 1
    train_docs = load_split("train", a.tools)
    log(f"loaded in {time.time() - t0:.0f}s")
    log("rules alone: train", fmt(score(train_docs, rules_only(train_docs))),
        "| dev", fmt(score(dev_docs, rules_only(dev_docs))))
    theta = a.theta if a.theta is not None else float(THETA_MIN)
    span_min = a.span_min if a.span_min is not None else float(SPAN_MIN)
    if a.cv:
        props = {}
        for fold in range(FOLDS):
            tr = [d for i, d in enumerate(train_docs) if i % FOLDS != fold]
            te = [d for i, d in enumerate(train_docs) if i % FOLDS == fold]
            m = train(tr, f"fold {fold}: ")
            for d in te:
                props[d.id] = m.propose(d, -50.0)
        best = None
        for th in [-10, -5, 0, 5, 10, 15, 20, 30]:
            for sm in [-1, 1, 2, 3, 5, 8]:
                res = score(train_docs, merged(train_docs, props, th, sm))
                log(f"cv theta {th:5.1f} span {sm:3d}: train {fmt(res)}")
                key = res["all", "content"][2] + res["all", "source"][2]
                if th >= THETA_MIN and (best is None or key > best[0]):
                    best = (key, th, sm)
        if a.theta is None:
            theta = best[1]
        if a.span_min is None:
            span_min = best[2]
        log(f"theta {theta}, span margin {span_min}")
    m = train(train_docs, "all: ")
    if not a.no_write:
        write_inc(m, theta, span_min, a.out)
        log(f"wrote {a.out}")
    quantize(m)
    th, sm = round(theta * SCALE), round(span_min * SCALE)
    props = {d.id: m.propose(d, th) for d in dev_docs}
    log("dev with the model:", fmt(score(dev_docs, merged(dev_docs, props, th, sm))))


if __name__ == "__main__":
    sys.exit(main())
