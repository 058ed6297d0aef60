#!/usr/bin/env python3
"""Content span boundary errors of `parallax quotes` on PolNeAR, by category.

For each prediction whose content overlaps a gold attribution but is not
the same span (the matching of bench/eval/eval-quotes), the start and the
end are compared separately: start early/late, end early/late, and the
words in between ("that", ", he said", '"', ...), separately for gold
contents with quotation marks (QM) and without (IN).

    bench/quotes/content_errors.py --split train
    bench/quotes/content_errors.py --split train --only QM --show 'end-late' --n 20
    bench/quotes/content_errors.py --predictions out.jsonl --split train
"""
import argparse
import collections
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from pxeval import quotes as Q, common as C  # noqa: E402


def flat(x):
    return x.replace("\n", "\u23ce")


def ctx(t, s, e, w=60):
    return flat(t[max(0, s - w):s]) + "[" + flat(t[s:e]) + "]" + flat(t[e:e + w])


def shape(x, at_end):
    """A short key for the text between the gold and predicted boundary."""
    if not x.strip():
        return "space" if x else ""
    w = re.findall(r"[A-Za-z'’]+|[^\sA-Za-z]", x)
    if len(w) <= 2:
        return " ".join(w).lower()
    if at_end:
        return w[0].lower() + " " + w[1].lower() + "..."
    return "..." + w[-2].lower() + " " + w[-1].lower()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=("dev", "train"))
    ap.add_argument("--parallax", default=str(Path(__file__).resolve().parents[2] / "build/parallax"))
    ap.add_argument("--predictions", default="")
    ap.add_argument("--only", default="", choices=("", "QM", "IN"))
    ap.add_argument("--show", default="", help="a key (prefix) to show samples of")
    ap.add_argument("--kind", default="", help="only predictions of this kind")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    docs, texts, preds, gold = Q.predict_split(a.parallax, a.split, a.predictions)
    gk = [(g.doc, g.content.start, g.content.end) for g in gold]
    pk = [(p.doc, p.start, p.end) for p in preds]
    ex = C.match_exact(gk, pk)
    ov = C.match_overlap(gk, pk)
    exact_g = set(ex) if isinstance(ex, dict) else set(g for g, _ in ex)
    n = collections.Counter()
    keys, samples = collections.Counter(), collections.defaultdict(list)
    sides = collections.Counter()
    for gi, pi in ov.items():
        g, p = gold[gi], preds[pi]
        q = "QM" if g.quoted else "IN"
        if a.only and q != a.only:
            continue
        if a.kind and p.kind != a.kind:
            continue
        n[q] += 1
        gs, ge = g.content.start, g.content.end
        if (gs, ge) == (p.start, p.end):
            n[q + "-ok"] += 1
            continue
        t = texts[g.doc]
        parts = []
        if p.start != gs:
            d = "start-early" if p.start < gs else "start-late"
            parts.append("%s[%s]" % (d, shape(t[min(gs, p.start):max(gs, p.start)], False)))
        if p.end != ge:
            d = "end-early" if p.end < ge else "end-late"
            parts.append("%s[%s]" % (d, shape(t[min(ge, p.end):max(ge, p.end)], True)))
        sides[q + " " + " ".join(x.split("[")[0] for x in parts)] += 1
        for x in parts:
            key = q + " " + p.kind + " " + x
            keys[key] += 1
            samples[key].append("%s gold %s\n       pred %s" % (g.doc, ctx(t, gs, ge), ctx(t, p.start, p.end)))
    for q in ("QM", "IN"):
        if n[q]:
            print("%s: %d overlap-matched, %d exact (%.3f)" % (q, n[q], n[q + "-ok"], n[q + "-ok"] / n[q]))
    print("\nby side:")
    for k, c in sides.most_common():
        print("%5d %s" % (c, k))
    print("\nby side and words (gold..pred difference):")
    for k, c in keys.most_common(a.top):
        print("%5d %s" % (c, k))
    if a.show:
        rnd = random.Random(a.seed)
        for k in sorted(keys, key=lambda k: -keys[k]):
            if a.show not in k:
                continue
            items = samples[k][:]
            rnd.shuffle(items)
            print("==", k, keys[k])
            for s in items[:a.n]:
                print("   ", s)


if __name__ == "__main__":
    sys.exit(C.cli_entry(main))
