-- Staff analytics (issue 17, ADR 0026). Figures are aggregated in SQL over each feature's own
-- tables; these indexes lead with university_id and the moment each figure counts by (ai_runs and
-- credit_transactions have theirs since V50).

-- Which students were active on which UTC day (a sign-in or any signed-in request), one row per
-- student and day: daily / weekly / monthly active students are distinct counts over it.
CREATE TABLE student_activity (
    university_id  BIGINT NOT NULL,
    day            DATE   NOT NULL,
    user_id        BIGINT NOT NULL,
    PRIMARY KEY (university_id, day, user_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);
CREATE INDEX student_activity_by_user ON student_activity (university_id, user_id);

ALTER TABLE student_activity ENABLE ROW LEVEL SECURITY;
ALTER TABLE student_activity FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON student_activity
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

CREATE INDEX users_university_created ON users (university_id, created_at);
CREATE INDEX resource_downloads_university_downloaded ON resource_downloads (university_id, downloaded_at);
CREATE INDEX enrolments_university_created ON enrolments (university_id, created_at);
CREATE INDEX payments_university_paid ON payments (university_id, paid_at);
CREATE INDEX tickets_university_created ON tickets (university_id, created_at);
CREATE INDEX appointment_feedback_university_created ON appointment_feedback (university_id, created_at);
