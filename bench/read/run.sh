#!/bin/sh
# bench/read/run.sh - reader throughput: parallax read over the PolNeAR
# articles (924 .txt files) and ECB+ (one .jsonl), median of N runs, with
# instruction counts from callgrind when CALLGRIND=1.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
px=${PARALLAX:-$here/build/parallax}
shared=${PX_SHARED:-$here/../shared}
runs=${RUNS:-5}
data="$shared/data/polnear/train/text $shared/data/polnear/dev/text $shared/data/ecbplus/dev.jsonl"
[ -d "$shared/data" ] || { echo "bench/read: no data at $shared/data"; exit 0; }
bytes=$(cat $shared/data/polnear/*/text/*.txt $shared/data/ecbplus/dev.jsonl | wc -c)
times=""
for i in $(seq "$runs"); do
  t0=$(date +%s.%N)
  "$px" read --format jsonl $data >/dev/null
  t1=$(date +%s.%N)
  times="$times $(awk "BEGIN{print $t1 - $t0}")"
done
median=$(echo $times | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
docs=$("$px" read --format jsonl $data | wc -l)
echo "read: $docs documents, $bytes bytes, median of $runs runs: ${median}s, $(awk "BEGIN{printf \"%.1f\", $bytes / $median / 1000000}") MB/s"
if [ "${CALLGRIND:-0}" = 1 ]; then
  valgrind --tool=callgrind --callgrind-out-file=/tmp/px_read.callgrind "$px" read --format jsonl $data >/dev/null 2>/tmp/px_read.cg.log
  grep -E "Collected" /tmp/px_read.cg.log | sed 's/^==[0-9]*== /read: instructions: /'
fi
