package com.careerai.auth.session;

import com.careerai.platform.redis.RedisConfiguration;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

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

    /** Records the session and adds it to its user's set, which lives as long as the newest session. */
    private static final String OPEN = "redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])\n"
            + "redis.call('SADD', KEYS[2], ARGV[3])\n"
            + "if redis.call('TTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[2], ARGV[2]) end\n"
            + "return 1";
    /** Deletes every session of a user's set (ARGV[1] is the session key prefix), then the set. */
    private static final String REVOKE_ALL = "local ids = redis.call('SMEMBERS', KEYS[1])\n"
            + "for _, id in ipairs(ids) do redis.call('DEL', ARGV[1] .. id) end\n"
            + "redis.call('DEL', KEYS[1])\n"
            + "return #ids";

    /** Opens a session and returns its token (the only copy; Redis keeps a hash). */
    public String open(long universityId, long userId) {
        String token = Secrets.randomToken();
        redis.eval(
                OPEN,
                List.of(key(token), userKey(universityId, userId)),
                List.of(
                        universityId + ":" + userId,
                        Long.toString(configuration.getLifetime().toSeconds()),
                        idOf(token)));
        return token;
    }

    /** The live session of {@code token}, if any. */
    public Optional<Session> find(String token) {
        return presentedId(token).flatMap(id -> {
            String value = redis.get(keyOfId(id));
            return value == null ? Optional.empty() : Optional.of(session(id, value));
        });
    }

    /**
     * The id of a token as presented by a client (one HMAC: it names both the key and the session);
     * empty for what cannot be a token.
     */
    Optional<String> presentedId(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return Optional.of(idOf(token));
    }

    /** The session {@code id} whose Redis value ({@code university:user}) is {@code value}. */
    static Session session(String id, String value) {
        int colon = value.indexOf(':');
        return new Session(id, Long.parseLong(value.substring(0, colon)), Long.parseLong(value.substring(colon + 1)));
    }

    /** Ends the session everywhere; a no-op for an unknown token. */
    public void revoke(String token) {
        find(token).ifPresent(session -> redis.srem(userKey(session.universityId(), session.userId()), session.id()));
        redis.del(key(token));
    }

    /**
     * Ends every session of the user on every node: at sign-out, and whenever what a session
     * stands for changes (role, deactivation). Returns how many there were.
     */
    public long revokeAll(long universityId, long userId) {
        Object ended = redis.eval(
                REVOKE_ALL,
                List.of(userKey(universityId, userId)),
                List.of(redisConfiguration.getKeyPrefix() + "session:"));
        return ((Number) ended).longValue();
    }

    /** A stable, non-secret identifier of the session (for CSRF tokens and logs). */
    public String idOf(String token) {
        return secrets.hmac("session", token);
    }

    private String userKey(long universityId, long userId) {
        return redisConfiguration.getKeyPrefix() + "user-sessions:" + universityId + ":" + userId;
    }

    private String key(String token) {
        return keyOfId(idOf(token));
    }

    String keyOfId(String id) {
        return redisConfiguration.getKeyPrefix() + "session:" + id;
    }
}
