package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RawHttp;
import com.careerai.testing.RawHttp.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class HealthWhenDatabaseDownTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.connection-timeout", "1000");
    }

    @Test
    void healthIsDownNotAServerErrorWhenTheDatabaseRefusesConnections() throws Exception {
        setConnectionsAllowed(false);
        Answer answer = RawHttp.get(server.getPort(), "/health", "Host: localhost", "application/json");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("\"jdbc\":{\"status\":\"DOWN\"}").doesNotContain("Exception");
    }

    @AfterAll
    void allowConnectionsAgain() throws Exception {
        setConnectionsAllowed(true);
    }

    private void setConnectionsAllowed(boolean allowed) throws Exception {
        String url = getProperties().get("datasources.default.url");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres" + url.replaceFirst("^[^?]*", "");
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                statement.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }
}
