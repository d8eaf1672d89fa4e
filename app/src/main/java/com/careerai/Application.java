package com.careerai;

import com.careerai.platform.config.InvalidSettingException;
import com.careerai.platform.config.StartupSettings;
import com.careerai.platform.embedded.AppDatabaseRoles;
import com.careerai.platform.embedded.DevServers;
import com.careerai.platform.embedded.EmbeddedPostgresServer;
import com.careerai.platform.embedded.EmbeddedRedisServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.logging.LogLevel;
import io.micronaut.logging.LoggingSystem;
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

    /**
     * Starts an embedded server, or says which variable to set when this jar was built without them
     * (the production build leaves their binaries out; {@code ./mvnw package -Pdev} packs them in).
     */
    private static <T> T embedded(String variable, java.util.function.Supplier<T> start) {
        try {
            return start.get();
        } catch (NoClassDefFoundError e) {
            throw new InvalidSettingException(
                    variable,
                    "is required: this jar carries no embedded database servers (build it with -Pdev, as"
                            + " ./run-demo does, to use them)");
        }
    }

    /** Starts the application; throws {@link InvalidSettingException} before anything starts. */
    static ApplicationContext start(String[] args, Map<String, String> env) {
        StartupSettings settings = StartupSettings.fromEnvironment(env);
        Map<String, Object> properties = new java.util.LinkedHashMap<>(settings.properties());
        // Embedded servers stop after the application (in reverse order of starting), in one
        // shutdown hook (see stopInOrder).
        Deque<AutoCloseable> embedded = new ArrayDeque<>();
        Path devDirectory = Path.of(".careerai").toAbsolutePath();
        if (settings.databaseUrl().isEmpty()) {
            Path dataDirectory = devDirectory.resolve("postgres");
            EmbeddedPostgresServer postgres =
                    embedded("DATABASE_URL", () -> EmbeddedPostgresServer.persistent(dataDirectory));
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
            EmbeddedRedisServer redis =
                    embedded("REDIS_URL", () -> EmbeddedRedisServer.persistent(devDirectory.resolve("redis")));
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
        // before Micronaut looks for its services: listed from the open jar, not a zip file system of it
        JarServiceIndex.install(Application.class.getClassLoader());
        ApplicationContext context;
        try {
            context = JarEntryResourceLoader.micronaut(args)
                    .mainClass(Application.class)
                    .defaultEnvironments("dev")
                    .properties(properties)
                    .start();
        } catch (RuntimeException e) {
            closeAll(embedded); // no embedded server outlives a failed start
            throw e;
        }
        if (!embedded.isEmpty()) {
            LoggingSystem logging = context.findBean(LoggingSystem.class).orElse(null);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> stopInOrder(context, logging, embedded), "careerai-stop"));
        }
        return context;
    }

    /**
     * Dev with embedded servers: Ctrl-C reaches the embedded PostgreSQL and Redis too (they are in
     * the terminal's process group), so they go down at the same moment as the application, and what
     * its jobs and pools would log about a vanishing database is noise; it is silenced. Micronaut's
     * own shutdown hook stops the application (stopping it here as well would deadlock on its
     * locks): this one waits for that, then stops whatever embedded server is still running.
     */
    private static void stopInOrder(ApplicationContext context, LoggingSystem logging, Deque<AutoCloseable> embedded) {
        System.out.println("Stopping CareerAI (data stays in .careerai/)…");
        if (logging != null) {
            logging.setLogLevel(Logger.ROOT_LOGGER_NAME, LogLevel.OFF);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closeAll(embedded);
        System.out.println("Stopped.");
    }

    private static void closeAll(Deque<AutoCloseable> embedded) {
        for (AutoCloseable server : embedded) {
            try {
                server.close();
            } catch (Exception e) {
                // already stopped (by the same Ctrl-C)
            }
        }
    }

    private static void exitWith(PrintStream err, String line) {
        err.println(line);
        System.exit(2);
    }
}
