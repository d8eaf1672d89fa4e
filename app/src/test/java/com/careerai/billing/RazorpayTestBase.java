package com.careerai.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.FakeRazorpayServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Billing tests of a university that takes money through Razorpay: the real razorpay-java SDK
 * against {@link FakeRazorpayServer}, signatures computed as Razorpay documents them, and the
 * student's pages, Checkout answers and Razorpay's webhooks as helpers.
 */
abstract class RazorpayTestBase extends BillingTestBase {
    final FakeRazorpayServer razorpay = new FakeRazorpayServer();

    @Inject
    Fixtures fixtures;

    @Inject
    PaymentSettings settings;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of(
                "careerai.razorpay.key-id", FakeRazorpayServer.KEY_ID,
                "careerai.razorpay.key-secret", FakeRazorpayServer.KEY_SECRET,
                "careerai.razorpay.webhook-secret", FakeRazorpayServer.WEBHOOK_SECRET,
                "careerai.razorpay.api-base", razorpay.baseUrl());
    }

    @AfterAll
    void stopRazorpay() {
        razorpay.close();
    }

    /** A new university that takes money through Razorpay in rupees. */
    University razorpayUniversity() {
        University university = fixtures.university();
        CrossTenant.within(
                university, () -> settings.change(university.id(), PaymentSettings.Provider.RAZORPAY, "INR", "test"));
        return university;
    }

    long gold(User student) {
        return count("SELECT coalesce(sum(gold_credits), 0) FROM credit_wallets WHERE user_id = ?", student.id());
    }

    boolean pro(User student) {
        return "t".equals(text("SELECT is_pro FROM users WHERE id = ?", student.id()));
    }

    HttpResponse<String> get(User user, String path) {
        SignedIn session = sessions.signIn(user);
        return Http.exchange(
                client,
                HttpRequest.GET(path)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(subdomainOf(user))));
    }

    String page(User user, String path) {
        HttpResponse<String> response = get(user, path);
        assertThat(response.code()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** Posts a form as the signed-in user, with their CSRF token. */
    HttpResponse<String> post(User user, String path, Map<String, String> fields) {
        SignedIn session = sessions.signIn(user);
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", session.csrf());
        return Http.exchange(
                client,
                HttpRequest.POST(path, form)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(subdomainOf(user))));
    }

    /** Checkout's signed answer posted back to the payment page. */
    HttpResponse<String> confirm(User user, String paymentId, Map<String, String> answer) {
        return post(user, "/billing/razorpay/" + paymentId + "/confirm", answer);
    }

    String subdomainOf(User user) {
        return text("SELECT subdomain FROM universities WHERE id = ?", user.universityId());
    }

    HttpResponse<String> razorpayWebhook(String eventId, String body, String signature) {
        MutableHttpRequest<String> request = HttpRequest.POST("/webhooks/razorpay", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Host", BASE_DOMAIN)
                .header("X-Razorpay-Event-Id", eventId);
        if (signature != null) {
            request.header("X-Razorpay-Signature", signature);
        }
        return Http.exchange(client, request);
    }

    /** Delivers a webhook signed with the webhook secret; expects 200 and returns the body. */
    String deliverRazorpay(String eventId, String body) {
        HttpResponse<String> response = razorpayWebhook(eventId, body, FakeRazorpayServer.webhookSignature(body));
        assertThat(response.code()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
