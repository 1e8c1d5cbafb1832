#!/usr/bin/env bash
# Catalogue benchmark: start the system (./run.sh), seed 10,000 events, then measure the HTTP
# ceiling and 256 concurrent searchers with mixed filters on GET /events in one run of the load
# tool's `search` scenario; stop the system and print the tool's summary as the last line:
#   searches/s=<n> ceiling/s=<n> ratio=<r> p50_ms=<n> p99_ms=<n> failed=<n>
#   scripts/search-bench.sh [load tool options]   e.g. scripts/search-bench.sh --events 20000 --duration 60
# SILOS, API_PORT and other variables reach run.sh unchanged. Tool output: .data/search-bench.out.
set -euo pipefail
cd "$(dirname "$0")/.."

url="http://127.0.0.1:${API_PORT:-8080}"
mkdir -p .data
tool_out=.data/search-bench.out

# Build the tool before the system starts, so compilation does not compete with it.
./loadtest.sh --build-only

set +e
SYSTEM_LOG=.data/search-bench-system.log LOADTEST_NO_BUILD=1 scripts/with-system.sh \
  ./loadtest.sh search --quiet --url "$url" --warmup 10 "$@" \
  | tee "$tool_out" | sed -u '$d'
tool_rc=${PIPESTATUS[0]}
set -e
tail -n 1 "$tool_out"
exit "$tool_rc"
