-- One index fewer on ai_runs (issue 19, ADR 0078). Every run is inserted once and updated twice by
-- its worker (RUNNING, then SUCCEEDED); neither update is HOT (status is in two indexes, ADR 0063),
-- so each of the three writes puts an entry into every index of the table. Two of the seven served
-- a university's runs over a time range:
--   ai_runs_university_created      (university_id, created_at): the staff home's runs this week,
--                                   staff analytics' distinct students by tool over the last days;
--   ai_runs_university_tool_created (university_id, tool, created_at DESC): only operators' usage
--                                   figures (RunUsage: runs since an instant, by tool), read index-only.
-- One index over (university_id, created_at) that carries tool and user_id serves all three
-- index-only, so the second goes. IF NOT EXISTS: where ai_runs is large, an operator may build the
-- index CONCURRENTLY by hand before deploying, so that the migration does not block run writes.
CREATE INDEX IF NOT EXISTS ai_runs_university_created_tool_user ON ai_runs (university_id, created_at) INCLUDE (tool, user_id);
DROP INDEX ai_runs_university_created;
DROP INDEX ai_runs_university_tool_created;
