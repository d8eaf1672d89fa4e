-- Support tickets (issue 16): students (and visitors by email) ask, staff answer from a queue with
-- first-response and resolution timers counted in the university's business hours. Owned by the
-- support feature.

-- Per university: the business week (ISO days 1 = Monday … 7), hours and zone the timers count in,
-- and the targets in business minutes.
CREATE TABLE support_settings (
    university_id            BIGINT      NOT NULL REFERENCES universities (id),
    time_zone                TEXT        NOT NULL DEFAULT 'UTC',
    work_days                TEXT        NOT NULL DEFAULT '1,2,3,4,5' CHECK (work_days ~ '^[1-7](,[1-7])*$'),
    day_start                TIME        NOT NULL DEFAULT '09:00',
    day_end                  TIME        NOT NULL DEFAULT '17:00' CHECK (day_end > day_start),
    first_response_minutes   INTEGER     NOT NULL DEFAULT 240 CHECK (first_response_minutes > 0),
    resolution_minutes       INTEGER     NOT NULL DEFAULT 1440 CHECK (resolution_minutes > 0),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id)
);

CREATE TABLE tickets (
    university_id     BIGINT      NOT NULL REFERENCES universities (id),
    id                BIGINT GENERATED ALWAYS AS IDENTITY,
    requester_id      BIGINT,
    requester_email   TEXT        NOT NULL CHECK (length(requester_email) BETWEEN 3 AND 254),
    requester_name    TEXT        NOT NULL CHECK (length(requester_name) BETWEEN 1 AND 120),
    subject           TEXT        NOT NULL CHECK (length(subject) BETWEEN 1 AND 150),
    category          TEXT        NOT NULL
                                  CHECK (category IN ('general', 'technical', 'billing', 'counselling', 'courses')),
    status            TEXT        NOT NULL DEFAULT 'OPEN'
                                  CHECK (status IN ('OPEN', 'PENDING_STUDENT', 'RESOLVED', 'CLOSED')),
    assignee_id       BIGINT,
    first_response_at TIMESTAMPTZ,
    resolved_at       TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    csat              SMALLINT    CHECK (csat BETWEEN 1 AND 5),
    csat_at           TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, requester_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, assignee_id) REFERENCES users (university_id, id),
    CHECK ((csat IS NULL) = (csat_at IS NULL))
);
CREATE INDEX tickets_queue ON tickets (university_id, status, updated_at DESC);
CREATE INDEX tickets_by_requester ON tickets (university_id, requester_id, updated_at DESC);
CREATE INDEX tickets_by_assignee ON tickets (university_id, assignee_id, status);

CREATE TABLE ticket_messages (
    university_id BIGINT      NOT NULL,
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    ticket_id     BIGINT      NOT NULL,
    author_id     BIGINT,
    author_name   TEXT        NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('REQUESTER', 'REPLY', 'INTERNAL_NOTE')),
    body          TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, ticket_id) REFERENCES tickets (university_id, id),
    FOREIGN KEY (university_id, author_id) REFERENCES users (university_id, id)
);
CREATE INDEX ticket_messages_by_ticket ON ticket_messages (university_id, ticket_id, created_at);

ALTER TABLE support_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON support_settings
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tickets
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE ticket_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ticket_messages
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
