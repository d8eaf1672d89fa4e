-- bench/run's data set, generated in SQL: :universities universities ("Bench University n",
-- subdomain b<n>) of :students students each, plus one staff member and one approved counsellor
-- (weekly hours, one included session type, expertise in three of the interests) per university;
-- every student has a wallet and :ledger ledger rows (one opening grant, :runs debits each paying
-- for a SUCCEEDED AI run, the rest small grants); per university eight interests (7 students in 10
-- pick one to three), :resources approved link resources with downloads, each tagged with one or
-- two interests, past appointments, support tickets, leads and referrals (a fifth of the students
-- brought three friends each); three courses with a batch each (two
-- free batches running from six and four weeks ago to six and eight weeks ahead, twice a week, with
-- two assignments each; a paid one starting in two weeks), 8 students in 10 enrolled (ACTIVE, free)
-- in one of the free batches, so the home's "Your courses" names a next class.
-- Run as the owner (postgres) on a migrated database.
-- Full scale (1,000 × 1,000, ledger 10) is 10 M ledger rows.
\set ON_ERROR_STOP on
SET session_replication_role = replica;  -- bulk load: rows are consistent by construction
SET synchronous_commit = off;
SET work_mem = '256MB';

\echo universities
INSERT INTO universities (name, subdomain, allowed_domains, default_silver, default_gold)
SELECT 'Bench University ' || n, 'b' || n, jsonb_build_array('b' || n || '.edu'), 100, 0
FROM generate_series(1, :universities) n;

CREATE TEMP TABLE bench_unis AS
SELECT id AS university_id, substring(subdomain FROM 2)::int AS n FROM universities WHERE subdomain ~ '^b[0-9]+$';

\echo users
INSERT INTO users (university_id, email, name, role, email_verified, created_at, last_sign_in_at)
SELECT u.university_id, 's' || g || '@b' || u.n || '.edu', 'Student ' || g, 'STUDENT', true,
       now() - (g % 365) * interval '1 day', now() - (g % 30) * interval '1 day'
FROM bench_unis u, generate_series(1, :students) g
ORDER BY u.university_id, g;  -- contiguous ids per university (pgbench picks wallets by range)
INSERT INTO users (university_id, email, name, role, email_verified)
SELECT u.university_id, r.who || '@b' || u.n || '.edu', initcap(r.who), r.role, true
FROM bench_unis u, (VALUES ('staff', 'STAFF'), ('counsellor', 'COUNSELLOR')) r(who, role);

\echo wallets and ledger
INSERT INTO credit_wallets (university_id, user_id, silver_credits, gold_credits)
SELECT s.university_id, s.id, 1000 - :runs + (:ledger - :runs - 1), 10
FROM users s JOIN bench_unis u USING (university_id) WHERE s.role = 'STUDENT';

INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, model, demo, input, output,
                     attempts, created_at, started_at, finished_at, title)
SELECT s.university_id, gen_random_uuid(), s.id, 'job-pack', 'SUCCEEDED', 'SILVER', 1, 'mock', false,
       '{"targetRole": "Data Analyst"}', '{"summary": "bench"}', 1,
       now() - (k * 7 + s.id % 7) * interval '1 day', now() - (k * 7 + s.id % 7) * interval '1 day',
       now() - (k * 7 + s.id % 7) * interval '1 day' + interval '3 seconds', 'Job Pack — Data Analyst ' || k
FROM users s JOIN bench_unis u USING (university_id), generate_series(1, :runs) k
WHERE s.role = 'STUDENT';

INSERT INTO credit_transactions (university_id, user_id, currency, amount, type, idempotency_key, created_at)
SELECT s.university_id, s.id, 'SILVER', 1000, 'GRANT', 'bench:open:' || s.id, now() - interval '400 days'
FROM users s JOIN bench_unis u USING (university_id) WHERE s.role = 'STUDENT';
INSERT INTO credit_transactions (university_id, user_id, feature, currency, amount, type, run_id, idempotency_key, created_at)
SELECT r.university_id, r.user_id, r.tool, 'SILVER', -1, 'DEBIT', r.id, 'debit:' || r.id, r.created_at
FROM ai_runs r JOIN bench_unis u USING (university_id);
INSERT INTO credit_transactions (university_id, user_id, currency, amount, type, idempotency_key, created_at)
SELECT s.university_id, s.id, 'SILVER', 1, 'GRANT', 'bench:small:' || s.id || ':' || k, now() - k * interval '1 day'
FROM users s JOIN bench_unis u USING (university_id), generate_series(1, :ledger - :runs - 1) k
WHERE s.role = 'STUDENT';

\echo interests and their picks
-- Eight categories per university, as staff add them (Interests.add); 7 students in 10 pick one to
-- three of them (distinct: one that varies with the student, then the ones three and six after it).
CREATE TEMP TABLE bench_interest_names (k, name) AS
SELECT k - 1, name FROM unnest(ARRAY['Software', 'Data & analytics', 'Finance', 'Consulting', 'Marketing', 'Design',
                                      'Research', 'Public sector']) WITH ORDINALITY i(name, k);
INSERT INTO interests (university_id, name, created_at)
SELECT u.university_id, i.name, now() - interval '400 days'
FROM bench_unis u, bench_interest_names i
ORDER BY u.university_id, i.k;
CREATE TEMP TABLE bench_interests AS
SELECT i.university_id, i.id, n.k FROM interests i JOIN bench_unis u USING (university_id)
JOIN bench_interest_names n ON n.name = i.name;
INSERT INTO student_interests (university_id, user_id, interest_id, created_at)
SELECT s.university_id, s.id, i.id, s.created_at
FROM users s JOIN bench_unis u USING (university_id)
CROSS JOIN generate_series(0, 2) j
JOIN bench_interests i ON i.university_id = s.university_id AND i.k = (s.id / 10 + j * 3) % 8
WHERE s.role = 'STUDENT' AND s.id % 10 < 7 AND j <= s.id % 3;

\echo counsellors
-- expertise: three of the university's interests (as a counsellor types them), varying by university
INSERT INTO counsellors (university_id, user_id, status, display_name, email, time_zone, meeting_url, expertise)
SELECT c.university_id, c.id, 'APPROVED', 'Counsellor of ' || u.n, c.email, 'UTC', 'https://meet.example/b' || u.n,
       ARRAY(SELECT name FROM bench_interest_names WHERE k IN (u.n % 8, (u.n + 2) % 8, (u.n + 5) % 8) ORDER BY k)
FROM users c JOIN bench_unis u USING (university_id) WHERE c.role = 'COUNSELLOR';
INSERT INTO counsellor_weekly_hours (university_id, counsellor_id, day_of_week, starts_at, ends_at)
SELECT c.university_id, c.user_id, d, '09:00', '17:00'
FROM counsellors c JOIN bench_unis u USING (university_id), generate_series(1, 5) d;
INSERT INTO counselling_session_types (university_id, counsellor_id, slug, name, minutes, included, active)
SELECT c.university_id, c.user_id, 'intro', 'Introductory session', 30, true, true
FROM counsellors c JOIN bench_unis u USING (university_id);
-- One past, completed appointment per student (a year of history), and a few upcoming ones.
INSERT INTO appointments (university_id, id, counsellor_id, student_id, session_type_id, session_type, session_name,
                          starts_at, ends_at, blocked_from, blocked_until, status, payment, meeting_url, booked_by, created_at)
SELECT s.university_id, gen_random_uuid(), c.user_id, s.id, t.id, 'intro', 'Introductory session',
       a.at, a.at + interval '30 minutes', a.at, a.at + interval '30 minutes',
       CASE WHEN a.at < now() THEN 'COMPLETED' ELSE 'CONFIRMED' END, 'FREE', c.meeting_url, s.id, a.at - interval '2 days'
FROM users s
JOIN bench_unis u USING (university_id)
JOIN counsellors c ON c.university_id = s.university_id
JOIN counselling_session_types t ON t.university_id = s.university_id AND t.counsellor_id = c.user_id
CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) - (s.id % 365) * interval '1 day'
                           + ((s.id / 365) % 8) * interval '1 hour' -- 1,000 students share 365 days: one hour each
                           + CASE WHEN s.id % 50 = 0 THEN interval '400 days' + (s.id % 20) * interval '1 hour' ELSE interval '0' END
                           + interval '10 hours' AS at) a
WHERE s.role = 'STUDENT';

\echo resources, downloads, tickets, leads
INSERT INTO resources (university_id, uploader_id, uploader_name, title, description, kind, access, status, url, downloads, created_at)
SELECT c.university_id, c.user_id, c.display_name,
       (ARRAY['Interview', 'Resume', 'Networking', 'Salary', 'Internship'])[1 + k % 5] || ' guide ' || k,
       'How to prepare: ' || (ARRAY['data analyst', 'engineering', 'marketing', 'finance', 'design'])[1 + k % 5] || ' roles, part ' || k,
       'LINK', 'EVERYONE', 'APPROVED', 'https://example.org/guide/' || k, 0, now() - k * interval '3 days'
FROM counsellors c JOIN bench_unis u USING (university_id), generate_series(1, :resources) k;
-- every resource tagged with the interest of the role its description names, half of them also with
-- Consulting, Research or Public sector (k is the resource's number, the end of its URL)
INSERT INTO resource_interests (university_id, resource_id, interest_id)
SELECT r.university_id, r.id, i.id
FROM resources r JOIN bench_unis u USING (university_id)
CROSS JOIN LATERAL (SELECT substring(r.url FROM '[0-9]+$')::int AS k) g
JOIN bench_interests i ON i.university_id = r.university_id
 AND (i.k = (ARRAY[1, 0, 4, 2, 5])[1 + g.k % 5] OR (g.k % 2 = 0 AND i.k = (ARRAY[3, 6, 7])[1 + g.k % 3]));
INSERT INTO resource_downloads (university_id, resource_id, user_id, downloaded_at)
SELECT s.university_id, r.id, s.id, now() - (s.id % 300) * interval '1 day'
FROM users s JOIN bench_unis u USING (university_id)
JOIN LATERAL (SELECT id FROM resources r WHERE r.university_id = s.university_id ORDER BY id
              OFFSET (s.id % :resources) LIMIT 1) r ON true
WHERE s.role = 'STUDENT' AND s.id % 2 = 0;
UPDATE resources r SET downloads = d.n
FROM (SELECT university_id, resource_id, count(*) n FROM resource_downloads GROUP BY 1, 2) d
WHERE r.university_id = d.university_id AND r.id = d.resource_id;
INSERT INTO tickets (university_id, requester_id, requester_email, requester_name, subject, category, status, created_at)
SELECT s.university_id, s.id, s.email, s.name, 'Question ' || s.id, 'general',
       CASE WHEN s.id % 3 = 0 THEN 'OPEN' ELSE 'RESOLVED' END, now() - (s.id % 365) * interval '1 day'
FROM users s JOIN bench_unis u USING (university_id) WHERE s.role = 'STUDENT' AND s.id % 20 = 0;
INSERT INTO leads (university_id, name, email, phone, interest, consent_at, status, inquiries, created_at)
SELECT u.university_id, 'Lead ' || k, 'lead' || k || '@example.com', '+4477009' || lpad(k::text, 5, '0'), 'Data analytics',
       now() - k * interval '1 day', (ARRAY['NEW', 'CONTACTED', 'QUALIFIED', 'ENROLLED', 'LOST'])[1 + k % 5], 1,
       now() - (k % 365) * interval '1 day'
FROM bench_unis u, generate_series(1, :leads) k;

\echo referrals
-- The first fifth of each university's students (by id) asked for their referral link 90 days ago and
-- each brought three of the other students, who signed up with it over the last 60 days: two rewards
-- held (hold_until ahead or just passed, as the release job finds them), one cancelled. None released,
-- so no credits moved and every wallet still balances with its ledger.
CREATE TEMP TABLE bench_students AS
SELECT university_id, id, row_number() OVER (PARTITION BY university_id ORDER BY id) AS g
FROM users JOIN bench_unis USING (university_id) WHERE role = 'STUDENT';
INSERT INTO referral_codes (university_id, user_id, code, created_at)
SELECT university_id, id, 'R' || lpad(translate(g::text, '01', 'AB'), 7, 'Z'), now() - interval '90 days'
FROM bench_students WHERE g <= :students / 5;
INSERT INTO referrals (university_id, referrer_id, referee_id, status, currency, referrer_amount, referee_amount,
                       hold_until, ended_at, end_reason, created_at)
SELECT r.university_id, r.id, f.id, CASE WHEN k = 3 THEN 'CANCELLED' ELSE 'HELD' END, 'SILVER', 5, 5,
       now() - ((r.g * k) % 60) * interval '1 day' + interval '14 days',
       CASE WHEN k = 3 THEN now() - ((r.g * k) % 60) * interval '1 day' + interval '1 day' END,
       CASE WHEN k = 3 THEN 'account closed' END,
       now() - ((r.g * k) % 60) * interval '1 day'
FROM bench_students r CROSS JOIN generate_series(1, 3) k
JOIN bench_students f ON f.university_id = r.university_id AND f.g = r.g + k * (:students / 5)
WHERE r.g <= :students / 5;

\echo courses, batches, sessions, enrolments, assignments
-- Three courses per university created by its staff member, each with one batch taught by its
-- counsellor (UTC, as the counsellors' hours): two free batches that began six and four weeks ago
-- and run twelve weeks, twice a week, and a paid course (money or gold) whose batch starts in two
-- weeks. Sessions as SessionPlanner makes them (every listed ISO weekday from start to end, at the
-- local start time); past ones carry a recording. 8 students in 10 are ACTIVE in one free batch
-- (payment FREE, as EnrolmentDesk enrols them), and batches.seats_taken counts them as
-- CourseStore.takePlace would have. Each free batch has two assignments: one due (and closed) in
-- the past, one due ahead. Every session of a free batch that has started has its register marked
-- by the instructor (four in five of its ACTIVE students present), as Attendance.mark writes it.
-- The closed assignment has the work of nine in ten of its batch's ACTIVE students (a third of them
-- twice, the second attempt late), the first attempts graded, as Assignments.submit and grade write
-- them. No materials.
CREATE TEMP TABLE bench_monday AS SELECT date_trunc('week', now() AT TIME ZONE 'UTC')::date AS monday;
INSERT INTO courses (university_id, title, description, outcomes, price_cents, currency, price_credits, credits_currency,
                     capacity, visibility, created_by, created_at, updated_at)
SELECT u.university_id, c.title, c.description, c.outcomes, c.price_cents, c.currency, c.price_credits, c.credits_currency,
       least(10000, greatest(30, :students)), c.visibility, st.id, now() - interval '60 days', now() - interval '60 days'
FROM bench_unis u JOIN users st ON st.university_id = u.university_id AND st.role = 'STAFF',
     (VALUES (0, 'Python for Analysts', 'Spreadsheets to Python in twelve weeks: pandas, charts and one analysis for your portfolio.',
              E'Load and clean data with pandas\nChart it with matplotlib\nPresent one analysis', NULL::bigint, NULL, NULL::int, NULL, 'PUBLIC'),
             (1, 'Case interview practice', 'Evening workshops on case interviews with live practice in pairs.',
              E'Structure a market-sizing case\nLead a profitability case', NULL, NULL, NULL, NULL, 'STUDENTS'),
             (2, 'SQL for product analytics', 'Four weeks of SQL on product data: funnels, cohorts and retention.',
              E'Write window functions\nBuild a retention chart', 4900, 'usd', 5, 'GOLD', 'PUBLIC'))
       c(k, title, description, outcomes, price_cents, currency, price_credits, credits_currency, visibility)
ORDER BY u.university_id, c.k;
CREATE TEMP TABLE bench_courses AS
SELECT c.university_id, c.id, CASE c.title WHEN 'Python for Analysts' THEN 0 WHEN 'Case interview practice' THEN 1 ELSE 2 END AS k
FROM courses c JOIN bench_unis u USING (university_id);
INSERT INTO batches (university_id, course_id, name, starts_on, ends_on, time_zone, week_days, local_start, minutes,
                     instructor_id, meeting_url, capacity, created_at)
SELECT c.university_id, c.id, b.name, m.monday + b.from_week * 7, m.monday + b.to_week * 7 - 1, 'UTC', b.week_days,
       b.local_start, b.minutes, co.user_id, co.meeting_url || '/course-' || c.k, least(10000, greatest(30, :students)),
       now() - interval '60 days'
FROM bench_courses c JOIN counsellors co ON co.university_id = c.university_id, bench_monday m,
     (VALUES (0, 'Autumn batch', -6, 6, '{1,3}'::smallint[], time '10:00', 60),
             (1, 'Evening batch', -4, 8, '{2,4}'::smallint[], time '18:00', 90),
             (2, 'Winter batch', 2, 6, '{2}'::smallint[], time '17:00', 60))
       b(k, name, from_week, to_week, week_days, local_start, minutes)
WHERE b.k = c.k;
CREATE TEMP TABLE bench_batches AS
SELECT b.university_id, b.id, c.k, b.starts_on, b.instructor_id FROM batches b JOIN bench_courses c
  ON c.university_id = b.university_id AND c.id = b.course_id;
INSERT INTO batch_sessions (university_id, batch_id, starts_at, ends_at, recording_url, created_at)
SELECT b.university_id, b.id, t.at, t.at + b.minutes * interval '1 minute',
       CASE WHEN t.at + b.minutes * interval '1 minute' < now() THEN 'https://video.example/b' || b.id || '/' || d::date END,
       b.created_at
FROM batches b JOIN bench_unis u USING (university_id)
CROSS JOIN generate_series(b.starts_on, b.ends_on, interval '1 day') d
CROSS JOIN LATERAL (SELECT (d::date + b.local_start) AT TIME ZONE b.time_zone AS at) t
WHERE extract(isodow FROM d)::smallint = ANY (b.week_days);
INSERT INTO enrolments (university_id, batch_id, user_id, status, payment, created_at, activated_at)
SELECT s.university_id, b.id, s.id, 'ACTIVE', 'FREE', e.at, e.at
FROM users s JOIN bench_batches b ON b.university_id = s.university_id AND b.k = s.id % 2
CROSS JOIN LATERAL (SELECT now() - interval '60 days' + (s.id % 14) * interval '1 day' AS at) e
WHERE s.role = 'STUDENT' AND s.id % 10 < 8;
UPDATE batches b SET seats_taken = e.n
FROM (SELECT university_id, batch_id, count(*) n FROM enrolments WHERE status IN ('PENDING', 'ACTIVE', 'OFFERED')
      GROUP BY 1, 2) e
WHERE b.university_id = e.university_id AND b.id = e.batch_id;
INSERT INTO assignments (university_id, batch_id, title, instructions, due_at, cutoff_at, max_attempts, max_score,
                         created_by, created_at, updated_at)
SELECT b.university_id, b.id, a.title, a.instructions, due.at, due.at + interval '7 days', 2, 100,
       b.instructor_id, now() - interval '60 days', now() - interval '60 days'
FROM bench_batches b
CROSS JOIN (VALUES ('First analysis', 'Chart one month of the sample data and write three sentences on it.', 3),
                   ('Portfolio project', 'One analysis of a data set of your choice, with a short write-up.', 7)) a(title, instructions, week)
CROSS JOIN LATERAL (SELECT (b.starts_on + a.week * 7 + time '17:00') AT TIME ZONE 'UTC' AS at) due
WHERE b.k < 2;
INSERT INTO submissions (university_id, assignment_id, user_id, attempt, body, late, submitted_at, score, feedback,
                         graded_by, graded_at)
SELECT a.university_id, a.id, e.user_id, n, 'My analysis of the sample month, attempt ' || n || '.', n = 2,
       a.due_at - interval '2 days' + (n - 1) * interval '3 days',
       CASE WHEN n = 1 THEN 50 + e.user_id % 50 END, CASE WHEN n = 1 THEN 'Clear chart; say why it matters.' END,
       CASE WHEN n = 1 THEN b.instructor_id END, CASE WHEN n = 1 THEN a.due_at + interval '1 day' END
FROM assignments a JOIN bench_batches b ON b.university_id = a.university_id AND b.id = a.batch_id
JOIN enrolments e ON e.university_id = a.university_id AND e.batch_id = a.batch_id AND e.status = 'ACTIVE'
CROSS JOIN generate_series(1, 2) n
WHERE a.due_at < now() AND e.user_id % 10 <> 9 AND (n = 1 OR e.user_id % 3 = 0);
INSERT INTO session_attendance (university_id, session_id, user_id, present, source, marked_by, marked_at)
SELECT s.university_id, s.id, e.user_id, (e.user_id + s.id) % 5 <> 0, 'MARKED', b.instructor_id, s.ends_at
FROM batch_sessions s JOIN bench_batches b ON b.university_id = s.university_id AND b.id = s.batch_id
JOIN enrolments e ON e.university_id = s.university_id AND e.batch_id = s.batch_id AND e.status = 'ACTIVE'
WHERE b.k < 2 AND s.starts_at < now();

\echo analytics counters
-- The counters that the app keeps (triggers: V90 on student_activity, V92 on resource_downloads;
-- the fold of V105 for ai_runs) stay empty above (session_replication_role = replica fires no trigger): without
-- them staff analytics charts an empty year. They are filled here from the seeded rows, set-based,
-- with exactly the key, slot, UTC day and ISO week / month the trigger functions use (ADR 0064;
-- bench/check-counters.sql compares them with what the triggers write). The largest two are loaded
-- without their primary key's index, which is built once after the load (same name, same columns),
-- in one transaction with the load.
BEGIN;
-- student_activity is a base table the app writes on a student's signed-in requests (StudentActivity,
-- one row per student and UTC day): a student was active on the day of their account's creation and
-- on the day of their last sign-in (users.created_at, users.last_sign_in_at), up to today (UTC). Two
-- days a student, not every day a seeded run, download or booking shows them signed in: that would
-- be four times the rows (and seed time) for the same year of charts.
DROP INDEX student_activity_by_user;
INSERT INTO student_activity (university_id, day, user_id)
SELECT DISTINCT s.university_id, d.day, s.id
FROM users s JOIN bench_unis u USING (university_id)
CROSS JOIN LATERAL (VALUES ((s.created_at AT TIME ZONE 'UTC')::date), ((s.last_sign_in_at AT TIME ZONE 'UTC')::date)) d(day)
WHERE s.role = 'STUDENT' AND d.day IS NOT NULL AND d.day <= (now() AT TIME ZONE 'UTC')::date
ORDER BY 1, 2, 3;
CREATE INDEX student_activity_by_user ON student_activity (university_id, user_id);
-- V90: a (week / month, student) row per period with an active day; distinct students per day,
-- week and month in eight slots (user_id & 7). A DATE's week and month are truncated as a timestamp
-- without time zone, as the trigger does.
ALTER TABLE student_activity_periods DROP CONSTRAINT student_activity_periods_pkey;
INSERT INTO student_activity_periods (university_id, unit, starts_on, user_id)
SELECT DISTINCT a.university_id, p.unit, date_trunc(p.unit, a.day::timestamp)::date, a.user_id
FROM student_activity a JOIN bench_unis u USING (university_id) CROSS JOIN (VALUES ('week'), ('month')) p(unit);
ALTER TABLE student_activity_periods ADD CONSTRAINT student_activity_periods_pkey
    PRIMARY KEY (university_id, unit, starts_on, user_id);
INSERT INTO student_activity_counts (university_id, unit, starts_on, slot, students)
SELECT a.university_id, 'day', a.day, a.user_id & 7, count(*)
FROM student_activity a JOIN bench_unis u USING (university_id) GROUP BY 1, 2, 3, 4
UNION ALL
SELECT p.university_id, p.unit, p.starts_on, p.user_id & 7, count(*)
FROM student_activity_periods p JOIN bench_unis u USING (university_id) GROUP BY 1, 2, 3, 4;
-- V105 (ADR 0080): the AI run counters hold the days up to each university's fold mark, two days
-- ago, as RunCounterFolds folds them; the runs after it are read live. V94: runs per (UTC day of
-- created_at, tool, slot hashtext(id) & 7), by outcome (ai_run_outcome: QUEUED/RUNNING in progress,
-- SUCCEEDED succeeded, FAILED/REFUNDED failed); V91: (week / month of the UTC created_at, tool,
-- student) pairs of the runs up to the mark.
INSERT INTO ai_run_folds (university_id, folded_through)
SELECT university_id, (now() AT TIME ZONE 'UTC')::date - 2 FROM bench_unis;
INSERT INTO ai_run_days (university_id, day, tool, slot, in_progress, succeeded, failed)
SELECT r.university_id, (r.created_at AT TIME ZONE 'UTC')::date, r.tool, hashtext(r.id::text) & 7,
       count(*) FILTER (WHERE ai_run_outcome(r.status) = 0), count(*) FILTER (WHERE ai_run_outcome(r.status) = 1),
       count(*) FILTER (WHERE ai_run_outcome(r.status) = 2)
FROM ai_runs r JOIN bench_unis u USING (university_id)
WHERE r.created_at < ((now() AT TIME ZONE 'UTC')::date - 1)::timestamp AT TIME ZONE 'UTC'
GROUP BY 1, 2, 3, 4;
ALTER TABLE ai_run_students DROP CONSTRAINT ai_run_students_pkey;
INSERT INTO ai_run_students (university_id, unit, starts_on, tool, user_id)
SELECT DISTINCT r.university_id, p.unit, date_trunc(p.unit, r.created_at AT TIME ZONE 'UTC')::date, r.tool, r.user_id
FROM ai_runs r JOIN bench_unis u USING (university_id) CROSS JOIN (VALUES ('week'), ('month')) p(unit)
WHERE r.created_at < ((now() AT TIME ZONE 'UTC')::date - 1)::timestamp AT TIME ZONE 'UTC';
ALTER TABLE ai_run_students ADD CONSTRAINT ai_run_students_pkey PRIMARY KEY (university_id, unit, starts_on, tool, user_id);
-- V92: downloads per (UTC day, resource, slot user_id & 7); (week / month, resource, student) pairs.
INSERT INTO resource_download_days (university_id, day, resource_id, slot, downloads)
SELECT d.university_id, (d.downloaded_at AT TIME ZONE 'UTC')::date, d.resource_id, d.user_id & 7, count(*)
FROM resource_downloads d JOIN bench_unis u USING (university_id) GROUP BY 1, 2, 3, 4;
INSERT INTO resource_download_students (university_id, unit, starts_on, resource_id, user_id)
SELECT DISTINCT d.university_id, p.unit, date_trunc(p.unit, d.downloaded_at AT TIME ZONE 'UTC')::date, d.resource_id, d.user_id
FROM resource_downloads d JOIN bench_unis u USING (university_id) CROSS JOIN (VALUES ('week'), ('month')) p(unit);
COMMIT;

RESET session_replication_role;
-- Vacuumed as well as analysed, as pgbench does before its runs: the visibility map set (index-only
-- scans without heap fetches) as autovacuum leaves a database that has settled, and no autovacuum of
-- the freshly loaded tables running under the measurements.
\echo vacuum analyze
VACUUM (ANALYZE);
