package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.counselling.SlotGenerator.Busy;
import com.careerai.counselling.SlotGenerator.DateOverride;
import com.careerai.counselling.SlotGenerator.Settings;
import com.careerai.counselling.SlotGenerator.Slot;
import com.careerai.counselling.SlotGenerator.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SlotGeneratorTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private static List<WeeklyHours> weekdays(String from, String to) {
        return Arrays.stream(DayOfWeek.values())
                .filter(day -> day.getValue() <= 5)
                .map(day -> new WeeklyHours(day, LocalTime.parse(from), LocalTime.parse(to)))
                .toList();
    }

    private static Settings settings(ZoneId zone, List<WeeklyHours> weekly, List<DateOverride> overrides) {
        return new Settings(zone, weekly, overrides, Duration.ZERO, Duration.ZERO, Duration.ZERO, 60, HALF_HOUR);
    }

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void londonWeekdayHoursStayAtNineLocalAcrossTheSpringChange() {
        List<Slot> slots = SlotGenerator.slots(
                settings(LONDON, weekdays("09:00", "10:00"), List.of()),
                HALF_HOUR,
                at("2026-03-27T00:00:00Z"),
                at("2026-03-31T00:00:00Z"),
                at("2026-03-20T00:00:00Z"),
                List.of());

        // Friday 27 March is GMT (09:00 = 09:00Z); Monday 30 March is BST (09:00 = 08:00Z).
        assertThat(starts(slots))
                .containsExactly(
                        at("2026-03-27T09:00:00Z"),
                        at("2026-03-27T09:30:00Z"),
                        at("2026-03-30T08:00:00Z"),
                        at("2026-03-30T08:30:00Z"));
        assertThat(slots.get(2).end()).isEqualTo(at("2026-03-30T08:30:00Z"));
    }

    @Test
    void londonWeekdayHoursStayAtNineLocalAcrossTheAutumnChange() {
        List<Slot> slots = SlotGenerator.slots(
                settings(LONDON, weekdays("09:00", "09:30"), List.of()),
                HALF_HOUR,
                at("2026-10-23T00:00:00Z"),
                at("2026-10-27T00:00:00Z"),
                at("2026-10-20T00:00:00Z"),
                List.of());

        assertThat(starts(slots)).containsExactly(at("2026-10-23T08:00:00Z"), at("2026-10-26T09:00:00Z"));
    }

    @Test
    void newYorkWeekdayHoursStayAtNineLocalAcrossBothChanges() {
        Settings newYork = settings(NEW_YORK, weekdays("09:00", "09:30"), List.of());

        List<Slot> spring = SlotGenerator.slots(
                newYork,
                HALF_HOUR,
                at("2026-03-06T00:00:00Z"),
                at("2026-03-10T00:00:00Z"),
                at("2026-03-01T00:00:00Z"),
                List.of());
        List<Slot> autumn = SlotGenerator.slots(
                newYork,
                HALF_HOUR,
                at("2026-10-30T00:00:00Z"),
                at("2026-11-03T00:00:00Z"),
                at("2026-10-25T00:00:00Z"),
                List.of());

        assertThat(starts(spring)).containsExactly(at("2026-03-06T14:00:00Z"), at("2026-03-09T13:00:00Z"));
        assertThat(starts(autumn)).containsExactly(at("2026-10-30T13:00:00Z"), at("2026-11-02T14:00:00Z"));
    }

    @Test
    void startsInsideTheSpringForwardGapAreSkippedAndSlotsLastRealTime() {
        LocalDate changeDay = LocalDate.parse("2026-03-29"); // 01:00 GMT becomes 02:00 BST
        List<Slot> slots = SlotGenerator.slots(
                settings(
                        LONDON,
                        List.of(),
                        List.of(new DateOverride(
                                changeDay, false, LocalTime.parse("00:00"), LocalTime.parse("03:00")))),
                HALF_HOUR,
                at("2026-03-28T00:00:00Z"),
                at("2026-03-30T00:00:00Z"),
                at("2026-03-20T00:00:00Z"),
                List.of());

        // 00:00, 00:30 GMT, then 02:00, 02:30 BST: local 01:00 and 01:30 never happen.
        assertThat(starts(slots))
                .containsExactly(
                        at("2026-03-29T00:00:00Z"),
                        at("2026-03-29T00:30:00Z"),
                        at("2026-03-29T01:00:00Z"),
                        at("2026-03-29T01:30:00Z"));
        assertThat(slots).allSatisfy(slot -> assertThat(Duration.between(slot.start(), slot.end()))
                .isEqualTo(HALF_HOUR));
    }

    @Test
    void ambiguousStartsInTheAutumnOverlapMeanTheirFirstOccurrence() {
        LocalDate changeDay = LocalDate.parse("2026-10-25"); // 02:00 BST becomes 01:00 GMT
        List<Slot> slots = SlotGenerator.slots(
                settings(
                        LONDON,
                        List.of(),
                        List.of(new DateOverride(
                                changeDay, false, LocalTime.parse("00:00"), LocalTime.parse("03:00")))),
                HALF_HOUR,
                at("2026-10-24T00:00:00Z"),
                at("2026-10-26T00:00:00Z"),
                at("2026-10-20T00:00:00Z"),
                List.of());

        assertThat(starts(slots))
                .containsExactly(
                        at("2026-10-24T23:00:00Z"),
                        at("2026-10-24T23:30:00Z"),
                        at("2026-10-25T00:00:00Z"),
                        at("2026-10-25T00:30:00Z"),
                        at("2026-10-25T02:00:00Z"),
                        at("2026-10-25T02:30:00Z"));
    }

    @Test
    void busyTimeBuffersNoticeAndWindowRemoveSlots() {
        Settings buffered = new Settings(
                LONDON,
                weekdays("09:00", "13:00"),
                List.of(),
                Duration.ofMinutes(15),
                Duration.ofMinutes(15),
                Duration.ofHours(2),
                2,
                HALF_HOUR);
        Instant now = at("2026-06-01T07:30:00Z"); // Monday, 08:30 BST
        List<Busy> busy = List.of(new Busy(at("2026-06-01T09:45:00Z"), at("2026-06-01T10:45:00Z")));

        List<Slot> slots = SlotGenerator.slots(
                buffered, HALF_HOUR, at("2026-06-01T00:00:00Z"), at("2026-06-10T00:00:00Z"), now, busy);

        // Notice: nothing before 09:30Z (10:30 local). Busy 09:45–10:45Z with our 15-min buffers
        // blocks every start from 09:30Z to 10:45Z. Window: nothing after 3 June 07:30Z.
        assertThat(starts(slots))
                .startsWith(at("2026-06-01T11:00:00Z"))
                .doesNotContain(at("2026-06-01T09:30:00Z"), at("2026-06-01T10:00:00Z"), at("2026-06-01T10:30:00Z"))
                .allSatisfy(start -> assertThat(start).isBefore(at("2026-06-03T07:30:00Z")));
        assertThat(starts(slots)).contains(at("2026-06-02T08:00:00Z")).doesNotContain(at("2026-06-03T08:00:00Z"));
    }

    @Test
    void aDayOffRemovesTheWeeklyHoursAndExtraHoursAddSlots() {
        List<DateOverride> overrides = List.of(
                new DateOverride(LocalDate.parse("2026-06-01"), true, null, null),
                new DateOverride(
                        LocalDate.parse("2026-06-06"), false, LocalTime.parse("10:00"), LocalTime.parse("10:30")));

        List<Slot> slots = SlotGenerator.slots(
                settings(LONDON, weekdays("09:00", "09:30"), overrides),
                HALF_HOUR,
                at("2026-06-01T00:00:00Z"),
                at("2026-06-07T00:00:00Z"),
                at("2026-05-25T00:00:00Z"),
                List.of());

        assertThat(starts(slots))
                .containsExactly(
                        at("2026-06-02T08:00:00Z"),
                        at("2026-06-03T08:00:00Z"),
                        at("2026-06-04T08:00:00Z"),
                        at("2026-06-05T08:00:00Z"),
                        at("2026-06-06T09:00:00Z"));
    }

    /**
     * The generator takes each date's offset once when it holds all day and keeps its slots in a list
     * (issue 19); it must still give, for any hours, zone and range, what taking every local time through
     * {@link ZonedDateTime#ofLocal} one by one gives. Zones with changes at midnight (São Paulo until
     * 2019), by half an hour (Lord Howe), at 02:45 (Chatham) and none.
     */
    @Test
    void anyHoursInAnyZoneGiveWhatEachLocalTimeTakenAloneGives() {
        List<ZoneId> zones = List.of(
                ZoneId.of("UTC"),
                LONDON,
                NEW_YORK,
                ZoneId.of("America/Sao_Paulo"),
                ZoneId.of("Australia/Lord_Howe"),
                ZoneId.of("Pacific/Chatham"),
                ZoneId.of("Asia/Kolkata"));
        SplittableRandom random = new SplittableRandom(19);
        int slotsSeen = 0;
        for (int i = 0; i < 2_000; i++) {
            ZoneId zone = zones.get(i % zones.size());
            LocalDate first = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(365 * 10));
            List<WeeklyHours> weekly = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                for (int w = random.nextInt(3); w > 0; w--) {
                    LocalTime[] window = window(random);
                    weekly.add(new WeeklyHours(day, window[0], window[1]));
                }
            }
            List<DateOverride> overrides = new ArrayList<>();
            for (int o = random.nextInt(4); o > 0; o--) {
                LocalDate date = first.plusDays(random.nextInt(30));
                LocalTime[] window = window(random);
                overrides.add(
                        random.nextBoolean()
                                ? new DateOverride(date, true, null, null)
                                : new DateOverride(date, false, window[0], window[1]));
            }
            Settings settings = new Settings(
                    zone,
                    weekly,
                    overrides,
                    Duration.ofMinutes(random.nextInt(3) * 10),
                    Duration.ofMinutes(random.nextInt(3) * 10),
                    Duration.ofHours(random.nextInt(30)),
                    random.nextInt(5, 60),
                    Duration.ofMinutes(List.of(5, 10, 15, 20, 30, 45, 60, 90).get(random.nextInt(8))));
            Duration length = Duration.ofMinutes(List.of(15, 30, 45, 60, 90).get(random.nextInt(5)));
            Instant from = first.atStartOfDay(zone).toInstant();
            Instant until =
                    first.plusDays(random.nextInt(1, 32)).atStartOfDay(zone).toInstant();
            Instant now = from.minus(Duration.ofMinutes(random.nextInt(4 * 24 * 60)));
            List<Busy> busy = new ArrayList<>();
            for (int b = random.nextInt(4); b > 0; b--) {
                Instant taken = from.plus(Duration.ofMinutes(15L * random.nextInt(4 * 24 * 30)));
                busy.add(new Busy(taken, taken.plus(Duration.ofMinutes(15L * random.nextInt(1, 8)))));
            }

            List<Slot> slots = SlotGenerator.slots(settings, length, from, until, now, busy);

            assertThat(slots)
                    .as("case %d in %s from %s", i, zone, first)
                    .isEqualTo(oneByOne(settings, length, from, until, now, busy));
            slotsSeen += slots.size();
        }
        assertThat(slotsSeen).as("slots over all cases").isGreaterThan(50_000);
    }

    /** A window of local hours on a quarter-hour grid, often around midnight (where zones change) and to its end. */
    private static LocalTime[] window(SplittableRandom random) {
        int start = random.nextInt(random.nextBoolean() ? 16 : 96) * 15;
        LocalTime end = random.nextInt(6) == 0
                ? LocalTime.MAX
                : LocalTime.ofSecondOfDay(Math.min(23 * 60 + 45, start + 15 * random.nextInt(1, 40)) * 60L);
        return new LocalTime[] {LocalTime.ofSecondOfDay(start * 60L), end};
    }

    /** Every candidate local time on its own through ZonedDateTime: the plain statement of the generator's rules. */
    private static List<Slot> oneByOne(
            Settings settings, Duration length, Instant from, Instant until, Instant now, List<Busy> busy) {
        Instant earliest = from.isAfter(now.plus(settings.minimumNotice())) ? from : now.plus(settings.minimumNotice());
        Instant bookable = now.plus(Duration.ofDays(settings.bookingWindowDays()));
        Instant latest = until.isBefore(bookable) ? until : bookable;
        ZoneId zone = settings.zone();
        TreeMap<Instant, Slot> slots = new TreeMap<>();
        LocalDate last = latest.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate date = earliest.atZone(zone).toLocalDate().minusDays(1);
                !date.isAfter(last);
                date = date.plusDays(1)) {
            LocalDate day = date;
            boolean off = settings.overrides().stream().anyMatch(o -> o.date().equals(day) && o.off());
            List<LocalTime[]> windows = new ArrayList<>();
            settings.weekly().stream()
                    .filter(hours -> !off && hours.day() == day.getDayOfWeek())
                    .forEach(hours -> windows.add(new LocalTime[] {hours.start(), hours.end()}));
            settings.overrides().stream()
                    .filter(o -> o.date().equals(day) && !o.off())
                    .forEach(o -> windows.add(new LocalTime[] {o.start(), o.end()}));
            for (LocalTime[] window : windows) {
                Instant windowEnd = ZonedDateTime.ofLocal(date.atTime(window[1]), zone, null)
                        .withLaterOffsetAtOverlap()
                        .toInstant();
                LocalTime time = window[0];
                while (time.isBefore(window[1])) {
                    ZonedDateTime zoned = ZonedDateTime.ofLocal(date.atTime(time), zone, null);
                    Instant start = zoned.toInstant();
                    Instant end = start.plus(length);
                    boolean exists = zoned.toLocalTime().equals(time); // a time in a gap is moved on by ofLocal
                    boolean clear = busy.stream()
                            .noneMatch(taken -> taken.from().isBefore(end.plus(settings.bufferAfter()))
                                    && start.minus(settings.bufferBefore()).isBefore(taken.until()));
                    if (exists
                            && clear
                            && !end.isAfter(windowEnd)
                            && !start.isBefore(earliest)
                            && start.isBefore(latest)) {
                        slots.putIfAbsent(start, new Slot(start, end));
                    }
                    LocalTime next = time.plus(settings.interval());
                    if (!next.isAfter(time)) {
                        break; // midnight
                    }
                    time = next;
                }
            }
        }
        return new ArrayList<>(slots.values());
    }
}
