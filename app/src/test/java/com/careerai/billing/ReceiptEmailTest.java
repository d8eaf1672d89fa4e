package com.careerai.billing;

import static com.careerai.testing.StripeTestEvents.checkoutSession;
import static com.careerai.testing.StripeTestEvents.event;
import static com.careerai.testing.StripeTestEvents.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.TestMailServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The receipt reaches the student over real SMTP once Stripe confirms, and only once. */
@MicronautTest(transactional = false)
class ReceiptEmailTest extends BillingTestBase {
    final TestMailServer mailServer = TestMailServer.start();

    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> properties = new HashMap<>(mailServer.properties());
        properties.put("careerai.roles", "web,worker");
        return properties;
    }

    @AfterAll
    void stopMail() {
        mailServer.close();
    }

    @Test
    void aConfirmedPaymentEmailsOneReceiptWithWhatWasBought() throws Exception {
        University uni = fixtures.university();
        User student = fixtures.verifiedStudent(uni);
        Started started = checkout(uni, student, "gold-30");
        String payload = event(
                "checkout.session.completed",
                checkoutSession(
                        started.sessionId(),
                        "payment",
                        metadata(uni.id(), student.id(), "gold-30", started.paymentId()),
                        "paid",
                        2400));

        deliver(payload);
        deliver(payload);

        MimeMessage receipt = mailServer.awaitNext(student.email());
        assertThat(receipt.getSubject())
                .isEqualTo("Your receipt from University of " + uni.subdomain() + " Careers: 30 gold credits, $24.00");
        String text = TestMailServer.text(receipt);
        assertThat(text)
                .contains("Amount paid:  $24.00")
                .contains("30 gold credits added to your wallet")
                .contains(started.paymentId().substring(0, 8).toUpperCase())
                .contains("/billing/payments/" + started.paymentId() + "/receipt")
                .contains("Invoice:      INV-")
                .contains("/billing/payments/" + started.paymentId() + "/invoice.pdf");
        assertThat(TestMailServer.html(receipt))
                .contains("View receipt")
                .contains("Invoice (PDF)")
                .contains("#A31F34");
        assertThat(count(
                        "SELECT count(*) FROM mail_deliveries WHERE university_id = ? AND recipient = ? AND template = 'RECEIPT'",
                        uni.id(),
                        student.email()))
                .isEqualTo(1);
    }
}
