#!/usr/bin/env python3
"""Self-tests of the parallax scorers in bench/eval.

    python3 bench/eval/test_scorers.py

Hand-made cases with known figures run everywhere; the checks on the real
data (gold turned into predictions scores 1.0, no predictions score 0.0,
the gold counts) need the shared data ($PX_SHARED, ../shared beside the
repository, or /work/shared) and are skipped with a message without it.
When a parallax binary with the verb built is found ($PARALLAX or
build/parallax), a smoke test also runs each scorer on its real output.
"""

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pxeval import common as C  # noqa: E402
from pxeval import dates as D  # noqa: E402
from pxeval import quotes as Q  # noqa: E402
from pxeval import stories as S  # noqa: E402

DATA = C.shared_data_dir()
NO_DATA = ("shared data not found (set PX_SHARED, or put it at ../shared beside the "
           "repository or /work/shared)")


def has(name):
    return DATA is not None and (DATA / name).is_dir()


def run_cli(script, *args, env=None):
    return subprocess.run([sys.executable, str(HERE / script), *args],
                          capture_output=True, text=True, env=env, timeout=600)


# ---------------------------------------------------------------------------
# shared pieces


class TestCommon(unittest.TestCase):
    def test_prf(self):
        m = C.prf(2, 4, 2, 5)
        self.assertAlmostEqual(m["p"], 0.5)
        self.assertAlmostEqual(m["r"], 0.4)
        self.assertAlmostEqual(m["f"], 2 * 0.5 * 0.4 / 0.9)
        z = C.prf(0, 0, 0, 0)
        self.assertEqual((z["p"], z["r"], z["f"]), (0.0, 0.0, 0.0))

    def test_exact_is_a_multiset_intersection(self):
        gold = [("d", 0, 5), ("d", 0, 5), ("d", 7, 9), None]
        pred = [("d", 0, 5), ("d", 7, 9), ("d", 7, 9), ("e", 0, 5)]
        pairs = C.match_exact(gold, pred)
        self.assertEqual(pairs, {0: 0, 2: 1})

    def test_overlap_is_one_to_one_greedy_by_size(self):
        gold = [("d", 0, 10), ("d", 10, 20), ("d", 30, 40)]
        pred = [("d", 5, 15), ("d", 0, 8), ("d", 100, 120), ("x", 0, 50)]
        # (g0, p1) share 8 chars, (g0, p0) 5 and (g1, p0) 5: g0 takes p1,
        # so g1 gets p0; g2 and p2, p3 (other doc) stay alone
        self.assertEqual(C.match_overlap(gold, pred), {0: 1, 1: 0})
        # touching spans share no character
        self.assertEqual(C.match_overlap([("d", 0, 5)], [("d", 5, 9)]), {})
        # one prediction covering two gold spans matches only one of them
        self.assertEqual(len(C.match_overlap([("d", 0, 5), ("d", 6, 9)], [("d", 0, 9)])), 1)

    def test_overlap_scan_finds_long_spans(self):
        # a long prediction starting far before a gold span must still be seen
        gold = [("d", 500, 510)]
        pred = [("d", 0, 600)] + [("d", i, i + 1) for i in range(10, 400, 10)]
        self.assertEqual(C.match_overlap(gold, pred), {0: 0})

    def test_context(self):
        self.assertEqual(C.context("abc def ghi", 4, 7, width=3), "…bc ⟦def⟧ gh…")
        self.assertEqual(C.context("a\nb", 0, 1), "⟦a⟧⏎b")


# ---------------------------------------------------------------------------
# eval-quotes


ARTICLE = ("“We will win,” Trump said. Clinton said that the plan would fail. "
           "Aides told reporters “it is over” on Monday.")


def span(sub, nth=0, text=ARTICLE):
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def ann_line(tid, typ, sub, nth=0):
    s, e = span(sub, nth)
    return f"{tid}\t{typ} {s} {e}\t{sub}"


class TestQuotesSynthetic(unittest.TestCase):
    def gold(self):
        ann = "\n".join([
            ann_line("T1", "Content", "“We will win,”"),
            ann_line("T2", "Source", "Trump"),
            ann_line("T3", "Cue", "said"),
            ann_line("T4", "Attribution", "said"),
            "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3",
            ann_line("T5", "Source", "Clinton"),
            ann_line("T6", "Cue", "said", 1),
            ann_line("T7", "Content", "the plan would fail"),
            ann_line("T8", "Attribution", "said", 1),
            "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
            ann_line("T9", "Source", "Aides"),
            ann_line("T10", "Cue", "told"),
            ann_line("T11", "Content", "“it is over”"),
            ann_line("T12", "Attribution", "told"),
            "E3\tAttribution:T12 Cue:T10 Source:T9 Content:T11",
            "#1\tAnnotatorNotes T11\tcheck", ""])
        stats = Q.GoldStats()
        atts = Q.parse_ann(ann, ARTICLE, "a1", stats)
        self.assertEqual(stats.t_text_mismatch, 0)
        return [Q.GoldDoc("a1", ARTICLE, "a1_x.ann", atts)]

    def pred(self, sub, kind, src=None, cue=None, nth=0):
        s, e = span(sub, nth)
        o = {"doc": "a1", "start": s, "end": e, "text": sub, "kind": kind,
             "speaker_start": None, "speaker_end": None, "cue_start": None, "cue_end": None}
        if src:
            o["speaker_start"], o["speaker_end"] = span(src)
        if cue:
            o["cue_start"], o["cue_end"] = span(*cue)
        return o

    def test_gold_parsing(self):
        docs = self.gold()
        atts = docs[0].attributions
        self.assertEqual(len(atts), 3)
        self.assertEqual([a.quoted for a in atts], [True, False, True])
        self.assertEqual(ARTICLE[atts[1].source.start:atts[1].source.end], "Clinton")

    def test_hand_made_case(self):
        docs = self.gold()
        objs = [self.pred("“We will win,”", "direct", "Trump", ("said", 0)),
                self.pred("that the plan would fail", "indirect", "Clinton"),
                self.pred("Monday", "indirect")]
        preds, rep = Q.parse_predictions(objs, {"a1": ARTICLE})
        self.assertEqual(rep["text_mismatch"], 0)
        r = Q.score(docs, preds, n_errors=5)
        c = r["content"]
        self.assertAlmostEqual(c["all"]["exact"]["p"], 1 / 3)
        self.assertAlmostEqual(c["all"]["exact"]["r"], 1 / 3)
        self.assertAlmostEqual(c["all"]["exact"]["f"], 1 / 3)
        self.assertAlmostEqual(c["all"]["overlap"]["p"], 2 / 3)
        self.assertAlmostEqual(c["all"]["overlap"]["r"], 2 / 3)
        # quote-mark subset: gold {A1, A3}, predictions {P1 (direct)}
        self.assertAlmostEqual(c["quoted"]["exact"]["p"], 1.0)
        self.assertAlmostEqual(c["quoted"]["exact"]["r"], 0.5)
        self.assertAlmostEqual(c["quoted"]["exact"]["f"], 2 / 3)
        # the rest: gold {A2}, predictions {P2, P3}
        self.assertAlmostEqual(c["unquoted"]["exact"]["f"], 0.0)
        self.assertAlmostEqual(c["unquoted"]["overlap"]["p"], 0.5)
        self.assertAlmostEqual(c["unquoted"]["overlap"]["r"], 1.0)
        si = r["source"]["independent"]["exact"]
        self.assertAlmostEqual(si["p"], 1.0)
        self.assertAlmostEqual(si["r"], 2 / 3)
        self.assertAlmostEqual(si["f"], 0.8)
        sl = r["source"]["linked"]["exact"]
        self.assertAlmostEqual(sl["p"], 1.0)
        self.assertAlmostEqual(sl["r"], 2 / 3)
        cue = r["cue"]["exact"]
        self.assertAlmostEqual(cue["p"], 1.0)
        self.assertAlmostEqual(cue["r"], 1 / 3)
        self.assertAlmostEqual(cue["f"], 0.5)
        self.assertEqual(r["by_kind"]["indirect"]["n"], 2)
        self.assertEqual(r["by_kind"]["indirect"]["overlap"], 1)
        e = r["errors"]
        self.assertEqual(len(e["misses"]), 1)
        self.assertIn("⟦“it is over”⟧", e["misses"][0]["context"])
        self.assertEqual(len(e["false_positives"]), 1)
        self.assertEqual(len(e["boundary"]), 1)

    def test_linked_source_needs_the_content_match(self):
        docs = self.gold()
        # right source span, but the content is the wrong one: it counts for
        # the independent-span figure, not for the linked one
        objs = [self.pred("Monday", "indirect", "Trump")]
        preds, _ = Q.parse_predictions(objs, {"a1": ARTICLE})
        r = Q.score(docs, preds)
        self.assertAlmostEqual(r["source"]["independent"]["exact"]["p"], 1.0)
        self.assertAlmostEqual(r["source"]["linked"]["exact"]["p"], 0.0)

    def test_gold_as_predictions_and_empty(self):
        docs = self.gold()
        preds, _ = Q.parse_predictions(Q.gold_to_predictions(docs), {"a1": ARTICLE})
        r = Q.score(docs, preds)
        self.assertEqual(r["content"]["all"]["exact"]["f"], 1.0)
        r = Q.score(docs, [])
        self.assertEqual(r["content"]["all"]["overlap"]["f"], 0.0)

    def test_prediction_checks(self):
        objs = [{"doc": "zz", "start": 0, "end": 3},
                {"doc": "a1", "start": 5},
                {"doc": "a1", "start": 0, "end": 3, "text": "xyz"},
                {"doc": "a1", "parts": [{"start": 20, "end": 25}, {"start": 0, "end": 4}]}]
        preds, rep = Q.parse_predictions(objs, {"a1": ARTICLE})
        self.assertEqual(rep["unknown_doc"], 1)
        self.assertEqual(rep["malformed"], 1)
        self.assertEqual(rep["text_mismatch"], 1)
        self.assertEqual([(p.start, p.end) for p in preds], [(0, 3), (0, 25)])

    def test_brat_details(self):
        text = "Para one.\n\nHe said: “Line one.\n\nLine two.” Then more."
        s1 = text.index("“")
        e1 = text.index("”") + 1
        m = text.index("more")
        ann = (f"T1\tContent {s1} {e1}\t{text[s1:e1]}\n"          # text spans lines
               f"T2\tCue {text.index('said')} {text.index('said') + 4}\tsaid\n"
               f"T3\tSource 0 4;5 8\tPara one\n"               # fragments
               f"T4\tContent 0 4\tWRONG\n"                      # text mismatch
               f"T5\tContent {m} {m + 4}\tmore\n"
               f"E1\tAttribution-no-source:T2 Cue:T2 Content:T1\n"
               f"E2\tAttribution:T2 Content:T4 Content2:T5 Source:T3\n")
        stats = Q.GoldStats()
        atts = Q.parse_ann(ann, text, "d", stats)
        self.assertEqual(stats.t_text_mismatch, 1)
        self.assertEqual(stats.content2, 1)
        self.assertEqual(len(atts), 2)
        self.assertIsNone(atts[0].source)
        self.assertTrue(atts[0].quoted)
        self.assertEqual((atts[0].content.start, atts[0].content.end), (s1, e1))
        self.assertEqual((atts[1].content.start, atts[1].content.end), (0, m + 4))
        self.assertEqual((atts[1].source.start, atts[1].source.end), (0, 8))

    def test_quote_marks(self):
        def q(t, sub=None):
            s, e = span(sub, text=t) if sub else (0, len(t))
            return Q.has_quote_mark(t, s, e)
        self.assertTrue(q('He said "yes" today'))
        self.assertTrue(q("« Oui », dit-il"))
        self.assertTrue(q("Worried; It’s ‘in Their Heads.’"))
        self.assertTrue(q("'You will be thrown out'"))
        self.assertFalse(q("Clinton’s team didn’t say"))
        self.assertFalse(q("the voters’ views"))
        self.assertFalse(q("music of the ’90s"))
        self.assertFalse(q("He said that he would win"))
        # the marks just outside the span
        self.assertTrue(q("“We will win,” he said", "We will win,"))
        self.assertFalse(q("“We will win,” he said", "he said"))


# ---------------------------------------------------------------------------
# eval-dates

TML = textwrap.dedent("""\
    <?xml version="1.0" ?>
    <TimeML>
    <DOCID>X1</DOCID>
    <DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08T10:00" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
    <TEXT>
    AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-09">Friday</TIMEX3> that sales <EVENT eid="e2" class="OCCURRENCE">rose</EVENT> for <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> ago, unlike <TIMEX3 tid="t3" type="DATE" value="1997">last year</TIMEX3>.
    </TEXT>
    <TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
    </TimeML>
    """)


class TestDatesSynthetic(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        p = Path(self.tmp.name) / "X1.tml"
        p.write_text(TML, encoding="utf-8")
        self.doc = D.parse_tml(p, "TimeBank")

    def tearDown(self):
        self.tmp.cleanup()

    def test_parse(self):
        d = self.doc
        self.assertEqual(d.date, "1998-01-08")
        self.assertTrue(d.text.startswith("\nAT&T said on Friday that"))
        self.assertEqual([(t.text, t.type, t.value) for t in d.timexes],
                         [("Friday", "DATE", "1998-01-09"), ("two weeks", "DURATION", "P2W"),
                          ("last year", "DATE", "1997")])
        for t in d.timexes:
            self.assertEqual(d.text[t.start:t.end], t.text)

    def pred(self, sub, typ, value):
        s = self.doc.text.index(sub)
        return {"doc": "X1", "start": s, "end": s + len(sub), "text": sub,
                "type": typ, "value": value}

    def test_hand_made_case(self):
        objs = [self.pred("Friday", "DATE", "1998-01-09"),
                self.pred("two weeks ago", "DATE", "1997-12-25"),
                self.pred("unlike", "DATE", "X")]
        preds, rep = D.parse_predictions(objs, {"X1": self.doc.text})
        self.assertEqual(rep["text_mismatch"], 0)
        r = D.score([self.doc], preds, n_errors=3)
        self.assertAlmostEqual(r["strict"]["p"], 1 / 3)
        self.assertAlmostEqual(r["strict"]["r"], 1 / 3)
        self.assertAlmostEqual(r["relaxed"]["p"], 2 / 3)
        self.assertAlmostEqual(r["relaxed"]["r"], 2 / 3)
        self.assertAlmostEqual(r["relaxed"]["f"], 2 / 3)
        # type: Friday right, "two weeks ago" DATE vs DURATION wrong
        self.assertEqual(r["type"]["correct"], 1)
        self.assertAlmostEqual(r["type"]["accuracy"], 0.5)
        self.assertAlmostEqual(r["type"]["f"], 1 / 3)
        # value: right only for Friday
        self.assertAlmostEqual(r["value"]["p"], 1 / 3)
        self.assertAlmostEqual(r["value"]["r"], 1 / 3)
        self.assertAlmostEqual(r["value"]["f"], 1 / 3)
        self.assertAlmostEqual(r["value"]["accuracy"], 0.5)
        self.assertEqual(len(r["errors"]["wrong_values"]), 1)
        self.assertEqual(r["errors"]["misses"][0]["text"], "last year")
        self.assertEqual(r["errors"]["false_positives"][0]["text"], "unlike")

    def test_normalized_values(self):
        self.assertEqual(D.normalize_value(" 2000-w2 "), "2000-W02")
        self.assertEqual(D.normalize_value("2000-W2-WE"), "2000-W02-WE")
        self.assertEqual(D.normalize_value("2000-W12"), "2000-W12")
        objs = [self.pred("Friday", "DATE", "1998-01-09"), self.pred("last year", "DATE", "1997 ")]
        preds, _ = D.parse_predictions(objs, {"X1": self.doc.text})
        # "1997 " is stripped when read; "1998-01-09" exact either way
        self.assertEqual(D.score([self.doc], preds)["value"]["correct"], 2)
        objs[1]["value"] = "1997-w1"
        preds, _ = D.parse_predictions(objs, {"X1": self.doc.text})
        self.assertEqual(D.score([self.doc], preds, normalize=True)["value"]["correct"], 1)

    def test_gold_as_predictions_and_empty(self):
        preds, _ = D.parse_predictions(D.gold_to_predictions([self.doc]),
                                       {"X1": self.doc.text})
        r = D.score([self.doc], preds)
        self.assertEqual((r["strict"]["f"], r["relaxed"]["f"], r["value"]["f"]), (1.0, 1.0, 1.0))
        r = D.score([self.doc], [])
        self.assertEqual((r["strict"]["f"], r["relaxed"]["f"], r["value"]["f"]), (0.0, 0.0, 0.0))


# ---------------------------------------------------------------------------
# eval-stories


class TestStoriesSynthetic(unittest.TestCase):
    GOLD = {"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}

    def score(self, objs):
        pred, rep = S.parse_predictions(objs, self.GOLD)
        return S.score(self.GOLD, pred), rep

    def test_hand_made_case(self):
        # predicted {a b} {c d} {e}
        objs = [{"doc": "a", "story": "X"}, {"doc": "b", "story": "X"},
                {"doc": "c", "story": "Y"}, {"doc": "d", "story": "Y"},
                {"doc": "e", "story": 7, "duplicate_of": None}]
        r, _ = self.score(objs)
        # B-cubed P: a 2/2, b 2/2, c 1/2, d 1/2, e 1/1 -> 4/5
        # B-cubed R: a 2/3, b 2/3, c 1/3, d 1/2, e 1/2 -> 8/15
        self.assertAlmostEqual(r["bcubed"]["p"], 0.8)
        self.assertAlmostEqual(r["bcubed"]["r"], 8 / 15)
        self.assertAlmostEqual(r["bcubed"]["f"], 0.64)
        # pairs: predicted ab, cd; gold ab ac bc de: 1 shared
        self.assertAlmostEqual(r["pairwise"]["p"], 0.5)
        self.assertAlmostEqual(r["pairwise"]["r"], 0.25)
        self.assertAlmostEqual(r["pairwise"]["f"], 1 / 3)
        # ARI: (1 - 4*2/10) / ((4+2)/2 - 4*2/10) = 0.2 / 2.2
        self.assertAlmostEqual(r["ari"], 0.2 / 2.2)
        self.assertEqual(r["clusters"]["gold"], 2)
        self.assertEqual(r["clusters"]["pred"], 3)
        # e missing is a singleton: the same figures, and it is reported
        r2, rep = self.score(objs[:4])
        self.assertEqual(rep["missing"], ["e"])
        self.assertAlmostEqual(r2["bcubed"]["f"], r["bcubed"]["f"])
        self.assertAlmostEqual(r2["ari"], r["ari"])

    def test_gold_as_predictions_and_empty(self):
        r, _ = self.score([{"doc": k, "story": v} for k, v in self.GOLD.items()])
        self.assertEqual((r["bcubed"]["f"], r["pairwise"]["f"], r["ari"]), (1.0, 1.0, 1.0))
        r, rep = self.score([])
        self.assertEqual(len(rep["missing"]), 5)
        # all singletons: B-cubed precision is 1 by definition, recall is
        # (gold clusters) / (items); no pair is found
        self.assertEqual(r["bcubed"]["p"], 1.0)
        self.assertAlmostEqual(r["bcubed"]["r"], 2 / 5)
        self.assertEqual((r["pairwise"]["f"], r["ari"]), (0.0, 0.0))

    def test_one_big_cluster(self):
        r, _ = self.score([{"doc": k, "story": "all"} for k in self.GOLD])
        self.assertEqual(r["bcubed"]["r"], 1.0)
        self.assertAlmostEqual(r["bcubed"]["p"], (3 * 3 / 5 + 2 * 2 / 5) / 5)
        self.assertAlmostEqual(r["pairwise"]["p"], 4 / 10)
        self.assertEqual(r["ari"], 0.0)


# ---------------------------------------------------------------------------
# the commands


class TestCommands(unittest.TestCase):
    def test_help(self):
        for script in ("eval-quotes", "eval-dates", "eval-stories"):
            p = run_cli(script, "--help")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("--predictions", p.stdout)
            self.assertIn("--parallax", p.stdout)
            self.assertTrue(os.access(HERE / script, os.X_OK), f"{script} not executable")

    def test_missing_binary_is_a_clean_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            gold = Path(tmp) / "g.jsonl"
            C.write_jsonl(gold, [{"id": "a", "story": "1", "text": "x"}])
            p = run_cli("eval-stories", "--gold", str(gold), "--parallax", "/nonexistent/px")
            self.assertEqual(p.returncode, 2)
            self.assertIn("--predictions", p.stderr)

    def test_stories_gold_file_and_fake_parallax(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            gold = tmp / "g.jsonl"
            C.write_jsonl(gold, [{"id": i, "story": s, "topic": 1, "text": f"article {i}"}
                                 for i, s in (("a", "1"), ("b", "1"), ("c", "2"))])
            # a stand-in parallax: fails when it sees a gold label, else puts
            # every article in the story named by its last character
            fake = tmp / "parallax"
            fake.write_text(textwrap.dedent(f"""\
                #!{sys.executable}
                import json, sys
                assert sys.argv[1:4] == ["stories", "--format", "jsonl"], sys.argv
                for line in open(sys.argv[4]):
                    r = json.loads(line)
                    if "story" in r or "topic" in r:
                        sys.exit(3)
                    print(json.dumps({{"doc": r["id"], "story": {{"a": 1, "b": 1, "c": 2}}[r["id"]],
                                      "duplicate_of": None}}))
                print("note: stand-in", file=sys.stderr)
                """))
            fake.chmod(0o755)
            saved = tmp / "saved.jsonl"
            p = run_cli("eval-stories", "--gold", str(gold), "--parallax", str(fake),
                        "--save-predictions", str(saved), "--json")
            self.assertEqual(p.returncode, 0, p.stderr)
            r = json.loads(p.stdout)
            self.assertEqual(r["bcubed"]["f"], 1.0)
            self.assertEqual(len(C.read_jsonl(saved)), 3)
            p = run_cli("eval-stories", "--gold", str(gold), "--predictions", str(saved))
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("B-cubed   1.0000  1.0000  1.0000", p.stdout)


# ---------------------------------------------------------------------------
# on the real data


@unittest.skipUnless(has("polnear"), NO_DATA)
class TestQuotesData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.docs, cls.stats = Q.load_gold(DATA / "polnear", "dev")

    def test_gold_counts(self):
        g = Q.gold_report(self.docs, self.stats)
        self.assertEqual(g["docs"], 84)
        self.assertEqual(g["t_text_mismatch"], 0)
        self.assertEqual(g["crlf_docs"], 0)
        self.assertGreater(g["scored_attributions"], 2000)
        # "about a third have quotation marks"
        self.assertTrue(0.25 < g["quoted"] / g["scored_attributions"] < 0.4)

    def test_gold_scores_one_empty_scores_zero(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "gold.jsonl"
            C.write_jsonl(path, Q.gold_to_predictions(self.docs))
            p = run_cli("eval-quotes", "--split", "dev", "--predictions", str(path), "--json",
                        "--data", str(DATA / "polnear"))
            self.assertEqual(p.returncode, 0, p.stderr)
            r = json.loads(p.stdout)
            for sub in ("all", "quoted", "unquoted"):
                for mode in ("exact", "overlap"):
                    self.assertEqual(r["content"][sub][mode]["f"], 1.0, (sub, mode))
            for key in ("independent", "linked"):
                self.assertEqual(r["source"][key]["exact"]["f"], 1.0)
            self.assertEqual(r["cue"]["exact"]["f"], 1.0)
            empty = Path(tmp) / "empty.jsonl"
            empty.write_text("")
            p = run_cli("eval-quotes", "--predictions", str(empty), "--json")
            self.assertEqual(p.returncode, 0, p.stderr)
            r = json.loads(p.stdout)
            self.assertEqual(r["content"]["all"]["exact"]["f"], 0.0)
            self.assertEqual(r["content"]["all"]["overlap"]["r"], 0.0)
            self.assertEqual(r["source"]["independent"]["exact"]["f"], 0.0)


@unittest.skipUnless(has("timeml"), NO_DATA)
class TestDatesData(unittest.TestCase):
    def test_gold_scores_one_empty_scores_zero(self):
        docs = D.load_gold(DATA / "timeml")
        self.assertEqual(len(docs), 256)
        n = sum(len(d.timexes) for d in docs)
        self.assertGreater(n, 1500)
        for d in docs:
            self.assertRegex(d.date, r"^\d{4}-\d{2}-\d{2}$")
            for t in d.timexes:
                self.assertEqual(d.text[t.start:t.end], t.text)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "gold.jsonl"
            C.write_jsonl(path, D.gold_to_predictions(docs))
            p = run_cli("eval-dates", "--predictions", str(path), "--json")
            self.assertEqual(p.returncode, 0, p.stderr)
            r = json.loads(p.stdout)
            for k in ("strict", "relaxed", "type", "value"):
                self.assertEqual(r[k]["f"], 1.0, k)
            self.assertEqual(r["counts"]["gold"], n)
            p = run_cli("eval-dates", "--only", "AQUAINT", "--predictions", str(path), "--json")
            r = json.loads(p.stdout)
            self.assertEqual(r["counts"]["docs"], 73)
            self.assertEqual(r["predictions"]["unknown_doc"], n - r["counts"]["gold"])
            empty = Path(tmp) / "empty.jsonl"
            empty.write_text("")
            r = json.loads(run_cli("eval-dates", "--predictions", str(empty), "--json").stdout)
            for k in ("strict", "relaxed", "type", "value"):
                self.assertEqual(r[k]["f"], 0.0, k)


@unittest.skipUnless(has("ecbplus"), NO_DATA)
class TestStoriesData(unittest.TestCase):
    def test_gold_scores_one_empty_gives_singletons(self):
        _, gold = S.load_gold(DATA / "ecbplus" / "dev.jsonl")
        n_stories = len(set(gold.values()))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "gold.jsonl"
            C.write_jsonl(path, [{"doc": k, "story": v, "duplicate_of": None}
                                 for k, v in gold.items()])
            p = run_cli("eval-stories", "--predictions", str(path), "--json")
            self.assertEqual(p.returncode, 0, p.stderr)
            r = json.loads(p.stdout)
            self.assertEqual((r["bcubed"]["f"], r["pairwise"]["f"], r["ari"]), (1.0, 1.0, 1.0))
            self.assertEqual(r["clusters"]["gold"], n_stories)
            empty = Path(tmp) / "empty.jsonl"
            empty.write_text("")
            p = run_cli("eval-stories", "--predictions", str(empty), "--json")
            r = json.loads(p.stdout)
            self.assertEqual(len(r["predictions"]["missing"]), len(gold))
            self.assertIn("missing", p.stderr)
            self.assertEqual(r["pairwise"]["f"], 0.0)
            self.assertEqual(r["ari"], 0.0)
            self.assertAlmostEqual(r["bcubed"]["r"], n_stories / len(gold))


# ---------------------------------------------------------------------------
# smoke test on the real binary, when it has the verb


def parallax_binary():
    cand = os.environ.get("PARALLAX") or str(C.REPO_ROOT / "build" / "parallax")
    return cand if os.access(cand, os.X_OK) else None


def verb_available(binary, verb):
    try:
        p = subprocess.run([binary, verb, "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return p.returncode == 0 and "not available" not in (p.stdout + p.stderr)


class TestRealBinarySmoke(unittest.TestCase):
    def check(self, script, verb, dataset, key):
        binary = parallax_binary()
        if binary is None:
            self.skipTest("no parallax binary (set PARALLAX or build build/parallax)")
        if not has(dataset):
            self.skipTest(NO_DATA)
        if not verb_available(binary, verb):
            self.skipTest(f"parallax {verb} is not built yet")
        p = run_cli(script, "--parallax", binary, "--json")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        r = json.loads(p.stdout)
        for v in key(r):
            self.assertTrue(0.0 <= v <= 1.0)

    def test_quotes(self):
        self.check("eval-quotes", "quotes", "polnear",
                   lambda r: [r["content"]["all"]["exact"]["f"]])

    def test_dates(self):
        self.check("eval-dates", "dates", "timeml", lambda r: [r["relaxed"]["f"]])

    def test_stories(self):
        self.check("eval-stories", "stories", "ecbplus", lambda r: [r["bcubed"]["f"]])


if __name__ == "__main__":
    if DATA is None:
        print(f"note: {NO_DATA}: the checks on real data are skipped", file=sys.stderr)
    unittest.main(verbosity=1)
