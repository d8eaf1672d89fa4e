#!/usr/bin/env bash
# WAL written by a run's two worker updates (markRunning: QUEUED → RUNNING; succeed: RUNNING →
# SUCCEEDED with its output), statement by statement, each in its own transaction as the worker
# commits them, and how many were HOT (ADR 0063). Counted per statement by EXPLAIN (ANALYZE, WAL), so
# other databases' traffic on the server does not move it; the AFTER trigger's counter upsert (V94,
# on the same statements A and B) is outside that count. Run on a database the throughput bench has
# filled (it copies the input, analysis and output of one of its runs); adds and removes its own runs.
# Not part of ./mvnw verify.
#
#   BENCH_DATABASE=careerai_h27a_b BENCH_RUNS=500 bench/ai-run-updates-wal.sh
set -euo pipefail
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="${BENCH_DATABASE:?the database the throughput bench filled}"
RUNS="${BENCH_RUNS:-500}"
psql_q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

# the runs: copies of a run of the throughput bench, QUEUED
psql_q <<SQL
DELETE FROM ai_runs WHERE title = 'wal-bench';
INSERT INTO ai_runs (university_id, id, user_id, tool, title, status, currency, cost, demo, input, analysis)
SELECT r.university_id, gen_random_uuid(), r.user_id, r.tool, 'wal-bench', 'QUEUED', r.currency, r.cost, r.demo,
       r.input, r.analysis
  FROM (SELECT * FROM ai_runs WHERE status = 'SUCCEEDED' LIMIT 1) r, generate_series(1, $RUNS);
SQL
before=$(psql_q -c "SELECT n_tup_upd || ' ' || n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'ai_runs'")
# the app's statements (AiRunRepository.markRunning, succeed), run by run, each its own transaction
plans=$(psql_q <<'SQL'
SELECT s FROM (
  SELECT r.created_at, r.id, 1 AS step, format(
    'EXPLAIN (ANALYZE, WAL, FORMAT JSON) UPDATE ai_runs SET status = ''RUNNING'', attempts = attempts + 1, '
    'started_at = COALESCE(started_at, now()) WHERE university_id = %s AND id = %L AND status IN (''QUEUED'', ''RUNNING'') '
    'RETURNING *', r.university_id, r.id) AS s
  FROM ai_runs r WHERE r.title = 'wal-bench'
  UNION ALL
  SELECT r.created_at, r.id, 2, format(
    'EXPLAIN (ANALYZE, WAL, FORMAT JSON) UPDATE ai_runs SET status = ''SUCCEEDED'', output = %L::jsonb, model = ''mock'', '
    'fell_back = false, demo = true, tokens_in = 0, tokens_out = 0, finished_at = now(), error = NULL '
    'WHERE university_id = %s AND id = %L AND status = ''RUNNING''',
    (SELECT output FROM ai_runs WHERE status = 'SUCCEEDED' AND output IS NOT NULL LIMIT 1), r.university_id, r.id)
  FROM ai_runs r WHERE r.title = 'wal-bench'
) q ORDER BY created_at, id, step
\gexec
SQL
)
sleep 1 # the session above reported its counters when it ended; this reads them in a new one
after=$(psql_q -c "SELECT n_tup_upd || ' ' || n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'ai_runs'")
echo "$plans" | jq -s --argjson runs "$RUNS" --arg before "$before" --arg after "$after" -r '
  [.[][0]."Execution Time"] as $ms | [.[][0].Plan] as $p
  | ($before | split(" ") | map(tonumber)) as $b | ($after | split(" ") | map(tonumber)) as $a
  | "RESULT runs=\($runs) wal_bytes_per_run=\(([$p[]."WAL Bytes"] | add) / $runs)"
    + " wal_records_per_run=\(([$p[]."WAL Records"] | add) / $runs)"
    + " wal_fpi_per_run=\(([$p[]."WAL FPI"] | add) / $runs)"
    + " updates_per_run=\(($a[0] - $b[0]) / $runs) hot_updates_per_run=\(($a[1] - $b[1]) / $runs)"
    + " execution_ms_per_run=\(($ms | add) / $runs)"'
psql_q -c "DELETE FROM ai_runs WHERE title = 'wal-bench'"
