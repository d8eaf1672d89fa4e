package com.careerai.ai.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keywords of a job description — the skills it names (by any of their names, see
 * {@link Synonyms}) and the other words it repeats — and whether the resume has each of them,
 * compared as stems so "analysing" in one meets "analysis" in the other.
 */
public final class KeywordMatcher {
    /** At most this many keywords; adverts repeat themselves, the tail is noise. */
    static final int LIMIT = 25;

    private static final Pattern SPACES = Pattern.compile(" +");

    private KeywordMatcher() {}

    public static KeywordMatch match(String jobDescription, String resume) {
        // Each text is normalised once and shared by the skill and word look-ups below.
        String resumeNormal = Text.normalise(resume);
        String advertNormal = Text.normalise(jobDescription);
        Set<String> resumeSkills = Synonyms.skillsInNormalised(" " + resumeNormal + " ");
        Set<String> resumeStems = stemsOfNormalised(resumeNormal);
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String skill : Synonyms.skillsInNormalised(" " + advertNormal + " ")) {
            (resumeSkills.contains(skill) ? matched : missing).add(skill);
        }
        for (String word : repeatedWordsOfNormalised(advertNormal)) {
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
        return repeatedWordsOfNormalised(Text.normalise(text));
    }

    private static List<String> repeatedWordsOfNormalised(String normalised) {
        String normal = " " + normalised + " ";
        for (String name : Synonyms.allNamesPadded()) {
            normal = normal.replace(name, " | ");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (String word : SPACES.split(normal.trim())) {
            if (!Text.meaningful(word) || word.length() < 3) {
                continue;
            }
            String stem = Stemmer.stem(word);
            counts.merge(stem, 1, Integer::sum);
            shown.putIfAbsent(stem, word);
        }
        // The sort is stable and counts iterates in order of first appearance: ties keep that order.
        return counts.keySet().stream()
                .filter(stem -> counts.get(stem) >= 2)
                .sorted(Comparator.comparingInt((String stem) -> -counts.get(stem)))
                .map(shown::get)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    static Set<String> stems(String text) {
        return stemsOfNormalised(Text.normalise(text));
    }

    private static Set<String> stemsOfNormalised(String normal) {
        Set<String> stems = new HashSet<>();
        if (normal.isEmpty()) {
            return stems;
        }
        for (String word : normal.split(" ")) {
            stems.add(Stemmer.stem(word));
        }
        return stems;
    }
}
