#!/usr/bin/env bash
# Profiles the API process (one-process mode: the API and its co-hosted silo) during ./bench.sh's
# measured hot-event window: `perf record -g` for SECONDS_TO_RECORD (default 15) from 15 s after the
# scenario starts, then prints the API's CPU per hold and the share of its samples in the stacks
# that told the Orleans build and the old runtime apart (docs/performance.md). TREE (default: this
# checkout) may be another worktree, to profile two builds the same way:
#   scripts/profile-api.sh                      perf data in .data/api.perf.data of the tree
#   TREE=../wt-old scripts/profile-api.sh
# Needs perf (linux-tools). Runs the API with perf maps and without ReadyToRun code so that every
# managed frame has a name; that costs throughput, so compare builds profiled alike only.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tree="$(cd "${TREE:-$here}" && pwd)"
seconds="${SECONDS_TO_RECORD:-15}"
command -v perf >/dev/null 2>&1 || { echo "profile-api.sh: perf is not installed" >&2; exit 1; }
cd "$tree"
mkdir -p .data
data=.data/api.perf.data
rm -f .data/bench.out

export DOTNET_PerfMapEnabled=1 DOTNET_ReadyToRun=0 DOTNET_EnableWriteXorExecute=0
./bench.sh > .data/profile-bench.out 2>&1 &
bench=$!
until grep -q "hot-event:" .data/bench.out 2>/dev/null; do
  kill -0 "$bench" 2>/dev/null || { echo "profile-api.sh: bench.sh ended before the hot-event scenario; see $tree/.data/profile-bench.out" >&2; exit 1; }
  sleep 1
done
sleep 15
pid="$(pgrep -f "bin/Release/net10.0/Api" | head -n 1)"
ticks() { local f; read -r -a f < "/proc/$pid/stat"; echo $((f[13] + f[14])); }
before="$(ticks)"
perf record -F 499 -g -p "$pid" -o "$data" -- sleep "$seconds" > /dev/null 2>&1
cpu_seconds="$(( $(ticks) - before ))"
while kill -0 "$bench" 2>/dev/null; do sleep 1; done
summary="$(tail -n 1 .data/profile-bench.out)"
echo "$summary"

holds="$(sed -n 's/.*holds\/s=\([0-9.]*\).*/\1/p' <<< "$summary")"
tick_hz="$(getconf CLK_TCK)"
awk -v t="$cpu_seconds" -v hz="$tick_hz" -v s="$seconds" -v h="$holds" 'BEGIN {
  cores = t / hz / s
  printf "API process: %.2f cores while profiled, %.0f us of CPU per hold at the run holds/s\n", cores, (h > 0 ? 1e6 * cores / h : 0)
}'

# Share of the samples whose stack passes through each marker.
perf script -i "$data" 2>/dev/null | awk '
  BEGIN { RS = ""; FS = "\n"
    n = split("LowLevelSpinWaiter|finish_task_switch|exc_page_fault|Kestrel|Grains.Events.EventGrain|AWSSDK|Signer|OpenTelemetry", m, "|") }
  { total++; for (i = 1; i <= n; i++) for (j = 2; j <= NF; j++) if (index($j, m[i])) { hits[i]++; break } }
  END { printf "%d samples in %s\n", total, "'"$tree/$data"'"
        for (i = 1; i <= n; i++) printf "  %5.1f %%  %s\n", 100 * hits[i] / total, m[i] }'
