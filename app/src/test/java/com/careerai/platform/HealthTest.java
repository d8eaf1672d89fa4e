package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RawHttp;
import com.careerai.testing.RawHttp.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class HealthTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Test
    void healthReportsDatabaseAndRedisOnAnyHost() {
        Answer answer = RawHttp.get(server.getPort(), "/health", "Host: 10.0.0.7:8080", "application/json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .startsWith("{\"name\":\"careerai\",\"status\":\"UP\"")
                .contains("\"jdbc\":{\"status\":\"UP\"}")
                .contains("\"redis\":{\"status\":\"UP\"}")
                .doesNotContain("jdbc:postgresql");
    }

    @Test
    void openApiDocumentIsServedAndListsTheApi() {
        Answer answer = RawHttp.get(server.getPort(), "/openapi.yml", "Host: " + BASE_DOMAIN, "*/*");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("openapi: 3").contains("/api/v1/university");
    }
}
