#!/bin/sh
# install-deps.sh - installs the Debian packages parallax builds and tests
# with, when they are missing. Needs root (or sudo) the first time only.
set -e
PKGS="build-essential cmake pkg-config clang libclang-rt-dev libutf8proc-dev libjansson-dev libgumbo-dev libsqlite3-dev sqlite3 libstemmer-dev libxxhash-dev zlib1g-dev wamerican iso-codes python3 valgrind chromium"
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
