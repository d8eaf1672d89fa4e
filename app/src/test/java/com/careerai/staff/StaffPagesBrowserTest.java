package com.careerai.staff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.WalletFixtures;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The staff pages in a real Chromium at desktop and phone width: the staff home, the students list
 * and search, a student's page, the team, and inviting students from a CSV file (read into the box
 * by the page's script). No console error, no failed sub-request, no sideways scrolling at 375 px;
 * screenshots in {@code target/screenshots/staff/}.
 */
@MicronautTest(transactional = false)
class StaffPagesBrowserTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    TestSessions sessions;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.session.secure-cookie", "false");
    }

    @Test
    void staffFindStudentsManageTheTeamAndInviteFromACsvFile() throws Exception {
        University university = fixtures.university();
        User staff = fixtures.staff(university);
        User student = walletFixtures.signedUpStudent(university);
        for (int i = 0; i < 3; i++) {
            walletFixtures.signedUpStudent(university);
        }
        fixtures.staff(university);
        String host = hostOf(university.subdomain());
        String site = "http://" + host + ":" + server.getPort();
        Files.createDirectories(Path.of("target", "screenshots", "staff"));

        try (Chromium chromium = Chromium.launchOrSkip()) {
            for (int width : new int[] {1280, 375}) {
                String size = width == 375 ? "375" : "desktop";
                Page page = chromium.newPage(width, 900);
                page.context()
                        .addCookies(List.of(new Cookie(
                                        "careerai_session",
                                        sessions.signIn(staff).token())
                                .setDomain(host)
                                .setPath("/")));
                List<String> problems = new ArrayList<>();
                page.onConsoleMessage(message -> {
                    if (message.type().equals("error")) {
                        problems.add("console: " + message.text());
                    }
                });
                page.onResponse(response -> {
                    if (response.status() >= 400) {
                        problems.add(response.status() + " " + response.url());
                    }
                });

                look(page, site + "/staff", "staff/home-" + size, width);
                assertThat(page.locator("[data-figure=students]")).containsText("4 students");
                assertThat(page.locator("[data-shortcut]")).hasCount(8);
                page.keyboard().press("Tab");
                assertThat(page.locator(".skip-link")).isFocused();

                look(page, site + "/staff/students", "staff/students-" + size, width);
                assertThat(page.locator("[data-summary]")).hasText("4 students");
                page.fill("#q", student.email());
                page.click("form.student-search button[type=submit]");
                assertThat(page.locator("[data-summary]")).hasText("1 student");
                page.click("[data-student] a");
                assertThat(page.locator("h1")).containsText(student.name());
                look(page, page.url(), "staff/student-" + size, width);
                assertThat(page.locator("[data-balance=silver]")).hasText("20");

                look(page, site + "/staff/team", "staff/team-" + size, width);
                assertThat(page.locator("[data-summary]")).containsText("2 active staff members");

                if (width == 1280) {
                    look(page, site + "/staff/students/invite", "staff/invite-" + size, width);
                    String domain = university.allowedDomains().get(0);
                    page.setInputFiles(
                            "[data-csv-file]",
                            new FilePayload(
                                    "students.csv",
                                    "text/csv",
                                    ("email,name\nada@" + domain + ",Ada\ngrace@" + domain + ",Grace\n")
                                            .getBytes(StandardCharsets.UTF_8)));
                    assertThat(page.locator("[data-csv-status]")).containsText("3 rows");
                    assertThat(page.locator("#addresses")).hasValue(java.util.regex.Pattern.compile("ada@"));
                    page.click("form[data-invite-students] button[type=submit]");
                    assertThat(page.locator("[data-notice]")).hasText("2 invitations sent.");
                    Chromium.screenshot(page, "staff/invited-" + size);
                }
                assertThat(problems)
                        .as("console errors and failed requests at " + size)
                        .isEmpty();
                page.context().close();
            }
        }
    }

    private static void look(Page page, String url, String name, int width) {
        if (!page.url().equals(url)) {
            page.navigate(url);
        }
        assertThat(page.locator("h1")).hasCount(1);
        assertThat(page.title()).endsWith("· CareerAI");
        Chromium.screenshot(page, name);
        if (width == 375) {
            assertThat(Chromium.scrollWidth(page))
                    .as(name + ": no sideways scrolling")
                    .isLessThanOrEqualTo(375);
        }
    }
}
