package com.careerai.ai.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    @Test
    void dataAnalystAdvertAgainstADataResume() {
        KeywordMatch match = KeywordMatcher.match(Samples.read("jd-data-analyst"), Samples.read("resume-data-analyst"));

        assertThat(match.matched())
                .startsWith("Python", "SQL", "PostgreSQL", "Power BI", "Tableau", "machine learning")
                .contains("statistics", "communication", "data");
        assertThat(match.missing())
                .contains("Kubernetes", "AWS", "Google Cloud", "stakeholder management", "analyst", "insights")
                .doesNotContain("Python", "data", "stakeholders");
        assertThat(match.percent()).isBetween(40, 80);
    }

    @Test
    void synonymsAndStemsCountAsMatches() {
        KeywordMatch match = KeywordMatcher.match(
                "Machine learning engineer. Kubernetes and JavaScript daily. Analysing data, analysing models.",
                "Projects: an ML classifier on k8s with a JS dashboard; analysed survey data and models.");
        assertThat(match.matched()).contains("machine learning", "Kubernetes", "JavaScript", "analysing");
        assertThat(match.missing()).isEmpty();
    }

    @Test
    void designEngineerAdvertAgainstAnEngineeringResume() {
        KeywordMatch match =
                KeywordMatcher.match(Samples.read("jd-design-engineer"), Samples.read("resume-mechanical"));

        assertThat(match.matched()).contains("CAD", "design", "tolerance", "drawings", "conveyors");
        assertThat(match.missing()).contains("teamwork", "project management", "manufacture", "fea");
        assertThat(match.matched().size() + match.missing().size()).isLessThanOrEqualTo(KeywordMatcher.LIMIT);
    }

    @Test
    void anAdvertWithNothingRepeatedHasOnlyItsSkills() {
        KeywordMatch match = KeywordMatcher.match("Python developer wanted.", "I write Python.");
        assertThat(match.matched()).containsExactly("Python");
        assertThat(match.missing()).isEmpty();
        assertThat(match.percent()).isEqualTo(100);
    }
}
