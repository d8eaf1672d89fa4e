package com.careerai.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbox on the real database and JobRunr: an event is delivered only if its transaction
 * commits, each listener's effect happens once however often the event is delivered, and a failing
 * listener is retried without repeating the others.
 */
@MicronautTest(transactional = false)
class OutboxTest extends IntegrationTest {
    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Fixtures fixtures;

    @Inject
    UnitOfWork units;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StorageProvider jobs;

    @Inject
    TestListeners.Flaky flaky;

    @Inject
    TestListeners.InRecording noted;

    @Inject
    JdbcOperations jdbc;

    University university;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.roles", "web,worker", "spec.name", "outbox");
    }

    @BeforeAll
    void setUp() throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(getProperties().get("datasources.default.url"), "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String sql : TestListeners.CREATE_TABLE) {
                statement.execute(sql);
            }
        }
        university = fixtures.university();
    }

    private UUID recordCommitted(String name, int failures) {
        return units.inUniversity(
                university.id(), () -> outbox.record(university.id(), new ThingHappened(name, failures)));
    }

    private long effects(UUID eventId, String listener) {
        return count("SELECT count(*) FROM test_outbox_effects WHERE event_id = ? AND listener = ?", eventId, listener);
    }

    private long effectsNamed(String name) {
        return count("SELECT count(*) FROM test_outbox_effects WHERE name = ?", name);
    }

    private boolean delivered(UUID eventId) {
        return count("SELECT count(*) FROM outbox_events WHERE id = ? AND delivered_at IS NOT NULL", eventId) == 1;
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.record(university.id(), new ThingHappened("no-transaction", 0)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(count("SELECT count(*) FROM outbox_events WHERE payload->>'name' = 'no-transaction'"))
                .isZero();
    }

    @Test
    void anEventRecordedInARolledBackTransactionIsNeverDelivered() {
        assertThatThrownBy(() -> units.inUniversity(university.id(), () -> {
                    outbox.record(university.id(), new ThingHappened("rolled-back", 0));
                    throw new IllegalStateException("the caller's change failed");
                }))
                .hasMessage("the caller's change failed");
        // An event recorded after it, committed, is delivered: by then the first would have been too.
        UUID control = recordCommitted("after-rollback", 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered(control));

        assertThat(count("SELECT count(*) FROM outbox_events WHERE payload->>'name' = 'rolled-back'"))
                .as("nothing stored, so nothing can ever deliver it")
                .isZero();
        assertThat(effectsNamed("rolled-back")).isZero();
        assertThat(effectsNamed("after-rollback")).isEqualTo(2);
    }

    @Test
    void aCommittedEventIsDeliveredRightAfterCommitWithoutWaitingForTheJobQueue() {
        UUID event = recordCommitted("at-once", 0);
        // JobRunr polls every 5 s; the outbox delivers on this node right after commit.
        await().atMost(Duration.ofSeconds(3)).until(() -> delivered(event));
        assertThat(effects(event, "test.steady")).isEqualTo(1);
        assertThat(effects(event, "test.flaky")).isEqualTo(1);
        assertThat(jobState(event)).as("no retry job was needed").isNull();
    }

    @Test
    void aCommittedEventIsDeliveredOnceEvenIfEnqueuedTwiceAndDeliveredConcurrently() throws Exception {
        UUID event = recordCommitted("twice", 0);
        relay.enqueue(university.id(), event);
        relay.enqueue(university.id(), event);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                relay.deliver(university.id(), event);
            }));
        }
        start.countDown();
        CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> jobState(event) == StateName.SUCCEEDED);
        assertThat(delivered(event)).isTrue();
        assertThat(effects(event, "test.steady")).isEqualTo(1);
        assertThat(effects(event, "test.flaky")).isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM jobrunr_jobs WHERE id = ?",
                        OutboxRelay.jobIdOf(event).toString()))
                .as("one job for the event")
                .isEqualTo(1);
    }

    @Test
    void aFailingListenerIsRetriedUntilItSucceedsAndEachListenerActsOnce() {
        // Fails at once after commit, then on the job's first run; succeeds on JobRunr's retry.
        UUID event = recordCommitted("flaky", 2);

        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(event));
        assertThat(flaky.calls.get(event)).hasValue(3);
        assertThat(flaky.failuresTold.get(event)).hasValue(2);
        assertThat(effects(event, "test.flaky"))
                .as("failed attempts rolled back their effect")
                .isEqualTo(1);
        assertThat(effects(event, "test.steady"))
                .as("not repeated while the other retried")
                .isEqualTo(1);
        assertThat(count("SELECT attempts FROM outbox_events WHERE id = ?", event))
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> jobState(event) == StateName.SUCCEEDED);
    }

    @Test
    void anEventItsListenerHandlesInTheRecordingTransactionIsDeliveredWithIt() {
        UUID event = units.inUniversity(
                university.id(), () -> outbox.record(university.id(), new ThingNoted("handled-there", "handles")));

        // no waiting: the effect and the delivery committed with the recording transaction
        assertThat(effects(event, "test.in-recording")).isEqualTo(1);
        assertThat(delivered(event)).isTrue();
        assertThat(count("SELECT count(*) FROM outbox_deliveries WHERE event_id = ?", event))
                .as("no delivery transaction claimed it")
                .isZero();
        assertThat(noted.afterCommit.get(event)).as("not delivered again").isNull();
        assertThat(jobState(event)).isNull();
    }

    @Test
    void anEventHandledInARolledBackTransactionLeavesNoEffect() {
        assertThatThrownBy(() -> units.inUniversity(university.id(), () -> {
                    outbox.record(university.id(), new ThingNoted("handled-then-rolled-back", "handles"));
                    throw new IllegalStateException("the caller's change failed");
                }))
                .hasMessage("the caller's change failed");

        assertThat(effectsNamed("handled-then-rolled-back")).isZero();
        assertThat(count("SELECT count(*) FROM outbox_events WHERE payload->>'name' = 'handled-then-rolled-back'"))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"declines", "throws", "breaks"})
    void aListenerThatFailsInTheRecordingTransactionLeavesItToCommitAndGetsTheEventOnceAfter(String there) {
        UUID marker = UUID.randomUUID();
        UUID event = units.inUniversity(university.id(), () -> {
            UUID recorded = outbox.record(university.id(), new ThingNoted("failed-there-" + there, there));
            // the recording transaction goes on after the listener's failure, and commits
            jdbc.prepareStatement(
                    "INSERT INTO test_outbox_effects (event_id, listener, name) VALUES (?, 'recorder', 'after')",
                    statement -> {
                        statement.setObject(1, marker);
                        return statement.executeUpdate();
                    });
            return recorded;
        });

        assertThat(effects(marker, "recorder"))
                .as("the recording transaction committed")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered(event));
        assertThat(noted.inRecording.get(event)).hasValue(1);
        assertThat(noted.afterCommit.get(event))
                .as("delivered after the commit, once")
                .hasValue(1);
        assertThat(effects(event, "test.in-recording"))
                .as("the effect written in the recording transaction was rolled back to the savepoint")
                .isEqualTo(1);
        assertThat(jobState(event))
                .as("delivered at once after the commit, no retry job")
                .isNull();
    }

    @Test
    void aFailureInTheRecordingTransactionUndoesThatEventOnlyNotTheEventsHandledBeforeOrAfterIt() {
        // each event's savepoint has the same name and is left to the commit (ADR 0075): a rollback must
        // go to the failing event's own savepoint, not to the first one of the transaction
        List<UUID> events = units.inUniversity(
                university.id(),
                () -> List.of(
                        outbox.record(university.id(), new ThingNoted("several-first", "handles")),
                        outbox.record(university.id(), new ThingNoted("several-broken", "breaks")),
                        outbox.record(university.id(), new ThingNoted("several-third", "handles")),
                        outbox.record(university.id(), new ThingNoted("several-declined", "declines"))));

        assertThat(effects(events.get(0), "test.in-recording"))
                .as("handled before the failure: kept")
                .isEqualTo(1);
        assertThat(effects(events.get(2), "test.in-recording"))
                .as("handled after the failure: kept")
                .isEqualTo(1);
        assertThat(delivered(events.get(0))).isTrue();
        assertThat(delivered(events.get(2))).isTrue();
        for (UUID failed : List.of(events.get(1), events.get(3))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered(failed));
            assertThat(noted.afterCommit.get(failed))
                    .as("delivered after the commit, once")
                    .hasValue(1);
            assertThat(effects(failed, "test.in-recording"))
                    .as("its write in the recording transaction rolled back, the one after the commit kept")
                    .isEqualTo(1);
        }
        assertThat(noted.afterCommit.get(events.get(0))).isNull();
        assertThat(noted.afterCommit.get(events.get(2))).isNull();
    }

    @Test
    void anEventNobodyListensToIsStoredAsDelivered() {
        UUID event = units.inUniversity(university.id(), () -> outbox.record(university.id(), new Unheard("x")));
        assertThat(delivered(event)).isTrue();
    }

    private StateName jobState(UUID eventId) {
        try {
            return jobs.getJobById(OutboxRelay.jobIdOf(eventId)).getState();
        } catch (org.jobrunr.storage.JobNotFoundException e) {
            return null;
        }
    }

    /** An event without listeners. */
    @io.micronaut.serde.annotation.Serdeable
    record Unheard(String what) {}
}
