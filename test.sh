#!/usr/bin/env bash
# Runs the whole test suite against in-memory DynamoDB Local and SES local on free ports.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter LocalAws).
# The last line is always `N passed, N failed`, counted from the .trx files.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
# shellcheck source=scripts/local-aws.sh
. "$ROOT/scripts/local-aws.sh"

RESULTS_DIR="$ROOT/TestResults"
TEST_PID=""
PASSED=0
FAILED=0

# Runs on every exit path (failure, signal, success) so the counts line is always last, and a
# run that stopped early is never mistaken for one that had nothing to run.
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$TEST_PID" ]]; then
        local_aws_stop "$TEST_PID"
    fi
    local_aws_stop_all
    if ((rc == 0 && PASSED + FAILED == 0)); then
        rc=1
    fi
    echo "$PASSED passed, $FAILED failed"
    exit "$rc"
}

trap cleanup EXIT
trap 'echo "test.sh: interrupted" >&2; exit 130' INT
trap 'echo "test.sh: terminated" >&2; exit 143' TERM

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: dotnet SDK is not installed" >&2; exit 1; }

local_aws_install
dotnet restore Orleans.sln --nologo

local_aws_start_services memory
export AWS_ACCESS_KEY_ID=local
export AWS_SECRET_ACCESS_KEY=local
export AWS_REGION=us-east-1

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# In the background and in its own session so a SIGTERM to this script is handled at once
# (bash defers traps while a foreground child runs) and takes the test hosts down with it.
# A test still running after 5 minutes (the slowest, a cluster test, takes about one) is a hang:
# the test host is stopped and the hanging test is named, instead of the run never ending.
set +e
setsid dotnet test Orleans.sln --no-restore --nologo \
    --blame-hang-timeout 5m --blame-hang-dump-type none \
    --logger "trx" --results-directory "$RESULTS_DIR" "$@" </dev/null &
TEST_PID=$!
wait "$TEST_PID"
TEST_RC=$?
set -e
TEST_PID=""

read -r PASSED FAILED < <(python3 - "$RESULTS_DIR" <<'EOF'
import pathlib, sys
import xml.etree.ElementTree as ET

passed = failed = 0
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    try:
        root = ET.parse(trx).getroot()
    except ET.ParseError as error:
        print(f"test.sh: cannot parse {trx}: {error}", file=sys.stderr)
        failed += 1
        continue
    run_failed = 0
    outcome = ""
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "ResultSummary":
            outcome = element.get("outcome", "")
        if tag != "Counters":
            continue
        get = lambda name: int(element.get(name, "0"))
        passed += get("passed")
        # Errors, timeouts and aborts are failures too; counting them keeps the exit code honest.
        run_failed += get("failed") + get("error") + get("timeout") + get("aborted")
    # A test host stopped by the hang timeout, or one that crashed, leaves a failed run whose
    # counters hold only the tests that finished: the test it was running counts as failed.
    if outcome in ("Failed", "Aborted", "Error", "Timeout") and run_failed == 0:
        run_failed = 1
    failed += run_failed
print(passed, failed)
EOF
) || true
[[ "$PASSED" =~ ^[0-9]+$ && "$FAILED" =~ ^[0-9]+$ ]] || { echo "test.sh: could not count the results" >&2; PASSED=0; FAILED=0; exit 1; }

RC=0
if ((TEST_RC != 0)); then
    echo "test.sh: dotnet test exited with code $TEST_RC" >&2
    RC=1
fi
if ((FAILED > 0)); then
    RC=1
fi
if ((PASSED + FAILED == 0)); then
    echo "test.sh: no tests ran" >&2
    RC=1
fi
exit "$RC"
