#!/usr/bin/env bash
# Volunteer service hours at province scale on PostgreSQL (issue 11); results go to bench-results/volunteering/.
#
#   bench/run-volunteering-scale.sh                                   # 1M volunteers, 10M hour records in province 15
#   VOLUNTEERS=10000000 RECORDS=100000000 bench/run-volunteering-scale.sh   # the issue's size
#   RESET=1 bench/run-volunteering-scale.sh                           # drop the whole database first
#
# The data set is loaded again whenever its size differs from VOLUNTEERS/RECORDS (RELOAD=1 forces it). Uses the
# database wushe_volunteering (created if absent; never the tests' database). Environment: PGHOST/PGPORT/PGUSER
# (default 127.0.0.1/5432/postgres), BENCH_DB, VOLUNTEERS, RECORDS, PROVINCE, SAMPLES, SHEETS, SHEET, BENCH_NICE.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/java-bench.sh
BENCH_DB=${BENCH_DB:-wushe_volunteering}
OUT=bench-results/volunteering
bench_database "$BENCH_DB"
bench_classpath "$OUT"

VOLUNTEERS=${VOLUNTEERS:-1000000}
args=(--pg-url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" --volunteers="$VOLUNTEERS"
  --records="${RECORDS:-$((VOLUNTEERS * 10))}" --province="${PROVINCE:-15}" --samples="${SAMPLES:-200}"
  --sheets="${SHEETS:-5}" --sheet="${SHEET:-1000}" --out="$OUT/scale-$(date +%Y%m%d-%H%M%S).md")
[ -z "${RELOAD:-}" ] || args+=(--reload)
nice -n "${BENCH_NICE:-0}" java -Xmx1g -Duser.timezone=Asia/Shanghai -cp "$CP" org.wushe.bench.VolunteeringScaleBenchmark "${args[@]}"
