package com.careerai.billing;

import static com.careerai.testing.StripeTestEvents.charge;
import static com.careerai.testing.StripeTestEvents.checkoutSession;
import static com.careerai.testing.StripeTestEvents.event;
import static com.careerai.testing.StripeTestEvents.id;
import static com.careerai.testing.StripeTestEvents.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.User;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.StripeTestEvents;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stripe events that cannot simply be applied: one whose handling throws every time (poison) is
 * retried by Stripe four times, answered 200 and kept FAILED on the fifth, and replayed by an
 * operator once fixed; a refund that arrives before its payment is parked and applied with it.
 */
@MicronautTest(transactional = false)
class StripeEventTroubleTest extends BillingTestBase {
    @Inject
    Fixtures fixtures;

    @Inject
    Wallets wallets;

    @Inject
    StripeEvents stripeEvents;

    University uni;

    @BeforeAll
    void university() {
        uni = fixtures.university();
    }

    private String completed(Started started, User student, long amount) {
        return event(
                "checkout.session.completed",
                checkoutSession(
                        started.sessionId(),
                        "payment",
                        metadata(uni.id(), student.id(), "gold-10", started.paymentId()),
                        "paid",
                        amount));
    }

    private long gold(User student) {
        return CrossTenant.within(uni, () -> wallets.balances(uni.id(), student.id()))
                .gold();
    }

    private HttpResponse<String> send(String payload) {
        return webhook(payload, StripeTestEvents.signature(payload));
    }

    private static String eventIdOf(String payload) {
        int start = payload.indexOf("\"id\":\"") + 6;
        return payload.substring(start, payload.indexOf('"', start));
    }

    /** Makes recording this checkout's payment as paid throw, as a bug would, until {@link #cure}. */
    private void poison(String sessionId) {
        sql("CREATE OR REPLACE FUNCTION poison_payment() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF NEW.external_id = '" + sessionId + "' AND NEW.status = 'PAID' THEN"
                + " RAISE EXCEPTION 'poisoned payment %', NEW.id; END IF; RETURN NEW; END $$");
        sql("CREATE TRIGGER poison_payment BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION poison_payment()");
    }

    private void cure() {
        sql("DROP TRIGGER poison_payment ON payments");
    }

    private void sql(String statement) {
        try (Connection connection =
                        DriverManager.getConnection(getProperties().get("datasources.default.url"), "postgres", "");
                Statement run = connection.createStatement()) {
            run.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEventThatAlwaysFailsIsRetriedFourTimesThenKeptFailedAndReplayedOnceFixed() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "gold-10");
        String payload = completed(started, student, 900);
        String eventId = eventIdOf(payload);
        poison(started.sessionId());
        try {
            for (int attempt = 1; attempt <= 4; attempt++) {
                HttpResponse<String> answer = send(payload);
                assertThat(answer.code())
                        .as("attempt " + attempt + ": Stripe retries")
                        .isGreaterThanOrEqualTo(500);
                assertThat(outcomeOf(eventId)).isEqualTo("RETRYING");
                assertThat(count("SELECT attempts FROM stripe_events WHERE id = ?", eventId))
                        .isEqualTo(attempt);
            }
            HttpResponse<String> fifth = send(payload);
            assertThat(fifth.code()).isEqualTo(200);
            assertThat(fifth.body()).contains("\"outcome\":\"FAILED\"");
            assertThat(outcomeOf(eventId)).isEqualTo("FAILED");
            assertThat(text("SELECT last_error FROM stripe_events WHERE id = ?", eventId))
                    .contains("poisoned payment");

            HttpResponse<String> sixth = send(payload);
            assertThat(sixth.code())
                    .as("Stripe stops; a late resend changes nothing")
                    .isEqualTo(200);
            assertThat(sixth.body()).contains("\"outcome\":\"DUPLICATE\"");
            assertThat(count("SELECT attempts FROM stripe_events WHERE id = ?", eventId))
                    .isEqualTo(5);
            assertThat(gold(student)).isZero();
            assertThat(paymentStatus(started.paymentId())).isEqualTo("PENDING");
            assertThat(stripeEvents.recent(true, 20)).anySatisfy(failed -> {
                assertThat(failed.id()).isEqualTo(eventId);
                assertThat(failed.outcome()).isEqualTo("FAILED");
                assertThat(failed.attempts()).isEqualTo(5);
            });

            assertThatThrownBy(() -> stripeEvents.replay(eventId))
                    .isInstanceOf(StripeEvents.ReplayException.class)
                    .hasMessageContaining("failed again")
                    .hasMessageContaining("poisoned payment");
            assertThat(outcomeOf(eventId)).isEqualTo("FAILED");
            assertThat(count("SELECT attempts FROM stripe_events WHERE id = ?", eventId))
                    .isEqualTo(6);
        } finally {
            cure();
        }

        StripeEvents.Replayed replayed = stripeEvents.replay(eventId);

        assertThat(replayed.outcome()).isEqualTo("PROCESSED");
        assertThat(outcomeOf(eventId)).isEqualTo("PROCESSED");
        assertThat(gold(student)).isEqualTo(10);
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PAID");
        assertThat(stripeEvents.recent(true, 20))
                .noneMatch(failed -> failed.id().equals(eventId));
        assertThatThrownBy(() -> stripeEvents.replay(eventId))
                .isInstanceOf(StripeEvents.ReplayException.class)
                .hasMessageContaining("is PROCESSED");
        assertThat(send(payload).body()).contains("\"outcome\":\"DUPLICATE\"");
        assertThat(gold(student)).isEqualTo(10);
        assertLedgerClean(uni);
    }

    @Test
    void aRefundArrivingBeforeItsPaymentIsParkedAndAppliedWhenThePaymentIsRecorded() {
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "gold-10");
        String paymentIntent = "pi_" + started.sessionId();
        String refund = event("charge.refunded", charge(id("ch"), paymentIntent, 900, 450));

        HttpResponse<String> early = deliver(refund);

        assertThat(early.body()).contains("\"outcome\":\"PARKED\"");
        assertThat(outcomeOf(eventIdOf(refund))).isEqualTo("PARKED");
        assertThat(gold(student)).isZero();

        HttpResponse<String> payment = deliver(completed(started, student, 900));

        assertThat(payment.body()).contains("\"outcome\":\"PROCESSED\"");
        assertThat(gold(student)).as("10 bought, half refunded").isEqualTo(5);
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(outcomeOf(eventIdOf(refund))).isEqualTo("PROCESSED");
        assertThat(text("SELECT detail FROM stripe_events WHERE id = ?", eventIdOf(refund)))
                .startsWith("applied after ");
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND user_id = ?"
                                + " AND type = 'REVERSAL'",
                        uni.id(),
                        student.id()))
                .isEqualTo(1);
        assertThat(deliver(refund).body()).contains("\"outcome\":\"DUPLICATE\"");
        assertThat(gold(student)).isEqualTo(5);
        assertLedgerClean(uni);
    }
}
