package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.jdbc.DataSourceResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** stripe-events --failed and stripe-events replay: a poison event, found and applied once fixed. */
class StripeEventsCommandTest extends TenantAdminTest {
    User ada;

    @BeforeAll
    void student() {
        Result onboarded = run(
                "onboard",
                "--name",
                "Stripe University",
                "--subdomain",
                "stripeevt",
                "--domains",
                "stripeevt.edu",
                "--silver",
                "0",
                "--gold",
                "0",
                "--staff",
                "staff@stripeevt.edu");
        assertThat(onboarded.exitCode()).as(onboarded.err()).isZero();
        long universityId = admin.getBean(UniversityAdministration.class)
                .findBySubdomain("stripeevt")
                .orElseThrow()
                .id();
        ada = admin.getBean(UnitOfWork.class).bound(universityId, () -> admin.getBean(UserAccounts.class)
                .ensure(universityId, "ada@stripeevt.edu", "Ada", Role.STUDENT));
    }

    /** A checkout.session.completed that failed five times, as the webhook leaves it. */
    private String failedCheckoutEvent() throws SQLException {
        String eventId = "evt_poison_" + UUID.randomUUID().toString().replace("-", "");
        String sessionId = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        String session = "{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\",\"mode\":\"payment\","
                + "\"payment_status\":\"paid\",\"amount_total\":900,\"currency\":\"usd\",\"payment_intent\":\"pi_"
                + sessionId + "\",\"metadata\":{\"university_id\":\"" + ada.universityId() + "\",\"user_id\":\""
                + ada.id() + "\",\"product\":\"gold-10\",\"payment_id\":\"" + UUID.randomUUID() + "\"}}";
        DataSource dataSource = admin.getBean(DataSourceResolver.class).resolve(admin.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO stripe_events (id, type, livemode, stripe_created_at, outcome, attempts,"
                                + " last_error, last_attempt_at, payload)"
                                + " VALUES (?, 'checkout.session.completed', false, now(), 'FAILED', 5,"
                                + " 'PSQLException: ERROR: poisoned payment', now(), ?::jsonb)")) {
            insert.setString(1, eventId);
            insert.setString(2, session);
            insert.executeUpdate();
        }
        return eventId;
    }

    private long gold() {
        return admin.getBean(UnitOfWork.class)
                .bound(ada.universityId(), () -> admin.getBean(Wallets.class).balances(ada.universityId(), ada.id()))
                .gold();
    }

    @Test
    void failedEventsAreListedAndAReplayAppliesOneExactlyOnce() throws SQLException {
        String eventId = failedCheckoutEvent();

        Result failed = run("stripe-events", "--failed");
        assertThat(failed.exitCode()).as(failed.err()).isZero();
        assertThat(failed.out())
                .contains("EVENT")
                .contains(eventId)
                .contains("FAILED")
                .contains("poisoned payment");
        Result json = run("stripe-events", "--failed", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.jsonList()).anySatisfy(row -> assertThat(row)
                .containsEntry("id", eventId)
                .containsEntry("outcome", "FAILED")
                .containsEntry("attempts", 5));

        Result replayed = run("stripe-events", "replay", eventId);

        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(replayed.out()).contains("Replayed " + eventId + ": PROCESSED");
        assertThat(gold()).isEqualTo(10);

        Result again = run("stripe-events", "replay", eventId);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(oneLine(again)).contains("is PROCESSED; only FAILED events are replayed");
        assertThat(gold()).isEqualTo(10);
        assertThat(run("stripe-events", "--failed").out()).doesNotContain(eventId);
        assertThat(run("stripe-events").out()).contains(eventId).contains("PROCESSED");
    }

    @Test
    void replayingAnUnknownEventFailsWithOneLine() {
        Result unknown = run("stripe-events", "replay", "evt_never_seen");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(oneLine(unknown)).contains("no Stripe event evt_never_seen was received");
        Result usage = run("stripe-events", "replay");
        assertThat(usage.exitCode()).isEqualTo(2);
    }
}
