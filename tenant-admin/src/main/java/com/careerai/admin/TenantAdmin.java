package com.careerai.admin;

import com.careerai.platform.config.InvalidSettingException;
import com.careerai.platform.config.StartupSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs one tenant-admin command. The Micronaut context of the app (its services, no HTTP server,
 * no job worker, no migration at start-up) is started only when a command first needs it, so
 * {@code --help} and bad arguments never touch the database (docs/adr/0005).
 */
public final class TenantAdmin {
    private final Map<String, String> env;
    private final Map<String, Object> overrides;
    private final PrintWriter out;
    private final PrintWriter err;
    private ApplicationContext context;
    private boolean ownsContext;
    private boolean schemaChecked;

    /**
     * @param env the environment variables ({@code DATABASE_URL}, … as the app reads them)
     * @param overrides Micronaut properties set on top (tests: a Redis key prefix)
     */
    public TenantAdmin(Map<String, String> env, Map<String, Object> overrides, PrintWriter out, PrintWriter err) {
        this.env = Map.copyOf(env);
        this.overrides = Map.copyOf(overrides);
        this.out = out;
        this.err = err;
    }

    /** Runs on an already started context (see {@link #start}), which the caller keeps and closes. */
    public static TenantAdmin on(
            ApplicationContext context, Map<String, String> env, PrintWriter out, PrintWriter err) {
        TenantAdmin admin = new TenantAdmin(env, Map.of(), out, err);
        admin.context = context;
        return admin;
    }

    public static void main(String[] args) {
        // Before any logger exists: tenant-admin's quiet configuration, not the app's.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "tenant-admin-logback.xml");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(new TenantAdmin(System.getenv(), Map.of(), out, err).run(args));
    }

    /** Runs {@code args} and returns the exit code: 0 success, 1 failure, 2 bad usage or settings. */
    public int run(String... args) {
        CommandLine commandLine = TenantAdminCommand.commandLine(this, out, err);
        try {
            return commandLine.execute(args);
        } finally {
            if (ownsContext && context != null) {
                context.close();
                context = null;
            }
        }
    }

    /** The context, on a database whose schema matches this tool (see {@link SchemaVersion}). */
    ApplicationContext context() {
        ApplicationContext started = startedContext();
        if (!schemaChecked) {
            started.getBean(SchemaVersion.class).requireCurrent();
            schemaChecked = true;
        }
        return started;
    }

    <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /** The context without the schema check: {@code migrate} only. */
    ApplicationContext startedContext() {
        if (context == null) {
            context = start(env, overrides);
            ownsContext = true;
        }
        return context;
    }

    /**
     * Starts the app's context as tenant-admin uses it: settings from {@code env} exactly as the
     * app reads them, a database URL required, no worker, no listener, no migration at start-up.
     *
     * @throws InvalidSettingException naming the variable that is missing or malformed
     */
    public static ApplicationContext start(Map<String, String> env, Map<String, Object> overrides) {
        return ApplicationContext.builder()
                .environments(Environment.CLI)
                .properties(properties(env, overrides))
                .start();
    }

    /** Who acts, for the audit log: {@code operator:<TENANT_ADMIN_OPERATOR or the OS user>}. */
    String actor() {
        String name = env.getOrDefault("TENANT_ADMIN_OPERATOR", "").trim();
        return "operator:" + (name.isEmpty() ? System.getProperty("user.name") : name);
    }

    private static Map<String, Object> properties(Map<String, String> env, Map<String, Object> overrides) {
        StartupSettings settings = StartupSettings.fromEnvironment(env);
        if (settings.databaseUrl().isEmpty()) {
            throw new InvalidSettingException(
                    "DATABASE_URL",
                    "is required: tenant-admin works on the platform's database "
                            + "(e.g. jdbc:postgresql://db:5432/careerai), it never starts one");
        }
        Map<String, Object> properties = new LinkedHashMap<>(settings.properties());
        properties.put("careerai.roles", "web"); // never a job worker
        properties.put("careerai.outbox.after-commit", "enqueue"); // workers deliver events (and send mail)
        properties.put("careerai.demo", false);
        properties.put("careerai.tenancy.listen-for-changes", false);
        properties.put("careerai.database.migrate", false); // only `migrate` migrates
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.putAll(overrides);
        return properties;
    }
}
