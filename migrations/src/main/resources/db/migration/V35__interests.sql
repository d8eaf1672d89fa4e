-- Career interests: categories a university's staff maintain, picked by students, used to tag
-- resources and counsellors and to address announcements. Retired categories stay for history.

CREATE TABLE interests (
    university_id    BIGINT      NOT NULL REFERENCES universities (id),
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    name             TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    retired_at       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id)
);
CREATE UNIQUE INDEX interests_name ON interests (university_id, lower(name));

CREATE TABLE student_interests (
    university_id    BIGINT      NOT NULL,
    user_id          BIGINT      NOT NULL,
    interest_id      BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, user_id, interest_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, interest_id) REFERENCES interests (university_id, id)
);
-- "students with any of these interests" (announcement audiences, recommendations)
CREATE INDEX student_interests_by_interest ON student_interests (university_id, interest_id, user_id);

ALTER TABLE interests ENABLE ROW LEVEL SECURITY;
ALTER TABLE interests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON interests
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE student_interests ENABLE ROW LEVEL SECURITY;
ALTER TABLE student_interests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON student_interests
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
