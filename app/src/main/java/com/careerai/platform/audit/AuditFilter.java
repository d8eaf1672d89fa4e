package com.careerai.platform.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the audit page asks for: an exact actor ({@code user:12}, {@code operator:ana}), an action
 * or an action prefix ending in a dot ({@code credits.}), and a day range in UTC, both ends
 * included. Empty parts match everything.
 */
public record AuditFilter(
        @Nullable String actor, @Nullable String action, @Nullable LocalDate from, @Nullable LocalDate to) {

    public static final AuditFilter EVERYTHING = new AuditFilter(null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
    }

    public boolean filtered() {
        return actor != null || action != null || from != null || to != null;
    }

    @Nullable
    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Nullable
    Instant beforeInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
