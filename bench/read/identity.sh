#!/bin/sh
# bench/read/identity.sh OLD_BUILD NEW_BUILD - checks that two builds read
# every input identically: parallax read --format jsonl (stdout, stderr
# and exit status), parallax quotes and dates on the seeds (and PolNeAR dev, TimeML), and dump_docs
# (text, blocks, sentences, tokens with flags, code-point offsets,
# diagnostics) over the seeds, examples, PolNeAR, ECB+, the TimeML
# articles as JSONL and the fuzz corpora. Each build dir needs parallax
# and bench/read/dump_docs. Exit 1 on the first difference.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
old=${1:?usage: identity.sh OLD_BUILD NEW_BUILD}
new=${2:?usage: identity.sh OLD_BUILD NEW_BUILD}
shared=${PX_SHARED:-$here/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# fuzz corpora under extensions that pick their reader
mkdir -p "$tmp/fz"
for f in "$here"/fuzz/corpus/fuzz_jsonl/*; do cp "$f" "$tmp/fz/j_$(basename "$f").jsonl"; done
for f in "$here"/fuzz/corpus/fuzz_html/*; do cp "$f" "$tmp/fz/h_$(basename "$f").html"; done
for f in "$here"/fuzz/corpus/fuzz_doc/*; do cp "$f" "$tmp/fz/d_$(basename "$f").txt"; done
sets="seeds:$shared/seeds examples:$here/examples/story fuzz:$tmp/fz"
if [ -d "$shared/data" ]; then
  python3 "$here/bench/dates/make_input.py" "$shared/data/timeml" "$tmp/timeml.jsonl" 1 >/dev/null
  sets="$sets polnear:$shared/data/polnear/train/text+$shared/data/polnear/dev/text"
  sets="$sets ecbplus:$shared/data/ecbplus/dev.jsonl timeml:$tmp/timeml.jsonl"
fi
fail=0
run() { # OUT CMD... : stdout, stderr and status into OUT.*
  out=$1; shift
  set +e
  "$@" >"$out.out" 2>"$out.err"
  echo "status $?" >>"$out.err"
  set -e
}
check() { # LABEL CMD-ARGS... (the binary is substituted per build)
  label=$1 tool=$2; shift 2
  for side in old new; do
    eval "b=\$$side"
    run "$tmp/$side" "$b/$tool" "$@"
  done
  if cmp -s "$tmp/old.out" "$tmp/new.out" && cmp -s "$tmp/old.err" "$tmp/new.err"; then
    echo "same: $label ($(wc -c <"$tmp/new.out") bytes)"
  else
    echo "DIFFERENT: $label"
    diff "$tmp/old.out" "$tmp/new.out" | head -20
    diff "$tmp/old.err" "$tmp/new.err" | head -20
    fail=1
  fi
}
for s in $sets; do
  set_name=${s%%:*} paths=$(echo "${s#*:}" | tr '+' ' ')
  check "read $set_name" parallax read --format jsonl $paths
  check "dump $set_name" bench/read/dump_docs $paths
done
check "quotes seeds" parallax quotes --format jsonl "$shared/seeds"
check "dates seeds" parallax dates --format jsonl "$shared/seeds"
if [ -d "$shared/data" ]; then
  check "quotes polnear dev" parallax quotes --format jsonl "$shared/data/polnear/dev/text"
  check "dates timeml" parallax dates --no-story --format jsonl "$tmp/timeml.jsonl"
fi
[ "$fail" = 0 ] && echo "identity: all same" || { echo "identity: DIFFERENCES"; exit 1; }
