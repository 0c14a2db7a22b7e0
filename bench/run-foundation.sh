#!/usr/bin/env bash
# Benchmarks of the foundation (regions, accounts) on this machine; results go to bench-results/foundation/.
#
#   bench/run-foundation.sh                  # everything
#   bench/run-foundation.sh load-h2 cold-start queries-h2   # some steps (later steps need the tree of earlier ones)
#
# Steps:
#   load-h2     first start on a fresh embedded H2 file database: time until the whole region tree is loaded
#   load-pg     the same on PostgreSQL, in the database wushe_bench (dropped and created again; never the tests' one)
#   cold-start  later starts with -Xmx512m on the loaded H2 database: process start until GET /login answers 200,
#               and until an authenticated page (/regions/15) answers 200
#   cold-start-cds  the same with the jar extracted and a class-data-sharing archive (the documented deployment, JDK 17+)
#   cold-start-aot  the same with an ahead-of-time cache instead (JDK 24+; set AOT_JAVA to that JDK's java launcher)
#   queries-h2  subtree query latencies on the full tree, H2 (org.wushe.bench.RegionQueryBenchmark)
#   queries-pg  the same on PostgreSQL
#
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres), BENCH_DB (wushe_bench), BENCH_PORT (18090),
# COLD_START_RUNS (5), QUERY_SAMPLES (100 per level), BENCH_NICE (e.g. -10: run the application with a higher
# scheduling priority, to approximate an unshared machine when other work keeps the cores busy; needs root).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

OUT=bench-results/foundation
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
BENCH_DB=${BENCH_DB:-wushe_bench}
PORT=${BENCH_PORT:-18090}
COLD_START_RUNS=${COLD_START_RUNS:-5}
QUERY_SAMPLES=${QUERY_SAMPLES:-100}
PASSWORD=bench-admin-password
HEAP=-Xmx512m
NICE=()
[ -z "${BENCH_NICE:-}" ] || NICE=(nice -n "$BENCH_NICE")
STEPS=("$@")
[ ${#STEPS[@]} -gt 0 ] || STEPS=(load-h2 load-pg cold-start cold-start-cds queries-h2 queries-pg)

mkdir -p "$OUT"
RESULTS="$OUT/results-$(date +%Y%m%d-%H%M%S).md"
APP_PID=""
JAVA=java
JAVA_EXTRA=()

note() { printf '%s\n' "$*" | tee -a "$RESULTS"; }
now_ms() { date +%s%3N; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
# user + system CPU time of a process so far, in ms: on a shared machine it varies less than the wall-clock time
cpu_ms() { awk -v tck="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tck) }' "/proc/$1/stat"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT
trap 'echo "bench/run-foundation.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

# start_app NAME [VAR=value ...]: starts the packaged application in the background, logging to $OUT/NAME.log
start_app() {
  local name=$1
  shift
  if curl -s -o /dev/null "http://localhost:$PORT/"; then
    echo "port $PORT is taken; set BENCH_PORT" >&2
    exit 1
  fi
  env SERVER_PORT="$PORT" WUSHE_ADMIN_PASSWORD="$PASSWORD" WUSHE_DEMO_ENABLED=false "$@" \
    "${NICE[@]}" "$JAVA" "$HEAP" "${JAVA_EXTRA[@]}" -jar "$APP_JAR" >"$OUT/$name.log" 2>&1 </dev/null &
  APP_PID=$!
}

# wait_for_log NAME PATTERN TIMEOUT_SECONDS
wait_for_log() {
  local deadline=$(($(date +%s) + $3))
  until grep -q -- "$2" "$OUT/$1.log"; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $OUT/$1.log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for '$2' in $OUT/$1.log" >&2; exit 1; }
    sleep 0.05
  done
}

# wait_for_http URL [TEXT [curl options]]: polls until the URL answers 200 (with TEXT in the body, if given)
wait_for_http() {
  local url=$1 text=${2:-}
  shift $(($# < 2 ? $# : 2))
  local deadline=$(($(date +%s) + 120)) body="$OUT/poll.html"
  until [ "$(curl -s -o "$body" -w '%{http_code}' --max-time 2 "$@" "$url" || true)" = "200" ] \
    && { [ -z "$text" ] || grep -q -- "$text" "$body"; }; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for $url" >&2; exit 1; }
    sleep 0.02
  done
}

build() {
  echo "Building ..."
  ./mvnw -B -ntp -q -DskipTests package </dev/null
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" </dev/null
  JAR=$(ls target/wushe-*.jar | grep -v -- '-plain\|\.original' | head -n 1)
  APP_JAR=$JAR
}

machine() {
  note "# Foundation benchmarks, $(date '+%Y-%m-%d %H:%M %Z')"
  note ""
  note "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -h | awk '/^Mem:/ { print $2 }') memory, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  note "- Java: $(java -version 2>&1 | head -n 1); PostgreSQL: $(psql -d postgres -Atc 'SHOW server_version' 2>/dev/null || echo n/a)"
  note "- Commit: $(git rev-parse --short HEAD 2>/dev/null || echo n/a); application heap: $HEAP${BENCH_NICE:+; application run with nice -n $BENCH_NICE}"
  note ""
}

# load NAME [VAR=value ...]: first start on an empty database until the tree is loaded
load() {
  local name=$1
  shift
  local t0 t1 log="$OUT/$name.log"
  t0=$(now_ms)
  start_app "$name" "$@"
  wait_for_log "$name" "Region tree loaded: " 600
  t1=$(now_ms)
  local cpu
  cpu=$(cpu_ms "$APP_PID")
  stop_app
  [[ "$(cat "$log")" =~ Region\ tree\ loaded:\ ([0-9]+)\ regions\ in\ ([0-9]+)\ ms ]]
  local regions=${BASH_REMATCH[1]} loader=${BASH_REMATCH[2]}
  [[ "$(cat "$log")" =~ Started\ WusheApplication\ in\ ([0-9.]+)\ seconds ]]
  note "- $name: the loader took $(seconds "$loader") s for $regions regions (in the background; the application had started in ${BASH_REMATCH[1]} s); process start until the tree was loaded: $(seconds $((t1 - t0))) s (process CPU time $(seconds "$cpu") s; load average $(cut -d' ' -f1 /proc/loadavg))"
}

step_load_h2() {
  note "## First start: loading the region tree"
  note ""
  rm -rf "$OUT/h2"
  load load-h2 WUSHE_DATA_DIR="$PWD/$OUT/h2"
  note "  (H2 file database size: $(du -sh "$OUT/h2" | cut -f1))"
}

step_load_pg() {
  psql -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
  load load-pg SPRING_PROFILES_ACTIVE=postgres WUSHE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
    WUSHE_DB_USER="$PGUSER"
  note "  (PostgreSQL database size: $(psql -d "$BENCH_DB" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))"))"
}

# cold_start TITLE: later starts on the loaded H2 database, $COLD_START_RUNS times
cold_start() {
  [ -d "$OUT/h2" ] || { echo "run the load-h2 step first" >&2; exit 1; }
  note ""
  note "## $1 ($HEAP, $COLD_START_RUNS runs)"
  note ""
  local i t0 t1 t2 cpu login=() page=() started=()
  for i in $(seq 1 "$COLD_START_RUNS"); do
    t0=$(now_ms)
    start_app cold-start WUSHE_DATA_DIR="$PWD/$OUT/h2"
    wait_for_http "http://localhost:$PORT/login"
    t1=$(now_ms)
    cpu=$(cpu_ms "$APP_PID")
    # the region page itself, not the one saying that the tree is loading
    wait_for_http "http://localhost:$PORT/regions/15" 'id="region-name"' -u "admin:$PASSWORD"
    t2=$(now_ms)
    grep -q 'Region tree already loaded' "$OUT/cold-start.log" || { echo "the tree was loaded again" >&2; exit 1; }
    started+=("$(grep -o 'Started WusheApplication in [0-9.]* seconds' "$OUT/cold-start.log" | grep -o '[0-9.]*' | head -n 1)")
    stop_app
    login+=($((t1 - t0)))
    page+=($((t2 - t0)))
    note "- run $i: GET /login 200 after $(seconds "${login[-1]}") s (process CPU time by then $(seconds "$cpu") s); authenticated /regions/15 200 after $(seconds "${page[-1]}") s; Spring: started in ${started[-1]} s; load average $(cut -d' ' -f1 /proc/loadavg)"
  done
  note "- median: GET /login $(seconds "$(printf '%s\n' "${login[@]}" | median)") s; authenticated page $(seconds "$(printf '%s\n' "${page[@]}" | median)") s"
}

step_cold_start() {
  cold_start "Cold start on the loaded H2 database: java -jar"
}

# The same with the jar extracted and a class-data-sharing archive from a training run (Spring Boot's CDS support).
step_cold_start_cds() {
  local dir="$OUT/cds"
  rm -rf "$dir"
  java -Djarmode=tools -jar "$JAR" extract --destination "$dir" >/dev/null
  APP_JAR="$dir/$(basename "$JAR")"
  env WUSHE_DATA_DIR="$PWD/$OUT/h2" SERVER_PORT=0 WUSHE_DEMO_ENABLED=false \
    java "$HEAP" -XX:ArchiveClassesAtExit="$dir/application.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
    >"$OUT/cds-training.log" 2>&1 </dev/null
  JAVA_EXTRA=(-XX:SharedArchiveFile="$dir/application.jsa")
  cold_start "Cold start on the loaded H2 database: extracted jar with a CDS archive"
  JAVA_EXTRA=()
  APP_JAR=$JAR
}

# The same on a JDK with an ahead-of-time cache (JDK 24+, JEP 483/514): AOT_JAVA names its java launcher.
step_cold_start_aot() {
  [ -n "${AOT_JAVA:-}" ] || { echo "cold-start-aot needs AOT_JAVA=<a JDK 24+ java launcher>" >&2; exit 1; }
  local dir="$OUT/aot"
  rm -rf "$dir"
  "$AOT_JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$dir" >/dev/null
  APP_JAR="$dir/$(basename "$JAR")"
  env WUSHE_DATA_DIR="$PWD/$OUT/h2" SERVER_PORT=0 WUSHE_DEMO_ENABLED=false \
    "$AOT_JAVA" "$HEAP" -XX:AOTCacheOutput="$dir/application.aot" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
    >"$OUT/aot-training.log" 2>&1 </dev/null
  local plain_java=$JAVA
  JAVA=$AOT_JAVA
  JAVA_EXTRA=(-XX:AOTCache="$dir/application.aot")
  cold_start "Cold start on the loaded H2 database: extracted jar with an AOT cache ($("$AOT_JAVA" -version 2>&1 | head -n 1))"
  JAVA_EXTRA=()
  JAVA=$plain_java
  APP_JAR=$JAR
}

queries() {
  local db=$1
  shift
  java -Xmx1g -cp "target/test-classes:target/classes:$(cat "$OUT/classpath.txt")" org.wushe.bench.RegionQueryBenchmark \
    --db="$db" --password="$PASSWORD" --samples="$QUERY_SAMPLES" --out="$OUT/queries-$db.md" "$@" </dev/null \
    >"$OUT/queries-$db.log" 2>&1 || { tail -n 30 "$OUT/queries-$db.log" >&2; exit 1; }
  note ""
  cat "$OUT/queries-$db.md" >>"$RESULTS"
  cat "$OUT/queries-$db.md"
}

step_queries_h2() {
  [ -d "$OUT/h2" ] || { echo "run the load-h2 step first" >&2; exit 1; }
  queries h2 --data-dir="$PWD/$OUT/h2"
}

step_queries_pg() {
  queries postgres --pg-url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
}

build
machine
for step in "${STEPS[@]}"; do
  case "$step" in
    load-h2) step_load_h2 ;;
    load-pg) step_load_pg ;;
    cold-start) step_cold_start ;;
    cold-start-cds) step_cold_start_cds ;;
    cold-start-aot) step_cold_start_aot ;;
    queries-h2) step_queries_h2 ;;
    queries-pg) step_queries_pg ;;
    *) echo "unknown step: $step" >&2; exit 1 ;;
  esac
done
note ""
note "Results: $RESULTS"
