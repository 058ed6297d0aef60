"""The Python package gives the records the CLI prints, on the examples
and the seed articles; texts= reads like a .jsonl file; errors carry the
file and the problem; the GIL is released while the library works."""
import json
import os
import threading
import time
import warnings

import pytest

import parallax
from conftest import EXAMPLES, SHARED, cli, cli_jsonl


@pytest.mark.parametrize("verb", ["read", "quotes", "dates", "stories"])
def test_records_equal_cli(verb, inputs):
    assert getattr(parallax, verb)(inputs) == cli_jsonl(verb, "--format", "jsonl", inputs)


def test_options_equal_cli(inputs):
    assert parallax.quotes(inputs, polnear_spans=True) == \
        cli_jsonl("quotes", "--polnear-spans", inputs)
    assert parallax.dates(inputs, ref="2020-01-02", story=False) == \
        cli_jsonl("dates", "--ref", "2020-01-02", "--no-story", inputs)
    assert parallax.stories(inputs, threshold=0.7, shingle=4, story_threshold=0.3) == \
        cli_jsonl("stories", "--threshold", "0.7", "--shingle", "4", "--story-threshold", "0.3",
                  inputs)
    assert parallax.brief(inputs, words=50) == \
        cli_jsonl("brief", "--format", "jsonl", "--words", "50", inputs)


def test_report_equals_cli(inputs):
    assert parallax.report(inputs) == json.loads(cli("report", "--format", "json", inputs))
    for fmt in ("md", "html"):
        assert parallax.report(inputs, format=fmt) == \
            cli("report", "--format", fmt, inputs).decode("utf-8")


def test_several_paths_in_order():
    files = sorted(EXAMPLES.iterdir())[::-1]
    assert [r["doc"] for r in parallax.read(files)] == \
        [r["doc"] for r in cli_jsonl("read", *files)]


def test_texts_read_like_a_jsonl_file(tmp_path):
    feed = EXAMPLES / "03_feeds.jsonl"
    records = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    for verb in ("read", "quotes", "dates", "stories"):
        got = getattr(parallax, verb)(texts=records)
        want = cli_jsonl(verb, feed)
        if verb == "read":
            for r in want:
                r["file"] = "texts"
        assert got == want, verb


def test_texts_strings():
    text = (EXAMPLES / "01_northern_ledger.txt").read_text(encoding="utf-8")
    got = parallax.quotes(texts=[text, text[:400]])
    want = cli_jsonl("quotes", EXAMPLES / "01_northern_ledger.txt")
    assert {r["doc"] for r in got} <= {"0", "1"}
    assert [dict(r, doc=None) for r in got if r["doc"] == "0"] == \
        [dict(r, doc=None) for r in want]
    # one string is a list of one
    assert parallax.read(texts=text)[0]["doc"] == "0"


def test_texts_dict_fields():
    import datetime
    r = parallax.read(texts=[{"id": 7, "text": "A quiet day.", "headline": "Nothing",
                              "source": "The Post", "url": "https://example.org/a",
                              "date": datetime.date(2024, 5, 1)}])[0]
    assert (r["doc"], r["headline"], r["source"], r["url"], r["date"]) == \
        ("7", "Nothing", "The Post", "https://example.org/a", "2024-05-01")


def test_errors_name_the_file_and_the_problem(tmp_path):
    with pytest.raises(parallax.ParallaxError) as e:
        parallax.read(tmp_path / "missing.txt")
    assert e.value.file == str(tmp_path / "missing.txt")
    assert "cannot read" in e.value.problem
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Fine."}\n{"id": "b"\n', encoding="utf-8")
    with pytest.raises(parallax.ParallaxError) as e:
        parallax.read(bad)
    assert (e.value.file, e.value.line) == (str(bad), 2)
    assert "malformed JSON" in str(e.value)
    assert [r["doc"] for r in e.value.records] == ["a"]
    with pytest.raises(parallax.ParallaxError) as e:
        parallax.quotes(texts=["Fine.", {"id": "x", "text": "  "}])
    assert (e.value.file, e.value.doc) == ("texts[1]", "x")
    assert "empty" in e.value.problem
    # nothing to report: the error, not a JSON decoding error of no output
    with pytest.raises(parallax.ParallaxError, match="empty"):
        parallax.report(texts=[])
    (tmp_path / "none").mkdir()
    with pytest.raises(parallax.ParallaxError, match="no articles"):
        parallax.report(tmp_path / "none")


def test_errors_warn_and_ignore(tmp_path):
    with pytest.warns(parallax.ParallaxWarning, match="missing.txt"):
        got = parallax.read([tmp_path / "missing.txt", EXAMPLES / "01_northern_ledger.txt"],
                            errors="warn")
    assert [r["doc"] for r in got] == ["01_northern_ledger"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parallax.read(tmp_path / "missing.txt", errors="ignore") == []
    with pytest.raises(ValueError):
        parallax.read(EXAMPLES, errors="nope")
    with pytest.raises(ValueError):
        parallax.read()
    with pytest.raises(ValueError):
        parallax.report(EXAMPLES, format="pdf")
    with pytest.raises(ValueError):
        parallax.dates(EXAMPLES, ref="May 1")
    with pytest.raises(ValueError):
        parallax.dates(EXAMPLES, ref="2025-13-45")  # the CLI's usage error too
    with pytest.raises(TypeError):
        parallax.read(texts=[3.5])


def test_corpus_equals_cli(tmp_path):
    db = tmp_path / "c.db"
    corpus = parallax.Corpus(db)
    assert corpus.add(EXAMPLES) == {"added": 5, "skipped": 0, "articles": 5, "stories": 1}
    assert corpus.add(texts=[{"id": "01_northern_ledger", "text": "again"}])["skipped"] == 1
    assert corpus.stories() == cli_jsonl("stories", db)
    assert corpus.show(0) == cli_jsonl("show", "--format", "jsonl", db, 0)
    # a corpus's story is one report with story=True, as 'report --story'
    shown = [{"id": r["doc"], "text": r["text"], "source": r["source"]} for r in corpus.show(0)]
    one = parallax.report(texts=shown, story=True)
    assert "stories" not in one and len(one["documents"]) == len(shown)
    with pytest.raises(parallax.ParallaxError, match="no story 99"):
        corpus.show(99)
    with pytest.raises(parallax.ParallaxError, match="no such corpus"):
        parallax.Corpus(tmp_path / "none.db").stories()


def test_gil_released_while_working():
    big = SHARED / "data" / "polnear" / "dev" / "text"
    if not big.exists():
        pytest.skip("PolNeAR dev not found")
    window = {}

    def work():
        window["start"] = time.monotonic()
        window["n"] = len(parallax.quotes(big))
        window["end"] = time.monotonic()

    t = threading.Thread(target=work)
    ticks = []
    t.start()
    while t.is_alive():
        ticks.append(time.monotonic())
        time.sleep(0.001)
    t.join()
    assert window["n"] > 1000
    start, end = window["start"], window["end"]
    middle = [x for x in ticks if start + (end - start) * 0.25 < x < end - (end - start) * 0.25]
    # with the GIL held for the whole call the main thread could not tick
    assert len(middle) >= 10, (len(ticks), end - start)


def test_version():
    assert parallax.__version__ == cli("--version").decode().split()[1]
