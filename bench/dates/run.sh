#!/bin/sh
# bench/dates/run.sh - parallax dates throughput on the TimeML articles
# (TimeBank + AQUAINT as JSONL, repeated COPIES times), median of RUNS
# runs, with parallax read on the same input as the baseline (reading is
# part of every verb). MB/s counts article text bytes. CALLGRIND=1 adds
# instruction counts.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
px=${PARALLAX:-$here/build/parallax}
shared=${PX_SHARED:-$here/../shared}
runs=${RUNS:-5}
copies=${COPIES:-20}
[ -d "$shared/data/timeml" ] || { echo "bench/dates: no data at $shared/data/timeml"; exit 0; }
input=${TMPDIR:-/tmp}/px_bench_dates.$$.jsonl
trap 'rm -f "$input"' EXIT
bytes=$(python3 "$here/bench/dates/make_input.py" "$shared/data/timeml" "$input" "$copies")
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_verb() {
  times=""
  for i in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$px" "$@" "$input" >/dev/null
    t1=$(date +%s.%N)
    times="$times $(awk "BEGIN{print $t1 - $t0}")"
  done
  echo $times | median
}
m_read=$(time_verb read --format jsonl)
m_dates=$(time_verb dates --no-story --format jsonl)
mbs() { awk "BEGIN{printf \"%.1f\", $bytes / $1 / 1000000}"; }
echo "input: 256 TimeML articles x $copies = $bytes text bytes"
echo "read  (baseline): median of $runs runs ${m_read}s, $(mbs "$m_read") MB/s"
echo "dates:            median of $runs runs ${m_dates}s, $(mbs "$m_dates") MB/s"
if [ "${CALLGRIND:-0}" = 1 ]; then
  for verb in read dates; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$px" $verb --format jsonl "$input" \
      >/dev/null 2>/tmp/px_dates_bench.cg.log
    grep -E "Collected" /tmp/px_dates_bench.cg.log | sed "s/^==[0-9]*== /$verb: instructions: /"
  done
fi
