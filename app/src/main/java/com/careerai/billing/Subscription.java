package com.careerai.billing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A student's plan subscription as Stripe last reported it.
 *
 * @param status Stripe's status, lower case ({@code active}, {@code past_due}, {@code canceled} …)
 * @param stateAt when Stripe created the event this state came from
 */
public record Subscription(
        UUID id,
        long universityId,
        long userId,
        String externalId,
        @Nullable String customerId,
        String product,
        String status,
        boolean cancelAtPeriodEnd,
        @Nullable Instant currentPeriodEnd,
        Instant stateAt) {

    /** Statuses in which the student is Pro: paid up, on trial, or while Stripe retries a failed payment. */
    static final Set<String> PRO = Set.of("active", "trialing", "past_due");

    /** Statuses a subscription never leaves. */
    static final Set<String> FINAL = Set.of("canceled", "incomplete_expired");

    /** Every status Stripe reports for a subscription. */
    static final Set<String> KNOWN = Set.of(
            "incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused");

    public boolean pro() {
        return PRO.contains(status);
    }

    /**
     * Whether a state Stripe reported at {@code at} replaces this one. Events arrive in any order:
     * a final status is never left, a newer event wins, and of two in the same second the one
     * further along wins ({@code incomplete} is the only status that comes before the others).
     */
    boolean replacedBy(String newStatus, Instant at) {
        if (FINAL.contains(status)) {
            return false;
        }
        if (FINAL.contains(newStatus) || at.isAfter(stateAt)) {
            return true;
        }
        return at.equals(stateAt) && rank(newStatus) >= rank(status);
    }

    private static int rank(String status) {
        return "incomplete".equals(status) ? 0 : 1;
    }
}
