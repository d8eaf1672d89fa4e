package com.careerai.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeRazorpayServer;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plans through Razorpay subscriptions: a Razorpay plan per product and university (created once
 * through the SDK), a subscription created server-side and paid in Checkout, confirmed by the
 * signed handler answer ({@code payment|subscription}) or by {@code subscription.charged}; each
 * charge grants the plan's month once, keyed by its payment; cancelled, halted and completed
 * subscriptions end Pro; every event applied once.
 */
@MicronautTest(transactional = false)
class RazorpayPlansTest extends RazorpayTestBase {
    University uni;

    @BeforeAll
    void university() {
        uni = razorpayUniversity();
    }

    @Test
    void aPlanIsASubscriptionCreatedServerSideOnOneRazorpayPlanPerProductAndUniversity() {
        University fresh = razorpayUniversity();
        User student = fixtures.verifiedStudent(fresh);
        User classmate = fixtures.verifiedStudent(fresh);
        int plansBefore = requests("/v1/plans");

        Started started = checkout(fresh, student, "basic");
        Started second = checkout(fresh, classmate, "basic");

        assertThat(started.sessionId()).startsWith("sub_");
        assertThat(requests("/v1/plans")).as("one Razorpay plan for Basic here").isEqualTo(plansBefore + 1);
        JSONObject planRequest = razorpay.last("/v1/plans").body();
        assertThat(planRequest.getString("period")).isEqualTo("monthly");
        assertThat(planRequest.getInt("interval")).isEqualTo(1);
        assertThat(planRequest.getJSONObject("item").getLong("amount")).isEqualTo(399900);
        assertThat(planRequest.getJSONObject("item").getString("currency")).isEqualTo("INR");
        String planId =
                text("SELECT plan_id FROM razorpay_plans WHERE university_id = ? AND product = 'basic'", fresh.id());
        JSONObject subscriptionRequest = razorpay.last("/v1/subscriptions").body();
        assertThat(subscriptionRequest.getString("plan_id")).isEqualTo(planId);
        assertThat(subscriptionRequest.getInt("total_count")).isEqualTo(RazorpayCheckoutProvider.MONTHS);
        assertThat(subscriptionRequest.getJSONObject("notes").getString("user_id"))
                .isEqualTo(Long.toString(classmate.id()));
        assertThat(razorpay.subscription(started.sessionId()).getString("plan_id"))
                .isEqualTo(planId);
        assertThat(text(
                        "SELECT provider || ' ' || kind || ' ' || status || ' ' || amount_cents || ' ' || currency"
                                + " FROM payments WHERE id = ?::uuid",
                        started.paymentId()))
                .isEqualTo("razorpay PLAN PENDING 399900 inr");
        assertThat(second.sessionId()).isNotEqualTo(started.sessionId());
        assertThat(pro(student)).isFalse();

        String page = page(student, "/billing/razorpay/" + started.paymentId());
        assertThat(page)
                .contains("data-subscription=\"" + started.sessionId() + "\"")
                .contains("name=\"razorpay_subscription_id\"")
                .doesNotContain("data-order=");
    }

    @Test
    void theSignedCheckoutAnswerStartsThePlanOnceAndTheWebhooksAfterItChangeNothing() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "premium");
        JSONObject charge = razorpay.charge(started.sessionId());

        HttpResponse<String> confirmed = confirm(
                student,
                started.paymentId(),
                FakeRazorpayServer.subscriptionAnswer(started.sessionId(), charge.getString("id")));

        assertThat(confirmed.code()).as(confirmed.body()).isEqualTo(303);
        assertThat(gold(student)).isEqualTo(25);
        assertThat(pro(student)).isTrue();
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PAID");
        assertThat(text(
                        "SELECT payment_intent_id || ' ' || subscription_id FROM payments WHERE id = ?::uuid",
                        started.paymentId()))
                .isEqualTo(charge.getString("id") + " " + started.sessionId());
        assertThat(text(
                        "SELECT provider || ' ' || status || ' ' || product FROM subscriptions WHERE external_id = ?",
                        started.sessionId()))
                .isEqualTo("razorpay active premium");
        assertThat(count("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", started.paymentId()))
                .isEqualTo(1);
        assertThat(page(student, "/billing")).contains("Premium").contains("Cancel plan");

        String charged = razorpay.subscriptionEvent("subscription.charged", started.sessionId(), charge);
        String activated = razorpay.subscriptionEvent("subscription.activated", started.sessionId(), null);
        assertThat(deliverRazorpay("evt_sc_" + started.paymentId(), charged)).contains("already applied");
        assertThat(deliverRazorpay("evt_sc_" + started.paymentId(), charged)).contains("DUPLICATE");
        assertThat(deliverRazorpay("evt_sa_" + started.paymentId(), activated)).contains("PROCESSED");
        assertThat(confirm(
                                student,
                                started.paymentId(),
                                FakeRazorpayServer.subscriptionAnswer(started.sessionId(), charge.getString("id")))
                        .code())
                .isEqualTo(303);

        assertThat(gold(student)).isEqualTo(25);
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE user_id = ? AND idempotency_key = ?",
                        student.id(),
                        "razorpay:charge:" + charge.getString("id")))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payments WHERE user_id = ?", student.id()))
                .isEqualTo(1);
        assertLedgerClean(uni);
    }

    @Test
    void eachMonthlyChargeGrantsTheMonthOnceKeyedByItsPayment() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "basic");
        JSONObject first = razorpay.charge(started.sessionId());
        assertThat(deliverRazorpay(
                        "evt_m1_" + started.paymentId(),
                        razorpay.subscriptionEvent("subscription.charged", started.sessionId(), first)))
                .contains("granted 10 gold");
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PAID");

        JSONObject renewal = razorpay.charge(started.sessionId());
        String body = razorpay.subscriptionEvent("subscription.charged", started.sessionId(), renewal);
        assertThat(deliverRazorpay("evt_m2_" + started.paymentId(), body)).contains("granted 10 gold");
        assertThat(deliverRazorpay("evt_m2_" + started.paymentId(), body)).contains("DUPLICATE");
        assertThat(deliverRazorpay("evt_m2b_" + started.paymentId(), body)).contains("already applied");

        assertThat(gold(student)).isEqualTo(20);
        assertThat(count(
                        "SELECT count(*) FROM payments WHERE user_id = ? AND kind = 'PLAN' AND status = 'PAID'"
                                + " AND provider = 'razorpay' AND subscription_id = ?",
                        student.id(),
                        started.sessionId()))
                .isEqualTo(2);
        assertThat(text(
                        "SELECT amount_cents || ' ' || currency FROM payments WHERE external_id = ?",
                        renewal.getString("id")))
                .isEqualTo("399900 inr");
        assertThat(count(
                        "SELECT count(*) FROM invoices i JOIN payments p ON p.university_id = i.university_id"
                                + " AND p.id = i.payment_id WHERE p.user_id = ?",
                        student.id()))
                .isEqualTo(2);
        assertThat(pro(student)).isTrue();
        assertLedgerClean(uni);
    }

    @Test
    void aBadSubscriptionSignatureOrAnotherSubscriptionsAnswerIsRefusedAndGivesNothing() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "basic");
        Started other = checkout(uni, fixtures.verifiedStudent(uni), "basic");
        JSONObject charge = razorpay.charge(started.sessionId());
        String payment = charge.getString("id");
        Map<String, String> forged = new HashMap<>(FakeRazorpayServer.subscriptionAnswer(started.sessionId(), payment));
        forged.put("razorpay_signature", "0".repeat(64));
        Map<String, String> orderShaped =
                new HashMap<>(FakeRazorpayServer.subscriptionAnswer(started.sessionId(), payment));
        orderShaped.putAll(Map.of(
                "razorpay_signature",
                FakeRazorpayServer.checkoutAnswer(started.sessionId(), payment).get("razorpay_signature")));

        assertThat(confirm(student, started.paymentId(), forged).code()).isEqualTo(400);
        assertThat(confirm(student, started.paymentId(), orderShaped).code())
                .as("order|payment is not the subscription's signature")
                .isEqualTo(400);
        assertThat(confirm(
                                student,
                                started.paymentId(),
                                FakeRazorpayServer.subscriptionAnswer(other.sessionId(), payment))
                        .code())
                .isEqualTo(400);
        assertThat(gold(student)).isZero();
        assertThat(pro(student)).isFalse();
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PENDING");
    }

    @Test
    void theStudentCancelsFromTheBillingPageAndThePlanEndsWhenRazorpaySaysSo() {
        User student = fixtures.verifiedStudent(uni);
        User classmate = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "basic");
        JSONObject charge = razorpay.charge(started.sessionId());
        confirm(
                student,
                started.paymentId(),
                FakeRazorpayServer.subscriptionAnswer(started.sessionId(), charge.getString("id")));
        assertThat(pro(student)).isTrue();

        assertThat(post(classmate, "/billing/plan/cancel", Map.of()).code())
                .as("a classmate has no plan to cancel")
                .isEqualTo(409);
        HttpResponse<String> cancelled = post(student, "/billing/plan/cancel", Map.of());

        assertThat(cancelled.code()).as(cancelled.body()).isEqualTo(303);
        FakeRazorpayServer.Request sent = razorpay.last("/v1/subscriptions/" + started.sessionId() + "/cancel");
        assertThat(sent.body().getInt("cancel_at_cycle_end")).isEqualTo(1);
        assertThat(text(
                        "SELECT cancel_at_period_end::text FROM subscriptions WHERE external_id = ?",
                        started.sessionId()))
                .isEqualTo("true");
        assertThat(pro(student)).as("Pro until the paid month ends").isTrue();
        assertThat(page(student, "/billing")).contains("Ends ").doesNotContain("Cancel plan");
        assertThat(post(student, "/billing/plan/cancel", Map.of()).code())
                .as("again: nothing more")
                .isEqualTo(303);
        assertThat(requests("/v1/subscriptions/" + started.sessionId() + "/cancel"))
                .isEqualTo(1);

        razorpay.setStatus(started.sessionId(), "cancelled");
        String ended = razorpay.subscriptionEvent("subscription.cancelled", started.sessionId(), null);
        assertThat(deliverRazorpay("evt_cancel_" + started.paymentId(), ended)).contains("canceled");

        assertThat(pro(student)).isFalse();
        assertThat(text("SELECT status FROM subscriptions WHERE external_id = ?", started.sessionId()))
                .isEqualTo("canceled");
        assertThat(gold(student)).as("the month paid for stays").isEqualTo(10);
    }

    @Test
    void aPendingChargeKeepsProWhileRazorpayRetriesAndHaltedEndsIt() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "basic");
        deliverRazorpay(
                "evt_h1_" + started.paymentId(),
                razorpay.subscriptionEvent(
                        "subscription.charged", started.sessionId(), razorpay.charge(started.sessionId())));
        assertThat(pro(student)).isTrue();

        razorpay.setStatus(started.sessionId(), "pending");
        deliverRazorpay(
                "evt_h2_" + started.paymentId(),
                razorpay.subscriptionEvent("subscription.pending", started.sessionId(), null));
        assertThat(pro(student)).isTrue();
        assertThat(page(student, "/billing")).contains("Razorpay will try again");

        razorpay.setStatus(started.sessionId(), "halted");
        assertThat(deliverRazorpay(
                        "evt_h3_" + started.paymentId(),
                        razorpay.subscriptionEvent("subscription.halted", started.sessionId(), null)))
                .contains("unpaid");
        assertThat(pro(student)).isFalse();
    }

    @Test
    void anotherStudentOrUniversityCannotSeeOrConfirmThePlan() {
        User student = fixtures.verifiedStudent(uni);
        User classmate = fixtures.verifiedStudent(uni);
        User stranger = fixtures.verifiedStudent(razorpayUniversity());
        Started started = checkout(uni, student, "basic");
        JSONObject charge = razorpay.charge(started.sessionId());
        Map<String, String> answer = FakeRazorpayServer.subscriptionAnswer(started.sessionId(), charge.getString("id"));

        assertThat(get(classmate, "/billing/razorpay/" + started.paymentId()).code())
                .isEqualTo(404);
        assertThat(get(stranger, "/billing/razorpay/" + started.paymentId()).code())
                .isEqualTo(404);
        assertThat(confirm(classmate, started.paymentId(), answer).code()).isEqualTo(404);
        assertThat(confirm(stranger, started.paymentId(), answer).code()).isEqualTo(404);
        assertThat(pro(classmate)).isFalse();
        assertThat(pro(stranger)).isFalse();
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PENDING");
    }

    private int requests(String path) {
        return (int) razorpay.requests().stream()
                .filter(request -> request.path().equals(path))
                .count();
    }
}
