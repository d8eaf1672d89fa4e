package com.careerai.profile;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A student fills in the career profile and saves a resume once, then two tools (CV Analysis and
 * Job Pack) offer it chosen and pre-fill the target role; the home page is their dashboard, at
 * desktop and phone width, with no console errors.
 */
@MicronautTest(transactional = false)
class ProfileDashboardBrowserTest extends IntegrationTest {
    private static final String RESUME = "Ada Student — ada@example.edu\nExperience\n"
            + "- Built a sales dashboard in Python that cut weekly reporting from 6 hours to 1\n"
            + "- Led a team of 4 on a churn model for a student society\nEducation: BSc Mathematics\nSkills: Python, SQL";

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Wallets wallets;

    Chromium chromium;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.ai.mode", "mock", "careerai.session.secure-cookie", "false");
    }

    @BeforeAll
    void start() {
        chromium = Chromium.launchOrSkip();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page signedIn(University university, SignedIn session, int width, int height) {
        Page page = chromium.newPage(width, height);
        page.context()
                .addCookies(List.of(new Cookie("careerai_session", session.token())
                        .setDomain(hostOf(university.subdomain()))
                        .setPath("/")));
        return page;
    }

    @Test
    void aSavedResumeServesTwoToolsAndTheDashboardShowsTheRuns() {
        University university = fixtures.university();
        User student = fixtures.verifiedStudent(university);
        fixtures.run(
                university,
                () -> wallets.grant(
                        university.id(), student.id(), Currency.SILVER, 40, "pb:" + student.id(), "test", "setup"));
        SignedIn session = sessions.signIn(student);
        String site = "http://" + hostOf(university.subdomain()) + ":" + server.getPort();
        Page page = signedIn(university, session, 1280, 900);

        page.navigate(site + "/");
        assertThat(page.locator("[data-panel=next-steps]")).containsText("Add your resume");
        Chromium.screenshot(page, "profile-01-dashboard-new-student");

        page.navigate(site + "/profile");
        page.locator("#profile-name").fill("Ada Student");
        page.locator("#targetRoles").fill("Data Analyst\nData Scientist");
        page.locator("#linkedinUrl").fill("https://www.linkedin.com/in/ada-student");
        page.locator("#timeZone").selectOption("Europe/London");
        page.getByText("Save profile").click();
        assertThat(page.locator(".flash.success")).containsText("Your profile is saved.");
        page.locator("#new-resume-name").fill("Main CV");
        page.locator("#resume").fill(RESUME);
        page.getByText("Save resume").click();
        assertThat(page.locator(".flash.success")).containsText("Your resume is saved.");
        assertThat(page.locator(".saved-resume")).containsText("Main CV");
        assertThat(page.locator(".saved-resume")).containsText("Default");
        Chromium.screenshot(page, "profile-02-profile-saved");

        // CV Analysis: target role filled in, the saved resume chosen; the text box left empty
        page.navigate(site + "/tools/cv-analysis");
        assertThat(page.locator("#targetRole")).hasValue("Data Analyst");
        assertThat(page.locator(".resume-picker input[type=radio]").first()).isChecked();
        Chromium.screenshot(page, "profile-03-cv-analysis-prefilled");
        page.getByText("Analyse my CV").click();
        page.waitForURL(Pattern.compile(".*/runs/.*"));

        // Job Pack: job title from the target role, the same resume
        page.navigate(site + "/tools/job-pack");
        assertThat(page.locator("#jobTitle")).hasValue("Data Analyst");
        assertThat(page.locator(".resume-picker input[type=radio]").first()).isChecked();
        page.locator("#company").fill("Acme Analytics");
        page.locator("#jobDescription")
                .fill("We are hiring a graduate data analyst to build dashboards in Python and SQL for our"
                        + " sales team, and to explain the numbers to people who are not analysts.");
        Chromium.screenshot(page, "profile-04-job-pack-prefilled");
        page.getByText("Create my Job Pack").click();
        page.waitForURL(Pattern.compile(".*/runs/.*"));

        assertThat(count(
                        "SELECT count(DISTINCT tool) FROM ai_runs WHERE university_id = ? AND user_id = ?"
                                + " AND input->>'resume' = ?",
                        university.id(),
                        student.id(),
                        RESUME))
                .as("both tools ran on the saved resume's text")
                .isEqualTo(2);

        page.navigate(site + "/");
        assertThat(page.locator("h1")).containsText("Welcome back, Ada Student");
        assertThat(page.locator("[data-panel]").first()).hasAttribute("data-panel", "balances");
        assertThat(page.locator("[data-panel=balances]")).containsText("Silver:");
        assertThat(page.locator("[data-panel=next-steps]")).containsText("Run CV Analysis on your default resume");
        assertThat(page.locator("[data-panel=runs]")).containsText("CV Analysis");
        assertThat(page.locator("[data-panel=runs]")).containsText("Job Pack");
        assertThat(page.locator("[data-panel=appointments]")).isVisible();
        assertThat(page.locator("[data-panel=resources]")).containsText("Pick your interests");
        assertThat(page.locator("[data-panel=notifications]")).isVisible();
        Chromium.screenshot(page, "profile-05-dashboard-desktop");

        Page phone = signedIn(university, session, 375, 800);
        for (String path : List.of("/", "/profile", "/tools/cv-analysis")) {
            phone.navigate(site + path);
            assertThat(Chromium.scrollWidth(phone)).as(path + " fits 375 px").isLessThanOrEqualTo(375);
            Chromium.screenshot(phone, "profile-06-phone" + (path.equals("/") ? "-dashboard" : path.replace('/', '-')));
        }
    }
}
