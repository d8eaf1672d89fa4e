package com.careerai.billing;

import com.careerai.auth.SignedInUser;
import com.careerai.credits.Currency;
import java.util.List;
import java.util.UUID;

/**
 * One-off purchases other features sell for money (a place on a course): the university's
 * provider's checkout (Stripe Checkout, or a Razorpay order paid on /billing/razorpay/{id}) whose
 * payment row carries no credits. Like packs, the payment is PENDING until the signed
 * webhook confirms it; the feature learns of it from {@link PaymentConfirmed} (and of refunds from
 * {@link PaymentRefunded}) by the payment id it chose. No transaction may be open around the call.
 */
@jakarta.inject.Singleton
public class ItemCheckouts {
    /** The payment's {@code product}: not in the catalogue, so no credits are ever given for it. */
    static final String ITEM = "item";

    private final PaymentProviders providers;
    private final PaymentStore payments;
    private final BillingAccounts accounts;
    private final ReconcileSchedule reconcileSchedule;

    ItemCheckouts(
            PaymentProviders providers,
            PaymentStore payments,
            BillingAccounts accounts,
            ReconcileSchedule reconcileSchedule) {
        this.reconcileSchedule = reconcileSchedule;
        this.providers = providers;
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

    /** Whether the university can take money at all (its provider, Stripe or Razorpay, is configured). */
    public boolean configured(long universityId) {
        return providers.configured(universityId);
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
        PaymentProviders.Choice choice = providers.of(student.universityId());
        if (!choice.provider().configured()) {
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
        boolean stripe = choice.provider().kind() == PaymentSettings.Provider.STRIPE;
        String customer = stripe
                ? accounts.customerOf(student.universityId(), student.userId()).orElse(null)
                : null;
        PaymentProvider.Started started = choice.provider()
                .start(new PaymentProvider.Purchase(
                        item.paymentId(),
                        product,
                        CheckoutMetadata.of(student.universityId(), student.userId(), ITEM, item.paymentId()),
                        student.email(),
                        customer,
                        siteUrl,
                        siteUrl + returnPath + (returnPath.contains("?") ? "&" : "?") + "checkout=done",
                        siteUrl + returnPath + (returnPath.contains("?") ? "&" : "?") + "checkout=cancelled"));
        payments.insertIfAbsent(
                PaymentStore.NewPayment.of(
                        student.universityId(),
                        item.paymentId(),
                        student.userId(),
                        started.externalId(),
                        product,
                        PaymentStatus.PENDING,
                        customer),
                choice.provider().kind());
        reconcileSchedule.ensure(student.universityId());
        return new Checkout(started.externalId(), started.url());
    }
}
