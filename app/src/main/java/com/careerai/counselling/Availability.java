package com.careerai.counselling;

import com.careerai.counselling.SlotGenerator.Busy;
import com.careerai.counselling.SlotGenerator.Settings;
import com.careerai.counselling.SlotGenerator.Slot;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A counsellor's open slots from their stored hours, overrides and appointments. Callers hold a connection. */
@Singleton
class Availability {
    private final CounsellorStore counsellors;
    private final AppointmentStore appointments;
    private final CounsellingClock clock;

    Availability(CounsellorStore counsellors, AppointmentStore appointments, CounsellingClock clock) {
        this.counsellors = counsellors;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** Free slots starting in [from, until); {@code except} is an appointment being moved (its own time counts as free). */
    List<Slot> freeSlots(Counsellor counsellor, SessionType type, Instant from, Instant until, @Nullable UUID except) {
        List<Busy> busy = appointments.busy(
                counsellor.universityId(),
                counsellor.userId(),
                from.minus(Duration.ofDays(1)),
                until.plus(Duration.ofDays(1)),
                except);
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
        LocalDate firstDate = from.atZone(counsellor.timeZone()).toLocalDate().minusDays(2);
        LocalDate lastDate = until.atZone(counsellor.timeZone()).toLocalDate().plusDays(2);
        return new Settings(
                counsellor.timeZone(),
                counsellors.weeklyHours(counsellor.universityId(), counsellor.userId()),
                counsellors.overrides(counsellor.universityId(), counsellor.userId(), firstDate, lastDate),
                counsellor.bufferBefore(),
                counsellor.bufferAfter(),
                Duration.ofMinutes(counsellor.minNoticeMinutes()),
                counsellor.bookingWindowDays(),
                Duration.ofMinutes(counsellor.slotIntervalMinutes()));
    }
}
