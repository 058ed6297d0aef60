#!/bin/sh
# bench/read/warc.sh - parallax read over a generated WARC file (plain and
# gzipped, per-record members as CC-NEWS writes them): throughput in CPU
# time (user + system, median of RUNS runs: steadier than wall time on a
# shared machine) and peak memory (/usr/bin/time %M), for two sizes, so
# that memory can be seen to stay flat as the file grows. MB sets the
# larger size (default 300), DIR where the files go (default a temporary
# folder).
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
px=${PARALLAX:-$here/build/parallax}
runs=${RUNS:-3}
big=${MB:-300}
dir=${DIR:-$(mktemp -d)}
[ -n "${DIR:-}" ] || trap 'rm -rf "$dir"' EXIT
shared=${PX_SHARED:-$here/../shared}
[ -d "$shared/data/webpages" ] || { echo "bench/read/warc: no pages at $shared/data/webpages"; exit 0; }
for mb in $((big / 10)) "$big"; do
  for ext in warc warc.gz; do
    f="$dir/crawl-$mb.$ext"
    [ -f "$f" ] || python3 "$here/bench/read/make_warc.py" "$f" --mb "$mb" >/dev/null
    times="" mem=0
    for i in $(seq "$runs"); do
      /usr/bin/time -f "%U %S %M" -o "$dir/time" "$px" read --quiet --format jsonl "$f" >"$dir/out" || true
      set -- $(tail -n 1 "$dir/time")
      times="$times $(awk "BEGIN{print $1 + $2}")"
      [ "$3" -gt "$mem" ] && mem=$3
    done
    median=$(echo $times | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    docs=$(wc -l <"$dir/out")
    bytes=$(if [ "$ext" = warc ]; then wc -c <"$f"; else gzip -dc "$f" | wc -c; fi)
    echo "read $ext $mb MB: $docs documents, $bytes bytes, median of $runs runs ${median}s CPU," \
      "$(awk "BEGIN{printf \"%.1f\", $bytes / $median / 1000000}") MB/s, peak RSS $((mem / 1024)) MB"
  done
done
