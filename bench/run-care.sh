#!/usr/bin/env bash
# The care benchmark (issue 10) on PostgreSQL; results go to bench-results/care/.
#
#   bench/run-care.sh                                   # 300,000 persons and 3,000,000 visits in province 15
#   PERSONS=3000000 VISITS=30000000 bench/run-care.sh   # the issue's province: 3M persons, 30M visits
#   RESET=1 bench/run-care.sh                           # drop the whole database first (after schema changes)
#   PHASES=writes bench/run-care.sh                     # only the concurrent writers (or only the reads: PHASES=reads)
#
# The data set is loaded again whenever its size differs from PERSONS/VISITS (RELOAD=1 forces it). Uses the database
# wushe_care (created if absent; never the tests' database). Environment: PGHOST/PGPORT/PGUSER (default
# 127.0.0.1/5432/postgres), BENCH_DB, PERSONS, VISITS, PROVINCE, SAMPLES, CHECKS (distinct counts checked per level
# and period above the county), WRITERS, WRITES, PHASES, BENCH_NICE.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/java-bench.sh
BENCH_DB=${BENCH_DB:-wushe_care}
OUT=bench-results/care
bench_database "$BENCH_DB"
bench_classpath "$OUT"

PERSONS=${PERSONS:-300000}
args=(--pg-url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" --persons="$PERSONS" --visits="${VISITS:-$((PERSONS * 10))}"
  --province="${PROVINCE:-15}" --samples="${SAMPLES:-200}" --writers="${WRITERS:-8}" --writes="${WRITES:-200}"
  --phases="${PHASES:-reads,writes}" --checks="${CHECKS:-1000000}" --out="$OUT/care-$(date +%Y%m%d-%H%M%S).md")
[ -z "${RELOAD:-}" ] || args+=(--reload)
nice -n "${BENCH_NICE:-0}" java -Xmx1g -Duser.timezone=Asia/Shanghai -cp "$CP" org.wushe.bench.CareBenchmark "${args[@]}"
