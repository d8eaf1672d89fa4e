package com.careerai.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Staff write an announcement and send it now (a real JobRunr worker sends it); a student sees the
 * bell count, reads the announcement in {@code /notifications} and marks it read. Screenshots at
 * desktop width and at 375 px are left in {@code target/screenshots/notifications/}.
 */
@MicronautTest(transactional = false)
class NotificationsJourneyBrowserTest extends IntegrationTest {
    private static final String SHOTS = "notifications/";

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.roles", "web,worker", "careerai.session.secure-cookie", "false");
    }

    private Page signedIn(Chromium chromium, User user, String host, int width, List<String> problems) {
        Page page = chromium.newPage(width, width < 500 ? 800 : 900);
        page.context()
                .addCookies(List.of(
                        new Cookie("careerai_session", sessions.signIn(user).token())
                                .setDomain(host)
                                .setPath("/")));
        page.onConsoleMessage(message -> {
            // headless Chromium may ask for a favicon, which the app does not have
            if ("error".equals(message.type())
                    && (message.location() == null || !message.location().contains("favicon"))) {
                problems.add(message.text());
            }
        });
        page.onPageError(error -> problems.add(error));
        return page;
    }

    private static void fitsAPhone(Page page, String name) {
        assertThat(Chromium.scrollWidth(page))
                .as(name + ": no sideways scrolling at 375 px")
                .isLessThanOrEqualTo(375);
    }

    @Test
    void staffAnnounceAndAStudentReadsItFromTheBell() {
        University university = fixtures.university();
        User staff = fixtures.staff(university);
        User student = fixtures.verifiedStudent(university);
        String host = hostOf(university.subdomain());
        String site = "http://" + host + ":" + server.getPort();
        List<String> problems = new ArrayList<>();

        try (Chromium chromium = Chromium.launchOrSkip()) {
            Page desk = signedIn(chromium, staff, host, 1280, problems);
            desk.navigate(site + "/staff/announcements");
            assertThat(desk.locator("h1")).hasText("Announcements");
            assertThat(desk.getByText("No announcements yet")).isVisible();
            Chromium.screenshot(desk, SHOTS + "staff-announcements-desktop");

            desk.getByLabel("Title").fill("Careers fair on Thursday");
            desk.getByLabel("Message")
                    .fill(
                            "Forty employers in the Great Hall, 10:00 to 16:00.\nBring your CV: https://example.edu/fair");
            desk.getByLabel("All students").check();
            desk.getByLabel("Send now").check();
            desk.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Save announcement"))
                    .click();
            assertThat(desk.locator("h1")).hasText("Careers fair on Thursday");
            assertThat(desk.locator(".announcement-body a")).hasAttribute("href", "https://example.edu/fair");

            // a worker picks the job up within its poll interval
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        desk.reload();
                        return "SENT"
                                .equals(desk.locator("#announcement-status").getAttribute("data-status"));
                    });
            assertThat(desk.locator(".figures")).containsText("1");
            Chromium.screenshot(desk, SHOTS + "staff-announcement-sent-desktop");

            Page phoneStaff = signedIn(chromium, staff, host, 375, problems);
            phoneStaff.navigate(desk.url());
            Chromium.screenshot(phoneStaff, SHOTS + "staff-announcement-sent-375");
            fitsAPhone(phoneStaff, "announcement");
            phoneStaff.navigate(site + "/staff/announcements");
            Chromium.screenshot(phoneStaff, SHOTS + "staff-announcements-375");
            fitsAPhone(phoneStaff, "announcements");

            Page studentDesk = signedIn(chromium, student, host, 1280, problems);
            studentDesk.navigate(site + "/");
            assertThat(studentDesk.locator(".bell-count")).hasText("1");
            assertThat(studentDesk.locator("a.bell")).hasAttribute("aria-label", "Notifications, 1 unread");
            studentDesk.locator("a.bell").click();
            assertThat(studentDesk.locator("h1")).hasText("Notifications");
            assertThat(studentDesk.locator(".inbox-item.unread .inbox-title")).hasText("Careers fair on Thursday");
            assertThat(studentDesk.locator(".inbox-body a")).hasAttribute("href", "https://example.edu/fair");
            Chromium.screenshot(studentDesk, SHOTS + "student-inbox-desktop");

            Page phone = signedIn(chromium, student, host, 375, problems);
            phone.navigate(site + "/notifications");
            assertThat(phone.locator(".bell-count")).hasText("1");
            Chromium.screenshot(phone, SHOTS + "student-inbox-375");
            fitsAPhone(phone, "inbox");

            phone.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Mark “Careers fair on Thursday” read"))
                    .click();
            assertThat(phone.locator("#inbox-unread")).hasText("All caught up");
            assertThat(phone.locator(".bell-count")).isEmpty();
            assertThat(phone.locator(".inbox-item.unread")).hasCount(0);
            Chromium.screenshot(phone, SHOTS + "student-inbox-read-375");

            phone.getByText("Email settings").click();
            assertThat(phone.locator("h1")).hasText("Notification settings");
            assertThat(phone.getByLabel("Announcements")).isChecked();
            Chromium.screenshot(phone, SHOTS + "student-preferences-375");
            fitsAPhone(phone, "preferences");

            desk.reload();
            assertThat(desk.locator(".figures")).containsText("Read");
            assertThat(count(
                            "SELECT count(*) FROM notifications WHERE university_id = ? AND read_at IS NOT NULL",
                            university.id()))
                    .isEqualTo(1);
        }
        assertThat(problems).as("console errors").isEmpty();
    }
}
