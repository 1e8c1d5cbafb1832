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
# How throughput scales with buyers and event size: scripts/scaling.sh.
set -euo pipefail
cd "$(dirname "$0")"

url="http://127.0.0.1:${API_PORT:-8080}"
mkdir -p .data
tool_out=.data/bench.out

# Build the tool before the system starts, so compilation does not compete with it.
./loadtest.sh --build-only

set +e
# Stream the report now, but hold back its last line until the system has stopped.
SYSTEM_LOG=.data/bench-system.log LOADTEST_NO_BUILD=1 scripts/with-system.sh \
  ./loadtest.sh all --quiet --url "$url" --json .data/bench.json --confirm 0.02 --release 0.95 --warmup 10 "$@" \
  | tee "$tool_out" | sed -u '$d'
tool_rc=${PIPESTATUS[0]}
set -e

# The tool's last line (holds/s=... ceiling/s=... ratio=... p99_ms=... oversold=... lost=...).
tail -n 1 "$tool_out"
exit "$tool_rc"
