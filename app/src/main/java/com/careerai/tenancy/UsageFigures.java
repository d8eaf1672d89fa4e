package com.careerai.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One university's usage since an instant, for operators. A {@code null} group means no feature
 * reports it (no {@link UsageSource} for it in this release).
 *
 * @param students users with the STUDENT role, now
 * @param activeStudents students who signed in since {@code since}
 * @param runsByTool AI runs started since {@code since}, by tool
 * @param credits credit movements since {@code since}
 * @param payments payments since {@code since}
 * @param counts other features' counts since {@code since} (appointments, downloads, enrolments,
 *     leads, tickets…), by key, sorted
 */
public record UsageFigures(
        long universityId,
        Instant since,
        long students,
        long activeStudents,
        @Nullable Map<String, Long> runsByTool,
        @Nullable Credits credits,
        @Nullable Payments payments,
        Map<String, Long> counts) {

    /**
     * Credits by currency ({@code SILVER}, {@code GOLD}), all as positive numbers: granted (GRANT
     * rows), spent (DEBIT rows) and refunded (REFUND rows).
     */
    public record Credits(Map<String, Long> granted, Map<String, Long> spent, Map<String, Long> refunded) {}

    /** How many payments and their total in minor units (cents); {@code null} when there were none. */
    public record Payments(long count, @Nullable BigDecimal amount) {}

    /** All runs since {@code since}, or {@code null} when runs are not recorded yet. */
    @Nullable
    public Long runs() {
        return runsByTool == null
                ? null
                : runsByTool.values().stream().mapToLong(Long::longValue).sum();
    }
}
