package com.careerai.auth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo as a person does it, in a real Chromium at phone width: a new student asks for a code,
 * reads it in the dev mailbox, signs in, sees their name in the header and signs out.
 */
@MicronautTest(transactional = false, environments = "dev")
class SignInBrowserTest extends IntegrationTest {
    private static final Pattern CODE = Pattern.compile("([0-9]{6}) is your");

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.roles", "web,worker");
    }

    @Test
    void newStudentSignsInWithACodeFromTheDevMailboxAndSignsOut() {
        Path chromium = Chromium.requireExecutable();
        University university = fixtures.university();
        String site = "http://" + hostOf(university.subdomain()) + ":" + server.getPort();
        String email = "new.student@" + university.allowedDomains().get(0);

        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(chromium)
                                .setArgs(List.of("--host-resolver-rules=MAP * 127.0.0.1", "--no-sandbox")));
                BrowserContext context =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740))) {
            Page page = context.newPage();
            page.navigate(site + "/signin");
            assertThat(page.locator("h1")).hasText("Sign in");
            assertThat(page.locator(".signin-kicker")).containsText(university.name());
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                    .as("no sideways scrolling at 375 px")
                    .isLessThanOrEqualTo(375);

            page.locator("#email").fill(email);
            page.getByText("Email me a code").click();
            assertThat(page.locator("h1")).hasText("Check your email");

            Page mailbox = context.newPage();
            String code = await().atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> {
                                mailbox.navigate(site + "/dev/mail");
                                Matcher matcher = CODE.matcher(mailbox.content());
                                return matcher.find() ? matcher.group(1) : null;
                            },
                            found -> found != null);

            page.bringToFront();
            page.locator("#code").fill(code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            page.waitForURL(site + "/");
            assertThat(page.locator(".user-name")).hasText("new.student");

            page.getByText("Sign out").click();
            page.waitForURL(site + "/");
            assertThat(page.locator(".user-name")).hasCount(0);
            assertThat(page.locator("a.button.small")).hasText("Sign in");
        }
    }
}
