#!/bin/sh
# bench/run.sh - runs every benchmark under bench/*/run.sh (make bench).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for b in "$here"/*/run.sh; do
  echo "== $(basename "$(dirname "$b")")"
  "$b"
done
