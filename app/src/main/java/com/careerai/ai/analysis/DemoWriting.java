package com.careerai.ai.analysis;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deterministic rewriting for demo output (no model): a bullet's vague opening becomes an
 * active verb and a bullet without a number gets a placeholder for one; the student's name is
 * read from the first line of the resume.
 */
public final class DemoWriting {
    private static final Map<String, String> STRONGER = Map.of(
            "helped", "Contributed to",
            "help", "Contributed to",
            "assisted", "Supported",
            "assist", "Supported",
            "worked", "Delivered",
            "responsible", "Owned",
            "participated", "Took part in",
            "involved", "Contributed to",
            "handled", "Managed",
            "did", "Completed");
    private static final Pattern FILLER = Pattern.compile("(?i)^(on|in|with|for|at)\\s+");
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'’-]+( \\p{Lu}\\.?| \\p{Lu}[\\p{L}'’-]+){1,3}");

    private DemoWriting() {}

    /** "Helped with the society's accounts" → "Contributed to the society's accounts — [add a number: …]". */
    public static String rewrite(String bullet) {
        String text = bullet.strip().replaceAll("[.;]+$", "");
        String[] parts = text.split("\\s+", 2);
        String first = parts[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String rest = parts.length > 1 ? parts[1] : "";
        String better = STRONGER.get(first);
        if (better != null) {
            rest = rest.replaceFirst("(?i)^for\\s+", "");
            rest = FILLER.matcher(rest).replaceFirst("");
            text = better + (rest.isEmpty() ? "" : " " + rest);
        } else if (!text.isEmpty()) {
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
        if (!Bullets.quantified(text)) {
            text = text + " — [add a number: how many, how much or how often]";
        }
        return text.length() > 590 ? text.substring(0, 590) : text;
    }

    /** The student's name when the resume opens with one ("Jane Student"), else empty. */
    public static Optional<String> nameOf(@Nullable String resume) {
        if (resume == null) {
            return Optional.empty();
        }
        return resume.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .map(line -> line.split("[|,•·–—]", 2)[0].strip())
                .filter(line -> line.length() <= 40 && NAME.matcher(line).matches())
                .filter(line -> !ResumeSections.isContact(line));
    }
}
