package com.careerai.analytics;

import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Staff JSON and CSV of the analytics figures (the page draws its charts from the JSON). */
@Controller("/api/v1/staff/analytics")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Staff: analytics")
class AnalyticsApiController {
    private final Analytics analytics;

    AnalyticsApiController(Analytics analytics) {
        this.analytics = analytics;
    }

    @Get
    @Operation(
            summary = "Every figure of the university for a range of UTC days, with the previous range",
            description = "from/to: YYYY-MM-DD, both included (default: the last 30 days); at most 731 days."
                    + " Groups of fewer than 5 students are suppressed. Bad dates answer 422 naming each field.")
    Analytics.Report figures(
            @CurrentUniversity University university,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to) {
        AnalyticsQuery query = AnalyticsQuery.parse(from, to, AnalyticsQuery.today());
        if (!query.valid()) {
            throw new AnalyticsInputException(query.problems());
        }
        return analytics.report(university.id(), query.period());
    }

    @Get(uri = "/{figure}.csv", produces = "text/csv")
    @Operation(
            summary = "One figure as CSV (the table behind its chart), for a range of UTC days",
            description = "Small groups (fewer than 5 students) read \"<5\". Unknown figure: 404.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    HttpResponse<String> csv(
            @CurrentUniversity University university,
            @PathVariable String figure,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to) {
        AnalyticsQuery query = AnalyticsQuery.parse(from, to, AnalyticsQuery.today());
        if (!query.valid()) {
            throw new AnalyticsInputException(query.problems());
        }
        return analytics
                .figure(university.id(), query.period(), figure)
                .map(found -> HttpResponse.ok(Analytics.csv(found))
                        .contentType("text/csv; charset=utf-8")
                        .header(
                                "Content-Disposition",
                                "attachment; filename=\"" + found.name() + "-" + query.from() + "-" + query.to()
                                        + ".csv\""))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "There is no such figure."));
    }
}
