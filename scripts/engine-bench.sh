#!/usr/bin/env bash
# The hot-event sustained mix against the event grain in-process, without HTTP: starts DynamoDB
# Local (in memory) and SES local (the bookings' confirmation emails) on free ports, runs
# `src/Benchmarks -- engine`, stops both.
# Compare its holds/s with ./bench.sh's to see what the HTTP path costs.
#   scripts/engine-bench.sh                                  256 buyers, 50,000 seats, 10 s warm-up, 30 s measured
#   scripts/engine-bench.sh --unbatched                      one grain call per hold and release (no per-event batching)
#   scripts/engine-bench.sh --batch-size 64 --batches-in-flight 4   other batching settings
#   scripts/engine-bench.sh --buyers 64 --seats 200000 --duration 20 --release 0.95 --confirm 0.02
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/local-aws.sh
. scripts/local-aws.sh
trap local_aws_stop_all EXIT

local_aws_install
dotnet build src/Benchmarks/Benchmarks.csproj -c Release --nologo -v quiet
local_aws_start_services memory
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}" AWS_REGION="${AWS_REGION:-us-east-1}"
dotnet run --no-build -c Release --project src/Benchmarks -- engine "$@"
