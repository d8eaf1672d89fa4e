package com.careerai.courses;

import com.careerai.credits.Currency;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A student's place (or wait) in a batch.
 *
 * @param reference the ledger's {@code run_id} of a credits payment and the billing payment's id
 */
public record Enrolment(
        long universityId,
        long id,
        long batchId,
        long userId,
        Status status,
        UUID reference,
        @Nullable Payment payment,
        @Nullable Currency creditsCurrency,
        int credits,
        long amountCents,
        @Nullable String currency,
        @Nullable UUID paymentId,
        @Nullable Instant offeredUntil,
        Instant createdAt) {

    public enum Status {
        /** Waiting for Stripe's webhook to confirm the payment; holds a place. */
        PENDING,
        /** Enrolled: the batch page is open. */
        ACTIVE,
        CANCELLED,
        /** The batch was full; waiting for a place. */
        WAITLISTED,
        /** A freed place is held for this student until {@code offeredUntil}. */
        OFFERED;

        /** Whether the enrolment holds one of the batch's places. */
        public boolean holdsPlace() {
            return this == PENDING || this == ACTIVE || this == OFFERED;
        }
    }

    /** How the place is paid. */
    public enum Payment {
        FREE,
        CREDITS,
        MONEY
    }
}
