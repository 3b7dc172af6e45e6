#!/usr/bin/env bash
# The benchmark in one command: end-to-end throughput, latency and memory of the
# pipeline beside this machine's raw RabbitMQ and PostgreSQL limits (issue 10).
#
#   deploy/local/bench.sh                 start/use the local stack, build release, run, print the report
#   deploy/local/bench.sh --history 1000000   issue 23: the pipeline and the read paths on the database as it
#                                         is, then seeded with that many cases of history
#                                         (Benchmarks/history), then both again; prints them side by side
#   deploy/local/bench.sh --rate 100      any wage-bench option (see --help): --duration, --saturation,
#                                         --raw-messages, --raw-seconds, --purge, --skip-raw, --skip-pipeline, --json
#
# It runs the router and the two workers the pipeline needs (wage-router,
# worker-hrss, worker-housing) as processes from a release build in
# .build-release/ (WAGE_BENCH_SCRATCH overrides), so they must not already be
# running on this stack (deploy/local/run.sh stop). The stack is the one of the
# other scripts: WAGE_LOCAL_DIR, WAGE_PG_PORT, WAGE_AMQP_PORT, WAGE_EPMD_PORT.
# The router-hop phase's trivial peer (Benchmarks/peer, Python) runs from a venv
# under $WAGE_LOCAL_DIR/venv with pika and psycopg from PyPI, made on first use.
# The benchmark's cases stay in the database (clue_ref bench-<run>-…, employer
# "wage-bench …"); use a separate WAGE_LOCAL_DIR to keep them apart.
# Results: printed, and written to $WAGE_LOCAL_DIR/bench/result.json; process logs
# in $WAGE_LOCAL_DIR/bench/logs/. docs/benchmark.md explains every figure.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL=${WAGE_LOCAL_DIR:-$REPO/.local}
SCRATCH=${WAGE_BENCH_SCRATCH:-$REPO/.build-release}
cd "$REPO"
say() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[bench] error:\033[0m %s\n' "$*" >&2; exit 1; }

HISTORY=
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) exec swift run -c release --scratch-path "$SCRATCH" wage-bench --help ;;
    --history) [ $# -ge 2 ] || die "--history needs a number of cases"; HISTORY=$2; shift 2 ;;
    --history=*) HISTORY=${1#--history=}; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[ -z "$HISTORY" ] || [[ "$HISTORY" =~ ^[0-9]+$ ]] || die "--history wants a number of cases, not '$HISTORY'"

say "starting (or checking) the local stack"
bash deploy/local/stack.sh up >&2 || die "the local stack did not start (see above)"
[ -s "$LOCAL/stack.env" ] || die "$LOCAL/stack.env is missing after stack.sh up"
command -v swift >/dev/null || die "swift not found on PATH (expected /opt/swift/usr/bin)"

say "building release products in $SCRATCH (the first build on 2 cores takes several minutes)"
PRODUCTS="wage-router worker-hrss worker-housing wage-bench"
[ -z "$HISTORY" ] || PRODUCTS="$PRODUCTS wagectl wage-console"
for product in $PRODUCTS; do
  say "  swift build -c release --product $product"
  if ! swift build -c release --scratch-path "$SCRATCH" --product "$product" >"$LOCAL/bench-build.log" 2>&1; then
    grep -E 'error:' "$LOCAL/bench-build.log" | head -20 >&2 || true
    die "the release build of $product failed; the whole output is in $LOCAL/bench-build.log"
  fi
  grep -E '^\[[0-9]+/[0-9]+\] Compiling [A-Za-z_]+ ' "$LOCAL/bench-build.log" | awk '{print $3}' | sort -u \
    | tr '\n' ' ' | sed 's/^\(.\)/    compiled: \1/' >&2 || true
  echo >&2
done
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
for product in $PRODUCTS; do
  [ -x "$BIN/$product" ] || die "$BIN/$product is missing after the build"
done

VENV="$LOCAL/venv"
if ! "$VENV/bin/python" -c 'import psycopg, pika' 2>/dev/null; then
  say "making the benchmark's Python venv in $VENV (psycopg, pika from PyPI)"
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q 'psycopg[binary]>=3.1' 'pika>=1.3' >&2 \
    || die "could not install psycopg and pika into $VENV"
fi

bench() {
  WAGE_BENCH_SWIFT="$(swift --version 2>/dev/null | head -1)" \
    "$BIN/wage-bench" --stack-env "$LOCAL/stack.env" --bin-dir "$BIN" \
    --duty-list "$REPO/deploy/duty-lists/2026-2.yaml" --peer-python "$VENV/bin/python" "$@"
}

if [ -z "$HISTORY" ]; then
  say "running wage-bench (about 2 minutes; progress below, the report at the end)"
  bench ${ARGS[@]+"${ARGS[@]}"}
  exit
fi

# --history N (issue 23): the same phases before and after seeding, in one run.
OUT="$LOCAL/bench/history"
mkdir -p "$OUT"
PY="$VENV/bin/python"
HIST="$REPO/Benchmarks/history"
say "history 1/4: the pipeline on the database as it is"
bench --skip-projects --json "$OUT/before.json" ${ARGS[@]+"${ARGS[@]}"} >"$OUT/before.txt"
say "history 2/4: read paths on the database as it is"
"$PY" "$HIST/readpath.py" --stack-env "$LOCAL/stack.env" --bin-dir "$BIN" --json "$OUT/readpath-before.json" >&2
say "history 3/4: seeding $HISTORY cases of history"
WAGE_DATABASE_URL= WAGE_LOCAL_DIR="$LOCAL" "$PY" "$HIST/seed_history.py" --cases "$HISTORY"
say "history 4/4: the pipeline and the read paths again, with the history"
bench --skip-projects --skip-raw --router-hop-messages 0 --json "$OUT/after.json" ${ARGS[@]+"${ARGS[@]}"} >"$OUT/after.txt"
"$PY" "$HIST/readpath.py" --stack-env "$LOCAL/stack.env" --bin-dir "$BIN" --json "$OUT/readpath-after.json" >&2
"$PY" "$HIST/compare.py" "$OUT"
