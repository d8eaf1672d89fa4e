package com.careerai.billing;

import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Tells the student — in the app and by email (an important notice) — that a payment of theirs
 * was refunded, whether staff refunded it here or it was refunded at the provider. From the
 * outbox, once per new refunded total.
 */
@Singleton
class RefundNoticeListener implements OutboxListener<PaymentRefunded> {
    private final PaymentStore payments;
    private final Notifications notifications;

    RefundNoticeListener(PaymentStore payments, Notifications notifications) {
        this.payments = payments;
        this.notifications = notifications;
    }

    @Override
    public Class<PaymentRefunded> eventType() {
        return PaymentRefunded.class;
    }

    @Override
    public String name() {
        return "billing.refund-notice";
    }

    @Override
    public void on(long universityId, UUID eventId, PaymentRefunded event) {
        payments.find(event.universityId(), event.userId(), event.paymentId()).ifPresent(payment -> {
            String refunded = Money.formatExact(payment.refundedCents(), payment.currency());
            String credits = payment.creditsReversed() == 0
                    ? ""
                    : " " + payment.creditsReversed() + " "
                            + payment.creditsCurrency().key() + " credit"
                            + (payment.creditsReversed() == 1 ? " was" : "s were") + " taken back with it.";
            notifications.publish(
                    event.universityId(),
                    event.userId(),
                    new Notice(
                            NoticeKind.PAYMENT,
                            (event.full() ? "Refunded: " : "Partly refunded: ") + payment.description(),
                            refunded + " of " + payment.amount() + " is on its way back to your card or account"
                                    + " (banks take 5–10 days)." + credits,
                            "/billing",
                            true));
        });
    }
}
