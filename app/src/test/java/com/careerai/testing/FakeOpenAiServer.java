package com.careerai.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local OpenAI-compatible HTTP server for tests: answers {@code POST /v1/chat/completions} with
 * scripted behaviours (valid JSON, invalid JSON, an error status, a hang), then a default.
 * The real openai-java SDK talks to it through {@code careerai.ai.base-url}.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    /** What to do with one request. */
    public sealed interface Behaviour {}

    /** Answer 200 with this assistant content. */
    public record Reply(String content) implements Behaviour {}

    /** Answer with this HTTP status and an OpenAI-style error body. */
    public record Status(int code) implements Behaviour {}

    /** Do not answer for this long (longer than the client's timeout). */
    public record Hang(Duration duration) implements Behaviour {}

    /** Answer 200 with this content once {@code release} is counted down (a minute at most). */
    public record Held(CountDownLatch release, String content) implements Behaviour {}

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Behaviour> script = new ConcurrentLinkedQueue<>();
    private final List<String> models = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private volatile Function<String, Behaviour> fallback = body -> new Status(500);

    public FakeOpenAiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** Base URL for {@code OPENAI_BASE_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queue behaviours for the next requests, in order. */
    public FakeOpenAiServer then(Behaviour... behaviours) {
        script.addAll(List.of(behaviours));
        return this;
    }

    /** What to do once the script is used up; receives the request body. */
    public FakeOpenAiServer otherwise(Function<String, Behaviour> fallback) {
        this.fallback = fallback;
        return this;
    }

    public void reset() {
        script.clear();
        models.clear();
        fallback = body -> new Status(500);
    }

    /** How many requests a {@link Held} behaviour is holding right now. */
    public int held() {
        return held.get();
    }

    /** Models named by the requests received so far, in order. */
    public List<String> models() {
        return List.copyOf(models);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher model = MODEL.matcher(body);
        models.add(model.find() ? model.group(1) : "?");
        Behaviour behaviour = script.poll();
        if (behaviour == null) {
            behaviour = fallback.apply(body);
        }
        if (behaviour instanceof Reply reply) {
            send(exchange, 200, completion(reply.content()));
        } else if (behaviour instanceof Status status) {
            send(
                    exchange,
                    status.code(),
                    "{\"error\":{\"message\":\"scripted " + status.code()
                            + "\",\"type\":\"server_error\",\"code\":null}}");
        } else if (behaviour instanceof Held hold) {
            held.incrementAndGet();
            try {
                hold.release().await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.decrementAndGet();
            }
            send(exchange, 200, completion(hold.content()));
        } else if (behaviour instanceof Hang hang) {
            try {
                release.await(hang.duration().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        }
    }

    private static String completion(String content) {
        String escaped = content.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("\r", "");
        return "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"test\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + escaped
                + "\",\"refusal\":null},\"finish_reason\":\"stop\",\"logprobs\":null}],"
                + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":80,\"total_tokens\":200}}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
