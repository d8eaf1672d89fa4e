-- Credits are money. credit_transactions is an append-only ledger; credit_wallets caches each
-- user's balance per currency, and for every wallet and currency balance = Σ ledger amounts
-- (checked by LedgerAudit). See docs/adr/0007-credit-ledger.md.

CREATE TABLE credit_wallets (
    university_id   BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    silver_credits  BIGINT      NOT NULL DEFAULT 0 CHECK (silver_credits >= 0),
    gold_credits    BIGINT      NOT NULL DEFAULT 0 CHECK (gold_credits >= 0),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, user_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);

CREATE TABLE credit_transactions (
    university_id    BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    user_id          BIGINT      NOT NULL,
    -- the tool a DEBIT paid for (and its REFUND); NULL for grants, top-ups, adjustments
    feature          TEXT        CHECK (length(feature) BETWEEN 1 AND 64),
    currency         TEXT        NOT NULL CHECK (currency IN ('SILVER', 'GOLD')),
    amount           INTEGER     NOT NULL,
    type             TEXT        NOT NULL
                     CHECK (type IN ('GRANT', 'DEBIT', 'REFUND', 'TOPUP', 'ADJUSTMENT', 'REVERSAL')),
    run_id           UUID,
    -- POSTED, or PARTIAL for a REVERSAL that could not take back everything asked for
    status           TEXT        NOT NULL DEFAULT 'POSTED' CHECK (status IN ('POSTED', 'PARTIAL')),
    metadata         JSONB       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    idempotency_key  TEXT        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    -- a replay of the same operation (refund:<run>, stripe:<event>, grant:<batch>:<user>) finds the first row
    UNIQUE (university_id, idempotency_key),
    FOREIGN KEY (university_id, user_id) REFERENCES credit_wallets (university_id, user_id),
    -- the sign of an amount follows from its type; only a REVERSAL that could reverse nothing is 0
    CHECK (CASE type
               WHEN 'DEBIT' THEN amount < 0
               WHEN 'REVERSAL' THEN amount <= 0
               WHEN 'ADJUSTMENT' THEN amount <> 0
               ELSE amount > 0
           END),
    CHECK ((type IN ('DEBIT', 'REFUND')) = (run_id IS NOT NULL AND feature IS NOT NULL))
);

CREATE INDEX credit_transactions_user_history ON credit_transactions (university_id, user_id, id DESC);
CREATE INDEX credit_transactions_run ON credit_transactions (university_id, run_id) WHERE run_id IS NOT NULL;

-- The second wall behind "no UPDATE or DELETE of ledger rows anywhere in the code": a correction
-- is a new compensating row.
CREATE FUNCTION credit_transactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'credit_transactions is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER credit_transactions_no_update_or_delete
    BEFORE UPDATE OR DELETE ON credit_transactions
    FOR EACH ROW EXECUTE FUNCTION credit_transactions_append_only();

CREATE TRIGGER credit_transactions_no_truncate
    BEFORE TRUNCATE ON credit_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION credit_transactions_append_only();

-- "Grant N credits to every student": one row per bulk grant, its progress advanced in the same
-- transaction as each chunk of grants, so a retried job resumes where the last commit left off.
CREATE TABLE credit_grant_batches (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    id             UUID        NOT NULL,
    actor          TEXT        NOT NULL,
    currency       TEXT        NOT NULL CHECK (currency IN ('SILVER', 'GOLD')),
    amount         INTEGER     NOT NULL CHECK (amount > 0),
    reason         TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    status         TEXT        NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE')),
    total          INTEGER     NOT NULL DEFAULT 0 CHECK (total >= 0),
    processed      INTEGER     NOT NULL DEFAULT 0 CHECK (processed >= 0),
    granted        INTEGER     NOT NULL DEFAULT 0 CHECK (granted >= 0),
    last_user_id   BIGINT      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ,
    PRIMARY KEY (university_id, id)
);
CREATE INDEX credit_grant_batches_recent ON credit_grant_batches (university_id, created_at DESC);

-- Whether a university tops every student up to its defaults on the 1st of each month.
CREATE TABLE credit_refill_settings (
    university_id  BIGINT      NOT NULL PRIMARY KEY REFERENCES universities (id),
    enabled        BOOLEAN     NOT NULL,
    changed_by     TEXT        NOT NULL,
    changed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
