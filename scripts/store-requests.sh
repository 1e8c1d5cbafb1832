#!/usr/bin/env bash
# The engine benchmark (scripts/engine-bench.sh's run) with a counting proxy between the engine
# and DynamoDB Local: prints the benchmark's result, then the store requests by operation, table
# and key kind, and per 1,000 decisions. TREE (default: this checkout) may be another worktree, to
# compare two builds on the same counter, e.g. the last commit before the move to Orleans:
#   scripts/store-requests.sh --warmup 5 --duration 10
#   TREE=../wt-old scripts/store-requests.sh --warmup 5 --duration 10
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tree="$(cd "${TREE:-$here}" && pwd)"
report="$(mktemp)"
cd "$tree"
# shellcheck source=scripts/local-aws.sh
. scripts/local-aws.sh
proxy=""
trap '[ -n "$proxy" ] && kill "$proxy" 2>/dev/null; local_aws_stop_all; rm -f "$report" "$report.out"' EXIT

local_aws_install
dotnet build src/Benchmarks/Benchmarks.csproj -c Release --nologo -v quiet
local_aws_start_services memory
port="$(local_aws_free_port)"
node "$here/scripts/store-request-counter.js" "$port" "$LOCAL_AWS_DYNAMODB_PORT" "$report" &
proxy=$!
export AWS_ENDPOINT_URL_DYNAMODB="http://127.0.0.1:$port"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}" AWS_REGION="${AWS_REGION:-us-east-1}"
dotnet run --no-build -c Release --project src/Benchmarks -- engine "$@" | tee "$report.out"
kill -TERM "$proxy"; wait "$proxy" 2>/dev/null || true; proxy=""

# Requests over the whole run (warm-up and set-up included), set against the decisions of the
# whole run estimated from the measured rate: a comparison between builds, not an exact ratio.
python3 - "$report" "$report.out" "$@" <<'PY'
import json, re, sys
report = json.load(open(sys.argv[1]))
out = open(sys.argv[2]).read()
args = sys.argv[3:]
def option(name, default):
    return float(args[args.index(name) + 1]) if name in args else default
seconds = option('--warmup', 10) + option('--duration', 30)
rate = float(re.search(r'decisions/s=(\d+)', out).group(1))
decisions = rate * seconds
print(f"store requests: {report['total']:,} ({report['requestBytes'] / 1e6:.1f} MB), about {decisions:,.0f} decisions in {seconds:.0f} s")
for name, n in sorted(report['counts'].items(), key=lambda kv: -kv[1]):
    if n >= 10:
        print(f"  {n:>8,}  {1000 * n / decisions:7.2f} per 1,000 decisions  {name}")
PY
