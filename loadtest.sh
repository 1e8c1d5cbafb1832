#!/usr/bin/env bash
# Load tester for the booking API. Usage: ./loadtest.sh <hot-event|many-events|ceiling|all> [options]
# (./loadtest.sh --help lists the options). Builds quietly first, then runs the Release build.
set -euo pipefail
cd "$(dirname "$0")"

project=src/LoadTest/LoadTest.csproj
if ! build_log=$(dotnet build "$project" -c Release --nologo -v q 2>&1); then
  printf '%s\n' "$build_log" >&2
  echo "loadtest: build failed" >&2
  exit 3
fi

exec dotnet run -c Release --no-build --project "$project" -- "$@"
