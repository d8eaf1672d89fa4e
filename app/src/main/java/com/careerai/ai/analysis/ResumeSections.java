package com.careerai.ai.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which of the sections a reader expects a resume has: contact details (an email address, a
 * phone number or a profile link near the top), and headings for education, experience and skills.
 */
public final class ResumeSections {
    public static final List<String> NAMES = List.of("contact", "education", "experience", "skills");

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{7,}\\d");
    private static final Pattern PROFILE = Pattern.compile("(?i)linkedin\\.com|github\\.com|linkedin:|github:");
    private static final Map<String, List<String>> HEADINGS = Map.of(
            "education", List.of("education", "academic", "qualifications", "studies", "degree"),
            "experience",
                    List.of(
                            "experience",
                            "employment",
                            "work history",
                            "career history",
                            "internships",
                            "professional background",
                            "positions"),
            "skills", List.of("skills", "competencies", "technical", "tools", "technologies", "languages"));

    /** Lines of the top of a resume where contact details belong. */
    private static final int CONTACT_LINES = 10;

    private ResumeSections() {}

    /** Section → found, in the order of {@link #NAMES}. */
    public static Map<String, Boolean> detect(String resume) {
        List<String> lines = resume.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        // Each line is normalised once for the three headings (not once per heading).
        List<String> headings = lines.stream()
                .map(ResumeSections::headingForm)
                .filter(Objects::nonNull)
                .toList();
        Map<String, Boolean> found = new LinkedHashMap<>();
        found.put("contact", lines.stream().limit(CONTACT_LINES).anyMatch(ResumeSections::isContact));
        for (String section : NAMES.subList(1, NAMES.size())) {
            List<String> names = HEADINGS.get(section);
            found.put(section, headings.stream().anyMatch(heading -> names(heading, names)));
        }
        return found;
    }

    static boolean isContact(String line) {
        return EMAIL.matcher(line).find()
                || PHONE.matcher(line).find()
                || PROFILE.matcher(line).find();
    }

    /** A short line (at most five words) that names the section, e.g. "WORK EXPERIENCE" or "Skills:". */
    static boolean isHeading(String line, List<String> names) {
        String heading = headingForm(line);
        return heading != null && names(heading, names);
    }

    /** The line lower-cased and padded with a space each side when it can be a heading, else null. */
    private static String headingForm(String line) {
        String normal = Text.normalise(line);
        if (normal.isEmpty() || normal.split(" ").length > 5 || Bullets.isBullet(line)) {
            return null;
        }
        return " " + normal.toLowerCase(Locale.ROOT) + " ";
    }

    private static boolean names(String heading, List<String> names) {
        return names.stream()
                .anyMatch(name -> heading.contains(" " + name + " ") || heading.contains(" " + name + ":"));
    }
}
