-- What one run start (POST /api/v1/tools/job-pack/runs, bench/run's debit scenario) sends to
-- PostgreSQL, in the same transactions, for pgbench (-M prepared) as the app's role careerai_web with
-- the university bound (PGOPTIONS="-c careerai.university_id=<uni>"), so row-level security is on as
-- for the app. Captured with log_statement=all on a bench database (5 run starts of a web node after
-- 10 to warm it; session 8, RESULTS.md "Session 8: the debit path"). Per start, in order:
--   1. (until session 11: the session check's user row; now it comes from Redis with the session,
--      ADR 0045, read from the database only at a user's first request after a change: not here);
--   2. one transaction: the ledger row (debit) and the wallet's conditional UPDATE as one statement
--      (session 9: a data-modifying WITH; since session 14 returning only whether the wallet covered it,
--      Wallets.payForRun), JobRunr's job row (session 10, ADR 0043: before, a transaction of its
--      own after the first committed), and the ai_runs row, last (session 16, ADR 0062: its trigger
--      counted it in ai_run_days / ai_run_students, and the day counter's row stayed locked until the
--      commit; since V102, session 18, ADR 0070, only while the commit finished). Since V105
--      (session 29, ADR 0080) a run of today writes no counter: the days that are over are folded.
-- Not here: a student's first signed-in request of the day also records student_activity (one
-- INSERT in its own transaction, once a day per student and node), a pooled connection unused
-- for 0.5 s is validated first, and the university's switched-off tools are read once per
-- careerai.ai.tool-settings-ttl (5 s) per node and university (session 9, ADR 0041; before: every
-- start). The app sends values as parameters; here the run id is made in SQL from random numbers, and the texts are the bench body's (bench/run writes it) and the analysis
-- and job JSON the app made of it (a space after ":" before true/false, which pgbench would take for
-- a variable). Runs are titled 'pgbench' so bench/run can finish them after.
\set uid :first + random(0, :students - 1)
\set r1 random(0, 2147483647)
\set r2 random(0, 2147483647)
BEGIN;
WITH entry AS (INSERT INTO credit_transactions (university_id, user_id, feature, currency, amount, type, run_id, status, metadata, idempotency_key) SELECT university_id, user_id, 'job-pack', 'SILVER', -5, 'DEBIT', md5(:client_id::text || ':' || :r1::text || ':' || :r2::text)::uuid, 'POSTED', '{}'::jsonb, 'debit:' || md5(:client_id::text || ':' || :r1::text || ':' || :r2::text)::uuid FROM credit_wallets WHERE university_id = :uni AND user_id = :uid ON CONFLICT (university_id, idempotency_key) DO NOTHING RETURNING university_id, user_id), taken AS (UPDATE credit_wallets w SET silver_credits = w.silver_credits - 5, updated_at = now() FROM entry WHERE w.university_id = entry.university_id AND w.user_id = entry.user_id AND w.silver_credits >= 5 RETURNING w.user_id) SELECT EXISTS (SELECT 1 FROM taken) AS covered FROM entry;
insert into jobrunr_jobs (id, version, jobAsJson, jobSignature, state, createdAt, updatedAt, scheduledAt, recurringJobId) values (md5(:client_id::text || ':' || :r1::text || ':' || :r2::text)::uuid, 1, '{"id":"' || md5(:client_id::text || ':' || :r1::text || ':' || :r2::text)::uuid || '","version":1,"jobDetails":{"className":"com.careerai.ai.ExecuteRunJobRequest$Handler","methodName":"run","jobParameters":[{"className":"com.careerai.ai.ExecuteRunJobRequest","actualClassName":"com.careerai.ai.ExecuteRunJobRequest","object":{"universityId":' || :uni::text || ',"runId":"' || md5(:client_id::text || ':' || :r1::text || ':' || :r2::text)::uuid || '"}}],"cacheable": true},"jobHistory":[{"@class":"org.jobrunr.jobs.states.EnqueuedState","state":"ENQUEUED","createdAt":"2026-12-03T07:37:18.122990226Z"}],"metadata":{"@class":"java.util.concurrent.ConcurrentHashMap"},"jobSignature":"com.careerai.ai.ExecuteRunJobRequest$Handler.run(com.careerai.ai.ExecuteRunJobRequest)","jobName":"AI run ExecuteRunJobRequest[universityId=' || :uni::text || ', runId=' || md5(:client_id::text || ':' || :r1::text || ':' || :r2::text)::uuid || ']","amountOfRetries":3,"labels":[]}', 'com.careerai.ai.ExecuteRunJobRequest$Handler.run(com.careerai.ai.ExecuteRunJobRequest)', 'ENQUEUED', now(), now(), NULL, NULL);
INSERT INTO ai_runs (university_id, id, user_id, tool, title, status, currency, cost, model, demo, input, analysis) VALUES (:uni, md5(:client_id::text || ':' || :r1::text || ':' || :r2::text)::uuid, :uid, 'job-pack', 'pgbench', 'QUEUED', 'SILVER', 5, NULL, true, '{"jobTitle":"Graduate Analyst","company":"Acme","jobDescription":"A graduate analyst role working with SQL, Python and stakeholders on dashboards.","resume":"Jane Student. BSc Mathematics. Built data tools in Python, tutored statistics, led a team project analysing transport data with SQL and presented the results.","tone":"professional"}'::jsonb, '{"words":24,"pages":1,"sections":{"contact": false,"education": false,"experience": false,"skills": false},"bullets":{"count":0,"averageWords":0,"quantified":0,"weakVerbs":[],"tooLong":[],"unquantified":[]},"skills":["Python","SQL","statistics","leadership"],"keywords":{"matched":["Python","SQL"],"missing":["stakeholder management"]}}'::jsonb);
END;
