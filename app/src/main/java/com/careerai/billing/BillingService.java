package com.careerai.billing;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.VerifiedUsers;
import com.careerai.billing.PaymentGateway.CheckoutSession;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * What students do on /billing that calls Stripe: buy and manage their plan (no transaction is
 * held open during a call to Stripe). Students only. What they read is {@link BillingAccounts}.
 */
@Singleton
class BillingService {
    private final PaymentGateway gateway;
    private final PaymentProviders providers;
    private final Catalogue catalogue;
    private final PaymentStore payments;
    private final BillingAccounts accounts;
    private final PurchasePolicy purchasePolicy;
    private final ReconcileSchedule reconcileSchedule;
    private final RazorpayGateway razorpay;
    private final SubscriptionStore subscriptions;

    BillingService(
            PaymentGateway gateway,
            PaymentProviders providers,
            Catalogue catalogue,
            PaymentStore payments,
            BillingAccounts accounts,
            PurchasePolicy purchasePolicy,
            ReconcileSchedule reconcileSchedule,
            RazorpayGateway razorpay,
            SubscriptionStore subscriptions) {
        this.razorpay = razorpay;
        this.subscriptions = subscriptions;
        this.reconcileSchedule = reconcileSchedule;
        this.purchasePolicy = purchasePolicy;
        this.gateway = gateway;
        this.providers = providers;
        this.catalogue = catalogue;
        this.payments = payments;
        this.accounts = accounts;
    }

    /**
     * Opens a Stripe Checkout for {@code productId} and records the payment as PENDING; the
     * credits come only when Stripe's webhook confirms it.
     *
     * @param siteUrl the student's university site, e.g. {@code https://mit.careerai.example}
     */
    CheckoutSession checkout(SignedInUser user, @Nullable String productId, String siteUrl) {
        requireStudent(user);
        VerifiedUsers.require(user);
        PaymentProviders.Choice choice = providers.of(user.universityId());
        if (!choice.provider().configured()) {
            throw new BillingProblems.NotConfigured();
        }
        if (!purchasePolicy.studentsMayBuy(user.universityId())) {
            throw new BillingProblems.PurchasesOff();
        }
        Product product = providers.offered(choice, productId).orElseThrow(BillingProblems.UnknownProduct::new);
        if (product.isPlan()) {
            accounts.current(user.universityId(), user.userId()).ifPresent(active -> {
                throw new BillingProblems.AlreadySubscribed(
                        catalogue.find(active.product()).map(Product::name).orElse(active.product()));
            });
        }
        UUID paymentId = UUID.randomUUID();
        boolean stripe = choice.provider().kind() == PaymentSettings.Provider.STRIPE;
        String customer =
                stripe ? accounts.customerOf(user.universityId(), user.userId()).orElse(null) : null;
        PaymentProvider.Started started = choice.provider()
                .start(new PaymentProvider.Purchase(
                        paymentId,
                        product,
                        CheckoutMetadata.of(user.universityId(), user.userId(), product.id(), paymentId),
                        user.email(),
                        customer,
                        siteUrl,
                        siteUrl + "/billing/success?session_id={CHECKOUT_SESSION_ID}",
                        siteUrl + "/billing/cancelled?session_id={CHECKOUT_SESSION_ID}"));
        payments.insertIfAbsent(
                PaymentStore.NewPayment.of(
                        user.universityId(),
                        paymentId,
                        user.userId(),
                        started.externalId(),
                        product,
                        PaymentStatus.PENDING,
                        customer),
                choice.provider().kind());
        reconcileSchedule.ensure(user.universityId());
        return new CheckoutSession(started.externalId(), started.url());
    }

    /** A Stripe customer portal session for the student's subscription; returns its URL. */
    String portal(SignedInUser user, String siteUrl) {
        requireStudent(user);
        if (!gateway.checkoutConfigured()) {
            throw new BillingProblems.NotConfigured();
        }
        String customer =
                accounts.customerOf(user.universityId(), user.userId()).orElseThrow(BillingProblems.NoCustomer::new);
        return gateway.createPortalSession(customer, siteUrl + "/billing");
    }

    /**
     * Ends the student's Razorpay plan at the end of the month they paid for: Razorpay cancels the
     * subscription at its cycle end and then sends {@code subscription.cancelled}, which ends Pro.
     * Asking again changes nothing. A Stripe plan is managed in Stripe's portal ({@link #portal}).
     */
    void cancelPlan(SignedInUser user) {
        requireStudent(user);
        Subscription current = accounts.current(user.universityId(), user.userId())
                .filter(subscription -> subscription.provider() == PaymentSettings.Provider.RAZORPAY)
                .orElseThrow(BillingProblems.NoPlanToCancel::new);
        if (current.cancelAtPeriodEnd()) {
            return;
        }
        if (!razorpay.checkoutConfigured()) {
            throw new BillingProblems.NotConfigured();
        }
        razorpay.cancelSubscriptionAtCycleEnd(current.externalId());
        subscriptions.markCancelling(user.universityId(), current.id());
    }

    static void requireStudent(SignedInUser user) {
        if (user.role() != Role.STUDENT) {
            throw new BillingProblems.StudentsOnly();
        }
    }
}
