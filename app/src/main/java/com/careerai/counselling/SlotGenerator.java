package com.careerai.counselling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Bookable start times of one counsellor, as instants. Pure: everything it needs is passed in.
 *
 * <p>Hours are local times in the counsellor's zone and are turned into instants date by date, so
 * a 09:00 rule stays 09:00 local on both sides of a DST change. A local start that does not exist
 * (inside a spring-forward gap) is skipped; an ambiguous one (inside a fall-back overlap) means its
 * earlier occurrence. A slot ends {@code minutes} of real time after it starts and must end by
 * the window's end instant.
 */
final class SlotGenerator {
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = SECONDS_PER_DAY * NANOS_PER_SECOND;

    private SlotGenerator() {}

    /** Weekly hours: ISO day of week and local start/end in the counsellor's zone. */
    record WeeklyHours(DayOfWeek day, LocalTime start, LocalTime end) {}

    /** A date's exception: OFF (no weekly hours that day) or EXTRA hours (start/end set). */
    record DateOverride(LocalDate date, boolean off, LocalTime start, LocalTime end) {}

    /** A range of time already taken (an appointment with its buffers), half-open. */
    record Busy(Instant from, Instant until) {}

    /** The counsellor's settings that shape slots. */
    record Settings(
            ZoneId zone,
            List<WeeklyHours> weekly,
            List<DateOverride> overrides,
            Duration bufferBefore,
            Duration bufferAfter,
            Duration minimumNotice,
            int bookingWindowDays,
            Duration interval) {}

    /** A bookable slot, half-open [start, end). */
    record Slot(Instant start, Instant end) {}

    /**
     * Free slots of {@code length} starting in [{@code from}, {@code until}), at least the minimum
     * notice after {@code now} and at most the booking window after it, clear of {@code busy}
     * (buffers of the new slot included).
     */
    static List<Slot> slots(
            Settings settings, Duration length, Instant from, Instant until, Instant now, List<Busy> busy) {
        Instant earliest = max(from, now.plus(settings.minimumNotice()));
        Instant latest = min(until, now.plus(Duration.ofDays(settings.bookingWindowDays())));
        if (!earliest.isBefore(latest)) {
            return List.of();
        }
        ZoneId zone = settings.zone();
        ZoneRules rules = zone.getRules();
        LocalDate firstDate = earliest.atZone(zone).toLocalDate().minusDays(1);
        LocalDate lastDate = latest.atZone(zone).toLocalDate().plusDays(1);
        long step = settings.interval().toNanos();
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = firstDate; !date.isAfter(lastDate); date = date.plusDays(1)) {
            List<LocalTime[]> windows = windows(settings, date);
            if (windows.isEmpty()) {
                continue;
            }
            ZoneOffset dayOffset = offsetAllDay(rules, date);
            long dayStartLocal = date.toEpochDay() * SECONDS_PER_DAY;
            for (LocalTime[] window : windows) {
                Instant windowEnd = instant(date, window[1], zone, true);
                long endNano = window[1].toNanoOfDay();
                // local times as nanoseconds of the day
                for (long time = window[0].toNanoOfDay(); time < endNano; time = next(time, step)) {
                    ZoneOffset offset = dayOffset != null ? dayOffset : firstOffset(rules, date, time);
                    if (offset == null) {
                        continue; // inside a spring-forward gap: this local time never happens
                    }
                    Instant start = Instant.ofEpochSecond(
                            dayStartLocal + time / NANOS_PER_SECOND - offset.getTotalSeconds(),
                            time % NANOS_PER_SECOND);
                    Instant end = start.plus(length);
                    if (end.isAfter(windowEnd) || start.isBefore(earliest) || !start.isBefore(latest)) {
                        continue;
                    }
                    if (isFree(start.minus(settings.bufferBefore()), end.plus(settings.bufferAfter()), busy)) {
                        slots.add(new Slot(start, end));
                    }
                }
            }
        }
        return inOrderOnce(slots);
    }

    /** The next local time of a window, or past midnight (which ends the window) instead of wrapping. */
    private static long next(long nanoOfDay, long step) {
        return step <= 0 || nanoOfDay + step >= NANOS_PER_DAY ? Long.MAX_VALUE : nanoOfDay + step;
    }

    /**
     * The zone's offset for the whole of a local date, or null when it changes that day (or the day does
     * not begin at midnight): then each time looks its own offset up. Looking it up for every candidate
     * time, with a sorted set to order them, was most of a 30-day slots answer's own CPU (issue 19).
     */
    private static ZoneOffset offsetAllDay(ZoneRules rules, LocalDate date) {
        LocalDateTime midnight = date.atStartOfDay();
        List<ZoneOffset> offsets = rules.getValidOffsets(midnight);
        if (offsets.size() != 1) {
            return null;
        }
        ZoneOffset offset = offsets.get(0);
        Instant dayStart = midnight.toInstant(offset);
        ZoneOffsetTransition next = rules.nextTransition(dayStart);
        return next == null || next.toEpochSecond() >= dayStart.getEpochSecond() + SECONDS_PER_DAY ? offset : null;
    }

    /** The first valid offset of a local time (the earlier occurrence, as ZonedDateTime.ofLocal picks it), or null in a gap. */
    private static ZoneOffset firstOffset(ZoneRules rules, LocalDate date, long nanoOfDay) {
        List<ZoneOffset> offsets = rules.getValidOffsets(date.atTime(LocalTime.ofNanoOfDay(nanoOfDay)));
        return offsets.isEmpty() ? null : offsets.get(0);
    }

    /** The slots by start, each start once: already so unless a date's windows overlap or are out of order. */
    private static List<Slot> inOrderOnce(List<Slot> slots) {
        for (int i = 1; i < slots.size(); i++) {
            if (!slots.get(i - 1).start().isBefore(slots.get(i).start())) {
                TreeMap<Instant, Slot> byStart = new TreeMap<>();
                slots.forEach(slot -> byStart.putIfAbsent(slot.start(), slot));
                return new ArrayList<>(byStart.values());
            }
        }
        return slots;
    }

    private static List<LocalTime[]> windows(Settings settings, LocalDate date) {
        List<LocalTime[]> windows = new ArrayList<>();
        boolean off = settings.overrides().stream().anyMatch(o -> o.date().equals(date) && o.off());
        if (!off) {
            settings.weekly().stream()
                    .filter(hours -> hours.day() == date.getDayOfWeek())
                    .forEach(hours -> windows.add(new LocalTime[] {hours.start(), hours.end()}));
        }
        settings.overrides().stream()
                .filter(o -> o.date().equals(date) && !o.off())
                .forEach(o -> windows.add(new LocalTime[] {o.start(), o.end()}));
        return windows;
    }

    /** The instant of a local time; a time in a gap moves forward, an ambiguous one takes the later offset at an end. */
    private static Instant instant(LocalDate date, LocalTime time, ZoneId zone, boolean isEnd) {
        ZonedDateTime zoned = ZonedDateTime.ofLocal(date.atTime(time), zone, null);
        return (isEnd ? zoned.withLaterOffsetAtOverlap() : zoned).toInstant();
    }

    private static boolean isFree(Instant from, Instant until, List<Busy> busy) {
        for (Busy taken : busy) {
            if (taken.from().isBefore(until) && from.isBefore(taken.until())) {
                return false;
            }
        }
        return true;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
