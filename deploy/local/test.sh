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
set +e
browser_status=0
# The staff console in a real browser (issue 20): Debian's chromium and its driver,
# Selenium from PyPI in a venv under .local, against the running system. They run
# first, on the database as the stack left it: the work list pages show their cases.
if [ $# -eq 0 ] || [ "${WAGE_BROWSER_TESTS:-}" = 1 ]; then
  say "browser tests: installing chromium, chromium-driver, fonts-noto-cjk and Selenium (cached after the first run)"
  browser_status=0
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    apt-get install -y --no-install-recommends --no-upgrade chromium chromium-driver fonts-noto-cjk >"$LOCAL/apt-browser.log" 2>&1 \
      || { say "installing chromium failed (see $LOCAL/apt-browser.log)"; browser_status=1; }
  fi
  venv="$LOCAL/browser-venv"
  if [ $browser_status -eq 0 ] && ! "$venv/bin/python" -c 'import selenium' 2>/dev/null; then
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q selenium; } || { say "installing Selenium failed"; browser_status=1; }
  fi
  if [ $browser_status -eq 0 ]; then
    export WAGE_CONSOLE_PORT=${WAGE_CONSOLE_PORT:-8080}
    bash deploy/local/run.sh start >"$LOCAL/browser-run.log" 2>&1 || { say "starting the system failed (see $LOCAL/browser-run.log)"; browser_status=1; }
  fi
  if [ $browser_status -eq 0 ]; then
    WAGECTL="$(swift build --show-bin-path)/wagectl" WAGE_SCREENSHOTS="${WAGE_SCREENSHOTS:-$LOCAL}" \
      timeout 600 "$venv/bin/python" Tests/browser/run_browser_tests.py 2>&1 | tee -a "$LOCAL/test.log"
    browser_status=${PIPESTATUS[0]}
    bash deploy/local/run.sh stop >/dev/null 2>&1 || true
  fi
  [ $browser_status -eq 0 ] || say "browser tests failed"
fi
say "running tests"
if [ $# -gt 0 ]; then
  swift test --skip-build --filter "$1" 2>&1 | tee "$LOCAL/test.log"
else
  swift test --skip-build 2>&1 | tee "$LOCAL/test.log"
fi
status=${PIPESTATUS[0]}
[ "$browser_status" -eq 0 ] || { say "the browser tests failed (above)"; [ "$status" -eq 0 ] && status=1; }

say "finished in $(( $(date +%s) - start )) s with exit code $status"
exit "$status"
