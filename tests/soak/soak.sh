#!/bin/sh
# Soak: ReLU Lab's whole window, offscreen, trains in the dead-neuron lab with its animation for
# ten minutes while this script samples the process's resident memory (VmRSS) every ten seconds.
# It prints the samples and fails if memory grew by 5 MB or more after the first minute (the first
# minute is warm-up: caches, fonts, the first plots). Not run by CTest or CI: it takes minutes.
#
#   tests/soak/soak.sh [BUILD_DIR] [SECONDS] [SPEED_INDEX]
#
# BUILD_DIR defaults to build/, SECONDS to 600. SPEED_INDEX picks the lab's speed (the index in its
# speed list; default: the lab's own default, 10 steps a frame). The driver is built if needed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build_dir=${1:-$source_dir/build}
seconds=${2:-600}
speed=${3:-}
interval=10
warmup=60
limit_kb=5120

if [ "$seconds" -le "$warmup" ]; then
    echo "soak.sh: SECONDS must be more than the $warmup s warm-up" >&2
    exit 2
fi
cmake --build "$build_dir" --target relulab_soak --parallel 2 >/dev/null
driver=$build_dir/tests/soak/relulab_soak

QT_QPA_PLATFORM=offscreen RELULAB_NO_SETTINGS=1 "$driver" "$seconds" $speed &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' INT TERM

rss_kb() {
    awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true
}

echo "  time_s    rss_kb  growth_kb"
baseline=""
peak_growth=0
elapsed=0
while [ "$elapsed" -lt "$seconds" ]; do
    sleep "$interval"
    elapsed=$((elapsed + interval))
    rss=$(rss_kb)
    [ -n "$rss" ] || break
    if [ "$elapsed" -ge "$warmup" ] && [ -z "$baseline" ]; then
        baseline=$rss
    fi
    growth=""
    if [ -n "$baseline" ]; then
        growth=$((rss - baseline))
        [ "$growth" -gt "$peak_growth" ] && peak_growth=$growth
    fi
    printf '%8d %9d %10s\n' "$elapsed" "$rss" "$growth"
done

status=0
wait "$pid" || status=$?
if [ "$status" -ne 0 ]; then
    echo "soak.sh: the driver exited with status $status" >&2
    exit 1
fi
if [ -z "$baseline" ]; then
    echo "soak.sh: no sample after the warm-up" >&2
    exit 1
fi
echo "resident memory after ${warmup} s: ${baseline} kB; largest growth since: ${peak_growth} kB (limit ${limit_kb} kB)"
if [ "$peak_growth" -ge "$limit_kb" ]; then
    echo "soak.sh: FAIL: resident memory grew by ${peak_growth} kB after the first minute" >&2
    exit 1
fi
echo "soak.sh: PASS"
