-- Assignments of a batch, per-student extensions, and submissions with their grades (issue 15).
--
-- Moodle's rules: submissions open at opens_at (or at once), are late after due_at (or after the
-- student's extension), and are refused after cutoff_at unless the student's extension is later;
-- no cut-off means late work is accepted without end. One row per attempt, numbered per student
-- and assignment (the unique key makes two concurrent attempts unable to share a number).
-- A grade lives on the attempt it grades; the student sees it only once graded_at is set.

CREATE TABLE assignments (
    university_id  BIGINT      NOT NULL,
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    batch_id       BIGINT      NOT NULL,
    title          TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    instructions   TEXT        NOT NULL DEFAULT '' CHECK (length(instructions) <= 20000),
    opens_at       TIMESTAMPTZ,
    due_at         TIMESTAMPTZ NOT NULL,
    cutoff_at      TIMESTAMPTZ,
    max_attempts   INTEGER     NOT NULL CHECK (max_attempts BETWEEN 1 AND 20),
    max_score      INTEGER     NOT NULL CHECK (max_score BETWEEN 1 AND 1000),
    created_by     BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, batch_id) REFERENCES batches (university_id, id),
    FOREIGN KEY (university_id, created_by) REFERENCES users (university_id, id),
    CHECK (cutoff_at IS NULL OR cutoff_at >= due_at),
    CHECK (opens_at IS NULL OR opens_at < due_at)
);
CREATE INDEX assignments_of_batch ON assignments (university_id, batch_id, due_at);

CREATE TABLE assignment_extensions (
    university_id  BIGINT      NOT NULL,
    assignment_id  BIGINT      NOT NULL,
    user_id        BIGINT      NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    granted_by     BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, assignment_id, user_id),
    FOREIGN KEY (university_id, assignment_id) REFERENCES assignments (university_id, id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, granted_by) REFERENCES users (university_id, id)
);

CREATE TABLE submissions (
    university_id  BIGINT      NOT NULL,
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    assignment_id  BIGINT      NOT NULL,
    user_id        BIGINT      NOT NULL,
    attempt        INTEGER     NOT NULL CHECK (attempt BETWEEN 1 AND 20),
    body           TEXT        CHECK (length(body) <= 50000),
    file_key       TEXT        CHECK (length(file_key) <= 200),
    file_name      TEXT        CHECK (length(file_name) <= 255),
    file_type      TEXT        CHECK (length(file_type) <= 200),
    file_size      BIGINT      CHECK (file_size >= 0),
    late           BOOLEAN     NOT NULL,
    submitted_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    score          INTEGER     CHECK (score >= 0),
    feedback       TEXT        CHECK (length(feedback) <= 8000),
    graded_by      BIGINT,
    graded_at      TIMESTAMPTZ,
    PRIMARY KEY (university_id, id),
    UNIQUE (university_id, assignment_id, user_id, attempt),
    FOREIGN KEY (university_id, assignment_id) REFERENCES assignments (university_id, id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, graded_by) REFERENCES users (university_id, id),
    CHECK (body IS NOT NULL OR file_key IS NOT NULL),
    CHECK ((file_key IS NULL) = (file_name IS NULL)),
    CHECK ((graded_at IS NULL) = (score IS NULL))
);
CREATE INDEX submissions_of_user ON submissions (university_id, user_id, assignment_id);
CREATE INDEX submissions_ungraded ON submissions (university_id, assignment_id) WHERE graded_at IS NULL;

ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assignments
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE assignment_extensions ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignment_extensions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assignment_extensions
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE submissions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON submissions
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
