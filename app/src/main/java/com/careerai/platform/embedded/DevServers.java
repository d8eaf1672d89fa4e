package com.careerai.platform.embedded;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes where this run's embedded servers listen to {@code .careerai/dev.env}, in the variables
 * the app and {@code tenant-admin} read, so an operator's command can run against the running
 * demo: {@code set -a; . .careerai/dev.env; set +a; java -jar tenant-admin/target/tenant-admin.jar list}.
 */
public final class DevServers {
    public static final String FILE = "dev.env";

    private DevServers() {}

    /**
     * Writes the file.
     *
     * @param databaseUrl the embedded PostgreSQL's JDBC URL, or null when the database is not embedded
     * @param redisUrl the embedded Redis's URL, or null when Redis is not embedded
     */
    public static void write(
            Path devDirectory,
            @Nullable String databaseUrl,
            @Nullable String redisUrl,
            Map<String, Object> properties) {
        StringBuilder text = new StringBuilder()
                .append("# Written by CareerAI at start-up: the embedded servers of the running dev instance.\n")
                .append("# tenant-admin against it:  set -a; . .careerai/dev.env; set +a\n")
                .append("#                           java -jar tenant-admin/target/tenant-admin.jar list\n");
        if (databaseUrl != null) {
            text.append("DATABASE_URL=").append(databaseUrl).append('\n');
            text.append("DATABASE_USER=").append(AppDatabaseRoles.APP_LOGIN).append('\n');
            text.append("DATABASE_PASSWORD=")
                    .append(AppDatabaseRoles.APP_PASSWORD)
                    .append('\n');
            text.append("DATABASE_MIGRATION_USER=postgres\n");
            text.append("DATABASE_MIGRATION_PASSWORD=\n");
        }
        if (redisUrl != null) {
            text.append("REDIS_URL=").append(redisUrl).append('\n');
        }
        copy(properties, "careerai.base-domain", "CAREERAI_BASE_DOMAIN", text);
        copy(properties, "micronaut.server.port", "PORT", text);
        try {
            Files.createDirectories(devDirectory);
            Files.writeString(devDirectory.resolve(FILE), text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + devDirectory.resolve(FILE), e);
        }
    }

    private static void copy(Map<String, Object> properties, String property, String variable, StringBuilder text) {
        Object value = properties.get(property);
        if (value != null) {
            text.append(variable).append('=').append(value).append('\n');
        }
    }
}
