package com.careerai.billing;

import static com.careerai.billing.StripeJson.text;

import com.careerai.billing.PaymentGateway.WebhookEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payment monitoring: a payment still PENDING after its Checkout Session must have expired
 * ({@link BillingConfiguration#getReconcileAfter()}) is asked about at its provider — Razorpay's
 * through {@link RazorpayReconciliation}, Stripe's here — and what Stripe
 * says is applied exactly as its webhook would be — the same {@link StripeEventProcessor}, with an
 * event built from the object Stripe returned and an id of our own ({@code reconcile:…}), claimed
 * once like any event. A webhook arriving later finds the payment settled and changes nothing.
 * Nothing stays "awaiting payment" forever.
 */
@Singleton
class PaymentReconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciliation.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 100;
    /** Payment intent states after which the payment will not succeed any more. */
    private static final Set<String> DEAD_INTENTS = Set.of("canceled", "requires_payment_method");

    private final PaymentStore payments;
    private final PaymentGateway gateway;
    private final StripeEventProcessor processor;
    private final BillingConfiguration configuration;
    private final TransactionOperations<Connection> transactions;
    private final RazorpayReconciliation razorpay;

    PaymentReconciliation(
            PaymentStore payments,
            PaymentGateway gateway,
            StripeEventProcessor processor,
            BillingConfiguration configuration,
            TransactionOperations<Connection> transactions,
            RazorpayReconciliation razorpay) {
        this.razorpay = razorpay;
        this.payments = payments;
        this.gateway = gateway;
        this.processor = processor;
        this.configuration = configuration;
        this.transactions = transactions;
    }

    /** What one run did. */
    record Result(int checked, int settled, int failures) {}

    /**
     * Reconciles the university's stale PENDING payments (up to 100 a run, oldest first).
     *
     * @throws PaymentProviderException after trying every payment, when Stripe could not be asked
     *     about some (the job retries)
     */
    Result reconcile(long universityId, Instant now) {
        Instant before = now.minus(configuration.getReconcileAfter());
        List<Payment> stale = new java.util.ArrayList<>();
        if (gateway.checkoutConfigured()) {
            stale.addAll(transactions.executeRead(
                    status -> payments.pendingBefore(universityId, PaymentSettings.Provider.STRIPE, before, BATCH)));
        }
        if (razorpay.configured()) {
            stale.addAll(transactions.executeRead(
                    status -> payments.pendingBefore(universityId, PaymentSettings.Provider.RAZORPAY, before, BATCH)));
        }
        int settled = 0;
        int failures = 0;
        RuntimeException last = null;
        for (Payment payment : stale) {
            try {
                boolean applied = payment.provider() == PaymentSettings.Provider.RAZORPAY
                        ? razorpay.reconcile(payment)
                        : reconcile(payment);
                if (applied) {
                    settled++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not reconcile payment {}: {}", payment.id(), e.getMessage());
                failures++;
                last = e;
            }
        }
        if (last != null) {
            throw new PaymentProviderException(
                    failures + " of " + stale.size() + " stale payments could not be reconciled", last);
        }
        return new Result(stale.size(), settled, failures);
    }

    /** Asks Stripe about one payment and applies the answer; true when an event was applied. */
    boolean reconcile(Payment payment) {
        String externalId = payment.externalId();
        if (externalId.startsWith("in_")) {
            return gateway.invoice(externalId)
                    .filter(invoice -> "paid".equals(text(invoice, "status")))
                    .map(invoice -> apply("invoice.paid", invoice))
                    .orElse(false);
        }
        Optional<JsonNode> found = gateway.checkoutSession(externalId);
        if (found.isEmpty()) {
            // Stripe knows no such session: it can never be paid.
            return apply("checkout.session.async_payment_failed", sessionOf(payment));
        }
        JsonNode session = found.get();
        String status = String.valueOf(text(session, "status"));
        String paymentStatus = String.valueOf(text(session, "payment_status"));
        if ("expired".equals(status)) {
            return apply("checkout.session.expired", session);
        }
        if (!"complete".equals(status)) {
            return false; // still open: Stripe expires it, and the next run sees that
        }
        if ("paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus)) {
            boolean applied = apply("checkout.session.completed", session);
            String invoiceId = text(session, "invoice");
            if ("subscription".equals(text(session, "mode")) && invoiceId != null) {
                // A plan is paid by its first invoice; the checkout only started the subscription.
                applied |= gateway.invoice(invoiceId)
                        .filter(invoice -> "paid".equals(text(invoice, "status")))
                        .map(invoice -> apply("invoice.paid", invoice))
                        .orElse(false);
            }
            return applied;
        }
        String intentStatus = text(session, "payment_intent", "status");
        if (intentStatus != null && DEAD_INTENTS.contains(intentStatus)) {
            return apply("checkout.session.async_payment_failed", session);
        }
        return false; // a delayed method still processing
    }

    private boolean apply(String type, JsonNode object) {
        String objectId = Optional.ofNullable(text(object, "id")).orElse("unknown");
        WebhookEvent event = new WebhookEvent(
                "reconcile:" + type + ":" + objectId,
                type,
                Instant.now(),
                object.path("livemode").asBoolean(false),
                object);
        EventOutcome outcome = processor.process(event, null);
        LOG.info("Reconciled {} as {}: {} {}", objectId, type, outcome.kind(), outcome.detail());
        return outcome.kind() == EventOutcome.Kind.PROCESSED;
    }

    /** A session Stripe does not know, described from our row so the processor can find the student. */
    private static JsonNode sessionOf(Payment payment) {
        ObjectNode session = JSON.createObjectNode();
        session.put("id", payment.externalId());
        session.put("object", "checkout.session");
        session.put("status", "unknown");
        ObjectNode metadata = session.putObject("metadata");
        CheckoutMetadata.of(payment.universityId(), payment.userId(), payment.product(), payment.id())
                .forEach(metadata::put);
        return session;
    }
}
