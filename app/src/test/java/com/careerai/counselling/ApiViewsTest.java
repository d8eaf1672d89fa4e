package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The API's times read exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes them. */
class ApiViewsTest {
    private static final List<ZoneId> ZONES = List.of(
            ZoneOffset.UTC,
            ZoneId.of("Europe/London"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), // +05:30
            ZoneId.of("Asia/Kathmandu"), // +05:45
            ZoneId.of("Pacific/Chatham"), // +12:45 / +13:45
            ZoneId.of("America/St_Johns"), // -03:30
            ZoneId.of("Europe/Amsterdam"), // +00:19:32 before 1937: an offset with seconds
            ZoneOffset.ofHoursMinutesSeconds(-1, -2, -3));

    private static String expected(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(zone).toOffsetDateTime());
    }

    @Test
    void isoMatchesTheIsoFormatterInEveryZoneAcrossTheCenturies() {
        SplittableRandom random = new SplittableRandom(19);
        long first = Instant.parse("1000-01-02T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-30T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last));
            ZoneId zone = ZONES.get(i % ZONES.size());
            assertThat(ApiViews.iso(instant, zone))
                    .as("%s in %s", instant, zone)
                    .isEqualTo(expected(instant, zone));
        }
    }

    @Test
    void oneIsoTimesKeepsItsOffsetAndDateOnlyWhileTheyHold() {
        SplittableRandom random = new SplittableRandom(33);
        long first = Instant.parse("1930-01-01T00:00:00Z").getEpochSecond();
        for (ZoneId zone : ZONES) {
            IsoTimes times = new IsoTimes(zone);
            byte[] out = new byte[IsoTimes.MAX_BYTES];
            long second = first;
            for (int i = 0; i < 5_000; i++) {
                // mostly forward in steps from minutes to months (across clock changes and days),
                // sometimes back: what was kept must be looked up again
                second = i % 7 == 6
                        ? second - random.nextLong(1, 40L * 86_400)
                        : second + 60 * random.nextLong(1, 1 << random.nextInt(1, 17));
                Instant instant = Instant.ofEpochSecond(second);
                int end = times.write(out, 0, instant);
                assertThat(new String(out, 0, end, StandardCharsets.US_ASCII))
                        .as("%s in %s", instant, zone)
                        .isEqualTo(expected(instant, zone));
            }
        }
    }

    @Test
    void isoMatchesTheIsoFormatterAroundClockChangesAndMidnight() {
        for (String at : List.of(
                "2026-03-29T00:59:59Z",
                "2026-03-29T01:00:00Z",
                "2026-10-25T00:59:59Z",
                "2026-10-25T01:00:00Z",
                "2026-12-31T23:59:59Z",
                "2027-01-01T00:00:00Z",
                "2028-02-29T12:30:00Z",
                "1930-06-01T08:00:00Z")) {
            for (ZoneId zone : ZONES) {
                Instant instant = Instant.parse(at);
                assertThat(ApiViews.iso(instant, zone)).as("%s in %s", at, zone).isEqualTo(expected(instant, zone));
            }
        }
    }

    @Test
    void fractionsAndFarYearsAreFormattedAsTheIsoFormatterDoes() {
        for (Instant instant : List.of(
                Instant.parse("2026-03-02T09:00:00.250Z"),
                Instant.parse("2026-03-02T09:00:00.000000001Z"),
                Instant.parse("0999-12-31T23:00:00Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-01T00:00:00Z"))) {
            for (ZoneId zone : ZONES) {
                assertThat(ApiViews.iso(instant, zone))
                        .as("%s in %s", instant, zone)
                        .isEqualTo(expected(instant, zone));
            }
        }
        assertThat(ApiViews.iso(Instant.parse("2026-03-02T09:00:00Z"))).isEqualTo("2026-03-02T09:00:00Z");
    }
}
