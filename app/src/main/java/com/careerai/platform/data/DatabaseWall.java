package com.careerai.platform.data;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the database wall as the pool is created, before anything else can use it: applies the
 * migrations as the schema owner ({@code DATABASE_MIGRATION_USER}, by default the app's own
 * user), binds every connection to the current {@link UniversityScope}, and warns when the app's
 * user is an owner or superuser that row-level security does not hold back.
 *
 * <p>Runs before Micronaut Data wraps the pool in its transaction-aware proxy, so every path to a
 * connection — repositories, {@code JdbcOperations}, transactions — passes through the binding. The
 * one exception is JobRunr's storage, whose SQL touches only its own tables (no tenant rows, no
 * policy): it takes connections past the binding ({@link TablesWithoutTenants}, ADR 0056).
 */
@Singleton
final class DatabaseWall implements BeanCreatedEventListener<DataSource>, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWall.class);

    private final Environment environment;

    DatabaseWall(Environment environment) {
        this.environment = environment;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource pool = event.getBean();
        if (pool instanceof TenantBoundDataSource) {
            return pool;
        }
        String name = event.getBeanIdentifier().getName();
        String prefix = "datasources." + ("primary".equalsIgnoreCase(name) ? "default" : name) + ".";
        if (environment.getProperty("careerai.database.migrate", Boolean.class, true)) {
            migrate(
                    environment.getRequiredProperty(prefix + "url", String.class),
                    environment
                            .getProperty("careerai.database.migration-user", String.class)
                            .filter(user -> !user.isBlank())
                            .orElseGet(() -> environment.getProperty(prefix + "username", String.class, "")),
                    environment
                            .getProperty("careerai.database.migration-password", String.class)
                            .filter(password -> !password.isBlank())
                            .orElseGet(() -> environment.getProperty(prefix + "password", String.class, "")));
        }
        warnWhenWallDoesNotHold(pool);
        return new TenantBoundDataSource(pool);
    }

    /** Brings the database to this build's schema, as a node's start does (tests migrate their template with it). */
    static void migrate(String url, String user, String password) {
        if (SchemaHistory.isCurrent(url, user, password)) {
            LOG.debug("Schema history is current: Flyway not run at start-up");
            return;
        }
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                // Features are built on parallel branches with reserved version ranges; a database
                // migrated by an earlier release applies a lower, newly merged version too (ADR 0033).
                .outOfOrder(true)
                .load()
                .migrate();
    }

    private static void warnWhenWallDoesNotHold(DataSource pool) {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_user, r.rolsuper OR r.rolbypassrls,"
                        + " EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user)"
                        + " FROM pg_roles r WHERE r.rolname = current_user")) {
            if (rows.next() && (rows.getBoolean(2) || rows.getBoolean(3))) {
                LOG.warn(
                        "*** The database user {} owns tables or bypasses row-level security: the tenant wall in the"
                                + " database is NOT enforced. Connect as a login role in careerai_app and give the owner as"
                                + " DATABASE_MIGRATION_USER (README, Configuration). ***",
                        rows.getString(1));
            }
        } catch (SQLException e) {
            LOG.warn("Could not check the database user's privileges: {}", e.getMessage());
        }
    }

    @Override
    public int getOrder() {
        // Before Micronaut Data's transaction-aware proxy wraps the pool (order 0).
        return HIGHEST_PRECEDENCE;
    }
}
