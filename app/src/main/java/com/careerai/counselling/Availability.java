package com.careerai.counselling;

import com.careerai.counselling.SlotGenerator.Busy;
import com.careerai.counselling.SlotGenerator.DateOverride;
import com.careerai.counselling.SlotGenerator.Settings;
import com.careerai.counselling.SlotGenerator.Slot;
import com.careerai.counselling.SlotGenerator.WeeklyHours;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A counsellor's open slots from their stored hours, overrides and appointments. Callers hold a connection;
 * its reads go through {@link PageReads}, so that a page that sent them ahead ({@link #reads}) finds them kept.
 */
@Singleton
class Availability {
    private final PageReads pageReads;
    private final CounsellingClock clock;

    Availability(PageReads pageReads, CounsellingClock clock) {
        this.pageReads = pageReads;
        this.clock = clock;
    }

    /**
     * What {@link #freeSlots} reads for these arguments (the counsellor's weekly hours, the overrides of the
     * dates around the range, the time held around it), for a page to send ahead in one round trip (ADR 0076).
     */
    List<PageRead<?>> reads(Counsellor counsellor, Instant from, Instant until, @Nullable UUID except) {
        return List.of(
                weeklyHours(counsellor), overrides(counsellor, from, until), busy(counsellor, from, until, except));
    }

    /** Free slots starting in [from, until); {@code except} is an appointment being moved (its own time counts as free). */
    List<Slot> freeSlots(Counsellor counsellor, SessionType type, Instant from, Instant until, @Nullable UUID except) {
        List<Busy> busy = pageReads.read(busy(counsellor, from, until, except));
        return SlotGenerator.slots(
                settings(counsellor, from, until), Duration.ofMinutes(type.minutes()), from, until, clock.now(), busy);
    }

    /** Whether {@code start} is one of the counsellor's slots for this type, taken or not (taken is the database's call). */
    boolean isSlot(Counsellor counsellor, SessionType type, Instant start) {
        Instant until = start.plusSeconds(1);
        return SlotGenerator.slots(
                        settings(counsellor, start, until),
                        Duration.ofMinutes(type.minutes()),
                        start,
                        until,
                        clock.now(),
                        List.of())
                .stream()
                .anyMatch(slot -> slot.start().equals(start));
    }

    private Settings settings(Counsellor counsellor, Instant from, Instant until) {
        return new Settings(
                counsellor.timeZone(),
                pageReads.read(weeklyHours(counsellor)),
                pageReads.read(overrides(counsellor, from, until)),
                counsellor.bufferBefore(),
                counsellor.bufferAfter(),
                Duration.ofMinutes(counsellor.minNoticeMinutes()),
                counsellor.bookingWindowDays(),
                Duration.ofMinutes(counsellor.slotIntervalMinutes()));
    }

    private static PageRead<List<WeeklyHours>> weeklyHours(Counsellor counsellor) {
        return CounsellorStore.weeklyHoursRead(counsellor.universityId(), counsellor.userId());
    }

    private static PageRead<List<DateOverride>> overrides(Counsellor counsellor, Instant from, Instant until) {
        LocalDate firstDate = from.atZone(counsellor.timeZone()).toLocalDate().minusDays(2);
        LocalDate lastDate = until.atZone(counsellor.timeZone()).toLocalDate().plusDays(2);
        return CounsellorStore.overridesRead(counsellor.universityId(), counsellor.userId(), firstDate, lastDate);
    }

    /** The time held from a day before the range to a day after it (a slot's buffers reach past its ends). */
    private static PageRead<List<Busy>> busy(
            Counsellor counsellor, Instant from, Instant until, @Nullable UUID except) {
        return AppointmentStore.busyRead(
                counsellor.universityId(),
                counsellor.userId(),
                from.minus(Duration.ofDays(1)),
                until.plus(Duration.ofDays(1)),
                except);
    }
}
