#!/usr/bin/env bash
# Door benchmark: start the system (./run.sh), book 20,000 tickets of one seated event and read their
# codes, then measure the HTTP ceiling and 256 concurrent scanners at 4 gates posting every code twice
# at once (and a fifth of them again later) to POST /events/{id}/check-ins, in one run of the load
# tool's `check-in` scenario; audit that no ticket was admitted twice; stop the system and print the
# tool's summary as the last line:
#   scans/s=<n> ceiling/s=<n> ratio=<r> p50_ms=<n> p99_ms=<n> admitted=<n> duplicates_admitted=<n> failed=<n>
#   scripts/checkin-bench.sh [load tool options]   e.g. scripts/checkin-bench.sh --tickets 20000 --gates 8
# SILOS, API_PORT and other variables reach run.sh unchanged; rate limits are off (scripts/with-system.sh).
# Report: .data/checkin-bench.json (machine-readable), .data/checkin-bench.out (tool output),
# .data/checkin-bench-system.log (the system's output).
set -euo pipefail
cd "$(dirname "$0")/.."

url="http://127.0.0.1:${API_PORT:-8080}"
mkdir -p .data
tool_out=.data/checkin-bench.out

# Build the tool before the system starts, so compilation does not compete with it.
./loadtest.sh --build-only

set +e
# Stream the report now, but hold back its last line until the system has stopped.
SYSTEM_LOG=.data/checkin-bench-system.log LOADTEST_NO_BUILD=1 scripts/with-system.sh \
  ./loadtest.sh check-in --quiet --url "$url" --json .data/checkin-bench.json "$@" \
  | tee "$tool_out" | sed -u '$d'
tool_rc=${PIPESTATUS[0]}
set -e
tail -n 1 "$tool_out"
exit "$tool_rc"
