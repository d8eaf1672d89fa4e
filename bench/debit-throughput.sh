#!/usr/bin/env bash
# Debit throughput: the application's real path (Wallets.debit in a Micronaut context) against
# pgbench running the same SQL, on the same PostgreSQL, in the same run, at 8 and 32 clients.
# Writes its section of bench/RESULTS.md, with the cost of row-level security. Not part of ./mvnw verify.
#
#   bench/debit-throughput.sh                # PostgreSQL at 127.0.0.1:5432, user postgres (trust)
#   BENCH_SECONDS=30 BENCH_CLIENTS="8 32" bench/debit-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DATABASE:-careerai_bench}"
SECONDS_PER_RUN="${BENCH_SECONDS:-20}"
CLIENTS="${BENCH_CLIENTS:-8 32}"
export BENCH_WALLETS="${BENCH_WALLETS:-1000}"
export BENCH_DATABASE_URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB}"
export BENCH_DATABASE_USER="$PGUSER"
export PGHOST PGPORT PGUSER

command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install postgresql-client"; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client"; exit 1; }

echo "== building the application jar"
./mvnw -B -q package -DskipTests
JAR=app/target/careerai-app.jar
CLASSES=bench/target/classes
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
javac -nowarn -cp "$JAR" -d "$CLASSES" bench/src/com/careerai/bench/DebitThroughput.java
JAVA=(java -Xmx1g -cp "$JAR:$CLASSES" com.careerai.bench.DebitThroughput)

echo "== fresh database $DB on $PGHOST:$PGPORT"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
ENV_FILE=bench/target/bench.env
"${JAVA[@]}" setup "$ENV_FILE" 2>&1 | grep -E "^setup|Exception" || true
# shellcheck disable=SC1090
source "$ENV_FILE"

app_run() {
  "${JAVA[@]}" run "$1" "$SECONDS_PER_RUN" 2>&1 | sed -n 's/^RESULT app .* tps=\([0-9.]*\)$/\1/p'
}
# The same path with row-level security out of the way: connected as a superuser.
app_run_without_rls() {
  BENCH_DATABASE_USER=postgres app_run "$1"
}
pgbench_run() {
  pgbench -n -M prepared -c "$1" -j 2 -T "$SECONDS_PER_RUN" -f bench/debit.sql \
      -D uni="$UNIVERSITY_ID" -D first="$FIRST_USER_ID" -D wallets="$WALLETS" "$DB" 2>&1 \
      | sed -n 's/^tps = \([0-9.]*\) .*/\1/p'
}
mean() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (a + b) / 2 }'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A APP PG RUNS OFF OFFRUNS
for c in $CLIENTS; do
  # A-B-B-A order, so a slow spell on a shared machine hurts both sides alike.
  echo "== $c clients: app, pgbench, pgbench, app ($SECONDS_PER_RUN s each)"
  a1=$(app_run "$c"); p1=$(pgbench_run "$c"); p2=$(pgbench_run "$c"); a2=$(app_run "$c")
  APP[$c]=$(mean "$a1" "$a2")
  PG[$c]=$(mean "$p1" "$p2")
  RUNS[$c]="app ${a1%.*} / ${a2%.*}, pgbench ${p1%.*} / ${p2%.*}"
  echo "   ${RUNS[$c]}"
  echo "== $c clients: app without row-level security, app with, app without"
  o1=$(app_run_without_rls "$c"); w=$(app_run "$c"); o2=$(app_run_without_rls "$c")
  OFF[$c]=$(mean "$o1" "$o2")
  OFFRUNS[$c]="off ${o1%.*} / ${o2%.*}, on ${w%.*}"
  APP[$c]=$(awk -v a="${APP[$c]}" -v b="$w" 'BEGIN { printf "%.0f", (2 * a + b) / 3 }')
  echo "   ${OFFRUNS[$c]}"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

AUDIT=$(psql -At -d "$DB" -c "SELECT count(*) FROM credit_wallets w WHERE silver_credits <> (SELECT coalesce(sum(amount), 0) FROM credit_transactions t WHERE t.university_id = w.university_id AND t.user_id = w.user_id AND t.currency = 'SILVER')")

{
  echo "# Debit throughput: application path vs pgbench"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(psql -At -d postgres -c 'SHOW server_version') at $PGHOST:$PGPORT,"
  echo "$(java -version 2>&1 | head -1). ${BENCH_WALLETS} wallets, ${SECONDS_PER_RUN} s per measurement (after a 5 s warm-up for the app),
each side measured twice in A-B-B-A order and averaged."
  echo "Load average (1/5/15 min) before: ${LOAD_BEFORE}; after: ${LOAD_AFTER}."
  echo "Wallets whose silver balance differs from the ledger after all runs: ${AUDIT}."
  echo
  echo "| clients | app path (debits/s) | pgbench, same SQL (tx/s) | app / pgbench | single runs (A-B-B-A) |"
  echo "|---:|---:|---:|---:|---|"
  for c in $CLIENTS; do
    ratio=$(awk -v a="${APP[$c]}" -v p="${PG[$c]}" 'BEGIN { if (p > 0) printf "%.2f", a / p; else print "n/a" }')
    echo "| $c | ${APP[$c]} | ${PG[$c]} | $ratio | ${RUNS[$c]} |"
  done
  echo
  echo "Target: the app path reaches at least half of raw pgbench throughput (ratio ≥ 0.50)."
  echo
  echo "## Cost of row-level security on the debit path"
  echo
  echo "With: the application's login role \`careerai_web\` (member of \`careerai_app\`) under the forced"
  echo "\`tenant_isolation\` policies, the connection bound to the bench university at check-out. Without: the"
  echo "same path connected as the superuser \`postgres\`, which row-level security does not hold back."
  echo "Runs in off-on-off order (the \"with\" figure averages all three runs with RLS on)."
  echo
  echo "| clients | with RLS (debits/s) | without RLS (debits/s) | with / without | single runs |"
  echo "|---:|---:|---:|---:|---|"
  for c in $CLIENTS; do
    ratio=$(awk -v a="${APP[$c]}" -v p="${OFF[$c]}" 'BEGIN { if (p > 0) printf "%.2f", a / p; else print "n/a" }')
    echo "| $c | ${APP[$c]} | ${OFF[$c]} | $ratio | ${OFFRUNS[$c]} |"
  done
  echo
  echo "Target (issue 12): row-level security costs less than 10 % (with / without ≥ 0.90)."
  echo
  echo "## How it was measured"
  echo
  echo '```bash'
  echo "bench/debit-throughput.sh    # BENCH_SECONDS=${SECONDS_PER_RUN} BENCH_CLIENTS=\"${CLIENTS}\" BENCH_WALLETS=${BENCH_WALLETS}"
  echo "# app path, per client count c:"
  echo "java -cp app/target/careerai-app.jar:bench/target/classes com.careerai.bench.DebitThroughput run \$c ${SECONDS_PER_RUN}"
  echo "# without row-level security: BENCH_DATABASE_USER=postgres, same command"
  echo "# pgbench, per client count c:"
  echo "pgbench -n -M prepared -c \$c -j 2 -T ${SECONDS_PER_RUN} -f bench/debit.sql -D uni=${UNIVERSITY_ID} -D first=${FIRST_USER_ID} -D wallets=${WALLETS} ${DB}"
  echo '```'
  echo
  echo "- App path: \`Wallets.debit(universityId, userId, \"bench\", SILVER, randomRunId)\` from c threads in a"
  echo "  Micronaut context (transaction interceptor, Hikari pool of c + 2), random wallet of ${BENCH_WALLETS} each call."
  echo "- pgbench: \`bench/debit.sql\`, the same two statements in one transaction (ledger INSERT … ON CONFLICT DO"
  echo "  NOTHING RETURNING the row, then \`UPDATE … WHERE silver_credits >= 1\`), prepared, random wallet each call."
  echo "- pgbench sends BEGIN, INSERT, UPDATE and END as four round trips; the PostgreSQL JDBC driver sends"
  echo "  BEGIN together with the first statement, so the app path makes three per debit and can match"
  echo "  or beat pgbench at low client counts."
  echo "- Both share the machine's cores with the database (and, on a shared build box, with other work):"
  echo "  compare the ratio, not the absolute numbers."
} > bench/target/debit-results.md
# Replace this benchmark's section of RESULTS.md (from its heading to the next top-level heading).
awk -v section=bench/target/debit-results.md '
  /^# Debit throughput/ { while ((getline line < section) > 0) print line; print ""; skip = 1; next }
  /^```/ { fence = !fence }
  /^# / && skip && !fence { skip = 0 }
  !skip { print }
' bench/RESULTS.md > bench/target/RESULTS.md && mv bench/target/RESULTS.md bench/RESULTS.md
cat bench/target/debit-results.md
