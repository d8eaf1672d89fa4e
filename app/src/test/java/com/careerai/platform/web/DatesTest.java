package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Dates are written exactly as the JDK's English patterns wrote them (issue 19 changed only how fast, ADR 0074). */
class DatesTest {
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_MOMENT =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    /** Whole-hour, half-hour, 45-minute, daylight-saving and historical (seconds in the offset) zones. */
    private static final List<ZoneId> ZONES = List.of(
            ZoneOffset.UTC,
            ZoneId.of("Europe/London"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("America/St_Johns"),
            ZoneId.of("Pacific/Chatham"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Europe/Amsterdam"),
            ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("Pacific/Pago_Pago"),
            ZoneOffset.ofHoursMinutesSeconds(-3, -25, -52));

    @Test
    void writesEveryMomentAsTheJdksEnglishPatterns() {
        List<Instant> moments = new ArrayList<>(List.of(
                Instant.parse("2026-12-02T14:05:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-03-29T00:59:59Z"),
                Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-10-25T00:30:00Z"),
                Instant.parse("2026-10-25T01:30:00Z"),
                Instant.parse("2024-02-29T23:59:59.999Z"),
                Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1900-06-15T12:00:00Z"),
                Instant.parse("0001-01-01T12:00:00Z"),
                Instant.parse("0009-12-31T12:00:00Z"),
                Instant.parse("0010-01-01T12:00:00Z"),
                Instant.parse("0099-07-04T09:09:00Z"),
                Instant.parse("0999-09-09T09:09:00Z"),
                Instant.parse("1000-01-01T12:00:00Z"),
                Instant.parse("9999-12-30T12:00:00Z"),
                // outside 1–9999 in some zones: the pattern's own forms ("0000", a year of the era, "+10000")
                Instant.parse("0000-06-01T00:00:00Z"),
                Instant.parse("-0005-06-01T00:00:00Z"),
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:00:00Z"),
                Instant.parse("+10000-01-01T00:00:00Z")));
        Random random = new Random(19);
        long from = LocalDateTime.of(1850, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long to = LocalDateTime.of(2150, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 20_000; i++) {
            moments.add(Instant.ofEpochSecond(
                    from + (long) (random.nextDouble() * (to - from)), random.nextInt(1_000_000_000)));
        }
        for (ZoneId zone : ZONES) {
            for (Instant moment : moments) {
                assertThat(Dates.moment(moment, zone))
                        .as("%s in %s", moment, zone)
                        .isEqualTo(MOMENT.format(moment.atZone(zone)));
                assertThat(Dates.day(moment, zone))
                        .as("%s in %s", moment, zone)
                        .isEqualTo(DAY.format(moment.atZone(zone)));
                assertThat(Dates.weekdayMoment(moment, zone))
                        .as("%s in %s", moment, zone)
                        .isEqualTo(WEEKDAY_MOMENT.format(moment.atZone(zone)));
            }
        }
    }

    @Test
    void writesNothingForNoMoment() {
        assertThat(Dates.moment(null, ZoneOffset.UTC)).isEmpty();
        assertThat(Dates.day(null, ZoneOffset.UTC)).isEmpty();
        assertThat(Dates.weekdayMoment(null, ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void writesAClassStartWithItsWeekday() {
        Instant start = Instant.parse("2026-12-02T14:05:00Z");
        assertThat(Dates.weekdayMoment(start, ZoneId.of("Asia/Kolkata"))).isEqualTo("Wed 2 Dec 2026, 19:35");
        assertThat(Dates.moment(start, ZoneOffset.UTC)).isEqualTo("2 Dec 2026, 14:05");
        assertThat(Dates.day(start, ZoneId.of("Pacific/Kiritimati"))).isEqualTo("3 Dec 2026");
    }
}
