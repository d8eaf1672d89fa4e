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
import java.util.Arrays;
import java.util.List;
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
}
