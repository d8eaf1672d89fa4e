package com.careerai.ai;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tool pages in a real Chromium at phone width (375 px): every form and every result fits
 * without sideways scrolling, the PDF upload fills the resume box through the page script (with
 * the CSRF header from the page's meta tag), and copy buttons copy. Screenshots of each page are
 * left in {@code target/screenshots/tools/} for people to look at.
 */
@MicronautTest(transactional = false)
class ToolPagesBrowserTest extends IntegrationTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "tools");

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Wallets wallets;

    @Inject
    RunService runs;

    @Inject
    RunExecutor executor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.ai.mode", "mock", "careerai.session.secure-cookie", "false");
    }

    private static int pageWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    private static void look(Page page, String url, String name) throws Exception {
        page.navigate(url);
        assertThat(page.locator("h1")).hasCount(1);
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
        assertThat(pageWidth(page))
                .as(name + ": no sideways scrolling at 375 px")
                .isLessThanOrEqualTo(375);
    }

    @Test
    void everyToolPageFitsAPhoneAndItsScriptsWork() throws Exception {
        Path chromium = Chromium.requireExecutable();
        University university = fixtures.university();
        User student = fixtures.verifiedStudent(university);
        fixtures.run(
                university,
                () -> wallets.grant(
                        university.id(), student.id(), Currency.SILVER, 40, "b:s:" + student.id(), "test", "setup"));
        fixtures.run(
                university,
                () -> wallets.grant(
                        university.id(), student.id(), Currency.GOLD, 10, "b:g:" + student.id(), "test", "setup"));
        SignedIn session = sessions.signIn(student);
        SignedInUser signedIn = SignedInUser.of(student);

        // two CV analyses so the second shows its history; one run of every other tool
        Map<String, String> results = new LinkedHashMap<>();
        // started and worked bound to the university, as the request and the job are
        fixtures.run(university, () -> {
            for (String tool : ToolSamples.ALL_TOOLS) {
                AiRun run =
                        runs.start(signedIn, tool, tool.equals("job-pack") ? "silver" : "", ToolSamples.input(tool));
                executor.execute(university.id(), run.id());
                results.put(tool, run.id().toString());
            }
            AiRun again = runs.start(
                    signedIn,
                    "cv-analysis",
                    "",
                    ToolSamples.input("cv-analysis").put("resume", ToolSamples.RESUME.repeat(20)));
            executor.execute(university.id(), again.id());
            results.put("cv-analysis-second", again.id().toString());
        });

        String host = hostOf(university.subdomain());
        String site = "http://" + host + ":" + server.getPort();
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(chromium)
                                .setArgs(List.of("--host-resolver-rules=MAP * 127.0.0.1", "--no-sandbox")));
                BrowserContext context =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740))) {
            context.addCookies(List.of(new Cookie("careerai_session", session.token())
                    .setDomain(host)
                    .setPath("/")));
            Page page = context.newPage();

            look(page, site + "/tools", "tools");
            assertThat(page.locator(".tool-card")).hasCount(6);
            for (String tool : ToolSamples.ALL_TOOLS) {
                look(page, site + "/tools/" + tool, "form-" + tool);
            }
            for (Map.Entry<String, String> result : results.entrySet()) {
                look(page, site + "/runs/" + result.getValue(), "result-" + result.getKey());
            }
            look(page, site + "/runs", "runs");

            // the page script sends the PDF with the page's CSRF token and puts its text in the box
            page.navigate(site + "/tools/skill-mapper");
            page.locator("#resumeFile")
                    .setInputFiles(new FilePayload(
                            "cv.pdf", "application/pdf", ResumeUploadTest.pdf(ResumeUploadTest.RESUME_LINES, false)));
            assertThat(page.locator("#resume")).hasValue(java.util.regex.Pattern.compile("Tutored first-year"));
            assertThat(page.locator("[data-upload-status]")).containsText("Text added below");
            page.locator("#resumeFile").setInputFiles(new FilePayload("cv.txt", "text/plain", "plain text".getBytes()));
            assertThat(page.locator("[data-upload-status]")).containsText("Please upload your resume as a PDF");

            // copy buttons on the messages
            page.navigate(site + "/runs/" + results.get("referral-trainer"));
            page.locator("[data-copy]").first().click();
            assertThat(page.locator("[data-copy]").first()).hasText("Copied ✓");

            // desktop screenshots of the busiest pages, for people only
            try (BrowserContext desktop =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                desktop.addCookies(List.of(new Cookie("careerai_session", session.token())
                        .setDomain(host)
                        .setPath("/")));
                Page wide = desktop.newPage();
                for (String name : List.of("skill-mapper", "cv-analysis-second", "referral-trainer")) {
                    wide.navigate(site + "/runs/" + results.get(name));
                    wide.screenshot(new Page.ScreenshotOptions()
                            .setPath(SCREENSHOTS.resolve("desktop-" + name + ".png"))
                            .setFullPage(true));
                }
                wide.navigate(site + "/tools/job-pack");
                wide.screenshot(new Page.ScreenshotOptions()
                        .setPath(SCREENSHOTS.resolve("desktop-form-job-pack.png"))
                        .setFullPage(true));
            }
        }
    }
}
