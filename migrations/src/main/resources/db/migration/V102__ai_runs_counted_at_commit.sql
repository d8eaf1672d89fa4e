-- AI runs are counted when their transaction commits (issue 19, ADR 0070). V94's triggers counted a
-- run in the statement that inserted or ended it, so its counter row of ai_run_days — one of eight
-- per university, day and tool — stayed locked from that statement to the commit: through the rest
-- of a run start, and through the notice, the outbox event and the round trips that follow a
-- run's SUCCEEDED. Every other start or finish of that university's tool on that day that hashed
-- to the slot waited (pg_stat_statements, 16 workers and 8 clients on one university: the run's
-- INSERT 26 ms and its SUCCEEDED 33 ms on average, against 0.3 ms for its RUNNING, which fires
-- no trigger).
--
-- The same function now runs as a deferred constraint trigger: PostgreSQL queues the row's event
-- and calls it at COMMIT, so the counter row is locked only while the commit finishes. Nothing else
-- changes: the same condition decides which updates count, the same slots and outcomes are written,
-- a rolled-back transaction counts nothing (its queued events are dropped), and the counters are
-- exact after every commit. Within the transaction that inserted or ended a run the counters do not
-- show it yet; nothing reads them there (staff analytics reads committed figures).
DROP TRIGGER ai_runs_counted_insert ON ai_runs;
DROP TRIGGER ai_runs_counted_delete ON ai_runs;
DROP TRIGGER ai_runs_counted_update ON ai_runs;

CREATE CONSTRAINT TRIGGER ai_runs_counted_insert AFTER INSERT ON ai_runs
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ai_run_counted();
CREATE CONSTRAINT TRIGGER ai_runs_counted_delete AFTER DELETE ON ai_runs
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ai_run_counted();
CREATE CONSTRAINT TRIGGER ai_runs_counted_update AFTER UPDATE OF status, tool, user_id, created_at ON ai_runs
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (ai_run_outcome(OLD.status) IS DISTINCT FROM ai_run_outcome(NEW.status)
          OR OLD.tool IS DISTINCT FROM NEW.tool OR OLD.user_id IS DISTINCT FROM NEW.user_id
          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION ai_run_counted();
