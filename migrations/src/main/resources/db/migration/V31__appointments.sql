-- Counselling, part 2: appointments. PostgreSQL itself refuses a double booking: no two
-- non-cancelled appointments of one counsellor may overlap, buffers included. The blocked range
-- (start - buffer before, end + buffer after) is stored rather than computed in the constraint
-- because timestamptz - interval is not IMMUTABLE and an exclusion needs immutable expressions.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE appointments (
    university_id      BIGINT      NOT NULL,
    -- also the ledger run_id of its gold debit and refund, and the .ics UID
    id                 UUID        NOT NULL,
    counsellor_id      BIGINT      NOT NULL,
    student_id         BIGINT      NOT NULL,
    session_type_id    BIGINT      NOT NULL,
    session_type       TEXT        NOT NULL,
    session_name       TEXT        NOT NULL,
    starts_at          TIMESTAMPTZ NOT NULL,
    ends_at            TIMESTAMPTZ NOT NULL,
    blocked_from       TIMESTAMPTZ NOT NULL,
    blocked_until      TIMESTAMPTZ NOT NULL,
    status             TEXT        NOT NULL
                       CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'COMPLETED', 'NO_SHOW')),
    -- FREE, GOLD (charged_gold debited, ledger key appointment:<id>) or PLAN (a plan session)
    payment            TEXT        NOT NULL CHECK (payment IN ('FREE', 'GOLD', 'PLAN')),
    charged_gold       INTEGER     NOT NULL DEFAULT 0 CHECK (charged_gold >= 0),
    refunded           BOOLEAN     NOT NULL DEFAULT FALSE,
    note               TEXT        CHECK (length(note) <= 2000),
    resume_run_id      UUID,
    meeting_url        TEXT        NOT NULL,
    -- iCalendar SEQUENCE: bumped on every reschedule and on cancellation
    sequence           INTEGER     NOT NULL DEFAULT 0,
    -- the start before the last reschedule (the full history is in appointment_history)
    rescheduled_from   TIMESTAMPTZ,
    booked_by          BIGINT      NOT NULL,
    cancelled_by       BIGINT,
    cancel_reason      TEXT        CHECK (length(cancel_reason) <= 1000),
    cancelled_at       TIMESTAMPTZ,
    outcome_at         TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, counsellor_id) REFERENCES counsellors (university_id, user_id),
    FOREIGN KEY (university_id, student_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, session_type_id) REFERENCES counselling_session_types (university_id, id),
    CHECK (starts_at < ends_at),
    CHECK (blocked_from <= starts_at AND blocked_until >= ends_at),
    CHECK ((payment = 'GOLD') = (charged_gold > 0)),
    EXCLUDE USING gist (
        university_id WITH =,
        counsellor_id WITH =,
        tstzrange(blocked_from, blocked_until) WITH &&
    ) WHERE (status <> 'CANCELLED')
);
CREATE INDEX appointments_student ON appointments (university_id, student_id, starts_at DESC);
CREATE INDEX appointments_counsellor ON appointments (university_id, counsellor_id, starts_at);
CREATE INDEX appointments_university_start ON appointments (university_id, starts_at DESC);

-- What happened to an appointment, oldest first: booked, rescheduled (from, to), cancelled, outcome.
CREATE TABLE appointment_history (
    university_id    BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    appointment_id   UUID        NOT NULL,
    action           TEXT        NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
    actor            BIGINT,
    details          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, appointment_id) REFERENCES appointments (university_id, id)
);
CREATE INDEX appointment_history_appointment ON appointment_history (university_id, appointment_id, id);

ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON appointments
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE appointment_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointment_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON appointment_history
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
