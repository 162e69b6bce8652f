#!/bin/bash
# Start time and memory of PlugHome as installed, side by side in one run with empty Liberty
# servers on the same Java settings (the floor: what the runtime alone costs).
#   src/bench/appliance-bench.sh [ROUNDS] [CHARGER_SECONDS]
# Needs target/dist (src/packaging/build.sh) and target/plughome-simulator.jar.
# BASELINE=<another build's target/dist/home/opt/plughome> adds its launcher to each round, to
# compare two builds side by side (start and memory).
# Prints one line per start, then medians; then the resident memory of PlugHome (launcher, and the
# plain jar's two processes) with three simulated chargers charging for CHARGER_SECONDS.
set -euo pipefail
ROUNDS=${1:-5}
CHARGE_SECONDS=${2:-60}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOME_DIR=$ROOT/target/dist/home/opt/plughome
WLP=$HOME_DIR/wlp
W=$ROOT/target/appliance-bench
rm -rf "$W"; mkdir -p "$W"
[ -x "$HOME_DIR/bin/plughome" ] || { echo "run src/packaging/build.sh first" >&2; exit 1; }

# The floors: servers with PlugHome's features and no application, and with no feature at all.
FEATURES=$(sed -n '/<featureManager>/,/<\/featureManager>/p' "$WLP/usr/servers/plughome/server.xml")
for s in empty-features empty-kernel; do
  rm -rf "$WLP/usr/servers/$s"; mkdir -p "$WLP/usr/servers/$s"
done
printf '<server>\n%s\n<httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="18480" httpsPort="-1"/>\n</server>\n' \
  "$FEATURES" > "$WLP/usr/servers/empty-features/server.xml"
printf '<server>\n<featureManager/>\n</server>\n' > "$WLP/usr/servers/empty-kernel/server.xml"

# One start: prints seconds from exec to the readiness line, leaves the pid in $W/pid.
start() { # name readiness-regex command...
  local name=$1 ready=$2; shift 2
  local out=$W/$name.out
  local t0; t0=$(date +%s.%N)
  "$@" > "$out" 2>&1 &
  echo $! > "$W/pid"
  for _ in $(seq 1 1200); do
    grep -Eq "$ready" "$out" && break
    sleep 0.05
  done
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
}
stop() { pkill -TERM -f "ws-server.jar" || true; pkill -TERM -f "plughome.jar" || true; sleep 1;
         while pgrep -f "ws-server.jar|plughome.jar" > /dev/null; do sleep 0.2; done; }
JAVA=$HOME_DIR/runtime/bin/java
[ -x "$JAVA" ] || JAVA=java
# the launcher's Java options, for the floors
OPTS=$(sed -n '/^exec /,/ws-server.jar/p' "$HOME_DIR/bin/plughome" | grep -o -- ' -X[^ ]*\| -XX:[^ ]*' | tr -d '\n')
J9=$(grep -v '^#' "$WLP/lib/platform/java/java9.options" | grep -v '^$' | tr '\n' ' ')

declare -A times
for r in $(seq 1 "$ROUNDS"); do
  stop
  # shellcheck disable=SC2086
  times[kernel]+=" $(start kernel 'CWWKF0011I' env WLP_OUTPUT_DIR=$W/out "$JAVA" $J9 $OPTS -jar "$WLP/bin/tools/ws-server.jar" empty-kernel)"
  stop
  # shellcheck disable=SC2086
  times[features]+=" $(start features 'CWWKF0011I' env WLP_OUTPUT_DIR=$W/out "$JAVA" $J9 $OPTS -jar "$WLP/bin/tools/ws-server.jar" empty-features)"
  stop
  rm -rf "$W/data"
  times[plughome-first]+=" $(start plughome 'is ready' env PLUGHOME_DATA_DIR="$W/data" PORT=18480 PLUGHOME_HTTPS_PORT=18880 PLUGHOME_ADMIN_TOKEN=bench-admin-token-0123456789 "$HOME_DIR/bin/plughome")"
  stop
  times[plughome]+=" $(start plughome 'is ready' env PLUGHOME_DATA_DIR="$W/data" PORT=18480 PLUGHOME_HTTPS_PORT=18880 PLUGHOME_ADMIN_TOKEN=bench-admin-token-0123456789 "$HOME_DIR/bin/plughome")"
  stop
  if [ -n "${BASELINE:-}" ]; then
    times[baseline]+=" $(start baseline 'is ready' env PLUGHOME_DATA_DIR="$W/data-baseline" PORT=18480 PLUGHOME_HTTPS_PORT=18880 PLUGHOME_ADMIN_TOKEN=bench-admin-token-0123456789 "$BASELINE/bin/plughome")"
    stop
  fi
  times[jar]+=" $(start jar 'is ready' env HOME="$W/home" PLUGHOME_DATA_DIR="$W/data" PORT=18480 PLUGHOME_HTTPS_PORT=18880 PLUGHOME_ADMIN_TOKEN=bench-admin-token-0123456789 java -jar "$ROOT/target/plughome.jar")"
  stop
  echo "round $r: kernel ${times[kernel]##* } s, features ${times[features]##* } s, plughome (new data) ${times[plughome-first]##* } s, plughome ${times[plughome]##* } s, plain jar ${times[jar]##* } s"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "medians of $ROUNDS (seconds from start to ready):"
for k in kernel features plughome-first plughome ${BASELINE:+baseline} jar; do
  printf '  %-16s %s\n' "$k" "$(echo "${times[$k]}" | median)"
done

# Memory with three chargers: peak resident over CHARGE_SECONDS, sampled every second.
rss_of() { local t=0; for p in "$@"; do t=$((t + $(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done; echo $((t / 1024)); }
charge() { # name, pattern of all its processes, pattern of the server process; prints both peaks
  local name=$1 pattern=$2 server=$3 peak=0 speak=0
  java -jar "$ROOT/target/plughome-simulator.jar" --url ws://127.0.0.1:18480/ocpp --chargers 3 --prefix BENCH \
    --session-kwh 100 > "$W/$name.sim" 2>&1 &
  local sim=$!
  for _ in $(seq 1 "$CHARGE_SECONDS"); do
    sleep 1
    # shellcheck disable=SC2046
    local now; now=$(rss_of $(pgrep -f "$pattern"))
    [ "$now" -gt "$peak" ] && peak=$now
    # shellcheck disable=SC2046
    now=$(rss_of $(pgrep -f "$server"))
    [ "$now" -gt "$speak" ] && speak=$now
  done
  kill $sim
  echo "$peak (the server process $speak)"
}
stop
start plughome 'is ready' env PLUGHOME_DATA_DIR="$W/data" PORT=18480 PLUGHOME_HTTPS_PORT=18880 PLUGHOME_ADMIN_TOKEN=bench-admin-token-0123456789 "$HOME_DIR/bin/plughome" > /dev/null
echo "peak resident MiB with 3 chargers for ${CHARGE_SECONDS} s: launcher (package, image) $(charge launcher 'ws-server.jar plughome' 'ws-server.jar plughome')"
stop
start jar 'is ready' env HOME="$W/home" PLUGHOME_DATA_DIR="$W/data" PORT=18480 PLUGHOME_HTTPS_PORT=18880 PLUGHOME_ADMIN_TOKEN=bench-admin-token-0123456789 java -jar "$ROOT/target/plughome.jar" > /dev/null
echo "peak resident MiB with 3 chargers for ${CHARGE_SECONDS} s: plain jar, both processes $(charge jar 'plughome.jar|ws-server.jar plughome' 'ws-server.jar plughome')"
stop
if [ -n "${BASELINE:-}" ]; then
  start baseline 'is ready' env PLUGHOME_DATA_DIR="$W/data-baseline" PORT=18480 PLUGHOME_HTTPS_PORT=18880 PLUGHOME_ADMIN_TOKEN=bench-admin-token-0123456789 "$BASELINE/bin/plughome" > /dev/null
  echo "peak resident MiB with 3 chargers for ${CHARGE_SECONDS} s: baseline launcher $(charge baseline "$BASELINE/wlp/bin/tools/ws-server.jar plughome" "$BASELINE/wlp/bin/tools/ws-server.jar plughome")"
  stop
fi
rm -rf "$WLP/usr/servers/empty-features" "$WLP/usr/servers/empty-kernel"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576)}' /proc/meminfo) GiB, $(java -version 2>&1 | head -1)"
