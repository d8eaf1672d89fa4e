package com.careerai.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.jobs.PingJobRequest;
import com.careerai.platform.redis.RedisConfiguration;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.scheduling.JobRequestScheduler;
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
        Map<String, Object> worker = new HashMap<>(IntegrationTest.baseProperties());
        worker.put("careerai.roles", "web,worker");
        worker.put("careerai.jobs.poll-interval", "1h");
        worker.put("careerai.jobs.start-delay", "0s");
        try (ApplicationContext node = ApplicationContext.run(worker, "test")) {
            JobRequestScheduler scheduler = node.getBean(JobRequestScheduler.class);
            RedisClient redis = node.getBean(RedisClient.class);
            RedisConfiguration redisConfiguration = node.getBean(RedisConfiguration.class);

            // the first job may be found by the server's first look after its start
            String first = UUID.randomUUID().toString();
            scheduler.enqueue(new PingJobRequest(first));
            await().untilAsserted(() -> assertThat(redis.exists(PingJobRequest.key(redisConfiguration, first)))
                    .as("the first job ran")
                    .isTrue());

            // every worker is idle now and the next poll is an hour away
            String second = UUID.randomUUID().toString();
            scheduler.enqueue(new PingJobRequest(second));
            await().untilAsserted(() -> assertThat(redis.exists(PingJobRequest.key(redisConfiguration, second)))
                    .as("the second job ran though the next poll is an hour away")
                    .isTrue());
        }
    }
}
