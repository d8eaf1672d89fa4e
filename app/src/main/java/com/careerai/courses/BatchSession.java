package com.careerai.courses;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;

/** One class of a batch; cancelled or moved one by one. */
public record BatchSession(
        long universityId,
        long id,
        long batchId,
        Instant startsAt,
        Instant endsAt,
        boolean cancelled,
        @Nullable Instant movedFrom,
        @Nullable String recordingUrl) {

    /** How long before the start the join link opens. */
    public static final Duration JOIN_EARLY = Duration.ofMinutes(10);

    /** Whether "Join" works at {@code now}: from 10 minutes before the start until the end. */
    public boolean joinableAt(Instant now) {
        return !cancelled && !now.isBefore(startsAt.minus(JOIN_EARLY)) && now.isBefore(endsAt);
    }
}
