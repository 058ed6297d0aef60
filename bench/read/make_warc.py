#!/usr/bin/env python3
"""bench/read/make_warc.py OUT.warc[.gz] [--mb N] [--pages DIR]: writes a
WARC 1.1 file of about N MB (default 300) shaped like a news crawl: per
page a request, a response and a metadata record; one response in ten an
image; one in fifty a redirect. The HTML responses are the real pages of
DIR (default ../shared/data/webpages), cycled under new URLs, so every
byte of HTML is a page a crawler saved. A name ending in .gz is written
as CC-NEWS writes it: one gzip member per record."""
import argparse, glob, gzip, os, random, sys, uuid

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--mb", type=float, default=300)
ap.add_argument("--pages", default=os.path.join(os.environ.get("PX_SHARED", os.path.join(here, "../../../shared")), "data/webpages"))
ap.add_argument("--seed", type=int, default=1)
a = ap.parse_args()
pages = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(a.pages, "*/source.html")))]
if not pages:
    sys.exit(f"make_warc: no pages in {a.pages}")
rnd = random.Random(a.seed)

def record(typ, uri, block, ctype, n):
    head = (f"WARC/1.1\r\nWARC-Type: {typ}\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=rnd.getrandbits(128))}>\r\n"
            f"WARC-Date: 2024-05-{1 + n % 28:02d}T{n % 24:02d}:00:00Z\r\n"
            + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
            + f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"

def http(body, ctype, status="200 OK"):
    return (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
            f"Server: bench\r\n\r\n").encode() + body

gz = a.out.endswith(".gz")
target = int(a.mb * 1e6)
written = n = 0
with open(a.out, "wb") as f:
    def put(rec):
        global written
        data = gzip.compress(rec, compresslevel=6) if gz else rec
        f.write(data)
        written += len(rec)
    put(record("warcinfo", None, b"software: parallax bench/read/make_warc.py\r\nformat: WARC File Format 1.1\r\n",
               "application/warc-fields", 0))
    while written < target:
        n += 1
        uri = f"https://news{n % 97}.example/{n}/story.html"
        put(record("request", uri, f"GET /{n}/story.html HTTP/1.1\r\nHost: news{n % 97}.example\r\n\r\n".encode(),
                   "application/http; msgtype=request", n))
        if n % 10 == 0:
            body = http(rnd.randbytes(20000), "image/jpeg")
        elif n % 50 == 1:
            body = http(b"", "text/html", "301 Moved Permanently")
        else:
            body = http(pages[n % len(pages)], "text/html; charset=utf-8")
        put(record("response", uri, body, "application/http; msgtype=response", n))
        put(record("metadata", uri, f"fetchTimeMs: {n % 900}\r\n".encode(), "application/warc-fields", n))
print(f"{a.out}: {n} pages, {written / 1e6:.0f} MB of records, {os.path.getsize(a.out) / 1e6:.0f} MB on disk")
