#!/bin/sh
# install-deps.sh - installs the Debian packages parallax needs, when they
# are missing. Needs root (or sudo) the first time only.
#   tools/install-deps.sh          what the build and the main job need ('make')
#   tools/install-deps.sh test     that and what the tests need ('make check')
# PX_EXTRA_PKGS adds packages to either list.
set -e
# build: a C compiler, CMake, the libraries parallax links, the word list
# the reader asks whether a word split by a hyphen at a line end is a word
# (wamerican), and Open MPI for parallax-mpi (the stories job across
# machines; the build leaves it out when MPI is missing)
PKGS="build-essential cmake pkg-config libutf8proc-dev libjansson-dev libgumbo-dev
      libsqlite3-dev libstemmer-dev libxxhash-dev zlib1g-dev wamerican
      openmpi-bin libopenmpi-dev"
case "${1:-build}" in
build) ;;
test)
    # sanitizer build and fuzzing (clang), callgrind, the HTML report in a
    # browser, the Python package and its tests (pip builds it offline with
    # Debian's python3), JSON Schema validation, rendering the man pages
    # (man -l, col), iso-codes for tools/gen-places.py, and WordNet for
    # bench/quotes/gen_wordnet.py
    PKGS="$PKGS clang libclang-rt-dev valgrind chromium python3 python3-dev python3-pip
          python3-setuptools python3-wheel python3-pytest python3-jsonschema man-db
          groff-base bsdextrautils iso-codes wordnet-base" ;;
*)
    echo "usage: tools/install-deps.sh [build|test]" >&2
    exit 2 ;;
esac
[ -n "$PX_EXTRA_PKGS" ] && PKGS="$PKGS $PX_EXTRA_PKGS"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing:$missing" >&2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
