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
    record ToolView(
            String slug,
            String name,
            String description,
            Map<String, Integer> costs,
            boolean pdf,
            Map<String, Object> inputSchema,
            Map<String, Object> outputSchema) {}

    @Serdeable
    record StartRunRequest(@Nullable String currency, @Nullable Map<String, Object> input) {}

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
            @Nullable Map<String, Object> output,
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
    record RunPage(List<RunView> runs, int page, long total) {}

    @Serdeable
    record ResumeTextView(String text) {}
}
