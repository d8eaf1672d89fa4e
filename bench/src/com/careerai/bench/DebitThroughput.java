package com.careerai.bench;

import com.careerai.credits.Currency;
import com.careerai.credits.InsufficientCreditsException;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.embedded.AppDatabaseRoles;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Debit throughput through the application's real path: {@link Wallets#debit} in a Micronaut
 * context (transaction interceptor, Hikari pool, ledger INSERT + conditional UPDATE) against the
 * PostgreSQL that pgbench measures in the same run. Not a test: run by bench/debit-throughput.sh.
 *
 * <pre>
 * java -cp app.jar:classes com.careerai.bench.DebitThroughput setup &lt;env-file&gt;
 * java -cp app.jar:classes com.careerai.bench.DebitThroughput run &lt;clients&gt; &lt;seconds&gt;
 * </pre>
 */
public final class DebitThroughput {
    static final String FEATURE = "bench";

    private DebitThroughput() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(Path.of(args[1]), Integer.parseInt(env("BENCH_WALLETS", "1000")));
            case "run" -> run(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("setup <env-file> | run <clients> <seconds>");
        }
    }

    /** Creates the bench university and its students with plenty of silver; writes ids for pgbench. */
    static void setup(Path envFile, int walletCount) throws SQLException, IOException {
        AppDatabaseRoles.ensure(env("BENCH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/careerai_bench"));
        try (ApplicationContext context = start(4)) {
            University university = context.getBean(UniversityAdministration.class)
                    .createIfAbsent(new NewUniversity("Bench", "bench", List.of("bench.edu"), 0, 0, "#1F4E79", null));
            context.getBean(UnitOfWork.class).runBound(university.id(), () -> fund(context, university, walletCount, envFile));
        }
    }

    private static void fund(ApplicationContext context, University university, int walletCount, Path envFile) {
        try {
            DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            long first;
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO users (university_id, email, name, role) SELECT ?, 'bench' || g || '@bench.edu',"
                                + " 'Bench ' || g, 'STUDENT' FROM generate_series(1, ?) g ON CONFLICT DO NOTHING")) {
                    insert.setLong(1, university.id());
                    insert.setInt(2, walletCount);
                    insert.executeUpdate();
                }
                try (PreparedStatement range = connection.prepareStatement(
                        "SELECT min(id), max(id), count(*) FROM users WHERE university_id = ? AND role = 'STUDENT'")) {
                    range.setLong(1, university.id());
                    try (ResultSet rows = range.executeQuery()) {
                        rows.next();
                        first = rows.getLong(1);
                        if (rows.getLong(2) - first + 1 != walletCount || rows.getLong(3) != walletCount) {
                            throw new IllegalStateException("bench students are not a contiguous id range: drop careerai_bench");
                        }
                    }
                }
            }
            Wallets wallets = context.getBean(Wallets.class);
            for (long userId = first; userId < first + walletCount; userId++) {
                wallets.grant(university.id(), userId, Currency.SILVER, 100_000, "bench:" + userId, "bench", "bench funds");
            }
            Files.writeString(
                    envFile,
                    "UNIVERSITY_ID=" + university.id() + "\nFIRST_USER_ID=" + first + "\nWALLETS=" + walletCount + "\n");
            System.out.println("setup: university " + university.id() + ", " + walletCount + " wallets from user " + first);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Debits random bench wallets from {@code clients} threads; prints debits per second after a warm-up. */
    static void run(int clients, int seconds) throws Exception {
        try (ApplicationContext context = start(clients + 2)) {
            University university = context.getBean(UniversityAdministration.class)
                    .findBySubdomain("bench")
                    .orElseThrow(() -> new IllegalStateException("run setup first"));
            UnitOfWork units = context.getBean(UnitOfWork.class);
            long first = units.bound(university.id(), () -> firstStudent(context, university.id()));
            int walletCount = Integer.parseInt(env("BENCH_WALLETS", "1000"));
            Wallets wallets = context.getBean(Wallets.class);

            measure(units, wallets, university.id(), first, walletCount, clients, 5); // warm-up: JIT, pool, plans
            double perSecond = measure(units, wallets, university.id(), first, walletCount, clients, seconds);
            System.out.printf("RESULT app clients=%d seconds=%d tps=%.1f%n", clients, seconds, perSecond);
        }
    }

    private static double measure(
            UnitOfWork units,
            Wallets wallets,
            long universityId, long first, int walletCount, int clients, int seconds)
            throws InterruptedException {
        LongAdder done = new LongAdder();
        LongAdder refused = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // Each client works as a request of the bench university would: bound to it.
            Thread thread = new Thread(() -> units.runBound(universityId, () -> {
                while (running.get()) {
                    long userId = first + ThreadLocalRandom.current().nextInt(walletCount);
                    try {
                        wallets.debit(universityId, userId, FEATURE, Currency.SILVER, UUID.randomUUID());
                        done.increment();
                    } catch (InsufficientCreditsException e) {
                        refused.increment();
                    }
                }
            }));
            threads.add(thread);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (refused.sum() > 0) {
            System.out.println("warning: " + refused.sum() + " debits refused (wallets ran dry: re-run setup)");
        }
        return done.sum() / elapsed;
    }

    private static long firstStudent(ApplicationContext context, long universityId) {
        DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT min(id) FROM users WHERE university_id = ? AND role = 'STUDENT'")) {
            statement.setLong(1, universityId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApplicationContext start(int poolSize) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", env("BENCH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/careerai_bench"));
        // RLS on: the app's login role (default). RLS off: BENCH_DATABASE_USER=postgres, a superuser,
        // which row-level security does not hold back.
        String user = env("BENCH_DATABASE_USER", AppDatabaseRoles.APP_LOGIN);
        properties.put("datasources.default.username", user);
        properties.put(
                "datasources.default.password",
                user.equals(AppDatabaseRoles.APP_LOGIN) ? AppDatabaseRoles.APP_PASSWORD : env("BENCH_DATABASE_PASSWORD", ""));
        properties.put("careerai.database.migration-user", "postgres");
        properties.put("datasources.default.maximum-pool-size", poolSize);
        properties.put("datasources.default.minimum-idle", poolSize);
        properties.put("careerai.redis.url", env("BENCH_REDIS_URL", "redis://127.0.0.1:6379"));
        properties.put("careerai.roles", "web");
        properties.put("careerai.credits.costs." + FEATURE + ".silver", 1);
        return ApplicationContext.run(properties, "bench");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
