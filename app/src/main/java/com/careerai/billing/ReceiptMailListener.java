package com.careerai.billing;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails the receipt once the webhook's transaction that confirmed the payment has committed
 * (a rolled-back confirmation sends nothing; a replayed event confirms nothing, so no second
 * receipt). A failure to queue it is logged and never fails the webhook.
 */
@Singleton
class ReceiptMailListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptMailListener.class);

    private final Receipts receipts;

    ReceiptMailListener(Receipts receipts) {
        this.receipts = receipts;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onPaymentConfirmed(PaymentConfirmed event) {
        try {
            receipts.email(event.universityId(), event.userId(), event.paymentId());
        } catch (RuntimeException e) {
            LOG.error("Receipt for payment {} of university {} not queued", event.paymentId(), event.universityId(), e);
        }
    }
}
