package com.careerai.billing;

import com.careerai.auth.UserAccounts;
import com.careerai.billing.EventOutcome.Owner;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Records what a provider reported about a student's subscription and keeps their Pro flag true
 * to all their subscriptions. Shared by Stripe's events ({@link StripeEventProcessor}) and
 * Razorpay's ({@link RazorpaySubscriptions}); runs inside the caller's transaction, already
 * entered into the student's university.
 */
@Singleton
class SubscriptionStates {
    private final SubscriptionStore subscriptions;
    private final UserAccounts users;

    SubscriptionStates(SubscriptionStore subscriptions, UserAccounts users) {
        this.subscriptions = subscriptions;
        this.users = users;
    }

    /**
     * Records a subscription state the provider reported at {@code at} (unless a newer one is
     * recorded) and sets the student's Pro flag from all their subscriptions. False when the
     * subscription is another student's.
     */
    boolean observe(
            Owner owner,
            PaymentSettings.Provider provider,
            String subscriptionId,
            @Nullable String customer,
            String product,
            String status,
            @Nullable Boolean cancelAtPeriodEnd,
            @Nullable Instant periodEnd,
            Instant at) {
        subscriptions.lockStudent(owner.universityId(), owner.userId());
        Optional<Subscription> existing =
                subscriptions.lockByExternalId(owner.universityId(), provider, subscriptionId);
        if (existing.isEmpty()
                && subscriptions.insertIfAbsent(new Subscription(
                        UUID.randomUUID(),
                        owner.universityId(),
                        owner.userId(),
                        subscriptionId,
                        customer,
                        product,
                        status,
                        Boolean.TRUE.equals(cancelAtPeriodEnd),
                        periodEnd,
                        at,
                        provider))) {
            refreshPro(owner);
            return true;
        }
        existing = existing.isPresent()
                ? existing
                : subscriptions.lockByExternalId(owner.universityId(), provider, subscriptionId);
        if (existing.isEmpty() || existing.get().userId() != owner.userId()) {
            return false;
        }
        Subscription current = existing.get();
        if (customer != null && current.customerId() == null) {
            subscriptions.attachCustomer(owner.universityId(), current.id(), customer);
        }
        if (current.replacedBy(status, at)) {
            subscriptions.update(owner.universityId(), current.id(), product, status, cancelAtPeriodEnd, periodEnd, at);
        }
        refreshPro(owner);
        return true;
    }

    private void refreshPro(Owner owner) {
        boolean pro = subscriptions.ofUser(owner.universityId(), owner.userId()).stream()
                .anyMatch(Subscription::pro);
        users.setPro(owner.universityId(), owner.userId(), pro);
    }
}
