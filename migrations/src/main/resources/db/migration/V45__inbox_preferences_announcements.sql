-- In-app notifications (the inbox), per-kind email preferences and staff announcements (issue 14).
-- An inbox entry comes either from a NoticePublished outbox event (unique per event id, so a
-- redelivered event adds nothing) or from an announcement (unique per announcement and recipient,
-- so a resumed sender adds nothing).

CREATE TABLE announcements (
    university_id    BIGINT      NOT NULL REFERENCES universities (id),
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    title            TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body             TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    audience         TEXT        NOT NULL CHECK (audience IN ('ALL_STUDENTS', 'INTERESTS')),
    interest_ids     BIGINT[]    NOT NULL DEFAULT '{}',
    status           TEXT        NOT NULL DEFAULT 'DRAFT'
                                 CHECK (status IN ('DRAFT', 'SCHEDULED', 'SENDING', 'SENT')),
    send_at          TIMESTAMPTZ,
    -- the last user id handed to the sender: a resumed send continues after it
    cursor_user_id   BIGINT      NOT NULL DEFAULT 0,
    recipients       INT         NOT NULL DEFAULT 0,
    emailed          INT         NOT NULL DEFAULT 0,
    created_by       BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    sent_at          TIMESTAMPTZ,
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, created_by) REFERENCES users (university_id, id),
    CHECK (audience = 'ALL_STUDENTS' OR cardinality(interest_ids) > 0),
    CHECK (status <> 'SCHEDULED' OR send_at IS NOT NULL)
);
CREATE INDEX announcements_newest ON announcements (university_id, id DESC);

CREATE TABLE notifications (
    university_id    BIGINT      NOT NULL REFERENCES universities (id),
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    user_id          BIGINT      NOT NULL,
    kind             TEXT        NOT NULL,
    title            TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body             TEXT        NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
    link             TEXT,
    important        BOOLEAN     NOT NULL DEFAULT false,
    event_id         UUID,
    announcement_id  BIGINT,
    emailed          BOOLEAN     NOT NULL DEFAULT false,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at          TIMESTAMPTZ,
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, announcement_id) REFERENCES announcements (university_id, id),
    CHECK ((event_id IS NULL) <> (announcement_id IS NULL)),
    -- NULLs are distinct: each constraint binds only the rows of its source
    UNIQUE (university_id, event_id),
    UNIQUE (university_id, announcement_id, user_id)
);
-- the inbox, newest first
CREATE INDEX notifications_inbox ON notifications (university_id, user_id, id DESC);
-- the bell: unread entries of one user
CREATE INDEX notifications_unread ON notifications (university_id, user_id) WHERE read_at IS NULL;

CREATE TABLE notification_preferences (
    university_id    BIGINT      NOT NULL,
    user_id          BIGINT      NOT NULL,
    kind             TEXT        NOT NULL,
    email            BOOLEAN     NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, user_id, kind),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);

ALTER TABLE announcements ENABLE ROW LEVEL SECURITY;
ALTER TABLE announcements FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON announcements
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preferences FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_preferences
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
