-- Staff analytics at a year of data (issue 17, ADR 0035): AI runs per UTC day, tool and status,
-- and which students used which tool per ISO week and month, so a year of runs is read as a few
-- thousand counter rows instead of every run. Owned by ai, like ai_runs.
--
-- ai_run_days: runs per (UTC day of created_at, tool, current status), in eight slots (a run's slot
-- comes from its id) so that runs started at the same moment do not queue on one counter row
-- until their transactions commit; readers sum the slots. A run moving from QUEUED to
-- RUNNING to SUCCEEDED (or FAILED, then REFUNDED) moves one count from its old status to its new
-- one. ai_run_students: one row per student, tool and week ('week', its Monday) or month
-- ('month', its first day) with at least one run. Both are kept by a trigger on ai_runs, in the
-- transaction that inserts, updates or deletes the run: a retried job that fails to commit leaves
-- no count behind, and a refund is counted by the same UPDATE that records it.
CREATE TABLE ai_run_days (
    university_id  BIGINT NOT NULL,
    day            DATE   NOT NULL,
    tool           TEXT   NOT NULL,
    status         TEXT   NOT NULL,
    slot           SMALLINT NOT NULL CHECK (slot BETWEEN 0 AND 7),
    runs           BIGINT NOT NULL CHECK (runs >= 0),
    PRIMARY KEY (university_id, day, tool, status, slot)
);

CREATE TABLE ai_run_students (
    university_id  BIGINT NOT NULL,
    unit           TEXT   NOT NULL CHECK (unit IN ('week', 'month')),
    starts_on      DATE   NOT NULL,
    tool           TEXT   NOT NULL,
    user_id        BIGINT NOT NULL,
    PRIMARY KEY (university_id, unit, starts_on, tool, user_id)
);

ALTER TABLE ai_run_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_run_days FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_run_days
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE ai_run_students ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_run_students FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_run_students
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

CREATE FUNCTION ai_run_counted_add(run ai_runs) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    unit_name TEXT;
BEGIN
    INSERT INTO ai_run_days (university_id, day, tool, status, slot, runs)
        VALUES (run.university_id, (run.created_at AT TIME ZONE 'UTC')::date, run.tool, run.status,
                hashtext(run.id::text) & 7, 1)
        ON CONFLICT (university_id, day, tool, status, slot) DO UPDATE SET runs = ai_run_days.runs + 1;
    FOREACH unit_name IN ARRAY ARRAY['week', 'month'] LOOP
        INSERT INTO ai_run_students (university_id, unit, starts_on, tool, user_id)
            VALUES (run.university_id, unit_name, date_trunc(unit_name, run.created_at AT TIME ZONE 'UTC')::date,
                    run.tool, run.user_id)
            ON CONFLICT DO NOTHING;
    END LOOP;
END;
$$;

-- Called after the run row is gone or changed: a student's (tool, period) pair goes when no other
-- run of theirs still holds it. Counter rows are never deleted (a zero stays a zero).
CREATE FUNCTION ai_run_counted_remove(run ai_runs) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    unit_name TEXT;
    period_start DATE;
BEGIN
    UPDATE ai_run_days SET runs = runs - 1
     WHERE university_id = run.university_id AND day = (run.created_at AT TIME ZONE 'UTC')::date
       AND tool = run.tool AND status = run.status AND slot = hashtext(run.id::text) & 7 AND runs > 0;
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
        PERFORM ai_run_counted_add(NEW);
    ELSIF current_setting('careerai.offboarding_university', true) = OLD.university_id::text THEN
        -- offboarding deletes every table of the university: nothing to keep
        NULL;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM ai_run_counted_remove(OLD);
    ELSIF OLD.tool = NEW.tool AND OLD.user_id = NEW.user_id AND OLD.created_at = NEW.created_at THEN
        -- A status change (the usual update): move one count, locking the two counter rows in
        -- key order so that two runs changing in opposite directions cannot deadlock.
        IF OLD.status < NEW.status THEN
            UPDATE ai_run_days SET runs = runs - 1
             WHERE university_id = OLD.university_id AND day = (OLD.created_at AT TIME ZONE 'UTC')::date
               AND tool = OLD.tool AND status = OLD.status AND slot = hashtext(OLD.id::text) & 7 AND runs > 0;
        END IF;
        INSERT INTO ai_run_days (university_id, day, tool, status, slot, runs)
            VALUES (NEW.university_id, (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.tool, NEW.status,
                    hashtext(NEW.id::text) & 7, 1)
            ON CONFLICT (university_id, day, tool, status, slot) DO UPDATE SET runs = ai_run_days.runs + 1;
        IF OLD.status > NEW.status THEN
            UPDATE ai_run_days SET runs = runs - 1
             WHERE university_id = OLD.university_id AND day = (OLD.created_at AT TIME ZONE 'UTC')::date
               AND tool = OLD.tool AND status = OLD.status AND slot = hashtext(OLD.id::text) & 7 AND runs > 0;
        END IF;
    ELSE
        PERFORM ai_run_counted_remove(OLD);
        PERFORM ai_run_counted_add(NEW);
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
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.tool IS DISTINCT FROM NEW.tool
          OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION ai_run_counted();

-- Back-fill from the runs so far, in this transaction, after the triggers hold their lock on
-- ai_runs. The owner is exempt from row-level security only while it is not forced.
ALTER TABLE ai_runs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_run_days NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_run_students NO FORCE ROW LEVEL SECURITY;
INSERT INTO ai_run_days (university_id, day, tool, status, slot, runs)
    SELECT university_id, (created_at AT TIME ZONE 'UTC')::date, tool, status, hashtext(id::text) & 7, count(*)
      FROM ai_runs GROUP BY 1, 2, 3, 4, 5;
INSERT INTO ai_run_students (university_id, unit, starts_on, tool, user_id)
    SELECT DISTINCT university_id, u.unit, date_trunc(u.unit, created_at AT TIME ZONE 'UTC')::date, tool, user_id
      FROM ai_runs CROSS JOIN (VALUES ('week'), ('month')) AS u (unit);
ALTER TABLE ai_runs FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_run_days FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_run_students FORCE ROW LEVEL SECURITY;
