#!/usr/bin/env bash
# The load benchmark against PlugHome on its default H2 database in each durability mode, side by
# side in one run on this machine (docs/performance.md):
#   commit   acknowledge at commit, before the data is on disk (the old behaviour; benchmarks only)
#   durable  the default: group commit, every acknowledgement after a shared CHECKPOINT
#   fsync    PLUGHOME_DB_FSYNC=true: group commit with CHECKPOINT SYNC (survives a power cut)
# Usage: src/bench/compare-durability.sh [chargers=1000] [seconds=120] [modes="commit durable fsync"]
# BENCH_ARGS adds options of the load benchmark (e.g. BENCH_ARGS="--warmup 120").
# Only this machine is involved: each server listens on localhost.
set -euo pipefail
cd "$(dirname "$0")/../.."
CHARGERS=${1:-1000}
DURATION=${2:-120}
MODES=${3:-commit durable fsync}
PORT=${BENCH_PORT:-18080}

[ -f target/plughome.jar ] || mvn -q -DskipITs package
mvn -q test-compile
CP=$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
for mode in $MODES; do
  dir=$(mktemp -d /tmp/plughome-bench-XXXX)
  extra=()
  case $mode in
    commit) extra=(PLUGHOME_DB_ACK=commit) ;;
    durable) ;;
    fsync) extra=(PLUGHOME_DB_FSYNC=true) ;;
    *) echo "unknown mode $mode"; exit 2 ;;
  esac
  # every simulated charger comes from 127.0.0.1: the per-address limit is lifted
  env PORT=$PORT ADDR=127.0.0.1 PLUGHOME_HTTPS_PORT=-1 PLUGHOME_MAX_CONNECTIONS_PER_ADDRESS=100000 PLUGHOME_DATA_DIR="$dir/data" PLUGHOME_ADMIN_TOKEN=bench-token \
      WLP_JAR_EXTRACT_ROOT="$dir/wlp" "${extra[@]}" java -jar target/plughome.jar > "$dir/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null && break
    sleep 1
  done
  echo
  echo "=== mode: $mode (server pid $server, data $dir/data)"
  java -cp "target/test-classes:$CP" io.plughome.tools.LoadBench --url "ws://127.0.0.1:$PORT/ocpp" \
      --chargers "$CHARGERS" --seconds "$DURATION" --pid "$server" --prefix "BENCH-$mode" ${BENCH_ARGS:-}
  grep -h "Durability of acknowledged writes" "$dir/server.log" | sed 's/.*Durability/Durability/' || true
  kill "$server"
  wait "$server" || true
  rm -rf "$dir"
done
