package com.careerai.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Ticket timers count only the university's business hours, in its zone. */
class BusinessHoursTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final SupportSettings WEEKDAYS_9_TO_5 =
            new SupportSettings("Europe/London", "1,2,3,4,5", LocalTime.of(9, 0), LocalTime.of(17, 0), 240, 960);

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), LONDON)
                .toInstant();
    }

    @Test
    void aWeekendDoesNotCount() {
        // Friday 16:00 → Monday 10:00: one hour on Friday, one on Monday
        assertThat(WEEKDAYS_9_TO_5.hours().between(at("2026-12-04T16:00"), at("2026-12-07T10:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void timeOutsideBusinessHoursDoesNotCount() {
        // Tuesday 20:00 → Wednesday 08:30: nothing; → Wednesday 09:45: 45 minutes
        assertThat(WEEKDAYS_9_TO_5.hours().between(at("2026-12-01T20:00"), at("2026-12-02T08:30")))
                .isZero();
        assertThat(WEEKDAYS_9_TO_5.hours().between(at("2026-12-01T20:00"), at("2026-12-02T09:45")))
                .isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void theDeadlineSkipsNightsAndWeekends() {
        // 4 business hours from Friday 15:00 → 2 on Friday, 2 on Monday → Monday 11:00
        assertThat(WEEKDAYS_9_TO_5.hours().deadline(at("2026-12-04T15:00"), Duration.ofHours(4)))
                .isEqualTo(at("2026-12-07T11:00"));
    }

    @Test
    void aTicketOpenedOnFridayEveningAndAnsweredMondayMorningIsWithinTarget() {
        Ticket ticket = ticket(at("2026-12-04T18:30"), at("2026-12-07T12:00"), null);
        Tickets.Timers timers = Tickets.timers(WEEKDAYS_9_TO_5, ticket, at("2026-12-07T12:00"));
        assertThat(timers.firstResponse()).isEqualTo(Duration.ofHours(3));
        assertThat(timers.firstResponseBreached()).isFalse();
    }

    @Test
    void aTicketWaitingAcrossAWeekendBreachesOnceBusinessTimeRunsOut() {
        Ticket ticket = ticket(at("2026-12-04T14:00"), null, null);
        // first response target 4 business hours: Fri 3 h + Mon 1 h = Monday 10:00
        assertThat(Tickets.timers(WEEKDAYS_9_TO_5, ticket, at("2026-12-07T09:59"))
                        .firstResponseBreached())
                .isFalse();
        assertThat(Tickets.timers(WEEKDAYS_9_TO_5, ticket, at("2026-12-07T10:01"))
                        .firstResponseBreached())
                .isTrue();
        // resolution target 16 business hours: Fri 3 h + Mon 8 h + Tue 5 h = Tuesday 14:00
        assertThat(Tickets.timers(WEEKDAYS_9_TO_5, ticket, at("2026-12-08T13:59"))
                        .resolutionBreached())
                .isFalse();
        assertThat(Tickets.timers(WEEKDAYS_9_TO_5, ticket, at("2026-12-08T14:01"))
                        .resolutionBreached())
                .isTrue();
    }

    @Test
    void aSevenDayWeekInAnotherZoneCountsSaturdays() {
        SupportSettings always =
                new SupportSettings("Asia/Kolkata", "1,2,3,4,5,6,7", LocalTime.of(8, 0), LocalTime.of(20, 0), 60, 600);
        Instant saturday8am = ZonedDateTime.of(
                        java.time.LocalDateTime.parse("2026-12-05T08:00"), ZoneId.of("Asia/Kolkata"))
                .toInstant();
        assertThat(always.hours().between(saturday8am, saturday8am.plus(Duration.ofHours(3))))
                .isEqualTo(Duration.ofHours(3));
    }

    private static Ticket ticket(Instant created, Instant firstResponse, Instant resolved) {
        return new Ticket(
                1,
                1L,
                "s@x.edu",
                "S",
                "Help",
                "general",
                Ticket.Status.OPEN,
                null,
                firstResponse,
                resolved,
                null,
                null,
                created,
                created);
    }
}
