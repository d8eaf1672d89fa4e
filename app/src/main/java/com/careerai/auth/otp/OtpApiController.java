package com.careerai.auth.otp;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.session.SessionCookies;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;

/** Email one-time code sign-in for API clients and page scripts. */
@Controller("/api/v1/auth/otp")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Auth")
class OtpApiController {
    private final OneTimeCodes oneTimeCodes;
    private final SessionCookies sessionCookies;
    private final ClientAddresses clientAddresses;
    private final OtpConfiguration configuration;

    OtpApiController(
            OneTimeCodes oneTimeCodes,
            SessionCookies sessionCookies,
            ClientAddresses clientAddresses,
            OtpConfiguration configuration) {
        this.oneTimeCodes = oneTimeCodes;
        this.sessionCookies = sessionCookies;
        this.clientAddresses = clientAddresses;
        this.configuration = configuration;
    }

    /** Body of a code request. */
    @Serdeable
    record CodeRequest(@Nullable String email) {}

    /** Answer to a code request: the same whether or not the address has an account. */
    @Serdeable
    record CodeRequested(String status, String message, long expiresInSeconds) {}

    /** Body of a code check. */
    @Serdeable
    record CodeCheck(@Nullable String email, @Nullable String code) {}

    /**
     * A signed-in session.
     *
     * @param token bearer token for {@code Authorization: Bearer …}; works only on this university's host
     * @param tokenType always {@code Bearer}
     * @param expiresAt when the token stops working unless revoked (sign-out) earlier
     * @param user who signed in
     */
    @Serdeable
    record SignedIn(String token, String tokenType, Instant expiresAt, SignedInUser user) {}

    @Post("/request")
    @Status(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Email a one-time sign-in code",
            description =
                    "Students use an address of the university's allowed domains; invited staff and counsellors "
                            + "the address they were invited with. Rate-limited per address and per client (429 with Retry-After).")
    @ApiResponse(responseCode = "202", description = "Code sent")
    @ApiResponse(responseCode = "403", description = "domain_not_allowed")
    @ApiResponse(responseCode = "422", description = "invalid_email")
    @ApiResponse(responseCode = "429", description = "rate_limited")
    CodeRequested request(@CurrentUniversity University university, HttpRequest<?> request, @Body CodeRequest body) {
        String email = oneTimeCodes.request(university, body.email(), clientAddresses.of(request));
        return new CodeRequested(
                "code_sent",
                "A 6-digit code is on its way to " + email + ". It works for "
                        + configuration.getCodeValidity().toMinutes() + " minutes.",
                configuration.getCodeValidity().toSeconds());
    }

    @Post("/verify")
    @Operation(
            summary = "Sign in with the emailed code",
            description = "Returns a bearer token bound to this university (and sets the page session cookie). "
                    + "The first sign-in creates the account.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "code_incorrect, code_expired, code_used or no_code")
    @ApiResponse(responseCode = "403", description = "domain_not_allowed")
    @ApiResponse(responseCode = "422", description = "invalid_email or invalid_code")
    @ApiResponse(responseCode = "429", description = "too_many_attempts or rate_limited")
    HttpResponse<SignedIn> verify(
            @CurrentUniversity University university, HttpRequest<?> request, @Body CodeCheck body) {
        User user = oneTimeCodes.verify(university, body.email(), body.code(), clientAddresses.of(request));
        SessionCookies.OpenedSession session = sessionCookies.signIn(request, user);
        return HttpResponse.ok(new SignedIn(session.token(), "Bearer", session.expiresAt(), SignedInUser.of(user)))
                .cookie(session.cookie());
    }
}
