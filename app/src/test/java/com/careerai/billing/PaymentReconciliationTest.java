package com.careerai.billing;

import static com.careerai.testing.StripeTestEvents.checkoutSession;
import static com.careerai.testing.StripeTestEvents.event;
import static com.careerai.testing.StripeTestEvents.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.StripeTestEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payment monitoring: payments still PENDING after their checkout must have expired are asked about
 * at Stripe (the real stripe-java client against the local stand-in) and settled as the webhook
 * would settle them — PAID with credits and an invoice once, FAILED or EXPIRED — and the webhook
 * that arrives later changes nothing.
 */
@MicronautTest(transactional = false)
class PaymentReconciliationTest extends BillingTestBase {
    @Inject
    Fixtures fixtures;

    @Inject
    PaymentReconciliation reconciliation;

    @Inject
    UnitOfWork units;

    @Inject
    Wallets wallets;

    @Inject
    JobRequestScheduler scheduler;

    @Inject
    ReconcileSchedule reconcileSchedule;

    University uni;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careerai.roles", "web,worker");
    }

    @BeforeAll
    void university() {
        uni = fixtures.university();
    }

    /** A checkout started 26 hours ago and never confirmed. */
    private Started stale(User student) {
        Started started = checkout(uni, student, "gold-10");
        execute("UPDATE payments SET created_at = now() - interval '26 hours' WHERE id = ?::uuid", started.paymentId());
        return started;
    }

    private ObjectNode session(Started started, User student, String status, String paymentStatus) {
        ObjectNode session = checkoutSession(
                started.sessionId(),
                "payment",
                metadata(uni.id(), student.id(), "gold-10", started.paymentId()),
                paymentStatus,
                900);
        session.put("status", status);
        return session;
    }

    private PaymentReconciliation.Result reconcile() {
        return units.bound(uni.id(), () -> reconciliation.reconcile(uni.id(), Instant.now()));
    }

    private long gold(User student) {
        return fixtures.in(uni, () -> wallets.balances(uni.id(), student.id())).gold();
    }

    @Test
    void aStalePaymentStripeSaysWasPaidIsCreditedAndInvoicedOnceAndTheLateWebhookChangesNothing() {
        User student = fixtures.verifiedStudent(uni);
        Started started = stale(student);
        ObjectNode paid = session(started, student, "complete", "paid");
        stripe.object(started.sessionId(), paid.toString());

        PaymentReconciliation.Result result = reconcile();

        assertThat(result.settled()).isGreaterThanOrEqualTo(1);
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PAID");
        assertThat(gold(student)).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", started.paymentId()))
                .isEqualTo(1);
        assertThat(outcomeOf("reconcile:checkout.session.completed:" + started.sessionId()))
                .isEqualTo("PROCESSED");
        assertThat(stripe.last("/v1/checkout/sessions/" + started.sessionId()).parameter("expand[0]"))
                .isEqualTo("payment_intent");
        assertThat(text("SELECT payment_intent_id FROM payments WHERE id = ?::uuid", started.paymentId()))
                .isEqualTo("pi_" + started.sessionId());

        deliver(event("checkout.session.completed", paid));
        reconcile();

        assertThat(paymentStatus(started.paymentId())).isEqualTo("PAID");
        assertThat(gold(student)).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", started.paymentId()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND user_id = ? AND type = 'TOPUP'",
                        uni.id(),
                        student.id()))
                .isEqualTo(1);
        assertLedgerClean(uni);
    }

    @Test
    void theUniversitysJobReconcilesThroughJobRunr() {
        // a university of its own, so the job's run overlaps no other test's payments
        University own = fixtures.university();
        User student = fixtures.verifiedStudent(own);
        Started started = checkout(own, student, "gold-10");
        execute("UPDATE payments SET created_at = now() - interval '26 hours' WHERE id = ?::uuid", started.paymentId());
        ObjectNode paid = checkoutSession(
                started.sessionId(),
                "payment",
                metadata(own.id(), student.id(), "gold-10", started.paymentId()),
                "paid",
                900);
        stripe.object(started.sessionId(), paid.toString());

        scheduler.enqueue(new ReconcilePaymentsJobRequest(own.id()));

        await().atMost(Duration.ofSeconds(60)).until(() -> "PAID".equals(paymentStatus(started.paymentId())));
        assertThat(fixtures.in(own, () -> wallets.balances(own.id(), student.id()))
                        .gold())
                .isEqualTo(10);
        assertThat(count("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", started.paymentId()))
                .isEqualTo(1);
    }

    @Test
    void aStalePlanCheckoutIsPaidByItsFirstInvoiceOnce() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "premium");
        execute("UPDATE payments SET created_at = now() - interval '26 hours' WHERE id = ?::uuid", started.paymentId());
        Map<String, String> metadata = metadata(uni.id(), student.id(), "premium", started.paymentId());
        String subscriptionId = StripeTestEvents.id("sub");
        String invoiceId = StripeTestEvents.id("in");
        ObjectNode session = checkoutSession(started.sessionId(), "subscription", metadata, "paid", 9900);
        session.put("subscription", subscriptionId);
        session.put("invoice", invoiceId);
        ObjectNode invoice =
                StripeTestEvents.invoice(invoiceId, subscriptionId, metadata, "subscription_create", 9900, true);
        stripe.object(started.sessionId(), session.toString());
        stripe.object(invoiceId, invoice.toString());

        reconcile();

        assertThat(paymentStatus(started.paymentId())).isEqualTo("PAID");
        assertThat(gold(student)).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", started.paymentId()))
                .isEqualTo(1);
        deliver(event("invoice.paid", invoice));
        assertThat(gold(student)).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", started.paymentId()))
                .isEqualTo(1);
        assertLedgerClean(uni);
    }

    @Test
    void aStalePaymentWhoseSessionExpiredIsExpiredAndTheLateWebhookChangesNothing() {
        User student = fixtures.verifiedStudent(uni);
        Started started = stale(student);
        ObjectNode expired = session(started, student, "expired", "unpaid");
        stripe.object(started.sessionId(), expired.toString());

        reconcile();

        assertThat(paymentStatus(started.paymentId())).isEqualTo("EXPIRED");
        deliver(event("checkout.session.expired", expired));
        assertThat(paymentStatus(started.paymentId())).isEqualTo("EXPIRED");
        assertThat(gold(student)).isZero();
        assertThat(count("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", started.paymentId()))
                .isZero();
    }

    @Test
    void aStalePaymentWhosePaymentFailedOrThatStripeDoesNotKnowIsFailed() {
        User student = fixtures.verifiedStudent(uni);
        Started declined = stale(student);
        ObjectNode session = session(declined, student, "complete", "unpaid");
        ObjectNode intent = session.putObject("payment_intent");
        intent.put("id", "pi_" + declined.sessionId());
        intent.put("object", "payment_intent");
        intent.put("status", "requires_payment_method");
        stripe.object(declined.sessionId(), session.toString());
        Started unknown = stale(student); // never registered: Stripe answers 404

        reconcile();

        assertThat(paymentStatus(declined.paymentId())).isEqualTo("FAILED");
        assertThat(paymentStatus(unknown.paymentId())).isEqualTo("FAILED");
        deliver(event("checkout.session.async_payment_failed", session));
        assertThat(paymentStatus(declined.paymentId())).isEqualTo("FAILED");
        assertThat(gold(student)).isZero();
    }

    @Test
    void recentOrStillProcessingPaymentsAreLeftPending() {
        User student = fixtures.verifiedStudent(uni);
        Started recent = checkout(uni, student, "gold-10");
        Started processing = stale(student);
        ObjectNode session = session(processing, student, "complete", "unpaid");
        ObjectNode intent = session.putObject("payment_intent");
        intent.put("id", "pi_" + processing.sessionId());
        intent.put("status", "processing");
        stripe.object(processing.sessionId(), session.toString());

        reconcile();

        assertThat(paymentStatus(recent.paymentId())).isEqualTo("PENDING");
        assertThat(paymentStatus(processing.paymentId())).isEqualTo("PENDING");
        assertThat(stripe.requests("/v1/checkout/sessions/" + recent.sessionId()))
                .isEmpty();
        // the checkout registered the university's hourly reconciliation
        assertThat(count(
                        "SELECT count(*) FROM jobrunr_recurring_jobs WHERE id = ?",
                        reconcileSchedule.recurringJobId(uni.id())))
                .isEqualTo(1);
    }

    /** Reconciliation asks Stripe; a Razorpay order is not Stripe's to answer, so it is left alone. */
    @Test
    void aStaleRazorpayPaymentIsNotAskedOfStripe() {
        User student = fixtures.verifiedStudent(uni);
        Started started = stale(student); // never registered at Stripe: asked, it would be FAILED
        execute("UPDATE payments SET provider = 'razorpay' WHERE id = ?::uuid", started.paymentId());

        reconcile();

        assertThat(paymentStatus(started.paymentId())).isEqualTo("PENDING");
        assertThat(stripe.requests("/v1/checkout/sessions/" + started.sessionId()))
                .isEmpty();
    }
}
