package com.careerai.auth.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A sign-in code reaches the SMTP server right after the request, not after the job queue's poll
 * interval (5 s): on a web-only node, with no JobRunr worker anywhere.
 */
@MicronautTest(transactional = false)
class SignInCodeDeliveryTest extends IntegrationTest {
    private final TestMailServer mailServer = TestMailServer.start();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mailServer.properties());
        properties.put("careerai.roles", "web");
        return properties;
    }

    @AfterAll
    void stopMail() {
        mailServer.close();
    }

    @Test
    void theCodeReachesSmtpWithinThreeSecondsWithoutAJobWorker() {
        University university = fixtures.university();
        try (Browser api = new Browser(server.getURL(), hostOf(university.subdomain()))) {
            // The first email of a fresh node compiles its templates and opens the SMTP session.
            String first = "first@" + university.allowedDomains().get(0);
            api.postJson("/api/v1/auth/otp/request", "{\"email\":\"" + first + "\"}");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !mailServer.messagesTo(first).isEmpty());

            for (int i = 0; i < 3; i++) {
                String email = "quick" + i + "@" + university.allowedDomains().get(0);
                Browser.Response requested = api.postJson("/api/v1/auth/otp/request", "{\"email\":\"" + email + "\"}");
                assertThat(requested.status()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(3))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> !mailServer.messagesTo(email).isEmpty());
                assertThat(TestMailServer.text(mailServer.messagesTo(email).get(0)))
                        .containsPattern("\\b[0-9]{6}\\b");
            }
        }
    }
}
