package com.careerai.counselling;

import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Refunds a card-paid session through Stripe once counselling decided it ({@link CardSessionRefundDue}). */
@Singleton
class CardRefundListener implements OutboxListener<CardSessionRefundDue> {
    private final PaidSessions sessions;

    CardRefundListener(PaidSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<CardSessionRefundDue> eventType() {
        return CardSessionRefundDue.class;
    }

    @Override
    public String name() {
        return "counselling.card-session-refund";
    }

    @Override
    public void on(long universityId, UUID eventId, CardSessionRefundDue event) {
        sessions.refundDue(event.universityId(), event.appointmentId(), event.decision());
    }
}
