#!/usr/bin/env python3
"""Compares two builds of firesim on the five firing schedules and the two cone ramps.

Runs each firesim (every minute, with --wares) on the same pinned data and prints, per run, the
largest difference between the two builds in every kind of column (temperatures in K, O2/CO in
percentage points, heatwork relative, cone index, Fe2+ fraction, wood burnt, air, draft), the
atmosphere labels that differ, and whether the summary's ware outcomes and the ramp's cones
are the same. Exit status 1 if an outcome, a cone, or a temperature (by more than --max-temp-k)
differs. Used for the numerical speed-ups of issue #5 (docs/simulation.md section 4):

  tools/bench_sim/compare_csv.py --base /tmp/base/build/tools/firesim/firesim \
      --new build-sim/tools/firesim/firesim --data /tmp/simspeed-data --out /tmp/simspeed-cmp

--data is a folder holding assets/ (KILNFIRE_DATA_DIR): pin a copy so both builds read the same.
"""
import argparse
import csv
import os
import re
import subprocess
import sys

SCHEDULES = [
    "egg_kiln_traditional",
    "egg_kiln_reduction",
    "dragon_kiln_traditional",
    "gourd_kiln_traditional",
    "mantou_kiln_traditional",
]
# The cone-calibration ramps (C/h) and how far they go (C).
RAMPS = [(60, 1400), (150, 1400)]


def kind_of(column):
    """Groups a CSV column by what it holds, for the per-kind maxima."""
    if column.endswith("_atmosphere"):
        return "label_atmosphere"
    if column.endswith("_cone") or column == "cone":
        return "label_cone_down"  # the name of the last cone down ("none" before the first)
    if column.endswith("_C"):
        return "temperature_K"
    if column.endswith("_pct"):
        return "gas_pct_points"
    if column.endswith("_heatwork") or column == "heatwork_ref_s":
        return "heatwork_relative"
    if column == "cone_index":
        return "cone_index"
    if column.endswith("_fe2"):
        return "fe2_fraction"
    return column  # time_h, feed_kg_per_h, wood_burnt_kg, air_kg_per_s, draft_Pa


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def compare_csv(base_path, new_path):
    """Returns ({kind: (largest difference, column, time_h)}, {label kind: cells differing},
    problems)."""
    head_a, rows_a = read_csv(base_path)
    head_b, rows_b = read_csv(new_path)
    problems = []
    if head_a != head_b:
        problems.append("columns differ")
        return {}, {}, problems
    if len(rows_a) != len(rows_b):
        problems.append(f"row counts differ: {len(rows_a)} vs {len(rows_b)}")
    worst = {}
    labels = {}
    for ra, rb in zip(rows_a, rows_b):
        for col, a, b in zip(head_a, ra, rb):
            kind = kind_of(col)
            if kind.startswith("label"):
                if a != b:
                    labels[kind] = labels.get(kind, 0) + 1
                    if labels[kind] <= 3:
                        problems.append(f"label {col} at {ra[0]} h: {a} vs {b}")
                continue
            x, y = float(a), float(b)
            if kind == "heatwork_relative":
                d = abs(x - y) / max(abs(x), abs(y)) if max(abs(x), abs(y)) > 0 else 0.0
            else:
                d = abs(x - y)
            if d > worst.get(kind, (-1.0,))[0]:
                worst[kind] = (d, col, ra[0])
    return worst, labels, problems


def ware_lines(summary):
    """The per-placement lines of --wares and the wares count line."""
    keep = []
    for line in summary.splitlines():
        if line.startswith("wares:") or re.match(r"^\d+ (upper|lower) ", line):
            keep.append(line)
    return keep


def outcome_of(line):
    # row position "name" glaze cone (+f) fe2 outcome colour
    after_name = line.rsplit('"', 1)[1].split()
    return " ".join(line.split()[:2]) + " " + after_name[-2]


def print_differences(a, b):
    for la, lb in zip(a, b):
        if la != lb:
            print(f"    {la}  vs  {lb}")


def run(binary, args, data, csv_path):
    env = dict(os.environ, KILNFIRE_DATA_DIR=data)
    out = subprocess.run([binary] + args + ["--csv", csv_path], env=env, cwd=data,
                         capture_output=True, text=True, check=True)
    return out.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="firesim of the reference build")
    ap.add_argument("--new", required=True, help="firesim of the build under test")
    ap.add_argument("--data", required=True, help="folder holding assets/ (pinned copy)")
    ap.add_argument("--out", required=True, help="folder for the CSVs and summaries")
    ap.add_argument("--max-temp-k", type=float, default=0.5)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    failed = False
    cases = [(s, ["--schedule", f"assets/firings/{s}.json", "--every", "1", "--wares"])
             for s in SCHEDULES]
    cases += [(f"ramp_{r}", ["--ramp", str(r), "--to", str(t)]) for r, t in RAMPS]
    for name, args in cases:
        outs = []
        for tag, binary in (("base", a.base), ("new", a.new)):
            path = os.path.join(a.out, f"{name}.{tag}.csv")
            text = run(os.path.abspath(binary), args, a.data, path)
            with open(os.path.join(a.out, f"{name}.{tag}.txt"), "w") as f:
                f.write(text)
            outs.append((path, text))
        worst, labels, problems = compare_csv(outs[0][0], outs[1][0])
        print(f"== {name}")
        for kind in sorted(worst):
            d, col, t = worst[kind]
            print(f"  {kind:18s} {d:.3g}  ({col} at {t} h)")
        for kind in ("label_atmosphere", "label_cone_down"):
            print(f"  {kind:18s} {labels.get(kind, 0)} cells differ")
        for p in problems:
            print(f"  {p}")
        if name.startswith("ramp_"):
            ca = [l for l in outs[0][1].splitlines() if l.startswith("cone ")]
            cb = [l for l in outs[1][1].splitlines() if l.startswith("cone ")]
            same_names = [l.split(":")[0] for l in ca] == [l.split(":")[0] for l in cb]
            print(f"  cones bent: {len(ca)} vs {len(cb)}, same cones: {same_names}")
            if not same_names:
                failed = True
            print_differences(ca, cb)
        else:
            wa, wb = ware_lines(outs[0][1]), ware_lines(outs[1][1])
            oa = [outcome_of(l) for l in wa if not l.startswith("wares:")]
            ob = [outcome_of(l) for l in wb if not l.startswith("wares:")]
            same = oa == ob and len(oa) > 0
            print(f"  ware outcomes ({len(oa)} pieces) the same: {same}")
            if not same:
                failed = True
                print_differences(oa, ob)
            sa = [l for l in outs[0][1].splitlines() if not re.match(r"^\d+ (upper|lower) ", l)]
            sb = [l for l in outs[1][1].splitlines() if not re.match(r"^\d+ (upper|lower) ", l)]
            for la, lb in zip(sa, sb):
                if la != lb and not la.startswith("csv:"):
                    print(f"    summary: {la}\n         vs  {lb}")
        t = worst.get("temperature_K")
        if problems and any(not p.startswith("label") for p in problems):
            failed = True
        if t and t[0] >= a.max_temp_k:
            failed = True
    print("FAILED" if failed else "OK: outcomes and cones the same, temperatures within "
          f"{a.max_temp_k} K")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
