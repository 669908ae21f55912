#!/usr/bin/env bash
# The sanitizer builds of CI, each in its own build directory:
#
# - AddressSanitizer + UndefinedBehaviorSanitizer (RELULAB_SANITIZE=address,undefined): the whole
#   test suite. Any report fails its test (UBSan does not recover, ASan and LeakSanitizer exit
#   non-zero).
# - ThreadSanitizer (RELULAB_SANITIZE=thread, OpenMP off: TSan does not understand libgomp): the
#   tests labelled `threads` in CTest (ctest -L threads), with tests/tsan.supp, which only holds
#   reports inside Qt itself (each entry explains why). A report fails its test (exit 66).
#
#   .ci/sanitizers.sh [asan|tsan|all]   (default all)
#
# Each configures with its preset of CMakePresets.json (asan-ubsan, tsan), warnings as errors.
# The machine has 2 cores: the TSan tests (a handful of single-threaded-ish processes) run while
# the ASan build compiles, then the ASan suite runs on both cores. ASAN_BUILD_DIR (default
# build-asan) and TSAN_BUILD_DIR (default build-tsan) can be set; each log ends up in its build
# directory, next to the build's own output (build.log), which is printed only when the build fails.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-all}
asan_dir=${ASAN_BUILD_DIR:-$top/build-asan}
tsan_dir=${TSAN_BUILD_DIR:-$top/build-tsan}
jobs=$(nproc 2>/dev/null || echo 2)
export QT_QPA_PLATFORM=offscreen
# QtTest's watchdog aborts a test function after 5 minutes; sanitised builds are many times slower.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-900000}

# Builds quietly: the compiler's output goes to <dir>/build.log, and its tail to stderr on failure.
build() {
    local dir=$1
    shift
    if ! cmake --build "$dir" --parallel "$jobs" "$@" >"$dir/build.log" 2>&1; then
        echo "sanitizers: the build in $dir FAILED:" >&2
        tail -n 60 "$dir/build.log" >&2
        return 1
    fi
}

# configure PRESET DIR: the preset (RelWithDebInfo at -O2 -g1, no benchmarks, the sanitizer) in DIR.
configure() {
    cmake -S "$top" --preset "$1" -B "$2" -DRELULAB_WARNINGS_AS_ERRORS=ON ${CMAKE_ARGS:-} >/dev/null
}

# The TSan build runs the tests labelled `threads` (tests/*/CMakeLists.txt says which, and why),
# and builds only their executables: the target tests-threads. Where a class's threading is a few
# of its test functions, the label is on a second CTest test that runs only those
# (relulab_add_qtest_functions): with OpenMP off the rest is single-threaded and TSan would only
# slow it down.
tsan_build() {
    configure tsan "$tsan_dir"
    echo "sanitizers: building TSan: the tests labelled threads"
    build "$tsan_dir" --target tests-threads
}

tsan_run() {
    # halt_on_error=0: every report of a test is printed, and the test exits 66 at its end.
    # One test at a time: in `all` they run beside the ASan build.
    TSAN_OPTIONS="suppressions=$top/tests/tsan.supp second_deadlock_stack=1 halt_on_error=0 ${TSAN_OPTIONS:-}" \
        ctest --test-dir "$tsan_dir" -L threads --output-on-failure --no-tests=error \
        >"$tsan_dir/sanitizers.log" 2>&1
}

asan_build() {
    configure asan-ubsan "$asan_dir"
    echo "sanitizers: building ASan + UBSan: everything"
    build "$asan_dir"
}

asan_run() {
    ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1 ${ASAN_OPTIONS:-}" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1 ${UBSAN_OPTIONS:-}" \
        ctest --test-dir "$asan_dir" --output-on-failure --parallel "$jobs" --timeout 900 \
        >"$asan_dir/sanitizers.log" 2>&1
}

report() {
    local name=$1 dir=$2 status=$3
    if [ "$status" -eq 0 ]; then
        echo "sanitizers: $name passed ($(grep -E 'tests passed' "$dir/sanitizers.log" || true))"
    else
        echo "sanitizers: $name FAILED; the log is $dir/sanitizers.log" >&2
        grep -E -A40 'WARNING: ThreadSanitizer|ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:|The following tests FAILED' \
            "$dir/sanitizers.log" | head -n 200 >&2 || true
    fi
}

status=0
case "$what" in
    tsan)
        tsan_build
        tsan_run && tsan_status=0 || tsan_status=$?
        report TSan "$tsan_dir" "$tsan_status"
        status=$tsan_status ;;
    asan)
        asan_build
        asan_run && asan_status=0 || asan_status=$?
        report "ASan + UBSan" "$asan_dir" "$asan_status"
        status=$asan_status ;;
    all)
        tsan_build
        # The TSan tests in the background while ASan compiles.
        tsan_run &
        tsan_pid=$!
        asan_build
        asan_run && asan_status=0 || asan_status=$?
        wait "$tsan_pid" && tsan_status=0 || tsan_status=$?
        report TSan "$tsan_dir" "$tsan_status"
        report "ASan + UBSan" "$asan_dir" "$asan_status"
        [ "$tsan_status" -eq 0 ] && [ "$asan_status" -eq 0 ] || status=1 ;;
    *)
        sed -n '2,17s/^# \{0,1\}//p' "$0"
        exit 2 ;;
esac
exit $status
