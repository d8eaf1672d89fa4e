package com.careerai.leads;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Staff-written message templates: plain text where {@code {{name}}}, {@code {{topic}}} and
 * {@code {{university}}} are replaced by values, once, and nothing else happens — no helpers, no
 * evaluation, and a value that itself contains {@code {{…}}} stays as typed.
 */
final class PlainTemplate {
    static final java.util.List<String> PLACEHOLDERS = java.util.List.of("name", "topic", "university");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+)\\s*}}");

    private PlainTemplate() {}

    static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The placeholders of {@code template} that are not known (for the settings form). */
    static java.util.List<String> unknownPlaceholders(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        java.util.List<String> unknown = new java.util.ArrayList<>();
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }
}
