#!/bin/sh
# bench/quotes/run.sh - throughput of 'parallax quotes' on the PolNeAR
# train articles (840 .txt files, 5.5 MB), median of N runs, with
# 'parallax read' on the same input as the baseline in the same run (the
# difference is the quotation stage itself); instruction counts from
# callgrind when CALLGRIND=1. Also checks that both formats run.
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
  times=""
  for i in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$px" "$@" "$data" >/dev/null
    t1=$(date +%s.%N)
    times="$times $(awk "BEGIN{print $t1 - $t0}")"
  done
  echo $times | median
}
tq=$(run quotes --format jsonl)
tr=$(run read --format jsonl)
n=$("$px" quotes --format jsonl "$data" | wc -l)
echo "quotes: $bytes bytes, $n attributions, median of $runs runs: ${tq}s," \
     "$(awk "BEGIN{printf \"%.1f\", $bytes / $tq / 1000000}") MB/s" \
     "(read alone: ${tr}s, $(awk "BEGIN{printf \"%.1f\", $bytes / $tr / 1000000}") MB/s)"
if [ "${CALLGRIND:-0}" = 1 ]; then
  for verb in read quotes; do
    valgrind --tool=callgrind --callgrind-out-file=/tmp/px_$verb.callgrind "$px" $verb \
      --format jsonl "$data" >/dev/null 2>/tmp/px_$verb.cg.log
    grep -E "Collected" /tmp/px_$verb.cg.log | sed "s/^==[0-9]*== /$verb: instructions: /"
  done
fi
