#!/usr/bin/env bash
# Runs the whole test suite on this machine: starts the local stack (installing
# RabbitMQ and PostgreSQL with apt-get if missing), builds, and runs every test
# target (unit tests and integration tests against the real servers).
#
#   deploy/local/test.sh            everything
#   deploy/local/test.sh FILTER     only tests matching FILTER (swift test --filter)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
say() { printf '\033[1m[test]\033[0m %s\n' "$*"; }

start=$(date +%s)
bash deploy/local/stack.sh up
command -v swift >/dev/null || { echo "swift not found on PATH (expected /opt/swift/usr/bin)"; exit 1; }

say "checking that every module declares what it imports"
python3 deploy/local/check-imports.py || exit 1
say "checking that the image build copies every folder Package.swift declares"
python3 deploy/local/check-dockerfile.py || exit 1

say "building (first build on 2 cores takes a few minutes)"
set +e
swift build --build-tests 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Write|Linking|Planning|Applying)' || true; }
build_status=${PIPESTATUS[0]}
set -e
[ "$build_status" -eq 0 ] || { say "build failed (exit $build_status)"; exit 1; }

LOCAL=${WAGE_LOCAL_DIR:-$REPO/.local}
export WAGE_STACK_ENV="$LOCAL/stack.env"
export WAGE_REPO="$REPO"
say "running tests"
set +e
if [ $# -gt 0 ]; then
  swift test --skip-build --filter "$1" 2>&1 | tee "$LOCAL/test.log"
else
  swift test --skip-build 2>&1 | tee "$LOCAL/test.log"
fi
status=${PIPESTATUS[0]}
say "finished in $(( $(date +%s) - start )) s with exit code $status"
exit "$status"
