package com.careerai.auth.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Invitations;
import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Continue with Google" end to end against a real local OpenID provider (mock-oauth2-server)
 * standing in for accounts.google.com: authorization redirect with state and nonce, code
 * exchange, ID token validation, then our user and session.
 */
@MicronautTest(transactional = false)
class GoogleSignInTest extends IntegrationTest {
    private static final String CLIENT_ID = "careerai-test-client";

    private final MockOAuth2Server provider = new MockOAuth2Server();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    UserAccounts users;

    @Inject
    Invitations invitations;

    University university;

    @Override
    protected Map<String, String> extraProperties() {
        provider.start();
        return Map.of(
                "micronaut.security.oauth2.clients.google.client-id",
                CLIENT_ID,
                "micronaut.security.oauth2.clients.google.client-secret",
                "test-secret",
                "micronaut.security.oauth2.clients.google.openid.issuer",
                provider.issuerUrl("google").toString());
    }

    @BeforeAll
    void university() {
        university = fixtures.university();
    }

    @AfterAll
    void stopProvider() {
        provider.shutdown();
    }

    private Browser browser() {
        return new Browser(server.getURL(), hostOf(university.subdomain()));
    }

    private static Map<String, Object> claims(String email, boolean verified, String name) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", verified);
        claims.put("name", name);
        return claims;
    }

    /** Runs the browser through our start page, the provider and back to our callback. */
    private Browser.Response signInWithGoogle(Browser browser, String subject, Map<String, Object> claims) {
        Browser.Response start = browser.get("/signin/google?next=/api/v1/me");
        assertThat(start.status()).isEqualTo(303);
        assertThat(start.location()).isEqualTo("/oauth/login/google");

        Browser.Response login = browser.get(start.location());
        assertThat(login.status()).isEqualTo(302);
        URI authorize = URI.create(login.location());
        assertThat(authorize.toString())
                .startsWith(provider.authorizationEndpointUrl("google").toString())
                .contains("state=")
                .contains("nonce=")
                .contains("redirect_uri=http%3A%2F%2F" + university.subdomain()
                        + ".careerai.test%2Foauth%2Fcallback%2Fgoogle");

        provider.enqueueCallback(
                new DefaultOAuth2TokenCallback("google", subject, "JWT", List.of(CLIENT_ID), claims, 3600));
        URI callback = URI.create(providerRedirect(authorize));
        assertThat(callback.getHost()).isEqualTo(university.subdomain() + ".careerai.test");
        return browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    private String providerRedirect(URI authorize) {
        try {
            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void signInPageOffersGoogle() {
        try (Browser browser = browser()) {
            assertThat(browser.get("/signin").body())
                    .contains("Continue with Google")
                    .contains("href=\"/signin/google?next&#x3D;%2F\"");
        }
    }

    @Test
    void studentOfAnAllowedDomainIsCreatedAndSignedIn() {
        String email = "grace.hopper@" + university.allowedDomains().get(0);
        try (Browser browser = browser()) {
            Browser.Response done = signInWithGoogle(browser, "google-sub-grace", claims(email, true, "Grace Hopper"));
            assertThat(done.status()).isEqualTo(303);
            assertThat(done.location()).isEqualTo("/api/v1/me");
            assertThat(done.setCookies()).anyMatch(cookie -> cookie.startsWith("__Host-careerai_session="));

            assertThat(browser.get("/api/v1/me").body()).contains("\"email\":\"" + email + "\"");
            assertThat(browser.get("/").body()).contains("class=\"user-name\">Grace Hopper<");
        }
        User user = fixtures.in(university, () -> users.findByEmail(university.id(), email))
                .orElseThrow();
        assertThat(user.googleId()).isEqualTo("google-sub-grace");
        assertThat(user.emailVerified()).isTrue();
        assertThat(user.role()).isEqualTo(Role.STUDENT);
        assertThat(user.name()).isEqualTo("Grace Hopper");
    }

    @Test
    void addressOfAnotherDomainIsRefusedAndNothingIsCreated() {
        String email = "someone@gmail.com";
        try (Browser browser = browser()) {
            Browser.Response refused =
                    signInWithGoogle(browser, "google-sub-outsider", claims(email, true, "Out Sider"));
            assertThat(refused.status()).isEqualTo(303);
            assertThat(refused.location()).isEqualTo("/signin?google_error=domain_not_allowed");
            assertThat(refused.setCookies()).noneMatch(cookie -> cookie.startsWith("__Host-careerai_session="));
            assertThat(browser.get(refused.location()).body()).contains("cannot sign in to " + university.name());
            assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(fixtures.in(university, () -> users.findByEmail(university.id(), email)))
                .isEmpty();
    }

    @Test
    void unverifiedGoogleAddressIsRefused() {
        String email = "unverified@" + university.allowedDomains().get(0);
        try (Browser browser = browser()) {
            Browser.Response refused = signInWithGoogle(browser, "google-sub-unverified", claims(email, false, "U"));
            assertThat(refused.location()).isEqualTo("/signin?google_error=email_not_verified");
        }
        assertThat(fixtures.in(university, () -> users.findByEmail(university.id(), email)))
                .isEmpty();
    }

    @Test
    void workspaceDomainMustBeAllowedToo() {
        String email = "hd.check@" + university.allowedDomains().get(0);
        Map<String, Object> claims = claims(email, true, "Hd Check");
        claims.put("hd", "other-school.edu");
        try (Browser browser = browser()) {
            assertThat(signInWithGoogle(browser, "google-sub-hd", claims).location())
                    .isEqualTo("/signin?google_error=domain_not_allowed");
        }
        assertThat(fixtures.in(university, () -> users.findByEmail(university.id(), email)))
                .isEmpty();
    }

    @Test
    void existingUserIsLinkedByEmailThenFoundByGoogleId() {
        User existing = fixtures.student(university);
        try (Browser browser = browser()) {
            assertThat(signInWithGoogle(browser, "google-sub-link", claims(existing.email(), true, "Linked"))
                            .status())
                    .isEqualTo(303);
        }
        User linked = fixtures.in(university, () -> users.find(university.id(), existing.id()))
                .orElseThrow();
        assertThat(linked.googleId()).isEqualTo("google-sub-link");
        assertThat(linked.emailVerified()).isTrue();

        try (Browser browser = browser()) {
            Browser.Response again =
                    signInWithGoogle(browser, "google-sub-link", claims("renamed@gmail.com", true, "Linked"));
            assertThat(again.location()).isEqualTo("/api/v1/me");
            assertThat(browser.get("/api/v1/me").body()).contains("\"userId\":" + existing.id());
        }
    }

    @Test
    void addressLinkedToAnotherGoogleAccountIsRefused() {
        User existing = fixtures.student(university);
        try (Browser browser = browser()) {
            signInWithGoogle(browser, "google-sub-first", claims(existing.email(), true, "First"));
        }
        try (Browser browser = browser()) {
            assertThat(signInWithGoogle(browser, "google-sub-second", claims(existing.email(), true, "Second"))
                            .location())
                    .isEqualTo("/signin?google_error=google_account_conflict");
        }
    }

    @Test
    void invitedCounsellorMaySignInWithGoogleUsingTheInvitedAddress() {
        String email = "coach.google@gmail.com";
        fixtures.run(university, () -> invitations.invite(university.id(), email, Role.COUNSELLOR, "operator:test"));
        try (Browser browser = browser()) {
            assertThat(signInWithGoogle(browser, "google-sub-coach", claims(email, true, "Coach G"))
                            .location())
                    .isEqualTo("/api/v1/me");
        }
        assertThat(fixtures.in(university, () -> users.findByEmail(university.id(), email))
                        .orElseThrow()
                        .role())
                .isEqualTo(Role.COUNSELLOR);
    }

    @Test
    void cancellingAtTheProviderComesBackToTheSignInPage() {
        try (Browser browser = browser()) {
            browser.get("/signin/google");
            URI authorize = URI.create(browser.get("/oauth/login/google").location());
            String state = authorize.getRawQuery().replaceAll(".*state=([^&]+).*", "$1");
            Browser.Response cancelled =
                    browser.get("/oauth/callback/google?error=access_denied&state=" + state, "Accept", "text/html");
            assertThat(cancelled.status()).isEqualTo(303);
            assertThat(cancelled.location()).isEqualTo("/signin?google_error=google_failed");
            assertThat(browser.get(cancelled.location()).body()).contains("Google sign-in did not complete");
        }
    }

    @Test
    void tamperedStateIsRefused() {
        try (Browser browser = browser()) {
            browser.get("/signin/google");
            URI authorize = URI.create(browser.get("/oauth/login/google").location());
            // No callback is queued: the forged state stops the flow before any code is redeemed.
            URI callback = URI.create(providerRedirect(authorize));
            String tampered = callback.getRawQuery().replaceAll("state=[^&]+", "state=forged-state");
            Browser.Response refused = browser.get(callback.getRawPath() + "?" + tampered);
            assertThat(refused.status()).isEqualTo(303);
            assertThat(refused.location()).startsWith("/signin?google_error=");
            assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
        }
    }

    @Test
    void callbackDeliveredToAnotherUniversityOpensNoSessionThere() {
        University other = fixtures.university();
        try (Browser browser = browser()) {
            browser.get("/signin/google");
            URI authorize = URI.create(browser.get("/oauth/login/google").location());
            provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                    "google",
                    "google-sub-cross",
                    "JWT",
                    List.of(CLIENT_ID),
                    claims("cross@" + university.allowedDomains().get(0), true, "C"),
                    3600));
            URI callback = URI.create(providerRedirect(authorize));
            try (Browser atOther = new Browser(server.getURL(), hostOf(other.subdomain()))) {
                browser.cookies().forEach(atOther::setCookie);
                Browser.Response response = atOther.get(callback.getRawPath() + "?" + callback.getRawQuery());
                assertThat(response.location()).startsWith("/signin?google_error=");
                assertThat(response.setCookies()).noneMatch(cookie -> cookie.startsWith("__Host-careerai_session="));
                assertThat(atOther.get("/api/v1/me").status()).isEqualTo(401);
            }
        }
    }
}
