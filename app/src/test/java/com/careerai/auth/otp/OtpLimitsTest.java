package com.careerai.auth.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits (hit and reset) and code expiry, with short windows from configuration. The test
 * client is a trusted proxy here, so each test speaks for a client address of its own through
 * {@code X-Forwarded-For}.
 */
@MicronautTest(transactional = false)
class OtpLimitsTest extends IntegrationTest {
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    CodeStore codes;

    University university;
    Browser api;
    String clientAddress;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.auth.otp.code-validity", "1s",
                "careerai.auth.otp.requests-per-email", "2",
                "careerai.auth.otp.requests-per-email-window", "3s",
                "careerai.auth.otp.requests-per-ip", "3",
                "careerai.auth.otp.verifications-per-email", "3",
                "careerai.auth.otp.verifications-per-email-window", "3s",
                "careerai.trusted-proxies", "127.0.0.1, ::1");
    }

    @BeforeAll
    void university() {
        university = fixtures.university();
    }

    @BeforeEach
    void client() {
        api = new Browser(server.getURL(), hostOf(university.subdomain()));
        clientAddress = "203.0.113." + ADDRESSES.incrementAndGet();
    }

    @AfterEach
    void close() {
        api.close();
    }

    private String student(String name) {
        return name + System.nanoTime() + "@" + university.allowedDomains().get(0);
    }

    private Browser.Response requestCode(String email, String fromAddress) {
        return api.postJson(
                "/api/v1/auth/otp/request",
                "{\"email\":\"" + email + "\"}",
                "X-Forwarded-For",
                fromAddress + ", 10.0.0.1");
    }

    private Browser.Response verify(String email, String code) {
        return api.postJson(
                "/api/v1/auth/otp/verify",
                "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}",
                "X-Forwarded-For",
                clientAddress);
    }

    @Test
    void codesPerAddressAreLimitedWithRetryAfterAndTheLimitResetsAfterItsWindow() {
        String email = student("limited");
        assertThat(requestCode(email, clientAddress).status()).isEqualTo(202);
        assertThat(requestCode(email, clientAddress).status()).isEqualTo(202);

        Browser.Response limited = requestCode(email, clientAddress);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body())
                .contains("\"error\":\"rate_limited\"")
                .contains("Too many codes were sent to this address");
        assertThat(Integer.parseInt(limited.header("Retry-After").orElseThrow()))
                .isBetween(1, 3);

        // Each poll comes from a new client address, so only the per-address limit is in play.
        await().atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> requestCode(email, "198.51.100." + ADDRESSES.incrementAndGet() % 250)
                                .status()
                        == 202);
    }

    @Test
    void codeRequestsPerClientAddressAreLimitedAcrossAddresses() {
        for (int i = 0; i < 3; i++) {
            assertThat(requestCode(student("ip"), clientAddress).status()).isEqualTo(202);
        }
        Browser.Response limited = requestCode(student("ip"), clientAddress);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("from your network");
        assertThat(limited.header("Retry-After")).isPresent();

        String anotherClient = "203.0.113." + ADDRESSES.incrementAndGet();
        assertThat(requestCode(student("ip"), anotherClient).status()).isEqualTo(202);
    }

    @Test
    void guessingOneAddresssCodeFromManyClientAddressesIsStillLimitedPerAddress() {
        String email = student("spread");
        String code = codes.issue(university.id(), email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        String guess = "{\"email\":\"" + email + "\",\"code\":\"%s\"}";
        for (int i = 0; i < 3; i++) {
            String botnet = "192.0.2." + (ADDRESSES.incrementAndGet() % 250 + 1);
            assertThat(api.postJson("/api/v1/auth/otp/verify", guess.formatted(wrong), "X-Forwarded-For", botnet)
                            .status())
                    .isEqualTo(401);
        }
        Browser.Response limited = api.postJson(
                "/api/v1/auth/otp/verify",
                guess.formatted(code),
                "X-Forwarded-For",
                "192.0.2." + (ADDRESSES.incrementAndGet() % 250 + 1));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("Too many sign-in attempts for this address");
    }

    @Test
    void codeChecksPerAddressAreLimitedAndReset() {
        String email = student("verify");
        String code = codes.issue(university.id(), email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 3; i++) {
            assertThat(verify(email, wrong).status()).isEqualTo(401);
        }
        Browser.Response limited = verify(email, code);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("\"error\":\"rate_limited\"");

        String fresh = codes.issue(university.id(), email);
        await().atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> verify(email, fresh).status() != 429);
    }

    @Test
    void expiredCodeIs401() {
        String email = student("late");
        String code = codes.issue(university.id(), email);
        await().pollDelay(Duration.ofMillis(1_200))
                .atMost(Duration.ofSeconds(3))
                .until(() -> true);
        Browser.Response response = verify(email, code);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"code_expired\"").contains("Ask for a new one");
    }

    @Test
    void rateLimitedPageShowsTheMessageWithRetryAfter() {
        String email = student("page");
        String csrf = api.get("/signin").csrf();
        for (int i = 0; i < 2; i++) {
            assertThat(api.postForm("/signin", Map.of("email", email, "csrf", csrf), "X-Forwarded-For", clientAddress)
                            .status())
                    .isEqualTo(200);
        }
        Browser.Response limited =
                api.postForm("/signin", Map.of("email", email, "csrf", csrf), "X-Forwarded-For", clientAddress);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isPresent();
        assertThat(limited.body())
                .contains("class=\"flash error\"")
                .contains("Too many codes were sent to this address");
    }
}
