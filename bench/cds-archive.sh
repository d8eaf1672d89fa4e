#!/usr/bin/env bash
# bench/cds-archive.sh — makes a class-data sharing archive for one build of the application jar
# (issue 19, ADR 0037): starts the jar once with the shipped settings and
# -XX:ArchiveClassesAtExit, waits for the first 200 of /health, asks for the public page and the
# demo university's sign-in page (so the first page's classes are in it too), and stops it; the JVM
# writes the archive as it exits. Later starts map those classes instead of loading them:
#
#   java @jvm.options -XX:SharedArchiveFile=app/target/careerai-app.jsa -jar app/target/careerai-app.jar
#
# The archive fits only the jar it was made from (same size and time): make it again after a build.
#   bench/cds-archive.sh [jar]       → <jar without .jar>.jsa
# Database and Redis as bench/startup.sh (STARTUP_DATABASE [careerai_startup], created if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${1:-app/target/careerai-app.jar}"
ARCHIVE="${JAR%.jar}.jsa"
PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; export PGHOST PGPORT PGUSER=postgres
DB="${STARTUP_DATABASE:-careerai_startup}"
PORT="${STARTUP_PORT:-18190}"
REDIS_URL="${STARTUP_REDIS_URL:-redis://127.0.0.1:6379}"
OUT=bench/target/startup
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -B -q package -DskipTests)"; exit 1; }

if ! psql -X -q -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  psql -X -q -d postgres -c "CREATE DATABASE $DB"
  psql -X -q -d "$DB" -c "DO \$\$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_app') THEN CREATE ROLE careerai_app NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_web') THEN
      CREATE ROLE careerai_web LOGIN PASSWORD 'careerai-local' IN ROLE careerai_app; END IF; END \$\$"
fi

rm -f "$ARCHIVE"
DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER=careerai_web DATABASE_PASSWORD=careerai-local \
DATABASE_MIGRATION_USER=postgres REDIS_URL="$REDIS_URL" PORT="$PORT" CAREERAI_DEMO=true \
CAREERAI_REDIS_KEY_PREFIX=startup: \
  java @jvm.options -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" > "$OUT/app-cds-archive.log" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" && break
  kill -0 "$PID" 2>/dev/null || { echo "the app did not start: $OUT/app-cds-archive.log"; tail -20 "$OUT/app-cds-archive.log"; exit 1; }
  sleep 0.05
done
curl -fs -o /dev/null -H "Host: careerai.localhost" "http://127.0.0.1:$PORT/" || true
curl -fs -o /dev/null -H "Host: demo.careerai.localhost" "http://127.0.0.1:$PORT/signin" || true
curl -fs -o /dev/null -H "Host: demo.careerai.localhost" "http://127.0.0.1:$PORT/" || true
kill -TERM "$PID"
wait "$PID" 2>/dev/null || true
trap - EXIT
[ -f "$ARCHIVE" ] || { echo "no archive written: see $OUT/app-cds-archive.log"; exit 1; }
echo "$ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)) for $JAR"
