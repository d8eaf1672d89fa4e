#!/usr/bin/env bash
# Staff analytics at size (issue 17): seeds one university (the demo) with a year of 1,000 active
# students a day (3,000 students, ~365,000 activity rows, ~365,000 AI runs, ~180,000 downloads,
# ledger-free), then measures /staff/analytics and its JSON API for the whole year (weekly buckets)
# and for the last 30 days with wrk, signed in as the demo staff member. Target: the page renders in
# under 1 s. Writes bench/target/analytics-results.md; copy it into bench/RESULTS.md. Not part of
# ./mvnw verify.
#
#   bench/analytics-page.sh      # PostgreSQL 127.0.0.1:5432 (user postgres, trust), Redis 127.0.0.1:6379, wrk
#   BENCH_SECONDS=20 BENCH_CONNECTIONS="1 4" BENCH_DATABASE=careerai_bench_mine BENCH_PORT=18091 bench/analytics-page.sh
#   BENCH_SKIP_BUILD=1 bench/analytics-page.sh   # app/target/careerai-app.jar is already built
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; export PGHOST PGPORT PGUSER=postgres
DB="${BENCH_DATABASE:-careerai_bench_analytics}"
SECONDS_PER_RUN="${BENCH_SECONDS:-15}"
CONNECTIONS="${BENCH_CONNECTIONS:-1 4}"   # each count in turn
PORT="${BENCH_PORT:-18081}"
HOST="demo.careerai.localhost"
REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379}"
# This run's own Redis key prefix (sessions, OTP rate limits): the sign-in's rate-limit keys of an
# earlier run in a shared Redis cannot refuse this one, and the keys are deleted on exit, so the
# script can be re-run back to back (e.g. BENCH_CONNECTIONS=1 after the default run).
REDIS_PREFIX="careerai-bench-analytics-$$-$(date +%s):"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
command -v redis-cli >/dev/null || { echo "redis-cli is missing: apt-get install redis-tools"; exit 1; }

if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
  echo "== using the application jar built before (BENCH_SKIP_BUILD=1)"
else
  echo "== building the application jar"
  ./mvnw -B -q package -DskipTests
fi
mkdir -p bench/target
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
psql -q -d "$DB" -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_app') THEN CREATE ROLE careerai_app NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_web') THEN
    CREATE ROLE careerai_web LOGIN PASSWORD 'careerai-local' IN ROLE careerai_app; END IF; END \$\$"

APP_PID=""
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
clear_redis() {
  redis-cli -u "$REDIS_URL" --scan --pattern "${REDIS_PREFIX}*" | xargs -r -n 500 redis-cli -u "$REDIS_URL" del > /dev/null || true
}
trap 'stop_app; clear_redis' EXIT
start_app() {
  DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER=careerai_web DATABASE_PASSWORD=careerai-local \
  DATABASE_MIGRATION_USER=postgres REDIS_URL="$REDIS_URL" CAREERAI_REDIS_KEY_PREFIX="$REDIS_PREFIX" PORT="$PORT" CAREERAI_DEMO=true \
  CAREERAI_ROLES=web,worker MICRONAUT_ENVIRONMENTS=dev CAREERAI_LOG_LEVEL=WARN \
    java -Xmx768m -jar app/target/careerai-app.jar > bench/target/analytics-app.log 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" && return 0
    sleep 0.5
  done
  echo "the app did not start: see bench/target/analytics-app.log"; exit 1
}

csrf_free_post() { curl -fs -H "Host: $HOST" -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$PORT$1"; }

sign_in() {
  local email="${1:-staff@demo.edu}"
  csrf_free_post /api/v1/auth/otp/request "{\"email\":\"$email\"}" > /dev/null
  local code=""
  for _ in $(seq 1 60); do
    code=$(curl -fs -H "Host: $HOST" "http://127.0.0.1:$PORT/dev/mail" | grep -oE '\b[0-9]{6}\b' | head -1 || true)
    [ -n "$code" ] && break
    sleep 0.5
  done
  csrf_free_post /api/v1/auth/otp/verify "{\"email\":\"$email\",\"code\":\"$code\"}" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}


echo "== starting the app (migrations, demo university)"
start_app
UNI=$(psql -At -d "$DB" -c "SELECT id FROM universities WHERE subdomain = 'demo'")
echo "== seeding a year of 1,000 active students a day into university $UNI"
SEED_START=$(date +%s)
psql -q -d "$DB" -v ON_ERROR_STOP=1 <<SQL
INSERT INTO users (university_id, email, name, role, email_verified, created_at)
  SELECT $UNI, 'bench' || n || '@demo.edu', 'Bench ' || n, 'STUDENT', TRUE, now() - make_interval(days => 365 + n % 30)
  FROM generate_series(1, 3000) AS n ON CONFLICT DO NOTHING;
CREATE TEMP TABLE bench_students AS
  SELECT id, row_number() OVER (ORDER BY id) AS k FROM users WHERE university_id = $UNI AND email LIKE 'bench%@demo.edu';
-- 1,000 of the 3,000 each day: a rotating third
INSERT INTO student_activity (university_id, day, user_id)
  SELECT $UNI, d::date, s.id FROM generate_series(current_date - 364, current_date, interval '1 day') AS d
  JOIN bench_students s ON (s.k + extract(doy FROM d)::int) % 3 = 0 ON CONFLICT DO NOTHING;
INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, demo, input, created_at)
  SELECT $UNI, gen_random_uuid(), a.user_id, (ARRAY['cv-analysis','job-pack','skill-mapper'])[1 + a.user_id % 3],
         CASE WHEN a.user_id % 13 = 0 THEN 'REFUNDED' ELSE 'SUCCEEDED' END, 'SILVER', 1, TRUE, '{}'::jsonb,
         a.day + make_interval(hours => (a.user_id % 24)::int)
  FROM student_activity a WHERE a.university_id = $UNI;
-- each run's ledger rows (the credits figure sums a year of them): its debit, and a refund if refunded.
-- Wallets stay as they are (the benchmark reads figures, not balances).
INSERT INTO credit_wallets (university_id, user_id) SELECT $UNI, id FROM bench_students ON CONFLICT DO NOTHING;
INSERT INTO credit_transactions (university_id, user_id, feature, currency, amount, type, run_id, status, metadata,
                                 idempotency_key, created_at)
  SELECT r.university_id, r.user_id, r.tool, 'SILVER', -1, 'DEBIT', r.id, 'POSTED', '{}'::jsonb, 'debit:' || r.id, r.created_at
  FROM ai_runs r JOIN bench_students s ON s.id = r.user_id WHERE r.university_id = $UNI
  UNION ALL
  SELECT r.university_id, r.user_id, r.tool, 'SILVER', 1, 'REFUND', r.id, 'POSTED', '{}'::jsonb, 'refund:' || r.id,
         r.created_at + interval '20 seconds'
  FROM ai_runs r JOIN bench_students s ON s.id = r.user_id WHERE r.university_id = $UNI AND r.status = 'REFUNDED'
  ON CONFLICT DO NOTHING;
INSERT INTO resource_downloads (university_id, resource_id, user_id, downloaded_at)
  SELECT $UNI, r.id, a.user_id, a.day + interval '12 hours'
  FROM student_activity a CROSS JOIN LATERAL (SELECT id FROM resources WHERE university_id = $UNI
       ORDER BY id LIMIT 1 OFFSET (a.user_id % 2)) AS r
  WHERE a.university_id = $UNI AND a.user_id % 2 = 0;
ANALYZE;
SQL
SEED_SECONDS=$(( $(date +%s) - SEED_START ))
ROWS=$(psql -At -d "$DB" -c "SELECT (SELECT count(*) FROM student_activity WHERE university_id = $UNI) || ' activity rows, '
  || (SELECT count(*) FROM ai_runs WHERE university_id = $UNI) || ' runs, '
  || (SELECT count(*) FROM resource_downloads WHERE university_id = $UNI) || ' downloads, '
  || (SELECT count(*) FROM credit_transactions WHERE university_id = $UNI) || ' ledger rows'")
echo "   $ROWS in ${SEED_SECONDS}s"

TOKEN=$(sign_in staff@demo.edu)
[ -n "$TOKEN" ] || { echo "could not sign in as staff@demo.edu"; exit 1; }
TO=$(date -u +%F); YEAR_FROM=$(date -u -d "$TO - 364 days" +%F); MONTH_FROM=$(date -u -d "$TO - 29 days" +%F)

# measure <path> <connections> -> requests/s, p50 and p99 (ms); a request may take up to 10 s
measure() {
  local out
  wrk -t1 -c"$2" -d3s --timeout 10s -H "Host: $HOST" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1" > /dev/null
  out=$(wrk -t1 -c"$2" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency -H "Host: $HOST" \
      -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1")
  local rps p50 p99
  ms='{ v = $2; if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /us$/) { sub(/us/, "", v); v = v / 1000 } else if (v ~ /s$/) { sub(/s/, "", v); v = v * 1000 } print v }'
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')
  p50=$(echo "$out" | awk '$1 == "50%" '"$ms")
  p99=$(echo "$out" | awk '$1 == "99%" '"$ms")
  echo "$rps $p50 $p99"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
RESULTS=""
for connections in $CONNECTIONS; do
  for path in "/staff/analytics?from=$YEAR_FROM&to=$TO" "/api/v1/staff/analytics?from=$YEAR_FROM&to=$TO" \
              "/staff/analytics?from=$MONTH_FROM&to=$TO" "/api/v1/staff/analytics?from=$MONTH_FROM&to=$TO"; do
    # a failed measurement (wrk error, app gone) is reported as such; the other rows still run
    read -r rps p50 p99 < <(measure "$path" "$connections" || echo "failed - -") || true
    echo "   $path, $connections connection(s): $rps req/s, p50 $p50 ms, p99 $p99 ms"
    RESULTS="$RESULTS| \`$path\` | $connections | $rps | $p50 | $p99 |
"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "# Staff analytics page at a year of 1,000 active students a day"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(psql -At -d postgres -c 'SHOW server_version'),"
  echo "$(java -version 2>&1 | head -1). Seeded: $ROWS (in ${SEED_SECONDS} s, SQL). wrk with $CONNECTIONS connection(s),"
  echo "${SECONDS_PER_RUN} s after a 3 s warm-up, signed in as staff@demo.edu (bearer). Load average before: ${LOAD_BEFORE}; after: ${LOAD_AFTER}."
  echo
  echo "| path | connections | req/s | p50 (ms) | p99 (ms) |"
  echo "|---|---:|---:|---:|---:|"
  printf "%s" "$RESULTS"
  echo
  echo "Every request computes every figure for the range and the previous range (no cache). Target (issue 17): the page under 1 s."
  echo "Command: \`bench/analytics-page.sh\` (BENCH_SECONDS=${SECONDS_PER_RUN} BENCH_CONNECTIONS=\"${CONNECTIONS}\")."
} > bench/target/analytics-results.md
cat bench/target/analytics-results.md
