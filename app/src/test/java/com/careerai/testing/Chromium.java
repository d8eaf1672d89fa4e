package com.careerai.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright for Java (its own browser download skipped). Every host
 * resolves to 127.0.0.1, so {@code http://<uni>.careerai.test:<port>} reaches the test server.
 * Tests are skipped, with a message, only where no Chromium is installed (.ci/run installs it) —
 * and never on CI: with {@code CI=true} a missing Chromium fails the test, so a green build means
 * the browser tests ran.
 */
public final class Chromium implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Optional<Path> executable() {
        return Stream.of(System.getenv("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(candidate -> candidate != null && !candidate.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * The Chromium to drive: skips the calling test when none is installed, but fails it when the
     * environment says it is CI ({@code CI=true}), where a skipped browser test would be a lie.
     */
    public static Path requireExecutable() {
        return requireExecutable(executable(), System.getenv());
    }

    static Path requireExecutable(Optional<Path> executable, Map<String, String> environment) {
        if (executable.isPresent()) {
            return executable.get();
        }
        if ("true".equalsIgnoreCase(environment.getOrDefault("CI", "").trim())) {
            Assertions.fail(
                    "Chromium not found (CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser) and CI=true:"
                            + " browser tests must run on CI (.ci/run installs it)");
        }
        Assumptions.abort("Chromium not installed: browser tests skipped (.ci/run installs it)");
        throw new IllegalStateException("unreachable");
    }

    /** Starts Chromium, or skips the calling test when none is installed (fails instead on CI). */
    public static Chromium launchOrSkip() {
        Path executable = requireExecutable();
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable)
                        .setArgs(List.of(
                                "--host-resolver-rules=MAP * 127.0.0.1",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--no-first-run")));
        return new Chromium(playwright, browser);
    }

    /** Script errors and Content-Security-Policy refusals seen on each page, checked at every screenshot. */
    private static final Map<Page, List<String>> PROBLEMS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * A fresh browser profile (its own cookies) at desktop or phone width. Uncaught script errors
     * and console errors (a CSP refusal is one) are recorded; {@link #screenshot} fails on them.
     * "Failed to load resource" lines are left out: pages under test answer 4xx on purpose.
     */
    public Page newPage(int width, int height) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height))
                .newPage();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        PROBLEMS.put(page, problems);
        page.onPageError(error -> problems.add("script error: " + error));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                problems.add("console error: " + message.text());
            }
        });
        return page;
    }

    /** Fails when the page logged a script error or a console error (e.g. a CSP refusal) so far. */
    public static void assertNoConsoleErrors(Page page) {
        List<String> problems = PROBLEMS.getOrDefault(page, List.of());
        if (!problems.isEmpty()) {
            Assertions.fail("The page " + page.url() + " logged errors: " + problems);
        }
    }

    /**
     * Saves a full-page screenshot as {@code target/screenshots/<name>.png}, after checking the page
     * has logged no script or console errors.
     */
    public static void screenshot(Page page, String name) {
        assertNoConsoleErrors(page);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** Width of the page's content: more than the viewport means sideways scrolling. */
    public static int scrollWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
