package com.careerai.site;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The university's signed-out home page and FAQ in Chromium, at desktop and phone width, without
 * console errors and without sideways scrolling. Screenshots in {@code target/screenshots/site-*.png}.
 */
@MicronautTest(transactional = false)
class PublicPagesBrowserTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    SiteContent site;

    @Inject
    TestSessions sessions;

    Chromium chromium;

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

    @Test
    void homeAndFaqRenderAtDesktopAndPhoneWidth() {
        University uni = fixtures.university();
        fixtures.run(uni, () -> {
            site.saveTexts(
                    uni.id(),
                    new SiteTexts(
                            "Find your first role with us. Guides at https://example.com/careers-guide.",
                            "Tools, counsellors and courses."),
                    "test");
            site.addFaq(uni.id(), "How do I book a counsellor?", "Sign in and open Counselling.", "test");
            site.addFaq(uni.id(), "Where is the guide?", "At https://example.com/guide — free to read.", "test");
        });
        String base = "http://" + hostOf(uni.subdomain()) + ":" + server.getPort();
        for (int width : new int[] {1280, 375}) {
            String suffix = width == 375 ? "phone" : "desktop";
            Page home = chromium.newPage(width, 900);
            home.navigate(base + "/");
            assertThat(home.content()).contains("Find your first role with us.");
            assertThat(home.locator("a[href='https://example.com/careers-guide']")
                            .count())
                    .isEqualTo(1);
            assertThat(Chromium.scrollWidth(home)).isLessThanOrEqualTo(width);
            Chromium.screenshot(home, "site-01-home-" + suffix);

            Page faq = chromium.newPage(width, 900);
            faq.navigate(base + "/faq");
            assertThat(faq.title()).startsWith("FAQ");
            assertThat(faq.content()).contains("How do I book a counsellor?").contains("Where is the guide?");
            assertThat(Chromium.scrollWidth(faq)).isLessThanOrEqualTo(width);
            Chromium.screenshot(faq, "site-02-faq-" + suffix);

            Page staff = chromium.newPage(width, 900);
            staff.context()
                    .addCookies(List.of(new Cookie(
                                    "careerai_session",
                                    sessions.signIn(fixtures.staff(uni)).token())
                            .setDomain(hostOf(uni.subdomain()))
                            .setPath("/")));
            staff.navigate(base + "/staff/site");
            assertThat(staff.getByLabel("Question 2").inputValue()).isEqualTo("Where is the guide?");
            assertThat(Chromium.scrollWidth(staff)).isLessThanOrEqualTo(width);
            Chromium.screenshot(staff, "site-03-staff-" + suffix);
        }
    }
}
