package com.careerai.billing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A student's plan subscription as its provider last reported it.
 *
 * @param status Stripe's status, lower case ({@code active}, {@code past_due}, {@code canceled} …);
 *     a Razorpay subscription's status is translated into these words ({@link #fromRazorpay})
 * @param stateAt when the provider created the event this state came from
 * @param provider who charges it (Stripe, or Razorpay for a Razorpay university)
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
        Instant stateAt,
        PaymentSettings.Provider provider) {

    /** Statuses in which the student is Pro: paid up, on trial, or while Stripe retries a failed payment. */
    static final Set<String> PRO = Set.of("active", "trialing", "past_due");

    /** Statuses a subscription never leaves. */
    static final Set<String> FINAL = Set.of("canceled", "incomplete_expired");

    /** Every status Stripe reports for a subscription. */
    static final Set<String> KNOWN = Set.of(
            "incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused");

    /**
     * A Razorpay subscription status in Stripe's words: {@code pending} (Razorpay retrying a
     * charge) is {@code past_due}, {@code halted} (retries exhausted) {@code unpaid}, and
     * {@code cancelled}, {@code completed} and {@code expired} are {@code canceled}; {@code created}
     * and {@code authenticated} (not charged yet) are {@code incomplete}. Empty for a status Razorpay
     * does not document.
     */
    static java.util.Optional<String> fromRazorpay(@Nullable String status) {
        if (status == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(
                switch (status) {
                    case "created", "authenticated" -> "incomplete";
                    case "active" -> "active";
                    case "pending" -> "past_due";
                    case "halted" -> "unpaid";
                    case "paused" -> "paused";
                    case "cancelled", "completed", "expired" -> "canceled";
                    default -> null;
                });
    }

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
