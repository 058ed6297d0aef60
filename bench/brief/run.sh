#!/bin/sh
# bench/brief/run.sh - the brief's benchmarks (make bench):
#  1. quality: the ECB+ proxy for DUC 2004 (bench/brief/proxy.py), the brief
#     against lead, centroid and LexRank in the same run;
#  2. speed: px_brief_new on a 10-article and two 1,000-article clusters
#     (ECB+ short articles, PolNeAR long ones), median of 5 runs (bench_brief);
#  3. attribution on ECB+ look-alike events (attribution.py).
# Needs the ROUGE scorer of bench/rouge (built with the tree, or set ROUGE).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${PX_BUILD_DIR:-$root/build}
shared=${PX_SHARED:-$root/../shared}
rouge=${ROUGE:-$build/bench/rouge/rouge}
if [ ! -x "$rouge" ]; then
  echo "brief: no ROUGE scorer at $rouge (build bench/rouge or set ROUGE): quality skipped"
else
  python3 "$here/proxy.py" --parallax "$build/parallax" \
    --baselines "$build/bench/brief/brief_baselines" --rouge "$rouge"
fi
"$build/bench/brief/bench_brief" -n 10 -r 5 "$shared/seeds" "$shared/seeds"
"$build/bench/brief/bench_brief" -n 1000 -r 5 "$shared/data/ecbplus/dev.jsonl"
# long articles: PolNeAR's political news (5.5 MB for 1,000 articles)
"$build/bench/brief/bench_brief" -n 1000 -r 5 "$shared/data/polnear/train/text" \
  "$shared/data/polnear/dev/text"
python3 "$here/attribution.py" --parallax "$build/parallax"
