-- Paid expert sessions with Stripe Connect (issue 18, docs/adr/0034-paid-expert-sessions.md).
-- billing owns expert_accounts, expert_fee_settings and expert_charges; counselling owns the money
-- price of a session type and appointment_card_holds.

-- A counsellor staff marked as a paid expert, and their Stripe Connect Express account once created.
-- charges_enabled / payouts_enabled / details_submitted follow the account.updated webhook.
CREATE TABLE expert_accounts (
    university_id      BIGINT      NOT NULL,
    user_id            BIGINT      NOT NULL,
    paid_expert        BOOLEAN     NOT NULL DEFAULT TRUE,
    stripe_account_id  TEXT        UNIQUE CHECK (stripe_account_id ~ '^acct_[A-Za-z0-9_]{1,64}$'),
    charges_enabled    BOOLEAN     NOT NULL DEFAULT FALSE,
    payouts_enabled    BOOLEAN     NOT NULL DEFAULT FALSE,
    details_submitted  BOOLEAN     NOT NULL DEFAULT FALSE,
    -- Stripe's event time of the last account.updated applied: an older event never overwrites it
    stripe_updated_at  TIMESTAMPTZ,
    marked_by          BIGINT      NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, user_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, marked_by) REFERENCES users (university_id, id)
);

-- The university's platform fee on paid expert sessions, set by staff (audited).
CREATE TABLE expert_fee_settings (
    university_id        BIGINT       NOT NULL PRIMARY KEY,
    platform_fee_percent NUMERIC(5,2) NOT NULL CHECK (platform_fee_percent >= 0 AND platform_fee_percent <= 50),
    updated_by           BIGINT       NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    FOREIGN KEY (university_id, updated_by) REFERENCES users (university_id, id)
);

-- One destination charge per paid session: what the student pays, the platform fee kept, the expert
-- paid (the rest). Its payment row (same id) carries the status and the refunded total.
CREATE TABLE expert_charges (
    university_id      BIGINT      NOT NULL,
    payment_id         UUID        NOT NULL,
    expert_user_id     BIGINT      NOT NULL,
    stripe_account_id  TEXT        NOT NULL,
    amount_cents       BIGINT      NOT NULL CHECK (amount_cents > 0),
    fee_cents          BIGINT      NOT NULL CHECK (fee_cents >= 0 AND fee_cents <= amount_cents),
    currency           TEXT        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    description        TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
    session_starts_at  TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, payment_id),
    FOREIGN KEY (university_id, payment_id) REFERENCES payments (university_id, id),
    FOREIGN KEY (university_id, expert_user_id) REFERENCES users (university_id, id)
);
CREATE INDEX expert_charges_expert ON expert_charges (university_id, expert_user_id, session_starts_at DESC);

-- counselling: a session type may carry a money price (only a paid expert's, with charges enabled).
ALTER TABLE counselling_session_types
    ADD COLUMN price_cents BIGINT CHECK (price_cents >= 100 AND price_cents <= 10000000),
    ADD COLUMN price_currency TEXT CHECK (price_currency ~ '^[a-z]{3}$'),
    ADD CONSTRAINT counselling_session_types_money_price CHECK ((price_cents IS NULL) = (price_currency IS NULL)),
    ADD CONSTRAINT counselling_session_types_one_price CHECK (price_cents IS NULL OR price_gold IS NULL);

-- counselling: a session paid by card (CARD) is PENDING while its slot is held for the checkout.
ALTER TABLE appointments DROP CONSTRAINT appointments_payment_check;
ALTER TABLE appointments ADD CONSTRAINT appointments_payment_check
    CHECK (payment IN ('FREE', 'GOLD', 'PLAN', 'CARD'));

CREATE TABLE appointment_card_holds (
    university_id   BIGINT      NOT NULL,
    appointment_id  UUID        NOT NULL,
    payment_id      UUID        NOT NULL,
    amount_cents    BIGINT      NOT NULL CHECK (amount_cents > 0),
    currency        TEXT        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    held_until      TIMESTAMPTZ NOT NULL,
    -- HELD until paid (PAID) or released (RELEASED: expired, timed out or checkout failed)
    status          TEXT        NOT NULL DEFAULT 'HELD' CHECK (status IN ('HELD', 'PAID', 'RELEASED', 'REFUNDED')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, appointment_id),
    UNIQUE (university_id, payment_id),
    FOREIGN KEY (university_id, appointment_id) REFERENCES appointments (university_id, id)
);

ALTER TABLE expert_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE expert_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON expert_accounts
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
ALTER TABLE expert_fee_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE expert_fee_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON expert_fee_settings
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
ALTER TABLE expert_charges ENABLE ROW LEVEL SECURITY;
ALTER TABLE expert_charges FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON expert_charges
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
ALTER TABLE appointment_card_holds ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointment_card_holds FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON appointment_card_holds
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

GRANT SELECT ON expert_accounts TO careerai_platform;
CREATE POLICY platform_read ON expert_accounts FOR SELECT TO careerai_platform USING (true);

-- Routing account.updated (a connected account's event) to the university of its expert: the
-- platform path of ADR 10, returning only routing columns.
CREATE FUNCTION platform_route_stripe_account(account_id TEXT)
    RETURNS TABLE (university_id BIGINT, user_id BIGINT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT e.university_id, e.user_id FROM expert_accounts e WHERE e.stripe_account_id = account_id LIMIT 1
$$;
ALTER FUNCTION platform_route_stripe_account(TEXT) OWNER TO careerai_platform;
REVOKE ALL ON FUNCTION platform_route_stripe_account(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_route_stripe_account(TEXT) TO careerai_app;
