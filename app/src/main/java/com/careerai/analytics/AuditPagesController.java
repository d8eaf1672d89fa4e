package com.careerai.analytics;

import com.careerai.auth.UserAccounts;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Plural;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /staff/audit}: who did what in the university, filtered by actor, action and days,
 * 50 a page, newest first; {@code /staff/audit.csv} exports what the filters select.
 */
@Controller("/staff")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class AuditPagesController {
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final AuditTrail trail;
    private final UserAccounts users;
    private final LayoutModel layout;

    AuditPagesController(AuditTrail trail, UserAccounts users, LayoutModel layout) {
        this.trail = trail;
        this.users = users;
        this.layout = layout;
    }

    @Get(uri = "/audit", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> page(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @QueryValue @Nullable String actor,
            @QueryValue @Nullable String action,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to,
            @QueryValue @Nullable Integer page) {
        AuditQuery query = AuditQuery.parse(university.id(), users, actor, action, from, to);
        if (query.valid()) {
            // the filter's actions, the count, the page of entries and the header's reads in one round trip
            layout.prefetchWith(request, trail.pageReads(university.id(), query.filter(), page == null ? 1 : page));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put("actor", actor);
        model.put("from", from);
        model.put("to", to);
        model.put("filtered", query.filter().filtered() || !query.valid());
        model.put(
                "actions",
                trail.actions(university.id()).stream()
                        .map(name -> Map.of("value", name, "selected", name.equals(action)))
                        .toList());
        model.put("problems", query.problems());
        if (!query.valid()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("analytics/audit", model));
        }
        AuditTrail.Page found = trail.page(university.id(), query.filter(), page == null ? 1 : page);
        String filters = query.queryString();
        model.put("summary", Plural.of(found.total(), "entry", "entries"));
        model.put(
                "entries",
                found.entries().stream()
                        .map(entry -> Map.of(
                                "id", entry.id(),
                                "when", MOMENT.format(entry.at()),
                                "iso", entry.at().toString(),
                                "actor", entry.actor(),
                                "actorName", entry.actorName(),
                                "action", entry.action(),
                                "details", AuditTrail.describe(entry.details()),
                                "address", entry.clientAddress() == null ? "" : entry.clientAddress()))
                        .toList());
        model.put("page", found.page());
        model.put("pages", found.pages());
        String base = "/staff/audit?" + (filters.isEmpty() ? "" : filters + "&") + "page=";
        if (found.page() > 1) {
            model.put("previousUrl", base + (found.page() - 1));
        }
        if (found.page() < found.pages()) {
            model.put("nextUrl", base + (found.page() + 1));
        }
        model.put("csvUrl", "/staff/audit.csv" + (filters.isEmpty() ? "" : "?" + filters));
        return HttpResponse.ok(new ModelAndView<>("analytics/audit", model));
    }

    @Get(uri = "/audit.csv", produces = "text/csv")
    HttpResponse<String> csv(
            @CurrentUniversity University university,
            @QueryValue @Nullable String actor,
            @QueryValue @Nullable String action,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to) {
        AuditQuery query = AuditQuery.parse(university.id(), users, actor, action, from, to);
        if (!query.valid()) {
            throw new AnalyticsInputException(query.problems());
        }
        return HttpResponse.ok(trail.csv(university.id(), query.filter()))
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit-" + university.subdomain() + ".csv\"");
    }
}
