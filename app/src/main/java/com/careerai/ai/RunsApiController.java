package com.careerai.ai;

import com.careerai.ai.RunViews.RunPage;
import com.careerai.ai.RunViews.RunView;
import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.RequestExecutor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.stream.Collectors;

/** A student's runs: title, status, cost, refund, output and PDF; delete. Someone else's run is a 404. */
@Controller("/api/v1/runs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(RequestExecutor.NAME) // on the session check's pool thread (ADR 0073)
@Tag(name = "AI runs")
class RunsApiController {
    static final int PAGE_SIZE = 20;

    private final RunService runs;
    private final ToolCatalog tools;
    private final RunDocuments documents;

    RunsApiController(RunService runs, ToolCatalog tools, RunDocuments documents) {
        this.runs = runs;
        this.tools = tools;
        this.documents = documents;
    }

    @Get
    @Operation(
            summary = "The signed-in student's runs, newest first, 20 a page",
            description =
                    "Filters: tool (a tool's slug), status (QUEUED, RUNNING, SUCCEEDED, FAILED — which also finds "
                            + "REFUNDED runs — or REFUNDED), q (words found anywhere in the title, at most 100 characters). "
                            + "An unknown tool or status is refused with 422 and a message per parameter.")
    RunPage list(
            @CurrentUser SignedInUser user,
            @QueryValue(defaultValue = "1") int page,
            @Nullable @QueryValue String tool,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String q) {
        int current = com.careerai.platform.web.Paging.page(page);
        RunFilter filter = RunFilter.of(
                tool, status, q, tools.all().stream().map(AiTool::slug).collect(Collectors.toSet()));
        RunService.RunsPage<AiRun> listed =
                runs.listOfUser(user, filter, PAGE_SIZE, com.careerai.platform.web.Paging.offset(current, PAGE_SIZE));
        return new RunPage(
                listed.runs().stream()
                        .map(run -> RunView.of(run, tools.require(run.tool())))
                        .toList(),
                current,
                listed.total());
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(
            summary =
                    "Deletes a finished run: its input, output and PDF (the ledger rows of its debit and refund stay)",
            description =
                    "204 when deleted; 404 for someone else's run or one that does not exist; 409 run_in_progress "
                            + "while the run is queued, running or failed and awaiting its refund.")
    void delete(@CurrentUser SignedInUser user, @PathVariable String id) {
        runs.delete(user, RunIds.parse(id));
    }

    @Get("/{id}")
    @Operation(summary = "One run: status, cost, refund, and the output when done")
    RunView get(@CurrentUser SignedInUser user, @PathVariable String id) {
        AiRun run = runs.findOfUser(user, RunIds.parse(id)).orElseThrow(RunNotFoundException::new);
        return RunView.of(run, tools.require(run.tool()));
    }

    @Get(
            uri = "/{id}/pdf",
            produces = {"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The run's PDF (Job Pack and other tools that make one)")
    HttpResponse<byte[]> pdf(@CurrentUser SignedInUser user, @PathVariable String id) {
        return documents.download(user.universityId(), user.userId(), RunIds.parse(id));
    }
}
