#!/usr/bin/env python3
"""make-story.py - writes a synthetic 1,000-article story for the report
benchmark: each article is one of the five seed articles with a random
subset of its paragraphs kept and shuffled (fixed random seed), from one of
37 outlets. The outlets overlap heavily, which is the expensive case for
quotation and fact matching.
Usage: make-story.py SEEDS_DIR N > story.jsonl"""
import json
import os
import random
import sys

seeds_dir = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rng = random.Random(7)
docs = []
for name in sorted(os.listdir(seeds_dir)):
    if name.endswith(".txt"):
        with open(os.path.join(seeds_dir, name), encoding="utf-8") as f:
            docs.append([p for p in f.read().split("\n") if p.strip()])
for i in range(n):
    paras = list(docs[i % len(docs)])
    head, body = paras[0], paras[1:]
    keep = [p for p in body if rng.random() < 0.8]
    rng.shuffle(keep)
    print(json.dumps({"id": "a%04d" % i, "title": head, "source": "Outlet %d" % (i % 37),
                      "text": "\n\n".join([head] + keep)}, ensure_ascii=False))
