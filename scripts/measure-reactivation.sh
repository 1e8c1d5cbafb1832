#!/usr/bin/env bash
# Measures how long a 100,000-seat event takes to come back from DynamoDB: creates the event,
# books 800 seats, stops the system gracefully, starts it again and times the first call (which
# activates the event grain from its snapshot and journal) against a second, warm call.
#   scripts/measure-reactivation.sh            (uses API_PORT 18080, DYNAMODB_PORT 18000, SES_PORT 18005)
set -euo pipefail
cd "$(dirname "$0")/.."
export API_PORT="${API_PORT:-18080}" DYNAMODB_PORT="${DYNAMODB_PORT:-18000}" SES_PORT="${SES_PORT:-18005}"
API="http://127.0.0.1:$API_PORT"
json() { python3 -c "import sys,json;print(json.load(sys.stdin)$1)"; }
start() {
    ./run.sh >"${LOG:-.data/reactivation-system.log}" 2>&1 &
    SYSTEM=$!
    for _ in $(seq 1 180); do curl -sf "$API/health/ready" >/dev/null && return; sleep 1; done
    echo "system did not start" >&2; exit 1
}
stop() { kill -TERM "$SYSTEM"; wait "$SYSTEM" || true; }
token() { curl -s -XPOST "$API/dev/token" -H 'content-type: application/json' -d "$1" | json '["token"]'; }

mkdir -p .data
start
ORG=$(token '{"userId":"organizer","roles":["organizer"]}')
VENUE=$(python3 -c 'import json;print(json.dumps({"name":"Stadium","sections":[{"name":f"S{s}","rows":[{"name":f"R{r}","seats":100} for r in range(1,101)]} for s in range(1,11)]}))' \
    | curl -s -XPOST "$API/venues" -H "authorization: Bearer $ORG" -H 'content-type: application/json' -d @- | json '["id"]')
EVENT=$(curl -s -XPOST "$API/events" -H "authorization: Bearer $ORG" -H 'content-type: application/json' \
    -d "{\"slug\":\"stadium-$RANDOM$RANDOM\",\"title\":\"Stadium\",\"venueId\":\"$VENUE\",\"startAt\":\"2030-01-01T10:00:00Z\",\"endAt\":\"2030-01-01T12:00:00Z\",\"prices\":{\"default\":10}}" | json '["id"]')
for i in $(seq 1 200); do
    BUYER=$(token "{\"userId\":\"buyer-$i\"}")
    HOLD=$(curl -s -XPOST "$API/events/$EVENT/holds" -H "authorization: Bearer $BUYER" -H 'content-type: application/json' -d '{"quantity":4}' | json '["holdId"]')
    curl -s -o /dev/null -XPOST "$API/events/$EVENT/holds/$HOLD/confirm" -H "authorization: Bearer $BUYER" -H 'content-type: application/json' -d '{}'
done
stop
start
ORG=$(token '{"userId":"organizer","roles":["organizer"]}')
curl -s -o /dev/null -w "first call after restart (activation from storage): %{time_total} s\n" "$API/events/$EVENT/availability" -H "authorization: Bearer $ORG"
curl -s -o /dev/null -w "second call (warm): %{time_total} s\n" "$API/events/$EVENT/availability" -H "authorization: Bearer $ORG"
curl -s "$API/events/$EVENT/availability" -H "authorization: Bearer $ORG"; echo
stop
