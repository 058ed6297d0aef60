#!/bin/bash
# fuzz-long.sh - runs every libFuzzer target for a set time, a few at a
# time, and reports what each did (make fuzz-long).
#
#   FUZZ_SECONDS  seconds per target (default 600)
#   FUZZ_JOBS     targets run at once (default 2: one per core of a
#                 two-core machine)
#   FUZZ_TARGETS  the targets to run (default: every fuzz/fuzz_*.c)
#   FUZZ_MERGE=1  afterwards, merge the inputs that found new coverage
#                 into fuzz/corpus/<target> (libFuzzer -merge=1)
#   BUILD         the libFuzzer build folder (default build-fuzz)
#   FUZZ_CORPUS   the saved corpora (default fuzz/corpus)
#
# Each target starts from its saved corpus, fuzz/corpus/<target>, and
# works in a scratch copy (BUILD/fuzz-long/<target>). Extra libFuzzer
# flags for one target are read from fuzz/<target>.options. A crash,
# leak, timeout or out-of-memory input is copied into fuzz/corpus/<target>
# (the corpus ctest replays) and the target is started again for the
# time left, so one crash does not end its run. Prints one line a target:
# executions, executions a second, new corpus inputs, crashes; the exit
# status is 1 when anything was found.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-2}
build=${BUILD:-$here/build-fuzz}
corpus=${FUZZ_CORPUS:-$here/fuzz/corpus}
work=$build/fuzz-long
case $seconds in '' | *[!0-9]*) echo "FUZZ_SECONDS must be a number of seconds" >&2; exit 2 ;; esac
case $jobs in '' | *[!0-9]* | 0) echo "FUZZ_JOBS must be a positive number" >&2; exit 2 ;; esac

targets=${FUZZ_TARGETS:-$(cd "$here/fuzz" && ls fuzz_*.c | sed 's/\.c$//')}
for t in $targets; do
    if [ ! -x "$build/fuzz/$t" ]; then
        echo "fuzz-long: $build/fuzz/$t missing: run 'make fuzz' first" >&2
        exit 2
    fi
done
mkdir -p "$work"

# One target: runs until its time is spent, restarting after a crash.
# Writes "executions crashes" to $work/$t.result.
run_target() {
    local t=$1 dir=$work/$1 log=$work/$1.log
    local saved=$corpus/$t
    local opts=""
    [ -f "$here/fuzz/$t.options" ] && opts=$(cat "$here/fuzz/$t.options")
    rm -rf "$dir" "$dir.artifacts"
    mkdir -p "$dir" "$dir.artifacts" "$saved"
    cp -rp "$saved"/. "$dir"/
    local before
    before=$(ls "$dir" | wc -l)
    : > "$log"
    local start now left execs=0 rounds=0
    start=$(date +%s)
    while :; do
        now=$(date +%s)
        left=$((seconds - (now - start)))
        [ "$left" -ge 1 ] || break
        rounds=$((rounds + 1))
        # shellcheck disable=SC2086
        "$build/fuzz/$t" "$dir" -max_total_time="$left" -print_final_stats=1 \
            -timeout=25 -rss_limit_mb=2048 -artifact_prefix="$dir.artifacts/" $opts \
            > "$log.round" 2>&1
        local rc=$?
        cat "$log.round" >> "$log"
        # executions: the final stats, or after a crash the last status line
        local n
        n=$(grep 'stat::number_of_executed_units' "$log.round" | tail -1 | awk '{print $2}')
        [ -n "$n" ] || n=$(grep -E '^#[0-9]+' "$log.round" | tail -1 | sed 's/^#\([0-9]*\).*/\1/')
        execs=$((execs + ${n:-0}))
        [ "$rc" -eq 0 ] && break
        [ "$rounds" -ge 20 ] && break
    done
    rm -f "$log.round"
    local found=0
    for a in "$dir.artifacts"/*; do
        [ -f "$a" ] || continue
        cp -p "$a" "$saved/$(basename "$a")"
        found=$((found + 1))
    done
    local after
    after=$(ls "$dir" | wc -l)
    echo "$execs $found $((after - before))" > "$work/$t.result"
}

export -f run_target
export here seconds build work corpus

echo "fuzz-long: $(echo $targets | wc -w) targets, ${seconds} s each, $jobs at a time"
printf '%s\n' $targets | xargs -P "$jobs" -I{} bash -c 'run_target {}'

status=0
printf '%-22s %12s %10s %8s %8s\n' target executions exec/s new found
for t in $targets; do
    read -r execs found new < "$work/$t.result" || { execs=0; found=0; new=0; }
    printf '%-22s %12s %10s %8s %8s\n' "$t" "$execs" "$((execs / (seconds > 0 ? seconds : 1)))" \
        "$new" "$found"
    if [ "$found" -gt 0 ]; then
        status=1
        for a in "$work/$t.artifacts"/*; do
            [ -f "$a" ] || continue
            echo "  $t: $(basename "$a") -> $corpus/$t/$(basename "$a")"
            grep -m1 -E 'ERROR: |SUMMARY: |deadly signal|ALARM' "$work/$t.log" | sed 's/^/    /'
        done
    fi
    if [ "${FUZZ_MERGE:-0}" = 1 ]; then
        "$build/fuzz/$t" -merge=1 "$corpus/$t" "$work/$t" > "$work/$t.merge.log" 2>&1 &&
            echo "  $t: merged, $(ls "$corpus/$t" | wc -l) inputs in $corpus/$t"
    fi
done
echo "logs in $work/"
exit $status
