package com.careerai.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Redis stopped under a running node (found by bench/chaos.sh, which stops it for 30 s): pages
 * that do not need Redis keep answering, sign-in answers 503 "try again shortly" with
 * Retry-After in the error shape — never a 500 — and the same node signs people in again as soon
 * as Redis is back, without a restart.
 */
@MicronautTest(transactional = false)
class RedisOutageTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    int redisPort;
    RedisServer redis;
    EmbeddedServer node;

    @BeforeAll
    void startANodeWithItsOwnRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = startRedis();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("careerai.redis.url", "redis://127.0.0.1:" + redisPort);
        properties.put("careerai.roles", "web"); // the test's own node is the worker
        node = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    void stop() throws IOException {
        node.close();
        if (redis.isActive()) {
            redis.stop();
        }
    }

    private RedisServer startRedis() throws IOException {
        RedisServer server = RedisServer.newRedisServer()
                .port(redisPort)
                .setting("bind 127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        return server;
    }

    @Test
    void withoutRedisPublicPagesWorkSignInSaysTryAgainShortlyAndItRecoversWithoutARestart() throws IOException {
        University university = fixtures.university();
        String domain = university.allowedDomains().get(0);
        try (Browser browser = new Browser(node.getURL(), hostOf(university.subdomain()))) {
            assertThat(browser.postJson("/api/v1/auth/otp/request", "{\"email\":\"before@" + domain + "\"}")
                            .status())
                    .isEqualTo(202);

            redis.stop();
            assertThat(browser.get("/", "Accept", "text/html").status()).isEqualTo(200);
            assertThat(browser.get("/api/v1/university").status()).isEqualTo(200);
            browser.cookies().clear(); // a plain API client: no cookie, so no CSRF token either
            Browser.Response refused =
                    browser.postJson("/api/v1/auth/otp/request", "{\"email\":\"during@" + domain + "\"}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body())
                    .contains("\"error\":\"unavailable\"")
                    .contains("try again shortly")
                    .doesNotContain("redis")
                    .doesNotContain("Jedis");
            assertThat(refused.header("Retry-After")).isPresent();

            redis = startRedis();
            browser.cookies().clear();
            assertThat(browser.postJson("/api/v1/auth/otp/request", "{\"email\":\"after@" + domain + "\"}")
                            .status())
                    .isEqualTo(202);
        }
    }
}
