#!/usr/bin/env python3
"""fidelity.py - near-duplicate fidelity of `parallax stories` against exact Jaccard.

Runs parallax on CORPUS (JSONL with id and text, e.g. from gen_corpus.py),
computes the exact Jaccard of the word 5-shingle sets of every pair of
documents sharing a shingle, and scores the pairs parallax puts in one
near-duplicate family (same duplicate_of, or a document and its
duplicate_of) against the pairs whose exact Jaccard reaches the threshold.
Two views: all pairs of a family (strict: every two members of a family
must reach the threshold, a family is a clique) and the links parallax
prints (a document and its duplicate_of, the family's representative).
--min-precision is the floor of the link precision, --min-recall of the
recall of the documents that have a near-duplicate (in a family with one
of them); --min-pair-precision and --min-pair-recall of the strict
all-pairs view. Words are case-folded runs of letters and digits (with
inner apostrophes, hyphens, points and commas), as parallax's tokenizer.

usage: fidelity.py --parallax BIN CORPUS [--threshold 0.5] [--shingle 5]
                   [--min-precision P] [--min-recall R]
exit status 1 when below a floor.
"""
import argparse
import itertools
import json
import re
import subprocess
import sys
from collections import defaultdict

WORD = re.compile(r"\w+(?:['’.,\-]\w+)*")


def shingles(text, k):
    w = [x.lower() for x in WORD.findall(text)]
    if len(w) < k:
        return {tuple(w)} if w else set()
    return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", required=True)
    ap.add_argument("corpus")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--shingle", type=int, default=5)
    ap.add_argument("--min-precision", type=float, default=0)
    ap.add_argument("--min-recall", type=float, default=0, help="floor of the document recall")
    ap.add_argument("--min-pair-recall", type=float, default=0)
    ap.add_argument("--min-pair-precision", type=float, default=0)
    a = ap.parse_args()
    docs = [json.loads(l) for l in open(a.corpus, encoding="utf-8")]
    ids = [d["id"] for d in docs]
    sets = [shingles(d["text"], a.shingle) for d in docs]
    inv = defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            inv[sh].append(i)
    cand = set()
    for lst in inv.values():
        if 1 < len(lst) < 200:
            cand.update(itertools.combinations(lst, 2))
    true = set()
    for i, j in cand:
        inter = len(sets[i] & sets[j])
        if inter / (len(sets[i]) + len(sets[j]) - inter) >= a.threshold:
            true.add((i, j))
    out = subprocess.run([a.parallax, "stories", "--threshold", str(a.threshold), "--shingle",
                          str(a.shingle), a.corpus], capture_output=True, text=True, check=True)
    pos = {x: i for i, x in enumerate(ids)}
    fam = defaultdict(list)
    for line in out.stdout.splitlines():
        o = json.loads(line)
        i = pos[o["doc"]]
        fam[pos[o["duplicate_of"]] if o["duplicate_of"] else i].append(i)
    links = [(min(i, r), max(i, r)) for r, m in fam.items() for i in m if i != r]
    link_ok = sum(1 for l in links if l in true)
    pred = set()
    for members in fam.values():
        pred.update(itertools.combinations(sorted(members), 2))
    tp = len(true & pred)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(true) if true else 1.0
    print("near-duplicate pairs: %d true (exact Jaccard >= %.2f), %d predicted, %d both"
          % (len(true), a.threshold, len(pred), tp))
    lp = link_ok / len(links) if links else 1.0
    print("family pairs (all pairs within a family): precision %.4f  recall %.4f" % (p, r))
    print("links (document, duplicate_of): %d, precision %.4f" % (len(links), lp))
    # documents with a true near-duplicate: found when their family holds
    # at least one of them (a partition into cliques cannot hold every true
    # pair when near-duplication is not transitive: B and C both close to A
    # but not to each other)
    fam_of = {i: r for r, m in fam.items() for i in m}
    has = defaultdict(set)
    for i, j in true:
        has[i].add(j)
        has[j].add(i)
    found = sum(1 for i, ps in has.items() if any(fam_of[i] == fam_of[j] for j in ps))
    dr = found / len(has) if has else 1.0
    print("documents with a near-duplicate: %d, recall %.4f (in a family with one of them)"
          % (len(has), dr))
    if lp < a.min_precision or p < a.min_pair_precision or dr < a.min_recall or r < a.min_pair_recall:
        print("below the floor (link precision %.2f, document recall %.2f, pair precision %.2f,"
              " pair recall %.2f)" % (a.min_precision, a.min_recall, a.min_pair_precision,
                                      a.min_pair_recall))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
