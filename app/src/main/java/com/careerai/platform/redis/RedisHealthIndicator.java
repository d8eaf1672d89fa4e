package com.careerai.platform.redis;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import redis.clients.jedis.RedisClient;

/** Reports Redis as UP when it answers PING. */
@Singleton
class RedisHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final RedisClient redis;

    RedisHealthIndicator(RedisClient redis, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.redis = redis;
        this.executorService = executor;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        String answer = redis.ping();
        healthStatus = "PONG".equals(answer) ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("ping", answer);
    }

    @Override
    protected String getName() {
        return "redis";
    }
}
