package com.careerai.billing;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoStudent;
import com.careerai.demo.DemoUniversity;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;

/**
 * Demo payments: the demo student bought a 10 gold pack that Dana Staff refunded in full ("Bought
 * by mistake"), so the student's billing page shows a refunded payment and /staff/payments has
 * one to open, with its invoice (20 % tax included) and the university's invoice
 * details seeded. Created as a confirmed payment would be (topped up, then reversed through
 * {@link RefundLedger}), so the ledger balances. Running it again changes nothing (the payment's
 * external id is fixed per university).
 */
@Singleton
class BillingDemo implements DemoSeedStep {
    private static final int CREDITS = 10;
    private static final long PRICE_CENTS = 900;

    private final PaymentStore payments;
    private final RefundStore refunds;
    private final RefundLedger ledger;
    private final Wallets wallets;
    private final UserAccounts users;
    private final InvoiceStore invoiceStore;
    private final Invoices invoices;

    BillingDemo(
            PaymentStore payments,
            RefundStore refunds,
            RefundLedger ledger,
            Wallets wallets,
            UserAccounts users,
            InvoiceStore invoiceStore,
            Invoices invoices) {
        this.invoiceStore = invoiceStore;
        this.invoices = invoices;
        this.payments = payments;
        this.refunds = refunds;
        this.ledger = ledger;
        this.wallets = wallets;
        this.users = users;
    }

    @Override
    public void seed(DemoUniversity demo) {
        User student = users.ensure(demo.id(), demo.address(DemoStudent.LOCAL_PART), DemoStudent.NAME, Role.STUDENT);
        User staff = users.ensure(demo.id(), demo.address("staff"), "Dana Staff", Role.STAFF);
        if (invoiceStore.settings(demo.id()).isEmpty()) {
            invoiceStore.saveSettings(
                    demo.id(),
                    new InvoiceStore.InvoiceSettings(
                            demo.name(),
                            "Careers Service, 1 College Road\nCambridge CB2 1TN\nUnited Kingdom",
                            "GB 123 4567 89",
                            2000,
                            "demo",
                            null));
        }
        String session = "cs_demo_refunded_" + demo.id();
        UUID paymentId = UUID.nameUUIDFromBytes(session.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean inserted = payments.insertIfAbsent(new PaymentStore.NewPayment(
                demo.id(),
                paymentId,
                student.id(),
                session,
                Product.Kind.PACK,
                "gold-10",
                "10 gold credits",
                PRICE_CENTS,
                "usd",
                PaymentStatus.PENDING,
                Currency.GOLD,
                CREDITS,
                null));
        if (!inserted) {
            payments.lock(demo.id(), paymentId)
                    .filter(found -> found.status().credited())
                    .ifPresent(found -> invoices.issue(demo.id(), paymentId));
            return;
        }
        String paymentIntent = "pi_demo_refunded_" + demo.id();
        payments.markPaid(demo.id(), paymentId, PRICE_CENTS, "usd", paymentIntent, null, null, null);
        invoices.issue(demo.id(), paymentId);
        wallets.topUp(
                demo.id(),
                student.id(),
                Currency.GOLD,
                CREDITS,
                "stripe:" + session,
                Map.of("payment", paymentId.toString()));
        UUID refundId = UUID.nameUUIDFromBytes(("refund:" + session).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        refunds.insert(demo.id(), refundId, paymentId, PRICE_CENTS, "Bought by mistake (demo)", staff.id());
        refunds.answer(demo.id(), refundId, "SUCCEEDED", "re_demo_" + demo.id(), null);
        Payment paid = payments.lock(demo.id(), paymentId).orElseThrow();
        ledger.apply(
                paid,
                "ch_demo_refunded_" + demo.id(),
                PRICE_CENTS,
                PRICE_CENTS,
                Map.of("staff_refund", refundId.toString()));
    }

    @Override
    public int getOrder() {
        return CONTENT;
    }
}
