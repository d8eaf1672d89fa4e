package com.careerai.ai;

import com.careerai.ai.RunViews.ResumeTextView;
import com.careerai.ai.RunViews.RunView;
import com.careerai.ai.RunViews.StartRunRequest;
import com.careerai.ai.RunViews.StartedRun;
import com.careerai.ai.RunViews.ToolView;
import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.RequestExecutor;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The AI tools as an API: what exists, what it costs, its schemas; start a run. */
@Controller("/api/v1/tools")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(RequestExecutor.NAME) // on the session check's pool thread (ADR 0073)
@Tag(name = "AI tools")
class ToolsApiController {
    private final ToolCatalog tools;
    private final RunCharges charges;
    private final RunService runs;
    private final ToolSettings settings;
    private final ResumeReader resumes;

    ToolsApiController(
            ToolCatalog tools, RunCharges charges, RunService runs, ToolSettings settings, ResumeReader resumes) {
        this.resumes = resumes;
        this.settings = settings;
        this.tools = tools;
        this.charges = charges;
        this.runs = runs;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Every tool with its costs per currency and its input and output JSON schemas")
    @SuppressWarnings("unchecked")
    List<ToolView> list(@CurrentUniversity University university) {
        return settings.enabled(university.id()).stream()
                .map(tool -> new ToolView(
                        tool.slug(),
                        tool.name(),
                        tool.description(),
                        lowerKeys(charges.costs(tool.slug())),
                        tool.makesPdf(),
                        ToolSchemas.JSON.convertValue(tool.inputSchema(), Map.class),
                        ToolSchemas.JSON.convertValue(tool.outputSchema(), Map.class)))
                .toList();
    }

    @Post("/{slug}/runs")
    @Operation(
            summary = "Start a run: debits the cost and queues the work; 402 when credits are short",
            description = "Queued tools answer 202 with the run's id and address; poll it until the status is final. "
                    + "Synchronous tools (internship-finder, referral-trainer) run inside the request and answer 200 "
                    + "with the finished run: SUCCEEDED with its output, or REFUNDED with the reason; when every "
                    + "place for them is taken they answer 429 with Retry-After and nothing is debited. "
                    + "Send an Idempotency-Key header to make a retry safe.")
    @ApiResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(schema = @Schema(implementation = StartedRun.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Finished (synchronous tools)",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    CompletionStage<HttpResponse<?>> start(
            @CurrentUser SignedInUser user,
            @PathVariable String slug,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = StartRunRequest.class)))
                    @Body
                    byte[] request,
            @Parameter(
                            description = "Makes the request safe to repeat: the same key within 24 hours answers"
                                    + " with the first run (same id and status code) and never debits twice; the"
                                    + " same key with a different request is refused with 422"
                                    + " idempotency_key_reused. 1–255 visible ASCII characters, e.g. a UUID.")
                    @Nullable
                    @Header(IdempotencyKeyException.HEADER)
                    String idempotencyKey) {
        StartRunBody body = StartRunBody.read(request);
        // A synchronous tool's answer completes the stage; no request thread waits for it (ADR 0077).
        return runs.startAsync(
                        user,
                        slug,
                        body.currency() == null ? "" : body.currency(),
                        body.input(),
                        IdempotencyKey.fromHeader(idempotencyKey))
                .thenApply(run -> {
                    AiTool tool = tools.require(run.tool());
                    if (tool.synchronous()) {
                        return HttpResponse.ok(RunView.of(run, tool));
                    }
                    return HttpResponse.accepted()
                            .body(new StartedRun(
                                    run.id().toString(), run.status().name(), "/api/v1/runs/" + run.id()));
                });
    }

    @Post(uri = "/resume-text", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Extract the text of a PDF resume (the file is not kept)")
    ResumeTextView resumeText(@CurrentUser SignedInUser user, @Nullable @Part("file") CompletedFileUpload file) {
        if (file == null) {
            throw new ResumeText.UnreadableResumeException("Please choose a PDF file.");
        }
        try {
            return new ResumeTextView(resumes.read(user, file.getFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> lowerKeys(Map<String, Integer> costs) {
        Map<String, Integer> lower = new java.util.LinkedHashMap<>();
        costs.forEach((currency, cost) -> lower.put(currency.toLowerCase(java.util.Locale.ROOT), cost));
        return lower;
    }
}
