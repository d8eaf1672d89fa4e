package com.careerai.testing;

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

    private TestServers() {}

    /** A new, empty database; returns its JDBC URL (user {@code postgres}, no password). */
    public static synchronized String newDatabase() {
        String name = "careerai_t" + RUN + "_" + DATABASES.incrementAndGet();
        String external = System.getenv("CAREERAI_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            try (Connection connection = DriverManager.getConnection(external, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create test database on " + external, e);
            }
            String url = external.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
            AppDatabaseRoles.ensure(url);
            return url;
        }
        if (embeddedPostgres == null) {
            embeddedPostgres = EmbeddedPostgresServer.ephemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(embeddedPostgres::close));
        }
        String url = embeddedPostgres.database(name);
        AppDatabaseRoles.ensure(url);
        return url;
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
