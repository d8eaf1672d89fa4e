# bench/web-node.sh — sourced by bench/debit-profile.sh and bench/home-profile.sh: a web-only node on the
# bench database, and the counters read around a measured run. Needs DB, PORT, O (the output folder).
# start_web_node <jar> <redis prefix> <JFR stack depth>: starts it, waits for /health; sets APP and JPID
# (the JVM's pid), and stops the node when the calling script exits.
start_web_node() {
  DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" DATABASE_USER=careerai_web DATABASE_PASSWORD=careerai-local \
    DATABASE_MIGRATION_USER=postgres REDIS_URL=redis://127.0.0.1:6379 PORT="$PORT" \
    CAREERAI_ROLES=web CAREERAI_AI_MODE=mock CAREERAI_LOG_LEVEL=WARN CAREERAI_REDIS_KEY_PREFIX="$2" \
    SMTP_HOST=127.0.0.1 SMTP_PORT=$((PORT + 1)) SMTP_STARTTLS=false \
    JAVA_OPTS="-XX:FlightRecorderOptions:stackdepth=$3" bin/careerai "$1" > "$O/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.1; done
  JPID=$(pgrep -P $APP java || echo $APP)
}
# database_xacts: the bench database's transactions so far; node_ticks: the node's CPU so far (clock ticks)
database_xacts() { psql -X -q -At -d "$DB" -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"; }
node_ticks() { awk '{ print $14 + $15 }' "/proc/$JPID/stat"; }
# start_recording <name> [JFR options]: X0 and T0, then a JFR recording (settings=profile) on the node.
start_recording() {
  sleep 1.5
  X0=$(database_xacts); T0=$(node_ticks)
  jcmd "$JPID" JFR.start name="$1" settings=profile ${2:-} > /dev/null
}
# stop_recording <name>: T1, the recording into $O/rec.jfr, X1 (after the backends' stats are flushed),
# N (requests) and RPS from $O/wrk.txt.
stop_recording() {
  T1=$(node_ticks)
  jcmd "$JPID" JFR.stop name="$1" filename="$O/rec.jfr" > /dev/null
  sleep 1.5
  X1=$(database_xacts)
  N=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$O/wrk.txt")
  RPS=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$O/wrk.txt")
}
