#!/usr/bin/env bash
# Builds the DEB and TGZ from an existing build directory and checks them as CI does: the desktop
# file and the AppStream metainfo validate, lintian reports no errors, the DEB installs with
# apt-get, and the installed relulab-cli --version and relulab --screenshot (offscreen) work.
#
#   packaging/check-package.sh [BUILD_DIR] [--uninstall]
#
# BUILD_DIR defaults to build (the directory packaging/quickstart.sh builds). The package stays
# installed unless --uninstall is given. Run it as root or as a user with sudo: installing the
# tools it needs (desktop-file-utils appstream lintian dpkg-dev file) and the DEB needs root.
# Exits non-zero on the first failure.
set -euo pipefail

usage() {
    sed -n '2,11s/^# \{0,1\}//p' "$0"
    exit 2
}

top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=
uninstall=no
for arg in "$@"; do
    case "$arg" in
        --uninstall) uninstall=yes ;;
        -h|--help) usage ;;
        -*) usage ;;
        *) [ -z "$build_dir" ] || usage; build_dir=$arg ;;
    esac
done
build_dir=${build_dir:-$top/build}
[ -f "$build_dir/CPackConfig.cmake" ] || {
    echo "check-package: $build_dir has no CPackConfig.cmake: configure and build it first" >&2
    echo "check-package: (packaging/quickstart.sh test does both)" >&2
    exit 1
}
build_dir=$(cd "$build_dir" && pwd)

app_id=io.github.relulab.ReLULab
step() { echo "check-package: $*"; }
fail() {
    echo "check-package: FAILED: $*" >&2
    exit 1
}

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "run as root or install sudo"
    as_root=(sudo)
fi
apt_get() {
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Use-Pty=0 "$@"
}

# The tools of the checks, from Debian's archive, installed only when missing.
missing=()
for package in desktop-file-utils appstream lintian dpkg-dev file; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]}"
    apt_get update -qq
    apt_get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 1. The packages. The build is normally up to date already (quickstart.sh test built it); this
# also builds the compressed manual pages should it not be.
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build "$build_dir" --parallel "$jobs"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build_dir/CPackConfig.cmake"
arch=$(dpkg --print-architecture)
rm -f "$build_dir"/relulab_*.deb "$build_dir"/relulab-*.tar.gz
step "cpack (DEB, TGZ) for relulab $version"
(cd "$build_dir" && cpack -G "DEB;TGZ" >/dev/null) || fail "cpack"
deb=$build_dir/relulab_${version}_${arch}.deb
tgz=$(ls "$build_dir"/relulab-"$version"-*.tar.gz 2>/dev/null | head -n 1 || true)
[ -f "$deb" ] || fail "cpack made no $deb"
[ -n "$tgz" ] || fail "cpack made no relulab-$version-*.tar.gz"
step "made $(basename "$deb") and $(basename "$tgz")"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"

# 2. What the DEB ships, checked by the tools the desktops use.
dpkg-deb -x "$deb" "$tmp/root"
for path in usr/bin/relulab usr/bin/relulab-cli \
    usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    usr/share/icons/hicolor/48x48/apps/$app_id.png \
    usr/share/man/man1/relulab.1.gz usr/share/man/man1/relulab-cli.1.gz \
    usr/share/doc/relulab/copyright usr/share/doc/relulab/changelog.gz; do
    [ -f "$tmp/root/$path" ] || fail "the DEB has no /$path"
done
step "desktop-file-validate $app_id.desktop"
desktop-file-validate "$tmp/root/usr/share/applications/$app_id.desktop" ||
    fail "desktop-file-validate"
step "appstreamcli validate --no-net $app_id.metainfo.xml"
appstreamcli validate --no-net --no-color "$tmp/root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "appstreamcli validate"
for page in relulab relulab-cli; do
    file -b "$tmp/root/usr/share/man/man1/$page.1.gz" | grep -q 'max compression' ||
        fail "$page.1.gz is not compressed with gzip -9"
done
tar -tzf "$tgz" | grep -q '/bin/relulab-cli$' || fail "the TGZ has no bin/relulab-cli"

# 3. lintian: errors fail; warnings are printed (and listed in README.md).
step "lintian $(basename "$deb")"
lintian_status=0
lintian --fail-on error "$deb" >"$tmp/lintian.txt" 2>&1 || lintian_status=$?
grep -v 'running with root privileges is not recommended' "$tmp/lintian.txt" || true
errors=$(grep -c '^E: ' "$tmp/lintian.txt" || true)
warnings=$(grep -c '^W: ' "$tmp/lintian.txt" || true)
step "lintian: $errors errors, $warnings warnings"
[ "$lintian_status" -eq 0 ] && [ "$errors" -eq 0 ] || fail "lintian reports errors"

# 4. Install the DEB like any package (its dependencies come from the archive) and run the
# installed programs. --reinstall: a second run replaces the same version.
step "apt-get install ./$(basename "$deb")"
if ! apt_get install -y -qq --reinstall "$deb"; then
    apt_get update -qq
    apt_get install -y -qq --reinstall "$deb" || fail "apt-get install $deb"
fi
installed=$(dpkg-query -W -f='${Version}' relulab)
[ "$installed" = "$version" ] || fail "dpkg says relulab $installed is installed, not $version"

cli_version=$(/usr/bin/relulab-cli --version) || fail "/usr/bin/relulab-cli --version"
step "/usr/bin/relulab-cli --version: $cli_version"
[ "$cli_version" = "relulab-cli $version" ] || fail "expected 'relulab-cli $version'"
/usr/bin/relulab-cli curve --activation relu --range -1:1 --samples 3 >"$tmp/relu.csv" ||
    fail "/usr/bin/relulab-cli curve"
[ "$(cat "$tmp/relu.csv")" = "$(printf 'x,y,dy\n-1,0,0\n0,0,0\n1,1,1')" ] ||
    fail "/usr/bin/relulab-cli curve wrote: $(cat "$tmp/relu.csv")"

gui_version=$(QT_QPA_PLATFORM=offscreen /usr/bin/relulab --version 2>/dev/null) ||
    fail "/usr/bin/relulab --version"
step "/usr/bin/relulab --version: $gui_version"
[ "$gui_version" = "relulab $version" ] || fail "expected 'relulab $version'"
QT_QPA_PLATFORM=offscreen timeout 120 /usr/bin/relulab --screenshot "$tmp/explorer.png" ||
    fail "/usr/bin/relulab --screenshot"
shot=$(file -b "$tmp/explorer.png")
step "/usr/bin/relulab --screenshot: $shot"
case "$shot" in
    "PNG image data, 1360 x 820"*) ;;
    *) fail "the screenshot is not a 1360x820 PNG" ;;
esac

if [ "$uninstall" = yes ]; then
    step "apt-get remove relulab"
    apt_get remove -y -qq relulab
fi
step "all checks passed"
