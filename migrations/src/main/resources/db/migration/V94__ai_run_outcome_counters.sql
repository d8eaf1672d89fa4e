-- AI runs counted by outcome, not by status (issue 19, ADR 0035 addendum): V91 counted each run
-- per (day, tool, status), so one run moving QUEUED → RUNNING → SUCCEEDED wrote five counter rows
-- (the insert, then one count moved per status change, two rows each) — more writes than the run's
-- own. Staff analytics shows three outcomes only: in progress (QUEUED, RUNNING), succeeded, failed
-- (FAILED, then REFUNDED). Now one counter row per (university, day, tool, slot) holds the three
-- outcomes as columns: a run is counted when it is inserted (in progress) and moved once when it
-- ends (one UPDATE of that same row); RUNNING, a re-queue and a refund change no outcome and fire
-- no trigger. A status change touches one counter row, so there is no lock order to keep.
-- ai_run_students is unchanged. The slot is still the run's (hashtext of its id & 7).

-- Writers of ai_runs wait from here until this migration commits: no run changes between the
-- back-fill below and the new triggers.
LOCK TABLE ai_runs IN SHARE ROW EXCLUSIVE MODE;

-- 0 in progress (QUEUED, RUNNING), 1 succeeded, 2 failed (FAILED, then REFUNDED): the outcomes of
-- the staff analytics page (RunFigureSource).
CREATE FUNCTION ai_run_outcome(status TEXT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE status WHEN 'SUCCEEDED' THEN 1 WHEN 'FAILED' THEN 2 WHEN 'REFUNDED' THEN 2 ELSE 0 END::smallint
$$;

-- The V91 counts, summed per outcome, are the back-fill: exact by construction (and checked by
-- DailyCountersTest), and a few thousand rows a year instead of every run.
ALTER TABLE ai_run_days NO FORCE ROW LEVEL SECURITY;
CREATE TEMPORARY TABLE ai_run_days_by_outcome ON COMMIT DROP AS
    SELECT university_id, day, tool, slot,
           coalesce(sum(runs) FILTER (WHERE ai_run_outcome(status) = 0), 0) AS in_progress,
           coalesce(sum(runs) FILTER (WHERE ai_run_outcome(status) = 1), 0) AS succeeded,
           coalesce(sum(runs) FILTER (WHERE ai_run_outcome(status) = 2), 0) AS failed
      FROM ai_run_days GROUP BY 1, 2, 3, 4;

DROP TRIGGER ai_runs_counted_insert ON ai_runs;
DROP TRIGGER ai_runs_counted_delete ON ai_runs;
DROP TRIGGER ai_runs_counted_update ON ai_runs;
DROP FUNCTION ai_run_counted();
DROP FUNCTION ai_run_counted_add(ai_runs);
DROP FUNCTION ai_run_counted_remove(ai_runs);
DROP TABLE ai_run_days;

CREATE TABLE ai_run_days (
    university_id  BIGINT   NOT NULL,
    day            DATE     NOT NULL,
    tool           TEXT     NOT NULL,
    slot           SMALLINT NOT NULL CHECK (slot BETWEEN 0 AND 7),
    in_progress    BIGINT   NOT NULL DEFAULT 0 CHECK (in_progress >= 0),
    succeeded      BIGINT   NOT NULL DEFAULT 0 CHECK (succeeded >= 0),
    failed         BIGINT   NOT NULL DEFAULT 0 CHECK (failed >= 0),
    PRIMARY KEY (university_id, day, tool, slot)
);

INSERT INTO ai_run_days (university_id, day, tool, slot, in_progress, succeeded, failed)
    SELECT university_id, day, tool, slot, in_progress, succeeded, failed FROM ai_run_days_by_outcome;

ALTER TABLE ai_run_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_run_days FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_run_days
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

-- Moves one count of the run's (day, tool, slot) from outcome `from_outcome` to `to_outcome`;
-- -1 for either means none (a new run is counted, a deleted one uncounted). Never below zero, and
-- counter rows are never deleted (a zero stays a zero).
CREATE FUNCTION ai_run_outcome_moved(run ai_runs, from_outcome INT, to_outcome INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ai_run_days (university_id, day, tool, slot, in_progress, succeeded, failed)
        VALUES (run.university_id, (run.created_at AT TIME ZONE 'UTC')::date, run.tool, hashtext(run.id::text) & 7,
                (to_outcome = 0)::int, (to_outcome = 1)::int, (to_outcome = 2)::int)
        ON CONFLICT (university_id, day, tool, slot) DO UPDATE SET
            in_progress = greatest(ai_run_days.in_progress + (to_outcome = 0)::int - (from_outcome = 0)::int, 0),
            succeeded = greatest(ai_run_days.succeeded + (to_outcome = 1)::int - (from_outcome = 1)::int, 0),
            failed = greatest(ai_run_days.failed + (to_outcome = 2)::int - (from_outcome = 2)::int, 0);
END;
$$;

-- A (period, tool, student) pair per ISO week and month of the run (one statement for both units).
CREATE FUNCTION ai_run_students_add(run ai_runs) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ai_run_students (university_id, unit, starts_on, tool, user_id)
        SELECT run.university_id, u.unit, date_trunc(u.unit, run.created_at AT TIME ZONE 'UTC')::date, run.tool, run.user_id
          FROM (VALUES ('week'), ('month')) AS u (unit)
        ON CONFLICT DO NOTHING;
END;
$$;

-- Called after the run row is gone or changed: a student's (tool, period) pair goes when no other
-- run of theirs still holds it (as in V91).
CREATE FUNCTION ai_run_students_remove(run ai_runs) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    unit_name TEXT;
    period_start DATE;
BEGIN
    FOREACH unit_name IN ARRAY ARRAY['week', 'month'] LOOP
        period_start := date_trunc(unit_name, run.created_at AT TIME ZONE 'UTC')::date;
        IF NOT EXISTS (SELECT 1 FROM ai_runs r
                        WHERE r.university_id = run.university_id AND r.user_id = run.user_id AND r.tool = run.tool
                          AND r.created_at >= period_start::timestamp AT TIME ZONE 'UTC'
                          AND r.created_at < (period_start + ('1 ' || unit_name)::interval)::timestamp AT TIME ZONE 'UTC') THEN
            DELETE FROM ai_run_students
             WHERE university_id = run.university_id AND unit = unit_name AND starts_on = period_start
               AND tool = run.tool AND user_id = run.user_id;
        END IF;
    END LOOP;
END;
$$;

CREATE FUNCTION ai_run_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM ai_run_outcome_moved(NEW, -1, ai_run_outcome(NEW.status));
        PERFORM ai_run_students_add(NEW);
    ELSIF current_setting('careerai.offboarding_university', true) = OLD.university_id::text THEN
        -- offboarding deletes every table of the university: nothing to keep
        NULL;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM ai_run_outcome_moved(OLD, ai_run_outcome(OLD.status), -1);
        PERFORM ai_run_students_remove(OLD);
    ELSIF OLD.tool = NEW.tool AND OLD.user_id = NEW.user_id AND OLD.created_at = NEW.created_at THEN
        -- the usual update: the run ended (the trigger's condition leaves out changes of status
        -- within one outcome)
        PERFORM ai_run_outcome_moved(NEW, ai_run_outcome(OLD.status), ai_run_outcome(NEW.status));
    ELSE
        PERFORM ai_run_outcome_moved(OLD, ai_run_outcome(OLD.status), -1);
        PERFORM ai_run_students_remove(OLD);
        PERFORM ai_run_outcome_moved(NEW, -1, ai_run_outcome(NEW.status));
        PERFORM ai_run_students_add(NEW);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER ai_runs_counted_insert AFTER INSERT ON ai_runs
    FOR EACH ROW EXECUTE FUNCTION ai_run_counted();
CREATE TRIGGER ai_runs_counted_delete AFTER DELETE ON ai_runs
    FOR EACH ROW EXECUTE FUNCTION ai_run_counted();
CREATE TRIGGER ai_runs_counted_update AFTER UPDATE OF status, tool, user_id, created_at ON ai_runs
    FOR EACH ROW
    WHEN (ai_run_outcome(OLD.status) IS DISTINCT FROM ai_run_outcome(NEW.status)
          OR OLD.tool IS DISTINCT FROM NEW.tool OR OLD.user_id IS DISTINCT FROM NEW.user_id
          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION ai_run_counted();
