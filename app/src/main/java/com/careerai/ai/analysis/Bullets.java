package com.careerai.ai.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The bullet points of a resume and what makes one weak: a vague opening verb, no number, too long. */
public final class Bullets {
    /** Openings that say what the student was near, not what they did. */
    static final Set<String> WEAK_OPENINGS = Set.of(
            "helped",
            "help",
            "assisted",
            "assist",
            "worked",
            "responsible",
            "participated",
            "involved",
            "did",
            "was",
            "tried",
            "handled",
            "duties",
            "tasks",
            "various");

    /** Longer than this, a bullet stops being read. */
    static final int LONG_WORDS = 30;

    private static final Pattern MARKER = Pattern.compile("^\\s*([-*•▪◦‣●–—·>]|\\d{1,2}[.)])\\s+");
    private static final Pattern NUMBER = Pattern.compile(
            "\\d|%|£|\\$|€|\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand"
                    + "|million|doubled|tripled|halved)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Bullets() {}

    static boolean isBullet(String line) {
        return MARKER.matcher(line).find();
    }

    /** Each bullet's text without its marker, in order. */
    public static List<String> of(String resume) {
        List<String> bullets = new ArrayList<>();
        resume.lines()
                .filter(Bullets::isBullet)
                .forEach(line ->
                        bullets.add(MARKER.matcher(line).replaceFirst("").strip()));
        return bullets;
    }

    public static boolean quantified(String bullet) {
        return NUMBER.matcher(bullet).find();
    }

    public static boolean weak(String bullet) {
        List<String> words = Text.words(bullet);
        return !words.isEmpty() && WEAK_OPENINGS.contains(words.get(0).toLowerCase(Locale.ROOT));
    }

    public static int wordCount(String text) {
        return WHITESPACE.split(text.strip()).length;
    }

    public static BulletStats stats(String resume) {
        List<String> bullets = of(resume);
        int words = 0;
        List<String> unquantified = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        for (String bullet : bullets) {
            int count = wordCount(bullet);
            words += count;
            if (!quantified(bullet)) {
                unquantified.add(bullet);
            }
            if (weak(bullet)) {
                weak.add(bullet);
            }
            if (count > LONG_WORDS) {
                tooLong.add(bullet);
            }
        }
        return new BulletStats(
                bullets.size(),
                bullets.isEmpty() ? 0 : Math.round((float) words / bullets.size()),
                bullets.size() - unquantified.size(),
                List.copyOf(weak),
                List.copyOf(tooLong),
                List.copyOf(unquantified));
    }
}
