package com.careerai.platform.redis;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import redis.clients.jedis.RedisClient;

/** The one pooled Jedis client of the process. */
@Factory
class RedisFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RedisClient redisClient(RedisConfiguration configuration) {
        return RedisClient.create(URI.create(configuration.getUrl()));
    }
}
