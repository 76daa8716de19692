#!/usr/bin/env bash
# Sets up (packages, configure, Release build) and launches Kilnfire windowed.
# Any arguments go to the program (see ./build/kilnfire --help), e.g. --scene placeholder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# The experience needs neither the tests nor the benchmarks: they build with ./tools/test.sh.
"$root/tools/setup.sh" build -DKILN_BUILD_TESTS=OFF -DKILN_BUILD_BENCHMARKS=OFF
headless=0
for a in "$@"; do
    [ "$a" = "--offscreen" ] && headless=1
done
if [ $headless -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "kilnfire: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so no window can open." >&2
    echo "kilnfire: run it headless instead, writing a picture of the last frame:" >&2
    echo "    ./tools/run.sh --offscreen --frames 60 --screenshot kilnfire.png" >&2
    echo "kilnfire: or in a virtual display: xvfb-run -a ./build/kilnfire" >&2
    exit 1
fi
exec "$root/build/kilnfire" "$@"
