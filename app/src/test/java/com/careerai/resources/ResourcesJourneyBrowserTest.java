package com.careerai.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's journey in Chromium: a counsellor shares a PDF for "Software", staff approve it, and
 * a student interested in Software finds it recommended on their home page and downloads it.
 * Screenshots at desktop and phone width in {@code target/screenshots/resources-*.png}.
 */
@MicronautTest(transactional = false)
class ResourcesJourneyBrowserTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    UserAccounts users;

    @Inject
    Interests interests;

    Chromium chromium;
    final List<String> consoleErrors = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.session.secure-cookie", "false");
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
    }

    private Page as(User user, String host, int width) {
        Page page = chromium.newPage(width, 900);
        page.context()
                .addCookies(List.of(
                        new Cookie("careerai_session", sessions.signIn(user).token())
                                .setDomain(host)
                                .setPath("/")));
        // failed loads are checked by status below (the browser's own /favicon.ico probe is no page error)
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
    void aCounsellorSharesStaffApproveAndAStudentFindsItRecommendedAndDownloadsIt() throws Exception {
        University uni = fixtures.university();
        Interest software = fixtures.in(uni, () -> interests.add(uni.id(), "Software", "test"));
        fixtures.run(uni, () -> interests.add(uni.id(), "Finance", "test"));
        User coach = fixtures.in(
                uni, () -> users.ensure(uni.id(), "coach@" + uni.subdomain() + ".edu", "Casey Coach", Role.COUNSELLOR));
        User staff = fixtures.staff(uni);
        User student = fixtures.student(uni);
        fixtures.run(uni, () -> interests.choose(uni.id(), student.id(), List.of(software.id())));
        String host = hostOf(uni.subdomain());
        String site = "http://" + host + ":" + server.getPort();
        Path pdf = Files.createTempFile("guide", ".pdf");
        Files.write(pdf, ResourceSamples.pdf());

        // the counsellor shares a PDF for Software
        Page counsellor = as(coach, host, 1280);
        counsellor.navigate(site + "/resources/new");
        counsellor.getByLabel("Title").fill("Backend developer interview guide");
        counsellor.getByLabel("Description").fill("Questions asked in backend interviews, with model answers.");
        counsellor.getByLabel("Software").check();
        counsellor.getByLabel("File").setInputFiles(pdf);
        Chromium.screenshot(counsellor, "resources-01-counsellor-shares");
        counsellor
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share"))
                .click();
        counsellor.waitForURL(url -> url.contains("shared=pending"));
        assertThat(counsellor.content()).contains("waiting for staff approval");
        Chromium.screenshot(counsellor, "resources-02-waiting-for-approval");

        // staff approve it
        Page staffPage = as(staff, host, 1280);
        staffPage.navigate(site + "/staff/resources");
        assertThat(staffPage.content()).contains("Backend developer interview guide");
        Chromium.screenshot(staffPage, "resources-03-staff-review");
        staffPage
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Approve"))
                .click();
        // the decision redirects to the address the page is already on: wait for the new page's words
        staffPage.getByText("Nothing is waiting for review.").waitFor();
        staffPage.waitForURL(site + "/staff/resources");
        assertThat(staffPage.content()).contains("Nothing is waiting for review.");

        // the student sees it recommended and downloads it
        Page home = as(student, host, 1280);
        home.navigate(site + "/");
        assertThat(home.locator("[data-panel=resources]").textContent()).contains("Backend developer interview guide");
        Chromium.screenshot(home, "resources-04-student-home-recommended");
        home.getByText("Backend developer interview guide").click();
        home.waitForURL(url -> url.matches(".*/resources/\\d+$"));
        Chromium.screenshot(home, "resources-05-resource");
        Download download =
                home.waitForDownload(() -> home.getByText("Download").click());
        assertThat(download.suggestedFilename()).isEqualTo("backend-developer-interview-guide.pdf");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(ResourceSamples.pdf());

        // the counsellor sees the download counted
        counsellor.navigate(site + "/resources/mine");
        assertThat(counsellor.locator("td.downloads").first().textContent()).isEqualTo("1");
        Chromium.screenshot(counsellor, "resources-06-counsellor-sees-downloads");

        // the same pages at phone width
        Page phone = as(student, host, 375);
        for (String path : List.of("/", "/resources", "/profile")) {
            phone.navigate(site + path);
            assertThat(Chromium.scrollWidth(phone)).as(path + " fits 375 px").isLessThanOrEqualTo(375);
            Chromium.screenshot(phone, "resources-07-phone" + (path.equals("/") ? "-home" : path.replace('/', '-')));
        }
        Page staffPhone = as(staff, host, 375);
        for (String path : List.of("/staff/resources", "/staff/interests", "/resources/new")) {
            staffPhone.navigate(site + path);
            assertThat(Chromium.scrollWidth(staffPhone))
                    .as(path + " fits 375 px")
                    .isLessThanOrEqualTo(375);
            Chromium.screenshot(staffPhone, "resources-08-phone-staff" + path.replace('/', '-'));
        }
        assertThat(consoleErrors).isEmpty();
    }
}
