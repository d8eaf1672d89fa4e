package com.careerai.courses;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Work set for a batch (see V61): open from {@code opensAt} (or at once), late after {@code dueAt},
 * refused after {@code cutoffAt} (never, when null) unless the student has a later extension.
 */
public record Assignment(
        long universityId,
        long id,
        long batchId,
        String title,
        String instructions,
        @Nullable Instant opensAt,
        Instant dueAt,
        @Nullable Instant cutoffAt,
        int maxAttempts,
        int maxScore) {

    /** The due date for a student with {@code extension} (a later one only ever moves it on). */
    Instant dueFor(@Nullable Instant extension) {
        return extension != null && extension.isAfter(dueAt) ? extension : dueAt;
    }

    /** The last moment a student with {@code extension} may submit, or null when there is none. */
    @Nullable
    Instant cutoffFor(@Nullable Instant extension) {
        if (cutoffAt == null) {
            return null;
        }
        return extension != null && extension.isAfter(cutoffAt) ? extension : cutoffAt;
    }

    boolean openAt(Instant now) {
        return opensAt == null || !now.isBefore(opensAt);
    }
}
