package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.FakeRazorpayServer;
import com.careerai.testing.FakeStripeServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StripeTestEvents;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paid expert sessions (issue 18, ADR 0034) against the Stripe stand-in: onboarding states gate
 * money prices; a card booking is a destination charge with the university's fee, held until the
 * signed webhook confirms it and released when the checkout expires or the hold runs out; earnings
 * by hand; another university's experts are a 404.
 */
@MicronautTest(transactional = false)
class PaidExpertSessionsTest extends IntegrationTest {
    private static final String PAID = "expert-hour";
    /** The Connect endpoint's own signing secret (STRIPE_CONNECT_WEBHOOK_SECRET). */
    private static final String CONNECT_SECRET = "whsec_test_Y29ubmVjdC1lbmRwb2ludC1zZWNyZXQ";

    final FakeStripeServer stripe = new FakeStripeServer();
    final FakeRazorpayServer razorpay = new FakeRazorpayServer();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    CounsellingFixtures counselling;

    @Inject
    Counsellors counsellors;

    @Inject
    TestSessions sessions;

    @Inject
    PaidSessions paidSessions;

    @Inject
    TestClock clock;

    @Inject
    com.careerai.billing.PaymentSettings paymentSettings;

    @Inject
    org.jobrunr.scheduling.JobRequestScheduler scheduler;

    CounsellingApi api;
    CounsellingPages pages;
    University uni;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("careerai.billing.secret-key", "sk_test_careerai_fake_key");
        properties.put("careerai.billing.webhook-secret", StripeTestEvents.SECRET);
        properties.put("careerai.billing.connect-webhook-secret", CONNECT_SECRET);
        properties.put("careerai.billing.api-base", stripe.baseUrl());
        properties.put("careerai.billing.max-network-retries", "0");
        properties.put("careerai.razorpay.key-id", FakeRazorpayServer.KEY_ID);
        properties.put("careerai.razorpay.key-secret", FakeRazorpayServer.KEY_SECRET);
        properties.put("careerai.razorpay.webhook-secret", FakeRazorpayServer.WEBHOOK_SECRET);
        properties.put("careerai.razorpay.api-base", razorpay.baseUrl());
        properties.put("micronaut.http.client.follow-redirects", "false");
        // JobRunr's server too, so the university's reconciliation job runs here
        properties.put("careerai.roles", "web,worker");
        return properties;
    }

    @BeforeAll
    void setUp() {
        api = new CounsellingApi(client, json);
        pages = new CounsellingPages(client);
        uni = fixtures.university();
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
        razorpay.close();
    }

    @Test
    void onboardingStatesGateMoneyPrices() {
        User expert = counselling.counsellor(uni);
        SignedIn expertSession = sessions.signIn(expert);
        SignedIn staff = sessions.signIn(fixtures.staff(uni));

        // not a paid expert: no price, and no onboarding
        HttpResponse<String> refused = pages.post(
                uni,
                "/counsellor/session-types/" + CounsellingFixtures.MOCK + "/price",
                expertSession,
                Map.of("price", "45"));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("field-error").contains("finish Stripe onboarding");
        assertThat(pages.post(uni, "/counsellor/payouts/onboard", expertSession, Map.of())
                        .code())
                .isEqualTo(409);

        // staff make them a paid expert; onboarding creates one Express account and a link on the university's host
        assertThat(pages.post(uni, "/staff/experts/" + expert.id() + "/mark", staff, Map.of("paidExpert", "true"))
                        .code())
                .isEqualTo(303);
        HttpResponse<String> onboard = pages.post(uni, "/counsellor/payouts/onboard", expertSession, Map.of());
        assertThat(onboard.code()).isEqualTo(303);
        assertThat(onboard.header("Location")).startsWith(stripe.baseUrl() + "/onboard/acct_test");
        assertThat(stripe.last("/v1/accounts").parameter("type")).isEqualTo("express");
        FakeStripeServer.Request link = stripe.last("/v1/account_links");
        String site = "://" + uni.subdomain() + "." + BASE_DOMAIN;
        assertThat(link.parameter("return_url")).contains(site).endsWith("/counsellor/payouts?returned=1");
        assertThat(link.parameter("refresh_url")).contains(site).endsWith("/counsellor/payouts?refresh=1");
        assertThat(link.parameter("type")).isEqualTo("account_onboarding");
        String account = link.parameter("account");
        // a second click reuses the account
        assertThat(pages.post(uni, "/counsellor/payouts/onboard", expertSession, Map.of())
                        .code())
                .isEqualTo(303);
        assertThat(stripe.requests("/v1/accounts").stream()
                        .filter(request -> expert.email().equals(request.parameter("email"))))
                .as("one Express account per expert")
                .hasSize(1);
        assertThat(stripe.last("/v1/account_links").parameter("account")).isEqualTo(account);

        // onboarding started but charges not enabled: still no price
        assertThat(pages.post(
                                uni,
                                "/counsellor/session-types/" + CounsellingFixtures.MOCK + "/price",
                                expertSession,
                                Map.of("price", "45"))
                        .code())
                .isEqualTo(422);
        assertThat(pages.get(uni, "/counsellor/payouts", expertSession).body())
                .contains("data-payout-state=\"IN_PROGRESS\"");

        // Stripe says the account takes charges: the price is accepted
        String updated = accountUpdated(account, true, false, Instant.now());
        assertThat(webhook(updated).code()).isEqualTo(200);
        assertThat(pages.get(uni, "/counsellor/payouts", expertSession).body())
                .contains("data-payout-state=\"CHARGES_ONLY\"");
        // an older event delivered late changes nothing
        assertThat(webhook(accountUpdated(account, false, false, Instant.now().minusSeconds(600)))
                        .code())
                .isEqualTo(200);
        assertThat(pages.get(uni, "/counsellor/payouts", expertSession).body())
                .contains("data-payout-state=\"CHARGES_ONLY\"");
        // and a replay is a duplicate
        assertThat(webhook(updated).body()).contains("DUPLICATE");

        assertThat(pages.post(
                                uni,
                                "/counsellor/session-types/" + CounsellingFixtures.MOCK + "/price",
                                expertSession,
                                Map.of("price", "abc"))
                        .code())
                .isEqualTo(422);
        assertThat(pages.post(
                                uni,
                                "/counsellor/session-types/" + CounsellingFixtures.MOCK + "/price",
                                expertSession,
                                Map.of("price", "45.50"))
                        .code())
                .isEqualTo(303);
        assertThat(count(
                        "SELECT price_cents FROM counselling_session_types WHERE university_id = ? AND counsellor_id = ?"
                                + " AND slug = ?",
                        uni.id(),
                        expert.id(),
                        CounsellingFixtures.MOCK))
                .isEqualTo(4550);
    }

    @Test
    void comingBackFromOnboardingReadsTheAccountFromStripe() {
        User expert = counselling.counsellor(uni);
        SignedIn expertSession = sessions.signIn(expert);
        assertThat(pages.post(
                                uni,
                                "/staff/experts/" + expert.id() + "/mark",
                                sessions.signIn(fixtures.staff(uni)),
                                Map.of("paidExpert", "true"))
                        .code())
                .isEqualTo(303);
        assertThat(pages.post(uni, "/counsellor/payouts/onboard", expertSession, Map.of())
                        .code())
                .isEqualTo(303);
        String account = accountOf(expert);
        assertThat(pages.get(uni, "/counsellor/payouts?returned=1", expertSession)
                        .body())
                .contains("data-payout-state=\"IN_PROGRESS\"");
        stripe.finishOnboarding(account);
        // no webhook yet: the return page asks Stripe
        assertThat(pages.get(uni, "/counsellor/payouts?returned=1", expertSession)
                        .body())
                .contains("data-payout-state=\"ACTIVE\"");
        assertThat(stripe.last("/v1/accounts/" + account).method()).isEqualTo("GET");
    }

    @Test
    void aCardBookingIsADestinationChargeHeldUntilTheWebhookConfirmsIt() {
        User expert = onboardedExpert(uni, 4500);
        setFee(uni, "12.5");
        User student = verifiedStudent(uni);
        Instant start = slot(uni, expert, Duration.ofDays(3));

        HttpResponse<String> booked = api.book(uni.subdomain(), sessions.signIn(student), expert.id(), PAID, start);
        assertThat(booked.code()).as(booked.body()).isEqualTo(201);
        Map<String, Object> view = api.map(booked);
        assertThat(view).containsEntry("status", "PENDING").containsEntry("payment", "CARD");
        assertThat((String) view.get("checkoutUrl")).startsWith(stripe.baseUrl() + "/pay/cs_test_");

        FakeStripeServer.Request checkout = stripe.last("/v1/checkout/sessions");
        String account = accountOf(expert);
        assertThat(checkout.parameter("payment_intent_data[transfer_data][destination]"))
                .isEqualTo(account);
        // 12.5 % of 45.00 = 5.625, rounded half up to 5.63
        assertThat(checkout.parameter("payment_intent_data[application_fee_amount]"))
                .isEqualTo("563");
        assertThat(checkout.parameter("line_items[0][price_data][unit_amount]")).isEqualTo("4500");
        assertThat(Long.parseLong(checkout.parameter("expires_at")))
                .isBetween(
                        Instant.now().plusSeconds(29 * 60).getEpochSecond(),
                        Instant.now().plusSeconds(31 * 60).getEpochSecond());
        String appointment = (String) view.get("id");
        String paymentId =
                text("SELECT payment_id FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment);
        String sessionId = text("SELECT external_id FROM payments WHERE id = ?::uuid", paymentId);

        // the held slot is taken for everyone else
        HttpResponse<String> second =
                api.book(uni.subdomain(), sessions.signIn(verifiedStudent(uni)), expert.id(), PAID, start);
        assertThat(second.code()).isEqualTo(409);

        String completed = StripeTestEvents.event(
                "checkout.session.completed",
                StripeTestEvents.checkoutSession(
                        sessionId,
                        "payment",
                        StripeTestEvents.metadata(uni.id(), student.id(), "item", paymentId),
                        "paid",
                        4500));
        assertThat(webhook(completed).code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED"
                .equals(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment)));
        assertThat(text("SELECT status FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment))
                .isEqualTo("PAID");

        // earnings by hand: 45.00 paid, fee 5.63, net 39.37, all pending (the session is to come)
        SignedIn expertSession = sessions.signIn(expert);
        Map<String, Long> earnings = amounts(api.get(uni.subdomain(), expertSession, "/api/v1/counsellor/earnings"));
        assertThat(earnings)
                .containsEntry("grossCents", 4500L)
                .containsEntry("platformFeeCents", 563L)
                .containsEntry("netCents", 3937L)
                .containsEntry("pendingCents", 3937L)
                .containsEntry("paidOutCents", 0L);

        // a refund of 15.00 (from Stripe): gross 30.00; fee 5.63 - floor(5.63 * 15 / 45) = 5.63 - 1.87 = 3.76; net
        // 26.24
        String refund = StripeTestEvents.event(
                "charge.refunded", StripeTestEvents.charge(StripeTestEvents.id("ch"), "pi_" + sessionId, 4500, 1500));
        assertThat(webhook(refund).code()).isEqualTo(200);
        Map<String, Long> after = amounts(api.get(uni.subdomain(), expertSession, "/api/v1/counsellor/earnings"));
        assertThat(after)
                .containsEntry("grossCents", 3000L)
                .containsEntry("platformFeeCents", 376L)
                .containsEntry("netCents", 2624L)
                .containsEntry("refundedCents", 1500L);
        assertThat(pages.get(uni, "/counsellor/earnings", expertSession).body())
                .contains("$30.00")
                .contains("$26.24");

        // staff see the expert's totals and the platform's fees (one SQL aggregate)
        String staffPage = pages.get(uni, "/staff/experts", sessions.signIn(fixtures.staff(uni)))
                .body();
        assertThat(staffPage).contains("data-expert=\"" + expert.id() + "\"").contains("$3.76");
    }

    @Test
    void aCancellationWithinThePolicyRefundsReversingTheTransferAndTheFee() {
        User expert = onboardedExpert(uni, 6000);
        User student = verifiedStudent(uni);
        SignedIn studentSession = sessions.signIn(student);
        Instant start = slot(uni, expert, Duration.ofDays(8));
        String appointment = (String) api.map(api.book(uni.subdomain(), studentSession, expert.id(), PAID, start))
                .get("id");
        String paymentId =
                text("SELECT payment_id FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment);
        String sessionId = sessionOf(appointment);
        stripe.charge("pi_" + sessionId, 6000);
        String completed = StripeTestEvents.event(
                "checkout.session.completed",
                StripeTestEvents.checkoutSession(
                        sessionId,
                        "payment",
                        StripeTestEvents.metadata(uni.id(), student.id(), "item", paymentId),
                        "paid",
                        6000));
        assertThat(webhook(completed).code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED"
                .equals(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment)));

        HttpResponse<String> cancelled = api.post(
                uni.subdomain(),
                studentSession,
                "/api/v1/appointments/" + appointment + "/cancel",
                Map.of("reason", "Exam moved"));
        assertThat(cancelled.code()).as(cancelled.body()).isEqualTo(200);
        assertThat(api.map(cancelled)).containsEntry("refunded", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED"
                .equals(text("SELECT status FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment)));
        FakeStripeServer.Request refund = stripe.last("/v1/refunds");
        assertThat(refund.parameter("payment_intent")).isEqualTo("pi_" + sessionId);
        assertThat(refund.parameter("reverse_transfer")).isEqualTo("true");
        assertThat(refund.parameter("refund_application_fee")).isEqualTo("true");
        assertThat(refund.parameter("amount")).as("whatever is left: all of it").isNull();
        assertThat(refund.headers().get("idempotency-key")).isEqualTo("session-refund-cancel:" + appointment);
        assertThat(stripe.refunded("pi_" + sessionId)).isEqualTo(6000);
        assertThat(text("SELECT status FROM payments WHERE id = ?::uuid", paymentId))
                .isEqualTo("REFUNDED");
    }

    @Test
    void aNoShowDisputeStaffUpholdWithARefundReversesTheTransferAndTheFee() {
        User expert = onboardedExpert(uni, 5000);
        User student = verifiedStudent(uni);
        SignedIn studentSession = sessions.signIn(student);
        Instant start = slot(uni, expert, Duration.ofHours(3));
        String appointment = (String) api.map(api.book(uni.subdomain(), studentSession, expert.id(), PAID, start))
                .get("id");
        String paymentId =
                text("SELECT payment_id FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment);
        String sessionId = sessionOf(appointment);
        stripe.charge("pi_" + sessionId, 5000);
        String completed = StripeTestEvents.event(
                "checkout.session.completed",
                StripeTestEvents.checkoutSession(
                        sessionId,
                        "payment",
                        StripeTestEvents.metadata(uni.id(), student.id(), "item", paymentId),
                        "paid",
                        5000));
        assertThat(webhook(completed).code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED"
                .equals(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment)));
        try {
            clock.shift(Duration.between(clock.now(), start).plusMinutes(1));
            assertThat(api.post(
                                    uni.subdomain(),
                                    sessions.signIn(expert),
                                    "/api/v1/counsellor/appointments/" + appointment + "/outcome",
                                    Map.of("status", "NO_SHOW"))
                            .code())
                    .isEqualTo(200);
            assertThat(api.post(
                                    uni.subdomain(),
                                    studentSession,
                                    "/api/v1/appointments/" + appointment + "/dispute",
                                    Map.of("reason", "The counsellor's link did not open"))
                            .code())
                    .isEqualTo(204);
            assertThat(pages.post(
                                    uni,
                                    "/staff/counselling/disputes/" + appointment,
                                    sessions.signIn(fixtures.staff(uni)),
                                    Map.of("outcome", "UPHELD", "refund", "on", "resolution", "Link broken"))
                            .code())
                    .isEqualTo(303);
        } finally {
            clock.reset();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED"
                .equals(text("SELECT status FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment)));
        FakeStripeServer.Request refund = stripe.last("/v1/refunds");
        assertThat(refund.headers().get("idempotency-key")).isEqualTo("session-refund-dispute:" + appointment);
        assertThat(refund.parameter("reverse_transfer")).isEqualTo("true");
        assertThat(refund.parameter("refund_application_fee")).isEqualTo("true");
        assertThat(stripe.refunded("pi_" + sessionId)).isEqualTo(5000);
    }

    @Test
    void anExpiredCheckoutReleasesTheSlot() {
        User expert = onboardedExpert(uni, 3000);
        User student = verifiedStudent(uni);
        Instant start = slot(uni, expert, Duration.ofDays(4));
        Map<String, Object> view =
                api.map(api.book(uni.subdomain(), sessions.signIn(student), expert.id(), PAID, start));
        String appointment = (String) view.get("id");
        String paymentId =
                text("SELECT payment_id FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment);
        String sessionId = text("SELECT external_id FROM payments WHERE id = ?::uuid", paymentId);

        String expired = StripeTestEvents.event(
                "checkout.session.expired",
                StripeTestEvents.checkoutSession(
                        sessionId,
                        "payment",
                        StripeTestEvents.metadata(uni.id(), student.id(), "item", paymentId),
                        "unpaid",
                        3000));
        assertThat(webhook(expired).code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED"
                .equals(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment)));
        assertThat(text("SELECT status FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment))
                .isEqualTo("RELEASED");
        // the slot is free again
        HttpResponse<String> again =
                api.book(uni.subdomain(), sessions.signIn(verifiedStudent(uni)), expert.id(), PAID, start);
        assertThat(again.code()).as(again.body()).isEqualTo(201);
    }

    @Test
    void aHoldThatRunsOutClosesTheCheckoutAndReleasesTheSlotUnlessPaidFirst() {
        User expert = onboardedExpert(uni, 3000);
        Instant start = slot(uni, expert, Duration.ofDays(5));
        String unpaid = (String)
                api.map(api.book(uni.subdomain(), sessions.signIn(verifiedStudent(uni)), expert.id(), PAID, start))
                        .get("id");
        String unpaidSession = sessionOf(unpaid);
        CrossTenant.within(uni, () -> {
            paidSessions.holdEnded(uni.id(), UUID.fromString(unpaid));
            return null;
        });
        assertThat(stripe.checkoutStatus(unpaidSession)).isEqualTo("expired");
        assertThat(text("SELECT status FROM appointments WHERE id = ?::uuid", unpaid))
                .isEqualTo("CANCELLED");

        Instant later = slot(uni, expert, Duration.ofDays(7));
        String paid = (String)
                api.map(api.book(uni.subdomain(), sessions.signIn(verifiedStudent(uni)), expert.id(), PAID, later))
                        .get("id");
        stripe.completeCheckout(sessionOf(paid)); // the student paid just before the hold ran out
        CrossTenant.within(uni, () -> {
            paidSessions.holdEnded(uni.id(), UUID.fromString(paid));
            return null;
        });
        assertThat(text("SELECT status FROM appointments WHERE id = ?::uuid", paid))
                .as("kept for the webhook that confirms it")
                .isEqualTo("PENDING");
    }

    @Test
    void anotherUniversitysExpertIsA404AndItsEarningsAreNotSeen() {
        User expert = onboardedExpert(uni, 3000);
        University other = fixtures.university();
        SignedIn otherStaff = sessions.signIn(fixtures.staff(other));
        assertThat(pages.post(
                                other,
                                "/staff/experts/" + expert.id() + "/mark",
                                otherStaff,
                                Map.of("paidExpert", "false"))
                        .code())
                .isEqualTo(404);
        assertThat(text("SELECT paid_expert::text FROM expert_accounts WHERE user_id = ?", expert.id()))
                .isEqualTo("true");
        assertThat(pages.get(other, "/staff/experts", otherStaff).body())
                .doesNotContain("data-expert=\"" + expert.id() + "\"");
        // the expert's session cannot be booked from the other university either
        User student = verifiedStudent(other);
        assertThat(api.book(
                                other.subdomain(),
                                sessions.signIn(student),
                                expert.id(),
                                PAID,
                                slot(uni, expert, Duration.ofDays(6)))
                        .code())
                .isEqualTo(404);
        // anonymous and students: no earnings
        assertThat(api.get(uni.subdomain(), null, "/api/v1/counsellor/earnings").code())
                .isEqualTo(401);
        assertThat(api.get(uni.subdomain(), sessions.signIn(verifiedStudent(uni)), "/api/v1/counsellor/earnings")
                        .code())
                .isEqualTo(403);
    }

    @Test
    void connectEventsSignedWithTheConnectEndpointsSecretOrTheMainOneAreAcceptedAndOthersRefused() {
        User expert = counselling.counsellor(uni);
        SignedIn expertSession = sessions.signIn(expert);
        assertThat(pages.post(
                                uni,
                                "/staff/experts/" + expert.id() + "/mark",
                                sessions.signIn(fixtures.staff(uni)),
                                Map.of("paidExpert", "true"))
                        .code())
                .isEqualTo(303);
        assertThat(pages.post(uni, "/counsellor/payouts/onboard", expertSession, Map.of())
                        .code())
                .isEqualTo(303);
        String account = accountOf(expert);

        // signed by neither endpoint's secret: refused, nothing recorded
        String forged = accountUpdated(account, true, true, Instant.now());
        HttpResponse<String> refused = webhook(
                forged,
                StripeTestEvents.signature(
                        forged,
                        "whsec_test_bm90LW91ci1zZWNyZXQtYXQtYWxs",
                        Instant.now().getEpochSecond()));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(pages.get(uni, "/counsellor/payouts", expertSession).body())
                .contains("data-payout-state=\"IN_PROGRESS\"");

        // the Connect endpoint's event (its own secret) is applied
        String connected = accountUpdated(account, true, false, Instant.now());
        assertThat(webhook(
                                connected,
                                StripeTestEvents.signature(
                                        connected, CONNECT_SECRET, Instant.now().getEpochSecond()))
                        .code())
                .isEqualTo(200);
        assertThat(pages.get(uni, "/counsellor/payouts", expertSession).body())
                .contains("data-payout-state=\"CHARGES_ONLY\"");

        // and the main endpoint's secret still verifies (both endpoints may post to one URL)
        assertThat(webhook(accountUpdated(account, true, true, Instant.now().plusSeconds(1)))
                        .code())
                .isEqualTo(200);
        assertThat(pages.get(uni, "/counsellor/payouts", expertSession).body())
                .contains("data-payout-state=\"ACTIVE\"");
    }

    @Test
    void aStaffRefundReversesTheTransferAndTheFeeAndInFullCancelsTheBookingAndFreesTheSlot() {
        User expert = onboardedExpert(uni, 4000);
        User student = verifiedStudent(uni);
        Instant start = slot(uni, expert, Duration.ofDays(9));
        String appointment =
                (String) api.map(api.book(uni.subdomain(), sessions.signIn(student), expert.id(), PAID, start))
                        .get("id");
        String paymentId =
                text("SELECT payment_id FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment);
        String sessionId = sessionOf(appointment);
        stripe.charge("pi_" + sessionId, 4000);
        assertThat(webhook(StripeTestEvents.event(
                                "checkout.session.completed",
                                StripeTestEvents.checkoutSession(
                                        sessionId,
                                        "payment",
                                        StripeTestEvents.metadata(uni.id(), student.id(), "item", paymentId),
                                        "paid",
                                        4000)))
                        .code())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED"
                .equals(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment)));
        // a confirmed paid session is invoiced like any confirmed payment
        assertThat(text("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", paymentId))
                .isEqualTo("1");
        User staff = fixtures.staff(uni);

        // part of it: the expert gives back their share of 10.00, the fee is refunded in proportion
        HttpResponse<String> partial = api.post(
                uni.subdomain(),
                sessions.signIn(staff),
                "/api/v1/staff/payments/" + paymentId + "/refunds",
                Map.of("amountCents", 1000, "reason", "Started 20 minutes late"));
        assertThat(partial.code()).as(partial.body()).isEqualTo(202);
        assertThat(partial.body()).contains("\"paymentStatus\":\"PARTIALLY_REFUNDED\"");
        FakeStripeServer.Request first = stripe.last("/v1/refunds");
        assertThat(first.parameter("payment_intent")).isEqualTo("pi_" + sessionId);
        assertThat(first.parameter("amount")).isEqualTo("1000");
        assertThat(first.parameter("reverse_transfer")).isEqualTo("true");
        assertThat(first.parameter("refund_application_fee")).isEqualTo("true");
        assertThat(first.headers().get("idempotency-key")).startsWith("refund-");
        assertThat(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment))
                .as("a partial refund keeps the booking")
                .isEqualTo("CONFIRMED");

        // the rest, from the payment's page (which says what refunding a paid session does): the booking
        // is cancelled and its slot freed
        assertThat(pages.get(uni, "/staff/payments/" + paymentId, sessions.signIn(staff))
                        .body())
                .contains("data-expert-session");
        HttpResponse<String> rest = pages.post(
                uni,
                "/staff/payments/" + paymentId + "/refunds",
                sessions.signIn(staff),
                Map.of("amount", "", "reason", "The expert cannot make it"));
        assertThat(rest.code()).as(rest.body()).isEqualTo(303);
        FakeStripeServer.Request second = stripe.last("/v1/refunds");
        assertThat(second.parameter("amount")).isEqualTo("3000");
        assertThat(second.parameter("reverse_transfer")).isEqualTo("true");
        assertThat(second.parameter("refund_application_fee")).isEqualTo("true");
        assertThat(second.headers().get("idempotency-key"))
                .isNotEqualTo(first.headers().get("idempotency-key"));
        assertThat(stripe.refunded("pi_" + sessionId)).isEqualTo(4000);
        assertThat(text("SELECT status FROM payments WHERE id = ?::uuid", paymentId))
                .isEqualTo("REFUNDED");
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED"
                .equals(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment)));
        assertThat(text("SELECT status FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment))
                .isEqualTo("REFUNDED");
        assertThat(text("SELECT refunded::text FROM appointments WHERE id = ?::uuid", appointment))
                .isEqualTo("true");
        // audited, both times, as reversing the transfer
        assertThat(text(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'payments.refund.requested'"
                                + " AND details->>'payment' = ? AND details->>'reverse_transfer' = 'true'",
                        uni.id(),
                        paymentId))
                .isEqualTo("2");
        // the student is told (refund notice by email, and the cancellation)
        await().atMost(Duration.ofSeconds(20)).until(() -> "1"
                .equals(text(
                        "SELECT count(*) FROM notifications WHERE university_id = ? AND user_id = ?"
                                + " AND title LIKE 'Refunded:%'",
                        uni.id(), student.id())));
        await().atMost(Duration.ofSeconds(20)).until(() -> "1"
                .equals(text(
                        "SELECT count(*) FROM notifications WHERE university_id = ? AND user_id = ?"
                                + " AND title LIKE 'Cancelled:%'",
                        uni.id(), student.id())));
        // emails: both refund notices (important) and the booking's confirmation and cancellation
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Long.parseLong(text(
                                        "SELECT count(*) FROM mail_deliveries WHERE university_id = ? AND recipient = ?"
                                                + " AND template = 'NOTIFICATION'",
                                        uni.id(),
                                        student.email()))
                                >= 2
                        && Long.parseLong(text(
                                        "SELECT count(*) FROM mail_deliveries WHERE university_id = ? AND recipient = ?"
                                                + " AND template = 'COUNSELLING'",
                                        uni.id(),
                                        student.email()))
                                >= 2);
        // nothing is left for the expert, and the slot can be booked again
        Map<String, Long> earnings =
                amounts(api.get(uni.subdomain(), sessions.signIn(expert), "/api/v1/counsellor/earnings"));
        assertThat(earnings).containsEntry("grossCents", 0L).containsEntry("netCents", 0L);
        HttpResponse<String> again =
                api.book(uni.subdomain(), sessions.signIn(verifiedStudent(uni)), expert.id(), PAID, start);
        assertThat(again.code()).as(again.body()).isEqualTo(201);
    }

    @Test
    void aStaleConnectCheckoutIsSettledByTheUniversitysReconciliationOnce() {
        // a university of its own, so the job's run overlaps no other test's payments
        University own = fixtures.university();
        User expert = onboardedExpert(own, 3500);
        User student = verifiedStudent(own);
        Instant start = slot(own, expert, Duration.ofDays(10));
        String appointment =
                (String) api.map(api.book(own.subdomain(), sessions.signIn(student), expert.id(), PAID, start))
                        .get("id");
        String paymentId =
                text("SELECT payment_id FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment);
        String sessionId = sessionOf(appointment);
        // the checkout registered the university's hourly reconciliation, like any Stripe checkout
        assertThat(text("SELECT count(*) FROM jobrunr_recurring_jobs WHERE id = ?", "payments-reconcile-" + own.id()))
                .isEqualTo("1");
        // the student paid, but no webhook came
        execute("UPDATE payments SET created_at = now() - interval '26 hours' WHERE id = ?::uuid", paymentId);
        ObjectNode paid = StripeTestEvents.checkoutSession(
                sessionId,
                "payment",
                StripeTestEvents.metadata(own.id(), student.id(), "item", paymentId),
                "paid",
                3500);
        paid.put("status", "complete");
        stripe.object(sessionId, paid.toString());

        scheduler.enqueue(new com.careerai.billing.ReconcilePaymentsJobRequest(own.id()));

        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED"
                .equals(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment)));
        assertThat(text("SELECT status FROM payments WHERE id = ?::uuid", paymentId))
                .isEqualTo("PAID");
        assertThat(text("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", paymentId))
                .isEqualTo("1");
        // the webhook that arrives late changes nothing
        assertThat(webhook(StripeTestEvents.event("checkout.session.completed", paid))
                        .code())
                .isEqualTo(200);
        assertThat(text("SELECT count(*) FROM invoices WHERE payment_id = ?::uuid", paymentId))
                .isEqualTo("1");
        assertThat(text("SELECT status FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment))
                .isEqualTo("PAID");
        Map<String, Long> earnings =
                amounts(api.get(own.subdomain(), sessions.signIn(expert), "/api/v1/counsellor/earnings"));
        assertThat(earnings).containsEntry("grossCents", 3500L);
    }

    @Test
    void aRazorpayUniversityPaysTheExpertThroughARouteLinkedAccount() {
        University razorpayUni = fixtures.university();
        CrossTenant.within(
                razorpayUni,
                () -> paymentSettings.change(
                        razorpayUni.id(), com.careerai.billing.PaymentSettings.Provider.RAZORPAY, "INR", "test"));
        User expert = counselling.counsellor(razorpayUni);
        SignedIn staff = sessions.signIn(fixtures.staff(razorpayUni));
        SignedIn expertSession = sessions.signIn(expert);
        assertThat(pages.post(
                                razorpayUni,
                                "/staff/experts/" + expert.id() + "/mark",
                                staff,
                                Map.of("paidExpert", "true"))
                        .code())
                .isEqualTo(303);
        CrossTenant.within(razorpayUni, () -> {
            counsellors.offer(razorpayUni.id(), expert.id(), PAID, "Expert hour", 60, null, false);
            return null;
        });

        // Stripe onboarding is not the way here; a malformed or unknown linked account is refused beside the field
        assertThat(pages.post(razorpayUni, "/counsellor/payouts/onboard", expertSession, Map.of())
                        .code())
                .isEqualTo(409);
        HttpResponse<String> malformed = pages.post(
                razorpayUni,
                "/counsellor/payouts/linked-account",
                expertSession,
                Map.of("linkedAccount", "acct_stripe1"));
        assertThat(malformed.code()).isEqualTo(422);
        assertThat(malformed.body()).contains("field-error").contains("starts with acc_");
        HttpResponse<String> unknown = pages.post(
                razorpayUni,
                "/counsellor/payouts/linked-account",
                expertSession,
                Map.of("linkedAccount", "acc_Unknown" + expert.id()));
        assertThat(unknown.code()).isEqualTo(422);
        assertThat(unknown.body()).contains("Razorpay does not know this linked account");

        // recorded but not activated yet: no money price
        String account = "acc_Expert" + expert.id();
        razorpay.linkedAccount(account, "created");
        assertThat(pages.post(
                                razorpayUni,
                                "/counsellor/payouts/linked-account",
                                expertSession,
                                Map.of("linkedAccount", account))
                        .code())
                .isEqualTo(303);
        assertThat(pages.get(razorpayUni, "/counsellor/payouts", expertSession).body())
                .contains("data-payout-state=\"IN_PROGRESS\"")
                .contains(account);
        assertThat(pages.post(
                                razorpayUni,
                                "/counsellor/session-types/" + PAID + "/price",
                                expertSession,
                                Map.of("price", "40"))
                        .code())
                .isEqualTo(422);

        // another university's staff cannot record it: 404
        assertThat(pages.post(
                                uni,
                                "/staff/experts/" + expert.id() + "/linked-account",
                                sessions.signIn(fixtures.staff(uni)),
                                Map.of("linkedAccount", account))
                        .code())
                .isEqualTo(404);

        // Razorpay activates it; staff check it again: the expert takes money prices
        razorpay.linkedAccount(account, "activated");
        assertThat(pages.post(
                                razorpayUni,
                                "/staff/experts/" + expert.id() + "/linked-account",
                                staff,
                                Map.of("linkedAccount", account))
                        .code())
                .isEqualTo(303);
        assertThat(razorpay.last("/v2/accounts/" + account).method()).isEqualTo("GET");
        assertThat(pages.get(razorpayUni, "/counsellor/payouts", expertSession).body())
                .contains("data-payout-state=\"ACTIVE\"");
        assertThat(pages.post(
                                razorpayUni,
                                "/counsellor/session-types/" + PAID + "/price",
                                expertSession,
                                Map.of("price", "40"))
                        .code())
                .isEqualTo(303);

        // the booking is a Route order: 40.00 less the 10 % fee transferred to the linked account, not on hold
        User student = verifiedStudent(razorpayUni);
        SignedIn studentSession = sessions.signIn(student);
        Instant start = slot(razorpayUni, expert, Duration.ofDays(9));
        HttpResponse<String> booked = api.book(razorpayUni.subdomain(), studentSession, expert.id(), PAID, start);
        assertThat(booked.code()).as(booked.body()).isEqualTo(201);
        Map<String, Object> view = api.map(booked);
        assertThat(view).containsEntry("status", "PENDING").containsEntry("payment", "CARD");
        String appointment = (String) view.get("id");
        String paymentId =
                text("SELECT payment_id FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment);
        assertThat((String) view.get("checkoutUrl")).endsWith("/billing/razorpay/" + paymentId);
        org.json.JSONObject order = razorpay.last("/v1/orders").body();
        assertThat(order.getLong("amount")).isEqualTo(4000);
        // priced in the university's currency (tenant-admin --currency INR), not the default dollars
        assertThat(order.getString("currency")).isEqualTo("INR");
        assertThat(order.getString("receipt")).isEqualTo(paymentId);
        org.json.JSONObject transfer = order.getJSONArray("transfers").getJSONObject(0);
        assertThat(transfer.getString("account")).isEqualTo(account);
        assertThat(transfer.getLong("amount")).isEqualTo(3600);
        assertThat(transfer.getString("currency")).isEqualTo(order.getString("currency"));
        assertThat(transfer.getBoolean("on_hold")).isFalse();
        String orderId = sessionOf(appointment);

        // the student pays; the signed Checkout answer confirms it, the webhook after it changes nothing
        org.json.JSONObject paid = razorpay.pay(orderId);
        Map<String, String> form = new HashMap<>(FakeRazorpayServer.checkoutAnswer(orderId, paid.getString("id")));
        form.put("csrf", studentSession.csrf());
        HttpResponse<String> confirmed = Http.exchange(
                client,
                HttpRequest.POST("/billing/razorpay/" + paymentId + "/confirm", form)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", studentSession.cookie())
                        .header("Host", hostOf(razorpayUni.subdomain())));
        assertThat(confirmed.code()).as(confirmed.body()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED"
                .equals(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment)));
        String captured = razorpay.event("payment.captured", paid, null);
        HttpResponse<String> hook = Http.exchange(
                client,
                HttpRequest.POST("/webhooks/razorpay", captured)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", BASE_DOMAIN)
                        .header("X-Razorpay-Event-Id", "evt_route_" + paymentId)
                        .header("X-Razorpay-Signature", FakeRazorpayServer.webhookSignature(captured)));
        assertThat(hook.code()).as(hook.body()).isEqualTo(200);
        assertThat(hook.body()).contains("already PAID");
        assertThat(text("SELECT status FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment))
                .isEqualTo("PAID");

        // earnings: 40.00 paid, fee 4.00, net 36.00, pending
        Map<String, Long> earnings =
                amounts(api.get(razorpayUni.subdomain(), expertSession, "/api/v1/counsellor/earnings"));
        assertThat(earnings)
                .containsEntry("grossCents", 4000L)
                .containsEntry("platformFeeCents", 400L)
                .containsEntry("netCents", 3600L)
                .containsEntry("pendingCents", 3600L);

        // a cancellation within the policy refunds it all with the transfer reversed
        HttpResponse<String> cancelled = api.post(
                razorpayUni.subdomain(),
                studentSession,
                "/api/v1/appointments/" + appointment + "/cancel",
                Map.of("reason", "Exam moved"));
        assertThat(cancelled.code()).as(cancelled.body()).isEqualTo(200);
        assertThat(api.map(cancelled)).containsEntry("refunded", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED"
                .equals(text("SELECT status FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment)));
        FakeRazorpayServer.Request refund = razorpay.last("/v1/payments/" + paid.getString("id") + "/refund");
        assertThat(refund.body().getInt("reverse_all")).isEqualTo(1);
        assertThat(refund.body().getLong("amount")).isEqualTo(4000);
        assertThat(refund.body().getJSONObject("notes").getString("decision")).isEqualTo("cancel:" + appointment);
        assertThat(text("SELECT status FROM payments WHERE id = ?::uuid", paymentId))
                .isEqualTo("REFUNDED");
        assertThat(amounts(api.get(razorpayUni.subdomain(), expertSession, "/api/v1/counsellor/earnings")))
                .containsEntry("grossCents", 0L)
                .containsEntry("netCents", 0L);
    }

    @Test
    void aStaffRefundOfARouteSessionReversesTheTransferAndALinkedAccountBelongsToOneExpert() {
        University razorpayUni = fixtures.university();
        CrossTenant.within(
                razorpayUni,
                () -> paymentSettings.change(
                        razorpayUni.id(), com.careerai.billing.PaymentSettings.Provider.RAZORPAY, "INR", "test"));
        SignedIn staff = sessions.signIn(fixtures.staff(razorpayUni));
        User expert = counselling.counsellor(razorpayUni);
        User other = counselling.counsellor(razorpayUni);
        String account = "acc_Staff" + expert.id();
        razorpay.linkedAccount(account, "activated");
        for (User counsellor : java.util.List.of(expert, other)) {
            assertThat(pages.post(
                                    razorpayUni,
                                    "/staff/experts/" + counsellor.id() + "/mark",
                                    staff,
                                    Map.of("paidExpert", "true"))
                            .code())
                    .isEqualTo(303);
        }
        assertThat(pages.post(
                                razorpayUni,
                                "/staff/experts/" + expert.id() + "/linked-account",
                                staff,
                                Map.of("linkedAccount", account))
                        .code())
                .isEqualTo(303);
        HttpResponse<String> taken = pages.post(
                razorpayUni,
                "/staff/experts/" + other.id() + "/linked-account",
                staff,
                Map.of("linkedAccount", account));
        assertThat(taken.code()).isEqualTo(422);
        assertThat(taken.body()).contains("Another expert has this linked account");
        // the experts' list shows each one's recorded account (read with their statuses, not one by one)
        assertThat(pages.get(razorpayUni, "/staff/experts", staff).body())
                .contains("id=\"linked-" + expert.id()
                        + "\" name=\"linkedAccount\" type=\"text\" maxlength=\"70\" value=\"" + account + "\"")
                .contains("id=\"linked-" + other.id()
                        + "\" name=\"linkedAccount\" type=\"text\" maxlength=\"70\" value=\"\"");

        CrossTenant.within(razorpayUni, () -> {
            counsellors.offer(razorpayUni.id(), expert.id(), PAID, "Expert hour", 60, null, false);
            return null;
        });
        SignedIn expertSession = sessions.signIn(expert);
        assertThat(pages.post(
                                razorpayUni,
                                "/counsellor/session-types/" + PAID + "/price",
                                expertSession,
                                Map.of("price", "50"))
                        .code())
                .isEqualTo(303);
        User student = verifiedStudent(razorpayUni);
        SignedIn studentSession = sessions.signIn(student);
        Instant start = slot(razorpayUni, expert, Duration.ofDays(6));
        HttpResponse<String> booked = api.book(razorpayUni.subdomain(), studentSession, expert.id(), PAID, start);
        assertThat(booked.code()).as(booked.body()).isEqualTo(201);
        String appointment = (String) api.map(booked).get("id");
        String paymentId =
                text("SELECT payment_id FROM appointment_card_holds WHERE appointment_id = ?::uuid", appointment);
        String orderId = sessionOf(appointment);
        org.json.JSONObject paid = razorpay.pay(orderId);
        String orderPaid = razorpay.event("order.paid", paid, null);
        HttpResponse<String> hook = Http.exchange(
                client,
                HttpRequest.POST("/webhooks/razorpay", orderPaid)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", BASE_DOMAIN)
                        .header("X-Razorpay-Event-Id", "evt_route_paid_" + paymentId)
                        .header("X-Razorpay-Signature", FakeRazorpayServer.webhookSignature(orderPaid)));
        assertThat(hook.code()).as(hook.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED"
                .equals(text("SELECT status FROM appointments WHERE id = ?::uuid", appointment)));

        HttpResponse<String> partial = api.post(
                razorpayUni.subdomain(),
                sessions.signIn(fixtures.staff(razorpayUni)),
                "/api/v1/staff/payments/" + paymentId + "/refunds",
                Map.of("amountCents", 1000, "reason", "Started 20 minutes late"));
        assertThat(partial.code()).as(partial.body()).isEqualTo(202);
        assertThat(partial.body()).contains("\"paymentStatus\":\"PARTIALLY_REFUNDED\"");
        FakeRazorpayServer.Request refund = razorpay.last("/v1/payments/" + paid.getString("id") + "/refund");
        assertThat(refund.body().getLong("amount")).isEqualTo(1000);
        assertThat(refund.body().getInt("reverse_all")).isEqualTo(1);
        // 50.00 − 10.00 refunded; fee 5.00 − 5.00 × 10 / 50 = 4.00; net 36.00
        assertThat(amounts(api.get(razorpayUni.subdomain(), expertSession, "/api/v1/counsellor/earnings")))
                .containsEntry("grossCents", 4000L)
                .containsEntry("platformFeeCents", 400L)
                .containsEntry("netCents", 3600L);
    }

    @Test
    void aRouteHoldThatRunsOutReleasesTheSlotUnlessTheOrderWasPaid() {
        University razorpayUni = fixtures.university();
        User expert = routeExpert(razorpayUni, 3000);
        Instant start = slot(razorpayUni, expert, Duration.ofDays(5));
        String unpaid = (String) api.map(api.book(
                        razorpayUni.subdomain(),
                        sessions.signIn(verifiedStudent(razorpayUni)),
                        expert.id(),
                        PAID,
                        start))
                .get("id");
        CrossTenant.within(razorpayUni, () -> {
            paidSessions.holdEnded(razorpayUni.id(), UUID.fromString(unpaid));
            return null;
        });
        assertThat(razorpay.last("/v1/orders/" + sessionOf(unpaid)).method()).isEqualTo("GET");
        assertThat(text("SELECT status FROM appointments WHERE id = ?::uuid", unpaid))
                .isEqualTo("CANCELLED");

        Instant later = slot(razorpayUni, expert, Duration.ofDays(7));
        String paid = (String) api.map(api.book(
                        razorpayUni.subdomain(),
                        sessions.signIn(verifiedStudent(razorpayUni)),
                        expert.id(),
                        PAID,
                        later))
                .get("id");
        razorpay.pay(sessionOf(paid)); // the student paid just before the hold ran out
        CrossTenant.within(razorpayUni, () -> {
            paidSessions.holdEnded(razorpayUni.id(), UUID.fromString(paid));
            return null;
        });
        assertThat(text("SELECT status FROM appointments WHERE id = ?::uuid", paid))
                .as("kept for the signed answer or webhook that confirms it")
                .isEqualTo("PENDING");
    }

    @Test
    void aRazorpayExpertWithoutAnActivatedLinkedAccountCannotBeBooked() {
        University razorpayUni = fixtures.university();
        User expert = onboardedExpert(razorpayUni, 4000); // priced while the university was on Stripe
        CrossTenant.within(
                razorpayUni,
                () -> paymentSettings.change(
                        razorpayUni.id(), com.careerai.billing.PaymentSettings.Provider.RAZORPAY, "INR", "test"));
        Instant start = slot(razorpayUni, expert, Duration.ofDays(5));
        User student = verifiedStudent(razorpayUni);
        int orders = (int) razorpay.requests().stream()
                .filter(request -> request.path().equals("/v1/orders"))
                .count();

        HttpResponse<String> json =
                api.book(razorpayUni.subdomain(), sessions.signIn(student), expert.id(), PAID, start);
        assertThat(json.code()).as(json.body()).isEqualTo(409);
        assertThat(api.map(json)).hasEntrySatisfying("message", message -> assertThat((String) message)
                .contains("cannot take card payments"));
        HttpResponse<String> page = pages.post(
                razorpayUni,
                "/counselling/book/" + expert.id(),
                sessions.signIn(student),
                Map.of("type", PAID, "start", start.toString()));
        assertThat(page.code()).isEqualTo(422);
        assertThat(page.body()).contains("cannot take card payments");

        assertThat(razorpay.requests().stream().filter(request -> request.path().equals("/v1/orders")))
                .hasSize(orders);
        assertThat(text("SELECT count(*) FROM appointments WHERE university_id = ?", razorpayUni.id()))
                .as("no slot was held")
                .isEqualTo("0");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A counsellor marked by staff, onboarded as if Stripe said so, with a paid type at {@code cents}. */
    private User onboardedExpert(University university, long cents) {
        User expert = counselling.counsellor(university);
        SignedIn staff = sessions.signIn(fixtures.staff(university));
        assertThat(pages.post(
                                university,
                                "/staff/experts/" + expert.id() + "/mark",
                                staff,
                                Map.of("paidExpert", "true"))
                        .code())
                .isEqualTo(303);
        SignedIn session = sessions.signIn(expert);
        assertThat(pages.post(university, "/counsellor/payouts/onboard", session, Map.of())
                        .code())
                .isEqualTo(303);
        assertThat(webhook(accountUpdated(accountOf(expert), true, true, Instant.now()))
                        .code())
                .isEqualTo(200);
        CrossTenant.within(university, () -> {
            counsellors.offer(university.id(), expert.id(), PAID, "Expert hour", 60, null, false);
            return null;
        });
        String price = java.math.BigDecimal.valueOf(cents, 2).toPlainString();
        assertThat(pages.post(
                                university,
                                "/counsellor/session-types/" + PAID + "/price",
                                session,
                                Map.of("price", price))
                        .code())
                .isEqualTo(303);
        return expert;
    }

    /** A Razorpay university's paid expert with an activated Route linked account and a paid type at {@code cents}. */
    private User routeExpert(University university, long cents) {
        CrossTenant.within(
                university,
                () -> paymentSettings.change(
                        university.id(), com.careerai.billing.PaymentSettings.Provider.RAZORPAY, "INR", "test"));
        User expert = counselling.counsellor(university);
        SignedIn staff = sessions.signIn(fixtures.staff(university));
        assertThat(pages.post(
                                university,
                                "/staff/experts/" + expert.id() + "/mark",
                                staff,
                                Map.of("paidExpert", "true"))
                        .code())
                .isEqualTo(303);
        String account = "acc_Route" + expert.id();
        razorpay.linkedAccount(account, "activated");
        assertThat(pages.post(
                                university,
                                "/staff/experts/" + expert.id() + "/linked-account",
                                staff,
                                Map.of("linkedAccount", account))
                        .code())
                .isEqualTo(303);
        CrossTenant.within(university, () -> {
            counsellors.offer(university.id(), expert.id(), PAID, "Expert hour", 60, null, false);
            return null;
        });
        assertThat(pages.post(
                                university,
                                "/counsellor/session-types/" + PAID + "/price",
                                sessions.signIn(expert),
                                Map.of(
                                        "price",
                                        java.math.BigDecimal.valueOf(cents, 2).toPlainString()))
                        .code())
                .isEqualTo(303);
        return expert;
    }

    private void setFee(University university, String percent) {
        SignedIn staff = sessions.signIn(fixtures.staff(university));
        assertThat(pages.post(university, "/staff/experts/fee", staff, Map.of("platformFeePercent", "60"))
                        .code())
                .isEqualTo(422);
        assertThat(pages.post(university, "/staff/experts/fee", staff, Map.of("platformFeePercent", percent))
                        .code())
                .isEqualTo(303);
    }

    private User verifiedStudent(University university) {
        return fixtures.verifiedStudent(university);
    }

    /** The numbers of a JSON object, as longs. */
    private Map<String, Long> amounts(HttpResponse<String> response) {
        assertThat(response.code()).as(response.body()).isEqualTo(200);
        Map<String, Long> amounts = new HashMap<>();
        api.map(response).forEach((key, value) -> {
            if (value instanceof Number number) {
                amounts.put(key, number.longValue());
            }
        });
        return amounts;
    }

    private Instant slot(University university, User expert, Duration ahead) {
        return counselling.slot(university, expert, PAID, ahead);
    }

    private String accountOf(User expert) {
        return text("SELECT stripe_account_id FROM expert_accounts WHERE user_id = ?", expert.id());
    }

    private String sessionOf(String appointment) {
        return text(
                "SELECT p.external_id FROM appointment_card_holds h JOIN payments p ON p.id = h.payment_id"
                        + " WHERE h.appointment_id = ?::uuid",
                appointment);
    }

    private static String accountUpdated(String account, boolean charges, boolean payouts, Instant at) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("id", account);
        object.put("object", "account");
        object.put("type", "express");
        object.put("charges_enabled", charges);
        object.put("payouts_enabled", payouts);
        object.put("details_submitted", charges);
        return StripeTestEvents.event(StripeTestEvents.id("evt"), "account.updated", at, object);
    }

    private HttpResponse<String> webhook(String payload) {
        return webhook(payload, StripeTestEvents.signature(payload));
    }

    private HttpResponse<String> webhook(String payload, String signature) {
        return Http.exchange(
                client,
                HttpRequest.POST("/webhooks/stripe", payload)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", BASE_DOMAIN)
                        .header("Stripe-Signature", signature));
    }

    private String text(String sql, Object... parameters) {
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
