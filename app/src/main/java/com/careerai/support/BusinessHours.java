package com.careerai.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A university's support week: the days and hours (in its time zone) that ticket timers count.
 * Time outside them — nights, weekends — does not count against a target.
 */
record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from) || days.isEmpty()) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        while (!day.isAfter(last)) {
            if (days.contains(day.getDayOfWeek())) {
                Instant open = ZonedDateTime.of(day, start, zone).toInstant();
                Instant close = ZonedDateTime.of(day, end, zone).toInstant();
                Instant a = from.isAfter(open) ? from : open;
                Instant b = to.isBefore(close) ? to : close;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            day = day.plusDays(1);
        }
        return total;
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
