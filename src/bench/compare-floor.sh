#!/usr/bin/env bash
# PlugHome beside the floor: the same load, in one run on this machine, first against an OCPP
# server that stores nothing and answers at once (io.plughome.tools.FloorServer), then against a
# fresh `java -jar target/plughome.jar` (docs/performance.md, "10,000 chargers").
# Usage: src/bench/compare-floor.sh [chargers=1000] [seconds=180] [protocol=ocpp1.6] [servers="floor h2"]
#   servers: any of floor, h2 (default durable mode), h2-fsync (PLUGHOME_DB_FSYNC=true), pg
#   (PostgreSQL started for the run, on the same machine).
# BENCH_ARGS adds options of the load benchmark (e.g. BENCH_ARGS="--warmup 120");
# BENCH_JAR runs another build of the server (e.g. the previous commit's jar, for a before/after);
# BENCH_JVM_ARGS replaces the server's JVM options (default: the site setting of the README).
# Each run ends with a SUMMARY line: msg/s, meter-reading p50/p95/p99, errors, CPU, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
CHARGERS=${1:-1000}
DURATION=${2:-180}
PROTOCOL=${3:-ocpp1.6}
SERVERS=${4:-floor h2}

LOG=$(mktemp /tmp/plughome-compare-floor-XXXX.log)
exec > >(tee "$LOG") 2>&1
bench_setup
for server in $SERVERS; do
  case $server in
    floor) floor_run --chargers "$CHARGERS" --seconds "$DURATION" --protocol "$PROTOCOL" ;;
    h2) bench_run h2 "" --chargers "$CHARGERS" --seconds "$DURATION" --protocol "$PROTOCOL" ;;
    h2-fsync) bench_run h2-fsync "PLUGHOME_DB_FSYNC=true" --chargers "$CHARGERS" --seconds "$DURATION" \
        --protocol "$PROTOCOL" ;;
    pg)
      pgdir=$(mktemp -d /tmp/plughome-bench-pg-XXXX)
      postgres_start "$pgdir"
      bench_run pg "$PG_ENV" --chargers "$CHARGERS" --seconds "$DURATION" --protocol "$PROTOCOL"
      kill "$PG_PID"
      wait "$PG_PID" 2> /dev/null || true
      rm -rf "$pgdir" "$pgdir.log" ;;
    *) echo "unknown server $server (floor, h2, h2-fsync, pg)"; exit 2 ;;
  esac
done
echo
echo "side by side (full output in $LOG):"
grep "^SUMMARY" "$LOG" || true
