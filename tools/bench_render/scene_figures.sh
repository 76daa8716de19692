#!/usr/bin/env bash
# Frame times, GPU memory and peak resident memory of every scene (the six sites and the
# placeholder) at 1280x720 and 1920x1080, as docs/performance.md reports them. Per scene and
# size: `kilnfire --report-frame-times` over FRAMES frames (mean after two warm-up frames, each
# finished with glFinish: engine CPU and total wall ms), the process's CPU time per frame (all
# threads, llvmpipe's rasteriser threads included: the difference between that run and a
# 2-frame run, divided by the extra frames; steadier than wall time on a loaded machine), the
# renderer's GPU memory and the process's peak RSS (GNU time).
# Usage: tools/bench_render/scene_figures.sh [BUILD_DIR (build)] [FRAMES (12)] [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
frames="${2:-12}"
shift $(( $# > 2 ? 2 : $# ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x720 1920x1080)
exe="$build/kilnfire"
[ -x "$exe" ] || { echo "scene_figures: $exe not found (build it first)" >&2; exit 1; }
export SDL_VIDEODRIVER=offscreen LIBGL_ALWAYS_SOFTWARE=1
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Runs kilnfire; leaves its output in $log and prints its user+sys CPU seconds.
run() {
    /usr/bin/time -f 'cpu_s %U %S rss_kb %M' "$exe" --scene "$1" --offscreen --frames "$2" \
        --size "$3" --report-frame-times >"$log" 2>&1 || true
    awk '/^cpu_s/ { print $2 + $3 }' "$log"
}
printf '%-17s %-9s %8s %9s %6s %12s %6s %8s %8s\n' scene size cpu_ms total_ms fps \
    proc_cpu_ms draws gpu_MiB rss_MiB
for size in "${sizes[@]}"; do
    for scene in placeholder egg_kiln dragon_kiln gourd_kiln mantou_kiln imperial_factory taoxichuan; do
        base=$(run "$scene" 2 "$size")
        full=$(run "$scene" "$frames" "$size")
        perFrame=$(awk -v a="$base" -v b="$full" -v n="$((frames - 2))" \
            'BEGIN { printf "%.0f", (b - a) * 1000 / n }')
        line=$(grep -m1 'engine CPU' "$log" || true)
        cpu=$(sed -n 's/.*engine CPU \([0-9.]*\) ms.*/\1/p' <<<"$line")
        total=$(sed -n 's/.*total \([0-9.]*\) ms.*/\1/p' <<<"$line")
        fps=$(sed -n 's/.*(\([0-9.]*\) fps).*/\1/p' <<<"$line")
        draws=$(grep -m1 -o 'draw calls [0-9]*' "$log" | grep -o '[0-9]*' || true)
        gpu=$(grep -m1 -o 'GPU memory [0-9.]* MiB' "$log" | grep -o '[0-9.]*' || true)
        rss=$(awk '/^cpu_s/ { printf "%.0f", $5 / 1024 }' "$log")
        printf '%-17s %-9s %8s %9s %6s %12s %6s %8s %8s\n' "$scene" "$size" "${cpu:-?}" \
            "${total:-?}" "${fps:-?}" "$perFrame" "${draws:-?}" "${gpu:-?}" "${rss:-?}"
    done
done
