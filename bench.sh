#!/usr/bin/env bash
# Benchmark: start the system (./run.sh), wait until ready, run the load tool's `all` scenario
# (ceiling, then hot-event), stop the system, and print the tool's summary as the last line.
#   ./bench.sh [load tool options]        e.g. ./bench.sh --duration 60 --buyers 512
# The default mix sustains the target's 30 s on a 50,000-seat event: 2 % of holds confirmed, 95 %
# released, 3 % abandoned (a mix that confirms half sells the event out within seconds), after a
# 10 s warm-up so both runtimes' JITs are done. Options given here win; pass --confirm and
# --release together (they must not add up to more than 1), e.g. ./bench.sh --confirm 0.5 --release 0.2
#   SILOS=2 ./bench.sh                    SILOS, API_PORT and other variables reach run.sh unchanged
# Report: .data/bench.json (machine-readable), .data/bench.out (tool output), .data/bench-system.log.
set -euo pipefail
cd "$(dirname "$0")"

port="${API_PORT:-8080}"
url="http://127.0.0.1:${port}"
ready_deadline_seconds=180
stop_deadline_seconds=60
mkdir -p .data
system_log=.data/bench-system.log
tool_out=.data/bench.out

# Build the tool before the system starts, so compilation does not compete with it.
if ! build_log=$(dotnet build src/LoadTest/LoadTest.csproj -c Release --nologo -v q 2>&1); then
  printf '%s\n' "$build_log" >&2
  echo "bench: load tool build failed" >&2
  exit 3
fi

echo "bench: starting ./run.sh (SILOS=${SILOS:-default}, log: $system_log)" >&2
DYNAMODB_STORAGE="${DYNAMODB_STORAGE:-memory}" ./run.sh >"$system_log" 2>&1 &
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
      echo "bench: run.sh did not stop within ${stop_deadline_seconds}s; killing it" >&2
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
    echo "bench: run.sh exited before the API was ready; last lines of $system_log:" >&2
    tail -n 40 "$system_log" >&2 || true
    exit 3
  fi
  if (( SECONDS >= deadline )); then
    echo "bench: $url/health/ready not 200 within ${ready_deadline_seconds}s; last lines of $system_log:" >&2
    tail -n 40 "$system_log" >&2 || true
    exit 3
  fi
  sleep 1
done
echo "bench: system ready at $url" >&2

set +e
# Stream the report now, but hold back its last line until the system has stopped.
./loadtest.sh all --quiet --url "$url" --json .data/bench.json --confirm 0.02 --release 0.95 --warmup 10 "$@" | tee "$tool_out" | sed -u '$d'
tool_rc=${PIPESTATUS[0]}
set -e

stop_system
trap - EXIT

# The tool's last line (holds/s=... ceiling/s=... ratio=... p99_ms=... oversold=... lost=...).
tail -n 1 "$tool_out"
exit "$tool_rc"
