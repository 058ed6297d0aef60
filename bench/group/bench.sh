#!/bin/sh
# bench/group/bench.sh [SIZES...] - documents/s, MB/s and peak memory of
# 'parallax stories' on generated corpora (default 1000 100000 1000000
# articles of ~2 KB; corpora cached in ${PX_BENCH_TMP:-/tmp}). Median of
# RUNS runs (default 3; 1 for a million).
cd "$(dirname "$0")/../.." || exit 1
BIN=${PARALLAX:-build/parallax}
TMP=${PX_BENCH_TMP:-/tmp}
SIZES=${*:-1000 100000 1000000}
printf "%-9s %9s %10s %8s %9s\n" articles seconds "docs/s" "MB/s" "peak MB"
for n in $SIZES; do
    c="$TMP/px_corpus_$n.jsonl"
    [ -f "$c" ] || python3 bench/group/gen_corpus.py -n "$n" --seed 1 -o "$c" || exit 1
    runs=${RUNS:-3}
    [ "$n" -ge 1000000 ] && runs=1
    mb=$(du -m "$c" | cut -f1)
    i=0
    : > "$TMP/px_bench_times"
    while [ $i -lt $runs ]; do
        /usr/bin/time -f "%e %M" -o "$TMP/px_bench_one" "$BIN" stories "$c" > /dev/null || exit 1
        cat "$TMP/px_bench_one" >> "$TMP/px_bench_times"
        i=$((i + 1))
    done
    sort -n "$TMP/px_bench_times" | awk -v n="$n" -v mb="$mb" -v runs="$runs" '
        { t[NR] = $1; m[NR] = $2 }
        END { k = int((runs + 1) / 2); printf "%-9d %9.2f %10.0f %8.1f %9.0f\n",
              n, t[k], n / t[k], mb / t[k], m[k] / 1024 }'
done
