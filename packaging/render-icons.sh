#!/usr/bin/env bash
# Renders the application icon's PNG sizes from the SVG. The PNGs are committed, so neither the
# build nor CI runs this: run it by hand after editing the SVG. It needs rsvg-convert
# (Debian package librsvg2-bin), which the build does not.
#
#   packaging/render-icons.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
app_id=io.github.relulab.ReLULab
svg=$top/resources/icons/$app_id.svg

command -v rsvg-convert >/dev/null || {
    echo "render-icons: rsvg-convert not found (apt-get install librsvg2-bin)" >&2
    exit 1
}
for size in 16 22 24 32 48 64 128 256 512; do
    out=$top/resources/icons/hicolor/${size}x${size}/apps/$app_id.png
    mkdir -p "$(dirname "$out")"
    rsvg-convert --width "$size" --height "$size" --format png --output "$out" "$svg"
    echo "render-icons: $out"
done
