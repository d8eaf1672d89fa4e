package com.careerai.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;

/**
 * A worker node makes its background job server and registers its recurring jobs when its watchdog
 * first starts the server, not while its context starts (ADR 0052): neither is on the path to the
 * node's first answer.
 */
class JobServerStartTest {
    private static final List<String> RECURRING = List.of("outbox-relay", "ai-run-sweeper", "ai-run-counter-fold");

    @Test
    void theJobServerIsMadeAndTheRecurringJobsRegisteredWhenTheWatchdogFirstStartsIt() {
        Map<String, Object> worker = new HashMap<>(IntegrationTest.baseProperties());
        worker.put("careerai.roles", "web,worker");
        worker.put("careerai.jobs.start-delay", "1h"); // no HTTP server here: only the call below starts it
        try (ApplicationContext node = ApplicationContext.run(worker, "test")) {
            assertThat(node.getActiveBeanRegistrations(BackgroundJobServer.class))
                    .as("no job server made by the context's start")
                    .isEmpty();
            StorageProvider storage = node.getBean(StorageProvider.class);
            RECURRING.forEach(storage::deleteRecurringJob); // left by earlier nodes on this database
            assertThat(recurringIds(storage)).doesNotContainAnyElementsOf(RECURRING);

            node.getBean(JobWorker.class).startIfStopped();

            assertThat(node.getBean(BackgroundJobServer.class).isRunning()).isTrue();
            assertThat(recurringIds(storage)).containsAll(RECURRING);
        }
    }

    private static List<String> recurringIds(StorageProvider storage) {
        return storage.getRecurringJobs().stream().map(RecurringJob::getId).toList();
    }
}
