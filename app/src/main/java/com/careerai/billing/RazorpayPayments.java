package com.careerai.billing;

import com.careerai.billing.EventOutcome.Owner;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.outbox.Outbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.json.JSONObject;

/**
 * Confirms Razorpay payments from signature-verified data only, exactly once, whichever path comes
 * first: the student's Checkout answer (signed with the key secret) or the webhooks
 * {@code payment.captured} / {@code order.paid} (signed with the webhook secret). Both lock the
 * payment row and give the credits under the ledger key {@code razorpay:<order>}, so the second
 * path finds the payment PAID and changes nothing. {@code refund.processed} reverses credits like
 * Stripe's {@code charge.refunded} ({@link RefundLedger}); {@code subscription.*} events are plans'
 * ({@link RazorpaySubscriptions}). Each webhook event id is claimed in {@code razorpay_events} in
 * the transaction that applies it, and so is each answer reconciliation applies ({@link #close}).
 */
@Singleton
class RazorpayPayments {
    private final PaymentStore payments;
    private final RazorpayEventStore events;
    private final Wallets wallets;
    private final Outbox outbox;
    private final UnitOfWork units;
    private final RefundLedger refunds;
    private final RazorpaySubscriptions subscriptions;
    private final Invoices invoices;

    RazorpayPayments(
            PaymentStore payments,
            RazorpayEventStore events,
            Wallets wallets,
            Outbox outbox,
            UnitOfWork units,
            RefundLedger refunds,
            RazorpaySubscriptions subscriptions,
            Invoices invoices) {
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.payments = payments;
        this.events = events;
        this.wallets = wallets;
        this.outbox = outbox;
        this.units = units;
        this.refunds = refunds;
    }

    /**
     * The student's signed Checkout answer, already verified, for their own payment: PAID with its
     * credits unless it was confirmed before. True when this call confirmed it.
     */
    @Transactional
    public boolean confirmFromCheckout(long universityId, UUID paymentId, String orderId, String razorpayPaymentId) {
        Payment payment = payments.lock(universityId, paymentId).orElseThrow(BillingProblems.PaymentNotFound::new);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("razorpay_checkout", razorpayPaymentId);
        return confirm(payment, orderId, razorpayPaymentId, payment.amountCents(), payment.currency(), source);
    }

    /**
     * Applies one webhook event whose signature was verified.
     *
     * @param eventId {@code X-Razorpay-Event-Id} (or, without it, a digest of the body)
     */
    @Transactional
    public EventOutcome process(String eventId, JSONObject event) {
        String type = event.optString("event", "");
        if (type.isEmpty()) {
            type = "unknown";
        }
        if (!events.claim(eventId, type)) {
            return EventOutcome.duplicate();
        }
        EventOutcome outcome = apply(eventId, type, event);
        events.finish(eventId, outcome);
        return outcome;
    }

    /**
     * Reconciliation's answer for a stale order (or a plan's subscription): Razorpay says it was
     * never paid. Its PENDING payment becomes {@code status} (FAILED when attempts failed, EXPIRED
     * when there were none); an answer for a payment no longer PENDING changes nothing. Claimed once
     * under {@code eventId} like a webhook event.
     */
    @Transactional
    public EventOutcome close(String eventId, String orderId, PaymentStatus status) {
        if (!events.claim(eventId, "reconcile.order." + status.name().toLowerCase(java.util.Locale.ROOT))) {
            return EventOutcome.duplicate();
        }
        EventOutcome outcome;
        Optional<Payment> found = lockRouted(true, orderId);
        if (found.isEmpty()) {
            outcome = EventOutcome.ignored("no payment of CareerAI for order " + orderId);
        } else if (found.get().status() != PaymentStatus.PENDING) {
            outcome = EventOutcome.processed(
                    owner(found.get()), "payment was already " + found.get().status());
        } else {
            Payment payment = found.get();
            payments.setStatus(payment.universityId(), payment.id(), status);
            if (status == PaymentStatus.EXPIRED) {
                outbox.record(
                        payment.universityId(),
                        new CheckoutExpired(payment.universityId(), payment.userId(), payment.id()));
            }
            outcome = EventOutcome.processed(
                    owner(payment), orderId + " " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        events.finish(eventId, outcome);
        return outcome;
    }

    private EventOutcome apply(String eventId, String type, JSONObject event) {
        JSONObject payload = event.optJSONObject("payload");
        JSONObject paymentEntity = entity(payload, "payment");
        return switch (type) {
            case "payment.captured", "order.paid" -> paid(eventId, type, paymentEntity, entity(payload, "order"));
            case "refund.processed" -> refunded(eventId, paymentEntity, entity(payload, "refund"));
            case "subscription.activated",
                    "subscription.charged",
                    "subscription.pending",
                    "subscription.halted",
                    "subscription.cancelled",
                    "subscription.completed",
                    "subscription.paused",
                    "subscription.resumed" -> subscriptions.apply(type, event);
            default -> EventOutcome.ignored("event type not handled");
        };
    }

    private EventOutcome paid(
            String eventId, String type, @Nullable JSONObject paymentEntity, @Nullable JSONObject orderEntity) {
        String orderId = orderEntity != null
                ? orderEntity.optString("id", null)
                : paymentEntity == null ? null : paymentEntity.optString("order_id", null);
        if (orderId == null || paymentEntity == null) {
            return EventOutcome.ignored(type + " without an order or a payment");
        }
        Optional<Payment> found = lockRouted(true, orderId);
        if (found.isEmpty()) {
            return EventOutcome.ignored("no payment of CareerAI for order " + orderId);
        }
        Payment payment = found.get();
        if ("payment.captured".equals(type) && !"captured".equals(paymentEntity.optString("status"))) {
            return EventOutcome.processed(owner(payment), "payment " + paymentEntity.optString("status") + ": waiting");
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("razorpay_event", eventId);
        boolean confirmed = confirm(
                payment,
                orderId,
                paymentEntity.optString("id"),
                paymentEntity.optLong("amount", payment.amountCents()),
                paymentEntity.optString("currency", payment.currency()).toLowerCase(java.util.Locale.ROOT),
                source);
        return EventOutcome.processed(
                owner(payment),
                confirmed
                        ? "topped up " + payment.credits() + " "
                                + payment.creditsCurrency().key() + " for payment " + payment.id()
                        : "payment was already " + payment.status());
    }

    private EventOutcome refunded(String eventId, @Nullable JSONObject paymentEntity, @Nullable JSONObject refund) {
        if (paymentEntity == null || refund == null) {
            return EventOutcome.ignored("refund without its payment");
        }
        String razorpayPaymentId = paymentEntity.optString("id", refund.optString("payment_id"));
        String orderId = paymentEntity.optString("order_id", null);
        Optional<Payment> found = orderId != null ? lockRouted(true, orderId) : Optional.empty();
        if (found.isEmpty()) {
            found = lockRouted(false, razorpayPaymentId);
        }
        if (found.isEmpty()) {
            return EventOutcome.ignored("no payment of CareerAI for " + razorpayPaymentId);
        }
        Payment payment = found.get();
        long refundedTotal = paymentEntity.has("amount_refunded")
                ? paymentEntity.optLong("amount_refunded")
                : payment.refundedCents() + refund.optLong("amount", 0);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("razorpay_event", eventId);
        source.put("razorpay_refund", refund.optString("id"));
        RefundLedger.Applied applied = refunds.apply(
                payment,
                razorpayPaymentId,
                refundedTotal,
                paymentEntity.optLong("amount", payment.amountCents()),
                source);
        return EventOutcome.processed(owner(payment), applied.summary());
    }

    /** The payment an order (or a Razorpay payment id) belongs to, in its university, locked. */
    private Optional<Payment> lockRouted(boolean byOrder, String value) {
        Optional<PaymentStore.Route> route = payments.routeRazorpay(byOrder, value);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        units.enter(route.get().universityId());
        return payments.lock(route.get().universityId(), route.get().paymentId());
    }

    /** PAID with its credits, once; false when it was confirmed (or refunded) before. */
    private boolean confirm(
            Payment payment,
            String orderId,
            String razorpayPaymentId,
            long amount,
            String currency,
            Map<String, Object> source) {
        if (!payment.status().open()) {
            return false;
        }
        long universityId = payment.universityId();
        Map<String, Object> ledgerMetadata = new LinkedHashMap<>();
        ledgerMetadata.put("payment", payment.id().toString());
        ledgerMetadata.put("product", payment.product());
        ledgerMetadata.put("razorpay_order", orderId);
        ledgerMetadata.put("razorpay_payment", razorpayPaymentId);
        ledgerMetadata.putAll(source);
        if (payment.credits() > 0) {
            wallets.topUp(
                    universityId,
                    payment.userId(),
                    payment.creditsCurrency(),
                    payment.credits(),
                    "razorpay:" + orderId,
                    ledgerMetadata);
        }
        payments.markPaid(universityId, payment.id(), amount, currency, razorpayPaymentId, null, null, null);
        invoices.issue(universityId, payment.id()); // every confirmed payment is invoiced, as Stripe's are
        outbox.record(universityId, new PaymentConfirmed(universityId, payment.userId(), payment.id()));
        return true;
    }

    @Nullable
    static JSONObject entity(@Nullable JSONObject payload, String name) {
        JSONObject wrapper = payload == null ? null : payload.optJSONObject(name);
        return wrapper == null ? null : wrapper.optJSONObject("entity");
    }

    private static Owner owner(Payment payment) {
        return new Owner(payment.universityId(), payment.userId());
    }
}
