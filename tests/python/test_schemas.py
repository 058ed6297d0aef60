"""Every JSON output of the CLI (and so of the module, whose records are
the same) is valid against its schema in docs/schema; the schemas are
strict enough to fail on a changed record; and the reader takes back what
'show' writes (doc as the id), so 'show --format jsonl | report -' keeps
the document ids."""
import json
import pathlib

import pytest
from jsonschema import Draft202012Validator

import parallax
from conftest import EXAMPLES, SEEDS, SHARED, SOURCE, cli, cli_jsonl

SCHEMAS = SOURCE / "docs" / "schema"


def validator(name):
    schema = json.loads((SCHEMAS / ("%s.schema.json" % name)).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(name, records):
    v = validator(name)
    return [(i, e.message) for i, r in enumerate(records) for e in v.iter_errors(r)]


@pytest.mark.parametrize("verb,args", [
    ("read", ["read"]), ("quotes", ["quotes"]), ("dates", ["dates"]),
    ("stories", ["stories"]), ("brief", ["brief", "--format", "jsonl"])])
def test_jsonl_outputs_valid(verb, args, inputs):
    records = cli_jsonl(*args, inputs)
    assert records
    assert errors(verb, records) == []


def test_more_inputs_valid():
    """Pages of every shape, PolNeAR's quotations, ECB+'s stories."""
    data = SHARED / "data"
    if not data.exists():
        pytest.skip("shared data not found")
    for verb, path in (("read", data / "webpages"), ("quotes", data / "polnear" / "dev" / "text"),
                       ("stories", data / "ecbplus" / "dev.jsonl")):
        records = getattr(parallax, verb)(path, errors="ignore")
        assert len(records) > 100 and errors(verb, records) == [], verb


def test_reports_valid():
    v = validator("report")
    one = parallax.report(EXAMPLES)
    assert list(v.iter_errors(one)) == []
    several = json.loads(cli("report", "--format", "json", EXAMPLES, SEEDS))
    assert len(several["stories"]) >= 2
    assert list(v.iter_errors(several)) == []


def test_schemas_fail_on_a_changed_record():
    q = parallax.quotes(EXAMPLES)[0]
    assert errors("quotes", [dict(q, kind="rumour")])
    assert errors("quotes", [dict(q, extra=1)])
    assert errors("quotes", [{k: v for k, v in q.items() if k != "speaker"}])
    r = parallax.report(EXAMPLES)
    assert list(validator("report").iter_errors(dict(r, outlets="five")))


def test_corpus_outputs_valid_and_round_trip(tmp_path):
    db = tmp_path / "c.db"
    cli("add", "--quiet", db, EXAMPLES)
    shown = cli("show", "--format", "jsonl", db, 0)
    assert errors("show", [json.loads(l) for l in shown.decode().splitlines()]) == []
    assert errors("stories", cli_jsonl("stories", db)) == []
    # show's records read back: the ids, headlines, sources and quotations survive
    back = tmp_path / "story.jsonl"
    back.write_bytes(shown)
    direct = parallax.report(EXAMPLES)
    again = json.loads(cli("report", "--format", "json", back))
    assert [d["doc"] for d in again["documents"]] == [d["doc"] for d in direct["documents"]]
    assert [(d["headline"], d["source"]) for d in again["documents"]] == \
        [(d["headline"], d["source"]) for d in direct["documents"]]
    assert cli_jsonl("quotes", back) == cli_jsonl("quotes", EXAMPLES)
    # and through standard input, as in 'show ... | parallax report -'
    import subprocess, os
    p = subprocess.run([os.environ.get("PARALLAX", str(SOURCE / "build" / "parallax")),
                        "report", "--format", "json", "-"], input=shown, capture_output=True)
    assert p.returncode == 0, p.stderr
    assert [d["doc"] for d in json.loads(p.stdout)["documents"]] == \
        [d["doc"] for d in direct["documents"]]


def test_schemas_installed_list():
    names = sorted(p.name for p in SCHEMAS.glob("*.schema.json"))
    assert names == sorted("%s.schema.json" % n for n in
                           ("read", "quotes", "dates", "stories", "brief", "show", "report"))
