package com.careerai.platform.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database roles the tenant wall expects (ADR 0010), made on a server we start ourselves (dev,
 * tests) so that the application runs there exactly as in production: migrations as the owner,
 * the application as a login role in the NOLOGIN group {@code careerai_app}, which owns nothing
 * and does not bypass row-level security. In production an operator creates the login role.
 */
public final class AppDatabaseRoles {
    /** The application's login role on servers we start. */
    public static final String APP_LOGIN = "careerai_web";
    /** Its password (these servers listen on loopback only). */
    public static final String APP_PASSWORD = "careerai-local";

    private AppDatabaseRoles() {}

    /**
     * Creates the group and the login role unless they exist; {@code ownerUrl} connects as a
     * superuser ({@code postgres}, no password).
     */
    public static void ensure(String ownerUrl) {
        try (Connection connection = DriverManager.getConnection(ownerUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            // Roles belong to the whole server: concurrent creators (parallel test JVMs) may race.
            statement.execute("DO $$ BEGIN"
                    + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_app') THEN"
                    + "   CREATE ROLE careerai_app NOLOGIN NOINHERIT; END IF;"
                    + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_LOGIN + "') THEN"
                    + "   CREATE ROLE " + APP_LOGIN + " LOGIN INHERIT PASSWORD '" + APP_PASSWORD
                    + "' IN ROLE careerai_app; END IF;"
                    + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application's database roles", e);
        }
    }
}
