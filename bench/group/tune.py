#!/usr/bin/env python3
"""tune.py - learns the story threshold (PX_STORY_THRESHOLD) on ECB+ dev.

Runs `parallax stories --story-threshold T` on the data set for each T of
a grid and scores it with the shared scorer's B-cubed F1 (computed here
the same way as ../shared/scorers/stories.py). The threshold chosen is
the one whose F1 averaged over its neighbours (T - 2 steps .. T + 2
steps) is highest: the middle of the widest good plateau, not a lucky
peak, since a held-out half of ECB+ is scored with the same value.
Then checks that the chosen threshold gives the same score in --shuffles
shuffled orders of the input (the stories do not depend on it).

usage: tune.py [--parallax BIN] [--gold FILE] [--lo 0.12] [--hi 0.30]
               [--step 0.005] [--shuffles 5]
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def find_gold(arg):
    if arg:
        return arg
    for d in [os.environ.get("PX_SHARED"), os.path.join(HERE, "../../../shared"), "/work/shared"]:
        if d and os.path.exists(os.path.join(d, "data/ecbplus/dev.jsonl")):
            return os.path.join(d, "data/ecbplus/dev.jsonl")
    sys.exit("tune.py: ECB+ dev not found (set PX_SHARED or --gold)")


def bcubed(pred, gold):
    """B-cubed F1 of pred {doc: label} against gold {doc: label}, as the
    shared scorer computes it (a missing document is a singleton)."""
    pred = dict(pred)
    for d in gold:
        pred.setdefault(d, "__single__" + d)
    pc, gc = collections.defaultdict(set), collections.defaultdict(set)
    for d in gold:
        pc[pred[d]].add(d)
        gc[gold[d]].add(d)
    p = sum(len(pc[pred[d]] & gc[gold[d]]) / len(pc[pred[d]]) for d in gold) / len(gold)
    r = sum(len(pc[pred[d]] & gc[gold[d]]) / len(gc[gold[d]]) for d in gold) / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def run(px, path, threshold):
    out = subprocess.run([px, "stories", "--quiet", "--story-threshold", "%g" % threshold, path],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("tune.py: parallax failed: " + out.stderr)
    return {o["doc"]: o["story"] for o in map(json.loads, out.stdout.splitlines())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", default=os.path.join(HERE, "../../build/parallax"))
    ap.add_argument("--gold")
    ap.add_argument("--lo", type=float, default=0.12)
    ap.add_argument("--hi", type=float, default=0.30)
    ap.add_argument("--step", type=float, default=0.005)
    ap.add_argument("--shuffles", type=int, default=5)
    a = ap.parse_args()
    gold_path = find_gold(a.gold)
    lines = open(gold_path, encoding="utf-8").read().splitlines()
    gold = {o["id"]: o["story"] for o in map(json.loads, lines)}
    grid = []
    t = a.lo
    while t <= a.hi + 1e-9:
        grid.append(round(t, 6))
        t += a.step
    scores = []
    for t in grid:
        p, r, f = bcubed(run(a.parallax, gold_path, t), gold)
        scores.append(f)
        print("threshold %.3f  B-cubed P %.4f R %.4f F1 %.4f" % (t, p, r, f))
    smooth = []
    for i in range(len(grid)):
        w = scores[max(0, i - 2):i + 3]
        smooth.append(sum(w) / len(w))
    best = max(range(len(grid)), key=lambda i: (smooth[i], scores[i]))
    print("chosen threshold %.3f: F1 %.4f, mean over +-%.3f %.4f"
          % (grid[best], scores[best], 2 * a.step, smooth[best]))
    with tempfile.TemporaryDirectory() as tmp:
        fs = [scores[best]]
        for seed in range(1, a.shuffles + 1):
            ls = list(lines)
            random.Random(seed).shuffle(ls)
            p = os.path.join(tmp, "shuffled.jsonl")
            open(p, "w", encoding="utf-8").write("\n".join(ls) + "\n")
            fs.append(bcubed(run(a.parallax, p, grid[best]), gold)[2])
        print("file order and %d shuffles: F1 %s; spread %.4f"
              % (a.shuffles, " ".join("%.4f" % f for f in fs), max(fs) - min(fs)))


if __name__ == "__main__":
    main()
