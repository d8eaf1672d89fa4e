package com.careerai.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * What one {@link UsageSource} reports: the groups it records, the others {@code null}. Each group
 * comes from exactly one source.
 *
 * @param students students now and students who signed in since the instant asked for
 * @param runsByTool AI runs started since the instant, by tool slug
 * @param credits credit movements since the instant
 * @param payments payments since the instant
 * @param counts other features' counts since the instant, by a key unique across sources
 *     ({@code appointments}, {@code resource_downloads}, {@code leads}…)
 */
public record UsagePart(
        @Nullable Students students,
        @Nullable Map<String, Long> runsByTool,
        @Nullable UsageFigures.Credits credits,
        @Nullable UsageFigures.Payments payments,
        Map<String, Long> counts) {

    /** Nothing recorded. */
    public static final UsagePart NONE = new UsagePart(null, null, null, null, Map.of());

    public UsagePart(
            @Nullable Students students,
            @Nullable Map<String, Long> runsByTool,
            @Nullable UsageFigures.Credits credits,
            @Nullable UsageFigures.Payments payments) {
        this(students, runsByTool, credits, payments, Map.of());
    }

    /** A feature's counts since the instant (keys prefixed by nothing but unique across sources). */
    public static UsagePart counts(Map<String, Long> counts) {
        return new UsagePart(null, null, null, null, Map.copyOf(counts));
    }

    /** Users with the STUDENT role, and those of them who signed in since the instant asked for. */
    public record Students(long total, long active) {}

    public static UsagePart students(long total, long active) {
        return new UsagePart(new Students(total, active), null, null, null);
    }

    public static UsagePart runs(Map<String, Long> runsByTool) {
        return new UsagePart(null, Map.copyOf(runsByTool), null, null);
    }

    public static UsagePart credits(UsageFigures.Credits credits) {
        return new UsagePart(null, null, credits, null);
    }

    public static UsagePart payments(UsageFigures.Payments payments) {
        return new UsagePart(null, null, null, payments);
    }

    /**
     * This part and {@code other} together.
     *
     * @throws IllegalStateException when both report the same group (two sources claim one figure)
     */
    public UsagePart combine(UsagePart other) {
        return new UsagePart(
                either(students, other.students, "students"),
                either(runsByTool, other.runsByTool, "runsByTool"),
                either(credits, other.credits, "credits"),
                either(payments, other.payments, "payments"),
                merged(counts, other.counts));
    }

    private static Map<String, Long> merged(Map<String, Long> mine, Map<String, Long> theirs) {
        java.util.Map<String, Long> all = new java.util.TreeMap<>(mine);
        theirs.forEach((key, value) -> {
            if (all.putIfAbsent(key, value) != null) {
                throw new IllegalStateException("two usage sources report " + key);
            }
        });
        return all;
    }

    @Nullable
    private static <T> T either(@Nullable T mine, @Nullable T theirs, String group) {
        if (mine != null && theirs != null) {
            throw new IllegalStateException("two usage sources report " + group);
        }
        return mine != null ? mine : theirs;
    }
}
