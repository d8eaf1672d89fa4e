package com.careerai.analytics;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.web.LayoutModel;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /staff/analytics}: every figure of a range of days (default the last 30) beside the
 * previous range, each as a chart ({@code static/analytics.js} draws them with Chart.js from the
 * JSON API) over the table behind it, with its CSV link. Works without JavaScript (tables only).
 */
@Controller("/staff")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class AnalyticsPagesController {
    private final Analytics analytics;
    private final LayoutModel layout;

    AnalyticsPagesController(Analytics analytics, LayoutModel layout) {
        this.analytics = analytics;
        this.layout = layout;
    }

    @Get(uri = "/analytics", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> page(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to) {
        AnalyticsQuery query = AnalyticsQuery.parse(from, to, AnalyticsQuery.today());
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put("from", query.from());
        model.put("to", query.to());
        model.put("problems", query.problems());
        if (!query.valid()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("analytics/analytics", model));
        }
        // every figure's reads, of the period and the one before, and the header's: one round trip (ADR 0076)
        layout.prefetchWith(request, analytics.reads(university.id(), query.period()));
        Analytics.Report report = analytics.report(university.id(), query.period());
        String range = "from=" + report.from() + "&to=" + report.to();
        model.put("range", range);
        model.put("previousFrom", report.previousFrom().toString());
        model.put("previousTo", report.previousTo().toString());
        model.put("bucket", report.bucket());
        model.put("suppression", report.suppression());
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Analytics.Compared compared : report.figures()) {
            figures.add(view(compared, range));
        }
        model.put("figures", figures);
        return HttpResponse.ok(new ModelAndView<>("analytics/analytics", model));
    }

    private static Map<String, Object> view(Analytics.Compared compared, String range) {
        Figure figure = compared.figure();
        Map<String, Object> view = new HashMap<>();
        view.put("name", figure.name());
        view.put("title", figure.title());
        view.put("kind", figure.kind());
        view.put("note", figure.note());
        view.put("labelHeading", figure.labelHeading());
        view.put("columns", figure.columns());
        view.put("csvUrl", "/api/v1/staff/analytics/" + figure.name() + ".csv?" + range);
        view.put("empty", figure.rows().isEmpty());
        view.put(
                "rows",
                figure.rows().stream()
                        .map(row -> Map.of(
                                "label", row.label(),
                                "suppressed", row.suppressed(),
                                "cells",
                                        row.values().stream()
                                                .map(value -> Analytics.cell(row, value))
                                                .toList()))
                        .toList());
        List<Map<String, Object>> totals = new ArrayList<>();
        for (int i = 0; i < figure.columns().size(); i++) {
            Number now = i < figure.totals().size() ? figure.totals().get(i) : null;
            if (now == null) {
                continue;
            }
            Number before = compared.previous() == null
                            || i >= compared.previous().totals().size()
                    ? null
                    : compared.previous().totals().get(i);
            Map<String, Object> total = new HashMap<>();
            total.put("column", figure.columns().get(i));
            total.put("now", text(now));
            total.put("before", before == null ? "–" : text(before));
            total.put("change", change(now, before));
            totals.add(total);
        }
        view.put("totals", totals);
        return view;
    }

    private static String text(Number value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** "+12%", "−5%", "no change", or "new" when the previous range had none. */
    static String change(Number now, @Nullable Number before) {
        if (before == null) {
            return "";
        }
        BigDecimal current = new BigDecimal(now.toString());
        BigDecimal previous = new BigDecimal(before.toString());
        if (previous.signum() == 0) {
            return current.signum() == 0 ? "no change" : "new";
        }
        BigDecimal percent = current.subtract(previous)
                .multiply(BigDecimal.valueOf(100))
                .divide(previous.abs(), 0, RoundingMode.HALF_UP);
        return percent.signum() == 0 ? "no change" : (percent.signum() > 0 ? "+" : "−") + percent.abs() + "%";
    }
}
