#!/usr/bin/env bash
# Runs the booking engine locally in the foreground: DynamoDB Local (data kept in
# .data/dynamodb), SES local, and the API. Ctrl-C or SIGTERM stops everything it started.
#
#   ./run.sh                one process: the API hosts a silo itself
#   SILOS=3 ./run.sh        three silo processes plus the API as a cluster client
#
# DYNAMODB_STORAGE=memory: DynamoDB Local keeps data in memory only (default: files in .data/dynamodb).
# Ports: API_PORT (8080), DYNAMODB_PORT (8000), SES_PORT (8005). Orleans: silo i talks to other silos on
# 11111+i, takes the API's client connections (its gateway) on 30000+i and answers health checks on
# 12111+i; in one-process mode the API's own silo uses 11111 and no gateway.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
# shellcheck source=scripts/local-aws.sh
. "$ROOT/scripts/local-aws.sh"

API_PORT="${API_PORT:-8080}"
DYNAMODB_PORT="${DYNAMODB_PORT:-8000}"
SES_PORT="${SES_PORT:-8005}"
SILOS="${SILOS:-0}"
CONFIGURATION="${CONFIGURATION:-Release}"

[[ "$SILOS" =~ ^[0-9]+$ ]] || { echo "run.sh: SILOS must be a number, got '$SILOS'" >&2; exit 2; }

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    echo "run.sh: stopping" >&2
    # Newest first: the API and silos go before the stores they write to.
    local_aws_stop_all
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
export AWS_REGION="${AWS_REGION:-us-east-1}"
export DynamoDb__ServiceUrl="http://127.0.0.1:$DYNAMODB_PORT"
export Ses__ServiceUrl="http://127.0.0.1:$SES_PORT"
export Auth__DevTokens__Enabled=true
# Emails link back to this API (the open pixel, the tickets link), also on another API_PORT.
export Email__TrackingBaseUrl="${Email__TrackingBaseUrl:-http://127.0.0.1:$API_PORT}"
# Development: the Orleans Dashboard at /dashboard opens without a token on this machine.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

command -v dotnet >/dev/null 2>&1 || { echo "run.sh: dotnet SDK is not installed" >&2; exit 1; }
local_aws_port_is_free "$API_PORT" || { echo "run.sh: port $API_PORT (API_PORT) is already in use" >&2; exit 1; }

local_aws_install
# Built once up front: several `dotnet run` builds of the same projects would collide in obj/.
dotnet build "src/Api/Api.csproj" -c "$CONFIGURATION" --nologo -v quiet
if ((SILOS > 0)); then
    dotnet build "src/Silo/Silo.csproj" -c "$CONFIGURATION" --nologo -v quiet
fi

# DYNAMODB_STORAGE=memory keeps nothing between runs but writes faster (used by bench.sh).
local_aws_start_services "${DYNAMODB_STORAGE:-shared}" "$DYNAMODB_PORT" "$SES_PORT"

# Multi-process mode (SILOS=N > 0): N Orleans silos form the cluster through the DynamoDB membership
# table and the API joins it as an Orleans client through their gateways. Silo i listens on 11111+i
# (silo-to-silo) and 30000+i (gateway), answers health checks on http://127.0.0.1:$((12111 + i)) and
# logs to .data/logs/silo-i.log.
start_silos() {
    local i port
    for ((i = 0; i < SILOS; i++)); do
        port=$((11111 + i))
        local_aws_port_is_free "$port" || { echo "run.sh: port $port (silo $i) is already in use" >&2; return 1; }
        local gateway=$((30000 + i))
        local_aws_port_is_free "$gateway" || { echo "run.sh: port $gateway (silo $i gateway) is already in use" >&2; return 1; }
        local health=$((12111 + i))
        local_aws_port_is_free "$health" || { echo "run.sh: port $health (silo $i health) is already in use" >&2; return 1; }
        Cluster__Mode=Silo Silo__Port="$port" Silo__GatewayPort="$gateway" Silo__HealthPort="$health" local_aws_spawn "silo $i" "$LOCAL_AWS_LOG_DIR/silo-$i.log" \
            dotnet run --no-build --no-launch-profile -c "$CONFIGURATION" --project src/Silo
        SILO_PIDS+=("$LOCAL_AWS_LAST_PID")
        SILO_URLS+=("http://127.0.0.1:$health")
    done
    for ((i = 0; i < SILOS; i++)); do
        local_aws_wait_http "silo $i" "${SILO_URLS[i]}/health/live" "${SILO_PIDS[i]}" \
            "$LOCAL_AWS_LOG_DIR/silo-$i.log" strict
    done
}

SILO_PIDS=()
SILO_URLS=()
if ((SILOS > 0)); then
    start_silos
    API_CLUSTER_MODE=Client
else
    API_CLUSTER_MODE=OneProcess
fi

# The API's output stays on this terminal; only the services log to files.
echo "run.sh: starting the API (Cluster__Mode=$API_CLUSTER_MODE)" >&2
Cluster__Mode="$API_CLUSTER_MODE" Silo__GatewayPort=0 setsid \
    dotnet run --no-build --no-launch-profile -c "$CONFIGURATION" --project src/Api --urls "http://127.0.0.1:$API_PORT" </dev/null &
API_PID=$!
LOCAL_AWS_PIDS+=("$API_PID")

deadline=$((SECONDS + LOCAL_AWS_START_TIMEOUT))
until curl --silent --fail --output /dev/null --max-time 2 "http://127.0.0.1:$API_PORT/health/live"; do
    kill -0 "$API_PID" 2>/dev/null || { echo "run.sh: the API exited during startup" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "run.sh: the API did not answer within ${LOCAL_AWS_START_TIMEOUT}s" >&2; exit 1; }
    sleep 0.25
done

cat <<EOF

  API          http://127.0.0.1:$API_PORT   (health: /health/live)
  Swagger UI   http://127.0.0.1:$API_PORT/swagger
  Dashboard    http://127.0.0.1:$API_PORT/dashboard   (Orleans Dashboard)
  DynamoDB     http://127.0.0.1:$DYNAMODB_PORT   (data in .data/dynamodb)
  SES store    http://127.0.0.1:$SES_PORT/store
EOF
for ((i = 0; i < ${#SILO_URLS[@]}; i++)); do
    echo "  silo $i       ${SILO_URLS[i]}   (log .data/logs/silo-$i.log)"
done
cat <<EOF
  logs         .data/logs/

  Ctrl-C stops everything.

EOF

# Returns when the API exits or a trapped signal arrives; either way cleanup stops the rest.
set +e
wait "$API_PID"
rc=$?
set -e
echo "run.sh: the API exited with code $rc" >&2
exit "$rc"
