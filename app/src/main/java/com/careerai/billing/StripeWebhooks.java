package com.careerai.billing;

import com.careerai.billing.PaymentGateway.WebhookEvent;
import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a webhook delivery: verifies it, learns anything it needs from Stripe first (outside
 * the transaction), then lets {@link StripeEventProcessor} apply it once.
 */
@Singleton
class StripeWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhooks.class);

    private final PaymentGateway gateway;
    private final StripeEventProcessor processor;
    private final PaymentStore payments;

    StripeWebhooks(PaymentGateway gateway, StripeEventProcessor processor, PaymentStore payments) {
        this.gateway = gateway;
        this.processor = processor;
        this.payments = payments;
    }

    /**
     * @throws InvalidWebhookException (400) for a bad signature or body: nothing is written
     * @throws NotConfigured (503) without a signing secret, so Stripe keeps retrying until one is set
     */
    EventOutcome receive(byte[] payload, @Nullable String signature) {
        if (!gateway.webhooksConfigured()) {
            throw new NotConfigured();
        }
        WebhookEvent event = gateway.verify(payload, signature);
        String invoiceHint = "charge.refunded".equals(event.type()) ? invoiceOfCharge(event) : null;
        EventOutcome outcome = processor.process(event, invoiceHint);
        if (outcome.kind() == EventOutcome.Kind.REJECTED) {
            LOG.warn("Stripe event {} ({}) rejected: {}", event.id(), event.type(), outcome.detail());
        } else {
            LOG.info("Stripe event {} ({}): {} {}", event.id(), event.type(), outcome.kind(), outcome.detail());
        }
        return outcome;
    }

    /**
     * Charges of recent API versions no longer name their invoice: when a refunded charge's
     * payment intent is not one CareerAI recorded, ask Stripe which invoice it paid (a plan's).
     */
    @Nullable
    private String invoiceOfCharge(WebhookEvent event) {
        String paymentIntent = StripeJson.text(event.object(), "payment_intent");
        if (paymentIntent == null
                || StripeJson.text(event.object(), "invoice") != null
                || !gateway.checkoutConfigured()
                || payments.recordsPaymentIntent(paymentIntent)) {
            return null;
        }
        return gateway.invoiceOfPaymentIntent(paymentIntent).orElse(null);
    }

    /** 503: no webhook signing secret is configured. */
    static final class NotConfigured extends ProblemException {
        private static final long serialVersionUID = 1L;

        NotConfigured() {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "billing_not_configured",
                    "STRIPE_WEBHOOK_SECRET is not set; the event was not processed.");
        }
    }
}
