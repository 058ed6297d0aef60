#!/bin/sh
# bench/group/identity.sh OLD_PARALLAX NEW_PARALLAX - checks that two
# parallax binaries group identically: 'stories' (jsonl and text, and
# --threads 1), 'report --format json', and 'add' (the corpus's articles
# table but its timestamps, features included, then 'stories DB') must give the same bytes,
# diagnostics and exit status on ECB+ dev, the union of the real articles
# (make_union.py) and GEN generated articles (gen_corpus.py, default
# 20000; cached in ${PX_BENCH_TMP:-/tmp}). REPORT=0 leaves report out (it
# reads for quotes and entities: most of the time). Exit 1 on a difference.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
old=${1:?usage: identity.sh OLD_PARALLAX NEW_PARALLAX}
new=${2:?usage: identity.sh OLD_PARALLAX NEW_PARALLAX}
shared=${PX_SHARED:-$here/../shared}
cache=${PX_BENCH_TMP:-/tmp}
gen=${GEN:-20000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -f "$shared/data/ecbplus/dev.jsonl" ] || { echo "identity: no shared data"; exit 0; }
python3 "$here/bench/group/make_union.py" "$tmp/union.jsonl" >/dev/null
sets="ecbplus:$shared/data/ecbplus/dev.jsonl union:$tmp/union.jsonl"
if [ "$gen" -gt 0 ]; then
  g="$cache/px_corpus_$gen.jsonl"
  [ -f "$g" ] || python3 "$here/bench/group/gen_corpus.py" -n "$gen" --seed 1 -o "$g"
  sets="$sets gen$gen:$g"
fi
fail=0
run() { # OUT CMD... : stdout, stderr and status into OUT.*
  out=$1; shift
  set +e
  "$@" >"$out.out" 2>"$out.err"
  echo "status $?" >>"$out.err"
  set -e
}
compare() { # LABEL
  if cmp -s "$tmp/old.out" "$tmp/new.out" && cmp -s "$tmp/old.err" "$tmp/new.err"; then
    echo "same: $1 ($(wc -c <"$tmp/new.out") bytes)"
  else
    echo "DIFFERENT: $1"
    diff "$tmp/old.out" "$tmp/new.out" | head -10 || true
    diff "$tmp/old.err" "$tmp/new.err" | head -10 || true
    fail=1
  fi
}
check() { # LABEL VERB-ARGS... (the binary is substituted per side)
  label=$1; shift
  for side in old new; do
    eval "b=\$$side"
    run "$tmp/$side" "$b" "$@"
  done
  compare "$label"
}
for s in $sets; do
  name=${s%%:*} input=${s#*:}
  check "stories $name" stories --format jsonl "$input"
  check "stories --threads 1 $name" stories --threads 1 --format jsonl "$input"
  check "stories text $name" stories --format text "$input"
  [ "${REPORT:-1}" = 0 ] || check "report $name" report --format json "$input"
  for side in old new; do
    eval "b=\$$side"
    rm -f "$tmp/$side.db"
    run "$tmp/$side.add" "$b" add "$tmp/$side.db" "$input"
    # the stored articles, features included (a corpus either build wrote
    # must read the same in the other), then the stories as listed
    sqlite3 "$tmp/$side.db" "SELECT seq, story, duplicate_of, exact, exact_hash, id, file, source,
      url, date, headline, title, text, hex(features) FROM articles ORDER BY seq" |
      md5sum >"$tmp/$side.out"
    cat "$tmp/$side.add.out" >>"$tmp/$side.out"
    sed "s|$tmp/$side.db|DB|g" "$tmp/$side.add.err" >"$tmp/$side.err"
    "$b" stories --format jsonl "$tmp/$side.db" >>"$tmp/$side.out" 2>>"$tmp/$side.err" || true
  done
  compare "add $name"
done
[ "$fail" = 0 ] && echo "identity: all same" || { echo "identity: DIFFERENCES"; exit 1; }
