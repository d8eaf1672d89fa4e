-- Issue 20, the student's career profile (profile feature): what the tools pre-fill and the
-- dashboard builds on. The person's name stays on users (auth); interests stay in interests.
-- No profile row = nothing filled in yet (the time zone then is the university's).

CREATE TABLE career_profiles (
    university_id     BIGINT      NOT NULL,
    user_id           BIGINT      NOT NULL,
    programme         TEXT        CHECK (length(programme) BETWEEN 1 AND 120),
    graduation_year   INTEGER     CHECK (graduation_year BETWEEN 1950 AND 2100),
    target_roles      TEXT[]      NOT NULL DEFAULT '{}' CHECK (cardinality(target_roles) <= 5),
    target_locations  TEXT[]      NOT NULL DEFAULT '{}' CHECK (cardinality(target_locations) <= 5),
    linkedin_url      TEXT        CHECK (linkedin_url ~ '^https?://' AND length(linkedin_url) <= 300),
    portfolio_url     TEXT        CHECK (portfolio_url ~ '^https?://' AND length(portfolio_url) <= 300),
    time_zone         TEXT        CHECK (length(time_zone) BETWEEN 1 AND 64),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, user_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);

-- Saved resumes: named texts (pasted, or a PDF's text; the file is never kept), one default per person.
CREATE TABLE saved_resumes (
    university_id     BIGINT      NOT NULL,
    id                BIGINT GENERATED ALWAYS AS IDENTITY,
    user_id           BIGINT      NOT NULL,
    name              TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    body              TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 30000),
    is_default        BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);
CREATE INDEX saved_resumes_by_user ON saved_resumes (university_id, user_id, created_at);
CREATE UNIQUE INDEX saved_resumes_one_default ON saved_resumes (university_id, user_id) WHERE is_default;

ALTER TABLE career_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE career_profiles FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON career_profiles
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE saved_resumes ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_resumes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON saved_resumes
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
