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

/** Staff refund a payment in a real Chromium, at phone and desktop width (screenshots in target/screenshots). */
@MicronautTest(transactional = false)
class StaffRefundBrowserTest extends BillingTestBase {
    @Inject
    Fixtures fixtures;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careerai.session.secure-cookie", "false");
    }

    @Test
    void staffFindAPaymentByStatusAndRefundPartOfIt() {
        University uni = fixtures.university();
        User student = fixtures.verifiedStudent(uni);
        User staff = fixtures.staff(uni);
        Started started = checkout(uni, student, "gold-10");
        deliver(event(
                "checkout.session.completed",
                checkoutSession(
                        started.sessionId(),
                        "payment",
                        metadata(uni.id(), student.id(), "gold-10", started.paymentId()),
                        "paid",
                        900)));
        stripe.charge("pi_" + started.sessionId(), 900);
        checkout(uni, fixtures.verifiedStudent(uni), "gold-10");
        String host = hostOf(uni.subdomain());
        String site = "http://" + host + ":" + server.getPort();
        try (Chromium chromium = Chromium.launchOrSkip()) {
            for (int width : new int[] {375, 1280}) {
                Page page = chromium.newPage(width, 900);
                page.context()
                        .addCookies(List.of(new Cookie(
                                        "careerai_session",
                                        sessions.signIn(staff).token())
                                .setDomain(host)
                                .setPath("/")));
                page.navigate(site + "/staff/payments");
                assertThat(page.locator("[data-payment]").count()).isEqualTo(2);
                assertThat(Chromium.scrollWidth(page)).isLessThanOrEqualTo(width);
                Chromium.screenshot(page, "staff-payments-" + width);
                if (width == 1280) {
                    page.navigate(site + "/staff/payments?status=PAID");
                    page.click("[data-payment='" + started.paymentId() + "'] a");
                    page.fill("#amount", "3.00");
                    page.click("form.refund-form button[type=submit]");
                    assertThat(page.locator("#reason-error").textContent()).contains("reason");
                    assertThat(page.inputValue("#amount")).isEqualTo("3.00");
                    Chromium.screenshot(page, "staff-payment-422");
                    page.fill("#reason", "Left the course in week one");
                    page.click("form.refund-form button[type=submit]");
                    assertThat(page.locator("[data-notice]").textContent()).contains("Refund sent");
                    assertThat(page.locator("[data-status]").textContent()).contains("Partly refunded");
                    Chromium.screenshot(page, "staff-payment-refunded");
                }
            }
        }
        assertThat(paymentStatus(started.paymentId())).isEqualTo("PARTIALLY_REFUNDED");
    }
}
