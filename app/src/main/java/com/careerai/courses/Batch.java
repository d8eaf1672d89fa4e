package com.careerai.courses;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * One run of a course: dates, a weekly schedule in {@code zone}, an instructor, a meeting link and
 * an enrolment window; {@code seatsTaken} is kept by the database (see V60).
 *
 * @param weekDays ISO days of the week (1 = Monday) of the weekly session
 */
public record Batch(
        long universityId,
        long id,
        long courseId,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        ZoneId zone,
        List<Integer> weekDays,
        LocalTime localStart,
        int minutes,
        long instructorId,
        @Nullable String meetingUrl,
        @Nullable Instant enrolOpensAt,
        @Nullable Instant enrolClosesAt,
        int capacity,
        int seatsTaken) {

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    /** Whether students may enrol at {@code now} (within the window, and before the batch ends). */
    public boolean openAt(Instant now) {
        if (enrolOpensAt != null && now.isBefore(enrolOpensAt)) {
            return false;
        }
        if (enrolClosesAt != null && !now.isBefore(enrolClosesAt)) {
            return false;
        }
        return !endsOn.atStartOfDay(zone).plusDays(1).toInstant().isBefore(now);
    }
}
