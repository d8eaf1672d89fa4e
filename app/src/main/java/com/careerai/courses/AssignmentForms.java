package com.careerai.courses;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The assignment form (dates as local date-times in the batch's zone), read with a message per field. */
final class AssignmentForms {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private AssignmentForms() {}

    static CourseForms.Read<AssignmentStore.Fields> read(Map<String, Object> form, ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = CourseForms.text(form, "title");
        if (title.isEmpty() || title.length() > 200) {
            errors.put("title", "Give the assignment a title of up to 200 characters.");
        }
        String instructions = CourseForms.text(form, "instructions");
        if (instructions.length() > 20_000) {
            errors.put("instructions", "Keep the instructions under 20,000 characters.");
        }
        Instant opens = CourseForms.instant(CourseForms.text(form, "opensAt"), zone, "opensAt", errors);
        Instant due = CourseForms.instant(CourseForms.text(form, "dueAt"), zone, "dueAt", errors);
        if (due == null && !errors.containsKey("dueAt")) {
            errors.put("dueAt", "Give the due date and time.");
        }
        Instant cutoff = CourseForms.instant(CourseForms.text(form, "cutoffAt"), zone, "cutoffAt", errors);
        if (due != null && cutoff != null && cutoff.isBefore(due)) {
            errors.put("cutoffAt", "The cut-off is on or after the due date.");
        }
        if (due != null && opens != null && !opens.isBefore(due)) {
            errors.put("opensAt", "Submissions open before the due date.");
        }
        Integer attempts = CourseForms.number(CourseForms.text(form, "maxAttempts"), 1, 20);
        if (attempts == null) {
            errors.put("maxAttempts", "Give the attempts allowed, from 1 to 20.");
        }
        Integer points = CourseForms.number(CourseForms.text(form, "maxScore"), 1, 1000);
        if (points == null) {
            errors.put("maxScore", "Give the maximum score, from 1 to 1000.");
        }
        if (!errors.isEmpty()) {
            return new CourseForms.Read<>(null, errors);
        }
        return new CourseForms.Read<>(
                new AssignmentStore.Fields(title, instructions, opens, due, cutoff, attempts, points), errors);
    }

    /** The form's values as typed, to show them again beside the messages. */
    static Map<String, Object> values(Map<String, Object> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field :
                new String[] {"title", "instructions", "opensAt", "dueAt", "cutoffAt", "maxAttempts", "maxScore"}) {
            values.put(field, CourseForms.text(form, field));
        }
        return values;
    }

    /** An assignment's values for its edit form. */
    static Map<String, Object> values(Assignment assignment, ZoneId zone) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", assignment.title());
        values.put("instructions", assignment.instructions());
        values.put("opensAt", local(assignment.opensAt(), zone));
        values.put("dueAt", local(assignment.dueAt(), zone));
        values.put("cutoffAt", local(assignment.cutoffAt(), zone));
        values.put("maxAttempts", Integer.toString(assignment.maxAttempts()));
        values.put("maxScore", Integer.toString(assignment.maxScore()));
        return values;
    }

    static String local(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.format(LocalDateTime.ofInstant(instant, zone));
    }

    /** Defaults for a new assignment: one attempt, out of 100. */
    static Map<String, Object> blank() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("maxAttempts", "1");
        values.put("maxScore", "100");
        return values;
    }
}
