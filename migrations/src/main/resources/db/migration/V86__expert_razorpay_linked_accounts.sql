-- Paid expert sessions at a Razorpay university (issue 18, ADR 0034 Route addendum): the expert's
-- Razorpay Route linked account (acc_…), recorded by staff or the expert, and whether Razorpay says
-- it is activated (GET /v2/accounts/{id}, status "activated") — the gate Stripe's charges_enabled is.
ALTER TABLE expert_accounts
    ADD COLUMN razorpay_account_id TEXT CHECK (razorpay_account_id ~ '^acc_[A-Za-z0-9]{1,64}$'),
    ADD COLUMN razorpay_activated  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN razorpay_checked_at TIMESTAMPTZ;
-- one expert per linked account within a university (leads with university_id, ADR 0010)
CREATE UNIQUE INDEX expert_accounts_razorpay_account
    ON expert_accounts (university_id, razorpay_account_id) WHERE razorpay_account_id IS NOT NULL;
