package com.careerai.bench;

import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.UniversityAdministration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sign-in code latency: from sending {@code POST /api/v1/auth/otp/request} to the email's arrival
 * at an SMTP server (GreenMail in this process, watched every millisecond). Mode {@code deliver}
 * is the outbox's default (sent right after commit, web role only); {@code enqueue} sends through
 * the JobRunr job only (as before the outbox), for comparison. Run by bench/signin-mail-latency.sh.
 *
 * <p>Arguments: mode, requests, concurrent clients.
 */
public final class SignInMailLatency {
    private SignInMailLatency() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int requests = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.url", System.getenv("BENCH_DATABASE_URL"));
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        properties.put("careerai.redis.url", System.getenv().getOrDefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379"));
        properties.put("careerai.redis.key-prefix", "bench-mail:" + System.nanoTime() + ":");
        // deliver: a web-only node; deliver-worker: the same delivery on a web + worker node
        properties.put("careerai.roles", mode.equals("deliver") ? "web" : "web,worker");
        properties.put("careerai.outbox.after-commit", mode.startsWith("deliver") ? "deliver" : mode);
        properties.put("careerai.tenancy.listen-for-changes", false);
        properties.put("careerai.auth.otp.requests-per-ip", 1_000_000);
        properties.put("careerai.mail.smtp-host", "127.0.0.1");
        properties.put("careerai.mail.smtp-port", smtp.getSmtp().getPort());
        properties.put("careerai.mail.smtp-starttls", false);
        properties.put("careerai.mail.from", "CareerAI <no-reply@careerai.bench>");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "bench")) {
            server.getApplicationContext()
                    .getBean(UniversityAdministration.class)
                    .createIfAbsent(new NewUniversity("Bench", "bench", List.of("bench.edu"), 0, 0, "#1F4E79", null));
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create(server.getURL() + "/api/v1/auth/otp/request");
            String host = "bench.careerai.localhost";
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            Thread watcher = new Thread(() -> watch(smtp, arrived), "smtp-watcher");
            watcher.setDaemon(true);
            watcher.start();

            String run = Long.toString(System.nanoTime(), 36);
            for (int i = 0; i < 20; i++) { // warm-up: class loading, JIT, pools
                request(http, uri, host, "warm" + i + "-" + run + "@bench.edu");
            }
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                emails.add("s" + i + "-" + run + "@bench.edu");
            }
            Map<String, Long> sent = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (String email : emails) {
                pool.execute(() -> {
                    long start = System.nanoTime();
                    int status = request(http, uri, host, email);
                    if (status != 202) {
                        throw new IllegalStateException("status " + status + " for " + email);
                    }
                    sent.put(email, start);
                    // waits without spinning: eight spinning clients took the two cores from the app
                    synchronized (arrived) {
                        while (!arrived.containsKey(email)) {
                            long left = TimeUnit.SECONDS.toNanos(60) - (System.nanoTime() - start);
                            if (left <= 0) {
                                throw new IllegalStateException("no email for " + email + " within 60 s");
                            }
                            try {
                                arrived.wait(Math.max(1, left / 1_000_000));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.MINUTES);
            List<Double> millis = new ArrayList<>();
            for (String email : emails) {
                Long start = sent.get(email);
                Long end = arrived.get(email);
                if (start != null && end != null) {
                    millis.add((end - start) / 1_000_000.0);
                }
            }
            Collections.sort(millis);
            System.out.printf(
                    "RESULT mode=%s requests=%d clients=%d arrived=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                    mode,
                    requests,
                    clients,
                    millis.size(),
                    percentile(millis, 50),
                    percentile(millis, 95),
                    percentile(millis, 99),
                    millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1));
        } finally {
            smtp.stop();
        }
        System.exit(0);
    }

    private static int request(HttpClient http, URI uri, String host, String email) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Host", host)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records when each recipient's first email is seen: woken by GreenMail when a message arrives
     * (not polling, which took CPU from the app under test), then wakes the waiting clients.
     */
    private static void watch(GreenMail smtp, Map<String, Long> arrived) {
        int seen = 0;
        while (!Thread.currentThread().isInterrupted()) {
            if (!smtp.waitForIncomingEmail(1000, seen + 1)) {
                continue;
            }
            long now = System.nanoTime();
            MimeMessage[] messages = smtp.getReceivedMessages();
            for (int i = seen; i < messages.length; i++) {
                try {
                    for (Address to : messages[i].getRecipients(Message.RecipientType.TO)) {
                        arrived.putIfAbsent(to.toString().toLowerCase(), now);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            seen = messages.length;
            synchronized (arrived) {
                arrived.notifyAll();
            }
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
