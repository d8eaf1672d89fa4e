package com.careerai.counselling;

import com.careerai.counselling.SlotGenerator.DateOverride;
import com.careerai.counselling.SlotGenerator.WeeklyHours;
import io.micronaut.core.annotation.Nullable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Parsing of user input into values, each failure a 422 naming its field. */
final class Inputs {
    private Inputs() {}

    static Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw CounsellingException.invalid(field, "Give a time such as 2026-03-02T09:00:00Z.");
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw CounsellingException.invalid(
                    field, "Give a time with its offset, such as 2026-03-02T09:00:00+01:00.");
        }
    }

    /** The run a student shares with a booking ({@code resumeRunId}); null when none is given. */
    static @Nullable UUID resumeRun(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw CounsellingException.invalid("resumeRunId", "Choose one of your runs.");
        }
    }

    static ZoneId zone(String field, @Nullable String value) {
        try {
            return ZoneId.of(value == null ? "" : value.strip());
        } catch (DateTimeException e) {
            throw CounsellingException.invalid(field, "Give an IANA time zone such as Europe/London.");
        }
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CounsellingException.invalid(field, "Give a date as YYYY-MM-DD.");
        }
    }

    static LocalTime time(String field, @Nullable String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw CounsellingException.invalid(field, "Give a time as HH:MM.");
        }
    }

    static UUID id(@Nullable String value) {
        try {
            return UUID.fromString(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw CounsellingException.appointmentNotFound();
        }
    }

    static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw CounsellingException.invalid(field, "Enter a number from " + min + " to " + max + ".");
        }
        return value;
    }

    static Counsellors.AvailabilitySettings availability(ApiViews.AvailabilityView body) {
        Map<String, String> problems = new LinkedHashMap<>();
        ZoneId zone = null;
        try {
            zone = zone("timeZone", body.timeZone());
        } catch (CounsellingException e) {
            problems.putAll(e.fields());
        }
        List<WeeklyHours> weekly = new ArrayList<>();
        List<ApiViews.WeeklyView> weeklyInput = body.weekly() == null ? List.of() : body.weekly();
        for (int i = 0; i < weeklyInput.size(); i++) {
            ApiViews.WeeklyView w = weeklyInput.get(i);
            try {
                DayOfWeek day =
                        DayOfWeek.valueOf(w.day() == null ? "" : w.day().strip().toUpperCase(Locale.ROOT));
                LocalTime start = time("weekly[" + i + "].start", w.start());
                LocalTime end = time("weekly[" + i + "].end", w.end());
                if (!start.isBefore(end)) {
                    problems.put("weekly[" + i + "]", "The end must be after the start.");
                } else {
                    weekly.add(new WeeklyHours(day, start, end));
                }
            } catch (IllegalArgumentException e) {
                problems.put("weekly[" + i + "].day", "Give a day such as MONDAY.");
            } catch (CounsellingException e) {
                problems.putAll(e.fields());
            }
        }
        List<DateOverride> overrides = new ArrayList<>();
        List<ApiViews.OverrideView> overrideInput = body.overrides() == null ? List.of() : body.overrides();
        for (int i = 0; i < overrideInput.size(); i++) {
            ApiViews.OverrideView o = overrideInput.get(i);
            try {
                LocalDate date = date("overrides[" + i + "].date", o.date() == null ? "" : o.date());
                if (o.off()) {
                    overrides.add(new DateOverride(date, true, null, null));
                } else {
                    LocalTime start = time("overrides[" + i + "].start", o.start());
                    LocalTime end = time("overrides[" + i + "].end", o.end());
                    if (!start.isBefore(end)) {
                        problems.put("overrides[" + i + "]", "The end must be after the start.");
                    } else {
                        overrides.add(new DateOverride(date, false, start, end));
                    }
                }
            } catch (CounsellingException e) {
                problems.putAll(e.fields());
            }
        }
        check(problems, "bufferBeforeMinutes", body.bufferBeforeMinutes(), 0, 240);
        check(problems, "bufferAfterMinutes", body.bufferAfterMinutes(), 0, 240);
        check(problems, "minimumNoticeMinutes", body.minimumNoticeMinutes(), 0, 20160);
        check(problems, "bookingWindowDays", body.bookingWindowDays(), 1, 365);
        check(problems, "slotIntervalMinutes", body.slotIntervalMinutes(), 5, 240);
        if (!problems.isEmpty()) {
            throw CounsellingException.invalid(problems);
        }
        return new Counsellors.AvailabilitySettings(
                zone,
                body.bufferBeforeMinutes(),
                body.bufferAfterMinutes(),
                body.minimumNoticeMinutes(),
                body.bookingWindowDays(),
                body.slotIntervalMinutes(),
                weekly,
                overrides);
    }

    private static void check(Map<String, String> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.put(field, "Enter a number from " + min + " to " + max + ".");
        }
    }
}
