package com.careerai.platform.audit;

import java.time.Instant;
import java.util.Map;

/** One row of {@code audit_log}: who did what, when, with what details. */
public record AuditEntry(
        long universityId, long id, String actor, String action, Map<String, Object> details, Instant createdAt) {}
