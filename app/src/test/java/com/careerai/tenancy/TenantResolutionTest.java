package com.careerai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RawHttp;
import com.careerai.testing.RawHttp.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class TenantResolutionTest extends IntegrationTest {
    private static final String HTML = "text/html";

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    University mit;
    University harvard;

    @BeforeAll
    void universities() {
        mit = fixtures.university("mit");
        harvard = fixtures.university("harvard");
        fixtures.suspend(fixtures.university("closed"));
    }

    private Answer get(String host) {
        return RawHttp.get(server.getPort(), "/", host == null ? null : "Host: " + host, HTML);
    }

    @Test
    void knownSubdomainServesItsUniversity() {
        Answer answer = get(hostOf("mit"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("University of mit").doesNotContain("University of harvard");
        assertThat(answer.body()).contains("--brand: #A31F34");
    }

    @Test
    void hostIsCaseInsensitiveAndIgnoresThePort() {
        assertThat(get("MIT.CareerAI.Test").body()).contains("University of mit");
        assertThat(get(hostOf("harvard") + ":8080").body()).contains("University of harvard");
    }

    @Test
    void unknownSubdomainIsANotFoundPage() {
        Answer answer = get(hostOf("nowhere"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("There is no university at this address");
        assertThat(get(hostOf("nowhere") + ":8080").body())
                .as("its home link leaves for the platform's configured site (never the Host header's port)"
                        + " instead of answering the same error")
                .contains("href=\"http://" + BASE_DOMAIN + "/\" data-home>Go to the CareerAI site")
                .doesNotContain("href=\"/\"");
    }

    @Test
    void suspendedUniversityIsForbidden() {
        Answer answer = get(hostOf("closed"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("University of closed is not available");
        assertThat(answer.body()).contains("href=\"http://" + BASE_DOMAIN + "/\" data-home>");
    }

    @Test
    void reservedSubdomainsAreNeverTenants() {
        for (String reserved : ReservedSubdomains.NAMES) {
            assertThat(get(hostOf(reserved)).status()).as(reserved).isEqualTo(404);
        }
    }

    @Test
    void bareBaseDomainServesThePublicLandingPage() {
        Answer answer = get(BASE_DOMAIN + ":8080");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Career services that students actually use");
        assertThat(RawHttp.get(server.getPort(), "/api/v1/university", "Host: " + BASE_DOMAIN, HTML)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void ipForeignNestedAndMissingHostsAreNotFoundNotServerErrors() {
        assertThat(get("127.0.0.1:8080").status()).isEqualTo(404);
        assertThat(get("[::1]:8080").status()).isEqualTo(404);
        assertThat(get("mit.example.com").status()).isEqualTo(404);
        assertThat(get("a.mit." + BASE_DOMAIN).status()).isEqualTo(404);
        assertThat(RawHttp.get(server.getPort(), "/", "Host:", HTML).status()).isIn(400, 404);
    }

    @Test
    void nothingButTheHostChoosesTheTenant() {
        Answer answer = RawHttp.get(
                server.getPort(),
                "/api/v1/university?tenant=harvard&university=harvard",
                "Host: " + hostOf("mit") + "\r\nX-Forwarded-Host: " + hostOf("harvard") + "\r\nX-Tenant: harvard",
                "application/json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"subdomain\":\"mit\"").doesNotContain("harvard");
    }

    @Test
    void apiErrorsUseTheJsonErrorShape() {
        Answer answer = RawHttp.get(server.getPort(), "/api/v1/university", "Host: " + hostOf("nowhere"), HTML);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("\"error\":\"unknown_university\"").contains("\"message\"");
    }

    @Test
    void unknownPathOnATenantIsANotFoundPageInItsLayout() {
        Answer answer = RawHttp.get(server.getPort(), "/no/such/page", "Host: " + hostOf("mit"), HTML);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("Page not found").contains("University of mit");
    }
}
