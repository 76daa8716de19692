#!/usr/bin/env bash
# Installs Kilnfire on a Debian 12 PC that boots straight into the experience and heals itself
# (docs/installations.md, "Running unattended"): the program and its data under /opt/kilnfire, the
# installation files under /etc/kilnfire, the systemd units of tools/systemd/, a "kilnfire" user
# logged in automatically on tty1 into a bare X session. Works offline; installs no packages.
#
# As root, from a checkout with a Release build (./tools/run.sh or cmake --build build):
#   tools/systemd/install-kiosk.sh --config docs/installations/kiosk.json
#       one kiosk: /etc/kilnfire/kiosk.json, kilnfire.service
#   tools/systemd/install-kiosk.sh --instance hall-a=hall-a.json --instance hall-b=hall-b.json
#       an exhibition: /etc/kilnfire/hall-a.json ..., kilnfire@hall-a.service ...
# Options:
#   --build DIR      the build folder holding kilnfire and generated/ (default: build)
#   --hours          enable the opening-hours timers (kilnfire-open/close.timer)
#   --no-autologin   leave tty1 and the user's session files alone (a display manager is used)
#   --root DIR       lay the files out under DIR only: no user, no systemctl, no checks that
#                    need the target machine (for tests and for preparing disk images)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
checkout="$(cd "$here/../.." && pwd)"
build="$checkout/build"
root=""
hours=0
autologin=1
single_config=""
instances=()
user=kilnfire
prefix=/opt/kilnfire

die() {
    echo "install-kiosk: $*" >&2
    exit 1
}

while [ $# -gt 0 ]; do
    case "$1" in
        --config) single_config="${2:?--config needs a file}"; shift 2 ;;
        --instance) instances+=("${2:?--instance needs NAME=FILE}"); shift 2 ;;
        --build) build="${2:?--build needs a folder}"; shift 2 ;;
        --root) root="${2:?--root needs a folder}"; shift 2 ;;
        --hours) hours=1; shift ;;
        --no-autologin) autologin=0; shift ;;
        -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done

[ -n "$single_config" ] || [ ${#instances[@]} -gt 0 ] || die "give --config FILE or --instance NAME=FILE"
[ -z "$root" ] && [ "$(id -u)" -ne 0 ] && die "run as root (or with --root DIR to stage files)"
[ -x "$build/kilnfire" ] || die "$build/kilnfire not found: build first (./tools/run.sh --help)"
for pair in "${instances[@]}"; do
    name="${pair%%=*}"
    file="${pair#*=}"
    [ "$name" != "$pair" ] || die "--instance $pair: expected NAME=FILE"
    [[ "$name" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "instance name '$name': use a-z, 0-9 and '-'"
    [ -f "$file" ] || die "--instance $name: no file $file"
done
[ -z "$single_config" ] || [ -f "$single_config" ] || die "--config: no file $single_config"

home="$root/home/$user"
etc="$root/etc"
units="$etc/systemd/system"
share="$root$prefix/share"

# [SECTION] Program and data (read-only for the kiosk user)
install -d "$root$prefix/bin" "$share" "$share/docs"
install -m 755 "$build/kilnfire" "$root$prefix/bin/kilnfire"
for dir in assets shaders scenes; do
    rm -rf "${share:?}/$dir"
    cp -r "$checkout/$dir" "$share/$dir"
done
if [ -d "$build/generated" ]; then
    rm -rf "${share:?}/generated"
    cp -r "$build/generated" "$share/generated"
fi
install -m 644 "$checkout/docs/installations.md" "$share/docs/installations.md"

# [SECTION] Installation files: never overwritten, a technician may have edited them
install -d -m 755 "$etc/kilnfire"
put_config() { # NAME FILE
    local target="$etc/kilnfire/$1.json"
    if [ -e "$target" ] && ! cmp -s "$2" "$target"; then
        install -m 640 "$2" "$target.new"
        echo "install-kiosk: kept $target (edited here?); the new one is $target.new"
    else
        install -m 640 "$2" "$target"
    fi
}
enable_units=()
if [ -n "$single_config" ]; then
    put_config kiosk "$single_config"
    enable_units+=(kilnfire.service)
fi
for pair in "${instances[@]}"; do
    put_config "${pair%%=*}" "${pair#*=}"
    enable_units+=("kilnfire@${pair%%=*}.service")
done

# [SECTION] systemd units
install -d "$units"
for unit in kilnfire.service kilnfire@.service kilnfire.target kilnfire-open.service \
        kilnfire-close.service kilnfire-open.timer kilnfire-close.timer; do
    install -m 644 "$here/$unit" "$units/$unit"
done
if [ $autologin -eq 1 ]; then
    install -d "$units/getty@tty1.service.d"
    install -m 644 "$here/getty@tty1.service.d/autologin.conf" \
            "$units/getty@tty1.service.d/autologin.conf"
    install -d "$home"
    install -m 644 "$here/session/bash_profile" "$home/.bash_profile"
    install -m 755 "$here/session/xinitrc" "$home/.xinitrc"
fi

if [ -n "$root" ]; then
    echo "install-kiosk: staged under $root (units to enable: kilnfire.target ${enable_units[*]})"
    exit 0
fi

# [SECTION] On the kiosk itself: the user, permissions, checks, enabling
if ! id "$user" >/dev/null 2>&1; then
    adduser --disabled-password --gecos "Kilnfire kiosk" "$user"
fi
for group in video render audio; do
    getent group "$group" >/dev/null || groupadd --system "$group"
    usermod -aG "$group" "$user"
done
chown -R "$user:$user" "$home"
# The PIN hash is in the installation files: readable by the kiosk user only (and root).
chgrp "$user" "$etc"/kilnfire/*.json*
for unit in "${enable_units[@]}"; do
    name=kiosk
    [[ "$unit" == kilnfire@* ]] && name="${unit#kilnfire@}" && name="${name%.service}"
    # The program validates the file before it opens anything (exit 1 with every finding).
    if ! KILNFIRE_DATA_DIR="$share" KILNFIRE_GENERATED_DIR="$share/generated" \
            runuser -u "$user" -- "$prefix/bin/kilnfire" --config "$etc/kilnfire/$name.json" \
            --check-scenes >/dev/null; then
        die "/etc/kilnfire/$name.json does not validate (messages above); nothing enabled"
    fi
done
for cmd in startx xset xsetroot; do
    command -v "$cmd" >/dev/null || echo "install-kiosk: warning: $cmd missing" \
            "(apt-get install xinit x11-xserver-utils xserver-xorg-core)"
done
systemctl daemon-reload
systemctl enable kilnfire.target "${enable_units[@]}"
if [ $hours -eq 1 ]; then
    systemctl enable --now kilnfire-open.timer kilnfire-close.timer
fi
echo "install-kiosk: done. Reboot, or start now with: systemctl start kilnfire.target"
echo "install-kiosk: logs: journalctl -u 'kilnfire*' -f"
