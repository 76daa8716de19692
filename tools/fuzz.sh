#!/usr/bin/env bash
# The fuzzing build and runs (docs/hardening.md). clang 14 with libFuzzer, ASan and UBSan.
#   tools/fuzz.sh build                  configure and build build-fuzz/ (the fuzz targets only)
#   tools/fuzz.sh build-tests            build everything else in build-fuzz/ too (the program,
#                                        the tools, the benchmarks and the tests, all under
#                                        ASan + UBSan): tools/test.sh's build
#   tools/fuzz.sh run [SECONDS] [NAME..] fuzz each target (all by default) for SECONDS (default
#                                        60) each, two at a time; non-zero exit and the
#                                        reproducer's path on any crash, leak, hang, OOM or
#                                        sanitizer report
#   tools/fuzz.sh replay                 run every regression input and seed once through the
#                                        libFuzzer binaries
#   tools/fuzz.sh seeds                  rebuild tests/fuzz/corpus/ from the project's real files
#   tools/fuzz.sh list                   the target names
# Corpora that runs grow are kept in build-fuzz/corpus/<name>/ (not committed); crashes go to
# build-fuzz/artifacts/<name>/. Environment: KILN_FUZZ_BUILD (default build-fuzz),
# KILN_FUZZ_JOBS (parallel targets, default the number of cores), KILN_FUZZ_SEED (libFuzzer's
# -seed; unset: a new random seed each run. The test command sets 1, so that CI explores the
# same mutations on every run and a failure there is reproducible; a longer campaign without it
# explores new ground each time).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/${KILN_FUZZ_BUILD:-build-fuzz}"
fuzz="$root/tests/fuzz"
targets=(scene content firing_data installation_config model_gltf model_glb model_obj model_ply
    model_stl model_fbx)
jobs="${KILN_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# The dictionary of each target (libFuzzer's -dict), if it has one.
dict_of() {
    case "$1" in
        model_gltf | model_glb) echo "$fuzz/dict/gltf.dict" ;;
        model_obj) echo "$fuzz/dict/obj.dict" ;;
        model_ply) echo "$fuzz/dict/ply.dict" ;;
        model_stl) echo "$fuzz/dict/stl.dict" ;;
        model_fbx) echo "$fuzz/dict/fbx.dict" ;;
        *) echo "$fuzz/dict/json.dict" ;;
    esac
}

sanitizer_env() {
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1:allocator_may_return_null=0"
    export LSAN_OPTIONS="suppressions=$fuzz/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    export KILNFIRE_DATA_DIR="$root"
}

cmd_build() {
    if ! command -v clang++ >/dev/null 2>&1; then
        echo "kilnfire fuzz: clang++ is missing (Debian package clang)" >&2
        exit 1
    fi
    # Configured every time (a no-op when nothing changed), so an older build-fuzz/ gets the
    # options too. Warnings are errors here as in every build the test command makes; the
    # benchmarks are built so that the test command compiles every target of the project.
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
        -DKILN_FUZZ=ON -DKILN_WERROR=ON -DKILN_BUILD_BENCHMARKS=ON >/dev/null
    cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target kiln_fuzzers
}

cmd_build_tests() {
    cmd_build
    cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)"
}

# run_one NAME SECONDS: one fuzzing session; prints one line, and the report on failure.
run_one() {
    local name="$1" seconds="$2"
    local work="$build/corpus/$name" artifacts="$build/artifacts/$name" log="$build/logs/$name.log"
    mkdir -p "$work" "$artifacts" "$(dirname "$log")"
    rm -f "$artifacts"/* # only this run's findings are reported
    local seeds=("$fuzz/corpus/$name")
    [ -d "$fuzz/regressions/$name" ] && seeds+=("$fuzz/regressions/$name")
    # -timeout: one input running 20 s is a hang (the kiosk would freeze); -rss_limit_mb: the
    # precheck must stop lying headers before a huge allocation; -max_len: the real files fit.
    # Scratch files (tests/fuzz/fuzz_support.h) in tmpfs, removed after the run.
    local tmp=/tmp scratch status=0 seed=()
    [ -n "${KILN_FUZZ_SEED:-}" ] && seed=(-seed="$KILN_FUZZ_SEED")
    [ -d /dev/shm ] && [ -w /dev/shm ] && tmp=/dev/shm
    scratch="$(mktemp -d "$tmp/kilnfire-fuzz-$name.XXXXXX")"
    KILN_FUZZ_SCRATCH="$scratch" "$build/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=20 \
        -rss_limit_mb=2560 -max_len=65536 -dict="$(dict_of "$name")" -artifact_prefix="$artifacts/" \
        -print_final_stats=1 "${seed[@]}" "$work" "${seeds[@]}" >"$log" 2>&1 || status=$?
    rm -rf "$scratch"
    if [ "$status" = 0 ]; then
        echo "fuzz $name: clean, $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
            grep -o '[0-9]*$' || echo '?') runs in ${seconds}s"
        return 0
    fi
    echo "fuzz $name: FAILED (log: $log)" >&2
    grep -E "^==[0-9]+==ERROR|SUMMARY:|runtime error:|ALARM|out-of-memory|Test unit written to" \
        "$log" >&2 || tail -n 30 "$log" >&2
    for f in "$artifacts"/*; do
        [ -f "$f" ] && echo "fuzz $name: reproducer: $f (replay: $build/fuzz/fuzz_$name $f)" >&2
    done
    return 1
}

cmd_run() {
    local seconds="${1:-60}"
    shift || true
    local names=("$@")
    [ ${#names[@]} -gt 0 ] || names=("${targets[@]}")
    sanitizer_env
    export -f run_one dict_of
    export build fuzz
    # Each session in its own process; xargs exits 123 if any failed.
    if printf '%s\n' "${names[@]}" | xargs -P "$jobs" -I{} bash -c "run_one {} $seconds"; then
        echo "kilnfire fuzz: ${#names[@]} targets, ${seconds}s each: no crash"
        return 0
    fi
    echo "kilnfire fuzz: a target failed; keep its reproducer in tests/fuzz/regressions/<name>/" >&2
    return 1
}

cmd_replay() {
    sanitizer_env
    local failed=0
    for name in "${targets[@]}"; do
        local inputs=()
        mapfile -t inputs < <(find "$fuzz/regressions/$name" "$fuzz/corpus/$name" -type f \
            2>/dev/null | sort)
        [ ${#inputs[@]} -gt 0 ] || continue
        local scratch
        scratch="$(mktemp -d)"
        if KILN_FUZZ_SCRATCH="$scratch" "$build/fuzz/fuzz_$name" -rss_limit_mb=2560 -timeout=20 \
            "${inputs[@]}" >"$build/replay-$name.log" 2>&1; then
            echo "replay $name: ${#inputs[@]} inputs clean"
        else
            echo "replay $name: FAILED (log: $build/replay-$name.log)" >&2
            grep -E "^Running:|SUMMARY:|runtime error:" "$build/replay-$name.log" | tail -n 3 >&2
            failed=1
        fi
        rm -rf "$scratch"
    done
    return "$failed"
}

# Seeds from the project's real files (and, for glTF, the CC0 Khronos samples in ../shared).
cmd_seeds() {
    local corpus="$fuzz/corpus"
    rm -rf "$corpus"/{scene,content,firing_data,installation_config,model_*}
    mkdir -p "$corpus"/{scene,content,firing_data,installation_config}
    for f in "$root"/scenes/*/scene.json; do
        cp "$f" "$corpus/scene/$(basename "$(dirname "$f")").json"
    done
    cp "$root"/tests/data/scenes/*.json "$corpus/scene/"
    # Content: the first byte picks the file (kSlots in content_fuzz.cpp, in this order).
    local slots=(manifest.json model.json glossary.json ui_strings.json scenes/placeholder.json
        scenes/egg_kiln.json scenes/dragon_kiln.json scenes/gourd_kiln.json
        scenes/mantou_kiln.json scenes/imperial_factory.json scenes/taoxichuan.json)
    for i in "${!slots[@]}"; do
        # shellcheck disable=SC2059 # the format is the slot byte itself
        { printf "\\x$(printf %02x "$i")"; cat "$root/assets/content/${slots[$i]}"; } \
            >"$corpus/content/$(printf %02d "$i")_$(basename "${slots[$i]}")"
    done
    cp "$root"/assets/firings/*.json "$root"/tests/sim/data/*.json "$corpus/firing_data/"
    # The Orton chart is reference data beside the checkout, not in it: its first rows suffice.
    local orton="$root/../shared/reference/orton_cones.csv"
    [ -f "$orton" ] && head -n 4 "$orton" >"$corpus/firing_data/orton_cones_excerpt.csv"
    cp "$root"/docs/installations/*.json "$corpus/installation_config/"
    for f in "$root"/tests/installation/data/*.json; do
        cp "$f" "$corpus/installation_config/test_$(basename "$f")"
    done
    for format in gltf glb obj ply stl fbx; do
        mkdir -p "$corpus/model_$format"
        for f in "$root"/tests/data/models/*."$format" "$root"/tests/data/models/assimp/*."$format"; do
            [ -f "$f" ] || continue
            # deep_nesting.gltf (200 kB) is past -max_len; the importer tests keep it.
            [ "$(stat -c %s "$f")" -le 65536 ] && cp "$f" "$corpus/model_$format/"
        done
    done
    local khronos="$root/../shared/testdata/gltf"
    for m in Triangle TriangleWithoutIndices SimpleMeshes Cameras AnimatedTriangle; do
        [ -f "$khronos/$m.gltf" ] && cp "$khronos/$m.gltf" "$corpus/model_gltf/khronos_$m.gltf"
    done
    find "$corpus" -type f | wc -l | xargs echo "kilnfire fuzz: seed files:"
}

case "${1:-}" in
    build) cmd_build ;;
    run)
        shift
        cmd_run "$@"
        ;;
    replay) cmd_replay ;;
    seeds) cmd_seeds ;;
    build-tests) cmd_build_tests ;;
    list) printf '%s\n' "${targets[@]}" ;;
    *)
        sed -n '2,20p' "$0" >&2
        exit 2
        ;;
esac
