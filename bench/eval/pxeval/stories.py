"""eval-stories: scores `parallax stories` (one story label per article)
against gold story clusters, by default those of ecbplus/dev.jsonl.

Predictions: one object per article with doc, story (any JSON scalar: the
cluster label) and duplicate_of (ignored for the clustering figures).
An article missing from the predictions counts as a singleton cluster.

See bench/README.md for the exact metric definitions.
"""

import argparse
import sys
from collections import Counter, defaultdict
from math import comb

from . import common as C

GOLD_ONLY_FIELDS = ("story", "topic")    # never shown to parallax


def load_gold(path):
    """Reads a JSONL file with id and story per line: returns (records,
    {id: story}). Records without an id or a story are skipped."""
    recs = C.read_jsonl(path, "gold record")
    gold = {}
    keep = []
    for r in recs:
        i, s = r.get("id"), r.get("story")
        if i is None or s is None:
            C.warn(f"{path}: record without id or story skipped")
            continue
        i = str(i)
        if i in gold:
            C.warn(f"{path}: duplicate id {i}: the first is kept")
            continue
        gold[i] = str(s)
        keep.append(r)
    if not gold:
        raise C.ScorerError(f"{path}: no gold records with id and story")
    return keep, gold


def parse_predictions(objs, gold):
    """{doc: cluster label} for the gold docs, and a report. A doc missing
    from the predictions, or with a null story, gets a singleton label."""
    pred = {}
    rep = {"objects": len(objs), "unknown_doc": 0, "duplicate_doc": 0,
           "null_story": 0, "missing": [], "unknown_docs": [],
           "duplicates_marked": 0, "duplicates_same_gold_story": 0}
    dup_of = {}
    for o in objs:
        doc = o.get("doc", o.get("id"))
        doc = str(doc) if doc is not None else None
        if doc not in gold:
            rep["unknown_doc"] += 1
            if len(rep["unknown_docs"]) < 5:
                rep["unknown_docs"].append(doc)
            continue
        if doc in pred:
            rep["duplicate_doc"] += 1
        s = o.get("story")
        if s is None or isinstance(s, (dict, list)):
            rep["null_story"] += 1
            pred[doc] = ("singleton", doc)
        else:
            pred[doc] = ("story", str(s))
        d = o.get("duplicate_of")
        if d is not None:
            dup_of[doc] = str(d)
    for doc in gold:
        if doc not in pred:
            rep["missing"].append(doc)
            pred[doc] = ("singleton", doc)
    rep["duplicates_marked"] = len(dup_of)
    rep["duplicates_same_gold_story"] = sum(
        1 for a, b in dup_of.items() if b in gold and gold[a] == gold[b])
    return pred, rep


def score(gold, pred):
    """B-cubed, pairwise and ARI of the predicted labels against the gold
    labels, both {doc: label} over the same docs."""
    docs = sorted(gold)
    n = len(docs)
    g_size = Counter(gold[d] for d in docs)
    p_size = Counter(pred[d] for d in docs)
    cell = Counter((gold[d], pred[d]) for d in docs)
    # B-cubed: per item, |pred cluster ∩ gold cluster| / |pred cluster| (P)
    # and / |gold cluster| (R), averaged over items
    bp = sum(cell[(gold[d], pred[d])] / p_size[pred[d]] for d in docs) / n if n else 0.0
    br = sum(cell[(gold[d], pred[d])] / g_size[gold[d]] for d in docs) / n if n else 0.0
    bf = C.safe_div(2 * bp * br, bp + br)
    # pairs of items put together
    tp = sum(comb(v, 2) for v in cell.values())
    pp = sum(comb(v, 2) for v in p_size.values())
    gp = sum(comb(v, 2) for v in g_size.values())
    pw = C.prf(tp, pp, tp, gp)
    # adjusted Rand index (Hubert and Arabie 1985)
    total = comb(n, 2)
    if total == 0:
        ari = 1.0
    else:
        expected = gp * pp / total
        maximum = (gp + pp) / 2
        if maximum == expected:
            # both partitions all singletons or both one cluster (sklearn's
            # convention): a perfect score only when they are equal
            ari = 1.0 if tp == gp == pp else 0.0
        else:
            ari = (tp - expected) / (maximum - expected)
    return {"docs": n,
            "bcubed": {"p": bp, "r": br, "f": bf},
            "pairwise": pw,
            "ari": ari,
            "clusters": {"gold": len(g_size), "pred": len(p_size),
                         "pred_singletons": sum(1 for v in p_size.values() if v == 1),
                         "gold_singletons": sum(1 for v in g_size.values() if v == 1),
                         "largest_pred": max(p_size.values()) if p_size else 0,
                         "largest_gold": max(g_size.values()) if g_size else 0}}


def cluster_errors(gold, pred, n):
    """The n predicted clusters that mix most gold stories, and the n gold
    stories split over most predicted clusters."""
    by_pred = defaultdict(list)
    by_gold = defaultdict(list)
    for d in sorted(gold):
        by_pred[pred[d]].append(d)
        by_gold[gold[d]].append(d)
    mixed = sorted(by_pred.values(), key=lambda ds: (-len({gold[d] for d in ds}), -len(ds)))
    split = sorted(by_gold.items(), key=lambda kv: (-len({pred[d] for d in kv[1]}), -len(kv[1])))
    return {
        "mixed_pred_clusters": [
            {"size": len(ds), "gold_stories": dict(Counter(gold[d] for d in ds)),
             "docs": ds[:12]} for ds in mixed[:n] if len({gold[d] for d in ds}) > 1],
        "split_gold_stories": [
            {"story": s, "size": len(ds), "pred_clusters": len({pred[d] for d in ds}),
             "docs": ds[:12]} for s, ds in split[:n] if len({pred[d] for d in ds}) > 1],
    }


def print_report(res, rep, gold_path):
    out = [f"Stories: {res['docs']} articles from {gold_path}; "
           f"{res['clusters']['gold']} gold stories, {res['clusters']['pred']} predicted "
           f"clusters ({res['clusters']['pred_singletons']} singletons, largest "
           f"{res['clusters']['largest_pred']}; gold largest {res['clusters']['largest_gold']})"]
    if rep["missing"]:
        out.append(f"warning: {len(rep['missing'])} articles missing from the predictions, "
                   f"counted as singletons: {', '.join(rep['missing'][:10])}"
                   f"{' ...' if len(rep['missing']) > 10 else ''}")
    if rep["unknown_doc"]:
        out.append(f"warning: {rep['unknown_doc']} predictions for articles not in the gold "
                   f"(ignored), e.g. {rep['unknown_docs'][:3]}")
    if rep["duplicate_doc"]:
        out.append(f"warning: {rep['duplicate_doc']} articles predicted more than once "
                   f"(the last kept)")
    if rep["null_story"]:
        out.append(f"note: {rep['null_story']} predictions with a null story, counted as "
                   f"singletons")
    out.append("")
    b, pw = res["bcubed"], res["pairwise"]
    rows = [["B-cubed", b["p"], b["r"], b["f"]],
            ["pairwise", pw["p"], pw["r"], pw["f"]]]
    out.append(C.table(["", "P", "R", "F1"], rows))
    out.append(f"ARI {res['ari']:.4f}; pairs: {pw['tp']} shared, {pw['n_pred']} predicted, "
               f"{pw['n_gold']} gold")
    if rep["duplicates_marked"]:
        out.append(f"duplicate_of set on {rep['duplicates_marked']} articles, "
                   f"{rep['duplicates_same_gold_story']} of them within the gold story")
    print("\n".join(out))
    if "errors" in res:
        print("\nPredicted clusters mixing gold stories:")
        for c in res["errors"]["mixed_pred_clusters"]:
            print(f"  size {c['size']}: {c['gold_stories']}  {' '.join(c['docs'])}")
        print("\nGold stories split over predicted clusters:")
        for c in res["errors"]["split_gold_stories"]:
            print(f"  {c['story']} (size {c['size']}) in {c['pred_clusters']} clusters: "
                  f"{' '.join(c['docs'])}")


def build_parser():
    ap = argparse.ArgumentParser(
        prog="eval-stories",
        description="Score `parallax stories` clusters against gold stories "
                    "(B-cubed, pairwise, ARI).",
        epilog="Metrics are defined in bench/README.md.")
    ap.add_argument("--gold", metavar="FILE",
                    help="JSONL with id, story (and text, to run parallax); "
                         "default ecbplus/dev.jsonl of the shared data")
    C.add_common_args(ap)
    return ap


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        gold_path = args.gold or str(C.dataset_dir("ecbplus", args.data) / "dev.jsonl")
        recs, gold = load_gold(gold_path)
        # parallax sees everything but the gold labels
        records = [{k: v for k, v in r.items() if k not in GOLD_ONLY_FIELDS} for r in recs]
        for r in records:
            r["id"] = str(r["id"])
        if args.write_input:
            C.write_jsonl(args.write_input, records)
            print(f"wrote {len(records)} articles to {args.write_input}", file=sys.stderr)
            return 0
        if args.predictions:
            objs = C.read_jsonl(args.predictions, "prediction")
        else:
            if not all(isinstance(r.get("text"), str) for r in records):
                raise C.ScorerError(f"{gold_path}: records need a \"text\" to run parallax")
            objs = C.run_parallax(args.parallax, "stories", records, timeout=args.timeout,
                                  save_output=args.save_predictions)
        pred, rep = parse_predictions(objs, gold)
        res = score(gold, pred)
        if args.errors > 0:
            res["errors"] = cluster_errors(gold, pred, args.errors)
    except C.ScorerError as e:
        print(f"eval-stories: {e}", file=sys.stderr)
        return 2
    if args.json:
        if rep["missing"]:
            C.warn(f"{len(rep['missing'])} articles missing from the predictions "
                   f"(counted as singletons)")
        C.dump_json({"gold": gold_path, "predictions": rep, **res})
    else:
        print_report(res, rep, gold_path)
    return 0
