package com.careerai.billing;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.notifications.Mail;
import com.careerai.notifications.MailTemplate;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Receipts: the email after a confirmed payment, and what the receipt page shows. */
@Singleton
class Receipts {
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final PaymentStore payments;
    private final UserAccounts users;
    private final Mail mail;
    private final InvoiceStore invoices;

    Receipts(PaymentStore payments, UserAccounts users, Mail mail, InvoiceStore invoices) {
        this.invoices = invoices;
        this.payments = payments;
        this.users = users;
        this.mail = mail;
    }

    /** Queues the receipt email for a confirmed payment; returns the delivery id, if sent. */
    @Connectable
    public Optional<Long> email(long universityId, long userId, UUID paymentId) {
        Optional<Payment> payment = payments.find(universityId, userId, paymentId);
        Optional<User> user = users.find(universityId, userId);
        if (payment.isEmpty() || user.isEmpty() || !payment.get().status().credited()) {
            return Optional.empty();
        }
        Payment paid = payment.get();
        Map<String, String> model = new HashMap<>();
        model.put("name", user.get().displayName());
        model.put("description", paid.description());
        model.put("amount", paid.amount());
        model.put("credits", credits(paid));
        model.put("paidOn", DAY.format(paid.paidAt() == null ? Instant.now() : paid.paidAt()));
        model.put("reference", reference(paid));
        model.put("receiptPath", "/billing/payments/" + paid.id() + "/receipt");
        model.put("plan", paid.kind() == Product.Kind.PLAN ? "yes" : "");
        model.put("provider", providerName(paid));
        // The invoice was issued in the transaction that confirmed the payment; the email links it.
        model.put(
                "invoiceNumber",
                invoices.ofPayment(universityId, paymentId).map(Invoice::label).orElse(""));
        model.put("invoicePath", "/billing/payments/" + paid.id() + "/invoice.pdf");
        return Optional.of(mail.send(universityId, user.get().email(), MailTemplate.RECEIPT, model, Map.of()));
    }

    /** "Stripe" or "Razorpay", as receipts name who took the money. */
    static String providerName(Payment payment) {
        return payment.provider() == PaymentSettings.Provider.RAZORPAY ? "Razorpay" : "Stripe";
    }

    /** "10 gold credits", or empty when the payment carries none. */
    static String credits(Payment payment) {
        if (payment.credits() == 0) {
            return "";
        }
        return payment.credits() + " " + payment.creditsCurrency().key() + " credit"
                + (payment.credits() == 1 ? "" : "s");
    }

    /** The short reference printed on receipts: the start of the payment's id. */
    static String reference(Payment payment) {
        return payment.id().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
