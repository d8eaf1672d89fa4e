-- Billing with Stripe (docs/adr/0008-billing-with-stripe.md): payments per university, the plan
-- subscriptions that make a student Pro, and every webhook event Stripe delivered, by its id, so
-- that each one is applied exactly once however often and in whatever order it arrives.

-- Pro while a plan subscription is active; written only by billing (auth.UserAccounts.setPro).
ALTER TABLE users ADD COLUMN is_pro BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per purchase: a credit pack's Checkout Session, a plan's first payment (its Checkout
-- Session, then its first invoice) or a plan renewal (its invoice). Stripe's ids are global, so
-- (provider, external_id) is unique across universities: no two tenants can claim one payment.
CREATE TABLE payments (
    university_id      BIGINT      NOT NULL,
    id                 UUID        NOT NULL,
    user_id            BIGINT      NOT NULL,
    provider           TEXT        NOT NULL DEFAULT 'stripe' CHECK (provider IN ('stripe')),
    -- the Checkout Session (cs_…) for purchases started on /billing, the invoice (in_…) for renewals
    external_id        TEXT        NOT NULL CHECK (length(external_id) BETWEEN 1 AND 255),
    kind               TEXT        NOT NULL CHECK (kind IN ('PACK', 'PLAN')),
    -- the catalogue product (careerai.billing.products.<id>) and its name when bought
    product            TEXT        NOT NULL CHECK (length(product) BETWEEN 1 AND 64),
    description        TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
    -- in the currency's minor unit (cents)
    amount_cents       BIGINT      NOT NULL CHECK (amount_cents >= 0),
    currency           TEXT        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    status             TEXT        NOT NULL
                       CHECK (status IN ('PENDING', 'PAID', 'FAILED', 'EXPIRED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    -- the credits this payment buys (a pack) or grants (a plan's month), and what refunds took back
    credits_currency   TEXT        NOT NULL CHECK (credits_currency IN ('SILVER', 'GOLD')),
    credits            INTEGER     NOT NULL CHECK (credits >= 0),
    credits_reversed   INTEGER     NOT NULL DEFAULT 0 CHECK (credits_reversed >= 0),
    -- refunded credits that had already been spent: never taken below zero, recorded as owed
    credits_owed       INTEGER     NOT NULL DEFAULT 0 CHECK (credits_owed >= 0),
    refunded_cents     BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
    invoice_id         TEXT,
    payment_intent_id  TEXT,
    subscription_id    TEXT,
    customer_id        TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    paid_at            TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    UNIQUE (provider, external_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id),
    CHECK (credits_reversed + credits_owed <= credits)
);
CREATE INDEX payments_university_user_created ON payments (university_id, user_id, created_at DESC);
-- Webhooks find the payment of an invoice or a charge's payment intent before they know the
-- university (Stripe's ids are global); every statement after that lookup is scoped.
CREATE UNIQUE INDEX payments_invoice ON payments (provider, invoice_id) WHERE invoice_id IS NOT NULL;
CREATE UNIQUE INDEX payments_payment_intent ON payments (provider, payment_intent_id) WHERE payment_intent_id IS NOT NULL;

-- A student's plan subscription as Stripe last reported it. Pro = any subscription ACTIVE,
-- TRIALING or PAST_DUE (Stripe is still retrying the payment).
CREATE TABLE subscriptions (
    university_id      BIGINT      NOT NULL,
    id                 UUID        NOT NULL,
    user_id            BIGINT      NOT NULL,
    provider           TEXT        NOT NULL DEFAULT 'stripe' CHECK (provider IN ('stripe')),
    external_id        TEXT        NOT NULL CHECK (length(external_id) BETWEEN 1 AND 255),
    customer_id        TEXT,
    product            TEXT        NOT NULL CHECK (length(product) BETWEEN 1 AND 64),
    -- Stripe's status, lower-case as Stripe writes it
    status             TEXT        NOT NULL CHECK (status IN ('incomplete', 'incomplete_expired', 'trialing',
                                                              'active', 'past_due', 'canceled', 'unpaid', 'paused')),
    cancel_at_period_end BOOLEAN   NOT NULL DEFAULT FALSE,
    current_period_end TIMESTAMPTZ,
    -- when Stripe created the event this state came from: an older event never overwrites a newer one
    state_at           TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    UNIQUE (provider, external_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);
CREATE INDEX subscriptions_university_user ON subscriptions (university_id, user_id);

-- Every webhook event Stripe delivered with a valid signature. The id is claimed (INSERT … ON
-- CONFLICT DO NOTHING) in the transaction that applies the event, so a redelivery — even a
-- concurrent one — waits for the first and then does nothing. university_id is known only once
-- the event was matched to a student (rejected and ignored events may have none).
CREATE TABLE stripe_events (
    id                 TEXT        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 255),
    type               TEXT        NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
    livemode           BOOLEAN     NOT NULL,
    stripe_created_at  TIMESTAMPTZ NOT NULL,
    received_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    outcome            TEXT        NOT NULL CHECK (outcome IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'REJECTED')),
    detail             TEXT        CHECK (length(detail) <= 1000),
    university_id      BIGINT      REFERENCES universities (id),
    user_id            BIGINT
);
CREATE INDEX stripe_events_university_received ON stripe_events (university_id, received_at DESC)
    WHERE university_id IS NOT NULL;
