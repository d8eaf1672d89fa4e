-- Plans through Razorpay subscriptions (docs/adr/0036-razorpay-plans-and-reconciliation.md).

-- A student's subscription may now be Razorpay's (sub_…). Its status is kept in the same words as
-- Stripe's (active, past_due, unpaid, canceled …), translated from Razorpay's by billing, so Pro
-- means the same whichever provider took the money. (provider, external_id) stays unique.
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_provider_check;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_provider_check CHECK (provider IN ('stripe', 'razorpay'));

-- The Razorpay plan (plan_…) created for one of our products in one university, at one price:
-- Razorpay plans cannot change their amount, so a new price gets a new row and a new plan.
-- Billing owns the table. plan_id is Razorpay's global id: unique across universities, like
-- payments' (provider, external_id), so no two tenants can share one plan.
CREATE TABLE razorpay_plans (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    product        TEXT        NOT NULL CHECK (length(product) BETWEEN 1 AND 64),
    currency       TEXT        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    amount_minor   BIGINT      NOT NULL CHECK (amount_minor > 0),
    plan_id        TEXT        NOT NULL CHECK (length(plan_id) BETWEEN 1 AND 255),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, product, currency, amount_minor),
    UNIQUE (plan_id)
);
ALTER TABLE razorpay_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE razorpay_plans FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON razorpay_plans
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
