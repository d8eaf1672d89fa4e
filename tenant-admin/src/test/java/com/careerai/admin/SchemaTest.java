package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code migrate}, and every other command refusing an out-of-date schema. */
class SchemaTest extends TenantAdminTest {

    private Map<String, String> emptyDatabase() {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("DATABASE_URL", TestServers.newEmptyDatabase());
        return environment;
    }

    @Test
    void commandsRefuseAnUnmigratedDatabase() {
        Result result = runFresh(emptyDatabase(), "list");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(oneLine(result))
                .startsWith("error: the database schema is at version none but this tenant-admin needs ")
                .endsWith("run `tenant-admin migrate` first");
    }

    @Test
    void migrateAppliesTheAppsMigrationsOnceAndPrintsTheVersion() {
        Map<String, String> database = emptyDatabase();
        Result first = runFresh(database, "migrate");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).matches("(?s)Applied \\d+ migrations; the schema is at version \\d+\\.\\s*");

        Result again = runFresh(database, "migrate", "--json");
        assertThat(again.exitCode()).isZero();
        assertThat(again.json()).containsEntry("applied", 0);
        assertThat(first.out()).contains("version " + again.json().get("version") + ".");

        Result list = runFresh(database, "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("No universities yet");
    }

    @Test
    void aSchemaNewerThanTheToolIsRefused() throws SQLException {
        Map<String, String> database = emptyDatabase();
        assertThat(runFresh(database, "migrate").exitCode()).isZero();
        // A newer release's migration, applied as migrations are: by the schema owner (the app's role
        // may read the history but not write it, ADR 10).
        try (Connection owner = DriverManager.getConnection(database.get("DATABASE_URL"), "postgres", "");
                Statement statement = owner.createStatement()) {
            statement.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, "
                    + "type, script, checksum, installed_by, execution_time, success) VALUES "
                    + "(999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, "
                    + "'test', 0, true)");
        }
        Result result = runFresh(database, "list");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(oneLine(result)).contains("is newer than this tenant-admin knows");
    }
}
