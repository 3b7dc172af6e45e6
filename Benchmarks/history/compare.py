#!/usr/bin/env python3
"""Prints deploy/local/bench.sh --history's figures side by side (issue 23):
the pipeline and the read paths before and after seeding, from DIR/before.json,
after.json (wage-bench) and readpath-before.json, readpath-after.json.

    compare.py DIR
"""
import json
import os
import sys

THROUGHPUT_GOAL = 0.9  # throughput with history ≥ 0.9 × without


def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def phase(result, name):
    return next((p for p in result.get("phases", []) if p["phase"] == name), None) if result else None


def first_fixed(result):
    return next((p for p in result.get("phases", []) if p["phase"].startswith("fixed")), None) if result else None


def pipeline_rows(before, after):
    rows = []
    sat_b, sat_a = phase(before, "saturation"), phase(after, "saturation")
    if sat_b and sat_a:
        ratio = sat_a["intakeMessagesPerSecond"] / max(sat_b["intakeMessagesPerSecond"], 0.001)
        rows.append(("saturation intake msg/s", f"{sat_b['intakeMessagesPerSecond']:,.0f}",
                     f"{sat_a['intakeMessagesPerSecond']:,.0f}", f"{ratio:.2f} (goal ≥ {THROUGHPUT_GOAL})"))
        cpu = lambda p: sum(p["cpuMillisPerCase"].values())
        rows.append(("CPU per case at saturation (ms)", f"{cpu(sat_b):.2f}", f"{cpu(sat_a):.2f}", ""))
        if sat_b.get("database") and sat_a.get("database"):
            for key, title in [("walKiBPerCase", "WAL KiB per case"), ("rowsWrittenPerCase", "rows written per case")]:
                rows.append((title, f"{sat_b['database'][key]:.1f}", f"{sat_a['database'][key]:.1f}", ""))
    fix_b, fix_a = first_fixed(before), first_fixed(after)
    if fix_b and fix_a and fix_b.get("latencyRegistered") and fix_a.get("latencyRegistered"):
        rows.append((f"p99 publish → registered at {fix_b['offeredCluesPerSecond'] * 3:.0f} msg/s (ms)",
                     f"{fix_b['latencyRegistered']['p99']:.1f}", f"{fix_a['latencyRegistered']['p99']:.1f}", "goal < 50"))
    for name in ["wage-router", "worker-hrss", "worker-housing"]:
        b, a = (before or {}).get("peakMemoryMiB", {}).get(name), (after or {}).get("peakMemoryMiB", {}).get(name)
        if b and a:
            rows.append((f"peak RSS {name} (MiB)", f"{b:.1f}", f"{a:.1f}", "goal < 64"))
    return rows


READS = [("case_list", "wagectl case list, housing's open cases, p99 ms", 50),
         ("case_show", "wagectl case show + timeline, p99 ms", 20),
         ("monthly_report", "monthly report (process), p99 ms", 2000),
         ("sweep_read", "sweep: lock every overdue open case, p99 ms", 5000)]
CONSOLE = [("work_list", "console work list GET /cases, p99 ms", 200),
           ("case_page", "console case page GET /cases/<id>, p99 ms", 100)]


def read_rows(before, after):
    rows = []
    for key, title, goal in READS:
        if before and after and key in before and key in after:
            rows.append((title, f"{before[key]['p99_ms']:.1f}", f"{after[key]['p99_ms']:.1f}",
                         f"goal < {goal}: {'yes' if after[key]['p99_ms'] < goal else 'NO'}"))
    for key, title, goal in CONSOLE:
        b, a = (before or {}).get("console", {}).get(key), (after or {}).get("console", {}).get(key)
        if b and a:
            rows.append((title, f"{b['p99_ms']:.1f}", f"{a['p99_ms']:.1f}",
                         f"goal < {goal}: {'yes' if a['p99_ms'] < goal else 'NO'}"))
    return rows


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "."
    before, after = load(directory, "before.json"), load(directory, "after.json")
    reads_b, reads_a = load(directory, "readpath-before.json"), load(directory, "readpath-after.json")
    size = lambda r: f"{r['database']['cases']:,} cases" if r else "?"
    header = ("figure", f"before ({size(reads_b)})", f"after ({size(reads_a)})", "after ÷ before / goal")
    rows = [header] + pipeline_rows(before, after) + read_rows(reads_b, reads_a)
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    print(f"\nhistory run: {(before or {}).get('run', '?')} (empty) and {(after or {}).get('run', '?')} (with history)")
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
