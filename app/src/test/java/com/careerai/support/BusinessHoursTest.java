package com.careerai.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
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
    void aYearOpenInUtcIsFiftyTwoWeeksOfHours() {
        BusinessHours weekdays = new BusinessHours(
                ZoneId.of("UTC"),
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                LocalTime.of(9, 0),
                LocalTime.of(17, 0));
        Instant monday = Instant.parse("2025-12-01T00:00:00Z");
        assertThat(weekdays.between(monday, monday.plus(Duration.ofDays(364)))).isEqualTo(Duration.ofHours(52 * 5 * 8));
    }

    /**
     * The whole days counted by their days of the week, corrected where an offset changes, agree with counting
     * every day (the definition) for 20,000 random spans of up to three years, in zones whose offsets change by an
     * hour, half an hour, at midnight, or skip a whole day (Apia, 30 December 2011), with hours that a change falls
     * inside, that end at midnight, or that close before they open.
     */
    @Test
    void countingWholeDaysAgreesWithCountingEveryDay() {
        java.util.Random random = new java.util.Random(19);
        List<ZoneId> zones = Stream.of(
                        "UTC",
                        "Europe/London",
                        "America/New_York",
                        "America/St_Johns",
                        "America/Santiago",
                        "America/Havana",
                        "Australia/Lord_Howe",
                        "Pacific/Apia",
                        "Asia/Kolkata",
                        "Africa/Casablanca")
                .map(ZoneId::of)
                .toList();
        List<LocalTime[]> hours = List.of(
                new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(17, 0)},
                new LocalTime[] {LocalTime.of(0, 0), LocalTime.of(23, 59)},
                new LocalTime[] {LocalTime.of(0, 30), LocalTime.of(3, 30)},
                new LocalTime[] {LocalTime.of(1, 0), LocalTime.of(2, 30)},
                new LocalTime[] {LocalTime.of(22, 0), LocalTime.of(23, 30)},
                new LocalTime[] {LocalTime.of(17, 0), LocalTime.of(9, 0)});
        Instant earliest = Instant.parse("2010-06-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            java.util.EnumSet<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
            for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
                if (random.nextInt(3) > 0) {
                    days.add(day);
                }
            }
            LocalTime[] open = hours.get(random.nextInt(hours.size()));
            BusinessHours business = new BusinessHours(zone, days, open[0], open[1]);
            Instant from = earliest.plusSeconds((long) (random.nextDouble() * 16 * 365 * 86_400));
            long span = random.nextInt(4) == 0
                    ? random.nextInt(3 * 86_400)
                    : (long) (random.nextDouble() * 3 * 365 * 86_400);
            Instant to = from.plusSeconds(span);
            assertThat(business.between(from, to))
                    .as("%s %s %s–%s from %s to %s", zone, days, open[0], open[1], from, to)
                    .isEqualTo(everyDay(business, from, to));
        }
    }

    /** Business time counted day by day: the definition {@link BusinessHours#between} must agree with. */
    private static Duration everyDay(BusinessHours hours, Instant from, Instant to) {
        if (!to.isAfter(from) || hours.days().isEmpty()) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        java.time.LocalDate last = to.atZone(hours.zone()).toLocalDate();
        for (java.time.LocalDate day = from.atZone(hours.zone()).toLocalDate();
                !day.isAfter(last);
                day = day.plusDays(1)) {
            if (hours.days().contains(day.getDayOfWeek())) {
                Instant open =
                        ZonedDateTime.of(day, hours.start(), hours.zone()).toInstant();
                Instant close = ZonedDateTime.of(day, hours.end(), hours.zone()).toInstant();
                Instant a = from.isAfter(open) ? from : open;
                Instant b = to.isBefore(close) ? to : close;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
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
