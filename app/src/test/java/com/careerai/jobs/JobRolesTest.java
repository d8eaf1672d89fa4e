package com.careerai.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.platform.redis.RedisConfiguration;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** A web node enqueues, a separate worker node on the same database runs the job. */
class JobRolesTest {

    @Test
    void webNodeEnqueuesAndWorkerNodeRunsTheJob() {
        Map<String, Object> web = new HashMap<>(IntegrationTest.baseProperties());
        Map<String, Object> worker = new HashMap<>(web);
        worker.put("careerai.roles", "worker");
        try (ApplicationContext webNode = ApplicationContext.run(web, "test");
                ApplicationContext workerNode = ApplicationContext.run(worker, "test")) {
            assertThat(webNode.findBean(BackgroundJobServer.class)).isEmpty();
            assertThat(workerNode.findBean(BackgroundJobServer.class)).isPresent();

            String token = UUID.randomUUID().toString();
            webNode.getBean(JobRequestScheduler.class).enqueue(new PingJobRequest(token));

            RedisClient redis = webNode.getBean(RedisClient.class);
            String key = PingJobRequest.key(webNode.getBean(RedisConfiguration.class), token);
            await().atMost(Duration.ofSeconds(40)).until(() -> redis.exists(key));
        }
    }

    @Test
    void aWorkerWhoseJobServerStoppedStartsItAgainAndRunsJobs() {
        // JobRunr OSS stops its background server after repeated storage errors; the watchdog restarts it
        Map<String, Object> worker = new HashMap<>(IntegrationTest.baseProperties());
        worker.put("careerai.roles", "worker");
        worker.put("careerai.jobs.watchdog-interval", "1s");
        try (ApplicationContext workerNode = ApplicationContext.run(worker, "test")) {
            BackgroundJobServer server = workerNode.getBean(BackgroundJobServer.class);
            RedisClient redis = workerNode.getBean(RedisClient.class);
            RedisConfiguration redisConfiguration = workerNode.getBean(RedisConfiguration.class);
            // The server starts after the context (once an HTTP server listens, else after
            // careerai.jobs.start-delay): stop it once it has run a job, as a storage outage would.
            String first = UUID.randomUUID().toString();
            workerNode.getBean(JobRequestScheduler.class).enqueue(new PingJobRequest(first));
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> redis.exists(PingJobRequest.key(redisConfiguration, first)));
            server.stop();
            assertThat(server.isRunning()).isFalse();

            await().atMost(Duration.ofSeconds(20)).until(server::isRunning);
            String token = UUID.randomUUID().toString();
            workerNode.getBean(JobRequestScheduler.class).enqueue(new PingJobRequest(token));
            String key = PingJobRequest.key(redisConfiguration, token);
            await().atMost(Duration.ofSeconds(40)).until(() -> redis.exists(key));
        }
    }
}
