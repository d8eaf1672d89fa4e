-- Counselling, part 3: after the session. Feedback, counsellors' private notes, no-show strikes
-- and disputes, a student's booking standing, and waitlists.

CREATE TABLE appointment_feedback (
    university_id    BIGINT      NOT NULL,
    appointment_id   UUID        NOT NULL,
    counsellor_id    BIGINT      NOT NULL,
    student_id       BIGINT      NOT NULL,
    rating           SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment          TEXT        CHECK (length(comment) <= 2000),
    -- staff hide an abusive comment; the rating still counts
    hidden           BOOLEAN     NOT NULL DEFAULT FALSE,
    hidden_reason    TEXT        CHECK (length(hidden_reason) <= 1000),
    hidden_by        BIGINT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, appointment_id),
    FOREIGN KEY (university_id, appointment_id) REFERENCES appointments (university_id, id),
    FOREIGN KEY (university_id, counsellor_id) REFERENCES counsellors (university_id, user_id)
);
CREATE INDEX appointment_feedback_counsellor ON appointment_feedback (university_id, counsellor_id, created_at);

-- A counsellor's private notes about a student: never shown to the student.
CREATE TABLE counsellor_notes (
    university_id    BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    counsellor_id    BIGINT      NOT NULL,
    student_id       BIGINT      NOT NULL,
    body             TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, counsellor_id) REFERENCES counsellors (university_id, user_id),
    FOREIGN KEY (university_id, student_id) REFERENCES users (university_id, id)
);
CREATE INDEX counsellor_notes_pair ON counsellor_notes (university_id, counsellor_id, student_id, id DESC);

-- One strike per NO_SHOW appointment; removed when staff uphold a dispute.
CREATE TABLE no_show_strikes (
    university_id    BIGINT      NOT NULL,
    appointment_id   UUID        NOT NULL,
    student_id       BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    removed_at       TIMESTAMPTZ,
    removed_by       BIGINT,
    PRIMARY KEY (university_id, appointment_id),
    FOREIGN KEY (university_id, appointment_id) REFERENCES appointments (university_id, id),
    FOREIGN KEY (university_id, student_id) REFERENCES users (university_id, id)
);
CREATE INDEX no_show_strikes_student ON no_show_strikes (university_id, student_id, created_at DESC);

CREATE TABLE no_show_disputes (
    university_id    BIGINT      NOT NULL,
    appointment_id   UUID        NOT NULL,
    student_id       BIGINT      NOT NULL,
    reason           TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    status           TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'UPHELD', 'REJECTED')),
    resolution       TEXT        CHECK (length(resolution) <= 1000),
    refunded         BOOLEAN     NOT NULL DEFAULT FALSE,
    resolved_by      BIGINT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at      TIMESTAMPTZ,
    PRIMARY KEY (university_id, appointment_id),
    FOREIGN KEY (university_id, appointment_id) REFERENCES appointments (university_id, id)
);
CREATE INDEX no_show_disputes_open ON no_show_disputes (university_id, status, created_at);

-- A student's standing: locked by every booking of theirs (so quota and active-booking counts
-- cannot be raced), and where staff record lifting a block (strikes before it stop counting).
CREATE TABLE counselling_students (
    university_id      BIGINT      NOT NULL,
    student_id         BIGINT      NOT NULL,
    strikes_cleared_at TIMESTAMPTZ,
    cleared_by         BIGINT,
    PRIMARY KEY (university_id, student_id),
    FOREIGN KEY (university_id, student_id) REFERENCES users (university_id, id)
);

CREATE TABLE counselling_waitlist (
    university_id      BIGINT      NOT NULL,
    id                 BIGINT GENERATED ALWAYS AS IDENTITY,
    counsellor_id      BIGINT      NOT NULL,
    student_id         BIGINT      NOT NULL,
    session_type_id    BIGINT      NOT NULL,
    status             TEXT        NOT NULL DEFAULT 'WAITING'
                       CHECK (status IN ('WAITING', 'OFFERED', 'BOOKED', 'EXPIRED', 'LEFT')),
    offered_start      TIMESTAMPTZ,
    offer_expires_at   TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, counsellor_id) REFERENCES counsellors (university_id, user_id),
    FOREIGN KEY (university_id, student_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, session_type_id) REFERENCES counselling_session_types (university_id, id)
);
CREATE UNIQUE INDEX counselling_waitlist_one_live ON counselling_waitlist (university_id, counsellor_id, student_id)
    WHERE status IN ('WAITING', 'OFFERED');
CREATE INDEX counselling_waitlist_queue ON counselling_waitlist (university_id, counsellor_id, status, id);

ALTER TABLE appointment_feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointment_feedback FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON appointment_feedback
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE counsellor_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE counsellor_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON counsellor_notes
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE no_show_strikes ENABLE ROW LEVEL SECURITY;
ALTER TABLE no_show_strikes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON no_show_strikes
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE no_show_disputes ENABLE ROW LEVEL SECURITY;
ALTER TABLE no_show_disputes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON no_show_disputes
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE counselling_students ENABLE ROW LEVEL SECURITY;
ALTER TABLE counselling_students FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON counselling_students
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE counselling_waitlist ENABLE ROW LEVEL SECURITY;
ALTER TABLE counselling_waitlist FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON counselling_waitlist
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
