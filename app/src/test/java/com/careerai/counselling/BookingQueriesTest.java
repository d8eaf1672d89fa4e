package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignInService;
import com.careerai.auth.User;
import com.careerai.credits.WalletFixtures;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one booking (POST /api/v1/appointments) costs the database on the request's thread (issue
 * 19: bench/run's {@code book}): its transaction, which also queues both emails and both notices,
 * and a JobRunr save per reminder. The outbox delivers nothing here ({@code after-commit:
 * nothing}), so the figures are the request's alone.
 */
@MicronautTest(transactional = false)
class BookingQueriesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    CounsellingFixtures counselling;

    @Inject
    TestSessions sessions;

    @Inject
    SignInService signIns;

    @Inject
    StatementCounter counter;

    @Inject
    StorageProvider jobs;

    private CounsellingApi api;
    private University uni;
    private User counsellor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true", "careerai.outbox.after-commit", "nothing");
    }

    @BeforeAll
    void setUp() {
        api = new CounsellingApi(client, json);
        uni = fixtures.university();
        counsellor = counselling.counsellor(uni);
    }

    /** A verified student of their own: each may hold two upcoming bookings (the default rule). */
    private SignedIn student() {
        User user = walletFixtures.studentWith(uni, 0, 0);
        return sessions.signIn(CrossTenant.within(uni, () -> signIns.completeEmailSignIn(uni, user.email())));
    }

    @Test
    void aBookingTakesFourConnectionsAndThreeCommits() {
        List<SlotGenerator.Slot> slots =
                counselling.slots(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(3));
        SignedIn student = student();
        book(student, slots.get(0)); // the node's caches (university by host, session types' views) are warm after it
        counter.reset();

        UUID id = book(student, slots.get(2));

        List<String> statements = counter.statements();
        System.out.println("a booking ran " + statements.size() + " statements on " + counter.connections()
                + " connections, " + counter.commits() + " commits:\n  " + String.join("\n  ", statements));
        // the session check's user row, the booking's transaction (which queues the emails and the
        // notices too) and JobRunr's save of each reminder; before, each email and the emails' reads of
        // the counsellor and the student took a connection of their own too
        assertThat(counter.connections()).as("connections checked out").isLessThanOrEqualTo(4);
        assertThat(counter.commits()).as("transactions committed").isLessThanOrEqualTo(3);
        assertThat(statements.stream().filter(sql -> sql.contains("INSERT INTO outbox_events")))
                .as("two emails and two notices")
                .hasSize(4);
        assertThat(statements.size())
                .as("statements of a booking: %s", statements)
                .isLessThanOrEqualTo(24);
        assertThat(reminderState(id, 24)).isEqualTo(StateName.SCHEDULED);
        assertThat(reminderState(id, 1)).isEqualTo(StateName.SCHEDULED);
    }

    @Test
    void aBookingQueuesBothEmailsWithTheBookingAndARefusedOneNone() {
        SlotGenerator.Slot slot = counselling
                .slots(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(5))
                .get(0);
        SignedIn student = student();
        UUID id = book(student, slot);
        long queued = count("SELECT count(*) FROM mail_deliveries WHERE university_id = ?", uni.id());
        assertThat(count(
                        "SELECT count(*) FROM outbox_events WHERE university_id = ? AND type LIKE '%.MailQueued'"
                                + " AND payload::text LIKE ?",
                        uni.id(), "%/appointments/" + id + "%"))
                .as("the student's and the counsellor's email")
                .isEqualTo(2);

        HttpResponse<String> again =
                api.book(uni.subdomain(), student, counsellor.id(), CounsellingFixtures.DROP_IN, slot.start());

        assertThat(again.code()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM mail_deliveries WHERE university_id = ?", uni.id()))
                .as("a refused booking rolls back its emails")
                .isEqualTo(queued);
    }

    private UUID book(SignedIn student, SlotGenerator.Slot slot) {
        HttpResponse<String> response =
                api.book(uni.subdomain(), student, counsellor.id(), CounsellingFixtures.DROP_IN, slot.start());
        assertThat(response.code()).as(response.body()).isEqualTo(201);
        return UUID.fromString((String) api.map(response).get("id"));
    }

    private StateName reminderState(UUID appointment, int hours) {
        return jobs.getJobById(AppointmentReminderJobRequest.jobId(appointment, 0, hours))
                .getState();
    }
}
