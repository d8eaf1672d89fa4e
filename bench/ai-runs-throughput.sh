#!/usr/bin/env bash
# Mock-mode AI runs per second, end to end (start → debit + insert → JobRunr → mock model → schema
# check → SUCCEEDED; PDFs are made at first download), on the machine's PostgreSQL and Redis.
# Not part of ./mvnw verify.
#
#   bench/ai-runs-throughput.sh                     # 2000 runs, 8 clients, 16 workers
#   BENCH_RUNS=5000 BENCH_CLIENTS=16 BENCH_WORKERS=32 bench/ai-runs-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="${BENCH_DATABASE:-careerai_bench_ai}"
export BENCH_DATABASE_URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB}"
RUNS="${BENCH_RUNS:-2000}" CLIENTS="${BENCH_CLIENTS:-8}" WORKERS="${BENCH_WORKERS:-16}"

./mvnw -B -q package -DskipTests
CLASSES=bench/target/classes
mkdir -p "$CLASSES"
javac -nowarn -cp app/target/careerai-app.jar -d "$CLASSES" bench/src/com/careerai/bench/AiRunThroughput.java
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
java -Xmx2g -cp "app/target/careerai-app.jar:$CLASSES" com.careerai.bench.AiRunThroughput "$RUNS" "$CLIENTS" "$WORKERS" 2>&1 \
  | grep -E "^RESULT|Exception" 
