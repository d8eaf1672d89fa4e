-- Issue 14: an announcement may go to one cohort (a course's batch) now that cohorts exist.
-- The batch belongs to the courses feature; announcements keep only its id (no foreign key across
-- features: courses may archive a batch, and the announcement keeps its history).
ALTER TABLE announcements ADD COLUMN batch_id BIGINT;
ALTER TABLE announcements DROP CONSTRAINT announcements_audience_check;
ALTER TABLE announcements ADD CONSTRAINT announcements_audience_check
    CHECK (audience IN ('ALL_STUDENTS', 'INTERESTS', 'COHORT'));
ALTER TABLE announcements ADD CONSTRAINT announcements_cohort_has_batch
    CHECK ((audience = 'COHORT') = (batch_id IS NOT NULL));
-- V45's "ALL_STUDENTS or some interests" becomes "interests only for an INTERESTS audience"
ALTER TABLE announcements DROP CONSTRAINT announcements_check;
ALTER TABLE announcements ADD CONSTRAINT announcements_interests_given
    CHECK (audience <> 'INTERESTS' OR cardinality(interest_ids) > 0);
