#!/usr/bin/env python3
"""make_union.py OUT.jsonl - the distinct real articles of the shared data
in one JSONL file, the input of the throughput benchmark (bench/group/run.sh):
PolNeAR train and dev (text, with outlet, date and headline from
metadata.tsv), ECB+ dev (text, source) and TimeML TimeBank and AQUAINT
(the <TEXT> content, the <DCT> date). One {id, text, source, date, title}
object a line, ids prefixed by the data set. Prints the article count and
the text bytes. The shared data folder is $PX_SHARED, else ../shared beside
the repository, else /work/shared."""
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "dates"))
from make_input import article  # noqa: E402  (the TimeML text and date)


def shared():
    for d in [os.environ.get("PX_SHARED"), HERE / "../../../shared", "/work/shared"]:
        if d and (Path(d) / "data").is_dir():
            return Path(d) / "data"
        if d and (Path(d) / "ecbplus").is_dir():
            return Path(d)
    sys.exit("make_union.py: shared data not found (set PX_SHARED)")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = shared()
    rows = []
    meta = {}
    tsv = data / "polnear/metadata.tsv"
    if tsv.exists():
        lines = tsv.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            m = dict(zip(head, line.split("\t")))
            meta[m["filename"]] = m
    for split in ("train", "dev"):
        for p in sorted((data / "polnear" / split / "text").glob("*.txt")):
            m = meta.get(p.stem, {})
            rows.append({"id": "polnear/" + p.stem, "text": p.read_text(encoding="utf-8"),
                         "source": m.get("publisher"), "date": m.get("publication_date"),
                         "title": m.get("title")})
    for line in open(data / "ecbplus/dev.jsonl", encoding="utf-8"):
        o = json.loads(line)
        rows.append({"id": "ecbplus/" + o["id"], "text": o["text"], "source": o.get("source")})
    for p in sorted((data / "timeml").glob("*/*.tml")):
        text, date = article(p)
        rows.append({"id": "timeml/" + p.stem, "text": text, "date": date})
    n_bytes = 0
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        for r in rows:
            r = {k: v for k, v in r.items() if v}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            n_bytes += len(r["text"].encode())
    print(len(rows), n_bytes)


if __name__ == "__main__":
    main()
