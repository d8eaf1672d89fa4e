package com.careerai.support;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/** One support conversation between a requester and the university's staff. */
public record Ticket(
        long id,
        @Nullable Long requesterId,
        String requesterEmail,
        String requesterName,
        String subject,
        String category,
        Status status,
        @Nullable Long assigneeId,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable Integer csat,
        Instant createdAt,
        Instant updatedAt) {

    public static final List<String> CATEGORIES = List.of("general", "technical", "billing", "counselling", "courses");

    public enum Status {
        OPEN("Open"),
        PENDING_STUDENT("Waiting for the student"),
        RESOLVED("Resolved"),
        CLOSED("Closed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    boolean finished() {
        return status == Status.RESOLVED || status == Status.CLOSED;
    }

    /** A message on a ticket; internal notes are never shown to the requester. */
    public record Message(long id, @Nullable Long authorId, String authorName, String kind, String body, Instant at) {
        public boolean internal() {
            return kind.equals("INTERNAL_NOTE");
        }
    }
}
