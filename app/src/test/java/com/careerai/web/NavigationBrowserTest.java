package com.careerai.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * The header menus in Chromium at desktop and phone width: a menu opens on its label, opening
 * another closes it, Escape closes it and gives focus back to its label, and its links go where they
 * say. Screenshots in {@code target/screenshots/nav-*.png}.
 */
@MicronautTest(transactional = false)
class NavigationBrowserTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

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
    void staffOpenAMenuCloseItWithEscapeAndFollowItsLinks() {
        University uni = fixtures.university();
        User staff = fixtures.staff(uni);
        String base = "http://" + hostOf(uni.subdomain()) + ":" + server.getPort();
        for (int width : new int[] {1280, 375}) {
            String suffix = width == 375 ? "phone" : "desktop";
            Page page = chromium.newPage(width, 900);
            page.context()
                    .addCookies(List.of(new Cookie(
                                    "careerai_session", sessions.signIn(staff).token())
                            .setDomain(hostOf(uni.subdomain()))
                            .setPath("/")));
            page.navigate(base + "/staff");

            Page.GetByRoleOptions payments =
                    new Page.GetByRoleOptions().setName("Payments").setExact(true);
            assertThat(page.getByRole(AriaRole.LINK, payments).isVisible()).isFalse();
            page.locator("summary", new Page.LocatorOptions().setHasText("Money"))
                    .click();
            assertThat(page.getByRole(AriaRole.LINK, payments).isVisible()).isTrue();
            assertThat(Chromium.scrollWidth(page)).isLessThanOrEqualTo(width);
            Chromium.screenshot(page, "nav-01-money-open-" + suffix);

            page.locator("summary", new Page.LocatorOptions().setHasText("People"))
                    .click();
            assertThat(page.getByRole(AriaRole.LINK, payments).isVisible()).isFalse();
            assertThat(page.getByRole(
                                    AriaRole.LINK,
                                    new Page.GetByRoleOptions()
                                            .setName("Students")
                                            .setExact(true))
                            .isVisible())
                    .isTrue();

            page.keyboard().press("Escape");
            assertThat(page.locator("details.nav-group[open]").count()).isZero();
            assertThat((String) page.evaluate("document.activeElement.textContent"))
                    .isEqualTo("People");

            page.locator("summary", new Page.LocatorOptions().setHasText("Money"))
                    .click();
            page.getByRole(AriaRole.LINK, payments).click();
            page.waitForURL(base + "/staff/payments");
            assertThat(page.locator("details.nav-group.active summary").textContent())
                    .isEqualTo("Money");
            Chromium.assertNoConsoleErrors(page);
            Chromium.screenshot(page, "nav-02-payments-" + suffix);
        }
    }
}
