-- Counselling (docs/adr/0013-counselling.md), part 1: counsellor profiles, the session types they
-- offer, their weekly availability and date overrides, and each university's booking rules.
-- Every table is tenant-owned: university_id first in every key and index, composite foreign
-- keys, and forced row-level security (the second wall behind the explicit filters in the code).

-- A counsellor is a COUNSELLOR user with a profile; only APPROVED ones are listed or bookable.
-- The profile's key is the user's: (university_id, user_id).
CREATE TABLE counsellors (
    university_id          BIGINT      NOT NULL,
    user_id                BIGINT      NOT NULL,
    status                 TEXT        NOT NULL DEFAULT 'PENDING'
                           CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'INACTIVE')),
    display_name           TEXT        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    -- the counsellor's address for booking emails, copied from their account (auth owns users)
    email                  TEXT        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    bio                    TEXT        NOT NULL DEFAULT '' CHECK (length(bio) <= 4000),
    expertise              TEXT[]      NOT NULL DEFAULT '{}',
    languages              TEXT[]      NOT NULL DEFAULT '{}',
    -- IANA zone of the weekly rules, e.g. Europe/London
    time_zone              TEXT        NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    -- the counsellor's own fixed video link; NULL = a fresh room per appointment
    meeting_url            TEXT        CHECK (meeting_url ~ '^https://'),
    photo_jpeg             BYTEA,
    buffer_before_minutes  INTEGER     NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 240),
    buffer_after_minutes   INTEGER     NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 240),
    min_notice_minutes     INTEGER     NOT NULL DEFAULT 120 CHECK (min_notice_minutes BETWEEN 0 AND 20160),
    booking_window_days    INTEGER     NOT NULL DEFAULT 30 CHECK (booking_window_days BETWEEN 1 AND 365),
    slot_interval_minutes  INTEGER     NOT NULL DEFAULT 30 CHECK (slot_interval_minutes BETWEEN 5 AND 240),
    decision_reason        TEXT        CHECK (length(decision_reason) <= 1000),
    decided_by             BIGINT,
    decided_at             TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, user_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);
CREATE INDEX counsellors_university_status ON counsellors (university_id, status);

-- What a counsellor offers. price_gold NULL = free; included = counted against the student's plan
-- (billing.Plans) while the plan has sessions left this month, else paid at price_gold.
CREATE TABLE counselling_session_types (
    university_id   BIGINT      NOT NULL,
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    counsellor_id   BIGINT      NOT NULL,
    slug            TEXT        NOT NULL CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
    name            TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    minutes         INTEGER     NOT NULL CHECK (minutes BETWEEN 5 AND 480),
    price_gold      INTEGER     CHECK (price_gold > 0),
    included        BOOLEAN     NOT NULL DEFAULT FALSE,
    active          BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (university_id, id),
    UNIQUE (university_id, counsellor_id, slug),
    FOREIGN KEY (university_id, counsellor_id) REFERENCES counsellors (university_id, user_id)
);

-- Weekly hours in the counsellor's zone: ISO day of week (1 = Monday), local start and end.
CREATE TABLE counsellor_weekly_hours (
    university_id   BIGINT      NOT NULL,
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    counsellor_id   BIGINT      NOT NULL,
    day_of_week     SMALLINT    NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    starts_at       TIME        NOT NULL,
    ends_at         TIME        NOT NULL,
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, counsellor_id) REFERENCES counsellors (university_id, user_id) ON DELETE CASCADE,
    CHECK (starts_at < ends_at)
);
CREATE INDEX counsellor_weekly_hours_counsellor ON counsellor_weekly_hours (university_id, counsellor_id);

-- A date's exception in the counsellor's zone: OFF (no weekly hours that day) or EXTRA hours.
CREATE TABLE counsellor_date_overrides (
    university_id   BIGINT      NOT NULL,
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    counsellor_id   BIGINT      NOT NULL,
    on_date         DATE        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('OFF', 'EXTRA')),
    starts_at       TIME,
    ends_at         TIME,
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, counsellor_id) REFERENCES counsellors (university_id, user_id) ON DELETE CASCADE,
    CHECK ((kind = 'OFF') = (starts_at IS NULL AND ends_at IS NULL)),
    CHECK (kind = 'OFF' OR starts_at < ends_at)
);
CREATE INDEX counsellor_date_overrides_counsellor ON counsellor_date_overrides (university_id, counsellor_id, on_date);

-- University-wide booking rules set by staff; a university without a row uses the defaults.
CREATE TABLE counselling_rules (
    university_id              BIGINT      NOT NULL PRIMARY KEY REFERENCES universities (id),
    cancellation_window_hours  INTEGER     NOT NULL DEFAULT 24 CHECK (cancellation_window_hours BETWEEN 0 AND 720),
    max_active_bookings        INTEGER     NOT NULL DEFAULT 2 CHECK (max_active_bookings BETWEEN 1 AND 50),
    no_show_strike_limit       INTEGER     NOT NULL DEFAULT 3 CHECK (no_show_strike_limit BETWEEN 1 AND 50),
    updated_by                 BIGINT,
    updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE counsellors ENABLE ROW LEVEL SECURITY;
ALTER TABLE counsellors FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON counsellors
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE counselling_session_types ENABLE ROW LEVEL SECURITY;
ALTER TABLE counselling_session_types FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON counselling_session_types
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE counsellor_weekly_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE counsellor_weekly_hours FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON counsellor_weekly_hours
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE counsellor_date_overrides ENABLE ROW LEVEL SECURITY;
ALTER TABLE counsellor_date_overrides FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON counsellor_date_overrides
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE counselling_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE counselling_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON counselling_rules
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
