"""eval-quotes: scores `parallax quotes` against the PolNeAR attributions.

Gold: polnear/<split>/text/*.txt and one brat .ann per article (the first by
sorted file name when several annotators did it). An attribution is an `E`
line `Attribution:Tn Cue:Tn Source:Tn Content:Tn` (also
`Attribution-no-source:...`; `Content2:` is a second piece of the content);
roles may be missing. A span made of fragments is scored as one span from
its smallest start to its largest end.

Predictions: one JSON object per attribution with doc, start, end (the
content), kind, speaker_start/speaker_end (the source span, may be null),
cue_start/cue_end, optional parts. Offsets are code points, end exclusive.

See bench/README.md for the exact metric definitions.
"""

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import common as C

# ---------------------------------------------------------------------------
# Quotation marks

# Double quotation marks of any style: always a quotation.
DOUBLE_QUOTES = "\"“”„‟«»〝〞〟＂"
# Single quotation marks: a quotation only when one opens a quote (see below);
# ’ and ' are far more often apostrophes (Clinton’s, didn’t, voters’).
SINGLE_QUOTES = "‘’'‚‛‹›"
# what may stand right before an opening single quote
_OPEN_BEFORE = set(" \t\n\r([{<—–-/`" + DOUBLE_QUOTES + "‘'")


def _opens_single_quote(text, i, span_start):
    """True when the single quote text[i] opens a quotation: it begins the
    span or follows a space, bracket, dash or double quote, and a letter
    follows it (so ’90s, Clinton’s and voters’ do not count)."""
    if i != span_start and i > 0 and text[i - 1] not in _OPEN_BEFORE:
        return False
    return i + 1 < len(text) and text[i + 1].isalpha()


def _double_at(text, i):
    """True when a double quotation mark starts at text[i]: one of
    DOUBLE_QUOTES, or two ASCII apostrophes '' or backticks `` (the New York
    Times articles quote ''like this'')."""
    c = text[i]
    return c in DOUBLE_QUOTES or (c in "'`" and text[i + 1:i + 2] == c)


def has_quote_mark(text, start, end):
    """The quotation-mark rule used for both gold and predictions. The span
    text[start:end] counts as quoted when
      - it contains a double quotation mark (any of " “ ” „ ‟ « » ＂ ..., or
        '' or `` written with two characters), or
      - it contains a single quotation mark (‘ ’ ' ‚ ‛ ‹ ›) that opens a
        quotation: at the span start or after a space, bracket, dash or
        double quote, and followed by a letter, or
      - a double quotation mark (or ‘) ends right before start, or one
        starts right at end (the marks sit just outside the span)."""
    start = max(0, start)
    end = min(len(text), end)
    for i in range(start, end):
        c = text[i]
        if _double_at(text, i) and (c not in "'`" or i + 1 < end):
            return True
        if c in SINGLE_QUOTES and _opens_single_quote(text, i, start):
            return True
    if start > 0 and (text[start - 1] in DOUBLE_QUOTES or text[start - 1] == "‘"
                      or text[max(0, start - 2):start] in ("''", "``")):
        return True
    if end < len(text) and _double_at(text, end):
        return True
    return False


QUOTE_KINDS = ("direct", "partial", "embedded")

# ---------------------------------------------------------------------------
# Gold: brat standoff


@dataclass
class Span:
    frags: tuple           # ((start, end), ...) as annotated
    text: str = ""         # the annotated text (fragments joined by a space)

    @property
    def start(self):
        return min(s for s, _ in self.frags)

    @property
    def end(self):
        return max(e for _, e in self.frags)


@dataclass
class GoldAttribution:
    doc: str
    eid: str
    content: Span = None
    cue: Span = None
    source: Span = None
    quoted: bool = False


@dataclass
class GoldDoc:
    doc: str
    text: str
    ann_file: str
    attributions: list = field(default_factory=list)


@dataclass
class GoldStats:
    docs: int = 0
    ann_files: int = 0
    ann_files_skipped: int = 0       # extra annotators' files
    docs_without_ann: int = 0
    t_lines: int = 0
    t_fragmented: int = 0
    t_text_mismatch: int = 0
    e_lines: int = 0
    without_content: int = 0
    without_source: int = 0
    without_cue: int = 0
    content2: int = 0
    unknown_roles: int = 0
    bad_lines: int = 0
    crlf_docs: int = 0
    bom_docs: int = 0
    mismatch_samples: list = field(default_factory=list)


_RECORD = re.compile(r"^(?:[TREAMN]\d+|#\d*|\*)\t")
_ROLE = re.compile(r"^([A-Za-z][\w-]*?)(\d*):([TE]\d+)$")


def parse_ann(ann_text, doc_text, doc_id, stats):
    """Parses one brat .ann file: returns the list of GoldAttribution.
    A line that does not start a record (id TAB ...) continues the text of
    the one before it: span texts may contain newlines."""
    records = []
    for line in ann_text.split("\n"):
        if line.endswith("\r"):
            line = line[:-1]
        if _RECORD.match(line):
            records.append(line)
        elif records:
            records[-1] += "\n" + line
        elif line.strip():
            stats.bad_lines += 1
    # a blank line after a record (or the file's last newline) is not part
    # of its text; blank lines between continuation lines are
    records = [r.rstrip("\n") for r in records]
    spans = {}
    events = []
    for rec in records:
        rid, _, rest = rec.partition("\t")
        if rid.startswith("T"):
            stats.t_lines += 1
            head, _, stext = rest.partition("\t")
            typ, _, offs = head.partition(" ")
            try:
                frags = tuple((int(a), int(b)) for a, b in
                              (f.split() for f in offs.split(";")))
            except ValueError:
                stats.bad_lines += 1
                continue
            if len(frags) > 1:
                stats.t_fragmented += 1
            expect = " ".join(doc_text[s:e] for s, e in frags)
            if expect != stext:
                stats.t_text_mismatch += 1
                if len(stats.mismatch_samples) < 10:
                    at = next((i for i, (x, y) in enumerate(zip(expect, stext))
                               if x != y), min(len(expect), len(stext)))
                    stats.mismatch_samples.append(
                        {"doc": doc_id, "id": rid, "type": typ, "offsets": offs,
                         "first_difference_at": at,
                         "ann_text": stext[max(0, at - 30):at + 30],
                         "file_text": expect[max(0, at - 30):at + 30]})
            spans[rid] = (typ, Span(frags, stext))
        elif rid.startswith("E"):
            stats.e_lines += 1
            events.append((rid, rest.split()))
    out = []
    for eid, args in events:
        a = GoldAttribution(doc_id, eid)
        for arg in args[1:]:          # args[0] is the trigger (Attribution:Tn)
            m = _ROLE.match(arg)
            if not m or m.group(3) not in spans:
                stats.bad_lines += 1
                continue
            role, sp = m.group(1), spans[m.group(3)][1]
            if role == "Content":
                if a.content is None:
                    a.content = Span(sp.frags, sp.text)
                else:           # Content2 (or a repeated Content): more fragments
                    stats.content2 += 1
                    a.content = Span(a.content.frags + sp.frags,
                                     a.content.text + " " + sp.text)
            elif role == "Cue":
                a.cue = sp if a.cue is None else Span(a.cue.frags + sp.frags)
            elif role == "Source":
                a.source = sp if a.source is None else Span(a.source.frags + sp.frags)
            else:
                stats.unknown_roles += 1
        if a.content is None:
            stats.without_content += 1
        if a.source is None:
            stats.without_source += 1
        if a.cue is None:
            stats.without_cue += 1
        if a.content is not None:
            a.quoted = has_quote_mark(doc_text, a.content.start, a.content.end)
        out.append(a)
    return out


def read_text(path):
    """The article as Python str exactly as the .ann offsets expect: UTF-8,
    no newline translation (newline='' keeps any \\r)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def load_gold(polnear_dir, split):
    """Reads one split: returns (list of GoldDoc sorted by id, GoldStats)."""
    base = Path(polnear_dir) / split
    tdir, adir = base / "text", base / "attributions"
    if not tdir.is_dir():
        raise C.ScorerError(f"{tdir}: no such folder (split {split!r})")
    stats = GoldStats()
    anns = {}
    for p in sorted(adir.glob("*.ann")) if adir.is_dir() else []:
        stem = p.stem.rsplit("_", 1)[0] if "_" in p.stem else p.stem
        stats.ann_files += 1
        if stem in anns:
            stats.ann_files_skipped += 1
            continue
        anns[stem] = p
    docs = []
    for tp in sorted(tdir.glob("*.txt")):
        text = read_text(tp)
        stats.docs += 1
        if "\r\n" in text:
            stats.crlf_docs += 1
        if text.startswith("\ufeff"):
            stats.bom_docs += 1
        ap = anns.get(tp.stem)
        d = GoldDoc(tp.stem, text, ap.name if ap else "")
        if ap is None:
            stats.docs_without_ann += 1
        else:
            d.attributions = parse_ann(read_text(ap), text, tp.stem, stats)
        docs.append(d)
    return docs, stats


# ---------------------------------------------------------------------------
# Predictions


@dataclass
class Pred:
    doc: str
    start: int
    end: int
    kind: str
    source: tuple      # (start, end) or None
    cue: tuple         # (start, end) or None
    text: str
    quoted: bool = False
    raw: dict = None


def _pair(obj, a, b):
    s, e = C.as_int(obj.get(a)), C.as_int(obj.get(b))
    if s is None or e is None or e <= s:
        return None
    return (s, e)


def predict_split(parallax, split, predictions=None):
    """Loads a PolNeAR split and parallax's predictions for it, the common
    start of the bench/quotes analysis tools: runs `parallax quotes` on the
    split's texts, or reads the JSONL file `predictions` when given.
    Returns (docs, texts, preds, gold): gold is every attribution with a
    content."""
    docs, _ = load_gold(C.dataset_dir("polnear"), split)
    texts = {d.doc: d.text for d in docs}
    if predictions:
        objs = C.read_jsonl(predictions)
    else:
        objs = C.run_parallax(parallax, "quotes", [{"id": d.doc, "text": d.text} for d in docs])
    preds, _ = parse_predictions(objs, texts)
    gold = [g for d in docs for g in d.attributions if g.content is not None]
    return docs, texts, preds, gold


def parse_predictions(objs, texts):
    """Turns parallax output objects into Pred. texts maps doc id -> text;
    predictions of unknown docs are dropped. Returns (preds, report)."""
    preds = []
    rep = {"objects": len(objs), "unknown_doc": 0, "malformed": 0,
           "text_mismatch": 0, "out_of_range": 0, "unknown_docs": []}
    for o in objs:
        doc = o.get("doc")
        doc = str(doc) if doc is not None else None
        if doc not in texts:
            rep["unknown_doc"] += 1
            if len(rep["unknown_docs"]) < 5 and doc not in rep["unknown_docs"]:
                rep["unknown_docs"].append(doc)
            continue
        # parallax prints the content without quotation marks as start/end
        # and the span as PolNeAR annotates it (marks included, a partial
        # quotation with the writer's clause) as span_start/span_end: the
        # latter is what the gold spans are compared with.
        span = _pair(o, "span_start", "span_end") or _pair(o, "start", "end")
        parts = o.get("parts")
        if isinstance(parts, list) and parts:
            ps = [_pair(p, "start", "end") for p in parts if isinstance(p, dict)]
            ps = [p for p in ps if p]
            if ps and span is None:
                span = (min(p[0] for p in ps), max(p[1] for p in ps))
        if span is None:
            rep["malformed"] += 1
            continue
        text = texts[doc]
        if span[1] > len(text):
            rep["out_of_range"] += 1
        ptext = o.get("text")
        tspan = _pair(o, "start", "end") or span
        if isinstance(ptext, str) and not C.same_text(ptext, text[tspan[0]:tspan[1]]) and not parts:
            rep["text_mismatch"] += 1
        kind = o.get("kind") if isinstance(o.get("kind"), str) else "?"
        p = Pred(doc, span[0], span[1], kind,
                 _pair(o, "speaker_start", "speaker_end"),
                 _pair(o, "cue_start", "cue_end"),
                 ptext if isinstance(ptext, str) else "", raw=o)
        p.quoted = kind in QUOTE_KINDS or has_quote_mark(text, p.start, p.end)
        preds.append(p)
    return preds, rep


def gold_to_predictions(docs):
    """The gold attributions written as parallax would: scoring them must
    give 1.0 everywhere (used by the self-tests)."""
    out = []
    for d in docs:
        for a in d.attributions:
            if a.content is None:
                continue
            o = {"doc": d.doc, "start": a.content.start, "end": a.content.end,
                 "text": d.text[a.content.start:a.content.end],
                 "kind": "direct" if a.quoted else "indirect",
                 "speaker": None, "speaker_text": None,
                 "speaker_start": None, "speaker_end": None,
                 "cue": None, "cue_start": None, "cue_end": None}
            if len(a.content.frags) > 1:
                o["parts"] = [{"start": s, "end": e} for s, e in sorted(a.content.frags)]
            if a.source is not None:
                o.update(speaker_text=d.text[a.source.start:a.source.end],
                         speaker=d.text[a.source.start:a.source.end],
                         speaker_start=a.source.start, speaker_end=a.source.end)
            if a.cue is not None:
                o.update(cue=d.text[a.cue.start:a.cue.end],
                         cue_start=a.cue.start, cue_end=a.cue.end)
            out.append(o)
    return out


# ---------------------------------------------------------------------------
# Scoring


def _key(doc, span):
    return None if span is None else (doc, span[0], span[1])


def score(docs, preds, n_errors=0, seed=0):
    """All the figures, as a dict (see bench/README.md)."""
    gold = [a for d in docs for a in d.attributions if a.content is not None]
    texts = {d.doc: d.text for d in docs}
    g_content = [(a.doc, a.content.start, a.content.end) for a in gold]
    p_content = [(p.doc, p.start, p.end) for p in preds]
    ex = C.match_exact(g_content, p_content)
    ov = C.match_overlap(g_content, p_content)
    ex_p, ov_p = set(ex.values()), set(ov.values())

    def subset(gsel, psel):
        gi = [i for i, a in enumerate(gold) if gsel(a)]
        pi = [i for i, p in enumerate(preds) if psel(p)]
        res = {}
        for name, pairs, matched_p in (("exact", ex, ex_p), ("overlap", ov, ov_p)):
            found = sum(1 for i in gi if i in pairs)
            ok = sum(1 for i in pi if i in matched_p)
            res[name] = C.prf(ok, len(pi), found, len(gi))
        return res

    content = {
        "all": subset(lambda a: True, lambda p: True),
        "quoted": subset(lambda a: a.quoted, lambda p: p.quoted),
        "unquoted": subset(lambda a: not a.quoted, lambda p: not p.quoted),
    }

    # sources and cues as independent spans (multisets of (doc, start, end))
    g_src = [_key(a.doc, (a.source.start, a.source.end)) if a.source else None for a in gold]
    p_src = [_key(p.doc, p.source) for p in preds]
    g_cue = [_key(a.doc, (a.cue.start, a.cue.end)) if a.cue else None for a in gold]
    p_cue = [_key(p.doc, p.cue) for p in preds]
    source_ind = C.span_scores(g_src, p_src)
    cue_ind = C.span_scores(g_cue, p_cue)

    # sources linked through the content matching (overlap)
    n_gsrc = sum(1 for s in g_src if s is not None)
    n_psrc = sum(1 for s in p_src if s is not None)
    lk_ex = lk_ov = 0
    for gi, pi in ov.items():
        gs, ps = g_src[gi], p_src[pi]
        if gs is None or ps is None:
            continue
        if gs == ps:
            lk_ex += 1
        if min(gs[2], ps[2]) > max(gs[1], ps[1]):
            lk_ov += 1
    source_linked = {"exact": C.prf(lk_ex, n_psrc, lk_ex, n_gsrc),
                     "overlap": C.prf(lk_ov, n_psrc, lk_ov, n_gsrc)}

    by_kind = {}
    for i, p in enumerate(preds):
        k = by_kind.setdefault(p.kind, {"n": 0, "exact": 0, "overlap": 0,
                                        "with_source": 0, "source_linked_exact": 0})
        k["n"] += 1
        k["exact"] += i in ex_p
        k["overlap"] += i in ov_p
        k["with_source"] += p.source is not None
    for gi, pi in ov.items():
        if g_src[gi] is not None and g_src[gi] == p_src[pi]:
            by_kind[preds[pi].kind]["source_linked_exact"] += 1
    for k in by_kind.values():
        k["p_exact"] = C.safe_div(k["exact"], k["n"])
        k["p_overlap"] = C.safe_div(k["overlap"], k["n"])

    res = {"content": content,
           "source": {"independent": source_ind, "linked": source_linked},
           "cue": cue_ind,
           "by_kind": dict(sorted(by_kind.items())),
           "counts": {"gold_attributions": len(gold),
                      "gold_quoted": sum(a.quoted for a in gold),
                      "gold_with_source": n_gsrc,
                      "gold_with_cue": sum(1 for c in g_cue if c is not None),
                      "predictions": len(preds),
                      "predictions_quoted": sum(p.quoted for p in preds),
                      "predictions_with_source": n_psrc,
                      "predictions_with_cue": sum(1 for c in p_cue if c is not None)}}
    if n_errors > 0:
        res["errors"] = _errors(gold, preds, texts, ex, ov, g_src, p_src, n_errors, seed)
    return res


def _errors(gold, preds, texts, ex, ov, g_src, p_src, n, seed):
    ov_p = set(ov.values())
    misses = [a for i, a in enumerate(gold) if i not in ov]
    fps = [p for i, p in enumerate(preds) if i not in ov_p]
    bounds = [(gold[gi], preds[pi]) for gi, pi in ov.items() if gi not in ex]
    wrong_src = [(gold[gi], preds[pi]) for gi, pi in ov.items()
                 if g_src[gi] is not None and g_src[gi] != p_src[pi]]

    def g_item(a):
        t = texts[a.doc]
        d = {"doc": a.doc, "start": a.content.start, "end": a.content.end,
             "quoted": a.quoted, "context": C.context(t, a.content.start, a.content.end)}
        if a.source:
            d["source"] = t[a.source.start:a.source.end]
            d["source_span"] = [a.source.start, a.source.end]
        return d

    def p_item(p):
        t = texts[p.doc]
        d = {"doc": p.doc, "start": p.start, "end": p.end, "kind": p.kind,
             "context": C.context(t, p.start, p.end)}
        if p.source:
            d["source"] = t[p.source[0]:p.source[1]]
            d["source_span"] = list(p.source)
        else:
            d["source"] = None
            d["source_span"] = None
        return d

    return {
        "misses": [g_item(a) for a in C.sample(misses, n, seed)],
        "false_positives": [p_item(p) for p in C.sample(fps, n, seed)],
        "boundary": [{"gold": g_item(g), "pred": p_item(p)}
                     for g, p in C.sample(bounds, n, seed)],
        "wrong_source": [{"gold": g_item(g), "pred": p_item(p)}
                         for g, p in C.sample(wrong_src, n, seed)],
    }


def gold_report(docs, stats):
    atts = [a for d in docs for a in d.attributions]
    with_c = [a for a in atts if a.content is not None]
    return {"docs": stats.docs, "ann_files": stats.ann_files,
            "ann_files_skipped_extra_annotator": stats.ann_files_skipped,
            "docs_without_ann": stats.docs_without_ann,
            "attributions": len(atts), "scored_attributions": len(with_c),
            "quoted": sum(a.quoted for a in with_c),
            "without_content": stats.without_content,
            "without_source": stats.without_source,
            "without_cue": stats.without_cue,
            "fragmented_content": sum(1 for a in with_c if len(a.content.frags) > 1),
            "content2_pieces": stats.content2,
            "t_lines": stats.t_lines, "t_fragmented": stats.t_fragmented,
            "t_text_mismatch": stats.t_text_mismatch,
            "mismatch_samples": stats.mismatch_samples,
            "crlf_docs": stats.crlf_docs, "bom_docs": stats.bom_docs,
            "bad_lines": stats.bad_lines, "unknown_roles": stats.unknown_roles}


# ---------------------------------------------------------------------------
# Command line


def print_report(res, gold, pred_rep, split):
    out = []
    g = gold
    out.append(f"PolNeAR {split}: {g['docs']} articles, {g['scored_attributions']} gold "
               f"attributions with content ({g['quoted']} with quotation marks, "
               f"{g['scored_attributions'] - g['quoted']} without); "
               f"{res['counts']['predictions']} predicted "
               f"({res['counts']['predictions_quoted']} quote-like)")
    if g["t_text_mismatch"]:
        out.append(f"note: {g['t_text_mismatch']} of {g['t_lines']} gold span texts differ "
                   f"from the article text at their offsets")
    if pred_rep.get("unknown_doc"):
        out.append(f"warning: {pred_rep['unknown_doc']} predictions name docs not in the "
                   f"split (ignored), e.g. {pred_rep['unknown_docs'][:3]}")
    if pred_rep.get("malformed"):
        out.append(f"warning: {pred_rep['malformed']} predictions without a usable "
                   f"start/end (ignored)")
    if pred_rep.get("text_mismatch"):
        out.append(f"warning: {pred_rep['text_mismatch']} predictions whose \"text\" is not "
                   f"the article text at start..end (offsets in bytes?)")
    if pred_rep.get("out_of_range"):
        out.append(f"warning: {pred_rep['out_of_range']} predictions end past their article")
    out.append("")
    rows = []
    for sub, label in (("quoted", "content, with quote marks"),
                       ("unquoted", "content, without"),
                       ("all", "content, all")):
        for mode in ("exact", "overlap"):
            rows.append(C.prf_row(f"{label} ({mode})", res["content"][sub][mode]))
    for mode in ("exact", "overlap"):
        rows.append(C.prf_row(f"source, independent spans ({mode})",
                              res["source"]["independent"][mode]))
    for mode in ("exact", "overlap"):
        rows.append(C.prf_row(f"source, via content match ({mode})",
                              res["source"]["linked"][mode]))
    for mode in ("exact", "overlap"):
        rows.append(C.prf_row(f"cue ({mode})", res["cue"][mode]))
    out.append(C.table(C.PRF_HEADERS, rows))
    out.append("")
    krows = [[k, v["n"], v["p_exact"], v["p_overlap"], v["with_source"],
              v["source_linked_exact"]] for k, v in res["by_kind"].items()]
    out.append(C.table(["predicted kind", "n", "P exact", "P overlap", "with source",
                        "source ok"], krows, title="Per predicted kind (precision of content):"))
    print("\n".join(out))
    if "errors" in res:
        _print_errors(res["errors"])


def _print_errors(err):
    def gline(d):
        s = f"  {d['doc']} [{d['start']},{d['end']}]"
        if "quoted" in d:
            s += " quoted" if d["quoted"] else " unquoted"
        if "kind" in d:
            s += f" kind={d['kind']}"
        if "source" in d:
            s += (f" source={d['source']!r}{d['source_span']}" if d["source"] is not None
                  else " no source")
        return s + "\n    " + d["context"]
    for key, title in (("misses", "Missed gold contents (no overlapping prediction)"),
                       ("false_positives", "False positives (no overlapping gold)")):
        print(f"\n{title}:")
        for d in err[key]:
            print(gline(d))
    for key, title in (("boundary", "Overlapping but not exact (gold, then prediction)"),
                       ("wrong_source", "Content matched, source wrong (gold, then prediction)")):
        print(f"\n{title}:")
        for pair in err[key]:
            print(gline(pair["gold"]))
            print(gline(pair["pred"]))


def build_parser():
    ap = argparse.ArgumentParser(
        prog="eval-quotes",
        description="Score `parallax quotes` (content, source and cue spans) against "
                    "the PolNeAR attribution annotations.",
        epilog="Metrics are defined in bench/README.md.")
    ap.add_argument("--split", default="dev", choices=("dev", "train"),
                    help="PolNeAR split to score (default dev)")
    C.add_common_args(ap)
    ap.add_argument("--gold-stats", action="store_true",
                    help="only print statistics of the gold annotations")
    return ap


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        docs, stats = load_gold(C.dataset_dir("polnear", args.data), args.split)
        gold = gold_report(docs, stats)
        if args.gold_stats:
            if args.json:
                C.dump_json(gold)
            else:
                for k, v in gold.items():
                    print(f"{k}: {v}")
            return 0
        records = [{"id": d.doc, "text": d.text} for d in docs]
        if args.write_input:
            C.write_jsonl(args.write_input, records)
            print(f"wrote {len(records)} articles to {args.write_input}", file=sys.stderr)
            return 0
        if args.predictions:
            objs = C.read_jsonl(args.predictions, "prediction")
        else:
            objs = C.run_parallax(args.parallax, "quotes", records, timeout=args.timeout,
                                  save_output=args.save_predictions)
        preds, prep = parse_predictions(objs, {d.doc: d.text for d in docs})
        res = score(docs, preds, args.errors, args.seed)
    except C.ScorerError as e:
        print(f"eval-quotes: {e}", file=sys.stderr)
        return 2
    if args.json:
        C.dump_json({"split": args.split, "gold": gold, "predictions": prep, **res})
    else:
        print_report(res, gold, prep, args.split)
    return 0
