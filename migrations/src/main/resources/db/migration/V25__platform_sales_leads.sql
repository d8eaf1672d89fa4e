-- Sales leads (issue 16, docs/adr/0025): the contact form of the platform's own site (the bare base
-- domain, no university) asks to be contacted about CareerAI for a university. Platform data, not
-- tenant data: the table belongs to careerai_platform and the application role has no privilege
-- on it at all; it is reached only through the two SECURITY DEFINER functions below (ADR 10's
-- platform path): one records a lead, one lists them for `tenant-admin leads`.
CREATE TABLE sales_leads (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    email        TEXT        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    phone        TEXT        CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    organisation TEXT        NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
    message      TEXT        CHECK (length(message) <= 4000),
    consent_at   TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sales_leads_recent ON sales_leads (created_at DESC, id DESC);

ALTER TABLE sales_leads OWNER TO careerai_platform;
REVOKE ALL ON sales_leads FROM careerai_app;

CREATE FUNCTION platform_record_sales_lead(
        lead_name TEXT, lead_email TEXT, lead_phone TEXT, lead_organisation TEXT, lead_message TEXT)
    RETURNS BIGINT
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
    INSERT INTO sales_leads (name, email, phone, organisation, message, consent_at)
    VALUES (lead_name, lead_email, lead_phone, lead_organisation, lead_message, now())
    RETURNING id
$$;

CREATE FUNCTION platform_sales_leads(since TIMESTAMPTZ, max_rows INTEGER)
    RETURNS TABLE (id BIGINT, name TEXT, email TEXT, phone TEXT, organisation TEXT, message TEXT,
                   created_at TIMESTAMPTZ)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT s.id, s.name, s.email, s.phone, s.organisation, s.message, s.created_at FROM sales_leads s
     WHERE s.created_at >= since ORDER BY s.created_at DESC, s.id DESC LIMIT max_rows
$$;

ALTER FUNCTION platform_record_sales_lead(TEXT, TEXT, TEXT, TEXT, TEXT) OWNER TO careerai_platform;
ALTER FUNCTION platform_sales_leads(TIMESTAMPTZ, INTEGER) OWNER TO careerai_platform;
REVOKE ALL ON FUNCTION platform_record_sales_lead(TEXT, TEXT, TEXT, TEXT, TEXT) FROM PUBLIC;
REVOKE ALL ON FUNCTION platform_sales_leads(TIMESTAMPTZ, INTEGER) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_record_sales_lead(TEXT, TEXT, TEXT, TEXT, TEXT) TO careerai_app;
GRANT EXECUTE ON FUNCTION platform_sales_leads(TIMESTAMPTZ, INTEGER) TO careerai_app;
