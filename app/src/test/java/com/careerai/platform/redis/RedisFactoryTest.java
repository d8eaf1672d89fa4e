package com.careerai.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The client's pool is Jedis's default one, not registered in JMX (ADR 0069). */
class RedisFactoryTest {
    private static final String URL = "redis://127.0.0.1:6399/2";

    @Test
    void thePoolHasJedisDefaultsAndNoJmxName() {
        RedisConfiguration configuration = new RedisConfiguration();
        configuration.setUrl(URL);
        try (RedisClient client = new RedisFactory().redisClient(configuration);
                RedisClient jedisDefault = RedisClient.create(URI.create(URL))) {
            GenericObjectPool<?> pool = client.getPool();
            GenericObjectPool<?> defaults = jedisDefault.getPool();
            assertThat(pool.getJmxName())
                    .as("registering it started the platform MBean server at start-up")
                    .isNull();
            assertThat(defaults.getJmxName())
                    .as("Jedis's own default registers it")
                    .isNotNull();
            assertThat(pool.getMaxTotal()).isEqualTo(defaults.getMaxTotal());
            assertThat(pool.getMaxIdle()).isEqualTo(defaults.getMaxIdle());
            assertThat(pool.getMinIdle()).isEqualTo(defaults.getMinIdle());
            assertThat(pool.getTestWhileIdle()).isEqualTo(defaults.getTestWhileIdle());
            assertThat(pool.getTestOnBorrow()).isEqualTo(defaults.getTestOnBorrow());
            assertThat(pool.getBlockWhenExhausted()).isEqualTo(defaults.getBlockWhenExhausted());
            assertThat(pool.getMaxWaitDuration()).isEqualTo(defaults.getMaxWaitDuration());
            assertThat(pool.getDurationBetweenEvictionRuns()).isEqualTo(defaults.getDurationBetweenEvictionRuns());
            assertThat(pool.getMinEvictableIdleDuration()).isEqualTo(defaults.getMinEvictableIdleDuration());
            assertThat(pool.getNumTestsPerEvictionRun()).isEqualTo(defaults.getNumTestsPerEvictionRun());
        }
    }
}
