package com.careerai.ai.analysis;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * What code (not the model) finds in a resume, stored on the run and shown beside the model's output.
 *
 * @param words words in the resume
 * @param pages about how many pages it prints on
 * @param sections contact / education / experience / skills → found
 * @param bullets bullet statistics
 * @param skills the common skills the resume names
 * @param keywords the job description's keywords matched and missing (null without a job description)
 */
public record ResumeAnalysis(
        int words,
        int pages,
        Map<String, Boolean> sections,
        BulletStats bullets,
        List<String> skills,
        @Nullable KeywordMatch keywords) {

    /** Words that fit on one printed page of a typical resume layout. */
    static final int WORDS_PER_PAGE = 450;

    public static ResumeAnalysis of(String resume, @Nullable String jobDescription) {
        int words = resume.isBlank() ? 0 : Bullets.wordCount(resume);
        return new ResumeAnalysis(
                words,
                Math.max(1, (words + WORDS_PER_PAGE - 1) / WORDS_PER_PAGE),
                ResumeSections.detect(resume),
                Bullets.stats(resume),
                List.copyOf(Synonyms.skillsIn(resume)),
                jobDescription == null || jobDescription.isBlank()
                        ? null
                        : KeywordMatcher.match(jobDescription, resume));
    }

    public List<String> missingSections() {
        return sections.entrySet().stream()
                .filter(section -> !section.getValue())
                .map(Map.Entry::getKey)
                .toList();
    }
}
