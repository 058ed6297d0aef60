#!/bin/sh
# bench/quotes/run.sh - throughput of 'parallax quotes' on the PolNeAR
# train articles (840 .txt files, 3.9 MB), median of N runs, with
# 'parallax read' on the same input as the baseline in the same run (the
# difference is the quotation stage itself). Reports CPU time (user+sys,
# one core) as well as wall time, since the machine is shared; instruction
# counts from callgrind when CALLGRIND=1. The input is REPEAT copies
# (default 5, about 20 MB) so that each run lasts long enough for the
# 10 ms resolution of time(1); the figures are per byte read (callgrind
# runs on one copy).
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
px=${PARALLAX:-$here/build/parallax}
shared=${PX_SHARED:-$here/../shared}
runs=${RUNS:-5}
repeat=${REPEAT:-5}
data="$shared/data/polnear/train/text"
[ -d "$data" ] || { echo "bench/quotes: no data at $data"; exit 0; }
# REPEAT copies of the folder: parallax reads a folder given twice once
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=$(for i in $(seq "$repeat"); do cp -r "$data" "$tmp/$i"; printf '%s ' "$tmp/$i"; done)
bytes=$(($(cat "$data"/*.txt | wc -c) * repeat))
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {
  cpus=""
  walls=""
  for i in $(seq "$runs"); do
    # exit status 1: warnings (the repeated inputs reuse document ids)
    /usr/bin/time -f "%U %S %e" -o /tmp/px_bench_quotes.time "$px" "$@" --quiet $inputs \
      >/dev/null || [ $? -eq 1 ]
    cpus="$cpus $(tail -n 1 /tmp/px_bench_quotes.time | awk '{print $1 + $2}')"
    walls="$walls $(tail -n 1 /tmp/px_bench_quotes.time | awk '{print $3}')"
  done
  echo "$(echo $cpus | median) $(echo $walls | median)"
}
set -- $(run quotes --format jsonl) $(run read --format jsonl)
n=$("$px" quotes --format jsonl --quiet $inputs | wc -l)
mbs() { awk "BEGIN{printf \"%.1f\", $bytes / ($1 > 0 ? $1 : 0.001) / 1000000}"; }
echo "quotes: $bytes bytes (train text x$repeat), $n attributions, median of $runs runs:" \
     "cpu ${1}s ($(mbs "$1") MB/s per core), wall ${2}s ($(mbs "$2") MB/s);" \
     "read alone: cpu ${3}s ($(mbs "$3") MB/s), wall ${4}s"
if [ "${CALLGRIND:-0}" = 1 ]; then
  for verb in read quotes; do
    valgrind --tool=callgrind --callgrind-out-file=/tmp/px_$verb.callgrind "$px" $verb \
      --format jsonl "$data" >/dev/null 2>/tmp/px_$verb.cg.log
    grep -E "Collected" /tmp/px_$verb.cg.log | sed "s/^==[0-9]*== /$verb: instructions: /"
  done
fi
