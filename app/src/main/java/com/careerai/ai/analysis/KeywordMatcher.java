package com.careerai.ai.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords of a job description — the skills it names (by any of their names, see
 * {@link Synonyms}) and the other words it repeats — and whether the resume has each of them,
 * compared as stems so "analysing" in one meets "analysis" in the other.
 */
public final class KeywordMatcher {
    /** At most this many keywords; adverts repeat themselves, the tail is noise. */
    static final int LIMIT = 25;

    private KeywordMatcher() {}

    public static KeywordMatch match(String jobDescription, String resume) {
        Set<String> resumeSkills = Synonyms.skillsIn(resume);
        Set<String> resumeStems = stems(resume);
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String skill : Synonyms.skillsIn(jobDescription)) {
            (resumeSkills.contains(skill) ? matched : missing).add(skill);
        }
        for (String word : repeatedWords(jobDescription)) {
            if (matched.size() + missing.size() >= LIMIT) {
                break;
            }
            (resumeStems.contains(Stemmer.stem(word)) ? matched : missing).add(word);
        }
        return new KeywordMatch(List.copyOf(matched), List.copyOf(missing));
    }

    /**
     * Meaningful words the advert uses at least twice (skills removed, they are counted above),
     * one per stem, the most frequent first and ties in order of appearance.
     */
    static List<String> repeatedWords(String text) {
        String normal = " " + Text.normalise(text) + " ";
        for (String name : Synonyms.allNames()) {
            normal = normal.replace(" " + name + " ", " | ");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (String word : normal.trim().split(" +")) {
            if (!Text.meaningful(word) || word.length() < 3) {
                continue;
            }
            String stem = Stemmer.stem(word);
            counts.merge(stem, 1, Integer::sum);
            shown.putIfAbsent(stem, word);
        }
        List<String> order = new ArrayList<>(counts.keySet());
        List<String> repeated = new ArrayList<>(order.stream()
                .filter(stem -> counts.get(stem) >= 2)
                .sorted(Comparator.comparingInt((String stem) -> -counts.get(stem))
                        .thenComparingInt(order::indexOf))
                .map(shown::get)
                .toList());
        return repeated;
    }

    static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (String word : Text.words(text)) {
            stems.add(Stemmer.stem(word));
        }
        return stems;
    }
}
