package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RawHttp;
import com.careerai.testing.RawHttp.Answer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ErrorPagesTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", "ErrorPagesTest");
    }

    @BeforeAll
    void university() {
        fixtures.university("errs");
    }

    @Test
    void unexpectedFailureShowsAFriendlyPageWithoutInternals() {
        Answer answer = RawHttp.get(server.getPort(), "/test/explode", "Host: " + hostOf("errs"), "text/html");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body())
                .contains("Something went wrong")
                .contains("University of errs")
                .doesNotContain("secret internal detail")
                .doesNotContain("Exception");
    }

    @Test
    void unexpectedFailureInTheApiIsJsonWithoutInternals() {
        Answer answer = RawHttp.get(server.getPort(), "/test/explode", "Host: " + hostOf("errs"), "application/json");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("\"error\":\"internal_error\"").doesNotContain("secret internal detail");
    }

    @Test
    void badParameterIsABadRequestInTheErrorShape() {
        Answer answer =
                RawHttp.get(server.getPort(), "/test/number?n=abc", "Host: " + hostOf("errs"), "application/json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"bad_request\"");
    }

    @Controller("/test")
    @Requires(property = "spec.name", value = "ErrorPagesTest")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class FailingController {
        @Get(
                uri = "/explode",
                produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
        String explode() {
            throw new IllegalStateException("secret internal detail");
        }

        @Get("/number")
        String number(@QueryValue int n) {
            return Integer.toString(n);
        }
    }
}
