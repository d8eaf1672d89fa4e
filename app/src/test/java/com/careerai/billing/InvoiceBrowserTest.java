package com.careerai.billing;

import static com.careerai.testing.StripeTestEvents.checkoutSession;
import static com.careerai.testing.StripeTestEvents.event;
import static com.careerai.testing.StripeTestEvents.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Staff set the invoice details and a student finds their invoice, in a real Chromium at phone and
 * desktop width (screenshots in target/screenshots).
 */
@MicronautTest(transactional = false)
class InvoiceBrowserTest extends BillingTestBase {
    @Inject
    Fixtures fixtures;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careerai.session.secure-cookie", "false");
    }

    private Page signedIn(Chromium chromium, int width, String host, User user) {
        Page page = chromium.newPage(width, 900);
        page.context()
                .addCookies(List.of(
                        new Cookie("careerai_session", sessions.signIn(user).token())
                                .setDomain(host)
                                .setPath("/")));
        return page;
    }

    @Test
    void staffSetTheInvoiceDetailsAndTheStudentFindsTheirInvoice() {
        University uni = fixtures.university();
        User staff = fixtures.staff(uni);
        User student = fixtures.verifiedStudent(uni);
        String host = hostOf(uni.subdomain());
        String site = "http://" + host + ":" + server.getPort();
        try (Chromium chromium = Chromium.launchOrSkip()) {
            for (int width : new int[] {375, 1280}) {
                Page page = signedIn(chromium, width, host, staff);
                page.navigate(site + "/staff/payments");
                page.click("[data-invoice-settings]");
                assertThat(page.url()).endsWith("/staff/billing/settings");
                page.fill("#legalName", "Example University Ltd");
                page.fill("#address", "1 College Road\nCambridge");
                page.fill("#taxRate", "twenty");
                page.click("form.invoice-settings-form button[type=submit]");
                assertThat(page.locator("#taxRate-error").textContent()).contains("percentage");
                assertThat(page.inputValue("#legalName")).isEqualTo("Example University Ltd");
                assertThat(Chromium.scrollWidth(page)).isLessThanOrEqualTo(width);
                Chromium.screenshot(page, "invoice-settings-422-" + width);
                page.fill("#taxRate", "20");
                page.click("form.invoice-settings-form button[type=submit]");
                assertThat(page.locator("[data-notice]").textContent()).contains("Saved");
                Chromium.screenshot(page, "invoice-settings-" + width);
            }
        }
        Started started = checkout(uni, student, "gold-10");
        deliver(event(
                "checkout.session.completed",
                checkoutSession(
                        started.sessionId(),
                        "payment",
                        metadata(uni.id(), student.id(), "gold-10", started.paymentId()),
                        "paid",
                        900)));
        try (Chromium chromium = Chromium.launchOrSkip()) {
            Page page = signedIn(chromium, 375, host, student);
            page.navigate(site + "/billing/payments/" + started.paymentId() + "/receipt");
            assertThat(page.locator("[data-invoice-link]").textContent()).contains("INV-");
            assertThat(Chromium.scrollWidth(page)).isLessThanOrEqualTo(375);
            Chromium.screenshot(page, "receipt-with-invoice-375");
            page.navigate(site + "/billing");
            assertThat(page.locator("[data-payment='" + started.paymentId() + "'] [data-invoice-link]")
                            .getAttribute("href"))
                    .isEqualTo("/billing/payments/" + started.paymentId() + "/invoice.pdf");
        }
    }
}
