package com.careerai.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.Role;
import com.careerai.auth.SignInService;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.auth.VerifiedUsers;
import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may open what: anonymous visitors are sent to sign in (pages) or told 401 (API), wrong roles
 * get 403, {@code /staff} needs STAFF, and the verified-user guard explains itself.
 */
@MicronautTest(transactional = false)
class AccessRulesTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    SignInService signIns;

    @Inject
    UserAccounts users;

    University university;
    Browser browser;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", "AccessRulesTest");
    }

    @BeforeAll
    void university() {
        university = fixtures.university();
    }

    @BeforeEach
    void open() {
        browser = new Browser(server.getURL(), hostOf(university.subdomain()));
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private void signInAs(User user) {
        SignedIn session = sessions.signIn(user);
        String[] cookie = session.cookie().split("=", 2);
        browser.setCookie(cookie[0], cookie[1]);
    }

    private User verifiedStudent() {
        return fixtures.in(
                university,
                () -> signIns.completeEmailSignIn(
                        university,
                        "v" + System.nanoTime() + "@"
                                + university.allowedDomains().get(0)));
    }

    @Test
    void anonymousVisitorOfAPageIsSentToSignInAndComesBackAfterwards() {
        Browser.Response response = browser.get("/staff/probe?tab=2", "Accept", "text/html");
        assertThat(response.status()).isEqualTo(303);
        assertThat(response.location()).isEqualTo("/signin?next=%2Fstaff%2Fprobe%3Ftab%3D2");

        Browser.Response page = browser.get("/signin?next=%2Fstaff%2Fprobe%3Ftab%3D2");
        assertThat(page.body()).contains("name=\"next\" value=\"/staff/probe?tab&#x3D;2\"");
    }

    @Test
    void anonymousApiCallerGets401Json() {
        Browser.Response response = browser.get("/api/v1/test/tools");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"unauthorized\"");
        assertThat(browser.get("/staff/probe", "Accept", "application/json").status())
                .isEqualTo(401);
        assertThat(browser.postJson("/api/v1/auth/signout", "{}").status()).isEqualTo(401);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void staffPagesNeedTheStaffRole() {
        signInAs(verifiedStudent());
        Browser.Response student = browser.get("/staff/probe", "Accept", "text/html");
        assertThat(student.status()).isEqualTo(403);
        assertThat(student.body()).contains("Your account cannot open this");

        User coach = fixtures.in(
                university,
                () -> users.ensure(university.id(), "coach" + System.nanoTime() + "@x.org", "Coach", Role.COUNSELLOR));
        signInAs(coach);
        assertThat(browser.get("/staff/probe").status()).isEqualTo(403);
        assertThat(browser.get("/staff", "Accept", "application/json").body()).contains("\"error\":\"forbidden\"");

        signInAs(fixtures.staff(university));
        Browser.Response staff = browser.get("/staff/probe");
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body()).isEqualTo("staff only");
    }

    @Test
    void verifiedUserGuardExplainsWhyAnUnverifiedUserIsRefused() {
        User unverified = fixtures.student(university);
        assertThat(unverified.emailVerified()).isFalse();
        signInAs(unverified);
        Browser.Response api = browser.get("/api/v1/test/tools");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.body()).contains("\"error\":\"email_not_verified\"").contains("sign in with a code");
        Browser.Response page = browser.get("/test/tools", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Confirm your email address first");

        signInAs(verifiedStudent());
        assertThat(browser.get("/api/v1/test/tools").body()).isEqualTo("tools open");
    }

    @Test
    void signedInVisitorOfTheSignInPageGoesStraightOn() {
        signInAs(verifiedStudent());
        Browser.Response response = browser.get("/signin?next=/api/v1/me");
        assertThat(response.status()).isEqualTo(303);
        assertThat(response.location()).isEqualTo("/api/v1/me");
        assertThat(browser.get("/signin?next=https://evil.example/").location()).isEqualTo("/");
        assertThat(browser.get("/signin?next=//evil.example/").location()).isEqualTo("/");
    }

    @Test
    void anonymousSignOutJustGoesHome() {
        String csrf = browser.get("/signin").csrf();
        Browser.Response response = browser.postForm("/signout", Map.of("csrf", csrf));
        assertThat(response.status()).isEqualTo(303);
        assertThat(response.location()).isEqualTo("/");
    }

    @Test
    void theDevMailboxDoesNotExistOutsideDev() {
        assertThat(browser.get("/dev/mail").status()).isEqualTo(404);
    }

    @Controller
    @Requires(property = "spec.name", value = "AccessRulesTest")
    static class ProbeController {
        @Get(uri = "/staff/probe", produces = MediaType.TEXT_PLAIN)
        @Secured(SecurityRule.IS_AUTHENTICATED)
        String staff() {
            return "staff only";
        }

        @Get(uri = "/api/v1/test/tools", produces = MediaType.TEXT_PLAIN)
        @Secured(SecurityRule.IS_AUTHENTICATED)
        String toolsApi(@CurrentUser SignedInUser user) {
            VerifiedUsers.require(user);
            return "tools open";
        }

        @Get(uri = "/test/tools", produces = MediaType.TEXT_HTML)
        @Secured(SecurityRule.IS_AUTHENTICATED)
        String toolsPage(@CurrentUser SignedInUser user) {
            VerifiedUsers.require(user);
            return "tools open";
        }
    }
}
