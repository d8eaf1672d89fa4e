package com.careerai.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.FakeTwilioServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.careerai.testing.TestSessions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's "done when" in Chromium: an anonymous visitor sends the inquiry form on the
 * university's page, the email arrives and the staff board shows the lead with its three
 * communications; a student opens a ticket, staff reply, the student sees the reply and rates it.
 * Screenshots at desktop and phone width in {@code target/screenshots/leads-*.png}.
 */
@MicronautTest(transactional = false)
class LeadsAndSupportJourneyBrowserTest extends IntegrationTest {
    final FakeTwilioServer twilio = new FakeTwilioServer();
    final TestMailServer mail = TestMailServer.start();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    Chromium chromium;
    final List<String> consoleErrors = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.putAll(twilio.properties());
        properties.put("careerai.session.secure-cookie", "false");
        return properties;
    }

    @BeforeAll
    void launch() {
        chromium = Chromium.launchOrSkip();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
        twilio.close();
        mail.close();
    }

    private Page page(User user, String host, int width) {
        Page page = chromium.newPage(width, 900);
        if (user != null) {
            page.context()
                    .addCookies(List.of(
                            new Cookie("careerai_session", sessions.signIn(user).token())
                                    .setDomain(host)
                                    .setPath("/")));
        }
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                consoleErrors.add(page.url() + ": " + message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                consoleErrors.add(response.url() + " answered " + response.status());
            }
        });
        return page;
    }

    @Test
    void aVisitorsInquiryIsFollowedUpAndAStudentsTicketIsAnsweredAndRated() {
        University uni = fixtures.university();
        User staff = fixtures.staff(uni);
        User student = fixtures.verifiedStudent(uni);
        String host = hostOf(uni.subdomain());
        String site = "http://" + host + ":" + server.getPort();

        // an anonymous visitor sends the inquiry form
        Page visitor = page(null, host, 1280);
        visitor.navigate(site + "/contact");
        visitor.getByLabel("Your name", EXACT).fill("Rosalind Franklin");
        visitor.getByLabel("Email", EXACT).fill("rosalind@example.com");
        visitor.getByLabel("Phone (WhatsApp)", EXACT).fill("+44 7911 123456");
        visitor.getByLabel("What are you interested in?", EXACT).fill("Biotech careers");
        visitor.getByLabel("Message (optional)", EXACT).fill("Do you run sessions on lab careers?");
        visitor.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("You may contact me"))
                .check();
        Chromium.screenshot(visitor, "leads-01-contact-form");
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my question"))
                .click();
        visitor.waitForURL(url -> url.endsWith("/contact?sent=1"));
        assertThat(visitor.content()).contains("we have your question");
        Chromium.screenshot(visitor, "leads-02-thank-you");

        // the email arrives; WhatsApp and the call reach Twilio
        assertThat(TestMailServer.text(mail.awaitNext("rosalind@example.com"))).contains("Biotech careers");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> twilio.to("+447911123456").size() == 2);

        // staff see the lead with its three communications
        Page board = page(staff, host, 1280);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    board.navigate(site + "/staff/leads");
                    board.getByText("Rosalind Franklin").click();
                    return board.locator("table.lead-log tbody tr").count() == 3
                            && !board.content().contains(">ATTEMPTED<");
                });
        assertThat(board.locator("table.lead-log").textContent())
                .contains("Email")
                .contains("WhatsApp")
                .contains("Voice call");
        Chromium.screenshot(board, "leads-03-staff-lead-with-log");
        board.navigate(site + "/staff/leads");
        assertThat(board.locator("[data-status=NEW]").textContent()).contains("Rosalind Franklin");
        Chromium.screenshot(board, "leads-04-staff-board");

        // a student opens a ticket
        Page studentPage = page(student, host, 1280);
        studentPage.navigate(site + "/support");
        studentPage.getByLabel("Subject", EXACT).fill("Mock interview feedback");
        studentPage.getByLabel("Category", EXACT).selectOption("counselling");
        studentPage.getByLabel("Message", EXACT).fill("Where can I find the notes from my mock interview?");
        studentPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open ticket"))
                .click();
        studentPage.waitForURL(url -> url.matches(".*/support/\\d+$"));
        String ticketUrl = studentPage.url();
        Chromium.screenshot(studentPage, "leads-05-student-ticket");

        // staff reply from the queue
        Page queue = page(staff, host, 1280);
        queue.navigate(site + "/staff/support");
        Chromium.screenshot(queue, "leads-06-staff-queue");
        queue.getByText("Mock interview feedback").click();
        queue.getByLabel("Reply or note", EXACT).fill("They are under Appointments, on the session's page.");
        queue.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reply to the student"))
                .click();
        queue.waitForLoadState();
        queue.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close ticket"))
                .click();
        queue.waitForLoadState();
        Chromium.screenshot(queue, "leads-07-staff-ticket");

        // the student sees the reply and rates it
        studentPage.navigate(ticketUrl);
        assertThat(studentPage.content()).contains("They are under Appointments");
        studentPage.getByLabel("4", EXACT).check();
        studentPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rate"))
                .click();
        studentPage.waitForURL(url -> url.contains("rated=1"));
        assertThat(studentPage.content()).contains("You rated this help 4 out of 5");
        Chromium.screenshot(studentPage, "leads-08-student-rated");

        // phone width
        Page phoneVisitor = page(null, host, 375);
        phoneVisitor.navigate(site + "/contact");
        assertThat(Chromium.scrollWidth(phoneVisitor)).isLessThanOrEqualTo(375);
        Chromium.screenshot(phoneVisitor, "leads-09-phone-contact");
        Page phoneStaff = page(staff, host, 375);
        for (String path : List.of("/staff/leads", "/staff/support")) {
            phoneStaff.navigate(site + path);
            assertThat(Chromium.scrollWidth(phoneStaff)).as(path).isLessThanOrEqualTo(375);
            Chromium.screenshot(phoneStaff, "leads-10-phone" + path.replace('/', '-'));
        }
        Page phoneStudent = page(student, host, 375);
        phoneStudent.navigate(ticketUrl);
        assertThat(Chromium.scrollWidth(phoneStudent)).isLessThanOrEqualTo(375);
        Chromium.screenshot(phoneStudent, "leads-11-phone-ticket");
        assertThat(consoleErrors).isEmpty();
    }
}
