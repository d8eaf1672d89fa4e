package com.careerai.billing;

import com.careerai.billing.RazorpayGateway.RazorpayPayment;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation's Razorpay step ({@link PaymentReconciliation}): a Razorpay payment still PENDING
 * after the reconcile delay is asked about at Razorpay. An order with a captured payment is
 * confirmed exactly as the verified {@code order.paid} webhook would confirm it (the same
 * {@link RazorpayPayments#process}, with an event id of our own, {@code reconcile:order.paid:<order>},
 * claimed once; credits under the same ledger key {@code razorpay:<order>}); an order whose attempts
 * all failed becomes FAILED, one never attempted EXPIRED. An attempt still authorised or in
 * progress is left for the next run. A plan's subscription that ended or was never authorised
 * before its first charge becomes EXPIRED; one that was charged has each paid invoice's payment
 * applied as {@code subscription.charged} would be ({@code reconcile:subscription.charged:<pay_…>},
 * the month granted once under the same key {@code razorpay:charge:<pay_…>}).
 */
@Singleton
class RazorpayReconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(RazorpayReconciliation.class);
    /** Payment states that may still end captured. */
    private static final Set<String> IN_PROGRESS = Set.of("created", "authorized", "pending");
    /** Subscription states in which no charge will come unless the student starts again. */
    private static final Set<String> NEVER_CHARGED = Set.of("created", "expired", "cancelled", "completed", "halted");

    private final RazorpayGateway gateway;
    private final RazorpayPayments razorpay;

    RazorpayReconciliation(RazorpayGateway gateway, RazorpayPayments razorpay) {
        this.gateway = gateway;
        this.razorpay = razorpay;
    }

    boolean configured() {
        return gateway.checkoutConfigured();
    }

    /**
     * Asks Razorpay about one stale payment and applies the answer; true when it was settled.
     *
     * @throws PaymentProviderException when Razorpay cannot be asked
     */
    boolean reconcile(Payment payment) {
        if (payment.kind() == Product.Kind.PLAN) {
            return subscription(payment);
        }
        String orderId = payment.externalId();
        List<RazorpayPayment> attempts = gateway.orderPayments(orderId);
        Optional<RazorpayPayment> captured = attempts.stream()
                .filter(attempt -> "captured".equals(attempt.status()))
                .findFirst();
        if (captured.isPresent()) {
            return applied(razorpay.process("reconcile:order.paid:" + orderId, orderPaid(orderId, captured.get())));
        }
        if (attempts.stream().anyMatch(attempt -> IN_PROGRESS.contains(attempt.status()))) {
            return false; // Razorpay captures it or gives the money back; the next run sees which
        }
        PaymentStatus status = attempts.isEmpty() ? PaymentStatus.EXPIRED : PaymentStatus.FAILED;
        return close(orderId, status);
    }

    private boolean subscription(Payment payment) {
        String subscriptionId = payment.externalId();
        RazorpayGateway.RazorpaySubscription subscription = gateway.fetchSubscription(subscriptionId);
        if (subscription.paidCount() == 0) {
            return NEVER_CHARGED.contains(subscription.status()) && close(subscriptionId, PaymentStatus.EXPIRED);
        }
        // Charged, but its subscription.charged never reached us: apply each paid invoice's payment.
        boolean applied = false;
        for (RazorpayPayment charge : gateway.subscriptionPayments(subscriptionId)) {
            if ("captured".equals(charge.status())) {
                applied |= applied(razorpay.process(
                        "reconcile:subscription.charged:" + charge.id(), charged(subscription, charge)));
            }
        }
        return applied;
    }

    /** A {@code subscription.charged} event as Razorpay would send it, from what Razorpay answered. */
    private static JSONObject charged(RazorpayGateway.RazorpaySubscription subscription, RazorpayPayment payment) {
        JSONObject entity = new JSONObject()
                .put("id", subscription.id())
                .put("entity", "subscription")
                .put("plan_id", subscription.planId())
                .put("status", subscription.status())
                .put("current_end", subscription.currentEnd() == null ? JSONObject.NULL : subscription.currentEnd());
        JSONObject payload = new JSONObject()
                .put("subscription", new JSONObject().put("entity", entity))
                .put("payment", new JSONObject().put("entity", paymentEntity(payment)));
        return new JSONObject().put("event", "subscription.charged").put("payload", payload);
    }

    private boolean close(String externalId, PaymentStatus status) {
        return applied(razorpay.close(
                "reconcile:" + status.name().toLowerCase(Locale.ROOT) + ":" + externalId, externalId, status));
    }

    /** An {@code order.paid} event as Razorpay would send it, from what Razorpay answered. */
    private static JSONObject orderPaid(String orderId, RazorpayPayment payment) {
        JSONObject payload = new JSONObject()
                .put(
                        "payment",
                        new JSONObject().put("entity", paymentEntity(payment).put("order_id", orderId)))
                .put("order", new JSONObject().put("entity", new JSONObject().put("id", orderId)));
        return new JSONObject().put("event", "order.paid").put("payload", payload);
    }

    private static JSONObject paymentEntity(RazorpayPayment payment) {
        return new JSONObject()
                .put("id", payment.id())
                .put("entity", "payment")
                .put("order_id", payment.orderId() == null ? JSONObject.NULL : payment.orderId())
                .put("status", payment.status())
                .put("amount", payment.amount())
                .put("currency", payment.currency())
                .put("amount_refunded", payment.amountRefunded());
    }

    private static boolean applied(EventOutcome outcome) {
        LOG.info("Reconciled a Razorpay payment: {} {}", outcome.kind(), outcome.detail());
        return outcome.kind() == EventOutcome.Kind.PROCESSED;
    }
}
