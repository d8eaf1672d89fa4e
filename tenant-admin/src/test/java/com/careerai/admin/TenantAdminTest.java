package com.careerai.admin;

import static org.awaitility.Awaitility.await;

import com.careerai.platform.embedded.AppDatabaseRoles;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RawHttp;
import com.careerai.testing.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.RedisClient;

/**
 * Base of tenant-admin tests: a new database per class, migrated by the tool's own
 * {@code migrate}; commands run on one tenant-admin context (started as {@code main} starts it);
 * {@link #app()} starts the real app on the same database and Redis channel when a test needs to
 * see what students would see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantAdminTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    /** What a command did. */
    record Result(int exitCode, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) parse();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jsonList() {
            return (List<Map<String, Object>>) parse();
        }

        private Object parse() {
            try {
                return JSON.readValue(out, Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    protected Map<String, String> env;
    protected Map<String, Object> overrides;
    protected ApplicationContext admin;
    private EmbeddedServer app;

    @BeforeAll
    void startTenantAdmin() {
        env = new HashMap<>();
        env.put("DATABASE_URL", TestServers.newDatabase());
        // As in production: the app's login role for every command, the owner for `migrate`.
        env.put("DATABASE_USER", AppDatabaseRoles.APP_LOGIN);
        env.put("DATABASE_PASSWORD", AppDatabaseRoles.APP_PASSWORD);
        env.put("DATABASE_MIGRATION_USER", "postgres");
        env.put("REDIS_URL", TestServers.redisUrl());
        env.put("CAREERAI_BASE_DOMAIN", IntegrationTest.BASE_DOMAIN);
        env.put("TENANT_ADMIN_OPERATOR", "ops-tester");
        overrides = Map.of("careerai.redis.key-prefix", TestServers.newRedisPrefix());
        Result migrated = runFresh("migrate");
        if (migrated.exitCode() != 0) {
            throw new IllegalStateException("migrate failed: " + migrated.err());
        }
        admin = TenantAdmin.start(env, overrides);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.getApplicationContext().close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    /** Runs a command on the class's tenant-admin context. */
    protected Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = TenantAdmin.on(admin, env, new PrintWriter(out), new PrintWriter(err))
                .run(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Runs a command as {@code main} does: settings from {@code env}, a context of its own. */
    protected Result runFresh(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new TenantAdmin(environment, overrides, new PrintWriter(out), new PrintWriter(err)).run(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    protected Result runFresh(String... args) {
        return runFresh(env, args);
    }

    /** The app, serving tenant pages from this class's database, with a cache that outlives the test. */
    protected EmbeddedServer app() {
        if (app == null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("micronaut.server.port", -1);
            properties.put("datasources.default.url", env.get("DATABASE_URL"));
            properties.put("datasources.default.username", AppDatabaseRoles.APP_LOGIN);
            properties.put("datasources.default.password", AppDatabaseRoles.APP_PASSWORD);
            properties.put("careerai.database.migrate", false);
            properties.put("careerai.redis.url", env.get("REDIS_URL"));
            properties.putAll(overrides);
            properties.put("careerai.base-domain", IntegrationTest.BASE_DOMAIN);
            properties.put("careerai.roles", "web");
            properties.put("careerai.tenant-cache-ttl", "1h");
            app = ApplicationContext.run(EmbeddedServer.class, properties);
            // The app hears of changes once its subscription is live; wait for it, never sleep.
            RedisClient redis = admin.getBean(RedisClient.class);
            String channel = overrides.get("careerai.redis.key-prefix") + "tenancy:changed";
            // PUBLISH answers how many subscribers received it; an empty name evicts nothing.
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.publish(channel, "") > 0);
        }
        return app;
    }

    /** GET {@code path} on the app as a browser on {@code subdomain}'s site would. */
    protected RawHttp.Answer page(String subdomain, String path) {
        return RawHttp.get(app().getPort(), path, "Host: " + IntegrationTest.hostOf(subdomain), "text/html");
    }

    /** One line of stderr: the tool's failures are never more. */
    protected static String oneLine(Result result) {
        String err = result.err().strip();
        if (err.contains("\n")) {
            throw new AssertionError("expected one line on stderr, got:\n" + err);
        }
        return err;
    }
}
