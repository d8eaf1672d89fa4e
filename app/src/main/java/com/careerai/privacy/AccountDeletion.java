package com.careerai.privacy;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** Where a person's "Delete my account" stands (one row per person, the latest request). */
public record AccountDeletion(
        long userId,
        Status status,
        long requestedBy,
        Instant requestedAt,
        @Nullable Instant confirmedAt,
        @Nullable Instant eraseAt,
        @Nullable Instant cancelledAt,
        @Nullable Instant erasedAt) {

    public enum Status {
        AWAITING_CODE,
        SCHEDULED,
        CANCELLED,
        ERASED
    }
}
