package com.careerai.ai.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Normalising text into comparable words, and the words that carry no meaning in an advert. */
final class Text {
    /** Function words and the filler every job advert uses ("we are looking for a strong…"). */
    static final Set<String> STOPWORDS = Set.copyOf(List.of(
            "a",
            "about",
            "above",
            "across",
            "after",
            "all",
            "also",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "been",
            "being",
            "both",
            "but",
            "by",
            "can",
            "could",
            "do",
            "does",
            "each",
            "etc",
            "for",
            "from",
            "get",
            "has",
            "have",
            "having",
            "he",
            "her",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "just",
            "may",
            "more",
            "most",
            "must",
            "my",
            "no",
            "not",
            "of",
            "on",
            "one",
            "or",
            "other",
            "our",
            "ours",
            "out",
            "over",
            "own",
            "per",
            "please",
            "same",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "to",
            "too",
            "under",
            "up",
            "us",
            "very",
            "via",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "will",
            "with",
            "within",
            "would",
            "you",
            "your",
            "yours",
            "able",
            "ability",
            "apply",
            "applicant",
            "applicants",
            "application",
            "benefits",
            "candidate",
            "candidates",
            "company",
            "day",
            "days",
            "desirable",
            "essential",
            "excellent",
            "experience",
            "good",
            "great",
            "ideal",
            "ideally",
            "including",
            "job",
            "join",
            "key",
            "knowledge",
            "like",
            "looking",
            "new",
            "offer",
            "opportunity",
            "plus",
            "preferred",
            "required",
            "requirements",
            "responsibilities",
            "role",
            "salary",
            "seeking",
            "skills",
            "strong",
            "successful",
            "support",
            "team",
            "well",
            "work",
            "working",
            "year",
            "years",
            "within",
            "across",
            "understanding",
            "using",
            "use",
            "make",
            "help",
            "based",
            "well",
            "want",
            "wide",
            "range",
            "part",
            "time",
            "full",
            "hybrid",
            "remote",
            "office",
            "week",
            "weeks",
            "month",
            "months",
            "graduate",
            "internship",
            "intern",
            "position"));

    private Text() {}

    /** Lower-case words separated by single spaces; keeps "c++", "c#", "node.js", "ci/cd". */
    static String normalise(String text) {
        // One pass over the characters: the regular expressions this replaced were compiled again for
        // every call and every word, a fifth of a mock run's CPU (issue 19).
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        int length = lower.length();
        int start = 0;
        while (start < length) {
            while (start < length && !kept(lower.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < length && kept(lower.charAt(end))) {
                end++;
            }
            // a word without the dots, slashes and hyphens at its ends ("node.js." → "node.js")
            int first = start;
            int last = end;
            while (first < last && edge(lower.charAt(first))) {
                first++;
            }
            while (last > first && edge(lower.charAt(last - 1))) {
                last--;
            }
            if (first < last) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(lower, first, last);
            }
            start = end;
        }
        return out.toString();
    }

    /** A character words are made of: a-z, 0-9, "+", "#", ".", "/", "-". */
    private static boolean kept(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '#' || edge(c);
    }

    private static boolean edge(char c) {
        return c == '.' || c == '/' || c == '-';
    }

    static List<String> words(String text) {
        String normal = normalise(text);
        return normal.isEmpty() ? List.of() : Arrays.asList(normal.split(" "));
    }

    /** Whether a word can be a keyword: not a stopword, not a number, at least two letters. */
    static boolean meaningful(String word) {
        return word.length() >= 2
                && !STOPWORDS.contains(word)
                && word.chars().anyMatch(Character::isLetter)
                && !word.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '/' || c == '-');
    }
}
