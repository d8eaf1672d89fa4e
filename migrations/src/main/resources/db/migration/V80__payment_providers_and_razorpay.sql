-- Razorpay as the second payment provider (docs/adr/0032-razorpay-second-payment-provider.md).

-- Each university chooses its provider and the currency its prices are shown and charged in
-- (tenant-admin update --payments razorpay --currency INR). No row = Stripe in the catalogue's
-- own currency, as before. Billing owns the table.
CREATE TABLE payment_settings (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    provider       TEXT        NOT NULL DEFAULT 'stripe' CHECK (provider IN ('stripe', 'razorpay')),
    -- ISO code, lower case; NULL = each product's own currency
    currency       TEXT        CHECK (currency ~ '^[a-z]{3}$'),
    changed_by     TEXT        NOT NULL CHECK (length(changed_by) BETWEEN 1 AND 200),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id)
);
ALTER TABLE payment_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payment_settings
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

-- Payments may now be Razorpay's: external_id is then the order (order_…) and payment_intent_id
-- the captured payment (pay_…). (provider, external_id) stays unique across universities.
ALTER TABLE payments DROP CONSTRAINT payments_provider_check;
ALTER TABLE payments ADD CONSTRAINT payments_provider_check CHECK (provider IN ('stripe', 'razorpay'));

-- Every Razorpay webhook delivery with a valid signature, by its X-Razorpay-Event-Id, claimed in
-- the transaction that applies it (like stripe_events): a redelivery changes nothing.
-- university_id is known once the event was matched to a payment.
CREATE TABLE razorpay_events (
    id                 TEXT        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 255),
    type               TEXT        NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
    received_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    outcome            TEXT        NOT NULL CHECK (outcome IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'REJECTED')),
    detail             TEXT        CHECK (length(detail) <= 1000),
    university_id      BIGINT      REFERENCES universities (id),
    user_id            BIGINT
);
CREATE INDEX razorpay_events_university_received ON razorpay_events (university_id, received_at DESC)
    WHERE university_id IS NOT NULL;
ALTER TABLE razorpay_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE razorpay_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON razorpay_events
    USING (university_id IS NULL
           OR university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id IS NULL
           OR university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

-- The platform path (ADR 0010): which university's payment a Razorpay order or payment id is.
-- Razorpay's ids are global; only the university and the row id are returned.
CREATE FUNCTION platform_route_razorpay_payment(by_column TEXT, external_value TEXT)
    RETURNS TABLE (university_id BIGINT, id UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT p.university_id, p.id FROM payments p
    WHERE p.provider = 'razorpay'
      AND CASE by_column WHEN 'external_id' THEN p.external_id = external_value
                         WHEN 'payment_intent_id' THEN p.payment_intent_id = external_value
                         ELSE FALSE END
    LIMIT 1
$$;
ALTER FUNCTION platform_route_razorpay_payment(TEXT, TEXT) OWNER TO careerai_platform;
REVOKE ALL ON FUNCTION platform_route_razorpay_payment(TEXT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_route_razorpay_payment(TEXT, TEXT) TO careerai_app;
