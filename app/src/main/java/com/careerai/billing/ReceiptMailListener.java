package com.careerai.billing;

import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Emails the receipt of a confirmed payment, from the outbox: only once the webhook's transaction
 * committed (a rolled-back confirmation sends nothing; a replayed Stripe event confirms nothing,
 * so no second receipt), and retried until it is queued. The email is queued in this listener's
 * transaction, which records the delivery, so a retry queues no second one.
 */
@Singleton
class ReceiptMailListener implements OutboxListener<PaymentConfirmed> {
    private final Receipts receipts;

    ReceiptMailListener(Receipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public Class<PaymentConfirmed> eventType() {
        return PaymentConfirmed.class;
    }

    @Override
    public String name() {
        return "billing.receipt-mail";
    }

    @Override
    public void on(long universityId, UUID eventId, PaymentConfirmed event) {
        receipts.email(event.universityId(), event.userId(), event.paymentId());
    }
}
