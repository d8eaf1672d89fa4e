-- An instructor's batch page counts, for every started session, who was present and who has a record at
-- all (AttendanceStore.figuresRead), and shows a session's register (ofSessionsRead): each visited one
-- index entry and one heap row per student per session — for bench/run's batch of 400 students thirteen
-- sessions in, 5,200 rows and 3,799 buffer visits for the figures alone, of ~5,300 a page (issue 19).
-- With `present` carried in the key's index both read the index alone once vacuumed (Index Only Scan,
-- no heap fetches): 3,799 → 157 buffers and 4–5 → 2.1 ms for the figures at full scale (RESULTS session 42).
-- The cost is on the instructor's rare write: re-marking a student updates `present`, now an indexed
-- column, so that update is no longer HOT (one more index entry); a first mark inserts as before.
-- The constraint is rebuilt in place: an exclusive lock on session_attendance for the rebuild (7 s for
-- 8.4 million rows here). On a large deployment an operator may build the index CONCURRENTLY by hand first
-- and attach it with ADD CONSTRAINT … PRIMARY KEY USING INDEX before deploying.
ALTER TABLE session_attendance
    DROP CONSTRAINT session_attendance_pkey,
    ADD CONSTRAINT session_attendance_pkey PRIMARY KEY (university_id, session_id, user_id) INCLUDE (present);
