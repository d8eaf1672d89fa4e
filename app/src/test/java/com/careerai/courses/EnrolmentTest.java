package com.careerai.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Http;
import com.careerai.credits.InsufficientCreditsException;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeStripeServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StripeTestEvents;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Enrolment: capacity under concurrency, credits in the same transaction, the waitlist, money only by webhook. */
@MicronautTest(transactional = false)
class EnrolmentTest extends IntegrationTest {
    private static final String SITE = "https://example.test";

    final FakeStripeServer stripe = new FakeStripeServer();

    @Inject
    Fixtures fixtures;

    @Inject
    CourseFixtures courses;

    @Inject
    Enrolments enrolments;

    @Inject
    EnrolmentDesk desk;

    @Inject
    com.careerai.credits.WalletFixtures wallets;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("careerai.billing.secret-key", "sk_test_careerai_fake_key");
        properties.put("careerai.billing.webhook-secret", StripeTestEvents.SECRET);
        properties.put("careerai.billing.api-base", stripe.baseUrl());
        properties.put("careerai.billing.max-network-retries", "0");
        return properties;
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void thirtyConcurrentEnrolmentsForTenPlacesGiveExactlyTenPlaces() throws Exception {
        University university = fixtures.university();
        CourseFixtures.Made course = courses.free(university, 10);
        List<User> students = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            students.add(fixtures.verifiedStudent(university));
        }
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Enrolments.Result>> results = new ArrayList<>();
            for (User student : students) {
                results.add(pool.submit(() -> {
                    start.await();
                    return fixtures.in(
                            university, () -> enrolments.enrol(SignedInUser.of(student), course.batchId(), null, SITE));
                }));
            }
            start.countDown();
            int waitlisted = 0;
            for (Future<Enrolments.Result> result : results) {
                if (result.get(60, TimeUnit.SECONDS).waitlisted()) {
                    waitlisted++;
                }
            }
            assertThat(waitlisted).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(statusCount(course.batchId(), "ACTIVE")).isEqualTo(10);
        assertThat(statusCount(course.batchId(), "WAITLISTED")).isEqualTo(20);
        assertThat(count("SELECT seats_taken FROM batches WHERE id = ?", course.batchId()))
                .isEqualTo(10);
    }

    @Test
    void creditsAreDebitedWithThePlaceOrNothingHappens() {
        University university = fixtures.university();
        CourseFixtures.Made affordable =
                courses.make(university, "Affordable", 5, null, 2, Currency.GOLD, Course.Visibility.PUBLIC);
        CourseFixtures.Made dear =
                courses.make(university, "Dear", 5, null, 50, Currency.GOLD, Course.Visibility.PUBLIC);
        User student = wallets.studentWith(university, 0, 3);
        long goldBefore = gold(university, student);
        assertThat(goldBefore).isEqualTo(3);

        Enrolments.Result paid = fixtures.in(
                university, () -> enrolments.enrol(SignedInUser.of(student), affordable.batchId(), "credits", SITE));
        assertThat(paid.enrolment().status()).isEqualTo(Enrolment.Status.ACTIVE);
        assertThat(gold(university, student)).isEqualTo(goldBefore - 2);

        assertThatThrownBy(() -> fixtures.in(
                        university, () -> enrolments.enrol(SignedInUser.of(student), dear.batchId(), null, SITE)))
                .isInstanceOf(InsufficientCreditsException.class);
        assertThat(count("SELECT count(*) FROM enrolments WHERE batch_id = ?", dear.batchId()))
                .isZero();
        assertThat(count("SELECT seats_taken FROM batches WHERE id = ?", dear.batchId()))
                .isZero();

        fixtures.run(
                university,
                () -> enrolments.cancel(
                        SignedInUser.of(student), paid.enrolment().id()));
        assertThat(gold(university, student)).as("credits given back").isEqualTo(goldBefore);
    }

    @Test
    void aFreedPlaceIsOfferedToTheFirstWaiterAndLapsesToTheNext() {
        University university = fixtures.university();
        CourseFixtures.Made course = courses.free(university, 1);
        User first = fixtures.verifiedStudent(university);
        User second = fixtures.verifiedStudent(university);
        User third = fixtures.verifiedStudent(university);
        Enrolments.Result place = enrol(university, first, course.batchId());
        Enrolments.Result wait2 = enrol(university, second, course.batchId());
        Enrolments.Result wait3 = enrol(university, third, course.batchId());
        assertThat(wait2.waitlisted()).isTrue();
        assertThat(wait3.waitlisted()).isTrue();

        fixtures.run(
                university,
                () -> enrolments.cancel(
                        SignedInUser.of(first), place.enrolment().id()));
        assertThat(status(wait2)).isEqualTo("OFFERED");
        assertThat(status(wait3)).isEqualTo("WAITLISTED");
        assertThat(count(
                        "SELECT count(*) FROM enrolments WHERE id = ? AND offered_until BETWEEN now() + interval '23 hours'"
                                + " AND now() + interval '25 hours'",
                        wait2.enrolment().id()))
                .as("held for 24 hours")
                .isEqualTo(1);

        // not yet lapsed: the job changes nothing
        fixtures.run(
                university,
                () -> desk.expireOffer(university.id(), wait2.enrolment().id()));
        assertThat(status(wait2)).isEqualTo("OFFERED");

        execute(
                "UPDATE enrolments SET offered_until = now() - interval '1 second' WHERE id = ?",
                wait2.enrolment().id());
        fixtures.run(
                university,
                () -> desk.expireOffer(university.id(), wait2.enrolment().id()));
        assertThat(status(wait2)).isEqualTo("CANCELLED");
        assertThat(status(wait3)).isEqualTo("OFFERED");

        Enrolments.Result taken = enrol(university, third, course.batchId());
        assertThat(taken.enrolment().status()).isEqualTo(Enrolment.Status.ACTIVE);
        assertThat(count("SELECT seats_taken FROM batches WHERE id = ?", course.batchId()))
                .isEqualTo(1);
    }

    @Test
    void aPaidPlaceIsActiveOnlyAfterTheSignedWebhookAndARefundCancelsIt() {
        University university = fixtures.university();
        CourseFixtures.Made course = courses.make(university, "Paid", 3, 4900L, null, null, Course.Visibility.PUBLIC);
        User student = fixtures.verifiedStudent(university);
        Enrolments.Result pending = enrol(university, student, course.batchId());
        assertThat(pending.enrolment().status()).isEqualTo(Enrolment.Status.PENDING);
        assertThat(pending.checkoutUrl()).isNotBlank();
        String paymentId = String.valueOf(pending.enrolment().paymentId());
        String sessionId = text("SELECT external_id FROM payments WHERE id = ?::uuid", paymentId);
        assertThat(sessionId).isNotNull();
        assertThat(count("SELECT seats_taken FROM batches WHERE id = ?", course.batchId()))
                .as("a pending payment holds its place")
                .isEqualTo(1);

        // Stripe sends the student back: the return page changes nothing
        HttpResponse<String> back = Http.exchange(
                client,
                HttpRequest.GET("/courses/" + course.courseId() + "?checkout=done")
                        .header("Host", hostOf(university.subdomain())));
        assertThat(back.code()).isLessThan(500);
        // an unsigned "completed" event changes nothing either
        String completed = StripeTestEvents.event(
                "checkout.session.completed",
                StripeTestEvents.checkoutSession(
                        sessionId,
                        "payment",
                        StripeTestEvents.metadata(university.id(), student.id(), "item", paymentId),
                        "paid",
                        4900));
        assertThat(webhook(completed, "t=1,v1=bad").code()).isEqualTo(400);
        assertThat(status(pending)).isEqualTo("PENDING");

        assertThat(webhook(completed, StripeTestEvents.signature(completed)).code())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(status(pending)));
        assertThat(text("SELECT status FROM payments WHERE id = ?::uuid", paymentId))
                .isEqualTo("PAID");
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND user_id = ? AND type = 'TOPUP'",
                        university.id(),
                        student.id()))
                .as("a course payment gives no credits")
                .isZero();

        String refund = StripeTestEvents.event(
                "charge.refunded", StripeTestEvents.charge(StripeTestEvents.id("ch"), "pi_" + sessionId, 4900, 4900));
        assertThat(webhook(refund, StripeTestEvents.signature(refund)).code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(pending)));
        assertThat(count("SELECT seats_taken FROM batches WHERE id = ?", course.batchId()))
                .isZero();
    }

    @Test
    void anExpiredCheckoutGivesUpThePendingPlaceToTheFirstStudentWaiting() {
        University university = fixtures.university();
        CourseFixtures.Made course =
                courses.make(university, "Paid one", 1, 4900L, null, null, Course.Visibility.PUBLIC);
        User payer = fixtures.verifiedStudent(university);
        User waiting = fixtures.verifiedStudent(university);
        Enrolments.Result pending = enrol(university, payer, course.batchId());
        assertThat(pending.enrolment().status()).isEqualTo(Enrolment.Status.PENDING);
        Enrolments.Result queued = enrol(university, waiting, course.batchId());
        assertThat(queued.waitlisted()).isTrue();
        String paymentId = String.valueOf(pending.enrolment().paymentId());
        String sessionId = text("SELECT external_id FROM payments WHERE id = ?::uuid", paymentId);

        String expired = StripeTestEvents.event(
                "checkout.session.expired",
                StripeTestEvents.checkoutSession(
                        sessionId,
                        "payment",
                        StripeTestEvents.metadata(university.id(), payer.id(), "item", paymentId),
                        "unpaid",
                        4900));
        assertThat(webhook(expired, StripeTestEvents.signature(expired)).code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(pending)));
        assertThat(text("SELECT status FROM payments WHERE id = ?::uuid", paymentId))
                .isEqualTo("EXPIRED");
        assertThat(status(queued))
                .as("the freed place is offered to the first waiting")
                .isEqualTo("OFFERED");
        assertThat(count("SELECT seats_taken FROM batches WHERE id = ?", course.batchId()))
                .isEqualTo(1);
        // Stripe delivers again: nothing changes twice
        assertThat(webhook(expired, StripeTestEvents.signature(expired)).code()).isEqualTo(200);
        assertThat(status(queued)).isEqualTo("OFFERED");
    }

    private Enrolments.Result enrol(University university, User student, long batchId) {
        return fixtures.in(university, () -> enrolments.enrol(SignedInUser.of(student), batchId, null, SITE));
    }

    private HttpResponse<String> webhook(String payload, String signature) {
        return Http.exchange(
                client,
                HttpRequest.POST("/webhooks/stripe", payload)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", BASE_DOMAIN)
                        .header("Stripe-Signature", signature));
    }

    private long statusCount(long batchId, String status) {
        return count("SELECT count(*) FROM enrolments WHERE batch_id = ? AND status = ?", batchId, status);
    }

    private String status(Enrolments.Result result) {
        return text(
                "SELECT status FROM enrolments WHERE id = ?", result.enrolment().id());
    }

    private long gold(University university, User student) {
        return count(
                "SELECT gold_credits FROM credit_wallets WHERE university_id = ? AND user_id = ?",
                university.id(),
                student.id());
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
