package com.careerai.jobs;

import com.careerai.platform.redis.RedisConfiguration;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The smallest job: a worker writes {@code jobs:ping:<token>} to Redis. Proves that whatever
 * enqueues on a web node is run by a worker node; operators can use it as a smoke test.
 *
 * @param token what the worker writes back, chosen by whoever enqueues
 */
public record PingJobRequest(String token) implements JobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    /** Redis key the worker writes for {@code token}. */
    public static String key(RedisConfiguration configuration, String token) {
        return configuration.getKeyPrefix() + "jobs:ping:" + token;
    }

    @Singleton
    public static class Handler implements JobRequestHandler<PingJobRequest> {
        private final RedisClient redis;
        private final RedisConfiguration configuration;

        Handler(RedisClient redis, RedisConfiguration configuration) {
            this.redis = redis;
            this.configuration = configuration;
        }

        @Override
        @Job(name = "Ping %0", retries = 2)
        public void run(PingJobRequest request) {
            redis.set(
                    key(configuration, request.token()),
                    Instant.now().toString(),
                    SetParams.setParams().ex(3600));
        }
    }
}
