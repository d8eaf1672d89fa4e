#!/usr/bin/env bash
# bench/debit-profile.sh <jar> <tag> [seconds=20] — the debit path's app side, counted (session 17, ADR 0066).
# Needs a database and sessions left by `bench/run --only debit` with BENCH_DATABASE=careerai_h28d_bench
# (or BENCH_DATABASE) and its bench/target/run files. Tops up b2's students, starts a web-only node on
# BENCH_PORT (18020), warms it (3 × 10 s of wrk at 8), then over one measured wrk run at 8: a JFR recording
# (settings=profile, started with jcmd, stack depth 256), `redis-cli monitor` filtered to the node's own
# connections, the database's transactions and the node's CPU. Writes /tmp/debit-profile/<tag>/.
# Read the recording with `jfr print --json --stack-depth 300 --events jdk.ExecutionSample` (jfr print's
# default depth is 5 frames: without the option no frame above the leaf's caller is seen).
set -euo pipefail
JAR=$1; TAG=$2; SECS=${3:-20}
cd "$(dirname "$0")/.."
O=/tmp/debit-profile/$TAG; rm -rf "$O"; mkdir -p "$O"
DB=${BENCH_DATABASE:-careerai_h28d_bench}; PORT=${BENCH_PORT:-18020}; export PGHOST=127.0.0.1 PGUSER=postgres
psql_q() { psql -X -q -At -d "$DB" "$@"; }
R=bench/target/run
. bench/web-node.sh
UNI=$(psql_q -c "SELECT id FROM universities WHERE subdomain = 'b2'")
psql_q -c "WITH granted AS (
      INSERT INTO credit_transactions (university_id, user_id, currency, amount, type, idempotency_key)
      SELECT university_id, id, 'SILVER', 100000, 'GRANT', 'bench:top-up:' || id || ':' || gen_random_uuid()
      FROM users WHERE university_id = $UNI AND role = 'STUDENT'
        AND id IN ($(cut -d' ' -f2 "$R/people-write.txt" | paste -sd,))
      RETURNING university_id, user_id, amount)
    UPDATE credit_wallets w SET silver_credits = w.silver_credits + g.amount, updated_at = now()
    FROM granted g WHERE w.university_id = g.university_id AND w.user_id = g.user_id" > /dev/null
start_web_node "$JAR" "${BENCH_REDIS_PREFIX:-h28d:}" 256
WRK() { wrk -t2 -c8 -d"$1"s --timeout 10s --latency -s bench/wrk/sessions.lua "http://127.0.0.1:$PORT/api/v1/tools/job-pack/runs" \
  -- "$R/sessions-write.txt" application/json POST "$R/run-body.json"; }
for _ in 1 2 3; do WRK 10 | grep Requests/sec; done
PORTS=$(ss -tnp 2>/dev/null | grep "pid=$JPID," | awk '$5 ~ /:6379$/ { n = split($4, a, ":"); print a[n] }' | paste -sd'|')
echo "redis ports: $PORTS" > "$O/info.txt"
# each thread's context switches by its name (digits dropped): a hand-off between the event loop and the
# blocking pool is a park and a wake-up, so the voluntary switches per request count the hops (session 19)
CSW() { for t in /proc/$JPID/task/*; do printf '%s %s\n' "$(tr -d '0-9' < "$t/comm" | tr ' #' '__' | sed 's/[-_]*$//')" \
  "$(awk '/^voluntary_ctxt_switches/ { v = $2 } /^nonvoluntary_ctxt_switches/ { n = $2 } END { print v, n }' "$t/status")"; \
  done 2>/dev/null | awk '{ v[$1] += $2; n[$1] += $3 } END { for (k in v) print k, v[k], n[k] }' | sort; }
start_recording debit
CSW > "$O/csw0.txt"
timeout $((SECS + 1)) redis-cli monitor > "$O/monitor.txt" 2>/dev/null &
MON=$!
uptime >> "$O/info.txt"
WRK "$SECS" > "$O/wrk.txt"
uptime >> "$O/info.txt"
kill $MON 2>/dev/null || true
CSW > "$O/csw1.txt"
stop_recording debit
REDIS=$(grep -cE "[0-9] 127\.0\.0\.1:($PORTS)\]" "$O/monitor.txt" || true)
{ grep -E "[0-9] 127\.0\.0\.1:($PORTS)\]" "$O/monitor.txt" || true; } | awk '{ print $4 }' | sort | uniq -c > "$O/redis-cmds.txt"
awk -v n="$N" -v t=$((T1 - T0)) -v x=$((X1 - X0 - 1)) -v r="$REDIS" -v rps="$RPS" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "requests %d, %.0f req/s, app CPU %.3f ms/request, transactions/request %.3f, redis commands (monitor) %d = %.3f/request\n", n, rps, t*1000/hz/n, x/n, r, r/n }' | tee -a "$O/info.txt"
join -a2 "$O/csw0.txt" "$O/csw1.txt" | awk -v n="$N" 'NF == 5 { printf "%-16s voluntary %.2f, involuntary %.2f switches/request\n", $1, ($4 - $2) / n, ($5 - $3) / n }
  NF == 3 { printf "%-16s voluntary %.2f, involuntary %.2f switches/request (new thread)\n", $1, $2 / n, $3 / n }' \
  | sort -k3 -rn | head -8 | tee -a "$O/info.txt"
python3 bench/jfr-shares.py alloc "$O/rec.jfr" "$N"
