package com.careerai.inbox;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A staff announcement to the university's students, to those with any of some interests, or to
 * the members of one cohort (a course's batch).
 *
 * @param batchId the cohort's batch for {@link Audience#COHORT}, else null
 * @param cursorUserId the last user id the sender has handled: a resumed send continues after it
 * @param recipients inbox entries made so far
 * @param emailed emails queued so far
 */
public record Announcement(
        long id,
        String title,
        String body,
        Audience audience,
        List<Long> interestIds,
        Status status,
        @Nullable Instant sendAt,
        long cursorUserId,
        int recipients,
        int emailed,
        long createdBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant sentAt,
        @Nullable Long batchId) {

    /** Who receives it. */
    public enum Audience {
        ALL_STUDENTS,
        INTERESTS,
        COHORT
    }

    /** DRAFT → SCHEDULED → SENDING → SENT; a SCHEDULED one cancelled before it starts is a DRAFT again. */
    public enum Status {
        DRAFT,
        SCHEDULED,
        SENDING,
        SENT
    }
}
