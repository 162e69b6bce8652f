#!/usr/bin/env bash
# The load benchmark against PlugHome on its default H2 database in each durability mode, side by
# side in one run on this machine (docs/performance.md):
#   commit   acknowledge at commit, before the data is on disk (the old behaviour; benchmarks only)
#   durable  the default: group commit, every acknowledgement after a shared CHECKPOINT
#   fsync    PLUGHOME_DB_FSYNC=true: group commit with CHECKPOINT SYNC (survives a power cut)
# Usage: src/bench/compare-durability.sh [chargers=1000] [seconds=120] [modes="commit durable fsync"]
# BENCH_ARGS adds options of the load benchmark (e.g. BENCH_ARGS="--warmup 120").
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
CHARGERS=${1:-1000}
DURATION=${2:-120}
MODES=${3:-commit durable fsync}

bench_setup
for mode in $MODES; do
  case $mode in
    commit) extra="PLUGHOME_DB_ACK=commit" ;;
    durable) extra="" ;;
    fsync) extra="PLUGHOME_DB_FSYNC=true" ;;
    *) echo "unknown mode $mode"; exit 2 ;;
  esac
  bench_run "$mode" "$extra" --chargers "$CHARGERS" --seconds "$DURATION"
done
