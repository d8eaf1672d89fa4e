package com.careerai.privacy;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One "Download my data" request: a zip built by a job, kept for 7 days. */
public record DataExport(
        UUID id,
        long userId,
        long requestedBy,
        Status status,
        int partsDone,
        int partsTotal,
        @Nullable String storageKey,
        @Nullable Long sizeBytes,
        Instant createdAt,
        @Nullable Instant readyAt,
        @Nullable Instant expiresAt) {

    public enum Status {
        PENDING,
        READY,
        EXPIRED,
        FAILED
    }

    /** How far the build is, 0–100. */
    public int percent() {
        if (status != Status.PENDING) {
            return 100;
        }
        return partsTotal == 0 ? 0 : Math.min(99, partsDone * 100 / partsTotal);
    }

    public String fileName() {
        return "my-data-" + createdAt.toString().substring(0, 10) + ".zip";
    }
}
