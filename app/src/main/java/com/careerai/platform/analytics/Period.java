package com.careerai.platform.analytics;

import io.micronaut.serde.annotation.Serdeable;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of UTC days, both ends included, that staff analytics are asked for. Series are counted
 * per day for ranges up to 62 days, per ISO week (Monday) up to 366 days, per month beyond.
 */
@Serdeable
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ends on or after it starts");
        }
    }

    /** How many days the period covers. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The same number of days just before this period. */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    /** The first instant of the period (inclusive). */
    public Timestamp start() {
        return Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** The first instant after the period (exclusive). */
    public Timestamp end() {
        return Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** {@code day}, {@code week} or {@code month}: the size of a series' bucket. */
    public String bucket() {
        long days = days();
        return days <= 62 ? "day" : days <= 366 ? "week" : "month";
    }

    /**
     * The SQL expression of the bucket (its first day, a {@code date}) of a {@code timestamptz}
     * column; the unit is one of three constants, never input.
     */
    public String bucketOf(String column) {
        return "date_trunc('" + bucket() + "', " + column + " AT TIME ZONE 'UTC')::date";
    }

    /** The SQL expression of the bucket of a {@code date} column. */
    public String bucketOfDay(String column) {
        return "date_trunc('" + bucket() + "', " + column + "::timestamp)::date";
    }

    /** The first day of every bucket the period touches, in order. */
    public List<LocalDate> buckets() {
        LocalDate first =
                switch (bucket()) {
                    case "week" -> from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case "month" -> from.withDayOfMonth(1);
                    default -> from;
                };
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(to); day = next(day)) {
            buckets.add(day);
        }
        return buckets;
    }

    /**
     * A bucket of the period and the days of it that lie inside the period: every bucket but the
     * first and the last is whole; those two may be cut by the period's ends.
     */
    public record Bucket(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        /** Whether every day of the bucket lies inside the period. */
        public boolean whole() {
            return from.equals(start) && to.equals(end);
        }
    }

    /** The period's buckets with the days of each inside it, in order. */
    public List<Bucket> bucketsInside() {
        List<Bucket> inside = new ArrayList<>();
        for (LocalDate start : buckets()) {
            LocalDate last = next(start).minusDays(1);
            inside.add(new Bucket(start, last, start.isBefore(from) ? from : start, last.isAfter(to) ? to : last));
        }
        return inside;
    }

    /** The period cut into whole months, whole weeks and single days ({@link Cover}). */
    public Cover cover() {
        return Cover.of(this);
    }

    private LocalDate next(LocalDate day) {
        return switch (bucket()) {
            case "week" -> day.plusWeeks(1);
            case "month" -> day.plusMonths(1);
            default -> day.plusDays(1);
        };
    }
}
