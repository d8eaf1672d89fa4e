package com.careerai.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.TestServers;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up skips Flyway only when the history holds exactly the carried migrations, all successful. */
class SchemaHistoryTest {

    @Test
    void currentOnlyWhenEveryCarriedMigrationIsAppliedSuccessfully() throws Exception {
        String url = TestServers.newEmptyDatabase();
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

    /**
     * In the packaged jar the carried migrations come from the start's one pass over the jar's
     * entries (JarServiceIndex hands them over as CarriedMigrations), not from a second pass: a
     * listing of that jar is used as it is, a listing of another jar is not.
     */
    @Test
    void aJarsMigrationsComeFromItsListingWhenTheStartListedIt(@TempDir Path directory) throws IOException {
        Path jar = directory.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("db/migration/", "db/migration/V1__a.sql", "db/migration/V2_1__b.sql")) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        Path other = directory.resolve("other.jar");
        Files.copy(jar, other);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(SchemaHistory.carriedVersions(loader)).as("its own pass").containsOnly("1", "2.1");

            CarriedMigrations.listed(other.toUri().toURL(), List.of("db/migration/V7__other.sql"));
            assertThat(SchemaHistory.carriedVersions(loader))
                    .as("another jar's listing")
                    .containsOnly("1", "2.1");

            CarriedMigrations.listed(jar.toUri().toURL(), List.of("db/migration/", "db/migration/V1__a.sql"));
            assertThat(SchemaHistory.carriedVersions(loader)).as("the listing").containsOnly("1");

            CarriedMigrations.listed(jar.toUri().toURL(), List.of("db/migration/R__repeatable.sql"));
            assertThat(SchemaHistory.carriedVersions(loader))
                    .as("a listing Flyway would read otherwise")
                    .isEmpty();
        }
    }
}
