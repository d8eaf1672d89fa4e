package com.careerai.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.json.JSONObject;

/**
 * A local stand-in for the parts of the Razorpay API CareerAI calls, for tests: the real
 * razorpay-java SDK talks to it through {@code careerai.razorpay.api-base}. It answers
 * {@code POST /v1/orders}, {@code GET /v1/orders/{id}}, {@code GET /v1/orders/{id}/payments},
 * {@code GET /v1/payments/{id}}, {@code POST /v1/payments/{id}/refund}, {@code POST /v1/plans},
 * {@code POST /v1/subscriptions}, {@code GET /v1/subscriptions/{id}} and
 * {@code POST /v1/subscriptions/{id}/cancel} (Route's {@code transfers} and {@code reverse_all} recorded), and
 * {@code GET /v2/accounts/{id}} (linked accounts, {@link #linkedAccount}) with Razorpay-shaped JSON (checking HTTP Basic auth with
 * {@link #KEY_ID}:{@link #KEY_SECRET}), records every request, and stands in for the student paying
 * in Checkout ({@link #pay}, {@link #failAttempt}) and for Razorpay charging a subscription
 * ({@link #charge}). Signatures are computed as Razorpay documents them: HMAC-SHA256, hex, of
 * {@code order_id|payment_id} (an order) or {@code payment_id|subscription_id} (a subscription)
 * with the key secret (Checkout), or of the raw body with the webhook secret
 * ({@code X-Razorpay-Signature}).
 */
public final class FakeRazorpayServer implements AutoCloseable {
    public static final String KEY_ID = "rzp_test_careerai";
    public static final String KEY_SECRET = "rzp_secret_careerai_fake";
    public static final String WEBHOOK_SECRET = "rzp_webhook_careerai_fake";

    /** One request received: method, path, JSON body (empty object for none), headers (lower-case names). */
    public record Request(String method, String path, JSONObject body, Map<String, String> headers) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, JSONObject> orders = new ConcurrentHashMap<>();
    private final Map<String, JSONObject> payments = new ConcurrentHashMap<>();
    private final Map<String, JSONObject> plans = new ConcurrentHashMap<>();
    private final Map<String, JSONObject> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, JSONObject> invoices = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, String> linkedAccounts = new ConcurrentHashMap<>();

    /**
     * A Route linked account Razorpay knows ({@code GET /v2/accounts/{id}} answers it with this
     * status: "created", "activated", "suspended", …).
     */
    public void linkedAccount(String accountId, String status) {
        linkedAccounts.put(accountId, status);
    }

    public FakeRazorpayServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** For {@code careerai.razorpay.api-base} ({@code RAZORPAY_API_BASE}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The last request to {@code path}. */
    public Request last(String path) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).path().equals(path)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no request to " + path + " among " + requests);
    }

    public JSONObject order(String orderId) {
        return orders.get(orderId);
    }

    /**
     * The student pays the order in Checkout: a captured payment of the order's amount, the order
     * paid. Returns the payment entity, as the webhooks carry it.
     */
    public JSONObject pay(String orderId) {
        JSONObject order = orders.get(orderId);
        if (order == null) {
            throw new AssertionError("no order " + orderId);
        }
        String id = "pay_" + String.format("%014d", sequence.incrementAndGet());
        JSONObject payment = new JSONObject()
                .put("id", id)
                .put("entity", "payment")
                .put("amount", order.getLong("amount"))
                .put("currency", order.getString("currency"))
                .put("status", "captured")
                .put("order_id", orderId)
                .put("method", "upi")
                .put("vpa", "student@okaxis")
                .put("captured", true)
                .put("amount_refunded", 0)
                .put("refund_status", JSONObject.NULL)
                .put("notes", order.getJSONObject("notes"))
                .put("created_at", System.currentTimeMillis() / 1000);
        payments.put(id, payment);
        order.put("status", "paid").put("amount_paid", order.getLong("amount")).put("amount_due", 0);
        return new JSONObject(payment.toString());
    }

    /** A failed attempt to pay the order (the student's UPI app declined); returns the payment entity. */
    public JSONObject failAttempt(String orderId) {
        JSONObject order = orders.get(orderId);
        String id = "pay_" + String.format("%014d", sequence.incrementAndGet());
        JSONObject payment = new JSONObject()
                .put("id", id)
                .put("entity", "payment")
                .put("amount", order.getLong("amount"))
                .put("currency", order.getString("currency"))
                .put("status", "failed")
                .put("order_id", orderId)
                .put("method", "upi")
                .put("captured", false)
                .put("amount_refunded", 0)
                .put("error_code", "BAD_REQUEST_ERROR")
                .put("error_description", "Payment was declined by the UPI app")
                .put("created_at", System.currentTimeMillis() / 1000);
        payments.put(id, payment);
        order.put("attempts", order.getInt("attempts") + 1).put("status", "attempted");
        return new JSONObject(payment.toString());
    }

    public JSONObject plan(String planId) {
        return plans.get(planId);
    }

    public JSONObject subscription(String subscriptionId) {
        return new JSONObject(subscriptions.get(subscriptionId).toString());
    }

    /**
     * Razorpay charges the subscription for a month (the first in Checkout, later ones on their own):
     * a captured payment of the plan's amount, with an order and an invoice of Razorpay's own; the
     * subscription active for the month. Returns the payment entity, as {@code subscription.charged}
     * carries it.
     */
    public JSONObject charge(String subscriptionId) {
        JSONObject subscription = subscriptions.get(subscriptionId);
        JSONObject item = plans.get(subscription.getString("plan_id")).getJSONObject("item");
        String id = "pay_" + String.format("%014d", sequence.incrementAndGet());
        long now = System.currentTimeMillis() / 1000;
        JSONObject payment = new JSONObject()
                .put("id", id)
                .put("entity", "payment")
                .put("amount", item.getLong("amount"))
                .put("currency", item.getString("currency"))
                .put("status", "captured")
                .put("order_id", "order_" + String.format("%014d", sequence.incrementAndGet()))
                .put("invoice_id", "inv_" + String.format("%014d", sequence.incrementAndGet()))
                .put("method", "upi")
                .put("captured", true)
                .put("amount_refunded", 0)
                .put("refund_status", JSONObject.NULL)
                .put("created_at", now);
        payments.put(id, payment);
        invoices.put(
                payment.getString("invoice_id"),
                new JSONObject()
                        .put("id", payment.getString("invoice_id"))
                        .put("entity", "invoice")
                        .put("subscription_id", subscriptionId)
                        .put("payment_id", id)
                        .put("order_id", payment.getString("order_id"))
                        .put("amount", payment.getLong("amount"))
                        .put("currency", payment.getString("currency"))
                        .put("status", "paid")
                        .put("paid_at", now));
        long paid = subscription.getLong("paid_count") + 1;
        subscription
                .put("status", "active")
                .put("paid_count", paid)
                .put("remaining_count", subscription.getLong("total_count") - paid)
                .put("current_start", now)
                .put("current_end", now + 30L * 24 * 3600)
                .put("charge_at", now + 30L * 24 * 3600);
        return new JSONObject(payment.toString());
    }

    /** Razorpay moves the subscription to {@code status} ({@code pending}, {@code halted}, {@code cancelled} …). */
    public JSONObject setStatus(String subscriptionId, String status) {
        JSONObject subscription = subscriptions.get(subscriptionId);
        subscription.put("status", status);
        if (status.equals("cancelled") || status.equals("completed")) {
            subscription.put("ended_at", System.currentTimeMillis() / 1000);
        }
        return new JSONObject(subscription.toString());
    }

    /** What Checkout's handler gives the page for a subscription: razorpay_subscription_id, razorpay_payment_id, razorpay_signature. */
    public static Map<String, String> subscriptionAnswer(String subscriptionId, String paymentId) {
        return Map.of(
                "razorpay_subscription_id", subscriptionId,
                "razorpay_payment_id", paymentId,
                "razorpay_signature", hmac(paymentId + "|" + subscriptionId, KEY_SECRET));
    }

    /**
     * A {@code subscription.*} webhook body as Razorpay sends it: the subscription entity as it is
     * now and, when given, the payment entity.
     */
    public String subscriptionEvent(String type, String subscriptionId, JSONObject payment) {
        JSONObject payload =
                new JSONObject().put("subscription", new JSONObject().put("entity", subscription(subscriptionId)));
        List<String> contains = new java.util.ArrayList<>(List.of("subscription"));
        if (payment != null) {
            payload.put("payment", new JSONObject().put("entity", payment));
            contains.add("payment");
        }
        return new JSONObject()
                .put("entity", "event")
                .put("account_id", "acc_careerai")
                .put("event", type)
                .put("contains", contains)
                .put("payload", payload)
                .put("created_at", System.currentTimeMillis() / 1000)
                .toString();
    }

    /** Razorpay refunds {@code amount} of a captured payment (as a dashboard refund); returns the refund entity. */
    public JSONObject refund(String paymentId, long amount) {
        JSONObject payment = payments.get(paymentId);
        payment.put("amount_refunded", payment.getLong("amount_refunded") + amount);
        return new JSONObject()
                .put("id", "rfnd_" + String.format("%014d", sequence.incrementAndGet()))
                .put("entity", "refund")
                .put("amount", amount)
                .put("currency", payment.getString("currency"))
                .put("payment_id", paymentId)
                .put("status", "processed")
                .put("created_at", System.currentTimeMillis() / 1000);
    }

    /** The payment as Razorpay holds it now. */
    public JSONObject payment(String paymentId) {
        return new JSONObject(payments.get(paymentId).toString());
    }

    /** What Checkout's handler gives the page: razorpay_order_id, razorpay_payment_id, razorpay_signature. */
    public static Map<String, String> checkoutAnswer(String orderId, String paymentId) {
        return Map.of(
                "razorpay_order_id", orderId,
                "razorpay_payment_id", paymentId,
                "razorpay_signature", hmac(orderId + "|" + paymentId, KEY_SECRET));
    }

    /** {@code X-Razorpay-Signature} of a webhook body. */
    public static String webhookSignature(String body) {
        return hmac(body, WEBHOOK_SECRET);
    }

    /** A webhook body as Razorpay sends it: {@code payment.captured} / {@code order.paid} / {@code refund.processed}. */
    public String event(String type, JSONObject payment, JSONObject refund) {
        JSONObject payload = new JSONObject().put("payment", new JSONObject().put("entity", payment));
        if (type.equals("order.paid")) {
            payload.put("order", new JSONObject().put("entity", orders.get(payment.getString("order_id"))));
        }
        if (refund != null) {
            payload.put("refund", new JSONObject().put("entity", refund));
        }
        return new JSONObject()
                .put("entity", "event")
                .put("account_id", "acc_careerai")
                .put("event", type)
                .put("contains", List.of(type.substring(0, type.indexOf('.'))))
                .put("payload", payload)
                .put("created_at", System.currentTimeMillis() / 1000)
                .toString();
    }

    public void reset() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String hmac(String data, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            requests.add(new Request(method, path, body.isBlank() ? new JSONObject() : new JSONObject(body), headers));
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString((KEY_ID + ":" + KEY_SECRET).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(headers.get("authorization"))) {
                answer(exchange, 401, error("BAD_REQUEST_ERROR", "Authentication failed"));
                return;
            }
            if (method.equals("POST") && path.equals("/v1/orders")) {
                JSONObject request = new JSONObject(body);
                String id = "order_" + String.format("%014d", sequence.incrementAndGet());
                JSONObject order = new JSONObject()
                        .put("id", id)
                        .put("entity", "order")
                        .put("amount", request.getLong("amount"))
                        .put("amount_paid", 0)
                        .put("amount_due", request.getLong("amount"))
                        .put("currency", request.getString("currency"))
                        .put("receipt", request.optString("receipt"))
                        .put("status", "created")
                        .put("attempts", 0)
                        .put(
                                "notes",
                                request.optJSONObject("notes") == null
                                        ? new JSONObject()
                                        : request.getJSONObject("notes"))
                        .put("created_at", System.currentTimeMillis() / 1000);
                if (request.optJSONArray("transfers") != null) {
                    order.put("transfers", request.getJSONArray("transfers"));
                }
                orders.put(id, order);
                answer(exchange, 200, order);
                return;
            }
            if (method.equals("POST") && path.equals("/v1/plans")) {
                JSONObject request = new JSONObject(body);
                JSONObject item = request.getJSONObject("item");
                String id = "plan_" + String.format("%014d", sequence.incrementAndGet());
                JSONObject plan = new JSONObject()
                        .put("id", id)
                        .put("entity", "plan")
                        .put("interval", request.getInt("interval"))
                        .put("period", request.getString("period"))
                        .put(
                                "item",
                                new JSONObject()
                                        .put("id", "item_" + String.format("%014d", sequence.incrementAndGet()))
                                        .put("name", item.getString("name"))
                                        .put("amount", item.getLong("amount"))
                                        .put("currency", item.getString("currency")))
                        .put("notes", request.optJSONObject("notes") == null ? new JSONObject() : request.get("notes"))
                        .put("created_at", System.currentTimeMillis() / 1000);
                plans.put(id, plan);
                answer(exchange, 200, plan);
                return;
            }
            if (method.equals("POST") && path.equals("/v1/subscriptions")) {
                JSONObject request = new JSONObject(body);
                if (!plans.containsKey(request.optString("plan_id"))) {
                    answer(exchange, 400, error("BAD_REQUEST_ERROR", "The id provided does not exist"));
                    return;
                }
                String id = "sub_" + String.format("%014d", sequence.incrementAndGet());
                JSONObject subscription = new JSONObject()
                        .put("id", id)
                        .put("entity", "subscription")
                        .put("plan_id", request.getString("plan_id"))
                        .put("status", "created")
                        .put("current_start", JSONObject.NULL)
                        .put("current_end", JSONObject.NULL)
                        .put("ended_at", JSONObject.NULL)
                        .put("quantity", request.optInt("quantity", 1))
                        .put("notes", request.optJSONObject("notes") == null ? new JSONObject() : request.get("notes"))
                        .put("total_count", request.getInt("total_count"))
                        .put("paid_count", 0)
                        .put("remaining_count", request.getInt("total_count"))
                        .put("customer_notify", request.optInt("customer_notify", 1))
                        .put("short_url", "https://rzp.io/i/" + id)
                        .put("has_scheduled_changes", false)
                        .put("created_at", System.currentTimeMillis() / 1000);
                subscriptions.put(id, subscription);
                answer(exchange, 200, subscription);
                return;
            }
            if (method.equals("GET") && path.equals("/v1/invoices")) {
                String query = exchange.getRequestURI().getQuery() == null
                        ? ""
                        : exchange.getRequestURI().getQuery();
                org.json.JSONArray items = new org.json.JSONArray();
                invoices.values().stream()
                        .filter(invoice -> query.contains("subscription_id=" + invoice.getString("subscription_id")))
                        .sorted(java.util.Comparator.comparing(invoice -> invoice.getString("id")))
                        .forEach(invoice -> items.put(invoice));
                answer(
                        exchange,
                        200,
                        new JSONObject()
                                .put("entity", "collection")
                                .put("count", items.length())
                                .put("items", items));
                return;
            }
            String[] parts = path.split("/");
            if (method.equals("GET") && parts.length == 4 && parts[1].equals("v2") && parts[2].equals("accounts")) {
                String status = linkedAccounts.get(parts[3]);
                if (status == null) {
                    answer(exchange, 400, error("BAD_REQUEST_ERROR", "The id provided does not exist"));
                    return;
                }
                answer(
                        exchange,
                        200,
                        new JSONObject()
                                .put("id", parts[3])
                                .put("type", "route")
                                .put("status", status)
                                .put("email", "expert@example.org")
                                .put("created_at", System.currentTimeMillis() / 1000));
                return;
            }
            if (method.equals("GET")
                    && parts.length == 4
                    && parts[2].equals("subscriptions")
                    && subscriptions.containsKey(parts[3])) {
                answer(exchange, 200, subscriptions.get(parts[3]));
                return;
            }
            if (method.equals("POST")
                    && parts.length == 5
                    && parts[2].equals("subscriptions")
                    && parts[4].equals("cancel")
                    && subscriptions.containsKey(parts[3])) {
                JSONObject subscription = subscriptions.get(parts[3]);
                JSONObject request = body.isBlank() ? new JSONObject() : new JSONObject(body);
                if (request.optInt("cancel_at_cycle_end", 0) == 1) {
                    subscription.put("has_scheduled_changes", true);
                } else {
                    subscription.put("status", "cancelled").put("ended_at", System.currentTimeMillis() / 1000);
                }
                answer(exchange, 200, subscription);
                return;
            }
            if (method.equals("GET")
                    && parts.length == 5
                    && parts[2].equals("orders")
                    && parts[4].equals("payments")
                    && orders.containsKey(parts[3])) {
                org.json.JSONArray items = new org.json.JSONArray();
                payments.values().stream()
                        .filter(payment -> parts[3].equals(payment.optString("order_id")))
                        .forEach(payment -> items.put(payment));
                answer(
                        exchange,
                        200,
                        new JSONObject()
                                .put("entity", "collection")
                                .put("count", items.length())
                                .put("items", items));
                return;
            }
            if (method.equals("GET")
                    && parts.length == 4
                    && parts[2].equals("orders")
                    && orders.containsKey(parts[3])) {
                answer(exchange, 200, orders.get(parts[3]));
                return;
            }
            if (method.equals("GET")
                    && parts.length == 4
                    && parts[2].equals("payments")
                    && payments.containsKey(parts[3])) {
                answer(exchange, 200, payments.get(parts[3]));
                return;
            }
            if (method.equals("POST")
                    && parts.length == 5
                    && parts[2].equals("payments")
                    && parts[4].equals("refund")
                    && payments.containsKey(parts[3])) {
                JSONObject payment = payments.get(parts[3]);
                JSONObject request = new JSONObject(body);
                long amount = request.optLong("amount", payment.getLong("amount") - payment.getLong("amount_refunded"));
                if (amount <= 0 || payment.getLong("amount_refunded") + amount > payment.getLong("amount")) {
                    answer(exchange, 400, error("BAD_REQUEST_ERROR", "The refund amount is invalid"));
                    return;
                }
                payment.put("amount_refunded", payment.getLong("amount_refunded") + amount);
                JSONObject refund = new JSONObject()
                        .put("id", "rfnd_" + String.format("%014d", sequence.incrementAndGet()))
                        .put("entity", "refund")
                        .put("amount", amount)
                        .put("currency", payment.getString("currency"))
                        .put("payment_id", parts[3])
                        .put("receipt", request.optString("receipt"))
                        .put("status", "processed")
                        .put("created_at", System.currentTimeMillis() / 1000);
                answer(exchange, 200, refund);
                return;
            }
            answer(exchange, 400, error("BAD_REQUEST_ERROR", "The id provided does not exist"));
        }
    }

    private static JSONObject error(String code, String description) {
        return new JSONObject().put("error", new JSONObject().put("code", code).put("description", description));
    }

    private static void answer(HttpExchange exchange, int status, JSONObject json) throws IOException {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
