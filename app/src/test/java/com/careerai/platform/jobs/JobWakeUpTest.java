package com.careerai.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jobrunr.jobs.states.StateName.ENQUEUED;
import static org.jobrunr.jobs.states.StateName.FAILED;
import static org.jobrunr.jobs.states.StateName.PROCESSING;
import static org.jobrunr.jobs.states.StateName.SUCCEEDED;

import com.careerai.jobs.PingJobRequest;
import com.careerai.platform.redis.RedisConfiguration;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * A job enqueued on a worker node is run without waiting for the worker's next poll (ADR 0039).
 * The poll interval here is an hour: after the server's first look, only the wake-up can find the
 * second job.
 */
class JobWakeUpTest {

    @Test
    void aJobEnqueuedOnAWorkerNodeRunsBeforeTheNextPoll() {
        try (ApplicationContext node = idleWorkerNode()) {
            JobRequestScheduler scheduler = node.getBean(JobRequestScheduler.class);
            // every worker is idle now and the next poll is an hour away
            String second = UUID.randomUUID().toString();
            scheduler.enqueue(new PingJobRequest(second));
            await().untilAsserted(() -> assertThat(ran(node, second))
                    .as("the second job ran though the next poll is an hour away")
                    .isTrue());
        }
    }

    /**
     * A job enqueued in a transaction wakes the workers only once the transaction commits (ADR 0043):
     * a look before the commit would find nothing, and the job would wait for the next poll (an hour).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aJobEnqueuedInATransactionWakesTheWorkersAfterTheCommit() {
        try (ApplicationContext node = idleWorkerNode()) {
            JobsInTransaction jobs = node.getBean(JobsInTransaction.class);
            TransactionOperations<Connection> transactions = node.getBean(TransactionOperations.class);
            StorageProvider storage = node.getBean(StorageProvider.class);

            String second = UUID.randomUUID().toString();
            UUID id = UUID.randomUUID();
            transactions.executeWrite(status -> {
                jobs.enqueue(id, new PingJobRequest(second));
                // for longer than the wake-up's 50 ms: a look made at the enqueue would have run it by then
                await().during(Duration.ofMillis(300))
                        .atMost(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(ran(node, second))
                                .as("not run before the commit")
                                .isFalse());
                return null;
            });
            await().untilAsserted(() -> assertThat(ran(node, second))
                    .as("run after the commit though the next poll is an hour away")
                    .isTrue());
            assertThat(storage.getJobById(id).getJobName()).isEqualTo("Ping " + new PingJobRequest(second));
        }
    }

    /**
     * JobRunr skips a look while another fetch is in flight (its poll's, or an idle worker's), and that
     * fetch may have read the queue before the commit: the wake-up looks again until a fetch begins.
     * Here JobRunr's fetch lock is held across the enqueue, as a fetch in flight holds it.
     */
    @Test
    void aLookThatFindsAFetchInFlightLooksAgainAfterIt() throws ReflectiveOperationException {
        try (ApplicationContext node = idleWorkerNode()) {
            JobWakeUp wakeUp = node.getBean(JobWakeUp.class);
            ReentrantLock fetching = fetchLock(node.getBean(BackgroundJobServer.class));
            String second = UUID.randomUUID().toString();
            fetching.lock();
            try {
                long looksBefore = wakeUp.looks();
                node.getBean(JobRequestScheduler.class).enqueue(new PingJobRequest(second));
                await().untilAsserted(() -> assertThat(wakeUp.looks())
                        .as("the wake-up looked while the other fetch was in flight")
                        .isGreaterThan(looksBefore));
                assertThat(ran(node, second))
                        .as("not run: that look fetched nothing")
                        .isFalse();
            } finally {
                fetching.unlock();
            }
            await().untilAsserted(() -> assertThat(ran(node, second))
                    .as("run after the other fetch ended though the next poll is an hour away")
                    .isTrue());
        }
    }

    /**
     * A web + worker node polling once an hour, idle: its server has made its first look after its
     * start, and worked off what its first master round enqueued. From now on only a wake-up finds a
     * new job. The first job is enqueued before the server starts (start-delay), so the look that finds
     * it is that first look (1 s after the start, JobRunr's).
     *
     * <p>JobRunr's first master round (also 1 s after the start) schedules every run of the node's
     * recurring jobs due within the poll interval — with an hour's interval 60 of each job that runs
     * every minute, 120 in all — and enqueues them at once. Left there, a test's job waited behind them
     * (oldest first): 0.5–2.3 s on a quiet machine, over the tests' 10 s on a loaded CI machine. So a
     * second job is enqueued once they are, and the node is idle when it has run and nothing is left.
     * Until then the node is made to look for work every time the condition is checked: once in a CI
     * run the second job had not run after 60 s, the backlog's last runs enqueued past every fetch.
     */
    private static ApplicationContext idleWorkerNode() {
        Map<String, Object> worker = new HashMap<>(IntegrationTest.baseProperties());
        worker.put("careerai.roles", "web,worker");
        worker.put("careerai.jobs.poll-interval", "1h");
        worker.put("careerai.jobs.start-delay", "1s");
        ApplicationContext node = ApplicationContext.run(worker, "test");
        try {
            JobRequestScheduler scheduler = node.getBean(JobRequestScheduler.class);
            StorageProvider storage = node.getBean(StorageProvider.class);
            String first = UUID.randomUUID().toString();
            scheduler.enqueue(new PingJobRequest(first));
            await().untilAsserted(() ->
                    assertThat(ran(node, first)).as("the first job ran").isTrue());
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(count(storage, ENQUEUED, PROCESSING, SUCCEEDED, FAILED))
                            .as("jobs besides the first: the master round's recurring runs, enqueued")
                            .isGreaterThan(1));
            String drain = UUID.randomUUID().toString();
            scheduler.enqueue(new PingJobRequest(drain));
            JobSteward steward = node.getBean(BackgroundJobServer.class).getJobSteward();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                // A look of our own each time, as the poll would make one: the master round enqueues its
                // runs on the server's side, where no wake-up sees them, and may commit its last ones
                // after the workers' last fetch; left there, they (and the second job behind them)
                // would wait an hour for the poll.
                steward.notifyThreadOccupied();
                steward.notifyThreadIdle();
                assertThat(ran(node, drain))
                        .as(
                                "the second job ran (jobs enqueued %d, processing %d, succeeded %d, failed %d)",
                                count(storage, ENQUEUED),
                                count(storage, PROCESSING),
                                count(storage, SUCCEEDED),
                                count(storage, FAILED))
                        .isTrue();
                assertThat(count(storage, ENQUEUED, PROCESSING))
                        .as("jobs left to run")
                        .isZero();
            });
            return node;
        } catch (RuntimeException | AssertionError e) {
            node.close();
            throw e;
        }
    }

    /** JobRunr's lock over its fetch of enqueued jobs, held while one is in flight (private: reflection). */
    private static ReentrantLock fetchLock(BackgroundJobServer server) throws ReflectiveOperationException {
        Field task = JobSteward.class.getDeclaredField("onboardNewWorkTask");
        task.setAccessible(true);
        Object onboard = task.get(server.getJobSteward());
        Field lock = onboard.getClass().getDeclaredField("reentrantLock");
        lock.setAccessible(true);
        return (ReentrantLock) lock.get(onboard);
    }

    private static long count(StorageProvider storage, StateName... states) {
        long jobs = 0;
        for (StateName state : states) {
            jobs += storage.countJobs(state);
        }
        return jobs;
    }

    private static boolean ran(ApplicationContext node, String token) {
        return node.getBean(RedisClient.class)
                .exists(PingJobRequest.key(node.getBean(RedisConfiguration.class), token));
    }
}
