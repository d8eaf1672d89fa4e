package com.careerai.bench;

import com.careerai.ai.RunService;
import com.careerai.auth.SignInService;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Mock-mode AI runs end to end: {@code RunService.start} (validate, debit + insert, enqueue) from
 * client threads, JobRunr workers in the same process (mock model, schema check, SUCCEEDED; the PDF
 * is made at its first download, so not here).
 * Reports runs/s from the first start to the last SUCCEEDED. Run by bench/ai-runs-throughput.sh.
 */
public final class AiRunThroughput {
    private AiRunThroughput() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", System.getenv("BENCH_DATABASE_URL"));
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.maximum-pool-size", clients + workers + 4);
        properties.put("careerai.redis.url", System.getenv().getOrDefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379"));
        properties.put("careerai.redis.key-prefix", "bench:");
        properties.put("careerai.roles", "web,worker");
        properties.put("careerai.jobs.workers", workers);
        properties.put("careerai.ai.mode", "mock");
        properties.put("careerai.tenancy.listen-for-changes", false);
        try (ApplicationContext context = ApplicationContext.run(properties, "bench")) {
            University university = context.getBean(UniversityAdministration.class)
                    .createIfAbsent(new NewUniversity("Bench", "bench", List.of("bench.edu"), 0, 0, "#1F4E79", null));
            List<SignedInUser> students = new ArrayList<>();
            // signed in with a code once, as tools require a verified email address
            SignInService signIns = context.getBean(SignInService.class);
            Wallets wallets = context.getBean(Wallets.class);
            for (int i = 0; i < 200; i++) {
                User user = signIns.completeEmailSignIn(university, "bench" + i + "@bench.edu");
                wallets.grant(university.id(), user.id(), Currency.SILVER, 100_000, "bench-ai:" + user.id(), "bench", "bench");
                students.add(SignedInUser.of(user));
            }
            ObjectNode input = new ObjectMapper().createObjectNode()
                    .put("jobTitle", "Graduate Analyst").put("company", "Acme")
                    .put("jobDescription", "A graduate analyst role working with SQL, Python and stakeholders on dashboards.")
                    .put("resume", "Jane Student. BSc Mathematics. Built data tools in Python, tutored statistics, led a "
                            + "team project analysing transport data with SQL and presented the results.")
                    .put("tone", "professional");
            RunService service = context.getBean(RunService.class);
            DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            for (int i = 0; i < 50; i++) { // warm-up: class loading, JIT
                service.start(students.get(i % students.size()), "job-pack", "silver", input);
            }
            waitUntilDone(dataSource, university.id(), 50, 120);
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < runs) {
                        service.start(students.get(i % students.size()), "job-pack", "silver", input);
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            double submitSeconds = (System.nanoTime() - started) / 1e9;
            waitUntilDone(dataSource, university.id(), 50 + runs, 900);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("RESULT runs=%d clients=%d workers=%d submit_per_s=%.0f end_to_end_per_s=%.1f seconds=%.1f%n",
                    runs, clients, workers, runs / submitSeconds, runs / seconds, seconds);
        }
    }

    private static void waitUntilDone(DataSource dataSource, long universityId, int expected, int timeoutSeconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement count = connection.prepareStatement(
                            "SELECT count(*) FILTER (WHERE status = 'SUCCEEDED'), count(*) FILTER (WHERE status IN ('FAILED', 'REFUNDED')) "
                                    + "FROM ai_runs WHERE university_id = ?")) {
                count.setLong(1, universityId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getLong(2) > 0) {
                        throw new IllegalStateException(rows.getLong(2) + " runs failed");
                    }
                    if (rows.getLong(1) >= expected) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("runs not done in " + timeoutSeconds + " s");
    }
}
