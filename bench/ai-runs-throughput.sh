#!/usr/bin/env bash
# Mock-mode AI runs per second, end to end (start → debit + insert → JobRunr → mock model → schema
# check → SUCCEEDED and its notice; PDFs are made at first download), next to bare JobRunr running
# no-op jobs on the same storage with the same workers, in one process (bare, runs, runs, bare),
# on the machine's PostgreSQL and Redis. Each phase also reports CPU per job (this process by
# thread group, this database's backends) and the database's transactions and rows per job.
# Not part of ./mvnw verify.
#
#   bench/ai-runs-throughput.sh                     # 2000 jobs a phase, 8 clients, 16 workers
#   BENCH_RUNS=5000 BENCH_CLIENTS=16 BENCH_WORKERS=32 bench/ai-runs-throughput.sh
#   BENCH_AI_UNIVERSITIES=20 bench/ai-runs-throughput.sh   # the 200 students spread over 20 universities
#     (a worker's consecutive runs then belong to different universities, as on a shared node)
#   BENCH_AI_SQL="ALTER TABLE ai_runs DISABLE TRIGGER ai_runs_corrected_update" bench/ai-runs-throughput.sh
#     (a schema variant without a build: SQL run as the owner once the app has migrated, before the
#     students are made; PGPORT=<a server that preloads pg_stat_statements> to time each statement,
#     as bench/RESULTS "Session 28" did)
#   BENCH_SKIP_BUILD=1 BENCH_JAR=/tmp/other.jar BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/ai.jfr,settings=profile \
#     bench/ai-runs-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="${BENCH_DATABASE:-careerai_bench_ai}"
export BENCH_DATABASE_URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB}"
RUNS="${BENCH_RUNS:-2000}" CLIENTS="${BENCH_CLIENTS:-8}" WORKERS="${BENCH_WORKERS:-16}"
JAR="${BENCH_JAR:-app/target/careerai-app.jar}"

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then ./mvnw -B -q package -DskipTests -pl app -am; fi
CLASSES="${BENCH_CLASSES:-bench/target/classes}"
mkdir -p "$CLASSES"
javac -nowarn -cp "$JAR" -d "$CLASSES" bench/src/com/careerai/bench/AiRunThroughput.java
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# the shipped JVM settings (jvm.options, ADR 0037) unless BENCH_JVM_OPTIONS says otherwise
# shellcheck disable=SC2086
java ${BENCH_JVM_OPTIONS-@jvm.options} ${BENCH_JAVA_OPTS:-} -cp "$JAR:$CLASSES" \
  com.careerai.bench.AiRunThroughput "$RUNS" "$CLIENTS" "$WORKERS" 2>&1 \
  | grep -E "^RESULT|Exception"
