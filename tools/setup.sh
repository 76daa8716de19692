#!/usr/bin/env bash
# Installs the Debian packages Kilnfire needs (tools/debian-packages.txt, the only list), then
# configures and builds incrementally. Used by run.sh and test.sh; idempotent: a second call
# installs nothing and rebuilds only what changed.
# Usage: tools/setup.sh BUILD_DIR [extra cmake -D options...]
#        tools/setup.sh --packages-only      (the packages, no build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:?usage: tools/setup.sh BUILD_DIR [cmake options]}"
shift

mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$root/tools/debian-packages.txt" | grep -v '^$')
missing=()
for p in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    install=(apt-get install -y --no-install-recommends "${missing[@]}")
    if [ "$(id -u)" -eq 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo=(sudo)
    else
        echo "kilnfire setup: these Debian packages are missing: ${missing[*]}" >&2
        echo "kilnfire setup: install them as root, then run this command again:" >&2
        echo "    sudo ${install[*]}" >&2
        exit 1
    fi
    echo "kilnfire setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! "${sudo[@]}" "${install[@]}"; then
        "${sudo[@]}" apt-get update
        "${sudo[@]}" "${install[@]}"
    fi
fi

[ "$build" = "--packages-only" ] && exit 0

jobs="$(nproc 2>/dev/null || echo 2)"
if [ ! -f "$root/$build/CMakeCache.txt" ] || [ $# -gt 0 ]; then
    cmake -S "$root" -B "$root/$build" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
fi
cmake --build "$root/$build" -j "$jobs"
