package com.careerai.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A period's cover: whole months, whole weeks and single days, together exactly its days. */
class CoverTest {

    @Test
    void aYearToTodayIsMostlyMonthsWithAFewWeeksAndDays() {
        Cover cover = new Period(LocalDate.parse("2025-12-04"), LocalDate.parse("2026-12-03")).cover();
        assertThat(cover.spans())
                .containsExactly(
                        new Cover.Span("day", LocalDate.parse("2025-12-04"), LocalDate.parse("2025-12-07")),
                        new Cover.Span("week", LocalDate.parse("2025-12-08"), LocalDate.parse("2025-12-28")),
                        new Cover.Span("day", LocalDate.parse("2025-12-29"), LocalDate.parse("2025-12-31")),
                        new Cover.Span("month", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-11-30")),
                        new Cover.Span("day", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-03")));
        assertThat(cover.spans().get(3).lastStart()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(cover.spans().get(1).lastStart()).isEqualTo(LocalDate.parse("2025-12-22"));
    }

    @Test
    void everyDayOfAnyPeriodIsInExactlyOneWholePiece() {
        LocalDate start = LocalDate.parse("2025-11-20");
        for (int offset = 0; offset < 40; offset += 3) {
            for (int length : List.of(1, 6, 7, 13, 31, 45, 62, 63, 100, 365, 366, 367, 500)) {
                Period period = new Period(start.plusDays(offset), start.plusDays(offset + length - 1));
                List<LocalDate> days = new ArrayList<>();
                for (Cover.Span span : period.cover().spans()) {
                    for (LocalDate day = span.from(); !day.isAfter(span.to()); day = day.plusDays(1)) {
                        days.add(day);
                    }
                    switch (span.unit()) {
                        case "week" -> {
                            assertThat(span.from().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                            assertThat(span.to().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
                        }
                        case "month" -> {
                            assertThat(span.from().getDayOfMonth()).isEqualTo(1);
                            assertThat(span.to().plusDays(1).getDayOfMonth()).isEqualTo(1);
                        }
                        default -> assertThat(span.unit()).isEqualTo("day");
                    }
                }
                List<LocalDate> expected = new ArrayList<>();
                for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
                    expected.add(day);
                }
                assertThat(days).as(period.toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void conditionsCarryTheirParametersAndAreFalseWhenEmpty() {
        Cover days = new Period(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-05")).cover();
        assertThat(days.periods("unit", "starts_on").sql()).isEqualTo("FALSE");
        assertThat(days.periods("unit", "starts_on").parameters()).isEmpty();
        assertThat(days.days("day").sql()).isEqualTo("((day BETWEEN ? AND ?))");
        assertThat(days.days("day").parameters())
                .containsExactly(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-05"));
    }
}
