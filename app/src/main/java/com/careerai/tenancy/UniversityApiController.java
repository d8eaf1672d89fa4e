package com.careerai.tenancy;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public facts about the university of the request's host, for API clients and apps. */
@Controller("/api/v1/university")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "University")
class UniversityApiController {

    /** What an API client may show before sign-in. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record UniversityView(
            String name, String subdomain, String brandColor, @io.micronaut.core.annotation.Nullable String logoUrl) {}

    @Get
    @Operation(summary = "The university served at this host")
    UniversityView current(@CurrentUniversity University university) {
        return new UniversityView(
                university.name(), university.subdomain(), university.brandColor(), university.logoUrl());
    }
}
