#!/usr/bin/env bash
# Promotes reviewed golden images: copies <build>/test-output/golden/NAME.render.png (written by
# every run of the golden test, so it is the current picture) over tests/golden/NAME.png. The
# NAME.actual.png and NAME.diff.png beside it are written only when a test fails and may be left
# over from an older run: they are not promoted. Look at the render first; record on llvmpipe.
# Usage: tools/promote-goldens.sh NAME [NAME...]    (KILN_BUILD_DIR defaults to build-test)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${KILN_BUILD_DIR:-build-test}"
[ $# -gt 0 ] || { echo "usage: tools/promote-goldens.sh NAME [NAME...]" >&2; exit 2; }
for name in "$@"; do
    src="$build/test-output/golden/$name.render.png"
    [ -f "$src" ] || { echo "promote-goldens: $src not found (run the tests first)" >&2; exit 1; }
    cp "$src" "tests/golden/$name.png"
    echo "promoted $src -> tests/golden/$name.png"
done
