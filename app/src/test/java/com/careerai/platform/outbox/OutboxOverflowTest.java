package com.careerai.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;

/**
 * An event the node's delivery pool has no room for goes to JobRunr without the committing thread
 * taking a second connection while it still holds its transaction's (issue 19: under bench/run's
 * bookings every request thread did so and the pool ran dry). Here the pool has two connections:
 * the busy delivery holds one, the committing transaction the other, so an enqueue on the
 * committing thread could only time out and leave the event to the recurring relay.
 */
@MicronautTest(transactional = false)
class OutboxOverflowTest extends IntegrationTest {
    @Inject
    Outbox outbox;

    @Inject
    Fixtures fixtures;

    @Inject
    UnitOfWork units;

    @Inject
    StorageProvider jobs;

    @Inject
    TestListeners.Gated gated;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "spec.name", "outbox-overflow",
                "careerai.outbox.threads", "1",
                "careerai.outbox.queue-capacity", "1",
                "datasources.default.maximum-pool-size", "2",
                "datasources.default.connection-timeout", "1000");
    }

    @Test
    void anEventTheDeliveryPoolHasNoRoomForIsEnqueuedOnceTheCommittingThreadLetsGoOfItsConnection() {
        University university = fixtures.university();
        UUID busy = record(university, "busy");
        await().atMost(Duration.ofSeconds(5)).until(() -> gated.entered.get() == 1);
        UUID waiting = record(university, "waiting"); // the delivery pool's one place in its queue
        UUID overflow = record(university, "overflow");

        await().atMost(Duration.ofSeconds(10)).until(() -> jobState(overflow) != null);
        assertThat(jobState(overflow)).isEqualTo(StateName.ENQUEUED);
        assertThat(jobState(waiting)).as("still in the delivery pool's queue").isNull();

        gated.open();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(
                                "SELECT count(*) FROM outbox_events WHERE id IN (?, ?) AND delivered_at IS NOT NULL",
                                busy,
                                waiting)
                        == 2);
    }

    private UUID record(University university, String name) {
        return units.inUniversity(university.id(), () -> outbox.record(university.id(), new ThingHappened(name, 0)));
    }

    private StateName jobState(UUID eventId) {
        try {
            return jobs.getJobById(OutboxRelay.jobIdOf(eventId)).getState();
        } catch (JobNotFoundException e) {
            return null;
        }
    }
}
