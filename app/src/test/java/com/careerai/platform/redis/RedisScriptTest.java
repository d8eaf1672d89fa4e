package com.careerai.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** A script run by its SHA-1 answers as EVAL does, also when Redis has forgotten it (ADR 0066). */
@MicronautTest(transactional = false)
class RedisScriptTest extends IntegrationTest {
    @Inject
    RedisClient redis;

    @Inject
    RedisConfiguration configuration;

    @Test
    void aScriptRedisDoesNotKnowIsRunByItsTextAndThenByItsSha1() {
        String key = configuration.getKeyPrefix() + "redis-script-test";
        redis.set(key, "stored");
        RedisScript script = new RedisScript("return {redis.call('GET', KEYS[1]), ARGV[1]}");
        redis.scriptFlush();
        assertThat(redis.scriptExists(script.sha1(), key)).isFalse();

        assertThat(script.run(redis, List.of(key), List.of("argument"))).isEqualTo(List.of("stored", "argument"));
        assertThat(redis.scriptExists(script.sha1(), key))
                .as("EVAL stored it under the SHA-1 this class computed")
                .isTrue();
        assertThat(script.run(redis, List.of(key), List.of("again"))).isEqualTo(List.of("stored", "again"));
        redis.del(key);
    }
}
