"""eval-dates: scores `parallax dates` against the TimeML TIMEX3
annotations of TimeBank and AQUAINT, the TempEval-3 way.

Gold: each .tml file gives one document: its text is the content of the
<TEXT> element with every tag removed and XML entities decoded, its date the
YYYY-MM-DD of the <DCT> TIMEX3's value, and its gold expressions the TIMEX3
elements inside <TEXT> (code-point offsets into that text, type, value).

Predictions: one object per expression with doc, start, end, text, type
(DATE|TIME|DURATION|SET) and value.

See bench/README.md for the exact metric definitions.
"""

import argparse
import re
import sys
import xml.parsers.expat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import common as C

CORPORA = ("TimeBank", "AQUAINT")
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class Timex:
    doc: str
    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""


@dataclass
class TmlDoc:
    doc: str
    corpus: str
    text: str
    date: str
    dct_value: str
    timexes: list = field(default_factory=list)
    skipped: int = 0           # TIMEX3 in TEXT with no text


class _TmlParser:
    """Collects the stripped <TEXT> content and its TIMEX3 with expat, which
    decodes the entities (&amp; ...) for us."""

    def __init__(self):
        self.depth_text = 0
        self.in_dct = False
        self.parts = []
        self.length = 0        # code points of text so far
        self.open = []         # stack of (attrs, start) of open TIMEX3 in TEXT
        self.timexes = []      # (start, end, attrs)
        self.dct_value = None
        self.dct_text = []
        self.in_dct_timex = False
        self.n_text = 0

    def start(self, name, attrs):
        if name == "TEXT":
            self.depth_text += 1
            self.n_text += 1
        elif name == "DCT":
            self.in_dct = True
        elif name == "TIMEX3":
            if self.depth_text:
                self.open.append((attrs, self.length))
            elif self.in_dct and self.dct_value is None:
                self.dct_value = attrs.get("value", "")
                self.in_dct_timex = True

    def end(self, name):
        if name == "TEXT":
            self.depth_text -= 1
        elif name == "DCT":
            self.in_dct = False
        elif name == "TIMEX3":
            if self.depth_text and self.open:
                attrs, s = self.open.pop()
                self.timexes.append((s, self.length, attrs))
            self.in_dct_timex = False

    def chars(self, data):
        if self.depth_text:
            self.parts.append(data)
            self.length += len(data)


def parse_tml(path, corpus=""):
    """Reads one .tml file into a TmlDoc (raises ScorerError when it is not
    well-formed XML or has no <TEXT>)."""
    p = _TmlParser()
    xp = xml.parsers.expat.ParserCreate()
    xp.StartElementHandler = p.start
    xp.EndElementHandler = p.end
    xp.CharacterDataHandler = p.chars
    xp.buffer_text = True
    try:
        xp.Parse(Path(path).read_bytes(), True)
    except xml.parsers.expat.ExpatError as e:
        raise C.ScorerError(f"{path}: not well-formed XML: {e}") from e
    if not p.n_text:
        raise C.ScorerError(f"{path}: no <TEXT> element")
    text = "".join(p.parts)
    dct = p.dct_value or ""
    m = re.match(r"(\d{4}-\d{2}-\d{2})", dct)
    if not m:
        m8 = re.match(r"(\d{4})(\d{2})(\d{2})", dct)
        date = f"{m8.group(1)}-{m8.group(2)}-{m8.group(3)}" if m8 else ""
    else:
        date = m.group(1)
    doc = TmlDoc(Path(path).stem, corpus, text, date, dct)
    for s, e, attrs in sorted(p.timexes, key=lambda t: (t[0], t[1])):
        if e <= s or not text[s:e].strip():
            doc.skipped += 1
            continue
        doc.timexes.append(Timex(doc.doc, s, e, text[s:e], attrs.get("type", ""),
                                 attrs.get("value", ""), attrs.get("tid", "")))
    return doc


def load_gold(timeml_dir, only=None):
    """All documents of TimeBank and AQUAINT (or only one of them)."""
    base = Path(timeml_dir)
    docs = []
    seen = set()
    for corpus in CORPORA:
        if only and corpus.lower() != only.lower():
            continue
        d = base / corpus
        if not d.is_dir():
            raise C.ScorerError(f"{d}: no such folder")
        for p in sorted(d.glob("*.tml")):
            doc = parse_tml(p, corpus)
            if doc.doc in seen:            # keep ids unique across corpora
                doc.doc = f"{corpus}/{doc.doc}"
                for t in doc.timexes:
                    t.doc = doc.doc
            seen.add(doc.doc)
            docs.append(doc)
    if not docs:
        raise C.ScorerError(f"no .tml files under {base}")
    return docs


@dataclass
class PredTimex:
    doc: str
    start: int
    end: int
    type: str
    value: str
    raw: dict = None


def parse_predictions(objs, texts):
    preds = []
    rep = {"objects": len(objs), "unknown_doc": 0, "malformed": 0,
           "text_mismatch": 0, "unknown_docs": []}
    for o in objs:
        doc = o.get("doc")
        doc = str(doc) if doc is not None else None
        if doc not in texts:
            rep["unknown_doc"] += 1
            if len(rep["unknown_docs"]) < 5 and doc not in rep["unknown_docs"]:
                rep["unknown_docs"].append(doc)
            continue
        s, e = C.as_int(o.get("start")), C.as_int(o.get("end"))
        if s is None or e is None or e <= s:
            rep["malformed"] += 1
            continue
        t = o.get("text")
        if isinstance(t, str) and not C.same_text(t, texts[doc][s:e]):
            rep["text_mismatch"] += 1
        typ = o.get("type")
        val = o.get("value")
        preds.append(PredTimex(doc, s, e, typ.strip().upper() if isinstance(typ, str) else "",
                               val.strip() if isinstance(val, str) else "", o))
    return preds, rep


def gold_to_predictions(docs):
    return [{"doc": t.doc, "start": t.start, "end": t.end, "text": t.text,
             "type": t.type, "value": t.value, "reference": d.date}
            for d in docs for t in d.timexes]


_WEEK = re.compile(r"^(\d{4})-W(\d)(?=$|-)")


def normalize_value(v):
    """--normalize-values: upper case, no spaces, one-digit ISO weeks padded
    (the gold has 2000-W2 where ISO 8601 writes 2000-W02)."""
    v = v.strip().upper().replace(" ", "")
    return _WEEK.sub(lambda m: f"{m.group(1)}-W0{m.group(2)}", v)


def score(docs, preds, n_errors=0, seed=0, normalize=False):
    gold = [t for d in docs for t in d.timexes]
    if normalize:
        gold = [Timex(t.doc, t.start, t.end, t.text, t.type, normalize_value(t.value), t.tid)
                for t in gold]
        preds = [PredTimex(x.doc, x.start, x.end, x.type, normalize_value(x.value), x.raw)
                 for x in preds]
    g = [(t.doc, t.start, t.end) for t in gold]
    p = [(x.doc, x.start, x.end) for x in preds]
    ex = C.match_exact(g, p)
    ov = C.match_overlap(g, p)
    n_g, n_p = len(gold), len(preds)

    def attr(pairs, f):
        ok = sum(1 for gi, pi in pairs.items() if f(gold[gi], preds[pi]))
        return {"p": C.safe_div(ok, n_p), "r": C.safe_div(ok, n_g),
                "f": C.safe_div(2 * ok, n_p + n_g),
                "accuracy": C.safe_div(ok, len(pairs)), "correct": ok,
                "matched": len(pairs), "n_pred": n_p, "n_gold": n_g}

    same_type = lambda a, b: a.type == b.type
    same_value = lambda a, b: a.value == b.value
    res = {
        "strict": C.prf(len(ex), n_p, len(ex), n_g),
        "relaxed": C.prf(len(ov), n_p, len(ov), n_g),
        "type": attr(ov, same_type),
        "value": attr(ov, same_value),
        "strict_value": attr(ex, same_value),
    }
    # per gold type: recall of the span and of the value
    ov_inv = {pi: gi for gi, pi in ov.items()}
    by_type = {}
    for typ in sorted({t.type for t in gold} | {x.type for x in preds}):
        gi = [i for i, t in enumerate(gold) if t.type == typ]
        pi = [i for i, x in enumerate(preds) if x.type == typ]
        by_type[typ] = {
            "gold": len(gi), "pred": len(pi),
            "recall_strict": C.safe_div(sum(1 for i in gi if i in ex), len(gi)),
            "recall_relaxed": C.safe_div(sum(1 for i in gi if i in ov), len(gi)),
            "value_recall": C.safe_div(sum(1 for i in gi if i in ov and
                                           gold[i].value == preds[ov[i]].value), len(gi)),
            "precision_relaxed": C.safe_div(sum(1 for i in pi if i in ov_inv), len(pi)),
            "type_correct_of_matched": C.safe_div(
                sum(1 for i in gi if i in ov and preds[ov[i]].type == typ),
                sum(1 for i in gi if i in ov)),
        }
    res["by_gold_type"] = by_type
    # per corpus
    corpus_of = {d.doc: d.corpus for d in docs}
    by_corpus = {}
    for corpus in sorted(set(corpus_of.values())):
        gi = [i for i, t in enumerate(gold) if corpus_of[t.doc] == corpus]
        pi = [i for i, x in enumerate(preds) if corpus_of[x.doc] == corpus]
        ex_p = set(ex.values())
        ov_ok = sum(1 for i in gi if i in ov)
        val_ok = sum(1 for i in gi if i in ov and gold[i].value == preds[ov[i]].value)
        by_corpus[corpus] = {
            "docs": sum(1 for d in docs if d.corpus == corpus),
            "strict": C.prf(sum(1 for i in pi if i in ex_p), len(pi),
                            sum(1 for i in gi if i in ex), len(gi)),
            "relaxed": C.prf(ov_ok, len(pi), ov_ok, len(gi)),
            "value_f": C.safe_div(2 * val_ok, len(pi) + len(gi)),
        }
    res["by_corpus"] = by_corpus
    res["counts"] = {"docs": len(docs), "gold": n_g, "pred": n_p,
                     "gold_by_type": dict(Counter(t.type for t in gold)),
                     "pred_by_type": dict(Counter(x.type for x in preds))}
    if n_errors > 0:
        res["errors"] = _errors(docs, gold, preds, ex, ov, n_errors, seed)
    return res


def _errors(docs, gold, preds, ex, ov, n, seed):
    texts = {d.doc: d.text for d in docs}
    dates = {d.doc: d.date for d in docs}
    ov_p = set(ov.values())

    def item(x, kind):
        d = {"doc": x.doc, "start": x.start, "end": x.end,
             "text": texts[x.doc][x.start:x.end], "type": x.type, "value": x.value,
             "dct": dates[x.doc], "context": C.context(texts[x.doc], x.start, x.end, 50)}
        if kind == "pred" and x.raw:
            for k, v in x.raw.items():
                if k.startswith("ref") or k in ("anchor", "resolved"):
                    d[k] = v
        return d

    wrong = [(gold[gi], preds[pi]) for gi, pi in ov.items() if gold[gi].value != preds[pi].value]
    bounds = [(gold[gi], preds[pi]) for gi, pi in ov.items() if gi not in ex]
    return {
        "wrong_values": [{"gold": item(a, "gold"), "pred": item(b, "pred")}
                         for a, b in C.sample(wrong, n, seed)],
        "misses": [item(t, "gold") for t in C.sample([t for i, t in enumerate(gold)
                                                       if i not in ov], n, seed)],
        "false_positives": [item(x, "pred") for x in C.sample(
            [x for i, x in enumerate(preds) if i not in ov_p], n, seed)],
        "boundary": [{"gold": item(a, "gold"), "pred": item(b, "pred")}
                     for a, b in C.sample(bounds, n, seed)],
    }


def print_report(res, docs, prep):
    c = res["counts"]
    skipped = sum(d.skipped for d in docs)
    out = [f"TimeML: {c['docs']} documents, {c['gold']} gold TIMEX3 "
           f"({', '.join(f'{k} {v}' for k, v in sorted(c['gold_by_type'].items()))}); "
           f"{c['pred']} predicted"]
    if skipped:
        out.append(f"note: {skipped} TIMEX3 inside TEXT without text were skipped")
    if prep.get("unknown_doc"):
        out.append(f"warning: {prep['unknown_doc']} predictions name unknown docs "
                   f"(ignored), e.g. {prep['unknown_docs'][:3]}")
    if prep.get("malformed"):
        out.append(f"warning: {prep['malformed']} predictions without a usable start/end")
    if prep.get("text_mismatch"):
        out.append(f"warning: {prep['text_mismatch']} predictions whose \"text\" is not the "
                   f"document text at start..end")
    out.append("")
    rows = [C.prf_row("strict (exact span)", res["strict"]),
            C.prf_row("relaxed (overlap)", res["relaxed"])]
    for name, key in (("type (relaxed)", "type"), ("value (relaxed)", "value"),
                      ("value (strict)", "strict_value")):
        a = res[key]
        rows.append([name, a["p"], a["r"], a["f"], f"{a['correct']}/{a['n_pred']}",
                     f"{a['correct']}/{a['n_gold']}"])
    out.append(C.table(C.PRF_HEADERS, rows))
    out.append(f"type accuracy {res['type']['accuracy']:.4f}, value accuracy "
               f"{res['value']['accuracy']:.4f} (over the {res['value']['matched']} "
               f"relaxed matches)")
    out.append("")
    trows = [[t, v["gold"], v["pred"], v["recall_strict"], v["recall_relaxed"],
              v["precision_relaxed"], v["type_correct_of_matched"], v["value_recall"]]
             for t, v in res["by_gold_type"].items()]
    out.append(C.table(["type", "gold", "pred", "R strict", "R relaxed", "P relaxed",
                        "type ok", "value R"], trows, title="Per type:"))
    out.append("")
    crows = [[k, v["docs"], v["strict"]["f"], v["relaxed"]["f"], v["value_f"]]
             for k, v in res["by_corpus"].items()]
    out.append(C.table(["corpus", "docs", "strict F1", "relaxed F1", "value F1"], crows,
                       title="Per corpus:"))
    print("\n".join(out))
    if "errors" in res:
        e = res["errors"]

        def line(d):
            extra = "".join(f" {k}={v}" for k, v in d.items()
                            if k.startswith("ref") or k in ("anchor", "resolved"))
            return (f"  {d['doc']} [{d['start']},{d['end']}] {d['text']!r} {d['type']} "
                    f"{d['value']} (DCT {d['dct']}){extra}\n    {d['context']}")
        print("\nWrong values (gold, then prediction):")
        for pair in e["wrong_values"]:
            print(line(pair["gold"]))
            print(line(pair["pred"]))
        print("\nMissed gold expressions:")
        for d in e["misses"]:
            print(line(d))
        print("\nFalse positives:")
        for d in e["false_positives"]:
            print(line(d))
        print("\nOverlapping but not exact (gold, then prediction):")
        for pair in e["boundary"]:
            print(line(pair["gold"]))
            print(line(pair["pred"]))


def build_parser():
    ap = argparse.ArgumentParser(
        prog="eval-dates",
        description="Score `parallax dates` against the TimeBank and AQUAINT TIMEX3 "
                    "annotations (TempEval-3 style).",
        epilog="Metrics are defined in bench/README.md.")
    ap.add_argument("--only", choices=CORPORA, help="score one corpus only")
    ap.add_argument("--normalize-values", action="store_true",
                    help="compare values after upper-casing and padding one-digit weeks "
                         "(2000-W2 -> 2000-W02) on both sides; default: exact strings, "
                         "as TempEval-3")
    C.add_common_args(ap)
    ap.add_argument("--gold-stats", action="store_true",
                    help="only print statistics of the gold annotations")
    return ap


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        docs = load_gold(C.dataset_dir("timeml", args.data), args.only)
        if args.gold_stats:
            res = score(docs, [])
            stats = {"docs": len(docs),
                     "docs_by_corpus": dict(Counter(d.corpus for d in docs)),
                     "timex": res["counts"]["gold"],
                     "timex_by_type": res["counts"]["gold_by_type"],
                     "timex_by_corpus": {k: sum(len(d.timexes) for d in docs if d.corpus == k)
                                         for k in CORPORA},
                     "skipped_empty": sum(d.skipped for d in docs),
                     "docs_without_date": [d.doc for d in docs if not d.date]}
            if args.json:
                C.dump_json(stats)
            else:
                for k, v in stats.items():
                    print(f"{k}: {v}")
            return 0
        records = [{"id": d.doc, "text": d.text, "date": d.date} for d in docs]
        if args.write_input:
            C.write_jsonl(args.write_input, records)
            print(f"wrote {len(records)} documents to {args.write_input}", file=sys.stderr)
            return 0
        if args.predictions:
            objs = C.read_jsonl(args.predictions, "prediction")
        else:
            objs = C.run_parallax(args.parallax, "dates", records, timeout=args.timeout,
                                  save_output=args.save_predictions)
        preds, prep = parse_predictions(objs, {d.doc: d.text for d in docs})
        res = score(docs, preds, args.errors, args.seed, args.normalize_values)
    except C.ScorerError as e:
        print(f"eval-dates: {e}", file=sys.stderr)
        return 2
    if args.json:
        C.dump_json({"only": args.only, "normalize_values": args.normalize_values,
                     "predictions": prep, **res})
    else:
        print_report(res, docs, prep)
    return 0
