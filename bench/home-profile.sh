#!/usr/bin/env bash
# bench/home-profile.sh <jar> <tag> [seconds=20] [connections=8] — the signed-in home's app side, counted
# (session 19, ADR 0074), as bench/debit-profile.sh does for the debit. Needs a database and sessions left
# by `bench/run --only home` with BENCH_DATABASE (e.g. careerai_h30h_bench) and its bench/target/run files.
# Starts a web-only node on BENCH_PORT (18120), saves one student's home (page.html, for a byte-for-byte
# comparison between jars), warms the node (4 × 10 s of wrk), then over one measured wrk run: a JFR recording
# (settings=profile, method-profiling=max [JFR_OPTIONS], stack depth 300), the database's transactions and
# the node's CPU. Writes /tmp/home-profile/<tag>/: info.txt (app CPU ms, transactions and bytes allocated
# per home), cpu.json (the samples: `jfr print --json --stack-depth 300 --events jdk.ExecutionSample`).
set -euo pipefail
JAR=$1; TAG=$2; SECS=${3:-20}; C=${4:-8}
cd "$(dirname "$0")/.."
O=/tmp/home-profile/$TAG; rm -rf "$O"; mkdir -p "$O"
DB=${BENCH_DATABASE:-careerai_h30h_bench}; PORT=${BENCH_PORT:-18120}; export PGHOST=127.0.0.1 PGUSER=postgres
R=bench/target/run
. bench/web-node.sh
start_web_node "$JAR" "${BENCH_REDIS_PREFIX:-h30h:}" 300
read -r HOST TOKEN < <(head -1 "$R/sessions-one.txt")
curl -fs -H "Host: $HOST" -H "Authorization: Bearer $TOKEN" -H "Accept: text/html" -D "$O/headers.txt" \
  -o "$O/page.html" "http://127.0.0.1:$PORT/"
WRK() { wrk -t2 -c"$C" -d"$1"s --timeout 10s --latency -s bench/wrk/sessions.lua "http://127.0.0.1:$PORT/" \
  -- "$R/sessions-one.txt" text/html; }
for _ in 1 2 3 4; do WRK 10 | grep Requests/sec; done
start_recording home "${JFR_OPTIONS:-method-profiling=max}"
uptime >> "$O/info.txt"
WRK "$SECS" > "$O/wrk.txt"
uptime >> "$O/info.txt"
stop_recording home
awk -v n="$N" -v t=$((T1 - T0)) -v x=$((X1 - X0 - 1)) -v rps="$RPS" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "homes %d, %.0f homes/s, app CPU %.3f ms/home, transactions/home %.3f\n", n, rps, t*1000/hz/n, x/n }' | tee -a "$O/info.txt"
python3 bench/jfr-shares.py alloc "$O/rec.jfr" "$N" | tee -a "$O/info.txt"
jfr print --json --stack-depth 300 --events jdk.ExecutionSample "$O/rec.jfr" > "$O/cpu.json"
