-- The resources library (issue 14): files and links that counsellors and staff share with students,
-- tagged with interests, open to everyone or to premium plans, waiting for staff approval when the
-- university requires it, searchable by title and description, with every download recorded.
-- Files themselves live in the storage port (platform.storage); a row keeps only their key.

CREATE TABLE resources (
    university_id    BIGINT      NOT NULL REFERENCES universities (id),
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    uploader_id      BIGINT      NOT NULL,
    uploader_name    TEXT        NOT NULL,
    title            TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description      TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    kind             TEXT        NOT NULL CHECK (kind IN ('PDF', 'DOCX', 'PPTX', 'XLSX', 'IMAGE', 'LINK', 'VIDEO')),
    access           TEXT        NOT NULL CHECK (access IN ('EVERYONE', 'PREMIUM')),
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    url              TEXT        CHECK (length(url) <= 2000),
    storage_key      TEXT,
    content_type     TEXT,
    file_size        BIGINT      CHECK (file_size > 0),
    file_name        TEXT,
    rejection_reason TEXT,
    reviewed_by      BIGINT,
    reviewed_at      TIMESTAMPTZ,
    downloads        BIGINT      NOT NULL DEFAULT 0 CHECK (downloads >= 0),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- title weighs more than description in the ranking (docs/adr/0015)
    search           TSVECTOR GENERATED ALWAYS AS (
                         setweight(to_tsvector('english', title), 'A')
                         || setweight(to_tsvector('english', description), 'B')) STORED,
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, uploader_id) REFERENCES users (university_id, id),
    -- a link or video has a URL and no file; a file has a stored key and no URL
    CHECK ((kind IN ('LINK', 'VIDEO')) = (url IS NOT NULL)),
    CHECK ((kind IN ('LINK', 'VIDEO')) = (storage_key IS NULL)),
    CHECK ((storage_key IS NULL) = (file_name IS NULL))
);
CREATE INDEX resources_listing ON resources (university_id, status, created_at DESC);
CREATE INDEX resources_by_uploader ON resources (university_id, uploader_id, created_at DESC);
-- GIN cannot lead with university_id without the btree_gin extension; the tenant's rows are
-- narrowed by resources_listing and the text match by this index (docs/adr/0015).
CREATE INDEX resources_search ON resources USING GIN (search);

CREATE TABLE resource_interests (
    university_id    BIGINT      NOT NULL,
    resource_id      BIGINT      NOT NULL,
    interest_id      BIGINT      NOT NULL,
    PRIMARY KEY (university_id, resource_id, interest_id),
    FOREIGN KEY (university_id, resource_id) REFERENCES resources (university_id, id) ON DELETE CASCADE,
    FOREIGN KEY (university_id, interest_id) REFERENCES interests (university_id, id)
);
CREATE INDEX resource_interests_by_interest ON resource_interests (university_id, interest_id, resource_id);

CREATE TABLE resource_downloads (
    university_id    BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    resource_id      BIGINT      NOT NULL,
    user_id          BIGINT      NOT NULL,
    downloaded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, resource_id) REFERENCES resources (university_id, id) ON DELETE CASCADE,
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);
CREATE INDEX resource_downloads_by_resource ON resource_downloads (university_id, resource_id, downloaded_at);
CREATE INDEX resource_downloads_by_user ON resource_downloads (university_id, user_id, downloaded_at);

-- One row per university that changed the default (approval required).
CREATE TABLE resource_settings (
    university_id     BIGINT      NOT NULL REFERENCES universities (id),
    require_approval  BOOLEAN     NOT NULL DEFAULT true,
    changed_by        BIGINT,
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id)
);

ALTER TABLE resources ENABLE ROW LEVEL SECURITY;
ALTER TABLE resources FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resources
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE resource_interests ENABLE ROW LEVEL SECURITY;
ALTER TABLE resource_interests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resource_interests
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE resource_downloads ENABLE ROW LEVEL SECURITY;
ALTER TABLE resource_downloads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resource_downloads
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE resource_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE resource_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resource_settings
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
