package com.careerai.support;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /staff/support/settings}: the business week, hours, time zone and targets the ticket timers use. */
@Controller("/staff/support/settings")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class SupportSettingsController {
    private final Tickets tickets;

    SupportSettingsController(Tickets tickets) {
        this.tickets = tickets;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@CurrentUser SignedInUser staff, @Nullable @QueryValue String saved) {
        SupportSettingsForm form = SupportSettingsForm.of(tickets.settings(staff.universityId()));
        return new ModelAndView<>("support/settings", model(form, Map.of(), saved != null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> save(@CurrentUser SignedInUser staff, @Body Map<String, Object> body) {
        Object days = body.get("days");
        List<String> ticked = days instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : days == null ? List.of() : List.of(String.valueOf(days));
        SupportSettingsForm form = new SupportSettingsForm(
                SupportPagesController.first(body.get("timeZone")),
                ticked,
                SupportPagesController.first(body.get("dayStart")),
                SupportPagesController.first(body.get("dayEnd")),
                SupportPagesController.first(body.get("firstResponseHours")),
                SupportPagesController.first(body.get("resolutionHours")));
        try {
            tickets.saveSettings(staff.universityId(), form.validated(), "user:" + staff.userId());
        } catch (TicketException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("support/settings", model(form, e.fields(), false)));
        }
        return HttpResponse.seeOther(URI.create("/staff/support/settings?saved=1"));
    }

    private static Map<String, Object> model(SupportSettingsForm form, Map<String, String> errors, boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put(
                "values",
                Map.of(
                        "timeZone", form.timeZone(),
                        "dayStart", form.dayStart(),
                        "dayEnd", form.dayEnd(),
                        "firstResponseHours", form.firstResponseHours(),
                        "resolutionHours", form.resolutionHours()));
        model.put(
                "days",
                java.util.Arrays.stream(DayOfWeek.values())
                        .map(d -> Map.<String, Object>of(
                                "value", d.getValue(),
                                "label", d.getDisplayName(TextStyle.FULL, Locale.UK),
                                "checked", form.days().contains(String.valueOf(d.getValue()))))
                        .toList());
        model.put("errors", errors);
        model.put("saved", saved);
        return model;
    }
}
