package com.careerai.platform.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code audit_log}: who did what, when, with what details, and from which client
 * address ({@code null} for entries of jobs, of the CLI and before V73).
 */
public record AuditEntry(
        long universityId,
        long id,
        String actor,
        String action,
        Map<String, Object> details,
        Instant createdAt,
        @Nullable String clientAddress) {}
