package com.careerai.billing;

import com.careerai.auth.SignedInUser;
import com.careerai.billing.PaymentGateway.CheckoutRequest;
import com.careerai.billing.PaymentGateway.CheckoutSession;
import com.careerai.credits.Currency;
import java.util.List;
import java.util.UUID;

/**
 * One-off purchases other features sell for money (a place on a course): a hosted Stripe Checkout
 * whose payment row carries no credits. Like packs, the payment is PENDING until the signed
 * webhook confirms it; the feature learns of it from {@link PaymentConfirmed} (and of refunds from
 * {@link PaymentRefunded}) by the payment id it chose. No transaction may be open around the call.
 */
@jakarta.inject.Singleton
public class ItemCheckouts {
    /** The payment's {@code product}: not in the catalogue, so no credits are ever given for it. */
    static final String ITEM = "item";

    private final PaymentGateway gateway;
    private final PaymentStore payments;
    private final BillingAccounts accounts;
    private final ReconcileSchedule reconcileSchedule;

    ItemCheckouts(
            PaymentGateway gateway,
            PaymentStore payments,
            BillingAccounts accounts,
            ReconcileSchedule reconcileSchedule) {
        this.reconcileSchedule = reconcileSchedule;
        this.gateway = gateway;
        this.payments = payments;
        this.accounts = accounts;
    }

    /**
     * What is sold.
     *
     * @param paymentId the payment's id, chosen by the selling feature (it finds its thing by it)
     * @param name shown on Stripe's page and the receipt ("Course: Python for Analysts")
     * @param amountCents in the currency's minor unit
     * @param currency ISO code, lower case
     */
    public record Item(UUID paymentId, String name, long amountCents, String currency) {}

    /** Where to send the student. */
    public record Checkout(String sessionId, String url) {}

    /** Whether money can be taken at all (Stripe is configured). */
    public boolean configured() {
        return gateway.checkoutConfigured();
    }

    /**
     * Opens the checkout and records the payment PENDING.
     *
     * @param siteUrl the student's university site
     * @param returnPath where Stripe sends the student back, on that site ("/courses/12")
     * @throws BillingProblems.NotConfigured (503) without Stripe; PaymentProviderException when it refuses
     */
    public Checkout checkout(SignedInUser student, Item item, String siteUrl, String returnPath) {
        BillingService.requireStudent(student);
        if (!gateway.checkoutConfigured()) {
            throw new BillingProblems.NotConfigured();
        }
        Product product = new Product(
                ITEM,
                Product.Kind.PACK,
                item.name(),
                null,
                item.amountCents(),
                item.currency(),
                Currency.GOLD,
                0,
                null,
                Product.PlanIncludes.NONE,
                false,
                List.of());
        String customer =
                accounts.customerOf(student.universityId(), student.userId()).orElse(null);
        CheckoutSession session = gateway.createCheckoutSession(new CheckoutRequest(
                item.paymentId(),
                product,
                CheckoutMetadata.of(student.universityId(), student.userId(), ITEM, item.paymentId()),
                student.email(),
                customer,
                siteUrl + returnPath + (returnPath.contains("?") ? "&" : "?") + "checkout=done",
                siteUrl + returnPath + (returnPath.contains("?") ? "&" : "?") + "checkout=cancelled"));
        payments.insertIfAbsent(PaymentStore.NewPayment.of(
                student.universityId(),
                item.paymentId(),
                student.userId(),
                session.id(),
                product,
                PaymentStatus.PENDING,
                customer));
        reconcileSchedule.ensure(student.universityId());
        return new Checkout(session.id(), session.url());
    }
}
