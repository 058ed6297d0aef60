#!/usr/bin/env python3
"""gen_corpus.py - a large realistic corpus with known near-duplicate families.

Articles are made by recombining the real sentences of the shared ECB+
articles (../shared/data/ecbplus/dev.jsonl): each family starts from a
base article of consecutive sentences of one real article followed by
sentences of others of the same topic, about SIZE bytes; its other
members are copies edited as outlets edit wire copy: sentences dropped,
inserted or reordered, words replaced or removed, a new headline. The
amount of editing varies, so families hold close copies and loose
rewrites whose Jaccard falls on both sides of the usual thresholds.

Output: JSONL with id, family (gold family id), source, text; one line
each. Deterministic for a given --seed.

usage: gen_corpus.py -n N [--seed S] [--size BYTES] [-o FILE] [--data DIR]
"""
import argparse
import json
import os
import random
import sys

OUTLETS = ["wire.example", "daily.example", "herald.example", "times.example",
           "post.example", "courier.example", "gazette.example", "news.example"]


def find_data(arg):
    for d in [arg, os.environ.get("PX_SHARED"), os.path.join(os.path.dirname(__file__), "../../../shared"),
              "/work/shared"]:
        if d and os.path.exists(os.path.join(d, "data/ecbplus/dev.jsonl")):
            return os.path.join(d, "data/ecbplus/dev.jsonl")
    sys.exit("gen_corpus.py: shared data not found (set PX_SHARED)")


def load(path):
    arts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            sents = [s for s in o["text"].split("\n") if len(s) > 20]
            if sents:
                arts.append((o["topic"], sents))
    return arts


def edit_words(rng, sent, rate, vocab):
    words = sent.split(" ")
    out = []
    for w in words:
        r = rng.random()
        if r < rate / 2:
            continue  # word dropped
        if r < rate:
            out.append(rng.choice(vocab))  # word replaced
        else:
            out.append(w)
    return " ".join(out) if out else sent


def variant(rng, base, pool, vocab):
    # how heavily this copy is edited: mostly light, sometimes heavy
    level = rng.choice([0.0, 0.02, 0.05, 0.1, 0.2, 0.35])
    sents = list(base)
    if level:
        n_drop = int(len(sents) * level * rng.random())
        for _ in range(n_drop):
            if len(sents) > 2:
                del sents[rng.randrange(1, len(sents))]
        for _ in range(int(len(sents) * level * rng.random())):
            sents.insert(rng.randrange(1, len(sents) + 1), rng.choice(pool))
        if rng.random() < level:
            i, j = rng.randrange(1, len(sents)), rng.randrange(1, len(sents))
            sents[i], sents[j] = sents[j], sents[i]
        sents = [edit_words(rng, s, level / 2, vocab) for s in sents]
    if rng.random() < 0.5:
        sents[0] = edit_words(rng, sents[0], 0.3, vocab)  # a new headline
    return sents


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, required=True, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", type=int, default=2000, help="bytes per base article")
    ap.add_argument("-o", default="-")
    ap.add_argument("--data")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    arts = load(find_data(a.data))
    by_topic = {}
    for t, s in arts:
        by_topic.setdefault(t, []).extend(s)
    pool = [s for _, ss in arts for s in ss]
    # sorted: a set iterates in an order that changes from run to run
    vocab = sorted({w for s in pool[:3000] for w in s.split(" ") if w.isalpha()})
    out = sys.stdout if a.o == "-" else open(a.o, "w", encoding="utf-8")
    n = fam = 0
    while n < a.n:
        topic, sents = rng.choice(arts)
        start = rng.randrange(len(sents))
        base = sents[start:start + rng.randint(3, 8)]
        size = sum(len(s) + 1 for s in base)
        tp = by_topic[topic]
        while size < a.size:
            s = rng.choice(tp) if rng.random() < 0.5 else rng.choice(pool)
            base.append(s)
            size += len(s) + 1
        k = 1 if rng.random() < 0.6 else rng.randint(2, 6)
        for m in range(min(k, a.n - n)):
            text = base if m == 0 else variant(rng, base, tp, vocab)
            out.write(json.dumps({"id": "g%d" % n, "family": "f%d" % fam,
                                  "source": rng.choice(OUTLETS), "text": "\n".join(text)},
                                 ensure_ascii=False) + "\n")
            n += 1
        fam += 1
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
