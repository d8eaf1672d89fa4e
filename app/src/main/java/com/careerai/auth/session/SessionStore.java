package com.careerai.auth.session;

import com.careerai.platform.redis.RedisConfiguration;
import jakarta.inject.Singleton;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Server-side sessions in Redis, so that sign-out revokes a session on every node at once. The
 * browser cookie and the API bearer token are the same kind of opaque token; Redis keeps only
 * its keyed hash, with the university and user it belongs to.
 */
@Singleton
public class SessionStore {
    /** What a session token stands for. */
    public record Session(String id, long universityId, long userId) {}

    private final RedisClient redis;
    private final RedisConfiguration redisConfiguration;
    private final SessionConfiguration configuration;
    private final Secrets secrets;

    SessionStore(
            RedisClient redis,
            RedisConfiguration redisConfiguration,
            SessionConfiguration configuration,
            Secrets secrets) {
        this.redis = redis;
        this.redisConfiguration = redisConfiguration;
        this.configuration = configuration;
        this.secrets = secrets;
    }

    /** Opens a session and returns its token (the only copy; Redis keeps a hash). */
    public String open(long universityId, long userId) {
        String token = Secrets.randomToken();
        long lifetime = configuration.getLifetime().toSeconds();
        redis.set(key(token), universityId + ":" + userId, SetParams.setParams().ex(lifetime));
        // every session of a person is listed, so deactivating them can end all of them at once
        String index = userIndex(universityId, userId);
        redis.sadd(index, idOf(token));
        redis.expire(index, lifetime);
        return token;
    }

    /** The live session of {@code token}, if any. */
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String value = redis.get(key(token));
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        return Optional.of(new Session(
                idOf(token), Long.parseLong(value.substring(0, colon)), Long.parseLong(value.substring(colon + 1))));
    }

    /** Ends the session everywhere; a no-op for an unknown token. */
    public void revoke(String token) {
        redis.del(key(token));
    }

    /** Ends every session of the person on every node (deactivation); the number ended. */
    public int revokeAll(long universityId, long userId) {
        String index = userIndex(universityId, userId);
        int ended = 0;
        for (String sessionId : redis.smembers(index)) {
            ended += (int) redis.del(redisConfiguration.getKeyPrefix() + "session:" + sessionId);
        }
        redis.del(index);
        return ended;
    }

    /** A stable, non-secret identifier of the session (for CSRF tokens and logs). */
    public String idOf(String token) {
        return secrets.hmac("session", token);
    }

    private String userIndex(long universityId, long userId) {
        return redisConfiguration.getKeyPrefix() + "user-sessions:" + universityId + ":" + userId;
    }

    private String key(String token) {
        return redisConfiguration.getKeyPrefix() + "session:" + idOf(token);
    }
}
