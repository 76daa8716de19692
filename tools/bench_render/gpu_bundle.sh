#!/usr/bin/env bash
# Real-GPU figures for docs/performance.md on a lent device machine that has an NVIDIA driver
# (libEGL_nvidia) but neither Mesa nor SDL2 (the one lent in session 4 ran Ubuntu 24.04).
#   tools/bench_render/gpu_bundle.sh make [BUILD_DIR]   here: copy kilnfire, bench_render, the
#       generated sites and every shared library they need except glibc and libstdc++ (the
#       device's newer ones serve), plus glvnd's libEGL/libGL dispatchers, into build-gpu/
#       (about 50 MB; ignored by git, carried to the device)
#   tools/bench_render/gpu_bundle.sh run                on the device, from the repository root:
#       start-to-first-frame, every scene's frame time at 1280x720 and 1920x1080 (60 frames),
#       BM_Frame and BM_SiteFrame, and two screenshots to look at; results in $OUT
set -euo pipefail
cd "$(dirname "$0")/../.."
g=build-gpu
case "${1:-}" in
make)
    build="${2:-build}"
    rm -rf "$g" && mkdir -p "$g/lib"
    cp "$build/kilnfire" "$build/tools/bench_render/bench_render" "$g/"
    cp -r "$build/generated/sites" "$g/sites"
    for b in "$g/kilnfire" "$g/bench_render"; do ldd "$b" | awk '$3 ~ /^\// { print $3 }'; done |
        sort -u | grep -v -E '/(libc|libm|libpthread|libdl|librt)\.so|ld-linux|libstdc\+\+|libgcc_s' |
        xargs -I{} cp -L {} "$g/lib/"
    for l in libEGL.so.1 libGL.so.1 libGLX.so.0 libGLdispatch.so.0 libOpenGL.so.0; do
        cp -L "/usr/lib/x86_64-linux-gnu/$l" "$g/lib/"
    done
    strip "$g/kilnfire" "$g/bench_render"
    du -sh "$g"
    ;;
run)
    export LD_LIBRARY_PATH="$PWD/$g/lib" KILNFIRE_GENERATED_DIR="$PWD/$g" KILNFIRE_DATA_DIR="$PWD"
    export SDL_VIDEODRIVER=offscreen
    o="${OUT:-/tmp}"
    # glvnd's libEGL is carried; the NVIDIA vendor library is wherever the driver put it.
    nv=$(find / -xdev \( -name 'libEGL_nvidia.so.0' -o -name 'libGLX_nvidia.so.0' \) 2>/dev/null | head -1 || true)
    [ -n "$nv" ] && export LD_LIBRARY_PATH="$LD_LIBRARY_PATH:$(dirname "$nv")"
    { nvidia-smi --query-gpu=name,driver_version --format=csv; nproc; head -1 /etc/os-release; } >"$o/probe.txt" 2>&1
    for i in 1 2 3 4; do
        /usr/bin/time -f "start_to_exit_s %e rc %x" "$g/kilnfire" --offscreen --frames 1 2>&1 |
            grep -E "first frame|start_to_exit"
    done >"$o/start.txt"
    for size in 1280x720 1920x1080; do
        for s in placeholder egg_kiln dragon_kiln gourd_kiln mantou_kiln imperial_factory taoxichuan; do
            echo "$s $size $(timeout 60 "$g/kilnfire" --scene "$s" --offscreen --frames 62 --size "$size" \
                --report-frame-times 2>&1 | grep -E "engine CPU|GPU memory|open in" | tr '\n' ' ')"
        done
    done >"$o/scenes.txt" 2>&1
    "$g/kilnfire" --offscreen --frames 1 --screenshot "$o/placeholder.png" >/dev/null 2>&1 || true
    "$g/kilnfire" --scene egg_kiln --offscreen --frames 3 --cutaway --screenshot "$o/egg_cutaway.png" \
        >/dev/null 2>&1 || true
    timeout 200 "$g/bench_render" --benchmark_filter='BM_Frame|BM_SiteFrame' --benchmark_repetitions=3 \
        --benchmark_report_aggregates_only=true >"$o/bench.txt" 2>&1 || true
    cat "$o/probe.txt" "$o/start.txt" "$o/scenes.txt"
    grep median "$o/bench.txt" || true
    ;;
*)
    sed -n '2,11p' "$0" >&2
    exit 2
    ;;
esac
