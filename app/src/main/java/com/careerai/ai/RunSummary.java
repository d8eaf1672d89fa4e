package com.careerai.ai;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A run as lists show it: everything but its input, analysis and output (a resume and a model's
 * answer are kilobytes each, and a list of twenty runs read them for nothing). A CV Analysis run
 * carries its overall score, the one part of an output a list shows.
 *
 * @param title null only for runs from before titles were stored
 * @param score a succeeded CV Analysis run's whole-number overall score; null for anything else
 */
public record RunSummary(
        UUID id,
        String tool,
        @Nullable String title,
        RunStatus status,
        String currency,
        int cost,
        boolean demo,
        boolean fellBack,
        @Nullable String error,
        Instant createdAt,
        @Nullable Integer score) {

    /** The run's title, or its tool's name for a run without one. */
    public String displayTitle(AiTool tool) {
        return title == null || title.isBlank() ? tool.name() : title;
    }

    /** The summary of a run already read whole. */
    static RunSummary of(AiRun run) {
        return new RunSummary(
                run.id(),
                run.tool(),
                run.title(),
                run.status(),
                run.currency(),
                run.cost(),
                run.demo(),
                run.fellBack(),
                run.error(),
                run.createdAt(),
                run.output() != null
                                && run.tool().equals(CV_ANALYSIS)
                                && run.output().path("overallScore").isInt()
                        ? run.output().path("overallScore").asInt()
                        : null);
    }

    static final String CV_ANALYSIS = "cv-analysis";
}
