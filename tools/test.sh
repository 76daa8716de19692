#!/usr/bin/env bash
# Sets up (packages, configure, build with warnings as errors) and runs every CTest test
# (labels unit, gl, golden) headless on Mesa llvmpipe, ending with CTest's summary.
#   ./tools/test.sh              the normal test build (build-test/)
#   ./tools/test.sh --sanitize   the same tests under AddressSanitizer + UBSan (build-asan/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build=build-test
options=(-DKILN_WERROR=ON)
if [ "${1:-}" = "--sanitize" ]; then
    build=build-asan
    options+=(-DKILN_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo)
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
    export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fi
"$root/tools/setup.sh" "$build" "${options[@]}"
export KILN_REQUIRE_GL=1 SDL_VIDEODRIVER=offscreen LIBGL_ALWAYS_SOFTWARE=1
exec ctest --test-dir "$root/$build" --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
