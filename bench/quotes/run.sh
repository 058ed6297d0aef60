#!/bin/sh
# bench/quotes/run.sh - throughput of 'parallax quotes' on the PolNeAR
# train articles (840 .txt files, 3.9 MB), median of N runs, with
# 'parallax read' on the same input as the baseline in the same run (the
# difference is the quotation stage itself). Reports CPU time (user+sys,
# one core) as well as wall time, since the machine is shared; instruction
# counts from callgrind when CALLGRIND=1.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
px=${PARALLAX:-$here/build/parallax}
shared=${PX_SHARED:-$here/../shared}
runs=${RUNS:-5}
data="$shared/data/polnear/train/text"
[ -d "$data" ] || { echo "bench/quotes: no data at $data"; exit 0; }
bytes=$(cat "$data"/*.txt | wc -c)
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {
  cpus=""
  walls=""
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%U %S %e" -o /tmp/px_bench_quotes.time "$px" "$@" "$data" >/dev/null
    cpus="$cpus $(awk '{print $1 + $2}' /tmp/px_bench_quotes.time)"
    walls="$walls $(awk '{print $3}' /tmp/px_bench_quotes.time)"
  done
  echo "$(echo $cpus | median) $(echo $walls | median)"
}
set -- $(run quotes --format jsonl) $(run read --format jsonl)
n=$("$px" quotes --format jsonl "$data" | wc -l)
mbs() { awk "BEGIN{printf \"%.1f\", $bytes / ($1 > 0 ? $1 : 0.001) / 1000000}"; }
echo "quotes: $bytes bytes, $n attributions, median of $runs runs:" \
     "cpu ${1}s ($(mbs "$1") MB/s per core), wall ${2}s ($(mbs "$2") MB/s);" \
     "read alone: cpu ${3}s ($(mbs "$3") MB/s), wall ${4}s"
if [ "${CALLGRIND:-0}" = 1 ]; then
  for verb in read quotes; do
    valgrind --tool=callgrind --callgrind-out-file=/tmp/px_$verb.callgrind "$px" $verb \
      --format jsonl "$data" >/dev/null 2>/tmp/px_$verb.cg.log
    grep -E "Collected" /tmp/px_$verb.cg.log | sed "s/^==[0-9]*== /$verb: instructions: /"
  done
fi
