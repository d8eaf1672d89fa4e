package com.careerai.support;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A file attached to a ticket by its requester or by staff. */
record TicketAttachment(
        long id,
        long ticketId,
        @Nullable Long uploaderId,
        String uploaderName,
        boolean fromStaff,
        String fileName,
        String contentType,
        long size,
        String storageKey,
        Instant createdAt) {}
