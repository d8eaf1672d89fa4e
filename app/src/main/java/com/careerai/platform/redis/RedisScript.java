package com.careerai.platform.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}) rather than by its text ({@code EVAL}): Redis no
 * longer receives and hashes the whole script at every call, nor does the client encode it (issue
 * 19, ADR 0066: the session check runs one on every signed-in request). When Redis does not know
 * the script (first call after Redis started, {@code SCRIPT FLUSH}), it is run once by its text,
 * which also stores it for the next calls. Same keys, arguments and answer as {@code EVAL}.
 */
public final class RedisScript {
    private final String text;
    private final String sha1;

    public RedisScript(String text) {
        this.text = text;
        this.sha1 = sha1Of(text);
    }

    /** The script's answer for {@code keys} and {@code arguments}. */
    public Object run(RedisClient redis, List<String> keys, List<String> arguments) {
        try {
            return redis.evalsha(sha1, keys, arguments);
        } catch (JedisNoScriptException e) {
            return redis.eval(text, keys, arguments);
        }
    }

    /** The SHA-1 Redis knows the script by (tests). */
    String sha1() {
        return sha1;
    }

    private static String sha1Of(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
