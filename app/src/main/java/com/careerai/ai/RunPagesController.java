package com.careerai.ai;

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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** A student's runs as pages: the list, one run with live progress or its result, the PDF. */
@Hidden
@Controller("/runs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RunPagesController {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneOffset.UTC);
    private static final int PAGE_SIZE = 20;

    private final RunService runs;
    private final ToolCatalog tools;
    private final RunDocuments documents;

    RunPagesController(RunService runs, ToolCatalog tools, RunDocuments documents) {
        this.runs = runs;
        this.tools = tools;
        this.documents = documents;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(@CurrentUser SignedInUser user, @QueryValue(defaultValue = "1") int page) {
        int current = com.careerai.platform.web.Paging.page(page);
        long total = runs.countOfUser(user);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "runs",
                runs.listOfUser(user, PAGE_SIZE, com.careerai.platform.web.Paging.offset(current, PAGE_SIZE)).stream()
                        .map(run -> {
                            Map<String, Object> row = row(run);
                            row.put(
                                    "toolName",
                                    tools.find(run.tool()).map(AiTool::name).orElse(run.tool()));
                            return row;
                        })
                        .toList());
        model.put("page", current);
        model.put("previous", current > 1 ? current - 1 : null);
        model.put("next", (long) current * PAGE_SIZE < total ? current + 1 : null);
        return new ModelAndView<>("ai/runs", model);
    }

    @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(@CurrentUser SignedInUser user, @PathVariable String id) {
        AiRun run = runs.findOfUser(user, RunIds.parse(id)).orElseThrow(RunNotFoundException::new);
        AiTool tool = tools.require(run.tool());
        Map<String, Object> model = new HashMap<>();
        model.put("run", row(run));
        model.put("toolName", tool.name());
        model.put("pdf", tool.makesPdf());
        if (run.status() == RunStatus.SUCCEEDED) {
            model.put("output", ToolSchemas.JSON.convertValue(run.output(), Map.class));
            model.put("input", ToolSchemas.JSON.convertValue(run.input(), Map.class));
            java.util.List<AiRun> earlier = runs.listOfUser(user, run.tool(), 20).stream()
                    .filter(other -> other.status() == RunStatus.SUCCEEDED
                            && other.createdAt().isBefore(run.createdAt()))
                    .toList();
            tool.addResultModel(run, earlier, model);
            return new ModelAndView<>("ai/results/" + run.tool(), model);
        }
        return new ModelAndView<>("ai/run", model);
    }

    @Get(
            uri = "/{id}/pdf",
            produces = {"application/pdf", MediaType.TEXT_HTML})
    HttpResponse<byte[]> pdf(@CurrentUser SignedInUser user, @PathVariable String id) {
        return documents.download(user.universityId(), user.userId(), RunIds.parse(id));
    }

    static Map<String, Object> row(AiRun run) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", run.id().toString());
        row.put("tool", run.tool());
        row.put("status", run.status().name());
        row.put("statusLabel", label(run.status()));
        row.put(
                "badge",
                switch (run.status()) {
                    case SUCCEEDED -> "ok";
                    case REFUNDED, FAILED -> "bad";
                    default -> "warn";
                });
        row.put("done", run.status().isFinal());
        row.put("refunded", run.status() == RunStatus.REFUNDED);
        row.put("currency", run.currency().toLowerCase(java.util.Locale.ROOT));
        row.put("cost", run.cost());
        row.put("demo", run.demo());
        row.put("fellBack", run.fellBack());
        row.put("error", run.error());
        row.put("created", WHEN.format(run.createdAt()));
        return row;
    }

    private static String label(RunStatus status) {
        return switch (status) {
            case QUEUED -> "Waiting for a worker";
            case RUNNING -> "Working on it";
            case SUCCEEDED -> "Done";
            case FAILED -> "Failed";
            case REFUNDED -> "Failed · refunded";
        };
    }
}
