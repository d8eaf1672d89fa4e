package com.careerai;

import com.careerai.platform.config.InvalidSettingException;
import com.careerai.platform.config.StartupSettings;
import com.careerai.platform.embedded.AppDatabaseRoles;
import com.careerai.platform.embedded.DevServers;
import com.careerai.platform.embedded.EmbeddedPostgresServer;
import com.careerai.platform.embedded.EmbeddedRedisServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts CareerAI: checks the settings, brings up embedded servers in dev, then Micronaut. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "CareerAI API",
                        version = "1",
                        description = "Served on each university's host (<subdomain>.<base domain>). Errors are "
                                + "{\"error\": code, \"message\", \"fields\"?}."))
public final class Application {
    static {
        // ical4j (counselling's .ics) registers a java.time ZoneRulesProvider that logs when it loads.
        // Load the zone providers before logging starts, so that log line is not caught mid-way
        // through SLF4J's own start-up (which prints "replayed" warnings to stderr).
        java.time.zone.ZoneRulesProvider.getAvailableZoneIds();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    public static void main(String[] args) {
        try {
            start(args, System.getenv());
        } catch (InvalidSettingException e) {
            exitWith(System.err, e.getMessage());
        }
    }

    /** Starts the application; throws {@link InvalidSettingException} before anything starts. */
    static ApplicationContext start(String[] args, Map<String, String> env) {
        StartupSettings settings = StartupSettings.fromEnvironment(env);
        Map<String, Object> properties = new java.util.LinkedHashMap<>(settings.properties());
        // Embedded servers stop after the application (in reverse order of starting), in one
        // shutdown hook: nothing of the application may still poll a database that is gone.
        Deque<AutoCloseable> embedded = new ArrayDeque<>();
        Path devDirectory = Path.of(".careerai").toAbsolutePath();
        if (settings.databaseUrl().isEmpty()) {
            Path dataDirectory = devDirectory.resolve("postgres");
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.persistent(dataDirectory);
            embedded.push(postgres);
            String url = postgres.database("careerai");
            AppDatabaseRoles.ensure(url);
            properties.put("datasources.default.url", url);
            properties.put("datasources.default.username", AppDatabaseRoles.APP_LOGIN);
            properties.put("datasources.default.password", AppDatabaseRoles.APP_PASSWORD);
            properties.put("careerai.database.migration-user", "postgres");
            properties.put("careerai.database.migration-password", "");
            LOG.warn(
                    "*** DATABASE_URL is not set: using EMBEDDED PostgreSQL on port {} with data in {} ***",
                    postgres.port(),
                    dataDirectory);
        }
        if (settings.redisUrl().isEmpty()) {
            EmbeddedRedisServer redis = EmbeddedRedisServer.persistent(devDirectory.resolve("redis"));
            embedded.push(redis);
            properties.put("careerai.redis.url", redis.uri().toString());
            LOG.warn(
                    "*** REDIS_URL is not set: using EMBEDDED Redis at {} with data in {} ***",
                    redis.uri(),
                    devDirectory.resolve("redis"));
        }
        if (!embedded.isEmpty()) {
            DevServers.write(
                    devDirectory,
                    settings.databaseUrl().isEmpty() ? (String) properties.get("datasources.default.url") : null,
                    settings.redisUrl().isEmpty() ? (String) properties.get("careerai.redis.url") : null,
                    properties);
        }
        ApplicationContext[] started = new ApplicationContext[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopInOrder(started[0], embedded), "careerai-stop"));
        started[0] = Micronaut.build(args)
                .mainClass(Application.class)
                .defaultEnvironments("dev")
                .properties(properties)
                .start();
        return started[0];
    }

    /** Stops the application (waiting for Micronaut's own hook if it is already stopping), then the servers. */
    private static void stopInOrder(ApplicationContext context, Deque<AutoCloseable> embedded) {
        if (context != null) {
            context.stop(); // synchronized: returns once the context is stopped, whoever stopped it
        }
        for (AutoCloseable server : embedded) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.debug("Embedded server did not stop cleanly", e);
            }
        }
    }

    private static void exitWith(PrintStream err, String line) {
        err.println(line);
        System.exit(2);
    }
}
