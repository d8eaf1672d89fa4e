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
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Run history in a real Chromium: titles, filtering by tool and status, search, "Try again"
 * pre-filled with the run's input, and delete (after confirming), at desktop width and at 375 px,
 * without console errors. Screenshots go to {@code target/screenshots/runs/}.
 */
@MicronautTest(transactional = false)
class RunHistoryBrowserTest extends IntegrationTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "runs");

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

    @Inject
    RunFailures failures;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.ai.mode", "mock", "careerai.session.secure-cookie", "false");
    }

    private static void shoot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Test
    void studentFiltersSearchesTriesAgainAndDeletesRuns() throws Exception {
        Path chromium = Chromium.requireExecutable();
        University university = fixtures.university();
        User student = fixtures.verifiedStudent(university);
        fixtures.run(university, () -> {
            wallets.grant(university.id(), student.id(), Currency.SILVER, 40, "rb:s:" + student.id(), "test", "setup");
            wallets.grant(university.id(), student.id(), Currency.GOLD, 10, "rb:g:" + student.id(), "test", "setup");
        });
        SignedIn session = sessions.signIn(student);
        SignedInUser signedIn = SignedInUser.of(student);
        String[] ids = new String[2];
        fixtures.run(university, () -> {
            for (String tool : List.of("job-pack", "cv-analysis", "skill-mapper")) {
                AiRun run =
                        runs.start(signedIn, tool, tool.equals("job-pack") ? "silver" : "", ToolSamples.input(tool));
                executor.execute(university.id(), run.id());
                if (tool.equals("cv-analysis")) {
                    ids[0] = run.id().toString();
                }
            }
            AiRun broken = runs.start(signedIn, "cv-analysis", "", ToolSamples.input("cv-analysis"));
            failures.failAndRefund(
                    university.id(), broken.id(), "The AI service did not answer. Your credits are back.");
            ids[1] = broken.id().toString();
        });

        String host = hostOf(university.subdomain());
        String site = "http://" + host + ":" + server.getPort();
        List<String> consoleErrors = new ArrayList<>();
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(chromium)
                                .setArgs(List.of("--host-resolver-rules=MAP * 127.0.0.1", "--no-sandbox")))) {
            for (int width : new int[] {1280, 375}) {
                try (BrowserContext context =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                    context.addCookies(List.of(new Cookie("careerai_session", session.token())
                            .setDomain(host)
                            .setPath("/")));
                    Page page = context.newPage();
                    page.onConsoleMessage(message -> {
                        // failed sub-requests are checked by status below (the favicon is not this feature's)
                        if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
                            consoleErrors.add(width + " px " + page.url() + ": " + message.text());
                        }
                    });
                    page.onResponse(response -> {
                        if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                            consoleErrors.add(width + " px " + response.status() + " " + response.url());
                        }
                    });
                    page.navigate(site + "/runs");
                    assertThat(page.locator(".runs-table tbody tr")).hasCount(width == 1280 ? 4 : 3);
                    assertThat(page.locator(".runs-table")).containsText("CV Analysis — Data Analyst");
                    shoot(page, width + "-runs");
                    assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                            .as("no sideways scrolling")
                            .isLessThanOrEqualTo(width);

                    // filter by tool, then by status
                    page.selectOption("#tool", "cv-analysis");
                    page.locator(".runs-filter button[type=submit]").click();
                    assertThat(page.locator(".runs-table tbody tr")).hasCount(2);
                    page.selectOption("#status", "FAILED");
                    page.locator(".runs-filter button[type=submit]").click();
                    assertThat(page.locator(".runs-table tbody tr")).hasCount(1);
                    assertThat(page.locator(".runs-table")).containsText("Failed · refunded");
                    shoot(page, width + "-runs-filtered");

                    // "Try again" on the failed run: the form comes back with its input
                    page.locator(".runs-table a", new Page.LocatorOptions().setHasText("Try again"))
                            .first()
                            .click();
                    assertThat(page.locator("#targetRole")).hasValue("Data Analyst");
                    assertThat(page.locator("#resume")).hasValue(Pattern.compile("Tutored first-year statistics"));
                    shoot(page, width + "-try-again");

                    // the result page shows what code found beside the model's output
                    page.navigate(site + "/runs/" + ids[0]);
                    assertThat(page.locator(".analysis")).containsText("Checked by code");
                    assertThat(page.locator("h1")).hasText("CV Analysis — Data Analyst");
                    shoot(page, width + "-result-with-analysis");

                    if (width == 1280) {
                        // search, then delete the Job Pack after confirming
                        page.navigate(site + "/runs");
                        page.fill("#q", "Acme");
                        page.locator(".runs-filter button[type=submit]").click();
                        assertThat(page.locator(".runs-table tbody tr")).hasCount(1);
                        page.onceDialog(dialog -> dialog.accept());
                        page.locator(".runs-table button", new Page.LocatorOptions().setHasText("Delete"))
                                .click();
                        assertThat(page.locator(".flash.success")).containsText("Run deleted");
                        assertThat(page.locator(".runs-table")).not().containsText("Acme Analytics");
                        shoot(page, width + "-runs-after-delete");
                    }
                }
            }
        }
        assertThat(consoleErrors).isEmpty();
        assertThat(count("SELECT count(*) FROM ai_runs WHERE university_id = ? AND tool = 'job-pack'", university.id()))
                .isZero();
    }
}
