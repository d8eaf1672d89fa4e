package com.careerai.billing;

import static com.careerai.testing.StripeTestEvents.checkoutSession;
import static com.careerai.testing.StripeTestEvents.event;
import static com.careerai.testing.StripeTestEvents.id;
import static com.careerai.testing.StripeTestEvents.invoice;
import static com.careerai.testing.StripeTestEvents.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeStripeServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.TestSessions.SignedIn;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starting a checkout: what is sent to Stripe, where the student goes, and who may. */
@MicronautTest(transactional = false)
class BillingCheckoutTest extends BillingTestBase {
    private static final String SESSIONS = "/v1/checkout/sessions";

    @Inject
    Fixtures fixtures;

    University uni;

    @BeforeAll
    void university() {
        uni = fixtures.university();
    }

    @BeforeEach
    void resetStripe() {
        stripe.reset();
    }

    @Test
    void aPackCheckoutSendsAnInlinePriceTheStudentsMetadataAndReturnUrlsOnTheirUniversity() {
        User student = fixtures.verifiedStudent(uni);

        Started started = checkout(uni, student, "gold-10");

        FakeStripeServer.Request sent = stripe.last(SESSIONS);
        assertThat(sent.headers().get("authorization")).isEqualTo("Bearer sk_test_careerai_fake_key");
        assertThat(sent.headers().get("idempotency-key")).isEqualTo("checkout-" + started.paymentId());
        assertThat(sent.parameters())
                .containsEntry("mode", "payment")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][unit_amount]", "900")
                .containsEntry("line_items[0][price_data][product_data][name]", "10 gold credits")
                .containsEntry("metadata[university_id]", Long.toString(uni.id()))
                .containsEntry("metadata[user_id]", Long.toString(student.id()))
                .containsEntry("metadata[product]", "gold-10")
                .containsEntry("metadata[payment_id]", started.paymentId())
                .containsEntry("payment_intent_data[metadata][user_id]", Long.toString(student.id()))
                .containsEntry("client_reference_id", started.paymentId())
                .containsEntry("customer_email", student.email())
                .containsEntry("customer_creation", "always")
                .containsEntry(
                        "success_url",
                        "http://" + hostOf(uni.subdomain()) + "/billing/success?session_id={CHECKOUT_SESSION_ID}")
                .containsEntry(
                        "cancel_url",
                        "http://" + hostOf(uni.subdomain()) + "/billing/cancelled?session_id={CHECKOUT_SESSION_ID}")
                .doesNotContainKey("line_items[0][price_data][recurring][interval]")
                .doesNotContainKey("subscription_data[metadata][user_id]");
        assertThat(sent.metadata()).isEqualTo(metadata(uni.id(), student.id(), "gold-10", started.paymentId()));
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PENDING");
        assertThat(text("SELECT external_id FROM payments WHERE id = ?::uuid", started.paymentId()))
                .isEqualTo(started.sessionId());
    }

    @Test
    void returnUrlsComeFromTheConfiguredSiteWhateverHostSpellingReachedUs() {
        User student = fixtures.verifiedStudent(uni);
        String odd = uni.subdomain().toUpperCase(java.util.Locale.ROOT) + "." + BASE_DOMAIN + ".:6666";
        HttpResponse<String> response = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/billing/checkout", Map.of("product", "gold-10"))
                        .header("Host", odd)
                        .header("Authorization", sessions.signIn(student).bearer()));
        assertThat(response.code()).as(response.body()).isEqualTo(200);

        assertThat(stripe.last(SESSIONS).parameters())
                .containsEntry(
                        "success_url",
                        "http://" + hostOf(uni.subdomain()) + "/billing/success?session_id={CHECKOUT_SESSION_ID}")
                .containsEntry(
                        "cancel_url",
                        "http://" + hostOf(uni.subdomain()) + "/billing/cancelled?session_id={CHECKOUT_SESSION_ID}");
    }

    @Test
    void aPlanCheckoutIsAMonthlySubscriptionCarryingTheMetadataOntoTheSubscription() {
        User student = fixtures.verifiedStudent(uni);

        Started started = checkout(uni, student, "ultimate");

        assertThat(stripe.last(SESSIONS).parameters())
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price_data][unit_amount]", "14900")
                .containsEntry("line_items[0][price_data][recurring][interval]", "month")
                .containsEntry("line_items[0][price_data][product_data][name]", "Ultimate")
                .containsEntry("subscription_data[metadata][university_id]", Long.toString(uni.id()))
                .containsEntry("subscription_data[metadata][user_id]", Long.toString(student.id()))
                .containsEntry("subscription_data[metadata][product]", "ultimate")
                .containsEntry("subscription_data[metadata][payment_id]", started.paymentId())
                .doesNotContainKey("customer_creation");
    }

    @Test
    void theBuyFormRedirectsToStripeAndNeedsItsCsrfToken() {
        User student = fixtures.verifiedStudent(uni);
        SignedIn session = sessions.signIn(student);

        HttpResponse<String> bought =
                form("/billing/checkout", session, Map.of("product", "silver-50", "csrf", session.csrf()));

        assertThat(bought.code()).isEqualTo(303);
        assertThat(bought.header("Location")).startsWith(stripe.baseUrl() + "/pay/cs_test_");
        assertThat(stripe.last(SESSIONS).parameter("line_items[0][price_data][unit_amount]"))
                .isEqualTo("500");

        int before = stripe.requests(SESSIONS).size();
        HttpResponse<String> forged = form("/billing/checkout", session, Map.of("product", "silver-50"));
        assertThat(forged.code()).isEqualTo(403);
        assertThat(stripe.requests(SESSIONS)).hasSize(before);
    }

    @Test
    void aReturningCustomerIsCheckedOutAsTheSameStripeCustomer() {
        User student = fixtures.verifiedStudent(uni);
        Started first = checkout(uni, student, "gold-10");
        ObjectNode session = checkoutSession(
                first.sessionId(),
                "payment",
                metadata(uni.id(), student.id(), "gold-10", first.paymentId()),
                "paid",
                900);
        session.put("customer", "cus_returning");
        deliver(event("checkout.session.completed", session));

        checkout(uni, student, "gold-30");

        assertThat(stripe.last(SESSIONS).parameters())
                .containsEntry("customer", "cus_returning")
                .doesNotContainKey("customer_email")
                .doesNotContainKey("customer_creation");
    }

    @Test
    void unknownProductsAreRefusedAndNothingIsSentToStripe() {
        User student = fixtures.verifiedStudent(uni);
        HttpResponse<String> response = api(student, "{\"product\":\"gold-1000000\"}");
        assertThat(response.code()).isEqualTo(422);
        assertThat(response.body()).contains("\"error\":\"unknown_product\"").contains("\"fields\":{\"product\"");
        assertThat(api(student, "{}").code()).isEqualTo(422);
        assertThat(stripe.requests(SESSIONS)).isEmpty();
    }

    @Test
    void aSecondPlanWhileOneIsActiveIsRefused() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "basic");
        deliver(event(
                "invoice.paid",
                invoice(
                        id("in"),
                        id("sub"),
                        metadata(uni.id(), student.id(), "basic", started.paymentId()),
                        "subscription_create",
                        4900,
                        true)));
        stripe.reset();

        HttpResponse<String> second = api(student, "{\"product\":\"premium\"}");

        assertThat(second.code()).isEqualTo(409);
        assertThat(second.body()).contains("\"error\":\"already_subscribed\"").contains("Basic");
        assertThat(stripe.requests(SESSIONS)).isEmpty();
        assertThat(api(student, "{\"product\":\"gold-10\"}").code()).isEqualTo(200);
    }

    @Test
    void whenStripeRefusesTheStudentSeesWhyAndNoPaymentIsRecorded() {
        User student = fixtures.verifiedStudent(uni);
        SignedIn session = sessions.signIn(student);
        stripe.failNext(400, "invalid_request_error", "Invalid currency");

        HttpResponse<String> page =
                form("/billing/checkout", session, Map.of("product", "gold-10", "csrf", session.csrf()));

        assertThat(page.code()).isEqualTo(502);
        assertThat(page.body())
                .contains("data-billing-error")
                .contains("nothing was charged")
                .contains("Credit packs");
        assertThat(count(
                        "SELECT count(*) FROM payments WHERE university_id = ? AND user_id = ?",
                        uni.id(),
                        student.id()))
                .isZero();
    }

    @Test
    void onlySignedInStudentsWithAVerifiedAddressCanBuy() {
        HttpResponse<String> anonymous = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/billing/checkout", "{\"product\":\"gold-10\"}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", hostOf(uni.subdomain())));
        assertThat(anonymous.code()).isEqualTo(401);

        HttpResponse<String> staff = api(fixtures.staff(uni), "{\"product\":\"gold-10\"}");
        assertThat(staff.code()).isEqualTo(403);
        assertThat(staff.body()).contains("\"error\":\"students_only\"");

        HttpResponse<String> unverified = api(fixtures.student(uni), "{\"product\":\"gold-10\"}");
        assertThat(unverified.code()).isEqualTo(403);
        assertThat(unverified.body()).contains("\"error\":\"email_not_verified\"");
        assertThat(stripe.requests(SESSIONS)).isEmpty();
    }

    @Test
    void manageSubscriptionOpensStripesPortalForTheStudentsCustomer() {
        User student = fixtures.verifiedStudent(uni);
        SignedIn session = sessions.signIn(student);
        HttpResponse<String> none = form("/billing/portal", session, Map.of("csrf", session.csrf()));
        assertThat(none.code()).isEqualTo(409);
        assertThat(none.body()).contains("no subscription to manage");

        Started started = checkout(uni, student, "premium");
        String subscriptionId = id("sub");
        ObjectNode completed = checkoutSession(
                started.sessionId(),
                "subscription",
                metadata(uni.id(), student.id(), "premium", started.paymentId()),
                "paid",
                9900);
        completed.put("subscription", subscriptionId);
        completed.put("customer", "cus_portal");
        deliver(event("checkout.session.completed", completed));

        HttpResponse<String> portal = form("/billing/portal", session, Map.of("csrf", session.csrf()));

        assertThat(portal.code()).isEqualTo(303);
        assertThat(portal.header("Location")).startsWith(stripe.baseUrl() + "/portal/bps_test_");
        assertThat(stripe.last("/v1/billing_portal/sessions").parameters())
                .containsEntry("customer", "cus_portal")
                .containsEntry("return_url", "http://" + hostOf(uni.subdomain()) + "/billing");
    }

    private HttpResponse<String> api(User user, String json) {
        return Http.exchange(
                client,
                HttpRequest.POST("/api/v1/billing/checkout", json)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Authorization", sessions.signIn(user).bearer()));
    }

    private HttpResponse<String> form(String path, SignedIn session, Map<String, String> fields) {
        MutableHttpRequest<Map<String, String>> request = HttpRequest.POST(path, fields)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("Host", hostOf(uni.subdomain()))
                .header("Cookie", session.cookie())
                .accept(MediaType.TEXT_HTML);
        return Http.exchange(client, request);
    }
}
