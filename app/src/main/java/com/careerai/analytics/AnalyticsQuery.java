package com.careerai.analytics;

import com.careerai.platform.analytics.Period;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The date range of staff analytics as typed: ISO days (UTC), both included; missing ends default
 * to the last 30 days up to today. At most {@value #MAX_DAYS} days.
 */
record AnalyticsQuery(String from, String to, @Nullable Period period, Map<String, String> problems) {
    static final int MAX_DAYS = 731;
    static final int DEFAULT_DAYS = 30;

    static AnalyticsQuery parse(@Nullable String from, @Nullable String to, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate toDay = day("to", to, problems);
        LocalDate fromDay = day("from", from, problems);
        if (problems.isEmpty()) {
            if (toDay == null) {
                toDay = fromDay != null && fromDay.isAfter(today) ? fromDay : today;
            }
            if (fromDay == null) {
                fromDay = toDay.minusDays(DEFAULT_DAYS - 1);
            }
            if (toDay.isBefore(fromDay)) {
                problems.put("to", "The end date must be on or after the start date.");
            } else if (ChronoUnit.DAYS.between(fromDay, toDay) + 1 > MAX_DAYS) {
                problems.put("from", "Choose at most " + MAX_DAYS + " days (two years).");
            }
        }
        if (!problems.isEmpty()) {
            return new AnalyticsQuery(text(from), text(to), null, problems);
        }
        return new AnalyticsQuery(fromDay.toString(), toDay.toString(), new Period(fromDay, toDay), problems);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    boolean valid() {
        return problems.isEmpty();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    @Nullable
    private static LocalDate day(String field, @Nullable String text, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.getYear() < 2000 || day.getYear() > 9999) {
                problems.put(field, "Enter a date between 2000 and 9999.");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.put(field, "Enter a date as YYYY-MM-DD.");
            return null;
        }
    }
}
