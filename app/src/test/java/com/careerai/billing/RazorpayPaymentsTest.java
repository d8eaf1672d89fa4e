package com.careerai.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.FakeRazorpayServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credit packs through Razorpay: the real razorpay-java SDK against {@link FakeRazorpayServer},
 * signatures computed as Razorpay documents them. The order is created server-side; only a signed
 * Checkout answer or a signed webhook confirms it, and either (or both, in any order, replayed)
 * gives the credits once.
 */
@MicronautTest(transactional = false)
class RazorpayPaymentsTest extends RazorpayTestBase {
    @Inject
    com.careerai.courses.CourseFixtures courses;

    @Inject
    com.careerai.courses.Enrolments enrolments;

    University uni;
    University stripeUni;

    @BeforeAll
    void universities() {
        uni = fixtures.university();
        stripeUni = fixtures.university();
        CrossTenant.within(uni, () -> settings.change(uni.id(), PaymentSettings.Provider.RAZORPAY, "INR", "test"));
    }

    @Test
    void theOrderIsCreatedServerSideInTheUniversitysCurrencyAndThePaymentWaits() {
        User student = fixtures.verifiedStudent(uni);

        Started started = checkout(uni, student, "gold-10");

        FakeRazorpayServer.Request sent = razorpay.last("/v1/orders");
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.body().getLong("amount")).isEqualTo(74900);
        assertThat(sent.body().getString("currency")).isEqualTo("INR");
        assertThat(sent.body().getString("receipt")).isEqualTo(started.paymentId());
        assertThat(sent.body().getJSONObject("notes").getString("user_id")).isEqualTo(Long.toString(student.id()));
        assertThat(started.sessionId()).startsWith("order_");
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PENDING");
        assertThat(text(
                        "SELECT provider || ' ' || amount_cents || ' ' || currency FROM payments WHERE id = ?::uuid",
                        started.paymentId()))
                .isEqualTo("razorpay 74900 inr");
        assertThat(gold(student)).isZero();

        String page = page(student, "/billing/razorpay/" + started.paymentId());
        assertThat(page)
                .contains("data-order=\"" + started.sessionId() + "\"")
                .contains("data-key=\"" + FakeRazorpayServer.KEY_ID + "\"")
                .contains("data-amount=\"74900\"")
                .contains("https://checkout.razorpay.com/v1/checkout.js")
                .contains("/static/razorpay-checkout.js")
                .doesNotContain("<script>");
    }

    @Test
    void thePaymentPageAloneWidensTheContentSecurityPolicyForRazorpayCheckout() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "silver-50");

        HttpResponse<String> page = get(student, "/billing/razorpay/" + started.paymentId());
        HttpResponse<String> billing = get(student, "/billing");

        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'self' https://checkout.razorpay.com;")
                .contains("frame-src https://api.razorpay.com https://checkout.razorpay.com;");
        assertThat(billing.header("Content-Security-Policy")).doesNotContain("razorpay");
        assertThat(billing.body()).contains("₹749").contains("Razorpay");
    }

    @Test
    void aSignedCheckoutAnswerGivesTheCreditsOnceAndTheWebhooksAfterItChangeNothing() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "gold-10");
        JSONObject paid = razorpay.pay(started.sessionId());

        HttpResponse<String> confirmed = confirm(
                student,
                started.paymentId(),
                FakeRazorpayServer.checkoutAnswer(started.sessionId(), paid.getString("id")));
        assertThat(confirmed.code()).as(confirmed.body()).isEqualTo(303);
        assertThat(confirmed.header("Location")).isEqualTo("/billing/success?session_id=" + started.sessionId());
        assertThat(gold(student)).isEqualTo(10);
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PAID");
        assertThat(text("SELECT payment_intent_id FROM payments WHERE id = ?::uuid", started.paymentId()))
                .isEqualTo(paid.getString("id"));
        assertThat(page(student, "/billing/success?session_id=" + started.sessionId()))
                .contains("Payment confirmed");
        assertThat(page(student, "/billing/payments/" + started.paymentId() + "/receipt"))
                .contains("Paid through Razorpay")
                .contains(paid.getString("id"));

        // the same answer again, and both webhooks (each delivered twice): nothing more
        assertThat(confirm(
                                student,
                                started.paymentId(),
                                FakeRazorpayServer.checkoutAnswer(started.sessionId(), paid.getString("id")))
                        .code())
                .isEqualTo(303);
        String captured = razorpay.event("payment.captured", paid, null);
        String orderPaid = razorpay.event("order.paid", paid, null);
        assertThat(deliverRazorpay("evt_cap_" + started.paymentId(), captured)).contains("\"PROCESSED\"");
        assertThat(deliverRazorpay("evt_cap_" + started.paymentId(), captured)).contains("\"DUPLICATE\"");
        assertThat(deliverRazorpay("evt_paid_" + started.paymentId(), orderPaid))
                .contains("already PAID");
        assertThat(gold(student)).isEqualTo(10);
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE user_id = ? AND idempotency_key = ?",
                        student.id(),
                        "razorpay:" + started.sessionId()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM outbox_events WHERE type LIKE '%PaymentConfirmed%' AND payload::text LIKE ?",
                        "%" + started.paymentId() + "%"))
                .isEqualTo(1);
        // invoiced once, like a Stripe payment, whichever of the answer and the webhooks came first
        assertThat(count("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", started.paymentId()))
                .isEqualTo(1);
        assertLedgerClean(uni);
    }

    @Test
    void theWebhookAloneConfirmsAndItsReplayAndTheLateCheckoutAnswerApplyNothing() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "gold-10");
        JSONObject paid = razorpay.pay(started.sessionId());
        String body = razorpay.event("order.paid", paid, null);

        assertThat(deliverRazorpay("evt_only_" + started.paymentId(), body)).contains("topped up 10 gold");
        assertThat(deliverRazorpay("evt_only_" + started.paymentId(), body)).contains("DUPLICATE");
        assertThat(confirm(
                                student,
                                started.paymentId(),
                                FakeRazorpayServer.checkoutAnswer(started.sessionId(), paid.getString("id")))
                        .code())
                .isEqualTo(303);

        assertThat(gold(student)).isEqualTo(10);
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PAID");
        assertThat(text("SELECT outcome FROM razorpay_events WHERE id = ?", "evt_only_" + started.paymentId()))
                .isEqualTo("PROCESSED");
        assertThat(text(
                        "SELECT university_id::text FROM razorpay_events WHERE id = ?",
                        "evt_only_" + started.paymentId()))
                .isEqualTo(Long.toString(uni.id()));
    }

    @Test
    void aBadCheckoutSignatureOrAnotherOrdersAnswerIsRefusedAndGivesNothing() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "gold-10");
        JSONObject paid = razorpay.pay(started.sessionId());
        Map<String, String> forged =
                new HashMap<>(FakeRazorpayServer.checkoutAnswer(started.sessionId(), paid.getString("id")));
        forged.put("razorpay_signature", "0".repeat(64));
        Started other = checkout(uni, student, "silver-50");

        HttpResponse<String> refused = confirm(student, started.paymentId(), forged);
        HttpResponse<String> wrongOrder = confirm(
                student,
                started.paymentId(),
                FakeRazorpayServer.checkoutAnswer(other.sessionId(), paid.getString("id")));
        HttpResponse<String> signedWithWebhookSecret = confirm(
                student,
                started.paymentId(),
                Map.of(
                        "razorpay_order_id",
                        started.sessionId(),
                        "razorpay_payment_id",
                        paid.getString("id"),
                        "razorpay_signature",
                        FakeRazorpayServer.webhookSignature(started.sessionId() + "|" + paid.getString("id"))));

        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).contains("could not be verified").contains("data-razorpay-error");
        assertThat(wrongOrder.code()).isEqualTo(400);
        assertThat(signedWithWebhookSecret.code()).isEqualTo(400);
        assertThat(gold(student)).isZero();
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PENDING");
    }

    @Test
    void aWebhookWithABadOrMissingSignatureIs400AndWritesNothing() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "gold-10");
        String body = razorpay.event("payment.captured", razorpay.pay(started.sessionId()), null);

        HttpResponse<String> forged = razorpayWebhook("evt_forged", body, "f".repeat(64));
        HttpResponse<String> unsigned = razorpayWebhook("evt_unsigned", body, null);
        HttpResponse<String> tampered = razorpayWebhook(
                "evt_tampered",
                body.replace("\"amount\":74900", "\"amount\":1"),
                FakeRazorpayServer.webhookSignature(body));
        HttpResponse<String> onUniversityHost = Http.exchange(
                client,
                HttpRequest.POST("/webhooks/razorpay", body)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", hostOf(uni.subdomain()))
                        .header("X-Razorpay-Signature", FakeRazorpayServer.webhookSignature(body)));

        assertThat(forged.code()).isEqualTo(400);
        assertThat(unsigned.code()).isEqualTo(400);
        assertThat(tampered.code()).isEqualTo(400);
        assertThat(onUniversityHost.code()).isEqualTo(404);
        assertThat(
                        count(
                                "SELECT count(*) FROM razorpay_events WHERE id IN ('evt_forged', 'evt_unsigned', 'evt_tampered')"))
                .isZero();
        assertThat(gold(student)).isZero();
    }

    @Test
    void aProcessedRefundTakesTheCreditsBackOnceAndSaysSo() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "gold-10");
        JSONObject paid = razorpay.pay(started.sessionId());
        deliverRazorpay("evt_rc_" + started.paymentId(), razorpay.event("payment.captured", paid, null));
        JSONObject refund = razorpay.refund(paid.getString("id"), 74900);
        String body = razorpay.event("refund.processed", razorpay.payment(paid.getString("id")), refund);

        assertThat(deliverRazorpay("evt_rf_" + started.paymentId(), body)).contains("took back 10");
        assertThat(deliverRazorpay("evt_rf_" + started.paymentId(), body)).contains("DUPLICATE");
        assertThat(deliverRazorpay("evt_rf2_" + started.paymentId(), body)).contains("already recorded");

        assertThat(gold(student)).isZero();
        assertThat(paymentStatus(started.paymentId())).isEqualTo("REFUNDED");
        assertLedgerClean(uni);
    }

    @Test
    void anotherStudentOrUniversityCannotSeeOrConfirmThePayment() {
        User student = fixtures.verifiedStudent(uni);
        User classmate = fixtures.verifiedStudent(uni);
        University other = fixtures.university();
        User stranger = fixtures.verifiedStudent(other);
        Started started = checkout(uni, student, "gold-10");
        JSONObject paid = razorpay.pay(started.sessionId());
        Map<String, String> answer = FakeRazorpayServer.checkoutAnswer(started.sessionId(), paid.getString("id"));

        assertThat(get(classmate, "/billing/razorpay/" + started.paymentId()).code())
                .isEqualTo(404);
        assertThat(get(stranger, "/billing/razorpay/" + started.paymentId()).code())
                .isEqualTo(404);
        assertThat(confirm(classmate, started.paymentId(), answer).code()).isEqualTo(404);
        assertThat(confirm(stranger, started.paymentId(), answer).code()).isEqualTo(404);
        assertThat(get(student, "/billing/razorpay/" + UUID.randomUUID()).code())
                .isEqualTo(404);
        assertThat(gold(student)).isZero();
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PENDING");
    }

    @Test
    void aStripeUniversityIsUnchangedAndARazorpayOneSellsPlansInItsCurrency() {
        User stripeStudent = fixtures.verifiedStudent(stripeUni);
        User student = fixtures.verifiedStudent(uni);

        Started stripeStarted = checkout(stripeUni, stripeStudent, "gold-10");

        assertThat(stripeStarted.sessionId()).startsWith("cs_");
        assertThat(stripe.last("/v1/checkout/sessions").parameters())
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][unit_amount]", "900");
        assertThat(text("SELECT provider FROM payments WHERE id = ?::uuid", stripeStarted.paymentId()))
                .isEqualTo("stripe");
        assertThat(page(student, "/billing")).contains("Choose Premium").doesNotContain("data-no-plans");
        HttpResponse<String> products = Http.exchange(
                client,
                HttpRequest.GET("/api/v1/billing/products")
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Authorization", sessions.signIn(student).bearer()));
        assertThat(products.body())
                .contains("\"id\":\"gold-10\"")
                .contains("\"price\":74900")
                .contains("\"price\":799900")
                .contains("\"currency\":\"inr\"")
                .doesNotContain("\"currency\":\"usd\"");
    }

    @Test
    void staffRefundPartOfARazorpayPaymentThroughRazorpayAndOnlyThatShareOfCreditsGoesBack() {
        User student = fixtures.verifiedStudent(uni);
        User staff = fixtures.staff(uni);
        Started started = checkout(uni, student, "gold-10");
        JSONObject paid = razorpay.pay(started.sessionId());
        confirm(
                student,
                started.paymentId(),
                FakeRazorpayServer.checkoutAnswer(started.sessionId(), paid.getString("id")));
        assertThat(gold(student)).isEqualTo(10);

        HttpResponse<String> refunded = Http.exchange(
                client,
                HttpRequest.POST(
                                "/api/v1/staff/payments/" + started.paymentId() + "/refunds",
                                Map.of("amountCents", 37450, "reason", "Half the pack was bought by mistake"))
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Authorization", sessions.signIn(staff).bearer()));

        assertThat(refunded.code()).as(refunded.body()).isEqualTo(202);
        FakeRazorpayServer.Request sent = razorpay.last("/v1/payments/" + paid.getString("id") + "/refund");
        assertThat(sent.body().getLong("amount")).isEqualTo(37450);
        assertThat(sent.body().getString("receipt")).isNotBlank();
        assertThat(gold(student)).isEqualTo(5);
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PARTIALLY_REFUNDED");

        // Razorpay's refund.processed webhook that follows changes nothing more
        JSONObject refund = new JSONObject()
                .put("id", "rfnd_after")
                .put("payment_id", paid.getString("id"))
                .put("amount", 37450);
        deliverRazorpay(
                "evt_after_" + started.paymentId(),
                razorpay.event("refund.processed", razorpay.payment(paid.getString("id")), refund));
        assertThat(gold(student)).isEqualTo(5);
        assertLedgerClean(uni);
    }

    @Test
    void aPaidCoursePlaceIsPaidThroughRazorpayAndBecomesActiveOnlyOnceConfirmed() {
        com.careerai.courses.CourseFixtures.Made course =
                courses.make(uni, "Data analysis", 3, 4900L, null, null, com.careerai.courses.Course.Visibility.PUBLIC);
        User student = fixtures.verifiedStudent(uni);
        com.careerai.courses.Enrolments.Result pending = fixtures.in(
                uni,
                () -> enrolments.enrol(
                        com.careerai.auth.SignedInUser.of(student),
                        course.batchId(),
                        null,
                        "http://" + hostOf(uni.subdomain())));
        String paymentId = String.valueOf(pending.enrolment().paymentId());
        String orderId = text("SELECT external_id FROM payments WHERE id = ?::uuid", paymentId);

        assertThat(pending.checkoutUrl()).endsWith("/billing/razorpay/" + paymentId);
        assertThat(orderId).startsWith("order_");
        assertThat(razorpay.order(orderId).getLong("amount")).isEqualTo(4900);
        assertThat(razorpay.order(orderId).getString("currency")).isEqualTo("USD");
        assertThat(text(
                        "SELECT status FROM enrolments WHERE id = ?",
                        pending.enrolment().id()))
                .isEqualTo("PENDING");

        JSONObject paid = razorpay.pay(orderId);
        deliverRazorpay("evt_course_" + paymentId, razorpay.event("payment.captured", paid, null));

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "ACTIVE"
                        .equals(text(
                                "SELECT status FROM enrolments WHERE id = ?",
                                pending.enrolment().id())));
        assertThat(gold(student)).as("a course place gives no credits").isZero();
    }
}
