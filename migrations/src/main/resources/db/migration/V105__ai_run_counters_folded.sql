-- AI run counters without a write per run (issue 19, ADR 0080). Since V94/V102 every run wrote its
-- counter row twice (counted in progress at its insert, moved to its outcome at its end): ≈ 0.4 ms
-- of database time a run, 10–15 % of mock runs end to end. Now the counters hold the days that are
-- over only, folded from ai_runs by a job (RunCounterFolds), and staff analytics adds the runs of
-- the days after each university's fold mark live, in the same statement (RunFigureSource). A run
-- started and ended today fires nothing.
--
--   ai_run_folds.folded_through   the last UTC day whose runs are in ai_run_days / ai_run_students;
--                                 no row: nothing folded yet (every run is read live)
--   ai_run_days                   the V94 counts, for days <= the mark only
--   ai_run_students               a (period, tool, student) row when the student has a run of a
--                                 folded day in that week or month, and only then
--
-- A change to a run of a folded day (a deletion, an erasure, an old run inserted or ending late, a
-- run moved by hand) is corrected by the triggers below. Their WHEN lets through only rows of days
-- before today (UTC); the fold folds up to two days ago, so a transaction would have to stay open
-- for a day for the fold to pass a row the WHEN left out. The fold and a correction of the same
-- university serialise on a transaction-level advisory lock: a correction's change is either seen
-- by the fold's read or applied on top of the folded counts, never lost between them. (Both read
-- the mark and the runs in READ COMMITTED statements taken after the lock, the app's isolation.)

-- Writers of ai_runs wait from here until this migration commits: no run changes between the mark
-- set below and the new triggers.
LOCK TABLE ai_runs IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE ai_run_folds (
    university_id   BIGINT PRIMARY KEY REFERENCES universities (id),
    folded_through  DATE   NOT NULL
);
ALTER TABLE ai_run_folds ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_run_folds FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_run_folds
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

-- The fold job's scan across universities (platform_ai_run_folds_behind below).
GRANT SELECT ON universities, ai_run_folds TO careerai_platform;
CREATE POLICY platform_read ON ai_run_folds FOR SELECT TO careerai_platform USING (true);

-- Every university's counters are exact today (the V102 triggers kept them): its mark is two days
-- ago, and the counts of the days after it are dropped (those are read live from now on). A
-- (period, tool, student) row of a period reaching past the mark stays only when a run of a folded
-- day supports it. The owner may be subject to the tables' forced row-level security: lifted here,
-- inside this transaction only.
ALTER TABLE ai_run_folds NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_run_days NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_run_students NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_runs NO FORCE ROW LEVEL SECURITY;
INSERT INTO ai_run_folds (university_id, folded_through)
    SELECT id, (now() AT TIME ZONE 'UTC')::date - 2 FROM universities;
DELETE FROM ai_run_days WHERE day > (now() AT TIME ZONE 'UTC')::date - 2;
DELETE FROM ai_run_students s
 WHERE (s.starts_on + ('1 ' || s.unit)::interval)::date > (now() AT TIME ZONE 'UTC')::date - 1
   AND NOT EXISTS (SELECT 1 FROM ai_runs r
                    WHERE r.university_id = s.university_id AND r.user_id = s.user_id AND r.tool = s.tool
                      AND r.created_at >= s.starts_on::timestamp AT TIME ZONE 'UTC'
                      AND r.created_at < ((now() AT TIME ZONE 'UTC')::date - 1)::timestamp AT TIME ZONE 'UTC');
ALTER TABLE ai_run_folds FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_run_days FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_run_students FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_runs FORCE ROW LEVEL SECURITY;

DROP TRIGGER ai_runs_counted_insert ON ai_runs;
DROP TRIGGER ai_runs_counted_delete ON ai_runs;
DROP TRIGGER ai_runs_counted_update ON ai_runs;
DROP FUNCTION ai_run_counted();
DROP FUNCTION ai_run_students_remove(ai_runs);

-- The fold and the corrections of one university take this lock, in that order of events: the
-- correction before it reads the mark, the fold before it reads the mark and the runs.
CREATE FUNCTION ai_run_folds_lock(university BIGINT) RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtextextended('ai-run-folds:' || university::text, 0))
$$;

-- The university's mark; -infinity when nothing is folded yet.
CREATE FUNCTION ai_run_folded_through(university BIGINT) RETURNS DATE LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT folded_through FROM ai_run_folds WHERE university_id = university), '-infinity'::date)
$$;

-- Called after the run row is gone or changed: a student's (tool, period) pair goes when no other
-- run of theirs on a folded day (<= through) of that period still holds it.
CREATE FUNCTION ai_run_students_remove(run ai_runs, through DATE) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    unit_name TEXT;
    period_start DATE;
BEGIN
    FOREACH unit_name IN ARRAY ARRAY['week', 'month'] LOOP
        period_start := date_trunc(unit_name, run.created_at AT TIME ZONE 'UTC')::date;
        IF NOT EXISTS (SELECT 1 FROM ai_runs r
                        WHERE r.university_id = run.university_id AND r.user_id = run.user_id AND r.tool = run.tool
                          AND r.created_at >= period_start::timestamp AT TIME ZONE 'UTC'
                          AND r.created_at < least(period_start + ('1 ' || unit_name)::interval,
                                                   (through + 1)::timestamp) AT TIME ZONE 'UTC') THEN
            DELETE FROM ai_run_students
             WHERE university_id = run.university_id AND unit = unit_name AND starts_on = period_start
               AND tool = run.tool AND user_id = run.user_id;
        END IF;
    END LOOP;
END;
$$;

-- A run of a folded day changed: its counts move as V94's did, the side of the change on a day
-- after the mark is left to the live read.
CREATE FUNCTION ai_run_corrected() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    university BIGINT := CASE WHEN TG_OP = 'INSERT' THEN NEW.university_id ELSE OLD.university_id END;
    through DATE;
BEGIN
    IF TG_OP <> 'INSERT' AND current_setting('careerai.offboarding_university', true) = OLD.university_id::text THEN
        -- offboarding deletes every table of the university: nothing to keep
        RETURN NULL;
    END IF;
    PERFORM ai_run_folds_lock(university);
    through := ai_run_folded_through(university);
    IF TG_OP = 'UPDATE' AND OLD.tool = NEW.tool AND OLD.user_id = NEW.user_id AND OLD.created_at = NEW.created_at THEN
        -- the usual update: a run of a folded day ended late (the triggers' condition leaves out
        -- changes of status within one outcome)
        IF (NEW.created_at AT TIME ZONE 'UTC')::date <= through THEN
            PERFORM ai_run_outcome_moved(NEW, ai_run_outcome(OLD.status), ai_run_outcome(NEW.status));
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND (OLD.created_at AT TIME ZONE 'UTC')::date <= through THEN
        PERFORM ai_run_outcome_moved(OLD, ai_run_outcome(OLD.status), -1);
        PERFORM ai_run_students_remove(OLD, through);
    END IF;
    IF TG_OP <> 'DELETE' AND (NEW.created_at AT TIME ZONE 'UTC')::date <= through THEN
        PERFORM ai_run_outcome_moved(NEW, -1, ai_run_outcome(NEW.status));
        PERFORM ai_run_students_add(NEW);
    END IF;
    RETURN NULL;
END;
$$;

-- At COMMIT, as in V102: the counter row and the lock are held only while the commit finishes. The
-- WHEN is evaluated when the row changes; "before today" is before the start of the UTC day of the
-- transaction's start.
CREATE CONSTRAINT TRIGGER ai_runs_corrected_insert AFTER INSERT ON ai_runs
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (NEW.created_at < date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
    EXECUTE FUNCTION ai_run_corrected();
CREATE CONSTRAINT TRIGGER ai_runs_corrected_delete AFTER DELETE ON ai_runs
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (OLD.created_at < date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
    EXECUTE FUNCTION ai_run_corrected();
CREATE CONSTRAINT TRIGGER ai_runs_corrected_update AFTER UPDATE OF status, tool, user_id, created_at ON ai_runs
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD.created_at < date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
           OR NEW.created_at < date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
          AND (ai_run_outcome(OLD.status) IS DISTINCT FROM ai_run_outcome(NEW.status)
               OR OLD.tool IS DISTINCT FROM NEW.tool OR OLD.user_id IS DISTINCT FROM NEW.user_id
               OR OLD.created_at IS DISTINCT FROM NEW.created_at))
    EXECUTE FUNCTION ai_run_corrected();

-- The universities whose mark is before two days ago (or who have none): the fold job's work list.
CREATE FUNCTION platform_ai_run_folds_behind()
    RETURNS TABLE (university_id BIGINT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT u.id FROM universities u LEFT JOIN ai_run_folds f ON f.university_id = u.id
    WHERE f.folded_through IS NULL OR f.folded_through < (now() AT TIME ZONE 'UTC')::date - 2
    ORDER BY u.id
$$;
ALTER FUNCTION platform_ai_run_folds_behind() OWNER TO careerai_platform;
REVOKE ALL ON FUNCTION platform_ai_run_folds_behind() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_ai_run_folds_behind() TO careerai_app;
