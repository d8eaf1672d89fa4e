-- A run and its notice lock their university's row no more (issue 19, ADR 0079). A foreign key is
-- checked by locking the referenced row FOR KEY SHARE in the inserting transaction. Every run start
-- and every finished run's notice of a university inserted rows whose keys named the university's
-- one row in `universities` twice: once for `university_id REFERENCES universities` and once for
-- `(university_id, user_id) REFERENCES users`. Concurrent transactions that share a row lock share it
-- through a MultiXact, which PostgreSQL makes anew (copying every member) each time another
-- transaction joins, and writes with the row's new lock to the WAL: one hot row per university that
-- every start and finish of its runs waited on.
--
-- The first key is implied by the second (users.university_id references universities and the user's
-- key includes it), so it goes from the three tables that have both. outbox_events keeps its only key.
ALTER TABLE ai_runs DROP CONSTRAINT ai_runs_university_id_fkey;
ALTER TABLE notifications DROP CONSTRAINT notifications_university_id_fkey;
ALTER TABLE run_idempotency_keys DROP CONSTRAINT run_idempotency_keys_university_id_fkey;
