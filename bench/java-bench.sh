# Shared by the bench/run-*.sh scripts that run a Java benchmark (a main in src/test/java/org/wushe/bench); source it.
#
#   bench_database NAME   # PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres) exported; database NAME created if
#                         # absent, dropped first when RESET is set (never the tests' database)
#   bench_classpath OUT   # builds the test classes and sets CP to a copy of them plus the test class path, so that
#                         # the working tree may be rebuilt while a long run goes on (the copy is removed on exit)

bench_database() {
  PGHOST=${PGHOST:-127.0.0.1}
  PGPORT=${PGPORT:-5432}
  PGUSER=${PGUSER:-postgres}
  export PGHOST PGPORT PGUSER
  [ -z "${RESET:-}" ] || psql -d postgres -qc "DROP DATABASE IF EXISTS $1"
  psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || psql -d postgres -qc "CREATE DATABASE $1"
}

bench_classpath() {
  mkdir -p "$1"
  ./mvnw -B -ntp -q -DskipTests test-compile </dev/null
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$1/classpath.txt" </dev/null
  RUN_CLASSES=$(mktemp -d "$1/classes-XXXXXX")
  cp -r target/classes target/test-classes "$RUN_CLASSES/"
  trap 'rm -rf "$RUN_CLASSES"' EXIT
  CP="$RUN_CLASSES/test-classes:$RUN_CLASSES/classes:$(cat "$1/classpath.txt")"
}
