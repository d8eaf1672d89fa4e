package com.careerai.platform.analytics;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A period cut into whole calendar months, whole ISO weeks and single days, so that a distinct
 * count over a long period can read per-month and per-week (period, student) rows that a feature
 * keeps, and only the few days at the edges from its facts (issue 17, ADR 0035). Months are taken
 * wherever one fits whole; weeks fill the rest where they fit whole without covering the start of
 * a month that fits whole; single days fill what is left (at most six at each edge of a month or a
 * week). The pieces are disjoint and together are exactly the period's days, so a distinct count
 * over the union of their rows is the distinct count over the period.
 *
 * @param spans runs of consecutive pieces of one unit, in order
 */
public record Cover(List<Span> spans) {

    /**
     * Days {@code from}..{@code to} (both included) made of whole pieces of {@code unit}:
     * {@code day}, {@code week} (from a Monday) or {@code month} (from a first day).
     */
    public record Span(String unit, LocalDate from, LocalDate to) {
        /** The first day of the span's last piece: the day a per-period row of it is keyed by. */
        public LocalDate lastStart() {
            return switch (unit) {
                case "week" -> to.minusDays(6);
                case "month" -> to.withDayOfMonth(1);
                default -> to;
            };
        }
    }

    public Cover {
        spans = List.copyOf(spans);
    }

    /** The cover of {@code period}. */
    public static Cover of(Period period) {
        List<Span> spans = new ArrayList<>();
        LocalDate day = period.from();
        LocalDate to = period.to();
        while (!day.isAfter(to)) {
            String unit;
            LocalDate end;
            if (day.getDayOfMonth() == 1 && !monthEnd(day).isAfter(to)) {
                unit = "month";
                end = monthEnd(day);
            } else if (day.getDayOfWeek() == DayOfWeek.MONDAY
                    && !day.plusDays(6).isAfter(to)
                    && !coversAWholeMonthsStart(day, to)) {
                unit = "week";
                end = day.plusDays(6);
            } else {
                unit = "day";
                end = day;
            }
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && last.unit().equals(unit)) {
                spans.set(spans.size() - 1, new Span(unit, last.from(), end));
            } else {
                spans.add(new Span(unit, day, end));
            }
            day = end.plusDays(1);
        }
        return new Cover(spans);
    }

    private static LocalDate monthEnd(LocalDate first) {
        return first.plusMonths(1).minusDays(1);
    }

    /** Whether the week from {@code monday} holds the 1st of a month that fits whole before {@code to}. */
    private static boolean coversAWholeMonthsStart(LocalDate monday, LocalDate to) {
        LocalDate first = monday.plusDays(6).withDayOfMonth(1);
        return first.isAfter(monday) && !monthEnd(first).isAfter(to);
    }

    /**
     * The condition selecting the per-period rows of the week and month pieces, over a
     * {@code unit} and a {@code starts_on} column; {@code FALSE} when there are none.
     */
    public Condition periods(String unitColumn, String startColumn) {
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Span span : spans) {
            if (!span.unit().equals("day")) {
                parts.add("(" + unitColumn + " = '" + span.unit() + "' AND " + startColumn + " BETWEEN ? AND ?)");
                parameters.add(span.from());
                parameters.add(span.lastStart());
            }
        }
        return Condition.of(parts, parameters);
    }

    /** The condition selecting the single days over a {@code date} column; {@code FALSE} when none. */
    public Condition days(String dayColumn) {
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Span span : spans) {
            if (span.unit().equals("day")) {
                parts.add("(" + dayColumn + " BETWEEN ? AND ?)");
                parameters.add(span.from());
                parameters.add(span.to());
            }
        }
        return Condition.of(parts, parameters);
    }

    /** The condition selecting the single days over a {@code timestamptz} column (UTC days); {@code FALSE} when none. */
    public Condition instants(String instantColumn) {
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Span span : spans) {
            if (span.unit().equals("day")) {
                parts.add("(" + instantColumn + " >= ? AND " + instantColumn + " < ?)");
                parameters.add(Timestamp.from(span.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
                parameters.add(
                        Timestamp.from(span.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
        }
        return Condition.of(parts, parameters);
    }

    /** A SQL condition (column names and units are constants, never input) and its parameters. */
    public record Condition(String sql, List<Object> parameters) {
        public Condition {
            parameters = List.copyOf(parameters);
        }

        static Condition of(List<String> parts, List<Object> parameters) {
            return new Condition(parts.isEmpty() ? "FALSE" : "(" + String.join(" OR ", parts) + ")", parameters);
        }
    }
}
