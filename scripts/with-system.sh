#!/usr/bin/env bash
# Runs a command against a freshly started system: starts ./run.sh in the background (its output
# to $SYSTEM_LOG, default .data/system.log), waits for /health/ready, runs the command, stops the
# system and exits with the command's exit code (3 when the system did not come up).
#   scripts/with-system.sh ./loadtest.sh hot-event --quiet
# SILOS, API_PORT, DYNAMODB_STORAGE (default memory here) and other variables reach run.sh unchanged.
# The system serves load-tool runs here, a few buyers at thousands of requests per second, so the
# API's rate limits are off unless RateLimits__Enabled says otherwise (bench.sh, scaling.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${API_PORT:-8080}"
url="http://127.0.0.1:${port}"
ready_deadline_seconds=180
stop_deadline_seconds=60
system_log="${SYSTEM_LOG:-.data/system.log}"
mkdir -p "$(dirname "$system_log")"

echo "with-system: starting ./run.sh (SILOS=${SILOS:-default}, log: $system_log)" >&2
DYNAMODB_STORAGE="${DYNAMODB_STORAGE:-memory}" RateLimits__Enabled="${RateLimits__Enabled:-false}" ./run.sh >"$system_log" 2>&1 &
system_pid=$!

stop_system() {
  if kill -0 "$system_pid" 2>/dev/null; then
    kill -TERM "$system_pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$system_pid" 2>/dev/null && (( waited < stop_deadline_seconds )); do
      sleep 1
      waited=$((waited + 1))
    done
    if kill -0 "$system_pid" 2>/dev/null; then
      echo "with-system: run.sh did not stop within ${stop_deadline_seconds}s; killing it" >&2
      kill -KILL "$system_pid" 2>/dev/null || true
    fi
  fi
  wait "$system_pid" 2>/dev/null || true
}
trap stop_system EXIT
trap 'exit 130' INT TERM

deadline=$((SECONDS + ready_deadline_seconds))
until curl -fsS -o /dev/null --max-time 2 "$url/health/ready" 2>/dev/null; do
  if ! kill -0 "$system_pid" 2>/dev/null; then
    echo "with-system: run.sh exited before the API was ready; last lines of $system_log:" >&2
    tail -n 40 "$system_log" >&2 || true
    exit 3
  fi
  if (( SECONDS >= deadline )); then
    echo "with-system: $url/health/ready not 200 within ${ready_deadline_seconds}s; last lines of $system_log:" >&2
    tail -n 40 "$system_log" >&2 || true
    exit 3
  fi
  sleep 1
done
echo "with-system: system ready at $url" >&2

set +e
"$@"
rc=$?
set -e
stop_system
trap - EXIT
exit "$rc"
