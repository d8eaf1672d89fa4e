package com.careerai.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without Twilio settings the WhatsApp message and the call are logged SKIPPED, never an error. */
@MicronautTest(transactional = false)
class LeadsNotConfiguredTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Test
    void channelsWithoutConfigurationAreSkippedAndLogged() {
        University university = fixtures.university();
        HttpResponse<String> response = Http.exchange(
                client,
                HttpRequest.POST(
                                "/api/v1/public/leads",
                                Map.of(
                                        "name", "Skip Me",
                                        "email", "skip@example.com",
                                        "phone", "+447911100999",
                                        "consent", true))
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", hostOf(university.subdomain())));
        assertThat(response.code()).as(response.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM communication_logs WHERE status = 'SKIPPED'") == 2);
        assertThat(count("SELECT count(*) FROM communication_logs WHERE channel = 'WHATSAPP' AND status = 'SKIPPED'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM communication_logs WHERE channel = 'VOICE' AND status = 'SKIPPED'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("SELECT count(*) FROM communication_logs WHERE channel = 'EMAIL' AND status = 'SENT'")
                                == 1);
    }
}
