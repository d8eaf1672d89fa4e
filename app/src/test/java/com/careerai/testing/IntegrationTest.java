package com.careerai.testing;

import com.careerai.platform.embedded.AppDatabaseRoles;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every test that starts the application: a fresh database and Redis key space for the
 * class, a random HTTP port, and the web role only (job tests add {@code worker}). Subclasses are
 * annotated {@code @MicronautTest(transactional = false)} and may add properties.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest implements TestPropertyProvider {
    public static final String BASE_DOMAIN = "careerai.test";

    private Map<String, String> properties;

    @Override
    public final Map<String, String> getProperties() {
        if (properties == null) {
            properties = new HashMap<>(baseProperties());
            properties.putAll(extraProperties());
        }
        return properties;
    }

    /** The properties of a CareerAI context on a new database; used by tests that start several. */
    public static Map<String, String> baseProperties() {
        Map<String, String> base = new HashMap<>();
        base.put("micronaut.server.port", "-1");
        // The application connects as the non-owner login role, under the database's tenant wall;
        // migrations run as the owner (ADR 0010).
        base.put("datasources.default.url", TestServers.newDatabase());
        base.put("datasources.default.username", AppDatabaseRoles.APP_LOGIN);
        base.put("datasources.default.password", AppDatabaseRoles.APP_PASSWORD);
        base.put("careerai.database.migration-user", "postgres");
        base.put("careerai.database.migration-password", "");
        base.put("careerai.redis.url", TestServers.redisUrl());
        base.put("careerai.redis.key-prefix", TestServers.newRedisPrefix());
        base.put("careerai.base-domain", BASE_DOMAIN);
        base.put("careerai.site-url", "http://{subdomain}." + BASE_DOMAIN);
        base.put("careerai.roles", "web");
        base.put("careerai.storage.local-directory", TestServers.newStorageDirectory());
        return base;
    }

    /** Properties a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /**
     * A number from this class's database, read over a connection of the test's own (outside the
     * application's pool and transactions), e.g. {@code count("SELECT count(*) FROM t WHERE x = ?", x)}.
     */
    protected long count(String sql, Object... parameters) {
        try (java.sql.Connection connection = ownerConnection();
                java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Changes this class's database as its owner ({@code postgres}), outside the application's pool
     * and row-level security: for arranging what no service offers, e.g. an active subscription.
     */
    protected void execute(String sql, Object... parameters) {
        try (java.sql.Connection connection = ownerConnection();
                java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A connection of the test's own to this class's database as its owner ({@code postgres}):
     * outside the application's pool, transactions and row-level security. The caller closes it.
     */
    protected java.sql.Connection ownerConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(getProperties().get("datasources.default.url"), "postgres", "");
    }

    /** The Host header of a university's site in tests. */
    public static String hostOf(String subdomain) {
        return subdomain + "." + BASE_DOMAIN;
    }
}
