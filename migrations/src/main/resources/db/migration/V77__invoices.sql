-- Invoices (docs/adr/0031-invoices-and-reconciliation.md): every confirmed payment gets one, numbered
-- per university without gaps. The number comes from the university's counter row, incremented in
-- the transaction that marks the payment PAID: a rolled-back confirmation gives its number back,
-- and two concurrent confirmations queue on the counter row.

-- What staff set at /staff/billing/settings: the seller printed on every invoice.
CREATE TABLE invoice_settings (
    university_id      BIGINT      NOT NULL REFERENCES universities (id),
    legal_name         TEXT        NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
    address            TEXT        NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
    tax_id             TEXT        CHECK (length(tax_id) BETWEEN 1 AND 64),
    -- the tax included in every price, in hundredths of a percent (2000 = 20 %); 0 = no tax line
    tax_rate_bp        INTEGER     NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    changed_by         TEXT        NOT NULL,
    changed_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id)
);

-- The last invoice number a university issued (one row per university, created with its first invoice).
CREATE TABLE invoice_counters (
    university_id      BIGINT      NOT NULL REFERENCES universities (id),
    last_number        BIGINT      NOT NULL CHECK (last_number >= 1),
    PRIMARY KEY (university_id)
);

-- One invoice per confirmed payment. The seller and the tax split are copied in when it is issued,
-- so later changes to the settings never rewrite an invoice already sent; the buyer is the
-- payment's student, read when the PDF is made (an erased student's invoice names no one).
CREATE TABLE invoices (
    university_id      BIGINT      NOT NULL,
    payment_id         UUID        NOT NULL,
    number             BIGINT      NOT NULL CHECK (number >= 1),
    -- "INV-2026-000123": the year of issue and the number
    label              TEXT        NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
    issued_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    seller_name        TEXT        NOT NULL CHECK (length(seller_name) BETWEEN 1 AND 200),
    seller_address     TEXT        CHECK (length(seller_address) <= 500),
    seller_tax_id      TEXT        CHECK (length(seller_tax_id) <= 64),
    tax_rate_bp        INTEGER     NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    currency           TEXT        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    -- total = net + tax, in the currency's minor unit; the price charged includes the tax
    net_cents          BIGINT      NOT NULL CHECK (net_cents >= 0),
    tax_cents          BIGINT      NOT NULL CHECK (tax_cents >= 0),
    total_cents        BIGINT      NOT NULL CHECK (total_cents >= 0),
    PRIMARY KEY (university_id, payment_id),
    UNIQUE (university_id, number),
    FOREIGN KEY (university_id, payment_id) REFERENCES payments (university_id, id),
    CHECK (net_cents + tax_cents = total_cents)
);

-- Reconciliation finds a university's payments still PENDING after the provider's expiry.
CREATE INDEX payments_university_pending_created ON payments (university_id, created_at)
    WHERE status = 'PENDING';

ALTER TABLE invoice_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_settings
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE invoice_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_counters
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoices
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
