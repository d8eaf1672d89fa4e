package com.careerai.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stripe webhook payloads for tests, shaped like Stripe's (API version 2026-07-29 unless a test
 * builds an older shape), and signed exactly as Stripe signs them: header
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>}.
 */
public final class StripeTestEvents {
    /** The webhook signing secret tests configure ({@code careerai.billing.webhook-secret}). */
    public static final String SECRET = "whsec_test_c2VjcmV0LWZvci1jYXJlZXJhaS10ZXN0cw";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private StripeTestEvents() {}

    /** A fresh id with Stripe's prefix, e.g. {@code id("evt")}. */
    public static String id(String prefix) {
        return prefix + "_test" + SEQUENCE.incrementAndGet() + "Zx9";
    }

    /** The metadata CareerAI sets on its checkouts. */
    public static Map<String, String> metadata(long universityId, long userId, String product, String paymentId) {
        return Map.of(
                "university_id",
                Long.toString(universityId),
                "user_id",
                Long.toString(userId),
                "product",
                product,
                "payment_id",
                paymentId);
    }

    /** An event around {@code object}, created {@code created}. */
    public static String event(String eventId, String type, Instant created, ObjectNode object) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", "2026-07-29.dahlia");
        event.put("created", created.getEpochSecond());
        event.putObject("data").set("object", object);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        event.put("type", type);
        return event.toString();
    }

    public static String event(String type, ObjectNode object) {
        return event(id("evt"), type, Instant.now(), object);
    }

    /** The {@code Stripe-Signature} header for {@code payload} signed now. */
    public static String signature(String payload) {
        return signature(payload, SECRET, Instant.now().getEpochSecond());
    }

    public static String signature(String payload, String secret, long timestamp) {
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A completed Checkout Session. */
    public static ObjectNode checkoutSession(
            String sessionId, String mode, Map<String, String> metadata, String paymentStatus, long amountTotal) {
        ObjectNode session = JSON.createObjectNode();
        session.put("id", sessionId);
        session.put("object", "checkout.session");
        session.put("mode", mode);
        session.put("status", "complete");
        session.put("payment_status", paymentStatus);
        session.put("amount_total", amountTotal);
        session.put("amount_subtotal", amountTotal);
        session.put("currency", "usd");
        session.put("customer", "cus_test" + sessionId.hashCode());
        session.put("client_reference_id", metadata.get("payment_id"));
        metadata(session, metadata);
        if (mode.equals("payment")) {
            session.put("payment_intent", "pi_" + sessionId);
            session.putNull("subscription");
            session.putNull("invoice");
        } else {
            session.putNull("payment_intent");
        }
        session.put("livemode", false);
        return session;
    }

    /**
     * A paid invoice of a subscription. {@code currentApi}: metadata and subscription under
     * {@code parent.subscription_details} (2025-03-31 and later); otherwise at the top level with
     * {@code payment_intent}, as older API versions send them.
     */
    public static ObjectNode invoice(
            String invoiceId,
            String subscriptionId,
            Map<String, String> metadata,
            String billingReason,
            long amountPaid,
            boolean currentApi) {
        ObjectNode invoice = JSON.createObjectNode();
        invoice.put("id", invoiceId);
        invoice.put("object", "invoice");
        invoice.put("billing_reason", billingReason);
        invoice.put("amount_due", amountPaid);
        invoice.put("amount_paid", amountPaid);
        invoice.put("currency", "usd");
        invoice.put("customer", "cus_test_subscriber");
        invoice.put("status", "paid");
        if (currentApi) {
            ObjectNode parent = invoice.putObject("parent");
            parent.put("type", "subscription_details");
            ObjectNode details = parent.putObject("subscription_details");
            details.put("subscription", subscriptionId);
            metadata(details, metadata);
        } else {
            invoice.put("subscription", subscriptionId);
            invoice.put("payment_intent", "pi_" + invoiceId);
            invoice.put("charge", "ch_" + invoiceId);
            metadata(invoice.putObject("subscription_details"), metadata);
        }
        ObjectNode line = invoice.putObject("lines").putArray("data").addObject();
        line.put("id", "il_" + invoiceId);
        line.put("object", "line_item");
        line.put("amount", amountPaid);
        return invoice;
    }

    /** A subscription in {@code status}, its period ending at {@code periodEnd}. */
    public static ObjectNode subscription(
            String subscriptionId, String status, Map<String, String> metadata, Instant periodEnd) {
        ObjectNode subscription = JSON.createObjectNode();
        subscription.put("id", subscriptionId);
        subscription.put("object", "subscription");
        subscription.put("status", status);
        subscription.put("customer", "cus_test_subscriber");
        subscription.put("cancel_at_period_end", false);
        metadata(subscription, metadata);
        ObjectNode item = subscription.putObject("items").putArray("data").addObject();
        item.put("id", "si_" + subscriptionId);
        item.put("current_period_end", periodEnd.getEpochSecond());
        item.putObject("price").put("id", "price_inline_" + subscriptionId);
        return subscription;
    }

    /** A charge of {@code amount} of which {@code refunded} has been refunded in total. */
    public static ObjectNode charge(String chargeId, String paymentIntent, long amount, long refunded) {
        ObjectNode charge = JSON.createObjectNode();
        charge.put("id", chargeId);
        charge.put("object", "charge");
        charge.put("amount", amount);
        charge.put("amount_captured", amount);
        charge.put("amount_refunded", refunded);
        charge.put("refunded", refunded >= amount);
        charge.put("currency", "usd");
        charge.put("paid", true);
        charge.put("status", "succeeded");
        charge.put("payment_intent", paymentIntent);
        return charge;
    }

    private static void metadata(ObjectNode owner, Map<String, String> metadata) {
        ObjectNode node = owner.putObject("metadata");
        metadata.forEach(node::put);
    }
}
