package com.careerai.ai.tools;

import com.careerai.ai.analysis.Bullets;
import java.util.ArrayList;
import java.util.List;

/** Small text helpers for the demo outputs built from a student's input. */
final class DemoOutput {
    private DemoOutput() {}

    /** The resume's bullets; a resume without any gives its longer lines below the first. */
    static List<String> bulletsOf(String resume, int limit) {
        List<String> bullets = Bullets.of(resume).stream()
                .filter(bullet -> bullet.length() >= 5)
                .limit(limit)
                .toList();
        if (!bullets.isEmpty()) {
            return bullets;
        }
        return resume.lines()
                .map(String::strip)
                .filter(line -> line.split("\\s+").length >= 6)
                .limit(limit)
                .toList();
    }

    static <T> List<T> first(List<T> items, int count) {
        return new ArrayList<>(items.subList(0, Math.min(items.size(), count)));
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** The text as one sentence: trimmed, ending with a full stop. */
    static String sentence(String text) {
        String trimmed = text.strip().replaceAll("[.;,:]+$", "");
        return trimmed.isEmpty() ? "" : trimmed + ".";
    }

    static String lowerFirst(String text) {
        if (text.length() < 2 || Character.isUpperCase(text.charAt(1))) {
            return text; // "SQL…", "AWS…": an acronym keeps its capitals
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
