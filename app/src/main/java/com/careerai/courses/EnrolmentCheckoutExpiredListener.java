package com.careerai.courses;

import com.careerai.billing.CheckoutExpired;
import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/** An abandoned card checkout gives up its PENDING enrolment, and the place goes to the waitlist. */
@Singleton
class EnrolmentCheckoutExpiredListener implements OutboxListener<CheckoutExpired> {
    private final EnrolmentDesk desk;

    EnrolmentCheckoutExpiredListener(EnrolmentDesk desk) {
        this.desk = desk;
    }

    @Override
    public Class<CheckoutExpired> eventType() {
        return CheckoutExpired.class;
    }

    @Override
    public String name() {
        return "courses.enrolment-checkout-expired";
    }

    @Override
    public void on(long universityId, UUID eventId, CheckoutExpired event) {
        desk.checkoutExpired(event.universityId(), event.paymentId());
    }
}
