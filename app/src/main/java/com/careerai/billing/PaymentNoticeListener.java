package com.careerai.billing;

import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Tells the student in the app that a payment was confirmed, from the outbox (once the webhook's
 * transaction committed; once per event). The receipt email goes already ({@link
 * ReceiptMailListener}), so the notice is not important: it never causes a second email.
 */
@Singleton
class PaymentNoticeListener implements OutboxListener<PaymentConfirmed> {
    private final PaymentStore payments;
    private final Notifications notifications;

    PaymentNoticeListener(PaymentStore payments, Notifications notifications) {
        this.payments = payments;
        this.notifications = notifications;
    }

    @Override
    public Class<PaymentConfirmed> eventType() {
        return PaymentConfirmed.class;
    }

    @Override
    public String name() {
        return "billing.payment-notice";
    }

    @Override
    public void on(long universityId, UUID eventId, PaymentConfirmed event) {
        payments.find(event.universityId(), event.userId(), event.paymentId())
                .filter(payment -> payment.status().credited())
                .ifPresent(payment -> {
                    String credits = Receipts.credits(payment);
                    notifications.publish(
                            event.universityId(),
                            event.userId(),
                            new Notice(
                                    NoticeKind.PAYMENT,
                                    "Payment confirmed: " + payment.description(),
                                    payment.amount() + (credits.isEmpty() ? "" : " · " + credits + " added")
                                            + ". Your receipt is on its way by email.",
                                    "/billing/payments/" + payment.id() + "/receipt",
                                    false));
                });
    }
}
