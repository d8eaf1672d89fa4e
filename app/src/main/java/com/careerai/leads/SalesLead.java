package com.careerai.leads;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A request, from the platform's own contact page, to be contacted about CareerAI for an organisation. */
public record SalesLead(
        long id,
        String name,
        String email,
        @Nullable String phone,
        String organisation,
        @Nullable String message,
        Instant createdAt) {}
