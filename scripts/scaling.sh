#!/usr/bin/env bash
# How booking throughput scales with concurrency and with event size: starts the system once, warms
# it up, then runs the load tool's `all` scenario (ceiling, then hot-event with bench.sh's sustained
# mix) once per point, so every point has its own ceiling and ratio measured in the same run.
#   scripts/scaling.sh                         buyers 16 64 256 1024 on 50,000 seats; seats 20,000 100,000 200,000 at 256 buyers
#   BUYERS="64 256" SEATS="" DURATION=30 scripts/scaling.sh
# Prints one line per point (and writes .data/scaling/<point>.json); exit 1 when any point oversold or lost.
set -euo pipefail
cd "$(dirname "$0")/.."

buyers_points="${BUYERS-16 64 256 1024}"
seats_points="${SEATS-20000 100000 200000}"
duration="${DURATION:-15}"
url="http://127.0.0.1:${API_PORT:-8080}"
out=.data/scaling
mkdir -p "$out"

point() {
  local name=$1; shift
  local line
  line=$(./loadtest.sh all --quiet --url "$url" --json "$out/$name.json" --confirm 0.02 --release 0.95 \
    --hold-ttl 10 --warmup 5 --duration "$duration" "$@" | tail -n 1) || failed=1
  echo "$name $line"
}

if [[ "${1:-}" != --sweep ]]; then
  # Build the tool once, before the system starts, so compilation never competes with a point.
  ./loadtest.sh --build-only
  exec env SYSTEM_LOG="$out/system.log" LOADTEST_NO_BUILD=1 scripts/with-system.sh "$PWD/scripts/scaling.sh" --sweep
fi

# From here on the system is running (this script called itself through with-system.sh).
failed=0
# Unmeasured: both JITs (.NET and DynamoDB Local's JVM) settle before the first point.
./loadtest.sh hot-event --quiet --url "$url" --confirm 0 --release 0.95 --warmup 0 --duration 20 >/dev/null || true
for b in $buyers_points; do point "buyers=$b,seats=50000" --buyers "$b" --seats 50000; done
for s in $seats_points; do point "buyers=256,seats=$s" --buyers 256 --seats "$s"; done
exit "$failed"
