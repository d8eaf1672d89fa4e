package com.careerai.ai.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StemmerAndSynonymsTest {

    @Test
    void formsOfOneWordShareAStem() {
        assertThat(Stemmer.stem("analysing"))
                .isEqualTo(Stemmer.stem("analysed"))
                .isEqualTo(Stemmer.stem("analyse"));
        assertThat(Stemmer.stem("studies")).isEqualTo(Stemmer.stem("study"));
        assertThat(Stemmer.stem("managing")).isEqualTo(Stemmer.stem("managed")).isEqualTo(Stemmer.stem("manage"));
        assertThat(Stemmer.stem("running")).isEqualTo(Stemmer.stem("runs")).isEqualTo("run");
        assertThat(Stemmer.stem("Dashboards")).isEqualTo("dashboard");
        assertThat(Stemmer.stem("automating")).isEqualTo(Stemmer.stem("automate"));
    }

    @Test
    void shortWordsAndTechnicalNamesAreLeftAlone() {
        assertThat(Stemmer.stem("sql")).isEqualTo("sql");
        assertThat(Stemmer.stem("c++")).isEqualTo("c++");
        assertThat(Stemmer.stem("node.js")).isEqualTo("node.js");
        assertThat(Stemmer.stem("process")).isEqualTo("process");
        assertThat(Stemmer.stem("analysis")).isEqualTo("analysis");
    }

    @Test
    void aSkillIsFoundByAnyOfItsNamesAsWholeWords() {
        assertThat(Synonyms.skillsIn("Built an ML model, deployed on K8s with a JS front end"))
                .containsExactly("JavaScript", "machine learning", "Kubernetes");
        assertThat(Synonyms.skillsIn("machine learning, kubernetes and javascript"))
                .containsExactly("JavaScript", "machine learning", "Kubernetes");
        assertThat(Synonyms.skillsIn("C++, C# and Node.js; CI/CD with GitHub."))
                .containsExactly("Node.js", "C++", "C#", "CI/CD", "Git");
        assertThat(Synonyms.skillsIn("html5 and xml are not html")).containsExactly("HTML/CSS");
        assertThat(Synonyms.skillsIn("a small team")).isEmpty();
    }
}
