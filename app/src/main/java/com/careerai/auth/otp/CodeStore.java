package com.careerai.auth.otp;

import com.careerai.auth.session.Secrets;
import com.careerai.platform.redis.RedisConfiguration;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/**
 * The live one-time code of each (university, address), in Redis as a keyed hash only
 * (HMAC-SHA256 with {@code CAREERAI_SECRET}): six digits from {@link SecureRandom}, valid for
 * {@code code-validity}, single use, dead after {@code max-wrong-tries} wrong tries; a new code
 * replaces the old one. The record outlives its validity by {@link #RETENTION} so that an
 * expired or used code is reported as such rather than as unknown.
 */
@Singleton
class CodeStore {
    static final Duration RETENTION = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Replaces the record of the key with a fresh code. */
    private static final String ISSUE = "redis.call('DEL', KEYS[1])\n"
            + "redis.call('HSET', KEYS[1], 'hash', ARGV[1], 'expires', ARGV[2], 'tries', '0')\n"
            + "redis.call('PEXPIRE', KEYS[1], ARGV[3])\n"
            + "return 1";
    /** Counts a try on an existing record; -1 when there is none (never creates one). */
    private static final String COUNT_TRY = "if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end\n"
            + "return redis.call('HINCRBY', KEYS[1], 'tries', 1)";

    /** What checking a code found. */
    sealed interface Outcome {
        record Accepted() implements Outcome {}

        record NoCode() implements Outcome {}

        record Expired() implements Outcome {}

        record AlreadyUsed() implements Outcome {}

        record Locked() implements Outcome {}

        record Wrong(int triesLeft) implements Outcome {}
    }

    private final RedisClient redis;
    private final RedisConfiguration redisConfiguration;
    private final Secrets secrets;
    private final OtpConfiguration configuration;

    CodeStore(
            RedisClient redis, RedisConfiguration redisConfiguration, Secrets secrets, OtpConfiguration configuration) {
        this.redis = redis;
        this.redisConfiguration = redisConfiguration;
        this.secrets = secrets;
        this.configuration = configuration;
    }

    /** Makes a new code for the address, replacing any earlier one, and returns it (the only clear copy). */
    String issue(long universityId, String email) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expires = Instant.now().plus(configuration.getCodeValidity());
        long ttl = configuration.getCodeValidity().plus(RETENTION).toMillis();
        redis.eval(
                ISSUE,
                List.of(key(universityId, email)),
                List.of(hash(universityId, email, code), Long.toString(expires.toEpochMilli()), Long.toString(ttl)));
        return code;
    }

    /** Checks {@code code} (six digits) and, when it is right, uses it up. */
    Outcome check(long universityId, String email, String code) {
        String key = key(universityId, email);
        long tries = ((Number) redis.eval(COUNT_TRY, List.of(key), List.of())).longValue();
        if (tries < 0) {
            return new Outcome.NoCode();
        }
        Map<String, String> record = redis.hgetAll(key);
        if (record.isEmpty() || record.get("hash") == null) {
            return new Outcome.NoCode();
        }
        if (record.containsKey("used")) {
            return new Outcome.AlreadyUsed();
        }
        if (Instant.ofEpochMilli(Long.parseLong(record.get("expires"))).isBefore(Instant.now())) {
            return new Outcome.Expired();
        }
        int allowed = configuration.getMaxWrongTries();
        if (tries > allowed) {
            return new Outcome.Locked();
        }
        if (!Secrets.constantTimeEquals(record.get("hash"), hash(universityId, email, code))) {
            return new Outcome.Wrong((int) (allowed - tries));
        }
        // Two requests racing with the right code: only the one that marks it used signs in.
        return redis.hsetnx(key, "used", Instant.now().toString()) == 1
                ? new Outcome.Accepted()
                : new Outcome.AlreadyUsed();
    }

    private String key(long universityId, String email) {
        return redisConfiguration.getKeyPrefix() + "otp:" + universityId + ":"
                + secrets.hmac("otp-address", universityId + ":" + email);
    }

    private String hash(long universityId, String email, String code) {
        return secrets.hmac("otp-code", universityId + ":" + email + ":" + code);
    }
}
