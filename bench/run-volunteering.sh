#!/usr/bin/env bash
# The volunteering benchmark (issue 11) on H2 and on PostgreSQL; results go to bench-results/volunteering/.
#
#   bench/run-volunteering.sh               # H2 (in memory) and PostgreSQL, one after the other
#   bench/run-volunteering.sh h2            # only H2
#   bench/run-volunteering.sh pg            # only PostgreSQL (a new schema wushe_bench_vol_<time> in database test)
#
# Environment: VOLUNTEERS (500), SESSIONS (4 per volunteer), CALLERS (16), TRANSFER_SECONDS (20),
# CERTIFICATES (1000 PDFs in the batch), SAMPLES (200), POOL (10 connections, as the application), HEAP (256m),
# BENCH_NICE.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/java-bench.sh
OUT=bench-results/volunteering
bench_classpath "$OUT"

args=(--volunteers="${VOLUNTEERS:-500}" --sessions="${SESSIONS:-4}" --callers="${CALLERS:-16}"
  --seconds="${TRANSFER_SECONDS:-20}" --certificates="${CERTIFICATES:-1000}" --samples="${SAMPLES:-200}" --pool="${POOL:-10}")
for db in "${@:-h2 pg}"; do
  for d in $db; do
    props=(-Duser.timezone=Asia/Shanghai)
    [ "$d" = pg ] && props+=(-Dwushe.test.db=postgres -Dwushe.test.schema="wushe_bench_vol_$(date +%Y%m%d%H%M%S)")
    nice -n "${BENCH_NICE:-0}" java -Xmx"${HEAP:-256m}" "${props[@]}" -cp "$CP" org.wushe.bench.VolunteeringBenchmark \
      "${args[@]}" --out="$OUT/volunteering-$d-$(date +%Y%m%d-%H%M%S).md"
  done
done
