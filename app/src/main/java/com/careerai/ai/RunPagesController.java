package com.careerai.ai;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.Dates;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.ViewerZones;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A student's runs as pages: the list (filtered, paged), one run with live progress or its result, the PDF, delete. */
@Hidden
@Controller("/runs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RunPagesController {
    private static final int PAGE_SIZE = 20;

    /** The statuses a student filters by; "Failed" includes refunded runs. */
    private static final Map<RunStatus, String> STATUS_FILTERS = new LinkedHashMap<>();

    static {
        STATUS_FILTERS.put(RunStatus.SUCCEEDED, "Done");
        STATUS_FILTERS.put(RunStatus.FAILED, "Failed");
        STATUS_FILTERS.put(RunStatus.RUNNING, "Working on it");
        STATUS_FILTERS.put(RunStatus.QUEUED, "Waiting for a worker");
    }

    /** The earlier runs a result page may compare with (a CV analysis' score timeline shows up to 9). */
    private static final int EARLIER = 9;

    private final RunService runs;
    private final ToolCatalog tools;
    private final RunDocuments documents;
    private final ViewerZones zones;

    private final LayoutModel layout;

    RunPagesController(
            RunService runs, ToolCatalog tools, RunDocuments documents, ViewerZones zones, LayoutModel layout) {
        this.layout = layout;
        this.zones = zones;
        this.runs = runs;
        this.tools = tools;
        this.documents = documents;
    }

    /** The student's runs, newest first, filtered by tool, status and words of the title. */
    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(
            @CurrentUser SignedInUser user,
            @QueryValue(defaultValue = "1") int page,
            @Nullable @QueryValue String tool,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String deleted) {
        int current = com.careerai.platform.web.Paging.page(page);
        ZoneId zone = zones.zoneOf(user.universityId(), user.userId());
        Map<String, Object> model = new HashMap<>();
        RunFilter filter;
        try {
            filter = RunFilter.of(tool, status, q, slugs());
        } catch (InvalidRunInputException e) {
            // a hand-edited address: show everything rather than an error page
            filter = RunFilter.NONE;
            model.put("filterError", "That filter was not understood, so all your runs are shown.");
        }
        RunService.RunsPage<RunSummary> listed = runs.summariesOfUser(
                user, filter, PAGE_SIZE, com.careerai.platform.web.Paging.offset(current, PAGE_SIZE));
        long total = listed.total();
        model.put(
                "runs",
                listed.runs().stream()
                        .map(run -> {
                            Map<String, Object> row = row(run, zone);
                            row.put(
                                    "toolName",
                                    tools.find(run.tool()).map(AiTool::name).orElse(run.tool()));
                            return row;
                        })
                        .toList());
        model.put("total", total);
        model.put("totalText", com.careerai.platform.web.Plural.of(total, filter.any() ? "matching run" : "run"));
        model.put("filtered", filter.any());
        model.put("q", filter.words());
        model.put("deleted", deleted != null);
        String chosenTool = filter.tool();
        model.put(
                "toolOptions",
                tools.all().stream()
                        .map(option -> Map.of(
                                "slug", option.slug(),
                                "name", option.name(),
                                "selected", option.slug().equals(chosenTool)))
                        .toList());
        RunStatus chosenStatus = filter.status();
        model.put(
                "statusOptions",
                STATUS_FILTERS.entrySet().stream()
                        .map(option -> Map.of(
                                "value", option.getKey().name(),
                                "label", option.getValue(),
                                "selected", option.getKey() == chosenStatus))
                        .toList());
        String query = query(filter);
        model.put("page", current);
        model.put("previous", current > 1 ? "/runs?page=" + (current - 1) + query : null);
        model.put("next", (long) current * PAGE_SIZE < total ? "/runs?page=" + (current + 1) + query : null);
        return new ModelAndView<>("ai/runs", model);
    }

    /** Deletes a finished run and goes back to the list (someone else's run: 404; one in progress: 409). */
    @Post(uri = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> delete(@CurrentUser SignedInUser user, @PathVariable String id) {
        runs.delete(user, RunIds.parse(id));
        return HttpResponse.seeOther(URI.create("/runs?deleted=1"));
    }

    private Set<String> slugs() {
        return tools.all().stream().map(AiTool::slug).collect(Collectors.toSet());
    }

    /** The filter as query parameters for the pager links ("" without a filter). */
    private static String query(RunFilter filter) {
        StringBuilder query = new StringBuilder();
        if (filter.tool() != null) {
            query.append("&tool=").append(encode(filter.tool()));
        }
        if (filter.status() != null) {
            query.append("&status=").append(filter.status().name());
        }
        if (filter.words() != null) {
            query.append("&q=").append(encode(filter.words()));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(
            HttpRequest<?> request, @CurrentUser SignedInUser user, @PathVariable String id) {
        UUID runId = RunIds.parse(id);
        // the run with the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, java.util.List.of(runs.findOfUserRead(user, runId)));
        AiRun run = runs.findOfUser(user, runId).orElseThrow(RunNotFoundException::new);
        AiTool tool = tools.require(run.tool());
        Map<String, Object> model = new HashMap<>();
        model.put("run", row(RunSummary.of(run), zones.zoneOf(user.universityId(), user.userId())));
        model.put("toolName", tool.name());
        model.put("pdf", tool.makesPdf());
        model.put("analysis", AnalysisView.of(run.analysis()));
        if (run.status() == RunStatus.SUCCEEDED) {
            model.put("output", ToolSchemas.JSON.convertValue(run.output(), Map.class));
            model.put("input", ToolSchemas.JSON.convertValue(run.input(), Map.class));
            // the tool's succeeded runs before this one, newest first (a CV analysis compares with them): they
            // were the tool's 20 newest runs read whole, inputs and analyses too, and filtered here, which left
            // a run older than those 20 without its comparison
            tool.addResultModel(run, runs.earlierSucceeded(user, run, EARLIER), model);
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

    /** A run as pages list it, its start written in {@code zone} ({@link Dates}). */
    static Map<String, Object> row(RunSummary run, ZoneId zone) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", run.id().toString());
        row.put("tool", run.tool());
        // runs from before titles were stored have their tool's name as title (migration V55)
        row.put("title", run.title() == null ? run.tool() : run.title());
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
        row.put("created", Dates.moment(run.createdAt(), zone));
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
