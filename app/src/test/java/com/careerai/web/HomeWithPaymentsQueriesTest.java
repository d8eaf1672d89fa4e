package com.careerai.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A university that takes payments: the header's "Buy" offer reads the university's purchase policy,
 * and the student home sends that read with its panels' in its one round trip (ADR 0076), where it used
 * to be a second round trip of its own.
 */
@MicronautTest(transactional = false)
class HomeWithPaymentsQueriesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    StatementCounter counter;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true", "careerai.billing.secret-key", "sk_test_home");
    }

    @Test
    void theStudentHomeSendsThePurchasePolicyWithItsPanels() {
        University university = fixtures.university();
        SignedIn student = sessions.signIn(fixtures.verifiedStudent(university));
        home(university, student); // caches of the node warm
        counter.reset();
        HttpResponse<String> response = home(university, student);
        assertThat(response.code()).isEqualTo(200);
        assertThat(counter.statements())
                .as("round trips of the student home: %s", counter.statements())
                .hasSize(1);
        assertThat(counter.statements().get(0))
                .as("the purchase policy among them, and which provider the university chose (Stripe is"
                        + " configured here, Razorpay not)")
                .contains("FROM purchase_policies")
                .contains("FROM payment_settings");
    }

    private HttpResponse<String> home(University university, SignedIn student) {
        return http.toBlocking()
                .exchange(
                        HttpRequest.GET("/")
                                .header(HttpHeaders.HOST, hostOf(university.subdomain()))
                                .header(HttpHeaders.AUTHORIZATION, student.bearer())
                                .accept(MediaType.TEXT_HTML),
                        String.class);
    }
}
