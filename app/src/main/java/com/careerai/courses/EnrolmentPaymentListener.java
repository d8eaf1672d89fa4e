package com.careerai.courses;

import com.careerai.billing.PaymentConfirmed;
import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/** A PENDING enrolment becomes ACTIVE when billing's signed webhook confirms its payment (only then). */
@Singleton
class EnrolmentPaymentListener implements OutboxListener<PaymentConfirmed> {
    private final EnrolmentDesk desk;

    EnrolmentPaymentListener(EnrolmentDesk desk) {
        this.desk = desk;
    }

    @Override
    public Class<PaymentConfirmed> eventType() {
        return PaymentConfirmed.class;
    }

    @Override
    public String name() {
        return "courses.enrolment-paid";
    }

    @Override
    public void on(long universityId, UUID eventId, PaymentConfirmed event) {
        desk.paymentConfirmed(event.universityId(), event.paymentId());
    }
}
