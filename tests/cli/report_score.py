#!/usr/bin/env python3
"""report_score.py - scores `parallax report --format json` against a
hand-made answer key (the seeds' gold.json or examples/gold.json) and prints
the figures. Used by test_report_seeds and test_report_examples.

What is measured (the floors are the issue's):
  entities    every gold entity group formed: one reported entity holds every
              gold alias the report found anywhere, and at least half of the
              gold aliases; no must_not_merge pair in one entity
  quotes      every quote_variants finding reported (by the kind of change it
              describes); every single_outlet_quotes entry flagged: in a
              group that is single_source, or among the group's
              single_source_sentences (skipped, and said so, when the
              report omits quotations)
  conflicts   the first conflicts entry reported with the same documents on
              each side
  facts       at least 80% of corroborated facts found (a corroborated fact
              citing two or more of the gold documents whose cited sentences
              hold at least half the gold fact's content words) and 80% of
              single_source_facts found (a single-source fact of the right
              document whose sentence holds the gold text)
Usage: report_score.py GOLD.json REPORT.json   (exit 1 below a floor)
"""
import json
import re
import sys
import unicodedata

STOP = set("""a an the of in on at to for from by with and or but is are was were be been
has have had that this these those it its as will would could should can may might
not no he she they them his her their who which what when where there than then also
into over after before about mr ms mrs""".split())


def fold(s):
    s = unicodedata.normalize("NFC", s)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return s.casefold()


def stem(w):
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def content_words(s):
    words = re.findall(r"[0-9a-zà-ÿāăąćčďēėęěğīıįķĺļľłńņňōőœŕřśşšţťūůűųźżž'-]+", fold(s))
    out = set()
    for w in words:
        w = w.strip("'-")
        if not w or w in STOP:
            continue
        out.add(stem(w))
        for part in w.split("-"):
            if part and part not in STOP:
                out.add(stem(part))
    return out


class Scorer:
    def __init__(self, gold, rep, entity_slack=0, quote_slack=0):
        self.entity_slack = entity_slack
        self.quote_slack = quote_slack
        self.gold = gold
        self.rep = rep
        self.docs = rep["documents"]
        self.failures = []
        self.figures = []

    def doc_id(self, ref):
        """A gold reference (file name, doc id or "000" prefix) -> doc id."""
        for d in self.docs:
            f = (d.get("file") or "").rsplit("/", 1)[-1]
            if ref in (d["doc"], f) or f.startswith(ref + "_") or d["doc"].startswith(ref + "_") or d["doc"] == ref:
                return d["doc"]
        for d in self.docs:
            if d["doc"].startswith(ref):
                return d["doc"]
        return None

    def gold_doc(self, entry):
        return entry.get("doc") or self.doc_id(entry["file"])

    def check(self, name, got, total, floor):
        self.figures.append("%-26s %d/%d" % (name, got, total))
        if total and got < floor:
            self.failures.append("%s: %d/%d, floor %d" % (name, got, total, floor))

    # ---- entities ----
    def entities(self):
        ents = self.rep["entities"]
        alias_sets = [set(fold(a) for a in e["aliases"]) for e in ents]
        all_aliases = set().union(*alias_sets) if alias_sets else set()
        formed = 0
        recall_num = recall_den = 0
        for g in self.gold["entities"]:
            aliases = set(fold(a) for a in g["aliases"])
            found = aliases & all_aliases
            recall_num += len(found)
            recall_den += len(aliases)
            ok = any(found <= s and len(s & aliases) * 2 >= len(aliases) for s in alias_sets) if found else False
            if ok:
                formed += 1
            else:
                best = max(alias_sets, key=lambda s: len(s & aliases), default=set())
                print("  entity group not formed: %s (found %s; best group has %s)" %
                      (g["canonical"], sorted(found), sorted(best & aliases)))
        self.check("entity groups formed", formed, len(self.gold["entities"]), len(self.gold["entities"]) - self.entity_slack)
        self.figures.append("%-26s %d/%d" % ("entity aliases found", recall_num, recall_den))
        by_name = {g["canonical"]: g for g in self.gold["entities"]}
        merged = 0
        for a, b in self.gold["must_not_merge"]:
            la = set(fold(x) for x in by_name[a]["aliases"])
            lb = set(fold(x) for x in by_name[b]["aliases"])
            fa = set(x for x in la - lb if " " in x) or la - lb
            fb = set(x for x in lb - la if " " in x) or lb - la
            for s in alias_sets:
                if s & fa and s & fb:
                    merged += 1
                    print("  merged: %s + %s" % (a, b))
                    break
        pairs = len(self.gold["must_not_merge"])
        self.check("must_not_merge kept apart", pairs - merged, pairs, pairs)

    # ---- quotes ----
    def quote_group_of(self, gold_quote):
        """The reported group holding a gold quotation (by document and text overlap)."""
        doc = self.gold_doc(gold_quote)
        words = content_words(gold_quote["text"])
        best, best_ov = None, 0
        for gi, g in enumerate(self.rep["quotes"]):
            for o in g["occurrences"]:
                if o["doc"] != doc:
                    continue
                ov = len(words & content_words(o["text"]))
                if ov > best_ov:
                    best, best_ov = gi, ov
        return best if best_ov * 2 >= max(1, len(words)) or best_ov >= 3 else None

    KIND_WORDS = [
        ("typography only", None),
        ("reorder", "sentences_reordered"),
        ("truncat", "truncated"),
        ("substitut", "word_substituted"),
        ("lowercase", "case_changed"),
        ("case changed", "case_changed"),
        ("capitals", "case_changed"),
        ("written two ways", "spelling_variant"),
        ("written three ways", "spelling_variant"),
        ("two letters", "spelling_variant"),
        ("leaves out", "omitted"),
        ("left out", "omitted"),
        ("drops", "omitted"),
        ("paraphrases", "omitted"),
        (" vs ", "any"),
        ("writes", "any"),
    ]

    def quotes(self):
        if self.rep["omitted"].get("quotes"):
            print("  quotations omitted by the report: %s" % self.rep["omitted"]["quotes"])
            self.figures.append("%-26s omitted (%s)" % ("quote variants", self.rep["omitted"]["quotes"]))
            return
        members = {}
        for q in self.gold["quotes"]:
            if "group" in q:
                members.setdefault(q["group"], []).append(q)
        found = 0
        findings = self.gold.get("quote_variants", [])
        for f in findings:
            qs = members.get(f["group"], [])
            gids = set(self.quote_group_of(q) for q in qs) - {None}
            ok = False
            text = f["finding"]
            kind = None
            for word, k in self.KIND_WORDS:
                if word in text:
                    kind = k
                    break
            gid = max(gids, key=lambda g: len(self.rep["quotes"][g]["occurrences"])) if gids else None
            if gid is not None and len(gids) == 1:
                g = self.rep["quotes"][gid]
                kinds = [v["kind"] for o in g["occurrences"] for v in o["variants"]]
                if "typography only" in text:
                    # no finding may be a quotation-mark or apostrophe change
                    bad = [v for o in g["occurrences"] for v in o["variants"]
                           if fold(v["fullest"]).replace("'", "") == fold(v["here"]).replace("'", "") and v["fullest"] != v["here"]
                           and "'" in fold(v["fullest"]) + fold(v["here"])]
                    ok = not bad
                elif kind == "omitted":
                    ok = "words_left_out" in kinds or "truncated" in kinds
                elif kind == "any" or kind is None:
                    ok = bool(kinds)
                else:
                    ok = kind in kinds
                if ok and "values" in f:
                    # each written form appears in a finding or the fullest text
                    texts = " ".join(fold(v["fullest"]) + " " + fold(v["here"]) for o in g["occurrences"] for v in o["variants"])
                    texts += " " + fold(g["text"])
                    # the words that tell the written forms apart
                    forms = [set(fold(v).split()) for v in f["values"]]
                    common = set.intersection(*forms) if forms else set()
                    ok = all(all(w in texts for w in form - common) for form in forms)
            elif gid is not None:
                print("  quote group split: %s over %d reported groups" % (f["group"], len(gids)))
            if ok:
                found += 1
            else:
                print("  quote finding missed: [%s] %s" % (f["group"], text))
        self.check("quote variant findings", found, len(findings), len(findings) - self.quote_slack)
        single = 0
        for s in self.gold.get("single_outlet_quotes", []):
            doc = self.gold_doc(s)
            ok = any(any(o["doc"] == doc and fold(s["text"]) in fold(o["text"]) for o in g["occurrences"]) and
                     (g["single_source"] or any(fold(s["text"]) in fold(t) for t in g.get("single_source_sentences", [])))
                     for g in self.rep["quotes"])
            single += ok
            if not ok:
                print("  single-outlet quote not flagged: %s" % s["text"])
        n = len(self.gold.get("single_outlet_quotes", []))
        self.check("single-outlet quotes", single, n, n - self.quote_slack)

    # ---- conflicts ----
    def conflicts(self):
        if not self.gold.get("conflicts"):
            return
        g = self.gold["conflicts"][0]
        want = {}
        for side, docs in g["sides"].items():
            want[side] = set(self.doc_id(k) for k in docs)
        ok = False
        for c in self.rep["conflicts"]:
            got = [set(s["documents"]) for s in c["sides"]]
            if sorted(map(sorted, got)) == sorted(map(sorted, want.values())):
                ok = True
                break
        if not ok:
            print("  conflict missed: %s %s" % (g["about"], {k: sorted(v) for k, v in want.items()}))
        self.check("first conflict", int(ok), 1, 1)

    # ---- facts ----
    def facts(self):
        corr = [f for f in self.rep["facts"] if f["status"] == "corroborated"]
        single = [f for f in self.rep["facts"] if f["status"] == "single_source"]
        found = 0
        for g in self.gold.get("corroborated", []):
            gdocs = set(self.doc_id(k) for k in g["files"])
            words = content_words(g["fact"])
            ok = False
            for f in corr:
                if len(gdocs & set(f["documents"])) < 2:
                    continue
                have = set()
                for s in f["sentences"]:
                    have |= content_words(s["text"])
                if len(words & have) * 2 >= len(words):
                    ok = True
                    break
            found += ok
            if not ok:
                print("  corroborated fact missed: %s" % g["fact"])
        n = len(self.gold.get("corroborated", []))
        self.check("corroborated facts", found, n, (n * 4 + 4) // 5)
        found = 0
        for g in self.gold.get("single_source_facts", []):
            doc = self.gold_doc(g)
            ok = any(s["doc"] == doc and fold(g["text"]) in fold(s["text"]) for f in single for s in f["sentences"])
            found += ok
            if not ok:
                print("  single-source fact missed: %s" % g["text"])
        n = len(self.gold.get("single_source_facts", []))
        self.check("single-source facts", found, n, (n * 4 + 4) // 5)

    def run(self):
        self.entities()
        self.quotes()
        self.conflicts()
        self.facts()
        for f in self.figures:
            print(f)
        for f in self.failures:
            print("BELOW FLOOR: " + f)
        return 1 if self.failures else 0


def main():
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    rep = json.load(open(sys.argv[2], encoding="utf-8"))
    sys.exit(Scorer(gold, rep).run())


if __name__ == "__main__":
    main()
