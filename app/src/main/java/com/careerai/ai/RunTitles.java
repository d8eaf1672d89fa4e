package com.careerai.ai;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Run titles ("Job Pack — Data Analyst at Acme") and the file names made from them. */
public final class RunTitles {
    /** Longest title stored (the column allows 200). */
    static final int MAX_LENGTH = 200;

    private static final int MAX_SLUG = 80;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "at", "for", "in", "of", "on", "the", "to");

    private RunTitles() {}

    /** "Job Pack — Data Analyst at Acme": the tool's name, a dash and the detail; just the name without one. */
    public static String of(String toolName, String detail) {
        String clean = detail == null
                ? ""
                : SPACES.matcher(CONTROL.matcher(detail).replaceAll(" "))
                        .replaceAll(" ")
                        .strip();
        String title = clean.isEmpty() ? toolName : toolName + " — " + clean;
        return title.length() <= MAX_LENGTH
                ? title
                : title.substring(0, MAX_LENGTH - 1).strip() + "…";
    }

    /**
     * An ASCII file name from a title: "Job Pack — Data Analyst at Acme" → {@code
     * job-pack-data-analyst-acme.pdf} (accents dropped, small words left out).
     */
    public static String fileName(String title, String extension) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = Arrays.stream(ascii.split("[^a-z0-9]+"))
                .filter(word -> !word.isEmpty() && !SMALL_WORDS.contains(word))
                .collect(Collectors.joining("-"));
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-[^-]*$", "");
        }
        return (slug.isEmpty() ? "careerai-run" : slug) + "." + extension;
    }
}
