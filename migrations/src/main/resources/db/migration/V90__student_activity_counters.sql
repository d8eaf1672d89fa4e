-- Staff analytics at a year of data (issue 17, ADR 0035): active students per week and month and
-- over a long range become counts of rows instead of distinct counts over a year of
-- student_activity. Owned by auth, like student_activity.
--
-- student_activity_periods: one row per student and ISO week ('week', its Monday) or month
-- ('month', its first day) in which the student was active on any day.
-- student_activity_counts: how many distinct students were active per day, week and month, in
-- eight slots (a student's slot is user_id & 7) so that students signing in at the same moment do
-- not queue on one counter row; readers sum the slots.
-- Both are kept by a trigger on student_activity, in the transaction that records the activity,
-- so they are exactly as current as the table they count; the back-fill below runs in the same
-- migration transaction, after the trigger holds its lock, so no row is counted twice or missed.
CREATE TABLE student_activity_periods (
    university_id  BIGINT NOT NULL,
    unit           TEXT   NOT NULL CHECK (unit IN ('week', 'month')),
    starts_on      DATE   NOT NULL,
    user_id        BIGINT NOT NULL,
    PRIMARY KEY (university_id, unit, starts_on, user_id)
);

CREATE TABLE student_activity_counts (
    university_id  BIGINT NOT NULL,
    unit           TEXT   NOT NULL CHECK (unit IN ('day', 'week', 'month')),
    starts_on      DATE   NOT NULL,
    slot           SMALLINT NOT NULL CHECK (slot BETWEEN 0 AND 7),
    students       BIGINT NOT NULL CHECK (students >= 0),
    PRIMARY KEY (university_id, unit, starts_on, slot)
);

ALTER TABLE student_activity_periods ENABLE ROW LEVEL SECURITY;
ALTER TABLE student_activity_periods FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON student_activity_periods
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE student_activity_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE student_activity_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON student_activity_counts
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

-- A new active day counts the day; it counts the week and the month only when it is the student's
-- first day in them. A removed day (erasure, a user's deletion) uncounts what no other day of the
-- student still holds. Counter rows are never deleted (a zero stays a zero), so removing rows only
-- ever updates. Offboarding deletes every table of the university anyway: nothing to keep then.
CREATE FUNCTION student_activity_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unit_name TEXT;
    period_start DATE;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO student_activity_counts (university_id, unit, starts_on, slot, students)
            VALUES (NEW.university_id, 'day', NEW.day, NEW.user_id & 7, 1)
            ON CONFLICT (university_id, unit, starts_on, slot) DO UPDATE SET students = student_activity_counts.students + 1;
        FOREACH unit_name IN ARRAY ARRAY['week', 'month'] LOOP
            period_start := date_trunc(unit_name, NEW.day::timestamp)::date;
            INSERT INTO student_activity_periods (university_id, unit, starts_on, user_id)
                VALUES (NEW.university_id, unit_name, period_start, NEW.user_id) ON CONFLICT DO NOTHING;
            IF FOUND THEN
                INSERT INTO student_activity_counts (university_id, unit, starts_on, slot, students)
                    VALUES (NEW.university_id, unit_name, period_start, NEW.user_id & 7, 1)
                    ON CONFLICT (university_id, unit, starts_on, slot)
                    DO UPDATE SET students = student_activity_counts.students + 1;
            END IF;
        END LOOP;
        RETURN NULL;
    END IF;
    IF current_setting('careerai.offboarding_university', true) = OLD.university_id::text THEN
        RETURN NULL;
    END IF;
    UPDATE student_activity_counts SET students = students - 1
     WHERE university_id = OLD.university_id AND unit = 'day' AND starts_on = OLD.day AND slot = OLD.user_id & 7
       AND students > 0;
    FOREACH unit_name IN ARRAY ARRAY['week', 'month'] LOOP
        period_start := date_trunc(unit_name, OLD.day::timestamp)::date;
        IF NOT EXISTS (SELECT 1 FROM student_activity
                        WHERE university_id = OLD.university_id AND user_id = OLD.user_id
                          AND day >= period_start
                          AND day < (period_start + ('1 ' || unit_name)::interval)::date) THEN
            DELETE FROM student_activity_periods
             WHERE university_id = OLD.university_id AND unit = unit_name AND starts_on = period_start
               AND user_id = OLD.user_id;
            IF FOUND THEN
                UPDATE student_activity_counts SET students = students - 1
                 WHERE university_id = OLD.university_id AND unit = unit_name AND starts_on = period_start
                   AND slot = OLD.user_id & 7 AND students > 0;
            END IF;
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

-- Rows are only inserted and deleted (the key is the whole row): no UPDATE trigger is needed.
CREATE TRIGGER student_activity_counted AFTER INSERT OR DELETE ON student_activity
    FOR EACH ROW EXECUTE FUNCTION student_activity_counted();

-- Back-fill from the activity recorded so far. The owner is exempt from row-level security only
-- while it is not forced, so both tables drop FORCE for these statements and take it back.
ALTER TABLE student_activity NO FORCE ROW LEVEL SECURITY;
ALTER TABLE student_activity_periods NO FORCE ROW LEVEL SECURITY;
ALTER TABLE student_activity_counts NO FORCE ROW LEVEL SECURITY;
INSERT INTO student_activity_periods (university_id, unit, starts_on, user_id)
    SELECT DISTINCT university_id, u.unit, date_trunc(u.unit, day::timestamp)::date, user_id
      FROM student_activity CROSS JOIN (VALUES ('week'), ('month')) AS u (unit);
INSERT INTO student_activity_counts (university_id, unit, starts_on, slot, students)
    SELECT university_id, 'day', day, user_id & 7, count(*) FROM student_activity GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT university_id, unit, starts_on, user_id & 7, count(*) FROM student_activity_periods GROUP BY 1, 2, 3, 4;
ALTER TABLE student_activity FORCE ROW LEVEL SECURITY;
ALTER TABLE student_activity_periods FORCE ROW LEVEL SECURITY;
ALTER TABLE student_activity_counts FORCE ROW LEVEL SECURITY;
