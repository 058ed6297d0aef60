#!/usr/bin/env python3
"""Metadata of `parallax read` on saved web pages against the pages' metadata.json.

usage: bench/read/eval_meta.py [--parallax BIN] [--data DIR] [--show]

DIR (default ../shared/data/webpages) holds one folder a page with source.html and
metadata.json (title, byline, siteName, publishedTime, lang as Readability's test
suite expects them). Only the pages whose metadata.json states a field count for it.

How the fields are compared:
  date    the day: parallax's YYYY-MM-DD against the first ten characters of
          publishedTime (no time zone arithmetic: both come from the page's own
          metadata, which states the day as published);
  author  by normalised names: each side is lower-cased, cut to its first line,
          parentheses and a leading "by" (par, por, von, door) dropped, split into
          names at ",", ";", "&", " and ", each name cut at its first digit and
          reduced to its letters and single spaces, one-word parts ("MA") dropped
          when two-word names are there; right when the two sets of names are
          equal, "overlap" when they share a name;
  lang    the primary subtag ("en-US" -> "en");
  source  counted when present; never the file name or the headline.
--show lists every miss.
"""
import argparse, json, os, re, subprocess, sys, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
ap.add_argument('--parallax', default=os.path.join(root, 'build', 'parallax'))
ap.add_argument('--data', default=os.path.join(os.environ.get('PX_SHARED', os.path.join(root, '..', 'shared')), 'data', 'webpages'))
ap.add_argument('--show', action='store_true')
a = ap.parse_args()
if not os.path.isdir(a.data):
    print(f'eval_meta: no data at {a.data}', file=sys.stderr); sys.exit(2)
names = sorted(n for n in os.listdir(a.data) if os.path.isfile(os.path.join(a.data, n, 'metadata.json')))
out = subprocess.run([a.parallax, 'read', '--format', 'jsonl', '--quiet'] +
                     [os.path.join(a.data, n, 'source.html') for n in names], capture_output=True, text=True)
if out.returncode not in (0, 1):
    print(f'eval_meta: parallax exited {out.returncode}: {out.stderr[:500]}', file=sys.stderr); sys.exit(2)
got = {}
for line in out.stdout.splitlines():
    j = json.loads(line)
    got[os.path.basename(os.path.dirname(j['file']))] = j

BY = r'(?:written\s+by|posted\s+by|by|par|por|von|door)'

def names_of(s):
    """The set of names of a byline: its first line, without parentheses,
    a leading "By" (or par, por, von, door), split at , ; & and; each name cut
    at its first digit and reduced to its letters; parts of one word
    ("MA", "WebMD") are left out when the byline names someone in two."""
    if not s:
        return set()
    s = unicodedata.normalize('NFKC', s).strip().lower()
    s = re.sub(r'^' + BY + r'\s*:?\s+', '', s).split('\n')[0]
    s = re.sub(r'\([^)]*\)?', ' ', s)
    s = re.sub(r'^' + BY + r'\s*:?\s+', '', s.strip())
    names = []
    for p in re.split(r'\s*(?:,|;|&|\band\b)\s*', s):
        p = re.sub(r'^' + BY + r'\s+', '', p.strip())
        p = re.split(r'\d', p)[0]
        p = ' '.join(re.findall(r'[^\W\d_]+', p))
        if p:
            names.append(p)
    two = {p for p in names if ' ' in p}
    return two if two else set(names)

def lang_of(s):
    return re.split(r'[-_]', s.strip().lower())[0] if s else None

stats = {k: [0, 0] for k in ('date', 'author', 'lang')}
overlap = 0
source = [0, 0]
misses = []
for n in names:
    m = json.load(open(os.path.join(a.data, n, 'metadata.json'), encoding='utf-8'))
    g = got.get(n, {})
    if m.get('publishedTime'):
        stats['date'][1] += 1
        ok = g.get('date') == m['publishedTime'][:10]
        stats['date'][0] += ok
        if not ok: misses.append(f'date    {n}: {g.get("date")!r} != {m["publishedTime"][:10]!r}')
    if m.get('byline') and names_of(m['byline']):
        stats['author'][1] += 1
        gs, ps = names_of(m['byline']), names_of(g.get('author'))
        ok = gs == ps
        stats['author'][0] += ok
        overlap += bool(gs & ps)
        if not ok: misses.append(f'author  {n}: {g.get("author")!r} != {m["byline"]!r}')
    if m.get('lang'):
        stats['lang'][1] += 1
        ok = g.get('lang') == lang_of(m['lang'])
        stats['lang'][0] += ok
        if not ok: misses.append(f'lang    {n}: {g.get("lang")!r} != {m["lang"]!r}')
    source[1] += 1
    src = g.get('source')
    source[0] += bool(src) and src != n and src != 'source' and src != g.get('headline')
for k, (r, t) in stats.items():
    extra = f', names overlap on {overlap}/{t}' if k == 'author' else ''
    print(f'{k:7s} right on {r}/{t} = {r / t if t else 0:.3f}{extra}')
print(f'source  present (not a file name or headline) on {source[0]}/{source[1]} = {source[0] / source[1] if source[1] else 0:.3f}')
if a.show:
    for m in misses:
        print('  miss', m)
