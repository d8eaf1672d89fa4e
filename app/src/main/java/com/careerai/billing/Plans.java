package com.careerai.billing;

import com.careerai.auth.UserAccounts;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What other features ask billing: which plan a student has and what it includes (counselling
 * sessions, CV reviews, premium resources — {@link Product#includes()}). Every method takes the
 * university first.
 */
@Singleton
public class Plans {
    private final BillingAccounts accounts;
    private final Catalogue catalogue;
    private final UserAccounts users;

    Plans(BillingAccounts accounts, Catalogue catalogue, UserAccounts users) {
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.users = users;
    }

    /** The plan of the student's active subscription; empty without one. */
    public Optional<Product> currentPlan(long universityId, long userId) {
        return accounts.current(universityId, userId).flatMap(subscription -> catalogue.find(subscription.product()));
    }

    /**
     * What the student's plan includes; {@link Product.PlanIncludes#NONE} without a plan. A student who is
     * not Pro has no active plan: that is known from their row ({@link #isPro}, which the signed-in person's
     * request already holds) without reading the subscriptions.
     */
    public Product.PlanIncludes includes(long universityId, long userId) {
        if (!isPro(universityId, userId)) {
            return Product.PlanIncludes.NONE;
        }
        return currentPlan(universityId, userId).map(Product::includes).orElse(Product.PlanIncludes.NONE);
    }

    /** The plans on sale that open premium resources, cheapest first (what a locked resource names). */
    public java.util.List<Product> plansWithPremiumResources() {
        return catalogue.plans().stream()
                .filter(plan -> plan.includes().premiumResources())
                .toList();
    }

    /** Whether the student is Pro (an active plan), from the {@code users.is_pro} flag billing keeps. */
    public boolean isPro(long universityId, long userId) {
        return users.isPro(universityId, userId);
    }
}
