package com.careerai.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A node's first start on an empty database migrates it (as the migration user), and its pool then logs in
 * as the app's role.
 * Every other test class starts on a copy of a template migrated once ({@link TestServers#newDatabase}), whose
 * schema history is current, so this is the one test of a start that runs Flyway itself.
 */
class DatabaseWallTest {
    @Test
    void firstStartOnAnEmptyDatabaseMigratesIt() throws Exception {
        String url = TestServers.newEmptyDatabase();
        assertThat(SchemaHistory.isCurrent(url, "postgres", "")).as("empty").isFalse();
        Map<String, Object> properties = new HashMap<>(IntegrationTest.baseProperties());
        properties.put("datasources.default.url", url);
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(properties)
                .environments("test")
                .start()) {
            DataSource pool = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            assertThat(SchemaHistory.isCurrent(url, "postgres", ""))
                    .as("migrated at start")
                    .isTrue();
            try (var connection = pool.getConnection();
                    var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT current_user, (SELECT count(*) FROM universities)")) {
                // the pool logs in as the app's role and finds the tables the start's migration made
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("careerai_web");
            }
        }
    }
}
