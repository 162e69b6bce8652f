#!/usr/bin/env bash
# The reconnect storm after a restart (docs/performance.md, "The reconnect storm"): N chargers get
# secrets PlugHome generated, the server restarts, and all N connect within 10 s, each logging in
# with its secret. Prints when the last one connected, booted and had its first reading answered,
# how the API answered meanwhile, and the load benchmark's figures. The per-address limit stays at
# its default (100) after the restart: every charger comes from 127.0.0.1, and chargers that logged
# in are not counted against it. (Provisioning connects each charger once without a password, so
# that server runs with the limit lifted, as the load benchmark's do.)
# Usage: src/bench/storm.sh [chargers=10000] [protocol=ocpp1.6] [seconds=120] ["ENV=VALUE ..." for the server]
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
CHARGERS=${1:-10000}
PROTOCOL=${2:-ocpp1.6}
DURATION=${3:-120}
SERVER_ENV=${4:-}

LOG=$(mktemp /tmp/plughome-storm-XXXX.log)
exec > >(tee "$LOG") 2>&1
bench_setup
dir=$(mktemp -d /tmp/plughome-storm-XXXX)
server_start "$dir" "$SERVER_ENV"
echo "=== provisioning $CHARGERS chargers with generated secrets (server pid $SERVER_PID)"
loadbench --url "ws://127.0.0.1:$PORT/ocpp" --prefix STORM --chargers "$CHARGERS" --protocol "$PROTOCOL" \
    --token bench-token --provision "$dir/secrets"
server_stop
echo "=== restarted: $CHARGERS chargers connect within 10 s"
server_start "$dir" "$SERVER_ENV" 100
loadbench --url "ws://127.0.0.1:$PORT/ocpp" --pid "$SERVER_PID" --prefix STORM --chargers "$CHARGERS" \
    --protocol "$PROTOCOL" --secrets "$dir/secrets" --ramp $(( (CHARGERS + 9) / 10 )) --seconds "$DURATION" \
    --warmup 70 --token bench-token ${BENCH_ARGS:-}
server_stop
cp "$dir/server.log" "${LOG%.log}-server.log"
rm -rf "$dir"
echo
echo "full output in $LOG, the server's in ${LOG%.log}-server.log"
grep -E "^(STORM|API|SUMMARY)" "$LOG" || true
