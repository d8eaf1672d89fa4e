package com.careerai.analytics;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.audit.AuditFilter;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit filters as typed in a form or a query string: {@code actor} is an email of someone in
 * the university or a raw actor ({@code user:12}, {@code operator:ana}); dates are ISO days (UTC).
 * Problems are collected per field so a page can show them beside the inputs.
 */
record AuditQuery(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String from,
        @Nullable String to,
        AuditFilter filter,
        Map<String, String> problems) {

    /** An actor that can never match, for an email nobody here has. */
    private static final String NOBODY = "user:0";

    static AuditQuery parse(
            long universityId,
            UserAccounts users,
            @Nullable String actor,
            @Nullable String action,
            @Nullable String from,
            @Nullable String to) {
        Map<String, String> problems = new LinkedHashMap<>();
        String actorKey = null;
        if (actor != null && !actor.isBlank()) {
            String text = actor.strip();
            if (text.length() > 254) {
                problems.put("actor", "Enter an email address or an actor such as user:12.");
            } else if (text.contains("@")) {
                actorKey = users.findByEmail(universityId, UserAccounts.normalise(text))
                        .map(User::id)
                        .map(id -> "user:" + id)
                        .orElse(NOBODY);
            } else {
                actorKey = text;
            }
        }
        if (action != null && action.length() > 100) {
            problems.put("action", "Choose an action from the list.");
            action = null;
        }
        LocalDate fromDay = day("from", from, problems);
        LocalDate toDay = day("to", to, problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.put("to", "The end date must be on or after the start date.");
        }
        AuditFilter filter =
                problems.isEmpty() ? new AuditFilter(actorKey, action, fromDay, toDay) : AuditFilter.EVERYTHING;
        return new AuditQuery(actor, action, from, to, filter, problems);
    }

    boolean valid() {
        return problems.isEmpty();
    }

    /** The query string that repeats these filters (for paging and the CSV link). */
    String queryString() {
        StringBuilder query = new StringBuilder();
        append(query, "actor", actor);
        append(query, "action", action);
        append(query, "from", from);
        append(query, "to", to);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
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
