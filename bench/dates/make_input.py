#!/usr/bin/env python3
"""make_input.py TIMEML_DIR OUT.jsonl [COPIES] - the TimeBank and AQUAINT
articles as parallax JSONL ({id, text, date}: the <TEXT> content with its
tags removed, the <DCT> date), repeated COPIES times (ids made unique) so
a timing run lasts long enough to measure."""
import json
import re
import sys
import xml.parsers.expat
from pathlib import Path


def article(path):
    parts, state = [], {"text": 0, "dct": None, "in_dct": False}

    def start(name, attrs):
        if name == "TEXT":
            state["text"] += 1
        elif name == "DCT":
            state["in_dct"] = True
        elif name == "TIMEX3" and state["in_dct"] and state["dct"] is None:
            state["dct"] = attrs.get("value", "")

    def end(name):
        if name == "TEXT":
            state["text"] -= 1
        elif name == "DCT":
            state["in_dct"] = False

    def chars(data):
        if state["text"]:
            parts.append(data)

    p = xml.parsers.expat.ParserCreate()
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars
    p.Parse(path.read_bytes(), True)
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", state["dct"] or "")
    return "".join(parts), (f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None)


def main():
    base, out = Path(sys.argv[1]), Path(sys.argv[2])
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    docs = [(p.stem,) + article(p) for p in sorted(base.glob("*/*.tml"))]
    text_bytes = 0
    with out.open("w", encoding="utf-8") as f:
        for c in range(copies):
            for stem, text, date in docs:
                f.write(json.dumps({"id": f"{stem}#{c}", "text": text, "date": date}) + "\n")
                text_bytes += len(text.encode())
    print(text_bytes)


if __name__ == "__main__":
    main()
