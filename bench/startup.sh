#!/usr/bin/env bash
# bench/startup.sh — start-up to the first 200 of /health (issue 19, ADR 0037). Starts the
# application jar on a migrated database of this machine's PostgreSQL (with the demo university
# seeded: CAREERAI_DEMO=true, as ./run-demo starts) and Redis, times from the `java` command to the
# first 200 of /health, stops it, and repeats. Several variants (JVM options) are measured
# interleaved A B B A …, so that a machine whose load drifts favours none; every line carries the
# load average. The first start (migrating and seeding an empty database) is not counted.
# Each start reports the wall time to the first 200, the process's CPU time at that moment (user +
# system of all its threads, /proc/<pid>/stat: the load-independent measure on a shared machine) and
# Micronaut's "Startup completed in".
#
#   bench/startup.sh                                   # the shipped settings (jvm.options), 5 runs
#   bench/startup.sh --runs 4 shipped='@jvm.options' bare=''     # variants: name='java options'
#   bench/startup.sh cds='@jvm.options -XX:SharedArchiveFile=app/target/careerai-app.jsa'
#   bench/startup.sh old='--jar=/tmp/old.jar @jvm.options' new='@jvm.options'   # two builds
#   bench/startup.sh plain='@jvm.options' shipped='--launcher'   # through bin/careerai (CDS, ADR 0038)
#
# Options: --runs N [STARTUP_RUNS=5] --no-build. Environment: STARTUP_DATABASE
# [careerai_startup], STARTUP_PORT [18190], STARTUP_REDIS_URL [redis://127.0.0.1:6379],
# STARTUP_REDIS_PREFIX [startup:], STARTUP_DEMO [true]. Needs PostgreSQL at 127.0.0.1:5432 (user
# postgres, trust) and Redis.
# Prints one line per start with the CPU time by kind of thread (main, JIT compilers, collector,
# event loop, JobRunr, other), how long the main thread ran and how long it stood runnable waiting for a
# core ("queued": CPU the JIT compilers and the rest had instead), and the medians per variant; the
# application logs are in
# bench/target/startup/. A variant through the launcher gets one training start first (its jar's
# class-data archive), not counted.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${STARTUP_RUNS:-5}"; BUILD=true
VARIANTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --no-build) BUILD=false; shift ;;
    *=*) VARIANTS+=("$1"); shift ;;
    *) sed -n '2,27p' "$0"; exit 2 ;;
  esac
done
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=("shipped=@jvm.options")

PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; export PGHOST PGPORT PGUSER=postgres
DB="${STARTUP_DATABASE:-careerai_startup}"
PORT="${STARTUP_PORT:-18190}"
REDIS_URL="${STARTUP_REDIS_URL:-redis://127.0.0.1:6379}"
REDIS_PREFIX="${STARTUP_REDIS_PREFIX:-startup:}"
JAR="${STARTUP_JAR:-app/target/careerai-app.jar}"
OUT=bench/target/startup
mkdir -p "$OUT"

if $BUILD; then
  ./mvnw -B -q -o package -DskipTests -pl app -am
fi

APP_PID=""
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
trap stop_app EXIT

# start_app <log> [--jar=<jar>] [--launcher] <java options…>: starts the jar and sets STARTUP_MS (java command →
# first 200) and STARTUP_CPU_MS (the process's user + system CPU time at that moment)
TICK_MS=$(( 1000 / $(getconf CLK_TCK) ))
start_app() {
  local log=$1; shift
  local jar=$JAR launcher=false
  while true; do
    case "${1:-}" in
      --jar=*) jar=${1#--jar=}; shift ;;
      --launcher) launcher=true; shift ;;
      *) break ;;
    esac
  done
  # shellcheck disable=SC2206 # the options are words on purpose (@argfile, -XX:…)
  local command=(java $@ -jar "$jar")
  # the shipped launcher: jvm.options and class-data sharing of its own, these options as JAVA_OPTS
  $launcher && command=(env JAVA_OPTS="$*" bin/careerai "$jar")
  local began; began=$(date +%s%N)
  DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER=careerai_web DATABASE_PASSWORD=careerai-local \
  DATABASE_MIGRATION_USER=postgres REDIS_URL="$REDIS_URL" PORT="$PORT" CAREERAI_DEMO="${STARTUP_DEMO:-true}" \
  CAREERAI_REDIS_KEY_PREFIX="$REDIS_PREFIX" \
    "${command[@]}" > "$log" 2>&1 &
  APP_PID=$!
  # one poller process (no curl started every 20 ms on the cores the start needs)
  if STARTUP_MS=$(python3 bench/first-200.py "$PORT" "$began" "$APP_PID" 120); then
    # fields 14 and 15 after the command name (which may hold spaces): utime, stime in ticks
    STARTUP_CPU_MS=$(( $(sed 's/.*) //' "/proc/$APP_PID/stat" | awk '{ print $12 + $13 }') * TICK_MS ))
    STARTUP_THREADS="$(thread_split "$APP_PID"); $(main_waits "$APP_PID")"
    return 0
  fi
  echo "the app did not start: see $log"; tail -20 "$log"; exit 1
}

# thread_split <pid>: the process's CPU time so far by kind of thread (ms), from /proc/<pid>/task/*/stat:
# main (the Java main thread; its comm is "java" like the launcher's idle primordial thread), jit (C1
# and C2 compiler threads), gc (the serial collector runs in the "VM Thread"), loop (Netty's event
# loops: the first /health), jobs (JobRunr's threads), other
thread_split() {
  local task
  for task in /proc/"$1"/task/*/stat; do
    # "tid (comm) state … utime stime": fields 14 and 15 counted after the comm
    sed -n 's/^[0-9]* (\(.*\)) \(.*\)$/\1|\2/p' "$task" 2>/dev/null || true
  done | awk -F'|' -v tick="$TICK_MS" '
    { split($2, f, " "); cpu = (f[12] + f[13]) * tick; name = $1
      kind = "other"
      if (name == "java") kind = "main"
      else if (name ~ /^C[12] CompilerThre/) kind = "jit"
      else if (name ~ /^VM Thread|^GC Thread/) kind = "gc"
      else if (name ~ /[Ee]ventLo|nioEven|epollEven/) kind = "loop"  # Micronaut: default-eventLoop-…
      else if (name ~ /^jobrunr|^backgroundjob/) kind = "jobs"
      sum[kind] += cpu }
    END { printf "main %d, jit %d, gc %d, loop %d, jobs %d, other %d", sum["main"], sum["jit"], sum["gc"], sum["loop"], sum["jobs"], sum["other"] }'
}

# main_waits <pid>: how the Java main thread spent the start besides running (ms, from
# /proc/<pid>/task/<tid>/schedstat: time on a core, time runnable but waiting for one): "queued" is CPU
# it wanted and other threads had (the JIT compilers, the database); the rest of its life it was blocked
# (I/O, locks, sleeps) or not yet started
main_waits() {
  local task stat
  for task in /proc/"$1"/task/*; do
    # a thread may end while this looks; a kernel without scheduler statistics has no schedstat
    stat=$(cat "$task/schedstat" 2>/dev/null) || continue
    if [ "$(cat "$task/comm" 2>/dev/null)" = "java" ] && [ "${stat%% *}" -gt 100000000 ]; then
      echo "$stat" | awk '{ printf "main ran %d, queued %d", $1 / 1e6, $2 / 1e6 }'
      return
    fi
  done
  echo "main's waits unknown"
}

if ! psql -X -q -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  psql -X -q -d postgres -c "CREATE DATABASE $DB"
  psql -X -q -d "$DB" -c "DO \$\$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_app') THEN CREATE ROLE careerai_app NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_web') THEN
      CREATE ROLE careerai_web LOGIN PASSWORD 'careerai-local' IN ROLE careerai_app; END IF; END \$\$"
fi
echo "== migrating and seeding $DB if needed (not counted)"
start_app "$OUT/app-prepare.log" @jvm.options
stop_app
# a variant through the launcher maps its jar's class-data archive: record it first (the training
# start, bin/careerai writes it as the node stops), not counted
for variant in "${VARIANTS[@]}"; do
  options=${variant#*=}
  case " $options " in
    *" --launcher "*)
      echo "== training start of ${variant%%=*} (class-data archive, not counted)"
      # shellcheck disable=SC2086
      start_app "$OUT/app-train-${variant%%=*}.log" $options
      stop_app ;;
  esac
done

declare -A TIMES CPUS MAINS JITS
order=()
for r in $(seq 1 "$RUNS"); do
  # A B … then … B A: each pair of runs sees the variants in both orders
  if [ $((r % 2)) -eq 1 ]; then order=("${VARIANTS[@]}"); else
    order=(); for ((i = ${#VARIANTS[@]} - 1; i >= 0; i--)); do order+=("${VARIANTS[$i]}"); done
  fi
  for variant in "${order[@]}"; do
    name=${variant%%=*}; options=${variant#*=}
    log="$OUT/app-$name-$r.log"
    # shellcheck disable=SC2086
    start_app "$log" $options
    reported=$(sed -n 's/.*Startup completed in \([0-9]*\)ms.*/\1/p' "$log" | head -1)
    rss=$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status")
    stop_app
    TIMES[$name]="${TIMES[$name]:-} $STARTUP_MS"
    CPUS[$name]="${CPUS[$name]:-} $STARTUP_CPU_MS"
    echo "$name run $r: first 200 after ${STARTUP_MS} ms, CPU ${STARTUP_CPU_MS} ms (Micronaut: ${reported:-?} ms), RSS ${rss} MB, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "    CPU by thread (ms): $STARTUP_THREADS"
    MAINS[$name]="${MAINS[$name]:-} $(echo "$STARTUP_THREADS" | sed 's/^main \([0-9]*\).*/\1/')"
    JITS[$name]="${JITS[$name]:-} $(echo "$STARTUP_THREADS" | sed 's/.*jit \([0-9]*\).*/\1/')"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for variant in "${VARIANTS[@]}"; do
  name=${variant%%=*}
  echo "$name ($(echo "${variant#*=}")): median $(echo "${TIMES[$name]}" | median) ms of${TIMES[$name]};" \
    "CPU median $(echo "${CPUS[$name]}" | median) ms of${CPUS[$name]};" \
    "main thread $(echo "${MAINS[$name]}" | median), JIT $(echo "${JITS[$name]}" | median) ms"
done
