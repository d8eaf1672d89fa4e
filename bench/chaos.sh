#!/usr/bin/env bash
# Chaos across nodes (issue 21): two web nodes and two worker nodes (separate JVMs) on one
# PostgreSQL and one Redis, under a steady load of sign-ins, mock AI runs, counselling bookings
# (some cancelled) and credit-pack purchases (Stripe stand-in + signed webhooks sent to both web
# nodes), while
#   - a worker node is SIGKILLed CHAOS_KILLS (20) times at random moments, and started again;
#   - Redis is stopped for 30 s (public pages must keep answering, sign-in must say "try again");
#   - PostgreSQL is restarted (pg_ctl restart -m fast).
# Then it waits for the work to drain and checks the invariants in SQL, printing each one, and
# exits non-zero on any violation (or any 5xx other than a deliberate 503).
#
# It never touches the machine's own PostgreSQL or Redis: it starts a private PostgreSQL
# (initdb with the system binaries, port CHAOS_PG_PORT) and a private redis-server
# (CHAOS_REDIS_PORT), and removes both at the end. Not part of ./mvnw verify; run before releases.
#
#   bench/chaos.sh                                   # build the jar, 240 s of load, 20 kills
#   CHAOS_SKIP_BUILD=1 CHAOS_SECONDS=120 CHAOS_KILLS=10 bench/chaos.sh
#   CHAOS_JAR=/tmp/careerai-app.jar CHAOS_SKIP_BUILD=1 bench/chaos.sh     # a jar built earlier
#
# Needs: JDK 17, PostgreSQL server binaries (initdb, pg_ctl), redis-server, curl, psql.
# Output: bench/target/chaos/ (node logs, load-5xx.log, load.summary, invariants.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/target/chaos"
SECONDS_OF_LOAD="${CHAOS_SECONDS:-240}"
KILLS="${CHAOS_KILLS:-20}"
CLIENTS="${CHAOS_CLIENTS:-6}"
PG_PORT="${CHAOS_PG_PORT:-55432}"
REDIS_PORT="${CHAOS_REDIS_PORT:-56379}"
SMTP_PORT="${CHAOS_SMTP_PORT:-3525}"
STRIPE_PORT="${CHAOS_STRIPE_PORT:-3580}"
WEB_PORTS=(18181 18182)
WORKER_PORTS=(18183 18184)
DB=careerai_chaos
BASE=careerai.localhost
WEBHOOK_SECRET=whsec_chaos_c2VjcmV0LWZvci1jaGFvcw
PG_BIN="${CHAOS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PG_DATA="${CHAOS_PG_DATA:-/tmp/careerai-chaos-pg}"
JAR="${CHAOS_JAR:-$ROOT/app/target/careerai-app.jar}"
T0=$(date +%s)

for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" redis-server redis-cli curl psql java javac; do
  command -v "$tool" >/dev/null || { echo "missing: $tool"; exit 1; }
done

# initdb and pg_ctl refuse to run as root: run them as the postgres user then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_chaos() { psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
say() { printf '%s [%4ss] %s\n' "$(date -u +%H:%M:%S)" "$(( $(date +%s) - T0 ))" "$*"; }

rm -rf "$OUT" && mkdir -p "$OUT"
declare -A PIDS=()
LOAD_PID=""
cleanup() {
  set +e
  touch "$OUT/load.stop"
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null
  for name in "${!PIDS[@]}"; do kill "${PIDS[$name]}" 2>/dev/null; done
  for name in "${!PIDS[@]}"; do wait "${PIDS[$name]}" 2>/dev/null; done
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m immediate >/dev/null 2>&1
  rm -rf "$PG_DATA"
}
trap cleanup EXIT

if [ "${CHAOS_SKIP_BUILD:-}" != 1 ] || [ ! -f "$JAR" ]; then
  say "building the application jar"
  ./mvnw -B -q -o package -DskipTests -pl app -am
fi
mkdir -p bench/target/classes
javac -nowarn -cp "$JAR" -d bench/target/classes bench/src/com/careerai/bench/ChaosLoad.java

say "private PostgreSQL on :$PG_PORT ($PG_BIN), private Redis on :$REDIS_PORT"
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m immediate >/dev/null 2>&1 || true
rm -rf "$PG_DATA" && mkdir -p "$PG_DATA"
[ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 >"$OUT/initdb.log" 2>&1
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
psql_chaos -d postgres -c "CREATE DATABASE $DB" \
  -c "CREATE ROLE careerai_app NOLOGIN" \
  -c "CREATE ROLE careerai_web LOGIN PASSWORD 'careerai-local' IN ROLE careerai_app"
redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
start_redis() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --logfile "$OUT/redis.log" >/dev/null
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "redis-server did not start"; exit 1
}
start_redis

# start_node <name> <port> <roles>   (DEMO=true: seed the demo university; web-1 only, once)
start_node() {
  local name=$1 port=$2 roles=$3
  DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" DATABASE_USER=careerai_web \
  DATABASE_PASSWORD=careerai-local DATABASE_MIGRATION_USER=postgres DATABASE_POOL_SIZE=12 \
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT" PORT="$port" CAREERAI_ROLES="$roles" CAREERAI_WORKERS=4 \
  CAREERAI_DEMO="${DEMO:-false}" MICRONAUT_ENVIRONMENTS=dev CAREERAI_LOG_LEVEL=WARN CAREERAI_BASE_DOMAIN="$BASE" \
  CAREERAI_AI_MODE=mock SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" SMTP_STARTTLS=false \
  STRIPE_SECRET_KEY=sk_test_chaos STRIPE_WEBHOOK_SECRET="$WEBHOOK_SECRET" \
  STRIPE_API_BASE="http://127.0.0.1:$STRIPE_PORT" MALLOC_ARENA_MAX=2 \
    java @jvm.options -XX:TieredStopAtLevel=1 \
      -Dcareerai.auth.otp.requests-per-ip=1000000 -Dcareerai.auth.otp.verifications-per-ip=1000000 \
      -Dcareerai.outbox.relay-after=20s -Dcareerai.outbox.relay-interval=20s \
      -jar "$JAR" >>"$OUT/$name.log" 2>&1 &
  PIDS[$name]=$!
}
wait_healthy() { # <port> <seconds>
  for _ in $(seq 1 $(( $2 * 2 ))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $BASE" "http://127.0.0.1:$1/health")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}

say "starting the load driver (SMTP :$SMTP_PORT, Stripe stand-in :$STRIPE_PORT)"
CHAOS_DIR="$OUT" CHAOS_WEB_PORTS="$(IFS=,; echo "${WEB_PORTS[*]}")" CHAOS_SMTP_PORT="$SMTP_PORT" \
CHAOS_WAIT_PORTS="$(IFS=,; echo "${WORKER_PORTS[*]}")" \
CHAOS_STRIPE_PORT="$STRIPE_PORT" CHAOS_WEBHOOK_SECRET="$WEBHOOK_SECRET" CHAOS_SECONDS="$SECONDS_OF_LOAD" \
CHAOS_CLIENTS="$CLIENTS" CHAOS_BASE_DOMAIN="$BASE" \
  java -Xmx256m -Djdk.httpclient.allowRestrictedHeaders=host -cp "$JAR:bench/target/classes" \
    com.careerai.bench.ChaosLoad >"$OUT/load.log" 2>&1 &
LOAD_PID=$!
for _ in $(seq 1 60); do [ -f "$OUT/load.ready" ] && break; sleep 0.5; done
[ -f "$OUT/load.ready" ] || { echo "the load driver did not start: $OUT/load.log"; cat "$OUT/load.log"; exit 1; }

say "starting web-1 (migrates, seeds the demo university)"
DEMO=true start_node web-1 "${WEB_PORTS[0]}" web
wait_healthy "${WEB_PORTS[0]}" 480 || { echo "web-1 did not start: $OUT/web-1.log"; tail -40 "$OUT/web-1.log"; exit 1; }
say "starting web-2, worker-1, worker-2"
start_node web-2 "${WEB_PORTS[1]}" web
start_node worker-1 "${WORKER_PORTS[0]}" worker
start_node worker-2 "${WORKER_PORTS[1]}" worker
for port in "${WEB_PORTS[1]}" "${WORKER_PORTS[@]}"; do
  wait_healthy "$port" 360 || { echo "node on :$port did not start (logs in $OUT)"; exit 1; }
done
say "all four nodes up; waiting for the load to start"
for _ in $(seq 1 240); do [ -f "$OUT/load.started" ] && break; kill -0 "$LOAD_PID" 2>/dev/null || break; sleep 0.5; done
[ -f "$OUT/load.started" ] || { echo "the load did not start: $OUT/load.log"; tail -20 "$OUT/load.log"; exit 1; }
LOAD_START=$(date +%s)
# Runs the demo seeded before the load (the analytics history: past runs without ledger rows) are
# not the load's: the run checks look at runs created from here on.
LOAD_STARTED_AT=$(psql_chaos -d "$DB" -c "SELECT now()")
say "load running for ${SECONDS_OF_LOAD}s with $CLIENTS clients"

# --- chaos 1: SIGKILL a worker KILLS times, at random moments, each time once it is serving again
kill_workers() {
  local spacing=$(( (SECONDS_OF_LOAD - 30) / KILLS ))
  [ "$spacing" -lt 4 ] && spacing=4
  for i in $(seq 1 "$KILLS"); do
    sleep $(( 1 + RANDOM % spacing ))
    local w=$(( 1 + RANDOM % 2 ))
    local name="worker-$w" port="${WORKER_PORTS[$(( w - 1 ))]}"
    # kill it once it serves again, or after 8 s if its start is slow (a kill mid-start counts too)
    wait_healthy "$port" 8 || true
    sleep "0.$(( RANDOM % 10 ))"
    kill -KILL "${PIDS[$name]}" 2>/dev/null || true
    wait "${PIDS[$name]}" 2>/dev/null || true
    echo "$(date -u +%H:%M:%S) kill $i: SIGKILL $name" >>"$OUT/chaos-events.log"
    start_node "$name" "$port" worker
  done
  echo "$(date -u +%H:%M:%S) kills done" >>"$OUT/chaos-events.log"
  for port in "${WORKER_PORTS[@]}"; do wait_healthy "$port" 180 || true; done
}
# --- chaos 2: Redis away for 30 s
redis_outage() {
  sleep $(( SECONDS_OF_LOAD / 4 ))
  touch "$OUT/redis.down"
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  echo "$(date -u +%H:%M:%S) redis stopped" >>"$OUT/chaos-events.log"
  sleep 30
  start_redis
  rm -f "$OUT/redis.down"
  echo "$(date -u +%H:%M:%S) redis started again" >>"$OUT/chaos-events.log"
}
# --- chaos 3: PostgreSQL restarted
postgres_restart() {
  sleep $(( SECONDS_OF_LOAD * 2 / 3 ))
  touch "$OUT/pg.down"
  echo "$(date -u +%H:%M:%S) postgres restart -m fast" >>"$OUT/chaos-events.log"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" restart -m fast -w \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" >/dev/null
  rm -f "$OUT/pg.down"
  echo "$(date -u +%H:%M:%S) postgres back" >>"$OUT/chaos-events.log"
}
# The kill loop runs in this shell (it restarts workers, whose pids cleanup must know).
redis_outage & REDIS_JOB=$!
postgres_restart & PG_JOB=$!
kill_workers
wait "$REDIS_JOB" "$PG_JOB"
say "chaos done: $(grep -c 'SIGKILL' "$OUT/chaos-events.log") kills, Redis stopped 30 s, PostgreSQL restarted"
while [ ! -f "$OUT/load.summary" ]; do
  kill -0 "$LOAD_PID" 2>/dev/null || { echo "the load driver failed: $OUT/load.log"; tail -20 "$OUT/load.log"; exit 1; }
  sleep 1
done  # the driver keeps SMTP and the Stripe stand-in up until load.stop (cleanup)
say "load finished; waiting for runs, jobs and the outbox to drain (at most 240 s)"

pending() {
  psql_chaos -d "$DB" -c "SELECT
    (SELECT count(*) FROM ai_runs WHERE status IN ('QUEUED','RUNNING'))
  + (SELECT count(*) FROM outbox_events WHERE delivered_at IS NULL)
  + (SELECT count(*) FROM jobrunr_jobs WHERE state IN ('ENQUEUED','PROCESSING'))"
}
for _ in $(seq 1 120); do
  [ "$(pending)" = 0 ] && break
  sleep 2
done
DRAINED_AFTER=$(( $(date +%s) - LOAD_START - SECONDS_OF_LOAD ))

# ------------------------------------------------------------------ invariants
psql_chaos -d "$DB" -c "CREATE TABLE chaos_delivered_sessions (id text PRIMARY KEY)"
[ -s "$OUT/delivered-sessions.txt" ] && psql_chaos -d "$DB" \
  -c "\\copy chaos_delivered_sessions FROM '$OUT/delivered-sessions.txt'"
VIOLATIONS=0
: >"$OUT/invariants.txt"
check() { # <description> <sql giving the number of violations>
  local n
  n=$(psql_chaos -d "$DB" -c "$2" 2>&1) || n="error: $n"
  if [ "$n" = 0 ]; then
    printf 'OK    %-78s 0\n' "$1" | tee -a "$OUT/invariants.txt"
  else
    printf 'FAIL  %-78s %s\n' "$1" "$n" | tee -a "$OUT/invariants.txt"
    VIOLATIONS=$(( VIOLATIONS + 1 ))
  fi
}
figure() { printf '      %-78s %s\n' "$1" "$(psql_chaos -d "$DB" -c "$2")" | tee -a "$OUT/invariants.txt"; }
summary() { sed -n "s/^$1=//p" "$OUT/load.summary"; }

echo
echo "== invariants (runs, ledger, bookings, webhooks, outbox, jobs)" | tee -a "$OUT/invariants.txt"
figure "runs started (by the load)" "SELECT count(*) FROM ai_runs WHERE created_at >= '$LOAD_STARTED_AT'"
figure "runs by status" "SELECT coalesce(string_agg(status || ' ' || n, ', '), '-') FROM (SELECT status, count(*) n FROM ai_runs WHERE created_at >= '$LOAD_STARTED_AT' GROUP BY 1 ORDER BY 1) s"
check "every run ended SUCCEEDED or REFUNDED" \
  "SELECT count(*) FROM ai_runs WHERE status NOT IN ('SUCCEEDED','REFUNDED')"  # all runs, the demo's too
check "every paid run has exactly one debit" \
  "SELECT count(*) FROM ai_runs r WHERE r.cost > 0 AND r.created_at >= '$LOAD_STARTED_AT' AND (SELECT count(*) FROM credit_transactions t
     WHERE t.university_id = r.university_id AND t.run_id = r.id AND t.type = 'DEBIT') <> 1"
check "each debit has at most one refund" \
  "SELECT count(*) FROM (SELECT 1 FROM credit_transactions WHERE type = 'REFUND' AND run_id IS NOT NULL
     GROUP BY university_id, run_id HAVING count(*) > 1) d"
check "a REFUNDED run has its refund, a SUCCEEDED run none" \
  "SELECT count(*) FROM ai_runs r WHERE r.cost > 0 AND r.created_at >= '$LOAD_STARTED_AT' AND (SELECT count(*) FROM credit_transactions t
     WHERE t.university_id = r.university_id AND t.run_id = r.id AND t.type = 'REFUND')
     <> CASE r.status WHEN 'REFUNDED' THEN 1 ELSE 0 END"
figure "bookings (paid in gold / of them cancelled and refunded)" \
  "SELECT count(*) FILTER (WHERE payment = 'GOLD') || ' / ' || count(*) FILTER (WHERE payment = 'GOLD' AND refunded) FROM appointments"
check "every gold booking debited exactly once" \
  "SELECT count(*) FROM appointments a WHERE a.payment = 'GOLD' AND (SELECT count(*) FROM credit_transactions t
     WHERE t.university_id = a.university_id AND t.run_id = a.id AND t.type = 'DEBIT') <> 1"
check "every gold booking refunded once if marked refunded, else never" \
  "SELECT count(*) FROM appointments a WHERE a.payment = 'GOLD' AND (SELECT count(*) FROM credit_transactions t
     WHERE t.university_id = a.university_id AND t.run_id = a.id AND t.type = 'REFUND')
     <> CASE WHEN a.refunded THEN 1 ELSE 0 END"
check "a refunded booking is cancelled" \
  "SELECT count(*) FROM appointments WHERE refunded AND status <> 'CANCELLED'"
figure "checkout webhooks accepted (one event per session, each sent to both web nodes)" \
  "SELECT count(*) FROM chaos_delivered_sessions"
check "every webhook event recorded once and PROCESSED" \
  "SELECT count(*) FROM chaos_delivered_sessions s LEFT JOIN stripe_events e ON e.id = 'evt_' || substr(s.id, 4)
     WHERE e.outcome IS DISTINCT FROM 'PROCESSED'"
check "every accepted checkout is PAID" \
  "SELECT count(*) FROM chaos_delivered_sessions s LEFT JOIN payments p ON p.external_id = s.id
     WHERE p.status IS DISTINCT FROM 'PAID'"
# (a paid session or course place is an item of kind PACK that buys no credits: nothing to top up)
check "every PAID pack credited exactly once (TOPUP keyed stripe:<session>)" \
  "SELECT count(*) FROM payments p WHERE p.kind = 'PACK' AND p.credits > 0 AND p.status = 'PAID' AND (SELECT count(*) FROM credit_transactions t
     WHERE t.university_id = p.university_id AND t.type = 'TOPUP' AND t.idempotency_key = 'stripe:' || p.external_id) <> 1"
check "no TOPUP without its paid payment (since refunded or not)" \
  "SELECT count(*) FROM credit_transactions t WHERE t.type = 'TOPUP' AND t.idempotency_key LIKE 'stripe:cs_%'
     AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.university_id = t.university_id
     AND p.status IN ('PAID', 'REFUNDED', 'PARTIALLY_REFUNDED')
     AND t.idempotency_key = 'stripe:' || p.external_id)"
check "ledger audit: balance = sum of the ledger, per wallet and currency" \
  "SELECT count(*) FROM credit_wallets w WHERE
     w.silver_credits <> (SELECT coalesce(sum(amount), 0) FROM credit_transactions t WHERE t.university_id = w.university_id AND t.user_id = w.user_id AND t.currency = 'SILVER')
  OR w.gold_credits <> (SELECT coalesce(sum(amount), 0) FROM credit_transactions t WHERE t.university_id = w.university_id AND t.user_id = w.user_id AND t.currency = 'GOLD')"
figure "outbox events recorded" "SELECT count(*) FROM outbox_events"
check "no outbox event left undelivered" \
  "SELECT count(*) FROM outbox_events WHERE delivered_at IS NULL"
check "no mail left unsent (sign-in codes, receipts, booking mails)" \
  "SELECT count(*) FROM mail_deliveries WHERE status <> 'SENT'"
check "no JobRunr job lost or failed (none ENQUEUED, PROCESSING or FAILED)" \
  "SELECT count(*) FROM jobrunr_jobs WHERE state IN ('ENQUEUED','PROCESSING','FAILED')"
figure "JobRunr jobs by state" "SELECT coalesce(string_agg(state || ' ' || n, ', '), '-') FROM (SELECT state, count(*) n FROM jobrunr_jobs GROUP BY 1 ORDER BY 1) s"

echo "== the load and the chaos" | tee -a "$OUT/invariants.txt"
KILLED=$(grep -c 'SIGKILL' "$OUT/chaos-events.log" || true)
RESTARTS=$(cat "$OUT"/worker-*.log | grep -c "Background job server found stopped" || true)
printf '      %-78s %s\n' "requests sent (load driver)" "$(summary requests)" | tee -a "$OUT/invariants.txt"
printf '      %-78s %s\n' "students signed in" "$(summary students_signed_in)" | tee -a "$OUT/invariants.txt"
printf '      %-78s %s\n' "worker SIGKILLs survived" "$KILLED" | tee -a "$OUT/invariants.txt"
printf '      %-78s %s\n' "JobRunr restarts by the watchdog (worker logs)" "$RESTARTS" | tee -a "$OUT/invariants.txt"
printf '      %-78s %s\n' "503 answers (deliberate: Redis or PostgreSQL away)" "$(summary unavailable_503)" | tee -a "$OUT/invariants.txt"
printf '      %-78s %s\n' "connections refused or timed out" "$(summary transport_errors)" | tee -a "$OUT/invariants.txt"
printf '      %-78s %s\n' "work drained after the load stopped (s)" "$DRAINED_AFTER" | tee -a "$OUT/invariants.txt"
[ "$KILLED" -ge "$KILLS" ] && r=0 || r=$(( KILLS - KILLED ))
for line in \
  "$r|workers killed as planned ($KILLS)" \
  "$(summary server_errors_5xx_not_503)|5xx answers other than 503 (see load-5xx.log)" \
  "$(summary webhook_sessions_never_accepted)|webhooks never accepted after 90 s of redelivery" \
  "$(summary redis_down_public_pages_not_ok)|Redis down: public pages not answering 200 (of $(( $(summary redis_down_public_pages_ok) + $(summary redis_down_public_pages_not_ok) )))" \
  "$(summary redis_down_signin_other)|Redis down: sign-in not a 503 \"try again\" (of $(( $(summary redis_down_signin_try_again) + $(summary redis_down_signin_other) )))" \
  "$([ "$(summary signins_after_redis_back)" -gt 0 ] && echo 0 || echo 1)|sign-ins work again after Redis returns (no restart): $(summary signins_after_redis_back)"; do
  n=${line%%|*}; what=${line#*|}
  if [ "$n" = 0 ]; then printf 'OK    %-78s 0\n' "$what"; else printf 'FAIL  %-78s %s\n' "$what" "$n"; fi \
    | tee -a "$OUT/invariants.txt"
  [ "$n" = 0 ] || VIOLATIONS=$(( VIOLATIONS + 1 ))
done
echo
say "done in $(( $(date +%s) - T0 )) s on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)); $VIOLATIONS violation(s)"
[ "$VIOLATIONS" = 0 ]
