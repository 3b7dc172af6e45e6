#!/usr/bin/env bash
# Runs the whole system on this machine: the local stack (RabbitMQ, PostgreSQL,
# broker definitions, migrations), then the router and every department worker
# as background processes, then a short demo through the running system.
#
#   deploy/local/run.sh            start everything (safe to run again) and run the demo
#   deploy/local/run.sh start      start everything, no demo
#   deploy/local/run.sh start-processes   only the router, workers and console, against the
#                                  servers $WAGE_LOCAL_DIR/stack.env names (cluster.sh uses it);
#                                  builds only what is missing
#   deploy/local/run.sh status     which processes run
#   deploy/local/run.sh stop       stop the router and workers (SIGTERM: graceful)
#   deploy/local/run.sh logs NAME  follow one process's log (e.g. worker-hrss)
#
# Processes log to .local/logs/NAME.log; their pids are in .local/run/NAME.pid;
# metrics are written to .local/metrics/NAME.prom every few seconds. Each process
# also serves /healthz, /readyz and /metrics on its own port: WAGE_HTTP_URL_<PROCESS>
# in .local/stack.env (docs/operations.md).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL=${WAGE_LOCAL_DIR:-$REPO/.local}
cd "$REPO"
say() { printf '\033[1m[run]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[run] error:\033[0m %s\n' "$*" >&2; exit 1; }

# name|executable and arguments
PROCESSES=(
  "wage-router|wage-router --duty-list deploy/duty-lists/2026-2.yaml"
  "worker-hrss|worker-hrss"
  "worker-housing|worker-housing --as housing"
  "worker-transport|worker-housing --as transport"
  "worker-water|worker-housing --as water"
  "worker-agriculture|worker-housing --as agriculture"
  "worker-market|worker-housing --as market"
  "worker-police|worker-police"
  "worker-petitions|worker-petitions"
  "worker-justice|worker-justice"
  "worker-finance|worker-finance"
  "wage-console|wage-console --port ${WAGE_CONSOLE_PORT:-8080}"
)

pid_of() { local f="$LOCAL/run/$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"; }

PRODUCTS="wage-router wagectl wage-console worker-hrss worker-housing worker-police worker-petitions worker-justice worker-finance"

start_all() {
  bash deploy/local/stack.sh up
  start_processes build
}

# $1 = build: build every product first; else only when one is missing
start_processes() {
  [ -s "$LOCAL/stack.env" ] || die "$LOCAL/stack.env is missing (deploy/local/stack.sh up or cluster.sh up writes it)"
  command -v swift >/dev/null || die "swift not found on PATH (expected /opt/swift/usr/bin)"
  local bin; bin=$(swift build --show-bin-path)
  local product build=${1:-}
  for product in $PRODUCTS; do [ -x "$bin/$product" ] || build=build; done
  if [ "$build" = build ]; then
    say "building (the first build on 2 cores takes a few minutes)"
    for product in $PRODUCTS; do
      swift build --product "$product" 2>&1 | grep -E 'error' | grep -v '^\[' || true
    done
  fi
  [ -x "$bin/wage-router" ] || die "build failed: $bin/wage-router is missing (run 'swift build' to see why)"
  mkdir -p "$LOCAL/logs" "$LOCAL/run" "$LOCAL/metrics"
  local entry name cmd
  for entry in "${PROCESSES[@]}"; do
    name=${entry%%|*}; cmd=${entry#*|}
    if pid=$(pid_of "$name"); then say "$name already running (pid $pid)"; continue; fi
    read -r -a parts <<<"$cmd"
    WAGE_STACK_ENV="$LOCAL/stack.env" WAGE_METRICS_DIR="$LOCAL/metrics" \
      nohup "$bin/${parts[0]}" "${parts[@]:1}" >>"$LOCAL/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$LOCAL/run/$name.pid"
    say "started $name (pid $!, log ${LOCAL#"$REPO"/}/logs/$name.log)"
  done
  sleep 2
  for entry in "${PROCESSES[@]}"; do
    name=${entry%%|*}
    pid_of "$name" >/dev/null || die "$name exited at start; see $LOCAL/logs/$name.log"
  done
  say "router and ${#PROCESSES[@]} processes are running; stop them with: deploy/local/run.sh stop"
}

stop_all() {
  local entry name pid
  for entry in "${PROCESSES[@]}"; do
    name=${entry%%|*}
    if pid=$(pid_of "$name"); then kill -TERM "$pid"; say "stopping $name (pid $pid)"; fi
  done
  for _ in $(seq 1 50); do
    local alive=0
    for entry in "${PROCESSES[@]}"; do pid_of "${entry%%|*}" >/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.2
  done
  rm -f "$LOCAL/run/"*.pid
}

status_all() {
  local entry name
  for entry in "${PROCESSES[@]}"; do
    name=${entry%%|*}
    if pid=$(pid_of "$name"); then say "$name: running (pid $pid)"; else say "$name: stopped"; fi
  done
}

case "${1:-up}" in
  up)
    start_all
    bin=$(swift build --show-bin-path)
    say "running the demo (wagectl demo)"
    WAGE_STACK_ENV="$LOCAL/stack.env" "$bin/wagectl" demo || die "the demo failed (see above); logs are in $LOCAL/logs/"
    ;;
  start) start_all ;;
  start-processes) start_processes ;;
  stop) stop_all ;;
  status) status_all ;;
  logs) tail -f "$LOCAL/logs/${2:?name, e.g. worker-hrss}.log" ;;
  *) die "unknown command '$1' (up, start, start-processes, stop, status, logs NAME)" ;;
esac
