package com.careerai.billing;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A student's billing as it stands: plan, payments, Stripe customer. Reads only. */
@Singleton
class BillingAccounts {
    static final int HISTORY_SIZE = 50;

    private final PaymentProviders providers;
    private final PaymentSettings settings;
    private final Catalogue catalogue;
    private final PaymentStore payments;
    private final PageReads reads;

    BillingAccounts(
            PaymentProviders providers,
            PaymentSettings settings,
            Catalogue catalogue,
            PaymentStore payments,
            PageReads reads) {
        this.providers = providers;
        this.settings = settings;
        this.catalogue = catalogue;
        this.payments = payments;
        this.reads = reads;
    }

    /**
     * The student's plan and payments.
     *
     * @param provider the university's payment provider
     * @param currency the currency it charges in (null = each product's own)
     */
    record Overview(
            boolean configured,
            PaymentSettings.Provider provider,
            @Nullable String currency,
            @Nullable Subscription subscription,
            @Nullable Product plan,
            @Nullable String customerId,
            List<Payment> payments) {}

    /**
     * What {@link #overview} reads, for a page to send ahead with the layout's in one round trip (ADR 0076):
     * the university's provider, the student's subscriptions (read once for the plan and the customer), the
     * customer of their payments and their newest payments.
     */
    List<PageRead<?>> overviewReads(SignedInUser user) {
        long universityId = user.universityId();
        long userId = user.userId();
        return List.of(
                settings.read(universityId),
                SubscriptionStore.ofUserRead(universityId, userId),
                PaymentStore.customerOfRead(universityId, userId),
                PaymentStore.historyRead(universityId, userId, HISTORY_SIZE));
    }

    @Connectable
    public Overview overview(SignedInUser user) {
        BillingService.requireStudent(user);
        reads.prefetch(overviewReads(user));
        Optional<Subscription> subscription = current(user.universityId(), user.userId());
        PaymentProviders.Choice choice = providers.of(user.universityId());
        return new Overview(
                choice.provider().configured(),
                choice.provider().kind(),
                choice.currency(),
                subscription.orElse(null),
                subscription.flatMap(found -> catalogue.find(found.product())).orElse(null),
                customerOf(user.universityId(), user.userId()).orElse(null),
                reads.read(PaymentStore.historyRead(user.universityId(), user.userId(), HISTORY_SIZE)));
    }

    /** The student's payment of a Checkout Session (the success page follows it). */
    public Payment checkoutPayment(SignedInUser user, @Nullable String sessionId) {
        BillingService.requireStudent(user);
        if (sessionId == null || sessionId.isBlank()) {
            throw new BillingProblems.PaymentNotFound();
        }
        return reads.read(checkoutPaymentRead(user, sessionId)).orElseThrow(BillingProblems.PaymentNotFound::new);
    }

    /** What {@link #checkoutPayment} reads (a session id not blank), for a page to send with its own (ADR 0076). */
    PageRead<Optional<Payment>> checkoutPaymentRead(SignedInUser user, String sessionId) {
        return PaymentStore.byExternalIdRead(user.universityId(), user.userId(), sessionId.trim());
    }

    public Payment payment(SignedInUser user, UUID paymentId) {
        BillingService.requireStudent(user);
        return reads.read(paymentRead(user, paymentId)).orElseThrow(BillingProblems.PaymentNotFound::new);
    }

    /** What {@link #payment} reads, for a page to send with its own (ADR 0076). */
    PageRead<Optional<Payment>> paymentRead(SignedInUser user, UUID paymentId) {
        return PaymentStore.ofUserRead(user.universityId(), user.userId(), paymentId);
    }

    /** The student's Pro subscription (the dearest, if several), if any. */
    @Connectable
    public Optional<Subscription> current(long universityId, long userId) {
        return reads.read(SubscriptionStore.ofUserRead(universityId, userId)).stream()
                .filter(Subscription::pro)
                .max(Comparator.comparingLong(subscription -> catalogue
                        .find(subscription.product())
                        .map(Product::priceCents)
                        .orElse(0L)));
    }

    /** The student's Stripe customer, from their subscriptions or payments. */
    @Connectable
    public Optional<String> customerOf(long universityId, long userId) {
        return reads.read(SubscriptionStore.ofUserRead(universityId, userId)).stream()
                .map(Subscription::customerId)
                .filter(customer -> customer != null)
                .findFirst()
                .or(() -> reads.read(PaymentStore.customerOfRead(universityId, userId)));
    }
}
