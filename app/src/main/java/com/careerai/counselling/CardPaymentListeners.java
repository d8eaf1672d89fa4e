package com.careerai.counselling;

import com.careerai.billing.CheckoutExpired;
import com.careerai.billing.PaymentConfirmed;
import com.careerai.billing.PaymentRefunded;
import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Billing's word on a card-paid session's checkout: paid (confirm it), expired (release the slot)
 * or refunded in full (cancel a booking still to come).
 */
final class CardPaymentListeners {
    private CardPaymentListeners() {}

    @Singleton
    static class Paid implements OutboxListener<PaymentConfirmed> {
        private final PaidSessions sessions;

        Paid(PaidSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<PaymentConfirmed> eventType() {
            return PaymentConfirmed.class;
        }

        @Override
        public String name() {
            return "counselling.card-session-paid";
        }

        @Override
        public void on(long universityId, UUID eventId, PaymentConfirmed event) {
            sessions.paid(event.universityId(), event.paymentId());
        }
    }

    @Singleton
    static class Expired implements OutboxListener<CheckoutExpired> {
        private final PaidSessions sessions;

        Expired(PaidSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<CheckoutExpired> eventType() {
            return CheckoutExpired.class;
        }

        @Override
        public String name() {
            return "counselling.card-session-expired";
        }

        @Override
        public void on(long universityId, UUID eventId, CheckoutExpired event) {
            sessions.checkoutExpired(event.universityId(), event.paymentId());
        }
    }

    @Singleton
    static class Refunded implements OutboxListener<PaymentRefunded> {
        private final PaidSessions sessions;

        Refunded(PaidSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<PaymentRefunded> eventType() {
            return PaymentRefunded.class;
        }

        @Override
        public String name() {
            return "counselling.card-session-refunded";
        }

        @Override
        public void on(long universityId, UUID eventId, PaymentRefunded event) {
            if (event.full()) {
                sessions.paymentRefunded(event.universityId(), event.paymentId());
            }
        }
    }
}
