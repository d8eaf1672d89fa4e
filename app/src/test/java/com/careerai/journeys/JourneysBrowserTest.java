package com.careerai.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Invitations;
import com.careerai.auth.Role;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product as people use it, in a real Chromium: a student from landing page to PDF, a staff
 * member running allowances, and the wall between universities. Screenshots of every page go to
 * {@code target/screenshots/}.
 */
@MicronautTest(transactional = false)
class JourneysBrowserTest extends IntegrationTest {
    private final TestMailServer mail = TestMailServer.start();
    private final com.careerai.testing.FakeStripeServer stripe = new com.careerai.testing.FakeStripeServer();

    @Inject
    @io.micronaut.http.client.annotation.Client("/")
    io.micronaut.http.client.HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    Invitations invitations;

    @Inject
    Wallets wallets;

    University university;
    Chromium chromium;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.put("careerai.roles", "web,worker");
        properties.put("careerai.ai.mode", "mock");
        // plain HTTP to *.careerai.test: a Secure (__Host-) cookie would be dropped by Chromium
        properties.put("careerai.session.secure-cookie", "false");
        properties.put("careerai.billing.secret-key", "sk_test_careerai_fake_key");
        properties.put("careerai.billing.webhook-secret", com.careerai.testing.StripeTestEvents.SECRET);
        properties.put("careerai.billing.api-base", stripe.baseUrl());
        properties.put("careerai.billing.max-network-retries", "0");
        return properties;
    }

    @BeforeAll
    void start() {
        university = fixtures.university("journey");
        chromium = Chromium.launchOrSkip();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        mail.close();
        stripe.close();
    }

    private String site(University of) {
        return "http://" + hostOf(of.subdomain()) + ":" + server.getPort();
    }

    /** Signs in through the real page with the code read from the SMTP server. */
    private void signIn(Page page, University at, String email, String shotPrefix) {
        page.navigate(site(at) + "/signin");
        Chromium.screenshot(page, shotPrefix + "-signin");
        page.locator("#email").fill(email);
        page.getByText("Email me a code").click();
        assertThat(page.locator("h1")).hasText("Check your email");
        Chromium.screenshot(page, shotPrefix + "-check-email");
        page.locator("#code").fill(mail.awaitCode(email));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(site(at) + "/");
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    @Test
    void studentFromLandingPageToJobPackPdfAndWallet() {
        Page page = chromium.newPage(1280, 900);
        page.navigate("http://" + BASE_DOMAIN + ":" + server.getPort() + "/");
        assertThat(page.locator("h1")).containsText("Career services");
        Chromium.screenshot(page, "student-01-landing");

        page.navigate(site(university) + "/");
        Chromium.screenshot(page, "student-02-university-home");
        String email = "ada.lovelace@" + university.allowedDomains().get(0);
        signIn(page, university, email, "student-03");
        assertThat(page.locator(".user-name")).hasText("ada.lovelace");
        assertThat(page.locator(".balance")).containsText("20");
        Chromium.screenshot(page, "student-04-signed-in");

        page.navigate(site(university) + "/tools");
        assertThat(page.locator(".tool-card")).hasCount(6);
        Chromium.screenshot(page, "student-05-tools");

        page.locator(".tool-card", new Page.LocatorOptions().setHasText("Job Pack"))
                .click();
        page.locator("#jobTitle").fill("Graduate Data Analyst");
        page.locator("#company").fill("Acme Analytics");
        page.locator("#jobDescription")
                .fill("We want a graduate data analyst who knows SQL and Python and explains "
                        + "results clearly to clients, building dashboards for our insights team.");
        button(page, "Create my Job Pack").click();
        assertThat(page.locator(".field-error").first()).containsText("This is required.");
        Chromium.screenshot(page, "student-06-job-pack-form-errors");

        page.locator("#resume")
                .fill("Ada Lovelace. BSc Mathematics 2026. Built a Python tool to clean survey data; "
                        + "tutored first-year statistics; led a team project analysing transport data with SQL.");
        button(page, "Create my Job Pack").click();
        page.waitForURL(url -> url.contains("/runs/"));
        Chromium.screenshot(page, "student-07-run-progress");
        assertThat(page.locator("h1")).containsText("Job Pack — Graduate Data Analyst at Acme Analytics");
        // The title shows while the run waits; the result arrives when a JobRunr worker has polled.
        assertThat(page.locator(".badge.warn").first())
                .hasText(
                        "Demo output",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        Chromium.screenshot(page, "student-08-job-pack-result");

        com.microsoft.playwright.Download download =
                page.waitForDownload(() -> page.getByText("Download PDF").click());
        assertThat(download.suggestedFilename()).isEqualTo("job-pack-graduate-data-analyst-acme-analytics.pdf");

        page.navigate(site(university) + "/wallet");
        assertThat(page.locator("body")).containsText("Job Pack");
        assertThat(page.locator(".balance")).containsText("15");
        Chromium.screenshot(page, "student-09-wallet");

        page.navigate(site(university) + "/runs");
        assertThat(page.locator("tbody tr")).hasCount(1);
        Chromium.screenshot(page, "student-10-runs");

        // buy a gold pack: Stripe Checkout (the local stand-in), then Stripe's signed webhook confirms it
        page.navigate(site(university) + "/billing");
        Chromium.screenshot(page, "student-11-billing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy 10 gold credits"))
                .click();
        page.waitForURL(url -> url.contains("/pay/"));
        String sessionId = page.url().substring(page.url().lastIndexOf('/') + 1);
        Map<String, String> metadata = stripe.last("/v1/checkout/sessions").metadata();
        String payload = com.careerai.testing.StripeTestEvents.event(
                "checkout.session.completed",
                com.careerai.testing.StripeTestEvents.checkoutSession(sessionId, "payment", metadata, "paid", 900));
        io.micronaut.http.HttpResponse<String> delivered = http.toBlocking()
                .exchange(
                        io.micronaut.http.HttpRequest.POST("/webhooks/stripe", payload)
                                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE)
                                .header("Host", BASE_DOMAIN)
                                .header("Stripe-Signature", com.careerai.testing.StripeTestEvents.signature(payload)),
                        String.class);
        assertThat(delivered.code()).isEqualTo(200);
        page.navigate(site(university) + "/wallet");
        assertThat(page.locator(".balance")).containsText("13");
        Chromium.screenshot(page, "student-12-wallet-after-gold-pack");
        page.navigate(site(university) + "/billing");
        assertThat(page.locator("body")).containsText("10 gold credits");
        Chromium.screenshot(page, "student-13-billing-history");

        Page phone = chromium.newPage(375, 800);
        signIn(phone, university, "grace.hopper@" + university.allowedDomains().get(0), "student-14-phone");
        for (String path : new String[] {"/", "/tools", "/tools/job-pack", "/wallet", "/runs"}) {
            phone.navigate(site(university) + path);
            assertThat(Chromium.scrollWidth(phone))
                    .as("no sideways scrolling at 375 px on " + path)
                    .isLessThanOrEqualTo(375);
            Chromium.screenshot(phone, "student-15-phone" + path.replace('/', '-'));
        }
    }

    @Test
    void staffChangeAllowancesBulkGrantAndSeeACleanAudit() {
        University university = fixtures.university("staffjourney");
        for (int i = 0; i < 30; i++) {
            fixtures.verifiedStudent(university);
        }
        String email = "dean@partner.org";
        fixtures.run(university, () -> invitations.invite(university.id(), email, Role.STAFF, "test"));
        assertThat(TestMailServer.text(mail.awaitNext(email)))
                .contains(university.name())
                .contains("/signin");
        Page page = chromium.newPage(1280, 900);
        signIn(page, university, email, "staff-01");
        page.navigate(site(university) + "/staff/credits");
        Chromium.screenshot(page, "staff-02-credits");

        page.locator("#defaults-silver").fill("35");
        page.locator("#defaults-gold").fill("4");
        page.locator("#defaults-reason").fill("New academic year");
        button(page, "Change defaults").click();
        assertThat(page.locator("#defaults-silver")).hasValue("35");
        Chromium.screenshot(page, "staff-03-defaults-changed");

        page.locator("#grant-amount").fill("5");
        page.locator("#grant-reason").fill("Careers week");
        button(page, "Grant to every student").click();
        assertThat(page.locator("h1")).containsText("Grant 5 silver to");
        Chromium.screenshot(page, "staff-04a-bulk-grant-confirm");
        button(page, "Yes, grant to every student").click();
        assertThat(page.locator("[data-progress-text]").first())
                .containsText(
                        "Done",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(40_000));
        Chromium.screenshot(page, "staff-04b-bulk-grant-done");

        page.reload();
        assertThat(page.locator("[data-audit]")).hasAttribute("data-audit", "not-run");
        button(page, "Run the audit now").click();
        assertThat(page.locator("[data-audit]")).hasAttribute("data-audit", "clean");
        Chromium.screenshot(page, "staff-05-audit-clean");
        page.navigate(site(university) + "/staff/tools");
        Chromium.screenshot(page, "staff-06-tools");
    }

    @Test
    void studentOfOneUniversitySeesNothingOfAnother() {
        University other = fixtures.university("otherjourney");
        Page student = chromium.newPage(1280, 900);
        signIn(student, university, "eve@" + university.allowedDomains().get(0), "isolation-01");
        Page rival = chromium.newPage(1280, 900);
        signIn(rival, other, "mallory@" + other.allowedDomains().get(0), "isolation-02");

        rival.navigate(site(other) + "/tools/referral-trainer");
        rival.locator("#name").fill("Priya");
        rival.locator("#company").fill("Arup");
        rival.locator("#role").fill("Graduate Engineer");
        button(rival, "Write my messages").click();
        rival.waitForURL(url -> url.contains("/runs/"));
        String runPath = rival.url().substring(rival.url().indexOf("/runs/"));

        student.navigate(site(other) + runPath); // B's run, opened on B's host with A's browser
        assertThat(student.locator("h1")).not().containsText("messages");
        assertThat(student.locator(".user-name")).hasCount(0); // A's cookie means nothing on B
        Chromium.screenshot(student, "isolation-03-other-university-signed-out");

        student.navigate(site(university) + runPath); // the same run id on A's own host
        assertThat(student.locator(".error-code")).hasText("404");
        Chromium.screenshot(student, "isolation-04-run-of-other-university-404");

        String cookie = student.context().cookies().stream()
                .filter(c -> c.name.contains("careerai_session"))
                .findFirst()
                .orElseThrow()
                .value;
        rival.context()
                .addCookies(java.util.List.of(
                        new com.microsoft.playwright.options.Cookie("careerai_session", cookie).setUrl(site(other))));
        rival.navigate(site(other) + "/wallet");
        assertThat(rival.locator(".user-name")).hasCount(0);
        assertThat(rival.locator("h1")).hasText("Sign in");
        Chromium.screenshot(rival, "isolation-05-foreign-cookie-means-signed-out");
    }
}
