package com.careerai.courses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a batch's weekly schedule into its sessions: every date from start to end whose ISO day
 * of the week is listed, at the local start time in the batch's zone. A local time that does not
 * exist (a spring-forward gap) moves forward by the gap; an ambiguous one takes its first
 * occurrence ({@link ZonedDateTime#of}); the length is real time.
 */
final class SessionPlanner {
    /** Enough for a daily batch of more than a year; longer batches are refused by validation. */
    static final int MAX_SESSIONS = 400;

    private SessionPlanner() {}

    record Planned(Instant startsAt, Instant endsAt) {}

    static List<Planned> plan(CourseStore.BatchFields batch) {
        List<Planned> sessions = new ArrayList<>();
        for (LocalDate day = batch.startsOn(); !day.isAfter(batch.endsOn()); day = day.plusDays(1)) {
            if (batch.weekDays().contains(day.getDayOfWeek().getValue())) {
                Instant start =
                        ZonedDateTime.of(day, batch.localStart(), batch.zone()).toInstant();
                sessions.add(new Planned(start, start.plusSeconds(batch.minutes() * 60L)));
            }
        }
        return sessions;
    }
}
