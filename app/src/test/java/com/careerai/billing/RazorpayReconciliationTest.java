package com.careerai.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payment monitoring for Razorpay: an order still PENDING after the reconcile delay is asked about
 * through the SDK (the order's payments, from {@link com.careerai.testing.FakeRazorpayServer}); a
 * captured payment confirms it through the verified webhook's own code (credits once, and the
 * webhook that follows changes nothing), failed attempts make it FAILED, no attempt EXPIRED.
 */
@MicronautTest(transactional = false)
class RazorpayReconciliationTest extends RazorpayTestBase {
    @Inject
    PaymentReconciliation reconciliation;

    @Inject
    UnitOfWork units;

    University uni;

    @BeforeAll
    void university() {
        uni = razorpayUniversity();
    }

    /** A checkout started 26 hours ago and never confirmed to us. */
    private Started stale(User student, String product) {
        Started started = checkout(uni, student, product);
        execute("UPDATE payments SET created_at = now() - interval '26 hours' WHERE id = ?::uuid", started.paymentId());
        return started;
    }

    private PaymentReconciliation.Result reconcile() {
        return units.bound(uni.id(), () -> reconciliation.reconcile(uni.id(), Instant.now()));
    }

    @Test
    void aStaleOrderPaidAtRazorpayIsConfirmedOnceThroughTheWebhooksOwnCode() {
        User student = fixtures.verifiedStudent(uni);
        Started started = stale(student, "gold-10");
        JSONObject paid = razorpay.pay(started.sessionId());

        PaymentReconciliation.Result result = reconcile();

        assertThat(result.settled()).isGreaterThanOrEqualTo(1);
        assertThat(razorpay.last("/v1/orders/" + started.sessionId() + "/payments")
                        .method())
                .isEqualTo("GET");
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PAID");
        assertThat(gold(student)).isEqualTo(10);
        assertThat(text(
                        "SELECT outcome FROM razorpay_events WHERE id = ?",
                        "reconcile:order.paid:" + started.sessionId()))
                .isEqualTo("PROCESSED");

        reconcile();
        assertThat(deliverRazorpay("evt_late_" + started.paymentId(), razorpay.event("order.paid", paid, null)))
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
        assertLedgerClean(uni);
    }

    @Test
    void aStaleOrderWithOnlyFailedAttemptsFailsAndOneNeverAttemptedExpires() {
        User student = fixtures.verifiedStudent(uni);
        Started declined = stale(student, "gold-10");
        Started abandoned = stale(student, "silver-50");
        razorpay.failAttempt(declined.sessionId());

        reconcile();

        assertThat(paymentStatus(declined.paymentId())).isEqualTo("FAILED");
        assertThat(paymentStatus(abandoned.paymentId())).isEqualTo("EXPIRED");
        assertThat(count(
                        "SELECT count(*) FROM outbox_events WHERE type LIKE '%CheckoutExpired%' AND payload::text LIKE ?",
                        "%" + abandoned.paymentId() + "%"))
                .isEqualTo(1);
        assertThat(gold(student)).isZero();
        User staff = fixtures.staff(uni);
        assertThat(page(staff, "/staff/payments?status=FAILED"))
                .contains("/staff/payments/" + declined.paymentId())
                .contains("via Razorpay")
                .doesNotContain("/staff/payments/" + abandoned.paymentId());

        // the student pays the declined order after all: Razorpay's webhook still confirms it
        JSONObject paid = razorpay.pay(declined.sessionId());
        assertThat(deliverRazorpay("evt_after_" + declined.paymentId(), razorpay.event("payment.captured", paid, null)))
                .contains("topped up 10 gold");
        assertThat(paymentStatus(declined.paymentId())).isEqualTo("PAID");
        assertLedgerClean(uni);
    }

    @Test
    void aFreshOrderIsNotAskedAboutAndAStalePlanNeverAuthorisedExpires() {
        User student = fixtures.verifiedStudent(uni);
        Started fresh = checkout(uni, student, "gold-10");
        Started plan = stale(student, "basic");

        reconcile();

        assertThat(razorpay.requests())
                .noneMatch(request -> request.path().equals("/v1/orders/" + fresh.sessionId() + "/payments"));
        assertThat(paymentStatus(fresh.paymentId())).isEqualTo("PENDING");
        assertThat(razorpay.last("/v1/subscriptions/" + plan.sessionId()).method())
                .isEqualTo("GET");
        assertThat(paymentStatus(plan.paymentId())).isEqualTo("EXPIRED");
        assertThat(pro(student)).isFalse();
    }

    @Test
    void aStaleChargedPlanWhoseWebhookNeverCameIsConfirmedFromItsPaidInvoicesOnce() {
        User student = fixtures.verifiedStudent(uni);
        Started plan = stale(student, "basic");
        JSONObject charge = razorpay.charge(plan.sessionId());

        reconcile();
        reconcile();

        assertThat(paymentStatus(plan.paymentId())).isEqualTo("PAID");
        assertThat(gold(student)).isEqualTo(10);
        assertThat(pro(student)).isTrue();
        assertThat(text(
                        "SELECT outcome FROM razorpay_events WHERE id = ?",
                        "reconcile:subscription.charged:" + charge.getString("id")))
                .isEqualTo("PROCESSED");
        assertThat(deliverRazorpay(
                        "evt_charged_" + plan.paymentId(),
                        razorpay.subscriptionEvent("subscription.charged", plan.sessionId(), charge)))
                .contains("already applied");
        assertThat(gold(student)).isEqualTo(10);
        assertLedgerClean(uni);
    }
}
