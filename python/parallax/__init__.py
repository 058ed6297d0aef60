"""parallax: one news story through every outlet that covered it.

The Python face of the parallax C library. Each function reads articles
from ``paths`` (files and folders, as the command line does: .txt, .jsonl,
.html, SGML) or from ``texts=`` (strings, or dicts with ``id``, ``text``,
``headline``, ``source``, ``url``, ``date``), runs in this process with
the GIL released, and returns the records the command line prints as JSON
Lines, as dicts with the same keys::

    import parallax
    for q in parallax.quotes(texts=['"We will act," Anna Berg said on Tuesday.']):
        print(q["speaker"], "said", q["text"])
    report = parallax.report("examples/story")          # a dict (format='json')
    html = parallax.report("examples/story", format="html")

Problems with the input (an unreadable file, a record without text) raise
ParallaxError, which carries the file, line, document and problem; with
``errors="warn"`` the document is skipped with a ParallaxWarning instead,
as the command line skips it, and with ``errors="ignore"`` silently.
Repairs (invalid UTF-8, a renamed duplicate id) are ParallaxWarnings.
"""

import datetime as _datetime
import json as _json
import os as _os
import warnings as _warnings

from . import _parallax

__all__ = ["read", "quotes", "dates", "stories", "brief", "report", "Corpus",
           "ParallaxError", "ParallaxWarning", "__version__"]

__version__ = _parallax.__version__


class ParallaxWarning(UserWarning):
    """A problem parallax repaired or skipped: .file, .line, .doc, .problem."""

    def __init__(self, file, line, doc, problem):
        self.file, self.line, self.doc, self.problem = file, line, doc, problem
        super().__init__(_where(file, line, doc) + problem)


class ParallaxError(Exception):
    """parallax could not read an input or finish its work.

    .file, .line (or None), .doc (or None) and .problem say what went
    wrong first; .diagnostics holds every problem reported, and .records
    what was produced from the documents that could be read.
    """

    def __init__(self, file, line, doc, problem, diagnostics=(), records=None):
        self.file, self.line, self.doc, self.problem = file, line, doc, problem
        self.diagnostics = list(diagnostics)
        self.records = records
        super().__init__(_where(file, line, doc) + problem)


def _where(file, line, doc):
    where = file or ""
    if line:
        where += ":%d" % line
    if doc and doc not in where:
        where += " [doc %s]" % doc
    return where + ": " if where else ""


def _paths(paths):
    if paths is None:
        return []
    if isinstance(paths, (str, bytes, _os.PathLike)):
        return [paths]
    return list(paths)


def _json_default(value):
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.isoformat()
    raise TypeError("texts: %r is not a string, number or date" % (value,))


def _texts(texts):
    """texts= as one JSON Lines buffer; an item without an id is named by
    its index in the list."""
    if texts is None:
        return None
    if isinstance(texts, (str, dict)):
        texts = [texts]
    lines = []
    for i, t in enumerate(texts):
        if isinstance(t, str):
            record = {"id": str(i), "text": t}
        elif isinstance(t, dict):
            record = dict(t)
            if record.get("id") is None:
                record["id"] = str(i)
        else:
            raise TypeError("texts[%d]: a str or a dict, not %s" % (i, type(t).__name__))
        lines.append(_json.dumps(record, ensure_ascii=False, default=_json_default))
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


def _diagnostic(d):
    severity, file, line, doc, message = d
    if file == "texts" and line:
        file, line = "texts[%d]" % (line - 1), None
    return severity, file, line or None, doc, message


def _run(verb, paths, texts, errors, parse, **options):
    if errors not in ("raise", "warn", "ignore"):
        raise ValueError("errors must be 'raise', 'warn' or 'ignore'")
    if paths is None and texts is None and verb not in ("articles", "show"):
        raise ValueError("give paths or texts=")
    out, diags, status, counts = _parallax._run(
        verb, _paths(paths), _texts(texts), **options)
    diags = [_diagnostic(d) for d in diags]
    records = parse(out) if parse else out
    if status < 0:
        first = next((d for d in diags if d[0] == "error"), None)
        if first:
            raise ParallaxError(*first[1:], diagnostics=diags, records=records)
        raise ParallaxError(None, None, None, _parallax._strerror(status), diags, records)
    for severity, file, line, doc, message in diags:
        if severity == "error" and errors == "raise":
            raise ParallaxError(file, line, doc, message, diags, records)
    if errors != "ignore":
        for severity, file, line, doc, message in diags:
            # a note names what was passed over on purpose: no problem
            if severity != "note":
                _warnings.warn(ParallaxWarning(file, line, doc, message), stacklevel=3)
    return (records, counts) if verb == "add" else records


def _jsonl(out):
    # one array parsed at once: a third faster than a loads() a line (a
    # record never holds a raw newline: JSON escapes it)
    out = out.rstrip(b"\n")
    return _json.loads(b"[" + out.replace(b"\n", b",") + b"]") if out else []


def read(paths=None, *, texts=None, errors="raise"):
    """What parallax sees in each article, as 'parallax read' prints it:
    one dict a document with doc, file, source, date, url, headline,
    standfirst, author, lang, chars and blocks (start, end, kind, text,
    sentences)."""
    return _run("read", paths, texts, errors, _jsonl)


def quotes(paths=None, *, texts=None, polnear_spans=False, errors="raise"):
    """Who said what, as 'parallax quotes' prints it: one dict an
    attribution with doc, start, end, text, kind, speaker, speaker_text,
    speaker_start, speaker_end, cue, cue_start, cue_end, parts,
    span_start, span_end and sentence (offsets in code points)."""
    return _run("quotes", paths, texts, errors, _jsonl, polnear_spans=bool(polnear_spans))


def dates(paths=None, *, texts=None, ref=None, story=None, errors="raise"):
    """Time expressions resolved to dates, as 'parallax dates' prints
    them. ref: 'YYYY-MM-DD' to resolve every article against; story:
    True to anchor every article to the story's dates, False for none,
    None (default) for a story of at most 32 articles."""
    if isinstance(ref, (_datetime.date, _datetime.datetime)):
        ref = ref.strftime("%Y-%m-%d")
    if ref is not None:
        try:
            ok = len(ref) == 10 and _datetime.date.fromisoformat(ref) is not None
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise ValueError("ref must be a date YYYY-MM-DD")
    mode = 0 if story is None else 1 if story else 2
    return _run("dates", paths, texts, errors, _jsonl, ref=ref, story=mode)


def _group_options(threshold, story_threshold, shingle=None, num_perm=None, threads=None):
    opts = {}
    for name, value in (("threshold", threshold), ("story_threshold", story_threshold)):
        if value is not None:
            if not 0 < value <= 1:
                raise ValueError("%s must be in (0, 1]" % name)
            opts[name] = float(value)
    for name, value, low in (("shingle", shingle, 1), ("num_perm", num_perm, 1),
                             ("threads", threads, 0)):
        if value is not None:
            if not low <= value <= 1024:
                raise ValueError("%s must be from %d to 1024" % (name, low))
            opts[name] = int(value)
    return opts


def stories(paths=None, *, texts=None, threshold=None, story_threshold=None, shingle=None,
            num_perm=None, threads=None, errors="raise"):
    """Near-duplicate families and stories, as 'parallax stories' prints
    them: one dict a document with doc, story, duplicate_of and
    near_duplicates."""
    return _run("stories", paths, texts, errors, _jsonl,
                **_group_options(threshold, story_threshold, shingle, num_perm, threads))


def brief(paths=None, *, texts=None, words=None, sentences=None, errors="raise"):
    """A short summary of all the articles, as 'parallax brief --format
    jsonl' prints it: one dict a sentence with text, doc, start, end,
    sources and outlets."""
    for name, value in (("words", words), ("sentences", sentences)):
        if value is not None and value < 1:
            raise ValueError("%s must be a positive number" % name)
    return _run("brief", paths, texts, errors, _jsonl, words=words or 0,
                sentences=sentences or 0)


_REPORT_FORMATS = {"md": 0, "html": 1, "json": 2}


def report(paths=None, *, texts=None, format="json", story=False, errors="raise"):
    """How the outlets cover one story (several stories get one report
    each), as 'parallax report' writes it: format='json' gives a dict,
    'md' and 'html' a string. story=True: the inputs are one story (a
    corpus's, Corpus.show()), one report, not grouped again."""
    if format not in _REPORT_FORMATS:
        raise ValueError("format must be 'json', 'md' or 'html'")
    if format == "json":
        # nothing written (no article could be read): the error says why
        parse = lambda out: _json.loads(out.decode("utf-8")) if out else None  # noqa: E731
    else:
        parse = lambda out: out.decode("utf-8")  # noqa: E731
    return _run("report", paths, texts, errors, parse, format=_REPORT_FORMATS[format],
                story=1 if story else 0)


class Corpus:
    """A SQLite corpus, as 'parallax add', 'stories DB' and 'show' use it.

    Corpus(path) opens (or, on the first add, creates) the file; threshold
    and story_threshold set the options of a new corpus.
    """

    def __init__(self, path, *, threshold=None, story_threshold=None):
        self.path = _os.fspath(path)
        if isinstance(self.path, bytes):
            self.path = _os.fsdecode(self.path)
        self._options = _group_options(threshold, story_threshold)

    def __repr__(self):
        return "Corpus(%r)" % self.path

    def add(self, paths=None, *, texts=None, errors="raise"):
        """Adds articles, each placed in its family and story as it
        arrives; an id already stored is skipped. Returns a dict: added,
        skipped, articles, stories."""
        _, counts = _run("add", paths, texts, errors, None, db=self.path, **self._options)
        return dict(zip(("added", "skipped", "articles", "stories"), counts))

    def stories(self):
        """Every article's story and family, in order of arrival, as
        'parallax stories DB' prints them (doc, story, duplicate_of,
        near_duplicates)."""
        self._exists()
        return _run("articles", None, None, "raise", _jsonl, db=self.path)

    def show(self, story):
        """The articles of one story, as 'parallax show --format jsonl DB
        STORY' prints them (doc, story, duplicate_of, source, url, date,
        headline, text)."""
        self._exists()
        if isinstance(story, bool) or not isinstance(story, int) or story < 0:
            raise ValueError("story must be a story number")
        return _run("show", None, None, "raise", _jsonl, db=self.path, story_id=story)

    def _exists(self):
        if not _os.path.exists(self.path):
            raise ParallaxError(self.path, None, None, "no such corpus")
