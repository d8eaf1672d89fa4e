package com.careerai.ai;

import com.careerai.ai.RunViews.RunPage;
import com.careerai.ai.RunViews.RunView;
import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A student's runs: status, cost, refund, output and PDF. Someone else's run is a 404. */
@Controller("/api/v1/runs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
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
    @Operation(summary = "The signed-in student's runs, newest first")
    RunPage list(@CurrentUser SignedInUser user, @QueryValue(defaultValue = "1") int page) {
        int current = com.careerai.platform.web.Paging.page(page);
        return new RunPage(
                runs.listOfUser(user, PAGE_SIZE, com.careerai.platform.web.Paging.offset(current, PAGE_SIZE)).stream()
                        .map(run -> RunView.of(run, tools.require(run.tool())))
                        .toList(),
                current,
                runs.countOfUser(user));
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
