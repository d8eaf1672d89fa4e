package com.careerai.auth.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.Invitations;
import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.auth.UserSignedUp;
import com.careerai.notifications.Mail;
import com.careerai.notifications.MailDelivery;
import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole email-code sign-in, with the code read from a real SMTP server, sent by a real worker. */
@MicronautTest(transactional = false)
class OtpSignInFlowTest extends IntegrationTest {
    private final TestMailServer mailServer = TestMailServer.start();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    UserAccounts users;

    @Inject
    Invitations invitations;

    @Inject
    Mail mail;

    @Inject
    SignUps signUps;

    @Inject
    com.careerai.testing.TestSessions sessions;

    University university;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mailServer.properties());
        properties.put("careerai.roles", "web,worker");
        properties.put("spec.name", "OtpSignInFlowTest");
        return properties;
    }

    @BeforeAll
    void university() {
        university = fixtures.university();
    }

    @AfterAll
    void stopMail() {
        mailServer.close();
    }

    private Browser browser() {
        return new Browser(server.getURL(), hostOf(university.subdomain()));
    }

    @Test
    void newStudentSignsInWithTheEmailedCodeSeesTheirNameAndSignsOut() throws Exception {
        String email = "ada.lovelace@" + university.allowedDomains().get(0);
        try (Browser browser = browser()) {
            Browser.Response page = browser.get("/signin");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains(university.name()).contains("Email me a code");

            Browser.Response sent = browser.postForm(
                    "/signin",
                    Map.of(
                            "email",
                            " Ada.Lovelace@" + university.allowedDomains().get(0),
                            "csrf",
                            page.csrf()));
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.body()).contains("We sent a 6-digit code to <strong>" + email + "</strong>");

            MimeMessage message = mailServer.awaitNext(email);
            assertThat(message.getSubject()).contains(university.name());
            String text = TestMailServer.text(message);
            assertThat(text).contains(university.name()).contains("10 minutes");
            assertThat(TestMailServer.html(message)).contains(university.name()).contains(university.brandColor());
            String code = text.replaceAll("(?s).*?\\b([0-9]{6})\\b.*", "$1");

            Browser.Response signedIn = browser.postForm(
                    "/signin/verify",
                    Map.of("email", email, "code", code, "next", "/api/v1/university", "csrf", sent.csrf()));
            assertThat(signedIn.status()).isEqualTo(303);
            assertThat(signedIn.location()).isEqualTo("/api/v1/university");
            assertThat(signedIn.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("__Host-careerai_session=")
                    .contains("HTTPOnly")
                    .contains("Secure")
                    .containsIgnoringCase("SameSite=Lax")
                    .contains("Path=/")
                    .doesNotContainIgnoringCase("Domain="));

            User user = fixtures.in(university, () -> users.findByEmail(university.id(), email))
                    .orElseThrow();
            assertThat(user.emailVerified()).isTrue();
            assertThat(user.role()).isEqualTo(Role.STUDENT);
            assertThat(user.lastSignInAt()).isNotNull();
            assertThat(signUps.events).contains(new UserSignedUp(university.id(), user.id(), Role.STUDENT));

            Browser.Response home = browser.get("/");
            assertThat(home.body())
                    .contains("class=\"user-name\">ada.lovelace<")
                    .contains("Sign out");
            assertThat(browser.get("/api/v1/me").body()).contains("\"email\":\"" + email + "\"");

            Browser.Response signedOut = browser.postForm("/signout", Map.of("csrf", home.csrf()));
            assertThat(signedOut.status()).isEqualTo(303);
            assertThat(signedOut.location()).isEqualTo("/");
            assertThat(browser.get("/").body()).doesNotContain("user-name").contains("Sign in");
        }
    }

    /** Signs in through the page with an emailed code, the browser holding {@code csrf}'s session or none. */
    private Browser.Response signInByCode(Browser browser, String email, String csrf, String next) {
        browser.postForm("/signin", Map.of("email", email, "csrf", csrf));
        String code = mailServer.awaitCode(email);
        return browser.postForm("/signin/verify", Map.of("email", email, "code", code, "next", next, "csrf", csrf));
    }

    private int meStatus(com.careerai.testing.TestSessions.SignedIn session) {
        try (Browser api = browser()) {
            return api.get("/api/v1/me", "Authorization", session.bearer()).status();
        }
    }

    @Test
    void aNextThatIsNoAddressGoesHomeAfterTheCodeInsteadOfFailing() {
        String email = "wanderer@" + university.allowedDomains().get(0);
        try (Browser browser = browser()) {
            Browser.Response page = browser.get("/signin?next=/%25zz");
            assertThat(page.status()).isEqualTo(200);
            Browser.Response signedIn = signInByCode(browser, email, page.csrf(), "/%zz");
            assertThat(signedIn.status()).isEqualTo(303);
            assertThat(signedIn.location()).isEqualTo("/");
            assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);
        }
    }

    @Test
    void signingInReplacesTheSessionTheBrowserCameWithAndSigningOutEndsEveryOther() {
        User user = fixtures.student(university);
        com.careerai.testing.TestSessions.SignedIn planted = sessions.signIn(user);
        com.careerai.testing.TestSessions.SignedIn elsewhere = sessions.signIn(user);
        try (Browser browser = browser()) {
            String[] cookie = planted.cookie().split("=", 2);
            browser.setCookie(cookie[0], cookie[1]);
            Browser.Response signedIn = signInByCode(browser, user.email(), planted.csrf(), "/");
            assertThat(signedIn.status()).isEqualTo(303);
            assertThat(browser.cookies().get(cookie[0])).isNotBlank().isNotEqualTo(cookie[1]);
            assertThat(meStatus(planted))
                    .as("the session the browser came with")
                    .isEqualTo(401);
            assertThat(meStatus(elsewhere)).as("another device, until sign-out").isEqualTo(200);

            Browser.Response home = browser.get("/");
            assertThat(browser.postForm("/signout", Map.of("csrf", home.csrf())).status())
                    .isEqualTo(303);
            assertThat(meStatus(elsewhere))
                    .as("signing out ends every session of the user")
                    .isEqualTo(401);
        }
    }

    @Test
    void aRoleChangeAtSignInEndsTheSessionsOpenedUnderTheOldRole() throws Exception {
        User student = fixtures.student(university);
        com.careerai.testing.TestSessions.SignedIn asStudent = sessions.signIn(student);
        fixtures.run(
                university, () -> invitations.invite(university.id(), student.email(), Role.STAFF, "operator:test"));
        mailServer.awaitNext(student.email());
        try (Browser browser = browser()) {
            Browser.Response page = browser.get("/signin");
            assertThat(signInByCode(browser, student.email(), page.csrf(), "/").status())
                    .isEqualTo(303);
            assertThat(browser.get("/api/v1/me").body()).contains("\"role\":\"STAFF\"");
        }
        assertThat(meStatus(asStudent)).isEqualTo(401);
    }

    @Test
    void signingOutRevokesTheSessionEvenForACopiedCookie() {
        String email = "copier@" + university.allowedDomains().get(0);
        try (Browser browser = browser()) {
            Browser.Response page = browser.get("/signin");
            browser.postForm("/signin", Map.of("email", email, "csrf", page.csrf()));
            String code = mailServer.awaitCode(email);
            browser.postForm("/signin/verify", Map.of("email", email, "code", code, "csrf", page.csrf()));
            Map<String, String> stolen = Map.copyOf(browser.cookies());

            Browser.Response home = browser.get("/");
            browser.postForm("/signout", Map.of("csrf", home.csrf()));

            try (Browser thief = browser()) {
                stolen.forEach(thief::setCookie);
                assertThat(thief.get("/api/v1/me").status()).isEqualTo(401);
            }
        }
    }

    @Test
    void apiClientSignsInWithCodeAndUsesTheBearerTokenUntilItSignsOut() {
        String email = "api.client@" + university.allowedDomains().get(0);
        try (Browser api = browser()) {
            Browser.Response requested = api.postJson("/api/v1/auth/otp/request", "{\"email\":\"" + email + "\"}");
            assertThat(requested.status()).isEqualTo(202);
            assertThat(requested.body()).contains("\"status\":\"code_sent\"").contains("\"expiresInSeconds\":600");

            String code = mailServer.awaitCode(email);
            api.cookies().clear();
            Browser.Response verified =
                    api.postJson("/api/v1/auth/otp/verify", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}");
            assertThat(verified.status()).isEqualTo(200);
            assertThat(verified.body()).contains("\"tokenType\":\"Bearer\"").contains("\"email\":\"" + email + "\"");
            String token = verified.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
            api.cookies().clear();

            String bearer = "Bearer " + token;
            assertThat(api.get("/api/v1/me", "Authorization", bearer).status()).isEqualTo(200);
            assertThat(api.postJson("/api/v1/auth/signout", "{}", "Authorization", bearer)
                            .status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v1/me", "Authorization", bearer).status()).isEqualTo(401);
        }
    }

    @Test
    void invitedCounsellorGetsTheInvitationEmailAndSignsInWithAnyAddressAsCounsellor() throws Exception {
        String email = "casey.coach@gmail.com";
        fixtures.run(university, () -> invitations.invite(university.id(), email, Role.COUNSELLOR, "operator:test"));

        MimeMessage invitation = mailServer.awaitNext(email);
        assertThat(invitation.getSubject())
                .isEqualTo("You're invited to " + university.name() + " on CareerAI as counsellor");
        assertThat(TestMailServer.text(invitation))
                .contains("http://" + university.subdomain() + ".careerai.test/signin")
                .contains("as a counsellor");

        try (Browser browser = browser()) {
            Browser.Response page = browser.get("/signin");
            assertThat(browser.postForm("/signin", Map.of("email", email, "csrf", page.csrf()))
                            .status())
                    .isEqualTo(200);
            String code = mailServer.awaitCode(email);
            assertThat(browser.postForm("/signin/verify", Map.of("email", email, "code", code, "csrf", page.csrf()))
                            .status())
                    .isEqualTo(303);
        }
        User counsellor = fixtures.in(university, () -> users.findByEmail(university.id(), email))
                .orElseThrow();
        assertThat(counsellor.role()).isEqualTo(Role.COUNSELLOR);
        assertThat(fixtures.in(university, () -> invitations.pendingFor(university.id(), email)))
                .isEmpty();
        assertThat(signUps.events).contains(new UserSignedUp(university.id(), counsellor.id(), Role.COUNSELLOR));
    }

    @Test
    void everyEmailLeavesASentDeliveryRow() {
        String email = "row.check@" + university.allowedDomains().get(0);
        try (Browser api = browser()) {
            api.postJson("/api/v1/auth/otp/request", "{\"email\":\"" + email + "\"}");
        }
        mailServer.awaitNext(email);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<MailDelivery> deliveries = fixtures.in(university, () -> mail.sentTo(university.id(), email));
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).status()).isEqualTo(MailDelivery.Status.SENT);
            assertThat(deliveries.get(0).template()).isEqualTo("SIGN_IN_CODE");
        });
    }

    /** Records {@link UserSignedUp} events as the wallet feature would receive them. */
    @Singleton
    @Requires(property = "spec.name", value = "OtpSignInFlowTest")
    static class SignUps {
        final List<UserSignedUp> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(UserSignedUp event) {
            events.add(event);
        }
    }
}
