# Shared by the side-by-side benchmarks in src/bench: builds what they need once, and runs the load
# benchmark against a fresh `java -jar target/plughome.jar` on its own H2 data directory.
# Only this machine is involved: each server listens on localhost.

PORT=${BENCH_PORT:-18080}

bench_setup() {
  [ -f target/plughome.jar ] || mvn -q -DskipITs package
  mvn -q test-compile
  CP=$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
}

# server_start DATADIR "ENV=VALUE ..." [limit-per-address]: a fresh `java -jar target/plughome.jar` on
# DATADIR, waited for until ready; sets SERVER_PID. Every simulated charger comes from 127.0.0.1, so
# the per-address limit is lifted unless a third argument gives one.
server_start() {
  local dir=$1 env_extra=$2 per_address=${3:-100000}
  # shellcheck disable=SC2086
  env PORT=$PORT ADDR=127.0.0.1 PLUGHOME_HTTPS_PORT=-1 PLUGHOME_MAX_CONNECTIONS_PER_ADDRESS=$per_address \
      PLUGHOME_DATA_DIR="$dir/data" PLUGHOME_ADMIN_TOKEN=bench-token WLP_JAR_EXTRACT_ROOT="$dir/wlp" \
      JVM_ARGS="${BENCH_JVM_ARGS:--Xmx1g -XX:TieredStopAtLevel=4}" $env_extra \
      java -jar "${BENCH_JAR:-target/plughome.jar}" >> "$dir/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null && break
    sleep 1
  done
}

server_stop() {
  kill "$SERVER_PID"
  wait "$SERVER_PID" || true
}

loadbench() {
  java -cp "target/test-classes:$CP" io.plughome.tools.LoadBench "$@"
}

# bench_run NAME "ENV=VALUE ..." LOADBENCH-ARGS...
bench_run() {
  local name=$1 env_extra=$2
  shift 2
  local dir
  dir=$(mktemp -d /tmp/plughome-bench-XXXX)
  server_start "$dir" "$env_extra"
  echo
  echo "=== $name (server pid $SERVER_PID, data $dir/data)"
  loadbench --url "ws://127.0.0.1:$PORT/ocpp" --pid "$SERVER_PID" --prefix "BENCH-$name" "$@" ${BENCH_ARGS:-}
  grep -h "Durability of acknowledged writes" "$dir/server.log" | sed 's/.*Durability/Durability/' || true
  server_stop
  rm -rf "$dir"
}

# floor_run LOADBENCH-ARGS...: the same load against the floor (io.plughome.tools.FloorServer, an
# OCPP server that stores nothing and answers at once), on its own port.
floor_run() {
  local port=$((PORT + 10))
  java -Xmx512m -cp "target/test-classes:$CP" io.plughome.tools.FloorServer "$port" > /tmp/plughome-floor.log 2>&1 &
  local floor=$!
  for _ in $(seq 1 30); do
    grep -q listening /tmp/plughome-floor.log 2> /dev/null && break
    sleep 1
  done
  echo
  echo "=== floor (pid $floor)"
  java -cp "target/test-classes:$CP" io.plughome.tools.LoadBench --url "ws://127.0.0.1:$port/ocpp" \
      --pid "$floor" --prefix "BENCH-floor" "$@" ${BENCH_ARGS:-}
  kill "$floor"
  wait "$floor" 2> /dev/null || true
}

# postgres_start DIR: a PostgreSQL of its own for the run (zonky's embedded binaries, as in the
# tests); sets PG_ENV for bench_run and PG_PID.
postgres_start() {
  local dir=$1 port=$((PORT + 20))
  java -cp "target/test-classes:$CP" io.plughome.testsupport.TestPostgres "$port" "$dir" > "$dir.log" 2>&1 &
  PG_PID=$!
  for _ in $(seq 1 120); do
    [ -f "$dir/ready" ] && break
    sleep 1
  done
  PG_ENV="PLUGHOME_DB_URL=jdbc:postgresql://127.0.0.1:$port/postgres PLUGHOME_DB_USER=postgres PLUGHOME_DB_PASSWORD=postgres"
}
