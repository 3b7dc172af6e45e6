#!/usr/bin/env bash
# The benchmark in one command: end-to-end throughput, latency and memory of the
# pipeline beside this machine's raw RabbitMQ and PostgreSQL limits (issue 10).
#
#   deploy/local/bench.sh                 start/use the local stack, build release, run, print the report
#   deploy/local/bench.sh --rate 100      any wage-bench option (see --help): --duration, --saturation,
#                                         --raw-messages, --raw-seconds, --purge, --skip-raw, --skip-pipeline, --json
#
# It runs the router and the two workers the pipeline needs (wage-router,
# worker-hrss, worker-housing) as processes from a release build in
# .build-release/ (WAGE_BENCH_SCRATCH overrides), so they must not already be
# running on this stack (deploy/local/run.sh stop). The stack is the one of the
# other scripts: WAGE_LOCAL_DIR, WAGE_PG_PORT, WAGE_AMQP_PORT, WAGE_EPMD_PORT.
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

for arg in "$@"; do
  case "$arg" in -h|--help) exec swift run -c release --scratch-path "$SCRATCH" wage-bench --help ;; esac
done

say "starting (or checking) the local stack"
bash deploy/local/stack.sh up >&2 || die "the local stack did not start (see above)"
[ -s "$LOCAL/stack.env" ] || die "$LOCAL/stack.env is missing after stack.sh up"
command -v swift >/dev/null || die "swift not found on PATH (expected /opt/swift/usr/bin)"

say "building release products in $SCRATCH (the first build on 2 cores takes several minutes)"
for product in wage-router worker-hrss worker-housing wage-bench; do
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
for product in wage-router worker-hrss worker-housing wage-bench; do
  [ -x "$BIN/$product" ] || die "$BIN/$product is missing after the build"
done

say "running wage-bench (about 2 minutes; progress below, the report at the end)"
WAGE_BENCH_SWIFT="$(swift --version 2>/dev/null | head -1)" \
  "$BIN/wage-bench" --stack-env "$LOCAL/stack.env" --bin-dir "$BIN" \
  --duty-list "$REPO/deploy/duty-lists/2026-2.yaml" "$@"
