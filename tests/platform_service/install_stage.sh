#!/usr/bin/env bash
# Runs tools/systemd/install-kiosk.sh --root into a temporary folder (no root rights, nothing
# touched outside it) and checks the layout the units expect; also that bad arguments are refused.
set -uo pipefail
script="${1:?usage: install_stage.sh INSTALL_SCRIPT}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/build"
printf '#!/bin/sh\nexit 0\n' >"$work/build/kilnfire"
chmod +x "$work/build/kilnfire"
printf '{"mode": "kiosk"}\n' >"$work/a.json"
failed=0
fail() {
    echo "FAIL: $*"
    failed=1
}
"$script" --root "$work/root" --build "$work/build" --instance hall-a="$work/a.json" \
        --instance hall-b="$work/a.json" --hours >"$work/log" 2>&1 || fail "staging: $(cat "$work/log")"
for f in opt/kilnfire/bin/kilnfire opt/kilnfire/share/shaders opt/kilnfire/share/scenes \
        opt/kilnfire/share/assets opt/kilnfire/share/docs/installations.md \
        etc/kilnfire/hall-a.json etc/kilnfire/hall-b.json \
        etc/systemd/system/kilnfire@.service etc/systemd/system/kilnfire.service \
        etc/systemd/system/kilnfire.target etc/systemd/system/kilnfire-open.timer \
        etc/systemd/system/kilnfire-close.timer etc/systemd/system/kilnfire-open.service \
        etc/systemd/system/kilnfire-close.service \
        etc/systemd/system/getty@tty1.service.d/autologin.conf \
        home/kilnfire/.bash_profile home/kilnfire/.xinitrc; do
    [ -e "$work/root/$f" ] || fail "missing $f"
done
[ -x "$work/root/home/kilnfire/.xinitrc" ] || fail ".xinitrc not executable"
grep -q "kilnfire@hall-a.service kilnfire@hall-b.service" "$work/log" || fail "units to enable: $(cat "$work/log")"
# An edited installation file is kept; the new one lands beside it.
echo '{"edited": true}' >"$work/root/etc/kilnfire/hall-a.json"
"$script" --root "$work/root" --build "$work/build" --instance hall-a="$work/a.json" >/dev/null 2>&1
grep -q edited "$work/root/etc/kilnfire/hall-a.json" || fail "an edited config was overwritten"
[ -e "$work/root/etc/kilnfire/hall-a.json.new" ] || fail "no hall-a.json.new beside the kept file"
# Refusals.
"$script" --root "$work/r2" --build "$work/build" >/dev/null 2>&1 && fail "no config accepted"
"$script" --root "$work/r2" --build "$work/build" --instance "Hall A=$work/a.json" >/dev/null 2>&1 &&
        fail "instance name with a space accepted"
"$script" --root "$work/r2" --build "$work/nowhere" --config "$work/a.json" >/dev/null 2>&1 &&
        fail "missing build accepted"
[ $failed -eq 0 ] && echo "OK: staged install has the expected layout"
exit $failed
