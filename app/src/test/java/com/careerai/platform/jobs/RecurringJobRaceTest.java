package com.careerai.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;

/**
 * Worker nodes register the same recurring jobs at start-up. Two starting at the same moment both
 * found no row and both inserted it; the loser's start-up failed on the primary key (bench/chaos.sh).
 */
@MicronautTest(transactional = false)
class RecurringJobRaceTest extends IntegrationTest {
    private static final int NODES = 4;
    private static final int JOBS = 25;

    @Inject
    JobRequestScheduler scheduler;

    @Inject
    StorageProvider storage;

    @Test
    void nodesRegisteringTheSameRecurringJobTogetherAllStart() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            for (int job = 0; job < JOBS; job++) {
                String id = "race-test-" + System.nanoTime() + "-" + job;
                CyclicBarrier together = new CyclicBarrier(NODES);
                List<Future<String>> registrations = new ArrayList<>();
                for (int node = 0; node < NODES; node++) {
                    registrations.add(nodes.submit(() -> {
                        together.await();
                        return scheduler.scheduleRecurrently(id, "0 0 1 1 *", new Noop());
                    }));
                }
                for (Future<String> registration : registrations) {
                    assertThat(registration.get()).isEqualTo(id);
                }
                assertThat(storage.getRecurringJobs())
                        .extracting(r -> r.getId())
                        .contains(id);
                scheduler.deleteRecurringJob(id);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void onlyAUniqueViolationIsTakenForAnotherNodesRegistration() {
        assertThat(JobStorage.isUniqueViolation(
                        new org.jobrunr.storage.StorageException(new java.sql.SQLException("duplicate key", "23505"))))
                .isTrue();
        assertThat(JobStorage.isUniqueViolation(new org.jobrunr.storage.StorageException(
                        new java.sql.SQLException("connection refused", "08001"))))
                .isFalse();
    }

    /** Never run: the schedule is once a year and the job is deleted right after. */
    public record Noop() implements JobRequest {
        @Override
        public Class<NoopHandler> getJobRequestHandler() {
            return NoopHandler.class;
        }
    }

    /** Handler of {@link Noop}. */
    public static class NoopHandler implements JobRequestHandler<Noop> {
        @Override
        public void run(Noop request) {}
    }
}
