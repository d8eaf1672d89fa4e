package com.careerai.leads;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One message or call to a lead and what became of it. */
public record CommunicationLog(
        long id,
        long leadId,
        Channel channel,
        String template,
        boolean automatic,
        UUID reference,
        @Nullable String providerId,
        String status,
        @Nullable String error,
        Instant at) {}
