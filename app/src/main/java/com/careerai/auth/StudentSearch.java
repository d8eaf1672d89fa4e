package com.careerai.auth;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Set;

/**
 * What staff look for in the students list: a text found in the name or address, and filters by
 * sign-up, activity (last sign-in), plan and account status. Unknown filter values mean "any".
 *
 * @param text part of a name or email address (empty for every student)
 * @param joined {@code any}, {@code week} or {@code month}: signed up within the last 7 / 30 days
 * @param activity {@code any}, {@code week}, {@code month} (signed in within) or {@code dormant}
 *     (not signed in for 30 days)
 * @param plan {@code any}, {@code pro} (an active plan) or {@code free}
 * @param status {@code any}, {@code active} or {@code deactivated}
 */
public record StudentSearch(String text, String joined, String activity, String plan, String status) {
    public static final int MAX_TEXT = 100;

    public static StudentSearch of(
            @Nullable String text,
            @Nullable String joined,
            @Nullable String activity,
            @Nullable String plan,
            @Nullable String status) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.length() > MAX_TEXT) {
            trimmed = trimmed.substring(0, MAX_TEXT);
        }
        return new StudentSearch(
                trimmed,
                pick(joined, Set.of("week", "month")),
                pick(activity, Set.of("week", "month", "dormant")),
                pick(plan, Set.of("pro", "free")),
                pick(status, Set.of("active", "deactivated")));
    }

    public static StudentSearch everyone() {
        return of(null, null, null, null, null);
    }

    private static String pick(@Nullable String value, Set<String> allowed) {
        String lower = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return allowed.contains(lower) ? lower : "any";
    }
}
