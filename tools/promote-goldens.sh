#!/usr/bin/env bash
# Promotes reviewed golden images: copies <build>/test-output/golden/NAME.actual.png over
# tests/golden/NAME.png. Look at the actual and diff images first; record goldens on llvmpipe.
# Usage: tools/promote-goldens.sh NAME [NAME...]    (KILN_BUILD_DIR defaults to build-test)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${KILN_BUILD_DIR:-build-test}"
[ $# -gt 0 ] || { echo "usage: tools/promote-goldens.sh NAME [NAME...]" >&2; exit 2; }
for name in "$@"; do
    src="$build/test-output/golden/$name.actual.png"
    [ -f "$src" ] || { echo "promote-goldens: $src not found (run the tests first)" >&2; exit 1; }
    cp "$src" "tests/golden/$name.png"
    echo "promoted $src -> tests/golden/$name.png"
done
