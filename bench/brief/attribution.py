#!/usr/bin/env python3
"""attribution.py - how well the brief names its sources, measured on ECB+.

ECB+ puts two look-alike events in each topic (two earthquakes, two rehab
stays...). For each topic, the brief is made from all its articles (both
events, --sentences 5 --format jsonl). A source that belongs to the other
event than the chosen sentence's document is a wrong attribution: a look-alike
sentence about another event. Reported: precision (share of the extra
sources, beyond the chosen document, from the same event), sources per
sentence, and the share of same-event articles named (a recall stand-in: not
every article of an event carries every sentence, so it cannot reach 1).

usage: attribution.py --parallax BIN [--data FILE]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parallax", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("PX_SHARED", os.path.join(here, "..", "..", "..", "shared"))
    ap.add_argument("--data", default=os.path.join(shared, "data", "ecbplus", "dev.jsonl"))
    a = ap.parse_args()
    if not os.path.exists(a.data):
        print("attribution: no data at %s" % a.data, file=sys.stderr)
        return 77
    topics = collections.defaultdict(list)
    story_of = {}
    with open(a.data) as f:
        for line in f:
            r = json.loads(line)
            topics[r["topic"]].append(r)
            story_of[r["id"]] = r["story"]
    tmp = tempfile.mkdtemp(prefix="pxattr")
    good = bad = sents = srcs = 0
    recall = []
    for t in sorted(topics):
        path = os.path.join(tmp, "%s.jsonl" % t)
        with open(path, "w") as f:
            for r in topics[t]:
                f.write(json.dumps(r) + "\n")
        out = subprocess.run([a.parallax, "brief", "--quiet", "--format", "jsonl", path],
                             capture_output=True, text=True).stdout
        size = collections.Counter(r["story"] for r in topics[t])
        for line in out.splitlines():
            o = json.loads(line)
            story = story_of[o["doc"]]
            sents += 1
            srcs += len(o["sources"])
            same = sum(1 for s in o["sources"][1:] if story_of[s] == story)
            good += same
            bad += len(o["sources"]) - 1 - same
            if size[story] > 1:
                recall.append(same / (size[story] - 1))
    print("attribution: %d topics, %d sentences, %.2f sources a sentence" %
          (len(topics), sents, srcs / max(sents, 1)))
    print("attribution: precision %.3f (%d same-event extra sources, %d other-event), "
          "same-event articles named %.3f" %
          (good / max(good + bad, 1), good, bad, sum(recall) / max(len(recall), 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
