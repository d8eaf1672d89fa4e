-- Invitations give a role (staff, counsellor) to an email at its first sign-in in one university.
CREATE TABLE invitations (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    email          TEXT        NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    role           TEXT        NOT NULL CHECK (role IN ('STUDENT', 'COUNSELLOR', 'STAFF')),
    invited_by     TEXT        NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    accepted_at    TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id)
);
CREATE INDEX invitations_university_email ON invitations (university_id, email);

-- Who changed what: staff and operator actions that matter (allowances, grants, suspensions).
CREATE TABLE audit_log (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    actor          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    details        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id)
);
CREATE INDEX audit_log_university_created ON audit_log (university_id, created_at DESC);
