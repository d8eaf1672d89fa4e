package com.careerai.tenancy;

import com.careerai.platform.redis.RedisConfiguration;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells every CareerAI process that a university changed: each committed
 * {@link UniversityChanged} is published on the Redis channel {@code <key prefix>tenancy:changed}
 * (the subdomain is the message), which {@link UniversityChangeListener} hears on every app node.
 * A suspension made by tenant-admin, another process, thereby takes effect at once everywhere.
 */
@Singleton
class UniversityChangeBroadcast {
    private static final Logger LOG = LoggerFactory.getLogger(UniversityChangeBroadcast.class);

    private final RedisClient redis;
    private final String channel;

    UniversityChangeBroadcast(RedisClient redis, RedisConfiguration configuration) {
        this.redis = redis;
        this.channel = channel(configuration);
    }

    static String channel(RedisConfiguration configuration) {
        return configuration.getKeyPrefix() + "tenancy:changed";
    }

    /** After the commit: a node that reloads on the message must find the new row. */
    @TransactionalEventListener
    void onUniversityChanged(UniversityChanged event) {
        try {
            redis.publish(channel, event.subdomain());
        } catch (JedisException e) {
            // The change is committed; only the prompt eviction elsewhere is lost, so the cache TTL
            // still bounds how long another node serves the old state.
            LOG.warn(
                    "Could not tell other CareerAI processes through Redis that '{}' changed ({}); they will "
                            + "see it within the tenant cache TTL",
                    event.subdomain(),
                    e.getMessage());
        }
    }
}
