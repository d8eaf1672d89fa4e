package com.careerai.billing;

import static com.careerai.testing.StripeTestEvents.charge;
import static com.careerai.testing.StripeTestEvents.checkoutSession;
import static com.careerai.testing.StripeTestEvents.event;
import static com.careerai.testing.StripeTestEvents.id;
import static com.careerai.testing.StripeTestEvents.invoice;
import static com.careerai.testing.StripeTestEvents.metadata;
import static com.careerai.testing.StripeTestEvents.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The billing pages and JSON a student sees, before and after Stripe confirms. */
@MicronautTest(transactional = false)
class BillingPagesTest extends BillingTestBase {
    @Inject
    Fixtures fixtures;

    @Inject
    Plans plans;

    @Inject
    UserAccounts users;

    @Inject
    StoreReads reads;

    University uni;

    @BeforeAll
    void university() {
        uni = fixtures.university();
    }

    @Test
    void aNewStudentSeesPricingInTheUniversitysColourAndEmptyHistory() {
        User student = fixtures.verifiedStudent(uni);

        HttpResponse<String> page = get("/billing", sessions.signIn(student), "text/html");

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body())
                .contains("--brand: #A31F34")
                .contains("Credits and plans")
                .contains("data-product=\"gold-10\"")
                .contains("<p class=\"price\">$9</p>")
                .contains("10 gold credits, never expire")
                .contains("data-product=\"premium\"")
                .contains("$99<span class=\"per\"> / month</span>")
                .contains("Most popular")
                .contains("3 counselling sessions a month")
                .contains("Unlimited counselling sessions")
                .contains("Choose Ultimate")
                .contains("Free allowance")
                .contains("No payments yet")
                .contains("name=\"csrf\"")
                .doesNotContain("data-billing-not-configured")
                .doesNotContain("Manage subscription");
    }

    @Test
    void afterBuyingThePageShowsThePlanHistoryStatusesAndReceipts() {
        User student = fixtures.verifiedStudent(uni);
        SignedIn session = sessions.signIn(student);
        Started pack = checkout(uni, student, "gold-10");
        deliver(event(
                "checkout.session.completed",
                checkoutSession(
                        pack.sessionId(),
                        "payment",
                        metadata(uni.id(), student.id(), "gold-10", pack.paymentId()),
                        "paid",
                        900)));
        deliver(event("charge.refunded", charge(id("ch"), "pi_" + pack.sessionId(), 900, 450)));
        Started plan = checkout(uni, student, "premium");
        Map<String, String> planMetadata = metadata(uni.id(), student.id(), "premium", plan.paymentId());
        String subscriptionId = id("sub");
        deliver(event(
                "invoice.paid", invoice(id("in"), subscriptionId, planMetadata, "subscription_create", 9900, true)));
        deliver(event(
                "customer.subscription.updated",
                subscription(subscriptionId, "active", planMetadata, Instant.parse("2031-03-12T10:00:00Z"))));
        Started abandoned = checkout(uni, student, "gold-30");

        String body = get("/billing", session, "text/html").body();

        assertThat(body)
                .contains("<h2>Premium <span class=\"badge ok\">Active</span>")
                .contains("Renews on 12 March 2031")
                .contains("Manage subscription")
                .contains("Your current plan")
                .contains("Change plans with")
                .contains("data-status=\"PAID\">Paid<")
                .contains("data-status=\"PARTIALLY_REFUNDED\">Partly refunded<")
                .contains("data-status=\"PENDING\">Awaiting payment<")
                .contains("$4.50 refunded")
                .contains("5 taken back")
                .contains("Premium plan (monthly)")
                .contains("$99.00")
                .contains("href=\"/billing/payments/" + plan.paymentId() + "/receipt\"")
                .doesNotContain("href=\"/billing/payments/" + abandoned.paymentId() + "/receipt\"");
        assertThat(fixtures.in(uni, () -> plans.isPro(uni.id(), student.id()))).isTrue();
        assertThat(fixtures.in(uni, () -> plans.currentPlan(uni.id(), student.id()))
                        .map(Product::id))
                .contains("premium");
        assertThat(fixtures.in(uni, () -> plans.includes(uni.id(), student.id())))
                .isEqualTo(new Product.PlanIncludes(3, 3, true));

        HttpResponse<String> receipt = get("/billing/payments/" + plan.paymentId() + "/receipt", session, "text/html");
        assertThat(receipt.code()).isEqualTo(200);
        assertThat(receipt.body())
                .contains("University of " + uni.subdomain() + " Careers")
                .contains(student.email())
                .contains("Premium plan (monthly)")
                .contains("$99.00")
                .contains(plan.paymentId().substring(0, 8).toUpperCase());
        assertThat(get("/billing/payments/" + abandoned.paymentId() + "/receipt", session, "text/html")
                        .code())
                .isEqualTo(404);

        HttpResponse<String> json = get("/api/v1/billing", session, "application/json");
        assertThat(json.body())
                .contains("\"planStatus\":\"active\"")
                .contains("\"id\":\"premium\"")
                .contains("\"status\":\"PARTIALLY_REFUNDED\"")
                .contains("\"creditsReversed\":5");
    }

    @Test
    void theSuccessPageConfirmsOnlyOnceTheWebhookHasAndItsJsonTellsTheScript() {
        User student = fixtures.verifiedStudent(uni);
        SignedIn session = sessions.signIn(student);
        Started started = checkout(uni, student, "gold-30");
        String success = "/billing/success?session_id=" + started.sessionId();

        HttpResponse<String> waiting = get(success, session, "text/html");
        assertThat(waiting.code()).isEqualTo(200);
        assertThat(waiting.body())
                .contains("Confirming your payment…")
                .contains("data-status=\"PENDING\"")
                .contains("/static/billing.js");
        assertThat(get("/api/v1/billing/checkouts/" + started.sessionId(), session, "application/json")
                        .body())
                .contains("\"status\":\"PENDING\"")
                .contains("\"confirmed\":false");

        deliver(event(
                "checkout.session.completed",
                checkoutSession(
                        started.sessionId(),
                        "payment",
                        metadata(uni.id(), student.id(), "gold-30", started.paymentId()),
                        "paid",
                        2400)));

        assertThat(get("/api/v1/billing/checkouts/" + started.sessionId(), session, "application/json")
                        .body())
                .contains("\"status\":\"PAID\"")
                .contains("\"confirmed\":true")
                .contains("\"receiptUrl\":\"/billing/payments/" + started.paymentId() + "/receipt\"");
        assertThat(get(success, session, "text/html").body())
                .contains("Payment confirmed")
                .contains("<strong>30 gold credits</strong> are in your wallet")
                .contains("View receipt");
    }

    @Test
    void anExpiredCheckoutSaysSoAndTheCancelPageSaysNothingWasCharged() {
        User student = fixtures.verifiedStudent(uni);
        SignedIn session = sessions.signIn(student);
        Started started = checkout(uni, student, "gold-10");

        HttpResponse<String> cancelled =
                get("/billing/cancelled?session_id=" + started.sessionId(), session, "text/html");
        assertThat(cancelled.code()).isEqualTo(200);
        assertThat(cancelled.body())
                .contains("Payment cancelled")
                .contains("for 10 gold credits")
                .contains("Nothing was charged");

        deliver(event(
                "checkout.session.expired",
                checkoutSession(
                        started.sessionId(),
                        "payment",
                        metadata(uni.id(), student.id(), "gold-10", started.paymentId()),
                        "unpaid",
                        900)));
        assertThat(paymentStatus(started.paymentId())).isEqualTo("EXPIRED");
        assertThat(get("/billing/success?session_id=" + started.sessionId(), session, "text/html")
                        .body())
                .contains("Payment not completed");
        assertThat(get("/billing", session, "text/html").body()).contains("data-status=\"EXPIRED\">Cancelled<");
    }

    @Test
    void anotherStudentsCheckoutAndPaymentsAreNotFound() {
        User owner = fixtures.verifiedStudent(uni);
        User other = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, owner, "gold-10");
        SignedIn session = sessions.signIn(other);

        assertThat(get("/billing/success?session_id=" + started.sessionId(), session, "text/html")
                        .code())
                .isEqualTo(404);
        assertThat(get("/api/v1/billing/checkouts/" + started.sessionId(), session, "application/json")
                        .code())
                .isEqualTo(404);
        assertThat(get("/billing/payments/" + started.paymentId() + "/receipt", session, "text/html")
                        .code())
                .isEqualTo(404);
        assertThat(get("/billing/payments/not-a-uuid/receipt", session, "text/html")
                        .code())
                .isEqualTo(404);
        assertThat(get("/billing", session, "text/html").body()).contains("No payments yet");
    }

    @Test
    void staffAndCounsellorsGetA403AndVisitorsAreAskedToSignIn() {
        HttpResponse<String> staff = get("/billing", sessions.signIn(fixtures.staff(uni)), "text/html");
        assertThat(staff.code()).isEqualTo(403);
        assertThat(staff.body()).contains("Credit packs and plans are for students.");
        User counsellor = fixtures.in(
                uni,
                () -> users.ensure(
                        uni.id(),
                        "coach" + System.nanoTime() + "@" + uni.subdomain() + ".edu",
                        "Coach",
                        Role.COUNSELLOR));
        assertThat(get("/billing", sessions.signIn(counsellor), "text/html").code())
                .isEqualTo(403);

        HttpResponse<String> anonymous = get("/billing", null, "text/html");
        assertThat(anonymous.code()).isEqualTo(303);
        assertThat(anonymous.header("Location")).isEqualTo("/signin?next=%2Fbilling");
        assertThat(get("/api/v1/billing", null, "application/json").code()).isEqualTo(401);
    }

    @Test
    void productsAreListedForApiClients() {
        HttpResponse<String> products =
                get("/api/v1/billing/products", sessions.signIn(fixtures.verifiedStudent(uni)), "application/json");
        assertThat(products.code()).isEqualTo(200);
        assertThat(products.body())
                .startsWith("[{\"id\":\"silver-50\",\"kind\":\"pack\"")
                .contains("{\"id\":\"gold-10\",\"kind\":\"pack\",\"name\":\"10 gold credits\"")
                .contains("\"price\":900,\"currency\":\"usd\",\"priceLabel\":\"$9\"")
                .contains("\"id\":\"basic\",\"kind\":\"plan\"")
                .contains("\"interval\":\"month\",\"credits\":50,\"creditsCurrency\":\"gold\"");
    }

    @Test
    void paymentsAndSubscriptionsOfOneUniversityAreInvisibleToAnother() {
        University a = fixtures.university();
        University b = fixtures.university();
        CrossTenant.assertInvisible(
                a,
                b,
                university -> {
                    User student = fixtures.verifiedStudent(university);
                    checkout(university, student, "gold-10");
                    return student.id();
                },
                (university, userId) -> reads.payments(university.id(), userId));
        CrossTenant.assertInvisible(
                a,
                b,
                university -> {
                    User student = fixtures.verifiedStudent(university);
                    Started started = checkout(university, student, "basic");
                    deliver(event(
                            "invoice.paid",
                            invoice(
                                    id("in"),
                                    id("sub"),
                                    metadata(university.id(), student.id(), "basic", started.paymentId()),
                                    "subscription_create",
                                    4900,
                                    true)));
                    return student.id();
                },
                (university, userId) -> reads.subscriptions(university.id(), userId));
        assertThat(fixtures.in(b, () -> reads.payment(b.id(), UUID.randomUUID())))
                .isEmpty();
    }

    @Test
    void theProFlagIsWrittenAndReadWithinOneUniversityOnly() {
        University a = fixtures.university();
        University b = fixtures.university();
        CrossTenant.assertInvisible(
                a,
                b,
                university -> {
                    User student = fixtures.student(university);
                    assertThat(users.setPro(university.id(), student.id(), true))
                            .isTrue();
                    return student.id();
                },
                (university, userId) -> users.isPro(university.id(), userId));
        User student = fixtures.student(a);
        assertThat(fixtures.in(b, () -> users.setPro(b.id(), student.id(), true)))
                .isFalse();
        assertThat(fixtures.in(a, () -> users.isPro(a.id(), student.id()))).isFalse();
    }

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("spec.name", "BillingPagesTest");
    }

    /** Reads through billing's stores, as a university would. */
    @io.micronaut.context.annotation.Requires(property = "spec.name", value = "BillingPagesTest")
    @jakarta.inject.Singleton
    static class StoreReads {
        private final PaymentStore payments;
        private final SubscriptionStore subscriptions;

        StoreReads(PaymentStore payments, SubscriptionStore subscriptions) {
            this.payments = payments;
            this.subscriptions = subscriptions;
        }

        @Connectable
        public java.util.List<Payment> payments(long universityId, long userId) {
            return payments.history(universityId, userId, 10);
        }

        @Connectable
        public java.util.List<Subscription> subscriptions(long universityId, long userId) {
            return subscriptions.ofUser(universityId, userId);
        }

        @Connectable
        public java.util.Optional<Payment> payment(long universityId, UUID id) {
            return payments.lock(universityId, id);
        }
    }

    private HttpResponse<String> get(String path, SignedIn session, String accept) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).accept(accept).header("Host", hostOf(uni.subdomain()));
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return Http.exchange(client, request);
    }
}
