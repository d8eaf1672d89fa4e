-- Staff analytics at a year of data (issue 17, ADR 0035): downloads per UTC day and resource, and
-- which students downloaded which resource per ISO week and month, so a year of downloads is read
-- as counter rows instead of every download. Owned by resources, like resource_downloads.
--
-- resource_download_days counts in eight slots (a download's slot is its student's user_id & 7) so
-- that downloads at the same moment do not queue on one counter row; readers sum the slots.
-- Kept by a trigger on resource_downloads in the transaction that records (or erases) the
-- download; downloads are never updated. A resource's deletion cascades to its downloads, which
-- uncounts them row by row.
CREATE TABLE resource_download_days (
    university_id  BIGINT NOT NULL,
    day            DATE   NOT NULL,
    resource_id    BIGINT NOT NULL,
    slot           SMALLINT NOT NULL CHECK (slot BETWEEN 0 AND 7),
    downloads      BIGINT NOT NULL CHECK (downloads >= 0),
    PRIMARY KEY (university_id, day, resource_id, slot)
);

CREATE TABLE resource_download_students (
    university_id  BIGINT NOT NULL,
    unit           TEXT   NOT NULL CHECK (unit IN ('week', 'month')),
    starts_on      DATE   NOT NULL,
    resource_id    BIGINT NOT NULL,
    user_id        BIGINT NOT NULL,
    PRIMARY KEY (university_id, unit, starts_on, resource_id, user_id)
);

ALTER TABLE resource_download_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE resource_download_days FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resource_download_days
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE resource_download_students ENABLE ROW LEVEL SECURITY;
ALTER TABLE resource_download_students FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resource_download_students
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

CREATE FUNCTION resource_download_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unit_name TEXT;
    period_start DATE;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO resource_download_days (university_id, day, resource_id, slot, downloads)
            VALUES (NEW.university_id, (NEW.downloaded_at AT TIME ZONE 'UTC')::date, NEW.resource_id, NEW.user_id & 7, 1)
            ON CONFLICT (university_id, day, resource_id, slot)
            DO UPDATE SET downloads = resource_download_days.downloads + 1;
        FOREACH unit_name IN ARRAY ARRAY['week', 'month'] LOOP
            INSERT INTO resource_download_students (university_id, unit, starts_on, resource_id, user_id)
                VALUES (NEW.university_id, unit_name, date_trunc(unit_name, NEW.downloaded_at AT TIME ZONE 'UTC')::date,
                        NEW.resource_id, NEW.user_id)
                ON CONFLICT DO NOTHING;
        END LOOP;
        RETURN NULL;
    END IF;
    IF current_setting('careerai.offboarding_university', true) = OLD.university_id::text THEN
        RETURN NULL;
    END IF;
    UPDATE resource_download_days SET downloads = downloads - 1
     WHERE university_id = OLD.university_id AND day = (OLD.downloaded_at AT TIME ZONE 'UTC')::date
       AND resource_id = OLD.resource_id AND slot = OLD.user_id & 7 AND downloads > 0;
    FOREACH unit_name IN ARRAY ARRAY['week', 'month'] LOOP
        period_start := date_trunc(unit_name, OLD.downloaded_at AT TIME ZONE 'UTC')::date;
        IF NOT EXISTS (SELECT 1 FROM resource_downloads d
                        WHERE d.university_id = OLD.university_id AND d.user_id = OLD.user_id
                          AND d.resource_id = OLD.resource_id
                          AND d.downloaded_at >= period_start::timestamp AT TIME ZONE 'UTC'
                          AND d.downloaded_at < (period_start + ('1 ' || unit_name)::interval) AT TIME ZONE 'UTC') THEN
            DELETE FROM resource_download_students
             WHERE university_id = OLD.university_id AND unit = unit_name AND starts_on = period_start
               AND resource_id = OLD.resource_id AND user_id = OLD.user_id;
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER resource_downloads_counted AFTER INSERT OR DELETE ON resource_downloads
    FOR EACH ROW EXECUTE FUNCTION resource_download_counted();

-- Back-fill from the downloads so far, in this transaction, after the trigger holds its lock on
-- resource_downloads. The owner is exempt from row-level security only while it is not forced.
ALTER TABLE resource_downloads NO FORCE ROW LEVEL SECURITY;
ALTER TABLE resource_download_days NO FORCE ROW LEVEL SECURITY;
ALTER TABLE resource_download_students NO FORCE ROW LEVEL SECURITY;
INSERT INTO resource_download_days (university_id, day, resource_id, slot, downloads)
    SELECT university_id, (downloaded_at AT TIME ZONE 'UTC')::date, resource_id, user_id & 7, count(*)
      FROM resource_downloads GROUP BY 1, 2, 3, 4;
INSERT INTO resource_download_students (university_id, unit, starts_on, resource_id, user_id)
    SELECT DISTINCT university_id, u.unit, date_trunc(u.unit, downloaded_at AT TIME ZONE 'UTC')::date, resource_id, user_id
      FROM resource_downloads CROSS JOIN (VALUES ('week'), ('month')) AS u (unit);
ALTER TABLE resource_downloads FORCE ROW LEVEL SECURITY;
ALTER TABLE resource_download_days FORCE ROW LEVEL SECURITY;
ALTER TABLE resource_download_students FORCE ROW LEVEL SECURITY;
