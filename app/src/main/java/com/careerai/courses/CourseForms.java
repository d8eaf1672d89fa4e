package com.careerai.courses;

import com.careerai.credits.Currency;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Staff forms for courses and batches read into fields, with a message per field when they do not read. */
final class CourseForms {
    private CourseForms() {}

    /** The form read, or the messages per field. */
    record Read<T>(@Nullable T value, Map<String, String> errors) {}

    static Read<CourseStore.CourseFields> course(Map<String, Object> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(form, "title");
        if (title.isEmpty() || title.length() > 200) {
            errors.put("title", "Give the course a title of up to 200 characters.");
        }
        String description = text(form, "description");
        if (description.length() > 8000) {
            errors.put("description", "Keep the description under 8,000 characters.");
        }
        String outcomes = text(form, "outcomes");
        if (outcomes.length() > 4000) {
            errors.put("outcomes", "Keep the outcomes under 4,000 characters.");
        }
        Long cents = null;
        String price = text(form, "price");
        if (!price.isEmpty()) {
            try {
                BigDecimal amount = new BigDecimal(price);
                if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(BigDecimal.valueOf(100000)) > 0) {
                    throw new NumberFormatException();
                }
                cents = amount.movePointRight(2).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                errors.put("price", "Give a price such as 49 or 49.50, or leave it empty.");
            }
        }
        String currency = text(form, "currency").toLowerCase(Locale.ROOT);
        if (cents != null && !currency.matches("[a-z]{3}")) {
            errors.put("currency", "Give a three-letter currency such as usd.");
        }
        Integer credits = null;
        String creditsText = text(form, "credits");
        if (!creditsText.isEmpty()) {
            credits = number(creditsText, 1, 10000);
            if (credits == null) {
                errors.put("credits", "Give a whole number of credits from 1, or leave it empty.");
            }
        }
        Currency creditsCurrency = Currency.parse(text(form, "creditsCurrency")).orElse(Currency.GOLD);
        Integer capacity = number(text(form, "capacity"), 1, 10000);
        if (capacity == null) {
            errors.put("capacity", "Give the places per batch, from 1 to 10,000.");
        }
        Course.Visibility visibility = "STUDENTS".equalsIgnoreCase(text(form, "visibility"))
                ? Course.Visibility.STUDENTS
                : Course.Visibility.PUBLIC;
        if (!errors.isEmpty()) {
            return new Read<>(null, errors);
        }
        return new Read<>(
                new CourseStore.CourseFields(
                        title,
                        description,
                        outcomes,
                        cents,
                        cents == null ? null : currency,
                        credits,
                        credits == null ? null : creditsCurrency,
                        capacity,
                        visibility),
                errors);
    }

    /** The batch; the instructor is looked up by {@code instructorOf} (email → user id, or null). */
    static Read<CourseStore.BatchFields> batch(
            Map<String, Object> form, int defaultCapacity, Function<String, Long> instructorOf) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(form, "name");
        if (name.isEmpty() || name.length() > 120) {
            errors.put("name", "Give the batch a name of up to 120 characters, such as Spring 2027.");
        }
        LocalDate startsOn = date(text(form, "startsOn"));
        if (startsOn == null) {
            errors.put("startsOn", "Give the first day.");
        }
        LocalDate endsOn = date(text(form, "endsOn"));
        if (endsOn == null || (startsOn != null && endsOn.isBefore(startsOn))) {
            errors.put("endsOn", "Give the last day, on or after the first.");
        } else if (startsOn != null && endsOn.isAfter(startsOn.plusYears(2))) {
            errors.put("endsOn", "A batch runs for two years at most.");
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(text(form, "timeZone"));
        } catch (DateTimeException e) {
            errors.put("timeZone", "Give a time zone such as Europe/London or America/New_York.");
        }
        List<Integer> days = new ArrayList<>();
        for (String value : values(form.get("days"))) {
            Integer day = number(value, 1, 7);
            if (day != null && !days.contains(day)) {
                days.add(day);
            }
        }
        if (days.isEmpty()) {
            errors.put("days", "Tick at least one day of the week.");
        }
        LocalTime start = null;
        try {
            start = LocalTime.parse(text(form, "startTime"));
        } catch (DateTimeException e) {
            errors.put("startTime", "Give the start time, such as 18:00.");
        }
        Integer minutes = number(text(form, "minutes"), 5, 720);
        if (minutes == null) {
            errors.put("minutes", "Give the length in minutes, from 5 to 720.");
        }
        String email = text(form, "instructor");
        Long instructor = email.isEmpty() ? null : instructorOf.apply(email);
        if (instructor == null) {
            errors.put("instructor", "Give the email of a counsellor or staff member of this university.");
        }
        String meeting = text(form, "meetingUrl");
        if (!meeting.isEmpty() && !Sessions.webLink(meeting)) {
            errors.put("meetingUrl", "Give a web address starting with https://, or leave it empty.");
        }
        String capacityText = text(form, "capacity");
        Integer capacity = capacityText.isEmpty() ? Integer.valueOf(defaultCapacity) : number(capacityText, 1, 10000);
        if (capacity == null) {
            errors.put("capacity", "Give the places, from 1 to 10,000.");
        }
        Instant opens = zone == null ? null : instant(text(form, "opensAt"), zone, "opensAt", errors);
        Instant closes = zone == null ? null : instant(text(form, "closesAt"), zone, "closesAt", errors);
        if (!errors.isEmpty()) {
            return new Read<>(null, errors);
        }
        return new Read<>(
                new CourseStore.BatchFields(
                        name,
                        startsOn,
                        endsOn,
                        zone,
                        days,
                        start,
                        minutes,
                        instructor,
                        meeting.isEmpty() ? null : meeting,
                        opens,
                        closes,
                        capacity),
                errors);
    }

    @Nullable
    static Instant instant(String value, ZoneId zone, String field, Map<String, String> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            errors.put(field, "Give a date and time, or leave it empty.");
            return null;
        }
    }

    @Nullable
    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Nullable
    static Integer number(String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            return parsed < min || parsed > max ? null : parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(Map<String, Object> form, String field) {
        List<String> all = values(form.get(field));
        String value = all.isEmpty() ? "" : all.get(0).strip();
        return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                ? value.replaceAll("[\\p{Cntrl}&&[^\\n\\r\\t]]", "")
                : value;
    }

    static List<String> values(@Nullable Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
