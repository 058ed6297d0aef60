#!/usr/bin/env python3
"""orders.py - story clustering on ECB+ over several shuffled input orders.

Runs bench/eval/eval-stories on the data set in its own order and in N
shuffled orders (seeds 1..N) and prints B-cubed P/R/F1, pairwise F1 and
ARI of each, with the min, median and max of B-cubed F1: how much the
result depends on the order articles arrive in.

usage: orders.py [--parallax BIN] [--gold FILE] [-n N]
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", default=os.path.join(HERE, "../../build/parallax"))
    ap.add_argument("--gold", default=None)
    ap.add_argument("-n", type=int, default=8)
    a = ap.parse_args()
    gold = a.gold
    if not gold:
        for d in [os.environ.get("PX_SHARED"), os.path.join(HERE, "../../../shared"), "/work/shared"]:
            if d and os.path.exists(os.path.join(d, "data/ecbplus/dev.jsonl")):
                gold = os.path.join(d, "data/ecbplus/dev.jsonl")
                break
    lines = open(gold, encoding="utf-8").read().splitlines()
    ev = os.path.join(HERE, "../eval/eval-stories")
    fs = []
    with tempfile.TemporaryDirectory() as t:
        for seed in range(a.n + 1):
            ls = list(lines)
            if seed:
                random.Random(seed).shuffle(ls)
            p = os.path.join(t, "g.jsonl")
            open(p, "w", encoding="utf-8").write("\n".join(ls) + "\n")
            o = json.loads(subprocess.run([ev, "--parallax", a.parallax, "--gold", p, "--json"],
                                          capture_output=True, text=True, check=True).stdout)
            b = o["bcubed"]
            fs.append(b["f"])
            print("order %-9s B-cubed P %.4f R %.4f F1 %.4f  pairwise F1 %.4f  ARI %.4f"
                  % ("given" if not seed else "seed %d" % seed, b["p"], b["r"], b["f"],
                     o["pairwise"]["f"], o["ari"]))
    print("B-cubed F1 over %d orders: min %.4f  median %.4f  max %.4f  mean %.4f"
          % (len(fs), min(fs), statistics.median(fs), max(fs), statistics.mean(fs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
