-- Staff refunds (docs/adr/0028-staff-refunds.md): one row per refund a staff member asked for
-- from /staff/payments/{id}. The row is written before the provider is called, so its id is the
-- idempotency key of the provider's refund (a retry after a timeout refunds once), and it keeps
-- who asked, why, and what the provider answered. The money and the credits it reverses are
-- recorded on the payment itself (payments.refunded_cents …), exactly as for webhook refunds.
CREATE TABLE payment_refunds (
    university_id      BIGINT      NOT NULL,
    id                 UUID        NOT NULL,
    payment_id         UUID        NOT NULL,
    amount_cents       BIGINT      NOT NULL CHECK (amount_cents > 0),
    reason             TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    requested_by       BIGINT      NOT NULL,
    -- REQUESTED: written, provider not answered yet; then the provider's answer
    status             TEXT        NOT NULL DEFAULT 'REQUESTED'
                       CHECK (status IN ('REQUESTED', 'PENDING', 'SUCCEEDED', 'FAILED')),
    provider_refund_id TEXT,
    failure            TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, payment_id) REFERENCES payments (university_id, id),
    FOREIGN KEY (university_id, requested_by) REFERENCES users (university_id, id)
);
CREATE INDEX payment_refunds_payment ON payment_refunds (university_id, payment_id, created_at);
-- Staff list payments by status, newest first.
CREATE INDEX payments_university_status_created ON payments (university_id, status, created_at DESC);

ALTER TABLE payment_refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_refunds FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payment_refunds
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
