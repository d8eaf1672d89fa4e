package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunTitlesTest {

    @Test
    void fileNamesAreAsciiSlugsOfTheTitle() {
        assertThat(RunTitles.fileName("Job Pack — Data Analyst at Acme", "pdf"))
                .isEqualTo("job-pack-data-analyst-acme.pdf");
        assertThat(RunTitles.fileName("CV Analysis — Ingénieur d'études", "pdf"))
                .isEqualTo("cv-analysis-ingenieur-d-etudes.pdf");
        assertThat(RunTitles.fileName("——", "pdf")).isEqualTo("careerai-run.pdf");
        assertThat(RunTitles.fileName("Job Pack — " + "very long words ".repeat(20), "pdf"))
                .hasSizeLessThanOrEqualTo(84)
                .doesNotContain("--")
                .doesNotContain("-.pdf");
    }

    @Test
    void titlesAreOneLineWithoutControlCharacters() {
        assertThat(RunTitles.of("Job Pack", "Analyst\n at\tAcme ")).isEqualTo("Job Pack — Analyst at Acme");
        assertThat(RunTitles.of("Job Pack", "  ")).isEqualTo("Job Pack");
    }
}
