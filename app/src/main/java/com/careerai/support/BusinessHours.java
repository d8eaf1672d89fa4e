package com.careerai.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashSet;
import java.util.Set;

/**
 * A university's support week: the days and hours (in its time zone) that ticket timers count.
 * Time outside them — nights, weekends — does not count against a target.
 */
record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    /**
     * Business time between two instants (zero when {@code to} is not after {@code from}). The first and last days
     * are counted from their opening and closing times; the days between as their days of the week times the
     * length of the hours, then corrected on each day a change of the zone's offset touches: the same total as
     * counting every day, in time that does not grow with the ticket's age (a year-old open ticket in the queue was
     * 730 days counted on every view).
     */
    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from) || days.isEmpty()) {
            return Duration.ZERO;
        }
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        if (first.equals(last)) {
            return onDay(first, from, to);
        }
        Duration total = onDay(first, from, to).plus(onDay(last, from, to));
        LocalDate after = first.plusDays(1); // the whole days: after … before
        LocalDate before = last.minusDays(1);
        if (after.isAfter(before)) {
            return total;
        }
        Duration length = Duration.between(start, end);
        Duration open = length.isNegative() ? Duration.ZERO : length;
        total = total.plus(open.multipliedBy(businessDays(after, before)));
        // a change of offset may lengthen, shorten or move a day's hours: those days counted as they are
        Set<LocalDate> changed = new HashSet<>();
        Instant since = from.minus(Duration.ofDays(2)); // a change just outside may still move a whole day's hours
        Instant until = to.plus(Duration.ofDays(2));
        for (ZoneOffsetTransition change = zone.getRules().nextTransition(since);
                change != null && change.getInstant().isBefore(until);
                change = zone.getRules().nextTransition(change.getInstant())) {
            LocalDate one = change.getDateTimeBefore().toLocalDate();
            LocalDate other = change.getDateTimeAfter().toLocalDate();
            LocalDate earliest = one.isBefore(other) ? one : other; // the days whose local times the change moves
            LocalDate latest = one.isBefore(other) ? other : one;
            for (LocalDate day = earliest; !day.isAfter(latest); day = day.plusDays(1)) {
                if (!day.isBefore(after)
                        && !day.isAfter(before)
                        && days.contains(day.getDayOfWeek())
                        && changed.add(day)) {
                    total = total.minus(open).plus(onDay(day, from, to));
                }
            }
        }
        return total;
    }

    /** The business time of {@code day} that lies between {@code from} and {@code to}. */
    private Duration onDay(LocalDate day, Instant from, Instant to) {
        if (!days.contains(day.getDayOfWeek())) {
            return Duration.ZERO;
        }
        Instant open = ZonedDateTime.of(day, start, zone).toInstant();
        Instant close = ZonedDateTime.of(day, end, zone).toInstant();
        Instant a = from.isAfter(open) ? from : open;
        Instant b = to.isBefore(close) ? to : close;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }

    /** How many of {@code first} … {@code last} (both included) are business days. */
    private long businessDays(LocalDate first, LocalDate last) {
        long span = ChronoUnit.DAYS.between(first, last) + 1;
        long count = (span / 7) * days.size();
        DayOfWeek day = first.getDayOfWeek();
        for (long rest = span % 7; rest > 0; rest--, day = day.plus(1)) {
            if (days.contains(day)) {
                count++;
            }
        }
        return count;
    }

    /** The instant at which {@code budget} of business time after {@code from} is used up. */
    Instant deadline(Instant from, Duration budget) {
        if (days.isEmpty()) {
            return Instant.MAX;
        }
        Duration left = budget;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < 3660; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, start, zone).toInstant();
            Instant close = ZonedDateTime.of(day, end, zone).toInstant();
            Instant a = from.isAfter(open) ? from : open;
            if (!close.isAfter(a)) {
                continue;
            }
            Duration available = Duration.between(a, close);
            if (available.compareTo(left) >= 0) {
                return a.plus(left);
            }
            left = left.minus(available);
        }
        return Instant.MAX;
    }
}
