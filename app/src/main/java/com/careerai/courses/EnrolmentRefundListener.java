package com.careerai.courses;

import com.careerai.billing.PaymentRefunded;
import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/** A fully refunded course payment cancels its enrolment: the batch page closes and the place is freed. */
@Singleton
class EnrolmentRefundListener implements OutboxListener<PaymentRefunded> {
    private final EnrolmentDesk desk;

    EnrolmentRefundListener(EnrolmentDesk desk) {
        this.desk = desk;
    }

    @Override
    public Class<PaymentRefunded> eventType() {
        return PaymentRefunded.class;
    }

    @Override
    public String name() {
        return "courses.enrolment-refunded";
    }

    @Override
    public void on(long universityId, UUID eventId, PaymentRefunded event) {
        if (event.full()) {
            desk.paymentRefunded(event.universityId(), event.paymentId());
        }
    }
}
