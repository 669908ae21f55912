#!/usr/bin/env bash
# Brings resources/translations/relulab_*.ts up to date with the sources: every tr() string of
# src/ and every text of the forms in ui/. New strings come in as unfinished (tst_translation
# fails until they are translated); strings no longer in the sources are dropped (-no-obsolete).
# No source locations (-locations none), so a change elsewhere in a file leaves the .ts alone.
#
#   resources/translations/update.sh              all languages
#   LUPDATE=/path/to/lupdate resources/translations/update.sh
#
# Then translate the unfinished messages (Qt Linguist, or by hand: fill <translation> and drop
# its type="unfinished") and build: lrelease compiles the .ts files at build time.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
# Qt 6's own lupdate first: on Debian, `lupdate` on the PATH may be qtchooser's, pointing at Qt 5.
lupdate=${LUPDATE:-}
for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
    [ -z "$lupdate" ] && [ -n "$candidate" ] && [ -x "$candidate" ] && lupdate=$candidate
done
[ -n "$lupdate" ] && [ -x "$lupdate" ] || { echo "update.sh: lupdate not found (Debian: qt6-l10n-tools)" >&2; exit 1; }

cd "$top"
# The languages besides English (the language of the sources).
languages=(zh_CN)
for language in "${languages[@]}"; do
    ts=resources/translations/relulab_$language.ts
    "$lupdate" -target-language "$language" -silent -locations none -no-obsolete -extensions cpp,h,ui src ui -ts "$ts"
done
