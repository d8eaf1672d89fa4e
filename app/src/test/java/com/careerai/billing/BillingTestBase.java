package com.careerai.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.credits.LedgerAudit;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.FakeStripeServer;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StripeTestEvents;
import com.careerai.testing.TestSessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;

/**
 * Billing tests: the application on a fresh database with stripe-java pointed at a local
 * {@link FakeStripeServer}, the webhook secret of {@link StripeTestEvents}, and helpers to start
 * checkouts and deliver signed webhooks to the bare base domain.
 */
abstract class BillingTestBase extends IntegrationTest {
    private static final Pattern SESSION = Pattern.compile("\"sessionId\":\"([^\"]+)\"");
    private static final Pattern PAYMENT = Pattern.compile("\"paymentId\":\"([^\"]+)\"");

    final FakeStripeServer stripe = new FakeStripeServer();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestSessions sessions;

    @Inject
    LedgerAudit audit;

    /** A checkout the API started: Stripe's session and our payment. */
    record Started(String sessionId, String paymentId) {}

    @Override
    protected final Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("careerai.billing.secret-key", "sk_test_careerai_fake_key");
        properties.put("careerai.billing.webhook-secret", StripeTestEvents.SECRET);
        properties.put("careerai.billing.api-base", stripe.baseUrl());
        properties.put("careerai.billing.max-network-retries", "0");
        properties.put("micronaut.http.client.follow-redirects", "false");
        properties.putAll(moreProperties());
        return properties;
    }

    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    /** Posts a payload to the webhook on the bare base domain with this signature header (or none). */
    HttpResponse<String> webhook(String payload, String signature) {
        MutableHttpRequest<String> request = HttpRequest.POST("/webhooks/stripe", payload)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Host", BASE_DOMAIN);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return Http.exchange(client, request);
    }

    /** Delivers a payload signed as Stripe signs it now; expects 200. */
    HttpResponse<String> deliver(String payload) {
        HttpResponse<String> response = webhook(payload, StripeTestEvents.signature(payload));
        assertThat(response.code()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** Starts a checkout of {@code product} as {@code student} through the API. */
    Started checkout(University university, User student, String product) {
        HttpResponse<String> response = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/billing/checkout", Map.of("product", product))
                        .header("Host", hostOf(university.subdomain()))
                        .header("Authorization", sessions.signIn(student).bearer()));
        assertThat(response.code()).as(response.body()).isEqualTo(200);
        Matcher session = SESSION.matcher(response.body());
        Matcher payment = PAYMENT.matcher(response.body());
        assertThat(session.find() && payment.find()).as(response.body()).isTrue();
        return new Started(session.group(1), payment.group(1));
    }

    void assertLedgerClean(University university) {
        LedgerAudit.Report report = CrossTenant.within(university, () -> audit.audit(university.id()));
        assertThat(report.problems()).isEmpty();
        assertThat(report.clean()).isTrue();
    }

    long stripeEvents(String eventId) {
        return count("SELECT count(*) FROM stripe_events WHERE id = ?", eventId);
    }

    String outcomeOf(String eventId) {
        return text("SELECT outcome FROM stripe_events WHERE id = ?", eventId);
    }

    String paymentStatus(String paymentId) {
        return text("SELECT status FROM payments WHERE id = ?::uuid", paymentId);
    }

    /** A text value from this class's database, or null when there is no row. */
    String text(String sql, Object... parameters) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                        getProperties().get("datasources.default.url"), "postgres", "");
                java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
