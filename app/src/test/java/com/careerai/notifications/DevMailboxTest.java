package com.careerai.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In dev without SMTP_HOST, codes land in the embedded mailbox and /dev/mail shows them. */
@MicronautTest(transactional = false, environments = "dev")
class DevMailboxTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.roles", "web,worker");
    }

    @Test
    void theCodeShowsUpOnTheDevMailPageOfItsUniversityOnly() {
        University university = fixtures.university();
        University other = fixtures.university();
        String email = "demo.student@" + university.allowedDomains().get(0);
        try (Browser browser = new Browser(server.getURL(), hostOf(university.subdomain()));
                Browser atOther = new Browser(server.getURL(), hostOf(other.subdomain()))) {
            assertThat(browser.postJson("/api/v1/auth/otp/request", "{\"email\":\"" + email + "\"}")
                            .status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> browser.get("/dev/mail").body().contains("To " + email));
            String page = browser.get("/dev/mail").body();
            assertThat(page).containsPattern("[0-9]{6} is your " + university.name() + " Careers sign-in code");
            // the university's own address, from careerai.site-url (the tests' has no port)
            assertThat(page).contains("only on http://" + university.subdomain() + ".careerai.test");
            assertThat(atOther.get("/dev/mail").body()).doesNotContain(email).contains("No emails yet");
        }
    }
}
