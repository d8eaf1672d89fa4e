-- Leads (issue 16): inquiries from a university's public pages, the follow-up sent to each
-- (email, WhatsApp, voice call) and the staff lead board. Owned by the leads feature.

-- Per university: the default phone region (when a visitor types a national number) and the
-- plain-text templates of the automatic follow-ups ({{name}}-style placeholders, never evaluated).
CREATE TABLE lead_settings (
    university_id     BIGINT      NOT NULL REFERENCES universities (id),
    default_region    TEXT        CHECK (default_region ~ '^[A-Z]{2}$'),
    whatsapp_template TEXT        NOT NULL CHECK (length(whatsapp_template) BETWEEN 1 AND 1000),
    call_script       TEXT        NOT NULL CHECK (length(call_script) BETWEEN 1 AND 1000),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id)
);

CREATE TABLE leads (
    university_id      BIGINT      NOT NULL REFERENCES universities (id),
    id                 BIGINT GENERATED ALWAYS AS IDENTITY,
    name               TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    email              TEXT        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    phone              TEXT        NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    interest           TEXT        CHECK (length(interest) <= 120),
    course_id          BIGINT,
    course_title       TEXT,
    message            TEXT        CHECK (length(message) <= 4000),
    consent_at         TIMESTAMPTZ NOT NULL,
    status             TEXT        NOT NULL DEFAULT 'NEW'
                                   CHECK (status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'ENROLLED', 'LOST')),
    inquiries          INTEGER     NOT NULL DEFAULT 1 CHECK (inquiries >= 1),
    invitation_id      BIGINT,
    reservation_id     BIGINT,
    first_contacted_at TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id)
);
CREATE INDEX leads_board ON leads (university_id, status, updated_at DESC);
-- duplicates: the same email or phone within the university is the same lead
CREATE INDEX leads_by_email ON leads (university_id, lower(email));
CREATE INDEX leads_by_phone ON leads (university_id, phone);
-- speed to lead over the last 30 days
CREATE INDEX leads_recent ON leads (university_id, created_at);

CREATE TABLE lead_notes (
    university_id BIGINT      NOT NULL,
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    lead_id       BIGINT      NOT NULL,
    author        TEXT        NOT NULL,
    body          TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, lead_id) REFERENCES leads (university_id, id)
);
CREATE INDEX lead_notes_by_lead ON lead_notes (university_id, lead_id, created_at);

-- Every message or call to a lead. An automatic follow-up is claimed here (status ATTEMPTED, in
-- its own committed transaction) before the provider is called, so a retried job finds the claim
-- and never sends twice (docs/adr/0021). reference travels in the provider's status callback URL.
CREATE TABLE communication_logs (
    university_id BIGINT      NOT NULL,
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    lead_id       BIGINT      NOT NULL,
    channel       TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'WHATSAPP', 'VOICE')),
    template      TEXT        NOT NULL,
    automatic     BOOLEAN     NOT NULL,
    reference     UUID        NOT NULL DEFAULT gen_random_uuid(),
    provider_id   TEXT,
    status        TEXT        NOT NULL CHECK (status IN ('ATTEMPTED', 'UNCONFIRMED', 'SENT', 'DELIVERED',
                                   'READ', 'COMPLETED', 'NO_ANSWER', 'BUSY', 'FAILED', 'SKIPPED')),
    error         TEXT,
    at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, lead_id) REFERENCES leads (university_id, id)
);
CREATE UNIQUE INDEX communication_logs_once ON communication_logs (university_id, lead_id, channel) WHERE automatic;
CREATE UNIQUE INDEX communication_logs_reference ON communication_logs (university_id, reference);
CREATE INDEX communication_logs_by_lead ON communication_logs (university_id, lead_id, at);

ALTER TABLE lead_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE lead_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON lead_settings
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
ALTER TABLE leads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON leads
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE lead_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE lead_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON lead_notes
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE communication_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE communication_logs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON communication_logs
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
