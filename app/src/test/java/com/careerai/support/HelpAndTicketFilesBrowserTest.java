package com.careerai.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages of issue 16's last part in Chromium at desktop and phone width: the platform's sales
 * contact form (with its 422), the visitors' help form, the staff hours-and-targets page, and a
 * ticket with a file attached through the browser. Screenshots in {@code target/screenshots/help-*.png}.
 */
@MicronautTest(transactional = false)
class HelpAndTicketFilesBrowserTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Tickets tickets;

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

    private Page signedIn(University uni, User user, int width) {
        Page page = chromium.newPage(width, 900);
        page.context()
                .addCookies(List.of(
                        new Cookie("careerai_session", sessions.signIn(user).token())
                                .setDomain(hostOf(uni.subdomain()))
                                .setPath("/")));
        return page;
    }

    @Test
    void salesContactHelpFormSupportSettingsAndATicketWithAFile() {
        University uni = fixtures.university();
        User student = fixtures.verifiedStudent(uni);
        User staff = fixtures.staff(uni);
        Ticket ticket = fixtures.in(
                uni,
                () -> tickets.open(
                        SignedInUser.of(student), "My CV will not upload", "technical", "It says the type is wrong."));
        String base = "http://" + hostOf(uni.subdomain()) + ":" + server.getPort();
        String root = "http://" + BASE_DOMAIN + ":" + server.getPort();
        for (int width : new int[] {1280, 375}) {
            String suffix = width == 375 ? "phone" : "desktop";

            Page sales = chromium.newPage(width, 900);
            sales.navigate(root + "/contact");
            assertThat(sales.title()).contains("Contact CareerAI");
            sales.getByLabel("Your name").fill("Grace Dean");
            sales.getByLabel("Work email").fill("not-an-email");
            sales.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Send").setExact(true))
                    .click();
            // the form re-renders at the same address: wait for the answer, not for a URL that already matches
            sales.getByText("Enter an email address").first().waitFor();
            sales.waitForLoadState();
            assertThat(sales.content()).contains("Enter an email address").contains("value=\"Grace Dean\"");
            assertThat(Chromium.scrollWidth(sales)).isLessThanOrEqualTo(width);
            Chromium.assertNoConsoleErrors(sales);
            Chromium.screenshot(sales, "help-01-sales-contact-" + suffix);

            Page help = chromium.newPage(width, 900);
            help.navigate(base + "/contact/support");
            assertThat(help.getByLabel("How can we help?").count()).isEqualTo(1);
            assertThat(Chromium.scrollWidth(help)).isLessThanOrEqualTo(width);
            Chromium.screenshot(help, "help-02-visitor-help-" + suffix);

            Page settings = signedIn(uni, staff, width);
            settings.navigate(base + "/staff/support/settings");
            assertThat(settings.getByLabel("Time zone").inputValue()).isEqualTo("UTC");
            assertThat(Chromium.scrollWidth(settings)).isLessThanOrEqualTo(width);
            Chromium.screenshot(settings, "help-03-support-settings-" + suffix);

            Page page = signedIn(uni, student, width);
            page.navigate(base + "/support/" + ticket.id());
            page.getByLabel(java.util.regex.Pattern.compile("^Attach a file"))
                    .setInputFiles(new FilePayload(
                            "screenshot-" + suffix + ".pdf",
                            "application/pdf",
                            SupportDemo.DEMO_PDF.getBytes(StandardCharsets.ISO_8859_1)));
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Attach").setExact(true))
                    .click();
            // the upload redirects back to the same ticket address, so wait for the new page's link to the file
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("screenshot-" + suffix + ".pdf"))
                    .waitFor();
            page.waitForLoadState();
            assertThat(page.content()).contains("screenshot-" + suffix + ".pdf");
            assertThat(Chromium.scrollWidth(page)).isLessThanOrEqualTo(width);
            assertThat(page.evaluate(
                            "() => { const list = getComputedStyle(document.querySelector('ol.ticket-messages'));"
                                    + " return list.listStyleType + ' ' + list.paddingLeft; }"))
                    .as("the conversation is a plain list: no numbers, no indent")
                    .isEqualTo("none 0px");
            Chromium.screenshot(page, "help-04-ticket-with-file-" + suffix);
        }
    }
}
