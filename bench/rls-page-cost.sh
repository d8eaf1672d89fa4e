#!/usr/bin/env bash
# Cost of row-level security on signed-in pages: the same app jar, the same database and the same
# student session, served once by the application's login role (careerai_web, under the forced
# tenant policies) and once by the superuser postgres (which row-level security does not hold
# back), in on-off-on-off order; wrk measures the wallet page and the wallet API. Writes its
# section of bench/RESULTS.md. Not part of ./mvnw verify.
#
#   bench/rls-page-cost.sh      # PostgreSQL 127.0.0.1:5432 (user postgres, trust), Redis 127.0.0.1:6379, wrk
#   BENCH_SECONDS=20 BENCH_CONNECTIONS=32 bench/rls-page-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; export PGHOST PGPORT PGUSER=postgres
DB="${BENCH_DATABASE:-careerai_bench_rls}"
SECONDS_PER_RUN="${BENCH_SECONDS:-15}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
PORT="${BENCH_PORT:-18080}"
HOST="demo.careerai.localhost"
REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }

echo "== building the application jar"
./mvnw -B -q package -DskipTests
mkdir -p bench/target
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
psql -q -d "$DB" -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_app') THEN CREATE ROLE careerai_app NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_web') THEN
    CREATE ROLE careerai_web LOGIN PASSWORD 'careerai-local' IN ROLE careerai_app; END IF; END \$\$"

APP_PID=""
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
trap stop_app EXIT

# start_app <database user> <password>
start_app() {
  DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER="$1" DATABASE_PASSWORD="$2" \
  DATABASE_MIGRATION_USER=postgres REDIS_URL="$REDIS_URL" PORT="$PORT" CAREERAI_DEMO=true \
  CAREERAI_ROLES=web,worker MICRONAUT_ENVIRONMENTS=dev CAREERAI_LOG_LEVEL=WARN \
    java -Xmx512m -jar app/target/careerai-app.jar > "bench/target/rls-app-$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" && return 0
    sleep 0.5
  done
  echo "the app did not start: see bench/target/rls-app-$1.log"; exit 1
}

csrf_free_post() { curl -fs -H "Host: $HOST" -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$PORT$1"; }

sign_in() {
  local email="bench$RANDOM@demo.edu"
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

# measure <path> → requests/s and p99 (ms)
measure() {
  local out
  wrk -t2 -c"$CONNECTIONS" -d3s --latency -H "Host: $HOST" -H "Authorization: Bearer $TOKEN" \
      "http://127.0.0.1:$PORT$1" > /dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Host: $HOST" \
      -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1")
  local rps p99
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')
  p99=$(echo "$out" | awk '$1 == "99%" { v = $2; if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /us$/) { sub(/us/, "", v); v = v / 1000 } else if (v ~ /s$/) { sub(/s/, "", v); v = v * 1000 } print v }')
  echo "${rps%.*} ${p99}"
}

declare -A RPS P99
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
TOKEN=""
for round in 1 2; do
  for mode in on off; do
    if [ "$mode" = on ]; then start_app careerai_web careerai-local; else start_app postgres ""; fi
    [ -n "$TOKEN" ] || TOKEN=$(sign_in)
    [ -n "$TOKEN" ] || { echo "could not sign in"; exit 1; }
    for path in /wallet /api/v1/wallet; do
      read -r rps p99 < <(measure "$path")
      echo "   RLS $mode, $path: $rps req/s, p99 $p99 ms"
      RPS[$mode,$path]="${RPS[$mode,$path]:-} $rps"
      P99[$mode,$path]="${P99[$mode,$path]:-} $p99"
    done
    stop_app
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
avg() { echo "$1" | awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.0f", s / NF }'; }

{
  echo "# Row-level security on signed-in pages"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(psql -At -d postgres -c 'SHOW server_version'),"
  echo "$(java -version 2>&1 | head -1). wrk, $CONNECTIONS connections, ${SECONDS_PER_RUN} s per measurement after a 3 s"
  echo "warm-up, one signed-in demo student (bearer session), one node (web and worker roles); RLS on and off alternated twice"
  echo "(on-off-on-off) and averaged. Load average before: ${LOAD_BEFORE}; after: ${LOAD_AFTER}."
  echo
  echo "| path | with RLS (req/s) | without RLS (req/s) | with / without | p99 with / without (ms) | single runs (req/s) |"
  echo "|---|---:|---:|---:|---|---|"
  for path in /wallet /api/v1/wallet; do
    on=$(avg "${RPS[on,$path]}"); off=$(avg "${RPS[off,$path]}")
    ratio=$(awk -v a="$on" -v b="$off" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    echo "| \`$path\` | $on | $off | $ratio | $(avg "${P99[on,$path]}") / $(avg "${P99[off,$path]}") | on${RPS[on,$path]}, off${RPS[off,$path]} |"
  done
  echo
  echo "With RLS: \`DATABASE_USER=careerai_web\` (member of \`careerai_app\`). Without: \`DATABASE_USER=postgres\`"
  echo "(a superuser). Same jar, database, Redis and session. Command: \`bench/rls-page-cost.sh\`"
  echo "(BENCH_SECONDS=${SECONDS_PER_RUN} BENCH_CONNECTIONS=${CONNECTIONS}). Target (issue 12): with / without ≥ 0.90."
} > bench/target/rls-page-results.md
awk -v section=bench/target/rls-page-results.md '
  BEGIN { found = 0 }
  /^# Row-level security on signed-in pages/ { while ((getline line < section) > 0) print line; print ""; skip = 1; found = 1; next }
  /^```/ { fence = !fence }
  /^# / && skip && !fence { skip = 0 }
  !skip { print }
  END { if (!found) { print ""; while ((getline line < section) > 0) print line } }
' bench/RESULTS.md > bench/target/RESULTS.md && mv bench/target/RESULTS.md bench/RESULTS.md
cat bench/target/rls-page-results.md
