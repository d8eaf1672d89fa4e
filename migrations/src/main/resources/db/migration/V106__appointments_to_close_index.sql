-- A counsellor's panel and appointment list read three parts of their appointments (issue 19): those
-- to come (appointments_counsellor_held, from now on), the newest of their history (appointments_counsellor,
-- read backwards) and the CONFIRMED ones that ended and wait to be closed. Those last are few (a
-- counsellor closes them), but found through appointments_counsellor they cost a walk over every
-- appointment the counsellor ever had: a year of history is 1,000 rows a page view. This index holds the
-- CONFIRMED ones only, in start order.
CREATE INDEX appointments_counsellor_confirmed
    ON appointments (university_id, counsellor_id, starts_at)
    WHERE status = 'CONFIRMED';
