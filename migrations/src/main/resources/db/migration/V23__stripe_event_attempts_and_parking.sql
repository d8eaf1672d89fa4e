-- Stripe events that cannot be applied (ADR 0008).
--
-- Poison: an event whose handling throws is answered 5xx so that Stripe delivers it again, and
-- each failed attempt is recorded here (outside the failed transaction): RETRYING with the count
-- and the last error. The fifth failed attempt of one event id is answered 200 and marked FAILED,
-- so Stripe stops retrying; `tenant-admin stripe-events --failed` lists them and
-- `tenant-admin stripe-events replay <evt_id>` applies one again once the cause is fixed.
--
-- Out of order: a charge.refunded whose payment is not recorded yet is PARKED with the payment
-- intent and invoice it names, and applied in the transaction that records that payment.
--
-- payload is the event's data.object as received (signature verified), kept for replaying failed
-- events and applying parked ones; invoice_hint is the invoice Stripe said a refunded charge paid.
ALTER TABLE stripe_events DROP CONSTRAINT stripe_events_outcome_check;
ALTER TABLE stripe_events ADD CONSTRAINT stripe_events_outcome_check
    CHECK (outcome IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'REJECTED', 'RETRYING', 'FAILED', 'PARKED'));
ALTER TABLE stripe_events ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0);
ALTER TABLE stripe_events ADD COLUMN last_error TEXT CHECK (length(last_error) <= 2000);
ALTER TABLE stripe_events ADD COLUMN last_attempt_at TIMESTAMPTZ;
ALTER TABLE stripe_events ADD COLUMN payload JSONB;
ALTER TABLE stripe_events ADD COLUMN invoice_hint TEXT CHECK (length(invoice_hint) <= 255);
ALTER TABLE stripe_events ADD COLUMN parked_payment_intent TEXT CHECK (length(parked_payment_intent) <= 255);
ALTER TABLE stripe_events ADD COLUMN parked_invoice TEXT CHECK (length(parked_invoice) <= 255);
CREATE INDEX stripe_events_failed ON stripe_events (received_at DESC) WHERE outcome IN ('FAILED', 'RETRYING');
CREATE INDEX stripe_events_parked_payment_intent ON stripe_events (parked_payment_intent)
    WHERE outcome = 'PARKED' AND parked_payment_intent IS NOT NULL;
CREATE INDEX stripe_events_parked_invoice ON stripe_events (parked_invoice)
    WHERE outcome = 'PARKED' AND parked_invoice IS NOT NULL;
