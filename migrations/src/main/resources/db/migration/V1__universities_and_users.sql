-- Universities are the tenants. Every tenant-owned table carries university_id NOT NULL,
-- its indexes lead with university_id, and references inside a tenant use the composite key
-- (university_id, id) so that the database itself refuses a link across two universities.

CREATE TABLE universities (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    subdomain        TEXT        NOT NULL UNIQUE
                     CHECK (subdomain ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')
                     -- the second wall behind ReservedSubdomains in code
                     CHECK (subdomain NOT IN ('www', 'api', 'admin', 'ops', 'app', 'static', 'mail',
                                              'assets', 'cdn', 'help', 'status', 'webhooks', 'auth')),
    allowed_domains  JSONB       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(allowed_domains) = 'array'),
    default_silver   INTEGER     NOT NULL DEFAULT 0 CHECK (default_silver >= 0),
    default_gold     INTEGER     NOT NULL DEFAULT 0 CHECK (default_gold >= 0),
    status           TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    brand_color      TEXT        NOT NULL DEFAULT '#1F4E79' CHECK (brand_color ~ '^#[0-9A-Fa-f]{6}$'),
    logo_url         TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE users (
    university_id    BIGINT      NOT NULL REFERENCES universities (id),
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    email            TEXT        NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    name             TEXT        CHECK (length(name) <= 200),
    role             TEXT        NOT NULL DEFAULT 'STUDENT' CHECK (role IN ('STUDENT', 'COUNSELLOR', 'STAFF')),
    email_verified   BOOLEAN     NOT NULL DEFAULT FALSE,
    google_id        TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_sign_in_at  TIMESTAMPTZ,
    PRIMARY KEY (university_id, id),
    UNIQUE (university_id, email)
);

CREATE UNIQUE INDEX users_university_google_id ON users (university_id, google_id) WHERE google_id IS NOT NULL;
CREATE INDEX users_university_role ON users (university_id, role);
