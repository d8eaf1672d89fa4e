package com.careerai.billing;

import static com.careerai.testing.StripeTestEvents.charge;
import static com.careerai.testing.StripeTestEvents.checkoutSession;
import static com.careerai.testing.StripeTestEvents.event;
import static com.careerai.testing.StripeTestEvents.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Http;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff refunds from /staff/payments against the real stripe-java client and a local Stripe: the
 * provider is asked once per refund (idempotency key), unspent credits are reversed and the rest
 * owed, the webhook that follows changes nothing, the student is told, everything is audited.
 */
@MicronautTest(transactional = false)
class StaffRefundTest extends BillingTestBase {
    @Inject
    Fixtures fixtures;

    @Inject
    Wallets wallets;

    University uni;
    University other;

    @BeforeAll
    void universities() {
        uni = fixtures.university();
        other = fixtures.university();
    }

    /** A confirmed gold-10 pack ($9.00, 10 gold) of a new student; returns [student id, payment id, payment intent]. */
    private Paid paidPack() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "gold-10");
        deliver(event(
                "checkout.session.completed",
                checkoutSession(
                        started.sessionId(),
                        "payment",
                        metadata(uni.id(), student.id(), "gold-10", started.paymentId()),
                        "paid",
                        900)));
        String paymentIntent = "pi_" + started.sessionId();
        String chargeId = stripe.charge(paymentIntent, 900);
        return new Paid(student, started.paymentId(), paymentIntent, chargeId);
    }

    private record Paid(User student, String paymentId, String paymentIntent, String chargeId) {}

    private long gold(User student) {
        return fixtures.in(uni, () -> wallets.balances(uni.id(), student.id())).gold();
    }

    private void spend(User student, int credits) {
        for (int i = 0; i < credits; i++) {
            fixtures.run(
                    uni, () -> wallets.debit(uni.id(), student.id(), "job-pack", Currency.GOLD, UUID.randomUUID()));
        }
    }

    private HttpResponse<String> apiRefund(
            University university, User staff, String paymentId, Map<String, Object> body) {
        return Http.exchange(
                client,
                HttpRequest.POST("/api/v1/staff/payments/" + paymentId + "/refunds", body)
                        .header("Host", hostOf(university.subdomain()))
                        .header("Authorization", sessions.signIn(staff).bearer()));
    }

    private HttpResponse<String> formRefund(User staff, String paymentId, String amount, String reason) {
        SignedIn session = sessions.signIn(staff);
        Map<String, String> form = new HashMap<>();
        form.put("amount", amount);
        form.put("reason", reason);
        form.put("csrf", session.csrf());
        return Http.exchange(
                client,
                HttpRequest.POST("/staff/payments/" + paymentId + "/refunds", form)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(uni.subdomain())));
    }

    private String page(User staff, String path) {
        SignedIn session = sessions.signIn(staff);
        HttpResponse<String> response = Http.exchange(
                client,
                HttpRequest.GET(path)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(uni.subdomain())));
        assertThat(response.code()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aPartialRefundByStaffReversesOnlyUnspentCreditsAndTheWebhookThatFollowsChangesNothing() {
        Paid paid = paidPack();
        User staff = fixtures.staff(uni);
        spend(paid.student(), 8);
        assertThat(gold(paid.student())).isEqualTo(2);

        HttpResponse<String> response =
                apiRefund(uni, staff, paid.paymentId(), Map.of("amountCents", 450, "reason", "Course cancelled"));

        assertThat(response.code()).as(response.body()).isEqualTo(202);
        assertThat(response.body())
                .contains("\"status\":\"SUCCEEDED\"")
                .contains("\"amountCents\":450")
                .contains("\"paymentStatus\":\"PARTIALLY_REFUNDED\"");
        // Half of 10 credits is due back; 2 were unspent, 3 stay owed.
        assertThat(gold(paid.student())).isZero();
        assertThat(count("SELECT credits_reversed FROM payments WHERE id = ?::uuid", paid.paymentId()))
                .isEqualTo(2);
        assertThat(count("SELECT credits_owed FROM payments WHERE id = ?::uuid", paid.paymentId()))
                .isEqualTo(3);
        assertThat(count("SELECT refunded_cents FROM payments WHERE id = ?::uuid", paid.paymentId()))
                .isEqualTo(450);
        FakeStripeRefund sent = FakeStripeRefund.of(stripe.last("/v1/refunds"));
        assertThat(sent.paymentIntent()).isEqualTo(paid.paymentIntent());
        assertThat(sent.amount()).isEqualTo("450");
        assertThat(sent.idempotencyKey()).startsWith("refund-");
        assertThat(text("SELECT status FROM payment_refunds WHERE payment_id = ?::uuid", paid.paymentId()))
                .isEqualTo("SUCCEEDED");
        assertThat(text("SELECT reason FROM payment_refunds WHERE payment_id = ?::uuid", paid.paymentId()))
                .isEqualTo("Course cancelled");
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'payments.refund.requested'"
                                + " AND details->>'payment' = ?",
                        uni.id(),
                        paid.paymentId()))
                .isEqualTo(1);

        // Stripe's charge.refunded for the same refund arrives afterwards: already recorded.
        String webhook = event("charge.refunded", charge(paid.chargeId(), paid.paymentIntent(), 900, 450));
        assertThat(deliver(webhook).body()).contains("already recorded");
        assertThat(count("SELECT credits_owed FROM payments WHERE id = ?::uuid", paid.paymentId()))
                .isEqualTo(3);
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND user_id = ? AND type = 'REVERSAL'",
                        uni.id(),
                        paid.student().id()))
                .isEqualTo(1);

        // The student is told by email (an important notice).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(
                        "SELECT count(*) FROM notifications WHERE university_id = ? AND user_id = ? AND title LIKE 'Partly refunded%'",
                        uni.id(), paid.student().id()))
                .isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(
                        "SELECT count(*) FROM mail_deliveries WHERE university_id = ? AND recipient = ? AND template = 'NOTIFICATION'",
                        uni.id(),
                        paid.student().email()))
                .isEqualTo(1));

        // The rest, from the page's form: the whole remainder, REFUNDED.
        HttpResponse<String> rest = formRefund(staff, paid.paymentId(), "", "Rest after review");
        assertThat(rest.code()).as(rest.body()).isEqualTo(303);
        assertThat(paymentStatus(paid.paymentId())).isEqualTo("REFUNDED");
        assertThat(stripe.refunded(paid.paymentIntent())).isEqualTo(900);
        assertThat(count("SELECT credits_reversed + credits_owed FROM payments WHERE id = ?::uuid", paid.paymentId()))
                .isEqualTo(10);
        String shown = page(staff, "/staff/payments/" + paid.paymentId());
        assertThat(shown)
                .contains("Rest after review")
                .contains("Course cancelled")
                .contains("data-not-refundable");
        assertThat(page(staff, "/staff/payments?status=REFUNDED"))
                .contains("data-payment=\"" + paid.paymentId() + "\"");
        assertThat(page(staff, "/staff/payments?status=PAID")).doesNotContain(paid.paymentId());

        HttpResponse<String> again = apiRefund(uni, staff, paid.paymentId(), Map.of("reason", "Once more"));
        assertThat(again.code()).as(again.body()).isEqualTo(409);
        assertLedgerClean(uni);
    }

    @Test
    void badInputIsRefusedBesideTheFieldsAndNothingIsRefunded() {
        Paid paid = paidPack();
        User staff = fixtures.staff(uni);
        int before = stripe.requests("/v1/refunds").size();

        HttpResponse<String> noReason = apiRefund(uni, staff, paid.paymentId(), Map.of("amountCents", 100));
        assertThat(noReason.code()).isEqualTo(422);
        assertThat(noReason.body()).contains("\"fields\"").contains("\"reason\"");
        HttpResponse<String> tooMuch =
                apiRefund(uni, staff, paid.paymentId(), Map.of("amountCents", 901, "reason", "x"));
        assertThat(tooMuch.code()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("\"amountCents\"").contains("$9.00");
        HttpResponse<String> form = formRefund(staff, paid.paymentId(), "4.5.0", "");
        assertThat(form.code()).isEqualTo(422);
        assertThat(form.body())
                .contains("amount-error")
                .contains("reason-error")
                .contains("value=\"4.5.0\"");

        assertThat(stripe.requests("/v1/refunds")).hasSize(before);
        assertThat(paymentStatus(paid.paymentId())).isEqualTo("PAID");
        assertThat(gold(paid.student())).isEqualTo(10);
    }

    @Test
    void aPendingPaymentCannotBeRefundedAndTheProvidersRefusalIsRecorded() {
        User student = fixtures.verifiedStudent(uni);
        User staff = fixtures.staff(uni);
        Started pending = checkout(uni, student, "gold-10");
        HttpResponse<String> notYet = apiRefund(uni, staff, pending.paymentId(), Map.of("reason", "x"));
        assertThat(notYet.code()).as(notYet.body()).isEqualTo(409);

        Paid paid = paidPack();
        stripe.failNext(400, "invalid_request_error", "Charge is disputed.");
        HttpResponse<String> refused = apiRefund(uni, staff, paid.paymentId(), Map.of("reason", "x"));
        assertThat(refused.code()).as(refused.body()).isEqualTo(502);
        assertThat(text("SELECT status FROM payment_refunds WHERE payment_id = ?::uuid", paid.paymentId()))
                .isEqualTo("FAILED");
        assertThat(paymentStatus(paid.paymentId())).isEqualTo("PAID");
        assertThat(gold(paid.student())).isEqualTo(10);
    }

    @Test
    void anotherUniversitysStaffAndStudentsCannotSeeOrRefundAPayment() {
        Paid paid = paidPack();
        User otherStaff = fixtures.staff(other);
        HttpResponse<String> foreign = apiRefund(other, otherStaff, paid.paymentId(), Map.of("reason", "x"));
        assertThat(foreign.code()).as(foreign.body()).isEqualTo(404);
        SignedIn session = sessions.signIn(otherStaff);
        HttpResponse<String> foreignPage = Http.exchange(
                client,
                HttpRequest.GET("/staff/payments/" + paid.paymentId())
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(other.subdomain())));
        assertThat(foreignPage.code()).isEqualTo(404);
        HttpResponse<String> byStudent = apiRefund(uni, paid.student(), paid.paymentId(), Map.of("reason", "x"));
        assertThat(byStudent.code()).isEqualTo(403);
        assertThat(paymentStatus(paid.paymentId())).isEqualTo("PAID");
        assertThat(stripe.refunded(paid.paymentIntent())).isZero();
    }

    /** What the refund call sent to Stripe. */
    private record FakeStripeRefund(String paymentIntent, String amount, String idempotencyKey) {
        static FakeStripeRefund of(com.careerai.testing.FakeStripeServer.Request request) {
            return new FakeStripeRefund(
                    request.parameter("payment_intent"),
                    request.parameter("amount"),
                    request.headers().get("idempotency-key"));
        }
    }
}
