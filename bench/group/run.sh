#!/bin/sh
# bench/group/run.sh - the speed of 'parallax stories' (reading,
# near-duplicates and stories, end to end), with a baseline binary
# measured in the same run, interleaved, so a loaded machine slows both.
#
#   bench/group/run.sh                      # this build only
#   BASE=/path/to/old/parallax bench/group/run.sh
#
# 1. distinct real articles: the union of PolNeAR (train, dev), ECB+ dev
#    and TimeML (made by make_union.py), RUNS runs each (default 5):
#    median wall time, articles/s, MB/s of article text, and user+system
#    CPU seconds; CALLGRIND=1 adds instruction counts (--threads 1), the
#    figure that does not move with the machine's load;
# 2. generated articles (gen_corpus.py, ~2 KB each, cached in
#    ${PX_BENCH_TMP:-/tmp}): for each of SIZES (default 100000; add
#    1000000 for the big one) GEN_RUNS runs each (default 1), interleaved:
#    median wall and CPU seconds, the largest peak RSS.
# THREADS (default: all cores) is passed as --threads.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
px=${PARALLAX:-$here/build/parallax}
base=${BASE:-}
runs=${RUNS:-5}
tmp=${PX_BENCH_TMP:-/tmp}
threads=${THREADS:-0}
[ -x "$px" ] || { echo "bench/group: no binary $px (make first)"; exit 0; }
union="$tmp/px_bench_union.jsonl"
set -- $(python3 "$here/bench/group/make_union.py" "$union") || exit 0
n_union=$1
bytes=$2
bins="$px"
[ -n "$base" ] && bins="$base $px"

# one run: prints "wall cpu peak_kb"
one() {
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/px_bench_time.$$" "$@" > /dev/null 2>&1 || true
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$tmp/px_bench_time.$$"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "distinct real articles: $n_union (PolNeAR, ECB+, TimeML), $bytes bytes of text;" \
     "median of $runs runs, interleaved"
for b in $bins; do : > "$tmp/px_bench_$(echo "$b" | md5sum | cut -c1-8)"; done
i=0
while [ $i -lt "$runs" ]; do
  for b in $bins; do
    one "$b" stories --threads "$threads" "$union" >> "$tmp/px_bench_$(echo "$b" | md5sum | cut -c1-8)"
  done
  i=$((i + 1))
done
for b in $bins; do
  f="$tmp/px_bench_$(echo "$b" | md5sum | cut -c1-8)"
  wall=$(cut -d' ' -f1 "$f" | median)
  cpu=$(cut -d' ' -f2 "$f" | median)
  awk -v b="$b" -v w="$wall" -v c="$cpu" -v n="$n_union" -v by="$bytes" 'BEGIN {
      printf "  %s: %.3f s wall, %.0f articles/s, %.1f MB/s; %.2f s CPU\n", b, w, n / w, by / w / 1e6, c }'
  rm -f "$f"
done
if [ "${CALLGRIND:-0}" = 1 ]; then
  for b in $bins; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$b" stories --threads 1 "$union" \
      > /dev/null 2> "$tmp/px_bench_cg.$$"
    echo "  $b: $(grep -o 'Collected : [0-9]*' "$tmp/px_bench_cg.$$" | sed 's/Collected : //') instructions (callgrind, --threads 1)"
  done
  rm -f "$tmp/px_bench_cg.$$"
fi

gen_runs=${GEN_RUNS:-1}
for n in ${SIZES:-100000}; do
  c="$tmp/px_corpus_$n.jsonl"
  [ -f "$c" ] || python3 "$here/bench/group/gen_corpus.py" -n "$n" --seed 1 -o "$c" || exit 1
  echo "generated articles: $n ($(du -m "$c" | cut -f1) MB); median of $gen_runs runs, interleaved"
  for b in $bins; do : > "$tmp/px_bench_$(echo "$b" | md5sum | cut -c1-8)"; done
  i=0
  while [ $i -lt "$gen_runs" ]; do
    for b in $bins; do
      one "$b" stories --threads "$threads" "$c" >> "$tmp/px_bench_$(echo "$b" | md5sum | cut -c1-8)"
    done
    i=$((i + 1))
  done
  for b in $bins; do
    f="$tmp/px_bench_$(echo "$b" | md5sum | cut -c1-8)"
    wall=$(cut -d' ' -f1 "$f" | median)
    cpu=$(cut -d' ' -f2 "$f" | median)
    peak=$(cut -d' ' -f3 "$f" | sort -n | tail -1)
    echo "  $b: $wall s wall, $cpu s CPU, peak $((peak / 1024)) MB (CPU of each run: $(cut -d' ' -f2 "$f" | tr '\n' ' '))"
    rm -f "$f"
  done
done
rm -f "$tmp/px_bench_time.$$"
