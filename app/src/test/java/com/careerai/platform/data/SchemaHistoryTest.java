package com.careerai.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Start-up skips Flyway only when the history holds exactly the carried migrations, all successful. */
class SchemaHistoryTest {

    @Test
    void currentOnlyWhenEveryCarriedMigrationIsAppliedSuccessfully() throws Exception {
        String url = TestServers.newDatabase();
        assertThat(SchemaHistory.isCurrent(url, "postgres", ""))
                .as("no history yet")
                .isFalse();

        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        assertThat(SchemaHistory.carriedVersions()).contains("1", "10");
        assertThat(SchemaHistory.isCurrent(url, "postgres", "")).isTrue();

        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("UPDATE flyway_schema_history SET success = false"
                    + " WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");
            assertThat(SchemaHistory.isCurrent(url, "postgres", ""))
                    .as("a failed migration")
                    .isFalse();
            statement.execute("DELETE FROM flyway_schema_history"
                    + " WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");
            assertThat(SchemaHistory.isCurrent(url, "postgres", ""))
                    .as("a migration not applied yet")
                    .isFalse();
        }
    }
}
