-- The wallet API's one round trip (GET /api/v1/wallet, WalletApiController: the history's first page, its
-- count and the balances, sent together, ADR 0076) for pgbench, to measure what row-level security costs
-- the database on it without the app: run as careerai_web with the university bound and as the superuser,
-- alternated (bench/RESULTS.md, session 31, section 5):
--   PGUSER=careerai_web PGPASSWORD=careerai-local PGOPTIONS="-c careerai.university_id=<uni>" \
--     pgbench -h 127.0.0.1 -n -M prepared -c 8 -j 2 -T 15 -f bench/wallet-rls.sql -D uni=<uni> -D first=<first student> careerai_bench_run
--   PGUSER=postgres pgbench <the same options> careerai_bench_run
-- Each transaction is one signed-in student's wallet among the first 200 of the university (bench/run's b1 students).
\set uid :first + random(0, 199)
\startpipeline
SELECT university_id, id, user_id, feature, currency, amount, type, run_id, status, metadata::text AS metadata, idempotency_key, created_at FROM credit_transactions WHERE university_id = :uni AND user_id = :uid ORDER BY id DESC LIMIT 20;
SELECT count(*) FROM credit_transactions WHERE university_id = :uni AND user_id = :uid;
SELECT silver_credits, gold_credits FROM credit_wallets WHERE university_id = :uni AND user_id = :uid;
\endpipeline
