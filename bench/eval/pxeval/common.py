"""Shared pieces of the parallax scorers: finding the data, running the
parallax binary on a temporary JSONL file, reading predictions, matching
spans one-to-one and printing tables.

Every scorer in bench/eval is a thin executable around one module of this
package, so the self-tests (bench/eval/test_scorers.py) can call the same
functions the command line uses.
"""

import json
import os
import random
import subprocess
import sys
import tempfile
from bisect import bisect_left
from pathlib import Path

# bench/eval/pxeval/common.py -> the repository root is three folders up.
REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_PARALLAX = "build/parallax"
DATASETS = ("polnear", "timeml", "ecbplus")


class ScorerError(Exception):
    """A problem the user has to fix (missing data, binary, bad file)."""


def warn(msg):
    print(f"warning: {msg}", file=sys.stderr)


# --------------------------------------------------------------------------
# Locating the data

def _data_dir_of(candidate):
    """Returns the folder holding polnear/, timeml/, ecbplus/ under
    candidate (candidate itself or candidate/data), or None."""
    c = Path(candidate)
    for d in (c / "data", c):
        if d.is_dir() and any((d / name).is_dir() for name in DATASETS):
            return d
    return None


def shared_data_dir():
    """The shared data folder: $PX_SHARED, else ../shared beside the
    repository root, else /work/shared (each may hold data/ or be it).
    Returns None when none of them has the data."""
    env = os.environ.get("PX_SHARED")
    candidates = []
    if env:
        candidates.append(env)
    candidates += [REPO_ROOT.parent / "shared", "/work/shared"]
    for c in candidates:
        d = _data_dir_of(c)
        if d is not None:
            return d
    return None


def dataset_dir(name, override=None):
    """The folder of one data set (polnear, timeml, ecbplus); override is a
    --data argument given by the user. Raises ScorerError when missing."""
    if override:
        d = Path(override)
        if not d.is_dir():
            raise ScorerError(f"--data {override}: no such folder")
        return d
    base = shared_data_dir()
    if base is None or not (base / name).is_dir():
        raise ScorerError(
            f"cannot find the {name} data: set PX_SHARED to the shared folder "
            f"(tried $PX_SHARED, {REPO_ROOT.parent / 'shared'}, /work/shared) "
            f"or pass --data")
    return base / name


# --------------------------------------------------------------------------
# Reading and writing JSONL

def read_jsonl(path, what="record"):
    """Reads a JSONL file: returns the list of objects. A malformed line is
    reported with its line number and skipped."""
    out = []
    bad = 0
    try:
        f = open(path, encoding="utf-8", errors="replace")
    except OSError as e:
        raise ScorerError(f"{path}: {e.strerror}") from e
    with f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                bad += 1
                if bad <= 5:
                    warn(f"{path}:{lineno}: malformed JSON ({e.msg}): {what} skipped")
                continue
            if not isinstance(obj, dict):
                bad += 1
                if bad <= 5:
                    warn(f"{path}:{lineno}: not a JSON object: {what} skipped")
                continue
            out.append(obj)
    if bad > 5:
        warn(f"{path}: {bad} malformed lines in all")
    return out


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False))
            f.write("\n")


def as_int(v):
    """An offset from a prediction: ints (and integral floats) only."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return None


# --------------------------------------------------------------------------
# Running parallax

def run_parallax(binary, verb, records, timeout=1800, save_output=None, extra_args=()):
    """Writes records to a temporary JSONL file, runs
    `binary VERB --format jsonl [extra_args] FILE` and returns the objects
    it printed. Exit status 0 and 1 (input problems reported) are accepted;
    anything else is an error."""
    binary = str(binary)
    path = Path(binary)
    if not path.is_absolute() and os.sep in binary and not path.exists():
        # a relative path such as build/parallax: also try the repo root
        alt = REPO_ROOT / binary
        if alt.exists():
            path = alt
    if not path.exists() or not os.access(path, os.X_OK):
        raise ScorerError(
            f"parallax binary not found or not executable: {binary} "
            f"(build it, pass --parallax PATH, or score a file with --predictions)")
    with tempfile.TemporaryDirectory(prefix="pxeval-") as tmp:
        inp = Path(tmp) / "input.jsonl"
        write_jsonl(inp, records)
        cmd = [str(path), verb, "--format", "jsonl", *extra_args, str(inp)]
        outp = Path(tmp) / "output.jsonl"
        with open(outp, "wb") as out:
            try:
                proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE,
                                      timeout=timeout)
            except subprocess.TimeoutExpired as e:
                raise ScorerError(f"{' '.join(cmd)}: timed out after {timeout} s") from e
        err = proc.stderr.decode("utf-8", "replace").splitlines()
        if proc.returncode not in (0, 1):
            tail = "\n  ".join(err[-10:])
            raise ScorerError(
                f"{path} {verb} exited with status {proc.returncode}:\n  {tail}")
        if err:
            warn(f"parallax {verb} printed {len(err)} diagnostic line(s), first ones:")
            for line in err[:5]:
                print(f"  {line}", file=sys.stderr)
        if save_output:
            Path(save_output).write_bytes(outp.read_bytes())
        return read_jsonl(outp, what="prediction")


# --------------------------------------------------------------------------
# Metrics

_FOLD = {**{c: " " for c in [0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)]},
         **{c: None for c in [0x200B, 0xFEFF, 0x00AD, 0x2060]}}


def same_text(printed, original):
    """True when a prediction's "text" is the article text at its offsets.
    parallax prints the text as its reader normalises it (src/text/
    normalize.c): spaces of other widths such as U+00A0 become a plain
    space and zero-width characters are dropped; so are they here."""
    return printed.translate(_FOLD) == original.translate(_FOLD)


def safe_div(a, b):
    return a / b if b else 0.0


def prf(correct_pred, n_pred, correct_gold=None, n_gold=0):
    """Precision = correct predictions / predictions, recall = found gold /
    gold, F1 their harmonic mean; 0/0 counts as 0. With a one-to-one
    matching correct_pred == correct_gold."""
    if correct_gold is None:
        correct_gold = correct_pred
    p = safe_div(correct_pred, n_pred)
    r = safe_div(correct_gold, n_gold)
    f = safe_div(2 * p * r, p + r)
    return {"p": p, "r": r, "f": f, "tp": correct_pred, "n_pred": n_pred,
            "tp_gold": correct_gold, "n_gold": n_gold}


def match_exact(gold, pred):
    """One-to-one exact matching. gold and pred are lists of keys (any
    hashable, e.g. (doc, start, end)); None entries never match. Returns
    {gold index: pred index}. Equal keys pair up in order, so duplicates
    count as often as they occur on both sides (a multiset intersection)."""
    by_key = {}
    for i, k in enumerate(pred):
        if k is not None:
            by_key.setdefault(k, []).append(i)
    pairs = {}
    for gi, k in enumerate(gold):
        if k is None:
            continue
        lst = by_key.get(k)
        if lst:
            pairs[gi] = lst.pop(0)
    return pairs


def match_overlap(gold, pred):
    """One-to-one overlap matching. gold and pred are lists of
    (doc, start, end) or None. Two spans of one doc are candidates when they
    share at least one character (start < other end and other start < end).
    Candidates are taken greedily by largest overlap (in characters); ties
    go to the pair whose boundaries differ least, then to the earlier gold
    and earlier prediction. Returns {gold index: pred index}."""
    docs = {}
    for pi, s in enumerate(pred):
        if s is not None and s[2] > s[1]:
            docs.setdefault(s[0], []).append((s[1], s[2], pi))
    for lst in docs.values():
        lst.sort()
    # a prediction is at most this long in its doc: bounds the scan below
    longest = {d: max(e - s for s, e, _ in lst) for d, lst in docs.items()}
    cands = []
    for gi, g in enumerate(gold):
        if g is None or g[2] <= g[1]:
            continue
        lst = docs.get(g[0])
        if not lst:
            continue
        gs, ge = g[1], g[2]
        # predictions starting before gs - longest cannot reach gs
        j = bisect_left(lst, (gs - longest[g[0]], -1, -1))
        while j < len(lst) and lst[j][0] < ge:
            ps, pe, pi = lst[j]
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                cands.append((-ov, abs(gs - ps) + abs(ge - pe), gi, pi))
            j += 1
    cands.sort()
    pairs, used = {}, set()
    for _, _, gi, pi in cands:
        if gi in pairs or pi in used:
            continue
        pairs[gi] = pi
        used.add(pi)
    return pairs


def span_scores(gold, pred):
    """Exact and overlap P/R/F1 of two span lists (entries (doc, s, e) or
    None; None entries are not counted on either side)."""
    n_gold = sum(1 for g in gold if g is not None)
    n_pred = sum(1 for p in pred if p is not None)
    ex = match_exact(gold, pred)
    ov = match_overlap(gold, pred)
    return {"exact": prf(len(ex), n_pred, len(ex), n_gold),
            "overlap": prf(len(ov), n_pred, len(ov), n_gold)}


# --------------------------------------------------------------------------
# Printing

def fmt(x):
    return f"{x:.4f}" if isinstance(x, float) else str(x)


def table(headers, rows, title=None):
    """A plain-text table: right-aligned numbers, left-aligned first column."""
    cells = [[fmt(c) for c in r] for r in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in cells)) if cells else len(str(h))
              for i, h in enumerate(headers)]
    lines = []
    if title:
        lines.append(title)
    def line(vals):
        parts = []
        for i, v in enumerate(vals):
            parts.append(str(v).ljust(widths[i]) if i == 0 else str(v).rjust(widths[i]))
        return "  ".join(parts).rstrip()
    lines.append(line(headers))
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append(line(r))
    return "\n".join(lines)


def prf_row(name, m):
    return [name, m["p"], m["r"], m["f"], f"{m['tp']}/{m['n_pred']}",
            f"{m['tp_gold']}/{m['n_gold']}"]


PRF_HEADERS = ["", "P", "R", "F1", "pred ok", "gold found"]


def context(text, start, end, width=70, max_span=240):
    """The span text[start:end] in ⟦ ⟧ with some text on each side, on one
    line; a long span is cut in its middle."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    span = text[start:end]
    if len(span) > max_span:
        half = max_span // 2
        span = span[:half] + " … " + span[-half:]
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    s = ("…" if start > width else "") + left + "⟦" + span + "⟧" + right + \
        ("…" if end + width < len(text) else "")
    return s.replace("\r", "").replace("\n", "⏎")


def sample(items, n, seed=0):
    """n items chosen at random (reproducibly), in their original order."""
    if n <= 0 or not items:
        return []
    if len(items) <= n:
        return list(items)
    idx = sorted(random.Random(seed).sample(range(len(items)), n))
    return [items[i] for i in idx]


def dump_json(obj):
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")


def add_common_args(ap):
    ap.add_argument("--parallax", default=DEFAULT_PARALLAX, metavar="PATH",
                    help="the parallax binary to run (default: %(default)s, "
                         "relative paths also tried from the repository root)")
    ap.add_argument("--predictions", metavar="FILE",
                    help="score this JSONL file of predictions instead of running parallax")
    ap.add_argument("--save-predictions", metavar="FILE",
                    help="also save what parallax printed, to re-score later with --predictions")
    ap.add_argument("--write-input", metavar="FILE",
                    help="write the JSONL input given to parallax to FILE and exit")
    ap.add_argument("--data", metavar="DIR",
                    help="the data set folder (default: found under $PX_SHARED, "
                         "../shared or /work/shared)")
    ap.add_argument("--json", action="store_true",
                    help="print the figures as one JSON object instead of tables")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="also show N sample errors of each kind, with context")
    ap.add_argument("--seed", type=int, default=0,
                    help="random seed for choosing the sample errors (default 0)")
    ap.add_argument("--timeout", type=int, default=1800, metavar="S",
                    help="give parallax at most S seconds (default %(default)s)")


def cli_entry(main):
    """Runs a scorer's main() for its command: a closed pipe (| head) or
    Ctrl-C ends it quietly."""
    try:
        rc = main()
        sys.stdout.flush()
        return rc
    except BrokenPipeError:
        # keep Python from complaining again while flushing at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
