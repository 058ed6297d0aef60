#!/usr/bin/env python3
"""proxy.py - a stand-in for DUC 2004 Task 2 built from ECB+ dev stories.

DUC 2004 (50 clusters x 10 articles, 4 human 100-word summaries each) is not
available here. ECB+ groups 496 articles into 42 stories of 5..22 articles.
For each story, a few articles are held out and their openings serve as the
reference summaries: a news lede is a human-written summary of the story, by
an outlet the summariser does not see. The summariser reads the remaining
articles and writes a --words 100 summary; ROUGE-1/2 recall against the held
out ledes is computed by bench/rouge (ROUGE-1.5.5 -n 2 -m -l 100, references
pooled). Held out: min(4, n // 3) articles per story, spread over the story
(sorted ids, every (n // k)-th from an offset; --rotations offsets give as
many different sets per story), each contributing the first 100 words of its
body (headline, dateline and captions excluded as `parallax read` finds them)
when it has at least 40.

What the proxy rewards is what DUC rewards (the content most outlets lead
with), but ledes are shorter and more lead-like than DUC abstracts, so the
lead baseline is stronger here than on DUC; compare methods within a run,
never with the DUC figures. Baselines of the same run: lead (first article's
opening), centroid and LexRank (bench/brief/baselines.c).

--wrap W hard-wraps the articles the summariser reads at W columns, each
paragraph's first line indented, as newswire collections are written
(the references are unchanged): the brief of wrapped text should score as
the brief of the same text unwrapped.

usage: proxy.py --parallax BIN --baselines BIN --rouge BIN [--data FILE]
                [--words N] [--methods brief,lead,centroid,lexrank] [--wrap W]
Prints one line per method: mean ROUGE-1 and ROUGE-2 recall (x100).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import textwrap


def body_words(parallax, record, tmp):
    path = os.path.join(tmp, "one.jsonl")
    with open(path, "w") as f:
        f.write(json.dumps(record) + "\n")
    out = subprocess.run([parallax, "read", "--quiet", path], capture_output=True,
                         text=True).stdout
    doc = json.loads(out.splitlines()[0])
    words = []
    for b in doc["blocks"]:
        if b["kind"] in ("body", "standfirst"):
            words.extend(b["text"].split())
    return words


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parallax", required=True)
    ap.add_argument("--baselines", required=True)
    ap.add_argument("--rouge", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("PX_SHARED", os.path.join(here, "..", "..", "..", "shared"))
    ap.add_argument("--data", default=os.path.join(shared, "data", "ecbplus", "dev.jsonl"))
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--methods", default="brief,lead,centroid,lexrank")
    ap.add_argument("--keep", help="keep the peers and references in this folder")
    ap.add_argument("--wrap", type=int, default=0,
                    help="hard-wrap the summarised articles at W columns")
    ap.add_argument("--rotations", type=int, default=3,
                    help="hold out R different article sets per story (default 3)")
    a = ap.parse_args()
    if not os.path.exists(a.data):
        print("proxy: no data at %s" % a.data, file=sys.stderr)
        return 77
    stories = collections.defaultdict(list)
    with open(a.data) as f:
        for line in f:
            r = json.loads(line)
            stories[r["story"]].append(r)
    methods = a.methods.split(",")
    tmp = a.keep or tempfile.mkdtemp(prefix="pxbrief")
    refdir = os.path.join(tmp, "refs")
    os.makedirs(refdir, exist_ok=True)
    for m in methods:
        os.makedirs(os.path.join(tmp, m), exist_ok=True)
    n_sets = 0
    for name, rot in sorted((n, r) for n in stories for r in range(a.rotations)):
        arts = sorted(stories[name], key=lambda r: r["id"])
        k = min(4, len(arts) // 3)
        step = len(arts) // k
        if rot >= step:
            continue
        held = set(range(rot, step * k, step))
        refs = []
        for i in sorted(held):
            w = body_words(a.parallax, arts[i], tmp)
            if len(w) >= 40:
                refs.append(" ".join(w[:100]))
        if not refs:
            continue
        n_sets += 1
        sid = "s%s-%d" % (name, rot)
        for j, ref in enumerate(refs):
            with open(os.path.join(refdir, "%s.%d.txt" % (sid, j)), "w") as f:
                f.write(ref + "\n")
        inp = os.path.join(tmp, "%s.jsonl" % sid)
        with open(inp, "w") as f:
            for i, r in enumerate(arts):
                if i not in held:
                    if a.wrap:
                        r = dict(r)
                        r["text"] = "\n".join(textwrap.fill(p, a.wrap, initial_indent="   ")
                                              for p in r["text"].split("\n") if p.strip())
                    f.write(json.dumps(r) + "\n")
        for m in methods:
            if m == "brief":
                cmd = [a.parallax, "brief", "--quiet", "--words", str(a.words), inp]
            else:
                cmd = [a.baselines, m, str(a.words), inp]
            out = subprocess.run(cmd, capture_output=True, text=True)
            with open(os.path.join(tmp, m, "%s.txt" % sid), "w") as f:
                f.write(out.stdout)
    print("proxy: %d story sets from %s, --words %d" % (n_sets, os.path.basename(a.data), a.words))
    for m in methods:
        out = subprocess.run([a.rouge, "-l", str(a.words), "--dir", os.path.join(tmp, m), refdir],
                             capture_output=True, text=True).stdout
        avg = [l for l in out.splitlines() if l.startswith("Average ")]
        r = {}
        for l in avg:
            parts = l.split()
            r[parts[1]] = float(parts[3]) * 100
        print("%-9s ROUGE-1 R %6.2f  ROUGE-2 R %6.2f" % (m, r.get("ROUGE-1", 0), r.get("ROUGE-2", 0)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
