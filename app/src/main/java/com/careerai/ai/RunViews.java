package com.careerai.ai;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON shapes of the tools and runs API. */
final class RunViews {
    private RunViews() {}

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record ToolView(
            String slug,
            String name,
            String description,
            Map<String, Integer> costs,
            boolean pdf,
            @io.swagger.v3.oas.annotations.media.Schema(
                            type = "object",
                            description = "JSON Schema (draft 2020-12) that the input of a run must match",
                            requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                            additionalProperties =
                                    io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE)
                    Map<String, Object> inputSchema,
            @io.swagger.v3.oas.annotations.media.Schema(
                            type = "object",
                            description = "JSON Schema (draft 2020-12) that the output of a run matches",
                            requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                            additionalProperties =
                                    io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE)
                    Map<String, Object> outputSchema) {}

    @Serdeable
    record StartRunRequest(
            @Nullable String currency,
            @Nullable
                    @io.swagger.v3.oas.annotations.media.Schema(
                            type = "object",
                            description = "The tool's input, valid for its inputSchema",
                            additionalProperties =
                                    io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE)
                    Map<String, Object> input) {}

    @Serdeable
    record StartedRun(String id, String status, String url) {}

    @Serdeable
    record RunView(
            String id,
            String tool,
            String title,
            String status,
            String currency,
            int cost,
            boolean refunded,
            boolean demo,
            @Nullable String model,
            boolean fellBack,
            @Nullable String error,
            @Nullable
                    @io.swagger.v3.oas.annotations.media.Schema(
                            type = "object",
                            description = "The tool's result, valid for its outputSchema; present when SUCCEEDED",
                            additionalProperties =
                                    io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE)
                    Map<String, Object> output,
            @Nullable String pdf,
            Instant createdAt,
            @Nullable Instant finishedAt) {

        @SuppressWarnings("unchecked")
        static RunView of(AiRun run, AiTool tool) {
            boolean succeeded = run.status() == RunStatus.SUCCEEDED;
            return new RunView(
                    run.id().toString(),
                    run.tool(),
                    run.displayTitle(tool),
                    run.status().name(),
                    run.currency(),
                    run.cost(),
                    run.status() == RunStatus.REFUNDED,
                    run.demo(),
                    run.model(),
                    run.fellBack(),
                    run.error(),
                    succeeded && run.output() != null ? ToolSchemas.JSON.convertValue(run.output(), Map.class) : null,
                    succeeded && tool.makesPdf() ? "/api/v1/runs/" + run.id() + "/pdf" : null,
                    run.createdAt(),
                    run.finishedAt());
        }
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record RunPage(List<RunView> runs, int page, long total) {}

    @Serdeable
    record ResumeTextView(String text) {}
}
