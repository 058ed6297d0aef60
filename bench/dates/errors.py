#!/usr/bin/env python3
"""bench/dates/errors.py - error analysis of `parallax dates` on TimeML.

Runs (or reads saved) predictions, matches them to the gold TIMEX3 as
eval-dates does (relaxed overlap), and lists value errors, misses and
false positives grouped by category, largest first, with context.

usage: bench/dates/errors.py [--predictions FILE] [--only TimeBank|AQUAINT]
                             [--show N] [--parallax PATH]
"""
import argparse
import os
import re
import sys
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "eval"))
from pxeval import common as C  # noqa: E402
from pxeval import dates as D  # noqa: E402


def shape(v):
    """The granularity of a TimeML value: 'day', 'month', 'week', ..."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        return "day"
    if re.fullmatch(r"\d{4}-\d\d-\d\dT.*", v):
        return "time"
    if re.fullmatch(r"\d{4}-\d\d", v):
        return "month"
    if re.fullmatch(r"\d{4}-W\d+", v):
        return "week"
    if re.fullmatch(r"\d{4}-Q\d", v):
        return "quarter"
    if re.fullmatch(r"\d{4}-H\d", v):
        return "half"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", v):
        return "season"
    if re.fullmatch(r"\d{4}", v):
        return "year"
    if re.fullmatch(r"\d{2,3}", v):
        return "decade"
    if v.endswith("_REF"):
        return v
    if v.startswith("P"):
        return "duration"
    if "X" in v:
        return "unknown"
    return "other"


def category(g, p):
    gs, ps = shape(g.value), shape(p.value)
    if gs != ps:
        return f"{gs} -> {ps}"
    if gs in ("day", "month", "year", "week", "quarter", "half", "season"):
        return f"{gs}: wrong {gs}"
    return f"{gs}: other"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--predictions")
    ap.add_argument("--parallax", default=os.path.join(here, "..", "..", "build", "parallax"))
    ap.add_argument("--only")
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--kind", default="values,misses,fp")
    args = ap.parse_args()
    docs = D.load_gold(C.dataset_dir("timeml"), args.only)
    texts = {d.doc: d.text for d in docs}
    dct = {d.doc: d.date for d in docs}
    if args.predictions:
        objs = C.read_jsonl(args.predictions)
    else:
        recs = [{"id": d.doc, "text": d.text, "date": d.date} for d in docs]
        objs = C.run_parallax(args.parallax, "dates", recs, extra_args=("--no-story",))
    preds, _ = D.parse_predictions(objs, texts)
    gold = [t for d in docs for t in d.timexes]
    ov = C.match_overlap([(t.doc, t.start, t.end) for t in gold],
                         [(x.doc, x.start, x.end) for x in preds])
    ctx = lambda x: C.context(texts[x.doc], x.start, x.end, 45).replace("\n", " ")
    groups = defaultdict(list)
    kinds = args.kind.split(",")
    # the shapes the gold gives each expression text: a value error whose
    # shape the gold gives the same words elsewhere is an inconsistency of
    # the annotation as much as an error
    shapes_of = defaultdict(set)
    for t in gold:
        shapes_of[t.text.lower()].add(shape(t.value))
    n_wrong = n_inconsistent = 0
    if "values" in kinds:
        for gi, pi in ov.items():
            g, p = gold[gi], preds[pi]
            if g.value != p.value:
                n_wrong += 1
                if shape(p.value) != shape(g.value) and shape(p.value) in shapes_of[g.text.lower()]:
                    n_inconsistent += 1
                groups["VALUE " + category(g, p)].append(
                    f"{dct[g.doc]} gold {g.value!r} pred {p.value!r}: {ctx(g)}")
    if "misses" in kinds:
        for gi, g in enumerate(gold):
            if gi not in ov:
                groups[f"MISS {g.type} {shape(g.value)}"].append(f"{g.value!r}: {ctx(g)}")
    if "fp" in kinds:
        used = set(ov.values())
        for pi, p in enumerate(preds):
            if pi not in used:
                groups[f"FP {p.type} {shape(p.value)}"].append(f"{p.value!r}: {ctx(p)}")
    if n_wrong:
        print(f"value errors: {n_wrong}; of them {n_inconsistent} give a shape the gold "
              f"gives the same words elsewhere")
    for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"== {k}: {len(v)}")
        for line in v[: args.show]:
            print("   ", line)


if __name__ == "__main__":
    main()
