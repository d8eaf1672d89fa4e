package com.careerai.ai.analysis;

import java.util.Locale;

/**
 * A small English stemmer (the first step of Porter's algorithm plus a final "e"), enough to let
 * "analysing", "analysed" and "analyse" or "studies" and "study" meet. It is applied to both
 * sides of a comparison, so it needs to be consistent, not linguistically right.
 */
public final class Stemmer {
    private Stemmer() {}

    public static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() <= 3 || !w.chars().allMatch(Character::isLetter)) {
            return w;
        }
        w = plural(w);
        w = pastOrProgressive(w);
        if (w.endsWith("y") && w.length() > 3 && hasVowel(w.substring(0, w.length() - 1))) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        if (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String plural(String w) {
        if (w.endsWith("sses")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String pastOrProgressive(String w) {
        if (w.endsWith("eed")) {
            return w.length() > 4 ? w.substring(0, w.length() - 1) : w;
        }
        String stem = null;
        if (w.endsWith("ing") && w.length() > 5) {
            stem = w.substring(0, w.length() - 3);
        } else if (w.endsWith("ed") && w.length() > 4) {
            stem = w.substring(0, w.length() - 2);
        }
        if (stem == null || !hasVowel(stem)) {
            return w;
        }
        if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz") || stem.endsWith("is")) {
            return stem + "e";
        }
        int n = stem.length();
        if (n > 2
                && stem.charAt(n - 1) == stem.charAt(n - 2)
                && "lsz".indexOf(stem.charAt(n - 1)) < 0
                && !isVowel(stem.charAt(n - 1))) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }

    private static boolean hasVowel(String s) {
        return s.chars().anyMatch(c -> isVowel((char) c));
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }
}
