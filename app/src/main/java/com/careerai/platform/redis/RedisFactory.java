package com.careerai.platform.redis;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/** The one pooled Jedis client of the process. */
@Factory
class RedisFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RedisClient redisClient(RedisConfiguration configuration) {
        // Jedis's defaults, without registering the pool in JMX: nothing reads that MBean, and the
        // registration started the JVM's platform MBean server on the main thread before the first
        // answer (≈ 5 % of its start-up CPU, ADR 0069).
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setJmxEnabled(false);
        // as RedisClient.create(URI) builds it, but for the pool's settings
        URI uri = URI.create(configuration.getUrl());
        return RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(DefaultJedisClientConfig.builder(uri).build())
                .poolConfig(pool)
                .build();
    }
}
