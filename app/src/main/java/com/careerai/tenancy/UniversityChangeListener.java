package com.careerai.tenancy;

import com.careerai.platform.redis.RedisConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Evicts this node's {@link UniversityDirectory} entry whenever {@link UniversityChangeBroadcast}
 * announces a change, from any process. One daemon thread holds the subscription and
 * re-subscribes with back-off when the connection drops; on every (re-)subscription it clears the
 * whole cache, since messages sent while it was not listening are lost. tenant-admin, which
 * serves nothing from that cache, turns it off with {@code careerai.tenancy.listen-for-changes=false}.
 */
@Context
@Requires(property = "careerai.tenancy.listen-for-changes", notEquals = "false")
class UniversityChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(UniversityChangeListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RedisClient redis;
    private final UniversityDirectory directory;
    private final String channel;
    private final Object pauses = new Object();
    private volatile boolean running = true;
    private volatile JedisPubSub subscription;

    UniversityChangeListener(RedisClient redis, RedisConfiguration configuration, UniversityDirectory directory) {
        this.redis = redis;
        this.directory = directory;
        this.channel = UniversityChangeBroadcast.channel(configuration);
        Thread thread = new Thread(this::listen, "tenancy-changes");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            JedisPubSub pubSub = new JedisPubSub() {
                @Override
                public void onSubscribe(String subscribedChannel, int subscribedChannels) {
                    if (!running) {
                        unsubscribe(); // stopped while the subscription was being set up
                        return;
                    }
                    directory.evictAll();
                }

                @Override
                public void onMessage(String messageChannel, String subdomain) {
                    directory.evict(subdomain);
                }
            };
            subscription = pubSub;
            try {
                redis.subscribe(pubSub, channel);
                backoff = FIRST_BACKOFF;
            } catch (JedisException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Lost the Redis subscription to {} ({}); retrying in {}", channel, e.getMessage(), backoff);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void pause(Duration duration) {
        synchronized (pauses) {
            try {
                pauses.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Whether the subscription is live now. */
    boolean isListening() {
        JedisPubSub current = subscription;
        return current != null && current.isSubscribed();
    }

    @PreDestroy
    void stop() {
        running = false;
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (JedisException e) {
                LOG.debug("Unsubscribing from {} failed", channel, e);
            }
        }
        synchronized (pauses) {
            pauses.notifyAll();
        }
    }
}
