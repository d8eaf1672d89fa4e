package com.careerai.auth;

import com.careerai.auth.session.Secrets;
import com.careerai.platform.redis.RedisConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * Fixed-window counters in Redis, shared by every node. Subjects (emails, addresses) are stored
 * only as keyed hashes.
 */
@Singleton
public class RateLimiter {
    /** INCR, set the window's expiry on the first hit (or if it was ever lost), answer count and ms left. */
    private static final String HIT = "local n = redis.call('INCR', KEYS[1])\n"
            + "local ttl = redis.call('PTTL', KEYS[1])\n"
            + "if n == 1 or ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end\n"
            + "return {n, ttl}";

    private final RedisClient redis;
    private final RedisConfiguration redisConfiguration;
    private final Secrets secrets;

    RateLimiter(RedisClient redis, RedisConfiguration redisConfiguration, Secrets secrets) {
        this.redis = redis;
        this.redisConfiguration = redisConfiguration;
        this.secrets = secrets;
    }

    /**
     * Counts one hit of {@code subject} in {@code bucket}.
     *
     * @param message what to tell the caller when over the limit; {@code %s} becomes the wait, e.g. "about 12 minutes"
     * @throws RateLimitedException when the hit is over the limit
     */
    public void hit(String bucket, String subject, RateLimit limit, String message) {
        String key =
                redisConfiguration.getKeyPrefix() + "ratelimit:" + bucket + ":" + secrets.hmac("rate-limit", subject);
        Object answer = redis.eval(
                HIT, List.of(key), List.of(Long.toString(limit.window().toMillis())));
        List<?> values = (List<?>) answer;
        long count = ((Number) values.get(0)).longValue();
        long millisLeft = ((Number) values.get(1)).longValue();
        if (count > limit.max()) {
            Duration wait = Duration.ofMillis(Math.max(millisLeft, 1));
            throw new RateLimitedException(String.format(message, RateLimitedException.humanDuration(wait)), wait);
        }
    }
}
