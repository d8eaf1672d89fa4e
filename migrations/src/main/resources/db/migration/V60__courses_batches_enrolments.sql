-- Courses and cohorts (issue 15): courses, their batches (a weekly schedule in the batch's time
-- zone, generated into sessions that can be cancelled or moved one by one), enrolments with a
-- waitlist, and places reserved for converted leads (courses.CourseOffers).
--
-- Capacity is the database's: batches.seats_taken counts every place that is held (PENDING,
-- ACTIVE and OFFERED enrolments and HELD reservations) and a CHECK keeps it within capacity. A
-- place is taken with one conditional UPDATE (… WHERE seats_taken < capacity): concurrent takers
-- queue on the batch row and each re-reads the count, so no more places are given than exist.

CREATE TABLE courses (
    university_id    BIGINT      NOT NULL REFERENCES universities (id),
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    title            TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description      TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 8000),
    outcomes         TEXT        NOT NULL DEFAULT '' CHECK (length(outcomes) <= 4000),
    -- free when both prices are null; money and credits may both be offered
    price_cents      BIGINT      CHECK (price_cents > 0),
    currency         TEXT        CHECK (currency ~ '^[a-z]{3}$'),
    price_credits    INTEGER     CHECK (price_credits > 0),
    credits_currency TEXT        CHECK (credits_currency IN ('SILVER', 'GOLD')),
    capacity         INTEGER     NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    visibility       TEXT        NOT NULL CHECK (visibility IN ('PUBLIC', 'STUDENTS')),
    archived         BOOLEAN     NOT NULL DEFAULT false,
    created_by       BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, created_by) REFERENCES users (university_id, id),
    CHECK ((price_cents IS NULL) = (currency IS NULL)),
    CHECK ((price_credits IS NULL) = (credits_currency IS NULL))
);
CREATE INDEX courses_listing ON courses (university_id, archived, visibility, id);

CREATE TABLE batches (
    university_id    BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    course_id        BIGINT      NOT NULL,
    name             TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    starts_on        DATE        NOT NULL,
    ends_on          DATE        NOT NULL,
    time_zone        TEXT        NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    -- the weekly schedule: ISO days of week (1 = Monday) at one local time, for so many minutes
    week_days        SMALLINT[]  NOT NULL CHECK (cardinality(week_days) BETWEEN 1 AND 7),
    local_start      TIME        NOT NULL,
    minutes          INTEGER     NOT NULL CHECK (minutes BETWEEN 5 AND 720),
    instructor_id    BIGINT      NOT NULL,
    meeting_url      TEXT        CHECK (length(meeting_url) <= 2000),
    enrol_opens_at   TIMESTAMPTZ,
    enrol_closes_at  TIMESTAMPTZ,
    capacity         INTEGER     NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    seats_taken      INTEGER     NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, course_id) REFERENCES courses (university_id, id),
    FOREIGN KEY (university_id, instructor_id) REFERENCES users (university_id, id),
    CHECK (ends_on >= starts_on),
    CHECK (seats_taken BETWEEN 0 AND capacity)
);
CREATE INDEX batches_of_course ON batches (university_id, course_id, starts_on);
CREATE INDEX batches_of_instructor ON batches (university_id, instructor_id, starts_on);

CREATE TABLE batch_sessions (
    university_id    BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    batch_id         BIGINT      NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    -- set when this one session was moved from its scheduled time
    moved_from       TIMESTAMPTZ,
    recording_url    TEXT        CHECK (length(recording_url) <= 2000),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, batch_id) REFERENCES batches (university_id, id),
    CHECK (ends_at > starts_at)
);
CREATE INDEX batch_sessions_of_batch ON batch_sessions (university_id, batch_id, starts_at);

CREATE TABLE enrolments (
    university_id    BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    batch_id         BIGINT      NOT NULL,
    user_id          BIGINT      NOT NULL,
    status           TEXT        NOT NULL
                     CHECK (status IN ('PENDING', 'ACTIVE', 'CANCELLED', 'WAITLISTED', 'OFFERED')),
    -- the ledger's run_id and the billing payment's id refer to the enrolment through it
    reference        UUID        NOT NULL DEFAULT gen_random_uuid(),
    payment          TEXT        CHECK (payment IN ('FREE', 'CREDITS', 'MONEY')),
    credits_currency TEXT        CHECK (credits_currency IN ('SILVER', 'GOLD')),
    credits          INTEGER     NOT NULL DEFAULT 0 CHECK (credits >= 0),
    amount_cents     BIGINT      NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
    currency         TEXT        CHECK (currency ~ '^[a-z]{3}$'),
    payment_id       UUID,
    offered_until    TIMESTAMPTZ,
    cancel_reason    TEXT        CHECK (length(cancel_reason) <= 200),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    activated_at     TIMESTAMPTZ,
    cancelled_at     TIMESTAMPTZ,
    PRIMARY KEY (university_id, id),
    UNIQUE (university_id, reference),
    FOREIGN KEY (university_id, batch_id) REFERENCES batches (university_id, id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    CHECK ((status = 'OFFERED') = (offered_until IS NOT NULL))
);
-- one live enrolment per student and batch
CREATE UNIQUE INDEX enrolments_live ON enrolments (university_id, batch_id, user_id) WHERE status <> 'CANCELLED';
-- the waitlist in order, and the counts per status
CREATE INDEX enrolments_of_batch ON enrolments (university_id, batch_id, status, created_at, id);
CREATE INDEX enrolments_of_user ON enrolments (university_id, user_id, created_at);
CREATE INDEX enrolments_by_payment ON enrolments (university_id, payment_id) WHERE payment_id IS NOT NULL;

CREATE TABLE place_reservations (
    university_id    BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    batch_id         BIGINT      NOT NULL,
    email            TEXT        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    status           TEXT        NOT NULL DEFAULT 'HELD' CHECK (status IN ('HELD', 'USED', 'RELEASED')),
    enrolment_id     BIGINT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, batch_id) REFERENCES batches (university_id, id),
    FOREIGN KEY (university_id, enrolment_id) REFERENCES enrolments (university_id, id)
);
CREATE UNIQUE INDEX place_reservations_held ON place_reservations (university_id, batch_id, lower(email)) WHERE status = 'HELD';

ALTER TABLE courses ENABLE ROW LEVEL SECURITY;
ALTER TABLE courses FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON courses
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE batches ENABLE ROW LEVEL SECURITY;
ALTER TABLE batches FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON batches
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE batch_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE batch_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON batch_sessions
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE enrolments ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrolments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON enrolments
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE place_reservations ENABLE ROW LEVEL SECURITY;
ALTER TABLE place_reservations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON place_reservations
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
