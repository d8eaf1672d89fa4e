package com.careerai.ai;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tools pages: the list, each tool's form, and starting a run from it. */
@Hidden
@Controller("/tools")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ToolPagesController {
    private final ToolCatalog tools;
    private final RunCharges charges;
    private final RunService runs;
    private final ToolSettings settings;

    ToolPagesController(ToolCatalog tools, RunCharges charges, RunService runs, ToolSettings settings) {
        this.settings = settings;
        this.tools = tools;
        this.charges = charges;
        this.runs = runs;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> index(@CurrentUniversity University university) {
        Map<String, Object> model = new HashMap<>();
        model.put(
                "tools",
                settings.enabled(university.id()).stream().map(this::card).toList());
        return new ModelAndView<>("ai/tools", model);
    }

    @Get(uri = "/{slug}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form(@CurrentUser SignedInUser user, @PathVariable String slug) {
        AiTool tool = settings.require(user.universityId(), slug);
        return new ModelAndView<>(
                "ai/tools/" + slug, formModel(user, tool, Map.of("currency", "silver"), Map.of(), null));
    }

    @Post(uri = "/{slug}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> submit(@CurrentUser SignedInUser user, @PathVariable String slug, @Body Map<String, String> form) {
        AiTool tool = settings.require(user.universityId(), slug);
        ObjectNode input = ToolForms.toInput(tool.inputSchema(), form);
        String currency = form.getOrDefault("currency", "");
        try {
            AiRun run = runs.start(user, slug, currency, input);
            return HttpResponse.seeOther(URI.create("/runs/" + run.id()));
        } catch (InvalidRunInputException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "ai/tools/" + slug, formModel(user, tool, form, e.fields(), e.getMessage())));
        }
    }

    private Map<String, Object> formModel(
            SignedInUser user, AiTool tool, Map<String, String> values, Map<String, String> errors, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("tool", card(tool));
        model.put("values", new HashMap<>(values));
        model.put("errors", errors);
        model.put("errorMessage", message);
        model.put(
                "recent",
                runs.listOfUser(user, tool.slug(), 5).stream()
                        .map(RunPagesController::row)
                        .toList());
        return model;
    }

    private Map<String, Object> card(AiTool tool) {
        Map<String, Object> card = new HashMap<>();
        card.put("slug", tool.slug());
        card.put("name", tool.name());
        card.put("description", tool.description());
        card.put("pdf", tool.makesPdf());
        Map<String, Integer> costs = charges.costs(tool.slug());
        List<Map<String, Object>> options = costs.entrySet().stream()
                .map(entry -> Map.<String, Object>of(
                        "currency",
                        entry.getKey().toLowerCase(Locale.ROOT),
                        "label",
                        entry.getKey().equals("GOLD") ? "Gold · premium model" : "Silver · standard model",
                        "cost",
                        entry.getValue(),
                        "free",
                        entry.getValue() == 0))
                .toList();
        card.put("costs", options);
        return card;
    }
}
