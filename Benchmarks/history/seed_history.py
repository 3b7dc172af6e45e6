#!/usr/bin/env python3
"""Seeds years of county history into the stack's database (issue 23).

    seed_history.py --cases 1000000 [--years 3] [--batch 5000] [--database-url URL]

Cases hist-00000000 … up to --cases, with their timelines (about 20 rows per
case), routing log, inbox, outbox and department ledger rows, spread over
--years before now with the mixes of mix.py. Each batch is one transaction, so
an interrupted run resumes where it stopped: the next run seeds only the cases
still missing. Progress on stderr. Connects as wage_admin (the owner; row-level
security does not apply) from --database-url, else WAGE_DATABASE_URL, else the
stack's stack.env.
"""
import argparse
import os
import sys
import time

import psycopg

import seed_sql

# The timeline's foreign keys are checked row by row (two lookups per row, about
# 40 % of the seeding time): they are dropped while seeding and added back at the
# end with one validating scan. A run that was interrupted adds them back first.
TIMELINE_KEYS = {
    "case_events_case_id_fkey": "FOREIGN KEY (case_id) REFERENCES wage.cases(case_id)",
    "case_events_department_fkey": "FOREIGN KEY (department) REFERENCES wage.principals(code)",
}

TABLES = ["cases", "case_events", "routing_log", "inbox", "outbox", "department_cases"]


def stack_url():
    if os.environ.get("WAGE_DATABASE_URL"):
        return os.environ["WAGE_DATABASE_URL"]
    local = os.environ.get("WAGE_LOCAL_DIR") or os.path.join(os.path.dirname(__file__), "../../.local")
    with open(os.path.join(local, "stack.env"), encoding="utf-8") as env:
        for line in env:
            if line.startswith("WAGE_DATABASE_URL="):
                return line.split("=", 1)[1].strip()
    raise SystemExit("seed_history: no WAGE_DATABASE_URL and none in stack.env (start the stack)")


def bar(done, total, started, rows, width=30):
    """One progress line: bar, cases, rows, rate and time left."""
    share = done / total if total else 1
    elapsed = time.monotonic() - started
    left = elapsed / share - elapsed if share > 0 else 0
    filled = int(share * width)
    return (f"\r[seed] [{'#' * filled}{'-' * (width - filled)}] {share * 100:5.1f}% {done:,}/{total:,} cases, "
            f"{rows:,} rows, {rows / elapsed if elapsed else 0:,.0f} rows/s, {elapsed:5.0f} s, ~{left:4.0f} s left ")


def seeded(db):
    """How many hist cases exist (they are numbered from 0 without gaps: one batch, one transaction)."""
    row = db.execute("SELECT max(clue_ref) FROM wage.cases WHERE clue_ref LIKE 'hist-%%'").fetchone()
    return 0 if row[0] is None else int(row[0][len("hist-"):]) + 1


def restore_keys(db):
    """Adds back every missing timeline key (NOT VALID, then one VALIDATE scan)."""
    present = {row[0] for row in db.execute(
        "SELECT conname FROM pg_constraint WHERE conrelid = 'wage.case_events'::regclass AND contype = 'f'")}
    for name, definition in TIMELINE_KEYS.items():
        if name not in present:
            db.execute(f"ALTER TABLE wage.case_events ADD CONSTRAINT {name} {definition} NOT VALID")
            db.execute(f"ALTER TABLE wage.case_events VALIDATE CONSTRAINT {name}")
    db.commit()


def suspend_keys(db):
    for name in TIMELINE_KEYS:
        db.execute(f"ALTER TABLE wage.case_events DROP CONSTRAINT IF EXISTS {name}")
    db.commit()


def seed(db, statements, start, args, end, duty, started):
    """Seeds cases start… in batches, one transaction each; returns the rows written."""
    print(f"[seed] seeding cases {start:,}…{args.cases - 1:,} over {args.years:g} years before {end:%Y-%m-%d}",
          file=sys.stderr)
    rows = 0
    for lo in range(start, args.cases, args.batch):
        params = {"lo": lo, "hi": min(lo + args.batch, args.cases), "n": args.cases, "end": end, "duty": duty}
        with db.transaction():
            for sql in statements:
                rows += db.execute(sql, params).rowcount
        sys.stderr.write(bar(params["hi"] - start, args.cases - start, started, rows))
        sys.stderr.flush()
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--years", type=float, default=3)
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    if args.cases < 1 or args.batch < 1 or args.years <= 0:
        parser.error("--cases, --batch and --years must be positive")

    with psycopg.connect(args.database_url or stack_url(), application_name="wage-seed-history") as db:
        db.execute("SET synchronous_commit = off")  # seeding only: a crash loses at most the last batches, which resume
        duty = db.execute("SELECT version FROM wage.duty_lists ORDER BY in_force DESC, loaded_at LIMIT 1").fetchone()
        if duty is None:
            raise SystemExit("seed_history: no duty list loaded yet (run the router once, or wagectl duty-list load)")
        restore_keys(db)
        start = seeded(db)
        db.commit()
        if start >= args.cases:
            print(f"[seed] {start:,} hist cases already there, nothing to do", file=sys.stderr)
            return
        end = db.execute("SELECT now()").fetchone()[0]
        db.commit()
        statements = [seed_sql.cases(args.years), seed_sql.timeline(), seed_sql.routing_log(), seed_sql.inbox(),
                      seed_sql.outbox(), seed_sql.ledger()]
        db.execute(seed_sql.BATCH_TABLE)
        db.commit()
        started, rows, todo = time.monotonic(), 0, args.cases - start
        suspend_keys(db)
        try:
            rows = seed(db, statements, start, args, end, duty[0], started)
        finally:
            db.rollback()
            sys.stderr.write("\n[seed] adding back the timeline's foreign keys (one validating scan)\n")
            restore_keys(db)
        sys.stderr.write("[seed] vacuuming and analysing the tables (statistics, and the visibility map index-only scans need)\n")
        db.autocommit = True
        for table in TABLES:
            db.execute(f"VACUUM (ANALYZE) wage.{table}")
        elapsed = time.monotonic() - started
        print(f"[seed] {todo:,} cases and {rows:,} rows in {elapsed:.1f} s ({rows / elapsed:,.0f} rows/s)",
              file=sys.stderr)


if __name__ == "__main__":
    main()
