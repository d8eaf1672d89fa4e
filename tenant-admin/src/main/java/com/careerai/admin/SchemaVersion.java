package com.careerai.admin;

import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database schema against the migrations this tool was built with (the same
 * {@code migrations} jar as the app). Commands refuse to run on a schema that is behind or ahead.
 */
@Singleton
class SchemaVersion {
    /** Where the migrations jar keeps its scripts (as the app's {@code flyway.*} settings say). */
    static final String LOCATION = "classpath:db/migration";

    private final Flyway flyway;
    private final Environment environment;

    SchemaVersion(DataSource dataSource, DataSourceResolver resolver, Environment environment) {
        this.environment = environment;
        // The injected DataSource is a transaction-aware proxy; Flyway manages its own connections.
        this.flyway = Flyway.configure()
                .dataSource(resolver.resolve(dataSource))
                .locations(LOCATION)
                .outOfOrder(true)
                .load();
    }

    /** The version the database is at, or {@code null} when nothing is migrated yet. */
    @Nullable
    String current() {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? null
                : current.getVersion().getVersion();
    }

    /** The newest version among this tool's migrations. */
    String expected() {
        return Arrays.stream(flyway.info().all())
                .filter(info -> info.getState().isResolved() && info.getVersion() != null)
                .map(info -> info.getVersion())
                .max(Comparable::compareTo)
                .map(version -> version.getVersion())
                .orElse("none");
    }

    /**
     * Applies pending migrations as the schema owner ({@code DATABASE_MIGRATION_USER}, by default
     * {@code DATABASE_USER}); returns how many ran.
     */
    int migrate() {
        String user = environment
                .getProperty("careerai.database.migration-user", String.class)
                .filter(name -> !name.isBlank())
                .orElseGet(() -> environment.getProperty("datasources.default.username", String.class, ""));
        String password = environment
                .getProperty("careerai.database.migration-password", String.class)
                .filter(secret -> !secret.isBlank())
                .orElseGet(() -> environment.getProperty("datasources.default.password", String.class, ""));
        MigrateResult result = Flyway.configure()
                .dataSource(environment.getRequiredProperty("datasources.default.url", String.class), user, password)
                .locations(LOCATION)
                .outOfOrder(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** Throws a one-line {@link ToolException} unless the schema is exactly this tool's. */
    void requireCurrent() {
        MigrationInfoService info = flyway.info();
        String current = current();
        if (Arrays.stream(info.all()).anyMatch(migration -> migration.getState().isFailed())) {
            throw new ToolException("a migration of this database failed (version "
                    + current
                    + "): repair it before using tenant-admin");
        }
        if (Arrays.stream(info.all())
                .anyMatch(migration -> !migration.getState().isResolved())) {
            throw new ToolException("the database schema (version "
                    + current
                    + ") is newer than this tenant-admin knows ("
                    + expected()
                    + "): use the tenant-admin of the release that migrated it");
        }
        if (info.pending().length > 0) {
            throw new ToolException("the database schema is at version "
                    + (current == null ? "none" : current)
                    + " but this tenant-admin needs "
                    + expected()
                    + ": run `tenant-admin migrate` first");
        }
    }
}
