#!/bin/sh
# bench/eval/run.sh - the accuracy scorers on the shared data (part of
# make bench through bench/run.sh). A scorer whose parallax verb is not
# built yet is skipped, so this never fails for that reason.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
px=${PARALLAX:-$here/../../build/parallax}
if [ ! -x "$px" ]; then
  echo "bench/eval: no parallax binary at $px: skipped"
  exit 0
fi
for pair in quotes:eval-quotes dates:eval-dates stories:eval-stories; do
  verb=${pair%%:*}
  scorer=${pair#*:}
  if ! "$px" "$verb" --help >/dev/null 2>&1; then
    echo "-- $scorer: parallax $verb is not built yet: skipped"
    continue
  fi
  echo "-- $scorer"
  "$here/$scorer" --parallax "$px" || echo "-- $scorer failed (status $?)"
done
