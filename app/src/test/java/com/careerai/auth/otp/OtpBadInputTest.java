package com.careerai.auth.otp;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.UserAccounts;
import com.careerai.notifications.Mail;
import com.careerai.platform.redis.RedisConfiguration;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Every bad input of the code sign-in gets its own message and status, never a 500, and leaves
 * nothing behind that should not be there (no code, no email, no user, no session).
 */
@MicronautTest(transactional = false)
class OtpBadInputTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    UniversityAdministration universities;

    @Inject
    CodeStore codes;

    @Inject
    UserAccounts users;

    @Inject
    Mail mail;

    @Inject
    RedisClient redis;

    @Inject
    RedisConfiguration redisConfiguration;

    University mit;
    Browser api;

    @BeforeAll
    void university() {
        mit = fixtures.university();
    }

    @BeforeEach
    void client() {
        api = new Browser(server.getURL(), hostOf(mit.subdomain()));
    }

    @AfterEach
    void close() {
        api.close();
    }

    private String student() {
        return "s" + System.nanoTime() + "@" + mit.allowedDomains().get(0);
    }

    private Browser.Response requestCode(String emailJson) {
        return api.postJson("/api/v1/auth/otp/request", "{\"email\":" + emailJson + "}");
    }

    private Browser.Response verify(String email, String code) {
        return api.postJson("/api/v1/auth/otp/verify", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}");
    }

    private void assertNothingWrittenFor(String email) {
        assertThat(fixtures.in(mit, () -> users.findByEmail(mit.id(), email)))
                .as("no user for " + email)
                .isEmpty();
        assertThat(fixtures.in(mit, () -> mail.sentTo(mit.id(), email)))
                .as("no email to " + email)
                .isEmpty();
        assertThat(api.cookies()).as("no session cookie").doesNotContainKey("__Host-careerai_session");
    }

    @Test
    void malformedEmailIs422BesideTheEmailField() {
        for (String bad :
                List.of("\"not-an-email\"", "\"a@b\"", "\"two@@at.edu\"", "\"\"", "null", "\"a b@mit.edu\"")) {
            Browser.Response response = requestCode(bad);
            assertThat(response.status()).as(bad).isEqualTo(422);
            assertThat(response.body())
                    .as(bad)
                    .contains("\"error\":\"invalid_email\"")
                    .contains("\"fields\":{\"email\"");
        }
        assertThat(requestCode("\"x@" + "a".repeat(300) + ".edu\"").body())
                .contains("invalid_email")
                .contains("at most 254 characters");
    }

    @Test
    void oversizedFieldsAre422AndNeverEchoedWhole() {
        String huge = "a".repeat(20_000) + "@" + mit.allowedDomains().get(0);
        Browser.Response response = requestCode("\"" + huge + "\"");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("invalid_email").hasSizeLessThan(1_000);

        Browser.Response code = verify(student(), "1".repeat(10_000));
        assertThat(code.status()).isEqualTo(422);
        assertThat(code.body()).contains("\"error\":\"invalid_code\"").hasSizeLessThan(1_000);
    }

    @Test
    void emailOutsideTheAllowedDomainsIs403AndNothingIsSent() {
        String outsider = "someone@gmail.com";
        Browser.Response response = requestCode("\"" + outsider + "\"");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body())
                .contains("\"error\":\"domain_not_allowed\"")
                .contains("@" + mit.allowedDomains().get(0));
        String subdomainNotListed = "x@cs." + mit.allowedDomains().get(0);
        assertThat(requestCode("\"" + subdomainNotListed + "\"").status()).isEqualTo(403);
        assertNothingWrittenFor(outsider);
        assertThat(verify(outsider, "123456").status()).isEqualTo(403);
    }

    @Test
    void nonNumericOrShortCodeIs422() {
        String email = student();
        codes.issue(mit.id(), email);
        for (String bad : List.of("abcdef", "12345", "1234567", "12 34 5x", "")) {
            Browser.Response response = verify(email, bad);
            assertThat(response.status()).as(bad).isEqualTo(422);
            assertThat(response.body())
                    .as(bad)
                    .contains("\"error\":\"invalid_code\"")
                    .contains("6-digit code");
        }
        assertNothingWrittenFor(email);
    }

    @Test
    void wrongCodeIs401WithTheTriesLeftAndTheSixthTryIsRefusedEvenWithTheRightCode() {
        String email = student();
        String code = codes.issue(mit.id(), email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int tryNumber = 1; tryNumber <= 5; tryNumber++) {
            Browser.Response response = verify(email, wrong);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).contains("\"error\":\"code_incorrect\"");
            if (tryNumber == 4) {
                assertThat(response.body()).contains("1 more try");
            }
        }
        Browser.Response sixth = verify(email, code);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.body()).contains("\"error\":\"too_many_attempts\"").contains("Ask for a new one");
        assertNothingWrittenFor(email);
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        String email = student();
        String first = codes.issue(mit.id(), email);
        String second = codes.issue(mit.id(), email);
        if (!first.equals(second)) {
            assertThat(verify(email, first).status()).isEqualTo(401);
        }
        assertThat(verify(email, second).status()).isEqualTo(200);
    }

    @Test
    void reusedCodeIs401() {
        String email = student();
        String code = codes.issue(mit.id(), email);
        assertThat(verify(email, code).status()).isEqualTo(200);
        api.cookies().clear();
        Browser.Response again = verify(email, code);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body()).contains("\"error\":\"code_used\"");
        assertThat(again.setCookies()).isEmpty();
    }

    @Test
    void codeRequestedAtAnotherUniversityDoesNotWorkHere() {
        University sibling = universities.createIfAbsent(new NewUniversity(
                "Sibling of " + mit.name(), "sib" + mit.subdomain(), mit.allowedDomains(), 0, 0, "#123456", null));
        String email = student();
        String code = codes.issue(sibling.id(), email);
        Browser.Response response = verify(email, code);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"no_code\"").contains("only on the site of the university");
        assertNothingWrittenFor(email);

        University other = fixtures.university();
        String otherStudent = "s@" + other.allowedDomains().get(0);
        String otherCode = codes.issue(other.id(), otherStudent);
        assertThat(verify(otherStudent, otherCode).status()).isEqualTo(403);
        assertThat(fixtures.in(other, () -> users.findByEmail(other.id(), otherStudent)))
                .isEmpty();
    }

    @Test
    void codesRestInRedisOnlyAsKeyedHashes() {
        String email = student();
        String code = codes.issue(mit.id(), email);
        String prefix = redisConfiguration.getKeyPrefix();
        assertThat(redis.keys(prefix + "otp:*")).isNotEmpty().allSatisfy(key -> {
            assertThat(key).doesNotContain(email);
            assertThat(redis.hgetAll(key).values()).noneMatch(value -> value.contains(code));
        });
    }

    @Test
    void malformedJsonIs400NotA500() {
        Browser.Response response = api.postJson("/api/v1/auth/otp/verify", "{\"email\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"bad_request\"");
    }

    @Test
    void pageShowsTheMessageBesideTheFieldWithTheSameStatus() {
        Browser.Response page = api.get("/signin");
        Browser.Response bad = api.postForm("/signin", Map.of("email", "not-an-email", "csrf", page.csrf()));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body())
                .contains("class=\"field has-error\"")
                .contains("class=\"field-error\"")
                .contains("Enter a whole email address")
                .contains("value=\"not-an-email\"");

        String email = student();
        codes.issue(mit.id(), email);
        Browser.Response wrong =
                api.postForm("/signin/verify", Map.of("email", email, "code", "12x456", "csrf", page.csrf()));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("Check your email").contains("Enter the 6-digit code");
    }

    @Test
    void formWithoutCsrfTokenIs403AndSendsNothing() {
        api.get("/signin");
        String email = student();
        Browser.Response response = api.postForm("/signin", Map.of("email", email));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("This form has expired or did not come from this site");
        Browser.Response forged = api.postForm("/signin", Map.of("email", email, "csrf", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        assertNothingWrittenFor(email);
    }

    @Test
    void pageScriptsCallTheJsonEndpointsWithTheHeaderToken() {
        String csrf = api.get("/signin").csrf();
        String email = student();
        Browser.Response withoutToken = requestCode("\"" + email + "\"");
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("\"error\":\"csrf_failed\"");
        Browser.Response withToken =
                api.postJson("/api/v1/auth/otp/request", "{\"email\":\"" + email + "\"}", "X-CSRF-Token", csrf);
        assertThat(withToken.status()).isEqualTo(202);
    }
}
