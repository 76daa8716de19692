#!/usr/bin/env bash
# Load-to-first-frame of a ~50 MB glTF, Kilnfire beside F3D (Debian's f3d, a peer viewer), on
# this machine's GL (llvmpipe without a GPU). Makes the file with make_scan_glb.py (not
# committed), then times each program RUNS times, alternating, from process start to exit
# after the first frame is written to a PNG (both: headless, 1280x720, one frame): wall time,
# and CPU time (user + sys of the process and its children), which a loaded machine disturbs
# less. Prints every run and the median of each. Kilnfire also logs its own start-to-frame.
# F3D 1.3 (VTK) needs an X display even for --output (without one it crashes), so it runs
# under xvfb-run; the cost of xvfb-run alone (`xvfb-run true`) is measured each run and
# subtracted from F3D's wall and CPU times.
# Usage: tools/bench_load/compare_f3d.sh [BUILD_DIR (build)] [RUNS (5)]
# (KILNFIRE_COMPARE_FILE=path.glb uses that file instead of making one; KILNFIRE_BASELINE=DIR
# also times DIR/kilnfire, an earlier build, in every round, for a before/after in the same
# minutes, and checks that its picture has the same pixels (png_diff.py). The load average is
# printed before and after: the machine is shared.)
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
runs="${2:-5}"
kilnfire="$build/kilnfire"
[ -x "$kilnfire" ] || { echo "compare_f3d: $kilnfire not found (build it first)" >&2; exit 1; }
baseline="${KILNFIRE_BASELINE:+$KILNFIRE_BASELINE/kilnfire}"
if [ -n "$baseline" ] && [ ! -x "$baseline" ]; then
    echo "compare_f3d: $baseline not found" >&2
    exit 1
fi
command -v f3d >/dev/null || { echo "compare_f3d: f3d not installed (apt-get install f3d)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${KILNFIRE_COMPARE_FILE:-}" ]; then
    ln -s "$(realpath "$KILNFIRE_COMPARE_FILE")" "$work/scan.glb"
else
    python3 tools/bench_load/make_scan_glb.py "$work/scan.glb"
fi
export LIBGL_ALWAYS_SOFTWARE=1

# Runs a command; prints "WALL CPU" in seconds.
timed() {
    /usr/bin/time -o "$work/time.txt" -f '%e %U %S' "$@" >"$work/out.log" 2>&1 || true
    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time.txt"
}
xvfb=(xvfb-run -a -s "-screen 0 1920x1080x24") # /usr/bin/time needs a program, not a function
median() { sort -n | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); if (NR % 2) printf "%.2f", v[m]; else printf "%.2f", (v[m] + v[m + 1]) / 2 }'; }

cat "$work/scan.glb" >/dev/null # warm the page cache, so neither pays the first read
: >"$work/k"
: >"$work/f"
: >"$work/b"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
for i in $(seq "$runs"); do
    if [ -n "$baseline" ]; then
        read -r bw bc < <(SDL_VIDEODRIVER=offscreen timed "$baseline" --model "$work/scan.glb" \
            --offscreen --no-ui --frames 1 --size 1280x720 --screenshot "$work/baseline.png")
        echo "run $i: baseline ${bw} s wall, ${bc} s CPU"
        echo "$bw $bc" >>"$work/b"
    fi
    read -r kw kc < <(SDL_VIDEODRIVER=offscreen timed "$kilnfire" --model "$work/scan.glb" \
        --offscreen --no-ui --frames 1 --size 1280x720 --screenshot "$work/kilnfire.png")
    own=$(grep -o 'first frame finished [0-9]* ms' "$work/out.log" | grep -o '[0-9]*' || true)
    read -r fw fc < <(timed "${xvfb[@]}" f3d --output="$work/f3d.png" --resolution=1280,720 "$work/scan.glb")
    read -r xw xc < <(timed "${xvfb[@]}" true)
    fw=$(awk -v a="$fw" -v b="$xw" 'BEGIN { printf "%.3f", a - b }')
    fc=$(awk -v a="$fc" -v b="$xc" 'BEGIN { printf "%.3f", a - b }')
    echo "run $i: kilnfire ${kw} s wall, ${kc} s CPU (its log: first frame ${own:-?} ms);" \
        "f3d ${fw} s wall, ${fc} s CPU (xvfb-run alone: ${xw} s, ${xc} s subtracted)"
    echo "$kw $kc" >>"$work/k"
    echo "$fw $fc" >>"$work/f"
done
[ -s "$work/kilnfire.png" ] || echo "compare_f3d: kilnfire wrote no image" >&2
[ -s "$work/f3d.png" ] || echo "compare_f3d: f3d wrote no image" >&2
echo "file: $(du -m "$(realpath "$work/scan.glb")" | cut -f1) MB; medians of $runs runs, process start to exit after the first frame"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
if [ -n "$baseline" ]; then
    echo "baseline: $(cut -d' ' -f1 "$work/b" | median) s wall, $(cut -d' ' -f2 "$work/b" | median) s CPU ($baseline)"
    # Pixels, not bytes: the PNG encoder may differ between the builds.
    if ! same=$(python3 tools/bench_load/png_diff.py "$work/baseline.png" "$work/kilnfire.png"); then
        echo "compare_f3d: the baseline's picture differs from $kilnfire's: $same" >&2
    else
        echo "pictures: the same pixels ($same)"
    fi
fi
echo "kilnfire: $(cut -d' ' -f1 "$work/k" | median) s wall, $(cut -d' ' -f2 "$work/k" | median) s CPU"
echo "f3d:      $(cut -d' ' -f1 "$work/f" | median) s wall, $(cut -d' ' -f2 "$work/f" | median) s CPU"
