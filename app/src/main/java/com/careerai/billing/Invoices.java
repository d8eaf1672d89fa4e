package com.careerai.billing;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.pdf.PdfRenderer;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.TemplateText;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invoices of confirmed payments: issued (numbered) in the transaction that marks a payment PAID,
 * and rendered to PDF with Flying Saucer when the student or staff download one. A payment
 * confirmed before invoices existed gets its number at its first download.
 */
@Singleton
class Invoices {
    private final InvoiceStore store;
    private final PaymentStore payments;
    private final UserAccounts users;
    private final UniversityAdministration universities;
    private final PdfRenderer pdf;
    private final TemplateText templates;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final PageReads reads;

    Invoices(
            InvoiceStore store,
            PaymentStore payments,
            UserAccounts users,
            UniversityAdministration universities,
            PdfRenderer pdf,
            TemplateText templates,
            TransactionOperations<Connection> transactions,
            AuditLog audit,
            PageReads reads) {
        this.reads = reads;
        this.audit = audit;
        this.store = store;
        this.payments = payments;
        this.users = users;
        this.universities = universities;
        this.pdf = pdf;
        this.templates = templates;
        this.transactions = transactions;
    }

    /** A downloaded invoice: the PDF and the name to save it as. */
    record Document(byte[] pdf, String fileName) {}

    /**
     * Issues the invoice of a payment just confirmed, in the caller's transaction (which holds the
     * payment's row lock); the existing one when it has one already.
     */
    Invoice issue(long universityId, UUID paymentId) {
        Optional<Invoice> existing = store.ofPayment(universityId, paymentId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Payment payment = payments.findForStaff(universityId, paymentId).orElseThrow();
        InvoiceStore.InvoiceSettings seller = settingsOrDefault(universityId);
        Instant now = Instant.now();
        long number = store.nextNumber(universityId);
        long tax = Invoice.taxIncluded(payment.amountCents(), seller.taxRateBasisPoints());
        Invoice invoice = new Invoice(
                universityId,
                paymentId,
                number,
                Invoice.label(number, now),
                now,
                seller.legalName(),
                seller.address().isBlank() ? null : seller.address(),
                seller.taxId(),
                seller.taxRateBasisPoints(),
                payment.currency(),
                payment.amountCents() - tax,
                tax,
                payment.amountCents());
        store.insert(invoice);
        return invoice;
    }

    /** What {@link #find} reads, for a page to send with its own (ADR 0076). */
    PageRead<Optional<Invoice>> findRead(long universityId, UUID paymentId) {
        return InvoiceStore.ofPaymentRead(universityId, paymentId);
    }

    /** The invoice of a confirmed payment, if it has one (read only). */
    Optional<Invoice> find(long universityId, UUID paymentId) {
        return reads.read(findRead(universityId, paymentId));
    }

    /** The student's own invoice; 404 when the payment is not theirs or not confirmed. */
    Document forStudent(long universityId, long userId, UUID paymentId) {
        return document(universityId, paymentId, payment -> payment.userId() == userId);
    }

    /** Any confirmed payment's invoice of the university, for staff; 404 otherwise. */
    Document forStaff(long universityId, UUID paymentId) {
        return document(universityId, paymentId, payment -> true);
    }

    private Document document(long universityId, UUID paymentId, java.util.function.Predicate<Payment> allowed) {
        record Issued(Payment payment, Invoice invoice) {}
        Issued issued = transactions.executeWrite(status -> {
            Payment payment = payments.findForStaff(universityId, paymentId)
                    .filter(allowed)
                    .filter(found -> found.status().credited())
                    .orElseThrow(BillingProblems.PaymentNotFound::new);
            Optional<Invoice> invoice = store.ofPayment(universityId, paymentId);
            if (invoice.isEmpty()) {
                payments.lock(universityId, paymentId);
                invoice = Optional.of(issue(universityId, paymentId));
            }
            return new Issued(payment, invoice.get());
        });
        byte[] bytes = pdf.render(xhtml(issued.payment(), issued.invoice()));
        return new Document(bytes, issued.invoice().label() + ".pdf");
    }

    String xhtml(Payment payment, Invoice invoice) {
        Optional<University> university = universities.findById(payment.universityId());
        Optional<User> buyer = users.find(payment.universityId(), payment.userId());
        Map<String, Object> model = new HashMap<>();
        model.put("brandColor", university.map(University::brandColor).orElse("#1F4E79"));
        model.put("universityName", university.map(University::name).orElse(invoice.sellerName()));
        model.put("number", invoice.label());
        model.put("date", Receipts.DAY.format(invoice.issuedAt()));
        model.put("paidOn", payment.paidAt() == null ? "" : Receipts.DAY.format(payment.paidAt()));
        model.put("sellerName", invoice.sellerName());
        model.put("sellerAddress", lines(invoice.sellerAddress()));
        model.put("sellerTaxId", invoice.sellerTaxId());
        model.put("buyerName", buyer.map(User::displayName).orElse("Student " + payment.userId()));
        model.put("buyerEmail", buyer.map(User::email).orElse(""));
        model.put("reference", Receipts.reference(payment));
        model.put("description", payment.description());
        String credits = Receipts.credits(payment);
        // a pack's name already says its credits ("30 gold credits"); a plan's does not
        model.put("credits", credits.equalsIgnoreCase(payment.description()) ? "" : credits);
        model.put("net", Money.formatExact(invoice.netCents(), invoice.currency()));
        model.put("taxed", invoice.taxRateBasisPoints() > 0);
        model.put("taxRate", Invoice.rate(invoice.taxRateBasisPoints()));
        model.put("tax", Money.formatExact(invoice.taxCents(), invoice.currency()));
        model.put("total", Money.formatExact(invoice.totalCents(), invoice.currency()));
        model.put("currency", invoice.currency().toUpperCase(java.util.Locale.ROOT));
        model.put(
                "refunded",
                payment.refundedCents() == 0 ? "" : Money.formatExact(payment.refundedCents(), payment.currency()));
        return templates.render("billing/pdf/invoice", model);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    // ---- Settings ------------------------------------------------------------------------------

    /** The settings staff saved, or none yet. */
    Optional<InvoiceStore.InvoiceSettings> settings(long universityId) {
        return transactions.executeRead(status -> store.settings(universityId));
    }

    /** Staff save the seller printed on invoices issued from now on; audited. */
    void saveSettings(
            long universityId, SignedInUser staff, String legalName, String address, String taxId, int rateBp) {
        String actor = "user:" + staff.userId();
        transactions.executeWrite(status -> {
            store.saveSettings(
                    universityId, new InvoiceStore.InvoiceSettings(legalName, address, taxId, rateBp, actor, null));
            Map<String, Object> details = new HashMap<>();
            details.put("legalName", legalName);
            details.put("taxId", taxId == null ? "" : taxId);
            details.put("taxRate", Invoice.rate(rateBp));
            audit.record(universityId, actor, "billing.invoice-settings.changed", details);
            return null;
        });
    }

    /** What invoices print when staff saved nothing: the university's name, no address, no tax. */
    private InvoiceStore.InvoiceSettings settingsOrDefault(long universityId) {
        return store.settings(universityId)
                .orElseGet(() -> new InvoiceStore.InvoiceSettings(
                        universities
                                .findById(universityId)
                                .map(University::name)
                                .orElse("University " + universityId),
                        "",
                        null,
                        0,
                        "system",
                        null));
    }
}
