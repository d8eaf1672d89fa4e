package com.careerai;

import com.careerai.platform.config.InvalidSettingException;
import com.careerai.platform.config.StartupSettings;
import com.careerai.platform.embedded.AppDatabaseRoles;
import com.careerai.platform.embedded.EmbeddedPostgresServer;
import com.careerai.platform.embedded.EmbeddedRedisServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import java.io.PrintStream;
import java.nio.file.Path;
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
        if (settings.databaseUrl().isEmpty()) {
            Path dataDirectory = Path.of(".careerai", "postgres").toAbsolutePath();
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.persistent(dataDirectory);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
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
            EmbeddedRedisServer redis = EmbeddedRedisServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "embedded-redis-stop"));
            properties.put("careerai.redis.url", redis.uri().toString());
            LOG.warn("*** REDIS_URL is not set: using EMBEDDED Redis at {} ***", redis.uri());
        }
        return Micronaut.build(args)
                .mainClass(Application.class)
                .defaultEnvironments("dev")
                .properties(properties)
                .start();
    }

    private static void exitWith(PrintStream err, String line) {
        err.println(line);
        System.exit(2);
    }
}
