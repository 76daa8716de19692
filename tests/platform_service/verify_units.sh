#!/usr/bin/env bash
# Checks the shipped systemd units (tools/systemd/) with `systemd-analyze verify`, which parses
# them as systemd would: unknown keys, bad values and unparsable calendar times are findings.
# verify also insists that ExecStart's program exists, so the units are checked from a copy in
# which /opt/kilnfire/bin/kilnfire is a stub. Any message naming one of our files fails the test;
# so do the few settings the program relies on (Type=notify for READY/WATCHDOG, and so on).
# Exit 77 (CTest: skipped) where systemd-analyze is not installed.
set -uo pipefail
units="$(cd "${1:?usage: verify_units.sh TOOLS_SYSTEMD_DIR}" && pwd)"
if ! command -v systemd-analyze >/dev/null; then
    echo "SKIP: systemd-analyze not installed (Debian package systemd)"
    exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$units"/*.service "$units"/*.target "$units"/*.timer "$work"/
printf '#!/bin/sh\nexit 0\n' >"$work/kilnfire-stub"
chmod +x "$work/kilnfire-stub"
sed -i "s|/opt/kilnfire/bin/kilnfire|$work/kilnfire-stub|g" "$work"/*.service
failed=0
cd "$work" || exit 1
# The template is checked through an instance name, as systemd would load it.
output="$(systemd-analyze verify --man=no ./kilnfire.service ./kilnfire@hall-a.service \
        ./kilnfire.target ./kilnfire-open.service ./kilnfire-close.service \
        ./kilnfire-open.timer ./kilnfire-close.timer 2>&1)"
status=$?
# Messages about units not ours (the host's own units) are not our business.
ours="$(printf '%s\n' "$output" | grep -E 'kilnfire' || true)"
if [ $status -ne 0 ] || [ -n "$ours" ]; then
    echo "FAIL: systemd-analyze verify (status $status):"
    printf '%s\n' "$output"
    failed=1
fi
# Settings the program and docs/installations.md rely on.
expect() { # FILE LINE
    if ! grep -qxF "$2" "$units/$1"; then
        echo "FAIL: $1 lacks '$2'"
        failed=1
    fi
}
for unit in kilnfire.service kilnfire@.service; do
    expect "$unit" "Type=notify"
    expect "$unit" "NotifyAccess=main"
    expect "$unit" "Restart=always"
    expect "$unit" "RestartSec=2"
    expect "$unit" "WatchdogSec=10"
    expect "$unit" "StartLimitIntervalSec=0"
    expect "$unit" "User=kilnfire"
    expect "$unit" "PartOf=kilnfire.target"
    expect "$unit" "WantedBy=kilnfire.target"
done
expect kilnfire.service "ExecStart=/opt/kilnfire/bin/kilnfire --config /etc/kilnfire/kiosk.json --fullscreen"
expect kilnfire@.service "ExecStart=/opt/kilnfire/bin/kilnfire --config /etc/kilnfire/%i.json --fullscreen"
# The timers' times parse, and name the services that exist.
for timer in kilnfire-open.timer kilnfire-close.timer; do
    spec="$(sed -n 's/^OnCalendar=//p' "$units/$timer")"
    if ! systemd-analyze calendar "$spec" >/dev/null 2>&1; then
        echo "FAIL: $timer: OnCalendar=$spec does not parse"
        failed=1
    fi
    expect "$timer" "Unit=${timer%.timer}.service"
done
[ $failed -eq 0 ] && echo "OK: units verify cleanly"
exit $failed
