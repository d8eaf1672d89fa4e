-- The demo university's seed fingerprint (issue 19, docs/adr/0053-demo-seeded-once-per-fingerprint-and-day.md):
-- which demo steps (a hash of their classes) last seeded the university, and on which day. A start
-- whose steps and day match skips them (one query instead of every feature's demo code); a new build
-- of a step, or a new day (the analytics history is filled up to today), runs them all as before.
-- Owned by the demo module; only the demo university has a row.
CREATE TABLE demo_seeds (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    fingerprint    TEXT        NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 128),
    seeded_on      DATE        NOT NULL,
    seeded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id)
);

ALTER TABLE demo_seeds ENABLE ROW LEVEL SECURITY;
ALTER TABLE demo_seeds FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON demo_seeds
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
