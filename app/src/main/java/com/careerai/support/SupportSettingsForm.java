package com.careerai.support;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The staff form of support hours and targets as typed: a time zone, the ticked week days (ISO 1 =
 * Monday … 7), opening and closing times ({@code HH:mm}) and the two targets in whole hours.
 */
record SupportSettingsForm(
        String timeZone,
        List<String> days,
        String dayStart,
        String dayEnd,
        String firstResponseHours,
        String resolutionHours) {
    static final int MAX_TARGET_HOURS = 24 * 30;

    static SupportSettingsForm of(SupportSettings settings) {
        return new SupportSettingsForm(
                settings.timeZone(),
                List.of(settings.workDays().split(",")),
                settings.dayStart().toString(),
                settings.dayEnd().toString(),
                hours(settings.firstResponseMinutes()),
                hours(settings.resolutionMinutes()));
    }

    /**
     * The settings, or every field's message at once.
     *
     * @throws TicketException with a message per invalid field
     */
    SupportSettings validated() {
        Map<String, String> errors = new LinkedHashMap<>();
        String zone = timeZone == null ? "" : timeZone.strip();
        try {
            zone = ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            errors.put("timeZone", "Use a time zone name such as Europe/London, Asia/Kolkata or UTC.");
        }
        TreeSet<Integer> week = new TreeSet<>();
        for (String day : days) {
            try {
                int iso = Integer.parseInt(day.strip());
                if (iso >= 1 && iso <= 7) {
                    week.add(iso);
                }
            } catch (NumberFormatException e) {
                // an unknown value is ignored like an unticked box
            }
        }
        if (week.isEmpty()) {
            errors.put("days", "Tick at least one working day.");
        }
        LocalTime start = time(errors, "dayStart", dayStart);
        LocalTime end = time(errors, "dayEnd", dayEnd);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.put("dayEnd", "Closing time must be after opening time.");
        }
        Integer first = target(errors, "firstResponseHours", firstResponseHours);
        Integer resolution = target(errors, "resolutionHours", resolutionHours);
        if (first != null && resolution != null && resolution < first) {
            errors.put("resolutionHours", "The resolution target cannot be shorter than the first-response target.");
        }
        if (!errors.isEmpty()) {
            throw new TicketException(errors);
        }
        return new SupportSettings(
                zone,
                String.join(",", week.stream().map(String::valueOf).toList()),
                start,
                end,
                first * 60,
                resolution * 60);
    }

    private static LocalTime time(Map<String, String> errors, String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a time as HH:MM, for example 09:00.");
            return null;
        }
    }

    private static Integer target(Map<String, String> errors, String field, String text) {
        try {
            int hours = Integer.parseInt(text == null ? "" : text.strip());
            if (hours >= 1 && hours <= MAX_TARGET_HOURS) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        errors.put(field, "Enter whole business hours from 1 to " + MAX_TARGET_HOURS + ".");
        return null;
    }

    private static String hours(int minutes) {
        return String.valueOf(Math.max(1, minutes / 60));
    }
}
