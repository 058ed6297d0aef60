#!/usr/bin/env python3
"""make-story.py - writes the inputs of the report benchmark.

make-story.py SEEDS_DIR N > story.jsonl
    a synthetic story of N articles: each is one of the five seed articles
    with a random subset of its paragraphs kept and shuffled (fixed random
    seed), from one of 37 outlets. The outlets overlap heavily, which is the
    expensive case for quotation and fact matching.
make-story.py --repeat MB > article.txt
    one article of MB megabytes that repeats a quoted statement, paragraph
    after paragraph (the case where the entity lookup and the quotation
    grouping grew with the square of the article)."""
import json
import os
import random
import sys

if sys.argv[1] == "--repeat":
    size = float(sys.argv[2]) * 1024 * 1024
    out = ["Zelensky repeats his offer to meet Putin", ""]
    n, total = 0, 0
    while total < size:
        n += 1
        p = ("Volodymyr Zelensky said on Sunday: \u201cWe await a full and lasting ceasefire, starting from "
             "tomorrow, to provide the necessary basis for diplomacy. There is no point in prolonging the "
             "killings.\u201d Officials in Kyiv repeated the message for the %dth time." % n)
        out += [p, ""]
        total += len(p.encode("utf-8")) + 2
    sys.stdout.write("\n".join(out))
    sys.exit(0)
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
