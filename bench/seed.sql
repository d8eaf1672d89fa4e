-- bench/run's data set, generated in SQL: :universities universities ("Bench University n",
-- subdomain b<n>) of :students students each, plus one staff member and one approved counsellor
-- (weekly hours, one included session type) per university; every student has a wallet and
-- :ledger ledger rows (one opening grant, :runs debits each paying for a SUCCEEDED AI run, the
-- rest small grants); per university :resources approved link resources with downloads, past
-- appointments, support tickets and leads. Run as the owner (postgres) on a migrated database.
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

\echo counsellors
INSERT INTO counsellors (university_id, user_id, status, display_name, email, time_zone, meeting_url)
SELECT c.university_id, c.id, 'APPROVED', 'Counsellor of ' || u.n, c.email, 'UTC', 'https://meet.example/b' || u.n
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

RESET session_replication_role;
\echo analyze
ANALYZE;
