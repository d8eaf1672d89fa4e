#!/usr/bin/env bash
# bench/home-profile.sh <jar> <tag> [seconds=20] [connections=8] — the signed-in home's app side, counted
# (session 19, ADR 0074), as bench/debit-profile.sh does for the debit. Needs a database and sessions left
# by `bench/run --only home` with BENCH_DATABASE (e.g. careerai_h30h_bench) and its bench/target/run files.
# Starts a web-only node on BENCH_PORT (18120), saves one student's home (page.html, for a byte-for-byte
# comparison between jars), warms the node (4 × 10 s of wrk), then over one measured wrk run: a JFR recording
# (settings=profile with method-profiling=max: a sample a millisecond; stack depth 300), the database's transactions and the node's CPU. Writes
# /tmp/home-profile/<tag>/: info.txt (CPU ms, transactions and bytes allocated per home), cpu.json.
set -euo pipefail
JAR=$1; TAG=$2; SECS=${3:-20}; C=${4:-8}
cd "$(dirname "$0")/.."
O=/tmp/home-profile/$TAG; rm -rf "$O"; mkdir -p "$O"
DB=${BENCH_DATABASE:-careerai_h30h_bench}; PORT=${BENCH_PORT:-18120}; export PGHOST=127.0.0.1 PGUSER=postgres
psql_q() { psql -X -q -At -d "$DB" "$@"; }
R=bench/target/run
DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" DATABASE_USER=careerai_web DATABASE_PASSWORD=careerai-local \
  DATABASE_MIGRATION_USER=postgres REDIS_URL=redis://127.0.0.1:6379 PORT="$PORT" \
  CAREERAI_ROLES=web CAREERAI_AI_MODE=mock CAREERAI_LOG_LEVEL=WARN CAREERAI_REDIS_KEY_PREFIX="${BENCH_REDIS_PREFIX:-h30h:}" \
  SMTP_HOST=127.0.0.1 SMTP_PORT=$((PORT + 1)) SMTP_STARTTLS=false \
  JAVA_OPTS="-XX:FlightRecorderOptions:stackdepth=300" bin/careerai "$JAR" > "$O/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.1; done
JPID=$(pgrep -P $APP java || echo $APP)
read -r HOST TOKEN < <(head -1 "$R/sessions-one.txt")
curl -fs -H "Host: $HOST" -H "Authorization: Bearer $TOKEN" -H "Accept: text/html" -D "$O/headers.txt" \
  -o "$O/page.html" "http://127.0.0.1:$PORT/"
WRK() { wrk -t2 -c"$C" -d"$1"s --timeout 10s --latency -s bench/wrk/sessions.lua "http://127.0.0.1:$PORT/" \
  -- "$R/sessions-one.txt" text/html; }
for _ in 1 2 3 4; do WRK 10 | grep Requests/sec; done
sleep 1.5
X0=$(psql_q -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")
T0=$(awk '{ print $14 + $15 }' /proc/$JPID/stat)
jcmd $JPID JFR.start name=home settings=profile ${JFR_OPTIONS:-method-profiling=max} > /dev/null
uptime >> "$O/info.txt"
WRK "$SECS" > "$O/wrk.txt"
uptime >> "$O/info.txt"
T1=$(awk '{ print $14 + $15 }' /proc/$JPID/stat)
jcmd $JPID JFR.stop name=home filename="$O/rec.jfr" > /dev/null
sleep 1.5
X1=$(psql_q -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")
N=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$O/wrk.txt")
RPS=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$O/wrk.txt")
awk -v n="$N" -v t=$((T1 - T0)) -v x=$((X1 - X0 - 1)) -v rps="$RPS" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "homes %d, %.0f homes/s, app CPU %.3f ms/home, transactions/home %.3f\n", n, rps, t*1000/hz/n, x/n }' | tee -a "$O/info.txt"
python3 bench/jfr-shares.py alloc "$O/rec.jfr" "$N" | tee -a "$O/info.txt"
jfr print --json --stack-depth 300 --events jdk.ExecutionSample "$O/rec.jfr" > "$O/cpu.json"
