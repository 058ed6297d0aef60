#!/bin/sh
# bench/report/run.sh - the story report's speed and memory, median of RUNS
# runs (default 5), each input's `parallax read` measured in the same run
# as the baseline, on one core (taskset -c 0 when there is taskset):
#   - the seeds (5 articles) and a synthetic story of 1,000 articles;
#   - a story of 5,000 articles of one story (make-story.py): the issue's
#     limit is 5 s of CPU and 400 MB;
#   - one article of 1 MB and one of 2 MB repeating a quoted statement
#     (make-story.py --repeat): the 2 MB one must take about twice the
#     1 MB one (linear), not four times.
# Each line gives the median wall time, the median CPU time (user +
# system) and the median peak memory (max RSS). CALLGRIND=1 adds
# instruction counts (stable where times are not on a shared machine).
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
px=${PARALLAX:-$here/build/parallax}
shared=${PX_SHARED:-$here/../shared}
runs=${RUNS:-5}
[ -d "$shared/seeds" ] || { echo "bench/report: no seeds at $shared/seeds"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/bench/report/make-story.py" "$shared/seeds" 1000 > "$tmp/story1000.jsonl"
python3 "$here/bench/report/make-story.py" "$shared/seeds" 5000 > "$tmp/story5000.jsonl"
python3 "$here/bench/report/make-story.py" --repeat 1 > "$tmp/repeat1mb.txt"
python3 "$here/bench/report/make-story.py" --repeat 2 > "$tmp/repeat2mb.txt"
one_core=""
command -v taskset >/dev/null 2>&1 && one_core="taskset -c 0"

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# measure LABEL COMMAND...: prints the medians and leaves the CPU median in $cpu
measure() {
  label=$1; shift
  walls="" cpus="" rss=""
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" $one_core "$@" >/dev/null 2>"$tmp/err" ||
      { echo "$label: failed: $(cat "$tmp/err")"; return 1; }
    read -r w u s m < "$tmp/time"
    walls="$walls $w"
    cpus="$cpus $(awk "BEGIN{print $u + $s}")"
    rss="$rss $m"
  done
  cpu=$(echo $cpus | median)
  printf "%-38s wall %6.2f s   cpu %6.2f s   peak %5.0f MB   (median of %s)\n" "$label" \
    "$(echo $walls | median)" "$cpu" "$(awk "BEGIN{print $(echo $rss | median) / 1024}")" "$runs"
}
measure "read   seeds (baseline)" "$px" read "$shared/seeds"
measure "report seeds, html" "$px" report --format html "$shared/seeds"
measure "read   1,000 articles (baseline)" "$px" read "$tmp/story1000.jsonl"
measure "report 1,000 articles, json" "$px" report --format json "$tmp/story1000.jsonl"
measure "read   5,000 articles (baseline)" "$px" read "$tmp/story5000.jsonl"
measure "report 5,000 articles, json" "$px" report --format json "$tmp/story5000.jsonl"
cpu5000=$cpu
measure "report 5,000 articles, html" "$px" report --format html "$tmp/story5000.jsonl"
measure "read   1 MB repeating article (baseline)" "$px" read "$tmp/repeat1mb.txt"
measure "report 1 MB repeating article, json" "$px" report --format json "$tmp/repeat1mb.txt"
cpu1=$cpu
measure "report 2 MB repeating article, json" "$px" report --format json "$tmp/repeat2mb.txt"
cpu2=$cpu
echo "5,000 articles: $cpu5000 s of CPU (limit 5 s); 2 MB / 1 MB repeating article: $(awk "BEGIN{printf \"%.2f\", $cpu2 / ($cpu1 > 0 ? $cpu1 : 1)}") (linear: 2)"
if [ "${CALLGRIND:-0}" = 1 ]; then
  for input in "$shared/seeds" "$tmp/story1000.jsonl" "$tmp/repeat1mb.txt" "$tmp/repeat2mb.txt"; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$px" report --format json "$input" >/dev/null 2>"$tmp/cg.log"
    echo "report $(basename "$input"): instructions: $(grep -E "Collected" "$tmp/cg.log" | awk '{print $NF}')"
  done
fi
