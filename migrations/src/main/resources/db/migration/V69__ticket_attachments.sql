-- Support ticket attachments (issue 16, docs/adr/0025): files the requester or staff attach to a
-- ticket, inspected by the resources feature's upload check and kept in platform.storage.FileStorage
-- under storage_key (never served from a public root). Downloaded as attachments only by the
-- ticket's requester and the university's staff. Owned by the support feature.
CREATE TABLE ticket_attachments (
    university_id BIGINT      NOT NULL,
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    ticket_id     BIGINT      NOT NULL,
    uploader_id   BIGINT,
    uploader_name TEXT        NOT NULL,
    from_staff    BOOLEAN     NOT NULL,
    file_name     TEXT        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type  TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL CHECK (size_bytes > 0),
    storage_key   TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, ticket_id) REFERENCES tickets (university_id, id),
    FOREIGN KEY (university_id, uploader_id) REFERENCES users (university_id, id)
);
CREATE INDEX ticket_attachments_by_ticket ON ticket_attachments (university_id, ticket_id, created_at);

ALTER TABLE ticket_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ticket_attachments
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
