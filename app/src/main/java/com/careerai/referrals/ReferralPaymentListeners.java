package com.careerai.referrals;

import com.careerai.billing.PaymentConfirmed;
import com.careerai.billing.PaymentRefunded;
import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Billing's payment events as referrals needs them: a referee's first purchase, and its refund. */
final class ReferralPaymentListeners {
    private ReferralPaymentListeners() {}

    /** Remembers a referee's first confirmed payment. */
    @Singleton
    static class FirstPaymentListener implements OutboxListener<PaymentConfirmed> {
        private final Referrals referrals;

        FirstPaymentListener(Referrals referrals) {
            this.referrals = referrals;
        }

        @Override
        public Class<PaymentConfirmed> eventType() {
            return PaymentConfirmed.class;
        }

        @Override
        public String name() {
            return "referrals.first-payment";
        }

        @Override
        public void on(long universityId, UUID eventId, PaymentConfirmed event) {
            referrals.paymentConfirmed(event.universityId(), event.userId(), event.paymentId());
        }
    }

    /** Ends the referral's reward when the referee's first purchase is refunded. */
    @Singleton
    static class RefundListener implements OutboxListener<PaymentRefunded> {
        private final Referrals referrals;

        RefundListener(Referrals referrals) {
            this.referrals = referrals;
        }

        @Override
        public Class<PaymentRefunded> eventType() {
            return PaymentRefunded.class;
        }

        @Override
        public String name() {
            return "referrals.refund";
        }

        @Override
        public void on(long universityId, UUID eventId, PaymentRefunded event) {
            referrals.paymentRefunded(event.universityId(), event.userId(), event.paymentId());
        }
    }
}
