-- Privacy (issue 18): a student's own data. "Download my data" builds a zip as a job; "Delete my
-- account" is confirmed by an emailed code, waits out a 30-day grace and is then carried out by
-- every feature's PersonalData bean (docs/adr/0027).

CREATE TABLE data_exports (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    id             UUID        NOT NULL,
    user_id        BIGINT      NOT NULL,
    requested_by   BIGINT      NOT NULL,
    status         TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'READY', 'EXPIRED', 'FAILED')),
    parts_done     INTEGER     NOT NULL DEFAULT 0 CHECK (parts_done >= 0),
    parts_total    INTEGER     NOT NULL DEFAULT 0 CHECK (parts_total >= 0),
    storage_key    TEXT,
    size_bytes     BIGINT      CHECK (size_bytes >= 0),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    ready_at       TIMESTAMPTZ,
    expires_at     TIMESTAMPTZ,
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    CHECK ((status = 'READY') = (storage_key IS NOT NULL))
);
CREATE INDEX data_exports_user ON data_exports (university_id, user_id, created_at DESC);
CREATE INDEX data_exports_expiring ON data_exports (university_id, expires_at) WHERE status = 'READY';

-- One row per person: the latest request and where it stands.
CREATE TABLE account_deletions (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    user_id        BIGINT      NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('AWAITING_CODE', 'SCHEDULED', 'CANCELLED', 'ERASED')),
    requested_by   BIGINT      NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    confirmed_at   TIMESTAMPTZ,
    erase_at       TIMESTAMPTZ,
    cancelled_at   TIMESTAMPTZ,
    erased_at      TIMESTAMPTZ,
    PRIMARY KEY (university_id, user_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    CHECK ((status = 'SCHEDULED') <= (erase_at IS NOT NULL))
);
CREATE INDEX account_deletions_due ON account_deletions (university_id, erase_at) WHERE status = 'SCHEDULED';

ALTER TABLE data_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON data_exports
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE account_deletions ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_deletions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON account_deletions
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

-- Scrubbing a person's identifiers (address, phone numbers, name) out of texts that stay.
CREATE FUNCTION privacy_scrub(value TEXT, identifiers TEXT[]) RETURNS TEXT
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    term TEXT;
    result TEXT := value;
BEGIN
    IF result IS NULL OR identifiers IS NULL THEN
        RETURN result;
    END IF;
    FOREACH term IN ARRAY identifiers LOOP
        IF term IS NOT NULL AND length(term) > 0 THEN
            result := regexp_replace(
                    result, regexp_replace(term, '([.*+?^$(){}|\[\]\\])', '\\\1', 'g'), '[erased]', 'gi');
        END IF;
    END LOOP;
    RETURN result;
END;
$$;

CREATE FUNCTION privacy_scrub_jsonb(value JSONB, identifiers TEXT[]) RETURNS JSONB
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN privacy_scrub(value::text, identifiers)::jsonb;
EXCEPTION WHEN invalid_text_representation THEN
    -- an identifier spanned JSON syntax: keep nothing rather than something personal
    RETURN '{"erased": true}'::jsonb;
END;
$$;

CREATE FUNCTION privacy_mentions(value TEXT, identifiers TEXT[]) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS $$
    SELECT value IS NOT NULL AND EXISTS (
        SELECT 1 FROM unnest(identifiers) AS term
        WHERE length(term) > 0 AND strpos(lower(value), lower(term)) > 0)
$$;

-- The audit log stays append-only (V70). One narrow exception besides offboarding: the erasure of
-- a person rewrites the details of entries naming them, announced for one university and one
-- transaction with set_config('careerai.erasing_user', '<university id>:<user id>', true). Who
-- acted, what, and when never change, and nothing is deleted.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
            AND current_setting('careerai.offboarding_university', true) = OLD.university_id::text THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE'
            AND split_part(coalesce(current_setting('careerai.erasing_user', true), ''), ':', 1)
                = OLD.university_id::text
            AND NEW.university_id = OLD.university_id
            AND NEW.id = OLD.id
            AND NEW.actor = OLD.actor
            AND NEW.action = OLD.action
            AND NEW.created_at = OLD.created_at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
