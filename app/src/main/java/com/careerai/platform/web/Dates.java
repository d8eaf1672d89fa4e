package com.careerai.platform.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Dates as every page writes them, in the viewer's zone: "2 Dec 2026, 14:05" for a moment, "2 Dec
 * 2026" for a day, "Wed 2 Dec 2026, 14:05" for a class. The zone comes from {@link ViewerZones} (the
 * person's profile, else the university's).
 *
 * <p>Written by hand, character for character what the patterns below give in English: a pattern
 * formatter builds a print context, asks the zoned date-time for each field through its queries and
 * looks each month's name up in the locale's text store, about 1 % of a signed-in home's CPU for its
 * dozen dates (issue 19, ADR 0074). Years outside 1–9999 (which the pattern writes with a sign or as
 * a year of the era) go to the pattern.
 */
public final class Dates {
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_MOMENT =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private Dates() {}

    /** "2 Dec 2026, 14:05" in {@code zone}; empty for no moment. */
    public static String moment(Instant when, ZoneId zone) {
        return write(when, zone, MOMENT, (text, local) -> time(day(text, local).append(", "), local));
    }

    /** "2 Dec 2026" in {@code zone}; empty for no moment. */
    public static String day(Instant when, ZoneId zone) {
        return write(when, zone, DAY, Dates::day);
    }

    /** "Wed 2 Dec 2026, 14:05" in {@code zone} (a class's start); empty for no moment. */
    public static String weekdayMoment(Instant when, ZoneId zone) {
        return write(when, zone, WEEKDAY_MOMENT, (text, local) -> {
            text.append(WEEKDAYS[local.getDayOfWeek().ordinal()]).append(' ');
            return time(day(text, local).append(", "), local);
        });
    }

    /** {@code when} in {@code zone} in the hand-written form, or by {@code pattern} outside years 1–9999. */
    private static String write(
            Instant when,
            ZoneId zone,
            DateTimeFormatter pattern,
            BiFunction<StringBuilder, LocalDateTime, StringBuilder> form) {
        if (when == null) {
            return "";
        }
        LocalDateTime local = LocalDateTime.ofInstant(when, zone);
        if (!writable(local)) {
            return pattern.format(when.atZone(zone));
        }
        return form.apply(new StringBuilder(24), local).toString();
    }

    private static boolean writable(LocalDateTime local) {
        return local.getYear() >= 1 && local.getYear() <= 9999;
    }

    /** "2 Dec 2026": the day of the month unpadded, the year in four digits. */
    private static StringBuilder day(StringBuilder text, LocalDateTime local) {
        text.append(local.getDayOfMonth())
                .append(' ')
                .append(MONTHS[local.getMonthValue() - 1])
                .append(' ');
        int year = local.getYear();
        if (year < 1000) {
            text.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        return text.append(year);
    }

    /** "14:05". */
    private static StringBuilder time(StringBuilder text, LocalDateTime local) {
        return twoDigits(twoDigits(text, local.getHour()).append(':'), local.getMinute());
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return (value < 10 ? text.append('0') : text).append(value);
    }
}
