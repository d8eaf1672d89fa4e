package com.careerai.auth.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET there is no Google client, button or route. */
@MicronautTest(transactional = false)
class GoogleDisabledTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Test
    void noButtonAndNoRoutesWithoutSettings() {
        University university = fixtures.university();
        try (Browser browser = new Browser(server.getURL(), hostOf(university.subdomain()))) {
            assertThat(browser.get("/signin").body())
                    .contains("Email me a code")
                    .doesNotContain("Google");
            assertThat(browser.get("/signin/google").status()).isEqualTo(404);
            assertThat(browser.get("/oauth/login/google").status()).isEqualTo(404);
        }
    }

    @Test
    void clientIsRegisteredOnlyWhenIdAndSecretAreBothSet() {
        assertThat(GoogleClientRegistration.properties(Map.of())).isEmpty();
        assertThat(GoogleClientRegistration.properties(Map.of("GOOGLE_CLIENT_ID", "id")))
                .isEmpty();
        Map<String, Object> properties =
                GoogleClientRegistration.properties(Map.of("GOOGLE_CLIENT_ID", "id", "GOOGLE_CLIENT_SECRET", "s"));
        assertThat(properties)
                .containsEntry("micronaut.security.oauth2.clients.google.client-id", "id")
                .containsEntry("micronaut.security.oauth2.clients.google.client-secret", "s")
                .containsEntry("micronaut.security.oauth2.clients.google.openid.issuer", "https://accounts.google.com");
        assertThat(GoogleClientRegistration.properties(
                        Map.of("GOOGLE_CLIENT_ID", "id", "GOOGLE_CLIENT_SECRET", "s", "GOOGLE_ISSUER", "http://op")))
                .containsEntry("micronaut.security.oauth2.clients.google.openid.issuer", "http://op");
    }
}
