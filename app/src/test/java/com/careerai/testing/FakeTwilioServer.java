package com.careerai.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for the parts of Twilio's REST API CareerAI calls: the real twilio-java SDK
 * talks to it through {@code careerai.twilio.api-base}. {@code POST …/Messages.json} and
 * {@code POST …/Calls.json} answer 201 with Twilio-shaped JSON; every request is recorded (path,
 * decoded form, headers) so tests can count what was sent. {@link #failNextAfterReceiving} makes
 * the next call to one number be received and recorded — it "went out" — but answered with an
 * error.
 */
public final class FakeTwilioServer implements AutoCloseable {
    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "twilio-test-auth-token";

    /** One API request: method, path, decoded form parameters, headers (lower-case names). */
    public record Request(String method, String path, Map<String, String> parameters, Map<String, String> headers) {
        public String parameter(String name) {
            return parameters.get(name);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Planned failures, keyed by path suffix and recipient (E.164, {@code whatsapp:} stripped). */
    private final Map<List<String>, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();

    private final AtomicInteger sequence = new AtomicInteger();

    public FakeTwilioServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The properties that point the application's Twilio at this stand-in, every channel configured. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("careerai.twilio.account-sid", ACCOUNT_SID);
        properties.put("careerai.twilio.auth-token", AUTH_TOKEN);
        properties.put("careerai.twilio.whatsapp-from", "+14155238886");
        properties.put("careerai.twilio.voice-from", "+14155550100");
        properties.put("careerai.twilio.api-base", baseUrl());
        return properties;
    }

    /**
     * The next call to a path ending in {@code pathSuffix} ("/Messages.json", "/Calls.json") for
     * this phone number is recorded, then answered with this status (as if the answer was lost on
     * the way back). Keyed by the number so another lead's follow-up, still in flight from an
     * earlier test, cannot take the failure.
     */
    public FakeTwilioServer failNextAfterReceiving(String pathSuffix, String phone, int status) {
        failures.put(List.of(pathSuffix, phone), status);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> messages() {
        return requests.stream()
                .filter(r -> r.path().endsWith("/Messages.json"))
                .toList();
    }

    public List<Request> calls() {
        return requests.stream().filter(r -> r.path().endsWith("/Calls.json")).toList();
    }

    /** Requests sent to this phone number (E.164), messages ({@code whatsapp:} stripped) and calls. */
    public List<Request> to(String phone) {
        return requests.stream()
                .filter(r -> phone.equals(r.parameter("To")) || ("whatsapp:" + phone).equals(r.parameter("To")))
                .toList();
    }

    public void reset() {
        requests.clear();
        failures.clear();
    }

    /** The {@code X-Twilio-Signature} Twilio would send for a callback to {@code url} with these parameters. */
    public static String signature(String url, Map<String, String> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> parameters = form(body);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
        requests.add(new Request(exchange.getRequestMethod(), path, parameters, headers));
        String to = parameters.getOrDefault("To", "");
        String phone = to.startsWith("whatsapp:") ? to.substring("whatsapp:".length()) : to;
        Integer failure = failures.keySet().stream()
                .filter(key -> path.endsWith(key.get(0)) && key.get(1).equals(phone))
                .findFirst()
                .map(failures::remove)
                .orElse(null);
        if (failure != null) {
            respond(
                    exchange,
                    failure,
                    "{\"code\": 20500, \"message\": \"Internal error\", \"status\": " + failure + "}");
            return;
        }
        int n = sequence.incrementAndGet();
        if (path.endsWith("/Messages.json")) {
            respond(
                    exchange,
                    201,
                    "{\"sid\": \"SM" + String.format("%032d", n) + "\", \"account_sid\": \"" + ACCOUNT_SID
                            + "\", \"status\": \"queued\", \"to\": \"" + parameters.get("To") + "\", \"from\": \""
                            + parameters.get("From") + "\", \"body\": \"" + escape(parameters.get("Body")) + "\"}");
        } else if (path.endsWith("/Calls.json")) {
            respond(
                    exchange,
                    201,
                    "{\"sid\": \"CA" + String.format("%032d", n) + "\", \"account_sid\": \"" + ACCOUNT_SID
                            + "\", \"status\": \"queued\", \"to\": \"" + parameters.get("To") + "\", \"from\": \""
                            + parameters.get("From") + "\"}");
        } else {
            respond(exchange, 404, "{\"code\": 20404, \"message\": \"Not found\", \"status\": 404}");
        }
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return parameters;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
