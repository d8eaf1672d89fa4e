-- bench/check-counters.sql: are the analytics counters of one university (-v uni=<id>) what the
-- app's triggers would have written for its rows? Copies the counters, deletes them and the base rows
-- (student_activity, ai_runs, resource_downloads) with triggers off, inserts the same base rows
-- again with triggers on (V90, V92 and V105's corrections rebuild the counters, row by row as the
-- app would; the AI runs' only up to the university's fold mark, which stays, ADR 0080), and prints
-- per table how many counter rows differ (want 0) and how many there are. Everything is rolled
-- back. Run as the owner (postgres) on a seeded bench database:
--   psql -d careerai_bench_run -v uni=1 -f bench/check-counters.sql
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seeded_sa_periods AS SELECT university_id, unit, starts_on, user_id FROM student_activity_periods WHERE university_id = :uni;
CREATE TEMP TABLE seeded_sa_counts AS SELECT university_id, unit, starts_on, slot, students FROM student_activity_counts WHERE university_id = :uni AND students > 0;
CREATE TEMP TABLE seeded_run_days AS SELECT university_id, day, tool, slot, in_progress, succeeded, failed FROM ai_run_days WHERE university_id = :uni AND in_progress + succeeded + failed > 0;
CREATE TEMP TABLE seeded_run_students AS SELECT university_id, unit, starts_on, tool, user_id FROM ai_run_students WHERE university_id = :uni;
CREATE TEMP TABLE seeded_dl_days AS SELECT university_id, day, resource_id, slot, downloads FROM resource_download_days WHERE university_id = :uni AND downloads > 0;
CREATE TEMP TABLE seeded_dl_students AS SELECT university_id, unit, starts_on, resource_id, user_id FROM resource_download_students WHERE university_id = :uni;
CREATE TEMP TABLE base_activity AS SELECT * FROM student_activity WHERE university_id = :uni;
CREATE TEMP TABLE base_runs AS SELECT * FROM ai_runs WHERE university_id = :uni;
CREATE TEMP TABLE base_downloads AS SELECT * FROM resource_downloads WHERE university_id = :uni;
SET LOCAL session_replication_role = replica;
DELETE FROM student_activity_periods WHERE university_id = :uni;
DELETE FROM student_activity_counts WHERE university_id = :uni;
DELETE FROM ai_run_days WHERE university_id = :uni;
DELETE FROM ai_run_students WHERE university_id = :uni;
DELETE FROM resource_download_days WHERE university_id = :uni;
DELETE FROM resource_download_students WHERE university_id = :uni;
DELETE FROM student_activity WHERE university_id = :uni;
DELETE FROM ai_runs WHERE university_id = :uni;
DELETE FROM resource_downloads WHERE university_id = :uni;
SET LOCAL session_replication_role = origin;
INSERT INTO student_activity SELECT * FROM base_activity ORDER BY random();
INSERT INTO ai_runs SELECT * FROM base_runs ORDER BY random();
INSERT INTO resource_downloads OVERRIDING SYSTEM VALUE SELECT * FROM base_downloads ORDER BY random();
-- V105's corrections fire at the commit; now, so that they are counted before the comparison.
SET CONSTRAINTS ALL IMMEDIATE;
\echo table | counter rows differing (seeded vs triggers) | counter rows
SELECT 'student_activity_periods', (SELECT count(*) FROM ((TABLE seeded_sa_periods EXCEPT SELECT university_id, unit, starts_on, user_id FROM student_activity_periods WHERE university_id = :uni)
  UNION ALL (SELECT university_id, unit, starts_on, user_id FROM student_activity_periods WHERE university_id = :uni EXCEPT TABLE seeded_sa_periods)) x), (SELECT count(*) FROM seeded_sa_periods)
UNION ALL
SELECT 'student_activity_counts', (SELECT count(*) FROM ((TABLE seeded_sa_counts EXCEPT SELECT university_id, unit, starts_on, slot, students FROM student_activity_counts WHERE university_id = :uni AND students > 0)
  UNION ALL (SELECT university_id, unit, starts_on, slot, students FROM student_activity_counts WHERE university_id = :uni AND students > 0 EXCEPT TABLE seeded_sa_counts)) x), (SELECT count(*) FROM seeded_sa_counts)
UNION ALL
SELECT 'ai_run_days', (SELECT count(*) FROM ((TABLE seeded_run_days EXCEPT SELECT university_id, day, tool, slot, in_progress, succeeded, failed FROM ai_run_days WHERE university_id = :uni AND in_progress + succeeded + failed > 0)
  UNION ALL (SELECT university_id, day, tool, slot, in_progress, succeeded, failed FROM ai_run_days WHERE university_id = :uni AND in_progress + succeeded + failed > 0 EXCEPT TABLE seeded_run_days)) x), (SELECT count(*) FROM seeded_run_days)
UNION ALL
SELECT 'ai_run_students', (SELECT count(*) FROM ((TABLE seeded_run_students EXCEPT SELECT university_id, unit, starts_on, tool, user_id FROM ai_run_students WHERE university_id = :uni)
  UNION ALL (SELECT university_id, unit, starts_on, tool, user_id FROM ai_run_students WHERE university_id = :uni EXCEPT TABLE seeded_run_students)) x), (SELECT count(*) FROM seeded_run_students)
UNION ALL
SELECT 'resource_download_days', (SELECT count(*) FROM ((TABLE seeded_dl_days EXCEPT SELECT university_id, day, resource_id, slot, downloads FROM resource_download_days WHERE university_id = :uni AND downloads > 0)
  UNION ALL (SELECT university_id, day, resource_id, slot, downloads FROM resource_download_days WHERE university_id = :uni AND downloads > 0 EXCEPT TABLE seeded_dl_days)) x), (SELECT count(*) FROM seeded_dl_days)
UNION ALL
SELECT 'resource_download_students', (SELECT count(*) FROM ((TABLE seeded_dl_students EXCEPT SELECT university_id, unit, starts_on, resource_id, user_id FROM resource_download_students WHERE university_id = :uni)
  UNION ALL (SELECT university_id, unit, starts_on, resource_id, user_id FROM resource_download_students WHERE university_id = :uni EXCEPT TABLE seeded_dl_students)) x), (SELECT count(*) FROM seeded_dl_students);
ROLLBACK;
