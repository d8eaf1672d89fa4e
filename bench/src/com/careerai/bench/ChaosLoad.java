package com.careerai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The load of bench/chaos.sh: an SMTP server (GreenMail) and a Stripe API stand-in that the nodes
 * are configured with, then for CHAOS_SECONDS a steady mix of sign-ins (email codes read from the
 * SMTP server), mock AI runs, counselling bookings (some cancelled: refunds) and credit-pack
 * purchases (Checkout through the stand-in, then the signed {@code checkout.session.completed}
 * webhook sent to both web nodes, as Stripe redelivers). Every answer is counted per action and
 * status; every 5xx is written to {@code <dir>/load-5xx.log}. While {@code <dir>/redis.down}
 * exists it also checks that public pages still answer 200 and that sign-in says "try again".
 *
 * <p>Environment: CHAOS_DIR, CHAOS_WEB_PORTS (comma-separated), CHAOS_WAIT_PORTS (the workers'), CHAOS_SMTP_PORT,
 * CHAOS_STRIPE_PORT, CHAOS_WEBHOOK_SECRET, CHAOS_SECONDS, CHAOS_CLIENTS, CHAOS_BASE_DOMAIN.
 */
public final class ChaosLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final Path dir = Path.of(env("CHAOS_DIR", "bench/target/chaos"));
    private final List<Integer> webPorts = new ArrayList<>();
    private final String base = env("CHAOS_BASE_DOMAIN", "careerai.localhost");
    private final String host = "demo." + base;
    private final String webhookSecret = env("CHAOS_WEBHOOK_SECRET", "whsec_chaos");
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private GreenMail smtp;
    private final Map<String, Map<String, String>> checkoutMetadata = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger transportErrors = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> deliveredSessions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> undeliveredSessions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger redisDownPublicOk = new AtomicInteger();
    private final AtomicInteger redisDownPublicBad = new AtomicInteger();
    private final AtomicInteger redisDownSignInTryAgain = new AtomicInteger();
    private final AtomicInteger redisDownSignInOther = new AtomicInteger();
    private final AtomicInteger signInsAfterRedis = new AtomicInteger();
    private volatile boolean redisWasDown;
    private PrintWriter errorLog;

    public static void main(String[] args) throws Exception {
        new ChaosLoad().run();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    void run() throws Exception {
        for (String port : env("CHAOS_WEB_PORTS", "18081,18082").split(",")) {
            webPorts.add(Integer.parseInt(port.trim()));
        }
        Files.createDirectories(dir);
        errorLog = new PrintWriter(Files.newBufferedWriter(dir.resolve("load-5xx.log")), true);
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(env("CHAOS_SMTP_PORT", "3525")), "127.0.0.1", "smtp"))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        HttpServer stripe = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(env("CHAOS_STRIPE_PORT", "3580"))), 64);
        stripe.createContext("/", this::stripeApi);
        stripe.setExecutor(Executors.newFixedThreadPool(4));
        stripe.start();
        Files.writeString(dir.resolve("load.ready"), "ready\n");
        log("SMTP and Stripe stand-in listening; waiting for the web nodes");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(900);
        List<Integer> waitFor = new ArrayList<>(webPorts);
        for (String port : env("CHAOS_WAIT_PORTS", "").split(",")) {
            if (!port.isBlank()) {
                waitFor.add(Integer.parseInt(port.trim()));
            }
        }
        for (int port : waitFor) { // every node, workers too: the load and the chaos start together
            while (status(get(port, "/health", null, base)) != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("web node on port " + port + " did not come up");
                }
                Thread.sleep(500);
            }
        }
        log("web nodes up; signing in the first students");
        for (int i = 0; i < 6; i++) {
            signIn();
        }
        if (tokens.isEmpty()) {
            throw new IllegalStateException("no student could sign in: see " + dir.resolve("load-5xx.log"));
        }
        Files.writeString(dir.resolve("load.started"), Instant.now() + "\n");
        int seconds = Integer.parseInt(env("CHAOS_SECONDS", "240"));
        int clients = Integer.parseInt(env("CHAOS_CLIENTS", "6"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        step();
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        count("driver-error");
                        errorLog.println(Instant.now() + " driver error: " + e);
                    }
                }
            }, "client-" + i);
            thread.start();
            threads.add(thread);
        }
        Thread watcher = new Thread(() -> {
            while (System.nanoTime() < end) {
                try {
                    watchRedisOutage();
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "redis-watcher");
        watcher.start();
        for (Thread thread : threads) {
            thread.join();
        }
        watcher.join();
        // Stripe redelivers until it gets a 2xx: so do we, for the webhooks refused while a server was down
        List<String> retry = new ArrayList<>(undeliveredSessions);
        undeliveredSessions.clear();
        for (String session : retry) {
            deliverCheckoutCompleted(session, Duration.ofSeconds(90));
        }
        Files.write(dir.resolve("delivered-sessions.txt"), new ArrayList<>(deliveredSessions));
        Files.write(dir.resolve("undelivered-sessions.txt"), new ArrayList<>(undeliveredSessions));
        writeSummary();
        // keep SMTP and the Stripe stand-in up while the nodes drain (receipts, booking mails)
        for (int i = 0; i < 600 && !Files.exists(dir.resolve("load.stop")); i++) {
            Thread.sleep(1000);
        }
        stripe.stop(0);
        smtp.stop();
        errorLog.close();
        System.exit(0);
    }

    private void step() throws InterruptedException {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 10 || tokens.isEmpty()) {
            signIn();
        } else if (dice < 50) {
            aiRun();
        } else if (dice < 68) {
            purchase();
        } else if (dice < 88) {
            booking();
        } else {
            pages();
        }
    }

    // ---------------------------------------------------------------- actions

    private void signIn() throws InterruptedException {
        String email = "chaos" + sequence.incrementAndGet() + "@demo.edu";
        int port = anyPort();
        HttpResponse<String> requested = post(port, "/api/v1/auth/otp/request", null, "{\"email\":\"" + email + "\"}", host);
        record("signin-request", requested);
        if (status(requested) != 200 && status(requested) != 202 && status(requested) != 204) {
            return;
        }
        String code = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (code == null && System.nanoTime() < deadline) {
            code = codeFor(email);
            if (code == null) {
                Thread.sleep(200);
            }
        }
        if (code == null) {
            count("signin-code-never-arrived");
            errorLog.println(Instant.now() + " no sign-in code reached SMTP for " + email);
            return;
        }
        HttpResponse<String> verified = post(
                anyPort(), "/api/v1/auth/otp/verify", null,
                "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}", host);
        record("signin-verify", verified);
        if (status(verified) == 200) {
            tokens.add(json(verified).path("token").asText());
            if (redisWasDown && !Files.exists(dir.resolve("redis.down"))) {
                signInsAfterRedis.incrementAndGet();
            }
        }
    }

    private void aiRun() {
        String token = anyToken();
        boolean silver = ThreadLocalRandom.current().nextBoolean();
        String tool = silver ? "cv-analysis" : "job-pack";
        String input = silver
                ? "{\"resume\":\"" + resume() + "\",\"targetRole\":\"Data analyst\"}"
                : "{\"resume\":\"" + resume() + "\",\"jobTitle\":\"Data analyst\",\"company\":\"City Council\","
                        + "\"tone\":\"warm\",\"jobDescription\":\""
                        + "We need an analyst who writes SQL and explains results to people. ".repeat(3) + "\"}";
        HttpResponse<String> started = post(
                anyPort(), "/api/v1/tools/" + tool + "/runs", token,
                "{\"currency\":\"" + (silver ? "silver" : "gold") + "\",\"input\":" + input + "}", host);
        record("run-" + tool, started);
    }

    private void purchase() {
        String token = anyToken();
        HttpResponse<String> checkout = post(anyPort(), "/api/v1/billing/checkout", token, "{\"product\":\"gold-10\"}", host);
        record("checkout", checkout);
        if (status(checkout) != 200 && status(checkout) != 201) {
            return;
        }
        String session = json(checkout).path("sessionId").asText();
        deliverCheckoutCompleted(session, Duration.ZERO);
    }

    private void deliverCheckoutCompleted(String session, Duration keepTrying) {
        Map<String, String> metadata = checkoutMetadata.get(session);
        if (metadata == null) {
            count("checkout-without-stripe-session");
            return;
        }
        ObjectNode object = JSON.createObjectNode();
        object.put("id", session);
        object.put("object", "checkout.session");
        object.put("mode", "payment");
        object.put("status", "complete");
        object.put("payment_status", "paid");
        object.put("amount_total", 900);
        object.put("amount_subtotal", 900);
        object.put("currency", "usd");
        object.put("customer", "cus_chaos" + Math.abs(session.hashCode()));
        object.put("client_reference_id", metadata.get("payment_id"));
        ObjectNode meta = object.putObject("metadata");
        metadata.forEach(meta::put);
        object.put("payment_intent", "pi_" + session);
        object.putNull("subscription");
        object.putNull("invoice");
        object.put("livemode", false);
        ObjectNode event = JSON.createObjectNode();
        event.put("id", "evt_" + session.substring(3)); // one event per session, replayed as Stripe does
        event.put("object", "event");
        event.put("api_version", "2026-07-29.dahlia");
        event.put("created", Instant.now().getEpochSecond());
        event.putObject("data").set("object", object);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.putObject("request").putNull("id");
        event.put("type", "checkout.session.completed");
        String payload = event.toString();
        long until = System.nanoTime() + keepTrying.toNanos();
        boolean delivered = false;
        do {
            // both web nodes get it, concurrently: a redelivery racing the first delivery
            List<Thread> senders = new ArrayList<>();
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            for (int port : webPorts) {
                Thread sender = new Thread(() -> {
                    HttpResponse<String> answer = webhook(port, payload);
                    record("webhook", answer);
                    statuses.add(status(answer));
                });
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                try {
                    sender.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            delivered = statuses.stream().anyMatch(status -> status == 200);
            if (!delivered && System.nanoTime() < until) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } while (!delivered && System.nanoTime() < until);
        (delivered ? deliveredSessions : undeliveredSessions).add(session);
    }

    private void booking() {
        String token = anyToken();
        int port = anyPort();
        HttpResponse<String> counsellors = get(port, "/api/v1/counsellors", token, host);
        record("counsellors", counsellors);
        if (status(counsellors) != 200) {
            return;
        }
        List<String[]> choices = new ArrayList<>();
        for (JsonNode counsellor : json(counsellors)) {
            for (JsonNode type : counsellor.path("sessionTypes")) {
                if (type.path("price").hasNonNull("gold")) {
                    choices.add(new String[] {counsellor.path("id").asText(), type.path("slug").asText()});
                }
            }
        }
        if (choices.isEmpty()) {
            count("no-paid-session-types");
            return;
        }
        String[] choice = choices.get(ThreadLocalRandom.current().nextInt(choices.size()));
        LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(2 + ThreadLocalRandom.current().nextInt(20));
        HttpResponse<String> slots = get(port, "/api/v1/counsellors/" + choice[0] + "/slots?type=" + choice[1]
                + "&from=" + from + "&to=" + from.plusDays(2) + "&tz=UTC", token, host);
        record("slots", slots);
        JsonNode list = status(slots) == 200 ? json(slots).path("slots") : JSON.createArrayNode();
        if (list.isEmpty()) {
            return;
        }
        String start = list.get(ThreadLocalRandom.current().nextInt(list.size())).path("start").asText();
        HttpResponse<String> booked = post(anyPort(), "/api/v1/appointments", token,
                "{\"counsellorId\":" + choice[0] + ",\"sessionType\":\"" + choice[1] + "\",\"start\":\"" + start + "\"}",
                host);
        record("book", booked);
        if (status(booked) == 201 && ThreadLocalRandom.current().nextInt(3) == 0) {
            String id = json(booked).path("id").asText();
            record("cancel", post(anyPort(), "/api/v1/appointments/" + id + "/cancel", token,
                    "{\"reason\":\"Chaos says no\"}", host));
        }
    }

    private void pages() {
        String token = anyToken();
        int port = anyPort();
        record("page-home", get(port, "/", null, host));
        record("page-university", get(port, "/api/v1/university", null, host));
        record("page-wallet", get(port, "/api/v1/wallet", token, host));
        record("page-runs", get(port, "/api/v1/runs", token, host));
    }

    /** While Redis is down: public pages keep answering, sign-in asks to try again (503), never a 500. */
    private void watchRedisOutage() {
        if (!Files.exists(dir.resolve("redis.down"))) {
            return;
        }
        redisWasDown = true;
        for (int port : webPorts) {
            for (String path : List.of("/", "/api/v1/university", "/signin")) {
                int status = status(get(port, path, null, host));
                (status == 200 ? redisDownPublicOk : redisDownPublicBad).incrementAndGet();
                if (status != 200) {
                    errorLog.println(Instant.now() + " Redis down: GET " + path + " on :" + port + " answered " + status);
                }
            }
            HttpResponse<String> signIn = post(port, "/api/v1/auth/otp/request", null,
                    "{\"email\":\"redisdown" + sequence.incrementAndGet() + "@demo.edu\"}", host);
            String body = signIn == null ? "" : signIn.body();
            if (status(signIn) == 503 && body.toLowerCase().contains("try again")) {
                redisDownSignInTryAgain.incrementAndGet();
            } else {
                redisDownSignInOther.incrementAndGet();
                errorLog.println(Instant.now() + " Redis down: sign-in answered " + status(signIn) + " " + abbreviate(body));
            }
        }
    }

    // ---------------------------------------------------------------- the Stripe stand-in

    private void stripeApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/checkout/sessions")) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String id = "cs_chaos_" + sequence.incrementAndGet() + "x" + Long.toHexString(System.nanoTime());
            Map<String, String> metadata = new LinkedHashMap<>();
            parameters.forEach((name, value) -> {
                if (name.startsWith("metadata[")) {
                    metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
                }
            });
            checkoutMetadata.put(id, metadata);
            ObjectNode session = JSON.createObjectNode();
            session.put("id", id);
            session.put("object", "checkout.session");
            session.put("url", "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/pay/" + id);
            session.put("mode", parameters.getOrDefault("mode", "payment"));
            session.put("status", "open");
            session.put("payment_status", "unpaid");
            session.put("amount_total", Long.parseLong(parameters.getOrDefault("line_items[0][price_data][unit_amount]", "0")));
            session.put("currency", parameters.getOrDefault("line_items[0][price_data][currency]", "usd"));
            session.put("client_reference_id", parameters.get("client_reference_id"));
            session.set("metadata", JSON.valueToTree(metadata));
            session.put("livemode", false);
            session.put("created", Instant.now().getEpochSecond());
            send(exchange, 200, session.toString());
        } else {
            send(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---------------------------------------------------------------- HTTP and bookkeeping

    private HttpResponse<String> webhook(int port, String payload) {
        long timestamp = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return exchange(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/stripe"))
                    .header("Host", base)
                    .header("Content-Type", "application/json")
                    .header("Stripe-Signature", "t=" + timestamp + ",v1=" + signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload)), "POST /webhooks/stripe");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(int port, String path, String token, String hostHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Host", hostHeader)
                .header("Accept", path.startsWith("/api/") || path.equals("/health") ? "application/json" : "text/html")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(port, request, "GET " + path);
    }

    private HttpResponse<String> post(int port, String path, String token, String json, String hostHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Host", hostHeader)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(port, request, "POST " + path);
    }

    private HttpResponse<String> exchange(int port, HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                if (response.statusCode() == 503) {
                    unavailable.incrementAndGet();
                } else {
                    serverErrors.incrementAndGet();
                }
                errorLog.println(Instant.now() + " " + response.statusCode() + " " + what + " on :" + port
                        + (Files.exists(dir.resolve("redis.down")) ? " [redis down]" : "")
                        + (Files.exists(dir.resolve("pg.down")) ? " [postgres restarting]" : "")
                        + " " + abbreviate(response.body()));
            }
            return response;
        } catch (IOException e) {
            transportErrors.incrementAndGet();
            errorLog.println(Instant.now() + " transport error " + what + " on :" + port + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void record(String action, HttpResponse<String> response) {
        count(action + " " + (response == null ? "no-answer" : Integer.toString(response.statusCode())));
    }

    private void count(String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private String codeFor(String email) {
        MimeMessage[] messages = smtp.getReceivedMessagesForDomain(email);
        for (int i = messages.length - 1; i >= 0; i--) {
            Matcher matcher = CODE.matcher(GreenMailUtil.getBody(messages[i]));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private int anyPort() {
        return webPorts.get(ThreadLocalRandom.current().nextInt(webPorts.size()));
    }

    private String anyToken() {
        return tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()));
    }

    private static String resume() {
        return ("Jane Student. BSc Statistics 2026. Built a SQL dashboard used by 40 staff; cut report time by half. "
                        + "Tutored 12 first-year students in R and Python. Internship at a city council data team. ")
                .repeat(2);
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private void writeSummary() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("students_signed_in=" + tokens.size());
        lines.add("server_errors_5xx_not_503=" + serverErrors.get());
        lines.add("unavailable_503=" + unavailable.get());
        lines.add("transport_errors=" + transportErrors.get());
        lines.add("webhook_sessions_delivered=" + deliveredSessions.size());
        lines.add("webhook_sessions_never_accepted=" + undeliveredSessions.size());
        lines.add("redis_down_public_pages_ok=" + redisDownPublicOk.get());
        lines.add("redis_down_public_pages_not_ok=" + redisDownPublicBad.get());
        lines.add("redis_down_signin_try_again=" + redisDownSignInTryAgain.get());
        lines.add("redis_down_signin_other=" + redisDownSignInOther.get());
        lines.add("signins_after_redis_back=" + signInsAfterRedis.get());
        int total = counts.entrySet().stream()
                .filter(e -> e.getKey().matches(".* (\\d{3}|no-answer)"))
                .mapToInt(e -> e.getValue().get())
                .sum();
        lines.add("requests=" + total);
        new java.util.TreeMap<>(counts).forEach((key, value) -> lines.add("count " + key + "=" + value.get()));
        Files.write(dir.resolve("load.summary"), lines);
        log("load finished: " + total + " requests");
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " load: " + message);
    }

    @SuppressWarnings("unused")
    private static Random random() {
        return ThreadLocalRandom.current();
    }
}
