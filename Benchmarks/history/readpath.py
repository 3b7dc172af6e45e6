#!/usr/bin/env python3
"""Read-path timings on the stack's database (issue 23, issue 20's console speed).

    readpath.py --stack-env .local/stack.env --bin-dir .build-release/release [--requests 200] [--json OUT]

Each figure runs the statements the real command runs, with the principal's own
database role, N times on one open connection (so a figure is the statements'
time, not a process start; the wagectl process is timed too, for comparison):

- case list: `wagectl case list --department housing --open` (Sources/WageCtlKit/Views/CaseViews.swift), as housing;
- case show: `wagectl case show <case no>` (CaseLookup + timeline + related views, Views/CaseShow.swift), as hrss,
  on random seeded cases;
- monthly report: the `wagectl report monthly --as hrss` process for the last full month (once per repetition);
- sweep: the office sweep's locking read of every overdue open case (CaseStore.lockOverdue), as hrss, rolled back;
- console: wage-console started on a spare port, a housing clerk logged in over HTTP, GET /cases (the work list)
  and GET /cases/<id> (a case page).
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time

import psycopg

import console_probe

OPEN = "('registered','transferred','accepted','returned','task_force','leader_package')"
TODAY = "(now() AT TIME ZONE 'Asia/Shanghai')::date"

CASE_LIST = f"""
SELECT case_id::text AS case_id, case_no, status, assignee, risk_level, due_on, sector, workers_count,
       amount_owed, employer_name, opened_at,
       coalesce(due_on < {TODAY} AND status IN {OPEN}, false) AS overdue
FROM wage.case_overview WHERE assignee = $1 AND status IN {OPEN}
ORDER BY due_on NULLS LAST, opened_at DESC LIMIT 50"""  # CaseListCommand.order(onlyOpen: true)

CASE_FIND = f"""
SELECT case_id::text AS case_id, case_no, channel, clue_ref, sector, status, assignee, risk_level, due_on,
       workers_count, amount_owed, opened_at, closed_at, origin, employer_name, project_name, escalated_on,
       leader, leader_department, disposition, amount_paid, workers_paid, resolved_at,
       coalesce(due_on < {TODAY} AND status IN {OPEN}, false) AS overdue
FROM wage.case_overview WHERE case_no = $1"""  # CaseLookup.condition(for:) of a case number

CASE_TIMELINE = "SELECT seq, at, department, event, detail FROM wage.case_timeline WHERE case_id = $1::uuid ORDER BY seq"

CASE_RELATED = [
    "SELECT referral_no, status, received_at, decide_by, police_case_no, missing FROM wage.referral_overview WHERE case_id = $1::uuid ORDER BY received_at",
    "SELECT request_no, amount, status, outstanding, disbursed_at, approver FROM wage.fund_overview WHERE case_id = $1::uuid ORDER BY requested_at",
    "SELECT application_no, status, provider_id, provider_name, received_at, assigned_at FROM wage.legal_aid_overview WHERE case_id = $1 ORDER BY received_at",
    "SELECT petition_no, petitioners, collective, status, received_at FROM wage.petition_overview WHERE case_id = $1::uuid",
]

SWEEP = """
SELECT case_id FROM wage.cases
WHERE status IN ('transferred', 'accepted', 'returned', 'task_force', 'leader_package')
  AND due_on < $1::date AND NOT (status = 'leader_package' AND discipline_supervision)
ORDER BY case_id FOR NO KEY UPDATE"""


def load_env(path):
    env = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line and not line.startswith("#"):
                key, value = line.rstrip("\n").split("=", 1)
                env[key] = value
    return env


def summary(samples_ms):
    """p50, p99 and max of timings in ms."""
    ordered = sorted(samples_ms)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    return {"n": len(ordered), "p50_ms": round(at(0.5), 2), "p99_ms": round(at(0.99), 2),
            "max_ms": round(ordered[-1], 2), "mean_ms": round(statistics.fmean(ordered), 2)}


def timed(fn, count):
    samples = []
    for _ in range(count):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return summary(samples)


def run(db, sql, *params):
    """Runs a statement written with the Swift code's $n placeholders (psycopg's %(pn)s), returns its rows."""
    for n in range(9, 0, -1):
        sql = sql.replace(f"${n}", f"%(p{n})s")
    return db.execute(sql, {f"p{n}": value for n, value in enumerate(params, 1)}).fetchall()


def measure(args):
    env = load_env(args.stack_env)
    out = {}
    with psycopg.connect(env["WAGE_DATABASE_URL"]) as admin:
        counts = admin.execute("""SELECT (SELECT count(*) FROM wage.cases), (SELECT count(*) FROM wage.case_events),
            (SELECT count(*) FROM wage.cases WHERE status NOT IN ('resolved', 'closed'))""").fetchone()
        out["database"] = {"cases": counts[0], "timeline_rows": counts[1], "open_cases": counts[2]}
        numbers = [r[0] for r in admin.execute(
            "SELECT case_no FROM wage.cases TABLESAMPLE SYSTEM (1) WHERE assignee = 'housing' LIMIT 2000").fetchall()] or \
            [r[0] for r in admin.execute("SELECT case_no FROM wage.cases WHERE assignee = 'housing' LIMIT 200").fetchall()]
    print(f"[readpath] database: {out['database']}", file=sys.stderr)
    with psycopg.connect(env["WAGE_DATABASE_URL_HOUSING"], prepare_threshold=0) as housing:
        out["case_list"] = timed(lambda: run(housing, CASE_LIST, "housing"), args.requests)
    with psycopg.connect(env["WAGE_DATABASE_URL_HRSS"], prepare_threshold=0) as hrss:
        def show():
            row = run(hrss, CASE_FIND, random.choice(numbers))[0]
            run(hrss, CASE_TIMELINE, row[0])
            for sql in CASE_RELATED:
                run(hrss, sql, row[0])
        out["case_show"] = timed(show, args.requests)
        def sweep():
            with hrss.transaction(force_rollback=True):
                run(hrss, SWEEP, time.strftime("%Y-%m-%d"))
        out["sweep_read"] = timed(sweep, args.sweeps)
        out["sweep_read"]["overdue_cases"] = len(run(hrss, SWEEP.replace(" FOR NO KEY UPDATE", ""),
                                                               time.strftime("%Y-%m-%d")))
    wagectl = os.path.join(args.bin_dir, "wagectl")
    last_month = time.strftime("%Y-%m", time.gmtime(time.time() - 31 * 86400))
    report = lambda: subprocess.run([wagectl, "report", "monthly", "--as", "hrss", "--stack-env", args.stack_env,
                                     "--month", last_month, "--json"], check=True, capture_output=True)
    out["monthly_report"] = timed(report, args.reports)
    out["monthly_report"]["month"] = last_month
    process = lambda: subprocess.run([wagectl, "case", "list", "--as", "housing", "--department", "housing", "--open",
                                      "--stack-env", args.stack_env, "--json"], check=True, capture_output=True)
    out["case_list_process"] = timed(process, args.processes)
    if not args.skip_console:
        out["console"] = console_probe.measure(env, args, random.sample(numbers, min(len(numbers), 50)))
    return out


def render(out):
    rows = [("wagectl case list (housing's open cases; statements)", "case_list", "p99 < 50 ms"),
            ("wagectl case list (whole process, for comparison)", "case_list_process", ""),
            ("wagectl case show with timeline (statements)", "case_show", "p99 < 20 ms"),
            ("monthly report (wagectl process)", "monthly_report", "< 2 s"),
            ("sweep: lock every overdue open case", "sweep_read", "< 5 s")]
    lines = [f"database: {out['database']['cases']:,} cases, {out['database']['timeline_rows']:,} timeline rows, "
             f"{out['database']['open_cases']:,} open", "", f"{'read path':58} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9}  target"]
    for title, key, target in rows:
        s = out[key]
        lines.append(f"{title:58} {s['p50_ms']:9.1f} {s['p99_ms']:9.1f} {s['max_ms']:9.1f}  {target}")
    for key, title, target in [("work_list", "console work list GET /cases (housing)", "p99 < 200 ms"),
                               ("case_page", "console case page GET /cases/<id>", "p99 < 100 ms")]:
        if key in out.get("console", {}):
            s = out["console"][key]
            lines.append(f"{title:58} {s['p50_ms']:9.1f} {s['p99_ms']:9.1f} {s['max_ms']:9.1f}  {target}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stack-env", required=True)
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--sweeps", type=int, default=5)
    parser.add_argument("--reports", type=int, default=3)
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--console-port", type=int, default=int(os.environ.get("WAGE_BENCH_CONSOLE_PORT", "0")))
    parser.add_argument("--skip-console", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()
    out = measure(args)
    print(render(out))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
