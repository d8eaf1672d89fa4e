package com.careerai.staff;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates on staff pages, in one format. */
final class StaffDates {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private StaffDates() {}

    static String day(@Nullable Instant instant) {
        return instant == null ? "—" : DAY.format(instant);
    }

    static String moment(@Nullable Instant instant) {
        return instant == null ? "never" : MOMENT.format(instant);
    }
}
