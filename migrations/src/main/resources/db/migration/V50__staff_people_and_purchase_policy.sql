-- Issue 20, the staff side: staff deactivate and reactivate people (auth owns users), staff pages
-- list and count students by sign-up and activity, and each university decides whether students may
-- buy credits and plans themselves (billing owns the policy; no row = the default, purchases on).

ALTER TABLE users ADD COLUMN deactivated_at TIMESTAMPTZ;

-- the students list (newest first, filtered by role) and the staff home's weekly figures
CREATE INDEX users_university_role_created ON users (university_id, role, created_at DESC);
CREATE INDEX users_university_role_last_sign_in ON users (university_id, role, last_sign_in_at);

CREATE TABLE purchase_policies (
    university_id     BIGINT      NOT NULL REFERENCES universities (id),
    students_may_buy  BOOLEAN     NOT NULL DEFAULT TRUE,
    changed_by        TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id)
);

ALTER TABLE purchase_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_policies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON purchase_policies
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

-- the staff home's "this week" figures, read per university by the modules owning these tables
CREATE INDEX ai_runs_university_created ON ai_runs (university_id, created_at);
CREATE INDEX credit_transactions_university_created ON credit_transactions (university_id, created_at);
