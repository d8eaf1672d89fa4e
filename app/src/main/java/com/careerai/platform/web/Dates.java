package com.careerai.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as every page writes them, in the viewer's zone: "2 Dec 2026, 14:05" for a moment, "2 Dec
 * 2026" for a day. The zone comes from {@link ViewerZones} (the person's profile, else the
 * university's).
 */
public final class Dates {
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Dates() {}

    /** "2 Dec 2026, 14:05" in {@code zone}; empty for no moment. */
    public static String moment(Instant when, ZoneId zone) {
        return when == null ? "" : MOMENT.format(when.atZone(zone));
    }

    /** "2 Dec 2026" in {@code zone}; empty for no moment. */
    public static String day(Instant when, ZoneId zone) {
        return when == null ? "" : DAY.format(when.atZone(zone));
    }
}
