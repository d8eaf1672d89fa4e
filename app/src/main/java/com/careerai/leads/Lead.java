package com.careerai.leads;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One prospective student who asked the university to contact them. */
public record Lead(
        long id,
        String name,
        String email,
        String phone,
        @Nullable String interest,
        @Nullable Long courseId,
        @Nullable String courseTitle,
        @Nullable String message,
        LeadStatus status,
        int inquiries,
        @Nullable Long invitationId,
        @Nullable Long reservationId,
        @Nullable Instant firstContactedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** What the lead asked about: the course's title, the interest, or a general inquiry. */
    public String topic() {
        if (courseTitle != null) {
            return courseTitle;
        }
        return interest != null && !interest.isBlank() ? interest : "studying with us";
    }
}
