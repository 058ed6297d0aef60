#!/usr/bin/env python3
"""check_key.py - verifies examples/gold.json against the documents in
examples/story/ (stdlib only).

  python3 examples/check_key.py [gold.json] [story-dir]

Checks that:
  * gold.json has the same top-level keys as the seed answer key;
  * every per-document entry names an existing file and document id;
  * every literal 'text' (and headline, standfirst, not_body, conflict
    side, ...) is a substring of its document's text: the whole file for
    .txt, the 'text' field for .jsonl, the visible text for .html (tags
    stripped, entities decoded, whitespace collapsed inside a block);
  * quotations sit between quotation marks in the document;
  * documents[].date/source agree with the metadata actually present;
  * every quote speaker and must_not_merge name is a canonical entity,
    and every alias occurs in some document;
  * every weekday claim (in date entries and in the notes) agrees with
    the calendar, and date values are well-formed TimeML values;
  * single-source facts and single-outlet quotes occur in one document only.
Exits 1 and lists the failures if anything is wrong.
"""
import datetime
import html.parser
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold.json")
STORY = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "story")

SEED_KEYS = ["about", "documents", "entities", "must_not_merge", "quotes", "quote_variants",
             "single_outlet_quotes", "dates", "dates_note", "conflicts", "corroborated",
             "single_source_facts"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
OPEN_MARKS = "“\"‘'"
CLOSE_MARKS = "”\"’'"

failures = []


def fail(msg):
    failures.append(msg)


# ---------------------------------------------------------------- reading

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "figure",
         "figcaption", "aside", "article", "header", "footer", "nav", "main", "section",
         "form", "button", "br", "tr", "td", "blockquote", "title"}
SKIP = {"script", "style", "head", "noscript", "template"}


class Visible(html.parser.HTMLParser):
    """Visible text, one block element a line; also collects <meta>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.cur, self.skip, self.meta = [], [], 0, {}

    def flush(self):
        t = re.sub(r"\s+", " ", "".join(self.cur)).strip()
        if t:
            self.lines.append(t)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            k = a.get("property") or a.get("name")
            if k:
                self.meta[k] = a.get("content", "")
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def front_matter(text):
    meta, lines = {}, text.split("\n")
    i = 0
    while i < len(lines) and re.match(r"^(title|source|date|url|author):\s", lines[i]):
        k, v = lines[i].split(":", 1)
        meta[k] = v.strip()
        i += 1
    return meta if meta and i < len(lines) and lines[i].strip() == "" else {}


def load_docs(story):
    """doc id -> {'file', 'text', 'meta'}"""
    docs = {}
    for name in sorted(os.listdir(story)):
        path = os.path.join(story, name)
        stem, ext = os.path.splitext(name)
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        if ext == ".txt":
            docs[stem] = {"file": name, "text": raw, "meta": front_matter(raw)}
        elif ext == ".jsonl":
            for n, line in enumerate(raw.splitlines(), 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                if not isinstance(rec.get("id"), str) or not isinstance(rec.get("text"), str):
                    fail(f"{name}:{n}: record without string 'id' and 'text'")
                    continue
                meta = {k: rec[k] for k in ("title", "source", "date", "url") if k in rec}
                if "date" in meta and not re.fullmatch(r"\d{4}-\d\d-\d\d", meta["date"]):
                    fail(f"{name}:{n}: 'date' is not YYYY-MM-DD")
                docs[rec["id"]] = {"file": name, "text": rec["text"], "meta": meta}
        elif ext in (".html", ".htm"):
            p = Visible()
            p.feed(raw)
            p.close()
            p.flush()
            m = p.meta
            meta = {"source": m.get("og:site_name"), "author": m.get("author"),
                    "date": (m.get("article:published_time") or "")[:10] or None}
            docs[stem] = {"file": name, "text": "\n".join(p.lines), "meta": meta}
    return docs


# ---------------------------------------------------------------- helpers

def find(docs, entry, where):
    """Checks 'file'/'doc' of a per-document entry; returns the doc or None."""
    doc_id, file = entry.get("doc"), entry.get("file")
    d = docs.get(doc_id)
    if not d:
        fail(f"{where}: unknown doc {doc_id!r}")
        return None
    if d["file"] != file:
        fail(f"{where}: doc {doc_id!r} is in {d['file']!r}, not {file!r}")
    return d


def must_contain(d, doc_id, s, where):
    if s is not None and s not in d["text"]:
        fail(f"{where}: not found in {doc_id}: {s!r}")
        return False
    return True


def by_prefix(docs, prefix, where):
    hits = [k for k in docs if k == prefix or k.startswith(prefix + "_")]
    if len(hits) != 1:
        fail(f"{where}: prefix {prefix!r} names {len(hits)} documents")
        return None
    return hits[0]


def weekday_claims(text, where, default_year=2026):
    """'Thursday 12 March [2026]' / 'Thursday, March 12, 2026' must agree with the calendar."""
    month = "|".join(MONTHS)
    day = "|".join(WEEKDAYS)
    pats = [rf"\b({day}),? (\d{{1,2}}) ({month})(?:,? (\d{{4}}))?",
            rf"\b({day}),? ({month}) (\d{{1,2}})(?:,? (\d{{4}}))?"]
    n = 0
    for k, pat in enumerate(pats):
        for m in re.finditer(pat, text):
            wd = m.group(1)
            d, mo = (m.group(2), m.group(3)) if k == 0 else (m.group(3), m.group(2))
            y = int(m.group(4) or default_year)
            real = datetime.date(y, MONTHS.index(mo) + 1, int(d)).strftime("%A")
            n += 1
            if real != wd:
                fail(f"{where}: {m.group(0)!r} but that day is a {real}")
    return n


TIMEML = re.compile(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d)?)?)?|\d{4}-W\d\d|P\d+[YMWD]")


# ---------------------------------------------------------------- checks

def main():
    with open(GOLD, encoding="utf-8") as f:
        gold = json.load(f)
    docs = load_docs(STORY)
    if len(docs) != 5:
        fail(f"expected 5 documents in {STORY}, found {len(docs)}: {sorted(docs)}")
    if list(gold) != SEED_KEYS:
        fail(f"top-level keys differ from the seed key: {list(gold)}")

    canon = {}
    for ent in gold["entities"]:
        if ent["canonical"] in canon:
            fail(f"entity listed twice: {ent['canonical']}")
        canon[ent["canonical"]] = ent
    alias_owner = {}
    for ent in gold["entities"]:
        for a in ent["aliases"]:
            if a in alias_owner:
                fail(f"alias {a!r} belongs to {alias_owner[a]} and {ent['canonical']}")
            alias_owner[a] = ent["canonical"]
            if not any(a in d["text"] for d in docs.values()):
                fail(f"entity {ent['canonical']}: alias {a!r} occurs in no document")
    for pair in gold["must_not_merge"]:
        for name in pair:
            if name not in canon:
                fail(f"must_not_merge: {name!r} is not a canonical entity")

    # documents
    seen = set()
    for i, de in enumerate(gold["documents"]):
        w = f"documents[{i}]"
        d = find(docs, de, w)
        if not d:
            continue
        seen.add(de["doc"])
        for key in ("headline", "standfirst", "embedded_post", "dateline"):
            v = de.get(key)
            if key == "headline" and d["meta"].get("title") == v:
                continue
            if v is not None:
                must_contain(d, de["doc"], v, f"{w}.{key}")
        for s in de.get("not_body", []) + de.get("not_quotes", []):
            must_contain(d, de["doc"], s, f"{w}.not_body/not_quotes")
        if de.get("date") != d["meta"].get("date"):
            fail(f"{w}: date {de.get('date')!r} but the document's metadata says {d['meta'].get('date')!r}")
        src = d["meta"].get("source")
        last = d["text"].rstrip("\n").split("\n")[-1].strip()
        # metadata, else the URL's host, else the signature line
        host = re.sub(r"^www\.", "", re.sub(r"^[a-z]+://([^/:?#]+).*$", r"\1", d["meta"].get("url") or "")).lower()
        allowed = {src} if src else {host} if host and "." in host else {None, last}
        if de.get("source") not in allowed:
            fail(f"{w}: source {de.get('source')!r} matches neither metadata {src!r} nor signature {last!r}")
        if de.get("date") is None and not de.get("date_evidence"):
            fail(f"{w}: undated document without date_evidence")
        weekday_claims(de.get("date_evidence", ""), f"{w}.date_evidence")
        if de.get("date"):
            weekday_claims(d["text"], f"{de['doc']} text",
                           int(de["date"][:4]))
    for k in docs:
        if k not in seen:
            fail(f"document {k} has no entry in documents[]")
    if not any(de.get("date") is None and "none" in de.get("date_evidence", "") for de in gold["documents"]):
        fail("no document without any date")

    # quotes
    groups = {}
    for i, qe in enumerate(gold["quotes"]):
        w = f"quotes[{i}]"
        d = find(docs, qe, w)
        if not d:
            continue
        if qe["speaker"] not in canon:
            fail(f"{w}: speaker {qe['speaker']!r} is not a canonical entity")
        if not must_contain(d, qe["doc"], qe["text"], w):
            continue
        # the quotation must sit between marks (a paragraph of a multi-
        # paragraph quotation may end at a line break instead)
        ok = False
        for m in re.finditer(re.escape(qe["text"]), d["text"]):
            before = d["text"][m.start() - 1] if m.start() else ""
            after = d["text"][m.end()] if m.end() < len(d["text"]) else ""
            if before in OPEN_MARKS and (after in CLOSE_MARKS or after == "\n"):
                ok = True
        if not ok:
            fail(f"{w}: text is not enclosed in quotation marks in {qe['doc']}: {qe['text'][:50]!r}")
        if "group" in qe:
            groups.setdefault(qe["group"], []).append(qe)
    for g, qs in groups.items():
        if len({q["doc"] for q in qs}) < 2:
            fail(f"quote group {g!r} is quoted by one document only")
    for i, v in enumerate(gold["quote_variants"]):
        w = f"quote_variants[{i}]"
        if v["group"] not in groups:
            fail(f"{w}: unknown group {v['group']!r}")
            continue
        for val, prefixes in v.get("values", {}).items():
            for p in prefixes:
                doc_id = by_prefix(docs, p, w)
                if doc_id and not any(q["doc"] == doc_id and val in q["text"] for q in groups[v["group"]]):
                    fail(f"{w}: {val!r} is in no {v['group']} quote of {doc_id}")

    for i, se in enumerate(gold["single_outlet_quotes"]):
        w = f"single_outlet_quotes[{i}]"
        d = find(docs, se, w)
        if d and must_contain(d, se["doc"], se["text"], w):
            others = [k for k, o in docs.items() if k != se["doc"] and se["text"] in o["text"]]
            if others:
                fail(f"{w}: also found in {others}")

    # dates
    for i, de in enumerate(gold["dates"]):
        w = f"dates[{i}]"
        d = find(docs, de, w)
        if not d:
            continue
        if must_contain(d, de["doc"], de["text"], w) and d["text"].count(de["text"]) > 1:
            fail(f"{w}: {de['text']!r} is not unique in {de['doc']}")
        val = de["value"]
        if not TIMEML.fullmatch(val):
            fail(f"{w}: value {val!r} is not a TimeML date/week/duration")
        wd = [x for x in WEEKDAYS if re.search(rf"\b{x}\b", de["text"])]
        if wd and re.match(r"\d{4}-\d\d-\d\d", val):
            real = datetime.date.fromisoformat(val[:10]).strftime("%A")
            if real != wd[0]:
                fail(f"{w}: {de['text']!r} resolved to {val}, a {real}")
    if not 12 <= len(gold["dates"]) <= 20:
        fail(f"dates: {len(gold['dates'])} entries, expected 12-20")
    weekday_claims(gold["dates_note"], "dates_note")
    weekday_claims(gold["about"], "about")

    # conflicts, corroborated, single-source facts
    for i, c in enumerate(gold["conflicts"]):
        for side, by in c["sides"].items():
            for p, s in by.items():
                doc_id = by_prefix(docs, p, f"conflicts[{i}].{side}")
                if doc_id:
                    must_contain(docs[doc_id], doc_id, s, f"conflicts[{i}].{side}")
    for i, c in enumerate(gold["corroborated"]):
        if len(c["files"]) < 3:
            fail(f"corroborated[{i}]: fewer than 3 outlets")
        for p in c["files"]:
            by_prefix(docs, p, f"corroborated[{i}]")
    for i, se in enumerate(gold["single_source_facts"]):
        w = f"single_source_facts[{i}]"
        d = find(docs, se, w)
        if d and must_contain(d, se["doc"], se["text"], w):
            others = [k for k, o in docs.items() if k != se["doc"] and se["text"] in o["text"]]
            if others:
                fail(f"{w}: also found in {others}")

    if failures:
        print(f"{len(failures)} problem(s):")
        for f in failures:
            print("  " + f)
        return 1
    n = sum(len(gold[k]) for k in ("quotes", "dates", "conflicts", "single_source_facts"))
    print(f"ok: {len(docs)} documents, {len(gold['quotes'])} quotes, {len(gold['dates'])} dates, "
          f"{len(gold['conflicts'])} conflicts, {len(gold['entities'])} entities ({n} checked entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
