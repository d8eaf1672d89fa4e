package com.careerai.ai;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.credits.CreditOperationException;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutModel;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The tools pages: the list, each tool's form, and starting a run from it. */
@Hidden
@Controller("/tools")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ToolPagesController {
    /** The tool's latest runs shown under its form. */
    private static final int RECENT = 5;

    private final ToolCatalog tools;
    private final RunCharges charges;
    private final RunService runs;
    private final ToolSettings settings;
    private final ToolPrefill prefill;
    private final com.careerai.platform.web.ViewerZones zones;
    private final LayoutModel layout;

    ToolPagesController(
            ToolCatalog tools,
            RunCharges charges,
            RunService runs,
            ToolSettings settings,
            ToolPrefill prefill,
            com.careerai.platform.web.ViewerZones zones,
            LayoutModel layout) {
        this.layout = layout;
        this.zones = zones;
        this.settings = settings;
        this.prefill = prefill;
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

    /**
     * The tool's form; {@code ?currency=gold} preselects a currency (the 402 page links here) and
     * {@code ?from=<run id>} ("Try again") fills it with that run's input and currency — only the
     * student's own run of this tool; otherwise the form starts from the student's career profile
     * (target role, links…) with their default saved resume chosen.
     */
    @Get(uri = "/{slug}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @PathVariable String slug,
            @Nullable @QueryValue String currency,
            @Nullable @QueryValue String from) {
        AiTool tool = settings.require(user.universityId(), slug);
        // the saved resumes to pick from, the tool's latest runs, the run tried again and the header's reads (the
        // balances among them) in one round trip (ADR 0076); they were 4
        List<PageRead<?>> page = new ArrayList<>(prefill.pickerReads(user, tool));
        page.add(runs.summariesOfUserRead(user, slug, RECENT));
        if (from != null) {
            RunIds.tryParse(from).ifPresent(id -> page.add(runs.findOfUserRead(user, id)));
        }
        layout.prefetchWith(request, page);
        Map<String, String> values = new HashMap<>();
        java.util.Optional<AiRun> again = from == null
                ? java.util.Optional.empty()
                : RunIds.tryParse(from).flatMap(id -> runs.findOfUser(user, id)).filter(run -> run.tool()
                        .equals(slug));
        again.ifPresentOrElse(
                run -> {
                    values.putAll(ToolForms.toValues(run.input()));
                    values.put("currency", run.currency().toLowerCase(Locale.ROOT));
                },
                () -> values.putAll(prefill.values(user, tool)));
        if (currency != null) {
            values.put("currency", currency);
        }
        return new ModelAndView<>("ai/tools/" + slug, formModel(user, tool, values, Map.of(), null));
    }

    @Post(uri = "/{slug}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    CompletionStage<HttpResponse<?>> submit(
            @CurrentUser SignedInUser user, @PathVariable String slug, @Body Map<String, String> form) {
        AiTool tool = settings.require(user.universityId(), slug);
        String currency = form.getOrDefault("currency", "");
        try {
            ObjectNode input = ToolForms.toInput(tool.inputSchema(), prefill.resolve(user, form));
            // A double click posts the same one-time token twice: the second gets the first run.
            IdempotencyKey token = IdempotencyKey.fromForm(form.get(IdempotencyKey.FORM_FIELD));
            // A synchronous tool's answer completes the stage; no request thread waits for it (ADR 0077).
            return runs.startAsync(user, slug, currency, input, token)
                    .thenApply(run -> HttpResponse.seeOther(URI.create("/runs/" + run.id())));
        } catch (InvalidRunInputException | CreditOperationException | IdempotencyKeyException e) {
            return CompletableFuture.completedFuture(HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "ai/tools/" + slug, formModel(user, tool, form, e.fields(), e.getMessage()))));
        }
    }

    private Map<String, Object> formModel(
            SignedInUser user, AiTool tool, Map<String, String> values, Map<String, String> errors, String message) {
        Map<String, Object> model = new HashMap<>();
        java.time.ZoneId zone = zones.zoneOf(user.universityId(), user.userId());
        Map<String, Object> card = card(tool);
        String chosen = values.getOrDefault("currency", "").trim().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> options = options(tool);
        boolean offered =
                options.stream().anyMatch(option -> option.get("currency").equals(chosen));
        Map<String, Long> balances = charges.balances(user.universityId(), user.userId());
        for (Map<String, Object> option : options) {
            // the chosen currency if the tool takes it, else the first (silver before gold)
            option.put("checked", offered ? option.get("currency").equals(chosen) : option == options.get(0));
            long held = balances.getOrDefault(((String) option.get("currency")).toUpperCase(Locale.ROOT), 0L);
            option.put("affordable", held >= (Integer) option.get("cost"));
        }
        // When no currency the tool takes can pay, the submit button is disabled with the reason.
        if (!options.isEmpty() && options.stream().noneMatch(option -> Boolean.TRUE.equals(option.get("affordable")))) {
            model.put(
                    "cannotPay",
                    "Your wallet cannot pay for " + tool.name() + ": it costs "
                            + options.stream()
                                    .map(option -> option.get("cost") + " " + option.get("currency"))
                                    .collect(java.util.stream.Collectors.joining(" or "))
                            + ".");
        }
        card.put("costs", options);
        model.put("tool", card);
        model.put("values", new HashMap<>(values));
        List<Map<String, Object>> picker = prefill.picker(user, tool, values);
        model.put("resumePicker", picker);
        model.put("pasteChecked", picker.stream().noneMatch(row -> Boolean.TRUE.equals(row.get("checked"))));
        model.put("selected", selected(tool, values));
        model.put("errors", fieldErrors(errors));
        model.put("errorMessage", message);
        // One-time token of this rendering of the form (a fresh one after every error).
        model.put("formToken", UUID.randomUUID().toString());
        model.put(
                "recent",
                runs.summariesOfUser(user, tool.slug(), RECENT).stream()
                        .map(run -> RunPagesController.row(run, zone))
                        .toList());
        return model;
    }

    private Map<String, Object> card(AiTool tool) {
        Map<String, Object> card = new HashMap<>();
        card.put("slug", tool.slug());
        card.put("name", tool.name());
        card.put("description", tool.description());
        card.put("pdf", tool.makesPdf());
        List<Map<String, Object>> options = options(tool);
        card.put("costs", options);
        card.put("free", options.stream().allMatch(option -> Boolean.TRUE.equals(option.get("free"))));
        card.put("currency", options.isEmpty() ? "" : options.get(0).get("currency"));
        return card;
    }

    /** The currencies the tool takes, silver first, with cost and a label naming the model it buys. */
    private List<Map<String, Object>> options(AiTool tool) {
        List<Map<String, Object>> options = new ArrayList<>();
        charges.costs(tool.slug()).forEach((currency, cost) -> {
            Map<String, Object> option = new HashMap<>();
            option.put("currency", currency.toLowerCase(Locale.ROOT));
            option.put("name", currency.equals("GOLD") ? "Gold" : "Silver");
            option.put(
                    "model",
                    !tool.usesModel() ? "no AI model" : currency.equals("GOLD") ? "premium model" : "standard model");
            option.put("cost", cost);
            option.put("free", cost == 0);
            options.add(option);
        });
        return options;
    }

    /**
     * For each choice field of the form (an enum in the input schema), {@code value → "selected"}
     * for the submitted value, so a re-rendered form keeps what the student chose.
     */
    private static Map<String, Map<String, String>> selected(AiTool tool, Map<String, String> values) {
        Map<String, Map<String, String>> selected = new HashMap<>();
        tool.inputSchema().path("properties").properties().forEach(property -> {
            if (property.getValue().has("enum") && values.get(property.getKey()) != null) {
                selected.put(property.getKey(), Map.of(values.get(property.getKey()), "selected"));
            }
        });
        return selected;
    }

    /**
     * Messages by form field: {@code targetRoles[1]} is shown beside the {@code targetRoles} box,
     * unless there is a message about the box itself ("at most 3").
     */
    private static Map<String, String> fieldErrors(Map<String, String> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach((path, message) -> {
            String field = path.split("[.\\[]", 2)[0];
            if (field.equals(path)) {
                byField.put(field, message);
            } else {
                byField.putIfAbsent(field, message);
            }
        });
        return byField;
    }
}
