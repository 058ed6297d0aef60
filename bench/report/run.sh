#!/bin/sh
# bench/report/run.sh - the story report: the seeds (5 articles) and a
# synthetic 1,000-article story (make-story.py), median of N runs, with
# `parallax read` over the same input as the baseline measured in the same
# run; instruction counts from callgrind when CALLGRIND=1. Limits (the
# issue's): seeds under 50 ms, 1,000 articles under 5 s.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
px=${PARALLAX:-$here/build/parallax}
shared=${PX_SHARED:-$here/../shared}
runs=${RUNS:-5}
[ -d "$shared/seeds" ] || { echo "bench/report: no seeds at $shared/seeds"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/bench/report/make-story.py" "$shared/seeds" 1000 > "$tmp/story1000.jsonl"

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { # label, command...
  label=$1; shift
  times=""
  for i in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    times="$times $(awk "BEGIN{print $t1 - $t0}")"
  done
  m=$(echo $times | median)
  echo "$label: median of $runs runs: $(awk "BEGIN{printf \"%.1f ms\", $m * 1000}")"
}
timeit "read   seeds (baseline)" "$px" read "$shared/seeds"
timeit "report seeds, html" "$px" report --format html "$shared/seeds"
timeit "report seeds, json" "$px" report --format json "$shared/seeds"
timeit "read   1000 articles (baseline)" "$px" read "$tmp/story1000.jsonl"
timeit "report 1000 articles, json" "$px" report --format json "$tmp/story1000.jsonl"
timeit "report 1000 articles, html" "$px" report --format html "$tmp/story1000.jsonl"
if [ "${CALLGRIND:-0}" = 1 ]; then
  for input in "$shared/seeds" "$tmp/story1000.jsonl"; do
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$px" report --format json "$input" >/dev/null 2>"$tmp/cg.log"
    echo "report $(basename "$input"): instructions: $(grep -E "Collected" "$tmp/cg.log" | awk '{print $NF}')"
  done
fi
