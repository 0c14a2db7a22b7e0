#!/usr/bin/env bash
# The care benchmark (issue 10) on PostgreSQL; results go to bench-results/care/.
#
#   bench/run-care.sh                                   # 300,000 persons and 3,000,000 visits in province 15
#   PERSONS=3000000 VISITS=30000000 bench/run-care.sh   # the issue's province: 3M persons, 30M visits
#   RESET=1 bench/run-care.sh                           # drop the whole database first (after schema changes)
#
# The data set is loaded again whenever its size differs from PERSONS/VISITS (RELOAD=1 forces it). Uses the database
# wushe_care (created if absent; never the tests' database). Environment: PGHOST/PGPORT/PGUSER (default
# 127.0.0.1/5432/postgres), BENCH_DB, PERSONS, VISITS, PROVINCE, SAMPLES, WRITERS, WRITES, BENCH_NICE.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
BENCH_DB=${BENCH_DB:-wushe_care}
OUT=bench-results/care
mkdir -p "$OUT"

[ -z "${RESET:-}" ] || psql -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB"
psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1 \
  || psql -d postgres -qc "CREATE DATABASE $BENCH_DB"

./mvnw -B -ntp -q -DskipTests test-compile </dev/null
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" </dev/null
RUN_CLASSES=$(mktemp -d "$OUT/classes-XXXXXX")
cp -r target/classes target/test-classes "$RUN_CLASSES/"
trap 'rm -rf "$RUN_CLASSES"' EXIT
CP="$RUN_CLASSES/test-classes:$RUN_CLASSES/classes:$(cat "$OUT/classpath.txt")"

PERSONS=${PERSONS:-300000}
args=(--pg-url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" --persons="$PERSONS" --visits="${VISITS:-$((PERSONS * 10))}"
  --province="${PROVINCE:-15}" --samples="${SAMPLES:-200}" --writers="${WRITERS:-8}" --writes="${WRITES:-200}"
  --out="$OUT/care-$(date +%Y%m%d-%H%M%S).md")
[ -z "${RELOAD:-}" ] || args+=(--reload)
nice -n "${BENCH_NICE:-0}" java -Xmx1g -Duser.timezone=Asia/Shanghai -cp "$CP" org.wushe.bench.CareBenchmark "${args[@]}"
