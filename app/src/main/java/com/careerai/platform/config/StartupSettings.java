package com.careerai.platform.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The environment variables that decide how the process starts, checked before Micronaut starts
 * so that a missing or malformed one stops start-up with one line naming it.
 *
 * @param databaseUrl JDBC URL of PostgreSQL, empty when the embedded server should be used
 * @param migrationUser owner of the schema that applies migrations ({@code DATABASE_MIGRATION_USER});
 *     empty: the application's own user
 * @param redisUrl {@code redis://host:port}, empty when the embedded server should be used
 * @param production whether the {@code prod} environment is active (no embedded servers)
 */
public record StartupSettings(
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Optional<String> migrationUser,
        Optional<String> migrationPassword,
        Optional<URI> redisUrl,
        int port,
        String baseDomain,
        String roles,
        boolean demo,
        boolean production) {

    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");
    private static final Set<String> ROLE_NAMES = Set.of("web", "worker");

    /** Reads and checks the settings; throws {@link InvalidSettingException} naming the variable. */
    public static StartupSettings fromEnvironment(Map<String, String> env) {
        boolean production = activeEnvironments(env).contains("prod");
        Optional<String> databaseUrl = value(env, "DATABASE_URL");
        databaseUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new InvalidSettingException(
                        "DATABASE_URL", "must be a JDBC URL like jdbc:postgresql://host:5432/careerai");
            }
        });
        Optional<URI> redisUrl = value(env, "REDIS_URL").map(StartupSettings::redisUri);
        if (production && databaseUrl.isEmpty()) {
            throw new InvalidSettingException("DATABASE_URL", "is required in the prod environment");
        }
        if (production && redisUrl.isEmpty()) {
            throw new InvalidSettingException("REDIS_URL", "is required in the prod environment");
        }
        if (production && value(env, "SMTP_HOST").isEmpty()) {
            throw new InvalidSettingException(
                    "SMTP_HOST", "is required in the prod environment (sign-in codes are emailed)");
        }
        if (production && value(env, "CAREERAI_SECRET").map(String::length).orElse(0) < 32) {
            throw new InvalidSettingException(
                    "CAREERAI_SECRET", "must be set to at least 32 random characters in the prod environment");
        }
        return new StartupSettings(
                databaseUrl,
                value(env, "DATABASE_USER"),
                value(env, "DATABASE_PASSWORD"),
                value(env, "DATABASE_MIGRATION_USER"),
                value(env, "DATABASE_MIGRATION_PASSWORD"),
                redisUrl,
                port(value(env, "PORT").orElse("8080")),
                baseDomain(value(env, "CAREERAI_BASE_DOMAIN").orElse("careerai.localhost")),
                roles(value(env, "CAREERAI_ROLES").orElse("web,worker")),
                bool("CAREERAI_DEMO", value(env, "CAREERAI_DEMO").orElse("false")),
                production);
    }

    /** The Micronaut properties these settings stand for, except the database and Redis URLs. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("careerai.base-domain", baseDomain);
        properties.put("careerai.roles", roles);
        properties.put("careerai.demo", demo);
        databaseUrl.ifPresent(url -> properties.put("datasources.default.url", url));
        databaseUser.ifPresent(user -> properties.put("datasources.default.username", user));
        databasePassword.ifPresent(password -> properties.put("datasources.default.password", password));
        migrationUser.ifPresent(user -> properties.put("careerai.database.migration-user", user));
        migrationPassword.ifPresent(password -> properties.put("careerai.database.migration-password", password));
        redisUrl.ifPresent(url -> properties.put("careerai.redis.url", url.toString()));
        return properties;
    }

    private static List<String> activeEnvironments(Map<String, String> env) {
        return value(env, "MICRONAUT_ENVIRONMENTS")
                .map(v -> List.of(v.toLowerCase(Locale.ROOT).split("\\s*,\\s*")))
                .orElse(List.of());
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static URI redisUri(String value) {
        try {
            URI uri = URI.create(value);
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("REDIS_URL", "must look like redis://host:6379");
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("PORT", "must be a number from 1 to 65535, not '" + value + "'");
        }
    }

    private static String baseDomain(String value) {
        String domain = value.toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidSettingException(
                    "CAREERAI_BASE_DOMAIN", "must be a domain name like careerai.example, not '" + value + "'");
        }
        return domain;
    }

    private static String roles(String value) {
        List<String> roles = List.of(value.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        if (roles.isEmpty() || !ROLE_NAMES.containsAll(roles)) {
            throw new InvalidSettingException(
                    "CAREERAI_ROLES", "must be web, worker or web,worker, not '" + value + "'");
        }
        return String.join(",", roles);
    }

    private static boolean bool(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidSettingException(name, "must be true or false, not '" + value + "'");
        };
    }
}
