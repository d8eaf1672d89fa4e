package com.careerai.auth;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who the caller is (cookie or bearer token). */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Auth")
class MeApiController {

    @Get
    @Operation(summary = "The signed-in user")
    SignedInUser me(@CurrentUser SignedInUser user) {
        return user;
    }
}
