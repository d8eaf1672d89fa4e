-- A counsellor's open slots (issue 19) read the time their appointments hold from a date on:
-- blocked_until after the first day asked, blocked_from before the last. The index by (university_id,
-- counsellor_id, starts_at) gave every appointment the counsellor ever had to that filter: a year of
-- history is 1,000 rows and ~980 buffer visits per slots request for the two upcoming ones. This one
-- starts at the first day asked, so history costs nothing; cancelled appointments hold no time (as in
-- the exclusion constraint) and stay out of it.
CREATE INDEX appointments_counsellor_held
    ON appointments (university_id, counsellor_id, blocked_until)
    WHERE status <> 'CANCELLED';
