package com.careerai.analytics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /staff/analytics} in a real Chromium at desktop and phone width with a month of activity:
 * Chart.js (from its WebJar) draws every chart from the JSON API, the tables sit under them, no
 * console error or failed request, no sideways scrolling at 375 px. Screenshots in
 * {@code target/screenshots/analytics/}.
 */
@MicronautTest(transactional = false)
class AnalyticsBrowserTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.session.secure-cookie", "false");
    }

    @Test
    void staffSeeThePopulatedDashboardWithCharts() throws Exception {
        University university = fixtures.university();
        User staff = fixtures.staff(university);
        String[] tools = {"cv-analysis", "job-pack", "skill-mapper"};
        for (int s = 0; s < 12; s++) {
            User student = fixtures.student(university);
            execute(
                    "UPDATE users SET created_at = now() - make_interval(days => ?) WHERE university_id = ? AND id = ?",
                    (s * 5) % 28,
                    university.id(),
                    student.id());
            for (int d = 0; d < 28; d += 1 + s % 3) {
                execute(
                        "INSERT INTO student_activity (university_id, day, user_id) VALUES (?, current_date - ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        university.id(),
                        d,
                        student.id());
                execute(
                        "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, 'SILVER', 1, '{}'::jsonb, now() - make_interval(days => ?))",
                        university.id(),
                        UUID.randomUUID(),
                        student.id(),
                        tools[(s + d) % 3],
                        (s + d) % 7 == 0 ? "REFUNDED" : "SUCCEEDED",
                        d);
            }
        }
        String host = hostOf(university.subdomain());
        String site = "http://" + host + ":" + server.getPort();
        Files.createDirectories(Path.of("target", "screenshots", "analytics"));

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
                page.navigate(site + "/staff/analytics");
                assertThat(page.locator("h1")).containsText("Analytics of");
                page.waitForFunction(
                        "() => window.Chart && window.Chart.getChart(document.querySelector('canvas[data-chart=ai-runs]'))");
                Object drawn = page.evaluate("() => Array.from(document.querySelectorAll('canvas[data-chart]'))"
                        + ".filter(c => window.Chart.getChart(c)).length");
                assertThat(((Number) drawn).intValue()).as("charts drawn").isGreaterThanOrEqualTo(8);
                assertThat(page.locator("table[data-table=ai-runs-by-tool] tbody tr"))
                        .hasCount(3);
                assertThat(page.locator("#figure-active-students")).containsText("Active students");
                Chromium.screenshot(page, "analytics/analytics-" + size);
                if (width == 375) {
                    assertThat(Chromium.scrollWidth(page))
                            .as("no sideways scrolling at 375 px")
                            .isLessThanOrEqualTo(375);
                }
                assertThat(problems)
                        .as("console errors and failed requests at " + size)
                        .isEmpty();
                page.context().close();
            }
        }
    }
}
