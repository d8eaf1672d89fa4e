package com.careerai.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the parts of the Stripe API CareerAI calls, for tests: the real stripe-java
 * client talks to it through {@code careerai.billing.api-base}. It answers
 * {@code POST /v1/checkout/sessions}, {@code POST /v1/billing_portal/sessions} and
 * {@code GET /v1/invoice_payments}, {@code GET /v1/checkout/sessions/<id>} and {@code /v1/invoices/<id>}
 * (objects registered with {@link #object}, or a checkout whose status a test or an expiry set, see
 * {@link #completeCheckout}), {@code POST /v1/checkout/sessions/<id>/expire}, Connect's
 * {@code POST /v1/accounts} (idempotent) and {@code POST /v1/account_links},
 * and {@code POST /v1/refunds} (against charges registered with
 * {@link #charge}, honouring {@code Idempotency-Key} as Stripe does) with Stripe-shaped JSON and records every request (form
 * parameters decoded, headers) so tests can assert what was sent. Its checkout and portal URLs
 * point at itself ({@code GET /pay/<session>} and {@code /portal/<session>} answer a small page),
 * so a browser can follow the redirect.
 */
public final class FakeStripeServer implements AutoCloseable {
    /** One request received: method, path, decoded form or query parameters, and headers (lower-case names). */
    public record Request(String method, String path, Map<String, String> parameters, Map<String, String> headers) {
        public String parameter(String name) {
            return parameters.get(name);
        }

        /** The {@code metadata[…]} parameters of a checkout, as the webhook events will carry them. */
        public Map<String, String> metadata() {
            Map<String, String> metadata = new LinkedHashMap<>();
            parameters.forEach((name, value) -> {
                if (name.startsWith("metadata[") && name.endsWith("]")) {
                    metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
                }
            });
            return metadata;
        }
    }

    /** An error to answer the next API call with, as Stripe would. */
    public record Failure(int status, String type, String message) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, String> invoicesByPaymentIntent = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, long[]> chargesByPaymentIntent = new ConcurrentHashMap<>();
    private final Map<String, String> chargeIds = new ConcurrentHashMap<>();
    private final Map<String, String> refundsByIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final Map<String, String> accountsByIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, String> checkoutStatus = new ConcurrentHashMap<>();
    private final Map<String, Boolean> accountsEnabled = new ConcurrentHashMap<>();
    private volatile Hold hold;

    public FakeStripeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** For {@code careerai.billing.api-base} ({@code STRIPE_API_BASE}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next API call with this error instead. */
    public FakeStripeServer failNext(int status, String type, String message) {
        failures.add(new Failure(status, type, message));
        return this;
    }

    /**
     * Registers the charge of a payment intent ({@code amount} taken, nothing refunded yet) so that
     * {@code POST /v1/refunds} can refund it; returns the charge's id.
     */
    public String charge(String paymentIntent, long amount) {
        String chargeId = "ch_test_" + sequence.incrementAndGet();
        chargesByPaymentIntent.put(paymentIntent, new long[] {amount, 0});
        chargeIds.put(paymentIntent, chargeId);
        return chargeId;
    }

    /** The charge of a registered payment intent's refunded total so far. */
    public long refunded(String paymentIntent) {
        return chargesByPaymentIntent.get(paymentIntent)[1];
    }

    /** Makes {@code GET /v1/invoice_payments?payment[payment_intent]=…} name this invoice. */
    public FakeStripeServer invoicePaidBy(String paymentIntent, String invoice) {
        invoicesByPaymentIntent.put(paymentIntent, invoice);
        return this;
    }

    /**
     * Makes {@code GET /v1/checkout/sessions/<id>} (or {@code /v1/invoices/<id>}) answer this JSON,
     * as Stripe reports the object now; objects not registered are 404 {@code resource_missing}.
     */
    public FakeStripeServer object(String id, String json) {
        objects.put(id, json);
        return this;
    }

    /** Makes {@code GET /v1/accounts/{id}} say the account finished onboarding (charges and payouts enabled). */
    public FakeStripeServer finishOnboarding(String accountId) {
        accountsEnabled.put(accountId, true);
        return this;
    }

    /** Marks a checkout paid, as the student paying on Stripe's page would: it can no longer be expired. */
    public FakeStripeServer completeCheckout(String sessionId) {
        checkoutStatus.put(sessionId, "complete");
        return this;
    }

    /** A checkout's status here: open, complete or expired. */
    public String checkoutStatus(String sessionId) {
        return checkoutStatus.getOrDefault(sessionId, "open");
    }

    /** API requests received so far (not the pages), oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The API requests to this path, oldest first. */
    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** The latest request to this path. */
    public Request last(String path) {
        List<Request> matching = requests(path);
        if (matching.isEmpty()) {
            throw new AssertionError("no request to " + path + " among " + requests);
        }
        return matching.get(matching.size() - 1);
    }

    public void reset() {
        Hold hold = this.hold;
        if (hold != null) {
            hold.release();
        }
        this.hold = null;
        requests.clear();
        failures.clear();
        invoicesByPaymentIntent.clear();
        chargesByPaymentIntent.clear();
        chargeIds.clear();
        refundsByIdempotencyKey.clear();
        objects.clear();
        accountsByIdempotencyKey.clear();
        checkoutStatus.clear();
        accountsEnabled.clear();
    }

    /**
     * Holds every API call that arrives from now on, unanswered, until {@link Hold#release()} (or a
     * minute), as a slow or stuck provider would.
     */
    public Hold hold() {
        Hold hold = new Hold();
        this.hold = hold;
        return hold;
    }

    /** API calls held unanswered; see {@link #hold()}. */
    public static final class Hold {
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger waiting = new AtomicInteger();

        /** How many calls are being held right now. */
        public int waiting() {
            return waiting.get();
        }

        /** Answers every held call, and every later one at once. */
        public void release() {
            released.countDown();
        }

        private void await() {
            waiting.incrementAndGet();
            try {
                released.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Hold holding = hold;
        if (holding != null && path.startsWith("/v1/")) {
            holding.await();
        }
        if (path.startsWith("/pay/") || path.startsWith("/portal/") || path.startsWith("/onboard/")) {
            page(exchange, path);
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> parameters = form(exchange.getRequestMethod().equals("GET") ? query : body);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
        requests.add(new Request(exchange.getRequestMethod(), path, parameters, headers));
        Failure failure = failures.poll();
        if (failure != null) {
            send(
                    exchange,
                    failure.status(),
                    "{\"error\":{\"type\":\"" + failure.type() + "\",\"message\":\"" + failure.message() + "\"}}");
            return;
        }
        if (!headers.getOrDefault("authorization", "").startsWith("Bearer sk_")) {
            send(exchange, 401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key\"}}");
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && path.startsWith("/v1/accounts/")) {
            String id = path.substring("/v1/accounts/".length());
            boolean enabled = accountsEnabled.getOrDefault(id, false);
            send(
                    exchange,
                    200,
                    "{\"id\":\"" + id + "\",\"object\":\"account\",\"type\":\"express\",\"charges_enabled\":" + enabled
                            + ",\"payouts_enabled\":" + enabled + ",\"details_submitted\":" + enabled + "}");
            return;
        }
        if (exchange.getRequestMethod().equals("POST")
                && path.startsWith("/v1/checkout/sessions/")
                && path.endsWith("/expire")) {
            expireCheckoutSession(
                    exchange, path.substring("/v1/checkout/sessions/".length(), path.length() - "/expire".length()));
            return;
        }
        if (exchange.getRequestMethod().equals("GET")
                && (path.startsWith("/v1/checkout/sessions/") || path.startsWith("/v1/invoices/"))) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            String json = objects.get(id);
            String status = checkoutStatus.get(id);
            if (json == null && status != null && path.startsWith("/v1/checkout/sessions/")) {
                json = "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"status\":\"" + status
                        + "\",\"mode\":\"payment\",\"livemode\":false}";
            }
            if (json == null) {
                send(
                        exchange,
                        404,
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                                + "\"message\":\"No such object: '" + id + "'\"}}");
            } else {
                send(exchange, 200, json);
            }
            return;
        }
        switch (exchange.getRequestMethod() + " " + path) {
            case "POST /v1/checkout/sessions" -> send(exchange, 200, checkoutSession(parameters));
            case "POST /v1/accounts" -> send(exchange, 200, account(parameters, headers.get("idempotency-key")));
            case "POST /v1/account_links" -> send(exchange, 200, accountLink(parameters));
            case "POST /v1/billing_portal/sessions" -> send(exchange, 200, portalSession(parameters));
            case "GET /v1/invoice_payments" -> send(exchange, 200, invoicePayments(parameters));
            case "POST /v1/refunds" -> refund(exchange, parameters, headers.get("idempotency-key"));
            default ->
                send(
                        exchange,
                        404,
                        "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL ("
                                + exchange.getRequestMethod() + ": " + path + ")\"}}");
        }
    }

    /**
     * {@code POST …/{id}/expire}: only an open session (any this server created and no test marked
     * complete) can be expired; afterwards {@code GET …/{id}} reports it expired.
     */
    private void expireCheckoutSession(HttpExchange exchange, String id) throws IOException {
        if (!"open".equals(checkoutStatus(id))) {
            send(
                    exchange,
                    400,
                    "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Only Checkout Sessions with a"
                            + " status in [\\\"open\\\"] can be expired.\"}}");
            return;
        }
        checkoutStatus.put(id, "expired");
        send(
                exchange,
                200,
                "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"status\":\"expired\","
                        + "\"mode\":\"payment\",\"livemode\":false}");
    }

    private String account(Map<String, String> parameters, String idempotencyKey) {
        if (idempotencyKey != null && accountsByIdempotencyKey.containsKey(idempotencyKey)) {
            return accountsByIdempotencyKey.get(idempotencyKey);
        }
        String id = "acct_test" + sequence.incrementAndGet();
        String json = "{\"id\":\"" + id + "\",\"object\":\"account\",\"type\":" + quotedOrNull(parameters.get("type"))
                + ",\"email\":" + quotedOrNull(parameters.get("email"))
                + ",\"charges_enabled\":false,\"payouts_enabled\":false,\"details_submitted\":false,"
                + "\"created\":" + (System.currentTimeMillis() / 1000) + "}";
        if (idempotencyKey != null) {
            accountsByIdempotencyKey.put(idempotencyKey, json);
        }
        return json;
    }

    private String accountLink(Map<String, String> parameters) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"object\":\"account_link\",\"url\":\"" + baseUrl() + "/onboard/" + parameters.get("account")
                + "\",\"created\":" + now + ",\"expires_at\":" + (now + 300) + "}";
    }

    private String checkoutSession(Map<String, String> parameters) {
        String id = "cs_test_" + sequence.incrementAndGet() + "a1b2c3";
        String mode = parameters.getOrDefault("mode", "payment");
        long amount = Long.parseLong(parameters.getOrDefault("line_items[0][price_data][unit_amount]", "0"));
        String currency = parameters.getOrDefault("line_items[0][price_data][currency]", "usd");
        StringBuilder metadata = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (name.startsWith("metadata[")) {
                metadata.append(metadata.isEmpty() ? "" : ",")
                        .append('"')
                        .append(name, "metadata[".length(), name.length() - 1)
                        .append("\":\"")
                        .append(value)
                        .append('"');
            }
        });
        return "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"url\":\"" + baseUrl() + "/pay/" + id
                + "\",\"mode\":\"" + mode + "\",\"status\":\"open\",\"payment_status\":\"unpaid\","
                + "\"amount_total\":" + amount + ",\"currency\":\"" + currency + "\",\"customer\":"
                + quotedOrNull(parameters.get("customer")) + ",\"customer_email\":"
                + quotedOrNull(parameters.get("customer_email")) + ",\"client_reference_id\":"
                + quotedOrNull(parameters.get("client_reference_id")) + ",\"success_url\":"
                + quotedOrNull(parameters.get("success_url")) + ",\"cancel_url\":"
                + quotedOrNull(parameters.get("cancel_url")) + ",\"metadata\":{" + metadata + "},"
                + "\"livemode\":false,\"created\":" + (System.currentTimeMillis() / 1000) + "}";
    }

    private void refund(HttpExchange exchange, Map<String, String> parameters, String idempotencyKey)
            throws IOException {
        if (idempotencyKey != null && refundsByIdempotencyKey.containsKey(idempotencyKey)) {
            send(exchange, 200, refundsByIdempotencyKey.get(idempotencyKey));
            return;
        }
        String paymentIntent = parameters.get("payment_intent");
        long[] charge = paymentIntent == null ? null : chargesByPaymentIntent.get(paymentIntent);
        if (charge == null) {
            send(
                    exchange,
                    400,
                    "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                            + "\"message\":\"No such payment_intent: '" + paymentIntent + "'\"}}");
            return;
        }
        String json;
        synchronized (charge) {
            long left = charge[0] - charge[1];
            long amount = parameters.containsKey("amount") ? Long.parseLong(parameters.get("amount")) : left;
            if (amount <= 0 || amount > left) {
                send(
                        exchange,
                        400,
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"amount_too_large\","
                                + "\"message\":\"Refund amount is greater than unrefunded amount on charge.\"}}");
                return;
            }
            charge[1] += amount;
            String chargeId = chargeIds.get(paymentIntent);
            String chargeJson = "{\"id\":\"" + chargeId + "\",\"object\":\"charge\",\"amount\":" + charge[0]
                    + ",\"amount_refunded\":" + charge[1] + ",\"refunded\":" + (charge[1] >= charge[0])
                    + ",\"currency\":\"usd\",\"paid\":true,\"status\":\"succeeded\",\"payment_intent\":\""
                    + paymentIntent + "\"}";
            json = "{\"id\":\"re_test_" + sequence.incrementAndGet() + "\",\"object\":\"refund\",\"amount\":"
                    + amount + ",\"currency\":\"usd\",\"status\":\"succeeded\",\"payment_intent\":\""
                    + paymentIntent + "\",\"charge\":"
                    + ("charge".equals(parameters.get("expand[0]")) ? chargeJson : "\"" + chargeId + "\"")
                    + ",\"reason\":" + quotedOrNull(parameters.get("reason")) + ",\"created\":"
                    + (System.currentTimeMillis() / 1000) + "}";
        }
        if (idempotencyKey != null) {
            refundsByIdempotencyKey.put(idempotencyKey, json);
        }
        send(exchange, 200, json);
    }

    private String portalSession(Map<String, String> parameters) {
        String id = "bps_test_" + sequence.incrementAndGet();
        return "{\"id\":\"" + id + "\",\"object\":\"billing_portal.session\",\"url\":\"" + baseUrl() + "/portal/" + id
                + "\",\"customer\":" + quotedOrNull(parameters.get("customer")) + ",\"return_url\":"
                + quotedOrNull(parameters.get("return_url")) + ",\"livemode\":false}";
    }

    private String invoicePayments(Map<String, String> parameters) {
        String paymentIntent = parameters.get("payment[payment_intent]");
        String invoice = paymentIntent == null ? null : invoicesByPaymentIntent.get(paymentIntent);
        String data = invoice == null
                ? ""
                : "{\"id\":\"inpay_test_" + sequence.incrementAndGet() + "\",\"object\":\"invoice_payment\","
                        + "\"invoice\":\"" + invoice + "\",\"is_default\":true,\"status\":\"paid\","
                        + "\"payment\":{\"type\":\"payment_intent\",\"payment_intent\":\"" + paymentIntent + "\"}}";
        return "{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":false,\"url\":\"/v1/invoice_payments\"}";
    }

    private static void page(HttpExchange exchange, String path) throws IOException {
        String html = "<!doctype html><title>Stripe test</title><h1>Test "
                + (path.startsWith("/pay/")
                        ? "checkout"
                        : path.startsWith("/onboard/") ? "onboarding" : "customer portal")
                + "</h1><p data-session>"
                + path.substring(path.lastIndexOf('/') + 1) + "</p>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quotedOrNull(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        List<String> pairs = new ArrayList<>(List.of(encoded.split("&")));
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_test");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
