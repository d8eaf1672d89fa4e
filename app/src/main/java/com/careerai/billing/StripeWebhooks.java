package com.careerai.billing;

import com.careerai.billing.PaymentGateway.WebhookEvent;
import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a webhook delivery: verifies it, learns anything it needs from Stripe first (outside
 * the transaction), then lets {@link StripeEventProcessor} apply it once.
 */
@Singleton
class StripeWebhooks {
    /** Failed attempts at applying one event before it is answered 200 and marked FAILED. */
    static final int MAX_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhooks.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final PaymentGateway gateway;
    private final StripeEventProcessor processor;
    private final PaymentStore payments;
    private final StripeEventStore events;

    StripeWebhooks(
            PaymentGateway gateway, StripeEventProcessor processor, PaymentStore payments, StripeEventStore events) {
        this.gateway = gateway;
        this.processor = processor;
        this.payments = payments;
        this.events = events;
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
        EventOutcome outcome;
        try {
            outcome = processor.process(event, invoiceHint);
        } catch (RuntimeException e) {
            // Poison: record the attempt; answer 5xx (Stripe retries) until the last one, then 200.
            Optional<StripeEventStore.Attempts> attempts =
                    events.recordFailure(event, invoiceHint, describe(e), MAX_ATTEMPTS);
            if (attempts.isEmpty() || !attempts.get().failed()) {
                LOG.warn(
                        "Stripe event {} ({}) could not be applied (attempt {} of {}); Stripe will retry",
                        event.id(),
                        event.type(),
                        attempts.map(StripeEventStore.Attempts::count).orElse(0),
                        MAX_ATTEMPTS,
                        e);
                throw e;
            }
            LOG.error(
                    "Stripe event {} ({}) failed {} times and is marked FAILED; replay it with"
                            + " `tenant-admin stripe-events replay {}` once the cause is fixed",
                    event.id(),
                    event.type(),
                    attempts.get().count(),
                    event.id(),
                    e);
            return EventOutcome.failed(
                    "failed " + attempts.get().count() + " times, kept for a replay: " + describe(e));
        }
        if (outcome.kind() == EventOutcome.Kind.REJECTED) {
            LOG.warn("Stripe event {} ({}) rejected: {}", event.id(), event.type(), outcome.detail());
        } else {
            LOG.info("Stripe event {} ({}): {} {}", event.id(), event.type(), outcome.kind(), outcome.detail());
        }
        return outcome;
    }

    /** What went wrong, in one line for {@code stripe_events.last_error}. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() == null ? "" : ": " + root.getMessage().strip();
        return root.getClass().getSimpleName() + message;
    }

    /** The event as it was received, from its stored row (its signature was checked then). */
    static WebhookEvent eventOf(StripeEventStore.Stored stored) {
        try {
            return new WebhookEvent(
                    stored.id(),
                    stored.type(),
                    stored.stripeCreatedAt(),
                    stored.livemode(),
                    JSON.readTree(stored.payload()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored Stripe event " + stored.id() + " is unreadable", e);
        }
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
