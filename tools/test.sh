#!/usr/bin/env bash
# Sets up (packages, configure, build with warnings as errors) and runs every CTest test
# (labels unit, gl, golden; they include fuzz_replay.*, every fuzz regression input) headless on
# Mesa llvmpipe; then fuzzes every parser of outside input for a few seconds (tools/fuzz.sh:
# clang, libFuzzer, ASan + UBSan, build-fuzz/). Both stages always run; the exit status is
# non-zero if either failed, and a fuzzing failure prints the reproducer's path.
#   ./tools/test.sh              all of that (CI, .ci/run); docs/hardening.md has the times
#   ./tools/test.sh --sanitize   only the CTest tests, under ASan + UBSan (build-asan/)
# KILN_FUZZ_SECONDS: fuzzing time per target (default 12; nine targets two at a time, about
# 70 s); 0 skips the fuzzing stage.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build=build-test
options=(-DKILN_WERROR=ON)
sanitize=0
if [ "${1:-}" = "--sanitize" ]; then
    sanitize=1
    build=build-asan
    options+=(-DKILN_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo)
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
    export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fi
"$root/tools/setup.sh" "$build" "${options[@]}"
export KILN_REQUIRE_GL=1 SDL_VIDEODRIVER=offscreen LIBGL_ALWAYS_SOFTWARE=1
jobs="$(nproc 2>/dev/null || echo 2)"
if [ "$sanitize" = 1 ]; then
    exec ctest --test-dir "$root/$build" --output-on-failure -j "$jobs"
fi

failed=()
ctest --test-dir "$root/$build" --output-on-failure -j "$jobs" || failed+=("ctest ($build)")

seconds="${KILN_FUZZ_SECONDS:-12}"
if [ "$seconds" != 0 ]; then
    echo
    echo "=== kilnfire test: fuzzing, ${seconds}s per target (build-fuzz/, docs/hardening.md) ==="
    if "$root/tools/fuzz.sh" build; then
        "$root/tools/fuzz.sh" run "$seconds" || failed+=("fuzzing")
    else
        failed+=("fuzzing build (build-fuzz)")
    fi
fi

echo
if [ ${#failed[@]} -gt 0 ]; then
    printf 'kilnfire test: FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "kilnfire test: every stage passed"
