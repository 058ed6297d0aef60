#!/usr/bin/env python3
"""fidelity.py - near-duplicate fidelity of `parallax stories` against exact Jaccard.

Runs parallax on CORPUS (JSONL with id and text, e.g. from gen_corpus.py),
computes the exact Jaccard of the word 5-shingle sets of every pair of
documents sharing a shingle, and scores the pairs parallax reports as
near-duplicates against the pairs whose exact Jaccard reaches the
threshold. The reported pairs are the links parallax prints: each
document with the ids in its near_duplicates (the earlier documents it
verified) and with its duplicate_of (its family's representative, also
verified). A family is a star around its representative, not a clique:
near-duplication is not transitive (B and C may each be close to A and
not to each other), so two members of a family are not claimed to be
near-duplicates of each other unless a link says so. For information the
script also prints the strict view (every two members of a family taken
as a pair) and the document recall (a document with a true
near-duplicate is in a family with one of them).
Words are case-folded runs of letters and digits (with inner apostrophes,
hyphens, points and commas), as parallax's tokenizer.

usage: fidelity.py --parallax BIN CORPUS [--threshold 0.5] [--shingle 5]
                   [--min-precision P] [--min-recall R] [--min-doc-recall D]
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
    ap.add_argument("--min-recall", type=float, default=0)
    ap.add_argument("--min-doc-recall", type=float, default=0)
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
    reported = set()
    for line in out.stdout.splitlines():
        o = json.loads(line)
        i = pos[o["doc"]]
        fam[pos[o["duplicate_of"]] if o["duplicate_of"] else i].append(i)
        for x in o.get("near_duplicates", []) + ([o["duplicate_of"]] if o["duplicate_of"] else []):
            j = pos[x]
            reported.add((min(i, j), max(i, j)))
    print("near-duplicate pairs: %d true (exact Jaccard >= %.2f), %d reported, %d both"
          % (len(true), a.threshold, len(reported), len(true & reported)))
    p = len(true & reported) / len(reported) if reported else 1.0
    r = len(true & reported) / len(true) if true else 1.0
    print("reported pairs (near_duplicates and duplicate_of links): precision %.4f  recall %.4f"
          % (p, r))
    strict = set()
    for members in fam.values():
        strict.update(itertools.combinations(sorted(members), 2))
    sp = len(true & strict) / len(strict) if strict else 1.0
    sr = len(true & strict) / len(true) if true else 1.0
    print("strict view (every two members of a family, %d pairs): precision %.4f  recall %.4f"
          % (len(strict), sp, sr))
    fam_of = {i: r for r, m in fam.items() for i in m}
    has = defaultdict(set)
    for i, j in true:
        has[i].add(j)
        has[j].add(i)
    found = sum(1 for i, ps in has.items() if any(fam_of[i] == fam_of[j] for j in ps))
    dr = found / len(has) if has else 1.0
    print("documents with a near-duplicate: %d, recall %.4f (in a family with one of them)"
          % (len(has), dr))
    if p < a.min_precision or r < a.min_recall or dr < a.min_doc_recall:
        print("below the floor (precision %.2f, recall %.2f, document recall %.2f)"
              % (a.min_precision, a.min_recall, a.min_doc_recall))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
