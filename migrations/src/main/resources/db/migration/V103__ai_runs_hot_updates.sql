-- A run's status changes made HOT (issue 19, ADR 0063). PostgreSQL updates a row in place on its page
-- (HOT, no new entry in any index) only when no indexed column changes, and a column in an index's
-- predicate counts as indexed. status was in two indexes, so each status change of every run wrote a
-- new entry into all seven indexes of ai_runs. Now no index holds status:
--
-- * "/runs" filtered by tool (and status) used (university_id, user_id, tool, status, created_at): the
--   same index without status serves it; the status is checked on the student's rows of that tool (a
--   student has at most a few hundred runs, the title filter reads them the same way since V55).
-- * The sweeper found runs that are not final by their status; it now finds them by finished_at IS
--   NULL, which a run keeps until it becomes final (SUCCEEDED, or REFUNDED): finished_at changes only
--   with the last update, so QUEUED → RUNNING (attempts, started_at) no longer touches an index. FAILED
--   is not final (the sweeper refunds it): FAILED and REFUNDED are written in one transaction
--   (RunFailures), and finished_at now comes with REFUNDED; a FAILED run from before keeps none.
--
-- fillfactor 90 leaves room on each page for the RUNNING version of a run inserted there.

-- Writers of ai_runs wait from here until this migration commits.
LOCK TABLE ai_runs IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE ai_runs NO FORCE ROW LEVEL SECURITY;
-- (not a change of status: the counter trigger of V94 does not fire)
UPDATE ai_runs SET finished_at = NULL WHERE status = 'FAILED' AND finished_at IS NOT NULL;
-- final runs written without an end (seeds, imports): ended when they last changed as far as the row knows
UPDATE ai_runs SET finished_at = coalesce(started_at, created_at)
 WHERE status IN ('SUCCEEDED', 'REFUNDED') AND finished_at IS NULL;
ALTER TABLE ai_runs FORCE ROW LEVEL SECURITY;

DROP INDEX ai_runs_university_user_tool_status;
CREATE INDEX ai_runs_university_user_tool ON ai_runs (university_id, user_id, tool, created_at DESC);

DROP INDEX ai_runs_unfinished;
CREATE INDEX ai_runs_unfinished ON ai_runs (created_at) WHERE finished_at IS NULL;

-- The status condition stays: a final run inserted without finished_at (a test's or a seed's row) is
-- in the index but never swept.
CREATE OR REPLACE FUNCTION platform_unfinished_runs(older_than TIMESTAMPTZ, max_rows INTEGER)
    RETURNS TABLE (university_id BIGINT, id UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT r.university_id, r.id FROM ai_runs r
    WHERE r.finished_at IS NULL AND r.status IN ('QUEUED', 'RUNNING', 'FAILED') AND r.created_at < older_than
    ORDER BY r.created_at LIMIT max_rows
$$;

ALTER TABLE ai_runs SET (fillfactor = 90);
