-- What Wallets.debit sends for one debit, for pgbench (-M prepared): the ledger INSERT (returning
-- the row, as the service does) then the single conditional UPDATE, in one transaction.
\set uid :first + random(0, :wallets - 1)
BEGIN;
INSERT INTO credit_transactions (university_id, user_id, feature, currency, amount, type, run_id, status, metadata, idempotency_key) SELECT university_id, user_id, 'bench', 'SILVER', -1, 'DEBIT', r.id, 'POSTED', '{}'::jsonb, 'debit:' || r.id FROM credit_wallets, (SELECT gen_random_uuid() AS id) r WHERE university_id = :uni AND user_id = :uid ON CONFLICT (university_id, idempotency_key) DO NOTHING RETURNING university_id, id, user_id, feature, currency, amount, type, run_id, status, metadata::text AS metadata, idempotency_key, created_at;
UPDATE credit_wallets SET silver_credits = silver_credits - 1, updated_at = now() WHERE university_id = :uni AND user_id = :uid AND silver_credits >= 1;
END;
