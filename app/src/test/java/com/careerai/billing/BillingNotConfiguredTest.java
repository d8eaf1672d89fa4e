package com.careerai.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StripeTestEvents;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without Stripe keys nothing crashes: pages say billing is not configured, webhooks wait. */
@MicronautTest(transactional = false)
class BillingNotConfiguredTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Test
    void pagesSayBillingIsNotConfiguredAndBuyingIsRefusedPolitely() {
        University uni = fixtures.university();
        User student = fixtures.verifiedStudent(uni);
        SignedIn session = sessions.signIn(student);

        HttpResponse<String> page = Http.exchange(
                client,
                HttpRequest.GET("/billing")
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Cookie", session.cookie()));
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-billing-not-configured")
                .contains("Payments are not switched on for this site yet")
                .contains("data-product=\"gold-10\"")
                .as("nobody is offered a Buy that ends in a refusal")
                .doesNotContain("Buy 10 gold credits</button>")
                .doesNotContain("/billing/checkout");

        HttpResponse<String> bought = Http.exchange(
                client,
                HttpRequest.POST("/billing/checkout", Map.of("product", "gold-10", "csrf", session.csrf()))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Cookie", session.cookie()));
        assertThat(bought.code()).isEqualTo(503);
        assertThat(bought.body()).contains("Billing is not configured on this site yet");

        HttpResponse<String> api = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/billing/checkout", "{\"product\":\"gold-10\"}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Authorization", session.bearer()));
        assertThat(api.code()).isEqualTo(503);
        assertThat(api.body()).contains("\"error\":\"billing_not_configured\"");
    }

    @Test
    void webhooksAnswer503SoStripeKeepsTheEventsUntilASecretIsSet() {
        String payload = StripeTestEvents.event("customer.created", StripeTestEvents.charge("ch_1", "pi_1", 1, 0));
        HttpResponse<String> response = Http.exchange(
                client,
                HttpRequest.POST("/webhooks/stripe", payload)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", BASE_DOMAIN)
                        .header("Stripe-Signature", StripeTestEvents.signature(payload)));
        assertThat(response.code()).isEqualTo(503);
        assertThat(count("SELECT count(*) FROM stripe_events")).isZero();
    }
}
