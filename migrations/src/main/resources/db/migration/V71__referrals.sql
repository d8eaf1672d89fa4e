-- Referrals (issue 17): a code per student, the sign-ups it brought, and each one's reward held,
-- then released as GRANT ledger rows by a recurring job, or cancelled / reversed. The hold lives
-- here, not in the ledger: the ledger holds only money that moved (ADR 0022).

CREATE TABLE referral_codes (
    university_id    BIGINT      NOT NULL,
    user_id          BIGINT      NOT NULL,
    code             TEXT        NOT NULL CHECK (code ~ '^[A-Z2-9]{8}$'),
    -- where the referrer was last seen asking for their link: a sign-up from there soon after is suspect
    last_address     TEXT,
    last_seen_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, user_id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);
CREATE UNIQUE INDEX referral_codes_code ON referral_codes (university_id, code);

-- One row per university that changed the defaults (5 silver each side, held 14 days, 10 a month).
CREATE TABLE referral_settings (
    university_id          BIGINT      NOT NULL REFERENCES universities (id),
    enabled                BOOLEAN     NOT NULL DEFAULT true,
    currency               TEXT        NOT NULL DEFAULT 'SILVER' CHECK (currency IN ('SILVER', 'GOLD')),
    referrer_amount        INTEGER     NOT NULL DEFAULT 5 CHECK (referrer_amount BETWEEN 0 AND 1000),
    referee_amount         INTEGER     NOT NULL DEFAULT 5 CHECK (referee_amount BETWEEN 0 AND 1000),
    hold_days              INTEGER     NOT NULL DEFAULT 14 CHECK (hold_days BETWEEN 0 AND 365),
    monthly_cap            INTEGER     NOT NULL DEFAULT 10 CHECK (monthly_cap BETWEEN 0 AND 1000),
    address_window_hours   INTEGER     NOT NULL DEFAULT 24 CHECK (address_window_hours BETWEEN 0 AND 720),
    changed_by             TEXT        NOT NULL,
    changed_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id)
);

CREATE TABLE referrals (
    university_id     BIGINT      NOT NULL,
    id                BIGINT GENERATED ALWAYS AS IDENTITY,
    referrer_id       BIGINT      NOT NULL,
    referee_id        BIGINT      NOT NULL,
    status            TEXT        NOT NULL
                      CHECK (status IN ('HELD', 'REVIEW', 'RELEASED', 'CANCELLED', 'REVERSED', 'REFUSED', 'CAPPED')),
    -- why it is held for review, refused or capped (shown to staff)
    flag              TEXT,
    currency          TEXT        NOT NULL CHECK (currency IN ('SILVER', 'GOLD')),
    referrer_amount   INTEGER     NOT NULL CHECK (referrer_amount >= 0),
    referee_amount    INTEGER     NOT NULL CHECK (referee_amount >= 0),
    hold_until        TIMESTAMPTZ NOT NULL,
    signup_address    TEXT,
    first_payment_id  UUID,
    decided_by        TEXT,
    decided_at        TIMESTAMPTZ,
    released_at       TIMESTAMPTZ,
    ended_at          TIMESTAMPTZ,
    end_reason        TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, referrer_id) REFERENCES users (university_id, id),
    FOREIGN KEY (university_id, referee_id) REFERENCES users (university_id, id),
    CHECK (referrer_id <> referee_id)
);
-- one reward per referee, ever
CREATE UNIQUE INDEX referrals_referee ON referrals (university_id, referee_id);
CREATE INDEX referrals_referrer ON referrals (university_id, referrer_id, created_at DESC);
-- the release job's scan: held rewards whose hold is over
CREATE INDEX referrals_due ON referrals (university_id, status, hold_until);

ALTER TABLE referral_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON referral_codes
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE referral_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON referral_settings
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON referrals
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);
