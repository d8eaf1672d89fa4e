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
 * {@code POST /v1/orders}, {@code GET /v1/orders/{id}}, {@code GET /v1/payments/{id}} and
 * {@code POST /v1/payments/{id}/refund} (Route's {@code transfers} and {@code reverse_all} recorded) and
 * {@code GET /v2/accounts/{id}} (linked accounts, {@link #linkedAccount}) with Razorpay-shaped JSON (checking HTTP Basic auth with
 * {@link #KEY_ID}:{@link #KEY_SECRET}), records every request, and stands in for the student paying
 * in Checkout ({@link #pay}). Signatures are computed as Razorpay documents them: HMAC-SHA256, hex,
 * of {@code order_id|payment_id} with the key secret (Checkout) or of the raw body with the
 * webhook secret ({@code X-Razorpay-Signature}).
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
