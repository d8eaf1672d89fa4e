package com.careerai.leads;

import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Inquiries from a university's own site or app, anonymous (same honeypot and rate limit as the form). */
@Controller("/api/v1/public/leads")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Leads")
class PublicLeadsApiController {
    /** An inquiry; {@code website} is the honeypot and must stay empty. */
    @Serdeable
    record NewInquiry(
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String interest,
            @Nullable Long courseId,
            @Nullable String message,
            @Nullable Boolean consent,
            @Nullable String website) {}

    @Serdeable
    record Accepted(long id) {}

    private final InquiryIntake intake;

    PublicLeadsApiController(InquiryIntake intake) {
        this.intake = intake;
    }

    @Post
    @Operation(
            summary = "Send an inquiry (202 with the lead's id; 422 with fields such as phone or consent;"
                    + " 429 past the rate limit)")
    @ApiResponse(
            responseCode = "202",
            description = "Inquiry accepted",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    HttpResponse<Accepted> create(
            HttpRequest<?> request, @CurrentUniversity University university, @Body NewInquiry body) {
        Inquiry inquiry = new Inquiry(
                body.name(),
                body.email(),
                body.phone(),
                body.interest(),
                body.courseId(),
                null,
                body.message(),
                Boolean.TRUE.equals(body.consent()));
        try {
            return HttpResponse.accepted()
                    .body(new Accepted(intake.submit(request, university, inquiry, body.website())));
        } catch (LeadException e) {
            throw new LeadProblem(e);
        }
    }
}
