#!/usr/bin/env bash
# Sign-in code latency: HTTP request → email at an SMTP server (GreenMail in the benchmark's
# process), p50/p95 over BENCH_REQUESTS requests, on the machine's PostgreSQL and Redis.
# Mode "deliver" is the outbox default (sent right after commit) on a web-only node,
# "deliver-worker" the same on a web + worker node (JobRunr's server running beside it); "enqueue"
# goes through the JobRunr job only, as all mail did before the outbox. Not part of ./mvnw verify.
#
#   bench/signin-mail-latency.sh                      # 200 requests, 1 and 8 clients, three modes
#   BENCH_REQUESTS=500 BENCH_CLIENTS="1 16" BENCH_MODES=deliver bench/signin-mail-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="${BENCH_DATABASE:-careerai_bench_mail}"
export BENCH_DATABASE_URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB}"
REQUESTS="${BENCH_REQUESTS:-200}" CLIENTS="${BENCH_CLIENTS:-1 8}" MODES="${BENCH_MODES:-deliver deliver-worker enqueue}"

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then ./mvnw -B -q package -DskipTests -pl app -am; fi
JAR="${BENCH_JAR:-app/target/careerai-app.jar}"
CLASSES="${BENCH_CLASSES:-bench/target/classes}"
mkdir -p "$CLASSES"
javac -nowarn -cp "$JAR" -d "$CLASSES" bench/src/com/careerai/bench/SignInMailLatency.java
for mode in $MODES; do
  for clients in $CLIENTS; do
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
    java -Xmx1g -Djdk.httpclient.allowRestrictedHeaders=host \
      -cp "$JAR:$CLASSES" com.careerai.bench.SignInMailLatency "$mode" "$REQUESTS" "$clients" 2>&1 \
      | grep -E "^RESULT|Exception"
  done
done
