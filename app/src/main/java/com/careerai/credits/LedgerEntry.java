package com.careerai.credits;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of the append-only ledger. Rows are never changed: a correction is a new row.
 *
 * @param amount signed: what the row added to the wallet's balance in {@code currency}
 * @param metadata who and why ({@code actor}, {@code reason}) and references ({@code batch}, payment ids)
 */
public record LedgerEntry(
        long id,
        long universityId,
        long userId,
        @Nullable String feature,
        Currency currency,
        int amount,
        TransactionType type,
        @Nullable UUID runId,
        String status,
        Map<String, Object> metadata,
        String idempotencyKey,
        Instant createdAt) {

    public static final String REASON = "reason";
    public static final String ACTOR = "actor";

    /** The reason staff gave (grants, adjustments) or the system wrote (sign-up, refill), if any. */
    public Optional<String> reason() {
        return Optional.ofNullable(metadata.get(REASON)).map(Object::toString);
    }
}
