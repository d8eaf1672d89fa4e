package com.careerai.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of a tool for one student.
 *
 * @param title a human title from the input ("Job Pack — Data Analyst at Acme"); null only for runs
 *     read before it was set, see {@link #displayTitle(AiTool)}
 * @param analysis what code found in the input (see {@code ai.analysis}), for tools that read a resume
 */
public record AiRun(
        long universityId,
        UUID id,
        long userId,
        String tool,
        @Nullable String title,
        RunStatus status,
        String currency,
        int cost,
        @Nullable String model,
        boolean fellBack,
        boolean demo,
        JsonNode input,
        @Nullable JsonNode analysis,
        @Nullable JsonNode output,
        @Nullable String error,
        int attempts,
        @Nullable Integer tokensIn,
        @Nullable Integer tokensOut,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    /** The run's title, or its tool's name for a run without one. */
    public String displayTitle(AiTool tool) {
        return title == null || title.isBlank() ? tool.name() : title;
    }
}
