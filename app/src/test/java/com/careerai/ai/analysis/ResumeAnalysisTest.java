package com.careerai.ai.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResumeAnalysisTest {

    @Test
    void sectionsOfAFullResumeAreFound() {
        assertThat(ResumeSections.detect(Samples.read("resume-data-analyst")))
                .containsEntry("contact", true)
                .containsEntry("education", true)
                .containsEntry("experience", true)
                .containsEntry("skills", true);
        assertThat(ResumeSections.detect(Samples.read("resume-mechanical")))
                .containsEntry("contact", true)
                .containsEntry("education", true)
                .containsEntry("experience", true)
                .containsEntry("skills", false);
        assertThat(ResumeSections.detect(Samples.read("resume-no-sections"))).doesNotContainValue(true);
    }

    @Test
    void bulletStatisticsCountQuantifiedAndWeakBullets() {
        BulletStats data = Bullets.stats(Samples.read("resume-data-analyst"));
        assertThat(data.count()).isEqualTo(7);
        assertThat(data.quantified()).isEqualTo(2);
        assertThat(data.weakVerbs())
                .containsExactly(
                        "Helped with the weekly sales dashboard in Power BI",
                        "Worked on open-day tours for prospective students and their parents",
                        "Responsible for the statistics society's newsletter");
        assertThat(data.averageWords()).isBetween(8, 16);

        BulletStats engineering = Bullets.stats(Samples.read("resume-mechanical"));
        assertThat(engineering.count()).isEqualTo(5);
        assertThat(engineering.quantified()).isEqualTo(2);
        assertThat(engineering.weakVerbs()).hasSize(3);

        BulletStats none = Bullets.stats(Samples.read("resume-no-sections"));
        assertThat(none.count()).isZero();
        assertThat(none.averageWords()).isZero();
    }

    @Test
    void lengthIsCountedInWordsAndPages() {
        ResumeAnalysis analysis = ResumeAnalysis.of(Samples.read("resume-data-analyst"), null);
        assertThat(analysis.words()).isBetween(120, 180);
        assertThat(analysis.pages()).isEqualTo(1);
        assertThat(analysis.keywords()).isNull();
        assertThat(analysis.skills()).contains("Python", "SQL", "Tableau");
        assertThat(ResumeAnalysis.of("word ".repeat(1000), null).pages()).isEqualTo(3);
    }

    @Test
    void cvFactorsExplainThemselvesAndAreTheSameForTheSameResume() {
        ResumeAnalysis analysis = ResumeAnalysis.of(Samples.read("resume-data-analyst"), null);
        List<CvScore.Factor> factors = CvScore.factors(analysis);
        assertThat(factors)
                .extracting(CvScore.Factor::name)
                .containsExactly("impact", "clarity", "structure", "length");
        assertThat(factors.get(0))
                .isEqualTo(new CvScore.Factor(
                        "impact",
                        50,
                        "2 of 7 bullets include a number; say how many, how much or how fast in the others."));
        assertThat(factors.get(1).score()).isEqualTo(79);
        assertThat(factors.get(2).score()).isEqualTo(100);
        assertThat(CvScore.factors(ResumeAnalysis.of(Samples.read("resume-data-analyst"), null)))
                .isEqualTo(factors);

        List<CvScore.Factor> bare = CvScore.factors(ResumeAnalysis.of(Samples.read("resume-no-sections"), null));
        assertThat(bare.get(2).score()).isEqualTo(40);
        assertThat(bare.get(2).why()).contains("Missing: contact, education, experience, skills");
        assertThat(bare.get(3).score()).isLessThan(95);
    }

    @Test
    void demoWritingRewritesBulletsAndFindsTheName() {
        assertThat(DemoWriting.rewrite("Helped with the weekly sales dashboard in Power BI"))
                .isEqualTo("Contributed to the weekly sales dashboard in Power BI — [add a number: how many, how much "
                        + "or how often]");
        assertThat(DemoWriting.rewrite("Worked on open-day tours for prospective students."))
                .startsWith("Delivered open-day tours for prospective students —");
        assertThat(DemoWriting.rewrite("Answered questions from 40+ visitors per event"))
                .isEqualTo("Answered questions from 40+ visitors per event");
        assertThat(DemoWriting.nameOf(Samples.read("resume-data-analyst"))).contains("Amira Okafor");
        assertThat(DemoWriting.nameOf(Samples.read("resume-mechanical"))).contains("Tomasz Nowak");
        assertThat(DemoWriting.nameOf(Samples.read("resume-no-sections"))).isEmpty();
        assertThat(DemoWriting.nameOf("jane@example.edu\nJane")).isEmpty();
    }
}
