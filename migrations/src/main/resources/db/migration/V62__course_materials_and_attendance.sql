-- Materials of a batch session and attachments of an assignment, and attendance per session (issue 15).
--
-- A material is a link or a file (stored through the storage port in area "materials", inspected like
-- resource uploads) and hangs on exactly one session or one assignment of its batch; batch_id is kept
-- on the row so that who may see it is one lookup (ACTIVE students of the batch, its instructor, staff).
-- Attendance is one row per session and student: present or absent as the instructor marked it, or
-- present because the student pressed "Join" (source JOINED; a later mark by the instructor wins).

CREATE TABLE course_materials (
    university_id  BIGINT      NOT NULL,
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    batch_id       BIGINT      NOT NULL,
    session_id     BIGINT,
    assignment_id  BIGINT,
    title          TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    url            TEXT        CHECK (length(url) <= 2000),
    file_key       TEXT        CHECK (length(file_key) <= 200),
    file_name      TEXT        CHECK (length(file_name) <= 255),
    file_type      TEXT        CHECK (length(file_type) <= 200),
    file_size      BIGINT      CHECK (file_size >= 0),
    added_by       BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, batch_id) REFERENCES batches (university_id, id),
    FOREIGN KEY (university_id, session_id) REFERENCES batch_sessions (university_id, id),
    FOREIGN KEY (university_id, assignment_id) REFERENCES assignments (university_id, id),
    FOREIGN KEY (university_id, added_by) REFERENCES users (university_id, id),
    CHECK ((session_id IS NULL) <> (assignment_id IS NULL)),
    CHECK ((url IS NULL) <> (file_key IS NULL)),
    CHECK ((file_key IS NULL) = (file_name IS NULL))
);
CREATE INDEX course_materials_of_batch ON course_materials (university_id, batch_id, id);

CREATE TABLE session_attendance (
    university_id  BIGINT      NOT NULL,
    session_id     BIGINT      NOT NULL,
    user_id        BIGINT      NOT NULL,
    present        BOOLEAN     NOT NULL,
    source         TEXT        NOT NULL CHECK (source IN ('MARKED', 'JOINED')),
    marked_by      BIGINT,
    marked_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, session_id, user_id),
    FOREIGN KEY (university_id, session_id) REFERENCES batch_sessions (university_id, id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, marked_by) REFERENCES users (university_id, id),
    CHECK ((source = 'MARKED') = (marked_by IS NOT NULL))
);
CREATE INDEX session_attendance_of_user ON session_attendance (university_id, user_id);

ALTER TABLE course_materials ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_materials FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON course_materials
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE session_attendance ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_attendance FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON session_attendance
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
