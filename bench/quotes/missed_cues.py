#!/usr/bin/env python3
"""Gold PolNeAR attributions that `parallax quotes` misses, by cue word.

A gold attribution is missed when no prediction overlaps its content
(the matching of bench/eval/eval-quotes). Counts the missed ones by
folded cue text (and by the cue's last word), with how often the same cue
text is found, so that the cues worth a rule stand out; --show CUE prints
samples with context (the cue in [brackets], the content in {braces}).
Also counts false positives (predictions overlapping no gold content) by
predicted cue text with --fp.

    bench/quotes/missed_cues.py --split train --n 40
    bench/quotes/missed_cues.py --split train --show "according to"
    bench/quotes/missed_cues.py --split train --fp
"""
import argparse
import collections
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from pxeval import quotes as Q, common as C  # noqa: E402


def fold(s):
    return " ".join(s.lower().replace("\u2019", "'").split())


def show(t, cue, content, w=80):
    marks = []
    if cue:
        marks += [(cue[0], "["), (cue[1], "]")]
    marks += [(content[0], "{"), (content[1], "}")]
    lo = max(0, min(m[0] for m in marks) - w)
    hi = min(len(t), max(m[0] for m in marks) + w)
    out, pos = [], lo
    for at, m in sorted(marks):
        out.append(t[pos:at])
        out.append(m)
        pos = at
    out.append(t[pos:hi])
    return "".join(out).replace("\n", " | ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=("dev", "train"))
    ap.add_argument("--parallax", default=str(Path(__file__).resolve().parents[2] / "build/parallax"))
    ap.add_argument("--n", type=int, default=40, help="rows of each table")
    ap.add_argument("--show", default="", help="print samples of this folded cue text")
    ap.add_argument("--fp", action="store_true", help="count false positives instead")
    ap.add_argument("--prec", action="store_true",
                    help="precision of the predictions by predicted cue text instead")
    ap.add_argument("--quoted", choices=("all", "yes", "no"), default="all")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    docs, texts, preds, gold = Q.predict_split(a.parallax, a.split)
    if a.quoted != "all":
        gold = [g for g in gold if g.quoted == (a.quoted == "yes")]
    ov = C.match_overlap([(g.doc, g.content.start, g.content.end) for g in gold],
                         [(p.doc, p.start, p.end) for p in preds])
    rnd = random.Random(a.seed)
    if a.prec:
        ex = set(C.match_exact([(g.doc, g.content.start, g.content.end) for g in gold],
                               [(p.doc, p.start, p.end) for p in preds]).values())
        hit = set(ov.values())
        rows = collections.defaultdict(lambda: [0, 0, 0])
        for i, p in enumerate(preds):
            k = fold(texts[p.doc][p.cue[0]:p.cue[1]]) if p.cue else "-"
            rows[k][0] += 1
            rows[k][1] += i in ex
            rows[k][2] += i in hit
        print(f"{'n':>6} {'exact':>6} {'overlap':>7}  cue")
        for k, (n, e, o) in sorted(rows.items(), key=lambda kv: -kv[1][0])[:a.n]:
            print(f"{n:6d} {e / n:6.2f} {o / n:7.2f}  {k}")
        return
    if a.fp:
        hit = set(ov.values())
        fps = [p for i, p in enumerate(preds) if i not in hit]
        cnt = collections.Counter(fold(texts[p.doc][p.cue[0]:p.cue[1]]) if p.cue else "-"
                                  for p in fps)
        print(f"{len(fps)} predictions overlap no gold content")
        for k, v in cnt.most_common(a.n):
            print(f"{v:6d}  {k}")
        if a.show:
            sel = [p for p in fps if p.cue and fold(texts[p.doc][p.cue[0]:p.cue[1]]) == a.show]
            for p in rnd.sample(sel, min(len(sel), a.n)):
                print("-", p.doc, show(texts[p.doc], p.cue, (p.start, p.end)))
        return
    found = collections.Counter()
    missed = collections.Counter()
    missed_last = collections.Counter()
    for gi, g in enumerate(gold):
        cue = fold(g.cue.text) if g.cue else "-"
        if gi in ov:
            found[cue] += 1
        else:
            missed[cue] += 1
            missed_last[cue.split()[-1] if cue != "-" else "-"] += 1
    n_missed = sum(missed.values())
    print(f"{len(gold)} gold, {n_missed} missed (no overlapping prediction)")
    print(f"\n{'missed':>6} {'found':>6}  cue")
    for k, v in missed.most_common(a.n):
        print(f"{v:6d} {found[k]:6d}  {k}")
    print(f"\n{'missed':>6}  last word of cue")
    for k, v in missed_last.most_common(a.n):
        print(f"{v:6d}  {k}")
    if a.show:
        sel = [g for gi, g in enumerate(gold)
               if gi not in ov and g.cue and fold(g.cue.text) == a.show]
        print(f"\n{len(sel)} missed with cue {a.show!r}:")
        for g in rnd.sample(sel, min(len(sel), a.n)):
            print("-", g.doc, show(texts[g.doc], (g.cue.start, g.cue.end),
                                   (g.content.start, g.content.end)))


if __name__ == "__main__":
    main()
