#!/usr/bin/env bash
# ReLU Lab quick start for Debian 12: installs the Debian packages that are missing, builds, and
# then either starts the app or runs every test headless.
#
#   packaging/quickstart.sh run [app options]   set up, build and start ReLU Lab
#   packaging/quickstart.sh test                set up, build and run the whole test suite
#
# Run it as root or as a user with sudo: only the package installation needs root. Nothing is
# downloaded except Debian packages. BUILD_DIR (default: build) and BUILD_TYPE (default: Release)
# can be set in the environment.
set -euo pipefail

usage() {
    sed -n '2,11s/^# \{0,1\}//p' "$0"
    exit 2
}

[ $# -ge 1 ] || usage
mode=$1
shift
case "$mode" in
    run|test) ;;
    *) usage ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$top/build}
build_type=${BUILD_TYPE:-Release}

# Everything the build, the tests and the app need, from Debian 12's own archive.
packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-svg-dev libxkbcommon-dev
    libqcustomplot-dev
    libbenchmark-dev
    xvfb xauth fonts-noto-cjk fonts-dejavu-core
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "quickstart: installing ${missing[*]}"
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "quickstart: run as root or install sudo" >&2; exit 1; }
        as_root=(sudo)
    fi
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
# The release preset of CMakePresets.json (Ninja, build/); BUILD_DIR and BUILD_TYPE override it.
cmake -S "$top" --preset release -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" ${CMAKE_ARGS:-}
cmake --build "$build_dir" --parallel "$jobs"

if [ "$mode" = run ]; then
    case "${QT_QPA_PLATFORM:-}" in
        offscreen*|minimal*) headless=yes ;;
        "") [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && headless=no || headless=yes ;;
        *) headless=no ;;
    esac
    if [ "$headless" = yes ]; then
        echo "quickstart: no display found (no DISPLAY or WAYLAND_DISPLAY, or an offscreen Qt platform)." >&2
        echo "quickstart: use '$build_dir/src/ui/relulab --screenshot out.png' for a picture." >&2
        exit 1
    fi
    exec "$build_dir/src/ui/relulab" "$@"
fi

# Every test runs headless, whatever the caller's environment.
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs" --timeout 600
