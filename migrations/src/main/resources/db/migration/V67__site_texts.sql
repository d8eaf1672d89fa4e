-- Public pages (issue 16): each university's hero text, services blurb and FAQ, edited by staff at
-- /staff/site and shown on the signed-out pages. Plain text (links are linkified after escaping,
-- never evaluated as a template). Owned by the site feature.

CREATE TABLE site_texts (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    hero_text      TEXT        NOT NULL DEFAULT '' CHECK (length(hero_text) <= 600),
    services_blurb TEXT        NOT NULL DEFAULT '' CHECK (length(services_blurb) <= 2000),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id)
);

CREATE TABLE site_faq (
    university_id BIGINT      NOT NULL REFERENCES universities (id),
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    position      INTEGER     NOT NULL CHECK (position >= 0),
    question      TEXT        NOT NULL CHECK (length(question) BETWEEN 1 AND 200),
    answer        TEXT        NOT NULL CHECK (length(answer) BETWEEN 1 AND 2000),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id)
);
CREATE INDEX site_faq_in_order ON site_faq (university_id, position, id);

ALTER TABLE site_texts ENABLE ROW LEVEL SECURITY;
ALTER TABLE site_texts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON site_texts
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE site_faq ENABLE ROW LEVEL SECURITY;
ALTER TABLE site_faq FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON site_faq
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
