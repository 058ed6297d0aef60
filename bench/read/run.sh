#!/bin/sh
# bench/read/run.sh - reader throughput: parallax read over the PolNeAR
# articles (924 .txt files) and ECB+ (one .jsonl), then over the 130 saved
# web pages of data/webpages (HTML: gumbo, article extraction, metadata),
# median of N runs each, with instruction counts from callgrind when
# CALLGRIND=1. bench/read/eval_meta.py scores the pages' metadata.
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

# HTML: the saved web pages
pages=$(ls "$shared"/data/webpages/*/source.html 2>/dev/null || true)
[ -n "$pages" ] || exit 0
# wall time is noisy on a shared machine: the CPU time of the child
# (user + system) is the per-core figure
python3 - "$px" "$runs" $pages <<'PY'
import os, resource, statistics, subprocess, sys, time
px, runs, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
size = sum(os.path.getsize(p) for p in pages)
walls, cpus = [], []
for _ in range(runs):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    subprocess.run([px, "read", "--format", "jsonl", "--quiet"] + pages, stdout=subprocess.DEVNULL)
    walls.append(time.time() - t0)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
w, c = statistics.median(walls), statistics.median(cpus)
print(f"read html: {len(pages)} pages, {size} bytes, median of {runs} runs: {w:.3f}s wall, "
      f"{c:.3f}s CPU, {size / c / 1e6:.1f} MB/s per core")
PY
if [ "${CALLGRIND:-0}" = 1 ]; then
  valgrind --tool=callgrind --callgrind-out-file=/tmp/px_read_html.callgrind "$px" read --format jsonl --quiet $pages >/dev/null 2>/tmp/px_read_html.cg.log || true
  grep -E "Collected" /tmp/px_read_html.cg.log | sed 's/^==[0-9]*== /read html: instructions: /'
fi
