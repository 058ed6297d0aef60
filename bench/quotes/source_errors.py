#!/usr/bin/env python3
"""Source (speaker) span errors of `parallax quotes` on PolNeAR, by category.

Scores the source span of each prediction whose content overlaps a gold
attribution (the matching of bench/eval/eval-quotes), separately for gold
attributions with and without quotation marks, and sorts the errors:
  ok-QM / ok-IN   exact source (QM: the gold content has quotation marks)
  short / long    the predicted span lies inside / around the gold one
  cross / wrong   overlapping / disjoint spans
  pred-none       no predicted source, gold-nosrc(-pred) gold has none
--show CATEGORY prints samples with context; --show diff counts the
words that make short and long spans differ (", who...", "(paren)", ...).

    bench/quotes/source_errors.py --split train --show diff
    bench/quotes/source_errors.py --split dev --show short-QM --n 20
"""
import argparse
import collections
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from pxeval import quotes as Q, common as C  # noqa: E402


def ctx(t, s, e, w=60):
    flat = lambda x: x.replace("\n", " ")
    return flat(t[max(0, s - w):s]) + "[" + flat(t[s:e]) + "]" + flat(t[e:e + w])


def shape(x):
    x = x.strip()
    if not x:
        return ""
    if re.fullmatch(r"\([^)]*\)", x):
        return "(paren)"
    if x.startswith(","):
        return ", " + (x[1:].split() or [""])[0].lower() + ("..." if len(x) > 1 else "")
    return x.split()[0].lower() + ("..." if len(x.split()) > 1 else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--parallax", default=str(Path(__file__).resolve().parents[2] / "build/parallax"))
    ap.add_argument("--show", default="")
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    docs, texts, preds, gold = Q.predict_split(a.parallax, a.split)
    ov = C.match_overlap([(g.doc, g.content.start, g.content.end) for g in gold],
                         [(p.doc, p.start, p.end) for p in preds])

    def prf(tp, n_pred, n_gold):
        p, r = C.safe_div(tp, n_pred), C.safe_div(tp, n_gold)
        return p, r, C.safe_div(2 * p * r, p + r)

    for name, gsel, psel in (("QM", lambda g: g.quoted, lambda p: p.quoted),
                             ("all", lambda g: True, lambda p: True)):
        n_gold = sum(1 for g in gold if gsel(g) and g.source)
        n_pred = sum(1 for p in preds if psel(p) and p.source)
        tp = sum(1 for gi, pi in ov.items() if gsel(gold[gi]) and gold[gi].source and
                 preds[pi].source == (gold[gi].source.start, gold[gi].source.end))
        print("%-4s source via content match, exact: P %.4f R %.4f F1 %.4f" % ((name,) + prf(tp, n_pred, n_gold)))

    cats = collections.defaultdict(list)
    for gi, pi in ov.items():
        g, p = gold[gi], preds[pi]
        if not g.source:
            cats["gold-nosrc" + ("-pred" if p.source else "")].append((g, p))
            continue
        if not p.source:
            cats["pred-none"].append((g, p))
            continue
        (gs, ge), (ps, pe) = (g.source.start, g.source.end), p.source
        q = "QM" if g.quoted else "IN"
        if (gs, ge) == (ps, pe):
            c = "ok"
        elif ps >= gs and pe <= ge:
            c = "short"
        elif ps <= gs and pe >= ge:
            c = "long"
        elif min(ge, pe) > max(gs, ps):
            c = "cross"
        else:
            c = "wrong"
        cats[c + "-" + q].append((g, p))
    for k in sorted(cats):
        print("%-16s %d" % (k, len(cats[k])))

    rnd = random.Random(a.seed)
    if a.show == "diff":
        sub, ex = collections.Counter(), collections.defaultdict(list)
        for k, items in cats.items():
            if not k.startswith(("short", "long", "cross")):
                continue
            for g, p in items:
                t = texts[g.doc]
                (gs, ge), (ps, pe) = (g.source.start, g.source.end), p.source
                left, right = t[min(gs, ps):max(gs, ps)], t[min(ge, pe):max(ge, pe)]
                key = "%s L[%s] R[%s]" % (k.split("-")[0],
                                          ("+" if gs < ps else "-") + shape(left) if left.strip() else "",
                                          ("+" if ge > pe else "-") + shape(right) if right.strip() else "")
                sub[key] += 1
                ex[key].append(ctx(t, gs, ge, 30) + "   PRED " + t[ps:pe])
        for k, n in sub.most_common(30):
            print(n, k)
        for k, _ in sub.most_common(8):
            print("==", k)
            for x in ex[k][:a.n]:
                print("   ", x)
    elif a.show:
        items = cats.get(a.show, [])[:]
        rnd.shuffle(items)
        for g, p in items[:a.n]:
            t = texts[g.doc]
            print("---", g.doc, p.kind)
            if g.source:
                print("  gold:", ctx(t, g.source.start, g.source.end))
            if p.source:
                print("  pred:", ctx(t, p.source[0], p.source[1]))


if __name__ == "__main__":
    sys.exit(C.cli_entry(main))
