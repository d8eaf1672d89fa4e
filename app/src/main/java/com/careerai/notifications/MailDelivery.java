package com.careerai.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One queued email and what became of it. {@code FAILED} means the last attempt failed (the job
 * may still retry); the body is never stored.
 */
@Serdeable
@MappedEntity("mail_deliveries")
public record MailDelivery(
        @Id @GeneratedValue Long id,
        long universityId,
        String recipient,
        String template,
        Status status,
        int attempts,
        @Nullable String lastError,
        @Nullable @DateCreated Instant createdAt,
        @Nullable Instant sentAt) {

    /** Where a delivery stands. */
    public enum Status {
        QUEUED,
        SENT,
        FAILED
    }
}
