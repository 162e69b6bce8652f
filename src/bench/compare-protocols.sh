#!/usr/bin/env bash
# The load benchmark with OCPP 1.6 chargers and with OCPP 2.0.1 chargers (the same traffic: boot,
# status, a transaction with meter values every 10 s, heartbeats), each against a fresh PlugHome on
# its default H2 database in the default durability mode, side by side in one run on this machine
# (docs/performance.md).
# Usage: src/bench/compare-protocols.sh [chargers=500] [seconds=120]
# BENCH_ARGS adds options of the load benchmark (e.g. BENCH_ARGS="--warmup 60").
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
CHARGERS=${1:-500}
DURATION=${2:-120}

bench_setup
for protocol in ocpp1.6 ocpp2.0.1; do
  bench_run "$protocol" "" --chargers "$CHARGERS" --seconds "$DURATION" --protocol "$protocol"
done
