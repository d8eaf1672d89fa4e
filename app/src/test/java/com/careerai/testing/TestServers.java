package com.careerai.testing;

import com.careerai.platform.data.TestMigrations;
import com.careerai.platform.embedded.AppDatabaseRoles;
import com.careerai.platform.embedded.EmbeddedPostgresServer;
import com.careerai.platform.embedded.EmbeddedRedisServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL and one Redis per test JVM: embedded (real binaries) by default, or the servers
 * named by {@code CAREERAI_TEST_DATABASE_URL} / {@code CAREERAI_TEST_REDIS_URL}. Each test class
 * gets a database of its own.
 */
public final class TestServers {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private static EmbeddedPostgresServer embeddedPostgres;
    private static EmbeddedRedisServer embeddedRedis;
    private static String migratedTemplate;
    private static RuntimeException templateFailure;

    private TestServers() {}

    /**
     * A new database holding this build's schema; returns its JDBC URL (user {@code postgres}, no password).
     * Each is a copy of one template migrated once per test JVM ({@code CREATE DATABASE … TEMPLATE}), so a
     * context's start finds its schema history current and skips Flyway (ADR 0029), as a node's start on a
     * migrated database does: migrating all 110 was 1.1–2.5 s of every context's start (ADR 0088).
     */
    public static synchronized String newDatabase() {
        if (migratedTemplate == null) {
            if (templateFailure != null) { // every later class names the first cause, not "already exists"
                throw new IllegalStateException("The test template database could not be migrated", templateFailure);
            }
            try {
                String url = createDatabase("careerai_t" + RUN + "_template", null);
                TestMigrations.migrate(url, "postgres", "");
            } catch (RuntimeException e) {
                templateFailure = e;
                throw e;
            }
            migratedTemplate = "careerai_t" + RUN + "_template";
        }
        return createDatabase("careerai_t" + RUN + "_" + DATABASES.incrementAndGet(), migratedTemplate);
    }

    /** A new database without any schema (for tests of migrating one); returns its JDBC URL. */
    public static synchronized String newEmptyDatabase() {
        return createDatabase("careerai_t" + RUN + "_" + DATABASES.incrementAndGet(), null);
    }

    /** Creates {@code name}, a copy of {@code template} when one is named, with the app's roles ensured. */
    private static String createDatabase(String name, String template) {
        String server = serverUrl();
        try (Connection connection = DriverManager.getConnection(server, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + server, e);
        }
        // No user in the URL: a user named there would override the one the application logs in as.
        String url = server.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        AppDatabaseRoles.ensure(url);
        return url;
    }

    /** A URL of an existing database on the test server, to create others from. */
    private static String serverUrl() {
        String external = System.getenv("CAREERAI_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embeddedPostgres == null) {
            embeddedPostgres = EmbeddedPostgresServer.ephemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(embeddedPostgres::close));
        }
        return embeddedPostgres.database("postgres");
    }

    public static synchronized String redisUrl() {
        String external = System.getenv("CAREERAI_TEST_REDIS_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embeddedRedis == null) {
            embeddedRedis = EmbeddedRedisServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(embeddedRedis::close));
        }
        return embeddedRedis.uri().toString();
    }

    /** A new directory for the local file storage of one test class, under target/ (cleaned with the build). */
    public static String newStorageDirectory() {
        return java.nio.file.Path.of("target", "test-files", RUN + "-" + DATABASES.incrementAndGet())
                .toAbsolutePath()
                .toString();
    }

    /** A key prefix no other test class uses, so classes never see each other's Redis keys. */
    public static String newRedisPrefix() {
        return "t" + RUN + ":" + DATABASES.incrementAndGet() + ":";
    }
}
