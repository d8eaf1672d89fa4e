package com.careerai.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSRF tokens and Sec-Fetch-Site on every state-changing request of a university host. */
@MicronautTest(transactional = false)
class CsrfTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    University a;
    University b;
    Browser browser;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", "CsrfTest");
    }

    @BeforeAll
    void universities() {
        a = fixtures.university();
        b = fixtures.university();
    }

    @BeforeEach
    void open() {
        browser = new Browser(server.getURL(), hostOf(a.subdomain()));
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private SignedIn signedInStudent() {
        SignedIn session = sessions.signIn(fixtures.student(a));
        String[] cookie = session.cookie().split("=", 2);
        browser.setCookie(cookie[0], cookie[1]);
        return session;
    }

    @Test
    void cookieSessionNeedsTheSessionTokenInHeaderFieldOrQuery() {
        SignedIn session = signedInStudent();
        Browser.Response missing = browser.postForm("/test/csrf/form", Map.of("note", "hi"));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("This form has expired");

        Browser.Response json = browser.postJson("/api/v1/test/csrf", "{\"note\":\"hi\"}");
        assertThat(json.status()).isEqualTo(403);
        assertThat(json.body()).contains("\"error\":\"csrf_failed\"");

        assertThat(browser.postForm("/test/csrf/form", Map.of("note", "hi", "csrf", session.csrf()))
                        .body())
                .isEqualTo("form ok: hi");
        assertThat(browser.postJson("/api/v1/test/csrf", "{\"note\":\"hi\"}", "X-CSRF-Token", session.csrf())
                        .body())
                .isEqualTo("json ok: hi");
        assertThat(browser.postForm("/test/csrf/form?csrf=" + session.csrf(), Map.of("note", "q"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anotherSessionsTokenOrTheAnonymousTokenDoesNotCount() {
        signedInStudent();
        SignedIn other = sessions.signIn(fixtures.student(a));
        assertThat(browser.postJson("/api/v1/test/csrf", "{}", "X-CSRF-Token", other.csrf())
                        .status())
                .isEqualTo(403);
        String anonymousToken = sessions.anonymous().csrf();
        assertThat(browser.postJson("/api/v1/test/csrf", "{}", "X-CSRF-Token", anonymousToken)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void bearerRequestsNeedNoCsrfToken() {
        SignedIn session = sessions.signIn(fixtures.student(a));
        Browser.Response response =
                browser.postJson("/api/v1/test/csrf", "{\"note\":\"api\"}", "Authorization", session.bearer());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("json ok: api");
    }

    @Test
    void crossSiteRequestsAreRefusedEvenWithAValidToken() {
        SignedIn session = signedInStudent();
        Browser.Response response = browser.postForm(
                "/test/csrf/form", Map.of("note", "x", "csrf", session.csrf()), "Sec-Fetch-Site", "cross-site");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("came from another website");
        Browser.Response api = browser.postJson(
                "/api/v1/test/csrf", "{}", "Authorization", session.bearer(), "Sec-Fetch-Site", "cross-site");
        assertThat(api.body()).contains("\"error\":\"cross_site_refused\"");
        assertThat(browser.postForm(
                                "/test/csrf/form",
                                Map.of("note", "x", "csrf", session.csrf()),
                                "Sec-Fetch-Site",
                                "same-site")
                        .status())
                .as("a sibling subdomain is same-site: the token decides")
                .isEqualTo(200);
    }

    @Test
    void anonymousFormsUseTheCookieSeededToken() {
        Browser.Response page = browser.get("/signin");
        assertThat(page.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("__Host-careerai_csrf=")
                .contains("HTTPOnly")
                .contains("Secure"));
        String token = page.csrf();
        assertThat(browser.postForm("/test/csrf/anonymous", Map.of("csrf", token))
                        .status())
                .isEqualTo(200);
        assertThat(browser.postForm("/test/csrf/anonymous", Map.of("csrf", "x" + token))
                        .status())
                .isEqualTo(403);

        try (Browser fresh = new Browser(server.getURL(), hostOf(a.subdomain()))) {
            assertThat(fresh.postForm("/test/csrf/anonymous", Map.of("csrf", token))
                            .status())
                    .as("a token without its cookie")
                    .isEqualTo(403);
        }
        assertThat(browser.get("/signin").setCookies())
                .as("the seed is set once and then reused")
                .noneMatch(cookie -> cookie.startsWith("__Host-careerai_csrf="));
        assertThat(browser.get("/signin").csrf()).isEqualTo(token);
    }

    @Test
    void aPageFormNeedsATokenEvenWithoutCookiesButAPureApiClientDoesNot() {
        assertThat(browser.postForm("/test/csrf/anonymous", Map.of()).status()).isEqualTo(403);
        try (Browser apiClient = new Browser(server.getURL(), hostOf(a.subdomain()))) {
            assertThat(apiClient.postJson("/api/v1/test/csrf/anonymous", "{}").status())
                    .isEqualTo(200);
            apiClient.setCookie("tracking", "1");
            assertThat(apiClient.postJson("/api/v1/test/csrf/anonymous", "{}").status())
                    .as("any cookie makes it a browser request that needs the token")
                    .isEqualTo(403);
        }
    }

    @Test
    void deleteIsStateChangingToo() {
        SignedIn session = signedInStudent();
        assertThat(browser.send("DELETE", "/api/v1/test/csrf").status()).isEqualTo(403);
        assertThat(browser.send("DELETE", "/api/v1/test/csrf", "X-CSRF-Token", session.csrf())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSessionCookieOfAnotherUniversityIsNoSessionHere() {
        SignedIn session = signedInStudent();
        try (Browser atB = new Browser(server.getURL(), hostOf(b.subdomain()))) {
            String[] cookie = session.cookie().split("=", 2);
            atB.setCookie(cookie[0], cookie[1]);
            assertThat(atB.get("/api/v1/me").status()).isEqualTo(401);
            assertThat(atB.get("/").body()).doesNotContain("user-name");
            assertThat(atB.postJson("/api/v1/test/csrf", "{}", "X-CSRF-Token", session.csrf())
                            .status())
                    .as("anonymous on this host: refused before CSRF is even checked")
                    .isEqualTo(401);
        }
    }

    @Serdeable
    record Note(@Nullable String note) {}

    @Controller
    @Requires(property = "spec.name", value = "CsrfTest")
    static class StateChangingController {
        @Post(
                uri = "/test/csrf/form",
                consumes = MediaType.APPLICATION_FORM_URLENCODED,
                produces = MediaType.TEXT_PLAIN)
        @Secured(SecurityRule.IS_AUTHENTICATED)
        String form(@Body Note note) {
            return "form ok: " + note.note();
        }

        @Post(
                uri = "/test/csrf/anonymous",
                consumes = MediaType.APPLICATION_FORM_URLENCODED,
                produces = MediaType.TEXT_PLAIN)
        @Secured(SecurityRule.IS_ANONYMOUS)
        String anonymousForm() {
            return "anonymous ok";
        }

        @Post(uri = "/api/v1/test/csrf/anonymous", produces = MediaType.TEXT_PLAIN)
        @Secured(SecurityRule.IS_ANONYMOUS)
        String anonymousJson() {
            return "anonymous ok";
        }

        @Post(uri = "/api/v1/test/csrf", produces = MediaType.TEXT_PLAIN)
        @Secured(SecurityRule.IS_AUTHENTICATED)
        String json(@Body Note note, @CurrentUser SignedInUser user) {
            return "json ok: " + note.note();
        }

        @Delete(uri = "/api/v1/test/csrf", produces = MediaType.TEXT_PLAIN)
        @Secured(SecurityRule.IS_AUTHENTICATED)
        String delete() {
            return "deleted";
        }
    }
}
