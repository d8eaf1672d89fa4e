-- Every email the platform sends (sign-in codes, invitations, receipts …): queued by the web node,
-- sent by a JobRunr worker with retries. A failed send stays visible here (status FAILED with the
-- last error) as well as in the logs and JobRunr's dashboard. Message bodies are never stored:
-- they may hold a sign-in code.
CREATE TABLE mail_deliveries (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    recipient      TEXT        NOT NULL CHECK (length(recipient) <= 254),
    template       TEXT        NOT NULL CHECK (length(template) <= 100),
    status         TEXT        NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
    attempts       INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error     TEXT        CHECK (length(last_error) <= 1000),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at        TIMESTAMPTZ,
    PRIMARY KEY (university_id, id)
);
CREATE INDEX mail_deliveries_university_created ON mail_deliveries (university_id, created_at DESC);
CREATE INDEX mail_deliveries_university_status ON mail_deliveries (university_id, status) WHERE status <> 'SENT';
