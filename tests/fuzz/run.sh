#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UBSan, RELULAB_FUZZ=ON) and runs each
# for the given time on the seed corpus in tests/fuzz/corpus:
#
#   tests/fuzz/run.sh [seconds per target, default 30]
#
# Both targets run at once, one per core.
# fuzz_preset parses bytes as a preset document (src/app/preset.h); fuzz_cli parses command lines
# of relulab-cli curve, train, race and born-dead in process (one argument per line, the command
# first). New inputs the fuzzer finds go to a scratch directory, not into the repository; a crash,
# a leak or a sanitizer report stops the run with exit code 1, and the input that caused it is
# left as <scratch>/crash-* (reproduce: <build>/tests/fuzz/fuzz_X <that file>).
# FUZZ_BUILD_DIR (default: build-fuzz) and FUZZ_WORK_DIR (default: <build>/fuzz-work) can be set.
set -euo pipefail

seconds=${1:-30}
top=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${FUZZ_BUILD_DIR:-$top/build-fuzz}
work_dir=${FUZZ_WORK_DIR:-$build_dir/fuzz-work}

command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }

# Only the libraries and the fuzz targets: no tests, no benchmarks, no OpenMP (the parsers use
# none, and an uninstrumented libgomp would only add noise).
cmake -S "$top" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DRELULAB_FUZZ=ON -DRELULAB_USE_OPENMP=OFF -DBUILD_TESTING=OFF -DRELULAB_BUILD_BENCHMARKS=OFF \
    -DRELULAB_WARNINGS_AS_ERRORS=ON ${FUZZ_CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" --parallel "$(nproc 2>/dev/null || echo 2)" --target fuzz_preset fuzz_cli

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen

# Runs one target on its corpus; its output goes to <work>/<target>.log.
fuzz() {
    local target=$1 scratch=$work_dir/$1
    mkdir -p "$scratch"
    # The scratch directory first: libFuzzer adds what it finds to the first corpus directory.
    "$build_dir/tests/fuzz/fuzz_$target" "$scratch" "$top/tests/fuzz/corpus/$target" \
        -dict="$top/tests/fuzz/$target.dict" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=4096 -artifact_prefix="$scratch/" -print_final_stats=1 \
        2>"$scratch.log"
}

targets=(preset cli)
pids=()
echo "fuzz: ${targets[*]} for ${seconds} s each"
for target in "${targets[@]}"; do
    fuzz "$target" &
    pids+=($!)
done
status=0
for i in "${!targets[@]}"; do
    target=${targets[$i]}
    if ! wait "${pids[$i]}"; then
        status=1
        echo "fuzz: $target FAILED, see $work_dir/$target.log and $work_dir/$target/crash-*" >&2
        tail -n 40 "$work_dir/$target.log" >&2
    fi
    echo "fuzz: $target: $(grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
        "$work_dir/$target.log" | sed 's/^stat:://; s/: */ /' | paste -sd, - | sed 's/,/, /g')"
done
exit $status
