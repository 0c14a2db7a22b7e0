#!/usr/bin/env bash
# Benchmarks of the rollups and dashboard at national scale, on PostgreSQL; results go to bench-results/dashboard/.
#
#   bench/run-dashboard.sh                      # 10M activity records (first measured at 1M, then at 10M)
#   ACTIVITIES=1000000 bench/run-dashboard.sh   # a smaller data set
#   RELOAD=1 bench/run-dashboard.sh             # drop the records of an earlier run and load again
#   RESET=1 bench/run-dashboard.sh              # drop the whole database first (after schema changes)
#   STEPS=1000000,3000000 ACTIVITIES=10000000 bench/run-dashboard.sh   # measure at 1M, 3M and 10M records
#   PHASES=writes,http bench/run-dashboard.sh   # only some phases (queries, registries, writes, http) on the data loaded
#   VOLUNTEERS=3000000 bench/run-dashboard.sh   # registry size (workers a tenth, organizations a thirtieth of it)
#
# The data set grows step by step: only the records added at a step are summed into the summary rows.
# Uses the database wushe_dashboard (created if absent; never the tests' database). Environment: PGHOST/PGPORT/PGUSER
# (default 127.0.0.1/5432/postgres), BENCH_DB, ACTIVITIES, STEPS, PHASES, VOLUNTEERS, SEED, SAMPLES, WRITERS, WRITES,
# HTTP_SECONDS, BENCH_PORT (default: any free port), BENCH_NICE (run the benchmark with nice -n BENCH_NICE).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/java-bench.sh
BENCH_DB=${BENCH_DB:-wushe_dashboard}
OUT=bench-results/dashboard
bench_database "$BENCH_DB"
bench_classpath "$OUT"

args=(--pg-url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" --activities="${ACTIVITIES:-10000000}"
  --seed="${SEED:-20250317}" --samples="${SAMPLES:-200}" --writers="${WRITERS:-8}" --writes="${WRITES:-250}"
  --out="$OUT/rollups-$(date +%Y%m%d-%H%M%S).md")
[ -z "${RELOAD:-}" ] || args+=(--reload)
[ -z "${STEPS:-}" ] || args+=(--steps="$STEPS")
[ -z "${PHASES:-}" ] || args+=(--phases="$PHASES")
[ -z "${VOLUNTEERS:-}" ] || args+=(--volunteers="$VOLUNTEERS")
[ -z "${HTTP_SECONDS:-}" ] || args+=(--http-seconds="$HTTP_SECONDS")
[ -z "${BENCH_PORT:-}" ] || args+=(--port="$BENCH_PORT")
nice -n "${BENCH_NICE:-0}" java -Xmx2g -cp "$CP" org.wushe.bench.RollupBenchmark "${args[@]}"
